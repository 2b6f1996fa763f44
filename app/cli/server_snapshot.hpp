// server_snapshot.hpp — what the login may see on a clinic server, as a private, encrypted
// database file for as long as a command needs it (core/server_work_copy.hpp), for the
// commands that read a database file: export (every format) and verify (the signed notes).
#pragma once

#include <memory>
#include <string>

#include "cli_context.hpp"
#include "core/server_work_copy.hpp"
#include "db/database.hpp"

namespace knotnotes::cli {

class ServerSnapshot {
  public:
    explicit ServerSnapshot(const CliContext& context);

    db::Database& database() { return copy_->database(); }
    // The server's database id (what export identifiers are made from).
    const std::string& installation_id() const { return copy_->installation_id(); }

  private:
    std::unique_ptr<core::ServerReadCopy> copy_;
};

}  // namespace knotnotes::cli
