// knotnotes-cli techniques / questionnaires and plugins check, run as a plugin author runs them.
#include <catch2/catch.hpp>

#include "cli_workspace.hpp"

using knotnotes::test::Workspace;

namespace {

int lines_starting_with(const std::string& text, const std::string& prefix) {
    int count = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find('\n', at);
        if (text.compare(at, prefix.size(), prefix) == 0)
            ++count;
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return count;
}

const std::string definitions_dir = KNOTNOTES_TEST_DEFINITION_PLUGINS_DIR;

}  // namespace

TEST_CASE("techniques list: one technique per line with its full id", "[integration][cli]") {
    Workspace w;
    auto all = w.cli({"techniques", "list"});
    INFO(all.err);
    REQUIRE(all.exit_code == 0);
    CHECK_THAT(all.out, Catch::Contains("org.knotnotes.techniques.swedish/effleurage\tEffleurage\t"
                                        "Swedish\tpressure 1-5\n"));
    CHECK(lines_starting_with(all.out, "org.knotnotes.techniques.deep-tissue/") == 7);

    auto one = w.cli({"techniques", "list", "--library", "org.knotnotes.techniques.swedish"});
    CHECK(one.exit_code == 0);
    CHECK(lines_starting_with(one.out, "org.knotnotes.techniques.swedish/") == 8);
    CHECK(lines_starting_with(one.out, "org.knotnotes.techniques.deep-tissue/") == 0);

    auto json =
        w.cli({"techniques", "list", "--library", "org.knotnotes.techniques.swedish", "--json"});
    CHECK(json.exit_code == 0);
    CHECK_THAT(json.out, Catch::StartsWith("[\n  {\"id\":\"org.knotnotes.techniques.swedish/") &&
                             Catch::Contains("\"pressure_min\":1,\"pressure_max\":5") &&
                             Catch::EndsWith("}\n]\n"));
}

TEST_CASE("techniques list --library names what is wrong with a library it cannot list",
          "[integration][cli]") {
    Workspace w;
    auto unknown = w.cli({"techniques", "list", "--library", "org.example.nothing"});
    CHECK(unknown.exit_code == 1);
    CHECK_THAT(unknown.err, Catch::Contains("no plugin with id org.example.nothing"));

    REQUIRE(w.cli({"plugins", "disable", "org.knotnotes.techniques.swedish"}).exit_code == 0);
    auto disabled = w.cli({"techniques", "list", "--library", "org.knotnotes.techniques.swedish"});
    CHECK(disabled.exit_code == 1);
    CHECK_THAT(disabled.err, Catch::Contains("is disabled: disabled by the user") &&
                                 Catch::Contains("knotnotes-cli plugins enable "
                                                 "org.knotnotes.techniques.swedish"));
    // Listing everything says which library is missing from the list, and why.
    auto all = w.cli({"techniques", "list"});
    CHECK(all.exit_code == 0);
    CHECK(lines_starting_with(all.out, "org.knotnotes.techniques.swedish/") == 0);
    CHECK_THAT(all.err, Catch::Contains("org.knotnotes.techniques.swedish (disabled"));
}

TEST_CASE("questionnaires list and score, as the app scores", "[integration][cli]") {
    Workspace w;
    auto list = w.cli({"questionnaires", "list"});
    REQUIRE(list.exit_code == 0);
    CHECK_THAT(list.out, Catch::Contains("org.knotnotes.questionnaires/nprs\tNumeric Pain Rating "
                                         "Scale (NPRS)\tversion 1.0\t1 items\n"));
    auto json = w.cli({"questionnaires", "list", "--json"});
    CHECK_THAT(json.out, Catch::Contains("\"bands\":[{\"min\":0,\"max\":1,\"label\":\"none\"}"));

    auto seven = w.cli({"questionnaires", "score", "org.knotnotes.questionnaires/nprs", "pain=7"});
    CHECK(seven.exit_code == 0);
    CHECK(seven.out == "org.knotnotes.questionnaires/nprs: 7 (severe)\n");
    // The instrument's own id is enough when only one plugin has it.
    auto peg = w.cli(
        {"questionnaires", "score", "peg-3", "pain=7", "enjoyment=3", "activity=2.5", "--json"});
    CHECK(peg.exit_code == 0);
    CHECK(peg.out ==
          "{\"instrument\":\"org.knotnotes.questionnaires/peg-3\",\"version\":\"1.0\","
          "\"score\":4.166666666666667,\"interpretation\":\"\"}\n");
}

TEST_CASE("questionnaires score passes on the plugin's refusal with a non-zero exit",
          "[integration][cli]") {
    Workspace w;
    auto out_of_range = w.cli({"questionnaires", "score", "nprs", "pain=11"});
    CHECK(out_of_range.exit_code == 1);
    CHECK_THAT(out_of_range.err, Catch::Contains("item 'pain': 11 is outside 0 to 10"));
    auto missing = w.cli({"questionnaires", "score", "peg-3", "pain=4"});
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Catch::Contains("'enjoyment' is not answered"));
    auto unknown = w.cli({"questionnaires", "score", "oswestry", "q1=2"});
    CHECK(unknown.exit_code == 1);
    CHECK_THAT(unknown.err, Catch::Contains("no questionnaire 'oswestry'"));
    auto not_a_number = w.cli({"questionnaires", "score", "nprs", "pain=seven"});
    CHECK(not_a_number.exit_code == 2);
    CHECK_THAT(not_a_number.err, Catch::Contains("'seven', is not a number"));
}

TEST_CASE("plugins check makes a trial export and reads it back", "[integration][cli]") {
    Workspace w;
    auto xml = w.cli({"plugins", "check",
                      std::string(KNOTNOTES_BUILTIN_PLUGIN_DIR) + "/knotnotes-export-xml.so"});
    INFO(xml.out << xml.err);
    CHECK(xml.exit_code == 0);
    CHECK_THAT(xml.out, Catch::Contains("ok:      exporter: trial export of a sample database "
                                        "(2 clients, 6 sessions) wrote ") &&
                            Catch::Contains("ok:      importer: read the trial export back (2 "
                                            "clients, 6 sessions)"));
    auto csv = w.cli({"plugins", "check",
                      std::string(KNOTNOTES_BUILTIN_PLUGIN_DIR) + "/knotnotes-export-csv.so"});
    CHECK(csv.exit_code == 0);
    CHECK_THAT(csv.out, Catch::Contains("trial export of a sample database"));
}

TEST_CASE("plugins check validates compiled definitions with the SDK's rules",
          "[integration][cli]") {
    Workspace w;
    auto q = w.cli({"plugins", "check", definitions_dir + "/bad-questionnaires.so"});
    CHECK(q.exit_code == 3);
    CHECK_THAT(q.err, Catch::Contains("questionnaire 'Bad Id': the instrument id 'Bad Id'") &&
                          Catch::Contains("a second item with the id 'pain'") &&
                          Catch::Contains("item 'pain': min must be less than max") &&
                          Catch::Contains("band 'high': min 6 must be at most max 2"));
    auto t = w.cli({"plugins", "check", definitions_dir + "/bad-techniques.so"});
    CHECK(t.exit_code == 3);
    CHECK_THAT(t.err, Catch::Contains("technique 'kneading': typical pressure 9..1") &&
                          Catch::Contains("a second technique with the id 'kneading'") &&
                          Catch::Contains("technique id 'Bad/Id'") &&
                          Catch::Contains("technique 'Bad/Id' needs a name"));
    for (const char* builtin : {"knotnotes-questionnaires.so", "knotnotes-techniques-swedish.so"}) {
        auto good =
            w.cli({"plugins", "check", std::string(KNOTNOTES_BUILTIN_PLUGIN_DIR) + "/" + builtin});
        INFO(builtin << "\n" << good.out << good.err);
        CHECK(good.exit_code == 0);
    }
}

TEST_CASE("a disabled plugin is named as disabled by check and by export", "[integration][cli]") {
    Workspace w;
    REQUIRE(w.cli({"plugins", "disable", "org.knotnotes.export.csv"}).exit_code == 0);
    auto check = w.cli({"plugins", "check",
                        std::string(KNOTNOTES_BUILTIN_PLUGIN_DIR) + "/knotnotes-export-csv.so"});
    CHECK(check.exit_code == 3);
    CHECK_THAT(check.err, Catch::Contains("keeps this plugin disabled (disabled by the user)") &&
                              Catch::Contains("plugins enable org.knotnotes.export.csv"));
    CHECK_THAT(check.out, !Catch::Contains("passed every check"));

    REQUIRE(w.on("a.db", {"demo", "--clients", "1"}).exit_code == 0);
    auto r = w.on("a.db", {"export", "--format", "csv", "-o", w.path("out")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("no loaded plugin exports the format 'csv'") &&
                          Catch::Contains("org.knotnotes.export.csv (disabled: disabled by the "
                                          "user): enable it with: knotnotes-cli plugins enable "
                                          "org.knotnotes.export.csv"));
}
