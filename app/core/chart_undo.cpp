#include "core/chart_undo.hpp"

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "core/session_editor.hpp"

namespace knotnotes::core {

std::string site_text(const std::string& site, sdk::Side side) {
    std::string name = site;
    if (const auto* m = sdk::find_muscle(site))
        name = std::string(m->name);
    for (const auto& r : sdk::atlas_regions) {
        if (r.id == site)
            name = std::string(r.name);
    }
    if (name.empty())
        name = "whole region";
    return name + ", " + std::string(sdk::to_text(side));
}

std::string ChartUndo::describe(const Entry& entry) {
    if (const auto* knot = std::get_if<sdk::Knot>(&entry))
        return "Deleted knot: " + site_text(knot->muscle_id, knot->side);
    if (const auto* t = std::get_if<NamedTechnique>(&entry))
        return "Deleted technique: " + t->name + " (" + site_text(t->use.muscle_id, t->use.side) +
               ")";
    const auto& r = std::get<sdk::PressureReading>(entry);
    return "Cleared pressure: " + site_text(r.region, r.side) + " " + std::to_string(r.pressure) +
           "/10";
}

std::string ChartUndo::last_description() const {
    return removed_.empty() ? std::string() : describe(removed_.back());
}

std::string ChartUndo::undo(SessionEditor& editor) {
    if (removed_.empty())
        return {};
    const auto& entry = removed_.back();
    if (const auto* knot = std::get_if<sdk::Knot>(&entry)) {
        editor.restore_knot(*knot);
    } else if (const auto* t = std::get_if<NamedTechnique>(&entry)) {
        editor.add_technique(t->use);
    } else {
        const auto& r = std::get<sdk::PressureReading>(entry);
        editor.set_pressure(r.region, r.side, r.pressure);
    }
    auto text = describe(entry);
    removed_.pop_back();
    return text;
}

}  // namespace knotnotes::core
