#include "hex_text.hpp"

namespace knotnotes::db {

std::string lower_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(2 * bytes.size(), '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        hex[2 * i] = digits[byte >> 4];
        hex[2 * i + 1] = digits[byte & 15];
    }
    return hex;
}

}  // namespace knotnotes::db
