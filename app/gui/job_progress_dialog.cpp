#include "job_progress_dialog.hpp"

#include <wx/progdlg.h>

#include "pch.hpp"

namespace knotnotes::gui {

bool run_job_with_progress(wxWindow* parent, const wxString& title, const wxString& message,
                           core::BackgroundJob& job, bool can_cancel) {
    constexpr int range = 1000;
    int style = wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE;
    if (can_cancel)
        style |= wxPD_CAN_ABORT;
    wxProgressDialog progress(title, message, range, parent, style);
    progress.SetName("job-progress");
    bool cancelled = false;
    while (!job.done()) {
        const double done = job.progress();
        // Update/Pulse run the event loop: windows repaint, Cancel can be clicked.
        const bool go_on =
            done < 0 ? progress.Pulse()
                     : progress.Update(std::min(range - 1, static_cast<int>(done * range)));
        if (!go_on && !cancelled) {
            cancelled = true;
            job.cancel();
            progress.Pulse(_("Stopping..."));
        }
        wxMilliSleep(20);
    }
    return !cancelled;
}

}  // namespace knotnotes::gui
