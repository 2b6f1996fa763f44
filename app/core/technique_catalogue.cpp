#include "technique_catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/plain_text.hpp"
#include "plugin_host.hpp"

namespace knotnotes::core {
namespace {

// Does some word of `text` start with `prefix`? (Words split on anything not a letter/digit.)
bool word_starts_with(const std::string& text, const std::string& prefix) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        if (word_start && text.compare(i, prefix.size(), prefix) == 0)
            return true;
    }
    return false;
}

}  // namespace

TechniqueCatalogue::TechniqueCatalogue(PluginHost& host) {
    std::vector<std::string> ids;
    for (const auto* status : host.loaded_with_kind(PluginKind::technique_library)) {
        ids.push_back(status->id());
    }
    for (const auto& plugin_id : ids) {
        try {
            auto library = host.create_technique_library(plugin_id);
            for (auto& t : library.call("techniques()",
                                        [](sdk::TechniqueLibrary& l) { return l.techniques(); })) {
                techniques_.push_back({plugin_id + "/" + t.id, plugin_id, std::move(t)});
            }
        } catch (const std::exception&) {
            // The plugin is disabled with its reason (see the Plugins dialog); it offers nothing.
        }
    }
    std::sort(techniques_.begin(), techniques_.end(), [](const auto& a, const auto& b) {
        return std::tie(a.technique.category, a.technique.name) <
               std::tie(b.technique.category, b.technique.name);
    });
}

TechniqueCatalogue::TechniqueCatalogue(std::vector<CatalogueTechnique> techniques)
    : techniques_(std::move(techniques)) {}

std::vector<const CatalogueTechnique*> TechniqueCatalogue::search(const std::string& typed) const {
    std::istringstream in(ascii_lower(typed));
    std::vector<std::string> words;
    for (std::string w; in >> w;)
        words.push_back(w);
    std::vector<const CatalogueTechnique*> found;
    for (const auto& t : techniques_) {
        const auto haystack = ascii_lower(t.technique.name + " " + t.technique.category);
        if (std::all_of(words.begin(), words.end(),
                        [&](const std::string& w) { return word_starts_with(haystack, w); })) {
            found.push_back(&t);
        }
    }
    return found;
}

const CatalogueTechnique* TechniqueCatalogue::find(const std::string& id) const {
    for (const auto& t : techniques_) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

}  // namespace knotnotes::core
