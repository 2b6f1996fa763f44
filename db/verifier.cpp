#include "verifier.hpp"

#include "audit_schema.hpp"
#include "canonical_session.hpp"
#include "database.hpp"
#include "session_repository.hpp"
#include "sha256.hpp"

namespace knotnotes::db {
namespace {

VerifyCheck integrity(Database& db) {
    VerifyCheck check{"integrity", true, "PRAGMA integrity_check: ok"};
    auto st = db.prepare("PRAGMA integrity_check");
    while (st->step()) {
        if (st->text(0) != "ok") {
            check.passed = false;
            check.details = "PRAGMA integrity_check: " + st->text(0);
            break;
        }
    }
    return check;
}

VerifyCheck foreign_keys(Database& db) {
    auto st = db.prepare("PRAGMA foreign_key_check");
    if (st->step()) {
        return {"foreign keys", false,
                st->text(0) + " row " + st->text(1) + " refers to a missing " + st->text(2) +
                    " record"};
    }
    return {"foreign keys", true, "every reference points at a record"};
}

VerifyCheck audit_chain(Database& db) {
    auto st = db.prepare(
        "SELECT seq, at, actor, table_name, row_id, action, coalesce(content_sha256, ''), "
        "prev_hash, hash FROM audit_log ORDER BY seq");
    std::string previous_hash;
    std::int64_t entries = 0;
    while (st->step()) {
        ++entries;
        const auto seq = st->int64(0);
        const auto describe = "audit log entry " + std::to_string(seq) + " (" + st->text(3) +
                              " row " + st->text(4) + ", " + st->text(5) + " at " + st->text(1) +
                              " by " + st->text(2) + ")";
        if (st->text(7) != previous_hash) {
            return {"audit chain", false,
                    describe +
                        " does not follow the entry before it: an entry was removed, "
                        "inserted or changed there"};
        }
        const auto expected =
            sha256_hex(st->text(7) + "|" + st->text(1) + "|" + st->text(2) + "|" + st->text(3) +
                       "|" + st->text(4) + "|" + st->text(5) + "|" + st->text(6));
        if (expected != st->text(8)) {
            return {"audit chain", false, describe + " was altered: its hash no longer matches"};
        }
        previous_hash = st->text(8);
    }
    return {"audit chain", true, std::to_string(entries) + " entries, chain unbroken"};
}

VerifyCheck rows_match_audit(Database& db) {
    std::int64_t rows = 0;
    for (const auto& table : audited_tables()) {
        const auto content = "kn_sha256(" + row_content_expression(table, "t.") + ")";
        // Both queries walk the audit_log_by_row index (table_name, row_id, seq).
        auto changed = db.prepare("SELECT t.id FROM " + table.name +
                                  " t WHERE (SELECT a.content_sha256 FROM "
                                  "audit_log a WHERE a.table_name = '" +
                                  table.name +
                                  "' AND a.row_id = t.id "
                                  "ORDER BY a.seq DESC LIMIT 1) IS NOT " +
                                  content + " LIMIT 1");
        if (changed->step()) {
            const auto id = changed->text(0);
            auto last = db.prepare(
                "SELECT action FROM audit_log WHERE table_name = ? AND "
                "row_id = ? ORDER BY seq DESC LIMIT 1");
            last->bind_all(table.name, changed->int64(0));
            const bool audited = last->step();
            return {"rows match audit", false,
                    table.name + " row " + id +
                        (audited ? " differs from its last audited " + last->text(0) +
                                       ": it was changed behind KnotNotes' back"
                                 : " is not in the audit log: it was added behind KnotNotes' "
                                   "back")};
        }
        auto missing = db.prepare(
            "SELECT a.row_id FROM audit_log a WHERE a.table_name = '" + table.name +
            "' AND a.action <> 'delete' AND a.seq = (SELECT max(b.seq) FROM audit_log b WHERE "
            "b.table_name = a.table_name AND b.row_id = a.row_id) AND NOT EXISTS (SELECT 1 "
            "FROM " +
            table.name + " t WHERE t.id = a.row_id) LIMIT 1");
        if (missing->step()) {
            return {"rows match audit", false,
                    table.name + " row " + missing->text(0) +
                        " is missing but the audit log never recorded its deletion"};
        }
        auto count = db.prepare("SELECT count(*) FROM " + table.name);
        count->step();
        rows += count->int64(0);
    }
    return {"rows match audit", true,
            std::to_string(rows) + " rows match their last audit entries"};
}

VerifyCheck signed_sessions(Database& db) {
    SessionRepository sessions(db);
    std::vector<std::pair<sdk::Id, std::string>> sealed;
    {
        auto st = db.prepare(
            "SELECT id, content_sha256 FROM sessions WHERE status = 'signed' ORDER BY id");
        while (st->step())
            sealed.emplace_back(st->int64(0), st->text(1));
    }
    for (const auto& [id, stored] : sealed) {
        const auto session = sessions.get(id);
        if (canonical_session_sha256(*session) != stored) {
            return {"signed sessions", false,
                    "signed session " + std::to_string(id) + " (signed by " +
                        session->signature->signer + " at " + session->signature->signed_at +
                        ") no longer matches its signature hash: it was changed after signing"};
        }
    }
    return {"signed sessions", true,
            std::to_string(sealed.size()) + " signed sessions match their signatures"};
}

}  // namespace

bool VerifyReport::passed() const {
    for (const auto& c : checks) {
        if (!c.passed)
            return false;
    }
    return true;
}

VerifyReport verify_database(Database& db,
                             const std::function<void(const std::string&)>& progress) {
    VerifyReport report;
    using Check = VerifyCheck (*)(Database&);
    const std::pair<const char*, Check> checks[] = {{"integrity", integrity},
                                                    {"foreign keys", foreign_keys},
                                                    {"audit chain", audit_chain},
                                                    {"rows match audit", rows_match_audit},
                                                    {"signed sessions", signed_sessions}};
    for (const auto& [name, run] : checks) {
        if (progress)
            progress(name);
        report.checks.push_back(run(db));
    }
    return report;
}

}  // namespace knotnotes::db
