// progress_panel.hpp — the Progress tab: a client's pain before and after each session, each
// questionnaire's scores with the band of its smallest meaningful change around the first
// score, and the knots charted per muscle at each session. Drawn with wxGraphicsContext
// (anti-aliased, scales with the window); the numbers come from core::client_progress.
#pragma once

#include <map>
#include <string>

#include <wx/panel.h>

#include "core/client_progress.hpp"

namespace knotnotes::gui {

class ProgressPanel : public wxPanel {
  public:
    explicit ProgressPanel(wxWindow* parent);

    void show(core::ClientProgress progress, std::map<std::string, double> meaningful_changes);
    const core::ClientProgress& progress() const { return progress_; }

  private:
    void on_paint(wxPaintEvent& event);

    core::ClientProgress progress_;
    std::map<std::string, double> changes_;
};

}  // namespace knotnotes::gui
