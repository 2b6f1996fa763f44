#include "client_progress.hpp"

#include "core/plugin_host.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"

namespace knotnotes::core {

ClientProgress client_progress(db::Database& db, sdk::Id client_id) {
    ClientProgress progress;
    db::ChartEntryRepository entries(db);
    const auto sessions = db::SessionRepository(db).list_for_client(client_id);
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const auto& s = sessions[i];
        const auto date = s.started_at.substr(0, 10);
        progress.pain.push_back({date, s.pain_before, s.pain_after});
        progress.session_dates.push_back(date);
        for (const auto& knot : entries.knots(s.id)) {
            auto& counts = progress.knots_per_muscle[knot.muscle_id];
            counts.resize(sessions.size(), 0);
            ++counts[i];
        }
    }
    for (auto& [muscle, counts] : progress.knots_per_muscle)
        counts.resize(sessions.size(), 0);
    for (const auto& r : db::QuestionnaireRepository(db).for_client(client_id)) {
        if (r.score)
            progress.scores[r.instrument_id].push_back({r.completed_at.substr(0, 10), *r.score});
    }
    return progress;
}

std::map<std::string, double> meaningful_changes(PluginHost& host) {
    std::map<std::string, double> changes;
    std::vector<std::string> ids;
    for (const auto* status : host.loaded_with_kind(PluginKind::questionnaire_provider)) {
        ids.push_back(status->id());
    }
    for (const auto& plugin_id : ids) {
        try {
            auto provider = host.create_questionnaire_provider(plugin_id);
            for (const auto& d : provider.call("definitions()", [](sdk::QuestionnaireProvider& p) {
                     return p.definitions();
                 })) {
                if (d.meaningful_change)
                    changes[plugin_id + "/" + d.id] = *d.meaningful_change;
            }
        } catch (const std::exception&) {
            // Disabled with its reason; its instruments simply get no band.
        }
    }
    return changes;
}

}  // namespace knotnotes::core
