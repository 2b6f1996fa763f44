#include "fhir_xml_writer.hpp"

#include <knotnotes/sdk/xml_text.hpp>

namespace knotnotes::fhir {

namespace {

// Appends `text` escaped for an attribute value; text XML cannot hold is refused, naming the
// element it was for.
void append_checked(std::string& out, std::string_view element, std::string_view text) {
    if (!sdk::append_xml_escaped(out, text, true)) {
        throw sdk::XmlTextError("its " + std::string(element) +
                                " holds text XML cannot hold: " + sdk::xml_text_problem(text));
    }
}

}  // namespace

// One line per Bundle child (each entry on its own line), everything inside an entry inline:
// indenting every element would make a large bundle a third bigger and slower to write.
void XmlWriter::indent() {
    if (depth_ <= 1)
        out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
}

void XmlWriter::open(std::string_view name, std::string_view attributes) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += attributes;
    out_ += '>';
    if (depth_ == 0)
        out_ += '\n';
    ++depth_;
}

void XmlWriter::close(std::string_view name) {
    --depth_;
    if (depth_ == 0)
        indent();
    out_ += "</";
    out_ += name;
    out_ += '>';
    if (depth_ <= 1)
        out_ += '\n';
}

void XmlWriter::value(std::string_view name, std::string_view v) {
    if (v.empty())
        return;
    indent();
    out_ += '<';
    out_ += name;
    out_ += " value=\"";
    append_checked(out_, name, v);
    out_ += "\"/>";
    if (depth_ <= 1)
        out_ += '\n';
}

void XmlWriter::coding(std::string_view system, std::string_view code, std::string_view display) {
    open("coding");
    value("system", system);
    value("code", code);
    value("display", display);
    close("coding");
}

void XmlWriter::concept(std::string_view name, std::string_view system, std::string_view code,
                        std::string_view display, std::string_view text) {
    open(name);
    if (!system.empty())
        coding(system, code, display);
    value("text", text);
    close(name);
}

void XmlWriter::concept_text(std::string_view name, std::string_view text) {
    open(name);
    value("text", text);
    close(name);
}

void XmlWriter::reference(std::string_view name, std::string_view url, std::string_view display) {
    open(name);
    value("reference", url);
    value("display", display);
    close(name);
}

void XmlWriter::narrative(std::string_view status, std::string_view text) {
    open("text");
    value("status", status);
    out_ += "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>";
    append_checked(out_, "narrative", text);
    out_ += "</p></div>";
    close("text");
}

}  // namespace knotnotes::fhir
