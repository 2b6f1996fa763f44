// abi_check.hpp — the handshake rule: may this host use a plugin built against that SDK ABI?
//
// Compatible when the majors are equal, whatever the minors: the C contract (sdk abi.h) only
// appends within a major, and both sides read what the other sent by its struct sizes. Another
// major is refused; an SDK 1 plugin is told how to port, a newer major to update KnotNotes.
// Returns an empty string when compatible, otherwise the reason, with both versions, for a
// person to read.
#pragma once

#include <cstdint>
#include <string>

namespace knotnotes::core {

struct AbiVersion {
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
};

std::string abi_incompatibility(AbiVersion host, AbiVersion plugin);
std::string to_text(AbiVersion version);

}  // namespace knotnotes::core
