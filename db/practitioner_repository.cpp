#include "practitioner_repository.hpp"

#include "database.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"

namespace knotnotes::db {
namespace {

constexpr const char* select_columns = "SELECT id, name, credentials FROM practitioners";

sdk::Practitioner read(const Statement& st) {
    return {st.int64(0), st.text(1), st.text(2)};
}

}  // namespace

sdk::Id PractitionerRepository::add(const sdk::Practitioner& p) {
    Transaction transaction(db_);
    db_.prepare("INSERT INTO practitioners (name, credentials, created_at) VALUES (?, ?, ?)")
        ->bind_all(p.name, p.credentials, utc_now())
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

std::optional<sdk::Practitioner> PractitionerRepository::get(sdk::Id id) {
    auto st = db_.prepare(std::string(select_columns) + " WHERE id = ?");
    st->bind(1, id);
    if (!st->step())
        return std::nullopt;
    return read(*st);
}

std::vector<sdk::Practitioner> PractitionerRepository::all() {
    std::vector<sdk::Practitioner> result;
    auto st = db_.prepare(std::string(select_columns) + " ORDER BY id");
    while (st->step())
        result.push_back(read(*st));
    return result;
}

}  // namespace knotnotes::db
