#include "file_to_server.hpp"

#include "moved_tables.hpp"

#include <cstdlib>
#include <set>
#include <unordered_map>
#include <vector>

#include "db/database.hpp"
#include "db/database_error.hpp"
#include "db/installation.hpp"
#include "db/json_text.hpp"
#include "db/postgres/postgres_clinic_directory.hpp"
#include "db/postgres/server_connection.hpp"
#include "db/read_snapshot.hpp"

namespace knotnotes::db {
namespace {

using Row = MovedRow;
using IdMap = std::unordered_map<std::string, std::string>;  // file id -> server id

// The same value? Numbers stored as double precision are compared as numbers (the two
// engines write the same double with different digits), everything else as text.
bool same_value(const std::string& column, const std::optional<std::string>& file,
                const std::optional<std::string>& server) {
    if (!file || !server)
        return !file && !server;
    if (is_real_column(column))
        return std::strtod(file->c_str(), nullptr) == std::strtod(server->c_str(), nullptr);
    return *file == *server;
}

class FileMove {
  public:
    FileMove(Database& file, postgres::ServerConnection& server, const FileMoveOptions& options,
             const std::function<void(long long, long long)>& progress)
        : file_(file), server_(server), options_(options), progress_(progress) {}

    FileMoveResult run() {
        // One moment of the file, even while the app charts in it.
        const ReadSnapshot snapshot(file_);
        FileMoveResult result;
        result.installation_id = installation_id(file_);
        total_ = count_file_rows();
        postgres::ServerTransaction transaction(server_);
        if (!options_.staged)
            refuse_a_second_move(result.installation_id);
        const auto responsible =
            options_.therapist_login.empty() ? server_.login() : options_.therapist_login;
        check_therapist(responsible);
        if (options_.staged)
            refuse_others_notes();
        for (const auto& table : moved_tables())
            result.rows[table.name] = move_table(table, responsible);
        result.rows["sessions signed"] = sign_sessions();
        if (!options_.staged) {
            const auto file_id = record_the_move(result);
            result.rows["audit_log"] = keep_file_audit(file_id);
        }
        check_server_counts(result);
        transaction.commit();
        return result;
    }

  private:
    long long count_file_rows() {
        long long total = 0;
        for (const auto& table : moved_tables()) {
            auto st = file_.prepare("SELECT count(*) FROM " + table.name);
            st->step();
            total += st->int64(0);
            counts_[table.name] = st->int64(0);
        }
        return total;
    }

    // The server's id of a row the file refers to; one the file does not hold is damage.
    std::string mapped(const std::string& table, const std::string& file_id,
                       const std::string& from_table, const std::string& from_id) {
        const auto& ids = ids_[table];
        if (auto it = ids.find(file_id); it != ids.end())
            return it->second;
        throw DatabaseDamaged(file_.file().string() + ": " + from_table + " " + from_id +
                              " refers to " + table + " " + file_id +
                              ", which the file does not hold. Nothing was moved; run "
                              "knotnotes-cli verify on the file.");
    }

    void tick() {
        if (progress_ && (++done_ % 500 == 0 || done_ == total_))
            progress_(done_, total_);
    }

    void refuse_a_second_move(const std::string& installation) {
        if (server_.query("SELECT 1 FROM moved_in_files WHERE installation_id = $1", {installation})
                .size() > 0)
            throw DatabaseRefused(file_.file().string() + " was moved into " +
                                  server_.description() + " before (database id " + installation +
                                  "). Nothing was changed on the server.");
    }

    // A login other than the owner may write notes as itself only (the server's row-level
    // security refuses the rest row by row): records charted by anyone else are refused here,
    // before anything is written, with whose they are and what to do instead.
    void refuse_others_notes() {
        if (server_.query("SELECT kn_is_owner()").text(0, 0) == "t")
            return;
        const auto mine =
            server_.query("SELECT uid FROM practitioners WHERE id = kn_my_practitioner_id()");
        const std::string my_uid = mine.size() > 0 ? mine.text(0, 0) : "";
        auto st = file_.prepare("SELECT uid, name FROM practitioners ORDER BY id");
        std::string others;
        while (st->step()) {
            if (st->text(0) != my_uid)
                others += (others.empty() ? "" : ", ") + st->text(1);
        }
        if (others.empty())
            return;
        throw AccessDenied(
            "These records were charted by " + others + ", not by you as " + server_.description() +
            " knows you: a therapist brings in only notes they charted themselves, with the "
            "profile they moved in (knotnotes-cli migrate). The clinic's owner can import "
            "them, or move the file in for its therapist (migrate --therapist LOGIN). Nothing "
            "was changed on the server.");
    }

    void check_therapist(const std::string& login) {
        auto found =
            server_.query("SELECT id FROM practitioners WHERE login = $1 AND active", {login});
        if (found.size() == 0) {
            if (!options_.therapist_login.empty())
                throw std::invalid_argument(login + " is not an active practitioner's login at " +
                                            server_.description() +
                                            " (add them first: practitioners add).");
            return;
        }
        therapist_practitioner_ = found.text(0, 0);
    }

    // The file's own practitioner (one who is not a demo one, when there is exactly one),
    // given to the therapist's login.
    std::optional<std::string> profile_for_therapist() {
        if (options_.therapist_login.empty() || therapist_practitioner_.empty())
            return std::nullopt;
        auto st = file_.prepare("SELECT id FROM practitioners WHERE is_demo = 0");
        std::vector<std::string> ids;
        while (st->step())
            ids.push_back(st->text(0));
        if (ids.size() != 1)
            return std::nullopt;
        return ids[0];
    }

    Row read_row(Statement& st, const std::vector<std::string>& columns) {
        Row row{st.text(0)};  // the id
        for (int i = 1; i <= static_cast<int>(columns.size()); ++i) {
            if (st.is_null(i))
                row.emplace_back(std::nullopt);
            else if (is_real_column(columns[static_cast<std::size_t>(i - 1)]))
                row.emplace_back(json_number(st.real(i)));
            else
                row.emplace_back(st.text(i));
        }
        return row;
    }

    void compare(const std::string& table, const std::string& file_id,
                 const std::vector<std::string>& columns, const Row& sent,
                 const postgres::ServerRows& stored, int stored_row = 0) {
        // `stored` is RETURNING id, columns...
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto value = stored.value(stored_row, static_cast<int>(i + 1));
            if (!same_value(columns[i], sent[i], value))
                throw DatabaseError(server_.description() + " stored " + table + " " + file_id +
                                    "'s " + columns[i] + " as \"" + value.value_or("NULL") +
                                    "\", not as the file holds it (\"" + sent[i].value_or("NULL") +
                                    "\"). Nothing was moved; please report this.");
        }
    }

    long long move_table(const MovedTable& table, const std::string& responsible) {
        const auto& all = file_columns(table.name);
        auto st =
            file_.prepare("SELECT id, " + joined(all) + " FROM " + table.name + " ORDER BY id");
        std::vector<std::string> written;
        for (const auto& column : all) {
            if (!table.written_last.count(column))
                written.push_back(column);
        }
        std::vector<std::string> checked;
        for (const auto& column : written) {
            if (!table.unreadable.count(column))
                checked.push_back(column);
        }
        auto columns = written;
        if (table.name == "clients")
            columns.push_back("responsible_login");
        const auto insert = "INSERT INTO " + table.name + " (" + joined(columns) + ") VALUES (" +
                            parameters(columns.size(), 1, '$') + ") RETURNING id, " +
                            joined(checked);
        const auto merged_profile =
            table.name == "practitioners" ? profile_for_therapist() : std::nullopt;
        // The people and their keys may be ones the server has (already_on_server): a row at a
        // time. Everything else goes in many rows to a statement, not a round trip each.
        const bool batched = table.name != "practitioners" && table.name != "signing_keys";
        auto& ids = ids_[table.name];
        Batch batch{table.name, columns, checked, insert, all, {}, {}};
        long long moved = 0;
        while (st->step()) {
            const auto row = read_row(*st, all);
            const auto& file_id = *row[0];
            Row values;
            Row expected;
            for (std::size_t i = 0; i < all.size(); ++i) {
                const auto& column = all[i];
                if (table.written_last.count(column))
                    continue;
                auto value = row[i + 1];
                if (auto ref = table.references.find(column);
                    ref != table.references.end() && value) {
                    // An earlier row of the same table (an amended session, a knot carried
                    // forward) gets its server id when its batch is in.
                    if (ref->second == table.name && batch.file_ids.count(*value))
                        insert_batch(batch);
                    value = mapped(ref->second, *value, table.name, file_id);
                }
                values.push_back(value);
                if (!table.unreadable.count(column))
                    expected.push_back(value);
            }
            if (table.name == "clients")
                values.push_back(responsible);
            if (merged_profile && *merged_profile == file_id) {
                ids[file_id] = merge_profile(written, values);
            } else if (auto same =
                           batched ? std::nullopt : already_on_server(table.name, all, row)) {
                ids[file_id] = *same;
            } else if (batched) {
                batch.rows.push_back({row, std::move(values), std::move(expected)});
                batch.file_ids.insert(file_id);
                if (batch.rows.size() * columns.size() >= rows_per_statement_parameters)
                    insert_batch(batch);
            } else {
                ids[file_id] = insert_row(table.name, all, row, insert, values, checked, expected);
            }
            if (table.written_last.count("status"))
                keep_signature(row);
            ++moved;
            tick();
        }
        insert_batch(batch);
        return moved;
    }

    // Rows of one table waiting to be written in one INSERT: what was read from the file, what
    // is sent, what must come back.
    struct PendingRow {
        Row row;
        Row values;
        Row expected;
    };
    struct Batch {
        const std::string& table;
        const std::vector<std::string>& columns;  // written
        const std::vector<std::string>& checked;  // read back and compared
        const std::string& single_insert;         // the one-row statement
        const std::vector<std::string>& all;      // the file's columns
        std::vector<PendingRow> rows;
        std::set<std::string> file_ids;
    };
    // About 4,000 values to a statement: far under PostgreSQL's 65,535 parameters, and a few
    // hundred rows of any table.
    static constexpr std::size_t rows_per_statement_parameters = 4000;

    // One INSERT ... VALUES (...), (...) RETURNING for the batch, each row read back and
    // compared in order. A row the server already holds makes the batch go again a row at a
    // time (after its savepoint), so the refusal names that row.
    void insert_batch(Batch& batch) {
        if (batch.rows.empty())
            return;
        std::string sql = "INSERT INTO " + batch.table + " (" + joined(batch.columns) + ") VALUES ";
        Row values;
        values.reserve(batch.rows.size() * batch.columns.size());
        for (std::size_t r = 0; r < batch.rows.size(); ++r) {
            sql += (r ? ", (" : "(") +
                   parameters(batch.columns.size(), 1 + r * batch.columns.size(), '$') + ")";
            values.insert(values.end(), batch.rows[r].values.begin(), batch.rows[r].values.end());
        }
        sql += " RETURNING id, " + joined(batch.checked);
        auto& ids = ids_[batch.table];
        server_.execute("SAVEPOINT kn_moved_rows");
        try {
            const auto stored = server_.query(sql, values);
            server_.execute("RELEASE SAVEPOINT kn_moved_rows");
            if (stored.size() != static_cast<int>(batch.rows.size()))
                throw DatabaseError(server_.description() + " stored " +
                                    std::to_string(stored.size()) + " of " +
                                    std::to_string(batch.rows.size()) + " " + batch.table +
                                    " rows. Nothing was moved; please report this.");
            for (std::size_t r = 0; r < batch.rows.size(); ++r) {
                const auto& file_id = *batch.rows[r].row[0];
                compare(batch.table, file_id, batch.checked, batch.rows[r].expected, stored,
                        static_cast<int>(r));
                ids[file_id] = stored.text(static_cast<int>(r), 0);
            }
        } catch (const DuplicateRecord&) {
            server_.execute("ROLLBACK TO SAVEPOINT kn_moved_rows");
            for (const auto& pending : batch.rows)
                ids[*pending.row[0]] =
                    insert_row(batch.table, batch.all, pending.row, batch.single_insert,
                               pending.values, batch.checked, pending.expected);
        }
        batch.rows.clear();
        batch.file_ids.clear();
    }

    // A file row's value of `column` (`row` is the id, then `all` the columns).
    static std::optional<std::string> value_in(const std::vector<std::string>& all, const Row& row,
                                               const std::string& column) {
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i] == column)
                return row[i + 1];
        }
        return std::nullopt;
    }

    // A practitioner (by uid) or a signing key (by its public key) the server already has is
    // the same person or key: an import of a second export of one therapist's, say. It is
    // referred to, not written again. Every other record is new to the server or refused.
    std::optional<std::string> already_on_server(const std::string& table,
                                                 const std::vector<std::string>& all,
                                                 const Row& row) {
        const char* key = table == "practitioners"  ? "uid"
                          : table == "signing_keys" ? "public_key"
                                                    : nullptr;
        if (!key)
            return std::nullopt;
        auto found = server_.query("SELECT id FROM " + table + " WHERE " + key + " = $1",
                                   {value_in(all, row, key)});
        if (found.size() == 0)
            return std::nullopt;
        return found.text(0, 0);
    }

    std::string insert_row(const std::string& table, const std::vector<std::string>& all,
                           const Row& row, const std::string& insert, const Row& values,
                           const std::vector<std::string>& checked, const Row& expected) {
        try {
            auto stored = server_.query(insert, values);
            compare(table, *row[0], checked, expected, stored);
            return stored.text(0, 0);
        } catch (const DuplicateRecord&) {
            const auto value_of = [&](const std::string& column) {
                return value_in(all, row, column).value_or("");
            };
            const auto who = table == "clients" ? "client " + value_of("given_name") + " " +
                                                      value_of("family_name")
                                                : table + " row " + *row[0];
            const auto uid = value_of("uid");
            throw DuplicateRecord(who + (uid.empty() ? "" : " (uid " + uid + ")") +
                                  " is already on " + server_.description() +
                                  ": these records, or another copy of them, were moved in or "
                                  "imported before. Nothing was changed on the server.");
        }
    }

    // The server's practitioner of the therapist's login takes the file's profile: its uid,
    // name and the rest, so the file's notes and keys are theirs.
    std::string merge_profile(const std::vector<std::string>& columns, const Row& values) {
        Row bound{therapist_practitioner_};
        bound.insert(bound.end(), values.begin(), values.end());
        compare("practitioners", "profile", columns, values,
                server_.query("UPDATE practitioners SET " + assignments(columns, 2, '$') +
                                  " WHERE id = $1 RETURNING id, " + joined(columns),
                              bound));
        return therapist_practitioner_;
    }

    // A signed session's signature (id first), kept to write once its charting is in.
    void keep_signature(const Row& row) {
        const auto& positions = session_signature_columns().positions;
        if (row[positions[0]] != std::optional<std::string>("signed"))
            return;
        Row signature{row[0]};
        for (const auto position : positions)
            signature.push_back(row[position]);
        signatures_.push_back(std::move(signature));
    }

    // Signed sessions are signed once everything charted in them is in.
    long long sign_sessions() {
        const auto& columns = session_signature_columns().columns;
        const auto update = "UPDATE sessions SET " + assignments(columns, 2, '$') +
                            " WHERE id = $1 RETURNING id, " + joined(columns);
        long long signed_count = 0;
        for (const auto& row : signatures_) {
            Row values{ids_.at("sessions").at(*row[0])};
            Row expected;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                auto value = row[i + 1];
                if (columns[i] == "signer_practitioner_id" && value)
                    value = mapped("practitioners", *value, "sessions", *row[0]);
                values.push_back(value);
                expected.push_back(value);
            }
            compare("session", *row[0], columns, expected, server_.query(update, values));
            ++signed_count;
        }
        return signed_count;
    }

    std::string record_the_move(const FileMoveResult& result) {
        std::string counts = "{";
        for (const auto& [table, rows] : result.rows)
            counts +=
                (counts.size() > 1 ? ", " : "") + json_quote(table) + ": " + std::to_string(rows);
        counts += "}";
        return server_
            .query(
                "INSERT INTO moved_in_files (installation_id, row_counts) VALUES ($1, $2) "
                "RETURNING id",
                {result.installation_id, counts})
            .text(0, 0);
    }

    long long keep_file_audit(const std::string& file_id) {
        long long kept = 0;
        auto log = file_.prepare(
            "SELECT seq, at, actor, table_name, row_id, action, "
            "content_sha256, prev_hash, hash FROM audit_log ORDER BY seq");
        while (log->step()) {
            Row values{file_id};
            for (int i = 0; i < 9; ++i)
                values.push_back(log->is_null(i) ? std::nullopt
                                                 : std::optional<std::string>(log->text(i)));
            server_.query("INSERT INTO moved_in_audit_log VALUES (" + parameters(10, 1, '$') + ")",
                          values);
            ++kept;
        }
        auto anchors = file_.prepare(
            "SELECT id, reason, audit_seq, audit_hash, signed_at, "
            "signer_public_key, signature_value FROM audit_anchors "
            "ORDER BY id");
        while (anchors->step()) {
            Row values{file_id};
            for (int i = 0; i < 7; ++i)
                values.push_back(anchors->text(i));
            server_.query(
                "INSERT INTO moved_in_audit_anchors VALUES (" + parameters(8, 1, '$') + ")",
                values);
        }
        return kept;
    }

    // Before committing: the server holds every moved row, counted by its own ids.
    void check_server_counts(const FileMoveResult& result) {
        for (const auto& table : moved_tables()) {
            std::string ids = "{";
            for (const auto& [file_id, server_id] : ids_[table.name])
                ids += (ids.size() > 1 ? "," : "") + server_id;
            ids += "}";
            const auto stored = std::stoll(
                server_
                    .query("SELECT count(*) FROM " + table.name + " WHERE id = ANY($1::bigint[])",
                           {ids})
                    .text(0, 0));
            if (stored != counts_.at(table.name) || stored != result.rows.at(table.name))
                throw DatabaseError(server_.description() + " holds " + std::to_string(stored) +
                                    " of the file's " + std::to_string(counts_.at(table.name)) +
                                    " " + table.name + ". Nothing was moved.");
        }
    }

    Database& file_;
    postgres::ServerConnection& server_;
    const FileMoveOptions& options_;
    const std::function<void(long long, long long)>& progress_;
    std::map<std::string, IdMap> ids_;
    std::map<std::string, long long> counts_;
    std::vector<Row> signatures_;  // of signed sessions: id, then the signature columns
    std::string therapist_practitioner_;
    long long done_ = 0;
    long long total_ = 0;
};

}  // namespace

FileMoveResult move_file_to_server(Database& file, postgres::ServerConnection& server,
                                   const FileMoveOptions& options,
                                   const std::function<void(long long, long long)>& progress) {
    return FileMove(file, server, options, progress).run();
}

FileMoveResult move_file_to_clinic_server(
    Database& file, const std::string& address, std::optional<std::string> password,
    const FileMoveOptions& options, const std::function<void(long long, long long)>& progress) {
    auto server = connect_clinic_server(address, std::move(password));
    return move_file_to_server(file, server, options, progress);
}

}  // namespace knotnotes::db
