#include "core/questionnaire_wording.hpp"

namespace knotnotes::core {

std::string missing_answer_message(const sdk::QuestionnaireDefinition& definition,
                                   const std::vector<sdk::QuestionnaireAnswer>& answers) {
    for (std::size_t i = 0; i < definition.items.size(); ++i) {
        const auto& item = definition.items[i];
        if (item.optional)
            continue;
        bool answered = false;
        for (const auto& a : answers) {
            if (a.item_id == item.id && a.value)
                answered = true;
        }
        if (!answered) {
            return "Please answer question " + std::to_string(i + 1) + ", \xE2\x80\x9C" +
                   item.text + "\xE2\x80\x9D, before saving.";
        }
    }
    return {};
}

std::string scoring_problem_message(const std::string& plugin_message) {
    std::string reason = plugin_message;
    // "plugin org.knotnotes.questionnaires: peg-3: item 'x' ..." -> "item 'x' ..."
    if (reason.rfind("plugin ", 0) == 0) {
        for (int colons = 0; colons < 2; ++colons) {
            const auto at = reason.find(": ");
            if (at == std::string::npos)
                break;
            reason.erase(0, at + 2);
        }
    }
    while (!reason.empty() && reason.back() == '.')
        reason.pop_back();
    return "This questionnaire could not be scored: " + reason + ".";
}

}  // namespace knotnotes::core
