// hex_text.hpp — bytes as lower-case hexadecimal, two digits a byte: digests, salts and file ids.
// (Not for key material: the text it returns is an ordinary string nobody wipes.)
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::db {

std::string lower_hex(std::string_view bytes);

}  // namespace knotnotes::db
