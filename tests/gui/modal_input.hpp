// modal_input.hpp — answering a modal dialog with real input, as a user would. While a
// ModalInput lives, each modal dialog that opens runs (its real modal loop) and the next scripted
// answer is played into it from inside that loop: text typed into named fields with the
// keyboard (wxUIActionSimulator), then Enter or a click on its OK button.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/uiaction.h>

#include "pch.hpp"

namespace knotnotes::test {

inline void settle_events(int rounds = 20) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

// One answer: (field name, text) pairs typed in order (an empty name: the focused field), then OK.
struct ModalAnswer {
    std::vector<std::pair<std::string, std::string>> typed;
    std::string expect_title;  // if set, the dialog's title must contain it (else: Escape)
    std::vector<int> keys{};   // keys pressed after the typing (e.g. WXK_UP in a list)
};

class ModalInput : public wxModalDialogHook {
  public:
    ModalInput() { Register(); }
    ~ModalInput() override { Unregister(); }

    void answer(ModalAnswer a) { answers_.push_back(std::move(a)); }
    int shown() const { return shown_; }
    std::vector<std::string> titles() const { return titles_; }

  protected:
    int Enter(wxDialog* dialog) override {
        ++shown_;
        titles_.push_back(dialog->GetTitle().utf8_string());
        if (answers_.empty()) {
            // Nothing scripted: cancel it, so a test never hangs on a dialog it did not expect.
            dialog->CallAfter([dialog] { dialog->EndModal(wxID_CANCEL); });
            return wxID_NONE;
        }
        auto a = answers_.front();
        answers_.pop_front();
        dialog->CallAfter([dialog, a] { play(*dialog, a); });
        return wxID_NONE;  // show it for real
    }
    void Exit(wxDialog*) override {}

  private:
    static void play(wxDialog& dialog, const ModalAnswer& a) {
        settle_events();
        if (!a.expect_title.empty() &&
            dialog.GetTitle().utf8_string().find(a.expect_title) == std::string::npos) {
            dialog.EndModal(wxID_CANCEL);
            return;
        }
        wxUIActionSimulator sim;
        for (const auto& [name, text] : a.typed) {
            if (!name.empty()) {
                if (auto* field = wxWindow::FindWindowByName(name, &dialog))
                    field->SetFocus();
            }
            settle_events(5);
            sim.Text(text.c_str());
            settle_events(5);
        }
        for (const int key : a.keys) {
            sim.Char(key);
            settle_events(5);
        }
        if (auto* ok = dialog.FindWindow(wxID_OK)) {
            const auto size = ok->GetSize();
            sim.MouseMove(ok->ClientToScreen(wxPoint(size.x / 2, size.y / 2)));
            settle_events(5);
            sim.MouseClick();
        } else {
            sim.Char(WXK_RETURN);
        }
        settle_events();
    }

    std::deque<ModalAnswer> answers_;
    int shown_ = 0;
    std::vector<std::string> titles_;
};

// Plays a script with real input inside each modal dialog's own modal loop (the dialog is shown
// for real); a dialog the script leaves open is then cancelled, so a test never hangs on it,
// unless the script called let_dialog_run(): then input it queued is handled by the dialog's own
// loop (work that runs nested event loops, such as a progress dialog, needs that: they cannot
// run inside the script's wxYield). Message boxes are not shown: their text is kept in
// `messages` and they are answered OK. `titles` lists every dialog, in order.
class DialogScript : public wxModalDialogHook {
  public:
    using Script = std::function<void(wxDialog&)>;
    explicit DialogScript(Script script) : script_(std::move(script)) { Register(); }
    ~DialogScript() override { Unregister(); }
    void let_dialog_run() { let_run_ = true; }
    std::vector<std::string> titles;
    std::vector<std::string> messages;

  protected:
    int Enter(wxDialog* dialog) override {
        titles.push_back(dialog->GetTitle().utf8_string());
        if (auto* box = dynamic_cast<wxMessageDialogBase*>(dialog)) {
            messages.push_back(box->GetMessage().utf8_string());
            return wxID_OK;
        }
        dialog->CallAfter([this, dialog] {
            settle_events();
            let_run_ = false;
            script_(*dialog);
            if (let_run_)
                return;
            settle_events();
            if (dialog->IsModal())
                dialog->EndModal(wxID_CANCEL);
        });
        return wxID_NONE;
    }
    void Exit(wxDialog*) override {}

  private:
    Script script_;
    bool let_run_ = false;
};

// The "Who is charting?" dialog of a first run, answered.
inline ModalAnswer profile_answer(const std::string& name, const std::string& passphrase) {
    return {{{"practitioner-name", name},
             {"practitioner-credentials", "RMT"},
             {"practitioner-registration", "R-1234"},
             {"practitioner-passphrase", passphrase},
             {"practitioner-passphrase-again", passphrase}},
            "Who is charting"};
}

// The reason dialog (gui/reason_dialog.hpp: amending, signing with conflicts), answered.
inline ModalAnswer reason_answer(const std::string& reason) {
    return {{{"reason", reason}}, ""};
}

inline ModalAnswer passphrase_answer(const std::string& passphrase) {
    return {{{"", passphrase}}, "Sign"};
}

}  // namespace knotnotes::test
