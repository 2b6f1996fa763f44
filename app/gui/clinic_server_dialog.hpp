// clinic_server_dialog.hpp — File > Connect to a clinic server: the address (the last one used is
// offered; remembered without a password in app.conf as /clinic/address), then the password
// when the server asks for one (never kept), until the login is accepted or the person gives up.
#pragma once

#include <memory>
#include <optional>
#include <string>

class wxWindow;

namespace knotnotes::core {
class RecordStore;
}

namespace knotnotes::gui {

// The address typed (a libpq URI, postgresql://LOGIN@HOST:PORT/DB); none when cancelled.
std::optional<std::string> ask_clinic_server_address(wxWindow* parent);

// The clinic server's records as the address's login: libpq's PGPASSFILE first, then a password
// dialog while the server refuses the password. None when the person cancelled; other errors
// (an unreachable server, a database that is not KnotNotes') are thrown to the caller, named.
// A server that accepted the login is remembered for next time.
std::unique_ptr<core::RecordStore> connect_clinic_server(wxWindow* parent,
                                                         const std::string& address);

}  // namespace knotnotes::gui
