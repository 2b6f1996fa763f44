#include "core/private_work_file.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "db/database_key.hpp"

namespace knotnotes::core {
namespace {

std::filesystem::path private_folder() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    const std::filesystem::path base = runtime && *runtime ? std::filesystem::path(runtime)
                                                           : std::filesystem::temp_directory_path();
    std::string pattern = (base / "knotnotes-server-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))  // 0700
        throw std::runtime_error("cannot make a private folder in " + base.string() +
                                 " for the clinic server's records");
    return pattern;
}

}  // namespace

PrivateWorkFile::PrivateWorkFile() : folder_(private_folder()) {
    try {
        database_ = std::make_unique<db::Database>(folder_ / "records.db",
                                                   db::DatabaseKey::random_raw_with_salt(),
                                                   db::OpenMode::create_if_missing);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
        throw;
    }
}

PrivateWorkFile::~PrivateWorkFile() {
    database_.reset();
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

}  // namespace knotnotes::core
