#include "records_stream.hpp"

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include <knotnotes/sdk/plugin_error.hpp>
#include <knotnotes/sdk/xml_file_encoding.hpp>

#include "../common/first_xml_error.hpp"
#include "records_format.hpp"

namespace knotnotes::xml {
namespace {

struct SchemaDeleter {
    void operator()(xmlSchemaPtr schema) const { xmlSchemaFree(schema); }
};
using Schema = std::unique_ptr<xmlSchema, SchemaDeleter>;

struct ReaderDeleter {
    void operator()(xmlTextReaderPtr reader) const { xmlFreeTextReader(reader); }
};
using Reader = std::unique_ptr<xmlTextReader, ReaderDeleter>;

Schema compile(std::string_view xsd) {
    auto* context = xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size()));
    Schema schema(xmlSchemaParse(context));
    xmlSchemaFreeParserCtxt(context);
    if (!schema)
        throw std::logic_error("the records schema compiled into the plugin does not compile");
    return schema;
}

// Compiled once per process, on first use.
xmlSchemaPtr schema_for(RecordsVersion version) {
    static std::once_flag once;
    static Schema v1, v2;
    std::call_once(once, [] {
        xmlInitParser();
        v1 = compile(records_1_xsd);
        v2 = compile(records_2_xsd);
    });
    return version == RecordsVersion::v1 ? v1.get() : v2.get();
}

// The first error libxml2 reports (parsing or validating), with its line, in our words.
struct FirstError : plugins::FirstXmlError {
    std::string message() const {
        return (schema ? "not valid for the records schema: " : "malformed XML: ") + text;
    }
};

// Messages as a person reads them: our namespace left out of element names, and libxml2's
// limit on one text said in our words.
std::string plain(std::string message) {
    for (auto ns : {records_namespace_1, records_namespace_2}) {
        const std::string braced = "{" + std::string(ns) + "}";
        for (std::size_t at; (at = message.find(braced)) != std::string::npos;)
            message.erase(at, braced.size());
    }
    if (message.find("huge text node") != std::string::npos)
        return "a text in the file is far longer than any record may hold (1 MiB)";
    return message;
}

[[noreturn]] void fail(const FirstError& error, const std::string& fallback) {
    if (error.set) {
        throw sdk::ImportError(static_cast<std::size_t>(std::max(error.line, 0)),
                               plain(error.message()));
    }
    throw sdk::ImportError(0, fallback);
}

// libxml2 reports some errors (a text node over its limit) through the thread's handler
// rather than the reader's: catch those too while a file is read.
class ThreadErrors {
  public:
    explicit ThreadErrors(FirstError& error) {
        xmlSetStructuredErrorFunc(static_cast<plugins::FirstXmlError*>(&error),
                                  FirstError::capture);
    }
    ~ThreadErrors() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
    ThreadErrors(const ThreadErrors&) = delete;
    ThreadErrors& operator=(const ThreadErrors&) = delete;
};

Reader open(const std::filesystem::path& file, FirstError& error) {
    // UTF-8 whatever the file declares (checked above), no network, CDATA read as text, line
    // numbers past 65535. No DTD loading, no entity substitution (neither option is given).
    Reader reader(xmlReaderForFile(file.c_str(), "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
    if (!reader)
        throw sdk::ImportError(0, "cannot open " + file.string());
    xmlTextReaderSetStructuredErrorHandler(reader.get(), FirstError::capture,
                                           static_cast<plugins::FirstXmlError*>(&error));
    return reader;
}

std::string text_of(const xmlChar* text) {
    return text ? reinterpret_cast<const char*>(text) : "";
}

// Reads up to the root element: refuses a DOCTYPE, and says which format version it is.
RecordsVersion root_version(xmlTextReaderPtr reader, const FirstError& error) {
    for (;;) {
        const int read = xmlTextReaderRead(reader);
        if (read != 1)
            fail(error, "the file has no root element");
        const int type = xmlTextReaderNodeType(reader);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            throw sdk::ImportError(
                static_cast<std::size_t>(xmlTextReaderGetParserLineNumber(reader)),
                "DOCTYPE declarations are not allowed in a KnotNotes file (they could expand "
                "entities)");
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const auto name = text_of(xmlTextReaderConstLocalName(reader));
        const auto ns = text_of(xmlTextReaderConstNamespaceUri(reader));
        const auto* node = xmlTextReaderCurrentNode(reader);
        const auto line = static_cast<std::size_t>(
            std::max(0L, node ? xmlGetLineNo(node) : xmlTextReaderGetParserLineNumber(reader)));
        if (name == "knotnotes-records" && ns == records_namespace_1)
            return RecordsVersion::v1;
        if (name == "knotnotes-records" && ns == records_namespace_2)
            return RecordsVersion::v2;
        throw sdk::ImportError(line, "this is not a KnotNotes records file: the root element is <" +
                                         name + "> in namespace '" + ns +
                                         "', expected <knotnotes-records> in " +
                                         std::string(records_namespace_2) + " (or " +
                                         std::string(records_namespace_1) + ")");
    }
}

}  // namespace

void each_record(const std::filesystem::path& file,
                 const std::function<void(xmlNodePtr, RecordsVersion)>& handle) {
    sdk::check_xml_file_encoding(file, "KnotNotes files");
    // A first look for the format version: the schema must be set before reading starts.
    RecordsVersion version;
    {
        FirstError error;
        const ThreadErrors thread_errors(error);
        auto peek = open(file, error);
        version = root_version(peek.get(), error);
    }
    FirstError error;
    const ThreadErrors thread_errors(error);
    auto reader = open(file, error);
    if (xmlTextReaderSetSchema(reader.get(), schema_for(version)) != 0)
        throw std::logic_error("libxml2 refused the records schema");
    root_version(reader.get(), error);
    if (error.set)
        fail(error, "");

    int read = xmlTextReaderRead(reader.get());
    while (read == 1) {
        if (error.set)
            fail(error, "");
        if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT &&
            xmlTextReaderDepth(reader.get()) == 1) {
            xmlNodePtr record = xmlTextReaderExpand(reader.get());
            if (error.set || !record)
                fail(error, "cannot read the record");
            handle(record, version);
            read = xmlTextReaderNext(reader.get());
            continue;
        }
        read = xmlTextReaderRead(reader.get());
    }
    if (read < 0 || error.set)
        fail(error, "the file ends in the middle of the XML");
    if (xmlTextReaderIsValid(reader.get()) != 1)
        fail(error, "the file does not follow the records schema");
}

}  // namespace knotnotes::xml
