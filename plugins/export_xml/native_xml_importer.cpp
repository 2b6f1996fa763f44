#include "native_xml_importer.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>

#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include "native_xml_exporter.hpp"

namespace knotnotes::xml {
namespace {

// Longest values accepted: far above any real note, far below what could exhaust memory.
constexpr std::size_t max_short = 1000;
constexpr std::size_t max_text = 100000;
constexpr std::size_t max_png = 2000000;

using pugi::xml_node;

class Walker {
  public:
    Walker(const std::vector<std::size_t>& line_starts, sdk::ImportSink* sink)
        : line_starts_(line_starts), sink_(sink) {}

    void run(const pugi::xml_document& doc) {
        for (auto node : doc.children()) {
            if (node.type() == pugi::node_doctype) {
                fail(node,
                     "DOCTYPE declarations are not allowed in a KnotNotes file (they could "
                     "expand entities)");
            }
        }
        const auto root = doc.document_element();
        if (std::string(root.name()) != "knotnotes-records" ||
            std::string(root.attribute("xmlns").value()) != records_namespace) {
            fail(root, "this is not a KnotNotes records file: the root element is <" +
                           std::string(root.name()) + "> in namespace '" +
                           root.attribute("xmlns").value() + "', expected <knotnotes-records> in " +
                           records_namespace);
        }
        if (std::string(root.attribute("format-version").value()) != "1") {
            fail(root, "format-version '" + std::string(root.attribute("format-version").value()) +
                           "' is not one this KnotNotes reads (1)");
        }
        for (auto node : root.children()) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                if (std::string(node.value()).find_first_not_of(" \t\r\n") != std::string::npos) {
                    fail(node, "unexpected text between records");
                }
                continue;
            }
            if (node.type() != pugi::node_element)
                continue;
            const std::string name = node.name();
            if (name == "practitioner") {
                practitioner(node);
            } else if (name == "client") {
                client(node);
            } else if (name == "intake") {
                intake(node);
            } else if (name == "session") {
                session(node);
            } else if (name == "questionnaire-response") {
                response(node);
            } else {
                fail(node, "unknown element <" + name + ">");
            }
        }
    }

  private:
    [[noreturn]] void fail(const xml_node& node, const std::string& problem) const {
        const auto offset =
            static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
        // Lines are 1-based: the number of line starts at or before the offset, plus one.
        const auto line = static_cast<std::size_t>(
            std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
            line_starts_.begin() + 1);
        throw sdk::ImportError(line, problem);
    }

    std::string text(const xml_node& node, const char* attribute, std::size_t max,
                     bool required = true) const {
        const auto a = node.attribute(attribute);
        if (!a && required) {
            fail(node, "<" + std::string(node.name()) + "> needs the attribute " + attribute);
        }
        std::string value = a.value();
        if (value.size() > max) {
            fail(node, std::string("attribute ") + attribute + " is " +
                           std::to_string(value.size()) + " bytes long; at most " +
                           std::to_string(max) + " are allowed");
        }
        return value;
    }

    std::string child_text(const xml_node& node, const char* child, std::size_t max) const {
        const auto c = node.child(child);
        std::string value = c.child_value();
        if (value.size() > max) {
            fail(c, "<" + std::string(child) + "> is " + std::to_string(value.size()) +
                        " bytes long; at most " + std::to_string(max) + " are allowed");
        }
        return value;
    }

    std::int64_t integer(const xml_node& node, const char* attribute, std::int64_t min,
                         std::int64_t max) const {
        return parse_integer(node, text(node, attribute, 32), attribute, min, max);
    }

    std::optional<std::int64_t> optional_integer(const xml_node& node, const char* attribute,
                                                 std::int64_t min, std::int64_t max) const {
        if (!node.attribute(attribute))
            return std::nullopt;
        return integer(node, attribute, min, max);
    }

    std::optional<int> optional_child_scale(const xml_node& node, const char* child) const {
        const auto c = node.child(child);
        if (!c)
            return std::nullopt;
        return static_cast<int>(parse_integer(c, c.child_value(), child, 0, 10));
    }

    std::int64_t parse_integer(const xml_node& node, const std::string& value, const char* what,
                               std::int64_t min, std::int64_t max) const {
        std::int64_t number = 0;
        const auto* end = value.data() + value.size();
        const auto result = std::from_chars(value.data(), end, number);
        if (value.empty() || result.ec != std::errc() || result.ptr != end) {
            fail(node, std::string(what) + " '" + value + "' is not a whole number");
        }
        if (number < min || number > max) {
            fail(node, std::string(what) + " " + value + " is outside " + std::to_string(min) +
                           ".." + std::to_string(max));
        }
        return number;
    }

    double real(const xml_node& node, const char* attribute, double min, double max) const {
        const auto value = text(node, attribute, 64);
        double number = 0;
        const auto* end = value.data() + value.size();
        const auto result = std::from_chars(value.data(), end, number);
        if (value.empty() || result.ec != std::errc() || result.ptr != end || number < min ||
            number > max) {
            fail(node, std::string(attribute) + " '" + value + "' is not a number in " +
                           std::to_string(min) + ".." + std::to_string(max));
        }
        return number;
    }

    template <typename Parse>
    auto word(const xml_node& node, const char* attribute, Parse parse) const {
        const auto value = text(node, attribute, 64);
        auto parsed = parse(value);
        if (!parsed)
            fail(node, std::string(attribute) + " '" + value + "' is not a known word");
        return *parsed;
    }

    sdk::Id new_id(const xml_node& node, std::set<sdk::Id>& ids, const char* kind) const {
        const auto id = integer(node, "id", 1, INT64_MAX);
        if (!ids.insert(id).second) {
            fail(node, std::string("duplicate ") + kind + " id " + std::to_string(id));
        }
        return id;
    }

    sdk::Id known(const xml_node& node, const char* attribute,
                  const std::map<sdk::Id, sdk::Id>& ids, const char* kind, sdk::Id client) const {
        const auto id = integer(node, attribute, 1, INT64_MAX);
        auto it = ids.find(id);
        if (it == ids.end()) {
            fail(node, std::string(attribute) + "=\"" + std::to_string(id) + "\" refers to a " +
                           kind + " that is not earlier in the file");
        }
        if (client && it->second != client) {
            fail(node, std::string(attribute) + "=\"" + std::to_string(id) + "\" refers to a " +
                           kind + " of another client");
        }
        return id;
    }

    void only_children(const xml_node& node, std::initializer_list<const char*> names) const {
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element)
                continue;
            if (std::none_of(names.begin(), names.end(),
                             [&](const char* n) { return std::string(child.name()) == n; })) {
                fail(child,
                     "unexpected <" + std::string(child.name()) + "> inside <" + node.name() + ">");
            }
        }
    }

    void practitioner(const xml_node& node) {
        if (!clients_.empty())
            fail(node, "practitioners must come before the first client");
        sdk::Practitioner p;
        p.id = new_id(node, practitioner_ids_, "practitioner");
        p.name = text(node, "name", max_short);
        if (p.name.empty())
            fail(node, "a practitioner needs a name");
        p.credentials = text(node, "credentials", max_short, false);
        practitioners_.emplace(p.id, 0);
        if (sink_)
            sink_->practitioner(p);
    }

    void client(const xml_node& node) {
        only_children(node, {"given-name", "family-name", "birth-date", "phone", "email",
                             "emergency-contact", "occupation"});
        sdk::Client c;
        c.id = new_id(node, client_ids_, "client");
        c.created_at = text(node, "created-at", 64);
        c.given_name = child_text(node, "given-name", max_short);
        c.family_name = child_text(node, "family-name", max_short);
        if (c.given_name.empty() && c.family_name.empty())
            fail(node, "a client needs a name");
        c.birth_date = child_text(node, "birth-date", 64);
        c.phone = child_text(node, "phone", max_short);
        c.email = child_text(node, "email", max_short);
        c.emergency_contact = child_text(node, "emergency-contact", max_short);
        c.occupation = child_text(node, "occupation", max_short);
        clients_.emplace(c.id, c.id);
        if (sink_)
            sink_->client(c);
    }

    void intake(const xml_node& node) {
        only_children(node, {"reason-for-visit", "goals", "activity", "health-flag", "medications",
                             "allergies", "surgeries-injuries", "areas-to-avoid",
                             "preferred-pressure", "consent"});
        sdk::Intake i;
        i.id = new_id(node, intake_ids_, "intake");
        i.client_id = known(node, "client", clients_, "client", 0);
        i.version = static_cast<int>(integer(node, "version", 1, 100000));
        i.recorded_at = text(node, "recorded-at", 64);
        i.reason_for_visit = child_text(node, "reason-for-visit", max_text);
        i.goals = child_text(node, "goals", max_text);
        i.activity = child_text(node, "activity", max_text);
        for (auto flag : node.children("health-flag")) {
            std::string value = flag.child_value();
            if (value.empty() || value.size() > 64)
                fail(flag, "a health flag needs a short id");
            i.health_flags.push_back(value);
        }
        i.medications = child_text(node, "medications", max_text);
        i.allergies = child_text(node, "allergies", max_text);
        i.surgeries_injuries = child_text(node, "surgeries-injuries", max_text);
        i.areas_to_avoid = child_text(node, "areas-to-avoid", max_text);
        i.preferred_pressure = optional_child_scale(node, "preferred-pressure");
        const auto consent = node.child("consent");
        if (!consent)
            fail(node, "an intake needs a <consent> element");
        const std::string agreed = consent.attribute("agreed").value();
        if (agreed != "true" && agreed != "false")
            fail(consent, "agreed must be true or false");
        i.consent.agreed = agreed == "true";
        i.consent.date = text(consent, "date", 64, false);
        i.consent.signer_name = text(consent, "signer", max_short, false);
        i.consent.signature_png_base64 = child_text(consent, "signature-png", max_png);
        intakes_.emplace(i.id, i.client_id);
        if (sink_)
            sink_->intake(i);
    }

    void session(const xml_node& node) {
        only_children(node,
                      {"subjective", "objective", "assessment", "plan", "pain-before", "pain-after",
                       "knot", "pressure-reading", "technique-use", "signature"});
        sdk::Session s;
        s.id = new_id(node, session_ids_, "session");
        s.client_id = known(node, "client", clients_, "client", 0);
        s.practitioner_id = known(node, "practitioner", practitioners_, "practitioner", 0);
        if (node.attribute("intake"))
            s.intake_id = known(node, "intake", intakes_, "intake", s.client_id);
        if (node.attribute("amends")) {
            s.amends_session_id = known(node, "amends", sessions_, "session", s.client_id);
        }
        s.started_at = text(node, "started-at", 64);
        s.duration_minutes = static_cast<int>(integer(node, "duration-minutes", 0, 600));
        s.subjective = child_text(node, "subjective", max_text);
        s.objective = child_text(node, "objective", max_text);
        s.assessment = child_text(node, "assessment", max_text);
        s.plan = child_text(node, "plan", max_text);
        s.pain_before = optional_child_scale(node, "pain-before");
        s.pain_after = optional_child_scale(node, "pain-after");
        for (auto k : node.children("knot"))
            s.knots.push_back(knot(k, s.client_id));
        for (auto r : node.children("pressure-reading")) {
            sdk::PressureReading reading;
            reading.region = text(r, "region", 64);
            if (!sdk::find_muscle(reading.region) && !sdk::is_region_id(reading.region)) {
                fail(r, "region '" + reading.region + "' is not a muscle or region of the atlas");
            }
            reading.side = word(r, "side", sdk::parse_side);
            reading.pressure = static_cast<int>(integer(r, "pressure", 0, 10));
            s.pressure_readings.push_back(reading);
        }
        for (auto t : node.children("technique-use"))
            s.techniques.push_back(technique(t));
        if (const auto signature = node.child("signature")) {
            const auto hash = text(signature, "sha256", 64);
            if (hash.size() != 64 ||
                hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
                fail(signature, "sha256 must be 64 lower-case hex digits");
            }
            s.signature = sdk::Signature{text(signature, "signer", max_short),
                                         text(signature, "signed-at", 64), hash};
        }
        sessions_.emplace(s.id, s.client_id);
        if (sink_)
            sink_->session(s);
    }

    sdk::Knot knot(const xml_node& node, sdk::Id client) {
        only_children(node, {"referral"});
        sdk::Knot k;
        k.id = new_id(node, knot_ids_, "knot");
        k.muscle_id = text(node, "muscle", 64);
        if (!sdk::find_muscle(k.muscle_id)) {
            fail(node, "muscle '" + k.muscle_id + "' is not in the muscle atlas");
        }
        k.side = word(node, "side", sdk::parse_side);
        k.view = word(node, "view", sdk::parse_chart_view);
        k.x = real(node, "x", 0, 1);
        k.y = real(node, "y", 0, 1);
        k.kind = word(node, "kind", sdk::parse_knot_kind);
        k.tenderness = static_cast<int>(integer(node, "tenderness", 0, 10));
        k.result = word(node, "result", sdk::parse_knot_result);
        k.referral = child_text(node, "referral", max_text);
        if (node.attribute("previous"))
            k.previous_knot_id = known(node, "previous", knots_, "knot", client);
        knots_.emplace(k.id, client);
        return k;
    }

    sdk::TechniqueUse technique(const xml_node& node) const {
        only_children(node, {"response"});
        sdk::TechniqueUse t;
        t.technique_id = text(node, "technique", 256);
        if (t.technique_id.find('/') == std::string::npos || t.technique_id.front() == '/') {
            fail(node, "technique '" + t.technique_id + "' is not <library>/<technique>");
        }
        t.muscle_id = text(node, "muscle", 64, false);
        t.side = word(node, "side", sdk::parse_side);
        if (auto p = optional_integer(node, "pressure", 0, 10))
            t.pressure = static_cast<int>(*p);
        t.duration_seconds = static_cast<int>(integer(node, "duration-seconds", 0, 86400));
        t.tool = word(node, "tool", sdk::parse_tool);
        t.direction = word(node, "direction", sdk::parse_direction);
        t.response = child_text(node, "response", max_text);
        return t;
    }

    void response(const xml_node& node) {
        only_children(node, {"answer"});
        sdk::QuestionnaireResponse r;
        r.id = new_id(node, response_ids_, "questionnaire response");
        r.client_id = known(node, "client", clients_, "client", 0);
        if (node.attribute("session"))
            r.session_id = known(node, "session", sessions_, "session", r.client_id);
        r.instrument_id = text(node, "instrument", 256);
        if (r.instrument_id.find('/') == std::string::npos) {
            fail(node, "instrument '" + r.instrument_id + "' is not <plugin-id>/<instrument>");
        }
        r.instrument_version = text(node, "instrument-version", 64, false);
        r.completed_at = text(node, "completed-at", 64);
        if (node.attribute("score"))
            r.score = real(node, "score", -1e9, 1e9);
        r.interpretation = text(node, "interpretation", max_short, false);
        for (auto a : node.children("answer")) {
            sdk::QuestionnaireAnswer answer;
            answer.item_id = text(a, "item", 64);
            if (a.attribute("value"))
                answer.value = real(a, "value", -1e9, 1e9);
            answer.text = text(a, "text", max_short, false);
            r.answers.push_back(answer);
        }
        if (sink_)
            sink_->questionnaire_response(r);
    }

    const std::vector<std::size_t>& line_starts_;
    sdk::ImportSink* sink_;
    // id -> owning client id (0 for practitioners), for reference checks.
    std::map<sdk::Id, sdk::Id> practitioners_, clients_, intakes_, sessions_, knots_;
    std::set<sdk::Id> practitioner_ids_, client_ids_, intake_ids_, session_ids_, knot_ids_,
        response_ids_;
};

}  // namespace

sdk::ExportFormat NativeXmlImporter::format() const {
    return {"xml", "KnotNotes XML", ".xml", false};
}

void NativeXmlImporter::load(const std::filesystem::path& file) {
    if (loaded_ == file && doc_.document_element())
        return;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw sdk::ImportError(0, "cannot open " + file.string());
    content_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (content_.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw sdk::ImportError(0, file.string() + " is empty");
    }
    line_starts_.clear();
    for (std::size_t i = 0; i < content_.size(); ++i) {
        if (content_[i] == '\n')
            line_starts_.push_back(i + 1);
    }
    // parse_doctype keeps a DOCTYPE node so it can be refused; pugixml never expands entities
    // beyond the five predefined ones.
    const auto result =
        doc_.load_buffer_inplace(content_.data(), content_.size(),
                                 pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) {
        const auto line =
            static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                                      static_cast<std::size_t>(result.offset)) -
                                     line_starts_.begin() + 1);
        throw sdk::ImportError(line, std::string("malformed XML: ") + result.description());
    }
    loaded_ = file;
}

void NativeXmlImporter::validate(const std::filesystem::path& file) {
    load(file);
    Walker(line_starts_, nullptr).run(doc_);
}

void NativeXmlImporter::import(const std::filesystem::path& file, sdk::ImportSink& sink) {
    load(file);
    Walker(line_starts_, &sink).run(doc_);
}

}  // namespace knotnotes::xml
