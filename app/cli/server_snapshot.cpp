#include "server_snapshot.hpp"

#include "db/migrate/server_to_file.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {

ServerSnapshot::ServerSnapshot(const CliContext& context) {
    TerminalProgress bar("Reading the clinic server");
    const auto address = context.db.string();
    installation_id_ =
        context
            .with_server_password(
                address,
                [&](std::optional<std::string> password) {
                    return db::move_clinic_server_to_file(
                        address, std::move(password), copy_.database(),
                        [&bar](long long done, long long total) { bar.update(done, total); });
                })
            .installation_id;
}

}  // namespace knotnotes::cli
