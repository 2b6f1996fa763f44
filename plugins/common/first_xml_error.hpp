// first_xml_error.hpp — the first error libxml2 reports while a built-in plugin reads a file
// (parsing, or validating against a schema), kept with its line so that the ImportError names
// where the file is wrong. Header-only; the plugins that read XML with libxml2 include it.
#pragma once

#include <string>

#include <libxml/xmlerror.h>

namespace knotnotes::plugins {

struct FirstXmlError {
    bool set = false;
    int line = 0;
    bool schema = false;  // a schema violation rather than malformed XML
    std::string text;     // libxml2's message, without its trailing newline

    // An xmlStructuredErrorFunc: pass the FirstXmlError as its context.
    static void capture(void* context, xmlErrorPtr error) {
        auto& self = *static_cast<FirstXmlError*>(context);
        if (self.set || !error || error->level < XML_ERR_ERROR)
            return;
        self.set = true;
        self.line = error->line;
        self.text = error->message ? error->message : "unknown error";
        while (!self.text.empty() && (self.text.back() == '\n' || self.text.back() == ' '))
            self.text.pop_back();
        self.schema = error->domain == XML_FROM_SCHEMASV || error->domain == XML_FROM_SCHEMASP;
    }
};

}  // namespace knotnotes::plugins
