// Reads a questionnaire definition file into an instrument scored by a generic rule.
#include "questionnaire_xml.hpp"

#include <algorithm>

#include <fstream>
#include <knotnotes/sdk/definition_rules.hpp>
#include <set>
#include <sstream>

#include "xml_checks.hpp"

namespace knotnotes::questionnaires {
namespace {

struct ParsedScoring {
    ScoringRule rule;
    bool minimum_given = false;
};

// The rules on ids, ranges, choices and bands are the SDK's (definition_rules.hpp), applied to
// the whole definition once it is read (check_rules below); this reader checks the file's form.
sdk::QuestionnaireItem read_item_id_and_flags(const XmlSource& source, pugi::xml_node node) {
    sdk::QuestionnaireItem item;
    auto id = node.attribute("id");
    if (!id)
        source.fail(node, "<" + std::string(node.name()) + "> needs the attribute id");
    item.id = collapse_whitespace(id.value());
    item.optional = boolean_attribute(source, node, "optional").value_or(false);
    return item;
}

sdk::QuestionnaireItem read_scale(const XmlSource& source, pugi::xml_node node) {
    check_attributes(source, node, {"id", "min", "max", "optional"});
    auto item = read_item_id_and_flags(source, node);
    item.kind = sdk::ItemKind::scale;
    item.min = required_decimal_attribute(source, node, "min");
    item.max = required_decimal_attribute(source, node, "max");
    ElementSequence children(source, node);
    item.text = non_empty_text_of(source, children.required("text"));
    if (auto label = children.optional("min-label"))
        item.min_label = text_of(source, label);
    if (auto label = children.optional("max-label"))
        item.max_label = text_of(source, label);
    children.finish();
    return item;
}

sdk::QuestionnaireItem read_choice(const XmlSource& source, pugi::xml_node node) {
    check_attributes(source, node, {"id", "optional"});
    auto item = read_item_id_and_flags(source, node);
    item.kind = sdk::ItemKind::choice;
    ElementSequence children(source, node);
    item.text = non_empty_text_of(source, children.required("text"));
    while (auto option = children.optional("option")) {
        check_attributes(source, option, {"value"});
        const double value = required_decimal_attribute(source, option, "value");
        item.choices.push_back({value, non_empty_text_of(source, option)});
    }
    children.finish();
    if (item.choices.empty())
        return item;  // the rules refuse it (fewer than two choices)
    // min and max are what percent-of-max and the range checks go by.
    item.min = item.max = item.choices.front().value;
    for (const auto& choice : item.choices) {
        item.min = std::min(item.min, choice.value);
        item.max = std::max(item.max, choice.value);
    }
    return item;
}

std::vector<sdk::QuestionnaireItem> read_items(const XmlSource& source, pugi::xml_node node,
                                               std::vector<pugi::xml_node>& item_nodes) {
    check_attributes(source, node, {});
    std::vector<sdk::QuestionnaireItem> items;
    ElementSequence children(source, node);
    while (!children.at_end()) {
        if (auto scale = children.optional("scale")) {
            items.push_back(read_scale(source, scale));
            item_nodes.push_back(scale);
        } else if (auto choice = children.optional("choice")) {
            items.push_back(read_choice(source, choice));
            item_nodes.push_back(choice);
        } else {
            children.required("scale");  // fails, naming the element found instead
        }
    }
    if (items.empty())
        source.fail(node, "<items> holds no <scale> or <choice> item");
    return items;
}

ParsedScoring read_scoring(const XmlSource& source, pugi::xml_node node) {
    check_attributes(source, node, {"method", "minimum-answered", "scale", "offset"});
    ElementSequence(source, node).finish();
    ParsedScoring parsed;
    auto method = node.attribute("method");
    if (!method)
        source.fail(node, "<scoring> needs the attribute method");
    const std::string name = collapse_whitespace(method.value());
    if (name == "sum") {
        parsed.rule.method = ScoringMethod::sum;
    } else if (name == "mean") {
        parsed.rule.method = ScoringMethod::mean;
    } else if (name == "percent-of-max") {
        parsed.rule.method = ScoringMethod::percent_of_max;
    } else if (name == "linear") {
        parsed.rule.method = ScoringMethod::linear;
    } else {
        source.fail(node, "unknown scoring method '" + name +
                              "' (known: sum, mean, percent-of-max, linear)");
    }
    const auto scale = decimal_attribute(source, node, "scale");
    const auto offset = decimal_attribute(source, node, "offset");
    if ((scale || offset) && parsed.rule.method != ScoringMethod::linear) {
        // Ignoring them would score differently from what the author wrote.
        source.fail(node, "scale and offset apply only to method=\"linear\"");
    }
    parsed.rule.scale = scale.value_or(1.0);
    parsed.rule.offset = offset.value_or(0.0);
    if (auto minimum = positive_integer_attribute(source, node, "minimum-answered")) {
        parsed.rule.minimum_answered = *minimum;
        parsed.minimum_given = true;
    }
    return parsed;
}

// The minimum number of answers, against the items: see the rules in questionnaire-1.xsd.
void settle_minimum_answered(const XmlSource& source, pugi::xml_node scoring,
                             const std::vector<sdk::QuestionnaireItem>& items,
                             ParsedScoring& parsed) {
    std::size_t required = 0;
    for (const auto& item : items)
        required += item.optional ? 0 : 1;
    auto& minimum = parsed.rule.minimum_answered;
    if (!parsed.minimum_given) {
        minimum = std::max<std::size_t>(required, 1);
        return;
    }
    if (minimum > items.size()) {
        source.fail(scoring, "minimum-answered is " + std::to_string(minimum) + " but there are " +
                                 std::to_string(items.size()) + " items");
    }
    if (minimum < required) {
        source.fail(scoring, "minimum-answered is " + std::to_string(minimum) + " but " +
                                 std::to_string(required) + " items are not optional");
    }
}

// A file's bands are inclusive, min <= score <= max (questionnaire-1.xsd); SDK 2 bands are
// half-open. Each band but the last runs up to the next band's min, so the scores a file leaves
// between two bands (3.5 between "1-3" and "4-6") belong to the lower one instead of none.
std::vector<sdk::InterpretationBand> read_bands(const XmlSource& source, pugi::xml_node node,
                                                std::vector<pugi::xml_node>& band_nodes) {
    check_attributes(source, node, {});
    std::vector<sdk::InterpretationBand> bands;
    ElementSequence children(source, node);
    // At least one <band>: the first is required, the others optional.
    for (auto band = children.required("band"); band; band = children.optional("band")) {
        check_attributes(source, band, {"min", "max"});
        sdk::InterpretationBand parsed;
        parsed.min = required_decimal_attribute(source, band, "min");
        parsed.max = required_decimal_attribute(source, band, "max");
        parsed.label = non_empty_text_of(source, band);
        if (parsed.min > parsed.max)
            source.fail(band, "band '" + parsed.label + "': min is more than max");
        if (!bands.empty() && parsed.min < bands.back().max) {
            source.fail(band, "band '" + parsed.label +
                                  "' starts below the end of the band before it: "
                                  "bands go in ascending order without overlapping");
        }
        bands.push_back(parsed);
        band_nodes.push_back(band);
    }
    children.finish();
    for (std::size_t i = 0; i + 1 < bands.size(); ++i)
        bands[i].max = bands[i + 1].min;
    return bands;
}

// The SDK's rules for every definition (definition_rules.hpp); the first broken one fails at
// the line of the item or band it is about.
void check_rules(const XmlSource& source, pugi::xml_node root,
                 const sdk::QuestionnaireDefinition& d,
                 const std::vector<pugi::xml_node>& item_nodes,
                 const std::vector<pugi::xml_node>& band_nodes) {
    const auto problems = sdk::definition_problems(d);
    if (problems.empty())
        return;
    const auto& problem = problems.front();
    auto node = root;
    if (problem.where == sdk::DefinitionProblem::Where::item && problem.index < item_nodes.size())
        node = item_nodes[problem.index];
    if (problem.where == sdk::DefinitionProblem::Where::band && problem.index < band_nodes.size())
        node = band_nodes[problem.index];
    source.fail(node, problem.message);
}

std::unique_ptr<RuleScoredInstrument> read_definition(const XmlSource& source,
                                                      pugi::xml_node root) {
    if (std::string(root.name()) != "questionnaire")
        source.fail(root,
                    "the root element is <" + std::string(root.name()) + ">, not <questionnaire>");
    if (std::string(root.attribute("xmlns").value()) != questionnaire_namespace) {
        source.fail(root, std::string("<questionnaire> is not in the namespace ") +
                              questionnaire_namespace);
    }
    check_attributes(source, root, {});

    sdk::QuestionnaireDefinition d;
    ElementSequence children(source, root);
    const auto id = children.required("id");
    check_attributes(source, id, {});
    d.id = text_of(source, id);
    d.title = non_empty_text_of(source, children.required("title"));
    d.version = non_empty_text_of(source, children.required("version"));
    d.licence_text = non_empty_text_of(source, children.required("licence"));
    d.instructions = text_of(source, children.required("instructions"));
    std::vector<pugi::xml_node> item_nodes, band_nodes;
    d.items = read_items(source, children.required("items"), item_nodes);
    const auto scoring = children.required("scoring");
    auto parsed = read_scoring(source, scoring);
    settle_minimum_answered(source, scoring, d.items, parsed);
    if (parsed.rule.method == ScoringMethod::percent_of_max) {
        for (const auto& item : d.items) {
            if (item.max <= 0)
                source.fail(scoring, "percent-of-max needs every item's max above 0; item '" +
                                         item.id + "' has " + std::to_string(item.max));
        }
    }
    if (auto interpretation = children.optional("interpretation"))
        d.bands = read_bands(source, interpretation, band_nodes);
    if (auto change = children.optional("meaningful-change")) {
        check_attributes(source, change, {});
        const auto value = parse_decimal(text_of(source, change));
        if (!value || *value < 0)
            source.fail(change, "<meaningful-change> must be a number of 0 or more");
        d.meaningful_change = *value;
    }
    children.finish();
    check_rules(source, root, d, item_nodes, band_nodes);
    return std::make_unique<RuleScoredInstrument>(std::move(d), parsed.rule);
}

}  // namespace

DefinitionFileResult read_questionnaire_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return {nullptr, "cannot open the file"};
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        return {nullptr, "cannot read the file"};
    const XmlSource source(content.str());

    pugi::xml_document doc;
    // pugixml never fetches external entities or DTDs, so a definition cannot read other files.
    const auto parsed = doc.load_buffer(source.text().data(), source.text().size(),
                                        pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        return {nullptr, "line " + std::to_string(source.line_of_offset(parsed.offset)) +
                             ": malformed XML: " + parsed.description()};
    }
    try {
        return {read_definition(source, doc.document_element()), {}};
    } catch (const DefinitionError& e) {
        return {nullptr, "line " + std::to_string(e.line()) + ": " + e.what()};
    }
}

}  // namespace knotnotes::questionnaires
