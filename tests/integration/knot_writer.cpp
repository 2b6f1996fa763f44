// knot_writer DB SESSION COUNT — a helper process for the storage fault tests: commits knot
// edits to SESSION one at a time, as the app does when a therapist charts, and after each
// commit has returned prints "committed <knot id>" on stdout (unbuffered). COUNT 0 means
// forever (until killed). Exits 3 with "busy: ..." on stderr if the database stays locked.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "db/chart_entry_repository.hpp"
#include "db/database.hpp"

int main(int argc, char** argv) {
    using namespace knotnotes;
    if (argc != 4) {
        std::fprintf(stderr, "usage: knot_writer DB SESSION COUNT\n");
        return 2;
    }
    try {
        db::Database database(argv[1], db::OpenMode::existing_only);
        db::ChartEntryRepository entries(database);
        const sdk::Id session = std::atoll(argv[2]);
        const long count = std::atol(argv[3]);
        for (long i = 0; count == 0 || i < count; ++i) {
            sdk::Knot k;
            k.session_id = session;
            k.muscle_id = (i % 2) ? "rhomboids" : "upper-trapezius";
            k.side = sdk::Side::left;
            k.view = sdk::ChartView::back;
            k.x = 0.3 + static_cast<double>(i % 40) / 100.0;
            k.y = 0.2;
            k.kind = sdk::KnotKind::latent;
            k.tenderness = static_cast<int>(i % 11);
            const auto id = entries.add_knot(k);
            const std::string line = "committed " + std::to_string(id) + "\n";
            // write(2), not stdio: the line must leave the process before the next edit.
            if (::write(STDOUT_FILENO, line.data(), line.size()) < 0)
                return 1;
        }
        return 0;
    } catch (const db::DatabaseBusy& e) {
        std::fprintf(stderr, "busy: %s\n", e.what());
        return 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
