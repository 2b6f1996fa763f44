#include "server_connection.hpp"

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include <openssl/crypto.h>

#include "db/database_error.hpp"
#include "libpq_library.hpp"

namespace knotnotes::db::postgres {
namespace {

// SQLSTATEs raised by the clinic schema's own triggers (server_migration_001.cpp).
constexpr const char* record_locked_state = "KN001";
constexpr const char* edit_conflict_state = "KN002";

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

bool starts_with(const char* text, const char* prefix) {
    return text && std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

// What to do when the TLS the address asks for (sslmode=verify-full, require ...) fails; none
// when the failure is not TLS's. libpq's reason is kept in the message beside it.
std::optional<std::string> tls_advice(const std::string& reason) {
    if (contains(reason, "does not match host name"))
        return std::string(
            "the server's certificate is for another host name. Write the host name the "
            "certificate names in the address (add hostaddr=IP to connect to an IP address), or "
            "ask the clinic's administrator for a certificate for this name");
    if (contains(reason, "root certificate file"))
        return std::string(
            "checking the server's certificate needs the certificate of the authority that "
            "issued it: add sslrootcert=FILE to the address (the clinic's CA certificate)");
    if (contains(reason, "certificate verify failed") ||
        contains(reason, "certificate has expired"))
        return std::string(
            "the server's certificate was not issued by the authority in sslrootcert=FILE (or it "
            "has expired). Check that FILE is the clinic's CA certificate; do not connect until it "
            "is, as someone may be posing as the server");
    if (contains(reason, "server does not support SSL"))
        return std::string(
            "the address asks for TLS (sslmode) and the server does not offer it: turn TLS on "
            "in the server's postgresql.conf (ssl = on), see the README's clinic server section");
    return std::nullopt;
}

// The server as a person would write it, from what libpq connected to (never the password,
// which may have been written into the URI).
std::string describe(pg_conn* connection, const std::string& uri) {
    if (!connection || !libpq().host(connection) || !*libpq().db(connection)) {
        const auto at = uri.rfind('@');
        return "the clinic server " +
               (at == std::string::npos ? uri : "postgresql://…" + uri.substr(at));
    }
    std::string host = libpq().host(connection);
    if (!host.empty() && host.front() == '/')
        host = "localhost";
    return "the clinic server postgresql://" + std::string(libpq().user(connection)) + "@" + host +
           ":" + libpq().port(connection) + "/" + libpq().db(connection);
}

}  // namespace

ServerRows::ServerRows(pg_result* result) : result_(result) {}
ServerRows::~ServerRows() {
    if (result_)
        libpq().clear(result_);
}
ServerRows::ServerRows(ServerRows&& other) noexcept
    : result_(std::exchange(other.result_, nullptr)) {}

int ServerRows::size() const {
    return libpq().ntuples(result_);
}

std::optional<std::string> ServerRows::value(int row, int column) const {
    if (libpq().getisnull(result_, row, column))
        return std::nullopt;
    return std::string(libpq().getvalue(result_, row, column),
                       static_cast<std::size_t>(libpq().getlength(result_, row, column)));
}

std::string ServerRows::text(int row, int column) const {
    return value(row, column).value_or("");
}

long ServerRows::affected() const {
    return std::strtol(libpq().cmdTuples(result_), nullptr, 10);
}

ServerConnection ServerConnection::open(const std::string& uri,
                                        std::optional<std::string> password) {
    // expand_dbname: the "dbname" value is the whole URI, and the keywords after it (the
    // password, the application name) are added to what it says.
    std::vector<const char*> keywords{"dbname", "application_name", "client_encoding"};
    std::vector<const char*> values{uri.c_str(), "knotnotes", "UTF8"};
    if (password) {
        keywords.push_back("password");
        values.push_back(password->c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn* connection = libpq().connectdbParams(keywords.data(), values.data(), 1);
    if (password)
        OPENSSL_cleanse(password->data(), password->size());
    return connected(connection, describe(connection, uri));
}

ServerConnection ServerConnection::another() {
    // Everything libpq connected this one with, the password it was given included (libpq holds
    // it for as long as the connection lives; nothing here keeps a copy after connecting).
    PQconninfoOption* options = libpq().conninfo(connection_);
    if (!options)
        throw DatabaseError("Could not connect to " + description_ + " again: out of memory.");
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const auto* option = options; option->keyword; ++option) {
        if (option->val && *option->val) {
            keywords.push_back(option->keyword);
            values.push_back(option->val);
        }
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn* connection = libpq().connectdbParams(keywords.data(), values.data(), 0);
    for (auto* option = options; option->keyword; ++option) {
        if (option->val && std::strcmp(option->keyword, "password") == 0)
            OPENSSL_cleanse(option->val, std::strlen(option->val));
    }
    libpq().conninfoFree(options);
    return connected(connection, description_);  // the same server, as this one names it
}

ServerConnection ServerConnection::connected(pg_conn* connection, const std::string& description) {
    if (!connection)
        throw DatabaseError("Could not connect to " + description + ": out of memory.");
    if (libpq().status(connection) != CONNECTION_OK) {
        std::string reason = trimmed(libpq().errorMessage(connection));
        const bool needs_password = libpq().connectionNeedsPassword(connection);
        const bool no_database = reason.find("database \"") != std::string::npos &&
                                 reason.find("does not exist") != std::string::npos;
        const bool refused = reason.find("authentication failed") != std::string::npos ||
                             reason.find("not permitted to log in") != std::string::npos ||
                             (!no_database && reason.find("does not exist") != std::string::npos);
        libpq().finish(connection);
        // First: a missing certificate file "does not exist" either, and is no refused login.
        if (const auto advice = tls_advice(reason))
            throw DatabaseRefused("Could not connect to " + description + " over TLS: " + *advice +
                                  " (" + reason + ").");
        if (no_database)
            throw DatabaseRefused(description + " has no such database (" + reason +
                                  "). Check the address; the server's administrator makes the "
                                  "database (createdb -O OWNER NAME).");
        if (needs_password)
            throw PasswordNeeded(description +
                                 " asks for a password: give it with --password-file FILE or "
                                 "PGPASSFILE.");
        if (refused)
            throw LoginRefused(description + " refused the login (" + reason +
                               "). Check the login and its password; a disabled "
                               "practitioner cannot log in.");
        throw DatabaseError("Could not connect to " + description + ": " + reason +
                            ". Check the address and that the server is running.");
    }
    // The server's notices ("... does not exist, skipping") are not for the person at the
    // terminal; errors come back as exceptions.
    libpq().setNoticeProcessor(
        connection, [](void*, const char*) {}, nullptr);
    return ServerConnection(connection, description);
}

ServerConnection::ServerConnection(pg_conn* connection, std::string description)
    : connection_(connection), description_(std::move(description)) {}

ServerConnection::~ServerConnection() {
    if (connection_)
        libpq().finish(connection_);
}

ServerConnection::ServerConnection(ServerConnection&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)),
      description_(std::move(other.description_)) {}

void ServerConnection::fail(pg_result* result, const std::string& what) {
    const char* state = result ? libpq().resultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary =
        result ? libpq().resultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string reason = primary ? primary : trimmed(libpq().errorMessage(connection_));
    const std::string code = state ? state : "";
    if (result)
        libpq().clear(result);
    if (code == record_locked_state)
        throw RecordLocked(reason);
    if (code == edit_conflict_state)
        throw EditConflict(reason);
    if (code == "42501" || starts_with(state, "28"))
        throw AccessDenied(description_ + " does not allow this for your login: " + reason +
                           ". Your role decides what you can see and change; ask the clinic "
                           "owner if you need more.");
    if (code == "23505")  // unique_violation
        throw DuplicateRecord(description_ + " already holds this record: " + reason);
    if (code == "40001" || code == "40P01" || code == "55P03")
        throw DatabaseBusy(description_ + ": another writer held what this change needs (" +
                           reason + "). Nothing was saved; try again.");
    throw DatabaseError(description_ + ": " + what + " failed: " + reason);
}

void ServerConnection::execute(const std::string& sql) {
    pg_result* result = libpq().exec(connection_, sql.c_str());
    const auto status = libpq().resultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, "a statement");
    libpq().clear(result);
}

ServerRows ServerConnection::query(const std::string& sql,
                                   const std::vector<std::optional<std::string>>& parameters) {
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const auto& parameter : parameters)
        values.push_back(parameter ? parameter->c_str() : nullptr);
    pg_result* result =
        libpq().execParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                           values.data(), nullptr, nullptr, 0);
    const auto status = libpq().resultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, "a query");
    return ServerRows(result);
}

void ServerConnection::for_each_batch(const std::string& sql,
                                      const std::function<void(const ServerRows&)>& batch,
                                      int rows_per_batch) {
    execute("DECLARE knotnotes_rows NO SCROLL CURSOR FOR " + sql);
    const auto fetch = "FETCH " + std::to_string(rows_per_batch) + " FROM knotnotes_rows";
    for (;;) {
        auto rows = query(fetch);
        if (rows.size() == 0)
            break;
        batch(rows);
    }
    execute("CLOSE knotnotes_rows");
}

std::string ServerConnection::login() {
    return query("SELECT session_user").text(0, 0);
}

std::string ServerConnection::quoted_identifier(const std::string& name) const {
    char* quoted = libpq().escapeIdentifier(connection_, name.c_str(), name.size());
    if (!quoted)
        throw DatabaseError(description_ + ": could not quote the name \"" + name + "\".");
    std::string result = quoted;
    libpq().freemem(quoted);
    return result;
}

std::string ServerConnection::password_verifier(const std::string& login,
                                                const std::string& password) {
    char* verifier =
        libpq().encryptPasswordConn(connection_, password.c_str(), login.c_str(), "scram-sha-256");
    if (!verifier)
        throw DatabaseError(description_ + ": could not prepare the password: " +
                            trimmed(libpq().errorMessage(connection_)));
    std::string result = verifier;
    libpq().freemem(verifier);
    return result;
}

bool ServerConnection::in_transaction() const {
    return libpq().transactionStatus(connection_) != PQTRANS_IDLE;
}

ServerTransaction::ServerTransaction(ServerConnection& connection, Kind kind)
    : connection_(connection), open_(!connection.in_transaction()) {
    if (!open_)
        return;
    connection_.execute(
        kind == Kind::read_snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
}

ServerTransaction::~ServerTransaction() {
    if (!open_)
        return;
    try {
        connection_.execute("ROLLBACK");
    } catch (...) {
        // The connection is gone: the server has rolled the transaction back itself.
    }
}

void ServerTransaction::commit() {
    if (!open_)
        return;
    connection_.execute("COMMIT");
    open_ = false;
}

}  // namespace knotnotes::db::postgres
