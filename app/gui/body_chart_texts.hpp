// body_chart_texts.hpp — the words the body chart shows (hover label, status line, messages),
// shared by its input handling and its painting.
#pragma once

#include <string>

#include <knotnotes/sdk/body_chart.hpp>
#include <knotnotes/sdk/records.hpp>

#include <wx/string.h>

#include "core/body_chart_geometry.hpp"

namespace knotnotes::gui::chart_text {

wxString side_word(sdk::Side side);
wxString muscle_name(const std::string& id);
// "Upper trapezius (left)", ", deep" added for a deep muscle.
wxString region_text(const sdk::ChartRegion& region);
// "2. Upper trapezius, right — active, tenderness 7/10, released"
wxString describe(const sdk::Knot& knot, std::size_t index);
// Why a click charted nothing.
wxString miss_text(core::ChartMiss miss);

}  // namespace knotnotes::gui::chart_text
