// A questionnaire filled in from the session editor, with real input in the real dialog: its
// score reaches the client's Progress tab at once (issue 16, item 3), and an unanswered item is
// named in a therapist's words, without plugin or item ids (item 8).
#include <catch2/catch.hpp>

#include <wx/slider.h>

#include "charting_fixture.hpp"
#include "modal_input.hpp"
#include "progress_panel.hpp"
#include "questionnaire_dialog.hpp"

using namespace knotnotes;
using knotnotes::test::Charting;
using knotnotes::test::click;
using knotnotes::test::let_events_run;

namespace {

const std::string nprs = "org.knotnotes.questionnaires/nprs";
const std::string peg3 = "org.knotnotes.questionnaires/peg-3";

// Focuses the item's slider and presses the right arrow `steps` times, as a client would.
void slide(gui::QuestionnaireDialog& dialog, const std::string& item, int steps) {
    auto* slider = dialog.slider(item);
    REQUIRE(slider);
    slider->SetFocus();
    let_events_run();
    wxUIActionSimulator sim;
    for (int i = 0; i < steps; ++i) {
        sim.Char(WXK_RIGHT);
        let_events_run(5);
    }
    let_events_run();
}

}  // namespace

TEST_CASE("a questionnaire scored in the session editor shows at once in the Progress tab",
          "[gui][views][questionnaire]") {
    Charting t(std::vector<std::string>{});
    auto* progress = t.frame->client_pane()->progress();
    CHECK(progress->progress().scores.empty());

    wxString result;
    test::DialogScript script([&](wxDialog& d) {
        auto* dialog = dynamic_cast<gui::QuestionnaireDialog*>(&d);
        if (!dialog)
            return;
        REQUIRE(dialog->select_instrument(nprs));
        let_events_run();
        slide(*dialog, "pain", 7);
        click(dialog->score_button());
        result = dialog->result_text();
        click(dialog->FindWindow(wxID_CLOSE));  // the dialog's own Close button
    });
    click(t.frame->FindWindowByName("questionnaire", t.editor));
    let_events_run(30);
    REQUIRE(script.titles.size() == 1);
    CHECK(script.titles[0] == "Questionnaire — Jo Smith");
    CHECK(result.Contains("7 (severe)"));

    // The Progress tab already holds the new score, without reopening the client.
    const auto& scores = progress->progress().scores;
    REQUIRE(scores.count(nprs) == 1);
    REQUIRE(scores.at(nprs).size() == 1);
    CHECK(scores.at(nprs)[0].score == Approx(7));
}

TEST_CASE("an unanswered questionnaire item is named in words, without plugin or item ids",
          "[gui][questionnaire]") {
    Charting t(std::vector<std::string>{});
    wxString first_error, shown_error, after_answering;
    bool saved = true;
    test::DialogScript script([&](wxDialog& d) {
        auto* dialog = dynamic_cast<gui::QuestionnaireDialog*>(&d);
        if (!dialog)
            return;
        REQUIRE(dialog->select_instrument(peg3));
        let_events_run();
        slide(*dialog, "pain", 4);  // question 1 only
        click(dialog->score_button());
        first_error = dialog->error_message();
        if (auto* label = dialog->FindWindow("questionnaire-error"); label && label->IsShown())
            shown_error = test::unwrapped(label);
        saved = dialog->saved().has_value();
        slide(*dialog, "enjoyment", 3);
        after_answering = dialog->error_message();
        click(dialog->FindWindow(wxID_CLOSE));
    });
    click(t.frame->FindWindowByName("questionnaire", t.editor));
    let_events_run(30);
    REQUIRE(script.titles.size() == 1);
    CHECK_FALSE(saved);
    CHECK(
        first_error.StartsWith(wxString::FromUTF8("Please answer question 2, “What number best "
                                                  "describes how, during the past week, pain "
                                                  "has interfered with your enjoyment of life")));
    for (const char* id : {"plugin", "org.knotnotes", "peg-3", "'enjoyment'", "item"})
        CHECK_FALSE(first_error.Contains(id));
    // The message is on screen, in the dialog, where the client is looking.
    CHECK(shown_error == first_error);
    CHECK(after_answering.empty());                                        // answering clears it
    CHECK(t.frame->client_pane()->progress()->progress().scores.empty());  // nothing stored
}

TEST_CASE("after the questionnaire dialog closes, Ctrl+4 shows the Progress tab",
          "[gui][questionnaire][keys]") {
    Charting t(std::vector<std::string>{});
    test::DialogScript script([&](wxDialog& d) {
        if (dynamic_cast<gui::QuestionnaireDialog*>(&d))
            click(d.FindWindow(wxID_CLOSE));
    });
    click(t.frame->FindWindowByName("questionnaire", t.editor));
    let_events_run(30);
    REQUIRE(script.titles.size() == 1);
    auto* tabs = t.frame->client_pane()->tabs();
    const int progress_tab = 3;
    REQUIRE(tabs->GetSelection() != progress_tab);
    auto* focus = wxWindow::FindFocus();
    INFO("focus after the dialog: " << (focus ? focus->GetName() : wxString("none")));
    CHECK(focus != nullptr);
    CHECK(wxGetTopLevelParent(focus) == t.frame);
    wxUIActionSimulator sim;
    sim.Char('4', wxMOD_CONTROL);
    let_events_run(30);
    CHECK(tabs->GetSelection() == progress_tab);
}
