// bench_database.hpp — the 10,000-client / 100,000-session demo database every benchmark uses,
// made once (about a minute) and kept at $KNOTNOTES_BENCH_DB or build/bench/demo-10k.db.
#pragma once

#include <filesystem>

namespace knotnotes::bench {

std::filesystem::path ensure_bench_database();

}  // namespace knotnotes::bench
