// client_report.hpp — one client's printable report as a complete, self-contained HTML5 file:
// inline CSS and SVG, no scripts, no external resources. It is also well-formed XML (every
// element closed, attributes quoted, only the five XML character references), so any XML tool
// can check or transform it.
//
// Order: client header; the latest intake with its contraindications highlighted; each
// session (see session_section.hpp), oldest first; the progress charts (progress_section.hpp).
#pragma once

#include <string>

#include "client_records.hpp"

namespace knotnotes::export_html {

std::string client_report_html(const ClientRecords& records, const PractitionerNames& practitioners,
                               const std::string& application_version);

}  // namespace knotnotes::export_html
