#include "verifier.hpp"

#include <optional>

#include "audit_schema.hpp"
#include "database.hpp"
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

// Walks each table's rows and its audit entries side by side, both sorted by row id (the
// audit log has no index by row, so that every edit stays one append; SQLite sorts here).
VerifyCheck rows_match_audit(Database& db) {
    std::int64_t rows = 0;
    for (const auto& table : audited_tables()) {
        auto audit = db.prepare(
            "SELECT row_id, action, coalesce(content_sha256, '') FROM audit_log "
            "WHERE table_name = ? ORDER BY row_id, seq");
        audit->bind(1, table.name);
        auto current = db.prepare("SELECT t.id, kn_sha256(" + row_content_expression(table, "t.") +
                                  ") FROM " + table.name + " t ORDER BY t.id");
        bool have_audit = audit->step();
        auto fail = [&](std::int64_t id, const std::string& what) {
            return VerifyCheck{"rows match audit", false,
                               table.name + " row " + std::to_string(id) + " " + what};
        };
        // The last audit entry of the next audited row id, advancing `audit` past it.
        struct Last {
            std::int64_t row_id;
            std::string action;
            std::string content;
        };
        auto next_last = [&]() -> std::optional<Last> {
            if (!have_audit)
                return std::nullopt;
            Last last{audit->int64(0), audit->text(1), audit->text(2)};
            while ((have_audit = audit->step()) && audit->int64(0) == last.row_id) {
                last.action = audit->text(1);
                last.content = audit->text(2);
            }
            return last;
        };
        auto last = next_last();
        while (current->step()) {
            ++rows;
            const auto id = current->int64(0);
            for (; last && last->row_id < id; last = next_last()) {
                if (last->action != "delete") {
                    return fail(last->row_id,
                                "is missing but the audit log never recorded its deletion");
                }
            }
            if (!last || last->row_id != id) {
                return fail(id, "is not in the audit log: it was added behind KnotNotes' back");
            }
            if (last->content != current->text(1)) {
                return fail(id, "differs from its last audited " + last->action +
                                    ": it was changed behind KnotNotes' back");
            }
            last = next_last();
        }
        for (; last; last = next_last()) {
            if (last->action != "delete") {
                return fail(last->row_id,
                            "is missing but the audit log never recorded its deletion");
            }
        }
    }
    return {"rows match audit", true,
            std::to_string(rows) + " rows match their last audit entries"};
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
                                                    {"rows match audit", rows_match_audit}};
    for (const auto& [name, run] : checks) {
        if (progress)
            progress(name);
        report.checks.push_back(run(db));
    }
    return report;
}

}  // namespace knotnotes::db
