// plugin_export.hpp — KNOTNOTES_PLUGIN(Class): makes a library a KnotNotes plugin.
//
// Specification
// - Use it once, at namespace scope, in one source file of the plugin:
//       KNOTNOTES_PLUGIN(MyPlugin)
//   where MyPlugin derives from knotnotes::sdk::Plugin and is default-constructible.
// - It exports two C-linkage symbols, visible even with -fvisibility=hidden:
//     knotnotes_plugin_abi     a KnotNotesAbiRecord with the ABI the plugin was built against;
//     knotnotes_create_plugin  a pointer to the factory (the layout of Boost.DLL's
//                              BOOST_DLL_ALIAS, so the host reads it with import_alias), without
//                              making plugin authors depend on Boost.
// - The host reads the ABI record first and calls the factory only when it is compatible.
#pragma once

#include <memory>

#include "knotnotes/sdk/abi_version.hpp"
#include "knotnotes/sdk/plugin.hpp"

#include "knotnotes/sdk/plugin_error.hpp"  // KNOTNOTES_SDK_VISIBLE

#define KNOTNOTES_PLUGIN(PluginClass)                                                  \
    extern "C" KNOTNOTES_SDK_VISIBLE const KnotNotesAbiRecord knotnotes_plugin_abi = { \
        sizeof(KnotNotesAbiRecord), KNOTNOTES_SDK_ABI_MAJOR, KNOTNOTES_SDK_ABI_MINOR,  \
        ::knotnotes::sdk::cxx11_abi};                                                  \
    namespace {                                                                        \
    std::unique_ptr<::knotnotes::sdk::Plugin> knotnotes_make_plugin() {                \
        return std::make_unique<PluginClass>();                                        \
    }                                                                                  \
    }                                                                                  \
    extern "C" KNOTNOTES_SDK_VISIBLE const ::knotnotes::sdk::PluginFactory             \
        knotnotes_create_plugin = &knotnotes_make_plugin
