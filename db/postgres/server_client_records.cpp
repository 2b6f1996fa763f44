// The clients on a clinic server (client_records.hpp). Row-level security decides which rows a
// login sees and may change; the front desk's column grants leave out the chart's figure and the
// occupation, so its reads and writes name only the columns it was granted.
#include <stdexcept>

#include "db/client_records.hpp"
#include "db/database_error.hpp"
#include "postgres_clinic_directory.hpp"
#include "server_client_search.hpp"
#include "server_connection.hpp"
#include "server_values.hpp"
#include "shared_connection.hpp"

namespace knotnotes::db {
namespace {

using namespace postgres::values;

// Name order as a file's (COLLATE NOCASE folds ASCII only and compares bytes), whatever the
// server's locale, so a list reads the same on both engines; the id breaks ties.
const char* const name_order =
    "ORDER BY lower(family_name COLLATE \"C\"), lower(given_name COLLATE \"C\"), id ";

class ServerWrite final : public ClientRecords::Write {
  public:
    explicit ServerWrite(postgres::ServerConnection& server) : transaction_(server) {}
    void commit() override { transaction_.commit(); }

  private:
    postgres::ServerTransaction transaction_;
};

class ServerClientRecords final : public ClientRecords {
  public:
    explicit ServerClientRecords(postgres::SharedConnection server)
        : connection_(std::move(server)),
          server_(*connection_),
          front_desk_(server_.query("SELECT kn_is_front_desk()").text(0, 0) == "t"),
          owner_(server_.query("SELECT kn_is_owner()").text(0, 0) == "t") {}

    std::vector<ClientSummary> search_names(const std::string& typed, int limit) override {
        return postgres::search_client_names(server_, typed, limit);
    }

    std::string where() const override { return server_.description(); }

    std::int64_t count() override {
        return id_at(server_.query("SELECT count(*) FROM clients"), 0, 0);
    }

    std::vector<ClientSummary> list(std::int64_t offset, int limit) override {
        const auto rows =
            server_.query(std::string("SELECT id, given_name, family_name FROM clients ") +
                              name_order + "LIMIT $1::bigint OFFSET $2::bigint",
                          {number(limit), number(offset)});
        std::vector<ClientSummary> page;
        page.reserve(static_cast<std::size_t>(rows.size()));
        for (int row = 0; row < rows.size(); ++row)
            page.push_back({id_at(rows, row, 0), rows.text(row, 1), rows.text(row, 2)});
        return page;
    }

    std::unique_ptr<Write> begin_write() override { return std::make_unique<ServerWrite>(server_); }

    std::vector<ClientIdentity> identities() override {
        const auto rows = server_.query("SELECT given_name, family_name, birth_date FROM clients");
        std::vector<ClientIdentity> all;
        all.reserve(static_cast<std::size_t>(rows.size()));
        for (int row = 0; row < rows.size(); ++row)
            all.push_back({rows.text(row, 0), rows.text(row, 1), rows.text(row, 2)});
        return all;
    }

    std::optional<sdk::Client> get(sdk::Id id) override {
        const auto rows = server_.query(
            std::string("SELECT id, given_name, family_name, birth_date, phone, email, "
                        "emergency_contact, created_at, uid") +
                (front_desk_ ? "" : ", occupation, chart_figure") + " FROM clients WHERE id = $1",
            {number(id)});
        if (rows.size() == 0)
            return std::nullopt;
        sdk::Client c;
        c.id = id_at(rows, 0, 0);
        c.given_name = rows.text(0, 1);
        c.family_name = rows.text(0, 2);
        c.birth_date = rows.text(0, 3);
        c.phone = rows.text(0, 4);
        c.email = rows.text(0, 5);
        c.emergency_contact = rows.text(0, 6);
        c.created_at = rows.text(0, 7);
        c.uid = rows.text(0, 8);
        if (!front_desk_) {
            c.occupation = rows.text(0, 9);
            c.chart_figure =
                sdk::parse_chart_figure(rows.text(0, 10)).value_or(sdk::ChartFigure::neutral);
        }
        return c;
    }

    sdk::Id add(const sdk::Client& c) override { return insert(c, std::nullopt); }

    std::vector<BookableTherapist> therapists() override {
        if (!front_desk_ && !owner_)
            return {};
        const auto rows = server_.query(
            "SELECT login, name FROM practitioners WHERE active AND role IN ('therapist', "
            "'owner') ORDER BY lower(name COLLATE \"C\"), login");
        std::vector<BookableTherapist> all;
        for (int row = 0; row < rows.size(); ++row)
            all.push_back({rows.text(row, 0), rows.text(row, 1)});
        return all;
    }

    sdk::Id add_for(const sdk::Client& c, const std::string& therapist_login) override {
        if (server_
                .query("SELECT 1 FROM practitioners WHERE login = $1 AND active AND role IN "
                       "('therapist', 'owner')",
                       {therapist_login})
                .size() == 0)
            throw std::invalid_argument(therapist_login + " is no active therapist's login at " +
                                        server_.description() + "; the client was not added.");
        return insert(c, therapist_login);
    }

    void set_chart_figure(sdk::Id id, sdk::ChartFigure figure) override {
        const auto changed = server_.query("UPDATE clients SET chart_figure = $2 WHERE id = $1",
                                           {number(id), std::string(sdk::to_text(figure))});
        if (changed.affected() != 1) {
            throw DatabaseError(server_.description() + ": no client with id " +
                                std::to_string(id) + " that your login may change");
        }
    }

  private:
    // `responsible`: whose client it is (none: the adding login's own). The server's row-level
    // security refuses a therapist's booking for anyone else (AccessDenied).
    sdk::Id insert(const sdk::Client& c, const std::optional<std::string>& responsible) {
        if (front_desk_) {
            if (!c.occupation.empty())
                throw AccessDenied(server_.description() +
                                   ": the front desk records contact "
                                   "details only, not a client's occupation (" +
                                   c.given_name + " " + c.family_name +
                                   "). Leave it out, or ask the client's therapist to add it.");
            return id_at(server_.query("INSERT INTO clients (given_name, family_name, birth_date, "
                                       "phone, email, emergency_contact, responsible_login) "
                                       "VALUES ($1, $2, $3, $4, $5, $6, "
                                       "coalesce($7::text, session_user::text)) RETURNING id",
                                       {c.given_name, c.family_name, c.birth_date, c.phone, c.email,
                                        c.emergency_contact, responsible}),
                         0, 0);
        }
        return id_at(
            server_.query(
                "INSERT INTO clients (given_name, family_name, birth_date, phone, email, "
                "emergency_contact, occupation, chart_figure, created_at, uid, "
                "responsible_login) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                "coalesce($9, kn_utc_now()), coalesce($10, gen_random_uuid()::text), "
                "coalesce($11::text, session_user::text)) RETURNING id",
                {c.given_name, c.family_name, c.birth_date, c.phone, c.email, c.emergency_contact,
                 c.occupation, std::string(sdk::to_text(c.chart_figure)),
                 text_or_null(c.created_at), text_or_null(c.uid), responsible}),
            0, 0);
    }

    postgres::SharedConnection connection_;
    postgres::ServerConnection& server_;
    bool front_desk_;
    bool owner_;
};

}  // namespace

std::unique_ptr<ClientRecords> connect_client_records(const std::string& address,
                                                      std::optional<std::string> password) {
    return postgres::client_records_on(
        postgres::shared(connect_clinic_server(address, std::move(password))));
}

}  // namespace knotnotes::db

namespace knotnotes::db::postgres {

std::unique_ptr<ClientRecords> client_records_on(SharedConnection server) {
    return std::make_unique<ServerClientRecords>(std::move(server));
}

}  // namespace knotnotes::db::postgres
