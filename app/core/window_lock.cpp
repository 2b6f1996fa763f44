#include "core/window_lock.hpp"

#include <sodium.h>

#include "core/record_store.hpp"
#include "core/signing/signing_key.hpp"

namespace knotnotes::core {
namespace {

// A file encrypted with a passphrase (not a raw keyring key); none on a clinic server, whose
// login's password is not a lock's secret.
const db::DatabaseKey* database_passphrase(RecordStore& store) {
    const auto* key = store.database_key();
    return key && !key->empty() && !key->is_raw() ? key : nullptr;
}

bool database_passphrase_is(RecordStore& store, const std::string& passphrase) {
    const auto* key = database_passphrase(store);
    if (!key)
        return false;
    const auto& secret = key->sqlcipher_key();
    return secret.size() == passphrase.size() &&
           sodium_memcmp(secret.data(), passphrase.data(), secret.size()) == 0;
}

}  // namespace

LockSecret lock_secret(RecordStore& store) {
    if (database_passphrase(store))
        return LockSecret::database_passphrase;
    if (const auto current = store.current_practitioner()) {
        if (store.has_signing_key(current->id))
            return LockSecret::signing_passphrase;
    }
    return LockSecret::none;
}

bool unlock_signing_with_database_passphrase(RecordStore& store) {
    const auto* key = database_passphrase(store);
    const auto current = store.current_practitioner();
    if (!key || !current)
        return false;
    try {
        store.signing_session().keep(store.unlock_signing_key(current->id, key->sqlcipher_key()));
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
        store.signing_session().keep(store.unlock_signing_key(current->id, passphrase));
        return true;
    } catch (const WrongPassphrase&) {
        return false;
    } catch (const std::exception&) {
        // No signing key: only the database passphrase (if any) unlocks.
        return lock_secret(store) == LockSecret::none;
    }
}

}  // namespace knotnotes::core
