// SPDX-License-Identifier: MIT
// exporter.hpp — the streaming export interface an export-format plugin implements.
//
// Specification
// - The host creates one Exporter per export (Plugin::create_exporter) and destroys it when the
//   export ends or fails. It may call format() at any time; for an export it then calls, in
//   this order:
//     begin(context)
//     write_practitioner(...)          for every practitioner in the database
//     for each client in scope, ordered by id:
//       write_client(client)
//       write_intake(...)              its intake versions, oldest first
//       write_session(...)             its sessions in scope, oldest first, each with its knots,
//                                      pressure readings and technique uses inside
//       write_questionnaire_response(...) its responses in scope, oldest first
//     end()
// - Records arrive one at a time; the exporter never sees the whole database and must keep
//   memory bounded (write as it goes; do not collect every record until end()).
// - References passed in are valid only during the call.
// - A record may reference one outside the export (an earlier session's knot, before --since):
//   write the reference only when the record it names was written.
// - Text comes from the clinical record as stored. An exporter must never write a file that is
//   not valid in its format: XML writers check each text with xml_text.hpp and refuse a record
//   that cannot be written (PluginError naming it) rather than change what it says.
// - Any method may throw to abort the export (plugin_error.hpp says which throws disable the
//   plugin); the host then deletes the partial output. abort() is called instead of end() when
//   the export stops early (an error or the user's Cancel); it must not throw.
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

// What begin() is told.
struct ExportContext {
    // Where to write, exactly: a temporary name beside the user's destination
    // ("notes.xml.partial-4711"), which the host renames to the destination once end() has
    // returned (and deletes when the export fails). When writes_folder, a folder that does
    // not exist yet: create it, and put every file inside it. Never derive other names from it.
    std::filesystem::path path;
    std::string application_version;  // "KnotNotes 1.1.0", for provenance in headers
    // The exported database's installation id (a UUID, db/installation.hpp): with a record's
    // uid it identifies the record wherever the export goes (e.g. FHIR identifiers).
    std::string installation_id;
    // What the user chose for this export, as "key=value" lines (the CLI's --option, the export
    // dialog): keys are the exporter's own, documented with it. An exporter reads the keys it
    // knows with export_option() and refuses a value it does not understand (PluginError naming
    // the key); a key it does not know is not its business. Empty: every default.
    std::string options{};
};

// The value of `key` in context.options ("" when it is not set).
inline std::string export_option(const ExportContext& context, const std::string& key) {
    const std::string& text = context.options;
    std::size_t line = 0;
    while (line < text.size()) {
        auto end = text.find('\n', line);
        if (end == std::string::npos)
            end = text.size();
        if (text.compare(line, key.size(), key) == 0 && line + key.size() < end &&
            text[line + key.size()] == '=') {
            return text.substr(line + key.size() + 1, end - line - key.size() - 1);
        }
        line = end + 1;
    }
    return {};
}

class Exporter {
  public:
    virtual ~Exporter() = default;

    virtual ExportFormat format() const = 0;

    virtual void begin(const ExportContext& context) = 0;
    virtual void write_practitioner(const Practitioner& practitioner) = 0;
    virtual void write_client(const Client& client) = 0;
    virtual void write_intake(const Intake& intake) = 0;
    virtual void write_session(const Session& session) = 0;
    virtual void write_questionnaire_response(const QuestionnaireResponse& response) = 0;
    virtual void end() = 0;
    virtual void abort() noexcept {}
};

}  // namespace knotnotes::sdk
