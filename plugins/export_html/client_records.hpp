// client_records.hpp — what the report exporter keeps of the client being exported: only this
// client's records, dropped once its report is written, so memory never holds more than one
// client's chart.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::export_html {

// "Alex Morgan, RMT" by practitioner id: practitioners come first in the stream, a handful of
// them, and sessions only carry the id.
using PractitionerNames = std::map<sdk::Id, std::string>;

struct ClientRecords {
    sdk::Client client;
    std::optional<sdk::Intake> latest_intake;  // intakes arrive oldest first: the last one
    std::map<sdk::Id, int> intake_versions;    // intake id → version, for "charted under"
    std::vector<sdk::Session> sessions;        // oldest first
    std::vector<sdk::QuestionnaireResponse> responses;
};

}  // namespace knotnotes::export_html
