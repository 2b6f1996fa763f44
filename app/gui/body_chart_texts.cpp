// body_chart_texts.cpp — the words the body chart shows.
#include "body_chart_texts.hpp"

#include "pch.hpp"

namespace knotnotes::gui::chart_text {

wxString side_word(sdk::Side side) {
    return side == sdk::Side::right ? _("right") : _("left");
}

wxString muscle_name(const std::string& id) {
    const auto* m = sdk::find_muscle(id);
    return wxString::FromUTF8(m ? std::string(m->name) : id);
}

wxString region_text(const sdk::ChartRegion& region) {
    wxString text = muscle_name(region.muscle_id) + " (" + side_word(region.side) + ")";
    if (region.depth >= 3)
        text += _(", deep");
    return text;
}

// "2. Upper trapezius, right — active, tenderness 7/10, released"
wxString describe(const sdk::Knot& knot, std::size_t index) {
    wxString text = wxString::Format("%d. %s, %s", static_cast<int>(index + 1),
                                     muscle_name(knot.muscle_id), side_word(knot.side));
    text << wxString::FromUTF8(" — ")
         << (knot.kind == sdk::KnotKind::active ? _("active") : _("latent"))
         << wxString::Format(_(", tenderness %d/10"), knot.tenderness);
    if (knot.result != sdk::KnotResult::untreated)
        text << ", " << wxString::FromUTF8(std::string(sdk::to_text(knot.result)));
    if (knot.previous_knot_id)
        text << _(", carried forward");
    return text;
}

wxString miss_text(core::ChartMiss miss) {
    return miss == core::ChartMiss::no_muscle
               ? _("Not on a muscle the chart knows: no atlas muscle is drawn here.")
               : _("Not on a muscle the chart knows: outside the figure.");
}

}  // namespace knotnotes::gui::chart_text
