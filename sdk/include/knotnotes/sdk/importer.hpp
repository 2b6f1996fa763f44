// importer.hpp — the interface an import-format plugin implements, and the sink it feeds.
//
// Specification
// - The host creates one Importer per import (Plugin::create_importer). validate() is called
//   first and must not deliver records; import() then streams every record into the sink in the
//   exporter's order (exporter.hpp): practitioners, then per client its intakes, sessions and
//   questionnaire responses.
// - Ids in delivered records are the file's own ids; the host maps them to new database ids and
//   rejects a record that references an id the file has not delivered.
// - validate() and import() report a problem by throwing ImportError, naming the line (1-based,
//   0 when unknown) and the problem. The host runs the whole import in one transaction, so a
//   throw anywhere leaves the database unchanged.
#pragma once

#include <filesystem>
#include <string>

#include "knotnotes/sdk/exporter.hpp"
#include "knotnotes/sdk/plugin_error.hpp"
#include "knotnotes/sdk/records.hpp"

namespace knotnotes::sdk {

class KNOTNOTES_SDK_VISIBLE ImportError : public PluginError {
  public:
    ImportError(std::size_t line, const std::string& problem)
        : PluginError(line ? "line " + std::to_string(line) + ": " + problem : problem),
          line_(line) {}
    std::size_t line() const noexcept { return line_; }

  private:
    std::size_t line_;
};

class ImportSink {
  public:
    virtual ~ImportSink() = default;
    virtual void practitioner(const Practitioner& practitioner) = 0;
    virtual void client(const Client& client) = 0;
    virtual void intake(const Intake& intake) = 0;
    virtual void session(const Session& session) = 0;
    virtual void questionnaire_response(const QuestionnaireResponse& response) = 0;
};

class Importer {
  public:
    virtual ~Importer() = default;
    virtual ExportFormat format() const = 0;
    virtual void validate(const std::filesystem::path& file) = 0;
    virtual void import(const std::filesystem::path& file, ImportSink& sink) = 0;
};

}  // namespace knotnotes::sdk
