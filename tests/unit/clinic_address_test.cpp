// A clinic server's address as the app remembers it: never with a password in it.
#include <catch2/catch.hpp>

#include "core/clinic_address.hpp"

using knotnotes::core::address_without_password;

TEST_CASE("a remembered clinic server address keeps everything but the password", "[core]") {
    CHECK(address_without_password("postgresql://jane:secret@clinic:5432/kn?sslmode=verify-full") ==
          "postgresql://jane@clinic:5432/kn?sslmode=verify-full");
    CHECK(address_without_password("postgresql://jane:p@ss:w0rd@clinic/kn") ==
          "postgresql://jane@clinic/kn");
    CHECK(address_without_password("postgresql://jane@clinic/kn?password=secret&sslmode=require") ==
          "postgresql://jane@clinic/kn?sslmode=require");
    CHECK(address_without_password("postgresql://jane@clinic/kn?sslmode=require&password=secret") ==
          "postgresql://jane@clinic/kn?sslmode=require");
    CHECK(address_without_password("postgresql://jane@clinic/kn?password=secret") ==
          "postgresql://jane@clinic/kn");
    // Nothing to take out.
    CHECK(address_without_password("postgresql://jane@[::1]:5432/kn") ==
          "postgresql://jane@[::1]:5432/kn");
    CHECK(address_without_password("postgresql://clinic/kn") == "postgresql://clinic/kn");
}
