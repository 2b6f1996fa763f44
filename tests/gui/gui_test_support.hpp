// gui_test_support.hpp — what the GUI tests share: letting events run, real clicks and keys,
// finding windows by name, and a modal-dialog hook that answers the dialogs the app opens
// (as a user would, but without blocking the test), recording each one's title.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/modalhook.h>
#include <wx/uiaction.h>

#include "core/record_store.hpp"
#include "pch.hpp"
#include "sample_records.hpp"

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

// Picks the first entry of `choice` whose text ends with `suffix` with the keyboard, as a user
// does: the focused control, Home, then Down until it is reached. False if it never is.
inline bool choose_with_keys(wxChoice* choice, const wxString& suffix) {
    choice->SetFocus();
    let_events_run(5);
    wxUIActionSimulator sim;
    sim.Char(WXK_HOME);
    let_events_run(3);
    for (unsigned i = 0; i <= choice->GetCount(); ++i) {
        if (choice->GetStringSelection().EndsWith(suffix))
            return true;
        sim.Char(WXK_DOWN);
        let_events_run(3);
    }
    return false;
}

// Answers a file dialog (from a modal hook) as a user does: types `path` into the GTK file
// chooser (a path opens its location field) and presses Enter, more than once if the first only
// closes the chooser's completion list. Cancels it rather than hang if it does not take the path.
inline void type_path_into(wxDialog& file_dialog, const std::string& path) {
    file_dialog.CallAfter([&file_dialog, path] {
        let_events_run(60);
        wxUIActionSimulator sim;
        sim.Text(path.c_str());
        let_events_run(30);
        for (int i = 0; i < 3 && file_dialog.IsModal(); ++i) {
            sim.Char(WXK_RETURN);
            let_events_run(30);
        }
        if (file_dialog.IsModal())
            file_dialog.EndModal(wxID_CANCEL);
    });
}

// For a DialogAnswers answer: when `d` is a file dialog, types `path` into it (once: wxGTK's
// file dialog passes the hook twice, its own ShowModal and then wxDialog's) and returns true,
// its answer then being wxID_NONE; `seen` keeps the dialog answered. False for any other dialog.
inline bool answer_file_dialog(wxDialog& d, wxDialog*& seen, const std::string& path) {
    if (!dynamic_cast<wxFileDialog*>(&d))
        return false;
    if (seen != &d) {
        seen = &d;
        type_path_into(d, path);
    }
    return true;
}

// Who is charting in `store`, with their key already unlocked for this app session (as after
// the "Who is charting?" dialog and the passphrase): new sessions and Sign go ahead at once.
inline sdk::Practitioner charting_with_unlocked_key(core::RecordStore& store) {
    sdk::Practitioner p{0, "Alex Morgan", "RMT"};
    p.registration = "CMTO-12345";
    p.id = db::PractitionerRepository(store.database()).add(p);
    store.signing_session().keep(test_signing_key(store.database(), p.id));
    return *store.current_practitioner();
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
