// native_xml_importer.hpp — reads KnotNotes' own XML format back, refusing anything doubtful:
// format version 2 (records-2.xsd, what the exporter writes) and version 1 (records-1.xsd, the
// files KnotNotes 1.0 wrote, which users keep).
//
// validate() and import() each read the file once as a stream (records_stream.hpp): the XML,
// the schema of its version and the clinical rules (record_parser.hpp) in one pass, with memory
// that does not grow with the file. validate() delivers nothing; import() delivers each record
// as it is read, checking everything validate() checks (the file may have changed in between):
// the host holds the whole import in one transaction, so a problem found anywhere leaves the
// database unchanged. Every problem is an ImportError naming the line.
#pragma once

#include <filesystem>

#include <knotnotes/sdk/importer.hpp>

namespace knotnotes::xml {

class NativeXmlImporter : public sdk::Importer {
  public:
    sdk::ExportFormat format() const override;
    void validate(const std::filesystem::path& file) override;
    void import(const std::filesystem::path& file, sdk::ImportSink& sink) override;
};

}  // namespace knotnotes::xml
