// csv_rows.cpp — how each record's values are written as text in the CSV tables.
#include "csv_rows.hpp"

#include <charconv>
#include <optional>
#include <string_view>

#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

namespace knotnotes::export_csv {

namespace {

std::string text(std::string_view word) {
    return std::string(word);
}

std::string number(int value) {
    return std::to_string(value);
}

std::string number(sdk::Id value) {
    return std::to_string(value);
}

// Shortest text that reads back as the same double, always with '.': std::to_chars ignores the
// locale, unlike printf, which would write "0,41" inside a German-locale GUI.
std::string number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

template <typename T>
std::string optional_number(const std::optional<T>& value) {
    return value ? number(*value) : std::string();
}

std::string yes_no(bool value) {
    return value ? "yes" : "no";
}

std::string muscle_name(std::string_view muscle_id) {
    const auto* muscle = sdk::find_muscle(muscle_id);
    return muscle ? text(muscle->name) : std::string();
}

// A pressure reading names a muscle or a whole region of the atlas.
std::string region_name(std::string_view region_id) {
    if (const auto* muscle = sdk::find_muscle(region_id))
        return text(muscle->name);
    for (const auto& region : sdk::atlas_regions) {
        if (region.id == region_id)
            return text(region.name);
    }
    return {};
}

std::string pressure_word(const std::optional<int>& pressure) {
    return pressure ? text(sdk::pressure_word(*pressure)) : std::string();
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string result;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            result += separator;
        result += parts[i];
    }
    return result;
}

std::string health_flag_labels(const std::vector<std::string>& flags) {
    std::vector<std::string> labels;
    for (const auto& flag : flags) {
        const auto* condition = sdk::find_contraindication(flag);
        labels.push_back(condition ? text(condition->label) : flag);
    }
    return joined(labels, "; ");
}

// ';' separates the pairs, so a ';' inside free text is escaped (and so is the escape).
std::string escaped_list_item(std::string_view item) {
    std::string result;
    for (const char c : item) {
        if (c == ';' || c == '\\')
            result += '\\';
        result += c;
    }
    return result;
}

std::string answer_values(const std::vector<sdk::QuestionnaireAnswer>& answers) {
    std::vector<std::string> pairs;
    for (const auto& answer : answers)
        pairs.push_back(answer.item_id + "=" + optional_number(answer.value));
    return joined(pairs, ";");
}

std::string answer_texts(const std::vector<sdk::QuestionnaireAnswer>& answers) {
    std::vector<std::string> pairs;
    for (const auto& answer : answers) {
        if (!answer.text.empty())
            pairs.push_back(answer.item_id + "=" + escaped_list_item(answer.text));
    }
    return joined(pairs, ";");
}

}  // namespace

CsvRow practitioner_row(const sdk::Practitioner& practitioner) {
    return {number(practitioner.id), practitioner.name, practitioner.credentials};
}

CsvRow client_row(const sdk::Client& client) {
    return {number(client.id),        client.given_name, client.family_name,
            client.birth_date,        client.phone,      client.email,
            client.emergency_contact, client.occupation, client.created_at};
}

CsvRow intake_row(const sdk::Intake& intake) {
    const auto& consent = intake.consent;
    return {number(intake.id),
            number(intake.client_id),
            number(intake.version),
            intake.recorded_at,
            intake.reason_for_visit,
            intake.goals,
            intake.activity,
            joined(intake.health_flags, ";"),
            health_flag_labels(intake.health_flags),
            intake.medications,
            intake.allergies,
            intake.surgeries_injuries,
            intake.areas_to_avoid,
            optional_number(intake.preferred_pressure),
            yes_no(consent.agreed),
            consent.date,
            consent.signer_name,
            yes_no(!consent.signature_png_base64.empty())};
}

CsvRow session_row(const sdk::Session& session, const std::string& practitioner_name) {
    const auto& signature = session.signature;
    return {number(session.id),
            number(session.client_id),
            number(session.practitioner_id),
            practitioner_name,
            optional_number(session.intake_id),
            session.started_at,
            number(session.duration_minutes),
            session.subjective,
            session.objective,
            session.assessment,
            session.plan,
            optional_number(session.pain_before),
            optional_number(session.pain_after),
            session.is_signed() ? "signed" : "draft",
            signature ? signature->signer : std::string(),
            signature ? signature->signed_at : std::string(),
            signature ? signature->content_sha256 : std::string(),
            optional_number(session.amends_session_id)};
}

CsvRow knot_row(const sdk::Knot& knot, sdk::Id client_id) {
    return {number(knot.id),
            number(knot.session_id),
            number(client_id),
            knot.muscle_id,
            muscle_name(knot.muscle_id),
            text(sdk::to_text(knot.side)),
            text(sdk::to_text(knot.view)),
            number(knot.x),
            number(knot.y),
            text(sdk::to_text(knot.kind)),
            number(knot.tenderness),
            knot.referral,
            text(sdk::to_text(knot.result)),
            optional_number(knot.previous_knot_id)};
}

CsvRow pressure_reading_row(const sdk::PressureReading& reading, sdk::Id client_id) {
    return {number(reading.id),          number(reading.session_id),
            number(client_id),           reading.region,
            region_name(reading.region), text(sdk::to_text(reading.side)),
            number(reading.pressure),    text(sdk::pressure_word(reading.pressure))};
}

CsvRow technique_use_row(const sdk::TechniqueUse& use, sdk::Id client_id) {
    return {number(use.id),
            number(use.session_id),
            number(client_id),
            use.technique_id,
            use.muscle_id,
            muscle_name(use.muscle_id),
            text(sdk::to_text(use.side)),
            optional_number(use.pressure),
            pressure_word(use.pressure),
            number(use.duration_seconds),
            text(sdk::to_text(use.tool)),
            text(sdk::to_text(use.direction)),
            use.response};
}

CsvRow questionnaire_response_row(const sdk::QuestionnaireResponse& response) {
    return {number(response.id),
            number(response.client_id),
            optional_number(response.session_id),
            response.instrument_id,
            response.instrument_version,
            response.completed_at,
            optional_number(response.score),
            response.interpretation,
            answer_values(response.answers),
            answer_texts(response.answers)};
}

}  // namespace knotnotes::export_csv
