// client_search_contract.hpp — what the type-ahead over client names means
// (db/client_search.hpp), checked the same way on every engine: the unit tests run it on a
// SQLite file, the PostgreSQL tests on a real clinic server. An engine passes when a therapist
// typing into the search box finds the same clients on either.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "db/client_search.hpp"

namespace knotnotes::test {

struct ClientSearchEngine {
    db::ClientSearch& search;
    // Adds a client to the engine under test; returns its id.
    std::function<std::int64_t(const std::string& given, const std::string& family)> add;
    std::function<void(std::int64_t id, const std::string& given, const std::string& family)>
        rename;
};

inline std::vector<std::string> found_names(db::ClientSearch& search, const std::string& typed,
                                            int limit = 10) {
    std::vector<std::string> names;
    for (const auto& c : search.search_names(typed, limit))
        names.push_back(c.given_name + " " + c.family_name);
    return names;
}

inline void check_client_search_contract(const ClientSearchEngine& engine) {
    using Catch::Matchers::UnorderedEquals;
    using Names = std::vector<std::string>;
    for (const auto& [given, family] :
         std::vector<std::pair<std::string, std::string>>{{"Jo", "Smith"},
                                                          {"Joanna", "Smithers"},
                                                          {"Chloé", "Dubois"},
                                                          {"Sam", "O'Brien"},
                                                          {"Ann", "Jones"},
                                                          {"Zoë", "Ångström"},
                                                          {"Mary-Jane", "Watson"}}) {
        engine.add(given, family);
    }
    auto& search = engine.search;

    // Every word typed starts a word of the given or the family name, in any order.
    CHECK_THAT(found_names(search, "smi"), UnorderedEquals(Names{"Jo Smith", "Joanna Smithers"}));
    CHECK_THAT(found_names(search, "smi jo"),
               UnorderedEquals(Names{"Jo Smith", "Joanna Smithers"}));
    CHECK(found_names(search, "smith joa") == Names{"Joanna Smithers"});
    CHECK(found_names(search, "J").size() == 4);        // Jo, Joanna, Jones, Mary-Jane
    CHECK(found_names(search, "mith").empty());         // not the start of a word
    CHECK(found_names(search, "smith jones").empty());  // every word must match
    CHECK(found_names(search, "xyz").empty());
    CHECK(found_names(search, "   ").empty());
    CHECK(found_names(search, "").empty());
    // Case and accents ignored, both in the names and in what was typed.
    CHECK(found_names(search, "chloe") == Names{"Chloé Dubois"});
    CHECK(found_names(search, "CHLOÉ DUB") == Names{"Chloé Dubois"});
    CHECK(found_names(search, "zoe angs") == Names{"Zoë Ångström"});
    CHECK(found_names(search, "ÅNGSTRÖM") == Names{"Zoë Ångström"});
    // Words joined by punctuation are words of their own.
    CHECK(found_names(search, "o'b") == Names{"Sam O'Brien"});
    CHECK(found_names(search, "brien") == Names{"Sam O'Brien"});
    CHECK(found_names(search, "jane") == Names{"Mary-Jane Watson"});
    // What was typed is never query syntax.
    for (const auto* typed : {"\"", "AND", "sam OR", "*", "NEAR(", "sam\"*", "'&!:*", "\\",
                              "sam & !jo", "o''b", "jo:*", "(sam | ann)"}) {
        INFO(typed);
        CHECK_NOTHROW(search.search_names(typed, 10));
    }
    CHECK(found_names(search, "AND").empty());
    CHECK(found_names(search, "(sam | ann)").empty());  // not "sam or ann": both words must match
    CHECK(found_names(search, "\"smi") == found_names(search, "smi"));
    // At most `limit`.
    CHECK(found_names(search, "j", 2).size() == 2);
    // A renamed client is found by the new name only.
    const auto mia = engine.add("Mia", "Young");
    engine.rename(mia, "Mia", "King");
    CHECK(found_names(search, "young").empty());
    CHECK(found_names(search, "kin") == Names{"Mia King"});
}

}  // namespace knotnotes::test
