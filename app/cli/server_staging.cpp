#include "server_staging.hpp"

#include "db/postgres/postgres_clinic_directory.hpp"
#include "private_work_file.hpp"
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
    PrivateWorkFile staging;
    write(staging.database());
    TerminalProgress bar("Writing to the clinic server");
    return db::move_file_to_server(
        staging.database(), server, {"", true},
        [&bar](long long done, long long total) { bar.update(done, total); });
}

}  // namespace knotnotes::cli
