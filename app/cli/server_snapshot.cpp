#include "server_snapshot.hpp"

#include <cstdlib>
#include <stdexcept>

#include "db/database_key.hpp"
#include "db/migrate/server_to_file.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {
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

ServerSnapshot::ServerSnapshot(const CliContext& context) : folder_(private_folder()) {
    try {
        database_ = std::make_unique<db::Database>(folder_ / "snapshot.db",
                                                   db::DatabaseKey::random_raw_with_salt(),
                                                   db::OpenMode::create_if_missing);
        TerminalProgress bar("Reading the clinic server");
        const auto address = context.db.string();
        installation_id_ =
            context
                .with_server_password(
                    address,
                    [&](std::optional<std::string> password) {
                        return db::move_clinic_server_to_file(
                            address, std::move(password), *database_,
                            [&bar](long long done, long long total) { bar.update(done, total); });
                    })
                .installation_id;
    } catch (...) {
        database_.reset();
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
        throw;
    }
}

ServerSnapshot::~ServerSnapshot() {
    database_.reset();
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

}  // namespace knotnotes::cli
