#include "fhir_extensions.hpp"

#include <knotnotes/sdk/vocabulary.hpp>

namespace knotnotes::fhir {
namespace {

void open_extension(XmlWriter& w, const char* url) {
    w.open("extension", std::string(" url=\"") + url + "\"");
}

}  // namespace

void extension_string(XmlWriter& w, const char* url, const std::string& value) {
    extension_value(w, url, "valueString", value);
}

void extension_value(XmlWriter& w, const char* url, const char* type, const std::string& value) {
    if (value.empty())
        return;
    open_extension(w, url);
    w.value(type, value);
    w.close("extension");
}

void extension_reference(XmlWriter& w, const char* url, const std::string& reference) {
    if (reference.empty())
        return;
    open_extension(w, url);
    w.reference("valueReference", reference);
    w.close("extension");
}

void extension_code(XmlWriter& w, const char* url, const char* system, const std::string& code) {
    open_extension(w, url);
    w.open("valueCoding");
    w.value("system", system);
    w.value("code", code);
    w.close("valueCoding");
    w.close("extension");
}

void write_signature_extension(XmlWriter& w, const sdk::Signature& sig) {
    open_extension(w, extension_signature);
    auto part = [&](const char* name, const char* type, const std::string& value) {
        if (value.empty())
            return;
        w.open("extension", std::string(" url=\"") + name + "\"");
        w.value(type, value);
        w.close("extension");
    };
    part("algorithm", "valueCode", sig.algorithm);
    part("canonicalVersion", "valueInteger", std::to_string(sig.canonical_version));
    part("signer", "valueString", sig.signer);
    part("signedAt", "valueString", sig.signed_at);  // exactly as signed
    part("contentSha256", "valueString", sig.content_sha256);
    part("publicKey", "valueBase64Binary", sig.public_key);
    part("value", "valueBase64Binary", sig.value);
    // The agent stands in for a signer the seal did not record.
    part("signerUnrecorded", "valueBoolean", sig.signer_practitioner_id ? "" : "true");
    w.close("extension");
}

void laterality_codings(XmlWriter& w, sdk::Side side, bool with_snomed) {
    const auto word = std::string(sdk::to_text(side));
    w.coding(knotnotes_codes, word, word);
    if (!with_snomed)
        return;
    switch (side) {
        case sdk::Side::left:
            w.coding(fhir::snomed, "7771000", "Left");
            break;
        case sdk::Side::right:
            w.coding(fhir::snomed, "24028007", "Right");
            break;
        case sdk::Side::bilateral:
            w.coding(fhir::snomed, "51440002", "Right and left");
            break;
        case sdk::Side::midline:
            break;
    }
}

}  // namespace knotnotes::fhir
