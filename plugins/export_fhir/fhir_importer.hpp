// fhir_importer.hpp — reads an HL7 FHIR R4 Bundle (XML) into KnotNotes records.
//
// The file is read twice as a stream (fhir_bundle_stream.hpp), so memory holds one patient's
// resources at a time whatever the size of the file:
// 1. A survey: every Practitioner (delivered first, as the host expects), and for each
//    Patient the position of the last entry that belongs to them (its subject or patient, or
//    for a Provenance the note it signs). Bundles from other systems may put a patient's
//    resources anywhere after the Patient.
// 2. The delivery: each patient's resources are kept until their last entry, then read as
//    records (fhir_client_reader.hpp) and handed to the sink.
// validate() does both passes without a sink; import() does them again (the file may have
// changed). After import(), tally() says per resource type what was taken and skipped.
#pragma once

#include <knotnotes/sdk/importer.hpp>

#include "fhir_import_tally.hpp"

namespace knotnotes::fhir {

class FhirImporter : public sdk::Importer {
  public:
    sdk::ExportFormat format() const override;
    void validate(const std::filesystem::path& file) override;
    void import(const std::filesystem::path& file, sdk::ImportSink& sink) override;

    const ImportTally& tally() const { return tally_; }

  private:
    void read(const std::filesystem::path& file, sdk::ImportSink* sink);
    ImportTally tally_;
};

}  // namespace knotnotes::fhir
