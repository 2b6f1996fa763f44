#include "crash_reporting_app.hpp"

#include <cstdio>
#include <exception>

#include "error_dialog.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

bool CrashReportingApp::OnExceptionInMainLoop() {
    return report_current_exception();
}

void CrashReportingApp::OnUnhandledException() {
    try {
        throw;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "knotnotes: unhandled error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "knotnotes: unhandled error of an unknown kind\n");
    }
}

void CrashReportingApp::OnFatalException() {
    // Runs in a signal handler: only write the message, nothing that allocates or locks.
    std::fputs(
        "knotnotes: crashed (fatal signal). Every committed edit is in the database; "
        "start KnotNotes again.\n",
        stderr);
    std::fflush(stderr);
}

}  // namespace knotnotes::gui
