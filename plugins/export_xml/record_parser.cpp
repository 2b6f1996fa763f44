#include "record_parser.hpp"

#include <charconv>
#include <cstring>

#include <knotnotes/sdk/definition_rules.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/timestamps.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

namespace knotnotes::xml {
namespace {

std::size_t line_of(xmlNodePtr node) {
    return static_cast<std::size_t>(std::max(0L, xmlGetLineNo(node)));
}

[[noreturn]] void fail(xmlNodePtr node, const std::string& problem) {
    throw sdk::ImportError(line_of(node), problem);
}

std::string_view name_of(xmlNodePtr node) {
    return reinterpret_cast<const char*>(node->name);
}

bool is_element(xmlNodePtr node, const char* name) {
    return node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// The text of an element; an element inside it (mixed content) is refused.
std::string text_of(xmlNodePtr element, std::size_t max) {
    std::string text;
    for (auto* child = element->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            text += reinterpret_cast<const char*>(child->content);
        } else if (child->type == XML_ELEMENT_NODE) {
            fail(child, "<" + std::string(name_of(child)) + "> inside <" +
                            std::string(name_of(element)) + ">, which holds text only");
        }
    }
    if (text.size() > max) {
        fail(element, "<" + std::string(name_of(element)) + "> is " + std::to_string(text.size()) +
                          " bytes long; at most " + std::to_string(max) + " are allowed");
    }
    return text;
}

xmlNodePtr child(xmlNodePtr node, const char* name) {
    for (auto* c = node->children; c; c = c->next) {
        if (is_element(c, name))
            return c;
    }
    return nullptr;
}

std::string child_text(xmlNodePtr node, const char* name, std::size_t max) {
    auto* c = child(node, name);
    return c ? text_of(c, max) : std::string();
}

// An attribute's value without copying when it is one text (it always is: the parser joins
// entity references into the text).
std::optional<std::string> attribute(xmlNodePtr node, const char* name) {
    for (auto* a = node->properties; a; a = a->next) {
        if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0)
            continue;
        if (!a->children)
            return std::string();
        if (!a->children->next && a->children->type == XML_TEXT_NODE)
            return std::string(reinterpret_cast<const char*>(a->children->content));
        xmlChar* joined = xmlNodeListGetString(node->doc, a->children, 1);
        std::string value = joined ? reinterpret_cast<const char*>(joined) : "";
        xmlFree(joined);
        return value;
    }
    return std::nullopt;
}

std::string text(xmlNodePtr node, const char* name, std::size_t max, bool required = true) {
    auto value = attribute(node, name);
    if (!value && required)
        fail(node, "<" + std::string(name_of(node)) + "> needs the attribute " + name);
    if (value && value->size() > max) {
        fail(node, std::string("attribute ") + name + " is " + std::to_string(value->size()) +
                       " bytes long; at most " + std::to_string(max) + " are allowed");
    }
    return value.value_or(std::string());
}

std::int64_t parse_integer(xmlNodePtr node, const std::string& value, const char* what,
                           std::int64_t min, std::int64_t max) {
    std::int64_t number = 0;
    const auto* end = value.data() + value.size();
    const auto result = std::from_chars(value.data(), end, number);
    if (value.empty() || result.ec != std::errc() || result.ptr != end)
        fail(node, std::string(what) + " '" + value + "' is not a whole number");
    if (number < min || number > max) {
        fail(node, std::string(what) + " " + value + " is outside " + std::to_string(min) + ".." +
                       std::to_string(max));
    }
    return number;
}

std::int64_t integer(xmlNodePtr node, const char* name, std::int64_t min, std::int64_t max) {
    return parse_integer(node, text(node, name, 32), name, min, max);
}

std::optional<std::int64_t> optional_integer(xmlNodePtr node, const char* name, std::int64_t min,
                                             std::int64_t max) {
    if (!attribute(node, name))
        return std::nullopt;
    return integer(node, name, min, max);
}

std::optional<int> optional_child_scale(xmlNodePtr node, const char* name) {
    auto* c = child(node, name);
    if (!c)
        return std::nullopt;
    return static_cast<int>(parse_integer(c, text_of(c, 32), name, 0, 10));
}

double real(xmlNodePtr node, const char* name, double min, double max) {
    const auto value = text(node, name, 64);
    double number = 0;
    const auto* end = value.data() + value.size();
    const auto result = std::from_chars(value.data(), end, number);
    if (value.empty() || result.ec != std::errc() || result.ptr != end || !(number >= min) ||
        !(number <= max)) {
        fail(node, std::string(name) + " '" + value + "' is not a number in " +
                       std::to_string(min) + ".." + std::to_string(max));
    }
    return number;
}

template <typename Parse>
auto word(xmlNodePtr node, const char* name, Parse parse) {
    const auto value = text(node, name, 64);
    auto parsed = parse(value);
    if (!parsed)
        fail(node, std::string(name) + " '" + value + "' is not a known word");
    return *parsed;
}

std::string timestamp(xmlNodePtr node, const char* name) {
    auto value = text(node, name, 64);
    if (!sdk::is_utc_timestamp(value)) {
        fail(node, std::string(name) + " '" + value +
                       "' is not a real UTC time such as 2026-11-25T09:30:00.000Z");
    }
    return value;
}

std::string optional_date(xmlNodePtr node, std::string value, const char* what) {
    if (!value.empty() && !sdk::is_iso_date(value))
        fail(node, std::string(what) + " '" + value + "' is not a real date YYYY-MM-DD");
    return value;
}

bool is_muscle_or_region(const std::string& id) {
    return sdk::find_muscle(id) || sdk::is_region_id(id);
}

constexpr auto max_short = sdk::max_short_text_bytes;
constexpr auto max_text = sdk::max_text_bytes;

}  // namespace

void RecordParser::record(xmlNodePtr node, RecordsVersion version) {
    version_ = version;
    try {
        if (is_element(node, "practitioner")) {
            practitioner(node);
        } else if (is_element(node, "client")) {
            client(node);
        } else if (is_element(node, "intake")) {
            intake(node);
        } else if (is_element(node, "session")) {
            session(node);
        } else if (is_element(node, "questionnaire-response")) {
            response(node);
        } else {
            fail(node, "unknown element <" + std::string(name_of(node)) + ">");
        }
    } catch (const sdk::ImportError& e) {
        // The host refused the record (already imported, a score its plugin disputes...): say
        // where it is in the file.
        if (e.line() != 0)
            throw;
        throw sdk::ImportError(line_of(node), e.problem());
    }
}

sdk::Id RecordParser::new_id(xmlNodePtr node, sdk::Id& last, const char* kind) const {
    const auto id = integer(node, "id", 1, INT64_MAX);
    if (id == last)
        fail(node, std::string("duplicate ") + kind + " id " + std::to_string(id));
    if (id < last) {
        fail(node, std::string(kind) + " id " + std::to_string(id) + " comes after id " +
                       std::to_string(last) + ": ids go up in the order records appear");
    }
    last = id;
    return id;
}

sdk::Id RecordParser::known(xmlNodePtr node, const char* name, const std::map<sdk::Id, bool>& ids,
                            const char* kind) const {
    const auto id = integer(node, name, 1, INT64_MAX);
    if (ids.find(id) == ids.end()) {
        fail(node, std::string(name) + "=\"" + std::to_string(id) + "\" refers to a " + kind +
                       " that is not earlier in the file" +
                       (&ids == &practitioners_ ? "" : " for the same client"));
    }
    return id;
}

sdk::Id RecordParser::own_client(xmlNodePtr node) const {
    const auto id = integer(node, "client", 1, INT64_MAX);
    if (!seen_client_ || id != last_client_) {
        fail(node, "client=\"" + std::to_string(id) +
                       "\" refers to a client that is not earlier in the file (the records of a "
                       "client follow it)");
    }
    return id;
}

std::string RecordParser::uid(xmlNodePtr node) const {
    return version_ == RecordsVersion::v1 ? std::string() : text(node, "uid", 36);
}

void RecordParser::practitioner(xmlNodePtr node) {
    if (seen_client_)
        fail(node, "practitioners must come before the first client");
    sdk::Practitioner p;
    p.id = new_id(node, last_practitioner_, "practitioner");
    p.uid = uid(node);
    p.name = text(node, "name", max_short);
    if (p.name.empty())
        fail(node, "a practitioner needs a name");
    p.credentials = text(node, "credentials", max_short, false);
    p.registration = text(node, "registration", max_short, false);
    p.public_key = text(node, "public-key", 64, false);
    practitioners_.emplace(p.id, true);
    if (sink_)
        sink_->practitioner(p);
}

void RecordParser::client(xmlNodePtr node) {
    sdk::Client c;
    c.id = new_id(node, last_client_, "client");
    seen_client_ = true;
    intakes_.clear();
    sessions_.clear();
    knots_.clear();
    c.uid = uid(node);
    c.created_at = timestamp(node, "created-at");
    if (version_ == RecordsVersion::v2)
        c.chart_figure = word(node, "chart-figure", sdk::parse_chart_figure);
    c.given_name = child_text(node, "given-name", max_short);
    c.family_name = child_text(node, "family-name", max_short);
    if (c.given_name.empty() && c.family_name.empty())
        fail(node, "a client needs a name");
    c.birth_date = optional_date(node, child_text(node, "birth-date", 64), "birth-date");
    c.phone = child_text(node, "phone", max_short);
    c.email = child_text(node, "email", max_short);
    c.emergency_contact = child_text(node, "emergency-contact", max_short);
    c.occupation = child_text(node, "occupation", max_short);
    if (sink_)
        sink_->client(c);
}

void RecordParser::intake(xmlNodePtr node) {
    sdk::Intake i;
    i.id = new_id(node, last_intake_, "intake");
    i.uid = uid(node);
    i.client_id = own_client(node);
    i.version = static_cast<int>(integer(node, "version", 1, 100000));
    i.recorded_at = timestamp(node, "recorded-at");
    i.reason_for_visit = child_text(node, "reason-for-visit", max_text);
    i.goals = child_text(node, "goals", max_text);
    i.activity = child_text(node, "activity", max_text);
    for (auto* c = node->children; c; c = c->next) {
        if (!is_element(c, "health-flag"))
            continue;
        auto flag = text_of(c, 64);
        if (!sdk::is_valid_local_id(flag))
            fail(c, "a health flag needs a short id such as anticoagulants");
        i.health_flags.push_back(std::move(flag));
    }
    i.medications = child_text(node, "medications", max_text);
    i.allergies = child_text(node, "allergies", max_text);
    i.surgeries_injuries = child_text(node, "surgeries-injuries", max_text);
    i.areas_to_avoid = child_text(node, "areas-to-avoid", max_text);
    i.preferred_pressure = optional_child_scale(node, "preferred-pressure");
    auto* consent = child(node, "consent");
    if (!consent)
        fail(node, "an intake needs a <consent> element");
    const auto agreed = text(consent, "agreed", 8);
    if (agreed != "true" && agreed != "false" && agreed != "1" && agreed != "0")
        fail(consent, "agreed must be true or false");
    i.consent.agreed = agreed == "true" || agreed == "1";
    i.consent.date = optional_date(consent, text(consent, "date", 64, false), "consent date");
    i.consent.signer_name = text(consent, "signer", max_short, false);
    i.consent.signature_png_base64 = child_text(consent, "signature-png", max_text);
    intakes_.emplace(i.id, true);
    if (sink_)
        sink_->intake(i);
}

void RecordParser::session(xmlNodePtr node) {
    sdk::Session s;
    s.id = new_id(node, last_session_, "session");
    s.uid = uid(node);
    s.client_id = own_client(node);
    s.practitioner_id = known(node, "practitioner", practitioners_, "practitioner");
    if (attribute(node, "intake"))
        s.intake_id = known(node, "intake", intakes_, "intake");
    if (attribute(node, "amends"))
        s.amends_session_id = known(node, "amends", sessions_, "session");
    s.started_at = timestamp(node, "started-at");
    s.duration_minutes = static_cast<int>(integer(node, "duration-minutes", 0, 600));
    if (version_ == RecordsVersion::v2 && attribute(node, "location"))
        s.location = word(node, "location", sdk::parse_session_location);
    s.subjective = child_text(node, "subjective", max_text);
    s.objective = child_text(node, "objective", max_text);
    s.assessment = child_text(node, "assessment", max_text);
    s.plan = child_text(node, "plan", max_text);
    s.pain_before = optional_child_scale(node, "pain-before");
    s.pain_after = optional_child_scale(node, "pain-after");
    s.amendment_reason = child_text(node, "amendment-reason", max_text);
    s.conflict_acknowledgement = child_text(node, "conflict-acknowledgement", max_text);
    for (auto* c = node->children; c; c = c->next) {
        if (is_element(c, "knot")) {
            s.knots.push_back(knot(c));
        } else if (is_element(c, "pressure-reading")) {
            s.pressure_readings.push_back(pressure_reading(c));
        } else if (is_element(c, "technique-use")) {
            s.techniques.push_back(technique(c));
        } else if (is_element(c, "signature")) {
            s.signature = signature(c);
        }
    }
    sessions_.emplace(s.id, true);
    if (sink_)
        sink_->session(s);
}

sdk::Knot RecordParser::knot(xmlNodePtr node) {
    sdk::Knot k;
    k.id = new_id(node, last_knot_, "knot");
    k.uid = uid(node);
    k.muscle_id = text(node, "muscle", 64);
    if (!sdk::find_muscle(k.muscle_id))
        fail(node, "muscle '" + k.muscle_id + "' is not in the muscle atlas");
    k.side = word(node, "side", sdk::parse_side);
    k.view = word(node, "view", sdk::parse_chart_view);
    k.x = real(node, "x", 0, 1);
    k.y = real(node, "y", 0, 1);
    k.kind = word(node, "kind", sdk::parse_knot_kind);
    k.tenderness = static_cast<int>(integer(node, "tenderness", 0, 10));
    k.result = word(node, "result", sdk::parse_knot_result);
    k.referral = child_text(node, "referral", max_text);
    if (auto* area = child(node, "referral-area")) {
        for (auto* p = area->children; p; p = p->next) {
            if (is_element(p, "point"))
                k.referral_area.push_back({real(p, "x", 0, 1), real(p, "y", 0, 1)});
        }
    }
    if (attribute(node, "previous"))
        k.previous_knot_id = known(node, "previous", knots_, "knot");
    knots_.emplace(k.id, true);
    return k;
}

sdk::PressureReading RecordParser::pressure_reading(xmlNodePtr node) {
    sdk::PressureReading r;
    r.uid = uid(node);
    r.region = text(node, "region", 64);
    if (!is_muscle_or_region(r.region))
        fail(node, "region '" + r.region + "' is not a muscle or region of the atlas");
    r.side = word(node, "side", sdk::parse_side);
    r.pressure = static_cast<int>(integer(node, "pressure", 0, 10));
    return r;
}

sdk::TechniqueUse RecordParser::technique(xmlNodePtr node) {
    sdk::TechniqueUse t;
    t.uid = uid(node);
    t.technique_id = text(node, "technique", 256);
    const auto slash = t.technique_id.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == t.technique_id.size())
        fail(node, "technique '" + t.technique_id + "' is not <library>/<technique>");
    t.muscle_id = text(node, "muscle", 64, false);
    if (!t.muscle_id.empty() && !is_muscle_or_region(t.muscle_id))
        fail(node, "muscle '" + t.muscle_id + "' is not a muscle or region of the atlas");
    t.side = word(node, "side", sdk::parse_side);
    if (auto p = optional_integer(node, "pressure", 0, 10))
        t.pressure = static_cast<int>(*p);
    t.duration_seconds = static_cast<int>(integer(node, "duration-seconds", 0, 86400));
    t.tool = word(node, "tool", sdk::parse_tool);
    t.direction = word(node, "direction", sdk::parse_direction);
    t.response = child_text(node, "response", max_text);
    return t;
}

sdk::Signature RecordParser::signature(xmlNodePtr node) {
    sdk::Signature g;
    g.signer = text(node, "signer", max_short);
    g.signed_at = timestamp(node, "signed-at");
    g.content_sha256 = text(node, "sha256", 64);
    if (g.content_sha256.size() != 64 ||
        g.content_sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        fail(node, "sha256 must be 64 lower-case hex digits");
    }
    if (version_ == RecordsVersion::v1) {
        // KnotNotes 1.0 sealed notes with a hash of canonical form 1 only.
        g.algorithm = "sha256-legacy";
        g.canonical_version = 1;
        return g;
    }
    g.algorithm = text(node, "algorithm", 32);
    if (g.algorithm != "ed25519" && g.algorithm != "sha256-legacy")
        fail(node, "algorithm '" + g.algorithm + "' is not ed25519 or sha256-legacy");
    g.canonical_version = static_cast<int>(integer(node, "canonical-version", 1, 1000));
    if (attribute(node, "signer-practitioner"))
        g.signer_practitioner_id =
            known(node, "signer-practitioner", practitioners_, "practitioner");
    g.public_key = text(node, "public-key", 64, false);
    g.value = text(node, "value", 128, false);
    return g;
}

void RecordParser::response(xmlNodePtr node) {
    sdk::QuestionnaireResponse r;
    r.id = new_id(node, last_response_, "questionnaire response");
    r.uid = uid(node);
    r.client_id = own_client(node);
    if (attribute(node, "session"))
        r.session_id = known(node, "session", sessions_, "session");
    r.instrument_id = text(node, "instrument", 256);
    if (r.instrument_id.find('/') == std::string::npos || r.instrument_id.front() == '/')
        fail(node, "instrument '" + r.instrument_id + "' is not <plugin-id>/<instrument>");
    r.instrument_version = text(node, "instrument-version", max_short, false);
    r.completed_at = timestamp(node, "completed-at");
    if (attribute(node, "score"))
        r.score = real(node, "score", -1e9, 1e9);
    r.interpretation = text(node, "interpretation", max_short, false);
    for (auto* a = node->children; a; a = a->next) {
        if (!is_element(a, "answer"))
            continue;
        sdk::QuestionnaireAnswer answer;
        answer.item_id = text(a, "item", 64);
        if (attribute(a, "value"))
            answer.value = real(a, "value", -1e9, 1e9);
        answer.text = text(a, "text", max_short, false);
        r.answers.push_back(std::move(answer));
    }
    if (sink_)
        sink_->questionnaire_response(r);
}

}  // namespace knotnotes::xml
