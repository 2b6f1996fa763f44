#include "signing_key_repository.hpp"

#include "database.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"

namespace knotnotes::db {
namespace {

constexpr const char* select_columns =
    "SELECT id, practitioner_id, public_key, coalesce(sealed_secret_key, ''), "
    "coalesce(kdf_salt, ''), coalesce(kdf_opslimit, 0), coalesce(kdf_memlimit, 0), "
    "coalesce(nonce, ''), created_at FROM signing_keys ";

StoredSigningKey read(const Statement& st) {
    StoredSigningKey k;
    k.id = st.int64(0);
    k.practitioner_id = st.int64(1);
    k.public_key = st.text(2);
    k.sealed_secret_key = st.text(3);
    k.kdf_salt = st.text(4);
    k.kdf_opslimit = static_cast<std::uint64_t>(st.int64(5));
    k.kdf_memlimit = static_cast<std::uint64_t>(st.int64(6));
    k.nonce = st.text(7);
    k.created_at = st.text(8);
    return k;
}

std::optional<std::string> nonempty(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    return text;
}

std::optional<std::int64_t> nonzero(std::uint64_t value) {
    if (value == 0)
        return std::nullopt;
    return static_cast<std::int64_t>(value);
}

}  // namespace

sdk::Id SigningKeyRepository::add(const StoredSigningKey& k) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO signing_keys (practitioner_id, public_key, sealed_secret_key, kdf_salt, "
           "kdf_opslimit, kdf_memlimit, nonce, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind_all(k.practitioner_id, k.public_key, nonempty(k.sealed_secret_key),
                   nonempty(k.kdf_salt), nonzero(k.kdf_opslimit), nonzero(k.kdf_memlimit),
                   nonempty(k.nonce), k.created_at.empty() ? utc_now() : k.created_at)
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

void SigningKeyRepository::reseal(const StoredSigningKey& k) {
    Transaction transaction(db_);
    db_.prepare(
           "UPDATE signing_keys SET sealed_secret_key = ?, kdf_salt = ?, kdf_opslimit = ?, "
           "kdf_memlimit = ?, nonce = ? WHERE id = ?")
        ->bind_all(nonempty(k.sealed_secret_key), nonempty(k.kdf_salt), nonzero(k.kdf_opslimit),
                   nonzero(k.kdf_memlimit), nonempty(k.nonce), k.id)
        .run();
    if (db_.changes() != 1)
        throw DatabaseError(db_.file().string() + ": no signing key " + std::to_string(k.id));
    transaction.commit();
}

std::optional<StoredSigningKey> SigningKeyRepository::signing_key_of(sdk::Id practitioner_id) {
    auto st = db_.prepare(std::string(select_columns) +
                          "WHERE practitioner_id = ? AND sealed_secret_key IS NOT NULL "
                          "ORDER BY id DESC LIMIT 1");
    st->bind(1, practitioner_id);
    if (!st->step())
        return std::nullopt;
    return read(*st);
}

std::optional<StoredSigningKey> SigningKeyRepository::find(const std::string& public_key) {
    auto st = db_.prepare(std::string(select_columns) + "WHERE public_key = ?");
    st->bind(1, public_key);
    if (!st->step())
        return std::nullopt;
    return read(*st);
}

std::vector<StoredSigningKey> SigningKeyRepository::all() {
    std::vector<StoredSigningKey> keys;
    auto st = db_.prepare(std::string(select_columns) + "ORDER BY id");
    while (st->step())
        keys.push_back(read(*st));
    return keys;
}

}  // namespace knotnotes::db
