#include "fhir_node.hpp"

#include <charconv>
#include <cstring>

namespace knotnotes::fhir {
namespace {

bool is_element(Node node, const char* name) {
    return node && node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string attribute(Node node, const char* name) {
    if (!node)
        return {};
    xmlChar* text = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!text)
        return {};
    std::string value(reinterpret_cast<const char*>(text));
    xmlFree(text);
    return value;
}

void append_text(Node node, std::string& out) {
    for (Node c = node ? node->children : nullptr; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            append_text(c, out);
        }
    }
}

}  // namespace

Node child(Node node, const char* name) {
    for (Node c = node ? node->children : nullptr; c; c = c->next) {
        if (is_element(c, name))
            return c;
    }
    return nullptr;
}

std::vector<Node> children(Node node, const char* name) {
    std::vector<Node> found;
    for (Node c = node ? node->children : nullptr; c; c = c->next) {
        if (is_element(c, name))
            found.push_back(c);
    }
    return found;
}

std::string value_attr(Node node) {
    return attribute(node, "value");
}

std::string value_of(Node node, const char* name) {
    return value_attr(child(node, name));
}

std::string name_of(Node node) {
    return node ? reinterpret_cast<const char*>(node->name) : "";
}

std::size_t line_of(Node node) {
    const long line = node ? xmlGetLineNo(node) : 0;
    return line > 0 ? static_cast<std::size_t>(line) : 0;
}

std::string code_in(Node concept, const char* system) {
    for (Node coding : children(concept, "coding")) {
        if (value_of(coding, "system") == system)
            return value_of(coding, "code");
    }
    return {};
}

std::string reference_of(Node node, const char* name) {
    return value_of(child(node, name), "reference");
}

Node extension(Node node, const char* url) {
    for (Node e : children(node, "extension")) {
        if (attribute(e, "url") == url)
            return e;
    }
    return nullptr;
}

std::string extension_value(Node node, const char* url) {
    Node e = extension(node, url);
    for (Node c = e ? e->children : nullptr; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE &&
            std::strncmp(reinterpret_cast<const char*>(c->name), "value", 5) == 0) {
            return value_attr(c);
        }
    }
    return {};
}

std::string identifier_value(Node node, const char* system) {
    for (Node id : children(node, "identifier")) {
        if (value_of(id, "system") == system)
            return value_of(id, "value");
    }
    return {};
}

std::string narrative_text(Node text) {
    std::string out;
    append_text(child(text, "div"), out);
    return out;
}

std::optional<long long> integer_of(const std::string& text) {
    long long value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::optional<double> decimal_of(const std::string& text) {
    double value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

}  // namespace knotnotes::fhir
