// SHA1_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, whose per-call set-up
// costs more than hashing the short names below.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "fhir_identity.hpp"

#include <openssl/sha.h>

#include <array>
#include <cstdint>

namespace knotnotes::fhir {
namespace {

// KnotNotes' namespace for name-based UUIDs: the version 5 UUID of "https://knotnotes.org/fhir"
// in the RFC 4122 URL namespace (6ba7b811-9dad-11d1-80b4-00c04fd430c8). Never change it: every
// fullUrl and derived identifier ever exported depends on it.
constexpr std::string_view url_namespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

std::array<std::uint8_t, 16> bytes_of(std::string_view uuid);

// SHA-1 of the namespace's bytes and then the name (RFC 4122, 4.3), through OpenSSL's SHA-1,
// which uses the CPU's SHA instructions where it has them: a FHIR export names every entry this
// way, and a hand-written SHA-1 was a fifth of a large export's time. Never for security.
std::string uuid5(const std::array<std::uint8_t, 16>& space, std::string_view name) {
    SHA_CTX context;
    SHA1_Init(&context);
    SHA1_Update(&context, space.data(), space.size());
    SHA1_Update(&context, name.data(), name.size());
    unsigned char hash[SHA_DIGEST_LENGTH];
    SHA1_Final(hash, &context);
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0f) | 0x50);
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3f) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    std::string text(36, '-');
    for (std::size_t i = 0, at = 0; i < 16; ++i, at += 2) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            ++at;
        text[at] = hex[hash[i] >> 4];
        text[at + 1] = hex[hash[i] & 15];
    }
    return text;
}

std::array<std::uint8_t, 16> bytes_of(std::string_view uuid) {
    std::array<std::uint8_t, 16> out{};
    int n = 0;
    for (std::size_t i = 0; i + 1 < uuid.size() && n < 16; ++i) {
        if (uuid[i] == '-')
            continue;
        auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
        out[n++] = static_cast<std::uint8_t>(nibble(uuid[i]) << 4 | nibble(uuid[i + 1]));
        ++i;
    }
    return out;
}

const char* name_of(Kind kind) {
    switch (kind) {
        case Kind::patient:
            return "patient";
        case Kind::practitioner:
            return "practitioner";
        case Kind::encounter:
            return "encounter";
        case Kind::pain_before:
            return "pain-before";
        case Kind::pain_after:
            return "pain-after";
        case Kind::knot:
            return "knot";
        case Kind::pressure:
            return "pressure";
        case Kind::procedure:
            return "procedure";
        case Kind::composition:
            return "composition";
        case Kind::provenance:
            return "provenance";
        case Kind::consent:
            return "consent";
        case Kind::questionnaire_response:
            return "questionnaire-response";
        case Kind::bundle:
            return "bundle";
        case Kind::index:
            return "index";
        case Kind::code_system:
            return "code-system";
        case Kind::questionnaire:
            return "questionnaire";
        case Kind::intake:
            return "intake";
    }
    return "";
}

// Resources that are a record of their own carry its uid as their identifier.
bool is_a_record(Kind kind) {
    switch (kind) {
        case Kind::patient:
        case Kind::practitioner:
        case Kind::encounter:
        case Kind::knot:
        case Kind::pressure:
        case Kind::procedure:
        case Kind::consent:
        case Kind::questionnaire_response:
        case Kind::intake:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string uuid_v5(std::string_view space, std::string_view name) {
    return uuid5(bytes_of(space), name);
}

std::string name_based_uuid(std::string_view name) {
    static const auto space = bytes_of(uuid_v5(url_namespace, "https://knotnotes.org/fhir"));
    return uuid5(space, name);
}

std::string record_key(const std::string& uid, sdk::Id id) {
    return uid.empty() ? "row-" + std::to_string(id) : uid;
}

Identity::Identity(std::string installation_id) : installation_(std::move(installation_id)) {}

std::string Identity::resource_id(Kind kind, const std::string& key) const {
    // An entry asks for its own id several times (fullUrl, id, request) in a row: hash once.
    if (kind != last_kind_ || key != last_key_) {
        last_id_ = name_based_uuid(installation_ + "/" + name_of(kind) + "/" + key);
        last_kind_ = kind;
        last_key_ = key;
    }
    return last_id_;
}

std::string Identity::url(Kind kind, const std::string& key) const {
    return "urn:uuid:" + resource_id(kind, key);
}

std::string Identity::identifier(Kind kind, const std::string& key) const {
    if (is_a_record(kind) && key.size() == 36)
        return "urn:uuid:" + key;
    return "urn:uuid:" + name_based_uuid(std::string(name_of(kind)) + "/" + key);
}

}  // namespace knotnotes::fhir
