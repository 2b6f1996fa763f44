#include "database_key.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

#include "encryption.hpp"
#include "hex_text.hpp"

namespace knotnotes::db {
namespace {

// Written straight into the key's own (wiped) string, not through lower_hex().
constexpr char hex_digits[] = "0123456789abcdef";

bool is_hex(const std::string& text) {
    return text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

}  // namespace

DatabaseKey DatabaseKey::from_passphrase(std::string passphrase) {
    if (passphrase.empty())
        throw std::invalid_argument("an empty passphrase cannot encrypt a database");
    DatabaseKey key;
    key.kind_ = Kind::passphrase;
    key.secret_ = std::move(passphrase);
    return key;
}

DatabaseKey DatabaseKey::from_raw(const std::array<unsigned char, 32>& raw) {
    DatabaseKey key;
    key.kind_ = Kind::raw;
    key.secret_ = "x'";
    for (const unsigned char byte : raw) {
        key.secret_ += hex_digits[byte >> 4];
        key.secret_ += hex_digits[byte & 15];
    }
    key.secret_ += "'";
    return key;
}

DatabaseKey DatabaseKey::from_raw_hex(const std::string& hex) {
    if ((hex.size() != 64 && hex.size() != 96) || !is_hex(hex))
        throw std::invalid_argument(
            "a raw database key is 64 (or, with its salt, 96) "
            "hexadecimal digits");
    DatabaseKey key;
    key.kind_ = Kind::raw;
    key.secret_ = "x'" + hex + "'";
    return key;
}

DatabaseKey DatabaseKey::random_raw() {
    std::array<unsigned char, 32> raw{};
    if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1)
        throw std::runtime_error("the system's random number generator failed");
    auto key = from_raw(raw);
    OPENSSL_cleanse(raw.data(), raw.size());
    return key;
}

DatabaseKey DatabaseKey::random_raw_with_salt() {
    auto key = random_raw();
    std::array<unsigned char, 8> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        throw std::runtime_error("the system's random number generator failed");
    const auto salt =
        lower_hex(encrypted_file_marker) +
        lower_hex(std::string_view(reinterpret_cast<const char*>(random.data()), random.size()));
    key.secret_.insert(key.secret_.size() - 1, salt);
    return key;
}

DatabaseKey& DatabaseKey::operator=(const DatabaseKey& other) {
    if (this != &other) {
        wipe();
        kind_ = other.kind_;
        secret_ = other.secret_;
    }
    return *this;
}

DatabaseKey::~DatabaseKey() {
    wipe();
}

void DatabaseKey::wipe() {
    if (!secret_.empty())
        OPENSSL_cleanse(secret_.data(), secret_.size());
    secret_.clear();
    kind_ = Kind::none;
}

std::string DatabaseKey::raw_hex() const {
    return kind_ == Kind::raw ? secret_.substr(2, secret_.size() - 3) : std::string();
}

}  // namespace knotnotes::db
