#include "load_marker.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <fstream>

#include "atomic_file.hpp"

namespace knotnotes::core {
namespace {

constexpr const char* prefix = "loading-";
constexpr const char* suffix = ".marker";

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

bool process_is_running(long pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

}  // namespace

LoadMarker::LoadMarker(const std::filesystem::path& folder, const std::string& plugin_id,
                       const std::filesystem::path& library)
    : file_(folder / (prefix + std::to_string(::getpid()) + suffix)) {
    // It has to outlive a crash of this process in the library's initialisers, which it does
    // once written; not a power cut (no plugin crashed then). So no fsync: one per plugin made
    // loading the eight built-in plugins take about 6 ms of start-up instead of 1.6 ms.
    write_file_atomically(
        file_,
        [&](std::ostream& out) {
            out << plugin_id << '\n' << library.string() << '\n' << utc_now() << '\n';
        },
        Durability::process_crash);
}

LoadMarker::~LoadMarker() {
    std::error_code ec;
    std::filesystem::remove(file_, ec);
}

std::vector<std::filesystem::path> leftover_markers(const std::filesystem::path& folder,
                                                    const std::string& marker_prefix) {
    std::vector<std::filesystem::path> leftovers;
    const std::string end = suffix;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(marker_prefix, 0) != 0 || name.size() <= marker_prefix.size() + end.size() ||
            name.compare(name.size() - end.size(), std::string::npos, end) != 0) {
            continue;
        }
        const std::string pid_text =
            name.substr(marker_prefix.size(), name.size() - marker_prefix.size() - end.size());
        long pid = 0;
        try {
            pid = std::stol(pid_text);
        } catch (const std::exception&) {
            continue;
        }
        // Our own pid here is a leftover of an earlier process that had the same pid.
        if (pid != ::getpid() && process_is_running(pid))
            continue;
        leftovers.push_back(entry.path());
    }
    return leftovers;
}

std::vector<CrashedLoad> take_crashed_loads(const std::filesystem::path& folder) {
    std::vector<CrashedLoad> crashed;
    for (const auto& marker : leftover_markers(folder, prefix)) {
        CrashedLoad load;
        std::ifstream in(marker);
        std::getline(in, load.plugin_id);
        std::getline(in, load.library);
        std::getline(in, load.when);
        if (!load.plugin_id.empty())
            crashed.push_back(std::move(load));
        std::error_code ec;
        std::filesystem::remove(marker, ec);
    }
    return crashed;
}

}  // namespace knotnotes::core
