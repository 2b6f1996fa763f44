// questionnaire_folders.hpp — where a clinic's own questionnaire definitions are found, and
// loading all of them.
//
// Folders, in this order: each folder of KNOTNOTES_QUESTIONNAIRE_PATH (':'-separated), then
// $XDG_DATA_HOME/knotnotes/questionnaires (default ~/.local/share/knotnotes/questionnaires).
// A folder that does not exist is passed over in silence: it is the usual case.
// A definition file that cannot be used (malformed, breaking the schema, an id already taken)
// never stops the others: it is skipped, with a line on `log` naming the file, the line and the
// reason, because the plugin interface has no other channel for it.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "instrument.hpp"

namespace knotnotes::questionnaires {

std::vector<std::filesystem::path> questionnaire_folders();

// Every *.questionnaire.xml in `folders` (by file name within a folder) that is usable and
// whose id is not in `taken_ids` nor in an earlier file.
std::vector<std::unique_ptr<Instrument>> load_questionnaire_folders(
    const std::vector<std::filesystem::path>& folders, const std::set<std::string>& taken_ids,
    std::ostream& log);

}  // namespace knotnotes::questionnaires
