#include "fhir_field_reading.hpp"

#include "fhir_extensions.hpp"
#include "fhir_time.hpp"
#include "fhir_xml_writer.hpp"

namespace knotnotes::fhir {

[[noreturn]] void refuse(const HeldResource& r, const std::string& problem) {
    throw sdk::ImportError(line_of(r.node), r.type + " " + r.key + ": " + problem);
}

// The time `element` of `node` as KnotNotes keeps times (fhir_time.hpp); "" when absent.
std::string time_of(const HeldResource& r, Node node, const char* element) {
    const auto text = value_of(node, element);
    if (text.empty())
        return {};
    const auto utc = utc_instant(text);
    if (!utc) {
        refuse(r, "its " + std::string(element) + " '" + text +
                      "' is not a date or a time with a zone (e.g. 2026-03-04T15:00:00Z)");
    }
    return *utc;
}

std::optional<int> scale_value(const HeldResource& r, Node node, const char* what) {
    std::string text = value_of(node, "valueInteger");
    if (text.empty())
        text = value_of(child(node, "valueQuantity"), "value");
    if (text.empty())
        return std::nullopt;
    const auto number = decimal_of(text);
    if (!number || *number != static_cast<int>(*number) || *number < 0 || *number > 10)
        refuse(r, std::string(what) + " '" + text + "' is not a whole number from 0 to 10");
    return static_cast<int>(*number);
}

// The side: KnotNotes' code, else SNOMED CT's laterality qualifier.
sdk::Side side_in(const HeldResource& r, Node concept) {
    const auto word = code_in(concept, knotnotes_codes);
    if (!word.empty())
        return parsed(r, sdk::parse_side(word), word, "side", sdk::Side::midline);
    const auto snomed_code = code_in(concept, snomed);
    if (snomed_code == "7771000")
        return sdk::Side::left;
    if (snomed_code == "24028007")
        return sdk::Side::right;
    if (snomed_code == "51440002")
        return sdk::Side::bilateral;
    return sdk::Side::midline;
}

Site site_of(const HeldResource& r, Node owner) {
    Site site;
    Node body = child(owner, "bodySite");
    site.muscle = code_in(body, knotnotes_muscles);
    if (Node lat = extension(body ? body : owner, extension_laterality))
        site.side = side_in(r, child(lat, "valueCodeableConcept"));
    else if (Node own = extension(owner, extension_laterality))
        site.side = side_in(r, child(own, "valueCodeableConcept"));
    return site;
}

// The component whose code is KnotNotes' `code`.
Node component(Node observation, const char* code) {
    for (Node c : children(observation, "component")) {
        if (code_in(child(c, "code"), knotnotes_codes) == code)
            return c;
    }
    return nullptr;
}

namespace {

double chart_number(const HeldResource& r, const std::string& text) {
    const auto number = decimal_of(text);
    if (!number || *number < 0 || *number > 1)
        refuse(r, "the chart position '" + text + "' is not a number from 0 to 1");
    return *number;
}

}  // namespace

// "back view at x=0.5 y=0.25"
void read_chart_position(const HeldResource& r, const std::string& text, sdk::Knot& k) {
    const auto view_end = text.find(" view at x=");
    const auto y_at = text.find(" y=");
    if (view_end == std::string::npos || y_at == std::string::npos || y_at < view_end)
        refuse(r, "the chart position '" + text + "' is not 'VIEW view at x=X y=Y'");
    const auto view = text.substr(0, view_end);
    k.view = parsed(r, sdk::parse_chart_view(view), view, "chart view", sdk::ChartView::back);
    k.x = chart_number(r, text.substr(view_end + 11, y_at - view_end - 11));
    k.y = chart_number(r, text.substr(y_at + 3));
}

// "back view: 0.1,0.2 0.3,0.4 ..."
std::vector<sdk::ChartPoint> read_referral_area(const HeldResource& r, const std::string& text) {
    std::vector<sdk::ChartPoint> points;
    const auto colon = text.find(": ");
    if (colon == std::string::npos)
        refuse(r, "the referral area '" + text + "' is not 'VIEW view: X,Y X,Y ...'");
    std::size_t at = colon + 2;
    while (at < text.size()) {
        auto end = text.find(' ', at);
        if (end == std::string::npos)
            end = text.size();
        const auto point = text.substr(at, end - at);
        const auto comma = point.find(',');
        if (comma == std::string::npos)
            refuse(r, "the referral area point '" + point + "' is not X,Y");
        points.push_back(
            {chart_number(r, point.substr(0, comma)), chart_number(r, point.substr(comma + 1))});
        at = end + 1;
    }
    return points;
}

}  // namespace knotnotes::fhir
