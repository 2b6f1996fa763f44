// contraindications.hpp — the health-history conditions that change or forbid deep work.
//
// Specification
// - Intake::health_flags holds these ids. Ids are stable and never reused.
// - severity says what the therapist must do: `avoid` — no deep work where it applies (or at
//   all) without medical clearance; `caution` — adapt pressure and technique. The app shows
//   every flagged condition whenever the client is charted.
#pragma once

#include <array>
#include <string_view>

namespace knotnotes::sdk {

enum class Severity { caution, avoid };

struct Contraindication {
    std::string_view id;
    std::string_view label;
    Severity severity;
    std::string_view guidance;
};

// clang-format off
inline constexpr std::array<Contraindication, 15> contraindications{{
    {"anticoagulants", "Anticoagulant medication", Severity::caution, "Bruises easily: light to medium pressure, no deep stripping."},
    {"bleeding-disorder", "Bleeding disorder", Severity::avoid, "No deep work without medical clearance."},
    {"dvt-history", "Deep-vein thrombosis history", Severity::avoid, "No deep work on the legs; refer if calf pain or swelling."},
    {"recent-surgery", "Recent surgery", Severity::avoid, "Avoid the surgical area until cleared."},
    {"recent-fracture", "Recent fracture", Severity::avoid, "Avoid the fracture site until healed."},
    {"pregnancy", "Pregnancy", Severity::caution, "Side-lying, no deep pressure on the legs or abdomen."},
    {"osteoporosis", "Osteoporosis", Severity::caution, "No heavy pressure over bone, no tapotement."},
    {"cancer-treatment", "Cancer under treatment", Severity::caution, "Light pressure; avoid tumour, port and radiation sites."},
    {"diabetic-neuropathy", "Diabetes with neuropathy", Severity::caution, "Reduced sensation: light pressure on feet and legs."},
    {"varicose-veins", "Varicose veins", Severity::caution, "Light, no deep work over the veins."},
    {"skin-infection", "Skin infection or open wound", Severity::avoid, "Do not work over the area."},
    {"fever", "Fever or acute infection", Severity::avoid, "Reschedule the session."},
    {"uncontrolled-hypertension", "Uncontrolled high blood pressure", Severity::caution, "Avoid deep, prolonged pressure; monitor."},
    {"recent-whiplash", "Recent whiplash", Severity::avoid, "No deep neck work in the acute phase."},
    {"acute-inflammation", "Acute inflammation", Severity::avoid, "No deep work over the inflamed area."},
}};
// clang-format on

constexpr const Contraindication* find_contraindication(std::string_view id) {
    for (const auto& c : contraindications) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

}  // namespace knotnotes::sdk
