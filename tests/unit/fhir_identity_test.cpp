// The FHIR exporter's name-based UUIDs (RFC 4122 version 5): every fullUrl depends on them.
#include <catch2/catch.hpp>

#include "fhir_identity.hpp"

using namespace knotnotes::fhir;

TEST_CASE("uuid_v5 gives RFC 4122's version 5 UUIDs", "[unit][fhir]") {
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), from its documentation.
    CHECK(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") ==
          "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    // A name longer than one SHA-1 block.
    CHECK(uuid_v5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", std::string(100, 'k')) ==
          "2317ea3c-f2da-5cab-aed5-c80df671eb8e");
}

TEST_CASE("fullUrls depend on the installation, identifiers on the record only", "[unit][fhir]") {
    const std::string uid = "01937a2b-0000-7000-8000-000000000001";
    const Identity here("11111111-1111-4111-8111-111111111111");
    const Identity there("22222222-2222-4222-8222-222222222222");
    CHECK(here.url(Kind::patient, uid) == here.url(Kind::patient, uid));
    CHECK(here.url(Kind::patient, uid) != there.url(Kind::patient, uid));
    CHECK(here.url(Kind::patient, uid) != here.url(Kind::encounter, uid));
    CHECK(here.identifier(Kind::patient, uid) == "urn:uuid:" + uid);
    CHECK(here.identifier(Kind::composition, uid) == there.identifier(Kind::composition, uid));
    CHECK(here.identifier(Kind::composition, uid) != here.identifier(Kind::pain_before, uid));
}
