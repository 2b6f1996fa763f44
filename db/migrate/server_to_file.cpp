#include "server_to_file.hpp"

#include <cstdlib>

#include "db/database.hpp"
#include "db/database_error.hpp"
#include "db/postgres/postgres_clinic_directory.hpp"
#include "db/postgres/server_connection.hpp"
#include "db/transaction.hpp"
#include "moved_tables.hpp"

namespace knotnotes::db {
namespace {

bool readable(postgres::ServerConnection& server, const std::string& table,
              const std::string& column) {
    return server.query("SELECT has_column_privilege($1, $2, 'SELECT')", {table, column})
               .text(0, 0) == "t";
}

void bind_value(Statement& st, int index, const std::string& column,
                const std::optional<std::string>& value) {
    if (!value)
        st.bind_null(index);
    else if (is_real_column(column))
        st.bind(index, std::strtod(value->c_str(), nullptr));  // exactly the server's double
    else
        st.bind(index, *value);
}

class ServerMove {
  public:
    ServerMove(postgres::ServerConnection& server, Database& file,
               const std::function<void(long long, long long)>& progress)
        : server_(server), file_(file), progress_(progress) {}

    ServerMoveResult run() {
        ServerMoveResult result;
        {
            auto st = file_.prepare("SELECT count(*) FROM clients");
            st->step();
            if (st->int64(0) != 0)
                throw DatabaseRefused(file_.file().string() +
                                      " already holds clients: a clinic server's records go "
                                      "into a new file. Nothing was written.");
        }
        // One moment of the server, whoever writes meanwhile.
        postgres::ServerTransaction snapshot(server_,
                                             postgres::ServerTransaction::Kind::read_snapshot);
        total_ = count_rows();
        result.installation_id =
            server_.query("SELECT installation_id FROM installation").text(0, 0);
        Transaction transaction(file_, Transaction::Scope::all_or_nothing);
        for (const auto& table : moved_tables())
            result.rows[table.name] = move_table(table, result);
        result.rows["sessions signed"] = sign_sessions();
        transaction.commit();
        snapshot.commit();
        return result;
    }

  private:
    long long count_rows() {
        long long total = 0;
        for (const auto& table : moved_tables())
            total += std::stoll(server_.query("SELECT count(*) FROM " + table.name).text(0, 0));
        return total;
    }

    long long move_table(const MovedTable& table, ServerMoveResult& result) {
        const auto& all = file_columns(table.name);
        std::vector<std::string> selected;
        for (const auto& column : all) {
            if (table.unreadable.count(column) && !readable(server_, table.name, column)) {
                selected.push_back("NULL");
                result.secret_keys_included = false;
            } else {
                selected.push_back(column);
            }
        }
        std::vector<std::string> written{"id"};
        for (const auto& column : all) {
            if (!table.written_last.count(column))
                written.push_back(column);
        }
        auto insert = file_.prepare("INSERT INTO " + table.name + " (" + joined(written) +
                                    ") VALUES (" + parameters(written.size(), 1, '?') + ")");
        long long moved = 0;
        server_.for_each_batch(
            "SELECT id, " + joined(selected) + " FROM " + table.name + " ORDER BY id",
            [&](const postgres::ServerRows& rows) {
                for (int r = 0; r < rows.size(); ++r) {
                    int index = 0;
                    bind_value(*insert, ++index, "id", rows.value(r, 0));
                    for (std::size_t i = 0; i < all.size(); ++i) {
                        if (!table.written_last.count(all[i]))
                            bind_value(*insert, ++index, all[i],
                                       rows.value(r, static_cast<int>(i + 1)));
                    }
                    insert->run();
                    insert->reset();
                    if (table.name == "sessions")
                        keep_signature(rows, r);
                    ++moved;
                    if (progress_ && (++done_ % 500 == 0 || done_ == total_))
                        progress_(done_, total_);
                }
            });
        return moved;
    }

    // A signed session's signature, to write once its charting is in (id first).
    void keep_signature(const postgres::ServerRows& rows, int r) {
        const auto& [columns, positions] = session_signature_columns();
        if (rows.value(r, static_cast<int>(positions[0])) != std::optional<std::string>("signed"))
            return;
        MovedRow signature{rows.value(r, 0)};
        for (const auto position : positions)
            signature.push_back(rows.value(r, static_cast<int>(position)));
        signatures_.push_back(std::move(signature));
    }

    long long sign_sessions() {
        const auto& columns = session_signature_columns().columns;
        auto sign = file_.prepare("UPDATE sessions SET " + assignments(columns, 1, '?') +
                                  " WHERE id = ?" + std::to_string(columns.size() + 1));
        long long signed_count = 0;
        for (const auto& signature : signatures_) {
            int index = 0;
            for (std::size_t i = 0; i < columns.size(); ++i)
                bind_value(*sign, ++index, columns[i], signature[i + 1]);
            bind_value(*sign, ++index, "id", signature[0]);
            sign->run();
            sign->reset();
            ++signed_count;
        }
        return signed_count;
    }

    postgres::ServerConnection& server_;
    Database& file_;
    const std::function<void(long long, long long)>& progress_;
    std::vector<MovedRow> signatures_;  // of signed sessions: id, then signature columns
    long long done_ = 0;
    long long total_ = 0;
};

}  // namespace

ServerMoveResult move_server_to_file(postgres::ServerConnection& server, Database& file,
                                     const std::function<void(long long, long long)>& progress) {
    return ServerMove(server, file, progress).run();
}

ServerMoveResult move_clinic_server_to_file(
    const std::string& address, std::optional<std::string> password, Database& file,
    const std::function<void(long long, long long)>& progress) {
    auto server = connect_clinic_server(address, std::move(password));
    return move_server_to_file(server, file, progress);
}

}  // namespace knotnotes::db
