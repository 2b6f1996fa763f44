#include "core/server_work_copy.hpp"

#include <vector>

#include "db/migrate/server_to_file.hpp"
#include "db/statement.hpp"

namespace knotnotes::core {
namespace {

// A read copy is no record: it needs no audit chain of its own, no search index and no seals
// (nobody else can open it, and it is gone when the command ends), and keeping them was most
// of the time a copy took: a SHA-256 and an FTS5 update per row, and a statement journal for
// every INSERT that a trigger might undo.
void keep_no_records_in(db::Database& copy) {
    std::vector<std::string> triggers;
    {
        auto st = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'");
        while (st->step())
            triggers.push_back(st->text(0));
    }
    for (const auto& trigger : triggers)
        copy.exec("DROP TRIGGER \"" + trigger + "\"");
    // Nor does it need to survive a crash (a copy cut short is removed with its folder): no
    // journal and no syncs, and a page cache big enough that a page is encrypted and written
    // once rather than spilled and read back while the copy is made.
    copy.exec("PRAGMA journal_mode = OFF");
    copy.exec("PRAGMA synchronous = OFF");
    copy.exec("PRAGMA cache_size = -65536");
}

// The copy's own indexes (the exporters' queries need them), dropped while the rows go in and
// made again afterwards: one sort per index instead of a B-tree insert per row, which is what
// made a big server's copy slower than its size.
std::vector<std::string> drop_indexes(db::Database& copy) {
    std::vector<std::pair<std::string, std::string>> indexes;
    {
        auto st = copy.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
        while (st->step())
            indexes.emplace_back(st->text(0), st->text(1));
    }
    std::vector<std::string> made_again;
    for (const auto& [name, sql] : indexes) {
        copy.exec("DROP INDEX \"" + name + "\"");
        made_again.push_back(sql);
    }
    return made_again;
}

}  // namespace

ServerReadCopy::ServerReadCopy(db::postgres::ServerConnection& server,
                               const RowProgress& progress) {
    keep_no_records_in(copy_.database());
    const auto indexes = drop_indexes(copy_.database());
    installation_id_ = db::move_server_to_file(server, copy_.database(), progress).installation_id;
    for (const auto& index : indexes)
        copy_.database().exec(index);
}

db::FileMoveResult write_through_staging(db::postgres::ServerConnection& server,
                                         const std::function<void(db::Database&)>& write,
                                         const RowProgress& progress) {
    PrivateWorkFile staging;
    write(staging.database());
    return db::move_file_to_server(staging.database(), server, {"", true}, progress);
}

}  // namespace knotnotes::core
