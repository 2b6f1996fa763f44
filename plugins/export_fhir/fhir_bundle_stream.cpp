#include "fhir_bundle_stream.hpp"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <memory>

#include <knotnotes/sdk/plugin_error.hpp>
#include <knotnotes/sdk/xml_file_encoding.hpp>

#include "../common/first_xml_error.hpp"

namespace knotnotes::fhir {
namespace {

struct ReaderDeleter {
    void operator()(xmlTextReaderPtr reader) const { xmlFreeTextReader(reader); }
};
using Reader = std::unique_ptr<xmlTextReader, ReaderDeleter>;

// The first error libxml2 reports, with its line.
struct FirstError : plugins::FirstXmlError {
    [[noreturn]] void fail(const std::string& fallback) const {
        if (!set)
            throw sdk::ImportError(0, fallback);
        auto problem = text.find("huge text node") != std::string::npos
                           ? "a text in the file is far longer than any record may hold"
                           : text;
        throw sdk::ImportError(static_cast<std::size_t>(std::max(line, 0)),
                               "malformed XML: " + problem);
    }
};

std::string text_of(const xmlChar* text) {
    return text ? reinterpret_cast<const char*>(text) : "";
}

std::size_t reader_line(xmlTextReaderPtr reader) {
    return static_cast<std::size_t>(std::max(0, xmlTextReaderGetParserLineNumber(reader)));
}

// Reads up to the root element, which must be a FHIR Bundle.
void read_root(xmlTextReaderPtr reader, const FirstError& error) {
    for (;;) {
        if (xmlTextReaderRead(reader) != 1)
            error.fail("the file has no root element");
        const int type = xmlTextReaderNodeType(reader);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            throw sdk::ImportError(reader_line(reader),
                                   "DOCTYPE declarations are not allowed in a FHIR Bundle to "
                                   "import (they could expand entities)");
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const auto name = text_of(xmlTextReaderConstLocalName(reader));
        const auto ns = text_of(xmlTextReaderConstNamespaceUri(reader));
        if (name == "Bundle" && ns == fhir_namespace)
            return;
        throw sdk::ImportError(reader_line(reader),
                               "this is not a FHIR Bundle: the root element is <" + name +
                                   "> in namespace '" + ns + "', expected <Bundle> in " +
                                   fhir_namespace + " (a FHIR R4 Bundle in XML; JSON is not read)");
    }
}

}  // namespace

std::string each_entry(const std::filesystem::path& file,
                       const std::function<void(const BundleEntry&)>& handle) {
    sdk::check_xml_file_encoding(file, "FHIR Bundles to import");
    FirstError error;
    // No network, no DTD, no entity substitution; CDATA read as text; lines past 65535.
    Reader reader(xmlReaderForFile(file.c_str(), "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
    if (!reader)
        throw sdk::ImportError(0, "cannot open " + file.string());
    xmlTextReaderSetStructuredErrorHandler(reader.get(), FirstError::capture,
                                           static_cast<plugins::FirstXmlError*>(&error));
    read_root(reader.get(), error);

    std::string bundle_type;
    std::size_t position = 0;
    int read = xmlTextReaderRead(reader.get());
    while (read == 1) {
        if (error.set)
            error.fail("");
        if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT &&
            xmlTextReaderDepth(reader.get()) == 1) {
            const auto name = text_of(xmlTextReaderConstLocalName(reader.get()));
            Node node = xmlTextReaderExpand(reader.get());
            if (error.set || !node)
                error.fail("cannot read the element <" + name + ">");
            if (name == "type") {
                bundle_type = value_attr(node);
            } else if (name == "entry") {
                BundleEntry entry;
                entry.position = position++;
                entry.full_url = value_of(node, "fullUrl");
                Node resource = child(node, "resource");
                for (Node c = resource ? resource->children : nullptr; c; c = c->next) {
                    if (c->type == XML_ELEMENT_NODE) {
                        entry.resource = c;
                        break;
                    }
                }
                if (entry.resource)
                    handle(entry);
            }
            read = xmlTextReaderNext(reader.get());
            continue;
        }
        read = xmlTextReaderRead(reader.get());
    }
    if (read < 0 || error.set)
        error.fail("the file ends in the middle of the XML");
    return bundle_type;
}

}  // namespace knotnotes::fhir
