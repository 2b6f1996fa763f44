// SPDX-License-Identifier: MIT
// bridge/to_c.hpp — C views of the C++ types, to hand across the boundary.
//
// Specification
// - to_c(x) returns the C struct of a C++ value whose fields are all plain or views: strings
//   and arrays point into `x`, so the result is valid while `x` lives and is unchanged.
// - CViews builds the C structs that need arrays of C structs (an intake's flags, a session's
//   knots, a response's answers, a definition's items): it keeps those arrays in its own
//   buffers, reused from call to call, so building a record allocates nothing once the buffers
//   have grown. A pointer it returns is valid until its next call of the same kind.
// - Every struct is written whole, with struct_size = sizeof as this SDK compiled it.
#pragma once

#include <vector>

#include "knotnotes/sdk/bridge/c_values.hpp"
#include "knotnotes/sdk/exporter.hpp"
#include "knotnotes/sdk/questionnaire_provider.hpp"
#include "knotnotes/sdk/records.hpp"
#include "knotnotes/sdk/technique_library.hpp"

namespace knotnotes::sdk::bridge {

inline kn_optional_int to_c(const std::optional<int>& v) {
    return {v ? 1 : 0, v.value_or(0)};
}
inline kn_optional_int64 to_c(const std::optional<Id>& v) {
    return {v ? 1 : 0, 0, v.value_or(0)};
}
inline kn_optional_double to_c(const std::optional<double>& v) {
    return {v ? 1 : 0, 0, v.value_or(0.0)};
}

inline kn_practitioner to_c(const Practitioner& p) {
    return {sizeof(kn_practitioner), p.id,        view(p.name),
            view(p.credentials),     view(p.uid), view(p.registration),
            view(p.public_key)};
}

inline kn_client to_c(const Client& c) {
    return {sizeof(kn_client),  c.id,
            view(c.given_name), view(c.family_name),
            view(c.birth_date), view(c.phone),
            view(c.email),      view(c.emergency_contact),
            view(c.occupation), view(c.created_at),
            view(c.uid),        to_code(c.chart_figure)};
}

inline kn_consent to_c(const Consent& c) {
    return {sizeof(kn_consent), c.agreed ? 1 : 0, view(c.date), view(c.signer_name),
            view(c.signature_png_base64)};
}

inline kn_knot to_c(const Knot& k) {
    kn_knot c{};
    c.struct_size = sizeof(kn_knot);
    c.id = k.id;
    c.session_id = k.session_id;
    c.muscle_id = view(k.muscle_id);
    c.side = to_code(k.side);
    c.view = to_code(k.view);
    c.x = k.x;
    c.y = k.y;
    c.kind = to_code(k.kind);
    c.tenderness = k.tenderness;
    c.referral = view(k.referral);
    c.result = to_code(k.result);
    c.previous_knot_id = to_c(k.previous_knot_id);
    c.uid = view(k.uid);
    // ChartPoint and kn_chart_point have one layout (static_assert in c_values.hpp).
    c.referral_area = {k.referral_area.data(), k.referral_area.size(), sizeof(ChartPoint)};
    return c;
}

inline kn_pressure_reading to_c(const PressureReading& r) {
    return {sizeof(kn_pressure_reading),
            r.id,
            r.session_id,
            view(r.region),
            to_code(r.side),
            r.pressure,
            view(r.uid)};
}

inline kn_technique_use to_c(const TechniqueUse& t) {
    kn_technique_use c{};
    c.struct_size = sizeof(kn_technique_use);
    c.id = t.id;
    c.session_id = t.session_id;
    c.technique_id = view(t.technique_id);
    c.muscle_id = view(t.muscle_id);
    c.side = to_code(t.side);
    c.pressure = to_c(t.pressure);
    c.duration_seconds = t.duration_seconds;
    c.tool = to_code(t.tool);
    c.direction = to_code(t.direction);
    c.response = view(t.response);
    c.uid = view(t.uid);
    return c;
}

inline kn_signature to_c(const Signature& s) {
    kn_signature c{};
    c.struct_size = sizeof(kn_signature);
    c.signer = view(s.signer);
    c.signed_at = view(s.signed_at);
    c.content_sha256 = view(s.content_sha256);
    c.signer_practitioner_id = s.signer_practitioner_id;
    c.algorithm = view(s.algorithm);
    c.canonical_version = s.canonical_version;
    c.public_key = view(s.public_key);
    c.value = view(s.value);
    return c;
}

inline kn_questionnaire_answer to_c(const QuestionnaireAnswer& a) {
    return {sizeof(kn_questionnaire_answer), view(a.item_id), to_c(a.value), view(a.text)};
}

inline kn_export_format to_c(const ExportFormat& f) {
    return {sizeof(kn_export_format), view(f.id), view(f.name), view(f.extension),
            f.writes_folder ? 1 : 0};
}

inline kn_technique to_c(const Technique& t) {
    return {sizeof(kn_technique), view(t.id),     view(t.name),   view(t.category),
            view(t.description),  t.pressure_min, t.pressure_max, view(t.cautions)};
}

inline kn_questionnaire_choice to_c(const QuestionnaireChoice& c) {
    return {sizeof(kn_questionnaire_choice), c.value, view(c.label)};
}

inline kn_interpretation_band to_c(const InterpretationBand& b) {
    return {sizeof(kn_interpretation_band), b.min, b.max, view(b.label)};
}

inline kn_questionnaire_score to_c(const QuestionnaireScore& s) {
    return {sizeof(kn_questionnaire_score), s.value, view(s.interpretation)};
}

class CViews {
  public:
    const kn_intake* intake(const Intake& i) {
        flags_.clear();
        for (const auto& flag : i.health_flags)
            flags_.push_back(view(flag));
        consent_ = to_c(i.consent);
        intake_ = kn_intake{};
        intake_.struct_size = sizeof(kn_intake);
        intake_.id = i.id;
        intake_.client_id = i.client_id;
        intake_.version = i.version;
        intake_.recorded_at = view(i.recorded_at);
        intake_.reason_for_visit = view(i.reason_for_visit);
        intake_.goals = view(i.goals);
        intake_.activity = view(i.activity);
        intake_.health_flags = array_of(flags_.data(), flags_.size());
        intake_.medications = view(i.medications);
        intake_.allergies = view(i.allergies);
        intake_.surgeries_injuries = view(i.surgeries_injuries);
        intake_.areas_to_avoid = view(i.areas_to_avoid);
        intake_.preferred_pressure = to_c(i.preferred_pressure);
        intake_.consent = &consent_;
        intake_.uid = view(i.uid);
        return &intake_;
    }

    const kn_session* session(const Session& s) {
        knots_.clear();
        for (const auto& k : s.knots)
            knots_.push_back(to_c(k));
        readings_.clear();
        for (const auto& r : s.pressure_readings)
            readings_.push_back(to_c(r));
        techniques_.clear();
        for (const auto& t : s.techniques)
            techniques_.push_back(to_c(t));
        if (s.signature)
            signature_ = to_c(*s.signature);
        session_ = kn_session{};
        session_.struct_size = sizeof(kn_session);
        session_.id = s.id;
        session_.client_id = s.client_id;
        session_.practitioner_id = s.practitioner_id;
        session_.intake_id = to_c(s.intake_id);
        session_.started_at = view(s.started_at);
        session_.duration_minutes = s.duration_minutes;
        session_.subjective = view(s.subjective);
        session_.objective = view(s.objective);
        session_.assessment = view(s.assessment);
        session_.plan = view(s.plan);
        session_.pain_before = to_c(s.pain_before);
        session_.pain_after = to_c(s.pain_after);
        session_.signature = s.signature ? &signature_ : nullptr;
        session_.amends_session_id = to_c(s.amends_session_id);
        session_.uid = view(s.uid);
        session_.amendment_reason = view(s.amendment_reason);
        session_.conflict_acknowledgement = view(s.conflict_acknowledgement);
        session_.knots = array_of(knots_.data(), knots_.size());
        session_.pressure_readings = array_of(readings_.data(), readings_.size());
        session_.techniques = array_of(techniques_.data(), techniques_.size());
        return &session_;
    }

    const kn_questionnaire_response* response(const QuestionnaireResponse& r) {
        answers_.clear();
        for (const auto& a : r.answers)
            answers_.push_back(to_c(a));
        response_ = kn_questionnaire_response{};
        response_.struct_size = sizeof(kn_questionnaire_response);
        response_.id = r.id;
        response_.client_id = r.client_id;
        response_.session_id = to_c(r.session_id);
        response_.instrument_id = view(r.instrument_id);
        response_.instrument_version = view(r.instrument_version);
        response_.completed_at = view(r.completed_at);
        response_.answers = array_of(answers_.data(), answers_.size());
        response_.score = to_c(r.score);
        response_.interpretation = view(r.interpretation);
        response_.uid = view(r.uid);
        return &response_;
    }

    kn_array answers(const std::vector<QuestionnaireAnswer>& answers) {
        answers_.clear();
        for (const auto& a : answers)
            answers_.push_back(to_c(a));
        return array_of(answers_.data(), answers_.size());
    }

    const kn_questionnaire_definition* definition(const QuestionnaireDefinition& d) {
        choices_.resize(d.items.size());
        items_.clear();
        for (std::size_t i = 0; i < d.items.size(); ++i) {
            const auto& item = d.items[i];
            choices_[i].clear();
            for (const auto& choice : item.choices)
                choices_[i].push_back(to_c(choice));
            kn_questionnaire_item c{};
            c.struct_size = sizeof(kn_questionnaire_item);
            c.id = view(item.id);
            c.text = view(item.text);
            c.kind = to_code(item.kind);
            c.min = item.min;
            c.max = item.max;
            c.min_label = view(item.min_label);
            c.max_label = view(item.max_label);
            c.choices = array_of(choices_[i].data(), choices_[i].size());
            c.optional = item.optional ? 1 : 0;
            items_.push_back(c);
        }
        bands_.clear();
        for (const auto& band : d.bands)
            bands_.push_back(to_c(band));
        definition_ = kn_questionnaire_definition{};
        definition_.struct_size = sizeof(kn_questionnaire_definition);
        definition_.id = view(d.id);
        definition_.title = view(d.title);
        definition_.version = view(d.version);
        definition_.licence_text = view(d.licence_text);
        definition_.instructions = view(d.instructions);
        definition_.items = array_of(items_.data(), items_.size());
        definition_.bands = array_of(bands_.data(), bands_.size());
        definition_.meaningful_change = to_c(d.meaningful_change);
        return &definition_;
    }

  private:
    std::vector<kn_string> flags_;
    kn_consent consent_{};
    kn_intake intake_{};
    std::vector<kn_knot> knots_;
    std::vector<kn_pressure_reading> readings_;
    std::vector<kn_technique_use> techniques_;
    kn_signature signature_{};
    kn_session session_{};
    std::vector<kn_questionnaire_answer> answers_;
    kn_questionnaire_response response_{};
    std::vector<std::vector<kn_questionnaire_choice>> choices_;
    std::vector<kn_questionnaire_item> items_;
    std::vector<kn_interpretation_band> bands_;
    kn_questionnaire_definition definition_{};
};

}  // namespace knotnotes::sdk::bridge
