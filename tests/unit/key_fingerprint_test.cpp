// The short key fingerprint shown on printouts: SHA-256 of the key bytes, 16 hex, grouped.
#include <catch2/catch.hpp>

#include "core/key_fingerprint.hpp"
#include "db/sha256.hpp"

using namespace knotnotes;

TEST_CASE("a key's fingerprint is the start of the SHA-256 of its bytes, in groups",
          "[core][fingerprint]") {
    // 32 bytes 0x00..0x1f, base64.
    const std::string key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    std::string bytes;
    for (int i = 0; i < 32; ++i)
        bytes += static_cast<char>(i);
    const auto hex = db::sha256_hex(bytes);
    const auto expected = hex.substr(0, 4) + " " + hex.substr(4, 4) + " " + hex.substr(8, 4) + " " +
                          hex.substr(12, 4);
    CHECK(core::key_fingerprint(key) == expected);
    CHECK(core::key_fingerprint("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8") == expected);
    CHECK(core::key_fingerprint("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh4=") != expected);
    CHECK(core::key_fingerprint("").empty());
    CHECK(core::key_fingerprint("not base64!").empty());
}
