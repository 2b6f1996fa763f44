// fhir_node.hpp — reading FHIR XML elements (libxml2 nodes in the FHIR namespace): children
// by name, a primitive's value="" attribute, codings, references and extensions by URL.
// Every function takes a null node and then finds nothing, so a path through optional
// elements reads in one expression.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <libxml/tree.h>

namespace knotnotes::fhir {

inline constexpr const char* fhir_namespace = "http://hl7.org/fhir";

using Node = xmlNodePtr;

// The first child element called `name`, or nullptr.
Node child(Node node, const char* name);
// Every child element called `name`, in order.
std::vector<Node> children(Node node, const char* name);
// The value attribute of the child element `name` ("" when there is none).
std::string value_of(Node node, const char* name);
// The value attribute of `node` itself.
std::string value_attr(Node node);
// The element's name (the resource type, for a resource).
std::string name_of(Node node);
// The line the element starts on (1-based; 0 when not known).
std::size_t line_of(Node node);

// The code of the first coding of CodeableConcept `concept` in `system` ("" when none).
std::string code_in(Node concept, const char* system);
// The reference="" of the Reference element `name` of `node`.
std::string reference_of(Node node, const char* name);
// The direct extension of `node` with this url, or nullptr.
Node extension(Node node, const char* url);
// The value of a primitive extension: its one value[x] element's value attribute.
std::string extension_value(Node node, const char* url);
// The identifier value under `system` (the first), "" when none.
std::string identifier_value(Node node, const char* system);
// Everything the XHTML narrative `div` of a <text> says, as plain text (the text of its
// elements, in order).
std::string narrative_text(Node text);

// An integer or decimal value attribute: nullopt when absent or not a number.
std::optional<long long> integer_of(const std::string& text);
std::optional<double> decimal_of(const std::string& text);

}  // namespace knotnotes::fhir
