#include "libpq_library.hpp"

#include <dlfcn.h>

#include <string>

#include "db/database_error.hpp"

namespace knotnotes::db::postgres {
namespace {

// libpq's soname since PostgreSQL 8.x; Debian's package libpq5.
constexpr const char* library_name = "libpq.so.5";

template <typename Function>
void bind(void* handle, const char* name, Function& function, std::string& missing) {
    function = reinterpret_cast<Function>(::dlsym(handle, name));
    if (!function)
        missing += std::string(missing.empty() ? "" : ", ") + name;
}

struct Loaded {
    Libpq table{};
    std::string problem;  // empty when every function is there
};

Loaded load() {
    Loaded loaded;
    // RTLD_LOCAL: its symbols stay its own; it is never unloaded (connections may outlive
    // anything that would unload it).
    void* handle = ::dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* reason = ::dlerror();
        loaded.problem = std::string(
                             "connecting to a clinic server needs libpq, PostgreSQL's "
                             "client library, which could not be loaded (") +
                         (reason ? reason : library_name) +
                         "). Install it (Debian and Ubuntu: apt install libpq5) and try again.";
        return loaded;
    }
    std::string missing;
    auto& table = loaded.table;
    bind(handle, "PQclear", table.clear, missing);
    bind(handle, "PQcmdTuples", table.cmdTuples, missing);
    bind(handle, "PQconnectdbParams", table.connectdbParams, missing);
    bind(handle, "PQconnectionNeedsPassword", table.connectionNeedsPassword, missing);
    bind(handle, "PQconninfo", table.conninfo, missing);
    bind(handle, "PQconninfoFree", table.conninfoFree, missing);
    bind(handle, "PQdb", table.db, missing);
    bind(handle, "PQencryptPasswordConn", table.encryptPasswordConn, missing);
    bind(handle, "PQerrorMessage", table.errorMessage, missing);
    bind(handle, "PQescapeIdentifier", table.escapeIdentifier, missing);
    bind(handle, "PQexec", table.exec, missing);
    bind(handle, "PQexecParams", table.execParams, missing);
    bind(handle, "PQfinish", table.finish, missing);
    bind(handle, "PQfreemem", table.freemem, missing);
    bind(handle, "PQgetisnull", table.getisnull, missing);
    bind(handle, "PQgetlength", table.getlength, missing);
    bind(handle, "PQgetvalue", table.getvalue, missing);
    bind(handle, "PQhost", table.host, missing);
    bind(handle, "PQntuples", table.ntuples, missing);
    bind(handle, "PQport", table.port, missing);
    bind(handle, "PQresultErrorField", table.resultErrorField, missing);
    bind(handle, "PQresultStatus", table.resultStatus, missing);
    bind(handle, "PQsetNoticeProcessor", table.setNoticeProcessor, missing);
    bind(handle, "PQstatus", table.status, missing);
    bind(handle, "PQtransactionStatus", table.transactionStatus, missing);
    bind(handle, "PQuser", table.user, missing);
    if (!missing.empty())
        loaded.problem = std::string("the installed libpq (") + library_name +
                         ") is too old for KnotNotes: it lacks " + missing +
                         ". Install libpq 10 or newer (Debian and Ubuntu: apt install libpq5).";
    return loaded;
}

}  // namespace

const Libpq& libpq() {
    static const Loaded loaded = load();
    if (!loaded.problem.empty())
        throw DatabaseError(loaded.problem);
    return loaded.table;
}

}  // namespace knotnotes::db::postgres
