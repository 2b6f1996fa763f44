// chart_undo.hpp — undo for what the session editor deletes: knots, technique uses and
// pressure readings. Every delete is committed at once (autosave), so undo is a new write that
// puts the entry back as it was (same fields and uid, a new row id). Most recent first; the
// list belongs to one open session and is cleared when another is opened or it is signed.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

class SessionEditor;

class ChartUndo {
  public:
    void knot_removed(const sdk::Knot& knot) { removed_.emplace_back(knot); }
    void technique_removed(const sdk::TechniqueUse& use, std::string name) {
        removed_.emplace_back(NamedTechnique{use, std::move(name)});
    }
    void pressure_removed(const sdk::PressureReading& reading) { removed_.emplace_back(reading); }

    bool empty() const { return removed_.empty(); }
    std::size_t size() const { return removed_.size(); }
    void clear() { removed_.clear(); }
    // What the next undo puts back, as the undo bar says it: "Deleted knot: Upper trapezius,
    // left".
    std::string last_description() const;
    // Puts the most recently deleted entry back through `editor`; returns its description.
    // Throws what the editor throws (the entry then stays in the list).
    std::string undo(SessionEditor& editor);

  private:
    struct NamedTechnique {
        sdk::TechniqueUse use;
        std::string name;
    };
    using Entry = std::variant<sdk::Knot, NamedTechnique, sdk::PressureReading>;
    static std::string describe(const Entry& entry);
    std::vector<Entry> removed_;
};

// "Upper trapezius, left"; a region's name for a region id; the id itself when unknown.
std::string site_text(const std::string& site, sdk::Side side);

}  // namespace knotnotes::core
