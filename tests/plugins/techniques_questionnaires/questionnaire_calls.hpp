// questionnaire_calls.hpp — calling the real questionnaires plugin from a test: answers, scores
// and rejections.
//
// Rejections go through the host's containment as the app's would: score() throws
// sdk::InvalidAnswer (a PluginError) for a bad answer, which the host reports as a
// PluginCallError without disabling the plugin.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "builtin_plugin_host.hpp"

namespace knotnotes::test {

inline const std::string questionnaires_id = "org.knotnotes.questionnaires";

inline sdk::QuestionnaireAnswer answer(std::string item_id, std::optional<double> value,
                                       std::string text = "") {
    return {std::move(item_id), value, std::move(text)};
}

// The answers of an instrument whose items are numbered "item-1".."item-N", in order.
inline std::vector<sdk::QuestionnaireAnswer> numbered_answers(const std::vector<double>& values) {
    std::vector<sdk::QuestionnaireAnswer> answers;
    for (std::size_t i = 0; i < values.size(); ++i)
        answers.push_back(answer("item-" + std::to_string(i + 1), values[i]));
    return answers;
}

class Questionnaires {
  public:
    explicit Questionnaires(core::PluginHost& host) {
        require_loaded(host, questionnaires_id);
        provider_ = host.create_questionnaire_provider(questionnaires_id);
        REQUIRE(provider_);
    }

    std::vector<sdk::QuestionnaireDefinition> definitions() {
        return provider_.call("definitions",
                              [](sdk::QuestionnaireProvider& p) { return p.definitions(); });
    }

    // The definition with this id; fails the test when there is none.
    sdk::QuestionnaireDefinition definition(const std::string& id) {
        for (auto& d : definitions()) {
            if (d.id == id)
                return d;
        }
        FAIL("no questionnaire " << id);
        throw std::logic_error("unreachable");
    }

    bool has(const std::string& id) {
        for (const auto& d : definitions()) {
            if (d.id == id)
                return true;
        }
        return false;
    }

    sdk::QuestionnaireScore score(const std::string& id,
                                  const std::vector<sdk::QuestionnaireAnswer>& answers) {
        return provider_.call("score",
                              [&](sdk::QuestionnaireProvider& p) { return p.score(id, answers); });
    }

    // The message of the rejection of `answers`; fails the test if they are accepted or if the
    // host treats the rejection as a bug and disables the plugin.
    std::string rejection(const std::string& id,
                          const std::vector<sdk::QuestionnaireAnswer>& answers) {
        try {
            static_cast<void>(score(id, answers));
        } catch (const core::PluginCallError& e) {
            if (e.disabled_plugin())
                FAIL("a rejected answer disabled the plugin: " << e.what());
            return e.what();
        }
        FAIL("score(" << id << ") accepted answers it should reject");
        return {};
    }

  private:
    core::PluginObject<sdk::QuestionnaireProvider> provider_;
};

}  // namespace knotnotes::test
