#include "core/window_lock.hpp"

#include <sodium.h>

#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/signing/signing_key.hpp"
#include "db/signing_key_repository.hpp"

namespace knotnotes::core {
namespace {

bool database_passphrase_is(RecordStore& store, const std::string& passphrase) {
    const auto& key = store.database().key();
    if (key.empty() || key.is_raw())
        return false;
    const auto& secret = key.sqlcipher_key();
    return secret.size() == passphrase.size() &&
           sodium_memcmp(secret.data(), passphrase.data(), secret.size()) == 0;
}

}  // namespace

LockSecret lock_secret(RecordStore& store) {
    const auto& key = store.database().key();
    if (!key.empty() && !key.is_raw())
        return LockSecret::database_passphrase;
    if (const auto current = store.current_practitioner()) {
        if (db::SigningKeyRepository(store.database()).signing_key_of(current->id))
            return LockSecret::signing_passphrase;
    }
    return LockSecret::none;
}

bool unlock_signing_with_database_passphrase(RecordStore& store) {
    const auto& key = store.database().key();
    const auto current = store.current_practitioner();
    if (key.empty() || key.is_raw() || !current)
        return false;
    try {
        store.signing_session().keep(
            PractitionerProfiles(store.database()).unlock(current->id, key.sqlcipher_key()));
        return true;
    } catch (const std::exception&) {
        return false;  // another passphrase (or no key): asked for when signing, as before
    }
}

bool passphrase_unlocks(RecordStore& store, const std::string& passphrase) {
    if (database_passphrase_is(store, passphrase))
        return true;
    const auto current = store.current_practitioner();
    if (!current)
        return lock_secret(store) == LockSecret::none;
    try {
        store.signing_session().keep(
            PractitionerProfiles(store.database()).unlock(current->id, passphrase));
        return true;
    } catch (const WrongPassphrase&) {
        return false;
    } catch (const std::exception&) {
        // No signing key: only the database passphrase (if any) unlocks.
        return lock_secret(store) == LockSecret::none;
    }
}

}  // namespace knotnotes::core
