#include "record_store.hpp"

namespace knotnotes::core {

RecordStore::RecordStore(const std::filesystem::path& file)
    : database_([&] {
          // The default location's folder may not exist on a first run.
          std::error_code ec;
          if (file.has_parent_path())
              std::filesystem::create_directories(file.parent_path(), ec);
          return file;
      }()) {}

std::int64_t RecordStore::client_count() {
    return db::ClientRepository(database_).count();
}

std::vector<db::ClientSummary> RecordStore::clients(std::int64_t offset, int limit) {
    return db::ClientRepository(database_).list(offset, limit);
}

DemoSummary RecordStore::add_demo_data(const DemoOptions& options,
                                       const std::function<void(int, int)>& progress) {
    return generate_demo_data(database_, options, progress);
}

}  // namespace knotnotes::core
