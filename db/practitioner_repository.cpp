#include "practitioner_repository.hpp"

#include "database.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"
#include "uid.hpp"

namespace knotnotes::db {
namespace {

// The public key is the practitioner's newest signing key.
constexpr const char* select_columns =
    "SELECT p.id, p.name, p.credentials, coalesce(p.uid, ''), p.registration, "
    "coalesce((SELECT k.public_key FROM signing_keys k WHERE k.practitioner_id = p.id "
    "ORDER BY k.id DESC LIMIT 1), '') FROM practitioners p";

sdk::Practitioner read(const Statement& st) {
    sdk::Practitioner p;
    p.id = st.int64(0);
    p.name = st.text(1);
    p.credentials = st.text(2);
    p.uid = st.text(3);
    p.registration = st.text(4);
    p.public_key = st.text(5);
    return p;
}

}  // namespace

sdk::Id PractitionerRepository::add(const sdk::Practitioner& p, bool demo) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO practitioners (name, credentials, created_at, uid, registration, is_demo) "
           "VALUES (?, ?, ?, ?, ?, ?)")
        ->bind_all(p.name, p.credentials, utc_now(), p.uid.empty() ? new_uid() : p.uid,
                   p.registration, demo ? 1 : 0)
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

std::optional<sdk::Practitioner> PractitionerRepository::get(sdk::Id id) {
    auto st = db_.prepare(std::string(select_columns) + " WHERE p.id = ?");
    st->bind(1, id);
    if (!st->step())
        return std::nullopt;
    return read(*st);
}

std::vector<sdk::Practitioner> PractitionerRepository::all() {
    std::vector<sdk::Practitioner> result;
    auto st = db_.prepare(std::string(select_columns) + " ORDER BY p.id");
    while (st->step())
        result.push_back(read(*st));
    return result;
}

std::vector<sdk::Practitioner> PractitionerRepository::real() {
    std::vector<sdk::Practitioner> result;
    auto st = db_.prepare(std::string(select_columns) + " WHERE p.is_demo = 0 ORDER BY p.id");
    while (st->step())
        result.push_back(read(*st));
    return result;
}

bool PractitionerRepository::is_demo(sdk::Id id) {
    auto st = db_.prepare("SELECT is_demo FROM practitioners WHERE id = ?");
    st->bind(1, id);
    return st->step() && st->integer(0) != 0;
}

void PractitionerRepository::update_profile(const sdk::Practitioner& p) {
    Transaction transaction(db_);
    db_.prepare("UPDATE practitioners SET name = ?, credentials = ?, registration = ? WHERE id = ?")
        ->bind_all(p.name, p.credentials, p.registration, p.id)
        .run();
    if (db_.changes() != 1) {
        throw DatabaseError(db_.file().string() + ": no practitioner with id " +
                            std::to_string(p.id));
    }
    transaction.commit();
}

}  // namespace knotnotes::db
