#include "muscle_table.hpp"

#include <map>
#include <string>
#include <tuple>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "database.hpp"
#include "transaction.hpp"

namespace knotnotes::db {

void sync_muscle_table(Database& db) {
    using Row = std::tuple<std::string, std::string, std::string>;
    std::map<std::string, Row> stored;
    {
        auto st = db.prepare("SELECT id, name, region, coalesce(fma_id, '') FROM muscles");
        while (st->step())
            stored[st->text(0)] = {st->text(1), st->text(2), st->text(3)};
    }
    bool same = stored.size() == sdk::muscle_atlas.size();
    for (const auto& m : sdk::muscle_atlas) {
        auto it = stored.find(std::string(m.id));
        same = same && it != stored.end() &&
               it->second == Row{std::string(m.name), std::string(m.region), std::string(m.fma_id)};
    }
    if (same)
        return;

    Transaction transaction(db);
    for (const auto& m : sdk::muscle_atlas) {
        auto st = db.prepare(
            "INSERT INTO muscles (id, name, region, fma_id) VALUES (?, ?, ?, nullif(?, '')) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region, "
            "fma_id = excluded.fma_id");
        st->bind_all(m.id, m.name, m.region, m.fma_id).run();
    }
    transaction.commit();
}

}  // namespace knotnotes::db
