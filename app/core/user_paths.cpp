#include "user_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace knotnotes::core {
namespace {

std::filesystem::path home_dir() {
    if (const char* home = std::getenv("HOME"); home && *home)
        return home;
    return std::filesystem::temp_directory_path();
}

// XDG says a relative value must be ignored, so only an absolute path overrides the default.
std::filesystem::path xdg_dir(const char* variable, const std::filesystem::path& fallback) {
    if (const char* value = std::getenv(variable); value && *value) {
        std::filesystem::path p(value);
        if (p.is_absolute())
            return p;
    }
    return home_dir() / fallback;
}

}  // namespace

std::filesystem::path data_dir() {
    return xdg_dir("XDG_DATA_HOME", ".local/share") / "knotnotes";
}

std::filesystem::path config_dir() {
    return xdg_dir("XDG_CONFIG_HOME", ".config") / "knotnotes";
}

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return std::filesystem::current_path();
    return exe.parent_path();
}

std::filesystem::path default_database_path() {
    return data_dir() / "knotnotes.db";
}

std::filesystem::path default_backup_dir() {
    return data_dir() / "backups";
}

std::filesystem::path demo_database_path() {
    return data_dir() / "demo.knotnotes.db";
}

bool is_demo_database(const std::filesystem::path& file) {
    std::error_code ec;
    const auto demo = demo_database_path();
    if (std::filesystem::equivalent(file, demo, ec))
        return true;
    return file.lexically_normal() == demo.lexically_normal();
}

}  // namespace knotnotes::core
