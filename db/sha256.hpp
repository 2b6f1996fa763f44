// sha256.hpp — SHA-256 (FIPS 180-4), for signed-session hashes and the audit log's hash chain.
//
// Kept here rather than pulling in a crypto library: the hashes only need to detect changes,
// the algorithm is small and fixed, and it is checked against the FIPS test vectors.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace knotnotes::db {

class Sha256 {
  public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> finish();

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// Lower-case hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace knotnotes::db
