// progress_section.hpp — the end of a client's report: how pain before and after sessions and
// each questionnaire's scores changed over time, as charts with the exact values in tables.
#pragma once

#include <string>

#include "client_records.hpp"

namespace knotnotes::export_html {

// <section class="progress">…</section>
std::string progress_section_html(const ClientRecords& records);

}  // namespace knotnotes::export_html
