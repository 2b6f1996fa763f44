// client_progress.hpp — the numbers behind a client's Progress tab: pain before and after each
// session, each questionnaire's scores over time, and how many knots were charted in each
// muscle at each session. GUI-free, so the charts only draw what this computes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {
class ChartingStore;
class QuestionnaireRecords;
}  // namespace knotnotes::db

namespace knotnotes::core {

struct PainPoint {
    std::string date;  // YYYY-MM-DD
    std::optional<int> before;
    std::optional<int> after;
};

struct ScorePoint {
    std::string date;
    double score = 0;
};

struct ClientProgress {
    std::vector<PainPoint> pain;                               // one per session, oldest first
    std::map<std::string, std::vector<ScorePoint>> scores;     // instrument id -> scores
    std::vector<std::string> session_dates;                    // the x axis of knot counts
    std::map<std::string, std::vector<int>> knots_per_muscle;  // muscle id -> count per session

    bool empty() const { return pain.empty() && scores.empty(); }
};

// Pain and knots from what was charted, scores from the questionnaire responses (on either
// engine: db/charting_store.hpp, db/questionnaire_records.hpp).
ClientProgress client_progress(db::ChartingStore& charting,
                               db::QuestionnaireRecords& questionnaires, sdk::Id client_id);

class QuestionnaireService;
// The smallest clinically meaningful change of each instrument the questionnaire plugins define
// ("<plugin-id>/<instrument>" -> points), for the band drawn around a score.
std::map<std::string, double> meaningful_changes(const QuestionnaireService& questionnaires);

}  // namespace knotnotes::core
