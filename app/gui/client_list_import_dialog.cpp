#include "client_list_import_dialog.hpp"

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>

#include "core/record_store.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString utf8(const std::string& text) {
    return wxString::FromUTF8(text);
}

// The first value of a column in the file, so the user sees what the column holds.
std::string example_of(const core::CsvTable& table, std::size_t column) {
    for (const auto& row : table.rows) {
        if (column < row.fields.size() && !row.fields[column].empty()) {
            auto value = row.fields[column];
            std::replace(value.begin(), value.end(), '\n', ' ');
            if (value.size() <= 40)
                return value;
            std::size_t cut = 37;  // not inside a UTF-8 character
            while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
                --cut;
            return value.substr(0, cut) + "...";
        }
    }
    return {};
}

int choice_index(core::ClientColumn column) {
    const auto* begin = std::begin(core::all_client_columns);
    return static_cast<int>(std::find(begin, std::end(core::all_client_columns), column) - begin);
}

// One line of the preview: a client to import, or one skipped and why.
struct PreviewRow {
    int line = 0;
    sdk::Client client;
    std::string status;
};

// The preview as a virtual list: a client list of thousands shows at once.
class PreviewList : public wxListCtrl {
  public:
    explicit PreviewList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
        SetName("preview");
        const int widths[] = {45, 165, 95, 95, 130, 230};
        const wxString titles[] = {_("Line"),  _("Name"),  _("Born"),
                                   _("Phone"), _("Email"), _("Import")};
        for (int i = 0; i < 6; ++i)
            AppendColumn(titles[i], wxLIST_FORMAT_LEFT, FromDIP(widths[i]));
    }

    void set_rows(std::vector<PreviewRow> rows) {
        rows_ = std::move(rows);
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }

  private:
    wxString OnGetItemText(long item, long column) const override {
        const auto& row = rows_.at(static_cast<std::size_t>(item));
        switch (column) {
            case 0:
                return wxString::Format("%d", row.line);
            case 1:
                return utf8(row.client.given_name + " " + row.client.family_name);
            case 2:
                return utf8(row.client.birth_date);
            case 3:
                return utf8(row.client.phone);
            case 4:
                return utf8(row.client.email);
            default:
                return utf8(row.status);
        }
    }

    std::vector<PreviewRow> rows_;
};

}  // namespace

ClientListImportDialog::ClientListImportDialog(wxWindow* parent, core::RecordStore& store,
                                               const std::filesystem::path& file)
    : wxDialog(parent, wxID_ANY, _("Import a client list"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      store_(store),
      file_name_(file.string()) {
    try {
        table_ = core::read_csv(file);
    } catch (const core::CsvError& e) {
        problem_ = utf8(e.what()) + _("\n\nNothing was imported.");
    }
    build(file);
    if (table_)
        replan();
}

wxRadioButton* ClientListImportDialog::date_order_button(core::DateOrder order) const {
    return order == core::DateOrder::day_first     ? day_first_
           : order == core::DateOrder::month_first ? month_first_
                                                   : decide_;
}

void ClientListImportDialog::build(const std::filesystem::path& file) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("Clients from %s, a list exported from another system. Names, date "
                           "of birth and contact details are imported; clients already here "
                           "(same name and date of birth) are skipped."),
                         utf8(file.filename().string())));
    intro->Wrap(FromDIP(760));
    sizer->Add(intro, 0, wxEXPAND | wxALL, gap);
    if (table_) {
        auto* columns_box = new wxStaticBoxSizer(wxVERTICAL, this, _("What each column holds"));
        auto* scroller = new wxScrolledWindow(columns_box->GetStaticBox(), wxID_ANY);
        scroller->SetScrollRate(0, FromDIP(10));
        auto* grid = new wxFlexGridSizer(3, FromDIP(4), FromDIP(12));
        grid->AddGrowableCol(1, 1);
        for (const auto& title : {_("Column in the file"), _("First value"), _("Import as")}) {
            auto* heading = new wxStaticText(scroller, wxID_ANY, title);
            heading->SetFont(heading->GetFont().Bold());
            grid->Add(heading);
        }
        wxArrayString labels;
        for (const auto column : core::all_client_columns)
            labels.Add(utf8(core::client_column_label(column)));
        const auto guesses = core::recognise_client_columns(table_->header);
        for (std::size_t i = 0; i < table_->header.size(); ++i) {
            grid->Add(new wxStaticText(scroller, wxID_ANY, utf8(table_->header[i])), 0,
                      wxALIGN_CENTER_VERTICAL);
            auto* example = new wxStaticText(scroller, wxID_ANY, utf8(example_of(*table_, i)));
            example->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            grid->Add(example, 0, wxALIGN_CENTER_VERTICAL);
            auto* choice =
                new wxChoice(scroller, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels);
            choice->SetName(wxString::Format("column-%zu", i));
            choice->SetToolTip(wxString::Format(_("What the column \"%s\" is imported as"),
                                                utf8(table_->header[i])));
            choice->SetSelection(choice_index(guesses[i]));
            choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { replan(); });
            choices_.push_back(choice);
            grid->Add(choice, 0, wxEXPAND);
        }
        scroller->SetSizer(grid);
        grid->FitInside(scroller);
        const int rows_shown = std::min<int>(static_cast<int>(table_->header.size()) + 1, 6);
        scroller->SetMinSize(wxSize(
            FromDIP(600),
            rows_shown *
                (choices_.empty() ? FromDIP(30) : choices_[0]->GetBestSize().y + FromDIP(4))));
        columns_box->Add(scroller, 1, wxEXPAND | wxALL, FromDIP(4));
        sizer->Add(columns_box, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

        auto* dates = new wxBoxSizer(wxHORIZONTAL);
        dates->Add(new wxStaticText(this, wxID_ANY, _("Dates of birth:")), 0,
                   wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
        decide_ = new wxRadioButton(this, wxID_ANY, _("as the dates show"), wxDefaultPosition,
                                    wxDefaultSize, wxRB_GROUP);
        day_first_ = new wxRadioButton(this, wxID_ANY, _("day first (31/12/1980)"));
        month_first_ = new wxRadioButton(this, wxID_ANY, _("month first (12/31/1980)"));
        decide_->SetName("dates-decided");
        day_first_->SetName("dates-day-first");
        month_first_->SetName("dates-month-first");
        for (auto* b : {decide_, day_first_, month_first_}) {
            dates->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
            b->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { replan(); });
        }
        sizer->Add(dates, 0, wxEXPAND | wxALL, gap);

        preview_ = new PreviewList(this);
        preview_->SetMinSize(FromDIP(wxSize(760, 170)));
        sizer->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    }
    status_ = new wxStaticText(this, wxID_ANY, problem_);
    status_->SetName("status");
    sizer->Add(status_, 0, wxEXPAND | wxALL, gap);

    auto* buttons = new wxStdDialogButtonSizer;
    import_ = new wxButton(this, wxID_OK, _("&Import"));
    buttons->AddButton(import_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    import_->SetDefault();  // Enter imports, once the file can be imported
    import_->Enable(false);
    import_->Show(table_.has_value());
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (import())
            EndModal(wxID_OK);
    });
    SetSizerAndFit(sizer);
    if (status_)
        status_->Wrap(GetClientSize().x - 2 * gap);
}

void ClientListImportDialog::replan() {
    core::ClientListOptions options;
    for (auto* choice : choices_) {
        const int i = choice->GetSelection();
        options.columns.push_back(i >= 0 ? core::all_client_columns[i]
                                         : core::ClientColumn::ignored);
    }
    options.date_order = day_first_->GetValue()     ? core::DateOrder::day_first
                         : month_first_->GetValue() ? core::DateOrder::month_first
                                                    : core::DateOrder::unknown;
    plan_.reset();
    problem_.clear();
    try {
        plan_ = core::plan_client_list(*table_, file_name_, options,
                                       store_.client_records().identities());
    } catch (const core::DateOrderError& e) {
        problem_ = utf8(e.what());
        if (e.needs_choice())
            problem_ += _("\nChoose day first or month first above.");
    } catch (const std::exception& e) {
        problem_ = utf8(e.what());
    }
    show_preview();
}

void ClientListImportDialog::show_preview() {
    std::vector<PreviewRow> rows;
    wxString text = problem_;
    if (plan_) {
        for (const auto& c : plan_->clients)
            rows.push_back({c.line, c.client, "new client"});
        for (const auto& s : plan_->skipped)
            rows.push_back({s.line, s.client, "skipped: " + s.reason});
        std::sort(rows.begin(), rows.end(),
                  [](const PreviewRow& a, const PreviewRow& b) { return a.line < b.line; });
        text = wxString::Format(_("%s will be imported"),
                                utf8(core::clients_text(plan_->clients.size())));
        if (!plan_->skipped.empty()) {
            text += wxString::Format(_("; %s already known will be skipped"),
                                     utf8(core::clients_text(plan_->skipped.size())));
        }
        text += ".";
        if (plan_->clients.empty())
            text += _(" There is nobody new to import.");
    }
    static_cast<PreviewList*>(preview_)->set_rows(std::move(rows));
    status_->SetLabel(text);
    status_->SetForegroundColour(plan_ ? wxNullColour : wxColour(176, 0, 32));
    status_->Wrap(GetClientSize().x - FromDIP(16));
    import_->Enable(plan_ && !plan_->clients.empty());
    import_->SetLabel(
        plan_ && !plan_->clients.empty()
            ? wxString::Format(_("&Import %s"), utf8(core::clients_text(plan_->clients.size())))
            : wxString(_("&Import")));
    Layout();
}

bool ClientListImportDialog::import() {
    if (!plan_ || plan_->clients.empty())
        return false;
    try {
        const auto result = core::import_client_list(store_.client_records(), *plan_);
        summary_ = wxString::Format(
            _("Imported %s from %s."),
            utf8(core::clients_text(static_cast<std::size_t>(result.imported))), utf8(file_name_));
        if (!result.skipped.empty()) {
            summary_ +=
                wxString::Format(result.skipped.size() == 1 ? _("\n%s already known was skipped.")
                                                            : _("\n%s already known were skipped."),
                                 utf8(core::clients_text(result.skipped.size())));
        }
        return true;
    } catch (const std::exception& e) {
        problem_ = utf8(e.what()) + _("\nNothing was imported; the database is unchanged.");
        plan_.reset();
        show_preview();
        return false;
    }
}

}  // namespace knotnotes::gui
