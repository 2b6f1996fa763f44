// job_progress_dialog.hpp — waits for a core::BackgroundJob while the app stays alive: a
// progress dialog (a bar, or a moving bar when the job cannot tell how far it is) with Cancel,
// updated from the event loop so every window keeps repainting. Cancel asks the job to stop
// and waits for it to do so.
//   core::BackgroundJob job([&](core::JobControl& c) { ...; return summary; });
//   run_job_with_progress(this, _("Exporting"), _("Exporting records..."), job);
//   const auto summary = job.finish();  // rethrows what the job threw
#pragma once

#include <wx/string.h>

#include "core/background_job.hpp"

class wxWindow;

namespace knotnotes::gui {

// Returns false when the user pressed Cancel (the job has then been asked to stop and has
// finished); `can_cancel` false hides Cancel (work that must run to its end once started).
bool run_job_with_progress(wxWindow* parent, const wxString& title, const wxString& message,
                           core::BackgroundJob& job, bool can_cancel = true);

}  // namespace knotnotes::gui
