// csv_tables.hpp — the files of a CSV export and their columns: a published format, so columns
// are only ever appended, never renamed, removed or reordered (README.md lists them too).
//
// Conventions shared by every table:
// - *_id columns hold the database ids, so tables join on them: client_id, session_id,
//   practitioner_id, intake_id; muscle_id / region_id / technique_id / instrument_id are the
//   stable text ids of the SDK, with a *_name column beside muscles and regions for people.
// - Empty means "not recorded" (an optional value that is absent).
// - Times are ISO 8601 UTC, dates YYYY-MM-DD; numbers use '.' as decimal separator whatever
//   the locale; yes/no for booleans; vocabulary words exactly as vocabulary.hpp writes them.
// - Lists in one field: health_flags are contraindication ids joined with ';'
//   (health_flag_labels the same with "; "); answers are item=value pairs joined with ';'
//   (value empty for a skipped item); answer_texts are item=text pairs joined with ';', where a
//   ';' or '\' inside the text is written "\;" or "\\".
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace knotnotes::export_csv {

template <std::size_t ColumnCount>
struct CsvTable {
    std::string_view file_name;
    std::array<std::string_view, ColumnCount> columns;
};

inline constexpr CsvTable<3> practitioners_table{"practitioners.csv",
                                                 {{"practitioner_id", "name", "credentials"}}};

inline constexpr CsvTable<9> clients_table{
    "clients.csv",
    {{"client_id", "given_name", "family_name", "birth_date", "phone", "email", "emergency_contact",
      "occupation", "created_at"}}};

inline constexpr CsvTable<18> intakes_table{
    "intakes.csv",
    {{"intake_id", "client_id", "version", "recorded_at", "reason_for_visit", "goals", "activity",
      "health_flags", "health_flag_labels", "medications", "allergies", "surgeries_injuries",
      "areas_to_avoid", "preferred_pressure", "consent_agreed", "consent_date",
      "consent_signer_name", "consent_signature_drawn"}}};

// status is "signed" or "draft"; an amendment names the session it corrects in
// amends_session_id. content_sha256 is the full hash the signature covers.
inline constexpr CsvTable<18> sessions_table{
    "sessions.csv",
    {{"session_id", "client_id", "practitioner_id", "practitioner_name", "intake_id", "started_at",
      "duration_minutes", "subjective", "objective", "assessment", "plan", "pain_before",
      "pain_after", "status", "signed_by", "signed_at", "content_sha256", "amends_session_id"}}};

// x and y: the knot's position on its chart view, 0..1 from left and from top.
inline constexpr CsvTable<14> knots_table{
    "knots.csv",
    {{"knot_id", "session_id", "client_id", "muscle_id", "muscle_name", "side", "view", "x", "y",
      "kind", "tenderness", "referral", "result", "previous_knot_id"}}};

// region_id is a muscle id or a region id of the atlas.
inline constexpr CsvTable<8> pressure_readings_table{
    "pressure_readings.csv",
    {{"reading_id", "session_id", "client_id", "region_id", "region_name", "side", "pressure",
      "pressure_word"}}};

inline constexpr CsvTable<13> technique_uses_table{
    "technique_uses.csv",
    {{"technique_use_id", "session_id", "client_id", "technique_id", "muscle_id", "muscle_name",
      "side", "pressure", "pressure_word", "duration_seconds", "tool", "direction", "response"}}};

inline constexpr CsvTable<10> questionnaire_responses_table{
    "questionnaire_responses.csv",
    {{"response_id", "client_id", "session_id", "instrument_id", "instrument_version",
      "completed_at", "score", "interpretation", "answers", "answer_texts"}}};

}  // namespace knotnotes::export_csv
