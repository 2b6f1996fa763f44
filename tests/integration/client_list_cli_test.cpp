// knotnotes-cli import --format csv-clients: a clinic's client list from another system, as a
// user imports it, checked through the records the database then exports.
#include <fstream>

#include <catch2/catch.hpp>

#include "cli_workspace.hpp"

using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

void write(const std::string& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// As Jane writes it: a byte-order mark, CRLF, every value quoted, a note with a line break.
const std::string jane_export =
    "\xEF\xBB\xBF"
    "\"First Name\",\"Last Name\",\"Preferred Name\",\"Date of Birth\","
    "\"Email\",\"Mobile Phone\",\"Occupation\",\"Notes\"\r\n"
    "\"Jo\",\"Smith\",\"\",\"25/12/1975\",\"jo@example.org\","
    "\"555-0101\",\"Teacher\",\"firm pressure\r\nno oils\"\r\n"
    "\"Ana María\",\"García\",\"Ana\",\"03/04/1980\",\"\",\"\","
    "\"Nurse, nights\",\"\"\r\n"
    "\"Lee\",\"Kim\",\"\",\"\",\"\",\"555-0199\",\"\",\"\"\r\n";

}  // namespace

TEST_CASE("a client list from another system is imported once, however often it is imported",
          "[integration][client-list]") {
    Workspace w;
    write(w.path("clients.csv"), jane_export);
    const auto first = w.on("k.db", {"import", "--format", "csv-clients", w.path("clients.csv")});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::Contains("Imported 3 clients from"));
    REQUIRE(w.on("k.db", {"export", "--format", "xml", "-o", w.path("out.xml")}).exit_code == 0);
    const auto xml = slurp(w.path("out.xml"));
    CHECK_THAT(xml, Catch::Contains("<given-name>Ana María</given-name>"));
    CHECK_THAT(xml, Catch::Contains("<family-name>García</family-name>"));
    // 25/12/1975 can only be day first, so 03/04/1980 is the 3rd of April.
    CHECK_THAT(xml, Catch::Contains("<birth-date>1975-12-25</birth-date>"));
    CHECK_THAT(xml, Catch::Contains("<birth-date>1980-04-03</birth-date>"));
    CHECK_THAT(xml, Catch::Contains("<phone>555-0199</phone>"));
    CHECK_THAT(xml, Catch::Contains("<occupation>Nurse, nights</occupation>"));

    const auto before = w.state("k.db");
    const auto again = w.on("k.db", {"import", "--format", "csv-clients", w.path("clients.csv")});
    REQUIRE(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("Imported 0 clients") &&
                              Catch::Contains("Skipped 3 clients already known") &&
                              Catch::Contains("line 4: Ana María García, born 1980-04-03 "
                                              "(already in the database)"));
    CHECK(w.state("k.db") == before);
}

TEST_CASE("dates that could be day or month first are asked for, then read as told",
          "[integration][client-list]") {
    Workspace w;
    write(w.path("list.csv"), "Name,DOB\n\"Smith, Jo\",03/04/1980\nLee Kim,1990-01-02\n");
    REQUIRE(w.on("k.db", {"demo", "--clients", "2"}).exit_code == 0);
    const auto before = w.state("k.db");
    const auto asked = w.on("k.db", {"import", "--format", "csv-clients", w.path("list.csv")});
    CHECK(asked.exit_code == 1);
    CHECK_THAT(asked.err, Catch::Contains("list.csv: the dates of birth could have the day or the "
                                          "month first") &&
                              Catch::Contains("--date-format MDY") &&
                              Catch::Contains("Nothing was imported"));
    CHECK(w.state("k.db") == before);
    const auto dry = w.on("k.db", {"import", "--format", "csv-clients", "--date-format", "MDY",
                                   "--dry-run", w.path("list.csv")});
    REQUIRE(dry.exit_code == 0);
    CHECK_THAT(dry.out, Catch::Contains("Would import 2 clients") &&
                            Catch::Contains("line 2: Jo Smith, born 1980-03-04"));
    CHECK(w.state("k.db") == before);
    const auto told = w.on(
        "k.db", {"import", "--format", "csv-clients", "--date-format", "MDY", w.path("list.csv")});
    REQUIRE(told.exit_code == 0);
    REQUIRE(w.on("k.db", {"export", "--format", "xml", "-o", w.path("out.xml")}).exit_code == 0);
    CHECK_THAT(slurp(w.path("out.xml")), Catch::Contains("<birth-date>1980-03-04</birth-date>"));
}

TEST_CASE("a client list with a bad row imports nothing and names the line",
          "[integration][client-list]") {
    Workspace w;
    REQUIRE(w.on("k.db", {"demo", "--clients", "2"}).exit_code == 0);
    const auto before = w.state("k.db");
    write(w.path("list.csv"),
          "First Name,Last Name,DOB\nJo,Smith,1980-01-02\nAna,Lee,31/02/1980\n");
    const auto refused = w.on("k.db", {"import", "--format", "csv-clients", w.path("list.csv")});
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Catch::Contains("list.csv: 1 row cannot be imported") &&
                                Catch::Contains("line 3: the date of birth \"31/02/1980\" is not a "
                                                "real day"));
    CHECK(w.state("k.db") == before);
    write(w.path("latin1.csv"),
          "First Name,Last Name\nAna,Garc\xED"
          "a\n");
    const auto latin1 = w.on("k.db", {"import", "--format", "csv-clients", w.path("latin1.csv")});
    CHECK(latin1.exit_code == 1);
    CHECK_THAT(latin1.err, Catch::Contains("latin1.csv, line 2: the file is not UTF-8"));
    CHECK(w.state("k.db") == before);
}

TEST_CASE("a column map says what an unknown header holds, and list options need csv-clients",
          "[integration][client-list]") {
    Workspace w;
    write(w.path("list.csv"), "Vorname,Nachname,Geburtsdatum\nJo,Smith,1980-01-02\n");
    // A dry run against a database that does not exist yet creates none.
    const auto dry = w.on("new.db", {"import", "--format", "csv-clients", "--dry-run", "--map",
                                     "Vorname=given-name", w.path("list.csv")});
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.out, Catch::Contains("Would import 1 client from"));
    CHECK_FALSE(std::filesystem::exists(w.path("new.db")));
    const auto unmapped = w.on("k.db", {"import", "--format", "csv-clients", w.path("list.csv")});
    CHECK(unmapped.exit_code == 1);
    CHECK_THAT(unmapped.err,
               Catch::Contains("no column holds the clients' names") && Catch::Contains("--map"));
    const auto mapped = w.on(
        "k.db", {"import", "--format", "csv-clients", "--map", "Vorname=given-name", "--map",
                 "Nachname=family-name", "--map", "Geburtsdatum=birth-date", w.path("list.csv")});
    INFO(mapped.err);
    REQUIRE(mapped.exit_code == 0);
    CHECK_THAT(mapped.out, Catch::Contains("Imported 1 client from"));
    CHECK(w.on("k.db", {"import", "--format", "csv-clients", "--map", "Vorname=nickname",
                        w.path("list.csv")})
              .exit_code == 2);
    CHECK(w.on("k.db", {"import", "--format", "csv-clients", "--map", "Name=given-name",
                        w.path("list.csv")})
              .exit_code == 2);
    // Spaces around a header, or around what is typed, do not matter.
    write(w.path("spaced.csv"), "Vorname ,Nachname\nJo,Smith\n");
    const auto spaced = w.on(
        "k.db", {"import", "--format", "csv-clients", "--dry-run", "--map", "Vorname=given-name",
                 "--map", "Nachname = family-name", w.path("spaced.csv")});
    CHECK(spaced.exit_code == 0);
    CHECK_THAT(spaced.out, Catch::Contains("line 2: Jo Smith, no date of birth"));
    CHECK(w.on("k.db", {"import", "--date-format", "DMY", w.path("list.csv")}).exit_code == 2);
    CHECK(w.on("k.db",
               {"import", "--format", "csv-clients", "--date-format", "YMD", w.path("list.csv")})
              .exit_code == 2);
}

TEST_CASE("knotnotes-cli clients search finds imported clients by the start of their names",
          "[integration][client-list][search]") {
    Workspace w;
    write(w.path("clients.csv"), jane_export);
    REQUIRE(w.on("k.db", {"import", "--format", "csv-clients", w.path("clients.csv")}).exit_code ==
            0);
    const auto before = slurp(w.path("k.db"));
    auto r = w.on("k.db", {"clients", "search", "garcia ana"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // One line a client: its id, a tab, "Family, Given".
    CHECK_THAT(r.out, Catch::Matches("[0-9]+\tGarcía, Ana María\n"));
    r = w.on("k.db", {"clients", "search", "SMI", "--limit", "1"});
    CHECK_THAT(r.out, Catch::EndsWith("\tSmith, Jo\n"));
    r = w.on("k.db", {"clients", "search", "nobody"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("No client's name matches \"nobody\""));
    CHECK(slurp(w.path("k.db")) == before);  // a search changes nothing
    // A database that is not there is not made by a search.
    r = w.on("missing.db", {"clients", "search", "jo"});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(w.path("missing.db")));
}
