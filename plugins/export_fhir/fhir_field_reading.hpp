// fhir_field_reading.hpp — reading the values of FHIR elements into what KnotNotes records
// hold, refusing (ImportError naming the resource and its line) a value that does not fit:
// times as UTC, 0–10 scores, the side of the body, body sites, a knot's place on the chart.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/plugin_error.hpp>
#include <knotnotes/sdk/records.hpp>

#include "fhir_held_resources.hpp"

namespace knotnotes::fhir {

// Throws ImportError: `r` and its line, then `problem`.
[[noreturn]] void refuse(const HeldResource& r, const std::string& problem);

// The time `element` of `node` as KnotNotes keeps times (fhir_time.hpp); "" when absent.
std::string time_of(const HeldResource& r, Node node, const char* element);

// `value` parsed from `word` (a vocabulary word); `fallback` when the word is empty.
template <typename Enum>
Enum parsed(const HeldResource& r, std::optional<Enum> value, const std::string& word,
            const char* what, Enum fallback) {
    if (word.empty())
        return fallback;
    if (!value)
        refuse(r, "'" + word + "' is not a " + what + " KnotNotes knows");
    return *value;
}

// A 0–10 score in valueInteger or valueQuantity; nullopt when there is none.
std::optional<int> scale_value(const HeldResource& r, Node node, const char* what);
// The side: KnotNotes' code, else SNOMED CT's laterality qualifier, else midline.
sdk::Side side_in(const HeldResource& r, Node concept);

struct Site {
    std::string muscle;
    sdk::Side side = sdk::Side::midline;
};
// The bodySite's atlas muscle and its side (the laterality extension, on the bodySite or on
// the resource itself).
Site site_of(const HeldResource& r, Node owner);

// The component whose code is KnotNotes' `code`, or nullptr.
Node component(Node observation, const char* code);
// "back view at x=0.5 y=0.25" into the knot's view, x and y.
void read_chart_position(const HeldResource& r, const std::string& text, sdk::Knot& k);
// "back view: 0.1,0.2 0.3,0.4 ..." as points.
std::vector<sdk::ChartPoint> read_referral_area(const HeldResource& r, const std::string& text);

}  // namespace knotnotes::fhir
