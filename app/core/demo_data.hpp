// demo_data.hpp — realistic synthetic clinical records, for trying KnotNotes and for
// benchmarks. Deterministic: the same options give the same clients, intakes, sessions, knots,
// techniques and scores (only audit times differ).
//
// Each client gets a pattern of complaint (desk worker, runner, lifter, ...) that decides where
// the knots are; intakes carry some contraindications; sessions come every week or two, the
// same knots return linked to the previous session's and ease over time, techniques match the
// knots, pressure is read per region, pain falls, NPRS is scored every session and PEG-3 every
// third. Every session but each client's last is signed.
//
// Writes clients in batches of 100, each batch one transaction, so an interrupted run leaves
// whole clients only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace knotnotes::db {
class Database;
}

namespace knotnotes::core {

struct DemoOptions {
    int clients = 40;
    int sessions_per_client = 6;
    std::uint64_t seed = 1;
};

struct DemoSummary {
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t knots = 0;
    std::int64_t technique_uses = 0;
    std::int64_t questionnaire_responses = 0;
};

// The given and family names demo clients are made of (a benchmark types them).
const std::vector<std::string>& demo_given_names();
const std::vector<std::string>& demo_family_names();

// `progress(done, total)` after each client.
DemoSummary generate_demo_data(db::Database& db, const DemoOptions& options,
                               const std::function<void(int, int)>& progress = {});

}  // namespace knotnotes::core
