// progress_section.cpp — builds the chart series from the client's sessions and responses.
#include "progress_section.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "html_fragments.hpp"
#include "iso_date.hpp"
#include "svg_format.hpp"
#include "svg_progress_chart.hpp"

namespace knotnotes::export_html {

namespace {

constexpr std::string_view pain_before_colour = "#c0392b";
constexpr std::string_view pain_after_colour = "#2e7d32";
constexpr std::string_view score_colour = "#1f5f99";

std::string pain_chart(const ClientRecords& records) {
    ProgressSeries before{"pain before", std::string(pain_before_colour), {}};
    ProgressSeries after{"pain after", std::string(pain_after_colour), {}};
    for (const auto& session : records.sessions) {
        if (session.pain_before)
            before.points.push_back({session.started_at, double(*session.pain_before)});
        if (session.pain_after)
            after.points.push_back({session.started_at, double(*session.pain_after)});
    }
    if (before.points.empty() && after.points.empty())
        return "<p class=\"note\">No pain scores recorded.</p>\n";
    return svg_progress_chart("Pain before and after each session (0–10)", {before, after}, 10) +
           "\n";
}

std::string score_text(const std::optional<double>& score) {
    return score ? svg_number(std::round(*score * 10) / 10) : std::string("not scored");
}

// One chart and one table per instrument, instruments in the order first answered.
std::string questionnaire_charts(const ClientRecords& records) {
    std::vector<std::string> instruments;
    std::map<std::string, std::vector<const sdk::QuestionnaireResponse*>> by_instrument;
    for (const auto& response : records.responses) {
        auto& responses = by_instrument[response.instrument_id];
        if (responses.empty())
            instruments.push_back(response.instrument_id);
        responses.push_back(&response);
    }
    if (instruments.empty())
        return "<p class=\"note\">No questionnaire responses.</p>\n";

    std::string html;
    for (const auto& instrument : instruments) {
        const auto& responses = by_instrument[instrument];
        ProgressSeries scores{"score", std::string(score_colour), {}};
        double highest = 0;
        for (const auto* response : responses) {
            if (response->score) {
                scores.points.push_back({response->completed_at, *response->score});
                highest = std::max(highest, *response->score);
            }
        }
        const std::string& version = responses.back()->instrument_version;
        html += "<h4>" + html_escape(instrument) +
                (version.empty()
                     ? ""
                     : " <span class=\"note\">version " + html_escape(version) + "</span>") +
                "</h4>\n";
        if (!scores.points.empty()) {
            html += svg_progress_chart("Scores of " + instrument + " over time", {scores},
                                       progress_axis_max(highest)) +
                    "\n";
        }
        html += table_head({"Completed", "Score", "Interpretation"});
        for (const auto* response : responses) {
            html += "<tr>" + cell(readable_time(response->completed_at)) +
                    number_cell(score_text(response->score)) + cell(response->interpretation) +
                    "</tr>\n";
        }
        html += std::string(table_end);
    }
    return html;
}

}  // namespace

std::string progress_section_html(const ClientRecords& records) {
    return "<section class=\"progress\">\n<h2>Progress</h2>\n<h3>Pain</h3>\n" +
           pain_chart(records) + "<h3>Questionnaires</h3>\n" + questionnaire_charts(records) +
           "</section>\n";
}

}  // namespace knotnotes::export_html
