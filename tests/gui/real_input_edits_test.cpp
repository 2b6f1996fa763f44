// Edits made the way a therapist makes them, with real clicks and keys (issue 16, item 8): a
// technique row opened from the list, changed and updated (or left as it was with Escape), read
// back from the database; and the birth date of a new client, where "12/03/1980" is refused in
// words and an ISO date is taken, its Pick... calendar laid out whole (also at GDK_SCALE=2).
#include <catch2/catch.hpp>

#include <algorithm>

#include <wx/calctrl.h>
#include <wx/generic/calctrlg.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>

#include "charting_fixture.hpp"
#include "db/chart_entry_repository.hpp"
#include "modal_input.hpp"
#include "technique_picker_panel.hpp"

using namespace knotnotes;
using knotnotes::test::Charting;
using knotnotes::test::click;
using knotnotes::test::let_events_run;

namespace {

void type_into(wxWindow* field, const char* text) {
    click(field);
    wxUIActionSimulator sim;
    sim.Char('a', wxMOD_CONTROL);  // select what is there, so typing replaces it
    let_events_run(5);
    sim.Text(text);
    let_events_run();
}

}  // namespace

TEST_CASE("a technique row opened with Enter is changed with the keyboard and stored",
          "[gui][techniques]") {
    Charting t(std::vector<std::string>{});
    t.show_tab("Techniques");
    auto* picker = t.editor->techniques();
    picker->search()->SetFocus();
    wxUIActionSimulator sim;
    sim.Text("effleurage");
    let_events_run(30);
    click(picker->add_button());
    db::ChartEntryRepository stored(t.store.database());
    REQUIRE(stored.technique_uses(t.session().id).size() == 1);
    CHECK(stored.technique_uses(t.session().id)[0].pressure == 5);

    // Click the row in the list of techniques used, then Enter: it is loaded into the form.
    auto open_row = [&] {
        picker->Scroll(0, picker->GetVirtualSize().y);  // as the scroll bar would
        let_events_run();
        wxRect row;
        REQUIRE(picker->used()->GetItemRect(0, row));
        click(picker->used(), row.GetPosition() + wxPoint(20, row.height / 2));
        t.press(WXK_RETURN);
        REQUIRE(picker->editing());
        CHECK(picker->add_button()->GetLabel() == "&Update technique");
    };
    open_row();

    // Pressure two steps down with the arrow keys, a response typed, Ctrl+Enter updates.
    picker->Scroll(0, 0);
    let_events_run();
    click(picker->pressure());
    t.press(WXK_DOWN);
    t.press(WXK_DOWN);
    type_into(picker->FindWindow("technique-response"), "Eased off after two passes");
    t.press(WXK_RETURN, wxMOD_CONTROL);
    CHECK_FALSE(picker->editing());
    auto uses = stored.technique_uses(t.session().id);
    REQUIRE(uses.size() == 1);  // changed in place, not added again
    CHECK(uses[0].pressure == 3);
    CHECK(uses[0].response == "Eased off after two passes");
    CHECK(t.session().techniques.at(0).pressure == 3);

    // Opened again and typed over, Escape leaves the row as it was.
    open_row();
    type_into(picker->FindWindow("technique-response"), "something else");
    t.press(WXK_ESCAPE);
    CHECK_FALSE(picker->editing());
    uses = stored.technique_uses(t.session().id);
    REQUIRE(uses.size() == 1);
    CHECK(uses[0].response == "Eased off after two passes");
}

TEST_CASE("a birth date typed 12/03/1980 is refused in words; 1980-03-12 is kept",
          "[gui][new-client]") {
    Charting t(std::vector<std::string>{});
    bool ok_enabled_with_bad_date = true, ok_enabled_with_iso_date = false;
    wxString problem_with_bad_date, problem_with_iso_date;
    test::DialogScript script([&](wxDialog& d) {
        if (d.GetTitle() != "New client")
            return;
        auto* ok = d.FindWindow(wxID_OK);
        auto* problem = d.FindWindow("birth-date-problem");
        type_into(d.FindWindow("given-name"), "Rosa");
        type_into(d.FindWindow("family-name"), "Lind");
        type_into(d.FindWindow("birth-date"), "12/03/1980");
        wxUIActionSimulator sim;
        sim.Char(WXK_RETURN);  // Enter does not take a date it cannot read
        test::settle_events();
        ok_enabled_with_bad_date = ok->IsEnabled() || !d.IsModal();
        problem_with_bad_date = test::unwrapped(problem);
        type_into(d.FindWindow("birth-date"), "1980-03-12");
        ok_enabled_with_iso_date = ok->IsEnabled();
        problem_with_iso_date = problem->GetLabel();
        click(ok);
    });
    wxUIActionSimulator sim;
    sim.Char('n', wxMOD_CONTROL);
    let_events_run(30);
    REQUIRE(script.titles.size() >= 1);
    CHECK(script.titles[0] == "New client");
    CHECK_FALSE(ok_enabled_with_bad_date);
    CHECK(problem_with_bad_date == "Write the birth date as year-month-day, e.g. 1980-03-12.");
    CHECK(ok_enabled_with_iso_date);
    CHECK(problem_with_iso_date.empty());
    // The new client is the one shown, with the date as typed.
    const auto shown = t.frame->client_pane()->client();
    REQUIRE(shown != t.client);
    const auto stored = t.store.client(shown);
    REQUIRE(stored);
    CHECK(stored->given_name == "Rosa");
    CHECK(stored->family_name == "Lind");
    CHECK(stored->birth_date == "1980-03-12");
}

namespace {

// Every shown child of `dialog` lies inside its client area, none overlaps another, and the
// dialog itself fits a 1024x700 screen (also at GDK_SCALE=2, where [layout] tests run again).
void check_dialog_fits(wxDialog& dialog) {
    const auto area = dialog.GetClientSize();
    INFO(dialog.GetTitle() << ": " << dialog.GetSize().x << "x" << dialog.GetSize().y);
    CHECK(dialog.GetSize().x <= 1024);
    CHECK(dialog.GetSize().y <= 700);
    // The generic calendar puts its month and year controls on its parent, over its own top
    // rows: they belong inside the calendar, not beside it.
    std::vector<wxWindow*> shown, inside_calendar;
    wxGenericCalendarCtrl* calendar = nullptr;
    for (auto* child : dialog.GetChildren()) {
        if (auto* c = dynamic_cast<wxGenericCalendarCtrl*>(child)) {
            calendar = c;
            inside_calendar = {c->GetMonthControl(), c->GetYearControl()};
        }
    }
    for (auto* child : dialog.GetChildren()) {
        const bool owned = std::find(inside_calendar.begin(), inside_calendar.end(), child) !=
                           inside_calendar.end();
        if (owned) {
            INFO(child->GetName() << " of the calendar");
            CHECK(calendar->GetRect().Contains(child->GetRect()));
        } else if (child->IsShown() && !child->IsTopLevel()) {
            shown.push_back(child);
        }
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const wxRect r = shown[i]->GetRect();
        INFO(shown[i]->GetName() << " at " << r.x << "," << r.y << " " << r.width << "x"
                                 << r.height);
        CHECK(r.x >= 0);
        CHECK(r.y >= 0);
        CHECK(r.GetRight() < area.x);
        CHECK(r.GetBottom() < area.y);
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            INFO("and " << shown[j]->GetName());
            CHECK_FALSE(r.Intersects(shown[j]->GetRect()));
        }
    }
}

}  // namespace

TEST_CASE("the birth date picker opens on the typed date, arrows and Enter pick another",
          "[gui][new-client][layout]") {
    Charting t(std::vector<std::string>{});
    wxString after_picking;
    std::string calendar_title;
    test::DialogScript script([&](wxDialog& d) {
        if (d.GetTitle() == "Birth date") {  // the picker, opened from the New client dialog
            calendar_title = d.GetTitle().utf8_string();
            auto* calendar = d.FindWindow("birth-date-calendar");
            REQUIRE(calendar);
            check_dialog_fits(d);
            calendar->SetFocus();
            test::settle_events();
            wxUIActionSimulator sim;
            sim.Char(WXK_RIGHT);  // the next day
            test::settle_events(5);
            sim.Char(WXK_DOWN);  // a week later
            test::settle_events(5);
            sim.Char(WXK_RETURN);
            test::settle_events();
            return;
        }
        if (d.GetTitle() != "New client")
            return;
        check_dialog_fits(d);  // the field and its Pick... button side by side, both whole
        type_into(d.FindWindow("given-name"), "Rosa");
        type_into(d.FindWindow("birth-date"), "1980-03-12");
        click(d.FindWindow("birth-date-pick"));
        after_picking = static_cast<wxTextCtrl*>(d.FindWindow("birth-date"))->GetValue();
        click(d.FindWindow(wxID_OK));
    });
    wxUIActionSimulator sim;
    sim.Char('n', wxMOD_CONTROL);
    let_events_run(30);
    CHECK(calendar_title == "Birth date");
    CHECK(after_picking == "1980-03-20");
    const auto stored = t.store.client(t.frame->client_pane()->client());
    REQUIRE(stored);
    CHECK(stored->given_name == "Rosa");
    CHECK(stored->birth_date == "1980-03-20");
}
