// SPDX-License-Identifier: MIT
// hello_exporter — the smallest complete KnotNotes exporter: one text line per record.
// It shows the whole plugin contract: a Plugin subclass, an Exporter that streams records to
// a file as they arrive, failures reported as sdk::PluginError (the user sees the message and
// the plugin stays enabled), and KNOTNOTES_PLUGIN to export the handshake and the entry point.
#include <fstream>

#include <knotnotes/sdk/sdk.hpp>

namespace {

namespace sdk = knotnotes::sdk;

class HelloExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override {
        return {"hello-text", "Hello (plain text)", ".txt", false};
    }

    void begin(const sdk::ExportContext& context) override {
        // context.path is a temporary name the host renames once end() has returned.
        path_ = context.path.string();
        out_.open(context.path, std::ios::binary | std::ios::trunc);
        if (!out_) {
            throw sdk::PluginError("cannot create " + path_ +
                                   ": check that the folder exists and that you may write there");
        }
        out_ << "Hello from " << context.application_version << "\n";
    }
    void write_practitioner(const sdk::Practitioner& p) override {
        out_ << "practitioner " << p.id << ": " << p.name << "\n";
    }
    void write_client(const sdk::Client& c) override {
        out_ << "client " << c.id << ": " << c.given_name << " " << c.family_name << "\n";
    }
    void write_intake(const sdk::Intake& i) override {
        out_ << "  intake v" << i.version << " (" << i.health_flags.size() << " health flags)\n";
    }
    void write_session(const sdk::Session& s) override {
        out_ << "  session " << s.started_at << ": " << s.knots.size() << " knots, "
             << s.techniques.size() << " techniques\n";
    }
    void write_questionnaire_response(const sdk::QuestionnaireResponse& r) override {
        out_ << "  " << r.instrument_id << " on " << r.completed_at << "\n";
    }
    void end() override {
        out_.close();
        if (!out_)
            throw sdk::PluginError("cannot finish writing " + path_ + " (is the disk full?)");
    }

  private:
    std::string path_;
    std::ofstream out_;
};

class HelloPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::Exporter> create_exporter() override {
        return std::make_unique<HelloExporter>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(HelloPlugin);
