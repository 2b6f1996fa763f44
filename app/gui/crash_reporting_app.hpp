// crash_reporting_app.hpp — the wxApp base of KnotNotes (and of the GUI tests, so they exercise
// the same handlers): what happens when something goes wrong outside the code that expected it.
//
// - An exception that escapes an event handler is told in words (gui/error_dialog.hpp, details
//   on demand, also written to stderr) and the app keeps running: every edit is committed as it
//   is made, so nothing on screen is lost.
// - An exception that escapes elsewhere (the app must then end) is written to stderr.
// - A fatal signal (wxHandleFatalExceptions: SIGSEGV, SIGBUS, SIGFPE, ...) is written to stderr
//   with what the therapist should know: the committed edits are safe, start again.
#pragma once

#include <wx/app.h>

namespace knotnotes::gui {

class CrashReportingApp : public wxApp {
  public:
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;
    void OnFatalException() override;
};

}  // namespace knotnotes::gui
