#include "core/key_fingerprint.hpp"

#include <optional>

#include "db/sha256.hpp"

namespace knotnotes::core {
namespace {

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

// Standard base64 (RFC 4648 section 4), padding optional; nullopt on any other character.
std::optional<std::string> base64_decode(const std::string& text) {
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (const char c : text) {
        if (c == '=')
            break;
        const int v = base64_value(c);
        if (v < 0)
            return std::nullopt;
        bits = (bits << 6) | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

}  // namespace

std::string key_fingerprint(const std::string& public_key_base64) {
    const auto key = base64_decode(public_key_base64);
    if (!key || key->empty())
        return {};
    const auto hex = db::sha256_hex(*key).substr(0, 16);
    std::string grouped;
    for (std::size_t i = 0; i < hex.size(); i += 4) {
        if (!grouped.empty())
            grouped += ' ';
        grouped += hex.substr(i, 4);
    }
    return grouped;
}

}  // namespace knotnotes::core
