#include "native_xml_exporter.hpp"

#include <knotnotes/sdk/plugin_error.hpp>

#include "xml_text.hpp"

namespace knotnotes::xml {
namespace {

std::string attr(const char* name, const std::string& value) {
    return std::string(" ") + name + "=\"" + escape_attribute(value) + "\"";
}
std::string attr(const char* name, std::string_view value) {
    return attr(name, std::string(value));
}
std::string attr(const char* name, std::int64_t value) {
    return attr(name, std::to_string(value));
}

}  // namespace

sdk::ExportFormat NativeXmlExporter::format() const {
    return {"xml", "KnotNotes XML", ".xml", false};
}

sdk::Id NativeXmlExporter::assign(IdMap& ids, sdk::Id& counter, sdk::Id db_id) {
    const auto file_id = ++counter;
    ids[db_id] = file_id;
    return file_id;
}

std::string NativeXmlExporter::reference(const IdMap& ids, const std::optional<sdk::Id>& db_id,
                                         const char* attribute) {
    if (!db_id)
        return {};
    auto it = ids.find(*db_id);
    return it == ids.end() ? std::string() : attr(attribute, it->second);
}

void NativeXmlExporter::element(const char* name, const std::string& text, const char* indent) {
    buffer_ += indent;
    if (text.empty()) {
        buffer_ += std::string("<") + name + "/>\n";
    } else {
        buffer_ += std::string("<") + name + ">" + escape_text(text) + "</" + name + ">\n";
    }
}

void NativeXmlExporter::check_stream() {
    out_ << buffer_;
    buffer_.clear();
    if (!out_)
        throw sdk::PluginError("cannot write " + path_ + " (disk full?)");
}

void NativeXmlExporter::begin(const sdk::ExportContext& target) {
    path_ = target.path.string();
    out_.open(target.path, std::ios::binary | std::ios::trunc);
    if (!out_)
        throw sdk::PluginError("cannot create " + path_);
    buffer_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<knotnotes-records xmlns=\"" +
              std::string(records_namespace) + "\" format-version=\"1\">\n";
    check_stream();
}

void NativeXmlExporter::write_practitioner(const sdk::Practitioner& p) {
    buffer_ += "  <practitioner" + attr("id", assign(practitioners_, next_practitioner_, p.id)) +
               attr("name", p.name) + attr("credentials", p.credentials) + "/>\n";
    check_stream();
}

void NativeXmlExporter::write_client(const sdk::Client& c) {
    intakes_.clear();
    sessions_.clear();
    knots_.clear();
    client_file_id_ = ++next_client_;
    buffer_ += "  <client" + attr("id", client_file_id_) + attr("created-at", c.created_at) + ">\n";
    element("given-name", c.given_name, "    ");
    element("family-name", c.family_name, "    ");
    element("birth-date", c.birth_date, "    ");
    element("phone", c.phone, "    ");
    element("email", c.email, "    ");
    element("emergency-contact", c.emergency_contact, "    ");
    element("occupation", c.occupation, "    ");
    buffer_ += "  </client>\n";
    check_stream();
}

void NativeXmlExporter::write_intake(const sdk::Intake& i) {
    buffer_ += "  <intake" + attr("id", assign(intakes_, next_intake_, i.id)) +
               attr("client", client_file_id_) + attr("version", i.version) +
               attr("recorded-at", i.recorded_at) + ">\n";
    element("reason-for-visit", i.reason_for_visit, "    ");
    element("goals", i.goals, "    ");
    element("activity", i.activity, "    ");
    for (const auto& flag : i.health_flags)
        element("health-flag", flag, "    ");
    element("medications", i.medications, "    ");
    element("allergies", i.allergies, "    ");
    element("surgeries-injuries", i.surgeries_injuries, "    ");
    element("areas-to-avoid", i.areas_to_avoid, "    ");
    if (i.preferred_pressure) {
        element("preferred-pressure", std::to_string(*i.preferred_pressure), "    ");
    }
    buffer_ += "    <consent" + attr("agreed", std::string(i.consent.agreed ? "true" : "false")) +
               attr("date", i.consent.date) + attr("signer", i.consent.signer_name);
    if (i.consent.signature_png_base64.empty()) {
        buffer_ += "/>\n";
    } else {
        buffer_ += ">\n";
        element("signature-png", i.consent.signature_png_base64, "      ");
        buffer_ += "    </consent>\n";
    }
    buffer_ += "  </intake>\n";
    check_stream();
}

void NativeXmlExporter::write_session(const sdk::Session& s) {
    const auto amends = reference(sessions_, s.amends_session_id, "amends");
    buffer_ += "  <session" + attr("id", assign(sessions_, next_session_, s.id)) +
               attr("client", client_file_id_) +
               reference(practitioners_, s.practitioner_id, "practitioner") +
               reference(intakes_, s.intake_id, "intake") + amends +
               attr("started-at", s.started_at) + attr("duration-minutes", s.duration_minutes) +
               ">\n";
    element("subjective", s.subjective, "    ");
    element("objective", s.objective, "    ");
    element("assessment", s.assessment, "    ");
    element("plan", s.plan, "    ");
    if (s.pain_before)
        element("pain-before", std::to_string(*s.pain_before), "    ");
    if (s.pain_after)
        element("pain-after", std::to_string(*s.pain_after), "    ");
    for (const auto& k : s.knots) {
        const auto previous = reference(knots_, k.previous_knot_id, "previous");
        buffer_ += "    <knot" + attr("id", assign(knots_, next_knot_, k.id)) +
                   attr("muscle", k.muscle_id) + attr("side", sdk::to_text(k.side)) +
                   attr("view", sdk::to_text(k.view)) + attr("x", number(k.x)) +
                   attr("y", number(k.y)) + attr("kind", sdk::to_text(k.kind)) +
                   attr("tenderness", k.tenderness) + attr("result", sdk::to_text(k.result)) +
                   previous;
        if (k.referral.empty()) {
            buffer_ += "/>\n";
        } else {
            buffer_ += ">\n";
            element("referral", k.referral, "      ");
            buffer_ += "    </knot>\n";
        }
    }
    for (const auto& r : s.pressure_readings) {
        buffer_ += "    <pressure-reading" + attr("region", r.region) +
                   attr("side", sdk::to_text(r.side)) + attr("pressure", r.pressure) + "/>\n";
    }
    for (const auto& t : s.techniques) {
        buffer_ += "    <technique-use" + attr("technique", t.technique_id) +
                   attr("muscle", t.muscle_id) + attr("side", sdk::to_text(t.side)) +
                   (t.pressure ? attr("pressure", *t.pressure) : std::string()) +
                   attr("duration-seconds", t.duration_seconds) +
                   attr("tool", sdk::to_text(t.tool)) +
                   attr("direction", sdk::to_text(t.direction));
        if (t.response.empty()) {
            buffer_ += "/>\n";
        } else {
            buffer_ += ">\n";
            element("response", t.response, "      ");
            buffer_ += "    </technique-use>\n";
        }
    }
    if (s.signature) {
        buffer_ += "    <signature" + attr("signer", s.signature->signer) +
                   attr("signed-at", s.signature->signed_at) +
                   attr("sha256", s.signature->content_sha256) + "/>\n";
    }
    buffer_ += "  </session>\n";
    check_stream();
}

void NativeXmlExporter::write_questionnaire_response(const sdk::QuestionnaireResponse& r) {
    buffer_ += "  <questionnaire-response" + attr("id", ++next_response_) +
               attr("client", client_file_id_) + reference(sessions_, r.session_id, "session") +
               attr("instrument", r.instrument_id) +
               attr("instrument-version", r.instrument_version) +
               attr("completed-at", r.completed_at) +
               (r.score ? attr("score", number(*r.score)) : std::string()) +
               attr("interpretation", r.interpretation);
    if (r.answers.empty()) {
        buffer_ += "/>\n";
    } else {
        buffer_ += ">\n";
        for (const auto& a : r.answers) {
            buffer_ += "    <answer" + attr("item", a.item_id) +
                       (a.value ? attr("value", number(*a.value)) : std::string()) +
                       (a.text.empty() ? std::string() : attr("text", a.text)) + "/>\n";
        }
        buffer_ += "  </questionnaire-response>\n";
    }
    check_stream();
}

void NativeXmlExporter::end() {
    buffer_ += "</knotnotes-records>\n";
    check_stream();
    out_.close();
    if (!out_)
        throw sdk::PluginError("cannot finish writing " + path_);
}

void NativeXmlExporter::abort() noexcept {
    try {
        out_.close();
    } catch (...) {
    }
}

}  // namespace knotnotes::xml
