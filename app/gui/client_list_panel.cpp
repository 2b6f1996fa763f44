#include "client_list_panel.hpp"

#include <wx/srchctrl.h>

#include "pch.hpp"

namespace knotnotes::gui {

wxDEFINE_EVENT(EVT_CLIENT_SELECTED, wxCommandEvent);

// wxLC_VIRTUAL: the control asks for the text of the rows it shows, nothing more.
class ClientListPanel::VirtualList : public wxListCtrl {
  public:
    VirtualList(wxWindow* parent, core::ClientDirectory& directory)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_NO_HEADER),
          directory_(directory) {
        AppendColumn(_("Client"));
    }

    wxString OnGetItemText(long item, long) const override {
        try {
            return wxString::FromUTF8(directory_.row(item).display_name());
        } catch (const std::exception&) {
            return wxEmptyString;  // the list changed under us; the next refresh fixes it
        }
    }

  private:
    core::ClientDirectory& directory_;
};

ClientListPanel::ClientListPanel(wxWindow* parent, core::ClientDirectory& directory)
    : wxPanel(parent), directory_(directory) {
    search_ = new wxSearchCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxTE_PROCESS_ENTER);
    search_->SetName("client-search");
    search_->SetDescriptiveText(wxString::FromUTF8("Search clients (Ctrl+F)…"));
    search_->ShowCancelButton(true);
    list_ = new VirtualList(this, directory_);
    list_->SetName("client-list");
    status_ = new wxStaticText(this, wxID_ANY, wxEmptyString);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(search_, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(status_, 0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { apply_filter(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        search_->Clear();
        apply_filter();
    });
    // Enter in the search box opens the first match; Down moves into the list.
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (list_->GetItemCount() > 0) {
            highlight_row(0);
            list_->SetFocus();
        }
    });
    search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && list_->GetItemCount() > 0) {
            list_->SetFocus();
            highlight_row(0);
        } else {
            e.Skip();
        }
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { on_selected(e.GetIndex()); });
    // Moving the selection deselects the old row first: only a selection that stays empty
    // (Ctrl+click on the highlighted row) means "no client".
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        if (syncing_)
            return;
        CallAfter([this] {
            if (list_->GetSelectedItemCount() == 0)
                on_selected(-1);
        });
    });
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        list_->SetColumnWidth(0, list_->GetClientSize().GetWidth());
        e.Skip();
    });
    refresh();
}

void ClientListPanel::focus_search() {
    search_->SetFocus();
    search_->SelectAll();
}

void ClientListPanel::apply_filter() {
    directory_.set_filter(search_->GetValue().utf8_string());
    // The rows are new: the old row numbers name other clients now.
    // The pane's client keeps the highlight while it is listed; when it is not, no row is
    // highlighted (selected_client() 0) until the therapist picks one.
    const long row = announced_ > 0 ? directory_.index_of(announced_) : -1;
    list_->SetItemCount(directory_.size());
    clear_highlight();
    selected_ = row >= 0 ? announced_ : 0;
    if (row >= 0) {
        syncing_ = true;
        list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(row);
        syncing_ = false;
    }
    list_->Refresh();
    if (directory_.filter().empty()) {
        status_->SetLabel(
            wxString::Format(_("%lld clients"), static_cast<long long>(directory_.size())));
    } else if (directory_.capped()) {
        status_->SetLabel(
            wxString::Format(_("First %lld matches"), static_cast<long long>(directory_.size())));
    } else {
        status_->SetLabel(
            wxString::Format(_("%lld matches"), static_cast<long long>(directory_.size())));
    }
}

void ClientListPanel::refresh() {
    directory_.refresh();
    apply_filter();
}

bool ClientListPanel::select_client(sdk::Id client_id) {
    const auto row = directory_.index_of(client_id);
    if (row < 0)
        return false;
    highlight_row(row);
    return true;
}

void ClientListPanel::highlight_row(long row) {
    list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(row);
    // A row that was already selected sends no event: announce it ourselves (on_selected
    // ignores a repeat).
    on_selected(row);
}

void ClientListPanel::clear_highlight() {
    syncing_ = true;
    for (long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row >= 0;
         row = list_->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) {
        list_->SetItemState(row, 0, wxLIST_STATE_SELECTED);
    }
    syncing_ = false;
}

void ClientListPanel::on_selected(long row) {
    if (syncing_)
        return;
    sdk::Id id = 0;
    if (row >= 0) {
        try {
            id = directory_.row(row).id;
        } catch (const std::exception&) {
            return;
        }
    }
    selected_ = id;
    if (id == announced_)
        return;
    announced_ = id;
    wxCommandEvent event(EVT_CLIENT_SELECTED, GetId());
    event.SetEventObject(this);
    event.SetExtraLong(static_cast<long>(selected_));
    ProcessWindowEvent(event);
}

}  // namespace knotnotes::gui
