#include <catch2/catch.hpp>

#include "db/database.hpp"
#include "db/read_snapshot.hpp"
#include "db/transaction.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::int64_t practitioners(db::Database& database) {
    auto st = database.prepare("SELECT count(*) FROM practitioners");
    st->step();
    return st->int64(0);
}

void add(db::Database& database, const char* name) {
    database.prepare("INSERT INTO practitioners (name, created_at) VALUES (?, 'now')")
        ->bind(1, name)
        .run();
}

}  // namespace

TEST_CASE("a transaction not committed is rolled back", "[db][transaction]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    {
        db::Transaction t(database);
        add(database, "A");
    }
    CHECK(practitioners(database) == 0);
    {
        db::Transaction t(database);
        add(database, "B");
        t.commit();
    }
    CHECK(practitioners(database) == 1);
}

TEST_CASE("a nested transaction that fails undoes only its own work", "[db][transaction]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    {
        db::Transaction outer(database);
        add(database, "outer");
        {
            db::Transaction inner(database);
            add(database, "inner, kept");
            inner.commit();
        }
        try {
            db::Transaction inner(database);
            add(database, "inner, undone");
            {
                db::Transaction innermost(database);
                add(database, "innermost, undone");
                innermost.commit();
            }
            throw std::runtime_error("a later step failed");
        } catch (const std::runtime_error&) {
        }
        outer.commit();
    }
    auto st = database.prepare("SELECT group_concat(name, '; ') FROM practitioners ORDER BY id");
    st->step();
    CHECK(st->text(0) == "outer; inner, kept");
}

// What an import relies on (import_service.cpp): inside an all-or-nothing transaction the
// nested ones take no savepoint (each would make the search index flush), commit together with
// it, and are undone with it; afterwards nested transactions are savepoints again.
TEST_CASE("an all-or-nothing transaction keeps its nested work all or none, without savepoints",
          "[db][transaction]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    {
        db::Transaction outer(database, db::Transaction::Scope::all_or_nothing);
        add(database, "outer");
        db::Transaction inner(database);
        add(database, "inner");
        // No savepoint was taken for `inner`: SQLite has none to release.
        CHECK_THROWS_WITH(database.exec("RELEASE nested"), Catch::Contains("no such savepoint"));
        inner.commit();
        // Not committed: the nested work goes with it.
    }
    CHECK(practitioners(database) == 0);
    {
        db::Transaction outer(database, db::Transaction::Scope::all_or_nothing);
        add(database, "outer");
        {
            db::Transaction inner(database);
            add(database, "inner");
            inner.commit();
        }
        outer.commit();
    }
    CHECK(practitioners(database) == 2);
    // Over: a nested transaction that fails undoes only its own work again.
    {
        db::Transaction outer(database);
        add(database, "later");
        {
            db::Transaction inner(database);
            add(database, "undone");
        }
        outer.commit();
    }
    CHECK(practitioners(database) == 3);
}

// What an export relies on (export_service.cpp): while its snapshot lives, its queries see the
// records as they were when it began, and a writer on another connection is not blocked.
TEST_CASE("a read snapshot sees one moment while another connection writes", "[db][transaction]") {
    TempDir dir;
    db::Database reader(dir / "k.db");
    add(reader, "before");
    db::Database writer(dir / "k.db");
    {
        const db::ReadSnapshot snapshot(reader);
        add(writer, "during");  // commits at once: the snapshot does not block it
        CHECK(practitioners(writer) == 2);
        CHECK(practitioners(reader) == 1);
        {
            const db::ReadSnapshot inner(reader);  // inside a snapshot: the same snapshot
            CHECK(practitioners(reader) == 1);
        }
        CHECK(practitioners(reader) == 1);
    }
    CHECK(practitioners(reader) == 2);
}
