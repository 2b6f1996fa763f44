// SPDX-License-Identifier: MIT
// bridge/from_c.hpp — the C structs that came across the boundary, read into C++ values.
//
// Specification
// - read(c, out) sets every field of `out` from `c`: a field within the writer's struct_size
//   is copied, a field beyond it gets the default of records.hpp (abi.h, "Growable
//   structs"). `out` may be reused from record to record: strings and vectors keep their
//   capacity, so reading a stream of records allocates nothing once they have grown.
// - A vocabulary code this SDK does not know, or a malformed array, throws PluginError naming
//   the field (c_values.hpp); `out` is then left partly set.
#pragma once

#include <optional>
#include <vector>

#include "knotnotes/sdk/bridge/c_values.hpp"
#include "knotnotes/sdk/exporter.hpp"
#include "knotnotes/sdk/questionnaire_provider.hpp"
#include "knotnotes/sdk/records.hpp"
#include "knotnotes/sdk/technique_library.hpp"

namespace knotnotes::sdk::bridge {

namespace from_c_detail {
inline const kn_string no_text{nullptr, 0};
inline const kn_array no_items{nullptr, 0, 0};
inline const kn_optional_int no_int{0, 0};
inline const kn_optional_int64 no_int64{0, 0, 0};
inline const kn_optional_double no_double{0, 0, 0.0};
}  // namespace from_c_detail

inline std::optional<int> from_c(const kn_optional_int& v) {
    return v.present ? std::optional<int>(v.value) : std::nullopt;
}
inline std::optional<Id> from_c(const kn_optional_int64& v) {
    return v.present ? std::optional<Id>(v.value) : std::nullopt;
}
inline std::optional<double> from_c(const kn_optional_double& v) {
    return v.present ? std::optional<double>(v.value) : std::nullopt;
}

// Every read(), declared first so read_list() finds them all.
inline void read(const kn_knot& c, Knot& out);
inline void read(const kn_pressure_reading& c, PressureReading& out);
inline void read(const kn_technique_use& c, TechniqueUse& out);
inline void read(const kn_questionnaire_answer& c, QuestionnaireAnswer& out);
inline void read(const kn_questionnaire_choice& c, QuestionnaireChoice& out);
inline void read(const kn_questionnaire_item& c, QuestionnaireItem& out);
inline void read(const kn_interpretation_band& c, InterpretationBand& out);

// Reads the elements of `array` (of C type `C`) into `out`, reusing its elements.
template <typename C, typename T>
void read_list(const kn_array& array, std::vector<T>& out, const char* what) {
    check_array(array, sizeof(std::uint32_t), what);
    out.resize(array.count);
    for (std::size_t i = 0; i < array.count; ++i)
        read(growable_element<C>(array, i, what), out[i]);
}

// Shorthands for the reads below: field `f` of `c` (of C type `T`), or its default.
#define KNOTNOTES_TEXT(c, T, f) assign(out.f, KNOTNOTES_C_FIELD(c, T, f, from_c_detail::no_text))
#define KNOTNOTES_PLAIN(c, T, f, fallback) out.f = KNOTNOTES_C_FIELD(c, T, f, fallback)

inline void read(const kn_practitioner& c, Practitioner& out) {
    KNOTNOTES_PLAIN(c, kn_practitioner, id, 0);
    KNOTNOTES_TEXT(c, kn_practitioner, name);
    KNOTNOTES_TEXT(c, kn_practitioner, credentials);
    KNOTNOTES_TEXT(c, kn_practitioner, uid);
    KNOTNOTES_TEXT(c, kn_practitioner, registration);
    KNOTNOTES_TEXT(c, kn_practitioner, public_key);
}

inline void read(const kn_client& c, Client& out) {
    KNOTNOTES_PLAIN(c, kn_client, id, 0);
    KNOTNOTES_TEXT(c, kn_client, given_name);
    KNOTNOTES_TEXT(c, kn_client, family_name);
    KNOTNOTES_TEXT(c, kn_client, birth_date);
    KNOTNOTES_TEXT(c, kn_client, phone);
    KNOTNOTES_TEXT(c, kn_client, email);
    KNOTNOTES_TEXT(c, kn_client, emergency_contact);
    KNOTNOTES_TEXT(c, kn_client, occupation);
    KNOTNOTES_TEXT(c, kn_client, created_at);
    KNOTNOTES_TEXT(c, kn_client, uid);
    out.chart_figure = from_code(KNOTNOTES_C_FIELD(c, kn_client, chart_figure, 0u),
                                 detail::figure_words, "the client's chart figure");
}

inline void read(const kn_consent* c, Consent& out) {
    out = Consent{};
    if (!c)
        return;
    out.agreed = KNOTNOTES_C_FIELD(*c, kn_consent, agreed, 0) != 0;
    assign(out.date, KNOTNOTES_C_FIELD(*c, kn_consent, date, from_c_detail::no_text));
    assign(out.signer_name, KNOTNOTES_C_FIELD(*c, kn_consent, signer_name, from_c_detail::no_text));
    assign(out.signature_png_base64,
           KNOTNOTES_C_FIELD(*c, kn_consent, signature_png_base64, from_c_detail::no_text));
}

inline void read(const kn_intake& c, Intake& out) {
    KNOTNOTES_PLAIN(c, kn_intake, id, 0);
    KNOTNOTES_PLAIN(c, kn_intake, client_id, 0);
    KNOTNOTES_PLAIN(c, kn_intake, version, 1);
    KNOTNOTES_TEXT(c, kn_intake, recorded_at);
    KNOTNOTES_TEXT(c, kn_intake, reason_for_visit);
    KNOTNOTES_TEXT(c, kn_intake, goals);
    KNOTNOTES_TEXT(c, kn_intake, activity);
    const auto flags = KNOTNOTES_C_FIELD(c, kn_intake, health_flags, from_c_detail::no_items);
    check_array(flags, sizeof(kn_string), "health flags");
    out.health_flags.resize(flags.count);
    for (std::size_t i = 0; i < flags.count; ++i)
        assign(out.health_flags[i], element<kn_string>(flags, i));
    KNOTNOTES_TEXT(c, kn_intake, medications);
    KNOTNOTES_TEXT(c, kn_intake, allergies);
    KNOTNOTES_TEXT(c, kn_intake, surgeries_injuries);
    KNOTNOTES_TEXT(c, kn_intake, areas_to_avoid);
    out.preferred_pressure =
        from_c(KNOTNOTES_C_FIELD(c, kn_intake, preferred_pressure, from_c_detail::no_int));
    read(KNOTNOTES_C_FIELD(c, kn_intake, consent, nullptr), out.consent);
    KNOTNOTES_TEXT(c, kn_intake, uid);
}

inline void read(const kn_knot& c, Knot& out) {
    KNOTNOTES_PLAIN(c, kn_knot, id, 0);
    KNOTNOTES_PLAIN(c, kn_knot, session_id, 0);
    KNOTNOTES_TEXT(c, kn_knot, muscle_id);
    out.side =
        from_code(KNOTNOTES_C_FIELD(c, kn_knot, side, 0u), detail::side_words, "a knot's side");
    out.view =
        from_code(KNOTNOTES_C_FIELD(c, kn_knot, view, static_cast<std::uint32_t>(KN_VIEW_BACK)),
                  detail::view_words, "a knot's chart view");
    KNOTNOTES_PLAIN(c, kn_knot, x, 0.5);
    KNOTNOTES_PLAIN(c, kn_knot, y, 0.5);
    out.kind =
        from_code(KNOTNOTES_C_FIELD(c, kn_knot, kind, static_cast<std::uint32_t>(KN_KNOT_LATENT)),
                  detail::kind_words, "a knot's kind");
    KNOTNOTES_PLAIN(c, kn_knot, tenderness, 0);
    KNOTNOTES_TEXT(c, kn_knot, referral);
    out.result = from_code(KNOTNOTES_C_FIELD(c, kn_knot, result, 0u), detail::result_words,
                           "a knot's result");
    out.previous_knot_id =
        from_c(KNOTNOTES_C_FIELD(c, kn_knot, previous_knot_id, from_c_detail::no_int64));
    KNOTNOTES_TEXT(c, kn_knot, uid);
    const auto area = KNOTNOTES_C_FIELD(c, kn_knot, referral_area, from_c_detail::no_items);
    check_array(area, sizeof(kn_chart_point), "referral area points");
    out.referral_area.resize(area.count);
    for (std::size_t i = 0; i < area.count; ++i) {
        const auto& p = element<kn_chart_point>(area, i);
        out.referral_area[i] = ChartPoint{p.x, p.y};
    }
}

inline void read(const kn_pressure_reading& c, PressureReading& out) {
    KNOTNOTES_PLAIN(c, kn_pressure_reading, id, 0);
    KNOTNOTES_PLAIN(c, kn_pressure_reading, session_id, 0);
    KNOTNOTES_TEXT(c, kn_pressure_reading, region);
    out.side = from_code(KNOTNOTES_C_FIELD(c, kn_pressure_reading, side,
                                           static_cast<std::uint32_t>(KN_SIDE_MIDLINE)),
                         detail::side_words, "a pressure reading's side");
    KNOTNOTES_PLAIN(c, kn_pressure_reading, pressure, 0);
    KNOTNOTES_TEXT(c, kn_pressure_reading, uid);
}

inline void read(const kn_technique_use& c, TechniqueUse& out) {
    KNOTNOTES_PLAIN(c, kn_technique_use, id, 0);
    KNOTNOTES_PLAIN(c, kn_technique_use, session_id, 0);
    KNOTNOTES_TEXT(c, kn_technique_use, technique_id);
    KNOTNOTES_TEXT(c, kn_technique_use, muscle_id);
    out.side = from_code(
        KNOTNOTES_C_FIELD(c, kn_technique_use, side, static_cast<std::uint32_t>(KN_SIDE_MIDLINE)),
        detail::side_words, "a technique use's side");
    out.pressure = from_c(KNOTNOTES_C_FIELD(c, kn_technique_use, pressure, from_c_detail::no_int));
    KNOTNOTES_PLAIN(c, kn_technique_use, duration_seconds, 0);
    out.tool = from_code(KNOTNOTES_C_FIELD(c, kn_technique_use, tool, 0u), detail::tool_words,
                         "a technique use's tool");
    out.direction = from_code(KNOTNOTES_C_FIELD(c, kn_technique_use, direction, 0u),
                              detail::direction_words, "a technique use's direction");
    KNOTNOTES_TEXT(c, kn_technique_use, response);
    KNOTNOTES_TEXT(c, kn_technique_use, uid);
}

inline void read(const kn_signature& c, Signature& out) {
    KNOTNOTES_TEXT(c, kn_signature, signer);
    KNOTNOTES_TEXT(c, kn_signature, signed_at);
    KNOTNOTES_TEXT(c, kn_signature, content_sha256);
    KNOTNOTES_PLAIN(c, kn_signature, signer_practitioner_id, 0);
    if (KN_HAS_FIELD(&c, kn_signature, algorithm)) {
        assign(out.algorithm, c.algorithm);
    } else {
        out.algorithm = Signature{}.algorithm;
    }
    KNOTNOTES_PLAIN(c, kn_signature, canonical_version, Signature{}.canonical_version);
    KNOTNOTES_TEXT(c, kn_signature, public_key);
    KNOTNOTES_TEXT(c, kn_signature, value);
}

inline void read(const kn_session& c, Session& out) {
    KNOTNOTES_PLAIN(c, kn_session, id, 0);
    KNOTNOTES_PLAIN(c, kn_session, client_id, 0);
    KNOTNOTES_PLAIN(c, kn_session, practitioner_id, 0);
    out.intake_id = from_c(KNOTNOTES_C_FIELD(c, kn_session, intake_id, from_c_detail::no_int64));
    KNOTNOTES_TEXT(c, kn_session, started_at);
    KNOTNOTES_PLAIN(c, kn_session, duration_minutes, 0);
    KNOTNOTES_TEXT(c, kn_session, subjective);
    KNOTNOTES_TEXT(c, kn_session, objective);
    KNOTNOTES_TEXT(c, kn_session, assessment);
    KNOTNOTES_TEXT(c, kn_session, plan);
    out.pain_before = from_c(KNOTNOTES_C_FIELD(c, kn_session, pain_before, from_c_detail::no_int));
    out.pain_after = from_c(KNOTNOTES_C_FIELD(c, kn_session, pain_after, from_c_detail::no_int));
    if (const auto* signature = KNOTNOTES_C_FIELD(c, kn_session, signature, nullptr)) {
        if (!out.signature)
            out.signature.emplace();
        read(*signature, *out.signature);
    } else {
        out.signature.reset();
    }
    out.amends_session_id =
        from_c(KNOTNOTES_C_FIELD(c, kn_session, amends_session_id, from_c_detail::no_int64));
    KNOTNOTES_TEXT(c, kn_session, uid);
    KNOTNOTES_TEXT(c, kn_session, amendment_reason);
    KNOTNOTES_TEXT(c, kn_session, conflict_acknowledgement);
    read_list<kn_knot>(KNOTNOTES_C_FIELD(c, kn_session, knots, from_c_detail::no_items), out.knots,
                       "knots");
    read_list<kn_pressure_reading>(
        KNOTNOTES_C_FIELD(c, kn_session, pressure_readings, from_c_detail::no_items),
        out.pressure_readings, "pressure readings");
    read_list<kn_technique_use>(
        KNOTNOTES_C_FIELD(c, kn_session, techniques, from_c_detail::no_items), out.techniques,
        "technique uses");
    out.location = from_code(KNOTNOTES_C_FIELD(c, kn_session, location, 0u), detail::location_words,
                             "the session's location");
}

inline void read(const kn_questionnaire_answer& c, QuestionnaireAnswer& out) {
    KNOTNOTES_TEXT(c, kn_questionnaire_answer, item_id);
    out.value =
        from_c(KNOTNOTES_C_FIELD(c, kn_questionnaire_answer, value, from_c_detail::no_double));
    KNOTNOTES_TEXT(c, kn_questionnaire_answer, text);
}

inline void read(const kn_questionnaire_response& c, QuestionnaireResponse& out) {
    KNOTNOTES_PLAIN(c, kn_questionnaire_response, id, 0);
    KNOTNOTES_PLAIN(c, kn_questionnaire_response, client_id, 0);
    out.session_id = from_c(
        KNOTNOTES_C_FIELD(c, kn_questionnaire_response, session_id, from_c_detail::no_int64));
    KNOTNOTES_TEXT(c, kn_questionnaire_response, instrument_id);
    KNOTNOTES_TEXT(c, kn_questionnaire_response, instrument_version);
    KNOTNOTES_TEXT(c, kn_questionnaire_response, completed_at);
    read_list<kn_questionnaire_answer>(
        KNOTNOTES_C_FIELD(c, kn_questionnaire_response, answers, from_c_detail::no_items),
        out.answers, "questionnaire answers");
    out.score =
        from_c(KNOTNOTES_C_FIELD(c, kn_questionnaire_response, score, from_c_detail::no_double));
    KNOTNOTES_TEXT(c, kn_questionnaire_response, interpretation);
    KNOTNOTES_TEXT(c, kn_questionnaire_response, uid);
}

inline void read(const kn_export_format& c, ExportFormat& out) {
    KNOTNOTES_TEXT(c, kn_export_format, id);
    KNOTNOTES_TEXT(c, kn_export_format, name);
    KNOTNOTES_TEXT(c, kn_export_format, extension);
    out.writes_folder = KNOTNOTES_C_FIELD(c, kn_export_format, writes_folder, 0) != 0;
}

inline void read(const kn_export_context& c, ExportContext& out) {
    out.path =
        std::string(view(KNOTNOTES_C_FIELD(c, kn_export_context, path, from_c_detail::no_text)));
    KNOTNOTES_TEXT(c, kn_export_context, application_version);
    KNOTNOTES_TEXT(c, kn_export_context, installation_id);
    KNOTNOTES_TEXT(c, kn_export_context, options);
}

inline void read(const kn_technique& c, Technique& out) {
    KNOTNOTES_TEXT(c, kn_technique, id);
    KNOTNOTES_TEXT(c, kn_technique, name);
    KNOTNOTES_TEXT(c, kn_technique, category);
    KNOTNOTES_TEXT(c, kn_technique, description);
    KNOTNOTES_PLAIN(c, kn_technique, pressure_min, 0);
    KNOTNOTES_PLAIN(c, kn_technique, pressure_max, 10);
    KNOTNOTES_TEXT(c, kn_technique, cautions);
}

inline void read(const kn_questionnaire_choice& c, QuestionnaireChoice& out) {
    KNOTNOTES_PLAIN(c, kn_questionnaire_choice, value, 0.0);
    KNOTNOTES_TEXT(c, kn_questionnaire_choice, label);
}

inline void read(const kn_questionnaire_item& c, QuestionnaireItem& out) {
    KNOTNOTES_TEXT(c, kn_questionnaire_item, id);
    KNOTNOTES_TEXT(c, kn_questionnaire_item, text);
    const auto kind = KNOTNOTES_C_FIELD(c, kn_questionnaire_item, kind, 0u);
    if (kind > KN_ITEM_TEXT_AND_SCALE) {
        throw PluginError("questionnaire item '" + out.id + "' has the item kind code " +
                          std::to_string(kind) + ", newer than SDK " + version_text() + " knows");
    }
    out.kind = static_cast<ItemKind>(kind);
    KNOTNOTES_PLAIN(c, kn_questionnaire_item, min, 0.0);
    KNOTNOTES_PLAIN(c, kn_questionnaire_item, max, 10.0);
    KNOTNOTES_TEXT(c, kn_questionnaire_item, min_label);
    KNOTNOTES_TEXT(c, kn_questionnaire_item, max_label);
    read_list<kn_questionnaire_choice>(
        KNOTNOTES_C_FIELD(c, kn_questionnaire_item, choices, from_c_detail::no_items), out.choices,
        "choices");
    out.optional = KNOTNOTES_C_FIELD(c, kn_questionnaire_item, optional, 0) != 0;
}

inline void read(const kn_interpretation_band& c, InterpretationBand& out) {
    KNOTNOTES_PLAIN(c, kn_interpretation_band, min, 0.0);
    KNOTNOTES_PLAIN(c, kn_interpretation_band, max, 0.0);
    KNOTNOTES_TEXT(c, kn_interpretation_band, label);
}

inline void read(const kn_questionnaire_definition& c, QuestionnaireDefinition& out) {
    KNOTNOTES_TEXT(c, kn_questionnaire_definition, id);
    KNOTNOTES_TEXT(c, kn_questionnaire_definition, title);
    KNOTNOTES_TEXT(c, kn_questionnaire_definition, version);
    KNOTNOTES_TEXT(c, kn_questionnaire_definition, licence_text);
    KNOTNOTES_TEXT(c, kn_questionnaire_definition, instructions);
    read_list<kn_questionnaire_item>(
        KNOTNOTES_C_FIELD(c, kn_questionnaire_definition, items, from_c_detail::no_items),
        out.items, "questionnaire items");
    read_list<kn_interpretation_band>(
        KNOTNOTES_C_FIELD(c, kn_questionnaire_definition, bands, from_c_detail::no_items),
        out.bands, "interpretation bands");
    out.meaningful_change = from_c(KNOTNOTES_C_FIELD(c, kn_questionnaire_definition,
                                                     meaningful_change, from_c_detail::no_double));
}

inline void read(const kn_questionnaire_score& c, QuestionnaireScore& out) {
    KNOTNOTES_PLAIN(c, kn_questionnaire_score, value, 0.0);
    KNOTNOTES_TEXT(c, kn_questionnaire_score, interpretation);
}

#undef KNOTNOTES_TEXT
#undef KNOTNOTES_PLAIN

}  // namespace knotnotes::sdk::bridge
