#include "private_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "core/user_paths.hpp"

namespace knotnotes::core {
namespace {

void tighten(const std::filesystem::path& path, std::vector<std::filesystem::path>& changed) {
    struct stat st {};
    // lstat: a symbolic link's own mode means nothing; what it points at is not ours to change.
    if (::lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode) || st.st_uid != ::geteuid())
        return;
    if ((st.st_mode & 077) != 0 && ::chmod(path.c_str(), st.st_mode & 07700) == 0)
        changed.push_back(path);
}

}  // namespace

std::vector<std::filesystem::path> tighten_tree(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> changed;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return changed;
    tighten(folder, changed);
    for (auto it = std::filesystem::recursive_directory_iterator(
             folder, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        tighten(it->path(), changed);
    }
    return changed;
}

std::vector<std::filesystem::path> keep_files_private() {
    ::umask(077);
    auto changed = tighten_tree(data_dir());
    auto config = tighten_tree(config_dir());
    changed.insert(changed.end(), config.begin(), config.end());
    return changed;
}

}  // namespace knotnotes::core
