#include "native_xml_importer.hpp"

#include "record_parser.hpp"
#include "records_stream.hpp"

namespace knotnotes::xml {
namespace {

void read(const std::filesystem::path& file, sdk::ImportSink* sink) {
    RecordParser parser(sink);
    each_record(file,
                [&](xmlNodePtr record, RecordsVersion version) { parser.record(record, version); });
}

}  // namespace

sdk::ExportFormat NativeXmlImporter::format() const {
    return {"xml", "KnotNotes XML", ".xml", false};
}

void NativeXmlImporter::validate(const std::filesystem::path& file) {
    read(file, nullptr);
}

void NativeXmlImporter::import(const std::filesystem::path& file, sdk::ImportSink& sink) {
    read(file, &sink);
}

}  // namespace knotnotes::xml
