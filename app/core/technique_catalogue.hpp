// technique_catalogue.hpp — every technique the enabled technique-library plugins offer, with
// its stored id "<plugin-id>/<technique>", for the session editor's search-as-you-type picker.
//
// Built once from the plugin host (each call contained: a library that throws is disabled and
// contributes nothing). search() matches every typed word against the start of a word of the
// name or category, case-insensitively; an empty search lists everything, by category and name.
#pragma once

#include <string>
#include <vector>

#include <knotnotes/sdk/technique_library.hpp>

namespace knotnotes::core {

class PluginHost;

struct CatalogueTechnique {
    std::string id;  // "<plugin-id>/<technique>"
    std::string library;
    sdk::Technique technique;
};

class TechniqueCatalogue {
  public:
    explicit TechniqueCatalogue(PluginHost& host);
    explicit TechniqueCatalogue(std::vector<CatalogueTechnique> techniques);

    const std::vector<CatalogueTechnique>& all() const { return techniques_; }
    std::vector<const CatalogueTechnique*> search(const std::string& typed) const;
    const CatalogueTechnique* find(const std::string& id) const;

  private:
    std::vector<CatalogueTechnique> techniques_;
};

}  // namespace knotnotes::core
