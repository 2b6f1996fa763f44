#include "client_search.hpp"

namespace knotnotes::db {
namespace {

class FileClientSearch final : public ClientSearch {
  public:
    explicit FileClientSearch(Database& file) : clients_(file) {}
    std::vector<ClientSummary> search_names(const std::string& typed, int limit) override {
        return clients_.search_names(typed, limit);
    }

  private:
    ClientRepository clients_;
};

}  // namespace

std::unique_ptr<ClientSearch> file_client_search(Database& file) {
    return std::make_unique<FileClientSearch>(file);
}

}  // namespace knotnotes::db
