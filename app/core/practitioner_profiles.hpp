// practitioner_profiles.hpp — who is charting: the practitioners a person can chart and sign
// as on this computer, each with their signing key, and which of them is charting now.
//
// - create_profile() adds a real practitioner (name, credentials, registration number) with a
//   new Ed25519 key sealed under their passphrase, and makes them the current profile.
// - The current profile is remembered per database (by its installation id) in
//   <config_dir>/profiles.conf, so a shared computer can switch between practitioners and a
//   therapist with two databases is not mixed up. Demo practitioners are never a profile.
// - unlock() asks for nothing: the front end asks for the passphrase and passes it; the key is
//   then kept (SigningSession) for the rest of the app session, so a therapist types it once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "core/signing/signing_key.hpp"

namespace knotnotes::db {
class Database;
}

namespace knotnotes::core {

struct ProfileDetails {
    std::string name;
    std::string credentials;   // e.g. "RMT"
    std::string registration;  // licence or registration number
};

class PractitionerProfiles {
  public:
    explicit PractitionerProfiles(db::Database& db) : db_(db) {}

    // Throws std::invalid_argument (no name, a short passphrase) in words to show.
    sdk::Practitioner create_profile(const ProfileDetails& details, std::string_view passphrase);
    void update_profile(const sdk::Practitioner& practitioner);

    // Real practitioners of this database (never the demo ones), oldest first.
    std::vector<sdk::Practitioner> profiles();
    // The profile charting now: the one chosen last on this computer for this database, else the
    // only one there is; none when the database has no real practitioner yet (the first run).
    std::optional<sdk::Practitioner> current();
    void choose(sdk::Id practitioner_id);  // std::invalid_argument for a demo or unknown id

    // Names the current profile as the actor of every change recorded in the audit log from now
    // on ("Name <uid>"); without one, the login, marked as such.
    void act_as_current();

    // The practitioner's key, unlocked. WrongPassphrase; std::runtime_error without a key.
    std::unique_ptr<UnlockedKey> unlock(sdk::Id practitioner_id, std::string_view passphrase);
    void change_passphrase(sdk::Id practitioner_id, std::string_view old_passphrase,
                           std::string_view new_passphrase);

  private:
    db::Database& db_;
};

// The unlocked key of the practitioner charting in this app session, if they gave their
// passphrase: what signing uses, so the passphrase is asked for once per app session.
class SigningSession {
  public:
    const UnlockedKey* key_for(sdk::Id practitioner_id) const {
        return key_ && key_->practitioner_id() == practitioner_id ? key_.get() : nullptr;
    }
    const UnlockedKey* key() const { return key_.get(); }  // none until a passphrase is given
    void keep(std::unique_ptr<UnlockedKey> key) { key_ = std::move(key); }
    void forget() { key_.reset(); }  // the app locks, or the profile changes

  private:
    std::unique_ptr<UnlockedKey> key_;
};

}  // namespace knotnotes::core
