// The schema-like checks on pugixml nodes used by the questionnaire definition reader.
#include "xml_checks.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

#include "questionnaire_xml.hpp"

namespace knotnotes::questionnaires {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_blank(const char* text) {
    for (; *text; ++text) {
        if (!is_space(*text))
            return false;
    }
    return true;
}

// Character tests without <cctype>: its answers depend on the locale.
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// xs:decimal: an optional sign, then digits with at most one '.', and at least one digit
// ("2", "-2.", ".5", "+2.5"); no exponent, unlike what from_chars would also take.
bool is_decimal_lexical(std::string_view text) {
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
        text.remove_prefix(1);
    int digits = 0;
    int points = 0;
    for (char c : text) {
        if (is_digit(c))
            ++digits;
        else if (c == '.')
            ++points;
        else
            return false;
    }
    return digits > 0 && points <= 1;
}

std::string element_name(pugi::xml_node node) {
    return "<" + std::string(node.name()) + ">";
}

pugi::xml_attribute attribute_or_fail(const XmlSource& source, pugi::xml_node node,
                                      const char* name) {
    auto attribute = node.attribute(name);
    if (!attribute)
        source.fail(node, element_name(node) + " needs the attribute " + name);
    return attribute;
}

}  // namespace

std::string collapse_whitespace(const std::string& text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::size_t XmlSource::line_of_offset(std::ptrdiff_t offset) const {
    if (offset < 0)
        return 0;
    const auto end = text_.begin() + std::min<std::ptrdiff_t>(offset, text_.size());
    return 1 + static_cast<std::size_t>(std::count(text_.begin(), end, '\n'));
}

void XmlSource::fail(pugi::xml_node node, const std::string& problem) const {
    throw DefinitionError(line_of(node), problem);
}

ElementSequence::ElementSequence(const XmlSource& source, pugi::xml_node parent)
    : source_(source), parent_(parent), next_(parent.first_child()) {
    skip_to_element();
}

void ElementSequence::skip_to_element() {
    for (; next_ && next_.type() != pugi::node_element; next_ = next_.next_sibling()) {
        const bool is_text = next_.type() == pugi::node_pcdata || next_.type() == pugi::node_cdata;
        if (is_text && !is_blank(next_.value()))
            source_.fail(next_, "unexpected text inside " + element_name(parent_));
    }
}

pugi::xml_node ElementSequence::required(const char* name) {
    if (!next_)
        source_.fail(parent_, element_name(parent_) + " is missing <" + name + ">");
    if (std::strcmp(next_.name(), name) != 0) {
        source_.fail(next_, "unexpected " + element_name(next_) + " inside " +
                                element_name(parent_) + ", expected <" + name + ">");
    }
    auto found = next_;
    next_ = next_.next_sibling();
    skip_to_element();
    return found;
}

pugi::xml_node ElementSequence::optional(const char* name) {
    if (!next_ || std::strcmp(next_.name(), name) != 0)
        return {};
    return required(name);
}

void ElementSequence::finish() {
    if (next_) {
        source_.fail(
            next_, "unexpected " + element_name(next_) + " at the end of " + element_name(parent_));
    }
}

void check_attributes(const XmlSource& source, pugi::xml_node node,
                      std::initializer_list<const char*> allowed) {
    for (auto attribute : node.attributes()) {
        const std::string name = attribute.name();
        if (name == "xmlns" && std::string(attribute.value()) == questionnaire_namespace)
            continue;
        if (name.rfind("xmlns:", 0) == 0 || name.rfind("xsi:", 0) == 0)
            continue;
        const bool known =
            std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; });
        if (!known) {
            source.fail(node, element_name(node) + " has an unknown attribute " + name +
                                  (name == "xmlns" ? std::string(" (another namespace)") : ""));
        }
    }
}

std::string text_of(const XmlSource& source, pugi::xml_node node) {
    std::string text;
    for (auto child : node.children()) {
        if (child.type() == pugi::node_element)
            source.fail(child,
                        element_name(node) + " must hold text only, not " + element_name(child));
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            text += child.value();
    }
    return collapse_whitespace(text);
}

std::string non_empty_text_of(const XmlSource& source, pugi::xml_node node) {
    auto text = text_of(source, node);
    if (text.empty())
        source.fail(node, element_name(node) + " must not be empty");
    return text;
}

std::optional<double> parse_decimal(const std::string& raw) {
    std::string text = collapse_whitespace(raw);
    if (!is_decimal_lexical(text))
        return std::nullopt;
    if (text.front() == '+')
        text.erase(0, 1);  // from_chars takes no '+'
    double value = 0;
    // from_chars, not strtod: it ignores the locale, which a GUI may have set to use ','.
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> decimal_attribute(const XmlSource& source, pugi::xml_node node,
                                        const char* name) {
    auto attribute = node.attribute(name);
    if (!attribute)
        return std::nullopt;
    auto value = parse_decimal(attribute.value());
    if (!value) {
        source.fail(node, element_name(node) + " " + name + "=\"" + attribute.value() +
                              "\" is not a decimal number such as 2 or 2.5");
    }
    return value;
}

double required_decimal_attribute(const XmlSource& source, pugi::xml_node node, const char* name) {
    attribute_or_fail(source, node, name);
    return *decimal_attribute(source, node, name);
}

std::optional<bool> boolean_attribute(const XmlSource& source, pugi::xml_node node,
                                      const char* name) {
    auto attribute = node.attribute(name);
    if (!attribute)
        return std::nullopt;
    const auto text = collapse_whitespace(attribute.value());
    if (text == "true" || text == "1")
        return true;
    if (text == "false" || text == "0")
        return false;
    source.fail(node, element_name(node) + " " + name + "=\"" + attribute.value() +
                          "\" must be true or false");
}

std::optional<std::size_t> positive_integer_attribute(const XmlSource& source, pugi::xml_node node,
                                                      const char* name) {
    auto attribute = node.attribute(name);
    if (!attribute)
        return std::nullopt;
    auto text = collapse_whitespace(attribute.value());
    if (!text.empty() && text.front() == '+')
        text.erase(0, 1);
    std::size_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool whole = !text.empty() && result.ec == std::errc() &&
                       result.ptr == text.data() + text.size() && value >= 1;
    if (!whole) {
        source.fail(node, element_name(node) + " " + name + "=\"" + attribute.value() +
                              "\" is not a whole number of 1 or more");
    }
    return value;
}

}  // namespace knotnotes::questionnaires
