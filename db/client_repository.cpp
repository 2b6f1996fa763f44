#include "client_repository.hpp"

#include <sstream>

#include "database.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"
#include "uid.hpp"

namespace knotnotes::db {

std::string fts_prefix_query(const std::string& typed) {
    std::istringstream words(typed);
    std::string query;
    for (std::string word; words >> word;) {
        std::string quoted = "\"";
        for (char c : word) {
            quoted += c;
            if (c == '"')
                quoted += '"';  // FTS5 escapes a quote by doubling it
        }
        if (!query.empty())
            query += ' ';
        query += quoted + "\"*";
    }
    return query;
}

sdk::Id ClientRepository::add(const sdk::Client& c) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO clients (given_name, family_name, birth_date, phone, email, "
           "emergency_contact, occupation, created_at, uid, chart_figure) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind_all(c.given_name, c.family_name, c.birth_date, c.phone, c.email, c.emergency_contact,
                   c.occupation, c.created_at.empty() ? utc_now() : c.created_at,
                   c.uid.empty() ? new_uid() : c.uid, sdk::to_text(c.chart_figure))
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

void ClientRepository::update(const sdk::Client& c) {
    Transaction transaction(db_);
    db_.prepare(
           "UPDATE clients SET given_name = ?, family_name = ?, birth_date = ?, phone = ?, "
           "email = ?, emergency_contact = ?, occupation = ?, chart_figure = ? WHERE id = ?")
        ->bind_all(c.given_name, c.family_name, c.birth_date, c.phone, c.email, c.emergency_contact,
                   c.occupation, sdk::to_text(c.chart_figure), c.id)
        .run();
    if (db_.changes() != 1) {
        throw DatabaseError(db_.file().string() + ": no client with id " + std::to_string(c.id));
    }
    transaction.commit();
}

std::optional<sdk::Client> ClientRepository::get(sdk::Id id) {
    auto st = db_.prepare(
        "SELECT id, given_name, family_name, birth_date, phone, email, emergency_contact, "
        "occupation, created_at, coalesce(uid, ''), chart_figure FROM clients WHERE id = ?");
    st->bind(1, id);
    if (!st->step())
        return std::nullopt;
    sdk::Client c;
    c.id = st->int64(0);
    c.given_name = st->text(1);
    c.family_name = st->text(2);
    c.birth_date = st->text(3);
    c.phone = st->text(4);
    c.email = st->text(5);
    c.emergency_contact = st->text(6);
    c.occupation = st->text(7);
    c.created_at = st->text(8);
    c.uid = st->text(9);
    c.chart_figure = sdk::parse_chart_figure(st->text(10)).value_or(sdk::ChartFigure::neutral);
    return c;
}

std::int64_t ClientRepository::count() {
    auto st = db_.prepare("SELECT count(*) FROM clients");
    st->step();
    return st->int64(0);
}

std::vector<ClientSummary> ClientRepository::list(std::int64_t offset, int limit) {
    auto st = db_.prepare(
        "SELECT id, given_name, family_name FROM clients "
        "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE LIMIT ? OFFSET ?");
    st->bind_all(std::int64_t{limit}, offset);
    std::vector<ClientSummary> result;
    while (st->step())
        result.push_back({st->int64(0), st->text(1), st->text(2)});
    return result;
}

std::vector<sdk::Id> ClientRepository::ids_after(sdk::Id after, int limit) {
    auto st = db_.prepare("SELECT id FROM clients WHERE id > ? ORDER BY id LIMIT ?");
    st->bind_all(after, std::int64_t{limit});
    std::vector<sdk::Id> ids;
    while (st->step())
        ids.push_back(st->int64(0));
    return ids;
}

std::vector<ClientIdentity> ClientRepository::identities() {
    auto st = db_.prepare("SELECT given_name, family_name, birth_date FROM clients");
    std::vector<ClientIdentity> result;
    while (st->step())
        result.push_back({st->text(0), st->text(1), st->text(2)});
    return result;
}

std::vector<ClientSummary> ClientRepository::search_names(const std::string& typed, int limit) {
    const auto query = fts_prefix_query(typed);
    if (query.empty())
        return {};
    auto st = db_.prepare(
        "SELECT c.id, c.given_name, c.family_name FROM client_search "
        "JOIN clients c ON c.id = client_search.rowid "
        "WHERE client_search MATCH ? ORDER BY rank LIMIT ?");
    st->bind_all(query, std::int64_t{limit});
    std::vector<ClientSummary> result;
    while (st->step())
        result.push_back({st->int64(0), st->text(1), st->text(2)});
    return result;
}

}  // namespace knotnotes::db
