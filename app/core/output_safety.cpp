#include "output_safety.hpp"

#include "db/file_identity.hpp"

namespace knotnotes::core {
namespace {

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    if (std::filesystem::equivalent(a, b, ec))
        return true;
    // Not there yet (a -wal that comes and goes): compare where they would be.
    return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

}  // namespace

void check_output_path(const std::filesystem::path& destination,
                       const std::filesystem::path& open_database, bool replace) {
    const auto name = destination.string();
    if (!open_database.empty()) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (same_file(destination, open_database.string() + suffix)) {
                throw OutputRefused(
                    name + " is the database in use" +
                    (*suffix ? std::string(" (its ") + (suffix + 1) + " file)" : std::string()) +
                    ": it is never overwritten. Choose another file name.");
            }
        }
    }
    std::error_code ec;
    if (!std::filesystem::exists(destination, ec))
        return;
    const auto identity = db::identify_database_file(destination);
    if (identity.kind == db::FileKind::knotnotes || identity.kind == db::FileKind::encrypted ||
        identity.kind == db::FileKind::damaged) {
        throw OutputRefused(name +
                            " is a KnotNotes database: it is never overwritten, not even with "
                            "--force. Choose another file name, or move that database first.");
    }
    if (!replace) {
        throw OutputRefused(name +
                            " already exists and was left as it is. Choose another name, or "
                            "use --force to replace it.");
    }
}

}  // namespace knotnotes::core
