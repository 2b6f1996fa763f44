// knotnotes — the desktop application's entry point: command line, plugin host, main window.
#include <cstdio>
#include <memory>

#include <wx/fileconf.h>

#include "clinic_server_dialog.hpp"
#include "core/plugin_host.hpp"
#include "core/private_files.hpp"
#include "core/record_store.hpp"
#include "core/user_paths.hpp"
#include "core/window_lock.hpp"
#include "crash_reporting_app.hpp"
#include "database_key_dialog.hpp"
#include "db/file_identity.hpp"
#include "error_dialog.hpp"
#include "import_preview_dialog.hpp"
#include "main_frame.hpp"
#include "pch.hpp"
#include "window_screenshot.hpp"

namespace knotnotes::gui {

// Its crash handlers are CrashReportingApp's.
class KnotNotesApp : public CrashReportingApp {
  public:
    bool OnInit() override {
        core::keep_files_private();  // before anything is written
        SetAppName("knotnotes");
        SetAppDisplayName("KnotNotes");
        // Window settings live beside our other settings (XDG): ~/.config/knotnotes/app.conf.
        std::error_code ec;
        std::filesystem::create_directories(core::config_dir(), ec);
        wxConfigBase::Set(
            new wxFileConfig("knotnotes", wxEmptyString,
                             wxString::FromUTF8((core::config_dir() / "app.conf").string()),
                             wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
        wxInitAllImageHandlers();
        wxHandleFatalExceptions(true);  // OnFatalException logs a crash before the app ends
        if (!wxApp::OnInit())
            return false;  // parses the command line

        host_ = std::make_unique<core::PluginHost>(
            core::PluginHostOptions{core::default_plugin_dirs(plugin_paths_), core::config_dir()});
        host_->discover();
        host_->load_enabled();

        const std::filesystem::path db_file =
            db_.empty() ? core::default_database_path() : std::filesystem::path(db_.utf8_string());
        std::string open_problem;
        const bool unattended = !screenshot_.empty() || quit_when_ready_;
        DatabaseUnlock unlock;
        try {
            if (db::is_address(db_file)) {
                // --db postgresql://...: a clinic server (the password from PGPASSFILE, else
                // asked for; an unattended run cannot be asked and says so).
                store_ = unattended ? std::make_unique<core::RecordStore>(
                                          core::RecordStore::ClinicServer{db_file.string(), {}})
                                    : connect_clinic_server(nullptr, db_file.string());
                if (!store_)
                    open_problem = db_file.string() +
                                   ": no password was given, so the clinic server was not "
                                   "connected. Connect with File > Connect to a clinic server.";
            } else {
                unlock = database_key_for_window(nullptr, db_file, unattended);
                if (unlock.cancelled) {
                    open_problem =
                        db_file.string() +
                        ": no passphrase was given, so the database was not opened (and no new "
                        "one was created). Open it again with File > Open database.";
                } else {
                    store_ = std::make_unique<core::RecordStore>(db_file, std::move(unlock.key));
                    core::unlock_signing_with_database_passphrase(*store_);  // one secret
                }
            }
        } catch (const std::exception& e) {
            open_problem = e.what();  // shown once the window is up; the app keeps running
        }

        auto* frame = make_frame();
        show_key_note(frame, unlock.note);
        report_crashed_plugins(*frame);
        if (!open_problem.empty()) {
            if (unattended)  // no one to read a dialog: the script that started us reads this
                std::fprintf(stderr, "knotnotes: could not open the database: %s\n",
                             open_problem.c_str());
            else
                show_error(frame, _("Could not open the database."),
                           wxString::FromUTF8(open_problem));
        }
        if (!import_file_.empty() && store_) {
            // A double-clicked export: preview it once the window is up.
            CallAfter([this, frame] {
                if (!screenshot_.empty()) {
                    ImportPreviewDialog preview(frame, *host_, *store_, import_file_);
                    preview.Show();
                    save_window_screenshot(preview, screenshot_ + ".import.png");
                    return;
                }
                frame->import_file(import_file_);
            });
        }
        if (quit_when_ready_) {
            // Pending calls run once the event loop has shown, laid out and painted the window.
            CallAfter([frame] { frame->Close(true); });
        }
        if (!screenshot_.empty()) {
            // Give the window a moment to be mapped and painted, then save it and quit.
            auto* timer = new wxTimer(frame);
            frame->Bind(wxEVT_TIMER, [this, frame](wxTimerEvent&) {
                const bool saved = save_window_screenshot(*frame, screenshot_);
                exit_code_ = saved ? 0 : 1;
                frame->Close(true);
            });
            timer->StartOnce(700);
        }
        return true;
    }

    int OnExit() override {
        // The daily backup ran when the window closed (MainFrame, on a worker).
        store_.reset();
        retired_.clear();
        host_.reset();
        return exit_code_;
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        wxApp::OnInitCmdLine(parser);
        parser.AddOption("", "db",
                         _("the KnotNotes database file, or a clinic server's address "
                           "(postgresql://LOGIN@HOST:PORT/DB)"),
                         wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "plugin-path", _("also look for plugins in DIR (repeatable)"),
                         wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_MULTIPLE);
        parser.AddOption("", "screenshot", _("save the main window to FILE.png, then quit"),
                         wxCMD_LINE_VAL_STRING);
        parser.AddParam(_("a KnotNotes export (*.knotnotes.xml) to preview for import"),
                        wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
        parser.AddSwitch("", "quit-when-ready",
                         _("quit once the main window is shown and populated (for benchmarks)"));
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        wxString value;
        if (parser.Found("db", &value))
            db_ = value;
        for (const auto& arg : parser.GetArguments()) {
            if (arg.GetKind() == wxCMD_LINE_OPTION && arg.GetLongName() == "plugin-path") {
                plugin_paths_.emplace_back(arg.GetStrVal().utf8_string());
            }
        }
        if (parser.Found("screenshot", &value))
            screenshot_ = value;
        quit_when_ready_ = parser.Found("quit-when-ready");
        if (parser.GetParamCount() > 0)
            import_file_ = parser.GetParam(0).utf8_string();
        return wxApp::OnCmdLineParsed(parser);
    }

  private:
    // File > Open / New database: a new window on the new file; the old one stays if the file
    // cannot be opened (the message names the file and the problem).
    void switch_database(const std::filesystem::path& file) {
        auto* old_frame = wxDynamicCast(GetTopWindow(), MainFrame);
        std::unique_ptr<core::RecordStore> store;
        DatabaseUnlock unlock;
        try {
            unlock = database_key_for_window(old_frame, file, false);
            if (unlock.cancelled)
                return;  // the person chose not to open it: the database they had stays open
            store = std::make_unique<core::RecordStore>(file, std::move(unlock.key));
            core::unlock_signing_with_database_passphrase(*store);  // one secret
        } catch (const std::exception& e) {
            show_error(old_frame,
                       wxString::Format(_("Could not open %s; the database you had open stays "
                                          "open."),
                                        wxString::FromUTF8(file.string())),
                       e);
            return;
        }
        replace_window(old_frame, std::move(store), unlock.note);
    }

    // File > Connect to a clinic server: the same, on the server's records.
    void switch_to_server(const std::string& address) {
        auto* old_frame = wxDynamicCast(GetTopWindow(), MainFrame);
        std::unique_ptr<core::RecordStore> store;
        try {
            store = connect_clinic_server(old_frame, address);
            if (!store)
                return;  // no password given: what was open stays open
        } catch (const std::exception& e) {
            show_error(old_frame,
                       _("Could not connect to the clinic server; the records you had open "
                         "stay open."),
                       e);
            return;
        }
        replace_window(old_frame, std::move(store), {});
    }

    void replace_window(MainFrame* old_frame, std::unique_ptr<core::RecordStore> store,
                        const wxString& note) {
        // The old window is destroyed at idle time and may still use its store until then.
        if (store_)
            retired_.push_back(std::move(store_));
        store_ = std::move(store);
        auto* frame = make_frame();
        show_key_note(frame, note);
        SetTopWindow(frame);
        if (old_frame)
            old_frame->Destroy();
    }

    // Where a new database's key is kept, in the status bar once the window has filled it.
    void show_key_note(MainFrame* frame, const wxString& note) {
        if (!note.empty() && store_)
            CallAfter([frame, note] { frame->SetStatusText(note, 0); });
    }

    MainFrame* make_frame() {
        auto* frame = new MainFrame(*host_, store_.get());
        frame->open_database = [this](const std::filesystem::path& f) { switch_database(f); };
        frame->connect_server = [this](const std::string& address) { switch_to_server(address); };
        frame->set_backup_on_close(screenshot_.empty() && !quit_when_ready_);
        frame->Show();
        return frame;
    }

    void report_crashed_plugins(wxWindow& parent) {
        for (const auto& crash : host_->crashed_loads()) {
            if (!screenshot_.empty() || quit_when_ready_) {  // unattended: no dialog to wait on
                std::fprintf(stderr, "knotnotes: plugin %s crashed while loading; disabled\n",
                             crash.plugin_id.c_str());
                continue;
            }
            wxMessageBox(
                wxString::Format(wxString::FromUTF8("The plugin %s crashed KnotNotes while "
                                                    "loading the last time (%s).\n\n"
                                                    "It has been disabled; you can "
                                                    "enable it again in Tools ▸ "
                                                    "Plugins."),
                                 wxString::FromUTF8(crash.plugin_id),
                                 wxString::FromUTF8(crash.library)),
                _("Plugin disabled"), wxOK | wxICON_WARNING, &parent);
        }
    }

    std::unique_ptr<core::PluginHost> host_;
    std::unique_ptr<core::RecordStore> store_;
    std::vector<std::unique_ptr<core::RecordStore>> retired_;
    std::vector<std::filesystem::path> plugin_paths_;
    wxString db_;
    wxString screenshot_;
    int exit_code_ = 0;
    bool quit_when_ready_ = false;
    std::filesystem::path import_file_;
};

}  // namespace knotnotes::gui

wxIMPLEMENT_APP(knotnotes::gui::KnotNotesApp);
