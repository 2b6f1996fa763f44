// gui_test_support.hpp — what the GUI tests share: letting events run, real clicks and keys,
// finding windows by name, and a modal-dialog hook that answers the dialogs the app opens
// (as a user would, but without blocking the test), recording each one's title.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/modalhook.h>
#include <wx/uiaction.h>

#include "pch.hpp"

namespace knotnotes::test {

inline void let_events_run(int rounds = 20) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

inline void click(wxWindow* window, wxPoint at = wxDefaultPosition) {
    wxUIActionSimulator sim;
    const auto size = window->GetClientSize();
    sim.MouseMove(
        window->ClientToScreen(at == wxDefaultPosition ? wxPoint(size.x / 2, size.y / 2) : at));
    let_events_run(5);
    sim.MouseClick();
    let_events_run();
}

// A label as one line: wxStaticText::Wrap breaks long labels with newlines.
inline wxString unwrapped(const wxWindow* label) {
    auto text = label->GetLabel();
    text.Replace("\n", " ");
    return text;
}

template <typename T = wxWindow>
T* find_named(wxWindow* parent, const wxString& name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
}

// Every modal dialog the app opens while this lives is answered by `answer` (default: Cancel)
// instead of waiting for a person; `shown` lists their titles in order.
class DialogAnswers : public wxModalDialogHook {
  public:
    using Answer = std::function<int(wxDialog&)>;
    explicit DialogAnswers(Answer answer = {}) : answer_(std::move(answer)) { Register(); }
    ~DialogAnswers() override { Unregister(); }

    void answer_with(Answer answer) { answer_ = std::move(answer); }
    std::vector<wxString> shown;

  protected:
    int Enter(wxDialog* dialog) override {
        shown.push_back(dialog->GetTitle());
        return answer_ ? answer_(*dialog) : wxID_CANCEL;
    }

  private:
    Answer answer_;
};

}  // namespace knotnotes::test
