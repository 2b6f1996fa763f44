// error_dialog.hpp — how the app tells a therapist that something failed: what could not be
// done, in plain words, that what was saved before is safe and what to try, with the technical
// details (file, database message) behind a "Details" expander for whoever supports them.
//
// report_current_exception() is what wxApp::OnExceptionInMainLoop calls: whatever escaped an
// event handler is shown this way and the app keeps running (every edit is committed as it is
// made, so nothing already on screen is lost). Each report is also written to stderr.
#pragma once

#include <exception>
#include <functional>

#include <wx/string.h>

class wxWindow;

namespace knotnotes::gui {

// Shows the error (a modal dialog). `what_failed` is a short sentence: "Could not save the
// change."
void show_error(wxWindow* parent, const wxString& what_failed, const wxString& details);
void show_error(wxWindow* parent, const wxString& what_failed, const std::exception& e);

// For wxApp::OnExceptionInMainLoop: reports the exception being handled; returns true (keep
// running).
bool report_current_exception();

// How errors are shown; tests replace it to see what a user would read. Called with the
// parent, the sentence and the details.
using ErrorPresenter = std::function<void(wxWindow*, const wxString&, const wxString&)>;
void set_error_presenter(ErrorPresenter presenter);  // empty: the dialog again

}  // namespace knotnotes::gui
