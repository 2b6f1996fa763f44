#include "client_progress.hpp"

#include "core/local_time.hpp"
#include "core/questionnaire_service.hpp"
#include "db/charting_store.hpp"
#include "db/questionnaire_records.hpp"

namespace knotnotes::core {

ClientProgress client_progress(db::ChartingStore& charting,
                               db::QuestionnaireRecords& questionnaires, sdk::Id client_id) {
    ClientProgress progress;
    const auto sessions = charting.sessions_of(client_id);
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const auto& s = sessions[i];
        const auto date = local_date_text(s.started_at);  // the day the client was seen
        progress.pain.push_back({date, s.pain_before, s.pain_after});
        progress.session_dates.push_back(date);
        for (const auto& knot : charting.knots(s.id)) {
            auto& counts = progress.knots_per_muscle[knot.muscle_id];
            counts.resize(sessions.size(), 0);
            ++counts[i];
        }
    }
    for (auto& [muscle, counts] : progress.knots_per_muscle)
        counts.resize(sessions.size(), 0);
    for (const auto& r : questionnaires.for_client(client_id)) {
        if (r.score)
            progress.scores[r.instrument_id].push_back({local_date_text(r.completed_at), *r.score});
    }
    return progress;
}

std::map<std::string, double> meaningful_changes(const QuestionnaireService& questionnaires) {
    std::map<std::string, double> changes;
    for (const auto& instrument : questionnaires.instruments()) {
        if (instrument.definition.meaningful_change) {
            changes[instrument.id] = *instrument.definition.meaningful_change;
        }
    }
    return changes;
}

}  // namespace knotnotes::core
