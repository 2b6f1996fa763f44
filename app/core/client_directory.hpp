// client_directory.hpp — the client list the main window shows, as a model a virtual list
// control asks row by row: all clients in name order, or the matches of what was typed.
//
// Rows are fetched a page at a time and cached, so a list of 100,000 clients costs a page of
// queries as the user scrolls, never the whole table. With a filter, the matches (type-ahead
// over given and family names, see db/client_search.hpp) are capped at
// `max_matches`: the list then says "first N matches" rather than pretending to be complete.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "db/client_records.hpp"

namespace knotnotes::core {

class ClientDirectory {
  public:
    static constexpr int page_size = 200;
    static constexpr int max_matches = 500;

    // On either engine (db/client_records.hpp); `clients` outlives the directory.
    explicit ClientDirectory(db::ClientRecords& clients);

    // Empty text: every client. Otherwise the matches of the typed words.
    void set_filter(const std::string& typed);
    const std::string& filter() const { return filter_; }
    // Forget cached rows (after clients were added or renamed).
    void refresh();

    std::int64_t size() const {
        return filter_.empty() ? total_ : static_cast<std::int64_t>(matches_.size());
    }
    bool capped() const { return !filter_.empty() && matches_.size() >= max_matches; }
    const db::ClientSummary& row(std::int64_t index);
    // The row of a client in the current list, or -1 when it is not in it.
    std::int64_t index_of(sdk::Id client_id);

  private:
    db::ClientRecords& clients_;
    std::string filter_;
    std::int64_t total_ = 0;
    std::vector<db::ClientSummary> matches_;
    std::map<std::int64_t, std::vector<db::ClientSummary>> pages_;  // page number -> rows
};

}  // namespace knotnotes::core
