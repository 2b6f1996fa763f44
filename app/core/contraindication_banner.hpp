// contraindication_banner.hpp — what the red/amber banner says whenever a client is charted.
//
// Built from the client's current intake, without any GUI: the flagged conditions
// (contraindications.hpp) grouped by what the therapist must do, their guidance, and the
// allergies (massage oils, nut oils, latex matter on the table). Severity: `avoid` when any
// flagged condition says avoid, else `caution`. Allergies alone make a caution banner; an
// allergy answer such as "none" or "NKA" counts as no allergies. A flag that is not a known
// condition (a newer file, a damaged import) is still shown, as a caution with its raw id,
// rather than silently dropped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

struct ContraindicationBanner {
    std::optional<sdk::Severity> severity;  // empty: nothing to show
    // One line, UTF-8, e.g. "Avoid deep work: Bleeding disorder, Deep-vein thrombosis history
    // · Caution: Anticoagulant medication · Allergies: nut oils, latex".
    std::string text;
    // One line per flagged condition, in the order of the text: "<label>: <guidance>".
    std::vector<std::string> guidance;
    std::string allergies;  // as recorded (trimmed); empty when none

    bool empty() const { return !severity.has_value(); }
};

ContraindicationBanner contraindication_banner(const sdk::Intake& intake);
// No intake yet: an empty banner.
ContraindicationBanner contraindication_banner(const std::optional<sdk::Intake>& intake);

// False for an empty answer and for the usual ways of saying "no allergies".
bool allergies_recorded(const std::string& allergies);

}  // namespace knotnotes::core
