// SPDX-License-Identifier: MIT
// definition_rules.hpp — the rules a questionnaire definition and a technique library must
// follow (questionnaire_provider.hpp, technique_library.hpp), in one place: the host's
// `knotnotes-cli plugins check` applies them to what a plugin returns, and the built-in
// questionnaires plugin applies them to every definition file it reads.
//
// Specification
// - definition_problems(d) lists every rule `d` breaks, each as a DefinitionProblem saying
//   where (the definition itself, item i or band i) and what, in a sentence; empty when `d`
//   follows them all.
// - technique_problems(techniques) does the same for a library's list (where: technique i).
// - band_label(d, score) is the label of the band `score` falls in, bands half-open [min, max)
//   with the last one closed; "" when none.
// - is_valid_local_id(): lower-case letters, digits and '-', starting with a letter, at most 64.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "knotnotes/sdk/questionnaire_provider.hpp"
#include "knotnotes/sdk/technique_library.hpp"

namespace knotnotes::sdk {

inline bool is_valid_local_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z'))
        return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

struct DefinitionProblem {
    enum class Where { definition, item, band, technique };
    Where where = Where::definition;
    std::size_t index = 0;  // of the item, band or technique
    std::string message;
};

namespace rules_detail {

inline std::string number(double value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

inline bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

inline void check_item(const QuestionnaireItem& item, std::size_t i, std::set<std::string>& ids,
                       std::vector<DefinitionProblem>& problems) {
    const auto add = [&](std::string message) {
        problems.push_back({DefinitionProblem::Where::item, i, std::move(message)});
    };
    const std::string name = "item '" + item.id + "'";
    if (!is_valid_local_id(item.id)) {
        add("item id '" + item.id +
            "' must be lower-case letters, digits and '-', starting with a letter (at most 64)");
    }
    if (!ids.insert(item.id).second)
        add("a second item with the id '" + item.id + "'");
    if (is_blank(item.text))
        add(name + " has no text");
    if (!std::isfinite(item.min) || !std::isfinite(item.max))
        add(name + ": min and max must be numbers");
    if (item.kind == ItemKind::choice) {
        if (item.choices.size() < 2)
            add(name + " needs at least two choices");
        std::set<double> values;
        double lowest = INFINITY, highest = -INFINITY;
        for (const auto& choice : item.choices) {
            if (!std::isfinite(choice.value))
                add(name + ": a choice's value must be a number");
            if (!values.insert(choice.value).second)
                add(name + ": two choices have the value " + number(choice.value));
            if (is_blank(choice.label))
                add(name + ": the choice " + number(choice.value) + " has no label");
            lowest = std::min(lowest, choice.value);
            highest = std::max(highest, choice.value);
        }
        if (!item.choices.empty() && (item.min != lowest || item.max != highest)) {
            add(name + ": min and max must be its lowest and highest choice (" + number(lowest) +
                " and " + number(highest) + ")");
        }
    } else if (!(item.min < item.max)) {
        add(name + ": min must be less than max");
    }
}

inline void check_bands(const std::vector<InterpretationBand>& bands,
                        std::vector<DefinitionProblem>& problems) {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto& band = bands[i];
        const auto add = [&](std::string message) {
            problems.push_back({DefinitionProblem::Where::band, i, std::move(message)});
        };
        const bool last = i + 1 == bands.size();
        const std::string name = "band '" + band.label + "'";
        if (is_blank(band.label))
            add("band " + std::to_string(i + 1) + " has no label");
        if (!std::isfinite(band.min) || !std::isfinite(band.max)) {
            add(name + ": min and max must be numbers");
        } else if (last ? band.min > band.max : !(band.min < band.max)) {
            add(name + ": min " + number(band.min) + " must be " + (last ? "at most" : "below") +
                " max " + number(band.max) +
                (last ? "" : " (bands are half-open, [min, max); only the last includes its max)"));
        }
        if (i > 0 && band.min < bands[i - 1].max) {
            add(name + " starts at " + number(band.min) + ", before the band below it ends (" +
                number(bands[i - 1].max) + "): bands go in ascending order without overlapping");
        }
    }
}

}  // namespace rules_detail

inline std::vector<DefinitionProblem> definition_problems(const QuestionnaireDefinition& d) {
    std::vector<DefinitionProblem> problems;
    const auto add = [&](std::string message) {
        problems.push_back({DefinitionProblem::Where::definition, 0, std::move(message)});
    };
    if (!is_valid_local_id(d.id)) {
        add("the instrument id '" + d.id +
            "' must be lower-case letters, digits and '-', starting with a letter (at most 64), "
            "such as quickdash");
    }
    if (rules_detail::is_blank(d.title))
        add("the instrument has no title");
    if (rules_detail::is_blank(d.version) || d.version.size() > 32)
        add("the version must be given, in at most 32 characters");
    if (rules_detail::is_blank(d.licence_text))
        add("the licence text must be given (it is shown wherever the instrument is)");
    if (d.items.empty())
        add("the instrument has no items");
    std::set<std::string> item_ids;
    for (std::size_t i = 0; i < d.items.size(); ++i)
        rules_detail::check_item(d.items[i], i, item_ids, problems);
    rules_detail::check_bands(d.bands, problems);
    if (d.meaningful_change && !(std::isfinite(*d.meaningful_change) && *d.meaningful_change >= 0))
        add("the meaningful change must be a number of 0 or more");
    return problems;
}

inline std::vector<DefinitionProblem> technique_problems(const std::vector<Technique>& techniques) {
    std::vector<DefinitionProblem> problems;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < techniques.size(); ++i) {
        const auto& t = techniques[i];
        const auto add = [&](std::string message) {
            problems.push_back({DefinitionProblem::Where::technique, i, std::move(message)});
        };
        if (!is_valid_local_id(t.id)) {
            add("technique id '" + t.id +
                "' must be lower-case letters, digits and '-', starting with a letter (at most "
                "64)");
        }
        if (!ids.insert(t.id).second)
            add("a second technique with the id '" + t.id + "'");
        if (rules_detail::is_blank(t.name) || rules_detail::is_blank(t.category))
            add("technique '" + t.id + "' needs a name and a category");
        if (!(0 <= t.pressure_min && t.pressure_min <= t.pressure_max && t.pressure_max <= 10)) {
            add("technique '" + t.id + "': typical pressure " + std::to_string(t.pressure_min) +
                ".." + std::to_string(t.pressure_max) +
                " is not a range on the 0-10 scale (0 <= min <= max <= 10)");
        }
    }
    return problems;
}

inline std::string band_label(const QuestionnaireDefinition& d, double score) {
    for (std::size_t i = 0; i < d.bands.size(); ++i) {
        const auto& band = d.bands[i];
        const bool last = i + 1 == d.bands.size();
        if (band.min <= score && (score < band.max || (last && score <= band.max)))
            return band.label;
    }
    return {};
}

}  // namespace knotnotes::sdk
