#include "crypto_text.hpp"

#include <sodium.h>

#include <stdexcept>

namespace knotnotes::core {

void ensure_sodium() {
    // sodium_init() is itself thread-safe and returns 1 when it already ran.
    static const int status = sodium_init();
    if (status < 0)
        throw std::runtime_error("the cryptography library (libsodium) could not start");
}

std::string to_base64(const unsigned char* bytes, std::size_t size) {
    ensure_sodium();
    std::string text(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::string to_base64(const std::vector<unsigned char>& bytes) {
    return to_base64(bytes.data(), bytes.size());
}

std::vector<unsigned char> from_base64(std::string_view text, std::size_t size, const char* what) {
    ensure_sodium();
    std::vector<unsigned char> bytes(text.size());
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                          &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size() || (size != 0 && length != size)) {
        throw std::invalid_argument(std::string(what) + " is not valid: expected base64 of " +
                                    (size ? std::to_string(size) + " bytes" : "some bytes"));
    }
    bytes.resize(length);
    return bytes;
}

}  // namespace knotnotes::core
