// contraindication_rules.cpp — the rules, and the checks (see the header).
#include "core/contraindication_rules.hpp"

#include <algorithm>

#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>

namespace knotnotes::core {
namespace {

constexpr std::string_view deep = "Deep tissue";
constexpr std::string_view trigger = "Trigger point";
constexpr std::string_view any_technique = "*";

bool contains(const std::vector<std::string_view>& items, std::string_view item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

bool flagged(const std::vector<std::string>& flags, std::string_view id) {
    return std::find(flags.begin(), flags.end(), id) != flags.end();
}

// The region of a site: a region id as it is, a muscle's region, "" when unknown.
std::string_view region_of(const std::string& site) {
    if (sdk::is_region_id(site)) {
        for (const auto& r : sdk::atlas_regions) {
            if (r.id == site)
                return r.id;
        }
    }
    if (const auto* muscle = sdk::find_muscle(site))
        return muscle->region;
    return {};
}

std::string region_name(std::string_view id) {
    for (const auto& r : sdk::atlas_regions) {
        if (r.id == id)
            return std::string(r.name);
    }
    return std::string(id);
}

bool applies_at(const ContraindicationRule& rule, const std::string& site) {
    if (rule.regions.empty())
        return true;
    const auto region = region_of(site);
    return region.empty() || contains(rule.regions, region);
}

std::string label(const ContraindicationRule& rule) {
    const auto* c = sdk::find_contraindication(rule.contraindication_id);
    return c ? std::string(c->label) : std::string(rule.contraindication_id);
}

std::string where(const ContraindicationRule& rule, const std::string& site) {
    if (rule.regions.empty())
        return "";
    const auto region = region_of(site);
    return region.empty() ? " (it applies to some regions; no site was given)"
                          : " on the " + region_name(region);
}

void check_pressure(const ContraindicationRule& rule, const std::string& site, int pressure,
                    std::vector<ContraindicationConflict>& out) {
    if (rule.max_pressure && pressure > *rule.max_pressure) {
        out.push_back({std::string(rule.contraindication_id),
                       label(rule) + ": pressure " + std::to_string(pressure) + " is above the " +
                           std::to_string(*rule.max_pressure) + " allowed" + where(rule, site) +
                           "."});
    }
}

}  // namespace

const std::vector<ContraindicationRule>& contraindication_rules() {
    // Read with the guidance in sdk/contraindications.hpp: each rule is what its guidance says
    // in numbers (light 1-3, medium 4-6, deep 7-8 on the teaching scale).
    static const std::vector<ContraindicationRule> rules{
        {"anticoagulants", {deep}, 6, {}},
        {"bleeding-disorder", {deep, trigger}, 3, {}},
        {"dvt-history", {deep, trigger}, 3, {"thigh", "leg"}},
        {"pregnancy", {deep, trigger}, 4, {"abdomen", "thigh", "leg"}},
        {"osteoporosis", {}, 5, {}},
        {"cancer-treatment", {deep, trigger}, 3, {}},
        {"diabetic-neuropathy", {deep}, 3, {"leg"}},
        {"varicose-veins", {deep}, 3, {"thigh", "leg"}},
        {"fever", {any_technique}, std::nullopt, {}},
        {"uncontrolled-hypertension", {trigger}, 6, {}},
        {"recent-whiplash", {deep, trigger}, 4, {"head-neck"}},
    };
    return rules;
}

std::vector<ContraindicationConflict> technique_conflicts(const std::vector<std::string>& flags,
                                                          const std::string& category,
                                                          std::optional<int> pressure,
                                                          const std::string& site) {
    std::vector<ContraindicationConflict> out;
    for (const auto& rule : contraindication_rules()) {
        if (!flagged(flags, rule.contraindication_id) || !applies_at(rule, site))
            continue;
        if (contains(rule.technique_categories, any_technique)) {
            out.push_back({std::string(rule.contraindication_id),
                           label(rule) + ": no treatment today; reschedule the session."});
        } else if (!category.empty() && contains(rule.technique_categories, category)) {
            out.push_back(
                {std::string(rule.contraindication_id),
                 label(rule) + ": no " + category + " techniques" + where(rule, site) + "."});
        }
        if (pressure)
            check_pressure(rule, site, *pressure, out);
    }
    return out;
}

std::vector<ContraindicationConflict> pressure_conflicts(const std::vector<std::string>& flags,
                                                         const std::string& site, int pressure) {
    std::vector<ContraindicationConflict> out;
    for (const auto& rule : contraindication_rules()) {
        if (flagged(flags, rule.contraindication_id) && applies_at(rule, site))
            check_pressure(rule, site, pressure, out);
    }
    return out;
}

std::vector<ContraindicationConflict> session_conflicts(
    const std::vector<std::string>& flags, const sdk::Session& session,
    const std::function<std::string(const std::string&)>& category_of) {
    std::vector<ContraindicationConflict> out;
    auto add = [&](std::vector<ContraindicationConflict> found) {
        for (auto& c : found) {
            const bool seen = std::any_of(out.begin(), out.end(),
                                          [&](const auto& o) { return o.message == c.message; });
            if (!seen)
                out.push_back(std::move(c));
        }
    };
    for (const auto& t : session.techniques) {
        add(technique_conflicts(flags, category_of ? category_of(t.technique_id) : std::string(),
                                t.pressure, t.muscle_id));
    }
    for (const auto& r : session.pressure_readings)
        add(pressure_conflicts(flags, r.region, r.pressure));
    return out;
}

std::string conflict_text(const std::vector<ContraindicationConflict>& conflicts) {
    std::string out;
    for (const auto& c : conflicts) {
        if (!out.empty())
            out += "\n";
        out += c.message;
    }
    return out;
}

}  // namespace knotnotes::core
