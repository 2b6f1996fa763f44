// report_file_name.hpp — the name of a client's report file: client-<id>-<family>-<given>.html.
#pragma once

#include <string>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::export_html {

// Safe on every file system and through e-mail and zip: lower-case ASCII letters, digits and
// '-' only. Accented Latin letters lose their accent ("Chloé" → "chloe"), every other run of
// characters becomes one '-'. The id keeps names unique; names are cut to keep paths short.
std::string client_report_file_name(const sdk::Client& client);

}  // namespace knotnotes::export_html
