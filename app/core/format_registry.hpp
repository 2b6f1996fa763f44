// format_registry.hpp — which export and import formats the loaded plugins offer, by format id.
//
// Formats are asked of the plugins themselves (format()), each call contained: a plugin that
// throws here is disabled and simply offers nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/exporter.hpp>

#include "core/plugin_host.hpp"

namespace knotnotes::core {

struct FormatChoice {
    std::string plugin_id;
    sdk::ExportFormat format;
};

std::vector<FormatChoice> export_formats(PluginHost& host);
std::vector<FormatChoice> import_formats(PluginHost& host);

// A new exporter/importer for `format_id`, or an empty object when no loaded plugin offers it.
PluginObject<sdk::Exporter> exporter_for(PluginHost& host, const std::string& format_id);
PluginObject<sdk::Importer> importer_for(PluginHost& host, const std::string& format_id);

// The import format a file is in, told from its root element: "fhir-r4-xml" for a FHIR Bundle,
// "xml" (KnotNotes XML) for anything else, whose importer then says what is wrong with it.
std::string import_format_of(const std::filesystem::path& file);

}  // namespace knotnotes::core
