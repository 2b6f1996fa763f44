// The FHIR export as a FHIR server receives it: a transaction whose every entry is a
// conditional create on a stable identifier, with the same fullUrls in every export.
#include <algorithm>
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "cli_workspace.hpp"

using knotnotes::test::run_process;
using knotnotes::test::Workspace;

namespace {

struct Entry {
    std::string type, full_url, id, method, url, if_none_exist;
    std::vector<std::string> identifiers;  // system|value

    bool operator==(const Entry& o) const {
        return type == o.type && full_url == o.full_url && id == o.id && method == o.method &&
               url == o.url && if_none_exist == o.if_none_exist && identifiers == o.identifiers;
    }
};

std::string value_of(const pugi::xml_node& node, const char* path) {
    return node.first_element_by_path(path).attribute("value").value();
}

struct Bundle {
    std::string type;
    std::vector<Entry> entries;
};

Bundle read_bundle(const std::string& file) {
    pugi::xml_document doc;
    const auto loaded = doc.load_file(file.c_str());
    INFO(file << ": " << loaded.description());
    REQUIRE(loaded);
    const auto bundle = doc.child("Bundle");
    Bundle b{value_of(bundle, "type"), {}};
    for (const auto& entry : bundle.children("entry")) {
        const auto resource = entry.child("resource").first_child();
        Entry e{resource.name(),
                value_of(entry, "fullUrl"),
                value_of(resource, "id"),
                value_of(entry, "request/method"),
                value_of(entry, "request/url"),
                value_of(entry, "request/ifNoneExist"),
                {}};
        for (const auto& id : resource.children("identifier")) {
            e.identifiers.push_back(value_of(id, "system") + "|" + value_of(id, "value"));
        }
        b.entries.push_back(e);
    }
    return b;
}

std::set<std::string> client_uids(const Workspace& w, const std::string& db) {
    const auto r = run_process({"sqlite3", w.path(db), "SELECT uid FROM clients"});
    std::set<std::string> uids;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        uids.insert(line);
    return uids;
}

}  // namespace

TEST_CASE("FHIR export: a transaction of conditional creates, the same identities every time",
          "[integration][fhir]") {
    Workspace w;
    REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "-o", w.path("1.xml")}).exit_code ==
            0);
    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "-o", w.path("2.xml")}).exit_code ==
            0);
    const auto first = read_bundle(w.path("1.xml"));
    const auto second = read_bundle(w.path("2.xml"));
    CHECK(first.type == "transaction");
    REQUIRE(first.entries.size() > 10);
    CHECK(first.entries == second.entries);

    std::set<std::string> urls;
    std::map<std::string, std::set<std::string>> identifiers_by_type;
    std::set<std::string> patient_identifiers;
    for (const auto& e : first.entries) {
        INFO(e.type << " " << e.full_url);
        CHECK(urls.insert(e.full_url).second);
        // A name-based (version 5) UUID, and the resource's id is that UUID.
        REQUIRE(e.full_url.size() == 45);
        CHECK(e.full_url.compare(0, 9, "urn:uuid:") == 0);
        CHECK(e.full_url[9 + 14] == '5');
        CHECK(e.id == e.full_url.substr(9));
        REQUIRE_FALSE(e.method.empty());
        if (e.type == "Provenance") {
            CHECK(e.method == "PUT");
            CHECK(e.url == "Provenance/" + e.id);
            continue;
        }
        CHECK(e.method == "POST");
        CHECK(e.url == e.type);
        REQUIRE_FALSE(e.identifiers.empty());
        // The condition is the resource's own stable identifier, unique for its type.
        CHECK(e.if_none_exist == "identifier=" + e.identifiers.front());
        CHECK(identifiers_by_type[e.type].insert(e.identifiers.front()).second);
        if (e.type == "Patient")
            patient_identifiers.insert(e.identifiers.front());
    }
    for (const char* type : {"Patient", "Practitioner", "Encounter", "Composition", "Observation",
                             "Procedure", "Provenance"}) {
        INFO(type);
        CHECK(std::any_of(first.entries.begin(), first.entries.end(),
                          [&](const Entry& e) { return e.type == type; }));
    }
    // A Patient's identifier is its client's uid in the database.
    std::set<std::string> expected;
    for (const auto& uid : client_uids(w, "a.db"))
        expected.insert("urn:ietf:rfc:3986|urn:uuid:" + uid);
    CHECK(patient_identifiers == expected);

    // The same records exported from another database (the native XML carried them there):
    // the identifiers a server matches on are the same, the fullUrls are that database's own.
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("a.records.xml")}).exit_code ==
            0);
    REQUIRE(w.on("b.db", {"import", w.path("a.records.xml")}).exit_code == 0);
    REQUIRE(w.on("b.db", {"export", "--format", "fhir-r4-xml", "-o", w.path("b.xml")}).exit_code ==
            0);
    const auto other = read_bundle(w.path("b.xml"));
    REQUIRE(other.entries.size() == first.entries.size());
    for (std::size_t i = 0; i < other.entries.size(); ++i) {
        CHECK(other.entries[i].identifiers == first.entries[i].identifiers);
        CHECK(other.entries[i].full_url != first.entries[i].full_url);
    }
}

TEST_CASE("FHIR export: practitioners carry their registration number", "[integration][fhir]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "2", "--sessions-per-client", "1"}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "-o", w.path("1.xml")}).exit_code ==
            0);
    pugi::xml_document doc;
    REQUIRE(doc.load_file(w.path("1.xml").c_str()));
    int registrations = 0;
    for (const auto& entry : doc.child("Bundle").children("entry")) {
        for (const auto& id :
             entry.child("resource").child("Practitioner").children("identifier")) {
            if (value_of(id, "type/coding/code") == "LN") {
                CHECK_THAT(value_of(id, "value"), Catch::StartsWith("DEMO-"));
                ++registrations;
            }
        }
    }
    CHECK(registrations > 0);
}

TEST_CASE("FHIR export option bundle= chooses collection or document, and refuses the unknown",
          "[integration][fhir]") {
    Workspace w;
    REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "--option", "bundle=collection",
                          "-o", w.path("c.xml")})
                .exit_code == 0);
    const auto collection = read_bundle(w.path("c.xml"));
    CHECK(collection.type == "collection");
    for (const auto& e : collection.entries)
        CHECK(e.method.empty());  // bdl-3: a request only in a batch or transaction

    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "--option", "bundle=document", "-o",
                          w.path("d.xml")})
                .exit_code == 0);
    const auto document = read_bundle(w.path("d.xml"));
    CHECK(document.type == "document");
    REQUIRE_FALSE(document.entries.empty());
    CHECK(document.entries.front().type == "Composition");  // bdl-11

    auto bad = w.on("a.db", {"export", "--format", "fhir-r4-xml", "--option", "bundle=batch", "-o",
                             w.path("x.xml")});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains("bundle=batch") && Catch::Contains("bundle=collection"));
    CHECK_FALSE(std::filesystem::exists(w.path("x.xml")));
    auto malformed = w.on(
        "a.db", {"export", "--format", "fhir-r4-xml", "--option", "bundle", "-o", w.path("x.xml")});
    CHECK(malformed.exit_code == 2);
    CHECK_THAT(malformed.err, Catch::Contains("not KEY=VALUE"));
}

namespace {

std::vector<pugi::xml_node> resources_of(const pugi::xml_document& doc, const char* type) {
    std::vector<pugi::xml_node> found;
    for (const auto& entry : doc.child("Bundle").children("entry")) {
        if (auto r = entry.child("resource").child(type))
            found.push_back(r);
    }
    return found;
}

std::string full_url_of(const pugi::xml_node& resource) {
    return value_of(resource.parent().parent(), "fullUrl");
}

bool has_coding(const pugi::xml_node& concept, const std::string& system, const std::string& code) {
    for (const auto& c : concept.children("coding")) {
        if (value_of(c, "system") == system && value_of(c, "code") == code)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE("FHIR export: the clinical shape a FHIR reader expects", "[integration][fhir]") {
    Workspace w;
    REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "-o", w.path("1.xml")}).exit_code ==
            0);
    pugi::xml_document doc;
    REQUIRE(doc.load_file(w.path("1.xml").c_str()));

    // Every resource has a generated narrative.
    for (const auto& entry : doc.child("Bundle").children("entry")) {
        const auto resource = entry.child("resource").first_child();
        INFO(resource.name());
        CHECK(value_of(resource, "text/status") == "generated");
        CHECK_FALSE(
            std::string(resource.child("text").child("div").child("p").text().get()).empty());
    }

    // per-1: start and end at one precision, the end not before the start.
    const auto encounters = resources_of(doc, "Encounter");
    for (const auto& e : encounters) {
        const auto start = value_of(e, "period/start"), end = value_of(e, "period/end");
        INFO(start << " .. " << end);
        if (end.empty())
            continue;
        CHECK(start.size() == end.size());
        CHECK(start <= end);
    }

    // The amendment: a Composition on its original's Encounter that replaces the original's
    // Composition, with no Encounter of its own.
    const auto compositions = resources_of(doc, "Composition");
    const auto sessions = run_process({"sqlite3", w.path("a.db"), "SELECT count(*) FROM sessions"});
    const auto amendments = run_process(
        {"sqlite3", w.path("a.db"), "SELECT count(*) FROM sessions WHERE amends_session_id"});
    CHECK(std::to_string(compositions.size()) + "\n" == sessions.out);
    CHECK(std::to_string(compositions.size() - encounters.size()) + "\n" == amendments.out);
    int amended = 0;
    for (const auto& c : compositions) {
        const auto replaced = value_of(c, "relatesTo/targetReference/reference");
        if (replaced.empty())
            continue;
        ++amended;
        CHECK(value_of(c, "relatesTo/code") == "replaces");
        const auto original =
            std::find_if(compositions.begin(), compositions.end(),
                         [&](const auto& o) { return full_url_of(o) == replaced; });
        REQUIRE(original != compositions.end());
        CHECK(value_of(c, "encounter/reference") == value_of(*original, "encounter/reference"));
        CHECK(c.child("extension").attribute("url").value() ==
              std::string("https://knotnotes.org/fhir/StructureDefinition/amendment-reason"));
    }
    CHECK(amended > 0);

    // Sections: the therapist's text as "additional"; where nothing was written, a generated
    // text that says so (cmp-1) and an emptyReason.
    int empty_sections = 0, written_sections = 0;
    for (const auto& c : compositions) {
        for (const auto& section : c.children("section")) {
            if (section.child("emptyReason")) {
                CHECK(has_coding(section.child("emptyReason"),
                                 "http://terminology.hl7.org/CodeSystem/list-empty-reason",
                                 "nilknown"));
                CHECK(value_of(section, "text/status") == "generated");
                CHECK_FALSE(section.child("entry"));
                ++empty_sections;
            } else if (section.child("text")) {
                CHECK(value_of(section, "text/status") == "additional");
                ++written_sections;
            } else {
                CHECK(section.child("entry"));
            }
        }
    }
    CHECK(written_sections > 0);
    CHECK(empty_sections > 0);

    // Pain is reported by the Patient, before and after told apart.
    std::set<std::string> pain_codes;
    for (const auto& o : resources_of(doc, "Observation")) {
        if (!has_coding(o.child("code"), "http://loinc.org", "72514-3"))
            continue;
        CHECK(value_of(o, "performer/reference") == value_of(o, "subject/reference"));
        for (const auto& c : o.child("code").children("coding")) {
            if (value_of(c, "system") != "http://loinc.org")
                pain_codes.insert(value_of(c, "code"));
        }
    }
    CHECK(pain_codes == std::set<std::string>{"pain-after-treatment", "pain-before-treatment"});

    // Laterality in SNOMED CT beside KnotNotes' code, on knots and on techniques; every muscle
    // and technique code is a concept, with a display, of a CodeSystem in the export.
    std::map<std::string, std::map<std::string, std::string>> code_systems;
    for (const auto& cs : resources_of(doc, "CodeSystem")) {
        for (const auto& concept : cs.children("concept"))
            code_systems[value_of(cs, "url")][value_of(concept, "code")] =
                value_of(concept, "display");
    }
    int sided = 0;
    for (const char* type : {"Observation", "Procedure"}) {
        for (const auto& r : resources_of(doc, type)) {
            const auto site = r.child("bodySite");
            if (!site)
                continue;
            const auto side = site.child("extension").child("valueCodeableConcept");
            const auto word = value_of(side, "coding/code");
            CHECK(code_systems["https://knotnotes.org/fhir/CodeSystem/knotnotes"].count(word) == 1);
            if (word == "left") {
                CHECK(has_coding(side, "http://snomed.info/sct", "7771000"));
                ++sided;
            }
            const auto muscle = value_of(site, "coding/code");
            CHECK_FALSE(
                code_systems["https://knotnotes.org/fhir/CodeSystem/muscle"][muscle].empty());
        }
    }
    CHECK(sided > 0);
    for (const auto& p : resources_of(doc, "Procedure")) {
        const auto code = value_of(p, "code/coding/code");
        CHECK(value_of(p, "code/coding/display") ==
              code_systems["https://knotnotes.org/fhir/CodeSystem/technique"][code]);
        // Words, not the plugin's id: ".../stripping" is "Stripping (...deep-tissue)".
        CHECK(value_of(p, "code/coding/display").find('/') == std::string::npos);
        if (code == "org.knotnotes.techniques.deep-tissue/stripping") {
            CHECK(value_of(p, "code/coding/display") ==
                  "Stripping (org.knotnotes.techniques.deep-tissue)");
        }
    }

    // A signature is no Provenance.signature (it is no JWS) but KnotNotes' extension.
    const auto provenances = resources_of(doc, "Provenance");
    REQUIRE_FALSE(provenances.empty());
    for (const auto& p : provenances) {
        CHECK_FALSE(p.child("signature"));
        CHECK(p.child("extension").attribute("url").value() ==
              std::string("https://knotnotes.org/fhir/StructureDefinition/note-signature"));
    }

    // QuestionnaireResponse.questionnaire resolves to a Questionnaire in the export.
    std::set<std::string> canonicals;
    for (const auto& q : resources_of(doc, "Questionnaire"))
        canonicals.insert(value_of(q, "url") + "|" + value_of(q, "version"));
    const auto responses = resources_of(doc, "QuestionnaireResponse");
    REQUIRE_FALSE(responses.empty());
    for (const auto& r : responses)
        CHECK(canonicals.count(value_of(r, "questionnaire")) == 1);
}

TEST_CASE("FHIR export option snomed=no leaves SNOMED CT out", "[integration][fhir]") {
    Workspace w;
    REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "fhir-r4-xml", "--option", "snomed=no", "-o",
                          w.path("1.xml")})
                .exit_code == 0);
    const auto text = knotnotes::test::slurp(w.path("1.xml"));
    CHECK(text.find("snomed.info") == std::string::npos);
    CHECK(text.find("<code value=\"left\"/>") != std::string::npos);
    auto bad = w.on("a.db", {"export", "--format", "fhir-r4-xml", "--option", "snomed=maybe", "-o",
                             w.path("2.xml")});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains("snomed=maybe"));
}
