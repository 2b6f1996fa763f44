// file_trust.hpp — may KnotNotes run the code in a file? Only if no other local user could
// have written it.
//
// untrusted_reason(file) returns "" when the file and every folder on the way to it — the path
// as given and the path its symbolic links resolve to — are owned by the user running
// KnotNotes or by root, and writable by nobody else: not by the group, not by others. A folder
// writable by others is accepted only with the sticky bit (as /tmp is): there nobody may
// rename or remove an entry they do not own, so the folders below it, checked in turn, decide.
// Otherwise it returns why, naming the path and the command that fixes it. Never throws; a
// path that cannot be examined is untrusted.
#pragma once

#include <filesystem>
#include <string>

namespace knotnotes::core {

std::string untrusted_reason(const std::filesystem::path& file);

}  // namespace knotnotes::core
