// private_work_file.hpp — a database file only this process can read, for as long as one
// command or job needs it: how the code that reads or writes a database file (exporters,
// importers, the demo writer) works with a clinic server until the storage seam reaches it
// (server_work_copy.hpp reads the server into one; a staging file is written and then moved
// into the server).
//
// It lives in a folder of its own (0700) under $XDG_RUNTIME_DIR (memory, on a desktop) or the
// temporary folder, encrypted with a random key that only this process holds, and is removed
// with its folder when the object goes, whatever happened.
#pragma once

#include <filesystem>
#include <memory>

#include "db/database.hpp"

namespace knotnotes::core {

class PrivateWorkFile {
  public:
    PrivateWorkFile();
    ~PrivateWorkFile();
    PrivateWorkFile(const PrivateWorkFile&) = delete;
    PrivateWorkFile& operator=(const PrivateWorkFile&) = delete;

    db::Database& database() { return *database_; }

  private:
    std::filesystem::path folder_;
    std::unique_ptr<db::Database> database_;
};

}  // namespace knotnotes::core
