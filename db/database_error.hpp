// database_error.hpp — what can go wrong with a KnotNotes database, as exception types.
//
// Every message names the database file and the problem in words a therapist can act on.
//   DatabaseError    any storage failure, SQLite file or clinic server (base class)
//   DatabaseRefused  the file is not one we may open: not SQLite, another application's, or
//                    written by a newer KnotNotes. Thrown before anything is written.
//   DatabaseDamaged  (a DatabaseRefused) the file is a damaged database
//   DatabaseLocked   (a DatabaseRefused) the file is an encrypted KnotNotes database and no key,
//                    or not the right one, was given. Nothing was changed.
//   DatabaseBusy     another program holds the write lock longer than we wait.
//   RecordLocked     the change touches a signed session (or another record that is never
//                    changed): make an amendment instead.
//   LoginRefused     (a DatabaseRefused; clinic server) the login was refused: a wrong password,
//                    an unknown or a disabled login.
//   PasswordNeeded   (a LoginRefused) the server asks for a password and none was given.
//   AccessDenied     (clinic server) the login's role does not allow this; the server decides.
//   EditConflict     (clinic server) someone else changed the record since it was read: reload.
//   DuplicateRecord  (clinic server) a record with the same identity (its uid) is already there.
#pragma once

#include <stdexcept>
#include <string>

namespace knotnotes::db {

class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class DatabaseRefused : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The file is ours (or SQLite) but damaged: SQLite cannot read it, or its checks fail.
class DatabaseDamaged : public DatabaseRefused {
  public:
    using DatabaseRefused::DatabaseRefused;
};

// Encrypted, and the key given (or none) does not open it; `file()` names the database.
class DatabaseLocked : public DatabaseRefused {
  public:
    using DatabaseRefused::DatabaseRefused;
};

class DatabaseBusy : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

class RecordLocked : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

class LoginRefused : public DatabaseRefused {
  public:
    using DatabaseRefused::DatabaseRefused;
};

class PasswordNeeded : public LoginRefused {
  public:
    using LoginRefused::LoginRefused;
};

class AccessDenied : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

class EditConflict : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

class DuplicateRecord : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

}  // namespace knotnotes::db
