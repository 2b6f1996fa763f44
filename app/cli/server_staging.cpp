#include "server_staging.hpp"

#include "core/server_work_copy.hpp"
#include "db/postgres/postgres_clinic_directory.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {

db::FileMoveResult write_through_staging(const CliContext& context,
                                         const std::function<void(db::Database&)>& write) {
    // Connected first: a wrong password or an unreachable server is told before the records
    // are made, not after.
    const auto address = context.db.string();
    auto server = context.with_server_password(address, [&](std::optional<std::string> password) {
        return db::connect_clinic_server(address, std::move(password));
    });
    TerminalProgress bar("Writing to the clinic server");
    return core::write_through_staging(
        server, write, [&bar](long long done, long long total) { bar.update(done, total); });
}

}  // namespace knotnotes::cli
