// The pane always shows the client the list highlights, so a session is never charted on the
// wrong client (issue 16, item 1); the header tells two clients apart; times are local.
#include <catch2/catch.hpp>

#include <wx/config.h>
#include <wx/notebook.h>
#include <wx/srchctrl.h>

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/local_time.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "core/session_editor.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "session_editor_panel.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::DialogAnswers;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

namespace {

struct TwoClients {
    TempDir dir;
    core::PluginHost host{{{}, dir / "config"}};
    core::RecordStore store{dir / "k.db"};
    sdk::Id ann = 0, bea = 0;
    sdk::Practitioner therapist;
    gui::MainFrame* frame = nullptr;

    TwoClients() {
        wxConfigBase::Get()->DeleteAll();  // no layout or last client from another test
        therapist = test::charting_with_unlocked_key(store);
        sdk::Client a;
        a.given_name = "Ann";
        a.family_name = "Quillfeather";
        a.birth_date = "1980-03-12";
        a.occupation = "Teacher";
        ann = store.add_client(a);
        sdk::Client b;
        b.given_name = "Bea";
        b.family_name = "Marchmont";
        bea = store.add_client(b);
        frame = new gui::MainFrame(host, &store);
        frame->set_backup_on_close(false);
        frame->Show();
        frame->Raise();
        let_events_run();
    }
    ~TwoClients() {
        frame->Destroy();
        let_events_run();
    }
    void type_search(const char* text) {
        frame->client_list()->focus_search();
        let_events_run();
        wxUIActionSimulator sim;
        sim.Text(text);
        let_events_run(30);
    }
    void press(int key, int modifiers = wxMOD_NONE) {
        wxUIActionSimulator sim;
        sim.Char(key, modifiers);
        let_events_run(30);
    }
};

}  // namespace

TEST_CASE("open A, search B, Enter, Ctrl+Shift+N: the session belongs to B", "[gui][safety]") {
    TwoClients t;
    REQUIRE(t.frame->client_list()->select_client(t.ann));
    let_events_run();
    REQUIRE(t.frame->client_pane()->client() == t.ann);

    t.type_search("marchm");
    REQUIRE(t.frame->client_list()->list()->GetItemCount() == 1);
    t.press(WXK_RETURN);
    CHECK(t.frame->client_list()->selected_client() == t.bea);
    CHECK(t.frame->client_pane()->client() == t.bea);

    t.press('N', wxMOD_CONTROL | wxMOD_SHIFT);
    auto* editor = t.frame->client_pane()->session_editor();
    REQUIRE(editor);
    CHECK(editor->editor().session().client_id == t.bea);
    CHECK(t.store.sessions(t.bea).size() == 1);
    CHECK(t.store.sessions(t.ann).empty());
}

TEST_CASE("clearing the search and arrow keys keep the pane on the highlighted client",
          "[gui][safety]") {
    TwoClients t;
    auto* list = t.frame->client_list();
    t.type_search("quill");
    t.press(WXK_RETURN);
    REQUIRE(t.frame->client_pane()->client() == t.ann);

    // Clearing the search: the list is whole again and still highlights Ann, row and client.
    list->search()->Clear();
    let_events_run(30);
    REQUIRE(list->list()->GetItemCount() == 2);
    const long row = list->list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    REQUIRE(row >= 0);
    CHECK(list->list()->GetItemText(row) == "Quillfeather, Ann");
    CHECK(list->selected_client() == t.ann);
    CHECK(t.frame->client_pane()->client() == t.ann);

    // Up from Quillfeather (row 1) to Marchmont (row 0): the pane follows the highlight.
    list->list()->SetFocus();
    let_events_run();
    t.press(WXK_UP);
    CHECK(list->selected_client() == t.bea);
    CHECK(t.frame->client_pane()->client() == t.bea);
}

TEST_CASE("New session is refused while the list highlights no client or another one",
          "[gui][safety]") {
    TwoClients t;
    REQUIRE(t.frame->client_list()->select_client(t.bea));
    let_events_run();
    // A search that no longer lists Bea: the list highlights nobody, the pane still shows Bea.
    t.type_search("quill");
    CHECK(t.frame->client_list()->selected_client() == 0);
    CHECK(t.frame->client_pane()->client() == t.bea);

    DialogAnswers answers([](wxDialog&) { return wxID_OK; });
    t.frame->SetFocus();
    t.press('N', wxMOD_CONTROL | wxMOD_SHIFT);
    REQUIRE(answers.shown.size() == 1);
    CHECK(answers.shown[0] == "New session");
    CHECK(t.frame->client_pane()->session_editor() == nullptr);
    CHECK(t.store.sessions(t.ann).empty());
    CHECK(t.store.sessions(t.bea).empty());
}

TEST_CASE("the header shows name, date of birth and age", "[gui][safety]") {
    TwoClients t;
    t.frame->client_list()->select_client(t.ann);
    let_events_run();
    auto* name = wxWindow::FindWindowByName("client-name", t.frame);
    REQUIRE(name);
    CHECK(name->GetLabel() == "Ann Quillfeather");
    const auto age = core::age_in_years("1980-03-12", core::local_today());
    REQUIRE(age);
    auto* details = name->GetParent()->FindWindowByName("client-details");
    REQUIRE(details);
    CHECK(details->GetLabel().StartsWith(wxString::Format("Born 1980-03-12 (%d)", *age)));
    CHECK(details->GetLabel().Contains("Teacher"));
}

TEST_CASE("the Sessions tab and the editor show local time", "[gui][local-time]") {
    TwoClients t;
    // A session stored at 23:30 UTC: in Los Angeles that is the afternoon, in Kolkata the
    // next morning. The test runs under several TZ values (see CMakeLists.txt).
    const auto id = core::SessionEditor::start_session(t.store.charting(), t.ann, t.therapist.id);
    core::SessionEditor editor(t.store.charting(), id, &t.store.note_signer());
    auto fields = editor.session();
    fields.started_at = "2026-11-25T23:30:00.000Z";
    editor.update_note(fields);
    t.frame->client_list()->select_client(t.ann);
    let_events_run();
    auto* sessions = t.frame->client_pane()->sessions();
    REQUIRE(sessions->GetItemCount() == 1);
    const auto local = wxString::FromUTF8(core::local_time_text("2026-11-25T23:30:00.000Z"));
    CHECK(sessions->GetItemText(0) == local);
    const char* tz = std::getenv("TZ");
    if (tz && std::string(tz) == "America/Los_Angeles")
        CHECK(local == "2026-11-25 15:30");
    if (tz && std::string(tz) == "Asia/Kolkata")
        CHECK(local == "2026-11-26 05:00");
    t.frame->client_pane()->open_session(id);
    let_events_run();
    REQUIRE(t.frame->client_pane()->session_editor());
    CHECK(t.frame->client_pane()->session_editor()->title()->GetLabel().Contains(local));
}
