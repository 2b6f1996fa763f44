// The HL7 FHIR R4 exporter: one collection Bundle, written entry by entry as records stream in.
#include <fstream>

#include <knotnotes/sdk/sdk.hpp>

#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace {

namespace sdk = knotnotes::sdk;
namespace fhir = knotnotes::fhir;

class FhirExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override {
        return {"fhir-r4-xml", "HL7 FHIR R4 Bundle (XML)", ".xml", false};
    }

    void begin(const sdk::ExportContext& target) override {
        path_ = target.path.string();
        out_.open(target.path, std::ios::binary | std::ios::trunc);
        if (!out_)
            throw sdk::PluginError("cannot create " + path_);
        w_.buffer() = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        w_.open("Bundle", " xmlns=\"http://hl7.org/fhir\"");
        // meta.source is a uri: "KnotNotes 1.0.0" becomes "urn:knotnotes:1.0.0".
        const auto& app = target.application_version;
        w_.open("meta");
        w_.value("source", "urn:knotnotes:" + app.substr(app.find_last_of(' ') + 1));
        w_.close("meta");
        w_.value("type", "collection");
        w_.value("timestamp", fhir::utc_now());
        flush();
    }

    void write_practitioner(const sdk::Practitioner& p) override {
        people_.practitioners[p.id] = {urls_.of(fhir::Kind::practitioner, p.id), p.name};
        record([&] { return "the practitioner " + p.name + " (uid " + p.uid + ")"; },
               [&] { fhir::write_practitioner(w_, urls_, p); });
    }

    void write_client(const sdk::Client& c) override {
        people_.patient_url = urls_.of(fhir::Kind::patient, c.id);
        people_.patient_name = c.given_name + " " + c.family_name;
        record([&] { return "the client " + people_.patient_name + " (uid " + c.uid + ")"; },
               [&] { fhir::write_patient(w_, urls_, c); });
    }

    void write_intake(const sdk::Intake& i) override {
        record([&] { return "the intake of " + i.recorded_at + " (uid " + i.uid + ")"; },
               [&] { fhir::write_consent(w_, urls_, people_, i); });
    }

    void write_session(const sdk::Session& s) override {
        record([&] { return "the session of " + s.started_at + " (uid " + s.uid + ")"; },
               [&] {
                   fhir::write_encounter(w_, urls_, people_, s);
                   fhir::write_observations(w_, urls_, people_, s);
                   fhir::write_procedures(w_, urls_, people_, s);
                   fhir::write_composition(w_, urls_, people_, s);
                   fhir::write_provenance(w_, urls_, people_, s);
               });
    }

    void write_questionnaire_response(const sdk::QuestionnaireResponse& r) override {
        record(
            [&] {
                return "the questionnaire response of " + r.completed_at + " (uid " + r.uid + ")";
            },
            [&] { fhir::write_questionnaire_response(w_, urls_, people_, r); });
    }

    void end() override {
        w_.close("Bundle");
        flush();
        out_.close();
        if (!out_)
            throw sdk::PluginError("cannot finish writing " + path_);
    }

    void abort() noexcept override {
        try {
            out_.close();
        } catch (...) {
        }
    }

  private:
    // Writes one record's resources, then writes them out; a text that XML cannot hold stops
    // the export naming the record (exporter.hpp).
    template <typename Describe, typename Write>
    void record(Describe describe, Write write) {
        try {
            write();
        } catch (const sdk::XmlTextError& e) {
            throw sdk::unwritable_record(describe(), e.what());
        }
        flush();
    }

    void flush() {
        out_ << w_.buffer();
        w_.buffer().clear();
        if (!out_)
            throw sdk::PluginError("cannot write " + path_ + " (disk full?)");
    }

    std::ofstream out_;
    std::string path_;
    fhir::XmlWriter w_;
    fhir::Urls urls_;
    fhir::People people_;
};

class FhirPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::Exporter> create_exporter() override {
        return std::make_unique<FhirExporter>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(FhirPlugin);
