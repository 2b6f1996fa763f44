// record_verification.hpp — `verify`: is this clinical record whole, untampered and signed by
// the people it says?
//
// The storage checks (db/verifier.hpp: integrity, references, audit chain, rows against their
// audit entries), then:
//   signed notes   every signed note's Ed25519 signature verifies, over the note as stored now,
//                  by a key of its signer; each one that fails is named. Notes sealed by
//                  KnotNotes 1.0 with a hash only are counted as legacy seals;
//   audit anchors  the signed heads of the audit chain (signing/audit_anchor.hpp).
#pragma once

#include <functional>
#include <string>

#include "db/verifier.hpp"

namespace knotnotes::core {

db::VerifyReport verify_record(db::Database& db,
                               const std::function<void(const std::string&)>& progress = {});

// The "signed notes" check alone (for a copy whose storage has nothing to check: a clinic
// server's records read into a private file).
db::VerifyCheck check_signed_notes(db::Database& db);

}  // namespace knotnotes::core
