// csv_exporter.cpp — the CSV export plugin: streams every record straight into the CSV file of
// its kind, so memory stays the same whatever the size of the database.
#include <map>
#include <memory>
#include <string>
#include <system_error>

#include <knotnotes/sdk/sdk.hpp>

#include "csv_rows.hpp"
#include "csv_tables.hpp"
#include "csv_writer.hpp"

namespace knotnotes::export_csv {

namespace {

template <std::size_t ColumnCount>
CsvFile open_table(const std::filesystem::path& folder, const CsvTable<ColumnCount>& table) {
    return CsvFile(folder / table.file_name,
                   std::vector<std::string_view>(table.columns.begin(), table.columns.end()));
}

// Every file of one export, all open from begin() to end(): records of different kinds arrive
// interleaved (a session brings its knots, readings and techniques), so each goes straight to
// its own file. Opening them all at begin() also reports an unwritable folder before any work.
struct CsvTables {
    explicit CsvTables(const std::filesystem::path& folder)
        : practitioners(open_table(folder, practitioners_table)),
          clients(open_table(folder, clients_table)),
          intakes(open_table(folder, intakes_table)),
          sessions(open_table(folder, sessions_table)),
          knots(open_table(folder, knots_table)),
          pressure_readings(open_table(folder, pressure_readings_table)),
          technique_uses(open_table(folder, technique_uses_table)),
          questionnaire_responses(open_table(folder, questionnaire_responses_table)) {}

    template <typename Action>
    void for_each(Action action) {
        for (CsvFile* file : {&practitioners, &clients, &intakes, &sessions, &knots,
                              &pressure_readings, &technique_uses, &questionnaire_responses})
            action(*file);
    }

    CsvFile practitioners;
    CsvFile clients;
    CsvFile intakes;
    CsvFile sessions;
    CsvFile knots;
    CsvFile pressure_readings;
    CsvFile technique_uses;
    CsvFile questionnaire_responses;
};

class CsvExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override {
        return {"csv", "CSV tables for spreadsheets (one file per record kind)", "", true};
    }

    void begin(const sdk::ExportContext& target) override {
        std::error_code error;
        std::filesystem::create_directories(target.path, error);
        if (error || !std::filesystem::is_directory(target.path)) {
            throw sdk::PluginError("cannot create the export folder " + target.path.string() +
                                   (error ? ": " + error.message() : ": not a folder"));
        }
        tables_ = std::make_unique<CsvTables>(target.path);
    }

    void write_practitioner(const sdk::Practitioner& practitioner) override {
        // Kept so that each session row can name its practitioner: a handful per clinic.
        practitioner_names_[practitioner.id] = practitioner.name;
        tables().practitioners.write_row(practitioner_row(practitioner));
    }

    void write_client(const sdk::Client& client) override {
        tables().clients.write_row(client_row(client));
    }

    void write_intake(const sdk::Intake& intake) override {
        tables().intakes.write_row(intake_row(intake));
    }

    void write_session(const sdk::Session& session) override {
        auto& files = tables();
        const auto practitioner = practitioner_names_.find(session.practitioner_id);
        files.sessions.write_row(session_row(session, practitioner != practitioner_names_.end()
                                                          ? practitioner->second
                                                          : std::string()));
        for (const auto& knot : session.knots)
            files.knots.write_row(knot_row(knot, session.client_id));
        for (const auto& reading : session.pressure_readings)
            files.pressure_readings.write_row(pressure_reading_row(reading, session.client_id));
        for (const auto& use : session.techniques)
            files.technique_uses.write_row(technique_use_row(use, session.client_id));
    }

    void write_questionnaire_response(const sdk::QuestionnaireResponse& response) override {
        tables().questionnaire_responses.write_row(questionnaire_response_row(response));
    }

    void end() override {
        tables().for_each([](CsvFile& file) { file.finish(); });
        tables_.reset();
    }

    // The host deletes the partial output; here the files are only closed.
    void abort() noexcept override { tables_.reset(); }

  private:
    CsvTables& tables() {
        if (!tables_)
            throw std::logic_error("CSV exporter called outside begin() ... end()");
        return *tables_;
    }

    std::unique_ptr<CsvTables> tables_;
    std::map<sdk::Id, std::string> practitioner_names_;
};

class CsvExportPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::Exporter> create_exporter() override {
        return std::make_unique<CsvExporter>();
    }
};

}  // namespace

}  // namespace knotnotes::export_csv

KNOTNOTES_PLUGIN(knotnotes::export_csv::CsvExportPlugin);
