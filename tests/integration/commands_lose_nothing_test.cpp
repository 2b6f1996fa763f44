// Nothing is lost by a command (issue 9, point 4), tried through the real knotnotes-cli as a
// careless user would: outputs pointed at the database, its WAL, another database or an
// existing file; backups of a damaged database; verify on empty and missing files.
#include <filesystem>
#include <fstream>
#include <map>

#include <catch2/catch.hpp>

#include "cli_workspace.hpp"
#include "db/database.hpp"
#include "process.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const std::filesystem::path& file, const std::string& content) {
    std::ofstream(file, std::ios::binary) << content;
}

// Runs the CLI on `db` with its data folder under `dir`, so rotation writes into the test's
// own backups folder.
test::ProcessResult cli(const TempDir& dir, const std::filesystem::path& db,
                        std::vector<std::string> args) {
    std::vector<std::string> argv{KNOTNOTES_CLI, "--db", db.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::run_process(argv, {{"XDG_DATA_HOME", (dir / "data").string()},
                                    {"XDG_CONFIG_HOME", (dir / "config").string()}});
}

std::filesystem::path sample_database(const TempDir& dir, const std::string& name) {
    const auto file = dir / name;
    db::Database database(file);
    test::add_sample_records(database);
    return file;
}

// Overwrites a stretch of pages in the middle of the file, as a failing disk would.
void damage(const std::filesystem::path& file) {
    auto bytes = read_file(file);
    REQUIRE(bytes.size() > 12288);
    for (std::size_t i = 4096; i < 12288; ++i)
        bytes[i] = static_cast<char>((i * 131) & 0xff);
    write_file(file, bytes);
}

}  // namespace

TEST_CASE("export -o never overwrites the database, its WAL or another KnotNotes database",
          "[integration][cli][overwrite]") {
    TempDir dir;
    const auto file = sample_database(dir, "k.db");
    const auto other = sample_database(dir, "other.db");
    const auto before = read_file(file);
    const auto other_before = read_file(other);
    for (const auto& target : {file, std::filesystem::path(file.string() + "-wal"),
                               std::filesystem::path(file.string() + "-shm"), other}) {
        CAPTURE(target);
        for (const bool force : {false, true}) {
            std::vector<std::string> args{"export", "--format", "xml", "-o", target.string()};
            if (force)
                args.push_back("--force");
            const auto result = cli(dir, file, args);
            CHECK(result.exit_code == 1);
            CHECK_THAT(result.err, Catch::Contains(target.filename().string()));
        }
    }
    CHECK(read_file(file) == before);
    CHECK(read_file(other) == other_before);
    CHECK_FALSE(std::filesystem::exists(file.string() + "-wal.partial"));
}

TEST_CASE("export -o and backup -o replace an existing file only with --force",
          "[integration][cli][overwrite]") {
    TempDir dir;
    const auto file = sample_database(dir, "k.db");
    const auto notes = dir / "notes.xml";
    write_file(notes, "a file the therapist wrote");

    for (const std::string command : {"export", "backup"}) {
        CAPTURE(command);
        std::vector<std::string> args{command};
        if (command == "export")
            args.insert(args.end(), {"--format", "xml"});
        args.insert(args.end(), {"-o", notes.string()});
        const auto refused = cli(dir, file, args);
        CHECK(refused.exit_code == 1);
        CHECK_THAT(refused.err, Catch::Contains("notes.xml") && Catch::Contains("already exists") &&
                                    Catch::Contains("--force"));
        CHECK(read_file(notes) == "a file the therapist wrote");
    }

    const auto forced =
        cli(dir, file, {"export", "--format", "xml", "-o", notes.string(), "--force"});
    CHECK(forced.exit_code == 0);
    CHECK_THAT(read_file(notes), Catch::Contains("<client"));

    const auto backup_forced = cli(dir, file, {"backup", "-o", notes.string(), "--force"});
    CHECK(backup_forced.exit_code == 0);
    CHECK(read_file(notes).rfind("SQLite format 3", 0) == 0);
}

TEST_CASE("backup -o never overwrites the database it copies, even with --force",
          "[integration][cli][overwrite]") {
    TempDir dir;
    const auto file = sample_database(dir, "k.db");
    const auto before = read_file(file);
    const auto result = cli(dir, file, {"backup", "-o", file.string(), "--force"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("k.db") && Catch::Contains("never overwritten"));
    CHECK(read_file(file) == before);
}

TEST_CASE("a damaged database is refused by backup and rotation, and the good backups stay",
          "[integration][cli][backup]") {
    TempDir dir;
    const auto file = sample_database(dir, "k.db");
    const auto backups = dir / "data" / "knotnotes" / "backups";
    for (int i = 0; i < 3; ++i)
        REQUIRE(cli(dir, file, {"backup", "--rotate", "--keep", "3"}).exit_code == 0);
    std::map<std::string, std::string> good;
    for (const auto& entry : std::filesystem::directory_iterator(backups))
        good[entry.path().filename().string()] = read_file(entry.path());
    REQUIRE(good.size() == 3);

    damage(file);
    const auto rotated = cli(dir, file, {"backup", "--rotate", "--keep", "3"});
    CHECK(rotated.exit_code == 1);
    CHECK_THAT(rotated.err, Catch::Contains("k.db") && Catch::Contains("damaged") &&
                                Catch::Contains("malformed") && Catch::Contains("restore"));
    std::map<std::string, std::string> after;
    for (const auto& entry : std::filesystem::directory_iterator(backups))
        after[entry.path().filename().string()] = read_file(entry.path());
    CHECK(after == good);  // nothing replaced, nothing deleted, no partial file left

    const auto copy = dir / "copy.db";
    const auto single = cli(dir, file, {"backup", "-o", copy.string()});
    CHECK(single.exit_code == 1);
    CHECK_THAT(single.err, Catch::Contains("damaged"));
    CHECK_FALSE(std::filesystem::exists(copy));
    CHECK_FALSE(std::filesystem::exists(copy.string() + ".partial"));
}

TEST_CASE("verify never creates or changes a file, and tells the kinds of bad file apart",
          "[integration][cli][verify]") {
    TempDir dir;
    const auto missing = dir / "missing.db";
    const auto gone = cli(dir, missing, {"verify"});
    CHECK(gone.exit_code == 1);
    CHECK_THAT(gone.err, Catch::Contains("missing.db") && Catch::Contains("no such"));
    CHECK_FALSE(std::filesystem::exists(missing));
    CHECK_FALSE(std::filesystem::exists(missing.string() + "-wal"));

    const auto empty = dir / "empty.db";
    write_file(empty, "");
    const auto none = cli(dir, empty, {"verify"});
    CHECK(none.exit_code == 1);
    CHECK_THAT(none.err, Catch::Contains("empty.db") && Catch::Contains("empty"));
    CHECK(std::filesystem::file_size(empty) == 0);
    CHECK_FALSE(std::filesystem::exists(empty.string() + "-wal"));

    const auto foreign = dir / "foreign.db";
    write_file(foreign, "name,phone\nAda,555\n");
    const auto not_ours = cli(dir, foreign, {"verify"});
    CHECK(not_ours.exit_code == 1);
    CHECK_THAT(not_ours.err, Catch::Contains("foreign.db") && Catch::Contains("not"));
    CHECK(read_file(foreign) == "name,phone\nAda,555\n");

    const auto damaged = sample_database(dir, "damaged.db");
    damage(damaged);
    const auto damaged_before = read_file(damaged);
    const auto broken = cli(dir, damaged, {"verify"});
    CHECK(broken.exit_code == 4);
    CHECK_THAT(broken.err, Catch::Contains("damaged.db") && Catch::Contains("damaged") &&
                               Catch::Contains("restore"));
    CHECK(read_file(damaged) == damaged_before);

    const auto good = sample_database(dir, "good.db");
    const auto good_before = read_file(good);
    CHECK(cli(dir, good, {"verify"}).exit_code == 0);
    CHECK(read_file(good) == good_before);
}

TEST_CASE("under umask 022 every file the CLI writes is private to the therapist",
          "[integration][cli][permissions]") {
    TempDir dir;
    const auto data = dir / "data" / "knotnotes";
    std::filesystem::create_directories(data);
    std::filesystem::permissions(data, std::filesystem::perms(0755));  // an old, open folder
    const auto file = data / "k.db";
    // An encrypted database (the default), so its backups are checked as they are made.
    const auto passphrase = dir / "passphrase";
    std::ofstream(passphrase) << "umask test passphrase\n";
    std::filesystem::permissions(passphrase, std::filesystem::perms(0600));
    const auto shell = [&](const std::string& args) {
        return test::run_process(
            {"sh", "-c", "umask 022; exec \"$0\" --db \"$1\" --passphrase-file \"$2\" " + args,
             KNOTNOTES_CLI, file.string(), passphrase.string()},
            {{"XDG_DATA_HOME", (dir / "data").string()},
             {"XDG_CONFIG_HOME", (dir / "config").string()}});
    };
    REQUIRE(shell("demo --clients 2").exit_code == 0);
    REQUIRE(shell("backup --rotate").exit_code == 0);
    REQUIRE(shell("export --format xml -o " + (dir / "out.xml").string()).exit_code == 0);
    REQUIRE(shell("export --format csv -o " + (dir / "csv").string()).exit_code == 0);

    const auto mode = [](const std::filesystem::path& p) {
        return static_cast<int>(std::filesystem::status(p).permissions() &
                                std::filesystem::perms::all);
    };
    CHECK(mode(data) == 0700);
    CHECK(mode(data / "backups") == 0700);
    CHECK(mode(file) == 0600);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "data")) {
        CAPTURE(entry.path());
        CHECK(mode(entry.path()) == (entry.is_directory() ? 0700 : 0600));
    }
    CHECK(mode(dir / "out.xml") == 0600);
    CHECK(mode(dir / "csv") == 0700);
    for (const auto& entry : std::filesystem::directory_iterator(dir / "csv")) {
        CAPTURE(entry.path());
        CHECK(mode(entry.path()) == 0600);
    }
}

TEST_CASE(
    "a server address given to --db is never taken for a file: no folder or file is "
    "made for it",
    "[cli][open]") {
    TempDir dir;
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());  // where "postgresql:" would have been created
    // Nothing listens on port 1, and .invalid never resolves: both fail at once.
    for (const std::string address :
         {"postgresql://therapist@127.0.0.1:1/clinic", "postgres://clinic.invalid/knotnotes"}) {
        // A command that needs a file says so.
        auto r = cli(dir, address, {"backup", "-o", (dir / "copy.db").string()});
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains(address) &&
                              Catch::Contains("address of a clinic server, not a file"));
        // Commands a clinic server answers try the server, and say it cannot be reached.
        for (const std::vector<std::string>& command :
             {std::vector<std::string>{"verify"}, std::vector<std::string>{"practitioners", "list"},
              std::vector<std::string>{"--unencrypted", "demo", "--clients", "1"},
              std::vector<std::string>{"clients", "search", "smi"}}) {
            r = cli(dir, address, command);
            CHECK(r.exit_code == 1);
            CHECK_THAT(r.err, Catch::Contains("Could not connect to the clinic server") &&
                                  Catch::Contains("server is running"));
        }
    }
    std::filesystem::current_path(before);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().rfind("postgres", 0) != 0);
}

TEST_CASE("libpq is loaded only to connect to a clinic server, never for a file", "[cli][open]") {
    // LD_DEBUG=libs is the dynamic loader's own account of every library it loads and
    // initialises, linked or opened later.
    test::Workspace w;
    const std::map<std::string, std::string> loader_report{{"LD_DEBUG", "libs"},
                                                           {"HOME", w.path("")},
                                                           {"XDG_CONFIG_HOME", w.path("config")},
                                                           {"XDG_DATA_HOME", w.path("data")},
                                                           {"KNOTNOTES_PLUGIN_PATH", ""}};
    auto r = test::run_process(
        {KNOTNOTES_CLI, "--db", w.path("solo.db"), "--unencrypted", "demo", "--clients", "2"},
        loader_report);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("calling init:"));  // the report is there
    CHECK_THAT(r.err, !Catch::Contains("libpq"));
    r = test::run_process({KNOTNOTES_CLI, "--db", w.path("solo.db"), "clients", "search", "a"},
                          loader_report);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, !Catch::Contains("libpq"));
    // Nothing listens on port 1: connecting fails at once, after libpq is loaded for it.
    r = test::run_process(
        {KNOTNOTES_CLI, "--db", "postgresql://therapist@127.0.0.1:1/clinic", "verify"},
        loader_report);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("calling init: ") && Catch::Contains("libpq.so.5"));
    CHECK_THAT(r.err, Catch::Contains("Could not connect to the clinic server"));
}

TEST_CASE("without a loadable libpq, connecting to a clinic server says what to install",
          "[cli][open]") {
    // A libpq.so.5 the loader finds first (LD_LIBRARY_PATH) and cannot load: as on a computer
    // where the library is missing or broken.
    test::Workspace w;
    const auto libs = std::filesystem::path(w.path("libs"));
    std::filesystem::create_directories(libs);
    std::ofstream(libs / "libpq.so.5") << "not a library\n";
    const auto r = test::run_process(
        {KNOTNOTES_CLI, "--db", "postgresql://therapist@127.0.0.1:1/clinic", "verify"},
        {{"LD_LIBRARY_PATH", libs.string()},
         {"HOME", w.path("")},
         {"XDG_CONFIG_HOME", w.path("config")},
         {"XDG_DATA_HOME", w.path("data")}});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(r.signaled);
    CHECK_THAT(r.err, Catch::Contains("connecting to a clinic server needs libpq") &&
                          Catch::Contains("libpq.so.5") && Catch::Contains("apt install libpq5"));
    // A file still opens as ever: nothing there needs libpq.
    const auto file = test::run_process(
        {KNOTNOTES_CLI, "--db", w.path("solo.db"), "--unencrypted", "demo", "--clients", "1"},
        {{"LD_LIBRARY_PATH", libs.string()}, {"HOME", w.path("")}});
    CHECK(file.exit_code == 0);
}
