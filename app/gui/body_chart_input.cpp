// body_chart_input.cpp — the body chart's pointer and keyboard input: hover, clicks that
// chart a knot, drags, the knot menu, referral lassos and type-ahead.
#include "body_chart_widget.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include <wx/menu.h>

#include "body_chart_drawing.hpp"
#include "body_chart_texts.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

using sdk::ChartView;
using namespace chart_text;

namespace {

constexpr int id_referral_draw = wxID_HIGHEST + 101;
constexpr int id_referral_clear = wxID_HIGHEST + 102;

}  // namespace

std::vector<ChartKey> BodyChartWidget::key_list() {
    return {
        {_("Type a muscle name"),
         _("find the muscle (\"up trap\"); add \" l\" or \" r\" for the side")},
        {_("Enter"), _("place a knot on the typed muscle, or edit the selected knot")},
        {_("Backspace"), _("take back the last typed letter")},
        {_("Page Up / Page Down"), _("choose the view a typed muscle is placed on")},
        {_("Left / Right, Up / Down"), _("select the previous / next knot")},
        {_("Ctrl+arrows (Shift: further)"), _("nudge the selected knot")},
        {_("Delete"), _("delete the selected knot")},
        {_("Menu or Shift+F10"), _("the selected knot's menu (edit, referral area, delete)")},
        {_("Ctrl+D"), _("switch between the surface and the deep muscles")},
        {_("Ctrl+= / Ctrl+- / Ctrl+0"), _("zoom in / out / reset (also Ctrl+wheel, pinch)")},
        {_("Escape"), _("clear what was typed, cancel a drag, clear the selection, reset zoom")},
        {_("Tab / Shift+Tab"), _("leave the chart")},
    };
}

// The label next to the pointer names what is under it: a marker, else the region a click
// would chart (the drop target while dragging), else why there is none.
void BodyChartWidget::update_hover(wxPoint pixel) {
    const bool inside = pixel != wxDefaultPosition;
    const auto target =
        inside ? target_at(pixel, !(press_ && press_->dragging)) : core::ChartTarget{};
    const sdk::ChartRegion* region = nullptr;
    ChartView view = hover_view_;
    if (!target.knot && target.charted) {
        view = target.charted->view;
        region = sdk::find_region(sdk::body_chart(look_.figure, view), target.charted->muscle_id,
                                  target.charted->side);
        current_view_ = view;
    }
    const sdk::Knot subject =
        target.knot ? knots_[*target.knot] : target.charted.value_or(sdk::Knot{});
    const int index = target.knot ? static_cast<int>(*target.knot) : -1;
    const wxString text = target.knot ? describe(subject, *target.knot)
                          : region    ? region_text(*region)
                          : target.miss == core::ChartMiss::no_muscle ? miss_text(target.miss)
                                                                      : wxString();
    const wxStockCursor cursor = read_only_ || text.empty() ? wxCURSOR_ARROW
                                 : target.knot              ? wxCURSOR_HAND
                                 : region                   ? wxCURSOR_CROSS
                                                            : wxCURSOR_ARROW;
    if (cursor != cursor_)
        SetCursor(wxCursor(cursor_ = cursor));
    // Repaint the old and the new highlight and label, nothing else.
    if (region != hover_region_ || view != hover_view_) {
        if (hover_region_)
            RefreshRect(region_rect(hover_view_, *hover_region_), false);
        if (region)
            RefreshRect(region_rect(view, *region), false);
    }
    RefreshRect(label_rect(), false);
    hover_region_ = region;
    hover_view_ = view;
    const bool changed = text != status_;
    status_ = text;
    label_at_ = inside ? pixel : wxDefaultPosition;
    RefreshRect(label_rect(), false);
    if (changed)
        send(EVT_CHART_HOVER, subject, index, text);
}

void BodyChartWidget::show_message(const wxString& text, wxPoint near) {
    RefreshRect(label_rect(), false);
    status_ = text;
    label_at_ = near;
    RefreshRect(label_rect(), false);
    send(EVT_CHART_HOVER, sdk::Knot{}, -1, text);
}

void BodyChartWidget::open_menu(std::size_t index) {
    if (read_only_ || index >= knots_.size())
        return;
    select_knot(index);
    sdk::Knot knot = knots_[index];  // a handler may replace knots_
    if (send(EVT_KNOT_MENU, knot, static_cast<int>(index)))
        return;
    wxMenu menu;
    menu.Append(wxID_EDIT, wxString::FromUTF8("&Edit…"));
    menu.Append(id_referral_draw, _("Draw &referral area"));
    if (!knot.referral_area.empty())
        menu.Append(id_referral_clear, _("&Clear referral area"));
    menu.Append(wxID_DELETE, _("&Delete"));
    const int choice = GetPopupMenuSelectionFromUser(menu);
    if (choice == wxID_EDIT || choice == wxID_DELETE) {
        send(choice == wxID_EDIT ? EVT_KNOT_EDIT : EVT_KNOT_DELETE, knot, static_cast<int>(index));
    } else if (choice == id_referral_draw) {
        referral_for_ = index;
        show_message(_("Drag round the area where this knot refers pain (Escape cancels)."),
                     label_at_);
    } else if (choice == id_referral_clear) {
        knot.referral_area.clear();
        knots_[index] = knot;
        Refresh();
        send(EVT_KNOT_REFERRAL, knot, static_cast<int>(index));
    }
}

// Moves a marker to where it was dropped if that is in a region (else it stays where it was);
// the owner commits the move.
void BodyChartWidget::move_knot(std::size_t index, const core::ViewPoint& to) {
    const auto moved = index < knots_.size() && !read_only_
                           ? core::knot_charted_at(knots_[index], look_, to.view, to.point)
                           : std::nullopt;
    Refresh();
    if (!moved)
        return;
    knots_[index] = *moved;
    send(EVT_KNOT_MOVED, *moved, static_cast<int>(index));
}

void BodyChartWidget::nudge(int dx, int dy, bool far) {
    if (!selected_ || read_only_)
        return;
    // Steps of 0.5 % (far: 2 %) of the view's height; x is scaled, the view is half as wide.
    const double step = far ? 0.02 : 0.005;
    const sdk::Knot& knot = knots_[*selected_];
    move_knot(*selected_,
              {knot.view, {knot.x + dx * step / core::chart_view_aspect, knot.y + dy * step}});
}

void BodyChartWidget::place_typed() {
    const auto found = core::find_typed_muscle(look_, current_view_, typed_.ToStdString());
    if (found.matches.empty()) {
        show_message(wxString::Format(_("Not on a muscle the chart knows: no muscle on the %s "
                                        "view matches \"%s\"."),
                                      view_caption(current_view_).Lower(), typed_),
                     wxDefaultPosition);
        return;
    }
    const sdk::ChartRegion& region = *found.matches.front();
    sdk::Knot knot;
    knot.muscle_id = region.muscle_id;
    knot.side = region.side;
    knot.view = current_view_;
    knot.x = region.centre.x;
    knot.y = region.centre.y;
    typed_.clear();
    Refresh();
    send(EVT_KNOT_PLACED, knot, -1);
}

void BodyChartWidget::cancel_press() {
    const bool had_press = press_.has_value() || !lasso_.empty();
    press_.reset();
    lasso_.clear();
    if (HasCapture())
        ReleaseMouse();
    if (had_press)
        Refresh();
}

void BodyChartWidget::on_left_down(wxMouseEvent& event) {
    SetFocus();
    cancel_press();
    if (referral_for_ && !read_only_) {
        lasso_.clear();
        CaptureMouse();
        press_ = Press{std::nullopt, event.GetPosition(), true, std::nullopt};
        return;
    }
    const auto marker = target_at(event.GetPosition()).knot;
    if (marker)
        select_knot(marker);
    press_ = Press{marker, event.GetPosition(), false, std::nullopt};
    CaptureMouse();
}

// A double click on a marker edits it; elsewhere it resets the zoom (and never charts a second
// knot where its first click already charted one).
void BodyChartWidget::on_double_click(wxMouseEvent& event) {
    cancel_press();
    const auto marker = target_at(event.GetPosition()).knot;
    if (marker && !read_only_)
        send(EVT_KNOT_EDIT, knots_[*marker], static_cast<int>(*marker));
    else if (!marker && zoom_.zoomed())
        reset_zoom();
}

void BodyChartWidget::on_motion(wxMouseEvent& event) {
    if (pan_from_) {
        const wxPoint moved = event.GetPosition() - *pan_from_;
        pan_from_ = event.GetPosition();
        set_zoom({zoom_.scale, zoom_.dx + moved.x, zoom_.dy + moved.y});
        return;
    }
    if (referral_for_ && press_ && *referral_for_ < knots_.size()) {
        // The lasso, in the knot's own view.
        for (const auto& place : layout()) {
            if (place.view == knots_[*referral_for_].view) {
                lasso_.push_back({(event.GetX() - place.box.x) / place.box.width,
                                  (event.GetY() - place.box.y) / place.box.height});
            }
        }
        Refresh();
        return;
    }
    if (press_ && press_->knot && !read_only_) {
        const wxPoint moved = event.GetPosition() - press_->at;
        // A few pixels of slack, so a click with a shaky hand is not a drag.
        if (press_->dragging || std::max(std::abs(moved.x), std::abs(moved.y)) > FromDIP(3)) {
            press_->dragging = true;
            press_->drop = core::locate(layout(), event.GetX(), event.GetY());
            Refresh();
        }
    }
    update_hover(event.GetPosition());
}

void BodyChartWidget::on_left_up(wxMouseEvent& event) {
    if (!press_)
        return;
    const Press press = *press_;
    std::vector<core::ChartPoint> lasso = std::move(lasso_);
    cancel_press();
    if (read_only_)
        return;
    if (referral_for_) {
        const std::size_t index = *referral_for_;
        referral_for_.reset();
        if (lasso.size() >= 3 && index < knots_.size()) {
            // At most 48 points: enough for a hand-drawn area, small to store.
            std::vector<core::ChartPoint> area;
            const std::size_t step = (lasso.size() + 47) / 48;
            for (std::size_t i = 0; i < lasso.size(); i += step)
                area.push_back(
                    {std::clamp(lasso[i].x, 0.0, 1.0), std::clamp(lasso[i].y, 0.0, 1.0)});
            knots_[index].referral_area = area;
            Refresh();
            send(EVT_KNOT_REFERRAL, knots_[index], static_cast<int>(index));
        }
        update_hover(event.GetPosition());
        return;
    }
    if (!press.knot) {  // a click on the figure charts a knot in the region there
        const auto target = target_at(event.GetPosition(), false);
        if (target.charted)
            send(EVT_KNOT_PLACED, *target.charted, -1);
        else
            show_message(miss_text(target.miss), event.GetPosition());
    } else if (const auto at = core::locate(layout(), event.GetX(), event.GetY());
               at && press.dragging) {
        move_knot(*press.knot, *at);
    }  // a click on a marker only selects it
}

void BodyChartWidget::on_right_down(wxMouseEvent& event) {
    SetFocus();
    cancel_press();
    if (const auto marker = target_at(event.GetPosition()).knot)
        open_menu(*marker);
    else
        event.Skip();  // the parent's own context menu, if it has one
}

void BodyChartWidget::on_context_menu(wxContextMenuEvent& event) {
    // From the keyboard (no position): the selected knot; a mouse right click is handled above.
    if (event.GetPosition() == wxDefaultPosition && selected_)
        open_menu(*selected_);
    else
        event.Skip();
}

void BodyChartWidget::on_key_down(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const int dx = key == WXK_LEFT ? -1 : key == WXK_RIGHT ? 1 : 0;
    const int dy = key == WXK_UP ? -1 : key == WXK_DOWN ? 1 : 0;
    const bool editable = selected_ && !read_only_;
    const wxSize size = GetClientSize();
    if ((dx || dy) && event.ControlDown()) {
        nudge(dx, dy, event.ShiftDown());
    } else if (dx || dy) {
        if (const auto next = core::next_knot(knots_, views_, selected_, dx + dy > 0))
            select_knot(next);
    } else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && !typed_.empty()) {
        if (!read_only_)
            place_typed();
    } else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && editable) {
        send(EVT_KNOT_EDIT, knots_[*selected_], static_cast<int>(*selected_));
    } else if (key == WXK_BACK) {
        if (!typed_.empty()) {
            typed_.RemoveLast();
            Refresh();
        }
    } else if (key == WXK_DELETE && editable) {
        send(EVT_KNOT_DELETE, knots_[*selected_], static_cast<int>(*selected_));
    } else if ((key == WXK_MENU || (key == WXK_F10 && event.ShiftDown())) && editable) {
        open_menu(*selected_);
    } else if (key == WXK_PAGEUP || key == WXK_PAGEDOWN) {
        auto it = std::find(views_.begin(), views_.end(), current_view_);
        if (!views_.empty()) {
            const std::size_t i = it == views_.end() ? 0 : std::size_t(it - views_.begin());
            const std::size_t n = views_.size();
            set_current_view(views_[(i + (key == WXK_PAGEDOWN ? 1 : n - 1)) % n]);
        }
    } else if (event.ControlDown() && (key == 'D' || key == 'd')) {
        set_layer(look_.layer == sdk::ChartLayer::surface ? sdk::ChartLayer::deep
                                                          : sdk::ChartLayer::surface);
    } else if (event.ControlDown() && (key == '=' || key == '+' || key == WXK_NUMPAD_ADD)) {
        set_zoom(core::zoom_about(zoom_, 1.25, size.x / 2.0, size.y / 2.0));
    } else if (event.ControlDown() && (key == '-' || key == WXK_NUMPAD_SUBTRACT)) {
        set_zoom(core::zoom_about(zoom_, 0.8, size.x / 2.0, size.y / 2.0));
    } else if (event.ControlDown() && key == '0') {
        reset_zoom();
    } else if (key == WXK_ESCAPE) {
        if (!typed_.empty()) {
            typed_.clear();
            Refresh();
        } else if (referral_for_ || press_) {
            referral_for_.reset();
            cancel_press();
        } else if (selected_) {
            select_knot(std::nullopt);
        } else if (zoom_.zoomed()) {
            reset_zoom();
        } else {
            event.Skip();
        }
    } else if (key == WXK_TAB) {
        Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward
                                   : wxNavigationKeyEvent::IsForward);
    } else {
        event.Skip();  // letters come back as wxEVT_CHAR
    }
}

void BodyChartWidget::on_char(wxKeyEvent& event) {
    const wxChar c = event.GetUnicodeKey();
    if (event.ControlDown() || event.AltDown() || c == WXK_NONE ||
        !(wxIsalnum(c) || c == ' ' || c == '-' || c == '\'')) {
        event.Skip();
        return;
    }
    if (typed_.empty() && c == ' ')
        return;
    typed_ += c;
    Refresh();
}

}  // namespace knotnotes::gui
