#include "sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

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
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(2 * size, '\0');
    for (unsigned int i = 0; i < size; ++i) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    return hex;
}

}  // namespace knotnotes::db
