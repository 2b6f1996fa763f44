// xml_checks.hpp — the schema-like checks the definition reader makes on pugixml nodes.
//
// pugixml parses but does not validate, so these repeat what an XSD validator would check:
// elements in a fixed order, no unknown attributes, typed values (xs:decimal, xs:boolean,
// xs:positiveInteger), text with whitespace collapsed as xs:token does. Each failure throws
// DefinitionError carrying the line of the offending node, for a message a person can act on.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include <pugixml.hpp>

namespace knotnotes::questionnaires {

class DefinitionError : public std::runtime_error {
  public:
    DefinitionError(std::size_t line, const std::string& problem)
        : std::runtime_error(problem), line_(line) {}
    std::size_t line() const { return line_; }

  private:
    std::size_t line_;
};

// The document's text, kept to turn pugixml's byte offsets into line numbers.
class XmlSource {
  public:
    explicit XmlSource(std::string text) : text_(std::move(text)) {}
    const std::string& text() const { return text_; }
    std::size_t line_of_offset(std::ptrdiff_t offset) const;
    std::size_t line_of(pugi::xml_node node) const { return line_of_offset(node.offset_debug()); }
    [[noreturn]] void fail(pugi::xml_node node, const std::string& problem) const;

  private:
    std::string text_;
};

// Walks the element children of a node in order, as an xs:sequence does.
class ElementSequence {
  public:
    ElementSequence(const XmlSource& source, pugi::xml_node parent);
    // The next element, which must be named `name`.
    pugi::xml_node required(const char* name);
    // The next element if it is named `name`, else an empty node (and nothing is consumed).
    pugi::xml_node optional(const char* name);
    bool at_end() const { return !next_; }
    // Fails unless every element has been consumed.
    void finish();

  private:
    void skip_to_element();

    const XmlSource& source_;
    pugi::xml_node parent_;
    pugi::xml_node next_;
};

// Fails on an attribute not in `allowed` (namespace declarations of our own namespace, and
// xsi: attributes, are always allowed, as a validator allows them).
void check_attributes(const XmlSource& source, pugi::xml_node node,
                      std::initializer_list<const char*> allowed);

// xs:token's whitespace rule: runs of whitespace become one space, none at either end.
std::string collapse_whitespace(const std::string& text);

// The element's text with whitespace collapsed; fails if it holds elements.
std::string text_of(const XmlSource& source, pugi::xml_node node);
// As text_of, and fails when the text is empty.
std::string non_empty_text_of(const XmlSource& source, pugi::xml_node node);

// Typed attribute values; a missing attribute is std::nullopt, a malformed one fails.
std::optional<double> decimal_attribute(const XmlSource& source, pugi::xml_node node,
                                        const char* name);
double required_decimal_attribute(const XmlSource& source, pugi::xml_node node, const char* name);
std::optional<bool> boolean_attribute(const XmlSource& source, pugi::xml_node node,
                                      const char* name);
std::optional<std::size_t> positive_integer_attribute(const XmlSource& source, pugi::xml_node node,
                                                      const char* name);

// A value as xs:decimal writes it ("-1", "2.5", ".5"), or std::nullopt.
std::optional<double> parse_decimal(const std::string& text);

}  // namespace knotnotes::questionnaires
