#include "file_permissions.hpp"

#include <sys/stat.h>

namespace knotnotes::core {

bool is_world_writable(const std::filesystem::path& file) {
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 && (st.st_mode & S_IWOTH) != 0;
}

}  // namespace knotnotes::core
