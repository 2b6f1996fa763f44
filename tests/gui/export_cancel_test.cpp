// File > Export of a long export, cancelled from its progress window with a real click
// (issue 16, items 2 and 5): the export runs on a worker while the window keeps handling events,
// the file it was writing is removed, the therapist is told nothing was written, and the main
// window works on. The exporter is a real plugin that takes 5 ms a client (the built-in ones
// now finish a test-sized database before the click arrives); the cancel is the host's, the
// same for every format.
#include <catch2/catch.hpp>

#include <chrono>

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/notebook.h>

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "modal_input.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

namespace {

// 400 clients at 5 ms each: a two-second export, cancelled after a tenth of a second.
constexpr int demo_clients = 400;

void click_at_centre(wxWindow* window) {
    wxUIActionSimulator sim;
    sim.MouseMove(window->GetScreenRect().GetPosition() + window->GetSize() / 2);
    wxYield();
    sim.MouseClick();
}

std::size_t files_in(const std::filesystem::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("cancelling a long export leaves no file and the window working", "[gui][export]") {
    TempDir dir;
    wxConfigBase::Get()->DeleteAll();
    core::PluginHost host{
        {{KNOTNOTES_BUILTIN_PLUGIN_DIR, KNOTNOTES_TEST_SLOW_PLUGINS_DIR}, dir / "config"}};
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "demo.db");
    store.add_demo_data({demo_clients, 4, 3});
    const auto out_folder = dir / "out";
    std::filesystem::create_directories(out_folder);
    const auto destination = out_folder / "everyone.txt";

    auto* frame = new gui::MainFrame(host, &store);
    frame->set_backup_on_close(false);
    frame->Show();
    frame->Raise();
    let_events_run();
    frame->client_list()->select_client(store.clients(0, 1).at(0).id);
    let_events_run();

    // The progress window, watched from a timer on the main window: timers only fire while the
    // UI thread runs its event loop. Once the export has written for a while, click Cancel.
    int ticks_during_export = 0;
    bool saw_partial_file = false;
    bool clicked_cancel = false;
    const std::vector<std::string>* script_messages = nullptr;  // set below
    wxTimer timer(frame);
    frame->Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        for (auto* w : wxTopLevelWindows) {
            // Told the outcome, the export dialog stays open for another try: close it.
            if (auto* dialog = dynamic_cast<wxDialog*>(w);
                dialog && dialog->IsModal() && !script_messages->empty()) {
                dialog->EndModal(wxID_CANCEL);
                continue;
            }
            if (w->GetName() != "job-progress" || !w->IsShown())
                continue;
            ++ticks_during_export;
            saw_partial_file = saw_partial_file || files_in(out_folder) > 0;
            // Cancel as soon as the export is seen writing: later, a fast machine may have
            // finished it before the click arrives.
            if (saw_partial_file && ticks_during_export >= 2 && !clicked_cancel) {
                if (auto* cancel = w->FindWindow(wxID_CANCEL)) {
                    click_at_centre(cancel);
                    clicked_cancel = true;
                }
            }
        }
    });
    timer.Start(40);

    // File > Export with the keyboard; in the dialog: the slow format, everything, the
    // destination typed.
    test::DialogScript script([&](wxDialog& d) {
        auto* formats = dynamic_cast<wxChoice*>(d.FindWindow("export-format"));
        if (!formats)
            return;
        CHECK(test::choose_with_keys(formats, "(test-slow)"));
        click_at_centre(d.FindWindow("export-everything"));
        test::settle_events();
        d.FindWindow("export-destination")->SetFocus();
        test::settle_events(5);
        wxUIActionSimulator sim;
        sim.Text(destination.c_str());
        test::settle_events();
        // The Export click is handled by the dialog's own loop: the export's progress window
        // runs event loops of its own, which cannot run inside this script's wxYield.
        click_at_centre(d.FindWindow(wxID_OK));
        script.let_dialog_run();
    });
    script_messages = &script.messages;
    const auto start = std::chrono::steady_clock::now();
    wxUIActionSimulator sim;
    sim.Char('e', wxMOD_CONTROL);
    let_events_run();  // the export dialog's modal loop runs in here until the timer closes it
    for (int i = 0; i < 1000 && script.messages.empty(); ++i)
        let_events_run(1);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    timer.Stop();
    let_events_run();

    INFO("export dialog and cancel took " << seconds << " s");
    REQUIRE(script.titles.size() >= 1);
    CHECK(script.titles[0] == "Export records");
    CHECK(clicked_cancel);
    CHECK(ticks_during_export >= 2);  // the UI thread kept handling events during the export
    CHECK(saw_partial_file);          // the export was writing when it was cancelled
    REQUIRE(script.messages.size() == 1);
    CHECK(script.messages[0] == "The export was cancelled; nothing was written.");
    CHECK_FALSE(std::filesystem::exists(destination));
    CHECK(files_in(out_folder) == 0);  // no partial file left either

    // The main window works on: Ctrl+4 shows the Progress tab.
    sim.Char('4', wxMOD_CONTROL);
    let_events_run();
    CHECK(frame->client_pane()->tabs()->GetSelection() == 3);
    frame->Destroy();
    let_events_run();
}
