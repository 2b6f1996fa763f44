// server_snapshot.hpp — what the login may see on a clinic server, as a private, encrypted
// database file for as long as a command needs it, for the commands that read a database file:
// export (every format) and verify (the signed notes). The server is read in one snapshot
// (db/migrate/server_to_file.hpp). Until the storage seam reaches the exporters, this is how
// they read a server.
//
// The copy lives in a folder of its own (0700) under $XDG_RUNTIME_DIR (memory, on a desktop)
// or the temporary folder, encrypted with a random key that only this process holds, and is
// removed when the snapshot goes, whatever happened.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "cli_context.hpp"
#include "db/database.hpp"

namespace knotnotes::cli {

class ServerSnapshot {
  public:
    explicit ServerSnapshot(const CliContext& context);
    ~ServerSnapshot();
    ServerSnapshot(const ServerSnapshot&) = delete;
    ServerSnapshot& operator=(const ServerSnapshot&) = delete;

    db::Database& database() { return *database_; }
    // The server's database id (what export identifiers are made from).
    const std::string& installation_id() const { return installation_id_; }

  private:
    std::filesystem::path folder_;
    std::unique_ptr<db::Database> database_;
    std::string installation_id_;
};

}  // namespace knotnotes::cli
