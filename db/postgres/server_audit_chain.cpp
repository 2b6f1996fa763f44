#include "server_audit_chain.hpp"

#include "server_connection.hpp"

namespace knotnotes::db::postgres {

db::AuditChainCheck check_server_audit_chain(ServerConnection& server) {
    db::AuditChainCheck check;
    auto broken = [&](const std::string& seq, std::string problem) {
        check.intact = false;
        check.first_broken_seq = std::stoll(seq);
        check.problem = std::move(problem);
    };
    // One query, read through a cursor a batch at a time: a clinic's whole log never sits in
    // memory, and its window sees the entry before each one across batches.
    ServerTransaction snapshot(server, ServerTransaction::Kind::read_snapshot);
    server.for_each_batch(
        "SELECT seq, prev_hash, hash, lag(hash, 1, '') OVER w, lag(seq, 1, 0::bigint) OVER w, "
        "encode(sha256(convert_to(prev_hash || '|' || at || '|' || actor || '|' || table_name "
        "|| '|' || row_id || '|' || action || '|' || coalesce(content_sha256, ''), 'UTF8')), "
        "'hex') FROM audit_log WINDOW w AS (ORDER BY seq) ORDER BY seq",
        [&](const ServerRows& rows) {
            for (int i = 0; i < rows.size() && check.intact; ++i) {
                const auto seq = rows.text(i, 0);
                ++check.entries;
                if (std::stoll(seq) != std::stoll(rows.text(i, 4)) + 1)
                    broken(seq, "entries before it are missing");
                else if (rows.text(i, 1) != rows.text(i, 3))
                    broken(seq, "it does not link to the entry before it");
                else if (rows.text(i, 2) != rows.text(i, 5))
                    broken(seq, "its fields were changed after it was written");
            }
        });
    snapshot.commit();
    return check;
}

}  // namespace knotnotes::db::postgres
