// The questionnaires plugin: the built-in instruments, plus every definition a clinic has put
// in its questionnaire folders (questionnaire_folders.hpp), served as one provider.
//
// The folders are read each time the host creates a provider, so a definition added or fixed
// is picked up at the next start without rebuilding anything.
#include <iostream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <knotnotes/sdk/sdk.hpp>

#include "builtin_instruments.hpp"
#include "questionnaire_folders.hpp"

namespace {

namespace sdk = knotnotes::sdk;
namespace q = knotnotes::questionnaires;

class QuestionnaireCatalogue : public sdk::QuestionnaireProvider {
  public:
    QuestionnaireCatalogue() : instruments_(q::make_builtin_instruments()) {
        std::set<std::string> builtin_ids;
        for (const auto& instrument : instruments_)
            builtin_ids.insert(instrument->definition().id);
        // std::cerr: a skipped file must be visible, and the SDK gives a plugin no log.
        auto loaded =
            q::load_questionnaire_folders(q::questionnaire_folders(), builtin_ids, std::cerr);
        for (auto& instrument : loaded)
            instruments_.push_back(std::move(instrument));
    }

    std::vector<sdk::QuestionnaireDefinition> definitions() const override {
        std::vector<sdk::QuestionnaireDefinition> all;
        for (const auto& instrument : instruments_)
            all.push_back(instrument->definition());
        return all;
    }

    sdk::QuestionnaireScore score(
        const std::string& instrument_id,
        const std::vector<sdk::QuestionnaireAnswer>& answers) const override {
        for (const auto& instrument : instruments_) {
            if (instrument->definition().id == instrument_id)
                return instrument->score(answers);
        }
        throw sdk::InvalidAnswer("there is no questionnaire '" + instrument_id + "'");
    }

  private:
    std::vector<std::unique_ptr<q::Instrument>> instruments_;
};

class QuestionnairesPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::QuestionnaireProvider> create_questionnaire_provider() override {
        return std::make_unique<QuestionnaireCatalogue>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(QuestionnairesPlugin);
