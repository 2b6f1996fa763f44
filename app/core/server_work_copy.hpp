// server_work_copy.hpp — code written for a database file (the exporters, the importers, the
// demo writer), run on a clinic server until the storage seam reaches it. Reading: what the
// login may see is read into a private file (private_work_file.hpp) in one snapshot, and the
// exporter reads that. Writing: the records are written into a private staging file, then
// moved into the server as the login's own in one server transaction, every row read back and
// compared (db/migrate/file_to_server.hpp): all of it or none.
#pragma once

#include <functional>
#include <string>

#include "core/private_work_file.hpp"
#include "db/database.hpp"
#include "db/migrate/file_to_server.hpp"

namespace knotnotes::db::postgres {
class ServerConnection;
}

namespace knotnotes::core {

// `progress(done, total)` counts rows; it may throw to stop (nothing is left behind then).
using RowProgress = std::function<void(long long, long long)>;

class ServerReadCopy {
  public:
    explicit ServerReadCopy(db::postgres::ServerConnection& server,
                            const RowProgress& progress = {});

    db::Database& database() { return copy_.database(); }
    // The server's database id (what export identifiers are made from).
    const std::string& installation_id() const { return installation_id_; }

  private:
    PrivateWorkFile copy_;
    std::string installation_id_;
};

// `write` fills the staging file; nothing reaches the server if it throws.
db::FileMoveResult write_through_staging(db::postgres::ServerConnection& server,
                                         const std::function<void(db::Database&)>& write,
                                         const RowProgress& progress = {});

}  // namespace knotnotes::core
