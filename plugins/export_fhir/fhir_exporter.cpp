// The HL7 FHIR R4 exporter: one Bundle (a transaction unless the option bundle= says collection
// or document), written entry by entry as records stream in.
#include <fstream>
#include <optional>

#include <knotnotes/sdk/sdk.hpp>

#include "../common/write_chunk.hpp"
#include "fhir_importer.hpp"
#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace {

namespace sdk = knotnotes::sdk;
namespace fhir = knotnotes::fhir;

fhir::BundleType bundle_type(const sdk::ExportContext& context) {
    const auto value = sdk::export_option(context, "bundle");
    if (value.empty() || value == "transaction")
        return fhir::BundleType::transaction;
    if (value == "collection")
        return fhir::BundleType::collection;
    if (value == "document")
        return fhir::BundleType::document;
    throw sdk::PluginError("the FHIR export option bundle=" + value +
                           " is not a Bundle type it writes: use bundle=transaction (the "
                           "default), bundle=collection or bundle=document");
}

bool with_snomed(const sdk::ExportContext& context) {
    const auto value = sdk::export_option(context, "snomed");
    if (value.empty() || value == "yes")
        return true;
    if (value == "no")
        return false;
    throw sdk::PluginError("the FHIR export option snomed=" + value +
                           " is neither yes (SNOMED CT laterality codes beside KnotNotes' own, the "
                           "default) nor no (KnotNotes' codes only)");
}

const char* type_name(fhir::BundleType type) {
    switch (type) {
        case fhir::BundleType::transaction:
            return "transaction";
        case fhir::BundleType::collection:
            return "collection";
        case fhir::BundleType::document:
            return "document";
    }
    return "";
}

class FhirExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override {
        return {"fhir-r4-xml", "HL7 FHIR R4 Bundle (XML)", ".xml", false};
    }

    void begin(const sdk::ExportContext& target) override {
        x_.emplace(target.installation_id);
        x_->type = bundle_type(target);
        x_->snomed = with_snomed(target);
        path_ = target.path.string();
        out_.open(target.path, std::ios::binary | std::ios::trunc);
        if (!out_)
            throw sdk::PluginError("cannot create " + path_);
        w_.buffer() = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        w_.open("Bundle", " xmlns=\"http://hl7.org/fhir\"");
        // meta.source is a uri: "KnotNotes 1.0.0" becomes "urn:knotnotes:1.0.0".
        const auto& app = target.application_version;
        w_.open("meta");
        version_ = app.substr(app.find_last_of(' ') + 1);
        w_.value("source", "urn:knotnotes:" + version_);
        w_.close("meta");
        const auto timestamp = fhir::utc_now();
        // Each export is a Bundle of its own: its identifier names the installation and the
        // moment, while every entry keeps its stable identity.
        fhir::write_identifier(w_, *x_, fhir::Kind::bundle,
                               target.installation_id + "/" + timestamp);
        w_.value("type", type_name(x_->type));
        w_.value("timestamp", timestamp);
        if (x_->type == fhir::BundleType::document)
            fhir::write_document_index(w_, *x_, timestamp, app);
        flush();
    }

    void write_practitioner(const sdk::Practitioner& p) override {
        x_->practitioners[p.id] = {
            x_->identity.url(fhir::Kind::practitioner, fhir::record_key(p.uid, p.id)), p.name};
        record([&] { return "the practitioner " + p.name + " (uid " + p.uid + ")"; },
               [&] { fhir::write_practitioner(w_, *x_, p); });
    }

    void write_client(const sdk::Client& c) override {
        x_->patient_key = fhir::record_key(c.uid, c.id);
        x_->patient = {x_->identity.url(fhir::Kind::patient, x_->patient_key),
                       c.given_name + " " + c.family_name};
        x_->sessions.clear();
        x_->intakes.clear();
        x_->knots.clear();
        record([&] { return "the client " + x_->patient.name + " (uid " + c.uid + ")"; },
               [&] { fhir::write_patient(w_, *x_, c); });
    }

    void write_intake(const sdk::Intake& i) override {
        record([&] { return "the intake of " + i.recorded_at + " (uid " + i.uid + ")"; },
               [&] {
                   fhir::write_intake(w_, *x_, i);
                   fhir::write_consent(w_, *x_, i);
               });
    }

    void write_session(const sdk::Session& s) override {
        record([&] { return "the session of " + s.started_at + " (uid " + s.uid + ")"; },
               [&] { fhir::write_session(w_, *x_, s); });
    }

    void write_questionnaire_response(const sdk::QuestionnaireResponse& r) override {
        record(
            [&] {
                return "the questionnaire response of " + r.completed_at + " (uid " + r.uid + ")";
            },
            [&] { fhir::write_questionnaire_response(w_, *x_, r); });
    }

    void end() override {
        record([] { return std::string("the export's code systems and questionnaires"); },
               [&] {
                   fhir::write_code_systems(w_, *x_, version_);
                   fhir::write_questionnaires(w_, *x_);
               });
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
        if (w_.buffer().size() >= knotnotes::plugins::write_chunk)
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
    std::string version_;  // KnotNotes', e.g. "1.1.0"
    fhir::XmlWriter w_;
    std::optional<fhir::Export> x_;  // from begin()
};

class FhirPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::Exporter> create_exporter() override {
        return std::make_unique<FhirExporter>();
    }
    std::unique_ptr<sdk::Importer> create_importer() override {
        return std::make_unique<fhir::FhirImporter>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(FhirPlugin);
