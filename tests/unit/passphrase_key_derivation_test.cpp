// The passphrase's page key KnotNotes derives (db/passphrase_key_derivation.hpp) is the one
// SQLCipher derives: the same bytes as OpenSSL's PBKDF2, and files keyed either way open the
// other way, so a database keyed before this change, or by the sqlcipher shell, still opens.
#include <openssl/evp.h>
#include <sqlite3.h>

#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "db/database.hpp"
#include "db/database_key.hpp"
#include "db/encryption.hpp"
#include "db/hex_text.hpp"
#include "db/passphrase_key_derivation.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::vector<unsigned char> openssl_pbkdf2(const std::string& pass, const std::string& salt,
                                          int iterations, std::size_t size) {
    std::vector<unsigned char> out(size);
    REQUIRE(PKCS5_PBKDF2_HMAC(pass.data(), static_cast<int>(pass.size()),
                              reinterpret_cast<const unsigned char*>(salt.data()),
                              static_cast<int>(salt.size()), iterations, EVP_sha512(),
                              static_cast<int>(size), out.data()) == 1);
    return out;
}

std::vector<unsigned char> ours(const std::string& pass, const std::string& salt, int iterations,
                                std::size_t size) {
    std::vector<unsigned char> out(size);
    db::pbkdf2_hmac_sha512(pass, reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                           iterations, out.data(), out.size());
    return out;
}

std::string hex(const std::vector<unsigned char>& bytes) {
    return db::lower_hex(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

// A connection to `file`, keyed by SQLCipher from `secret` itself (its own PBKDF2).
struct SqlcipherKeyed {
    sqlite3* db = nullptr;
    SqlcipherKeyed(const std::filesystem::path& file, const std::string& secret) {
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_key_v2(db, "main", secret.data(), static_cast<int>(secret.size())) ==
                SQLITE_OK);
    }
    ~SqlcipherKeyed() { sqlite3_close(db); }
};

// A connection to `file` keyed by KnotNotes (db::key_connection) with `key`.
struct KnotNotesKeyed {
    sqlite3* db = nullptr;
    KnotNotesKeyed(const std::filesystem::path& file, const db::DatabaseKey& key, bool new_file) {
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        db::key_connection(db, "main", key, new_file);
    }
    ~KnotNotesKeyed() { sqlite3_close(db); }
};

int exec(sqlite3* db, const std::string& sql) {
    return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

std::string first_text(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string text = "(no row)";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return text;
}

std::string file_start(const std::filesystem::path& file, std::size_t size) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace

TEST_CASE("PBKDF2-HMAC-SHA512 gives OpenSSL's bytes", "[db][encryption]") {
    // The published vector for P="password", S="salt", c=1, dkLen=64.
    CHECK(hex(ours("password", "salt", 1, 64)) ==
          "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bf"
          "e943c08f050235d7d68b1da55e63f73b60a57fce");
    // Passphrases shorter than, as long as and longer than SHA-512's block (a longer one is
    // hashed first), several iterations, and more than one output block.
    const std::vector<std::string> passphrases{"p", "correct horse battery staple",
                                               std::string(128, 'k'), std::string(129, 'k'),
                                               std::string(300, '\xc3')};
    for (const auto& pass : passphrases) {
        for (const int iterations : {1, 2, 1000}) {
            for (const std::size_t size : {std::size_t{32}, std::size_t{64}, std::size_t{100}}) {
                INFO(pass.size() << "-byte passphrase, " << iterations << " iterations, " << size
                                 << " bytes");
                CHECK(ours(pass, "KnotNote\x01\x02\x03\x04\x05\x06\x07\x08", iterations, size) ==
                      openssl_pbkdf2(pass, "KnotNote\x01\x02\x03\x04\x05\x06\x07\x08", iterations,
                                     size));
            }
        }
    }
}

TEST_CASE("SQLCipher 4's page key: 256,000 iterations of the file's salt", "[db][encryption]") {
    const std::array<unsigned char, 16> salt{'K', 'n', 'o', 't', 'N', 'o', 't', 'e',
                                             9,   8,   7,   6,   5,   4,   3,   2};
    const auto key = db::sqlcipher_page_key("a passphrase", salt);
    CHECK(std::vector<unsigned char>(key.begin(), key.end()) ==
          openssl_pbkdf2("a passphrase", std::string(salt.begin(), salt.end()), 256000, 32));
}

TEST_CASE("a file SQLCipher keyed from a passphrase opens with the key KnotNotes derives",
          "[db][encryption]") {
    TempDir dir;
    const auto file = dir / "keyed-by-sqlcipher.db";
    {
        SqlcipherKeyed made(file, "the clinic's passphrase");
        REQUIRE(exec(made.db, "CREATE TABLE t(x); INSERT INTO t VALUES ('kept')") == SQLITE_OK);
    }
    {
        KnotNotesKeyed opened(file, db::DatabaseKey::from_passphrase("the clinic's passphrase"),
                              false);
        CHECK(first_text(opened.db, "SELECT x FROM t") == "kept");
    }
    KnotNotesKeyed wrong(file, db::DatabaseKey::from_passphrase("not the passphrase"), false);
    CHECK(exec(wrong.db, "SELECT x FROM t") == SQLITE_NOTADB);
}

TEST_CASE("a new file KnotNotes keys from a passphrase opens in SQLCipher with the passphrase",
          "[db][encryption]") {
    TempDir dir;
    const auto file = dir / "keyed-by-knotnotes.db";
    {
        KnotNotesKeyed made(file, db::DatabaseKey::from_passphrase("the clinic's passphrase"),
                            true);
        REQUIRE(exec(made.db, "CREATE TABLE t(x); INSERT INTO t VALUES ('kept')") == SQLITE_OK);
    }
    CHECK(db::encryption_key_id(file).substr(0, 16) == "4b6e6f744e6f7465");  // "KnotNote"
    SqlcipherKeyed opened(file, "the clinic's passphrase");
    CHECK(first_text(opened.db, "SELECT x FROM t") == "kept");
}

TEST_CASE("a KnotNotes database made with a passphrase reopens, and a wrong one is refused",
          "[db][encryption]") {
    TempDir dir;
    const auto file = dir / "notes.db";
    const auto key = db::DatabaseKey::from_passphrase("my passphrase");
    { db::Database made(file, key); }
    const auto before = file_start(file, 4096);
    { db::Database reopened(file, key, db::OpenMode::existing_only); }
    CHECK_THROWS(db::Database(file, db::DatabaseKey::from_passphrase("my passphrase!"),
                              db::OpenMode::existing_only));
    CHECK(file_start(file, 16) == before.substr(0, 16));  // the salt, untouched
}

TEST_CASE("a passphrase SQLCipher reads as a raw key is passed on as it is", "[db][encryption]") {
    TempDir dir;
    const auto file = dir / "raw-looking.db";
    const std::string raw_looking =
        "x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'";
    {
        SqlcipherKeyed made(file, raw_looking);
        REQUIRE(exec(made.db, "CREATE TABLE t(x); INSERT INTO t VALUES ('kept')") == SQLITE_OK);
    }
    KnotNotesKeyed opened(file, db::DatabaseKey::from_passphrase(raw_looking), false);
    CHECK(first_text(opened.db, "SELECT x FROM t") == "kept");
}
