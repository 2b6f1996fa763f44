#include "fhir_identity.hpp"

#include <array>
#include <cstdint>

namespace knotnotes::fhir {
namespace {

// KnotNotes' namespace for name-based UUIDs: the version 5 UUID of "https://knotnotes.org/fhir"
// in the RFC 4122 URL namespace (6ba7b811-9dad-11d1-80b4-00c04fd430c8). Never change it: every
// fullUrl and derived identifier ever exported depends on it.
constexpr std::string_view url_namespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

std::uint32_t rotl(std::uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

// SHA-1 (FIPS 180-4): only what UUID version 5 needs, never for security.
std::array<std::uint8_t, 20> sha1(const std::string& message) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::string m = message;
    const std::uint64_t bits = static_cast<std::uint64_t>(message.size()) * 8;
    m += static_cast<char>(0x80);
    while (m.size() % 64 != 56)
        m += '\0';
    for (int i = 7; i >= 0; --i)
        m += static_cast<char>((bits >> (i * 8)) & 0xff);
    for (std::size_t chunk = 0; chunk < m.size(); chunk += 64) {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i) {
            const auto* p = reinterpret_cast<const unsigned char*>(m.data() + chunk + i * 4);
            w[i] = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) |
                   (std::uint32_t(p[2]) << 8) | p[3];
        }
        for (int i = 16; i < 80; ++i)
            w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f, k;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = rotl(b, 30);
            b = a;
            a = t;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
    std::array<std::uint8_t, 20> out{};
    for (int i = 0; i < 20; ++i)
        out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
    return out;
}

std::array<std::uint8_t, 16> bytes_of(std::string_view uuid);

std::string uuid5(const std::array<std::uint8_t, 16>& space, std::string_view name) {
    std::string input(space.begin(), space.end());
    input += name;
    auto hash = sha1(input);
    hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0f) | 0x50);
    hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3f) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        text += hex[hash[i] >> 4];
        text += hex[hash[i] & 15];
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
