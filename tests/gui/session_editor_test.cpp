// Charting in the session editor, in the real main window with real input: views that stay
// current (item 3), contraindications enforced where the choice is made and acknowledged at
// signing (item 7), undo and edits a therapist can trust (item 8), a layout that fits
// (item 9) and the printout a clinic files, as a PDF (item 12).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/config.h>
#include <wx/infobar.h>
#include <wx/notebook.h>
#include <wx/slider.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_chart_widget.hpp"
#include "charting_fixture.hpp"
#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/intake_service.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "error_dialog.hpp"
#include "gui_test_support.hpp"
#include "main_frame.hpp"
#include "reason_dialog.hpp"
#include "session_editor_panel.hpp"
#include "technique_picker_panel.hpp"
#include "temp_dir.hpp"
#include "window_screenshot.hpp"

using namespace knotnotes;
using knotnotes::test::click;
using knotnotes::test::DialogAnswers;
using knotnotes::test::let_events_run;
using knotnotes::test::TempDir;

using knotnotes::test::Charting;

TEST_CASE("the Sessions tab follows every change: knots, pain, sign, amend", "[gui][views]") {
    Charting t(std::vector<std::string>{});
    REQUIRE(t.frame->client_pane()->sessions()->GetItemCount() == 1);
    CHECK(t.sessions_cell(0, 1) == "Draft");
    t.place_knot("upper-trapezius", sdk::ChartView::back, sdk::Side::left);
    REQUIRE(t.session().knots.size() == 1);
    CHECK(t.sessions_cell(0, 4) == "1");

    // Pain before, with the keyboard: "not recorded" is the empty state, then 0..10.
    auto* pain = t.editor->pain_before();
    CHECK(pain->GetStringSelection() == "not recorded");
    CHECK_FALSE(t.session().pain_before);
    pain->SetFocus();
    let_events_run();
    for (int i = 0; i < 7; ++i)
        t.press(WXK_DOWN);
    let_events_run(30);
    CHECK(t.session().pain_before == 6);
    CHECK(t.sessions_cell(0, 2) == "6");

    click(t.frame->FindWindowByName("sign", t.editor));
    CHECK(t.editor->editor().read_only());
    CHECK(t.sessions_cell(0, 1) == "Signed");
    // A signed note takes no questionnaire scores.
    CHECK_FALSE(t.frame->FindWindowByName("questionnaire", t.editor)->IsEnabled());

    DialogAnswers answers([](wxDialog& d) {
        auto* ask = dynamic_cast<gui::ReasonDialog*>(&d);
        if (!ask)
            return wxID_CANCEL;
        ask->reason_field()->SetValue("Knot was on the right, not the left");
        return wxID_OK;
    });
    click(t.frame->FindWindowByName("amend", t.editor));
    REQUIRE(answers.shown.size() == 1);
    CHECK(answers.shown[0] == "Amend a signed note");
    REQUIRE(t.frame->client_pane()->sessions()->GetItemCount() == 2);
    CHECK(t.sessions_cell(1, 1) == "Draft (amendment)");
    CHECK(t.session().amendment_reason == "Knot was on the right, not the left");
}

TEST_CASE("a conflicting technique or pressure is named where it is chosen", "[gui][rules]") {
    Charting t(std::vector<std::string>{"anticoagulants"});
    t.show_tab("Techniques");
    auto* picker = t.editor->techniques();
    picker->search()->SetFocus();
    let_events_run();
    wxUIActionSimulator sim;
    sim.Text("stripping");
    let_events_run(30);
    REQUIRE(picker->matches()->GetCount() >= 1);
    CHECK(test::unwrapped(picker->warning()).Contains("Anticoagulant medication: no Deep tissue"));
    CHECK(picker->warning()->IsShownOnScreen());

    picker->search()->SetFocus();
    picker->search()->SelectAll();
    sim.Text("effleurage");
    let_events_run(30);
    REQUIRE(picker->matches()->GetCount() >= 1);
    picker->pressure()->SetFocus();
    let_events_run();
    picker->pressure()->SetValue(8);
    wxSpinEvent spin(wxEVT_SPINCTRL, picker->pressure()->GetId());
    spin.SetEventObject(picker->pressure());
    picker->pressure()->ProcessWindowEvent(spin);
    CHECK(test::unwrapped(picker->warning()).Contains("pressure 8 is above the 6 allowed"));
    picker->pressure()->SetValue(5);
    picker->pressure()->ProcessWindowEvent(spin);
    CHECK(picker->warning()->GetLabel().empty());

    // Pressure: the upper back, slider to the end with the keyboard (10 > 6).
    t.show_tab("Pressure");
    t.editor->select_pressure_region("upper-back");
    t.editor->pressure_slider()->SetFocus();
    let_events_run();
    t.press(WXK_END);
    REQUIRE(t.session().pressure_readings.size() == 1);
    CHECK(t.session().pressure_readings[0].pressure == 10);
    CHECK(test::unwrapped(t.editor->pressure_warning()).Contains("pressure 10 is above the 6"));
    auto* conflicts = t.frame->FindWindowByName("session-conflicts", t.editor);
    CHECK(test::unwrapped(conflicts).Contains("conflicts with the client's contraindications"));
}

TEST_CASE("signing a note with a conflict asks why, and keeps the answer", "[gui][rules]") {
    Charting t(std::vector<std::string>{"dvt-history"});
    t.show_tab("Pressure");
    t.editor->select_pressure_region("leg");
    t.editor->pressure_slider()->SetFocus();
    let_events_run();
    for (int i = 0; i < 5; ++i)
        t.press(WXK_RIGHT);
    REQUIRE(t.session().pressure_readings.size() == 1);
    CHECK(test::unwrapped(t.editor->pressure_warning()).Contains("Deep-vein thrombosis history"));

    // Cancel first: nothing is signed.
    DialogAnswers answers;
    click(t.frame->FindWindowByName("sign", t.editor));
    REQUIRE(answers.shown.size() == 1);
    CHECK(answers.shown[0] == "Sign a note with contraindication conflicts");
    CHECK_FALSE(t.editor->editor().read_only());

    answers.answer_with([](wxDialog& d) {
        auto* ask = dynamic_cast<gui::ReasonDialog*>(&d);
        REQUIRE(ask);
        auto* listing = test::find_named<wxStaticText>(ask, "reason-listing");
        REQUIRE(listing);
        CHECK(test::unwrapped(listing).Contains(
            "pressure 5 is above the 3 allowed on the Lower leg"));
        ask->reason_field()->SetValue("Cleared by Dr Lee on 2026-11-20; calf kept light");
        return wxID_OK;
    });
    click(t.frame->FindWindowByName("sign", t.editor));
    CHECK(t.editor->editor().read_only());
    core::SessionEditor stored(t.store.charting(), t.session().id);
    CHECK(stored.session().conflict_acknowledgement ==
          "Cleared by Dr Lee on 2026-11-20; calf kept light");
    CHECK(stored.session().is_signed());
}

TEST_CASE("deleted knots, techniques and pressure come back with Undo or Ctrl+Z", "[gui][undo]") {
    Charting t(std::vector<std::string>{});
    t.place_knot("upper-trapezius", sdk::ChartView::back, sdk::Side::left);
    REQUIRE(t.session().knots.size() == 1);
    const auto uid = t.session().knots[0].uid;
    auto* chart = t.editor->chart();
    chart->SetFocus();
    chart->select_knot(0);
    let_events_run();
    t.press(WXK_DELETE);
    REQUIRE(t.session().knots.empty());
    CHECK(t.editor->undo_bar()->IsShown());
    t.press('z', wxMOD_CONTROL);
    REQUIRE(t.session().knots.size() == 1);
    CHECK(t.session().knots[0].uid == uid);
    CHECK(chart->knots().size() == 1);

    // A technique row: Backspace leaves it, Delete removes it, the bar's Undo brings it back.
    t.show_tab("Techniques");
    auto* picker = t.editor->techniques();
    picker->search()->SetFocus();
    wxUIActionSimulator sim;
    sim.Text("effleurage");
    let_events_run(30);
    click(picker->add_button());
    REQUIRE(t.session().techniques.size() == 1);
    picker->used()->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    picker->used()->SetFocus();
    let_events_run();
    t.press(WXK_BACK);
    CHECK(t.session().techniques.size() == 1);
    t.press(WXK_DELETE);
    CHECK(t.session().techniques.empty());
    wxButton* undo = nullptr;
    for (auto* child : t.editor->undo_bar()->GetChildren()) {
        if (auto* b = dynamic_cast<wxButton*>(child))
            undo = b;
    }
    REQUIRE(undo);
    click(undo);
    REQUIRE(t.session().techniques.size() == 1);

    // Editing the row: Enter loads it, Update changes it in place.
    picker->edit_row(0);
    CHECK(picker->editing());
    picker->pressure()->SetValue(3);
    click(picker->add_button());
    REQUIRE(t.session().techniques.size() == 1);
    CHECK(t.session().techniques[0].pressure == 3);

    // Pressure: Clear makes it "not recorded"; Ctrl+Z brings the reading back.
    t.show_tab("Pressure");
    t.editor->select_pressure_region("lower-back");
    t.editor->pressure_slider()->SetFocus();
    let_events_run();
    t.press(WXK_RIGHT);
    t.press(WXK_RIGHT);
    REQUIRE(t.session().pressure_readings.size() == 1);
    click(t.editor->pressure_clear());
    CHECK(t.session().pressure_readings.empty());
    CHECK(test::find_named<wxStaticText>(t.editor, "pressure-word")
              ->GetLabel()
              .StartsWith("Not recorded"));
    t.editor->pressure_slider()->SetFocus();
    t.press('z', wxMOD_CONTROL);
    REQUIRE(t.session().pressure_readings.size() == 1);
    CHECK(t.session().pressure_readings[0].pressure == 2);
}

TEST_CASE("the note is usable at 1024x700: splitter, chart and form", "[gui][layout]") {
    Charting t(std::vector<std::string>{}, wxSize(1024, 700));
    const char* gdk_scale = std::getenv("GDK_SCALE");
    if (gdk_scale && std::string(gdk_scale) == "2")
        CHECK(t.frame->GetContentScaleFactor() == 2.0);  // GTK really draws at twice the size
    t.show_tab("Techniques");
    let_events_run(30);
    auto* splitter = t.editor->splitter();
    REQUIRE(splitter->IsSplit());
    const auto chart = t.editor->chart()->GetSize();
    const auto side = t.side_tabs()->GetSize();
    INFO("chart " << chart.x << "x" << chart.y << ", side " << side.x << "x" << side.y);
    CHECK(chart.x >= t.editor->FromDIP(200));
    CHECK(chart.y >= t.editor->FromDIP(250));
    CHECK(side.x >= t.editor->FromDIP(220));
    // The technique page's controls never overlap, and each one is inside the page (scrolled
    // into view if the page is short).
    auto* page = t.editor->techniques();
    const auto& children = page->GetChildren();
    for (auto a = children.begin(); a != children.end(); ++a) {
        if (!(*a)->IsShown())
            continue;
        const wxRect ra = (*a)->GetRect();
        INFO((*a)->GetName() << " at " << ra.x << "," << ra.y << " " << ra.width << "x"
                             << ra.height);
        CHECK(ra.GetRight() < page->GetClientSize().x);
        for (auto b = std::next(a); b != children.end(); ++b) {
            if ((*b)->IsShown() && !(*b)->GetRect().IsEmpty() && !ra.IsEmpty()) {
                INFO("and " << (*b)->GetName());
                CHECK_FALSE(ra.Intersects((*b)->GetRect()));
            }
        }
    }
    // Add is in view without scrolling; the last control is in view once scrolled down.
    CHECK(page->GetScreenRect().Contains(page->add_button()->GetScreenRect()));
    page->Scroll(0, page->GetVirtualSize().y);  // as the scroll bar would
    let_events_run();
    CHECK(page->GetScreenRect().Contains(page->used()->GetScreenRect().GetTopLeft()));
    page->Scroll(0, 0);
    const char* shots = std::getenv("KNOTNOTES_SCREENSHOT_DIR");
    if (shots && *shots) {
        t.place_knot("upper-trapezius", sdk::ChartView::back, sdk::Side::left);
        t.frame->Refresh();
        t.frame->Update();
        let_events_run(60);
        const char* scale = std::getenv("GDK_SCALE");
        gui::save_window_screenshot(
            *t.frame, wxString::Format("%s/session-editor-1024x700%s.png", shots,
                                       scale && std::string(scale) == "2" ? "-scale2" : ""));
    }
}

TEST_CASE("Save as PDF writes a real PDF a clinic can file", "[gui][printout]") {
    Charting t(std::vector<std::string>{"anticoagulants"});
    t.place_knot("upper-trapezius", sdk::ChartView::back, sdk::Side::left);
    const auto pdf = t.dir / "note.pdf";
    REQUIRE(t.editor->save_pdf(pdf.string()));
    std::ifstream in(pdf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 2000);
    CHECK(bytes.compare(0, 5, "%PDF-") == 0);
    CHECK(bytes.find("%%EOF") != std::string::npos);
    CHECK(bytes.find("/Image") != std::string::npos);  // the body chart
    const auto text_file = t.dir / "note.txt";
    const auto command = "pdftotext '" + pdf.string() + "' '" + text_file.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream text_in(text_file);
    const std::string text((std::istreambuf_iterator<char>(text_in)),
                           std::istreambuf_iterator<char>());
    CHECK(text.find("Jo Smith") != std::string::npos);
    CHECK(text.find("Anticoagulant medication") != std::string::npos);
    CHECK(text.find("Upper trapezius") != std::string::npos);
    CHECK(text.find("Registration") != std::string::npos);
    CHECK(text.find("Unsigned draft") != std::string::npos);
    CHECK(text.find("page 1 of") != std::string::npos);  // every page has its footer

    // A file that cannot be written is reported in words, not a crash.
    std::vector<wxString> told;
    gui::set_error_presenter(
        [&](wxWindow*, const wxString& what, const wxString&) { told.push_back(what); });
    CHECK_FALSE(t.editor->save_pdf("/proc/forbidden/note.pdf"));
    gui::set_error_presenter({});
    REQUIRE(told.size() == 1);
    CHECK(told[0].StartsWith("Could not save /proc/forbidden/note.pdf"));
}

TEST_CASE("Tab reaches the body chart in the session editor", "[gui][layout]") {
    Charting t(std::vector<std::string>{});
    auto* sign = t.frame->FindWindowByName("sign", t.editor);
    sign->SetFocus();
    let_events_run();
    bool reached = false;
    for (int i = 0; i < 25 && !reached; ++i) {
        t.press(WXK_TAB);
        reached = wxWindow::FindFocus() == t.editor->chart();
    }
    CHECK(reached);
}
