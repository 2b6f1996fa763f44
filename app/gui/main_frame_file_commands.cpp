// main_frame_file_commands.cpp — the File menu's commands of the main window (main_frame.hpp):
// records in and out (export, import of an export, a client list from another system), the
// backup, and switching records (open, new, the demo database, a clinic server).
#include <wx/filedlg.h>

#include "client_list_import_dialog.hpp"
#include "client_pane.hpp"
#include "clinic_server_dialog.hpp"
#include "core/client_header.hpp"
#include "core/database_jobs.hpp"
#include "core/record_store.hpp"
#include "core/user_paths.hpp"
#include "error_dialog.hpp"
#include "export_dialog.hpp"
#include "import_preview_dialog.hpp"
#include "job_progress_dialog.hpp"
#include "main_frame.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString path_text(const std::filesystem::path& p) {
    return wxString::FromUTF8(p.string());
}

}  // namespace

bool MainFrame::file_only(const wxString& command, const wxString& instead) {
    if (!store_ || !store_->on_server())
        return false;
    wxMessageBox(wxString::Format(_("%s works on a database file only so far, and your records "
                                    "are on %s."),
                                  command, wxString::FromUTF8(store_->location())) +
                     " " + instead,
                 command, wxOK | wxICON_INFORMATION, this);
    return true;
}

void MainFrame::export_records() {
    if (!store_)
        return;
    const auto client = pane_ ? pane_->client() : 0;
    const auto named = client ? store_->client(client) : std::nullopt;
    ExportDialog dialog(this, host_, *store_, client,
                        named ? wxString::FromUTF8(core::client_full_name(*named)) : wxString());
    dialog.ShowModal();
}

void MainFrame::import_records() {
    if (!store_)
        return;
    wxFileDialog dialog(this, _("Import a KnotNotes export or a FHIR Bundle"), wxEmptyString,
                        wxEmptyString,
                        _("KnotNotes XML and FHIR R4 Bundles (*.xml)|*.xml|All files (*)|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK)
        return;
    import_file(dialog.GetPath().utf8_string());
}

void MainFrame::import_file(const std::filesystem::path& file) {
    if (!store_)
        return;
    ImportPreviewDialog preview(this, host_, *store_, file);
    if (preview.ShowModal() == wxID_OK) {
        wxMessageBox(preview.summary(), _("Import"), wxOK | wxICON_INFORMATION, this);
        refresh_clients();
    }
}

void MainFrame::import_client_list() {
    if (!store_)
        return;
    wxFileDialog dialog(this, _("Import a client list"), wxEmptyString, wxEmptyString,
                        _("Client lists (*.csv;*.txt)|*.csv;*.CSV;*.txt|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK)
        return;
    import_client_list_file(dialog.GetPath().utf8_string());
}

void MainFrame::import_client_list_file(const std::filesystem::path& file) {
    if (!store_)
        return;
    ClientListImportDialog wizard(this, *store_, file);
    if (wizard.ShowModal() == wxID_OK) {
        refresh_clients();
        wxMessageBox(wizard.summary(), _("Import a client list"), wxOK | wxICON_INFORMATION, this);
    }
}

void MainFrame::backup() {
    if (!store_ || file_only(_("Back up database"),
                             _("A clinic server is backed up with pg_dump by whoever runs it; "
                               "File > Export keeps a copy of your own records (see the "
                               "README's clinic server section).")))
        return;
    wxFileDialog dialog(this, _("Back up the database to"), wxEmptyString, "knotnotes-backup.db",
                        _("KnotNotes databases (*.db)|*.db"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    const std::filesystem::path destination = dialog.GetPath().utf8_string();
    const auto source = store_->file();
    core::BackgroundJob job([=](core::JobControl& control) {
        core::backup_job(source, destination, control);
        return std::string();
    });
    const bool completed =
        run_job_with_progress(this, _("Backing up"), _("Copying the database..."), job);
    try {
        job.finish();
        SetStatusText(wxString::Format(_("Backed up to %s"), path_text(destination)), 0);
    } catch (const core::JobCancelled&) {
        SetStatusText(_("Backup cancelled; no copy was written."), 0);
    } catch (const std::exception& e) {
        show_error(this, wxString::Format(_("Could not back up to %s."), path_text(destination)),
                   e);
    }
    (void)completed;
}

void MainFrame::backup_on_close() {
    if (!store_ || !backup_on_close_ || store_->on_server())
        return;  // a clinic backs its server up (pg_dump), not each computer
    const auto source = store_->file();
    const auto folder = core::default_backup_dir();
    core::BackgroundJob job([=](core::JobControl& control) {
        return core::automatic_backup_job(source, folder, control).string();
    });
    run_job_with_progress(this, _("Closing"), _("Making the daily backup..."), job);
    try {
        job.finish();
    } catch (const std::exception& e) {
        // Closing must not fail over a backup; the next close tries again.
        std::fprintf(stderr, "knotnotes: automatic backup skipped: %s\n", e.what());
    }
}

void MainFrame::open_database_file() {
    wxFileDialog dialog(this, _("Open a database"), wxEmptyString, wxEmptyString,
                        _("KnotNotes databases (*.db)|*.db|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK && open_database)
        open_database(dialog.GetPath().utf8_string());
}

void MainFrame::connect_to_clinic_server() {
    if (const auto address = ask_clinic_server_address(this); address && connect_server)
        connect_server(*address);
}

void MainFrame::new_database_file() {
    wxFileDialog dialog(this, _("Create a new database"), wxEmptyString, "knotnotes.db",
                        _("KnotNotes databases (*.db)|*.db"), wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK)
        return;
    const std::filesystem::path file = dialog.GetPath().utf8_string();
    if (std::filesystem::exists(file)) {
        // Never over a database: a new one is a new file.
        wxMessageBox(wxString::Format(_("%s already exists. Choose a new file name; to use "
                                        "that file, open it with File > Open database."),
                                      path_text(file)),
                     _("New database"), wxOK | wxICON_WARNING, this);
        return;
    }
    if (open_database)
        open_database(file);
}

void MainFrame::open_demo_database() {
    const auto file = core::demo_database_path();
    if (!std::filesystem::exists(file)) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        core::DemoOptions options;
        core::BackgroundJob job([=](core::JobControl& control) {
            core::create_demo_database_job(file, options, control);
            return std::string();
        });
        run_job_with_progress(this, _("Demo database"), _("Creating synthetic clients..."), job);
        try {
            job.finish();
        } catch (const core::JobCancelled&) {
            // Whole clients only were written; opening shows what is there.
        } catch (const std::exception& e) {
            show_error(this, _("Could not create the demo database."), e);
            return;
        }
    }
    if (open_database)
        open_database(file);
}

}  // namespace knotnotes::gui
