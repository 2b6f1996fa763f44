#include "record_verification.hpp"

#include <vector>

#include "core/signing/audit_anchor.hpp"
#include "core/signing/note_signing.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"

namespace knotnotes::core {

db::VerifyCheck check_signed_notes(db::Database& db) {
    std::vector<sdk::Id> ids;
    {
        auto st = db.prepare("SELECT id FROM sessions WHERE status = 'signed' ORDER BY id");
        while (st->step())
            ids.push_back(st->int64(0));
    }
    db::SessionRepository sessions(db);
    NoteLookups lookups(db);
    std::vector<std::string> failures;
    std::size_t legacy = 0;
    for (const auto id : ids) {
        const auto session = sessions.get(id);
        const auto check = check_note_signature(lookups, *session);
        if (!check.valid)
            failures.push_back(check.problem);
        else if (check.legacy)
            ++legacy;
    }
    const auto counted = std::to_string(ids.size() - failures.size()) + " of " +
                         std::to_string(ids.size()) + " signed notes verify" +
                         (legacy ? " (" + std::to_string(legacy) +
                                       " of them sealed by KnotNotes 1.0 with a hash only, which "
                                       "shows they are unchanged but not who sealed them)"
                                 : std::string());
    if (failures.empty())
        return {"signed notes", true, counted};
    std::string details = counted + "; these do not:";
    constexpr std::size_t listed = 50;
    for (std::size_t i = 0; i < failures.size() && i < listed; ++i)
        details += "\n  - " + failures[i];
    if (failures.size() > listed)
        details += "\n  - and " + std::to_string(failures.size() - listed) + " more";
    return {"signed notes", false, details};
}

db::VerifyReport verify_record(db::Database& db,
                               const std::function<void(const std::string&)>& progress) {
    auto report = db::verify_database(db, progress);
    if (progress)
        progress("signed notes");
    report.checks.push_back(check_signed_notes(db));
    if (progress)
        progress("audit anchors");
    const auto anchors = check_audit_anchors(db);
    report.checks.push_back({"audit anchors", anchors.passed, anchors.details});
    return report;
}

}  // namespace knotnotes::core
