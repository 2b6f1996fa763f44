// The app's crash handlers (gui/crash_reporting_app.hpp), which this test program's wxApp
// shares with the real app: an exception thrown from an event handler during real input is told
// in words in the error dialog, its details are logged, and the window keeps working; an
// exception escaping elsewhere is logged. (The fatal-signal handler is tested on the real app
// binary: app_logs_crash.sh.)
#include <catch2/catch.hpp>

#include <stdexcept>

#include <wx/richmsgdlg.h>

#include "captured_stderr.hpp"
#include "charting_fixture.hpp"

using namespace knotnotes;
using knotnotes::test::Charting;
using knotnotes::test::let_events_run;

TEST_CASE("an exception thrown by a clicked button is told in words, logged, and the app runs on",
          "[gui][errors]") {
    Charting t(std::vector<std::string>{});
    std::vector<wxString> messages, details;
    test::DialogAnswers dialogs([&](wxDialog& d) {
        if (auto* box = dynamic_cast<wxRichMessageDialogBase*>(&d)) {
            messages.push_back(box->GetMessage());
            details.push_back(box->GetDetailedText());
        }
        return wxID_OK;
    });
    auto* boom = new wxButton(t.frame->client_pane(), wxID_ANY, "boom", wxPoint(0, 0));
    boom->Bind(wxEVT_BUTTON, [](wxCommandEvent&) {
        throw std::runtime_error("sqlite3_step: disk I/O error (/home/x/knotnotes.db)");
    });
    boom->Raise();
    let_events_run();

    const test::CapturedStderr log(t.dir / "stderr.txt");
    test::click(boom);  // the exception leaves the handler and reaches OnExceptionInMainLoop
    const auto logged = log.text();

    // The therapist reads what happened in words, and that their work is safe.
    REQUIRE(dialogs.shown.size() == 1);
    CHECK(dialogs.shown[0] == "KnotNotes");
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].StartsWith("KnotNotes could not finish what you asked."));
    CHECK(messages[0].Contains("Everything you charted before this is saved."));
    CHECK_FALSE(messages[0].Contains("sqlite3"));
    // The technical details are behind the dialog's Details expander.
    CHECK(details[0] == "sqlite3_step: disk I/O error (/home/x/knotnotes.db)");
    // The details are logged for whoever supports them.
    CHECK(logged.find("knotnotes: KnotNotes could not finish what you asked. sqlite3_step: disk "
                      "I/O error (/home/x/knotnotes.db)") != std::string::npos);

    // Still running: the session editor still charts, with real input.
    boom->Destroy();
    let_events_run();
    t.place_knot("upper-trapezius", sdk::ChartView::back, sdk::Side::left);
    CHECK(t.session().knots.size() == 1);
    CHECK(t.frame->IsShown());
}

TEST_CASE("an exception escaping outside an event handler is logged by the app", "[gui][errors]") {
    test::TempDir dir;
    const test::CapturedStderr log(dir / "stderr.txt");
    try {
        throw std::runtime_error("the database file vanished");
    } catch (...) {
        wxTheApp->OnUnhandledException();  // what wxWidgets calls before the app ends
    }
    try {
        throw 42;
    } catch (...) {
        wxTheApp->OnUnhandledException();
    }
    const auto logged = log.text();
    CHECK(logged.find("knotnotes: unhandled error: the database file vanished\n") !=
          std::string::npos);
    CHECK(logged.find("knotnotes: unhandled error of an unknown kind\n") != std::string::npos);
}
