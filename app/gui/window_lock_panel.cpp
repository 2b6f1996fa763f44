#include "window_lock_panel.hpp"

#include <wx/config.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/record_store.hpp"
#include "core/window_lock.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

WindowLockPanel::WindowLockPanel(wxFrame& frame, wxWindow& records, core::RecordStore& store)
    : wxPanel(&frame, wxID_ANY),
      frame_(frame),
      records_(records),
      store_(store),
      idle_timer_(this),
      last_activity_ms_(wxGetLocalTimeMillis()) {
    SetName("window-lock");
    auto* title = new wxStaticText(this, wxID_ANY, _("KnotNotes is locked"));
    title->SetFont(title->GetFont().Scaled(1.4f).Bold());
    wxString how;
    switch (core::lock_secret(store_)) {
        case core::LockSecret::database_passphrase:
            how =
                _("Type the database's passphrase (or your signing passphrase) to go back to "
                  "where you were.");
            break;
        case core::LockSecret::signing_passphrase:
            how = _("Type your signing passphrase to go back to where you were.");
            break;
        case core::LockSecret::none:
            how =
                _("No passphrase protects this database or practitioner yet, so Unlock opens "
                  "it for anyone: add a practitioner with a signing passphrase.");
            break;
    }
    auto* text = new wxStaticText(this, wxID_ANY, how);
    passphrase_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(280, -1)),
                                 wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    passphrase_->SetName("lock-passphrase");
    auto* button = new wxButton(this, wxID_ANY, _("Unlock"));
    button->SetName("lock-unlock");
    problem_ = new wxStaticText(this, wxID_ANY, {});
    problem_->SetName("lock-problem");
    problem_->SetForegroundColour(wxColour(170, 0, 0));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->AddStretchSpacer();
    column->Add(title, 0, wxALIGN_CENTER | wxALL, FromDIP(8));
    column->Add(text, 0, wxALIGN_CENTER | wxALL, FromDIP(8));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(passphrase_, 0, wxRIGHT, FromDIP(8));
    row->Add(button);
    column->Add(row, 0, wxALIGN_CENTER | wxALL, FromDIP(8));
    column->Add(problem_, 0, wxALIGN_CENTER | wxALL, FromDIP(8));
    column->AddStretchSpacer();
    SetSizer(column);
    Hide();

    const auto try_it = [this](wxCommandEvent&) { unlock(passphrase_->GetValue()); };
    button->Bind(wxEVT_BUTTON, try_it);
    passphrase_->Bind(wxEVT_TEXT_ENTER, try_it);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { check_idle(); });
    idle_timer_.Start(1000);  // always: a new idle time (View > Lock after…) applies at once
    wxEvtHandler::AddFilter(this);
}

WindowLockPanel::~WindowLockPanel() {
    wxEvtHandler::RemoveFilter(this);
}

int WindowLockPanel::idle_seconds_setting() {
    long seconds = 300;
    if (auto* config = wxConfigBase::Get(false))
        config->Read("/lock/idle_seconds", &seconds, 300L);
    return static_cast<int>(seconds < 0 ? 0 : seconds);
}

void WindowLockPanel::set_idle_seconds_setting(int seconds) {
    if (auto* config = wxConfigBase::Get(false)) {
        config->Write("/lock/idle_seconds", static_cast<long>(seconds < 0 ? 0 : seconds));
        config->Flush();
    }
}

int WindowLockPanel::FilterEvent(wxEvent& event) {
    const auto type = event.GetEventType();
    if (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
        type == wxEVT_MOTION || type == wxEVT_MOUSEWHEEL) {
        last_activity_ms_ = wxGetLocalTimeMillis();
    }
    return Event_Skip;
}

void WindowLockPanel::check_idle() {
    const int limit = idle_seconds_setting();
    if (locked_ || limit <= 0)
        return;
    if ((wxGetLocalTimeMillis() - last_activity_ms_).GetValue() >= limit * 1000LL)
        lock();
}

void WindowLockPanel::lock() {
    if (locked_)
        return;
    locked_ = true;
    // The signing key is forgotten too: a locked window cannot sign.
    store_.signing_session().forget();
    records_.Hide();
    if (auto* bar = frame_.GetMenuBar()) {
        for (size_t i = 0; i < bar->GetMenuCount(); ++i)
            bar->EnableTop(i, false);
    }
    frame_.GetSizer()->Replace(&records_, this);
    Show();
    passphrase_->Clear();
    problem_->SetLabel({});
    frame_.Layout();
    passphrase_->SetFocus();
}

bool WindowLockPanel::unlock(const wxString& passphrase) {
    if (!locked_)
        return true;
    if (!core::passphrase_unlocks(store_, passphrase.utf8_string())) {
        passphrase_->Clear();
        problem_->SetLabel(_("That is not the passphrase. Try again."));
        Layout();
        return false;
    }
    locked_ = false;
    passphrase_->Clear();
    Hide();
    frame_.GetSizer()->Replace(this, &records_);
    records_.Show();
    if (auto* bar = frame_.GetMenuBar()) {
        for (size_t i = 0; i < bar->GetMenuCount(); ++i)
            bar->EnableTop(i, true);
    }
    frame_.Layout();
    last_activity_ms_ = wxGetLocalTimeMillis();
    return true;
}

}  // namespace knotnotes::gui
