// records_stream.hpp — reads a KnotNotes records file as a stream, validating it against its
// schema in the same pass (libxml2's xmlTextReader with the XSD of the file's format version).
//
// - The file must be UTF-8 (a declaration of another encoding, a UTF-16 byte order mark or a
//   byte that is not UTF-8 is refused), hold no DOCTYPE (no entity is ever expanded, nothing
//   is fetched from the network), and have a root <knotnotes-records> in the namespace of a
//   format version this plugin reads (records_format.hpp).
// - each_record() hands every top-level record (practitioner, client, ...) to `handle` as an
//   expanded element, one at a time: memory holds one record, whatever the size of the file.
//   The element is valid only during the call.
// - The first problem — malformed XML, a schema violation, what `handle` throws — ends the
//   read with ImportError naming its line. Schema violations inside a record are found before
//   it is handed over, those at its end tag (a missing element) just after: an importer must
//   not commit anything before each_record() returns.
#pragma once

#include <filesystem>
#include <functional>

#include <libxml/tree.h>

namespace knotnotes::xml {

enum class RecordsVersion { v1 = 1, v2 = 2 };

// Calls handle(record, version) for each top-level record of `file`.
void each_record(const std::filesystem::path& file,
                 const std::function<void(xmlNodePtr, RecordsVersion)>& handle);

}  // namespace knotnotes::xml
