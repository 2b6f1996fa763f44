// import_checks.hpp — what an import asks the plugins before a record goes in: every id a note
// names must belong to a plugin that is here, and every stored questionnaire score must be what
// the instrument's own plugin computes.
//
// - check_response(r) re-scores the response's answers with its instrument's provider and
//   throws ImportError when the stored score or interpretation differs, when the provider
//   refuses the answers, or when no loaded plugin provides the instrument (naming the plugin
//   that is missing and, when it is here but disabled or refused, why and what to do).
// - check_technique(id) throws ImportError unless a loaded technique library offers `id`
//   ("<library>/<technique>"), naming the missing library or technique likewise.
// Scores compare equal when they differ by at most 1e-9 of their size (formats that write
// fewer digits than a double holds still round-trip); interpretations compare exactly.
#pragma once

#include <string>

#include <knotnotes/sdk/records.hpp>

#include "plugin_manifest.hpp"
#include "questionnaire_catalogue.hpp"
#include "technique_catalogue.hpp"

namespace knotnotes::core {

class PluginHost;

class ImportChecks {
  public:
    explicit ImportChecks(PluginHost& host);

    void check_response(const sdk::QuestionnaireResponse& response);
    void check_technique(const std::string& technique_id) const;

  private:
    std::string missing_plugin(const std::string& qualified_id, PluginKind kind) const;

    PluginHost& host_;
    QuestionnaireCatalogue questionnaires_;
    TechniqueCatalogue techniques_;
};

}  // namespace knotnotes::core
