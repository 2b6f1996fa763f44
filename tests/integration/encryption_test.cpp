// Encryption at rest (issue 13), through the real knotnotes-cli and real SQLCipher files: where
// the key comes from, what happens without it or with a wrong one, encrypt / rekey / decrypt,
// backups and restore, a damaged encrypted file, and that a client's name is nowhere in the
// database, its WAL or its backups.
#include <sys/stat.h>

#include <fstream>

#include <catch2/catch.hpp>

#include "cli_workspace.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/encryption.hpp"
#include "db/file_identity.hpp"
#include "db/sha256.hpp"
#include "process.hpp"

using namespace knotnotes;
using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

// A name that appears nowhere else (not in the muscle atlas, not in any schema text).
constexpr const char* client_name = "Quillfeather";

std::string write_passphrase(const Workspace& ws, const std::string& name,
                             const std::string& passphrase) {
    const auto file = ws.path(name);
    {
        std::ofstream out(file);
        out << passphrase << "\n";
    }
    ::chmod(file.c_str(), 0600);
    return file;
}

void add_named_client(db::Database& database) {
    sdk::Client client;
    client.given_name = "Marguerite";
    client.family_name = client_name;
    db::ClientRepository(database).add(client);
}

int client_count(const std::filesystem::path& file, const db::DatabaseKey& key) {
    db::Database database(file, key, db::OpenMode::existing_only);
    auto st = database.prepare("SELECT count(*) FROM clients");
    st->step();
    return st->integer(0);
}

bool contains(const std::filesystem::path& file, const std::string& text) {
    return slurp(file).find(text) != std::string::npos;
}

std::string file_hash(const std::filesystem::path& file) {
    return db::sha256_hex(slurp(file));
}

// Every file in the workspace folder and its content hash: nothing added, nothing changed.
std::map<std::string, std::string> folder_state(const Workspace& ws) {
    std::map<std::string, std::string> state;
    for (const auto& entry : std::filesystem::directory_iterator(ws.dir.path()))
        if (entry.is_regular_file())
            state[entry.path().filename().string()] = file_hash(entry.path());
    return state;
}

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    ::stat(file.c_str(), &st);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("a new database is encrypted: the client's name is not in it, its WAL or its backups",
          "[integration][encryption]") {
    Workspace ws;
    const auto pass = write_passphrase(ws, "pass", "correct horse battery staple");
    const auto db_file = ws.path("k.db");
    auto created = ws.cli({"--db", db_file, "--passphrase-file", pass, "demo", "--clients", "5"});
    REQUIRE(created.exit_code == 0);
    CHECK(db::identify_database_file(db_file).kind == db::FileKind::encrypted);
    CHECK(slurp(db_file).substr(0, 8) == db::encrypted_file_marker);
    CHECK(mode_of(db_file) == 0600);

    const auto key = db::DatabaseKey::from_passphrase("correct horse battery staple");
    {
        db::Database database(db_file, key, db::OpenMode::existing_only);
        add_named_client(database);
        // While the connection is open the new client is in the WAL, not yet in the main file.
        REQUIRE(std::filesystem::exists(db_file + "-wal"));
        CHECK(std::filesystem::file_size(db_file + "-wal") > 0);
        CHECK_FALSE(contains(db_file + "-wal", client_name));
        CHECK_FALSE(contains(db_file, client_name));
        // The same, for a plain database: the test would see the name if it were there.
        db::Database plain(ws.path("plain.db"));
        add_named_client(plain);
        CHECK(contains(ws.path("plain.db-wal"), client_name));
    }
    CHECK_FALSE(contains(db_file, client_name));

    // The sqlite3 shell cannot read it.
    auto shell = test::run_process({"sqlite3", db_file, "SELECT count(*) FROM clients"});
    CHECK(shell.exit_code != 0);
    CHECK_THAT(shell.err, Catch::Contains("not a database"));

    auto backup =
        ws.cli({"--db", db_file, "--passphrase-file", pass, "backup", "-o", ws.path("copy.db")});
    REQUIRE(backup.exit_code == 0);
    CHECK(db::identify_database_file(ws.path("copy.db")).kind == db::FileKind::encrypted);
    CHECK_FALSE(contains(ws.path("copy.db"), client_name));
    CHECK(mode_of(ws.path("copy.db")) == 0600);
    CHECK(client_count(ws.path("copy.db"), key) == 6);

    auto rotated = ws.cli({"--db", db_file, "--passphrase-file", pass, "backup", "--rotate"});
    REQUIRE(rotated.exit_code == 0);
    const auto folder = ws.dir / "data" / "knotnotes" / "backups";
    int backups = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        ++backups;
        CHECK(db::identify_database_file(entry.path()).kind == db::FileKind::encrypted);
        CHECK_FALSE(contains(entry.path(), client_name));
        CHECK(client_count(entry.path(), key) == 6);
    }
    CHECK(backups == 1);
}

TEST_CASE("the key comes from --passphrase-file, KNOTNOTES_PASSPHRASE_FILE or the terminal",
          "[integration][encryption]") {
    Workspace ws;
    const auto pass = write_passphrase(ws, "pass", "tuesday clinic");
    const auto db_file = ws.path("k.db");
    REQUIRE(
        ws.cli({"--db", db_file, "--passphrase-file", pass, "demo", "--clients", "3"}).exit_code ==
        0);

    SECTION("the passphrase file") {
        auto r = ws.cli({"--db", db_file, "--passphrase-file", pass, "verify"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("The database is intact."));
    }
    SECTION("the environment variable") {
        auto r = test::run_process({KNOTNOTES_CLI, "--db", db_file, "verify"},
                                   {{"HOME", ws.dir.path().string()},
                                    {"XDG_DATA_HOME", (ws.dir / "data").string()},
                                    {"KNOTNOTES_PASSPHRASE_FILE", pass}});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("The database is intact."));
    }
    SECTION("typed at a terminal (script(1) gives the CLI a real pseudo-terminal)") {
        // Typed a second after the start, once the prompt is up (and echo off), as a person does.
        const std::string command =
            std::string("(sleep 1; printf 'tuesday clinic\\n') | script -qec \"") + KNOTNOTES_CLI +
            " --db " + db_file + " verify\" /dev/null";
        auto r = test::run_process({"sh", "-c", command}, {{"HOME", ws.dir.path().string()},
                                                           {"KNOTNOTES_PASSPHRASE_FILE", ""}});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("Passphrase of " + db_file));
        CHECK_THAT(r.out, Catch::Contains("The database is intact."));
        // Not echoed: the passphrase itself is not in what the terminal showed.
        CHECK_THAT(r.out, !Catch::Contains("tuesday clinic"));
    }
}

TEST_CASE("without its key, or with a wrong one, an encrypted database is left byte-identical",
          "[integration][encryption]") {
    Workspace ws;
    const auto pass = write_passphrase(ws, "pass", "right one");
    const auto wrong = write_passphrase(ws, "wrong", "wrong one");
    const auto db_file = ws.path("k.db");
    REQUIRE(
        ws.cli({"--db", db_file, "--passphrase-file", pass, "demo", "--clients", "3"}).exit_code ==
        0);
    const auto before = folder_state(ws);

    auto no_key = ws.cli({"--db", db_file, "practitioners", "list"});
    CHECK(no_key.exit_code == 5);
    CHECK_THAT(no_key.err, Catch::Contains(db_file + ": this database is encrypted and no key was "
                                                     "given") &&
                               Catch::Contains("--passphrase-file"));
    auto wrong_key = ws.cli({"--db", db_file, "--passphrase-file", wrong, "backup", "--rotate"});
    CHECK(wrong_key.exit_code == 5);
    CHECK_THAT(wrong_key.err, Catch::Contains(db_file) && Catch::Contains("does not open it"));
    auto wrong_verify = ws.cli({"--db", db_file, "--passphrase-file", wrong, "verify"});
    CHECK(wrong_verify.exit_code == 5);
    CHECK(folder_state(ws) == before);
    CHECK_FALSE(std::filesystem::exists(ws.dir / "data" / "knotnotes" / "backups"));

    // A new database needs a key too, or --unencrypted: nothing is created without one.
    auto new_db = ws.cli({"--db", ws.path("new.db"), "demo", "--clients", "1"});
    CHECK(new_db.exit_code == 5);
    CHECK_THAT(new_db.err, Catch::Contains(ws.path("new.db")) &&
                               Catch::Contains("a new database is encrypted"));
    CHECK_FALSE(std::filesystem::exists(ws.path("new.db")));
    auto plain = ws.cli({"--db", ws.path("new.db"), "--unencrypted", "demo", "--clients", "1"});
    CHECK(plain.exit_code == 0);
    CHECK(db::identify_database_file(ws.path("new.db")).kind == db::FileKind::knotnotes);
}

TEST_CASE("encrypt, rekey and decrypt", "[integration][encryption]") {
    Workspace ws;
    const auto first = write_passphrase(ws, "first", "first passphrase");
    const auto second = write_passphrase(ws, "second", "second passphrase");
    const auto db_file = ws.path("k.db");
    REQUIRE(ws.cli({"--db", db_file, "--unencrypted", "demo", "--clients", "7"}).exit_code == 0);
    {
        db::Database plain(db_file, db::OpenMode::existing_only);
        add_named_client(plain);
    }
    REQUIRE(contains(db_file, client_name));

    auto encrypted = ws.cli({"--db", db_file, "--passphrase-file", first, "encrypt"});
    REQUIRE(encrypted.exit_code == 0);
    CHECK_THAT(encrypted.out, Catch::Contains("Encrypted " + db_file));
    CHECK(db::identify_database_file(db_file).kind == db::FileKind::encrypted);
    CHECK_FALSE(contains(db_file, client_name));
    CHECK_FALSE(std::filesystem::exists(db_file + "-wal"));
    CHECK_FALSE(std::filesystem::exists(db_file + ".encrypting"));
    CHECK(mode_of(db_file) == 0600);
    CHECK(client_count(db_file, db::DatabaseKey::from_passphrase("first passphrase")) == 8);
    auto verified = ws.cli({"--db", db_file, "--passphrase-file", first, "verify"});
    CHECK(verified.exit_code == 0);
    CHECK_THAT(verified.out, Catch::Contains("The database is intact."));
    CHECK(ws.cli({"--db", db_file, "--passphrase-file", first, "encrypt"}).exit_code == 1);

    auto rekeyed = ws.cli(
        {"--db", db_file, "--passphrase-file", first, "rekey", "--new-passphrase-file", second});
    REQUIRE(rekeyed.exit_code == 0);
    CHECK(ws.cli({"--db", db_file, "--passphrase-file", first, "verify"}).exit_code == 5);
    CHECK(ws.cli({"--db", db_file, "--passphrase-file", second, "verify"}).exit_code == 0);
    CHECK(db::identify_database_file(db_file).kind == db::FileKind::encrypted);
    CHECK(client_count(db_file, db::DatabaseKey::from_passphrase("second passphrase")) == 8);

    const auto copy = ws.path("plain-copy.db");
    auto refused = ws.cli({"--db", db_file, "--passphrase-file", second, "decrypt", "-o", copy});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("--i-understand-plaintext"));
    CHECK_FALSE(std::filesystem::exists(copy));
    auto decrypted = ws.cli({"--db", db_file, "--passphrase-file", second, "decrypt", "-o", copy,
                             "--i-understand-plaintext"});
    REQUIRE(decrypted.exit_code == 0);
    CHECK_THAT(decrypted.out, Catch::Contains("not encrypted"));
    CHECK(db::identify_database_file(copy).kind == db::FileKind::knotnotes);
    CHECK(mode_of(copy) == 0600);
    auto shell = test::run_process({"sqlite3", copy, "SELECT count(*) FROM clients"});
    CHECK(shell.out == "8\n");
    CHECK(db::identify_database_file(db_file).kind == db::FileKind::encrypted);
    // Never over an existing file without --force, and never over a database at all.
    auto again = ws.cli({"--db", db_file, "--passphrase-file", second, "decrypt", "-o", copy,
                         "--i-understand-plaintext", "--force"});
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("never overwritten"));
}

TEST_CASE("restore of an encrypted backup keeps the replaced database encrypted",
          "[integration][encryption]") {
    Workspace ws;
    const auto pass = write_passphrase(ws, "pass", "restore me");
    const auto db_file = ws.path("k.db");
    REQUIRE(
        ws.cli({"--db", db_file, "--passphrase-file", pass, "demo", "--clients", "4"}).exit_code ==
        0);
    REQUIRE(ws.cli({"--db", db_file, "--passphrase-file", pass, "backup", "-o", ws.path("b.db")})
                .exit_code == 0);
    const auto key = db::DatabaseKey::from_passphrase("restore me");
    {
        db::Database database(db_file, key, db::OpenMode::existing_only);
        add_named_client(database);
    }
    REQUIRE(client_count(db_file, key) == 5);

    CHECK(ws.cli({"--db", db_file, "restore", ws.path("b.db")}).exit_code == 5);
    auto restored =
        ws.cli({"--db", db_file, "--passphrase-file", pass, "restore", ws.path("b.db")});
    REQUIRE(restored.exit_code == 0);
    CHECK(client_count(db_file, key) == 4);
    CHECK(db::identify_database_file(db_file).kind == db::FileKind::encrypted);
    std::filesystem::path kept;
    for (const auto& entry : std::filesystem::directory_iterator(ws.dir.path()))
        if (entry.path().filename().string().rfind("k.db.before-restore-", 0) == 0)
            kept = entry.path();
    REQUIRE_FALSE(kept.empty());
    CHECK(db::identify_database_file(kept).kind == db::FileKind::encrypted);
    CHECK_FALSE(contains(kept, client_name));
    CHECK(client_count(kept, key) == 5);
}

TEST_CASE(
    "a damaged encrypted database is reported as damaged, and a newer one is refused untouched",
    "[integration][encryption]") {
    Workspace ws;
    const auto pass = write_passphrase(ws, "pass", "damage check");
    const auto db_file = ws.path("k.db");
    REQUIRE(
        ws.cli({"--db", db_file, "--passphrase-file", pass, "demo", "--clients", "40"}).exit_code ==
        0);
    const auto key = db::DatabaseKey::from_passphrase("damage check");

    SECTION("a page in the middle overwritten") {
        {
            std::fstream f(db_file, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(db_file) / 2));
            f.write("garbage garbage garbage garbage", 31);
        }
        auto r = ws.cli({"--db", db_file, "--passphrase-file", pass, "verify"});
        CHECK(r.exit_code == 4);
        CHECK_THAT(r.out + r.err, Catch::Contains("damaged"));
    }
    SECTION("the first page overwritten: damaged with the right key, locked with a wrong one") {
        {
            std::fstream f(db_file, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(100);  // past the salt, inside page 1's encrypted content
            f.write("garbage garbage garbage garbage", 31);
        }
        const auto wrong_pass = write_passphrase(ws, "wrong", "not the passphrase");
        const auto before = folder_state(ws);
        auto right = ws.cli({"--db", db_file, "--passphrase-file", pass, "verify"});
        CHECK(right.exit_code == 4);
        CHECK_THAT(right.err, Catch::Contains(db_file) &&
                                  Catch::Contains("its first page does not verify") &&
                                  Catch::Contains("the key is right"));
        auto wrong = ws.cli({"--db", db_file, "--passphrase-file", wrong_pass, "verify"});
        CHECK(wrong.exit_code == 5);
        CHECK_THAT(wrong.err, Catch::Contains("the key given does not open it"));
        CHECK(folder_state(ws) == before);
    }
    SECTION("written by a newer KnotNotes") {
        {
            db::Database database(db_file, key, db::OpenMode::existing_only);
            database.exec("PRAGMA user_version = 999");
        }
        const auto before = folder_state(ws);
        auto r = ws.cli({"--db", db_file, "--passphrase-file", pass, "demo", "--clients", "1"});
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains(db_file) && Catch::Contains("newer KnotNotes"));
        CHECK(folder_state(ws) == before);
    }
    SECTION("a file that only looks like one is not taken for a database") {
        std::ofstream(ws.path("random.db"), std::ios::binary) << std::string(4096, 'x');
        CHECK(db::identify_database_file(ws.path("random.db")).kind == db::FileKind::not_sqlite);
    }
}
