// Catch2 main for GUI tests: a real wxApp on the X display (Xvfb under CTest), as wxWidgets'
// own how-to-write-unit-tests.md does it. Its app is the real app's base
// (gui/crash_reporting_app.hpp), so an exception that escapes an event handler is handled as in
// the app; settings live in memory so no test sees another's window layout or last client, nor
// the user's.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <wx/config.h>
#include <wx/memconf.h>

#include "crash_reporting_app.hpp"
#include "pch.hpp"

namespace {

// The app's own crash handlers (OnExceptionInMainLoop, OnUnhandledException, OnFatalException).
class TestApp : public knotnotes::gui::CrashReportingApp {};

}  // namespace

int main(int argc, char** argv) {
    wxApp::SetInstance(new TestApp());
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv)) {
        std::fprintf(stderr, "cannot initialise wxWidgets (is DISPLAY set? run under xvfb-run)\n");
        return 1;
    }
    wxTheApp->CallOnInit();
    wxInitAllImageHandlers();
    delete wxConfigBase::Set(new wxMemoryConfig);
    const int result = Catch::Session().run(argc, argv);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
