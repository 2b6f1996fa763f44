// libpq_library.hpp — the libpq functions the clinic server connection calls, loaded from
// libpq.so.5 the first time KnotNotes connects to a server.
//
// Why not link libpq: it brings some twenty libraries (Kerberos, LDAP, SASL, GnuTLS, p11-kit...)
// whose loading and initialisers cost about 10 ms of every start of the app and the CLI, and a
// solo therapist never connects to a server. libpq-fe.h still gives the types and signatures,
// so a call here is checked as a linked call would be.
#pragma once

#include <libpq-fe.h>

namespace knotnotes::db::postgres {

struct Libpq {
    decltype(&::PQclear) clear;
    decltype(&::PQcmdTuples) cmdTuples;
    decltype(&::PQconnectdbParams) connectdbParams;
    decltype(&::PQconnectionNeedsPassword) connectionNeedsPassword;
    decltype(&::PQconninfo) conninfo;
    decltype(&::PQconninfoFree) conninfoFree;
    decltype(&::PQdb) db;
    decltype(&::PQencryptPasswordConn) encryptPasswordConn;
    decltype(&::PQerrorMessage) errorMessage;
    decltype(&::PQescapeIdentifier) escapeIdentifier;
    decltype(&::PQexec) exec;
    decltype(&::PQexecParams) execParams;
    decltype(&::PQfinish) finish;
    decltype(&::PQfreemem) freemem;
    decltype(&::PQgetisnull) getisnull;
    decltype(&::PQgetlength) getlength;
    decltype(&::PQgetvalue) getvalue;
    decltype(&::PQhost) host;
    decltype(&::PQntuples) ntuples;
    decltype(&::PQport) port;
    decltype(&::PQresultErrorField) resultErrorField;
    decltype(&::PQresultStatus) resultStatus;
    decltype(&::PQsetNoticeProcessor) setNoticeProcessor;
    decltype(&::PQstatus) status;
    decltype(&::PQtransactionStatus) transactionStatus;
    decltype(&::PQuser) user;
};

// libpq, loaded on first use (thread-safe). Throws DatabaseError, saying which package to
// install, when libpq.so.5 or one of these functions is missing.
const Libpq& libpq();

}  // namespace knotnotes::db::postgres
