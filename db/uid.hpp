// uid.hpp — the identity a record keeps across databases and exports: a time-ordered
// (version 7, RFC 9562) UUID in its lower-case "8-4-4-4-12" text form: 48 bits of Unix time in
// milliseconds, then 74 random bits from SQLite's own generator (a seeded ChaCha20 stream), so
// storage needs nothing else. The time part only orders records; it is not a timestamp anyone
// should read (records keep their own created_at).
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::db {

std::string new_uid();

// True for text of the form new_uid() makes (any version), lower-case hex only.
bool is_uid(std::string_view text);

}  // namespace knotnotes::db
