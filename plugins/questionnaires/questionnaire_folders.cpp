// Finds the questionnaire definition folders and loads every definition file in them.
#include "questionnaire_folders.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <system_error>

#include "questionnaire_xml.hpp"

namespace knotnotes::questionnaires {
namespace {

namespace fs = std::filesystem;

constexpr const char* log_prefix = "org.knotnotes.questionnaires: ";

// XDG says a relative value must be ignored, so only an absolute path overrides the default.
fs::path data_home() {
    if (const char* value = std::getenv("XDG_DATA_HOME"); value && *value) {
        fs::path p(value);
        if (p.is_absolute())
            return p;
    }
    const char* home = std::getenv("HOME");
    if (!home || !*home)
        return {};
    return fs::path(home) / ".local" / "share";
}

bool is_definition_file(const fs::directory_entry& entry) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = questionnaire_suffix;
    std::error_code ec;
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           entry.is_regular_file(ec);
}

std::vector<fs::path> definition_files(const fs::path& folder, std::ostream& log) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return files;
    fs::directory_iterator it(folder, ec);
    if (ec) {
        log << log_prefix << "cannot read the folder " << folder.string() << ": " << ec.message()
            << '\n';
        return files;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (is_definition_file(*it))
            files.push_back(it->path());
    }
    // A stable order, so which of two files with the same id wins does not depend on the disk.
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

std::vector<fs::path> questionnaire_folders() {
    std::vector<fs::path> folders;
    if (const char* path = std::getenv("KNOTNOTES_QUESTIONNAIRE_PATH"); path) {
        const std::string list = path;
        std::size_t start = 0;
        while (start <= list.size()) {
            const auto end = std::min(list.find(':', start), list.size());
            if (end > start)
                folders.emplace_back(list.substr(start, end - start));
            start = end + 1;
        }
    }
    if (auto data = data_home(); !data.empty())
        folders.push_back(data / "knotnotes" / "questionnaires");
    return folders;
}

std::vector<std::unique_ptr<Instrument>> load_questionnaire_folders(
    const std::vector<fs::path>& folders, const std::set<std::string>& taken_ids,
    std::ostream& log) {
    std::vector<std::unique_ptr<Instrument>> instruments;
    std::map<std::string, fs::path> loaded_from;  // id -> file, to name both in a clash
    std::set<fs::path> seen_folders;
    for (const auto& folder : folders) {
        // The same folder named twice (in the path and as the XDG folder) is read once.
        std::error_code ec;
        const auto canonical = fs::weakly_canonical(folder, ec);
        if (!seen_folders.insert(ec ? folder : canonical).second)
            continue;
        for (const auto& file : definition_files(folder, log)) {
            auto result = read_questionnaire_file(file);
            std::string problem = result.problem;
            if (result.instrument) {
                const auto& id = result.instrument->definition().id;
                if (taken_ids.count(id)) {
                    problem = "the id '" + id + "' is a built-in instrument's";
                } else if (auto earlier = loaded_from.find(id); earlier != loaded_from.end()) {
                    problem =
                        "the id '" + id + "' is already defined by " + earlier->second.string();
                }
            }
            if (!problem.empty()) {
                log << log_prefix << "skipped " << file.string() << ": " << problem << '\n';
                continue;
            }
            loaded_from.emplace(result.instrument->definition().id, file);
            instruments.push_back(std::move(result.instrument));
        }
    }
    return instruments;
}

}  // namespace knotnotes::questionnaires
