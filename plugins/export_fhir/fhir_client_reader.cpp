#include "fhir_client_reader.hpp"

#include <set>

#include <knotnotes/sdk/plugin_error.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include "fhir_extensions.hpp"
#include "fhir_field_reading.hpp"
#include "fhir_resources.hpp"

namespace knotnotes::fhir {
namespace {

constexpr const char* pain_loinc = "72514-3";
constexpr const char* questionnaire_base = "https://knotnotes.org/fhir/Questionnaire/";

// The records of one client, read from its resources.
class ClientReader {
  public:
    ClientReader(const ClientGroup& group, const std::map<std::string, sdk::Id>& practitioners,
                 FileIds& ids, ImportTally& tally)
        : group_(group), practitioners_(practitioners), ids_(ids), tally_(tally) {
        for (const auto& r : group.resources)
            by_key_.emplace(r.key, &r);
    }

    void deliver(sdk::ImportSink* sink) {
        const auto& patient = group_.resources.front();
        auto client = read_patient(patient);
        tally_.took("Patient");
        read_intakes();
        read_sessions();
        read_responses();
        for (const auto& r : group_.resources) {
            if (!used_.count(&r) && !skipped_.count(&r) && &r != &patient)
                tally_.skipped(r.type, "not a record KnotNotes keeps");
        }
        if (!sink)
            return;
        sink->client(client);
        for (const auto& i : intakes_)
            sink->intake(i);
        for (const auto& s : sessions_)
            sink->session(s);
        for (const auto& q : responses_)
            sink->questionnaire_response(q);
    }

  private:
    const HeldResource* find(const std::string& reference) const {
        if (reference.empty())
            return nullptr;
        auto it = by_key_.find(reference_key(reference));
        return it == by_key_.end() ? nullptr : it->second;
    }

    void use(const HeldResource& r) {
        if (used_.insert(&r).second)
            tally_.took(r.type);
    }
    void skip(const HeldResource& r, const std::string& why) {
        if (!used_.count(&r) && skipped_.insert(&r).second)
            tally_.skipped(r.type, why);
    }

    sdk::Id practitioner_of(const std::string& reference) const {
        if (reference.empty())
            return 0;
        auto it = practitioners_.find(reference_key(reference));
        return it == practitioners_.end() ? 0 : it->second;
    }

    sdk::Client read_patient(const HeldResource& r) {
        Node p = r.node;
        sdk::Client c;
        c.id = ++ids_.client;
        client_id_ = c.id;
        c.uid = uid_of(p, r.type, r.key);
        // The official name, else the first.
        const auto names = children(p, "name");
        Node name = names.empty() ? nullptr : names.front();
        for (Node n : names) {
            if (value_of(n, "use") == "official") {
                name = n;
                break;
            }
        }
        c.family_name = value_of(name, "family");
        std::string given;
        for (Node g : children(name, "given"))
            given += (given.empty() ? "" : " ") + value_attr(g);
        c.given_name = given;
        if (c.given_name.empty() && c.family_name.empty())
            c.family_name = value_of(name, "text");
        for (Node t : children(p, "telecom")) {
            const auto system = value_of(t, "system");
            if (system == "phone" && c.phone.empty())
                c.phone = value_of(t, "value");
            else if (system == "email" && c.email.empty())
                c.email = value_of(t, "value");
        }
        c.birth_date = value_of(p, "birthDate").substr(0, 10);
        if (c.birth_date.size() != 10)
            c.birth_date.clear();  // a year or year-month: KnotNotes keeps full dates only
        for (Node contact : children(p, "contact")) {
            if (code_in(child(contact, "relationship"),
                        "http://terminology.hl7.org/CodeSystem/v2-0131") == "C") {
                c.emergency_contact = value_of(child(contact, "name"), "text");
                break;
            }
        }
        c.occupation = extension_value(p, extension_occupation);
        c.created_at = extension_value(p, extension_created_at);
        const auto figure = extension_value(p, extension_chart_figure);
        c.chart_figure = parsed(r, sdk::parse_chart_figure(figure), figure, "chart figure",
                                sdk::ChartFigure::neutral);
        return c;
    }

    static bool is_intake(Node response) {
        const auto canonical = value_of(response, "questionnaire");
        return canonical == intake_questionnaire_url ||
               canonical.rfind(std::string(intake_questionnaire_url) + "|", 0) == 0;
    }

    void read_intakes() {
        std::set<std::string> intake_uids;
        for (const auto& r : group_.resources) {
            if (r.type != "QuestionnaireResponse" || !is_intake(r.node))
                continue;
            intakes_.push_back(read_intake(r));
            intake_uids.insert(intakes_.back().uid);
            intake_ids_[r.key] = intakes_.back().id;
            use(r);
        }
        // KnotNotes' intakes carry their consent; another system's Consent is an intake of its
        // own, holding only the consent.
        for (const auto& r : group_.resources) {
            if (r.type != "Consent")
                continue;
            const auto uid = uid_of(r.node, r.type, r.key);
            if (intake_uids.count(uid)) {
                used_.insert(&r);
                tally_.took("Consent");
                continue;
            }
            sdk::Intake i;
            i.id = ++ids_.intake;
            i.client_id = client_id_;
            i.uid = uid;
            i.version = static_cast<int>(intakes_.size()) + 1;
            i.recorded_at = time_of(r, r.node, "dateTime");
            i.consent.agreed = value_of(r.node, "status") == "active";
            i.consent.date = value_of(r.node, "dateTime").substr(0, 10);
            i.consent.signer_name = value_of(child(r.node, "performer"), "display");
            Node attachment = child(r.node, "sourceAttachment");
            if (value_of(attachment, "contentType") == "image/png")
                i.consent.signature_png_base64 = value_of(attachment, "data");
            if (i.recorded_at.empty())
                refuse(r, "it has no dateTime: when was the consent given?");
            intakes_.push_back(i);
            use(r);
        }
    }

    sdk::Intake read_intake(const HeldResource& r) {
        sdk::Intake i;
        i.id = ++ids_.intake;
        i.client_id = client_id_;
        i.uid = uid_of(r.node, r.type, r.key);
        const auto version = integer_of(extension_value(r.node, extension_intake_version));
        i.version = version ? static_cast<int>(*version) : 1;
        i.recorded_at = time_of(r, r.node, "authored");
        i.consent.agreed = false;
        for (Node item : children(r.node, "item")) {
            const auto link = value_of(item, "linkId");
            const auto answers = children(item, "answer");
            Node answer = answers.empty() ? nullptr : answers.front();
            const auto text = value_of(answer, "valueString");
            if (link == "reason-for-visit")
                i.reason_for_visit = text;
            else if (link == "goals")
                i.goals = text;
            else if (link == "activity")
                i.activity = text;
            else if (link == "medications")
                i.medications = text;
            else if (link == "allergies")
                i.allergies = text;
            else if (link == "surgeries-injuries")
                i.surgeries_injuries = text;
            else if (link == "areas-to-avoid")
                i.areas_to_avoid = text;
            else if (link == "consent-signer")
                i.consent.signer_name = text;
            else if (link == "consent-date")
                i.consent.date = value_of(answer, "valueDate");
            else if (link == "consent-agreed")
                i.consent.agreed = value_of(answer, "valueBoolean") == "true";
            else if (link == "consent-signature")
                i.consent.signature_png_base64 = value_of(child(answer, "valueAttachment"), "data");
            else if (link == "preferred-pressure")
                i.preferred_pressure = scale_value(r, answer, "the preferred pressure");
            else if (link == "health-flags") {
                for (Node a : answers)
                    i.health_flags.push_back(value_of(child(a, "valueCoding"), "code"));
            }
        }
        return i;
    }

    // Sessions: one per Composition (an original on its Encounter, or an amendment that
    // replaces an earlier one), and one per Encounter that has no Composition.
    void read_sessions() {
        std::map<std::string, std::vector<const HeldResource*>> compositions_of;
        for (const auto& r : group_.resources) {
            if (r.type == "Composition")
                compositions_of[reference_key(reference_of(r.node, "encounter"))].push_back(&r);
        }
        for (const auto& r : group_.resources) {
            if (r.type == "Composition") {
                const auto* encounter = find(reference_of(r.node, "encounter"));
                if (!encounter || encounter->type != "Encounter") {
                    skip(r, "it names no Encounter of this patient in the file");
                    continue;
                }
                read_session(encounter, &r, compositions_of[encounter->key].front() == &r);
            } else if (r.type == "Encounter" && !compositions_of.count(r.key)) {
                read_session(&r, nullptr, true);
            }
        }
        for (const auto& r : group_.resources) {
            if ((r.type == "Observation" || r.type == "Procedure") && !used_.count(&r))
                skip(r, r.type == "Procedure" ? "its code is not a technique of a KnotNotes "
                                                "technique library, or it has no Encounter"
                                              : "not a pain score, knot or pressure tolerance, "
                                                "or it has no Encounter");
        }
    }

    // The Observations and Procedures of a session: those its Composition's sections refer
    // to, or (no Composition, or one that refers to none) those on its Encounter.
    std::vector<const HeldResource*> charting_of(const HeldResource& encounter,
                                                 const HeldResource* composition) {
        std::vector<const HeldResource*> found;
        for (Node section : children(composition ? composition->node : nullptr, "section")) {
            for (Node e : children(section, "entry")) {
                if (const auto* r = find(value_of(e, "reference")))
                    found.push_back(r);
            }
        }
        if (!found.empty())
            return found;
        for (const auto& r : group_.resources) {
            if ((r.type == "Observation" || r.type == "Procedure") &&
                reference_key(reference_of(r.node, "encounter")) == encounter.key) {
                found.push_back(&r);
            }
        }
        return found;
    }

    void read_session(const HeldResource* encounter, const HeldResource* composition,
                      bool first_on_encounter) {
        Node e = encounter->node;
        Node c = composition ? composition->node : nullptr;
        sdk::Session s;
        s.id = ++ids_.session;
        s.client_id = client_id_;
        std::string replaces;
        for (Node relates : children(c, "relatesTo")) {
            if (value_of(relates, "code") == "replaces")
                replaces = reference_of(relates, "targetReference");
        }
        if (!replaces.empty()) {
            const auto* original = find(replaces);
            auto it = original ? session_ids_.find(original->key) : session_ids_.end();
            if (it == session_ids_.end())
                refuse(*composition, "it replaces " + replaces +
                                         ", which is not a note of this patient before it");
            s.amends_session_id = it->second;
        }
        const bool own_encounter = first_on_encounter && !s.amends_session_id;
        s.uid = own_encounter ? uid_of(e, encounter->type, encounter->key)
                              : extension_value(c, extension_session_uid);
        if (s.uid.empty() && composition)
            s.uid = uid_of(c, composition->type, composition->key);
        // An amendment's own time is its Composition's; an original's, its visit's start.
        Node period = child(e, "period");
        if (!s.amends_session_id && !value_of(period, "start").empty())
            s.started_at = time_of(*encounter, period, "start");
        else if (composition)
            s.started_at = time_of(*composition, c, "date");
        if (s.started_at.empty())
            refuse(*encounter, "it has no period start: when was the session?");
        const auto length = integer_of(value_of(child(e, "length"), "value"));
        s.duration_minutes = length ? static_cast<int>(*length) : 0;
        if (const auto own = integer_of(extension_value(c, extension_session_length)))
            s.duration_minutes = static_cast<int>(*own);
        // An amendment's own place, else its Encounter's.
        auto location = code_of_extension(c, extension_session_location);
        if (location.empty())
            location = code_of_extension(e, extension_session_location);
        s.location = parsed(*encounter, sdk::parse_session_location(location), location,
                            "session location", sdk::SessionLocation::unspecified);
        s.practitioner_id = practitioner_of(reference_of(c, "author"));
        if (!s.practitioner_id) {
            for (Node p : children(e, "participant")) {
                if ((s.practitioner_id = practitioner_of(reference_of(p, "individual"))))
                    break;
            }
        }
        if (!s.practitioner_id) {
            skip(*encounter, "it names no Practitioner in the file (KnotNotes keeps who charted)");
            if (composition)
                skip(*composition, "its Encounter names no Practitioner in the file");
            return;
        }
        if (const auto* intake = find(
                value_of(child(extension(c, extension_intake), "valueReference"), "reference"))) {
            if (auto it = intake_ids_.find(intake->key); it != intake_ids_.end())
                s.intake_id = it->second;
        }
        s.amendment_reason = extension_value(c, extension_amendment_reason);
        s.conflict_acknowledgement = extension_value(c, extension_conflict_acknowledgement);
        read_sections(c, s);
        const auto copied = extension_value(c, extension_charting_uids);
        if (s.amends_session_id && extension(c, extension_charting_uids))
            copy_charting(*composition, s, copied);
        else
            read_charting(*encounter, composition, s);
        if (composition)
            read_signature(*composition, s);
        use(*encounter);
        if (composition) {
            use(*composition);
            session_ids_[composition->key] = s.id;
        }
        if (own_encounter)
            encounter_sessions_[encounter->key] = s.id;
        session_index_[s.id] = sessions_.size();
        sessions_.push_back(std::move(s));
    }

    static std::string code_of_extension(Node node, const char* url) {
        return value_of(child(extension(node, url), "valueCoding"), "code");
    }

    void read_sections(Node composition, sdk::Session& s) {
        for (Node section : children(composition, "section")) {
            const auto code = code_in(child(section, "code"), loinc);
            const auto title = value_of(section, "title");
            std::string* field = nullptr;
            if (code == "61150-9" || title == "Subjective")
                field = &s.subjective;
            else if (code == "61149-1" || title == "Objective")
                field = &s.objective;
            else if (code == "51848-0" || title == "Assessment")
                field = &s.assessment;
            else if (code == "18776-5" || title == "Plan")
                field = &s.plan;
            if (!field || child(section, "emptyReason"))
                continue;
            if (Node text = child(section, "text"))
                *field = narrative_text(text);
        }
    }

    void read_charting(const HeldResource& encounter, const HeldResource* composition,
                       sdk::Session& s) {
        for (const auto* r : charting_of(encounter, composition)) {
            if (r->type == "Observation")
                read_observation(*r, s);
            else if (r->type == "Procedure")
                read_procedure(*r, s);
        }
    }

    // An amendment that repeats its original's charting: copies with their own uids.
    void copy_charting(const HeldResource& composition, sdk::Session& s, const std::string& uids) {
        const auto& original = sessions_[session_index_.at(*s.amends_session_id)];
        std::vector<std::string> list;
        for (std::size_t at = 0; at < uids.size();) {
            auto end = uids.find(' ', at);
            if (end == std::string::npos)
                end = uids.size();
            list.push_back(uids.substr(at, end - at));
            at = end + 1;
        }
        const auto count =
            original.knots.size() + original.pressure_readings.size() + original.techniques.size();
        if (list.size() != count) {
            refuse(composition, "its charting-uids name " + std::to_string(list.size()) +
                                    " records, but the note it amends has " +
                                    std::to_string(count));
        }
        s.pain_before = original.pain_before;
        s.pain_after = original.pain_after;
        std::size_t next = 0;
        for (auto k : original.knots) {
            k.id = ++ids_.knot;
            k.uid = list[next++];
            knot_ids_[k.uid] = k.id;
            s.knots.push_back(k);
        }
        for (auto p : original.pressure_readings) {
            p.id = ++ids_.reading;
            p.uid = list[next++];
            s.pressure_readings.push_back(p);
        }
        for (auto t : original.techniques) {
            t.id = ++ids_.use;
            t.uid = list[next++];
            s.techniques.push_back(t);
        }
    }

    void read_observation(const HeldResource& r, sdk::Session& s) {
        Node o = r.node;
        Node code = child(o, "code");
        const auto own = code_in(code, knotnotes_codes);
        if (code_in(code, loinc) == pain_loinc || own == "pain-before-treatment" ||
            own == "pain-after-treatment") {
            const auto value = scale_value(r, o, "the pain score");
            const bool after =
                own == "pain-after-treatment" || (own.empty() && s.pain_before.has_value());
            (after ? s.pain_after : s.pain_before) = value;
            use(r);
        } else if (own == "trigger-point") {
            s.knots.push_back(read_knot(r));
            use(r);
        } else if (own == "pressure-tolerance") {
            sdk::PressureReading p;
            p.id = ++ids_.reading;
            p.uid = uid_of(o, r.type, r.key);
            const auto site = site_of(r, o);
            p.region = site.muscle;
            p.side = site.side;
            p.pressure = scale_value(r, o, "the pressure").value_or(0);
            if (p.region.empty())
                return skip(r, "its bodySite is not a muscle or region of KnotNotes' atlas");
            s.pressure_readings.push_back(p);
            use(r);
        }
    }

    sdk::Knot read_knot(const HeldResource& r) {
        Node o = r.node;
        sdk::Knot k;
        k.id = ++ids_.knot;
        k.uid = uid_of(o, r.type, r.key);
        const auto site = site_of(r, o);
        k.muscle_id = site.muscle;
        k.side = site.side;
        if (k.muscle_id.empty())
            refuse(r, "its bodySite is not a muscle of KnotNotes' atlas");
        k.tenderness = scale_value(r, o, "the tenderness").value_or(0);
        const auto kind = code_in(child(component(o, "trigger-point-kind"), "valueCodeableConcept"),
                                  knotnotes_codes);
        k.kind = parsed(r, sdk::parse_knot_kind(kind), kind, "knot kind", sdk::KnotKind::latent);
        const auto result = code_in(child(component(o, "treatment-result"), "valueCodeableConcept"),
                                    knotnotes_codes);
        k.result = parsed(r, sdk::parse_knot_result(result), result, "knot result",
                          sdk::KnotResult::untreated);
        if (Node position = component(o, "chart-position"))
            read_chart_position(r, value_of(position, "valueString"), k);
        if (Node area = component(o, "referral-area"))
            k.referral_area = read_referral_area(r, value_of(area, "valueString"));
        const std::string prefix = "Referral pattern: ";
        for (Node note : children(o, "note")) {
            const auto text = value_of(note, "text");
            if (text.rfind(prefix, 0) == 0)
                k.referral = text.substr(prefix.size());
        }
        if (Node previous = extension(o, extension_previous_knot)) {
            const auto id =
                value_of(child(child(previous, "valueReference"), "identifier"), "value");
            const auto uid = id.rfind("urn:uuid:", 0) == 0 ? id.substr(9) : id;
            auto it = knot_ids_.find(uid);
            if (it == knot_ids_.end())
                refuse(r, "its previous knot " + id + " is not a knot of this patient before it");
            k.previous_knot_id = it->second;
        }
        knot_ids_[k.uid] = k.id;
        return k;
    }

    void read_procedure(const HeldResource& r, sdk::Session& s) {
        Node p = r.node;
        sdk::TechniqueUse t;
        t.technique_id = code_in(child(p, "code"), knotnotes_techniques);
        if (t.technique_id.empty())
            return;  // counted as skipped by read_sessions
        t.id = ++ids_.use;
        t.uid = uid_of(p, r.type, r.key);
        const auto site = site_of(r, p);
        t.muscle_id = site.muscle;
        t.side = site.side;
        const auto seconds = integer_of(extension_value(p, extension_technique_seconds));
        t.duration_seconds = seconds ? static_cast<int>(*seconds) : 0;
        const auto direction = extension_value(p, extension_technique_direction);
        t.direction = parsed(r, sdk::parse_direction(direction), direction, "direction",
                             sdk::Direction::none);
        if (const auto pressure = integer_of(extension_value(p, extension_technique_pressure)))
            t.pressure = static_cast<int>(*pressure);
        const auto tool = value_of(child(p, "usedCode"), "text");
        t.tool = parsed(r, sdk::parse_tool(tool), tool, "tool", sdk::Tool::hands);
        t.response = value_of(child(p, "outcome"), "text");
        s.techniques.push_back(t);
        use(r);
    }

    void read_signature(const HeldResource& composition, sdk::Session& s) {
        for (const auto& r : group_.resources) {
            if (r.type != "Provenance")
                continue;
            bool targets = false;
            for (Node target : children(r.node, "target"))
                targets =
                    targets || reference_key(value_of(target, "reference")) == composition.key;
            if (!targets)
                continue;
            Node sig = extension(r.node, extension_signature);
            if (!sig) {
                skip(r, "it carries no KnotNotes note signature");
                continue;
            }
            sdk::Signature g;
            g.algorithm = extension_value(sig, "algorithm");
            const auto version = integer_of(extension_value(sig, "canonicalVersion"));
            g.canonical_version = version ? static_cast<int>(*version) : 0;
            g.signer = extension_value(sig, "signer");
            g.signed_at = extension_value(sig, "signedAt");
            g.content_sha256 = extension_value(sig, "contentSha256");
            g.public_key = extension_value(sig, "publicKey");
            g.value = extension_value(sig, "value");
            if (extension_value(sig, "signerUnrecorded") != "true") {
                for (Node agent : children(r.node, "agent")) {
                    if ((g.signer_practitioner_id = practitioner_of(reference_of(agent, "who"))))
                        break;
                }
            }
            s.signature = g;
            use(r);
        }
    }

    void read_responses() {
        for (const auto& r : group_.resources) {
            if (r.type != "QuestionnaireResponse" || used_.count(&r))
                continue;
            const auto canonical = value_of(r.node, "questionnaire");
            if (canonical.rfind(questionnaire_base, 0) != 0) {
                skip(r, "its Questionnaire is not one a KnotNotes plugin offers");
                continue;
            }
            sdk::QuestionnaireResponse q;
            q.id = ++ids_.response;
            q.client_id = client_id_;
            q.uid = uid_of(r.node, r.type, r.key);
            const auto bar = canonical.find('|');
            q.instrument_id = canonical.substr(std::string(questionnaire_base).size(),
                                               bar == std::string::npos
                                                   ? std::string::npos
                                                   : bar - std::string(questionnaire_base).size());
            if (bar != std::string::npos)
                q.instrument_version = canonical.substr(bar + 1);
            q.completed_at = time_of(r, r.node, "authored");
            q.interpretation = extension_value(r.node, extension_interpretation);
            for (Node item : children(r.node, "item")) {
                const auto link = value_of(item, "linkId");
                if (link == "score") {
                    q.score = decimal_of(value_of(child(item, "answer"), "valueDecimal"));
                    continue;
                }
                sdk::QuestionnaireAnswer a;
                a.item_id = link;
                for (Node answer : children(item, "answer")) {
                    if (auto v = decimal_of(value_of(answer, "valueDecimal")))
                        a.value = v;
                    else if (auto i = integer_of(value_of(answer, "valueInteger")))
                        a.value = static_cast<double>(*i);
                    const auto text = value_of(answer, "valueString");
                    if (!text.empty())
                        a.text = text;
                }
                q.answers.push_back(a);
            }
            const auto* note = find(value_of(
                child(extension(r.node, extension_session_note), "valueReference"), "reference"));
            if (note) {
                if (auto it = session_ids_.find(note->key); it != session_ids_.end())
                    q.session_id = it->second;
            } else if (const auto* encounter = find(reference_of(r.node, "encounter"))) {
                if (auto it = encounter_sessions_.find(encounter->key);
                    it != encounter_sessions_.end())
                    q.session_id = it->second;
            }
            responses_.push_back(q);
            use(r);
        }
    }

    const ClientGroup& group_;
    const std::map<std::string, sdk::Id>& practitioners_;
    FileIds& ids_;
    ImportTally& tally_;
    std::map<std::string, const HeldResource*> by_key_;
    std::set<const HeldResource*> used_, skipped_;
    sdk::Id client_id_ = 0;
    std::vector<sdk::Intake> intakes_;
    std::vector<sdk::Session> sessions_;
    std::vector<sdk::QuestionnaireResponse> responses_;
    std::map<std::string, sdk::Id> intake_ids_;          // intake response key -> id
    std::map<std::string, sdk::Id> session_ids_;         // Composition key -> session id
    std::map<std::string, sdk::Id> encounter_sessions_;  // Encounter key -> its original's id
    std::map<sdk::Id, std::size_t> session_index_;       // session id -> index in sessions_
    std::map<std::string, sdk::Id> knot_ids_;            // knot uid -> id
};

}  // namespace

sdk::Practitioner read_practitioner(Node p, const std::string& key, sdk::Id id) {
    sdk::Practitioner practitioner;
    practitioner.id = id;
    practitioner.uid = uid_of(p, "Practitioner", key);
    Node name = child(p, "name");
    practitioner.name = value_of(name, "text");
    if (practitioner.name.empty()) {
        std::string given;
        for (Node g : children(name, "given"))
            given += (given.empty() ? "" : " ") + value_attr(g);
        practitioner.name = given + (given.empty() ? "" : " ") + value_of(name, "family");
    }
    practitioner.credentials = value_of(child(child(p, "qualification"), "code"), "text");
    for (Node identifier : children(p, "identifier")) {
        if (code_in(child(identifier, "type"), "http://terminology.hl7.org/CodeSystem/v2-0203") ==
            "LN") {
            practitioner.registration = value_of(identifier, "value");
        }
    }
    practitioner.public_key = extension_value(p, extension_public_key);
    return practitioner;
}

void deliver_client(const ClientGroup& group, const std::map<std::string, sdk::Id>& practitioners,
                    FileIds& ids, ImportTally& tally, sdk::ImportSink* sink) {
    ClientReader(group, practitioners, ids, tally).deliver(sink);
}

}  // namespace knotnotes::fhir
