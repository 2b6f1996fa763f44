#include "record_store.hpp"

#include "db/backup.hpp"

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

std::filesystem::path RecordStore::backup_if_due(const std::filesystem::path& folder, int keep,
                                                 std::chrono::hours max_age) {
    const auto backups = db::list_backups(folder);
    if (!backups.empty()) {
        std::error_code ec;
        const auto newest = std::filesystem::last_write_time(backups.back(), ec);
        if (!ec && std::filesystem::file_time_type::clock::now() - newest < max_age)
            return {};
    }
    return db::rotate_backups(database_, folder, keep);
}

}  // namespace knotnotes::core
