// key_fingerprint.hpp — the short fingerprint a person compares to recognise a signing key
// (Signature::public_key, Practitioner::public_key: base64 of the 32-byte Ed25519 key): the
// first 16 hex digits of the SHA-256 of the key's bytes, in groups of four,
// "3f2a 9c01 77be 0d45". The printout and the verify output show the same text.
#pragma once

#include <string>

namespace knotnotes::core {

// Empty when `public_key_base64` is empty or not base64.
std::string key_fingerprint(const std::string& public_key_base64);

}  // namespace knotnotes::core
