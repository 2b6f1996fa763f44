#include "questionnaire_catalogue.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "plugin_host.hpp"

namespace knotnotes::core {
namespace {

bool is_loaded_provider(PluginHost& host, const std::string& plugin_id) {
    for (const auto* status : host.loaded_with_kind(PluginKind::questionnaire_provider)) {
        if (status->id() == plugin_id)
            return true;
    }
    return false;
}

}  // namespace

std::string score_text(const sdk::QuestionnaireScore& score) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << std::fixed << std::setprecision(2) << score.value;
    auto text = out.str();
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    if (!score.interpretation.empty())
        text += " (" + score.interpretation + ")";
    return text;
}

QuestionnaireCatalogue::QuestionnaireCatalogue(PluginHost& host) : host_(host) {
    std::vector<std::string> ids;
    for (const auto* status : host.loaded_with_kind(PluginKind::questionnaire_provider)) {
        ids.push_back(status->id());
    }
    for (const auto& plugin_id : ids) {
        try {
            for (auto& d : provider(plugin_id).call(
                     "definitions()",
                     [](sdk::QuestionnaireProvider& p) { return p.definitions(); })) {
                auto id = plugin_id + "/" + d.id;
                instruments_.push_back({std::move(id), plugin_id, std::move(d)});
            }
        } catch (const std::exception&) {
            // The plugin is disabled with its reason (see the Plugins dialog); it offers nothing.
        }
    }
    std::stable_sort(instruments_.begin(), instruments_.end(), [](const auto& a, const auto& b) {
        return a.definition.title < b.definition.title;
    });
}

const QuestionnaireInstrument* QuestionnaireCatalogue::find(const std::string& id) const {
    for (const auto& instrument : instruments_) {
        if (instrument.id == id)
            return &instrument;
    }
    return nullptr;
}

const QuestionnaireInstrument& QuestionnaireCatalogue::require(const std::string& id) const {
    if (const auto* instrument = find(id))
        return *instrument;
    throw std::invalid_argument("no questionnaire " + id + " is available");
}

sdk::QuestionnaireScore QuestionnaireCatalogue::score(
    const std::string& instrument_id, const std::vector<sdk::QuestionnaireAnswer>& answers) {
    const auto& instrument = require(instrument_id);
    if (!is_loaded_provider(host_, instrument.plugin_id)) {
        providers_.erase(instrument.plugin_id);  // enabled again, it is made anew
        throw PluginCallError(instrument.plugin_id,
                              "plugin " + instrument.plugin_id +
                                  " is no longer loaded; enable it to score " +
                                  instrument.definition.title,
                              false);
    }
    const auto& local_id = instrument.definition.id;
    return provider(instrument.plugin_id).call("score()", [&](sdk::QuestionnaireProvider& p) {
        return p.score(local_id, answers);
    });
}

PluginObject<sdk::QuestionnaireProvider>& QuestionnaireCatalogue::provider(
    const std::string& plugin_id) {
    auto found = providers_.find(plugin_id);
    if (found == providers_.end())
        found = providers_.emplace(plugin_id, host_.create_questionnaire_provider(plugin_id)).first;
    return found->second;
}

}  // namespace knotnotes::core
