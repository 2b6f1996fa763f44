#include "fhir_importer.hpp"

#include <map>
#include <set>

#include <knotnotes/sdk/plugin_error.hpp>

#include "fhir_bundle_stream.hpp"
#include "fhir_client_reader.hpp"

namespace knotnotes::fhir {
namespace {

// Where each patient's resources end, and who the practitioners are.
struct Survey {
    std::vector<sdk::Practitioner> practitioners;
    std::map<std::string, sdk::Id> practitioner_ids;     // key -> file id
    std::set<std::string> patients;                      // the Patient entries' keys
    std::map<std::string, std::size_t> last_entry;       // Patient key -> last position
    std::map<std::string, std::string> note_patients;    // Encounter/Composition key -> Patient
    std::map<std::size_t, std::string> signed_patients;  // Provenance position -> Patient
};

bool is_note(const std::string& type) {
    return type == "Encounter" || type == "Composition";
}

Survey survey_of(const std::filesystem::path& file) {
    Survey survey;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> pending;
    const auto bundle_type = each_entry(file, [&](const BundleEntry& entry) {
        const auto type = name_of(entry.resource);
        const auto key = entry_key(entry.full_url, entry.resource);
        if (type == "Practitioner") {
            const auto id = static_cast<sdk::Id>(survey.practitioners.size()) + 1;
            if (!survey.practitioner_ids.emplace(key, id).second) {
                throw sdk::ImportError(line_of(entry.resource),
                                       "two Practitioner entries are both " + key);
            }
            survey.practitioners.push_back(read_practitioner(entry.resource, key, id));
        } else if (type == "Patient") {
            if (!survey.patients.insert(key).second) {
                throw sdk::ImportError(line_of(entry.resource),
                                       "two Patient entries are both " + key);
            }
            auto& last = survey.last_entry[key];
            last = std::max(last, entry.position);
        } else if (type == "Provenance") {
            std::vector<std::string> targets;
            for (Node target : children(entry.resource, "target"))
                targets.push_back(reference_key(value_of(target, "reference")));
            pending.emplace_back(entry.position, std::move(targets));
        } else {
            // A patient's resources may come before their Patient (a server's search results
            // with _include do that): their group is complete at the last of them all.
            const auto patient = patient_reference(entry.resource);
            if (patient.empty())
                return;
            survey.last_entry[patient] = entry.position;
            if (is_note(type))
                survey.note_patients.emplace(key, patient);
        }
    });
    if (bundle_type == "transaction-response" || bundle_type == "batch-response") {
        throw sdk::ImportError(0, "this Bundle is a " + bundle_type +
                                      ": a server's reply, which holds no records to import");
    }
    // Provenances may come before or after the notes they sign.
    for (const auto& [position, targets] : pending) {
        for (const auto& target : targets) {
            auto it = survey.note_patients.find(target);
            if (it == survey.note_patients.end())
                continue;
            survey.signed_patients[position] = it->second;
            auto& last = survey.last_entry[it->second];
            last = std::max(last, position);
            break;
        }
    }
    return survey;
}

}  // namespace

sdk::ExportFormat FhirImporter::format() const {
    return {"fhir-r4-xml", "HL7 FHIR R4 Bundle (XML)", ".xml", false};
}

void FhirImporter::validate(const std::filesystem::path& file) {
    read(file, nullptr);
}

void FhirImporter::import(const std::filesystem::path& file, sdk::ImportSink& sink) {
    read(file, &sink);
}

void FhirImporter::read(const std::filesystem::path& file, sdk::ImportSink* sink) {
    tally_ = {};
    const auto survey = survey_of(file);
    for (const auto& p : survey.practitioners) {
        tally_.took("Practitioner");
        if (sink)
            sink->practitioner(p);
    }
    if (survey.patients.empty())
        throw sdk::ImportError(0, "the Bundle holds no Patient: there is no client to import");
    FileIds ids;
    std::map<std::string, ClientGroup> open;  // patients whose last entry is still to come
    each_entry(file, [&](const BundleEntry& entry) {
        const auto type = name_of(entry.resource);
        const auto key = entry_key(entry.full_url, entry.resource);
        std::string patient;
        if (type == "Practitioner") {
            return;
        } else if (type == "Patient") {
            patient = key;
        } else if (type == "Provenance") {
            auto it = survey.signed_patients.find(entry.position);
            if (it == survey.signed_patients.end())
                return tally_.skipped(type, "it signs no note of a patient in the file");
            patient = it->second;
        } else {
            patient = patient_reference(entry.resource);
            if (patient.empty()) {
                return tally_.skipped(type, type == "CodeSystem" || type == "Questionnaire"
                                                ? "terminology, read with the records it codes"
                                                : "it is about no patient");
            }
        }
        if (!survey.patients.count(patient))
            return tally_.skipped(type, "its patient is not in the file");
        auto& group = open[patient];
        group.add(entry.position, type, key, entry.resource);
        if (entry.position == survey.last_entry.at(patient)) {
            group.patient_first();
            deliver_client(group, survey.practitioner_ids, ids, tally_, sink);
            open.erase(patient);
        }
    });
    if (!sink)
        return;
    for (const auto& [type, count] : tally_.taken())
        sink->note({type, count, 0});
    for (const auto& [what, count] : tally_.skipped())
        sink->note({what.first, 0, count, what.second});
}

}  // namespace knotnotes::fhir
