// The native XML plugin: KnotNotes' own format, both ways.
#include <knotnotes/sdk/sdk.hpp>

#include "native_xml_exporter.hpp"
#include "native_xml_importer.hpp"

namespace {

class NativeXmlPlugin : public knotnotes::sdk::Plugin {
  public:
    std::unique_ptr<knotnotes::sdk::Exporter> create_exporter() override {
        return std::make_unique<knotnotes::xml::NativeXmlExporter>();
    }
    std::unique_ptr<knotnotes::sdk::Importer> create_importer() override {
        return std::make_unique<knotnotes::xml::NativeXmlImporter>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(NativeXmlPlugin);
