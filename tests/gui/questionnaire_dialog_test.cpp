// The questionnaire dialog over the real questionnaires plugin and a real database, driven
// with real input; and the session note printout rendered by wxHtml.
#include <catch2/catch.hpp>

#include <wx/html/htmlwin.h>
#include <wx/html/htmprint.h>
#include <wx/radiobut.h>
#include <wx/slider.h>
#include <wx/uiaction.h>

#include "core/plugin_host.hpp"
#include "core/questionnaire_service.hpp"
#include "core/record_store.hpp"
#include "core/technique_catalogue.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"
#include "pch.hpp"
#include "questionnaire_dialog.hpp"
#include "session_printout.hpp"
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

void click(wxUIActionSimulator& sim, wxWindow& window) {
    const auto rect = window.GetScreenRect();
    sim.MouseMove(rect.GetPosition() + wxPoint(rect.width / 2, rect.height / 2));
    let_events_run();
    sim.MouseClick();
    let_events_run(40);
}

const std::string nprs = "org.knotnotes.questionnaires/nprs";

}  // namespace

TEST_CASE("NPRS filled in with the keyboard is scored and stored with the session",
          "[gui][questionnaire]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "data" / "knotnotes.db");
    sdk::Client client;
    client.given_name = "Amara";
    client.family_name = "Quillfeather";
    const auto client_id = store.add_client(client);
    sdk::Session session;
    session.client_id = client_id;
    session.practitioner_id =
        db::PractitionerRepository(store.database()).add({0, "Alex Morgan", "RMT"});
    const auto session_id = db::SessionRepository(store.database()).create_draft(session);

    core::QuestionnaireService service(host, store.questionnaire_records());
    REQUIRE(service.find(nprs));
    auto* dialog = new gui::QuestionnaireDialog(nullptr, service, client_id, session_id,
                                                "Amara Quillfeather", nprs);
    dialog->Show();
    dialog->Raise();
    let_events_run();
    CHECK(dialog->instrument_id() == nprs);
    auto* licence = wxWindow::FindWindowByName("licence-text", dialog);
    REQUIRE(licence);
    CHECK(licence->GetLabel().Contains("Free to use"));

    auto* slider = dialog->slider("pain");
    REQUIRE(slider);
    CHECK(slider->GetMin() == 0);
    CHECK(slider->GetMax() == 10);
    CHECK_FALSE(dialog->answered_box("pain")->GetValue());

    // Scoring with nothing answered: which question to answer, in its words; nothing stored.
    wxUIActionSimulator sim;
    click(sim, *dialog->score_button());
    CHECK_FALSE(dialog->saved());
    CHECK(dialog->error_message().StartsWith("Please answer question 1, "));
    CHECK_FALSE(dialog->error_message().Contains("plugin"));
    CHECK(db::QuestionnaireRepository(store.database()).for_client(client_id).empty());

    // Seven presses of the right arrow on the slider: 7.
    slider->SetFocus();
    let_events_run();
    for (int i = 0; i < 7; ++i) {
        sim.Char(WXK_RIGHT);
        let_events_run(5);
    }
    let_events_run();
    CHECK(slider->GetValue() == 7);
    CHECK(dialog->answered_box("pain")->GetValue());
    CHECK(dialog->error_message().empty());

    click(sim, *dialog->score_button());
    REQUIRE(dialog->saved());
    CHECK(dialog->result_text().Contains("7 (severe)"));
    CHECK_FALSE(dialog->score_button()->IsEnabled());

    const auto stored = db::QuestionnaireRepository(store.database()).for_client(client_id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].instrument_id == nprs);
    CHECK(stored[0].instrument_version == "1.0");
    REQUIRE(stored[0].score);
    CHECK(*stored[0].score == Approx(7));
    CHECK(stored[0].interpretation == "severe");
    CHECK(stored[0].session_id == session_id);
    REQUIRE(stored[0].answers.size() == 1);
    CHECK(stored[0].answers[0].item_id == "pain");
    CHECK(stored[0].answers[0].value == 7.0);
    dialog->Destroy();
    let_events_run();
}

TEST_CASE("every built-in questionnaire builds its form with its item kinds",
          "[gui][questionnaire]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "data" / "knotnotes.db");
    sdk::Client client;
    client.given_name = "Jo";
    client.family_name = "Smith";
    const auto client_id = store.add_client(client);
    core::QuestionnaireService service(host, store.questionnaire_records());
    auto* dialog = new gui::QuestionnaireDialog(nullptr, service, client_id, std::nullopt, "Jo");
    dialog->Show();
    let_events_run();
    CHECK(dialog->instrument_choice()->GetCount() == service.instruments().size());

    // PSFS: activities with text and scale; the optional fourth and fifth may stay empty.
    REQUIRE(dialog->select_instrument("org.knotnotes.questionnaires/psfs"));
    for (const auto* item : {"activity-1", "activity-2", "activity-3"}) {
        REQUIRE(dialog->activity_text(item));
        dialog->activity_text(item)->ChangeValue("Lifting the kids");
        dialog->slider(item)->SetValue(4);
        dialog->answered_box(item)->SetValue(true);
    }
    CHECK(dialog->answers_from_form().size() == 3);
    REQUIRE(dialog->score_and_save());
    CHECK(dialog->result_text().Contains("Score: 4"));

    // STarT Back: radio buttons, "No answer" first.
    REQUIRE(dialog->select_instrument("org.knotnotes.questionnaires/start-back"));
    CHECK_FALSE(dialog->saved());
    const auto* start = service.find("org.knotnotes.questionnaires/start-back");
    REQUIRE(start);
    const auto& first = start->definition.items.front();
    REQUIRE(first.kind == sdk::ItemKind::choice);
    CHECK(dialog->choice_button(first.id, first.choices.back().value));
    CHECK_FALSE(dialog->score_and_save());
    CHECK_FALSE(dialog->error_message().empty());
    CHECK(db::QuestionnaireRepository(store.database()).for_client(client_id).size() == 1);
    dialog->Destroy();
    let_events_run();
}

TEST_CASE("the session printout's html parses in wxHtml and paginates", "[gui][note]") {
    TempDir dir;
    core::RecordStore store(dir / "k.db");
    sdk::Client client;
    client.given_name = wxString::FromUTF8("Zoë").utf8_string();
    client.family_name = "Smith";
    client.id = store.add_client(client);
    sdk::Session session;
    session.client_id = client.id;
    session.started_at = "2026-11-25T09:30:00.000Z";
    session.subjective = "Neck <tension> & stiffness";
    session.plan = "Rebook";
    sdk::Knot knot;
    knot.muscle_id = "upper-trapezius";
    knot.tenderness = 7;
    session.knots = {knot, knot};
    const core::TechniqueCatalogue catalogue(std::vector<core::CatalogueTechnique>{});

    auto* frame = new wxFrame(nullptr, wxID_ANY, "printout");
    gui::SessionPrintout printout(frame, store, session, catalogue);
    CHECK(printout.title().Contains(wxString::FromUTF8("Zoë Smith")));
    auto* html = new wxHtmlWindow(frame);
    frame->Show();
    REQUIRE(html->SetPage(printout.html()));
    let_events_run();
    const auto text = html->ToText();
    CHECK(text.Contains("Neck <tension> & stiffness"));
    CHECK(text.Contains("Upper trapezius"));
    CHECK(text.Contains("Unsigned draft"));
    CHECK(text.Contains(wxString::FromUTF8("Zoë Smith")));

    // What printing does: lay the HTML out on a page-sized DC.
    wxBitmap page(800, 1100);
    wxMemoryDC dc(page);
    wxHtmlDCRenderer renderer;
    renderer.SetDC(&dc);
    renderer.SetSize(800, 1100);
    renderer.SetHtmlText(printout.html());
    // The note and its body chart (drawn from the knots, with no chart on screen): more than
    // the text alone, within two pages.
    CHECK(printout.html().Contains("<img src=\"memory:knotnotes-chart-"));
    CHECK(renderer.GetTotalHeight() > 600);
    CHECK(renderer.GetTotalHeight() < 2 * 1100);
    frame->Destroy();
    let_events_run();
}
