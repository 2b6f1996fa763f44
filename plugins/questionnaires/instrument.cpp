// Answer checking, band lookup and the generic scoring rules shared by every instrument.
#include "instrument.hpp"

#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <knotnotes/sdk/definition_rules.hpp>

namespace knotnotes::questionnaires {
namespace {

// Numbers in messages as a person writes them: "7", "2.5", not "7.000000".
std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

[[noreturn]] void reject(const sdk::QuestionnaireDefinition& definition,
                         const std::string& problem) {
    throw sdk::InvalidAnswer(definition.id + ": " + problem);
}

bool is_one_of_the_choices(const sdk::QuestionnaireItem& item, double value) {
    for (const auto& choice : item.choices) {
        if (choice.value == value)
            return true;
    }
    return false;
}

std::string choice_values_text(const sdk::QuestionnaireItem& item) {
    std::string text;
    for (const auto& choice : item.choices)
        text += (text.empty() ? "" : ", ") + number_text(choice.value);
    return text;
}

void check_value(const sdk::QuestionnaireDefinition& definition, const sdk::QuestionnaireItem& item,
                 double value) {
    const std::string item_name = "item '" + item.id + "'";
    if (!std::isfinite(value))
        reject(definition, item_name + " has an answer that is not a number");
    if (item.kind == sdk::ItemKind::choice) {
        if (!is_one_of_the_choices(item, value)) {
            reject(definition, item_name + ": " + number_text(value) +
                                   " is not one of its choices (" + choice_values_text(item) + ")");
        }
    } else if (value < item.min || value > item.max) {
        reject(definition, item_name + ": " + number_text(value) + " is outside " +
                               number_text(item.min) + " to " + number_text(item.max));
    }
}

}  // namespace

std::vector<CheckedAnswer> checked_answers(const sdk::QuestionnaireDefinition& definition,
                                           const std::vector<sdk::QuestionnaireAnswer>& answers) {
    std::map<std::string, const sdk::QuestionnaireAnswer*> by_item;
    for (const auto& answer : answers) {
        const bool known = [&] {
            for (const auto& item : definition.items) {
                if (item.id == answer.item_id)
                    return true;
            }
            return false;
        }();
        if (!known)
            reject(definition, "there is no item '" + answer.item_id + "'");
        if (!by_item.emplace(answer.item_id, &answer).second)
            reject(definition, "item '" + answer.item_id + "' is answered more than once");
    }

    std::vector<CheckedAnswer> answered;
    for (const auto& item : definition.items) {
        const auto found = by_item.find(item.id);
        if (found == by_item.end() || !found->second->value) {
            if (!item.optional)
                reject(definition, "item '" + item.id + "' is not answered");
            continue;
        }
        const double value = *found->second->value;
        check_value(definition, item, value);
        answered.push_back({&item, value});
    }
    return answered;
}

Instrument::Instrument(sdk::QuestionnaireDefinition definition)
    : definition_(std::move(definition)) {}

RuleScoredInstrument::RuleScoredInstrument(sdk::QuestionnaireDefinition definition,
                                           ScoringRule rule)
    : Instrument(std::move(definition)), rule_(rule) {
    // A score of no answers would divide by zero; every rule needs at least one answer.
    if (rule_.minimum_answered == 0)
        throw std::logic_error(this->definition().id + ": minimum_answered must be at least 1");
}

sdk::QuestionnaireScore RuleScoredInstrument::score(
    const std::vector<sdk::QuestionnaireAnswer>& answers) const {
    const auto answered = checked_answers(definition(), answers);
    if (answered.size() < rule_.minimum_answered) {
        // Name the skipped items, so the person entering the answers knows what to add.
        std::string skipped;
        for (const auto& item : definition().items) {
            bool is_answered = false;
            for (const auto& a : answered)
                is_answered = is_answered || a.item == &item;
            if (!is_answered)
                skipped += (skipped.empty() ? "'" : ", '") + item.id + "'";
        }
        reject(definition(), "at least " + std::to_string(rule_.minimum_answered) +
                                 " items must be answered, not " + std::to_string(answered.size()) +
                                 "; not answered: " + skipped);
    }

    double sum = 0;
    double sum_of_max = 0;
    for (const auto& a : answered) {
        sum += a.value;
        sum_of_max += a.item->max;
    }
    const double mean = sum / static_cast<double>(answered.size());
    double value = 0;
    switch (rule_.method) {
        case ScoringMethod::sum:
            value = sum;
            break;
        case ScoringMethod::mean:
            value = mean;
            break;
        case ScoringMethod::percent_of_max:
            value = sum / sum_of_max * 100.0;
            break;
        case ScoringMethod::linear:
            value = (mean + rule_.offset) * rule_.scale;
            break;
    }
    return {value, sdk::band_label(definition(), value)};
}

}  // namespace knotnotes::questionnaires
