#include "atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace knotnotes::core {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
    throw std::runtime_error(file.string() + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& file,
                           const std::function<void(std::ostream&)>& write, Durability durability) {
    std::error_code ec;
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path(), ec);
    std::ostringstream content;
    write(content);
    const std::string bytes = content.str();

    const auto temporary = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(temporary, "cannot create");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(temporary, "cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    const bool flushed = durability == Durability::process_crash || ::fsync(fd) == 0;
    if (!flushed || ::close(fd) != 0) {
        ::unlink(temporary.c_str());
        fail(temporary, "cannot flush");
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        ::unlink(temporary.c_str());
        fail(file, "cannot replace");
    }
}

}  // namespace knotnotes::core
