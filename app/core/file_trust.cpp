#include "file_trust.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace knotnotes::core {
namespace {

std::string owner_name(uid_t uid) {
    if (const auto* entry = ::getpwuid(uid))
        return std::string("'") + entry->pw_name + "' (uid " + std::to_string(uid) + ")";
    return "uid " + std::to_string(uid);
}

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

std::string problem_of(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return "cannot examine " + path.string() + ": " + std::strerror(errno);
    const bool folder = S_ISDIR(st.st_mode);
    const std::string what = folder ? "the folder " : "";
    if (st.st_uid != ::geteuid() && st.st_uid != 0) {
        return what + path.string() + " is owned by " + owner_name(st.st_uid) +
               ", not by you or root, so that user could change the code KnotNotes would run; "
               "keep plugins in folders of your own (or installed by root)";
    }
    const bool sticky = folder && (st.st_mode & S_ISVTX) != 0;
    if ((st.st_mode & S_IWOTH) != 0 && !sticky) {
        return what + path.string() + " is writable by others (mode " + octal(st.st_mode) +
               "), so any local user could change the code KnotNotes would run; fix it with: "
               "chmod o-w '" +
               path.string() + "'";
    }
    if ((st.st_mode & S_IWGRP) != 0 && !sticky) {
        return what + path.string() + " is writable by its group (mode " + octal(st.st_mode) +
               "), so another local user could change the code KnotNotes would run; fix it with: "
               "chmod g-w '" +
               path.string() + "'";
    }
    return {};
}

// The path and each folder above it, from the path up to /.
std::vector<std::filesystem::path> chain_of(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> chain;
    for (auto p = path; !p.empty(); p = p.parent_path()) {
        chain.push_back(p);
        if (p == p.root_path())
            break;
    }
    return chain;
}

}  // namespace

std::string untrusted_reason(const std::filesystem::path& file) {
    std::error_code ec;
    const auto given = std::filesystem::absolute(file, ec).lexically_normal();
    if (ec)
        return "cannot examine " + file.string() + ": " + ec.message();
    const auto resolved = std::filesystem::canonical(given, ec);
    if (ec)
        return "cannot examine " + file.string() + ": " + ec.message();
    for (const auto& start : {resolved, given}) {
        for (const auto& path : chain_of(start)) {
            if (auto problem = problem_of(path); !problem.empty())
                return problem;
        }
    }
    return {};
}

}  // namespace knotnotes::core
