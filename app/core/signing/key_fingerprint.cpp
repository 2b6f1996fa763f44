#include "key_fingerprint.hpp"

#include <sodium.h>

#include "crypto_text.hpp"

namespace knotnotes::core {

std::string key_fingerprint(const std::string& public_key_base64) {
    if (public_key_base64.empty())
        return {};
    const auto key = from_base64(public_key_base64, crypto_sign_PUBLICKEYBYTES, "a public key");
    const auto hex =
        sha256_hex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
    std::string grouped;
    for (std::size_t i = 0; i < 32; i += 4) {
        if (!grouped.empty())
            grouped += ' ';
        grouped += hex.substr(i, 4);
    }
    return grouped;
}

}  // namespace knotnotes::core
