// SPDX-License-Identifier: MIT
// importer.hpp — the interface an import-format plugin implements, and the sink it feeds.
//
// Specification
// - The host creates one Importer per import (Plugin::create_importer). import() streams every
//   record into the sink in the exporter's order (exporter.hpp): practitioners, then per client
//   its intakes, sessions and questionnaire responses. import() checks as much as validate()
//   does: the host reads a file with import() alone, once, and commits nothing until import()
//   has returned. validate() checks a file without delivering records (for a tool that wants
//   no sink); it must not deliver records.
// - Read the file as a stream: memory must not grow with the size of the file.
// - Ids in delivered records are the file's own (any positive numbers, unique per kind); the
//   host maps them to new database ids. A record references only records delivered before it:
//   practitioners, and records of its own client (the host forgets a client's ids when the next
//   client arrives). The host refuses a record that references anything else.
// - uids are delivered as the file has them (empty when the format has none: the host gives
//   new ones). A uid the database already holds is refused ("already imported").
// - validate() and import() report a problem of the file by throwing ImportError, naming the
//   line (1-based, 0 when unknown) and the problem. When the sink refuses a record it throws
//   ImportError (or PluginError) out of the sink's call: let it propagate. The host runs the
//   whole import in one transaction, so a throw anywhere leaves the database unchanged.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "knotnotes/sdk/exporter.hpp"
#include "knotnotes/sdk/plugin_error.hpp"
#include "knotnotes/sdk/records.hpp"

namespace knotnotes::sdk {

// What an importer read, per kind of item of its file (SDK 2.2): how many it took into records
// and how many it skipped, and why — one note per kind taken and per kind and reason skipped,
// given after the records (for a format that maps only partly, such as FHIR from another
// system). `reason` is empty for what was taken. A host older than 2.2 does not show them.
struct ImportNote {
    std::string kind;  // e.g. "Observation"
    std::int64_t taken = 0;
    std::int64_t skipped = 0;
    std::string reason{};
};

class ImportSink {
  public:
    virtual ~ImportSink() = default;
    virtual void practitioner(const Practitioner& practitioner) = 0;
    virtual void client(const Client& client) = 0;
    virtual void intake(const Intake& intake) = 0;
    virtual void session(const Session& session) = 0;
    virtual void questionnaire_response(const QuestionnaireResponse& response) = 0;
    virtual void note(const ImportNote&) {}
};

class Importer {
  public:
    virtual ~Importer() = default;
    virtual ExportFormat format() const = 0;
    virtual void validate(const std::filesystem::path& file) = 0;
    virtual void import(const std::filesystem::path& file, ImportSink& sink) = 0;
};

}  // namespace knotnotes::sdk
