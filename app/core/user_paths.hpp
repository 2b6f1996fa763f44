// user_paths.hpp — where KnotNotes keeps the user's files, following the XDG base directories.
//
// data_dir():   $XDG_DATA_HOME/knotnotes   (default ~/.local/share/knotnotes): database, plugins
// config_dir(): $XDG_CONFIG_HOME/knotnotes (default ~/.config/knotnotes): settings
// executable_dir(): the folder of the running program, to find files relative to the install.
// None of them creates the folder; callers create what they write into.
#pragma once

#include <filesystem>

namespace knotnotes::core {

std::filesystem::path data_dir();
std::filesystem::path config_dir();
std::filesystem::path executable_dir();

// The database used when none is named: <data_dir>/knotnotes.db.
std::filesystem::path default_database_path();
// The demo database, apart from the user's records: <data_dir>/demo.knotnotes.db. Only
// synthetic clients are ever written there (File > Open demo database, the first ./dev.sh run).
std::filesystem::path demo_database_path();
bool is_demo_database(const std::filesystem::path& file);
// Where automatic backups go: <data_dir>/backups.
std::filesystem::path default_backup_dir();

}  // namespace knotnotes::core
