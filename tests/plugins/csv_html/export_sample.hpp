// export_sample.hpp — the records the CSV and HTML exporter tests export: two practitioners and
// two clients with intakes (one flagging contraindications), sessions with knots on the front,
// back and side views, techniques, pressure readings, questionnaire responses, one signed
// session and an amendment of it, and texts with commas, quotes, newlines, '<', '&' and
// non-ASCII letters. Also drives an exporter through the plugin host in the documented order.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <knotnotes/sdk/exporter.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/records.hpp>

#include "core/plugin_object.hpp"

namespace knotnotes::test {

// Texts that need quoting in CSV and escaping in HTML, kept here so tests can look for them.
inline const std::string chloe_given_name = "Chloé";
inline const std::string chloe_family_name = "O'Brien";
inline const std::string tricky_emergency_contact = "Marc O'Brien, husband: +1 555 0101";
inline const std::string tricky_occupation = "Teacher & coach <part-time>";
inline const std::string tricky_subjective =
    "Pain \"6/10\", worse after <desk> work & driving\nSleeps badly";
inline const std::string tricky_plan = "Heat at home\r\nStretch twice a day, 30 s";
inline const std::string line_feed_only_objective =
    "Taut band in the left upper trapezius\nTone up";
inline const std::string tricky_referral = "forehead & ear <deep>";
inline const std::string tricky_response = "Referral eased, \"good hurt\"";
inline const std::string psfs_activity = "climbing stairs; carrying kids";
inline const std::string signed_hash =
    "9b74c9897bac770ffc029102a200c5de9b74c9897bac770ffc029102a200c5de";

struct ClientChart {
    sdk::Client client;
    std::vector<sdk::Intake> intakes;
    std::vector<sdk::Session> sessions;
    std::vector<sdk::QuestionnaireResponse> responses;
};

struct ExportSample {
    std::vector<sdk::Practitioner> practitioners;
    std::vector<ClientChart> clients;

    std::size_t session_count() const {
        std::size_t n = 0;
        for (const auto& c : clients)
            n += c.sessions.size();
        return n;
    }
    template <typename Member>
    std::size_t count_in_sessions(Member member) const {
        std::size_t n = 0;
        for (const auto& c : clients) {
            for (const auto& s : c.sessions)
                n += (s.*member).size();
        }
        return n;
    }
};

// A knot placed where the atlas puts its muscle on `view`, as the app's body chart would.
inline sdk::Knot sample_knot(sdk::Id id, sdk::Id session, const char* muscle_id, sdk::Side side,
                             sdk::ChartView view, sdk::KnotKind kind, int tenderness,
                             sdk::KnotResult result, std::string referral = {}) {
    const auto* muscle = sdk::find_muscle(muscle_id);
    const auto position = muscle ? sdk::chart_position(*muscle, view, side) : std::nullopt;
    if (!position)
        throw std::logic_error(std::string(muscle_id) + " does not show on that view");
    sdk::Knot knot;
    knot.id = id;
    knot.session_id = session;
    knot.muscle_id = muscle_id;
    knot.side = side;
    knot.view = view;
    knot.x = position->x;
    knot.y = position->y;
    knot.kind = kind;
    knot.tenderness = tenderness;
    knot.referral = std::move(referral);
    knot.result = result;
    return knot;
}

inline sdk::TechniqueUse sample_technique(sdk::Id id, sdk::Id session, std::string technique,
                                          std::string muscle, sdk::Side side,
                                          std::optional<int> pressure, int seconds, sdk::Tool tool,
                                          sdk::Direction direction, std::string response = {}) {
    return {id,   session,   std::move(technique), std::move(muscle), side, pressure, seconds,
            tool, direction, std::move(response)};
}

inline sdk::QuestionnaireResponse sample_response(sdk::Id id, sdk::Id client,
                                                  std::optional<sdk::Id> session,
                                                  std::string instrument, std::string completed_at,
                                                  std::vector<sdk::QuestionnaireAnswer> answers,
                                                  std::optional<double> score) {
    sdk::QuestionnaireResponse r;
    r.id = id;
    r.client_id = client;
    r.session_id = session;
    r.instrument_id = std::move(instrument);
    r.instrument_version = "1.0";
    r.completed_at = std::move(completed_at);
    r.answers = std::move(answers);
    r.score = score;
    return r;
}

ExportSample make_export_sample();

// begin(target), then every practitioner, then every client with its records, then end().
void export_sample(core::PluginObject<sdk::Exporter>& exporter, const std::filesystem::path& target,
                   const ExportSample& sample);
// The parts of export_sample, for tests that look at the output in the middle of an export.
void begin_export(core::PluginObject<sdk::Exporter>& exporter, const std::filesystem::path& target);
void write_practitioners(core::PluginObject<sdk::Exporter>& exporter, const ExportSample& sample);
void write_client_chart(core::PluginObject<sdk::Exporter>& exporter, const ClientChart& chart);
void end_export(core::PluginObject<sdk::Exporter>& exporter);

}  // namespace knotnotes::test
