// records_format.hpp — the versions of KnotNotes' own XML format this plugin knows: the
// namespaces and schemas (sdk/schema/records-N.xsd, compiled into the plugin so it never
// depends on where the SDK was installed). The exporter writes the newest; the importer reads
// every one of them.
#pragma once

#include <string_view>

namespace knotnotes::xml {

inline constexpr std::string_view records_namespace_1 = "https://knotnotes.org/ns/records/1";
inline constexpr std::string_view records_namespace_2 = "https://knotnotes.org/ns/records/2";
inline constexpr std::string_view records_namespace = records_namespace_2;  // what we write

// The text of records-1.xsd and records-2.xsd (generated from sdk/schema at build time).
extern const std::string_view records_1_xsd;
extern const std::string_view records_2_xsd;

}  // namespace knotnotes::xml
