// questionnaire_wording.hpp — what the questionnaire form tells a therapist when a response
// cannot be scored yet, in the questionnaire's own words instead of a plugin's message:
// "Please answer question 2, “How much did pain interfere with your enjoyment of life?”,
// before saving."
#pragma once

#include <string>
#include <vector>

#include <knotnotes/sdk/questionnaire_provider.hpp>
#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

// Empty when every item that must be answered has a value.
std::string missing_answer_message(const sdk::QuestionnaireDefinition& definition,
                                   const std::vector<sdk::QuestionnaireAnswer>& answers);

// A scoring error from the plugin without its technical prefix ("plugin <id>: <instrument>:
// "), as a sentence: "This questionnaire could not be scored: <reason>."
std::string scoring_problem_message(const std::string& plugin_message);

}  // namespace knotnotes::core
