// SPDX-License-Identifier: MIT
// plugin.hpp — the object a plugin library hands to the host.
//
// Specification
// - A plugin library has exactly one Plugin class, named by KNOTNOTES_PLUGIN(Class)
//   (plugin_export.hpp). The host creates it once after the handshake and destroys it before
//   unloading the library.
// - One create_* function per kind; a plugin overrides those of the kinds its manifest declares
//   and leaves the others returning nullptr. Each call returns a new object the host owns; the
//   host keeps the library loaded for as long as any such object lives.
// - The constructor and these functions may throw (plugin_error.hpp): the host disables the
//   plugin and shows what() as the reason.
// - Kinds added in later SDK minors come as new functions; a host that does not know them never
//   calls them, and a plugin that does not override them provides nothing.
#pragma once

#include <memory>

#include "knotnotes/sdk/exporter.hpp"
#include "knotnotes/sdk/importer.hpp"
#include "knotnotes/sdk/questionnaire_provider.hpp"
#include "knotnotes/sdk/technique_library.hpp"

namespace knotnotes::sdk {

class Plugin {
  public:
    virtual ~Plugin() = default;

    virtual std::unique_ptr<Exporter> create_exporter() { return nullptr; }
    virtual std::unique_ptr<Importer> create_importer() { return nullptr; }
    virtual std::unique_ptr<QuestionnaireProvider> create_questionnaire_provider() {
        return nullptr;
    }
    virtual std::unique_ptr<TechniqueLibrary> create_technique_library() { return nullptr; }
};

}  // namespace knotnotes::sdk
