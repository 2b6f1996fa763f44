// plugin.hpp — the object a plugin library hands to the host.
//
// Specification
// - A plugin library exports exactly one factory (see plugin_export.hpp) that returns a new
//   Plugin. The host owns it and destroys it before unloading the library.
// - One create_* function per kind; a plugin overrides those of the kinds its manifest declares
//   and leaves the others returning nullptr. Each call returns a new object the host owns; the
//   host keeps the library loaded for as long as any such object lives.
// - Any of these may throw; the host then disables the plugin and shows what() as the reason.
// - Interface growth: new kinds are added only at the end of this class, in a new ABI minor.
//   The host never calls a function newer than the plugin's minor.
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

// The factory's type. The exported factory symbol holds a pointer of this type.
using PluginFactory = std::unique_ptr<Plugin> (*)();

}  // namespace knotnotes::sdk
