#include "sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

#include "hex_text.hpp"

namespace knotnotes::db {
namespace {

// Fetched once: an implicit fetch on every call costs a lock and a look-up.
const EVP_MD* sha256_method() {
    static EVP_MD* const method = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return method;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    const EVP_MD* method = sha256_method();
    if (!method || EVP_Digest(bytes.data(), bytes.size(), digest, &size, method, nullptr) != 1 ||
        size != 32) {
        throw std::runtime_error("SHA-256 is not available from OpenSSL's libcrypto");
    }
    return lower_hex(std::string_view(reinterpret_cast<const char*>(digest), size));
}

}  // namespace knotnotes::db
