#include "server_snapshot.hpp"

#include "db/postgres/postgres_clinic_directory.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {

ServerSnapshot::ServerSnapshot(const CliContext& context) {
    const auto address = context.db.string();
    auto server = context.with_server_password(address, [&](std::optional<std::string> password) {
        return db::connect_clinic_server(address, std::move(password));
    });
    TerminalProgress bar("Reading the clinic server");
    copy_ = std::make_unique<core::ServerReadCopy>(
        server, [&bar](long long done, long long total) { bar.update(done, total); });
}

}  // namespace knotnotes::cli
