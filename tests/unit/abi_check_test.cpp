#include <catch2/catch.hpp>

#include "core/abi_check.hpp"

using knotnotes::core::abi_incompatibility;

TEST_CASE("the same major and an older or equal minor are compatible", "[core][abi]") {
    CHECK(abi_incompatibility({1, 3}, {1, 3}).empty());
    CHECK(abi_incompatibility({1, 3}, {1, 0}).empty());
}

TEST_CASE("another major is refused, naming both versions", "[core][abi]") {
    const auto older = abi_incompatibility({2, 0}, {1, 4});
    CHECK_THAT(older, Catch::Contains("1.4") && Catch::Contains("2.0") &&
                          Catch::Contains("major versions differ"));
    CHECK_FALSE(abi_incompatibility({1, 0}, {2, 0}).empty());
}

TEST_CASE("a newer minor is refused", "[core][abi]") {
    CHECK_THAT(abi_incompatibility({1, 0}, {1, 1}),
               Catch::Contains("1.1") && Catch::Contains("newer"));
}
