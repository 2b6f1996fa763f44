// questionnaire_xml.hpp — reads one questionnaire definition file (*.questionnaire.xml).
//
// The format is published as sdk/schema/questionnaire-1.xsd. read_questionnaire_file() applies
// the schema's rules (elements in order, types, unique ids) and the few the schema cannot say
// (listed in its opening comment), so a file it accepts validates against the schema. It never
// throws for a bad file: the problem comes back as text naming the line where there is one.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "instrument.hpp"

namespace knotnotes::questionnaires {

inline constexpr const char* questionnaire_namespace = "https://knotnotes.org/ns/questionnaire/1";
inline constexpr const char* questionnaire_suffix = ".questionnaire.xml";

struct DefinitionFileResult {
    std::unique_ptr<RuleScoredInstrument> instrument;  // set when the file is usable
    std::string problem;                               // "line 7: ..." when it is not
};

DefinitionFileResult read_questionnaire_file(const std::filesystem::path& file);

}  // namespace knotnotes::questionnaires
