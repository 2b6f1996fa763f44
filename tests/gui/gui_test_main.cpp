// Catch2 main for GUI tests: a real wxApp on the X display (Xvfb under CTest), as wxWidgets'
// own how-to-write-unit-tests.md does it.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "pch.hpp"

int main(int argc, char** argv) {
    wxApp::SetInstance(new wxApp());
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv)) {
        std::fprintf(stderr, "cannot initialise wxWidgets (is DISPLAY set? run under xvfb-run)\n");
        return 1;
    }
    wxTheApp->CallOnInit();
    const int result = Catch::Session().run(argc, argv);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
