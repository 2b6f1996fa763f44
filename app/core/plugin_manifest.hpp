// plugin_manifest.hpp — reads a plugin's <id>.plugin.xml without loading any of its code.
//
// The format is published as sdk/schema/plugin-manifest-1.xsd; read_plugin_manifest() applies
// the same rules (required elements in order, id pattern, known kinds, a bare .so file name),
// so a manifest it accepts validates against the schema and vice versa for what it checks.
// It never throws: a problem comes back as `error`, naming the line where there is one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotnotes::core {

enum class PluginKind { exporter, importer, questionnaire_provider, technique_library };

std::string to_text(PluginKind kind);
std::optional<PluginKind> parse_plugin_kind(const std::string& word);

struct PluginManifest {
    std::filesystem::path file;  // the manifest itself
    std::string id;
    std::string name;
    std::string version;
    std::uint32_t abi_major = 0;
    std::uint32_t abi_minor = 0;
    std::vector<PluginKind> kinds;
    std::string author;
    std::string license;
    std::string description;
    std::string library;  // file name, beside the manifest

    std::filesystem::path library_path() const { return file.parent_path() / library; }
    bool provides(PluginKind kind) const;
    std::string kinds_text() const;  // "exporter, importer"
};

struct ManifestReadResult {
    std::optional<PluginManifest> manifest;
    std::string error;  // empty when manifest is set
};

inline constexpr const char* manifest_namespace = "https://knotnotes.org/ns/plugin-manifest/1";
inline constexpr const char* manifest_suffix = ".plugin.xml";

ManifestReadResult read_plugin_manifest(const std::filesystem::path& file);

bool is_valid_plugin_id(const std::string& id);
bool is_manifest_file_name(const std::string& file_name);  // "<something>.plugin.xml"

}  // namespace knotnotes::core
