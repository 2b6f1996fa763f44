#include "unlocked_keys.hpp"

#include <map>
#include <mutex>

namespace knotnotes::db {
namespace {

std::mutex keys_mutex;

std::map<std::string, DatabaseKey>& keys() {
    static std::map<std::string, DatabaseKey> held;
    return held;
}

std::string canonical_name(const std::filesystem::path& file) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(file, ec);
    return ec ? std::filesystem::absolute(file).string() : canonical.string();
}

}  // namespace

void remember_key(const std::filesystem::path& file, const DatabaseKey& key) {
    const std::lock_guard<std::mutex> lock(keys_mutex);
    if (key.empty())
        keys().erase(canonical_name(file));
    else
        keys()[canonical_name(file)] = key;
}

DatabaseKey remembered_key(const std::filesystem::path& file) {
    const std::lock_guard<std::mutex> lock(keys_mutex);
    const auto it = keys().find(canonical_name(file));
    return it == keys().end() ? DatabaseKey{} : it->second;
}

void forget_key(const std::filesystem::path& file) {
    remember_key(file, DatabaseKey{});
}

}  // namespace knotnotes::db
