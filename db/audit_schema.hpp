// audit_schema.hpp — which tables the audit log covers, and the columns of each row's content.
//
// A row's content hash is kn_sha256(json_array(id, <columns in this order>)). The audit
// triggers (created by the migrations) store it with every insert and update, and `verify`
// recomputes it from the current rows: a row changed behind KnotNotes' back (with the triggers
// dropped, say) no longer matches its last audit entry. A migration that changes a table's
// columns must update this list, recreate that table's triggers, and append a fresh audit
// entry for each of its rows.
#pragma once

#include <string>
#include <vector>

namespace knotnotes::db {

struct AuditedTable {
    std::string name;
    std::vector<std::string> columns;  // without id, which always comes first
};

// The tables and columns of the current schema.
const std::vector<AuditedTable>& audited_tables();
// As migration 1 created them (frozen: migration 1 must build exactly the schema it released).
const std::vector<AuditedTable>& audited_tables_v1();
// As migration 2 created them (frozen likewise; migration 3 added sessions.location).
const std::vector<AuditedTable>& audited_tables_v2();

// "json_array(<prefix>id, <prefix>col1, ...)" for a trigger (prefix "NEW.") or a query.
std::string row_content_expression(const AuditedTable& table, const std::string& prefix);

// SQL creating the insert/update/delete audit triggers of `table`.
std::string audit_triggers_sql(const AuditedTable& table);

}  // namespace knotnotes::db
