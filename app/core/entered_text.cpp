#include "entered_text.hpp"

#include <knotnotes/sdk/xml_text.hpp>

namespace knotnotes::core {

void check_entered_text(std::string_view field, std::string_view text, std::size_t limit) {
    const auto problem = sdk::xml_text_problem(text);
    if (!problem.empty()) {
        throw EnteredTextRefused(
            std::string(field) + " cannot be saved: " + problem +
            ". This usually comes with text pasted from another program; remove that character "
            "(or retype the text) and save again.");
    }
    if (text.size() > limit) {
        throw EnteredTextRefused(
            std::string(field) + " is too long to be saved: " + std::to_string(text.size()) +
            " bytes, at most " + std::to_string(limit) + ". Shorten it and save again.");
    }
}

void check_entered_client(const sdk::Client& c) {
    check_entered_short_text("The given name", c.given_name);
    check_entered_short_text("The family name", c.family_name);
    check_entered_short_text("The birth date", c.birth_date);
    check_entered_short_text("The phone number", c.phone);
    check_entered_short_text("The email address", c.email);
    check_entered_short_text("The emergency contact", c.emergency_contact);
    check_entered_short_text("The occupation", c.occupation);
}

void check_entered_note(const sdk::Session& s) {
    check_entered_text("The Subjective note", s.subjective);
    check_entered_text("The Objective note", s.objective);
    check_entered_text("The Assessment note", s.assessment);
    check_entered_text("The Plan note", s.plan);
    check_entered_text("The amendment's reason", s.amendment_reason);
    check_entered_text("The contraindication acknowledgement", s.conflict_acknowledgement);
}

void check_entered_knot(const sdk::Knot& k) {
    check_entered_text("The knot's referral note", k.referral);
}

void check_entered_technique(const sdk::TechniqueUse& use) {
    check_entered_text("The technique's response", use.response);
}

void check_entered_intake(const sdk::Intake& i) {
    check_entered_text("The reason for the visit", i.reason_for_visit);
    check_entered_text("The goals", i.goals);
    check_entered_text("The activity", i.activity);
    check_entered_text("The medications", i.medications);
    check_entered_text("The allergies", i.allergies);
    check_entered_text("The surgeries and injuries", i.surgeries_injuries);
    check_entered_text("The areas to avoid", i.areas_to_avoid);
    check_entered_short_text("The consent's signer name", i.consent.signer_name);
    check_entered_text("The drawn consent signature", i.consent.signature_png_base64);
}

}  // namespace knotnotes::core
