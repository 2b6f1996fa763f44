#include "server_staging.hpp"

#include "private_work_file.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {

db::FileMoveResult write_through_staging(const CliContext& context,
                                         const std::function<void(db::Database&)>& write) {
    PrivateWorkFile staging;
    write(staging.database());
    TerminalProgress bar("Writing to the clinic server");
    const auto address = context.db.string();
    return context.with_server_password(address, [&](std::optional<std::string> password) {
        return db::move_file_to_clinic_server(
            staging.database(), address, std::move(password), {},
            [&bar](long long done, long long total) { bar.update(done, total); });
    });
}

}  // namespace knotnotes::cli
