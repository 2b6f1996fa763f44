#include "encryption.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "database.hpp"
#include "database_files.hpp"
#include "file_identity.hpp"
#include "hex_text.hpp"
#include "passphrase_key_derivation.hpp"

namespace knotnotes::db {
namespace {

using Salt = std::array<unsigned char, sqlcipher_salt_size>;

Salt marked_salt() {
    Salt salt{};
    std::memcpy(salt.data(), encrypted_file_marker.data(), encrypted_file_marker.size());
    if (RAND_bytes(salt.data() + encrypted_file_marker.size(),
                   static_cast<int>(salt.size() - encrypted_file_marker.size())) != 1)
        throw DatabaseError("the system's random number generator failed");
    return salt;
}

std::string hex_of(const Salt& salt) {
    return lower_hex(std::string_view(reinterpret_cast<const char*>(salt.data()), salt.size()));
}

std::string marked_salt_hex() {
    return hex_of(marked_salt());
}

// SQLCipher takes a "passphrase" of the form x'<64 or 96 hex digits>' as a raw key and derives
// nothing from it; such a passphrase is passed on as it is, so it opens what it opened before.
bool sqlcipher_reads_as_raw(const std::string& secret) {
    if ((secret.size() != 67 && secret.size() != 99) || (secret[0] != 'x' && secret[0] != 'X') ||
        secret[1] != '\'')
        return false;
    return secret.find_first_not_of("0123456789abcdefABCDEF", 2) >= secret.size() - 1;
}

// The first 16 bytes of the schema's file: SQLCipher's salt. Nullopt when it has fewer.
std::optional<Salt> salt_of_file(sqlite3* db, const char* schema) {
    const char* file = sqlite3_db_filename(db, schema);
    if (!file || !*file)
        return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    Salt salt{};
    in.read(reinterpret_cast<char*>(salt.data()), static_cast<std::streamsize>(salt.size()));
    if (in.gcount() != static_cast<std::streamsize>(salt.size()))
        return std::nullopt;
    return salt;
}

// What SQLCipher is given for a passphrase: the page key derived here
// (passphrase_key_derivation.hpp), as a raw key, and for a new file the salt it was derived
// with. Nullopt when SQLCipher is better left to derive it (no salt to read yet).
struct DerivedKey {
    DatabaseKey key;
    std::optional<Salt> new_salt;
};

std::optional<DerivedKey> derive_for_connection(sqlite3* db, const char* schema,
                                                const DatabaseKey& key, bool new_file) {
    if (key.is_raw() || sqlcipher_reads_as_raw(key.sqlcipher_key()))
        return std::nullopt;
    const auto salt = new_file ? std::optional<Salt>(marked_salt()) : salt_of_file(db, schema);
    if (!salt)
        return std::nullopt;
    auto page_key = sqlcipher_page_key(key.sqlcipher_key(), *salt);
    DerivedKey derived{DatabaseKey::from_raw(page_key), new_file ? salt : std::nullopt};
    OPENSSL_cleanse(page_key.data(), page_key.size());
    return derived;
}

void run(sqlite3* db, const std::string& sql, const std::filesystem::path& file) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db);
        sqlite3_free(error);
        throw DatabaseError(file.string() + ": " + message);
    }
}

std::int64_t single_integer(sqlite3* db, const std::string& sql,
                            const std::filesystem::path& file) {
    sqlite3_stmt* stmt = nullptr;
    std::int64_t value = 0;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    const std::string message = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        throw DatabaseError(file.string() + ": " + message);
    return value;
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (const char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A new private (0600) file beside the target, for the copy; anything a crash left is removed.
std::filesystem::path fresh_partial(const std::filesystem::path& target, const char* suffix) {
    const std::filesystem::path partial = target.string() + suffix;
    remove_database_files(partial);
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw DatabaseError(target.string() + ": cannot write beside it: " + std::strerror(errno));
    ::close(fd);
    return partial;
}

// `copy` is attached to `db`'s connection: it must hold what main holds, table by table, and
// pass SQLite's integrity check.
void check_copy(sqlite3* db, const std::string& copy, const std::filesystem::path& what) {
    std::vector<std::string> tables;
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT "
                       "LIKE 'sqlite_%' AND rootpage > 0",  // virtual tables: their shadow tables
                       -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    for (const auto& table : tables) {
        const auto source = single_integer(db, "SELECT count(*) FROM main." + quoted(table), what);
        const auto copied =
            single_integer(db, "SELECT count(*) FROM " + copy + "." + quoted(table), what);
        if (source != copied) {
            throw DatabaseError(what.string() + ": the copy of table " + table + " has " +
                                std::to_string(copied) + " rows instead of " +
                                std::to_string(source) + "; nothing was replaced");
        }
    }
    sqlite3_prepare_v2(db, ("PRAGMA " + copy + ".quick_check").c_str(), -1, &stmt, nullptr);
    const bool ok =
        sqlite3_step(stmt) == SQLITE_ROW &&
        std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "ok";
    sqlite3_finalize(stmt);
    if (!ok)
        throw DatabaseError(what.string() + ": the copy does not check out; nothing was replaced");
}

// Copies main into the attached `copy` (sqlcipher_export: schema, rows, triggers), with the
// header fields sqlcipher_export leaves out, then checks it.
void export_into(Database& db, const std::string& copy, const std::filesystem::path& what) {
    run(db.handle(), "SELECT sqlcipher_export('" + copy + "')", what);
    run(db.handle(),
        "PRAGMA " + copy + ".user_version = " + std::to_string(db.schema_version()) + "; PRAGMA " +
            copy + ".application_id = " + std::to_string(knotnotes_application_id),
        what);
    check_copy(db.handle(), copy, what);
}

void attach(Database& db, const std::filesystem::path& file, const char* schema,
            const DatabaseKey& key) {
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = std::string("ATTACH DATABASE ?1 AS ") + schema + " KEY ?2";
    sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, file.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, key.sqlcipher_key().c_str(),
                      static_cast<int>(key.sqlcipher_key().size()), SQLITE_STATIC);
    const int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        throw DatabaseError(file.string() + ": cannot create it: " + sqlite3_errmsg(db.handle()));
    if (!key.empty() && !key.has_salt())
        run(db.handle(),
            std::string("PRAGMA ") + schema + ".cipher_salt = \"x'" + marked_salt_hex() + "'\"",
            file);
}

}  // namespace

bool starts_with_encrypted_marker(std::string_view header) {
    return header.substr(0, encrypted_file_marker.size()) == encrypted_file_marker;
}

std::string encryption_key_id(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() != 16 || !starts_with_encrypted_marker(std::string_view(header, 16)))
        return {};
    return lower_hex(std::string_view(header, sizeof header));
}

void key_connection(sqlite3* db, const char* schema, const DatabaseKey& key, bool new_file) {
    const auto derived = derive_for_connection(db, schema, key, new_file);
    const DatabaseKey& given = derived ? derived->key : key;
    const auto& secret = given.sqlcipher_key();
    if (sqlite3_key_v2(db, schema, secret.data(), static_cast<int>(secret.size())) != SQLITE_OK)
        throw DatabaseError(std::string("cannot set the database key: ") + sqlite3_errmsg(db));
    if (new_file && !given.has_salt()) {
        const std::string salt =
            derived && derived->new_salt ? hex_of(*derived->new_salt) : marked_salt_hex();
        const std::string sql =
            std::string("PRAGMA ") + schema + ".cipher_salt = \"x'" + salt + "'\"";
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            throw DatabaseError(std::string("cannot set the database salt: ") + sqlite3_errmsg(db));
    }
}

void encrypt_database_file(const std::filesystem::path& file, const DatabaseKey& key) {
    const auto identity = identify_database_file(file);
    if (identity.kind == FileKind::encrypted)
        throw DatabaseRefused(file.string() + ": this database is already encrypted");
    if (identity.kind != FileKind::knotnotes)
        throw DatabaseRefused(file.string() + ": not a KnotNotes database; nothing was changed");
    if (key.empty())
        throw DatabaseError(file.string() + ": no key to encrypt it with");
    const auto partial = fresh_partial(file, ".encrypting");
    try {
        {
            Database plain(file, OpenMode::existing_only);
            run(plain.handle(), "PRAGMA wal_checkpoint(TRUNCATE)", file);
            attach(plain, partial, "encrypted", key);
            export_into(plain, "encrypted", file);
            run(plain.handle(), "DETACH DATABASE encrypted", file);
        }
        {
            Database check(partial, key, OpenMode::existing_only);  // the key opens the copy
        }
        std::error_code ec;
        std::filesystem::rename(partial, file, ec);
        if (ec)
            throw DatabaseError(file.string() + ": cannot replace it: " + ec.message());
        for (const char* extra : {"-wal", "-shm", "-journal"})
            std::filesystem::remove(file.string() + extra, ec);
    } catch (...) {
        remove_database_files(partial);
        throw;
    }
}

void write_plaintext_copy(Database& db, const std::filesystem::path& destination) {
    const auto partial = fresh_partial(destination, ".partial");
    try {
        attach(db, partial, "plaintext", DatabaseKey{});
        try {
            export_into(db, "plaintext", destination);
        } catch (...) {
            sqlite3_exec(db.handle(), "DETACH DATABASE plaintext", nullptr, nullptr, nullptr);
            throw;
        }
        run(db.handle(), "DETACH DATABASE plaintext", destination);
        std::error_code ec;
        std::filesystem::rename(partial, destination, ec);
        if (ec)
            throw DatabaseError(destination.string() + ": cannot write it: " + ec.message());
    } catch (...) {
        remove_database_files(partial);
        throw;
    }
}

void rekey_database(Database& db, const DatabaseKey& new_key) {
    if (!db.encrypted())
        throw DatabaseError(db.file().string() +
                            ": this database is not encrypted; encrypt it first "
                            "(knotnotes-cli encrypt)");
    if (new_key.empty())
        throw DatabaseError(db.file().string() + ": no new key given");
    // Every page is rewritten in one transaction; in rollback-journal mode, so the WAL holds no
    // page under the old key when it commits.
    db.exec("PRAGMA journal_mode = DELETE");
    const auto& secret = new_key.sqlcipher_key();
    const int rc =
        sqlite3_rekey_v2(db.handle(), "main", secret.data(), static_cast<int>(secret.size()));
    db.exec("PRAGMA journal_mode = WAL");
    if (rc != SQLITE_OK)
        throw DatabaseError(db.file().string() +
                            ": the new key was not set: " + sqlite3_errstr(rc));
    db.replace_key(new_key);
}

std::optional<long> pages_verified_by_key(const std::filesystem::path& file,
                                          const DatabaseKey& key) {
    constexpr std::size_t page_size = 4096;  // SQLCipher 4's default, which KnotNotes keeps
    constexpr std::size_t sampled_pages = 16;
    std::string pages(page_size * sampled_pages, '\0');
    {
        std::ifstream in(file, std::ios::binary);
        in.read(pages.data(), static_cast<std::streamsize>(pages.size()));
        pages.resize(static_cast<std::size_t>(in.gcount()) / page_size * page_size);
    }
    const long count = static_cast<long>(pages.size() / page_size);
    if (count < 2)
        return std::nullopt;
    std::string probe = (std::filesystem::temp_directory_path() / "knotnotes-key-probe-XXXXXX");
    const int fd = ::mkstemp(probe.data());  // 0600
    if (fd < 0)
        return std::nullopt;
    const bool written =
        ::write(fd, pages.data(), pages.size()) == static_cast<ssize_t>(pages.size());
    ::close(fd);
    struct Removed {
        const std::string& file;
        ~Removed() {
            std::error_code ec;
            std::filesystem::remove(file, ec);
        }
    } removed{probe};
    sqlite3* db = nullptr;
    long failed = count;
    if (written &&
        sqlite3_open_v2(probe.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        try {
            key_connection(db, "main", key, false);
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db, "PRAGMA cipher_integrity_check", -1, &stmt, nullptr) ==
                SQLITE_OK) {
                failed = 0;
                while (sqlite3_step(stmt) == SQLITE_ROW)
                    ++failed;
            }
            sqlite3_finalize(stmt);
        } catch (const DatabaseError&) {
        }
    }
    sqlite3_close_v2(db);
    if (!written)
        return std::nullopt;
    return failed < count ? count - failed : 0;
}

}  // namespace knotnotes::db
