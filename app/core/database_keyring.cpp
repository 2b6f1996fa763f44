#include "database_keyring.hpp"

#include <libsecret/secret.h>
#include <unistd.h>

#include <cstdlib>

#include "db/encryption.hpp"

namespace knotnotes::core {
namespace {

const SecretSchema* key_schema() {
    static const SecretSchema schema = {
        "org.knotnotes.DatabaseKey",
        SECRET_SCHEMA_NONE,
        {{"key-id", SECRET_SCHEMA_ATTRIBUTE_STRING}, {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
        0,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr};
    return &schema;
}

std::string take_error(GError* error) {
    std::string message = error && error->message ? error->message : "unknown error";
    if (error)
        g_error_free(error);
    return message;
}

}  // namespace

bool desktop_keyring_reachable() {
    if (const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS"); bus && *bus)
        return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    return runtime && *runtime && ::access((std::string(runtime) + "/bus").c_str(), F_OK) == 0;
}

db::DatabaseKey keyring_key_for(const std::filesystem::path& file) {
    const auto id = db::encryption_key_id(file);
    if (id.empty() || !desktop_keyring_reachable())
        return {};
    GError* error = nullptr;
    gchar* secret =
        secret_password_lookup_sync(key_schema(), nullptr, &error, "key-id", id.c_str(), nullptr);
    if (error) {
        take_error(error);
        return {};
    }
    if (!secret)
        return {};
    db::DatabaseKey key;
    try {
        key = db::DatabaseKey::from_raw_hex(secret);
    } catch (const std::exception&) {
        // Not a key of ours after all: as if there were none.
    }
    secret_password_free(secret);
    return key;
}

bool keep_key_in_keyring(const db::DatabaseKey& key, const std::filesystem::path& file,
                         std::string& problem) {
    if (!desktop_keyring_reachable()) {
        problem = "no desktop session (no D-Bus session bus)";
        return false;
    }
    if (!key.has_salt()) {
        problem = "only a raw key with its salt is kept in the keyring";
        return false;
    }
    const std::string label = "KnotNotes database key (" + file.string() + ")";
    const auto hex = key.raw_hex();
    GError* error = nullptr;
    const bool stored = secret_password_store_sync(key_schema(), SECRET_COLLECTION_DEFAULT,
                                                   label.c_str(), hex.c_str(), nullptr, &error,
                                                   "key-id", key.key_id().c_str(), nullptr);
    if (!stored || error) {
        problem = error ? take_error(error) : "the keyring refused it";
        return false;
    }
    return true;
}

}  // namespace knotnotes::core
