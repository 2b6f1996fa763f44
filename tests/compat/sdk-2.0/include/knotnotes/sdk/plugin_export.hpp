// SPDX-License-Identifier: MIT
// plugin_export.hpp — KNOTNOTES_PLUGIN(Class): makes a library a KnotNotes plugin.
//
// Specification
// - Use it once, at namespace scope, in one source file of the plugin:
//       KNOTNOTES_PLUGIN(MyPlugin);
//   where MyPlugin derives from knotnotes::sdk::Plugin and is default-constructible.
// - It exports two C symbols, visible even with -fvisibility=hidden, and nothing else:
//     knotnotes_plugin_abi     the KnotNotesAbiRecord (abi.h) with the SDK ABI the plugin was
//                              built against, read before any of the plugin's code runs;
//     knotnotes_plugin_entry   the entry point (kn_plugin_entry): creates MyPlugin and serves
//                              it through the C tables of abi.h (bridge/plugin_side.hpp).
// - The host reads the ABI record first and calls the entry point only when it is compatible.
#pragma once

#include "knotnotes/sdk/abi.h"
#include "knotnotes/sdk/bridge/plugin_side.hpp"

#define KNOTNOTES_SDK_VISIBLE __attribute__((visibility("default")))

#define KNOTNOTES_PLUGIN(PluginClass)                                                     \
    extern "C" KNOTNOTES_SDK_VISIBLE const KnotNotesAbiRecord knotnotes_plugin_abi = {    \
        sizeof(KnotNotesAbiRecord), KNOTNOTES_SDK_ABI_MAJOR, KNOTNOTES_SDK_ABI_MINOR, 0}; \
    extern "C" KNOTNOTES_SDK_VISIBLE kn_status knotnotes_plugin_entry(                    \
        const kn_host_info* host, kn_plugin* out, kn_error* error) {                      \
        return ::knotnotes::sdk::bridge::enter<PluginClass>(host, out, error);            \
    }                                                                                     \
    static_assert(true, "KNOTNOTES_PLUGIN(Class) is followed by a semicolon")
