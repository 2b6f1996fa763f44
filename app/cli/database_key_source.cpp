#include "database_key_source.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <stdexcept>

#include "core/database_keyring.hpp"
#include "core/passphrase_file.hpp"
#include "db/database_error.hpp"
#include "db/file_identity.hpp"

namespace knotnotes::cli {

std::string read_hidden_line(const std::string& prompt) {
    std::cerr << prompt << std::flush;
    termios old_mode{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &old_mode) == 0;
    if (terminal) {
        termios quiet = old_mode;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::cerr << "\n";
    return line;
}

std::string passphrase_from_files(const KeyOptions& options) {
    if (!options.passphrase_file.empty())
        return core::read_passphrase_file(options.passphrase_file);
    return core::passphrase_from_environment();
}

std::string passphrase_from(const KeyOptions& options, const std::string& prompt, bool confirm) {
    if (auto passphrase = passphrase_from_files(options); !passphrase.empty())
        return passphrase;
    if (!::isatty(STDIN_FILENO))
        return {};
    auto passphrase = read_hidden_line(prompt);
    if (passphrase.empty())
        return {};
    if (confirm && read_hidden_line("The same passphrase again: ") != passphrase)
        throw std::runtime_error("the two passphrases differ; nothing was changed");
    return passphrase;
}

db::DatabaseKey database_key_for(const std::filesystem::path& database, const KeyOptions& options,
                                 bool may_create) {
    const auto kind = db::identify_database_file(database).kind;
    const bool new_database =
        may_create && (kind == db::FileKind::missing || kind == db::FileKind::empty);
    if (kind != db::FileKind::encrypted && !new_database)
        return {};  // plain, or not a database at all: opening it says which
    if (new_database && options.unencrypted)
        return {};
    if (const auto passphrase = passphrase_from_files(options); !passphrase.empty())
        return db::DatabaseKey::from_passphrase(passphrase);
    if (!new_database) {
        if (auto key = core::keyring_key_for(database); !key.empty())
            return key;
    } else if (core::desktop_keyring_reachable()) {
        auto key = db::DatabaseKey::random_raw_with_salt();
        std::string problem;
        if (core::keep_key_in_keyring(key, database, problem)) {
            std::cerr << "The new database " << database.string() << " is encrypted. "
                      << core::keyring_explanation << "\n";
            return key;
        }
        std::cerr << "note: the desktop keyring cannot keep the new database's key (" << problem
                  << "); a passphrase is needed instead\n";
    }
    const auto passphrase = passphrase_from(
        options,
        new_database ? "Passphrase for the new encrypted database " + database.string() + ": "
                     : "Passphrase of " + database.string() + ": ",
        new_database);
    if (!passphrase.empty())
        return db::DatabaseKey::from_passphrase(passphrase);
    if (new_database) {
        throw db::DatabaseLocked(database.string() +
                                 ": a new database is encrypted, and no passphrase was given "
                                 "for it, so nothing was created");
    }
    return {};  // opening it says it is encrypted and locked
}

}  // namespace knotnotes::cli
