// key_fingerprint.hpp — how a person compares two signing keys: the first 16 bytes of the
// SHA-256 of the raw 32-byte public key, in lower-case hex, grouped by four ("3f2a 91c0 …",
// 8 groups). Shown on printouts, in verify's output and in the practitioner's profile.
#pragma once

#include <string>

namespace knotnotes::core {

// Empty for an empty key; throws std::invalid_argument for text that is not a base64 key.
std::string key_fingerprint(const std::string& public_key_base64);

}  // namespace knotnotes::core
