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
    // Flushed to disk: the point is to survive the crash that may follow.
    write_file_atomically(file_, [&](std::ostream& out) {
        out << plugin_id << '\n' << library.string() << '\n' << utc_now() << '\n';
    });
}

LoadMarker::~LoadMarker() {
    std::error_code ec;
    std::filesystem::remove(file_, ec);
}

std::vector<CrashedLoad> take_crashed_loads(const std::filesystem::path& folder) {
    std::vector<CrashedLoad> crashed;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || name.size() <= std::string(suffix).size() ||
            name.compare(name.size() - std::string(suffix).size(), std::string::npos, suffix) !=
                0) {
            continue;
        }
        const std::string pid_text =
            name.substr(std::string(prefix).size(),
                        name.size() - std::string(prefix).size() - std::string(suffix).size());
        long pid = 0;
        try {
            pid = std::stol(pid_text);
        } catch (const std::exception&) {
            continue;
        }
        // Our own pid here is a leftover of an earlier process that had the same pid.
        if (pid != ::getpid() && process_is_running(pid))
            continue;
        CrashedLoad load;
        std::ifstream in(entry.path());
        std::getline(in, load.plugin_id);
        std::getline(in, load.library);
        std::getline(in, load.when);
        if (!load.plugin_id.empty())
            crashed.push_back(std::move(load));
        std::filesystem::remove(entry.path(), ec);
    }
    return crashed;
}

}  // namespace knotnotes::core
