#include "client_directory.hpp"

#include <stdexcept>

namespace knotnotes::core {

ClientDirectory::ClientDirectory(db::ClientRecords& clients) : clients_(clients) {
    refresh();
}

void ClientDirectory::refresh() {
    pages_.clear();
    total_ = clients_.count();
    matches_ = filter_.empty() ? std::vector<db::ClientSummary>()
                               : clients_.search_names(filter_, max_matches);
}

void ClientDirectory::set_filter(const std::string& typed) {
    if (typed == filter_)
        return;
    filter_ = typed;
    refresh();
}

const db::ClientSummary& ClientDirectory::row(std::int64_t index) {
    if (index < 0 || index >= size())
        throw std::out_of_range("no client row " + std::to_string(index));
    if (!filter_.empty())
        return matches_[static_cast<std::size_t>(index)];
    const auto page = index / page_size;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        // Keep memory bounded while scrolling through a very long list.
        if (pages_.size() > 50)
            pages_.clear();
        it = pages_.emplace(page, clients_.list(page * page_size, page_size)).first;
    }
    const auto offset = static_cast<std::size_t>(index % page_size);
    if (offset >= it->second.size())
        throw std::out_of_range("the client list changed");
    return it->second[offset];
}

std::int64_t ClientDirectory::index_of(sdk::Id client_id) {
    for (std::int64_t i = 0; i < size(); ++i) {
        if (row(i).id == client_id)
            return i;
        if (filter_.empty() && i >= 5000)
            break;  // a linear hunt beyond that is not worth it
    }
    return -1;
}

}  // namespace knotnotes::core
