// contraindication_rules.hpp — what each contraindication forbids, as data, and the checks the
// session editor runs where a choice is made (the technique picker, the pressure controls) and
// before signing.
//
// A rule belongs to one contraindication id (sdk/contraindications.hpp) and may name
// - technique categories that conflict ("Deep tissue", "Trigger point"; "*" for any technique),
// - a highest pressure (0-10): more than that conflicts,
// - atlas regions where the rule applies (empty: everywhere).
// A site that is a muscle counts as its region; a choice with no site at all ("whole region /
// none") is checked against every rule, regions or not: better a warning too many than a
// missed one. Conditions whose area only the intake's free text names (recent surgery, a
// fracture site, skin infection, acute inflammation) have no rule: the banner names them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

struct ContraindicationRule {
    std::string_view contraindication_id;
    std::vector<std::string_view> technique_categories;
    std::optional<int> max_pressure;
    std::vector<std::string_view> regions;
};

const std::vector<ContraindicationRule>& contraindication_rules();

struct ContraindicationConflict {
    std::string contraindication_id;
    // One sentence a therapist reads at a glance, e.g. "Anticoagulant medication: pressure 8 is
    // above the 6 allowed (light to medium only)."
    std::string message;
};

// A technique of `category` at `pressure` (if given) on `site` (a muscle id, a region id, or
// empty), for a client with these health flags.
std::vector<ContraindicationConflict> technique_conflicts(const std::vector<std::string>& flags,
                                                          const std::string& category,
                                                          std::optional<int> pressure,
                                                          const std::string& site);

// Pressure `pressure` on `site` (a muscle or region id).
std::vector<ContraindicationConflict> pressure_conflicts(const std::vector<std::string>& flags,
                                                         const std::string& site, int pressure);

// Every conflict in a session: its techniques (their categories from `category_of`, which
// returns "" for an unknown technique) and its pressure readings. One message per conflict.
std::vector<ContraindicationConflict> session_conflicts(
    const std::vector<std::string>& flags, const sdk::Session& session,
    const std::function<std::string(const std::string&)>& category_of);

// The messages, one per line.
std::string conflict_text(const std::vector<ContraindicationConflict>& conflicts);

}  // namespace knotnotes::core
