// The main window on a first run: an empty database, the demo-data offer, a real click on it.
#include <catch2/catch.hpp>

#include <wx/infobar.h>
#include <wx/uiaction.h>

#include <wx/fileconf.h>
#include <wx/notebook.h>
#include <wx/srchctrl.h>

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/plugin_host.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/user_paths.hpp"
#include "main_frame.hpp"
#include "modal_input.hpp"
#include "pch.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

void let_events_run(int rounds = 20) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

wxButton* find_button(wxWindow& parent, const wxString& label) {
    for (auto* child : parent.GetChildren()) {
        if (auto* button = dynamic_cast<wxButton*>(child); button && button->GetLabel() == label) {
            return button;
        }
        if (auto* found = find_button(*child, label))
            return found;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("an empty database offers the demo database and never gets demo clients itself",
          "[gui][main][demo]") {
    TempDir dir;
    ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
    core::PluginHost host({{}, dir / "config"});
    core::RecordStore store(dir / "mine" / "knotnotes.db");
    auto* frame = new gui::MainFrame(host, &store);
    frame->set_backup_on_close(false);
    std::vector<std::filesystem::path> opened;
    frame->open_database = [&](const std::filesystem::path& f) { opened.push_back(f); };
    frame->Show();
    let_events_run();

    auto* offer = wxWindow::FindWindowByName("empty-offer", frame);
    REQUIRE(offer);
    CHECK(offer->IsShown());
    CHECK_FALSE(frame->is_demo());
    CHECK(wxWindow::FindWindowByName("demo-marker", frame) == nullptr);

    auto* button = find_button(*offer, "Open the demo database");
    REQUIRE(button);
    wxUIActionSimulator sim;
    sim.MouseMove(button->GetScreenRect().GetPosition() + wxPoint(10, 8));
    let_events_run();
    sim.MouseClick();
    let_events_run(100);

    REQUIRE(opened.size() == 1);
    CHECK(opened[0] == core::demo_database_path());
    CHECK(store.client_count() == 0);  // the user's database: no synthetic people

    // Its first client (here from outside, as an import adds them) puts the offer away.
    sdk::Client first;
    first.given_name = "Ann";
    first.family_name = "First";
    store.add_client(first);
    frame->refresh_clients();
    let_events_run();
    CHECK_FALSE(offer->IsShown());
    frame->Destroy();
    let_events_run();

    // The demo database window says so, in a marker and the title.
    core::RecordStore demo(opened[0]);
    CHECK(demo.client_count() == core::DemoOptions{}.clients);
    auto* demo_frame = new gui::MainFrame(host, &demo);
    demo_frame->set_backup_on_close(false);
    demo_frame->Show();
    let_events_run();
    CHECK(demo_frame->is_demo());
    auto* marker = wxWindow::FindWindowByName("demo-marker", demo_frame);
    REQUIRE(marker);
    CHECK(marker->IsShownOnScreen());
    CHECK(demo_frame->GetTitle().Contains("DEMO"));
    const auto* demo_offer = wxWindow::FindWindowByName("empty-offer", demo_frame);
    CHECK((demo_offer == nullptr || !demo_offer->IsShown()));
    demo_frame->Destroy();
    let_events_run();
    ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("typing in the client search filters the list and picking a client shows it",
          "[gui][main]") {
    TempDir dir;
    core::PluginHost host({{}, dir / "config"});
    core::RecordStore store(dir / "data" / "knotnotes.db");
    store.add_demo_data({60, 1, 9});
    sdk::Client amara;
    amara.given_name = "Amara";
    amara.family_name = "Quillfeather";  // a name the demo data never makes
    const auto id = store.add_client(amara);

    auto* frame = new gui::MainFrame(host, &store);
    frame->set_backup_on_close(false);
    frame->Show();
    frame->Raise();
    let_events_run();
    auto* list = frame->client_list()->list();
    CHECK(list->GetItemCount() == 61);

    // Ctrl+F, then type as a therapist would.
    wxUIActionSimulator sim;
    frame->client_list()->focus_search();
    let_events_run();
    sim.Text("quill");
    let_events_run(40);
    REQUIRE(list->GetItemCount() == 1);
    CHECK(list->GetItemText(0) == "Quillfeather, Amara");

    sim.Char(WXK_RETURN);  // Enter picks the first match
    let_events_run(40);
    CHECK(frame->client_pane()->client() == id);
    auto* name = wxWindow::FindWindowByName("client-name", frame);
    REQUIRE(name);
    CHECK(name->GetLabel() == "Amara Quillfeather");

    frame->client_list()->search()->Clear();
    let_events_run();
    CHECK(list->GetItemCount() == 61);
    frame->Destroy();
    let_events_run();
}

TEST_CASE("the last client shown is remembered for each database on its own", "[gui][main]") {
    TempDir dir;
    // Settings in the test's own file, as the app keeps them in its config folder.
    auto* settings = new wxFileConfig("knotnotes", "", (dir / "settings.ini").string(), "",
                                      wxCONFIG_USE_LOCAL_FILE);
    std::unique_ptr<wxConfigBase> previous(wxConfigBase::Set(settings));
    core::PluginHost host({{}, dir / "config"});
    core::RecordStore clinic(dir / "clinic.db");
    core::RecordStore home(dir / "home.db");
    clinic.add_demo_data({5, 1, 3});
    home.add_demo_data({5, 1, 4});
    const auto chosen = clinic.clients(3, 1).at(0).id;  // the same id exists in both databases

    const auto open_and_close = [&](core::RecordStore& store, sdk::Id pick) {
        auto* frame = new gui::MainFrame(host, &store);
        frame->Show();
        let_events_run();
        const auto shown = frame->client_pane()->client();
        if (pick) {
            frame->client_list()->select_client(pick);
            frame->client_pane()->show_client(pick);
            let_events_run();
        }
        frame->Close(true);  // as the window's close box does: the layout is saved
        let_events_run();
        return shown;
    };
    open_and_close(clinic, chosen);
    CHECK(open_and_close(home, 0) == 0);  // never the other database's client
    CHECK(open_and_close(clinic, 0) == chosen);

    delete wxConfigBase::Set(previous.release());
}

TEST_CASE("Tools > Switch practitioner changes who charts and forgets the other's key",
          "[gui][main]") {
    TempDir dir;
    test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
    core::PluginHost host({{}, dir / "plugins-config"});
    core::RecordStore store(dir / "k.db");
    core::PractitionerProfiles profiles(store.database());
    profiles.create_profile({"Alex Morgan", "RMT", "R-1"}, "alex passphrase");
    const auto sam = profiles.create_profile({"Sam Rivera", "LMT", ""}, "sam passphrase!");
    store.signing_session().keep(profiles.unlock(sam.id, "sam passphrase!"));
    REQUIRE(store.current_practitioner()->name == "Sam Rivera");

    auto* frame = new gui::MainFrame(host, &store);
    frame->Show();
    frame->Raise();
    let_events_run();
    test::ModalInput input;
    // The list opens on who charts now (Sam); one step up is Alex; OK.
    input.answer({{{"listBox", ""}}, "Switch practitioner", {WXK_UP}});
    auto* bar = frame->GetMenuBar();
    const int id = bar->FindMenuItem(_("Tools"), _("Switch practitioner..."));
    REQUIRE(id != wxNOT_FOUND);
    bar->GetMenu(static_cast<size_t>(bar->FindMenu(_("Tools"))))->SendEvent(id);
    let_events_run(40);

    CHECK(input.shown() == 1);
    CHECK(store.current_practitioner()->name == "Alex Morgan");
    CHECK(store.database().actor().find("Alex Morgan") == 0);
    CHECK(store.signing_session().key() == nullptr);  // Sam's key is not Alex's to sign with
    frame->Destroy();
    let_events_run();
}
