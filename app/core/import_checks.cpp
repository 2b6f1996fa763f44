#include "import_checks.hpp"

#include <cmath>

#include <knotnotes/sdk/plugin_error.hpp>

#include "plugin_availability.hpp"
#include "plugin_host.hpp"

namespace knotnotes::core {
namespace {

bool same_score(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

}  // namespace

ImportChecks::ImportChecks(PluginHost& host)
    : host_(host), questionnaires_(host), techniques_(host) {}

std::string ImportChecks::missing_plugin(const std::string& qualified_id, PluginKind kind) const {
    const auto plugin_id = qualified_id.substr(0, qualified_id.find('/'));
    auto why = why_unavailable(host_, plugin_id, kind);
    if (why.empty()) {
        why = "plugin " + plugin_id + " is loaded but offers no '" +
              qualified_id.substr(plugin_id.size() + 1) + "'";
    }
    return why;
}

void ImportChecks::check_response(const sdk::QuestionnaireResponse& r) {
    const std::string what =
        "the questionnaire response of " + r.completed_at + " (" + r.instrument_id + ")";
    if (!questionnaires_.find(r.instrument_id)) {
        throw sdk::ImportError(
            0, what + " cannot be checked: " +
                   missing_plugin(r.instrument_id, PluginKind::questionnaire_provider) +
                   ". Install or enable the plugin, then import again");
    }
    sdk::QuestionnaireScore score;
    try {
        score = questionnaires_.score(r.instrument_id, r.answers);
    } catch (const std::exception& e) {
        throw sdk::ImportError(0, what + " has answers its own plugin refuses: " + e.what());
    }
    if (!r.score || !same_score(*r.score, score.value) ||
        r.interpretation != score.interpretation) {
        throw sdk::ImportError(
            0, what + " is stored as " +
                   (r.score ? score_text({*r.score, r.interpretation}) : "without a score") +
                   " but its plugin scores its answers " + score_text(score) +
                   ": the file was changed, or made by a different version of the instrument "
                   "(version " +
                   r.instrument_version + " in the file)");
    }
}

void ImportChecks::check_technique(const std::string& technique_id) const {
    if (!techniques_.find(technique_id)) {
        throw sdk::ImportError(0, "the technique " + technique_id + " is unknown here: " +
                                      missing_plugin(technique_id, PluginKind::technique_library) +
                                      ". Install or enable the library, then import again");
    }
}

}  // namespace knotnotes::core
