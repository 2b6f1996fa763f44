// File > Import client list, as a user does it: the menu item, the file dialog (a path typed
// into it), the wizard (a real click on "month first", a column changed with the keyboard, a
// click on Import), and the clients in the list afterwards.
#include <catch2/catch.hpp>

#include <fstream>

#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/radiobut.h>
#include <wx/srchctrl.h>

#include "client_list_import_dialog.hpp"
#include "client_list_panel.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "temp_dir.hpp"
#include "window_screenshot.hpp"

using namespace knotnotes;
using knotnotes::test::click;
using knotnotes::test::DialogAnswers;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

namespace {

struct Clinic {
    TempDir dir;
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"}};
    std::unique_ptr<core::RecordStore> store;
    gui::MainFrame* frame = nullptr;

    Clinic() {
        ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        wxConfigBase::Get()->DeleteAll();
        store = std::make_unique<core::RecordStore>(dir / "k.db");
        sdk::Client known;
        known.given_name = "Lee";
        known.family_name = "Kim";
        known.birth_date = "1990-01-02";
        store->add_client(known);
        frame = new gui::MainFrame(host, store.get());
        frame->set_backup_on_close(false);
        frame->Show();
        frame->Raise();
        let_events_run();
    }
    ~Clinic() {
        frame->Destroy();
        let_events_run();
        ::unsetenv("XDG_DATA_HOME");
    }

    std::vector<std::string> listed_names() const {
        std::vector<std::string> names;
        auto* list = frame->client_list()->list();
        for (long i = 0; i < list->GetItemCount(); ++i)
            names.push_back(list->GetItemText(i).utf8_string());
        return names;
    }
};

wxString status_of(gui::ClientListImportDialog& wizard) {
    return test::unwrapped(wizard.FindWindow("status"));
}

}  // namespace

TEST_CASE("File > Import client list: file dialog, wizard, month first, a column mapped, Import",
          "[gui][client-list][layout]") {
    Clinic t;
    const auto csv = t.dir / "from-jane.csv";
    std::ofstream(csv, std::ios::binary)
        << "\xEF\xBB\xBF\"First Name\",\"Last Name\",\"DOB\",\"Job title\"\r\n"
           "\"Jo\",\"Smith\",\"03/04/1980\",\"Teacher\"\r\n"
           "\"Ana\",\"Lee\",\"07/08/1985\",\"Nurse\"\r\n"
           "\"Lee\",\"Kim\",\"01/02/1990\",\"\"\r\n";
    bool wizard_seen = false;
    wxDialog* file_dialog = nullptr;
    wxString told;
    DialogAnswers answers([&](wxDialog& d) {
        if (test::answer_file_dialog(d, file_dialog, csv.string()))
            return static_cast<int>(wxID_NONE);
        if (auto* wizard = dynamic_cast<gui::ClientListImportDialog*>(&d)) {
            wizard_seen = true;
            wizard->CallAfter([wizard, &t] {
                let_events_run();
                CHECK(wizard->GetSize().x <= 1024);
                CHECK(wizard->GetSize().y <= 700);
                // 03/04/1980 and 07/08/1985: nothing in the file says which comes first.
                CHECK_FALSE(wizard->can_import());
                CHECK_FALSE(wizard->import_button()->IsEnabled());
                CHECK_THAT(status_of(*wizard).utf8_string(),
                           Catch::Contains("could have the day or the month first") &&
                               Catch::Contains("Choose day first or month first"));
                click(wizard->date_order_button(core::DateOrder::month_first));
                CHECK(wizard->can_import());
                CHECK_THAT(status_of(*wizard).utf8_string(),
                           Catch::Contains("2 clients will be imported; 1 client already known "
                                           "will be skipped"));
                // "Job title" is not a header KnotNotes knows: the user maps it to Occupation
                // with the keyboard (Down moves the choice on; Occupation is the 8th entry).
                auto* job = wizard->column_choice(3);
                CHECK(job->GetSelection() == 0);
                job->SetFocus();
                let_events_run(5);
                wxUIActionSimulator sim;
                for (int i = 0; i < 7; ++i) {
                    sim.Char(WXK_DOWN);
                    let_events_run(3);
                }
                let_events_run();
                CHECK(job->GetStringSelection() == "Occupation");
                REQUIRE(wizard->plan());
                CHECK(wizard->plan()->clients.at(0).client.occupation == "Teacher");
                CHECK(wizard->preview()->GetItemCount() == 3);
                CHECK(wizard->preview()->GetItemText(0, 2) == "1980-03-04");
                CHECK(wizard->preview()->GetItemText(2, 1) == "Lee Kim");
                CHECK(wizard->preview()->GetItemText(2, 5) == "skipped: already in the database");
                const char* shots = std::getenv("KNOTNOTES_SCREENSHOT_DIR");
                if (shots && *shots && !std::getenv("GDK_SCALE"))
                    gui::save_window_screenshot(*wizard,
                                                wxString(shots) + "/client-list-import.png");
                click(wizard->import_button());
                if (wizard->IsModal())
                    wizard->EndModal(wxID_CANCEL);
                (void)t;
            });
            return static_cast<int>(wxID_NONE);
        }
        told = d.GetTitle();
        if (auto* box = dynamic_cast<wxMessageDialog*>(&d))
            told = box->GetMessage();
        return static_cast<int>(wxID_OK);
    });
    auto* item = t.frame->GetMenuBar()->FindItem(
        t.frame->GetMenuBar()->FindMenuItem("File", "Import client list..."));
    REQUIRE(item);
    REQUIRE(item->GetMenu()->SendEvent(item->GetId()));
    let_events_run();
    REQUIRE(answers.shown.size() >= 2);
    CHECK(file_dialog);
    CHECK(wizard_seen);
    CHECK_THAT(told.utf8_string(), Catch::Contains("Imported 2 clients from") &&
                                       Catch::Contains("1 client already known was skipped"));
    CHECK(t.store->client_count() == 3);
    const auto names = t.listed_names();
    CHECK(std::find(names.begin(), names.end(), "Smith, Jo") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Lee, Ana") != names.end());
    const auto found = db::ClientRepository(t.store->database()).search_names("jo smith", 5);
    REQUIRE(found.size() == 1);
    const auto jo = t.store->client(found[0].id);
    CHECK(jo->given_name == "Jo");
    CHECK(jo->birth_date == "1980-03-04");
    CHECK(jo->occupation == "Teacher");
}

TEST_CASE("a file that is not a client list says why in the wizard and imports nothing",
          "[gui][client-list]") {
    Clinic t;
    const auto bad = t.dir / "export.csv";
    std::ofstream(bad, std::ios::binary) << "Company,City\nAcme,\"Oslo\n";
    gui::ClientListImportDialog wizard(t.frame, *t.store, bad);
    CHECK_FALSE(wizard.can_import());
    CHECK_FALSE(wizard.import_button()->IsShown());
    CHECK_THAT(status_of(wizard).utf8_string(),
               Catch::Contains("export.csv, line 2: a quoted value is never closed") &&
                   Catch::Contains("Nothing was imported"));
    std::ofstream(bad, std::ios::binary) << "Company,City\nAcme,Oslo\n";
    gui::ClientListImportDialog unnamed(t.frame, *t.store, bad);
    CHECK_FALSE(unnamed.can_import());
    CHECK_THAT(status_of(unnamed).utf8_string(), Catch::Contains("no column holds the clients' "
                                                                 "names"));
    CHECK(t.store->client_count() == 1);
}
