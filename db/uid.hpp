// uid.hpp — the identity a record keeps across databases and exports: a random (version 4)
// RFC 4122 UUID in its lower-case "8-4-4-4-12" text form. Random bytes from SQLite's own
// generator (a seeded ChaCha20 stream), so storage needs nothing else.
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::db {

std::string new_uid();

// True for text of the form new_uid() makes (any version), lower-case hex only.
bool is_uid(std::string_view text);

}  // namespace knotnotes::db
