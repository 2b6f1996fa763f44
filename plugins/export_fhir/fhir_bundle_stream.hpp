// fhir_bundle_stream.hpp — reads an HL7 FHIR R4 Bundle in XML as a stream: one entry at a
// time, so memory holds one entry whatever the size of the file.
//
// - The file must be UTF-8 (a UTF-16 byte order mark or another declared encoding is refused),
//   hold no DOCTYPE (no entity is ever expanded, nothing fetched from the network), and have
//   the root <Bundle> in the FHIR namespace.
// - each_entry() hands every Bundle.entry that holds a resource to `handle`, with its position
//   (0-based, counting every entry), its fullUrl ("" when it has none) and the resource's
//   element. The nodes are valid only during the call (copy what must be kept: xmlCopyNode).
// - Malformed XML, or what `handle` throws, ends the read with ImportError naming the line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "fhir_node.hpp"

namespace knotnotes::fhir {

struct BundleEntry {
    std::size_t position = 0;
    std::string full_url;
    Node resource = nullptr;
};

// Returns Bundle.type ("" when the Bundle does not say).
std::string each_entry(const std::filesystem::path& file,
                       const std::function<void(const BundleEntry&)>& handle);

}  // namespace knotnotes::fhir
