// File > Import with a FHIR R4 Bundle from another system, as a user does it: the menu item,
// the file dialog (a path typed into it), the preview that says what the Bundle holds and what
// will be skipped, a click on Import, and the client in the list afterwards.
#include <catch2/catch.hpp>

#include <wx/config.h>
#include <wx/filedlg.h>

#include "client_list_panel.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "gui_test_support.hpp"
#include "import_preview_dialog.hpp"
#include "main_frame.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::click;
using knotnotes::test::DialogAnswers;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

TEST_CASE("File > Import: a FHIR Bundle from another system, previewed with what it skips",
          "[gui][fhir-import]") {
    TempDir dir;
    ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
    wxConfigBase::Get()->DeleteAll();
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"}};
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "k.db");
    auto* frame = new gui::MainFrame(host, &store);
    frame->set_backup_on_close(false);
    frame->Show();
    frame->Raise();
    let_events_run();

    const std::string bundle =
        KNOTNOTES_SOURCE_DIR "/tests/fixtures/records/other-system-fhir-bundle.xml";
    wxDialog* file_dialog = nullptr;
    wxString previewed, told;
    DialogAnswers answers([&](wxDialog& d) {
        if (test::answer_file_dialog(d, file_dialog, bundle))
            return static_cast<int>(wxID_NONE);
        if (auto* preview = dynamic_cast<gui::ImportPreviewDialog*>(&d)) {
            previewed = preview->summary();
            preview->CallAfter([preview] {
                let_events_run();
                if (auto* import = preview->FindWindow(wxID_OK))
                    click(import);
                if (preview->IsModal())
                    preview->EndModal(wxID_CANCEL);
            });
            return static_cast<int>(wxID_NONE);
        }
        told = d.GetTitle();
        if (auto* box = dynamic_cast<wxMessageDialog*>(&d))
            told = box->GetMessage();
        return static_cast<int>(wxID_OK);
    });
    auto* item =
        frame->GetMenuBar()->FindItem(frame->GetMenuBar()->FindMenuItem("File", "Import..."));
    REQUIRE(item);
    REQUIRE(item->GetMenu()->SendEvent(item->GetId()));
    let_events_run();
    CHECK(file_dialog);
    // The preview names what the Bundle holds, and what it will skip, before anything changes.
    CHECK_THAT(previewed.utf8_string(),
               Catch::Contains("1 clients, 1 intakes, 1 sessions") &&
                   Catch::Contains("MedicationStatement: 0 taken, 1 skipped (not a record "
                                   "KnotNotes keeps)") &&
                   Catch::Contains("Observation: 1 taken, 1 skipped"));
    CHECK_THAT(told.utf8_string(), Catch::Contains("Imported 1 clients"));
    CHECK(store.client_count() == 1);
    auto* list = frame->client_list()->list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(list->GetItemText(0).utf8_string() == "Okafor, Ann Marie");
    frame->Destroy();
    let_events_run();
    ::unsetenv("XDG_DATA_HOME");
}
