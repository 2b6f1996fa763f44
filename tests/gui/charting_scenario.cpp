// charting_scenario DB PHASE [SCREENSHOT_DIR] — the GUI issue's end-to-end test, in the real app
// window under Xvfb, driven with real mouse and keyboard events (wxUIActionSimulator).
//
// PHASE "chart": add a client, save an intake with a contraindication and check the banner,
//   start a session, click the body chart at the upper trapezius (left, back view), choose the
//   female figure, click her right gluteus maximus, draw its referral area from the knot's
//   menu, type "infra l" and Enter, set the upper-back pressure with the keyboard, add a
//   technique found by typing; type a sentence into the Subjective field and lock the window
//   with Ctrl+L before the typing pause commits it (issue 13: nothing is lost if the app is
//   killed while locked); print "charted" and keep running until the test kills the process
//   with SIGKILL.
// PHASE "reopen": a new process on the same database finds all of it in the window (the
//   knots on the chart, the figure, the referral area, the sentence typed just before the
//   lock), signs the session, and checks that a
//   click on the chart no longer adds a knot; a next session carries the knots forward.
// PHASE "tour" DB tour DIR main|progress|session: a screenshot for the README (see tour()).
// Every check prints "ok: ..." or "FAIL: ..."; the exit status is the number of failures.
#include <algorithm>
#include <cmath>
#include <set>

#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/srchctrl.h>
#include <wx/uiaction.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_chart_panel.hpp"
#include "body_chart_widget.hpp"
#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "contraindication_banner_panel.hpp"
#include "core/intake_service.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "intake_dialog.hpp"
#include "main_frame.hpp"
#include "modal_input.hpp"
#include "pch.hpp"
#include "session_editor_panel.hpp"
#include "technique_picker_panel.hpp"
#include "window_lock_panel.hpp"
#include "window_screenshot.hpp"

using namespace knotnotes;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAIL", what.c_str());
    std::fflush(stdout);
    if (!ok)
        ++failures;
}

void settle(int rounds = 25) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(15);
    }
}

void click(wxWindow& window, wxPoint client_point, int button = wxMOUSE_BTN_LEFT) {
    wxUIActionSimulator sim;
    sim.MouseMove(window.ClientToScreen(client_point));
    settle(5);
    sim.MouseClick(button);
    settle();
}

void click_centre(wxWindow& window) {
    const auto size = window.GetClientSize();
    click(window, wxPoint(size.x / 2, size.y / 2));
}

// Where a click names the muscle and side on the chart's figure: its region's centre in the
// shipped chart data (sdk::body_chart), not a hand-written position.
wxPoint muscle_point(const gui::BodyChartWidget& chart, const char* muscle, sdk::ChartView view,
                     sdk::Side side) {
    const auto* region = sdk::find_region(sdk::body_chart(chart.figure(), view), muscle, side);
    if (!region) {
        check(false, std::string(muscle) + " is drawn on that view");
        return {};
    }
    return chart.chart_to_client(view, region->centre);
}

wxPoint trapezius_point(const gui::BodyChartWidget& chart) {
    return muscle_point(chart, "upper-trapezius", sdk::ChartView::back, sdk::Side::left);
}

// A real left-button drag through `points` (client coordinates of `window`).
void drag_through(wxWindow& window, const std::vector<wxPoint>& points) {
    wxUIActionSimulator sim;
    sim.MouseMove(window.ClientToScreen(points.front()));
    settle(5);
    sim.MouseDown();
    settle(3);
    for (const auto& p : points) {
        sim.MouseMove(window.ClientToScreen(p));
        settle(2);
    }
    sim.MouseUp();
    settle();
}

// GTK draws on its frame clock: give it time to reach the screen before taking the picture.
void shoot(wxWindow& frame, const wxString& file) {
    frame.Refresh();
    frame.Update();
    settle(80);
    gui::save_window_screenshot(frame, file);
}

void show_tab(wxNotebook& tabs, const wxString& title) {
    for (size_t i = 0; i < tabs.GetPageCount(); ++i) {
        if (tabs.GetPageText(i) == title)
            tabs.SetSelection(i);
    }
    settle();
}

// The chart beyond one click, with real input: the client's figure chosen in the figure
// choice, a click on the figure's gluteus maximus, a referral area drawn round from the knot's
// menu, and a muscle typed on the keyboard.
void chart_muscles(core::RecordStore& store, sdk::Id client, gui::SessionEditorPanel& editor) {
    auto* chart = editor.chart();
    wxUIActionSimulator sim;
    auto* figure = editor.chart_panel()->figure_choice();
    figure->SetFocus();
    settle();
    sim.Select("Female figure");
    settle();
    check(chart->figure() == sdk::ChartFigure::female, "the chart shows the female figure");
    const auto stored = store.client(client);
    check(stored && stored->chart_figure == sdk::ChartFigure::female,
          "the figure chosen is stored with the client");

    const auto glute =
        muscle_point(*chart, "gluteus-maximus", sdk::ChartView::back, sdk::Side::right);
    click(*chart, glute);
    const auto& knots = editor.editor().session().knots;
    check(knots.size() == 2 && knots[1].muscle_id == "gluteus-maximus" &&
              knots[1].side == sdk::Side::right && knots[1].view == sdk::ChartView::back,
          "a click on the female figure's right gluteus maximus charts it");
    if (knots.size() != 2)
        return;

    // Right click on the marker: the chart's own menu; Draw referral area is its second item.
    wxTimer chooser;
    chooser.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        sim.Char(WXK_DOWN);
        sim.Char(WXK_DOWN);
        sim.Char(WXK_RETURN);
    });
    chooser.StartOnce(500);
    click(*chart, glute, wxMOUSE_BTN_RIGHT);
    settle(40);
    // Drag round the back of the thigh, where gluteal trigger points refer pain.
    const auto thigh = muscle_point(*chart, "hamstrings", sdk::ChartView::back, sdk::Side::right);
    const int r = chart->FromDIP(14);
    std::vector<wxPoint> lasso;
    for (int i = 0; i <= 12; ++i) {
        const double a = i * 3.14159265358979 / 6;
        lasso.push_back(thigh + wxPoint(static_cast<int>(r * std::cos(a)),
                                        static_cast<int>(2 * r * std::sin(a))));
    }
    drag_through(*chart, lasso);
    check(knots.size() == 2 && knots[1].referral_area.size() >= 3,
          "a referral area drawn round the thigh is kept with the knot (" +
              std::to_string(knots.size() == 2 ? knots[1].referral_area.size() : 0) + " points)");

    // From the keyboard: the back view is current (the pointer was last on it).
    chart->SetFocus();
    settle();
    sim.Text("infra l");
    settle();
    check(chart->typed_text() == "infra l", "the chart shows what was typed");
    sim.Char(WXK_RETURN);
    settle();
    check(knots.size() == 3 && knots[2].muscle_id == "infraspinatus" &&
              knots[2].side == sdk::Side::left,
          "typing \"infra l\" and Enter charts the left infraspinatus");
}

void chart(core::RecordStore& store, gui::MainFrame& frame, const wxString& shots) {
    sdk::Client jo;
    jo.given_name = "Jo";
    jo.family_name = "Smith";
    const auto client = store.add_client(jo);
    frame.client_list()->refresh();
    auto* pane = frame.client_pane();
    frame.client_list()->select_client(client);
    settle();
    check(pane->client() == client, "the new client is open");

    // Intake with a contraindication, ticked with a real click.
    core::IntakeService intakes(store.database());
    auto* dialog = new gui::IntakeDialog(&frame, intakes, client, "Jo Smith");
    dialog->Show();
    settle();
    auto* anticoagulants = dialog->flag_box("anticoagulants");
    check(anticoagulants != nullptr, "the intake lists anticoagulant medication");
    if (anticoagulants) {
        click(*anticoagulants, wxPoint(8, anticoagulants->GetClientSize().y / 2));
        check(anticoagulants->GetValue(), "the checkbox is ticked by the click");
    }
    check(dialog->save(), "the intake saves as a new version");
    settle();
    pane->show_client(client);
    settle();
    check(pane->banner()->IsShown(), "the contraindication banner shows for the client");

    // The first session asks who is charting: answered in the real dialog, by typing.
    test::ModalInput input;
    input.answer(test::profile_answer("Alex Morgan", "correct horse battery"));
    pane->new_session();
    settle(40);
    check(input.shown() == 1, "the first session asks who is charting");
    const auto charting = store.current_practitioner();
    check(charting && charting->name == "Alex Morgan" && charting->registration == "R-1234",
          "the profile typed in the dialog is who charts");
    auto* editor = pane->session_editor();
    check(editor != nullptr, "a new session is open in the editor");
    if (!editor)
        return;
    check(editor->IsShownOnScreen(), "the session editor is on screen");

    auto* chart = editor->chart();
    click(*chart, trapezius_point(*chart));
    const auto& knots = editor->editor().session().knots;
    check(knots.size() == 1, "one click on the chart charts one knot");
    if (!knots.empty()) {
        check(knots[0].muscle_id == "upper-trapezius",
              "the knot is on the upper trapezius (" + knots[0].muscle_id + ")");
        check(knots[0].side == sdk::Side::left, "on the client's left side");
    }
    chart_muscles(store, client, *editor);
    check(knots.size() == 3, "three knots are charted (" + std::to_string(knots.size()) + ")");

    // Pressure for the upper back: pick the region, then two key presses on the slider.
    auto* tabs = dynamic_cast<wxNotebook*>(editor->pressure_slider()->GetParent()->GetParent());
    if (tabs)
        show_tab(*tabs, "Pressure");
    editor->select_pressure_region("upper-back");
    editor->pressure_slider()->SetFocus();
    settle();
    wxUIActionSimulator sim;
    for (int i = 0; i < 7; ++i) {  // from "not recorded" (0) to 7
        sim.Char(WXK_RIGHT);
        settle(8);
    }
    settle();
    const auto& readings = editor->editor().session().pressure_readings;
    check(readings.size() == 1 && readings[0].region == "upper-back" && readings[0].pressure == 7,
          "the upper-back pressure is recorded as 7");

    // A technique found by typing, added with a click.
    if (tabs)
        show_tab(*tabs, "Techniques");
    auto* picker = editor->techniques();
    picker->search()->SetFocus();
    settle();
    sim.Text("isch");
    settle(30);
    click_centre(*picker->add_button());
    const auto& uses = editor->editor().session().techniques;
    check(uses.size() == 1 &&
              uses[0].technique_id == "org.knotnotes.techniques.deep-tissue/ischemic-compression",
          "ischemic compression is added as a technique use");
    if (!shots.empty()) {
        if (tabs)
            show_tab(*tabs, "Knots");
        shoot(frame, shots + "/session-editor.png");
    }
}

constexpr const char* typed_before_lock = "Typed just before Ctrl+L";

// Types into Subjective and at once (well inside the 400 ms typing pause) locks with Ctrl+L.
void type_then_lock(gui::MainFrame& frame) {
    auto* subjective = wxWindow::FindWindowByName("subjective", &frame);
    check(subjective != nullptr, "the session editor has a Subjective field");
    if (!subjective)
        return;
    for (auto* w = subjective->GetParent(); w; w = w->GetParent()) {
        if (auto* tabs = dynamic_cast<wxNotebook*>(w)) {
            show_tab(*tabs, "Note");
            break;
        }
    }
    check(subjective->IsShownOnScreen(), "the Subjective field is on screen");
    subjective->SetFocus();
    settle(4);
    wxUIActionSimulator sim;
    sim.Text(typed_before_lock);
    sim.Char('l', wxMOD_CONTROL);
    settle(10);
    auto* lock = frame.window_lock();
    check(lock && lock->locked(), "Ctrl+L locked the window");
    check(!subjective->IsShownOnScreen(), "the locked window hides the note");
}

void reopen(core::RecordStore& store, gui::MainFrame& frame) {
    auto* pane = frame.client_pane();
    const auto found = store.clients(0, 10);
    check(found.size() == 1 && found[0].family_name == "Smith", "the client is still there");
    if (found.empty())
        return;
    frame.client_list()->select_client(found[0].id);
    settle();
    check(pane->banner()->IsShown(), "the banner still shows after the restart");
    const auto sessions = store.sessions(found[0].id);
    check(sessions.size() == 1, "the session is still there");
    if (sessions.empty())
        return;
    pane->open_session(sessions[0].id);
    settle(40);
    auto* editor = pane->session_editor();
    const auto& s = editor->editor().session();
    check(s.knots.size() == 3 && s.knots[0].muscle_id == "upper-trapezius",
          "the knots survived the SIGKILL");
    check(s.subjective.find(typed_before_lock) != std::string::npos,
          "the sentence typed just before the lock survived the SIGKILL while locked");
    auto* chart = editor->chart();
    check(chart->figure() == sdk::ChartFigure::female &&
              editor->chart_panel()->figure_choice()->GetSelection() == 1,
          "the client's female figure is shown again");
    check(chart->knots().size() == 3, "the chart shows the three knots again");
    if (s.knots.size() == 3) {
        check(s.knots[1].muscle_id == "gluteus-maximus" && s.knots[1].referral_area.size() >= 3,
              "the gluteus maximus knot kept its referral area");
        check(s.knots[2].muscle_id == "infraspinatus", "the typed infraspinatus knot is there");
        // Hovering a marker names its knot: it is drawn where it was charted.
        const auto drawn = sdk::marker_positions(s.knots);
        wxUIActionSimulator sim;
        sim.MouseMove(chart->ClientToScreen(chart->chart_to_client(s.knots[1].view, drawn[1])));
        settle();
        check(chart->status_text().StartsWith("2. Gluteus maximus"),
              "hovering its marker names the gluteus maximus knot (" +
                  std::string(chart->status_text().ToUTF8()) + ")");
    }
    check(s.pressure_readings.size() == 1 && s.pressure_readings[0].pressure == 7,
          "the pressure survived the SIGKILL");
    check(s.techniques.size() == 1, "the technique survived the SIGKILL");

    editor->set_sign_confirmation([](const wxString&) { return true; });
    // Pressure 7 with anticoagulants conflicts (6 at most): signing first asks why, then for
    // the passphrase (a wrong one is asked again).
    test::ModalInput input;
    input.answer(test::reason_answer("Client asked for firm pressure; no bruising last time"));
    input.answer(test::passphrase_answer("wrong passphrase"));
    input.answer(test::passphrase_answer("correct horse battery"));
    editor->sign();
    settle();
    check(input.shown() == 3 && input.titles()[0] == "Sign a note with contraindication conflicts",
          "signing a note with a conflict asks for a reason, then the passphrase twice");
    check(editor->editor().read_only(), "signing locks the session");
    check(editor->editor().session().conflict_acknowledgement ==
              "Client asked for firm pressure; no bruising last time",
          "the reason is kept with the signed note");
    const auto& signature = editor->editor().session().signature;
    check(signature && signature->algorithm == "ed25519" && signature->signer == "Alex Morgan",
          "the note is signed with Alex Morgan's Ed25519 key");
    click(*editor->chart(), trapezius_point(*editor->chart()) + wxPoint(0, 30));
    check(editor->editor().session().knots.size() == 3, "a click on a signed chart adds nothing");
    core::SessionEditor direct(store.charting(), s.id, &store.note_signer());
    bool refused = false;
    try {
        direct.place_knot("rhomboids", sdk::Side::left, sdk::ChartView::back, 0.45, 0.24);
    } catch (const db::RecordLocked&) {
        refused = true;
    }
    check(refused, "the database refuses an edit of the signed session");

    // The next session carries the unreleased knots forward, linked to where they were.
    pane->new_session();
    settle(40);
    auto* next = pane->session_editor();
    const auto& carried = next->editor().session().knots;
    check(next->editor().session().id != s.id && carried.size() == 3 &&
              std::all_of(carried.begin(), carried.end(),
                          [](const sdk::Knot& k) { return k.previous_knot_id.has_value(); }),
          "the next session carries the three knots forward");
    check(next->chart()->knots().size() == 3 && next->chart()->figure() == sdk::ChartFigure::female,
          "its chart shows them on the client's figure");
}

// PHASE "tour": on a demo database, the screenshots for the README (SCREENSHOT_DIR): the main
// window, the Progress tab, and a session with knots clicked onto all four views.
// One picture per process (`which`: main, progress or session): a second capture of the
// screen in the same process under Xvfb returns the first one again.
void tour(core::RecordStore& store, gui::MainFrame& frame, const wxString& shots,
          const std::string& which) {
    const auto clients = store.clients(0, 1);
    if (clients.empty() || shots.empty())
        return check(false, "tour needs a demo database");
    const auto client = clients[0].id;
    frame.client_list()->select_client(client);
    settle(40);
    if (which == "main")
        return shoot(frame, shots + "/main-window.png");
    auto* pane = frame.client_pane();
    if (which == "progress") {
        show_tab(*pane->tabs(), "Progress");
        return shoot(frame, shots + "/progress.png");
    }
    test::ModalInput input;  // a demo database has no practitioner profile yet
    input.answer(test::profile_answer("Alex Morgan", "correct horse battery"));
    pane->new_session();
    settle(40);
    auto* chart = pane->session_editor()->chart();
    const std::pair<const char*, sdk::ChartView> clicks[] = {
        {"pectoralis-minor", sdk::ChartView::front},
        {"vastus-lateralis", sdk::ChartView::front},
        {"gluteus-medius", sdk::ChartView::back},
        {"gastrocnemius", sdk::ChartView::back},
        {"sternocleidomastoid", sdk::ChartView::left},
        {"tensor-fasciae-latae", sdk::ChartView::right}};
    for (const auto& [muscle, view] : clicks) {
        const auto side = view == sdk::ChartView::right ? sdk::Side::right : sdk::Side::left;
        click(*chart, muscle_point(*chart, muscle, view, side));
    }
    std::set<sdk::ChartView> views;
    for (const auto& k : pane->session_editor()->editor().session().knots)
        views.insert(k.view);
    check(views.size() == 4, "the tour charted knots on all four views");
    shoot(frame, shots + "/session-editor.png");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: charting_scenario DB chart|reopen [SCREENSHOT_DIR]\n");
        return 2;
    }
    wxApp::SetInstance(new wxApp());
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv))
        return 2;
    wxTheApp->CallOnInit();
    wxInitAllImageHandlers();
    const std::string phase = argv[2];
    const wxString shots = argc > 3 ? wxString(argv[3]) : wxString();
    {
        core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, std::string(argv[1]) + ".config"});
        host.discover();
        host.load_enabled();
        core::RecordStore store(argv[1]);
        auto* frame = new gui::MainFrame(host, &store);
        frame->set_backup_on_close(false);
        frame->SetSize(1280, 780);
        frame->Show();
        frame->Raise();
        settle(40);
        if (phase == "chart") {
            chart(store, *frame, shots);
            type_then_lock(*frame);
            std::printf("charted\n");
            std::fflush(stdout);
            for (;;)
                settle(100);  // until the test kills us
        }
        if (phase == "tour") {
            tour(store, *frame, shots, argc > 4 ? argv[4] : "session");
        } else {
            reopen(store, *frame);
        }
        frame->Destroy();
        settle();
    }
    wxEntryCleanup();
    return failures;
}
