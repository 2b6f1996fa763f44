// abi_check.hpp — the handshake rule: may this host use a plugin built against that ABI?
//
// Compatible when the majors are equal and the plugin's minor is not newer than the host's
// (a host knows every addition up to its own minor). Also requires the same libstdc++ string
// ABI, since records cross the boundary as std::string. Returns an empty string when
// compatible, otherwise the reason, with both versions, for a person to read.
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
