// Questionnaire definitions written in XML (questionnaire-1.xsd), read by the real
// questionnaires plugin from KNOTNOTES_QUESTIONNAIRE_PATH and the XDG data folder.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "questionnaire_calls.hpp"

using namespace knotnotes;
using knotnotes::test::answer;
using knotnotes::test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path examples_dir = test::source_dir / "plugins/questionnaires/examples";
const fs::path test_data_dir = test::source_dir / "tests/plugins/techniques_questionnaires/data";
const fs::path schema = test::source_dir / "sdk/schema/questionnaire-1.xsd";

// A valid definition with three 1-5 scale items a, b, c; parts can be replaced to break it.
struct DefinitionText {
    std::string id = "test-instrument";
    std::string namespace_uri = "https://knotnotes.org/ns/questionnaire/1";
    std::string after_title;
    std::string licence = "<licence>Written for the KnotNotes tests.</licence>";
    std::string items = R"(<scale id="a" min="1" max="5"><text>A</text></scale>
    <scale id="b" min="1" max="5"><text>B</text></scale>
    <scale id="c" min="1" max="5"><text>C</text></scale>)";
    std::string scoring = R"(<scoring method="mean"/>)";
    std::string bands;

    std::string xml() const {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<questionnaire xmlns=\"" +
               namespace_uri + "\">\n  <id>" + id + "</id>\n  <title>Test " + id + "</title>" +
               after_title + "\n  <version>2.1</version>\n  " + licence +
               "\n  <instructions>Answer all.</instructions>\n  <items>\n    " + items +
               "\n  </items>\n  " + scoring + "\n  " + bands + "\n</questionnaire>\n";
    }
};

void write_file(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

// The line of the plugin's log that names `file`, or "" when none does.
std::string log_line_about(const std::string& log, const fs::path& file) {
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        if (line.find(file.string() + ":") != std::string::npos)
            return line;
    }
    return {};
}

bool xmllint_validates(const fs::path& file) {
    const std::string command = "xmllint --noout --nonet --schema '" + schema.string() + "' '" +
                                file.string() + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

}  // namespace

TEST_CASE("the example definition is loaded and scored by percent of max",
          "[plugins][questionnaires][xml]") {
    test::IsolatedQuestionnaireFolders folders(examples_dir.string());
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    test::Questionnaires q(*host);

    CHECK(q.definitions().size() == 5);
    const auto d = q.definition("neck-function-example");
    CHECK(d.title == "Example 4-item neck function index");
    CHECK(d.version == "1.0");
    CHECK_THAT(d.licence_text, Catch::StartsWith("Fictional example"));
    // Whitespace in element text is collapsed, as xs:token does.
    CHECK_THAT(d.licence_text, Catch::Contains("validated instrument. No rights"));
    REQUIRE(d.items.size() == 4);
    CHECK(d.items[0].id == "turning");
    CHECK(d.items[0].max_label == "I cannot do it");
    CHECK(d.items[2].kind == sdk::ItemKind::choice);
    CHECK(d.items[2].choices.size() == 5);
    CHECK(d.items[2].max == 4);
    CHECK(d.items[3].optional);
    CHECK(d.bands.size() == 5);
    CHECK(d.meaningful_change == 10.0);

    // 2 + 3 + 1 of a possible 12 (the optional item skipped) = 50 %.
    const auto three = q.score("neck-function-example",
                               {answer("turning", 2), answer("desk-work", 3), answer("sleep", 1)});
    CHECK(three.value == Approx(50.0));
    CHECK(three.interpretation == "moderate limitation");
    // 10 of 16 = 62.5 %.
    const auto four = q.score(
        "neck-function-example",
        {answer("turning", 2), answer("desk-work", 3), answer("sleep", 1), answer("carrying", 4)});
    CHECK(four.value == Approx(62.5));
    CHECK(four.interpretation == "severe limitation");

    CHECK_THAT(q.rejection("neck-function-example",
                           {answer("turning", 2), answer("desk-work", 3), answer("sleep", 2.5)}),
               Catch::Contains("'sleep'"));
    CHECK_THAT(q.rejection("neck-function-example", {answer("turning", 2), answer("sleep", 2)}),
               Catch::Contains("'desk-work' is not answered"));
}

TEST_CASE("malformed and schema-invalid definition files are skipped and reported with their line",
          "[plugins][questionnaires][xml]") {
    TempDir definitions;
    for (const auto* name : {"malformed.questionnaire.xml", "schema-invalid.questionnaire.xml"})
        fs::copy_file(test_data_dir / name, definitions / name);
    fs::copy_file(examples_dir / "neck-function-example.questionnaire.xml",
                  definitions / "neck-function-example.questionnaire.xml");
    test::IsolatedQuestionnaireFolders folders(definitions.path().string());
    TempDir config;
    auto host = test::load_builtin_plugins(config);

    TempDir capture_dir;
    test::StderrCapture capture(capture_dir / "stderr.txt");
    test::Questionnaires q(*host);
    const auto log = capture.text();

    CHECK_THAT(log,
               Catch::Contains("skipped " + (definitions / "malformed.questionnaire.xml").string() +
                               ": line 7: malformed XML"));
    CHECK_THAT(log, Catch::Contains("skipped " +
                                    (definitions / "schema-invalid.questionnaire.xml").string() +
                                    ": line 10: <scale> max=\"ten\" is not a decimal number"));
    // The good definition beside them and the built-in instruments are all there and work.
    CHECK(q.definitions().size() == 5);
    CHECK_FALSE(q.has("malformed-example"));
    CHECK_FALSE(q.has("schema-invalid-example"));
    CHECK(q.has("neck-function-example"));
    CHECK(q.score("nprs", {answer("pain", 7)}).interpretation == "severe");
    CHECK(q.score("start-back", test::numbered_answers({1, 0, 0, 0, 1, 1, 1, 0, 3})).value == 5);
}

TEST_CASE("each rule of the schema is enforced by the loader and agrees with xmllint",
          "[plugins][questionnaires][xml]") {
    TempDir definitions;
    struct Case {
        std::string name;
        std::string DefinitionText::*part;  // the part of a valid definition replaced
        std::string replacement;
        std::string reason;
        bool schema_rejects;  // false: a rule beyond what XSD 1.0 can say (see the schema)
    };
    using T = DefinitionText;
    const std::string scale_a = R"(<scale id="a" min="0" max="4"><text>A</text></scale>)";
    const std::vector<Case> cases{
        {"other-namespace", &T::namespace_uri, "https://example.org/q", "not in the namespace",
         true},
        {"no-licence", &T::licence, "", "unexpected <instructions>", true},
        {"extra-element", &T::after_title, "<author>Me</author>", "unexpected <author>", true},
        {"bad-item-id", &T::items, R"(<scale id="A" min="0" max="4"><text>A</text></scale>)",
         "item id 'A'", true},
        {"twice-the-same-item", &T::items, scale_a + scale_a, "a second item with the id 'a'",
         true},
        {"unknown-attribute", &T::items,
         R"(<scale id="a" min="0" max="4" weight="2"><text>A</text></scale>)",
         "unknown attribute weight", true},
        {"one-option", &T::items,
         R"(<choice id="a"><text>A</text><option value="0">No</option></choice>)",
         "needs at least two choices", true},
        {"unknown-method", &T::scoring, R"(<scoring method="median"/>)",
         "unknown scoring method 'median'", true},
        {"empty-band-label", &T::bands,
         R"(<interpretation><band min="0" max="1"> </band></interpretation>)",
         "<band> must not be empty", true},
        {"min-above-max", &T::items, R"(<scale id="a" min="5" max="1"><text>A</text></scale>)",
         "min must be less than max", false},
        {"scale-with-mean", &T::scoring, R"(<scoring method="mean" scale="25"/>)",
         "apply only to method=\"linear\"", false},
        {"too-many-answers-needed", &T::scoring, R"(<scoring method="sum" minimum-answered="4"/>)",
         "minimum-answered is 4 but there are 3 items", false},
        {"band-upside-down", &T::bands,
         R"(<interpretation><band min="3" max="1">x</band></interpretation>)",
         "min is more than max", false},
    };
    auto definition_of = [](const Case& c) {
        DefinitionText text;
        text.id = c.name;
        text.*c.part = c.replacement;
        return text;
    };
    auto file_of = [&](const Case& c) { return definitions / (c.name + ".questionnaire.xml"); };

    DefinitionText valid;
    valid.id = "still-valid";
    write_file(definitions / "still-valid.questionnaire.xml", valid.xml());
    REQUIRE(xmllint_validates(definitions / "still-valid.questionnaire.xml"));
    for (const auto& c : cases) {
        const auto text = definition_of(c).xml();
        write_file(file_of(c), text);
        INFO(c.name << ":\n" << text);
        CHECK(xmllint_validates(file_of(c)) == !c.schema_rejects);
    }

    test::IsolatedQuestionnaireFolders folders(definitions.path().string());
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    TempDir capture_dir;
    test::StderrCapture capture(capture_dir / "stderr.txt");
    test::Questionnaires q(*host);
    const auto log = capture.text();

    for (const auto& c : cases) {
        INFO(c.name);
        CHECK_THAT(log_line_about(log, file_of(c)), Catch::Contains(c.reason));
        CHECK_FALSE(q.has(c.name));
    }
    CHECK(q.has("still-valid"));
    CHECK(q.definitions().size() == 5);
}

TEST_CASE("a definition cannot take a built-in id or one an earlier file defines",
          "[plugins][questionnaires][xml]") {
    TempDir definitions;
    DefinitionText text;
    text.id = "nprs";
    write_file(definitions / "a-nprs.questionnaire.xml", text.xml());
    text.id = "twice";
    write_file(definitions / "b-twice.questionnaire.xml", text.xml());
    write_file(definitions / "c-twice.questionnaire.xml", text.xml());
    test::IsolatedQuestionnaireFolders folders(definitions.path().string());
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    TempDir capture_dir;
    test::StderrCapture capture(capture_dir / "stderr.txt");
    test::Questionnaires q(*host);
    const auto log = capture.text();

    CHECK_THAT(log, Catch::Contains("a-nprs.questionnaire.xml: the id 'nprs' is a built-in"));
    CHECK_THAT(log,
               Catch::Contains("c-twice.questionnaire.xml: the id 'twice' is already defined by " +
                               (definitions / "b-twice.questionnaire.xml").string()));
    CHECK(q.definition("nprs").title == "Numeric Pain Rating Scale (NPRS)");
    CHECK(q.has("twice"));
    CHECK(q.definitions().size() == 5);
}

TEST_CASE("definitions are read from every folder of the path and from the XDG data folder",
          "[plugins][questionnaires][xml]") {
    TempDir first;
    TempDir second;
    DefinitionText text;
    text.id = "from-first";
    write_file(first / "one.questionnaire.xml", text.xml());
    text.id = "not-a-definition-file";
    write_file(first / "ignored.xml", text.xml());  // not named *.questionnaire.xml
    text.id = "from-second";
    write_file(second / "two.questionnaire.xml", text.xml());
    // An empty entry and a folder that does not exist are passed over.
    test::IsolatedQuestionnaireFolders folders(first.path().string() +
                                               "::" + (second / "missing").string() + ":" +
                                               second.path().string());
    text.id = "from-xdg";
    write_file(folders.xdg_questionnaire_dir() / "three.questionnaire.xml", text.xml());
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    test::Questionnaires q(*host);

    CHECK(q.has("from-first"));
    CHECK(q.has("from-second"));
    CHECK(q.has("from-xdg"));
    CHECK_FALSE(q.has("not-a-definition-file"));
    CHECK(q.definition("from-xdg").version == "2.1");
}

TEST_CASE("the sum mean and linear scoring methods score as the schema says",
          "[plugins][questionnaires][xml]") {
    TempDir definitions;
    DefinitionText text;
    text.id = "by-sum";
    text.scoring = R"(<scoring method="sum"/>)";
    write_file(definitions / "sum.questionnaire.xml", text.xml());
    text.id = "by-mean";
    text.scoring = R"(<scoring method="mean"/>)";
    write_file(definitions / "mean.questionnaire.xml", text.xml());
    // Every item optional: only minimum-answered limits what may be skipped.
    text.id = "any-two";
    text.items = R"(<scale id="a" min="1" max="5" optional="true"><text>A</text></scale>
      <scale id="b" min="1" max="5" optional="1"><text>B</text></scale>
      <scale id="c" min="1" max="5" optional="true"><text>C</text></scale>)";
    text.scoring = R"(<scoring method="mean" minimum-answered="2"/>)";
    write_file(definitions / "any-two.questionnaire.xml", text.xml());
    // QuickDASH-style: (mean - 1) x 25 turns a 1-5 mean into 0-100.
    text = DefinitionText();
    text.id = "by-linear";
    text.items += R"(<scale id="d" min="1" max="5" optional="true"><text>D</text></scale>)";
    text.scoring = R"(<scoring method="linear" offset="-1" scale="25" minimum-answered="3"/>)";
    text.bands = R"(<interpretation><band min="0" max="40">low</band>
      <band min="40" max="100">high</band></interpretation>)";
    write_file(definitions / "linear.questionnaire.xml", text.xml());
    REQUIRE(xmllint_validates(definitions / "linear.questionnaire.xml"));
    test::IsolatedQuestionnaireFolders folders(definitions.path().string());
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    test::Questionnaires q(*host);

    const std::vector<sdk::QuestionnaireAnswer> answers{answer("a", 1), answer("b", 3),
                                                        answer("c", 5)};
    CHECK(q.score("by-sum", answers).value == Approx(9.0));
    CHECK(q.score("by-mean", answers).value == Approx(3.0));
    const auto linear = q.score("by-linear", answers);
    CHECK(linear.value == Approx(50.0));
    CHECK(linear.interpretation == "high");
    auto with_d = answers;
    with_d.push_back(answer("d", 1));
    CHECK(q.score("by-linear", with_d).value == Approx(37.5));  // mean 2.5
    CHECK(q.score("by-linear", with_d).interpretation == "low");
    CHECK_THAT(q.rejection("by-linear", {answer("a", 1), answer("b", 3), answer("d", 2)}),
               Catch::Contains("'c' is not answered"));

    CHECK(q.score("any-two", {answer("b", 2), answer("c", 5)}).value == Approx(3.5));
    CHECK_THAT(q.rejection("any-two", {answer("b", 2)}),
               Catch::Contains("at least 2 items must be answered, not 1") &&
                   Catch::Contains("not answered: 'a', 'c'"));
}

TEST_CASE("a file's bands are read half-open: no gaps between them, a shared bound goes up",
          "[plugins][questionnaires][xml]") {
    TempDir definitions;
    DefinitionText text;
    text.id = "gapped";  // inclusive integer bands as clinics write them: 1-2, 3-5
    text.bands = R"(<interpretation><band min="1" max="2">low</band>
      <band min="3" max="5">high</band></interpretation>)";
    write_file(definitions / "gapped.questionnaire.xml", text.xml());
    text.id = "touching";
    text.bands = R"(<interpretation><band min="1" max="3">low</band>
      <band min="3" max="5">high</band></interpretation>)";
    write_file(definitions / "touching.questionnaire.xml", text.xml());
    test::IsolatedQuestionnaireFolders folders(definitions.path().string());
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    test::Questionnaires q(*host);

    // A prorated mean of 2.5 used to fall between "1-2" and "3-5" and get no label.
    const auto mean_2_5 = q.score("gapped", {answer("a", 2), answer("b", 2), answer("c", 3.5)});
    CHECK(mean_2_5.value == Approx(2.5));
    CHECK(mean_2_5.interpretation == "low");
    CHECK(q.score("gapped", {answer("a", 3), answer("b", 3), answer("c", 3)}).interpretation ==
          "high");
    CHECK(q.score("touching", {answer("a", 3), answer("b", 3), answer("c", 3)}).interpretation ==
          "high");
    // The last band includes its max.
    CHECK(q.score("touching", {answer("a", 5), answer("b", 5), answer("c", 5)}).interpretation ==
          "high");
    // What the plugin serves are SDK 2 bands: [1, 3) and [3, 5].
    for (const auto& d : q.definitions()) {
        if (d.id != "gapped")
            continue;
        REQUIRE(d.bands.size() == 2);
        CHECK(d.bands[0].max == 3);
        CHECK(d.bands[1].max == 5);
    }
}
