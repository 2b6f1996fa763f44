// server_snapshot.hpp — what the login may see on a clinic server, as a private, encrypted
// database file (private_work_file.hpp) for as long as a command needs it, for the commands
// that read a database file: export (every format) and verify (the signed notes). The server is
// read in one snapshot (db/migrate/server_to_file.hpp). Until the storage seam reaches the
// exporters, this is how they read a server.
#pragma once

#include <string>

#include "cli_context.hpp"
#include "db/database.hpp"
#include "private_work_file.hpp"

namespace knotnotes::cli {

class ServerSnapshot {
  public:
    explicit ServerSnapshot(const CliContext& context);

    db::Database& database() { return copy_.database(); }
    // The server's database id (what export identifiers are made from).
    const std::string& installation_id() const { return installation_id_; }

  private:
    PrivateWorkFile copy_;
    std::string installation_id_;
};

}  // namespace knotnotes::cli
