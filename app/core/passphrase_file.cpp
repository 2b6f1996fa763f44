#include "passphrase_file.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace knotnotes::core {

std::string read_passphrase_file(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        throw std::runtime_error(file.string() + ": no such passphrase file");
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        throw std::runtime_error(file.string() +
                                 ": other users may read this passphrase file; make it private "
                                 "with chmod 600 and try again");
    }
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line))
        throw std::runtime_error(file.string() + ": cannot read the passphrase from this file");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty())
        throw std::runtime_error(file.string() + ": the passphrase file's first line is empty");
    return line;
}

std::string passphrase_from_environment() {
    const char* file = std::getenv("KNOTNOTES_PASSPHRASE_FILE");
    if (file == nullptr || *file == '\0')
        return {};
    try {
        return read_passphrase_file(file);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (named by KNOTNOTES_PASSPHRASE_FILE)");
    }
}

}  // namespace knotnotes::core
