// session_editor_helpers.hpp — small helpers the session editor's files share (the panel is
// split by concept: session_editor_panel.cpp, _note_form, _pressure_page, _signing, _printing).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <wx/choice.h>
#include <wx/string.h>

namespace knotnotes::gui::session_editor_detail {

inline wxString utf8(std::string_view s) {
    return wxString::FromUTF8(std::string(s));
}

// Pain choices: "not recorded" first (an empty state, not a number), then 0..10.
inline void fill_pain_choice(wxChoice* choice) {
    choice->Append(_("not recorded"));
    for (int i = 0; i <= 10; ++i)
        choice->Append(wxString::Format("%d", i));
}

inline std::optional<int> pain_of(const wxChoice* choice) {
    const int i = choice->GetSelection();
    return i <= 0 ? std::optional<int>() : std::optional<int>(i - 1);
}

inline int pain_index(const std::optional<int>& pain) {
    return pain ? *pain + 1 : 0;
}

}  // namespace knotnotes::gui::session_editor_detail
