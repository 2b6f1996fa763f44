#include "server_snapshot.hpp"

#include <string>
#include <vector>

#include "db/migrate/server_to_file.hpp"
#include "db/statement.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {
namespace {

// A read copy is no record: it needs no audit chain of its own, no search index and no seals
// (nobody else can open it, and it is gone when the command ends), and keeping them was most
// of the time a copy took: a SHA-256 and an FTS5 update per row, and a statement journal for
// every INSERT that a trigger might undo.
void drop_record_keeping(db::Database& copy) {
    std::vector<std::string> triggers;
    {
        auto st = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'");
        while (st->step())
            triggers.push_back(st->text(0));
    }
    for (const auto& trigger : triggers)
        copy.exec("DROP TRIGGER \"" + trigger + "\"");
}

}  // namespace

ServerSnapshot::ServerSnapshot(const CliContext& context) {
    drop_record_keeping(copy_.database());
    TerminalProgress bar("Reading the clinic server");
    const auto address = context.db.string();
    installation_id_ =
        context
            .with_server_password(
                address,
                [&](std::optional<std::string> password) {
                    return db::move_clinic_server_to_file(
                        address, std::move(password), copy_.database(),
                        [&bar](long long done, long long total) { bar.update(done, total); });
                })
            .installation_id;
}

}  // namespace knotnotes::cli
