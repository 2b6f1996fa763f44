// html_exporter.cpp — the printable report plugin: one self-contained HTML file per client.
//
// Records stream client by client (client, intakes, sessions, questionnaire responses, then
// the next client), and a report needs all of one client's records at once (the latest intake
// at the top, progress charts at the end). So the exporter keeps the current client's records
// only, and writes that client's file as soon as the next client starts, or at end(): memory
// holds one client's chart, never the database.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <system_error>

#include <knotnotes/sdk/sdk.hpp>

#include "client_records.hpp"
#include "client_report.hpp"
#include "report_file_name.hpp"

namespace knotnotes::export_html {

namespace {

[[noreturn]] void fail(const std::string& doing, const std::filesystem::path& file,
                       int error_number) {
    std::string message = doing + " " + file.string();
    if (error_number != 0)
        message += std::string(": ") + std::strerror(error_number);
    throw sdk::PluginError(message);
}

void write_file(const std::filesystem::path& file, const std::string& content) {
    struct FileCloser {
        void operator()(std::FILE* f) const noexcept { std::fclose(f); }
    };
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> out(std::fopen(file.c_str(), "wb"));
    if (!out)
        fail("cannot create", file, errno);
    errno = 0;
    if (std::fwrite(content.data(), 1, content.size(), out.get()) != content.size() ||
        std::fflush(out.get()) != 0)
        fail("cannot write", file, errno);
    errno = 0;
    if (std::fclose(out.release()) != 0)
        fail("cannot close", file, errno);
}

class HtmlExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override {
        return {"html", "Printable report (HTML, one file per client)", "", true};
    }

    void begin(const sdk::ExportContext& target) override {
        std::error_code error;
        std::filesystem::create_directories(target.path, error);
        if (error || !std::filesystem::is_directory(target.path)) {
            throw sdk::PluginError("cannot create the export folder " + target.path.string() +
                                   (error ? ": " + error.message() : ": not a folder"));
        }
        folder_ = target.path;
        application_version_ = target.application_version;
        started_ = true;
    }

    void write_practitioner(const sdk::Practitioner& practitioner) override {
        std::string name = practitioner.name;
        if (!practitioner.credentials.empty())
            name += ", " + practitioner.credentials;
        practitioners_[practitioner.id] = name;
    }

    void write_client(const sdk::Client& client) override {
        if (!started_)
            throw std::logic_error("HTML exporter: write_client called before begin()");
        write_current_report();
        current_.emplace();
        current_->client = client;
    }

    void write_intake(const sdk::Intake& intake) override {
        auto& records = current("write_intake");
        records.intake_versions[intake.id] = intake.version;
        if (!records.latest_intake || intake.version >= records.latest_intake->version)
            records.latest_intake = intake;
    }

    void write_session(const sdk::Session& session) override {
        current("write_session").sessions.push_back(session);
    }

    void write_questionnaire_response(const sdk::QuestionnaireResponse& response) override {
        current("write_questionnaire_response").responses.push_back(response);
    }

    void end() override { write_current_report(); }

    // Nothing to close: each report is written whole. The host deletes the partial output.
    void abort() noexcept override { current_.reset(); }

  private:
    ClientRecords& current(const char* call) {
        if (!current_)
            throw std::logic_error(std::string("HTML exporter: ") + call +
                                   " called before write_client()");
        return *current_;
    }

    void write_current_report() {
        if (!current_)
            return;
        const auto file = folder_ / client_report_file_name(current_->client);
        const std::string html =
            client_report_html(*current_, practitioners_, application_version_);
        current_.reset();  // dropped before writing, so a failure leaves nothing half-kept
        write_file(file, html);
    }

    std::filesystem::path folder_;
    std::string application_version_;
    bool started_ = false;
    PractitionerNames practitioners_;
    std::optional<ClientRecords> current_;
};

class HtmlExportPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::Exporter> create_exporter() override {
        return std::make_unique<HtmlExporter>();
    }
};

}  // namespace

}  // namespace knotnotes::export_html

KNOTNOTES_PLUGIN(knotnotes::export_html::HtmlExportPlugin);
