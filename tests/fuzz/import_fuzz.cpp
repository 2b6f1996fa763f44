// libFuzzer target: an importer must never crash, hang or leak on any input; it either imports
// or throws ImportError. The native XML importer, or with -DKNOTNOTES_FUZZ_FHIR the FHIR
// Bundle importer (fed mutated Bundles). Built with clang -fsanitize=fuzzer,address,undefined
// by run_fuzz.sh, outside the main GCC build.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#ifdef KNOTNOTES_FUZZ_FHIR
#include "fhir_importer.hpp"
using Importer = knotnotes::fhir::FhirImporter;
#else
#include "native_xml_importer.hpp"
using Importer = knotnotes::xml::NativeXmlImporter;
#endif

namespace {

namespace sdk = knotnotes::sdk;

// Counts what would be written; a real sink's checks are the host's, not the importer's.
class CountingSink : public sdk::ImportSink {
  public:
    void practitioner(const sdk::Practitioner&) override { ++records; }
    void client(const sdk::Client&) override { ++records; }
    void intake(const sdk::Intake&) override { ++records; }
    void session(const sdk::Session& s) override { records += 1 + s.knots.size(); }
    void questionnaire_response(const sdk::QuestionnaireResponse&) override { ++records; }
    std::size_t records = 0;
};

std::string scratch_file() {
    return "/tmp/knotnotes-fuzz-" + std::to_string(::getpid()) + ".xml";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string file = scratch_file();
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    Importer importer;
    CountingSink sink;
    try {
        importer.validate(file);
        importer.import(file, sink);
    } catch (const sdk::ImportError&) {
        // Rejected with a message: the expected outcome for most inputs.
    }
    return 0;
}
