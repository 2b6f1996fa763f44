// intake_records.hpp — a client's intake versions, on either engine: the storage seam
// core::IntakeService reads and saves through. Only the backend behind it knows whether it is a
// SQLite file's repository or a clinic server.
//
// The meaning is the same on both: a save is a new version, the one after the client's newest
// (the old ones never change), recorded now and given a new uid unless the intake brings its
// own. Two saves at the same moment (two computers on one server) each get a version of their
// own, never one twice. On a clinic server the server decides who may read and write a client's
// intake (its row-level security: the front desk neither).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

class IntakeRecords {
  public:
    virtual ~IntakeRecords() = default;
    // Ignores intake.id and intake.version; returns the new version's id.
    virtual sdk::Id save(const sdk::Intake& intake) = 0;
    virtual std::optional<sdk::Intake> get(sdk::Id id) = 0;
    // The newest version.
    virtual std::optional<sdk::Intake> current(sdk::Id client_id) = 0;
    // Oldest first.
    virtual std::vector<sdk::Intake> versions(sdk::Id client_id) = 0;
};

// A SQLite file's (IntakeRepository), kept by the caller.
std::unique_ptr<IntakeRecords> file_intake_records(Database& file);

// A clinic server's at `address`, on a connection of its own (the password and errors as for
// connect_clinic_directory in clinic_directory.hpp).
std::unique_ptr<IntakeRecords> connect_intake_records(const std::string& address,
                                                      std::optional<std::string> password);

}  // namespace knotnotes::db
