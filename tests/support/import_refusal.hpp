// import_refusal.hpp — for the import tests run through knotnotes-cli: a small demo export to
// edit, and the check that an edited file is refused, names the problem and changes nothing.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_workspace.hpp"

namespace knotnotes::test {

// A demo export (one client, two sessions: NPRS scored, effleurage charted in each) of a.db.
inline std::string demo_export(const Workspace& w) {
    REQUIRE(w.on("a.db", {"demo", "--clients", "1", "--sessions-per-client", "2"}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("out.xml")}).exit_code == 0);
    return slurp(w.path("out.xml"));
}

// Imports `content` (written to `name`) into b.db, a demo database of another seed than a.db's
// (demo records, uids too, follow from the seed): refused with exit 1, naming each of
// `expected`, and b.db unchanged.
inline void check_import_refused(const Workspace& w, const std::string& name,
                                 const std::string& content,
                                 const std::vector<std::string>& expected) {
    if (!std::filesystem::exists(w.path("b.db")))
        REQUIRE(w.on("b.db", {"demo", "--clients", "1", "--seed", "77"}).exit_code == 0);
    const auto before = w.state("b.db");
    std::ofstream(w.path(name), std::ios::binary) << content;
    auto r = w.on("b.db", {"import", w.path(name)});
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 1);
    for (const auto& part : expected)
        CHECK_THAT(r.err, Catch::Contains(part));
    CHECK_THAT(r.err, Catch::Contains("database is unchanged"));
    CHECK(w.state("b.db") == before);
}

}  // namespace knotnotes::test
