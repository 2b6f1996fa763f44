// private_work_file.hpp — a database file only this command can read, for as long as it needs
// it: how the commands that read or write a database file work with a clinic server until the
// storage seam reaches them (server_snapshot.hpp reads the server into one; server_staging.hpp
// writes records into one and moves them into the server).
//
// It lives in a folder of its own (0700) under $XDG_RUNTIME_DIR (memory, on a desktop) or the
// temporary folder, encrypted with a random key that only this process holds, and is removed
// with its folder when the object goes, whatever happened.
#pragma once

#include <filesystem>
#include <memory>

#include "db/database.hpp"

namespace knotnotes::cli {

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

}  // namespace knotnotes::cli
