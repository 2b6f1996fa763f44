#include "clinic_server_dialog.hpp"

#include <wx/config.h>
#include <wx/textdlg.h>

#include "core/clinic_address.hpp"
#include "core/record_store.hpp"
#include "db/database_error.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

const char* const remembered_key = "/clinic/address";

}  // namespace

std::optional<std::string> ask_clinic_server_address(wxWindow* parent) {
    wxString last;
    if (auto* config = wxConfigBase::Get())
        config->Read(remembered_key, &last);
    wxTextEntryDialog ask(parent,
                          _("The clinic server's address, as the clinic owner gave it, e.g.\n"
                            "postgresql://jane@clinic.local:5432/knotnotes?sslmode=verify-full\n"
                            "(the login before the @ is yours; the password is asked for next)."),
                          _("Connect to a clinic server"), last.empty() ? "postgresql://" : last);
    ask.SetName("clinic-server-address");
    if (ask.ShowModal() != wxID_OK)
        return std::nullopt;
    const auto address = ask.GetValue().Trim().Trim(false).utf8_string();
    if (address.empty())
        return std::nullopt;
    return address;
}

std::unique_ptr<core::RecordStore> connect_clinic_server(wxWindow* parent,
                                                         const std::string& address) {
    std::optional<std::string> password;  // first what libpq finds itself (PGPASSFILE)
    bool asked = false;
    wxString problem;
    for (;;) {
        try {
            auto store = std::make_unique<core::RecordStore>(
                core::RecordStore::ClinicServer{address, password});
            if (auto* config = wxConfigBase::Get()) {
                config->Write(remembered_key,
                              wxString::FromUTF8(core::address_without_password(address)));
                config->Flush();
            }
            return store;
        } catch (const db::LoginRefused& e) {
            // The server asking for a password the first time is no problem to report; a
            // refusal after one was typed is (wrong password, disabled login).
            const bool first_ask = !asked && dynamic_cast<const db::PasswordNeeded*>(&e);
            problem = first_ask ? wxString() : wxString::FromUTF8(e.what()) + "\n\n";
        }
        wxPasswordEntryDialog ask(
            parent,
            problem + wxString::Format(_("Password of your login on %s:"),
                                       wxString::FromUTF8(core::address_without_password(address))),
            _("Connect to a clinic server"));
        ask.SetName("clinic-server-password");
        if (ask.ShowModal() != wxID_OK)
            return nullptr;
        password = ask.GetValue().utf8_string();
        asked = true;
    }
}

}  // namespace knotnotes::gui
