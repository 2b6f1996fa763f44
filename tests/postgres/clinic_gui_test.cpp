// The app on a clinic server, as a therapist uses it: a window with no database, File > Connect
// to a clinic server (Ctrl+Shift+O) with the address and password typed into the app's dialogs,
// then the client list the server lets her see, the contraindication banner from the server's
// intake (and a new version of it saved from the intake form), a session charted with a real click
// on the body chart, a questionnaire answered in it, and the note signed with her passphrase;
// the server holds all of it and `verify` passes.
// The front desk, on the same window, sees the client's contact details and no clinical record,
// and books a new client with Ctrl+N. File > Export writes what the login may see, and File >
// Import brings a file's records in as the login's own.
// Real server (postgres_session.sh), real window (Xvfb), real input.
#include <catch2/catch.hpp>

#include <fstream>

#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/notebook.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_chart_widget.hpp"
#include "client_list_import_dialog.hpp"
#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "clinic_server_dialog.hpp"
#include "contraindication_banner_panel.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "core/signing/signing_key.hpp"
#include "error_dialog.hpp"
#include "gui_test_support.hpp"
#include "import_preview_dialog.hpp"
#include "main_frame.hpp"
#include "modal_input.hpp"
#include "questionnaire_dialog.hpp"
#include "session_editor_panel.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using test::let_events_run;

namespace {

const char* const janes_passphrase = "jane's own passphrase";

// File > Connect to a clinic server from the keyboard, answering its dialogs with real typing;
// returns what the window's connect_server was given and what connecting made of it.
std::unique_ptr<core::RecordStore> connect_from_menu(gui::MainFrame& frame,
                                                     const std::string& address,
                                                     const std::string& password,
                                                     std::string* typed_address = nullptr) {
    std::unique_ptr<core::RecordStore> store;
    frame.connect_server = [&](const std::string& typed) {
        if (typed_address)
            *typed_address = typed;
        store = gui::connect_clinic_server(&frame, typed);
    };
    test::ModalInput input;
    input.answer({{{"", address}}, "Connect to a clinic server"});
    input.answer({{{"", password}}, "Connect to a clinic server"});
    frame.Raise();
    frame.SetFocus();
    let_events_run();
    wxUIActionSimulator sim;
    sim.Char('O', wxMOD_CONTROL | wxMOD_SHIFT);
    let_events_run(60);
    CHECK(input.shown() == 2);  // the address, then the password
    return store;
}

// `knotnotes-cli verify` as `login` on the clinic server passes.
void check_verify_passes(const test::ClinicServer& clinic, const test::Workspace& workspace,
                         const std::string& login) {
    const auto password =
        test::private_file(workspace, login + ".pw", test::test_password_of(login));
    const auto verified =
        workspace.cli({"--db", clinic.uri(login), "--password-file", password, "verify"});
    INFO(verified.out << verified.err);
    CHECK(verified.exit_code == 0);
}

// The app's main window on `store`, shown as a therapist's screen would show it.
gui::MainFrame* window_on(core::PluginHost& host, core::RecordStore* store) {
    auto* frame = new gui::MainFrame(host, store);
    frame->set_backup_on_close(false);
    frame->SetSize(wxSize(1100, 720));
    frame->Show();
    let_events_run();
    return frame;
}

// File > Import from the menu, answering its dialogs as a user does: the path typed into the
// file dialog, Import clicked in the preview; what the preview and the closing message said.
struct ImportSeen {
    wxString previewed;
    wxString told;
};
ImportSeen import_from_menu(gui::MainFrame& frame, const std::filesystem::path& file) {
    ImportSeen seen;
    wxDialog* file_dialog = nullptr;
    test::DialogAnswers answers([&](wxDialog& d) {
        if (test::answer_file_dialog(d, file_dialog, file.string()))
            return static_cast<int>(wxID_NONE);
        if (auto* preview = dynamic_cast<gui::ImportPreviewDialog*>(&d)) {
            seen.previewed = preview->summary();
            preview->CallAfter([preview] {
                let_events_run();
                if (auto* import = preview->FindWindow(wxID_OK))
                    test::click(import);
                if (preview->IsModal())
                    preview->EndModal(wxID_CANCEL);
            });
            return static_cast<int>(wxID_NONE);
        }
        if (auto* box = dynamic_cast<wxMessageDialog*>(&d))
            seen.told = box->GetMessage();
        return static_cast<int>(wxID_OK);
    });
    auto* bar = frame.GetMenuBar();
    auto* item = bar->FindItem(bar->FindMenuItem("File", "Import..."));
    REQUIRE(item);
    REQUIRE(item->GetMenu()->SendEvent(item->GetId()));
    let_events_run(60);
    CHECK(file_dialog);
    return seen;
}

}  // namespace

TEST_CASE("a therapist connects from the File menu and charts and signs a session on the server",
          "[gui][clinic-server]") {
    wxConfigBase::Get()->DeleteAll();
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    auto jane_sql = clinic.as(jane);
    auto sam_sql = clinic.as(sam);
    const auto practitioner =
        std::stoll(jane_sql.query("SELECT kn_my_practitioner_id()").text(0, 0));
    // Her key, sealed under her passphrase, as a file she moved in brings it.
    const auto key = core::make_signing_key(practitioner, janes_passphrase).stored;
    jane_sql.query(
        "INSERT INTO signing_keys (practitioner_id, public_key, sealed_secret_key, kdf_salt, "
        "kdf_opslimit, kdf_memlimit, nonce) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {std::to_string(practitioner), key.public_key, key.sealed_secret_key, key.kdf_salt,
         std::to_string(key.kdf_opslimit), std::to_string(key.kdf_memlimit), key.nonce});
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    jane_sql.query(
        "INSERT INTO intakes (client_id, version, health_flags) "
        "VALUES ($1, 1, '[\"anticoagulants\"]')",
        {std::to_string(ann)});
    test::add_client(sam_sql, "Bob");  // Sam's: not Jane's to see

    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, workspace.dir / "config"}};
    host.discover();
    host.load_enabled();
    auto* start = window_on(host, nullptr);  // no database open yet
    // A wrong password first: the dialog says the server refused it and asks again.
    std::unique_ptr<core::RecordStore> store;
    {
        std::unique_ptr<core::RecordStore> connected;
        start->connect_server = [&](const std::string& typed) {
            connected = gui::connect_clinic_server(start, typed);
        };
        test::ModalInput input;
        input.answer({{{"", clinic.uri(jane)}}, "Connect to a clinic server"});
        input.answer({{{"", "not her password"}}, "Connect to a clinic server"});
        input.answer({{{"", test::test_password_of(jane)}}, "Connect to a clinic server"});
        start->Raise();
        let_events_run();
        wxUIActionSimulator sim;
        sim.Char('O', wxMOD_CONTROL | wxMOD_SHIFT);
        let_events_run(80);
        CHECK(input.shown() == 3);
        REQUIRE(connected);
        store = std::move(connected);
    }
    start->Destroy();
    let_events_run();
    CHECK(store->on_server());
    CHECK(store->location().find("postgresql://" + jane + "@") != std::string::npos);
    // Remembered for next time, without the password.
    wxString remembered;
    wxConfigBase::Get()->Read("/clinic/address", &remembered);
    CHECK(remembered.utf8_string() == clinic.uri(jane));

    auto* frame = window_on(host, store.get());
    // Only her own client is listed.
    auto* list = frame->client_list()->list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(list->GetItemText(0) == "Client, Ann");
    wxRect row;
    REQUIRE(list->GetItemRect(0, row));
    test::click(list, row.GetPosition() + wxPoint(20, row.height / 2));
    let_events_run(40);
    REQUIRE(frame->client_pane()->client() == ann);
    auto* banner = test::find_named<wxWindow>(frame, "contraindication-banner");
    REQUIRE(banner);
    CHECK(banner->IsShown());

    // Edit intake (Ctrl+I): a second version on the server, from the same form as on a file.
    {
        test::DialogScript script([](wxDialog& d) {
            auto* reason = d.FindWindow("reason");
            REQUIRE(reason);
            test::click(reason);
            wxUIActionSimulator typing;
            typing.Text("Stiff neck since the move");
            let_events_run(10);
            test::click(d.FindWindow("save-intake"));
            let_events_run(20);
        });
        // Where a therapist is after picking a client: in the client list (where GTK takes
        // Ctrl+I for Tab unless the window sees it first).
        REQUIRE(wxWindow::FindFocus() == frame->client_list()->list());
        wxUIActionSimulator sim;
        sim.Char('i', wxMOD_CONTROL);
        let_events_run(60);
        REQUIRE(script.titles.size() == 1);
        CHECK_THAT(script.titles[0], Catch::StartsWith("Intake"));
    }
    const auto versions = jane_sql.query(
        "SELECT version, reason_for_visit, health_flags::text FROM intakes WHERE client_id = $1 "
        "ORDER BY version",
        {std::to_string(ann)});
    REQUIRE(versions.size() == 2);
    CHECK(versions.text(1, 0) == "2");
    CHECK(versions.text(1, 1) == "Stiff neck since the move");
    CHECK(versions.text(1, 2) == "[\"anticoagulants\"]");  // the form kept what was there

    frame->client_pane()->new_session();
    let_events_run(30);
    auto* editor = frame->client_pane()->session_editor();
    REQUIRE(editor);
    editor->set_sign_confirmation([](const wxString&) { return true; });
    const auto session = editor->editor().session().id;
    // A questionnaire, answered in the session: the pain scale moved with the keyboard, scored
    // by the plugin and stored on the server with the session.
    auto* questionnaire = test::find_named<wxWindow>(editor, "questionnaire");
    REQUIRE(questionnaire);
    REQUIRE(questionnaire->IsEnabled());
    {
        bool scored = false;
        test::DialogScript script([&](wxDialog& d) {
            auto* form = dynamic_cast<gui::QuestionnaireDialog*>(&d);
            if (!form)
                return;
            REQUIRE(form->select_instrument("org.knotnotes.questionnaires/nprs"));
            let_events_run();
            auto* slider = form->slider("pain");
            REQUIRE(slider);
            slider->SetFocus();
            let_events_run();
            wxUIActionSimulator keys;
            for (int i = 0; i < 5; ++i) {
                keys.Char(WXK_RIGHT);
                let_events_run(5);
            }
            test::click(form->score_button());
            let_events_run(20);
            scored = form->saved().has_value();
        });
        test::click(questionnaire);
        let_events_run(60);
        CHECK(scored);
    }
    const auto scores = jane_sql.query(
        "SELECT instrument_id, score, session_id FROM questionnaire_responses WHERE client_id = $1",
        {std::to_string(ann)});
    REQUIRE(scores.size() == 1);
    CHECK(scores.text(0, 0) == "org.knotnotes.questionnaires/nprs");
    CHECK(scores.text(0, 1) == "5");
    CHECK(scores.text(0, 2) == std::to_string(session));
    auto* chart = editor->chart();
    const auto at = sdk::chart_position(*sdk::find_muscle("upper-trapezius"), sdk::ChartView::back,
                                        sdk::Side::left);
    REQUIRE(at);
    test::click(chart, chart->chart_to_client(sdk::ChartView::back, *at));
    let_events_run(40);
    const auto knots = jane_sql.query("SELECT muscle_id, side FROM knots WHERE session_id = $1",
                                      {std::to_string(session)});
    REQUIRE(knots.size() == 1);
    CHECK(knots.text(0, 0) == "upper-trapezius");
    CHECK(knots.text(0, 1) == "left");

    {
        test::ModalInput input;
        input.answer({{{"", janes_passphrase}}, "Sign the note"});
        wxUIActionSimulator sim;
        editor->SetFocus();
        sim.Char('S', wxMOD_CONTROL | wxMOD_SHIFT);
        let_events_run(80);
        CHECK(input.shown() == 1);
    }
    const auto signed_row = jane_sql.query("SELECT status, signed_by FROM sessions WHERE id = $1",
                                           {std::to_string(session)});
    CHECK(signed_row.text(0, 0) == "signed");
    CHECK(signed_row.text(0, 1) == "Jane Roe");
    frame->Destroy();
    let_events_run();
    store.reset();

    check_verify_passes(clinic, workspace, jane);
}

TEST_CASE("the front desk on a clinic server sees contact details and no clinical record",
          "[gui][clinic-server]") {
    wxConfigBase::Get()->DeleteAll();
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto jane_sql = clinic.as(jane);
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    jane_sql.query(
        "INSERT INTO intakes (client_id, version, medications) "
        "VALUES ($1, 1, 'warfarin')",
        {std::to_string(ann)});
    test::add_session(jane_sql, std::to_string(ann));

    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, workspace.dir / "config"}};
    auto* start = window_on(host, nullptr);
    auto store = connect_from_menu(*start, clinic.uri(fran), test::test_password_of(fran));
    start->Destroy();
    let_events_run();
    REQUIRE(store);

    auto* frame = window_on(host, store.get());
    REQUIRE(frame->client_list()->select_client(ann));
    let_events_run(30);
    CHECK(frame->client_pane()->client() == ann);
    auto* intake = test::find_named<wxTextCtrl>(frame, "intake-summary");
    REQUIRE(intake);
    CHECK(intake->GetValue().Contains("does not see clinical records"));
    CHECK_FALSE(intake->GetValue().Contains("warfarin"));
    CHECK(frame->client_pane()->sessions()->GetItemCount() == 0);

    // The front desk books a new client with Ctrl+N, first with nobody yet, then with Jane
    // chosen as her therapist; each is listed and shown.
    std::string therapist_choice = "(shared later)";
    test::DialogScript script([&](wxDialog& d) {
        if (d.GetTitle() != "New client")
            return;
        for (const auto& [field, text] : {std::pair<const char*, const char*>{"given-name", "Cleo"},
                                          {"family-name", "Booked"}}) {
            test::click(d.FindWindow(field));
            wxUIActionSimulator typing;
            typing.Text(text);
            let_events_run(5);
        }
        auto* therapist = dynamic_cast<wxChoice*>(d.FindWindow("client-therapist"));
        REQUIRE(therapist);
        CHECK(therapist->GetCount() == 2);  // nobody yet, Jane Roe
        CHECK(test::choose_with_keys(therapist, wxString::FromUTF8(therapist_choice)));
        test::click(d.FindWindow(wxID_OK));
        let_events_run(10);
    });
    frame->Raise();
    let_events_run();
    wxUIActionSimulator sim;
    sim.Char('n', wxMOD_CONTROL);
    let_events_run(40);
    REQUIRE(script.titles.size() == 1);
    const auto booked = jane_sql.query("SELECT id FROM clients WHERE family_name = 'Booked'");
    CHECK(booked.size() == 0);  // the front desk's own client, not Jane's to see
    auto desk_sql = clinic.as(fran);
    const auto desk_rows = desk_sql.query(
        "SELECT id FROM clients WHERE given_name = 'Cleo' AND family_name = 'Booked'");
    REQUIRE(desk_rows.size() == 1);
    CHECK(frame->client_pane()->client() == std::stoll(desk_rows.text(0, 0)));
    CHECK(frame->client_list()->list()->GetItemCount() == 2);

    therapist_choice = "(" + jane + ")";
    frame->Raise();
    let_events_run();
    sim.Char('n', wxMOD_CONTROL);
    let_events_run(40);
    REQUIRE(script.titles.size() == 2);
    const auto janes =
        jane_sql.query("SELECT id, responsible_login FROM clients WHERE family_name = 'Booked'");
    REQUIRE(janes.size() == 1);  // booked with Jane: hers to see and chart
    CHECK(janes.text(0, 1) == jane);
    CHECK(frame->client_pane()->client() == std::stoll(janes.text(0, 0)));
    CHECK(frame->client_list()->list()->GetItemCount() == 3);
    frame->Destroy();
    let_events_run();
}

TEST_CASE("one draft open on two computers: the later save is refused, shown and kept to paste",
          "[gui][clinic-server]") {
    wxConfigBase::Get()->DeleteAll();
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_sql = clinic.as(jane);
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    const auto session = std::stoll(test::add_session(jane_sql, std::to_string(ann)));
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, workspace.dir / "config"}};
    // Two computers: two app windows, each with its own connection as Jane.
    core::RecordStore desk_a({clinic.uri(jane), test::test_password_of(jane)});
    core::RecordStore desk_b({clinic.uri(jane), test::test_password_of(jane)});
    std::vector<gui::MainFrame*> frames;
    std::vector<wxTextCtrl*> subjective;
    for (auto* store : {&desk_a, &desk_b}) {
        auto* frame = window_on(host, store);
        REQUIRE(frame->client_list()->select_client(ann));
        let_events_run();
        frame->client_pane()->open_session(session);
        let_events_run(30);
        REQUIRE(frame->client_pane()->session_editor());
        subjective.push_back(
            test::find_named<wxTextCtrl>(frame->client_pane()->session_editor(), "subjective"));
        REQUIRE(subjective.back());
        frames.push_back(frame);
    }
    const auto type_at_end = [](gui::MainFrame* frame, wxTextCtrl* field, const char* text) {
        frame->Raise();
        let_events_run();
        test::click(field);
        field->SetInsertionPointEnd();
        wxUIActionSimulator sim;
        sim.Text(text);
        let_events_run(60);  // past the typing pause: saved
    };
    type_at_end(frames[0], subjective[0], " and shoulder");
    const auto stored = [&] {
        return jane_sql
            .query("SELECT subjective FROM sessions WHERE id = $1", {std::to_string(session)})
            .text(0, 0);
    };
    CHECK(stored() == "Neck pain after desk work and shoulder");

    std::vector<wxString> shown;  // the errors the app shows, as the person reads them
    gui::set_error_presenter([&](wxWindow*, const wxString& what, const wxString& details) {
        shown.push_back(what + "\n" + details);
    });
    type_at_end(frames[1], subjective[1], " since Monday");
    let_events_run(40);
    gui::set_error_presenter({});
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].Contains("changed elsewhere first"));
    CHECK(shown[0].Contains("changed by Jane Roe at"));
    // The first computer's save stands, the second window shows it, and what was typed there
    // waits on the clipboard.
    CHECK(stored() == "Neck pain after desk work and shoulder");
    CHECK(subjective[1]->GetValue() == "Neck pain after desk work and shoulder");
    wxString pasted;
    if (wxTheClipboard->Open()) {
        wxTextDataObject data;
        if (wxTheClipboard->GetData(data))
            pasted = data.GetText();
        wxTheClipboard->Close();
    }
    CHECK(pasted.Contains("Neck pain after desk work since Monday"));
    for (auto* frame : frames)
        frame->Destroy();
    let_events_run();
}

TEST_CASE("a login with no signing key makes one on the server the first time it signs",
          "[gui][clinic-server]") {
    wxConfigBase::Get()->DeleteAll();
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    auto sam_sql = clinic.as(sam);
    const auto bob = std::stoll(test::add_client(sam_sql, "Bob"));
    const auto session = std::stoll(test::add_session(sam_sql, std::to_string(bob)));
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, workspace.dir / "config"}};
    auto store = std::make_unique<core::RecordStore>(
        core::RecordStore::ClinicServer{clinic.uri(sam), test::test_password_of(sam)});
    auto* frame = window_on(host, store.get());
    REQUIRE(frame->client_list()->select_client(bob));
    frame->client_pane()->open_session(session);
    let_events_run(30);
    auto* editor = frame->client_pane()->session_editor();
    REQUIRE(editor);
    editor->set_sign_confirmation([](const wxString&) { return true; });
    {
        test::ModalInput input;
        input.answer({{{"", "short"}}, "a new signing key"});  // under 8 characters: asked again
        input.answer({{{"", "short"}}, "a new signing key"});
        input.answer({{{"", "sam's first key"}}, "a new signing key"});
        input.answer({{{"", "sam's first key"}}, "a new signing key"});
        editor->SetFocus();
        wxUIActionSimulator sim;
        sim.Char('S', wxMOD_CONTROL | wxMOD_SHIFT);
        let_events_run(120);
        CHECK(input.shown() == 4);
    }
    const auto keys = sam_sql.query(
        "SELECT count(*) FROM signing_keys WHERE practitioner_id = kn_my_practitioner_id()");
    CHECK(keys.text(0, 0) == "1");
    CHECK(sam_sql.query("SELECT status FROM sessions WHERE id = $1", {std::to_string(session)})
              .text(0, 0) == "signed");
    frame->Destroy();
    let_events_run();
    store.reset();

    // The next app session (another computer) unlocks the same key with that passphrase.
    core::RecordStore next({clinic.uri(sam), test::test_password_of(sam)});
    const auto me = next.current_practitioner();
    REQUIRE(me);
    CHECK(next.has_signing_key(me->id));
    CHECK(next.unlock_signing_key(me->id, "sam's first key"));
    CHECK_THROWS(next.unlock_signing_key(me->id, "not the passphrase"));

    check_verify_passes(clinic, workspace, sam);
}

TEST_CASE("File > Export and File > Import on a clinic server, as a therapist uses them",
          "[gui][clinic-server]") {
    wxConfigBase::Get()->DeleteAll();
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    auto jane_sql = clinic.as(jane);
    auto sam_sql = clinic.as(sam);
    const auto ann = test::add_client(jane_sql, "Ann");
    test::add_session(jane_sql, ann);
    test::add_client(sam_sql, "Bob");  // Sam's: not in Jane's export

    // An export from another database file, to import on the server.
    const auto other = workspace.dir / "other.db";
    REQUIRE(workspace
                .cli({"--db", other.string(), "--unencrypted", "demo", "--clients", "2",
                      "--sessions-per-client", "2"})
                .exit_code == 0);
    const auto incoming = workspace.dir / "incoming.xml";
    REQUIRE(workspace
                .cli({"--db", other.string(), "export", "--format", "xml", "-o", incoming.string()})
                .exit_code == 0);

    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, workspace.dir / "config"}};
    host.discover();
    host.load_enabled();
    core::RecordStore store({clinic.uri(jane), test::test_password_of(jane)});
    auto* frame = window_on(host, &store);

    // Ctrl+E: the native XML format, everything, a destination typed, Export.
    const auto destination = workspace.dir / "janes-records.xml";
    {
        test::DialogScript script([&](wxDialog& d) {
            auto* formats = dynamic_cast<wxChoice*>(d.FindWindow("export-format"));
            if (!formats)
                return;
            CHECK(test::choose_with_keys(formats, "(xml)"));
            test::click(d.FindWindow("export-everything"));
            d.FindWindow("export-destination")->SetFocus();
            let_events_run(5);
            wxUIActionSimulator typing;
            typing.Text(destination.c_str());
            let_events_run();
            test::click(d.FindWindow(wxID_OK));
            script.let_dialog_run();
        });
        frame->Raise();
        let_events_run();
        wxUIActionSimulator sim;
        sim.Char('e', wxMOD_CONTROL);
        let_events_run();
        for (int i = 0; i < 400 && script.messages.empty(); ++i)
            let_events_run(1);
        REQUIRE(script.titles.size() >= 1);
        CHECK(script.titles[0] == "Export records");
        REQUIRE(script.messages.size() == 1);
        CHECK_THAT(script.messages[0], Catch::Contains("Exported 1 clients and 1 sessions"));
    }
    std::ifstream in(destination);
    const std::string exported((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    CHECK(exported.find("<given-name>Ann</given-name>") != std::string::npos);
    CHECK(exported.find("Neck pain after desk work") != std::string::npos);
    CHECK(exported.find("<given-name>Bob</given-name>") == std::string::npos);
    const auto private_to_her =
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
    CHECK((std::filesystem::status(destination).permissions() & std::filesystem::perms::all) ==
          private_to_her);

    // File > Import as Jane: the demo's notes were charted by others, which a therapist may not
    // bring in as hers; she is told so and whose they are, and nothing changes.
    const auto jane_tried = import_from_menu(*frame, incoming);
    CHECK_THAT(
        jane_tried.previewed.utf8_string(),
        Catch::Contains("2 clients") && Catch::Contains("Import them into the clinic server"));
    CHECK_THAT(jane_tried.told.utf8_string(), Catch::Contains("charted by Alex Morgan") &&
                                                  Catch::Contains("Nothing was imported"));
    CHECK(jane_sql.query("SELECT count(*) FROM clients").text(0, 0) == "1");
    frame->Destroy();
    let_events_run();

    // The owner imports it: the file dialog, the preview, Import; the clients are listed.
    const auto olga = clinic.add_login("olga", ClinicRole::owner, "Olga Owner");
    core::RecordStore owners({clinic.uri(olga), test::test_password_of(olga)});
    auto* owners_frame = window_on(host, &owners);
    const auto imported = import_from_menu(*owners_frame, incoming);
    CHECK_THAT(imported.told.utf8_string(), Catch::Contains("Imported 2 clients"));
    auto olga_sql = clinic.as(olga);
    CHECK(olga_sql.query("SELECT count(*) FROM clients").text(0, 0) == "4");
    CHECK(olga_sql.query("SELECT count(*) FROM sessions").text(0, 0) == "5");
    CHECK(jane_sql.query("SELECT count(*) FROM clients").text(0, 0) == "1");  // not Jane's
    CHECK(owners_frame->client_list()->list()->GetItemCount() == 4);
    owners_frame->Destroy();
    let_events_run();

    // The server's records still verify after the import.
    check_verify_passes(clinic, workspace, olga);
}

TEST_CASE("the front desk imports a client list into the clinic server from the File menu",
          "[gui][clinic-server]") {
    wxConfigBase::Get()->DeleteAll();
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_sql = clinic.as(jane);
    test::add_client(jane_sql, "Ann");  // Jane's: the front desk sees her in the list
    const auto csv = workspace.dir / "from-old-system.csv";
    std::ofstream(csv) << "First Name,Last Name,DOB,Phone\nJo,Smith,1980-01-02,555-0101\n"
                          "Ann,Client,,555-0100\nBo,Ek,1982-03-04,555-0103\n";
    core::PluginHost host{{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, workspace.dir / "config"}};
    core::RecordStore store({clinic.uri(fran), test::test_password_of(fran)});
    auto* frame = window_on(host, &store);
    REQUIRE(frame->client_list()->list()->GetItemCount() == 1);

    wxDialog* file_dialog = nullptr;
    bool wizard_seen = false;
    wxString told;
    test::DialogAnswers answers([&](wxDialog& d) {
        if (test::answer_file_dialog(d, file_dialog, csv.string()))
            return static_cast<int>(wxID_NONE);
        if (auto* wizard = dynamic_cast<gui::ClientListImportDialog*>(&d)) {
            wizard_seen = true;
            wizard->CallAfter([wizard] {
                let_events_run();
                CHECK(wizard->can_import());
                REQUIRE(wizard->plan());
                CHECK(wizard->plan()->clients.size() == 2);  // Ann Client is on the server
                test::click(wizard->import_button());
                if (wizard->IsModal())
                    wizard->EndModal(wxID_CANCEL);
            });
            return static_cast<int>(wxID_NONE);
        }
        if (auto* box = dynamic_cast<wxMessageDialog*>(&d))
            told = box->GetMessage();
        return static_cast<int>(wxID_OK);
    });
    frame->Raise();
    let_events_run();
    wxUIActionSimulator sim;
    sim.Char('l', wxMOD_CONTROL | wxMOD_SHIFT);
    let_events_run(80);
    CHECK(file_dialog);
    CHECK(wizard_seen);
    CHECK_THAT(told.utf8_string(), Catch::Contains("Imported 2 clients"));
    auto desk_sql = clinic.as(fran);
    CHECK(desk_sql.query("SELECT count(*) FROM clients WHERE responsible_login = $1", {fran})
              .text(0, 0) == "2");
    CHECK(frame->client_list()->list()->GetItemCount() == 3);
    frame->Destroy();
    let_events_run();
}
