// exporter.hpp — the streaming export interface an export-format plugin implements.
//
// Specification
// - The host creates one Exporter per export (Plugin::create_exporter) and destroys it when the
//   export ends or fails. It then calls, in this order:
//     begin(target)
//     write_practitioner(...)          for every practitioner in scope
//     for each client in scope, ordered by id:
//       write_client(client)
//       write_intake(...)              its intake versions, oldest first
//       write_session(...)             its sessions, oldest first, each with its knots,
//                                      pressure readings and technique uses inside
//       write_questionnaire_response(...) its questionnaire responses, oldest first
//     end()
// - Records arrive one at a time; the exporter never sees the whole database and must keep
//   memory bounded (write as it goes; do not collect every record until end()).
// - References passed in are valid only during the call.
// - Any method may throw (std::exception or a subclass) to abort the export: the host reports
//   what() to the user with the plugin's id (see plugin_error.hpp for which throws disable it), and
//   deletes the partial output. abort() is called instead of end() when the export stops early
//   (an error or the user's Cancel); it must not throw.
#pragma once

#include <filesystem>
#include <string>

#include "knotnotes/sdk/records.hpp"

namespace knotnotes::sdk {

// What a format is, for menus and the CLI's --format.
struct ExportFormat {
    std::string id;         // short, stable: "xml", "fhir-r4-xml", "csv", "html"
    std::string name;       // for people: "HL7 FHIR R4 (XML)"
    std::string extension;  // ".xml"; empty when the output is a folder
    bool writes_folder = false;
};

struct ExportTarget {
    std::filesystem::path path;       // the file to write, or the folder when writes_folder
    std::string application_version;  // e.g. "KnotNotes 1.0.0", for provenance in headers
};

class Exporter {
  public:
    virtual ~Exporter() = default;

    virtual ExportFormat format() const = 0;

    virtual void begin(const ExportTarget& target) = 0;
    virtual void write_practitioner(const Practitioner& practitioner) = 0;
    virtual void write_client(const Client& client) = 0;
    virtual void write_intake(const Intake& intake) = 0;
    virtual void write_session(const Session& session) = 0;
    virtual void write_questionnaire_response(const QuestionnaireResponse& response) = 0;
    virtual void end() = 0;
    virtual void abort() noexcept {}
};

}  // namespace knotnotes::sdk
