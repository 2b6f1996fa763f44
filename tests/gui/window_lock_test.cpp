// The app lock (issue 13, item 6) with real input under Xvfb: Ctrl+L hides every client detail
// and disables the menus, a wrong passphrase keeps it locked, the right one (the database's)
// brings back the same client on the same tab; an idle window locks by itself, after the idle
// time chosen in View > Lock after idle time…, which applies without a restart.
#include <catch2/catch.hpp>

#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "db/file_identity.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "modal_input.hpp"
#include "temp_dir.hpp"
#include "window_lock_panel.hpp"

using namespace knotnotes;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

namespace {

constexpr const char* family_name = "Quillfeather";
constexpr const char* passphrase = "lock test passphrase";

// Every label, value and title of the windows a person can see now.
wxString visible_text(wxWindow* window) {
    if (!window->IsShownOnScreen())
        return {};
    wxString text = window->GetLabel() + "\n";
    if (auto* field = dynamic_cast<wxTextCtrl*>(window))
        text += field->GetValue() + "\n";
    if (auto* list = dynamic_cast<wxListCtrl*>(window)) {
        for (long row = 0; row < list->GetItemCount(); ++row)
            text += list->GetItemText(row) + "\n";
    }
    for (auto* child : window->GetChildren())
        text += visible_text(child);
    return text;
}

struct LockedWindow {
    TempDir dir;
    core::PluginHost host{{{}, dir / "config"}};
    core::RecordStore store{dir / "k.db", db::DatabaseKey::from_passphrase(passphrase)};
    gui::MainFrame* frame = nullptr;
    sdk::Id client = 0;

    explicit LockedWindow(long idle_seconds) {
        ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        wxConfigBase::Get()->DeleteAll();
        wxConfigBase::Get()->Write("/lock/idle_seconds", idle_seconds);
        sdk::Client c;
        c.given_name = "Wilhelmina";
        c.family_name = family_name;
        client = store.add_client(c);
        frame = new gui::MainFrame(host, &store);
        frame->set_backup_on_close(false);
        frame->Show();
        frame->Raise();
        let_events_run();
        frame->client_list()->select_client(client);
        let_events_run();
    }
    ~LockedWindow() {
        frame->Destroy();
        let_events_run();
        wxConfigBase::Get()->DeleteAll();
        ::unsetenv("XDG_DATA_HOME");
    }
};

}  // namespace

TEST_CASE("Ctrl+L locks the window; only the passphrase brings back exactly where it was",
          "[gui][lock]") {
    LockedWindow t(0);  // no idle lock in this test
    REQUIRE(db::identify_database_file(t.dir / "k.db").kind == db::FileKind::encrypted);
    auto* lock = t.frame->window_lock();
    REQUIRE(lock);
    t.frame->client_pane()->tabs()->SetSelection(1);  // Intake
    let_events_run();
    REQUIRE(t.frame->client_pane()->client() == t.client);
    REQUIRE(visible_text(t.frame).Contains(family_name));

    wxUIActionSimulator sim;
    t.frame->client_list()->list()->SetFocus();
    let_events_run(5);
    sim.Char('l', wxMOD_CONTROL);
    let_events_run(30);
    REQUIRE(lock->locked());
    CHECK(lock->IsShownOnScreen());
    CHECK_FALSE(t.frame->client_pane()->IsShownOnScreen());
    CHECK_FALSE(visible_text(t.frame).Contains(family_name));
    for (size_t i = 0; i < t.frame->GetMenuBar()->GetMenuCount(); ++i)
        CHECK_FALSE(t.frame->GetMenuBar()->IsEnabledTop(i));

    auto* field = test::find_named<wxTextCtrl>(lock, "lock-passphrase");
    REQUIRE(field);
    CHECK(wxWindow::FindFocus() == field);
    sim.Text("not it");
    sim.Char(WXK_RETURN);
    let_events_run(30);
    CHECK(lock->locked());
    CHECK_THAT(test::find_named(lock, "lock-problem")->GetLabel().utf8_string(),
               Catch::Contains("not the passphrase"));
    CHECK_FALSE(visible_text(t.frame).Contains(family_name));

    field->SetFocus();
    let_events_run(5);
    sim.Text(passphrase);
    let_events_run(10);
    test::click(test::find_named(lock, "lock-unlock"));
    let_events_run(30);
    CHECK_FALSE(lock->locked());
    CHECK(t.frame->client_pane()->IsShownOnScreen());
    CHECK(t.frame->client_pane()->client() == t.client);
    CHECK(t.frame->client_pane()->tabs()->GetSelection() == 1);
    CHECK(t.frame->client_list()->selected_client() == t.client);
    CHECK(visible_text(t.frame).Contains(family_name));
    for (size_t i = 0; i < t.frame->GetMenuBar()->GetMenuCount(); ++i)
        CHECK(t.frame->GetMenuBar()->IsEnabledTop(i));
}

TEST_CASE("an idle window locks by itself after the idle time setting", "[gui][lock]") {
    LockedWindow t(2);
    auto* lock = t.frame->window_lock();
    REQUIRE(lock);
    CHECK_FALSE(lock->locked());
    for (int i = 0; i < 400 && !lock->locked(); ++i)  // up to 4 s without input
        let_events_run(1);
    CHECK(lock->locked());
    CHECK_FALSE(visible_text(t.frame).Contains(family_name));
    CHECK(lock->unlock(passphrase));
    CHECK(visible_text(t.frame).Contains(family_name));
}

TEST_CASE("View > Lock after idle time sets the minutes with real input", "[gui][lock]") {
    LockedWindow t(300);  // the default, 5 minutes
    wxMenuItem* item = nullptr;
    auto* bar = t.frame->GetMenuBar();
    for (size_t m = 0; m < bar->GetMenuCount(); ++m) {
        for (auto* candidate : bar->GetMenu(m)->GetMenuItems()) {
            if (candidate->GetItemLabelText().StartsWith("Lock after idle time"))
                item = candidate;
        }
    }
    REQUIRE(item);
    CHECK(bar->GetMenuLabelText(static_cast<size_t>(bar->FindMenu("View"))) == "View");
    test::ModalInput input;
    // The dialog shows 5; three presses of the Down arrow make it 2, then OK is clicked.
    input.answer({{}, "Lock after idle time", {WXK_DOWN, WXK_DOWN, WXK_DOWN}});
    t.frame->UpdateWindowUI();
    CHECK(item->GetMenu()->SendEvent(item->GetId()));  // what GTK does when it is clicked
    let_events_run(20);
    CHECK(input.shown() == 1);
    CHECK(gui::WindowLockPanel::idle_seconds_setting() == 120);
    CHECK(wxConfigBase::Get()->ReadLong("/lock/idle_seconds", -1) == 120);

    // Cancel keeps what was set.
    input.answer({{}, "not this dialog", {}});  // a title that does not match: cancelled
    CHECK(item->GetMenu()->SendEvent(item->GetId()));
    let_events_run(20);
    CHECK(input.shown() == 2);
    CHECK(gui::WindowLockPanel::idle_seconds_setting() == 120);
}

TEST_CASE("a new idle time applies at once, also after \"never\"", "[gui][lock]") {
    LockedWindow t(0);  // started with "never": the window must still notice a new setting
    auto* lock = t.frame->window_lock();
    REQUIRE(lock);
    for (int i = 0; i < 250; ++i)  // 2.5 s: "never" does not lock
        let_events_run(1);
    CHECK_FALSE(lock->locked());
    gui::WindowLockPanel::set_idle_seconds_setting(2);  // what the dialog's OK saves
    for (int i = 0; i < 500 && !lock->locked(); ++i)    // up to 5 s without input
        let_events_run(1);
    CHECK(lock->locked());
    CHECK(lock->unlock(passphrase));
}
