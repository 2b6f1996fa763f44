// charting_fixture.hpp — the main window on a real database with one client (with the given
// intake flags) and a new session open in the session editor, charted by a practitioner whose
// key is unlocked; with the real built-in plugins. Shared by the GUI tests of the editor.
#pragma once

#include <string>
#include <vector>

#include <wx/config.h>
#include <wx/notebook.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_chart_widget.hpp"
#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/intake_service.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "session_editor_panel.hpp"
#include "temp_dir.hpp"

namespace knotnotes::test {

struct Charting {
    TempDir dir;
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"}};
    core::RecordStore store{dir / "k.db"};
    sdk::Id client = 0;
    gui::MainFrame* frame = nullptr;
    gui::SessionEditorPanel* editor = nullptr;

    explicit Charting(std::vector<std::string> flags = {"anticoagulants"},
                      wxSize size = wxSize(1100, 720)) {
        wxConfigBase::Get()->DeleteAll();
        test::charting_with_unlocked_key(store);
        host.discover();
        host.load_enabled();
        sdk::Client c;
        c.given_name = "Jo";
        c.family_name = "Smith";
        c.birth_date = "1975-06-01";
        client = store.add_client(c);
        sdk::Intake intake;
        intake.client_id = client;
        intake.health_flags = std::move(flags);
        core::IntakeService(store.database()).save(intake);
        frame = new gui::MainFrame(host, &store);
        frame->set_backup_on_close(false);
        frame->SetSize(size);
        frame->Show();
        frame->Raise();
        let_events_run();
        frame->client_list()->select_client(client);
        let_events_run();
        frame->client_pane()->new_session();
        let_events_run(30);
        editor = frame->client_pane()->session_editor();
        REQUIRE(editor);
        editor->set_sign_confirmation([](const wxString&) { return true; });
    }
    ~Charting() {
        frame->Destroy();
        let_events_run();
    }
    const sdk::Session& session() const { return editor->editor().session(); }
    wxNotebook* side_tabs() const { return test::find_named<wxNotebook>(editor, "session-tabs"); }
    void show_tab(const wxString& title) {
        auto* tabs = side_tabs();
        for (size_t i = 0; i < tabs->GetPageCount(); ++i) {
            if (tabs->GetPageText(i) == title)
                tabs->SetSelection(i);
        }
        let_events_run();
    }
    void place_knot(const char* muscle, sdk::ChartView view, sdk::Side side) {
        auto* chart = editor->chart();
        const auto p = sdk::chart_position(*sdk::find_muscle(muscle), view, side);
        click(chart, chart->chart_to_client(view, *p));
    }
    void press(int key, int modifiers = wxMOD_NONE) {
        wxUIActionSimulator sim;
        sim.Char(key, modifiers);
        let_events_run(20);
    }
    wxString sessions_cell(long row, int column) const {
        auto* list = frame->client_pane()->sessions();
        wxListItem item;
        item.SetId(row);
        item.SetColumn(column);
        item.SetMask(wxLIST_MASK_TEXT);
        list->GetItem(item);
        return item.GetText();
    }
};

}  // namespace knotnotes::test
