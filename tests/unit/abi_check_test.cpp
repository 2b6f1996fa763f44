#include <catch2/catch.hpp>

#include "core/abi_check.hpp"

using knotnotes::core::abi_incompatibility;

TEST_CASE("the same major is compatible whatever the minors, in both directions", "[core][abi]") {
    CHECK(abi_incompatibility({2, 3}, {2, 3}).empty());
    CHECK(abi_incompatibility({2, 3}, {2, 0}).empty());  // an older plugin in a newer host
    CHECK(abi_incompatibility({2, 0}, {2, 7}).empty());  // a newer plugin in an older host
}

TEST_CASE("an older major is refused, naming both versions and how to port", "[core][abi]") {
    const auto older = abi_incompatibility({2, 0}, {1, 4});
    CHECK_THAT(older, Catch::Contains("1.4") && Catch::Contains("2.0") &&
                          Catch::Contains("major versions differ") &&
                          Catch::Contains("Porting a plugin from SDK 1"));
}

TEST_CASE("a newer major is refused, asking to update KnotNotes", "[core][abi]") {
    CHECK_THAT(abi_incompatibility({2, 1}, {3, 0}), Catch::Contains("3.0") &&
                                                        Catch::Contains("2.1") &&
                                                        Catch::Contains("update KnotNotes"));
}
