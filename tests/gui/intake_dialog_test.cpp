// The intake dialog, the contraindication banner and the signature pad in real windows under
// Xvfb, on a real database: real clicks and strokes through wxUIActionSimulator.
//
// Set KNOTNOTES_INTAKE_SCREENSHOT=/tmp/intake-dialog.png to save a picture of the filled-in
// dialog (<name>-error.png: showing a validation error, <name>-banner.png: the banner); nothing
// is compared. Run one test case per process for them: under Xvfb a later screen capture in the
// same process can show the first one's pixels again.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <wx/base64.h>
#include <wx/mstream.h>
#include <wx/scrolwin.h>
#include <wx/uiaction.h>

#include "contraindication_banner_panel.hpp"
#include "core/intake_service.hpp"
#include "core/record_store.hpp"
#include "db/client_repository.hpp"
#include "intake_dialog.hpp"
#include "pch.hpp"
#include "sample_records.hpp"
#include "signature_widget.hpp"
#include "temp_dir.hpp"
#include "window_screenshot.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

void let_events_run(int rounds = 20) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

// Scrolls the scrolled form holding `window` (if any) so that the window is in view.
void scroll_into_view(wxWindow* window) {
    for (wxWindow* parent = window->GetParent(); parent; parent = parent->GetParent()) {
        auto* scrolled = dynamic_cast<wxScrolledWindow*>(parent);
        if (!scrolled)
            continue;
        const wxRect view = scrolled->GetScreenRect();
        const wxRect rect = window->GetScreenRect();
        if (view.Contains(rect))
            return;
        int unit_x = 0, unit_y = 0, start_x = 0, start_y = 0;
        scrolled->GetScrollPixelsPerUnit(&unit_x, &unit_y);
        scrolled->GetViewStart(&start_x, &start_y);
        const int top = start_y * unit_y + rect.y - view.y - view.height / 3;
        scrolled->Scroll(-1, std::max(0, top / std::max(unit_y, 1)));
        let_events_run();
        return;
    }
}

// A real left click near the left edge of the control (where a check box has its box).
void click(wxWindow* window) {
    REQUIRE(window);
    scroll_into_view(window);
    REQUIRE(window->IsShownOnScreen());
    REQUIRE(wxGetTopLevelParent(window)->GetScreenRect().Contains(window->GetScreenRect()));
    const wxRect r = window->GetScreenRect();
    wxUIActionSimulator sim;
    sim.MouseMove(wxPoint(r.x + std::min(10, r.width / 2), r.y + r.height / 2));
    let_events_run();
    sim.MouseClick();
    let_events_run();
}

// A stroke on the pad through pointer down, moves and up at pad-relative points.
void draw_stroke(wxWindow* pad, const std::vector<wxPoint>& points) {
    const wxPoint origin = pad->GetScreenRect().GetPosition();
    wxUIActionSimulator sim;
    sim.MouseMove(origin + points.front());
    let_events_run(5);
    sim.MouseDown();
    let_events_run(5);
    for (std::size_t i = 1; i < points.size(); ++i) {
        sim.MouseMove(origin + points[i]);
        let_events_run(3);
    }
    sim.MouseUp();
    let_events_run();
}

wxImage decode_png(const std::string& base64) {
    const wxMemoryBuffer bytes = wxBase64Decode(wxString(base64));
    wxMemoryInputStream stream(bytes.GetData(), bytes.GetDataLen());
    wxImage image;
    image.LoadFile(stream, wxBITMAP_TYPE_PNG);
    return image;
}

int dark_pixels(const wxImage& image) {
    int count = 0;
    for (int y = 0; y < image.GetHeight(); ++y) {
        for (int x = 0; x < image.GetWidth(); ++x) {
            if (image.GetRed(x, y) < 128 && image.GetGreen(x, y) < 128)
                ++count;
        }
    }
    return count;
}

wxString screenshot_path(const char* suffix) {
    const char* path = std::getenv("KNOTNOTES_INTAKE_SCREENSHOT");
    if (!path || !*path)
        return {};
    static const bool handlers = [] {
        wxInitAllImageHandlers();  // as the app does at start; the test main does not
        return true;
    }();
    (void)handlers;
    wxString file = wxString::FromUTF8(path);
    if (*suffix)
        file = file.BeforeLast('.') + suffix + ".png";
    return file;
}

wxWindow* named(wxWindow& parent, const char* name) {
    return wxWindow::FindWindowByName(name, &parent);
}

}  // namespace

TEST_CASE("ticking two conditions in the intake dialog saves a version and a red banner names them",
          "[gui][intake]") {
    TempDir dir;
    core::RecordStore store(dir / "k.db");
    sdk::Client client;
    client.given_name = "Jo";
    client.family_name = "Smith";
    const auto client_id = db::ClientRepository(store.database()).add(client);
    core::IntakeService intakes(store.database());

    gui::IntakeDialog dialog(nullptr, intakes, client_id, "Jo Smith");
    dialog.Show();
    let_events_run();
    CHECK(named(dialog, "intake-version")->GetLabel().Contains("No intake recorded yet"));
    CHECK_FALSE(dialog.has_changes());

    click(dialog.flag_box("anticoagulants"));
    click(dialog.flag_box("dvt-history"));
    CHECK(dialog.flag_box("anticoagulants")->GetValue());
    CHECK(dialog.flag_box("dvt-history")->GetValue());
    CHECK(dialog.has_changes());

    if (const auto file = screenshot_path(""); !file.empty()) {
        static_cast<wxTextCtrl*>(named(dialog, "reason"))
            ->SetValue("Stiff neck and headaches after long desk days");
        static_cast<wxTextCtrl*>(named(dialog, "goals"))
            ->SetValue("Turn the head freely when driving; fewer headaches");
        static_cast<wxTextCtrl*>(named(dialog, "activity"))
            ->SetValue("Software developer, 8 h a day at a desk; climbs twice a week");
        static_cast<wxTextCtrl*>(named(dialog, "allergies"))->SetValue("Nut oils, latex");
        click(named(dialog, "consent-agreed"));
        static_cast<wxTextCtrl*>(named(dialog, "signer-name"))->SetValue("Jo Smith");
        draw_stroke(dialog.signature()->pad(),
                    {{40, 70}, {60, 40}, {75, 75}, {95, 35}, {115, 72}, {150, 50}, {190, 60}});
        static_cast<wxScrolledWindow*>(named(dialog, "intake-form"))->Scroll(0, 0);
        wxUIActionSimulator().MouseMove(dialog.GetScreenRect().GetBottomRight() + wxPoint(40, 0));
        let_events_run(30);
        gui::save_window_screenshot(dialog, file);
    }

    click(named(dialog, "save-intake"));
    CHECK_FALSE(dialog.IsShown());
    CHECK(dialog.GetReturnCode() == wxID_OK);
    REQUIRE(dialog.saved());
    const auto history = intakes.history(client_id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].version == 1);
    CHECK(history[0].health_flags == std::vector<std::string>{"anticoagulants", "dvt-history"});

    auto* frame = new wxFrame(nullptr, wxID_ANY, "chart", wxDefaultPosition, wxSize(700, 300));
    auto* banner = new gui::ContraindicationBannerPanel(frame);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(banner, 0, wxEXPAND);
    sizer->AddStretchSpacer();
    frame->SetSizer(sizer);
    frame->Show();
    let_events_run();
    CHECK_FALSE(banner->IsShown());

    banner->show_for(intakes.current(client_id));
    let_events_run();
    CHECK(banner->IsShownOnScreen());
    CHECK(banner->GetSize().y > 20);
    CHECK(banner->banner().severity == sdk::Severity::avoid);
    const wxColour red = banner->GetBackgroundColour();
    CHECK(red.Red() > 150);
    CHECK(red.Green() < 80);
    CHECK(red.Blue() < 80);
    wxString shown = named(*banner, "contraindication-headline")->GetLabel();
    shown.Replace("\n", " ");
    CHECK(shown.Contains("Avoid deep work: Deep-vein thrombosis history"));
    CHECK(shown.Contains("Caution: Anticoagulant medication"));
    if (const auto file = screenshot_path("-banner"); !file.empty())
        gui::save_window_screenshot(*frame, file);

    banner->show_for(std::nullopt);
    let_events_run();
    CHECK_FALSE(banner->IsShown());
    frame->Destroy();
    let_events_run();
}

TEST_CASE("agreed consent without a name keeps the intake dialog open and saves nothing",
          "[gui][intake]") {
    TempDir dir;
    core::RecordStore store(dir / "k.db");
    const auto records = test::add_sample_records(store.database());
    core::IntakeService intakes(store.database());

    gui::IntakeDialog dialog(nullptr, intakes, records.client, "Jo Smith");
    dialog.Show();
    let_events_run();
    // Pre-filled from version 1.
    CHECK(named(dialog, "intake-version")->GetLabel().StartsWith("Version 1, recorded "));
    CHECK(dialog.flag_box("anticoagulants")->GetValue());
    CHECK_FALSE(dialog.flag_box("dvt-history")->GetValue());
    CHECK(named(dialog, "pressure-word")->GetLabel().Contains("medium"));

    auto* reason = static_cast<wxTextCtrl*>(named(dialog, "reason"));
    reason->SetValue("Sore lower back after moving house");
    auto* agreed = static_cast<wxCheckBox*>(named(dialog, "consent-agreed"));
    auto* signer = static_cast<wxTextCtrl*>(named(dialog, "signer-name"));
    CHECK_FALSE(signer->IsEnabled());
    click(agreed);
    CHECK(agreed->GetValue());
    CHECK(signer->IsEnabled());

    click(named(dialog, "save-intake"));
    CHECK(dialog.IsShown());
    CHECK_FALSE(dialog.saved());
    CHECK(dialog.error_message().Contains("Signer name"));
    CHECK(named(dialog, "error-signer name")->IsShown());
    CHECK(intakes.history(records.client).size() == 1);
    // Nothing typed was lost.
    CHECK(reason->GetValue() == "Sore lower back after moving house");
    CHECK(agreed->GetValue());
    CHECK(dialog.flag_box("anticoagulants")->GetValue());
    if (const auto file = screenshot_path("-error"); !file.empty())
        gui::save_window_screenshot(dialog, file);

    // The error put the focus on the name: type it, then save with Ctrl+S, all from the keyboard.
    CHECK(wxWindow::FindFocus() == signer);
    wxUIActionSimulator keyboard;
    keyboard.Text("Jo Smith");
    let_events_run();
    CHECK(signer->GetValue() == "Jo Smith");
    keyboard.Char('s', wxMOD_CONTROL);
    let_events_run();
    CHECK_FALSE(dialog.IsShown());
    REQUIRE(dialog.saved());
    CHECK(dialog.saved()->version == 2);
    CHECK(dialog.saved()->reason_for_visit == "Sore lower back after moving house");
    CHECK(dialog.saved()->consent.signer_name == "Jo Smith");
    CHECK(dialog.saved()->consent.date.size() == 10);
    CHECK(intakes.history(records.client).size() == 2);
}

TEST_CASE("cancelling the intake dialog asks before discarding changes", "[gui][intake]") {
    TempDir dir;
    core::RecordStore store(dir / "k.db");
    const auto records = test::add_sample_records(store.database());
    core::IntakeService intakes(store.database());

    gui::IntakeDialog dialog(nullptr, intakes, records.client, "Jo Smith");
    int asked = 0;
    bool discard = false;
    dialog.set_discard_question([&] {
        ++asked;
        return discard;
    });
    dialog.Show();
    let_events_run();
    click(dialog.flag_box("pregnancy"));
    CHECK(dialog.has_changes());

    auto* cancel = dialog.FindWindow(wxID_CANCEL);
    click(cancel);
    CHECK(asked == 1);
    CHECK(dialog.IsShown());
    CHECK(dialog.flag_box("pregnancy")->GetValue());

    discard = true;
    click(cancel);
    CHECK(asked == 2);
    CHECK_FALSE(dialog.IsShown());
    CHECK(dialog.GetReturnCode() == wxID_CANCEL);
    CHECK(intakes.history(records.client).size() == 1);
}

TEST_CASE("a stroke drawn on the signature pad becomes a PNG that round-trips",
          "[gui][intake][signature]") {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "sign");
    auto* signature = new gui::SignatureWidget(frame);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(signature, 0, wxALL, 10);
    frame->SetSizerAndFit(sizer);
    frame->Show();
    let_events_run();
    CHECK_FALSE(signature->has_signature());
    CHECK(signature->to_png_base64().empty());

    draw_stroke(signature->pad(), {{20, 60}, {50, 30}, {80, 70}, {110, 30}, {140, 65}});
    REQUIRE(signature->has_signature());
    const std::string png = signature->to_png_base64();
    REQUIRE_FALSE(png.empty());
    const wxImage image = decode_png(png);
    REQUIRE(image.IsOk());
    CHECK(image.GetSize() == signature->pad()->GetClientSize());
    CHECK(dark_pixels(image) > 50);

    auto* shown = new gui::SignatureWidget(frame);
    sizer->Add(shown, 0, wxALL, 10);
    frame->Fit();
    CHECK(shown->set_from_png_base64(png));
    CHECK(shown->has_signature());
    CHECK(shown->to_png_base64() == png);  // handed back as stored, not re-encoded
    CHECK_FALSE(shown->set_from_png_base64("bm90IGEgcG5n"));
    CHECK_FALSE(shown->has_signature());

    click(signature->clear_button());
    CHECK_FALSE(signature->has_signature());
    CHECK(signature->to_png_base64().empty());
    frame->Destroy();
    let_events_run();
}
