// Every menu command works from its menu item and from its shortcut (issue 16, item 2): the
// test walks the main window's real menu bar, triggers each item as a user does (a menu
// selection through the menu bar; the shortcut as real keystrokes) and asserts that each had
// an effect a user would see: a dialog, a changed tab or focus, a new window or database. An
// item without a handler has none and fails. Errors in a handler never end the app (item 4).
#include <catch2/catch.hpp>

#include <cstdlib>

#include <wx/config.h>
#include <wx/notebook.h>
#include <wx/srchctrl.h>

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "core/user_paths.hpp"
#include "error_dialog.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "session_editor_panel.hpp"
#include "temp_dir.hpp"
#include "window_lock_panel.hpp"

using namespace knotnotes;
using knotnotes::test::DialogAnswers;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

namespace {

struct Snapshot {
    wxWindow* focus = nullptr;
    int tab = -1;
    gui::SessionEditorPanel* editor = nullptr;
    std::size_t top_windows = 0;
    std::size_t dialogs = 0;
    std::size_t opened = 0;
    bool closing = false;

    bool operator!=(const Snapshot& o) const {
        return focus != o.focus || tab != o.tab || editor != o.editor ||
               top_windows != o.top_windows || dialogs != o.dialogs || opened != o.opened ||
               closing != o.closing;
    }
};

struct Menus {
    TempDir dir;
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"}};
    std::unique_ptr<core::RecordStore> store;
    gui::MainFrame* frame = nullptr;
    DialogAnswers answers;
    std::vector<std::filesystem::path> opened;
    sdk::Id client = 0;

    Menus() {
        ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        wxConfigBase::Get()->DeleteAll();
        host.discover();
        host.load_enabled();
        store = std::make_unique<core::RecordStore>(dir / "k.db");
        sdk::Client c;
        c.given_name = "Menu";
        c.family_name = "Walker";
        client = store->add_client(c);
        frame = new gui::MainFrame(host, store.get());
        frame->set_backup_on_close(false);
        frame->open_database = [this](const std::filesystem::path& f) { opened.push_back(f); };
        frame->Show();
        frame->Raise();
        let_events_run();
        frame->client_list()->select_client(client);
        let_events_run();
    }
    ~Menus() {
        if (frame && !gone())
            frame->Destroy();
        let_events_run();
        ::unsetenv("XDG_DATA_HOME");
    }

    // Quit closed the window: it is no longer a top-level window (or is on its way out).
    bool gone() const {
        const bool listed = std::find(wxTopLevelWindows.begin(), wxTopLevelWindows.end(), frame) !=
                            wxTopLevelWindows.end();
        return !listed || frame->IsBeingDeleted();
    }

    Snapshot snapshot() const {
        Snapshot s;
        s.focus = wxWindow::FindFocus();
        s.tab = frame->client_pane()->tabs()->GetSelection();
        s.editor = frame->client_pane()->session_editor();
        s.top_windows = wxTopLevelWindows.size();
        s.dialogs = answers.shown.size();
        s.opened = opened.size();
        s.closing = frame->IsBeingDeleted();
        return s;
    }

    // A starting point from which every item has something to change.
    void reset() {
        // View > Lock window locked it (its effect: the passphrase field has the focus); this
        // database has no passphrase and nobody with a signing key, so an empty one unlocks.
        if (auto* lock = frame->window_lock(); lock && lock->locked())
            REQUIRE(lock->unlock(""));
        frame->client_pane()->tabs()->SetSelection(3);  // Progress
        frame->client_list()->list()->SetFocus();
        let_events_run(10);
    }
};

// Every item of the menu bar, in order, with its menu's title.
std::vector<std::pair<wxString, wxMenuItem*>> all_items(wxMenuBar& bar) {
    std::vector<std::pair<wxString, wxMenuItem*>> items;
    for (size_t m = 0; m < bar.GetMenuCount(); ++m) {
        for (auto* item : bar.GetMenu(m)->GetMenuItems()) {
            if (!item->IsSeparator())
                items.emplace_back(bar.GetMenuLabelText(m), item);
        }
    }
    return items;
}

}  // namespace

TEST_CASE("every menu item has an effect when chosen from the menu bar", "[gui][menus]") {
    Menus t;
    auto* bar = t.frame->GetMenuBar();
    REQUIRE(bar);
    const auto items = all_items(*bar);
    CHECK(items.size() >= 18);
    wxMenuItem* quit = nullptr;
    for (const auto& [menu, item] : items) {
        if (item->GetId() == wxID_EXIT) {
            quit = item;
            continue;  // last, it closes the window
        }
        t.reset();
        const auto before = t.snapshot();
        t.frame->UpdateWindowUI();  // as GTK does before showing a menu
        INFO(menu << " > " << item->GetItemLabelText());
        CHECK(item->IsEnabled());
        // What GTK does when the item is clicked: the item's own menu sends the command.
        CHECK(item->GetMenu()->SendEvent(item->GetId()));
        let_events_run(15);
        CHECK(t.snapshot() != before);
    }
    REQUIRE(quit);
    CHECK(quit->GetMenu()->SendEvent(quit->GetId()));
    let_events_run();
    CHECK(t.gone());
    t.frame = nullptr;

    // Open demo database created the demo file, with synthetic clients, and asked to open it.
    CHECK(std::find(t.opened.begin(), t.opened.end(), core::demo_database_path()) !=
          t.opened.end());
    CHECK(core::RecordStore(core::demo_database_path()).client_count() > 0);
    CHECK(t.store->client_count() == 1);  // the open database got no demo clients
}

TEST_CASE("every shortcut in the menus has an effect when typed", "[gui][menus]") {
    Menus t;
    const auto items = all_items(*t.frame->GetMenuBar());
    int typed = 0;
    wxMenuItem* quit = nullptr;
    for (const auto& [menu, item] : items) {
        const auto* accel = item->GetAccel();
        if (!accel)
            continue;
        delete accel;
        if (item->GetId() == wxID_EXIT) {
            quit = item;
            continue;
        }
        t.reset();
        const auto before = t.snapshot();
        std::unique_ptr<wxAcceleratorEntry> key(item->GetAccel());
        INFO(menu << " > " << item->GetItemLabelText() << " (" << key->ToString() << ")");
        wxUIActionSimulator sim;
        int modifiers = wxMOD_NONE;
        if (key->GetFlags() & wxACCEL_CTRL)
            modifiers |= wxMOD_CONTROL;
        if (key->GetFlags() & wxACCEL_SHIFT)
            modifiers |= wxMOD_SHIFT;
        if (key->GetFlags() & wxACCEL_ALT)
            modifiers |= wxMOD_ALT;
        int code = key->GetKeyCode();
        if (code >= 'A' && code <= 'Z' && !(modifiers & wxMOD_SHIFT))
            code = code - 'A' + 'a';
        sim.Char(code, modifiers);
        let_events_run(30);
        CHECK(t.snapshot() != before);
        ++typed;
    }
    CHECK(typed >= 15);
    REQUIRE(quit);
    t.reset();
    wxUIActionSimulator sim;
    sim.Char('q', wxMOD_CONTROL);
    let_events_run(30);
    CHECK(t.gone());
    t.frame = nullptr;
}

TEST_CASE("an error in an event handler is told in words and the app keeps running",
          "[gui][errors]") {
    Menus t;
    std::vector<wxString> told;
    gui::set_error_presenter([&](wxWindow*, const wxString& what, const wxString& details) {
        told.push_back(what + " | " + details);
    });
    auto* boom = new wxButton(t.frame->client_pane(), wxID_ANY, "boom", wxPoint(0, 0));
    boom->Bind(wxEVT_BUTTON, [](wxCommandEvent&) {
        throw std::runtime_error("sqlite3_step: disk I/O error (/home/x/knotnotes.db)");
    });
    boom->Raise();
    let_events_run();
    knotnotes::test::click(boom);
    REQUIRE(told.size() == 1);
    CHECK(told[0].StartsWith("KnotNotes could not finish what you asked."));
    CHECK(told[0].Contains("disk I/O error"));  // the details, on demand
    // Still running: the window answers the next command.
    CHECK(t.frame->IsShown());
    CHECK(t.frame->ProcessCommand(wxID_NEW));
    let_events_run();
    CHECK(t.answers.shown.back() == "New client");
    gui::set_error_presenter({});
    boom->Destroy();
}
