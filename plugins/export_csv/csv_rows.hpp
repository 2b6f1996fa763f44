// csv_rows.hpp — one record as the fields of its CSV row, in the column order of csv_tables.hpp.
#pragma once

#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::export_csv {

using CsvRow = std::vector<std::string>;

CsvRow practitioner_row(const sdk::Practitioner& practitioner);
CsvRow client_row(const sdk::Client& client);
CsvRow intake_row(const sdk::Intake& intake);
// practitioner_name: looked up by the exporter from the practitioners written earlier.
CsvRow session_row(const sdk::Session& session, const std::string& practitioner_name);
CsvRow knot_row(const sdk::Knot& knot, sdk::Id client_id);
CsvRow pressure_reading_row(const sdk::PressureReading& reading, sdk::Id client_id);
CsvRow technique_use_row(const sdk::TechniqueUse& use, sdk::Id client_id);
CsvRow questionnaire_response_row(const sdk::QuestionnaireResponse& response);

}  // namespace knotnotes::export_csv
