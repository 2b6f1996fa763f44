// cli_workspace.hpp — a temporary home for runs of the real knotnotes-cli, as a user runs it:
// its own HOME, XDG folders and no KNOTNOTES_PLUGIN_PATH, databases and files inside it.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"
#include "temp_dir.hpp"

namespace knotnotes::test {

inline std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class Workspace {
  public:
    ProcessResult cli(std::vector<std::string> args) const {
        args.insert(args.begin(), KNOTNOTES_CLI);
        return run_process(args, {{"HOME", dir.path().string()},
                                  {"XDG_CONFIG_HOME", (dir / "config").string()},
                                  {"XDG_DATA_HOME", (dir / "data").string()},
                                  {"KNOTNOTES_PLUGIN_PATH", ""}});
    }
    // knotnotes-cli --db <dir>/<db> --unencrypted args...: these tests look into the database
    // with the sqlite3 shell (state()), so they create plain ones on purpose; the encrypted
    // path has tests of its own (tests/integration/encryption_test.cpp).
    ProcessResult on(const std::string& db, std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", (dir / db).string(), "--unencrypted"});
        return cli(args);
    }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    // What must not change when an import is refused: every table's rows and the audit log.
    std::string state(const std::string& db) const {
        auto r = run_process({"sqlite3", path(db),
                              "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM "
                              "sessions), (SELECT count(*) FROM knots), (SELECT count(*) FROM "
                              "audit_log), (SELECT max(hash) FROM audit_log)"});
        return r.out;
    }

    TempDir dir;
};

}  // namespace knotnotes::test
