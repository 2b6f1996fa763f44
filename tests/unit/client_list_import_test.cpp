// Client list import (CSV from another system): reading, columns, dates, duplicates, and the
// import into a real database, all or nothing.
#include <fstream>

#include <catch2/catch.hpp>

#include "core/client_list_import.hpp"
#include "db/client_records.hpp"
#include "db/database.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

core::ClientListPlan plan_of(const std::string& csv, core::ClientListOptions options = {},
                             std::vector<db::ClientIdentity> existing = {}) {
    return core::plan_client_list(core::parse_csv(csv, "list.csv"), "list.csv", options, existing);
}

std::string error_of(const std::string& csv, core::ClientListOptions options = {}) {
    try {
        plan_of(csv, options);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("CSV: BOM, quotes, doubled quotes, separators and line breaks inside quotes, CRLF",
          "[core][client-list]") {
    const auto t = core::parse_csv(
        "\xEF\xBB\xBF"
        "a,b,c\r\n"
        "\"x, y\",\"say \"\"hi\"\"\",\"one\r\ntwo\"\r\n"
        "\r\n"
        "p,,\n"
        "q\n",
        "f.csv");
    REQUIRE(t.header == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].fields == std::vector<std::string>{"x, y", "say \"hi\"", "one\r\ntwo"});
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[1].line == 5);  // the quoted line break and the blank line are counted
    CHECK(t.rows[1].fields == std::vector<std::string>{"p", "", ""});
    CHECK(t.rows[2].fields == std::vector<std::string>{"q", "", ""});  // short rows are padded
    // Spaces around quoted values (some programs write `"a", "b"`) are not part of them.
    CHECK(core::parse_csv("a,b\n\"x, y\" , \"z\"\n", "f.csv").rows.at(0).fields ==
          std::vector<std::string>{"x, y", "z"});
}

TEST_CASE("CSV: the header line's separator is used: semicolon and tab too",
          "[core][client-list]") {
    const auto semi = core::parse_csv("Name;DOB\n\"Smith; Jo\";1980-01-02\n", "f.csv");
    CHECK(semi.separator == ';');
    CHECK(semi.rows.at(0).fields == std::vector<std::string>{"Smith; Jo", "1980-01-02"});
    const auto tab = core::parse_csv("Name\tDOB\nJo Smith, Jr\t1980-01-02\n", "f.csv");
    CHECK(tab.rows.at(0).fields == std::vector<std::string>{"Jo Smith, Jr", "1980-01-02"});
}

TEST_CASE("CSV: broken files are refused, naming the file and line", "[core][client-list]") {
    const auto problem = [](const std::string& text) {
        try {
            core::parse_csv(text, "f.csv");
        } catch (const core::CsvError& e) {
            return std::string(e.what()) + " @" + std::to_string(e.line());
        }
        return std::string("(read)");
    };
    CHECK_THAT(problem("a,b\n1,2\n\"open,3\n4,5\n"), Catch::Contains("f.csv, line 3: a quoted "
                                                                     "value is never closed"));
    CHECK_THAT(problem("a,b\n1,2,3\n"), Catch::Contains("line 2: this row has 3 fields"));
    CHECK_THAT(problem("a,b\n\"x\"y,2\n"), Catch::Contains("line 2: text after the closing quote"));
    CHECK_THAT(problem("a,b\nx\"y,2\n"), Catch::Contains("line 2: a quote inside a value"));
    CHECK_THAT(
        problem("a,b\n1,2\nGarc\xED"
                "a,3\n"),
        Catch::Contains("f.csv, line 3: the file is not UTF-8") && Catch::Contains("CSV UTF-8"));
    CHECK_THAT(problem(""), Catch::Contains("the file is empty"));
    CHECK_THAT(problem(std::string("\xFF\xFE"
                                   "a\0,\0",
                                   6)),
               Catch::Contains("f.csv: the file is UTF-16"));
    // A separator at the end of every data row adds only empty fields: they are dropped.
    CHECK(core::parse_csv("a,b\n1,2,\n3,4,,\n", "f.csv").rows.at(1).fields ==
          std::vector<std::string>{"3", "4"});
}

TEST_CASE("the usual headers of other systems are recognised", "[core][client-list]") {
    using C = core::ClientColumn;
    CHECK(core::recognise_client_columns({"First Name", "Last Name", "Date of Birth", "E-mail",
                                          "Mobile Phone", "Occupation", "Emergency Contact Name",
                                          "Notes"}) ==
          std::vector<C>{C::given_name, C::family_name, C::birth_date, C::email, C::phone,
                         C::occupation, C::emergency_contact, C::ignored});
    CHECK(core::recognise_client_columns({"given_name", "SURNAME", "DOB (dd/mm/yyyy)", "Cell"}) ==
          std::vector<C>{C::given_name, C::family_name, C::birth_date, C::phone});
    CHECK(core::recognise_client_columns({"Name", "Birthdate", "Phone"}) ==
          std::vector<C>{C::full_name, C::birth_date, C::phone});
    // Beside split names, "Name" is something else.
    CHECK(core::recognise_client_columns({"Name", "First", "Last"}) ==
          std::vector<C>{C::ignored, C::given_name, C::family_name});
    for (const auto column : core::all_client_columns)
        CHECK(core::parse_client_column_id(core::client_column_id(column)) == column);
}

TEST_CASE("dates of birth: ISO, day or month first, month names, and impossible days refused",
          "[core][client-list]") {
    using core::DateOrder;
    const auto read = [](const char* text, DateOrder order = DateOrder::unknown) {
        const auto d = core::read_birth_date(text, order);
        return d.problem.empty() ? d.iso : "! " + d.problem;
    };
    CHECK(read("1980-03-12") == "1980-03-12");
    CHECK(read("1980/3/12") == "1980-03-12");
    CHECK(read("1980-03-12 00:00:00") == "1980-03-12");
    CHECK(read("1980-03-12T00:00") == "1980-03-12");
    CHECK(read("3/12/1980 12:00:00 AM", DateOrder::month_first) == "1980-03-12");
    CHECK_THAT(read("1980-03-12 23:00"), Catch::Contains("has a time of day"));
    CHECK(read("12/03/1980", DateOrder::day_first) == "1980-03-12");
    CHECK(read("12.03.1980", DateOrder::day_first) == "1980-03-12");
    CHECK(read("12/03/1980", DateOrder::month_first) == "1980-12-03");
    CHECK(read("25/12/1975") == "1975-12-25");  // only possible one way
    CHECK(read("05/05/1980") == "1980-05-05");  // the same either way
    CHECK_THAT(read("12/03/1980"), Catch::Contains("could be day first or month first"));
    CHECK(read("12 Mar 1980") == "1980-03-12");
    CHECK(read("12-March-1980") == "1980-03-12");
    CHECK(read("March 12, 1980") == "1980-03-12");
    CHECK(read("Sept 1 1980") == "1980-09-01");
    CHECK_THAT(read("1980-02-30"), Catch::Contains("\"1980-02-30\" is not a real day"));
    CHECK_THAT(read("31/02/1980", DateOrder::day_first), Catch::Contains("not a real day"));
    CHECK_THAT(read("31/02/1980"), Catch::Contains("\"31/02/1980\" is not a real day"));
    CHECK_THAT(read("25/12/1975", DateOrder::month_first),
               Catch::Contains("not a real day when the month comes first"));
    CHECK_THAT(read("12/03/80"), Catch::Contains("two-digit year"));
    CHECK_THAT(read("soon"), Catch::Contains("is not a date KnotNotes can read"));
    CHECK(read("") == "");
}

TEST_CASE("the file's dates decide their order, and when they cannot the user is asked",
          "[core][client-list]") {
    using core::DateOrder;
    const auto decide = [](std::vector<core::DatedLine> dates) {
        return core::decide_date_order(dates, DateOrder::unknown, "f.csv");
    };
    CHECK(decide({{2, "03/04/1980"}, {3, "25/04/1980"}}) == DateOrder::day_first);
    CHECK(decide({{2, "03/04/1980"}, {3, "04/25/1980"}}) == DateOrder::month_first);
    CHECK(decide({{2, "1980-04-03"}, {3, "05/05/1980"}}) == DateOrder::unknown);
    try {
        decide({{2, "1980-01-01"}, {7, "03/04/1980"}});
        FAIL("an undecidable order was guessed");
    } catch (const core::DateOrderError& e) {
        CHECK(e.needs_choice());
        CHECK_THAT(e.what(), Catch::Contains("line 7 (\"03/04/1980\") is 1980-04-03 day first, "
                                             "1980-03-04 month first"));
    }
    try {
        decide({{2, "25/04/1980"}, {9, "04/25/1980"}});
        FAIL("contradicting dates were accepted");
    } catch (const core::DateOrderError& e) {
        CHECK_FALSE(e.needs_choice());
        CHECK_THAT(e.what(), Catch::Contains("line 2") && Catch::Contains("line 9"));
    }
    // A requested order is taken as it is.
    CHECK(core::decide_date_order({{2, "25/04/1980"}}, DateOrder::month_first, "f.csv") ==
          DateOrder::month_first);
}

TEST_CASE("a plan maps the columns, splits full names, and skips duplicates by name and birth date",
          "[core][client-list]") {
    const auto plan = plan_of(
        "Name,Born,Cell,Home phone,Job,Emergency contact,Emergency phone\n"
        "\"Smith, Jo\",25/12/1975,,555-1,Nurse,Sam,555-2\n"
        "Ana María García,1990-01-02,555-3,555-4,,,\n"
        "  jo   SMITH ,25/12/1975,,,,,\n"
        "Lee Kim,,,,,,\n"
        ",,,,,,\n",
        {}, {{"Lee", "Kim", ""}});
    REQUIRE(plan.clients.size() == 2);
    const auto& jo = plan.clients[0].client;
    CHECK(jo.given_name == "Jo");
    CHECK(jo.family_name == "Smith");
    CHECK(jo.birth_date == "1975-12-25");
    CHECK(jo.phone == "555-1");  // the first phone column with a number
    CHECK(jo.occupation == "Nurse");
    CHECK(jo.emergency_contact == "Sam, 555-2");
    const auto& ana = plan.clients[1].client;
    CHECK(ana.given_name == "Ana María");
    CHECK(ana.family_name == "García");
    CHECK(ana.phone == "555-3");
    REQUIRE(plan.skipped.size() == 2);
    CHECK(plan.skipped[0].line == 4);
    CHECK(plan.skipped[0].reason == "the same person as line 2");
    CHECK(plan.skipped[1].line == 5);
    CHECK(plan.skipped[1].reason == "already in the database");
    CHECK(plan.date_order == core::DateOrder::day_first);
}

TEST_CASE("rows that cannot be imported refuse the whole file, each named by its line",
          "[core][client-list]") {
    const auto message = error_of(
        "First Name,Last Name,DOB,Email\n"
        "Jo,Smith,1980-01-02,\n"
        ",,1980-01-03,someone@example.org\n"
        "Ana,Lee,1980-02-30,\n"
        "Bo,Ek,1980-01-04,\"a\x01b\"\n");
    CHECK_THAT(message, Catch::Contains("3 rows cannot be imported, so nothing was imported"));
    CHECK_THAT(message, Catch::Contains("line 3: no name"));
    CHECK_THAT(message, Catch::Contains("line 4: the date of birth \"1980-02-30\" is not a real "
                                        "day"));
    CHECK_THAT(message, Catch::Contains("line 5: ") && Catch::Contains("email"));
    CHECK_THAT(error_of("Company,City\nAcme,Oslo\n"),
               Catch::Contains("no column holds the clients' names") &&
                   Catch::Contains("\"Company\", \"City\""));
    CHECK_THAT(error_of("First,DOB,Birthday\nJo,1980-01-01,1980-01-01\n"),
               Catch::Contains("more than one column is taken as Date of birth"));
}

TEST_CASE("the user's column choices and date order replace the guesses", "[core][client-list]") {
    using C = core::ClientColumn;
    core::ClientListOptions options;
    options.columns = {C::family_name, C::given_name, C::ignored};
    options.date_order = core::DateOrder::month_first;
    const auto plan = plan_of("Col A,Col B,Geburtstag\nSmith,Jo,03/04/1980\n", options);
    REQUIRE(plan.clients.size() == 1);
    CHECK(plan.clients[0].client.family_name == "Smith");
    CHECK(plan.clients[0].client.birth_date.empty());  // its column was not imported
    options.columns = {C::family_name, C::given_name, C::birth_date};
    CHECK(plan_of("A,B,C\nSmith,Jo,03/04/1980\n", options).clients[0].client.birth_date ==
          "1980-03-04");
}

TEST_CASE(
    "importing a client list into a real database: all at once, twice adds nobody, and a "
    "failure half-way adds nothing",
    "[core][client-list]") {
    TempDir dir;
    const auto file = dir / "list.csv";
    std::ofstream(file) << "First Name,Last Name,DOB\nJo,Smith,1980-01-02\nAna,Lee,1981-02-03\n"
                           "Bo,Ek,1982-03-04\n";
    db::Database database(dir / "k.db");
    const auto records = db::file_client_records(database);
    auto& clients = *records;
    const auto count = [&] {
        auto st = database.prepare("SELECT count(*) FROM clients");
        st->step();
        return st->int64(0);
    };
    const auto first = core::import_client_list(clients, core::plan_client_list(clients, file, {}));
    CHECK(first.imported == 3);
    CHECK(count() == 3);
    const auto second =
        core::import_client_list(clients, core::plan_client_list(clients, file, {}));
    CHECK(second.imported == 0);
    CHECK(second.skipped.size() == 3);
    CHECK(count() == 3);

    // A plan made before someone else added the same client skips that client at import.
    std::ofstream(file) << "First Name,Last Name,DOB\nCy,Ng,1990-01-01\nDee,Ox,1990-01-02\n";
    const auto plan = core::plan_client_list(clients, file, {});
    REQUIRE(plan.clients.size() == 2);
    db::ClientRepository(database).add(plan.clients[0].client);
    const auto late = core::import_client_list(clients, plan);
    CHECK(late.imported == 1);
    REQUIRE(late.skipped.size() == 1);
    CHECK(late.skipped[0].line == 2);
    CHECK(count() == 5);

    // The database refuses the second of two new clients: the first is not kept either.
    std::ofstream(file) << "First Name,Last Name,DOB\nEve,Ma,1990-01-03\nBoom,Ka,1990-01-04\n";
    const auto failing = core::plan_client_list(clients, file, {});
    database.exec(
        "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON clients "
        "WHEN NEW.given_name = 'Boom' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    CHECK_THROWS(core::import_client_list(clients, failing));
    CHECK(count() == 5);
}
