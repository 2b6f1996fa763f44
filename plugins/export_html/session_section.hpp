// session_section.hpp — one session of the report: when, who, signature status, the SOAP note,
// the pain scores, the body chart and the tables of knots, techniques and pressure readings.
#pragma once

#include <string>

#include "client_records.hpp"

namespace knotnotes::export_html {

// <section class="session">…</section> for records.sessions[index]; the other sessions are
// used to say which session it amends and which amend it.
std::string session_section_html(const ClientRecords& records, std::size_t index,
                                 const PractitionerNames& practitioners);

}  // namespace knotnotes::export_html
