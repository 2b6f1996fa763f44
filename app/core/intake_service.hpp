// intake_service.hpp — reading and saving a client's intake, with the checks a front end needs.
//
// save() checks the intake first and throws IntakeValidationError (a std::invalid_argument)
// naming the field at fault, so a form can point at it; nothing is written then. A valid
// intake is stored as a NEW version (the old ones never change), recorded now, and the stored
// version is returned. The checks:
// - client_id: a client that exists;
// - preferred_pressure: empty, or 0–10;
// - health_flags: known contraindication ids only (contraindications.hpp); duplicates are
//   dropped and the ids are stored in the order of that table;
// - consent: when agreed, a real calendar date "YYYY-MM-DD" and the signer's typed name (the
//   drawn signature is optional); a date given without agreement must still be a real date.
// Storage errors (db::DatabaseError) pass through unchanged.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "core/calendar_date.hpp"  // is_calendar_date, for the intake's dates

namespace knotnotes::db {
class ClientRecords;
class Database;
class IntakeRecords;
}  // namespace knotnotes::db

namespace knotnotes::core {

enum class IntakeField { client, preferred_pressure, health_flags, consent_date, consent_signer };

// The name a person reads for a field: "Preferred pressure", "Consent date", ...
std::string_view intake_field_name(IntakeField field);

class IntakeValidationError : public std::invalid_argument {
  public:
    // The message is "<field name>: <problem>".
    IntakeValidationError(IntakeField field, const std::string& problem);
    IntakeField field() const { return field_; }

  private:
    IntakeField field_;
};

// True when the two intakes hold the same answers (ids, version and recorded time ignored):
// what an editor uses to tell whether anything would be lost on cancel.
bool same_answers(const sdk::Intake& a, const sdk::Intake& b);

class IntakeService {
  public:
    // A database file's intakes.
    explicit IntakeService(db::Database& db);
    // Either engine's (db/intake_records.hpp, db/client_records.hpp), kept by the caller.
    IntakeService(db::IntakeRecords& intakes, db::ClientRecords& clients);
    ~IntakeService();

    std::optional<sdk::Intake> current(sdk::Id client_id);
    // Throws IntakeValidationError; see the file comment. Ignores intake.id, version and
    // recorded_at.
    sdk::Intake save(const sdk::Intake& intake);
    std::vector<sdk::Intake> history(sdk::Id client_id);  // oldest first

    // The checks of save() without saving; returns the intake as it would be stored.
    sdk::Intake validated(const sdk::Intake& intake);

  private:
    std::unique_ptr<db::IntakeRecords> own_intakes_;  // a file's, made here
    std::unique_ptr<db::ClientRecords> own_clients_;
    db::IntakeRecords& intakes_;
    db::ClientRecords& clients_;
};

}  // namespace knotnotes::core
