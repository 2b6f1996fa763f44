// SPDX-License-Identifier: MIT
// abi_version.hpp — the SDK's ABI version, for C++ code.
//
// Specification
// - The version is the SDK's own number, KNOTNOTES_SDK_ABI_MAJOR.MINOR in abi.h, independent
//   of KnotNotes' version: an app release that does not touch the contract keeps it.
// - MAJOR changes when the binary contract (abi.h) changes incompatibly; a host refuses a
//   plugin of another major. MINOR grows when abi.h only appends (abi.h, "Versioning"); a host
//   and a plugin of the same major work together whatever their minors.
// - The CMake package KnotNotesSDK has the version MAJOR.MINOR.0, so
//   find_package(KnotNotesSDK 2) accepts every 2.x SDK.
#pragma once

#include <cstdint>

#include "knotnotes/sdk/abi.h"

namespace knotnotes::sdk {

inline constexpr std::uint32_t abi_major = KNOTNOTES_SDK_ABI_MAJOR;
inline constexpr std::uint32_t abi_minor = KNOTNOTES_SDK_ABI_MINOR;

}  // namespace knotnotes::sdk
