// intake_service.cpp — validation and versioned saving of intakes (see intake_service.hpp).
#include "core/intake_service.hpp"

#include <knotnotes/sdk/contraindications.hpp>

#include <algorithm>

#include "core/entered_text.hpp"
#include "core/plain_text.hpp"
#include "db/client_records.hpp"
#include "db/intake_records.hpp"

namespace knotnotes::core {

std::string_view intake_field_name(IntakeField field) {
    switch (field) {
        case IntakeField::client:
            return "Client";
        case IntakeField::preferred_pressure:
            return "Preferred pressure";
        case IntakeField::health_flags:
            return "Health history";
        case IntakeField::consent_date:
            return "Consent date";
        case IntakeField::consent_signer:
            return "Signer name";
    }
    return "Intake";
}

IntakeValidationError::IntakeValidationError(IntakeField field, const std::string& problem)
    : std::invalid_argument(std::string(intake_field_name(field)) + ": " + problem),
      field_(field) {}

bool same_answers(const sdk::Intake& a, const sdk::Intake& b) {
    auto flags_a = a.health_flags, flags_b = b.health_flags;
    std::sort(flags_a.begin(), flags_a.end());
    std::sort(flags_b.begin(), flags_b.end());
    return a.client_id == b.client_id && a.reason_for_visit == b.reason_for_visit &&
           a.goals == b.goals && a.activity == b.activity && flags_a == flags_b &&
           a.medications == b.medications && a.allergies == b.allergies &&
           a.surgeries_injuries == b.surgeries_injuries && a.areas_to_avoid == b.areas_to_avoid &&
           a.preferred_pressure == b.preferred_pressure && a.consent.agreed == b.consent.agreed &&
           a.consent.date == b.consent.date && a.consent.signer_name == b.consent.signer_name &&
           a.consent.signature_png_base64 == b.consent.signature_png_base64;
}

IntakeService::IntakeService(db::Database& db)
    : own_intakes_(db::file_intake_records(db)),
      own_clients_(db::file_client_records(db)),
      intakes_(*own_intakes_),
      clients_(*own_clients_) {}

IntakeService::IntakeService(db::IntakeRecords& intakes, db::ClientRecords& clients)
    : intakes_(intakes), clients_(clients) {}

IntakeService::~IntakeService() = default;

sdk::Intake IntakeService::validated(const sdk::Intake& intake) {
    sdk::Intake result = intake;
    result.id = 0;
    result.recorded_at.clear();  // a new version is recorded now
    check_entered_intake(intake);

    if (intake.client_id <= 0 || !clients_.get(intake.client_id)) {
        throw IntakeValidationError(IntakeField::client, "no client with id " +
                                                             std::to_string(intake.client_id) +
                                                             " in " + clients_.where() + ".");
    }
    if (intake.preferred_pressure &&
        (*intake.preferred_pressure < 0 || *intake.preferred_pressure > 10)) {
        throw IntakeValidationError(
            IntakeField::preferred_pressure,
            "must be between 0 and 10 (it is " + std::to_string(*intake.preferred_pressure) + ").");
    }
    for (const auto& flag : intake.health_flags) {
        if (!sdk::find_contraindication(flag)) {
            throw IntakeValidationError(IntakeField::health_flags,
                                        "\"" + flag + "\" is not a known condition.");
        }
    }
    result.health_flags.clear();
    for (const auto& c : sdk::contraindications) {
        if (std::find(intake.health_flags.begin(), intake.health_flags.end(), c.id) !=
            intake.health_flags.end()) {
            result.health_flags.emplace_back(c.id);
        }
    }

    result.consent.date = trimmed(intake.consent.date);
    result.consent.signer_name = trimmed(intake.consent.signer_name);
    if (intake.consent.agreed && result.consent.date.empty()) {
        throw IntakeValidationError(IntakeField::consent_date,
                                    "the date of consent is required when the client agrees.");
    }
    if (!result.consent.date.empty() && !is_calendar_date(result.consent.date)) {
        throw IntakeValidationError(IntakeField::consent_date, "\"" + result.consent.date +
                                                                   "\" is not a real date "
                                                                   "(YYYY-MM-DD).");
    }
    if (intake.consent.agreed && result.consent.signer_name.empty()) {
        throw IntakeValidationError(IntakeField::consent_signer,
                                    "type the name of the person who agrees to treatment.");
    }
    return result;
}

std::optional<sdk::Intake> IntakeService::current(sdk::Id client_id) {
    return intakes_.current(client_id);
}

sdk::Intake IntakeService::save(const sdk::Intake& intake) {
    // Each save is a new version, a record of its own: it never takes the uid of the version
    // it was edited from.
    auto checked = validated(intake);
    checked.uid.clear();
    const auto id = intakes_.save(checked);
    auto stored = intakes_.get(id);
    if (!stored)
        throw std::runtime_error("the saved intake could not be read back");
    return *stored;
}

std::vector<sdk::Intake> IntakeService::history(sdk::Id client_id) {
    return intakes_.versions(client_id);
}

}  // namespace knotnotes::core
