#include "native_xml_exporter.hpp"

#include <charconv>

#include <knotnotes/sdk/plugin_error.hpp>
#include <knotnotes/sdk/timestamps.hpp>
#include <knotnotes/sdk/xml_text.hpp>

#include "../common/write_chunk.hpp"
#include "records_format.hpp"

namespace knotnotes::xml {
namespace {

// Thrown by the appenders, caught by record() to name the record.
class FieldError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void refuse_field(const char* field, const std::string& problem) {
    throw FieldError(std::string("its ") + field + " " + problem);
}

std::string describe_session(const sdk::Session& s) {
    return "the session of " + s.started_at + " (uid " + s.uid + ")";
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

void NativeXmlExporter::attr(const char* name, std::string_view value) {
    buffer_ += ' ';
    buffer_ += name;
    buffer_ += "=\"";
    if (!sdk::append_xml_escaped(buffer_, value, true))
        refuse_field(name, "holds text XML cannot hold: " + sdk::xml_text_problem(value));
    buffer_ += '"';
}

namespace {

// ` name="value"`, without the locale; for a double the shortest form that reads back exactly,
// so export -> import -> export is byte-identical.
template <typename Number>
void append_number_attr(std::string& out, const char* name, Number value) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out += ' ';
    out += name;
    out += "=\"";
    out.append(digits, end);
    out += '"';
}

}  // namespace

void NativeXmlExporter::attr(const char* name, std::int64_t value) {
    append_number_attr(buffer_, name, value);
}

void NativeXmlExporter::number_attr(const char* name, double value) {
    append_number_attr(buffer_, name, value);
}

void NativeXmlExporter::time_attr(const char* name, const std::string& value) {
    if (!sdk::is_utc_timestamp(value)) {
        refuse_field(name, "'" + value + "' is not a UTC time such as 2026-11-25T09:30:00.000Z");
    }
    attr(name, value);
}

void NativeXmlExporter::optional_attr(const char* name, std::string_view value) {
    if (!value.empty())
        attr(name, value);
}

void NativeXmlExporter::reference(const IdMap& ids, const std::optional<sdk::Id>& db_id,
                                  const char* name) {
    if (!db_id)
        return;
    if (auto it = ids.find(*db_id); it != ids.end())
        attr(name, it->second);
}

void NativeXmlExporter::element(const char* name, std::string_view text, const char* indent) {
    buffer_ += indent;
    buffer_ += '<';
    buffer_ += name;
    if (text.empty()) {
        buffer_ += "/>\n";
        return;
    }
    buffer_ += '>';
    if (!sdk::append_xml_escaped(buffer_, text, false))
        refuse_field(name, "holds text XML cannot hold: " + sdk::xml_text_problem(text));
    buffer_ += "</";
    buffer_ += name;
    buffer_ += ">\n";
}

void NativeXmlExporter::optional_element(const char* name, std::string_view text,
                                         const char* indent) {
    if (!text.empty())
        element(name, text, indent);
}

void NativeXmlExporter::flush() {
    out_ << buffer_;
    buffer_.clear();
    if (!out_)
        throw sdk::PluginError("cannot write " + path_ + " (is the disk full?)");
}

template <typename Describe, typename Write>
void NativeXmlExporter::record(Describe describe, Write write) {
    const auto start = buffer_.size();
    try {
        write();
    } catch (const FieldError& e) {
        buffer_.resize(start);
        throw sdk::unwritable_record(describe(), e.what());
    }
    if (buffer_.size() >= plugins::write_chunk)
        flush();
}

void NativeXmlExporter::begin(const sdk::ExportContext& context) {
    path_ = context.path.string();
    out_.open(context.path, std::ios::binary | std::ios::trunc);
    if (!out_)
        throw sdk::PluginError("cannot create " + path_);
    buffer_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<knotnotes-records xmlns=\"";
    buffer_ += records_namespace;
    buffer_ += "\" format-version=\"2\">\n";
    flush();
}

void NativeXmlExporter::write_practitioner(const sdk::Practitioner& p) {
    record([&] { return "the practitioner " + p.name + " (uid " + p.uid + ")"; },
           [&] {
               buffer_ += "  <practitioner";
               attr("id", assign(practitioners_, next_practitioner_, p.id));
               attr("uid", p.uid);
               attr("name", p.name);
               attr("credentials", p.credentials);
               optional_attr("registration", p.registration);
               optional_attr("public-key", p.public_key);
               buffer_ += "/>\n";
           });
}

void NativeXmlExporter::write_client(const sdk::Client& c) {
    intakes_.clear();
    sessions_.clear();
    knots_.clear();
    client_file_id_ = ++next_client_;
    record(
        [&] { return "the client " + c.given_name + " " + c.family_name + " (uid " + c.uid + ")"; },
        [&] {
            buffer_ += "  <client";
            attr("id", client_file_id_);
            attr("uid", c.uid);
            time_attr("created-at", c.created_at);
            attr("chart-figure", sdk::to_text(c.chart_figure));
            buffer_ += ">\n";
            element("given-name", c.given_name, "    ");
            element("family-name", c.family_name, "    ");
            if (!c.birth_date.empty() && !sdk::is_iso_date(c.birth_date))
                refuse_field("birth date", "'" + c.birth_date + "' is not a date YYYY-MM-DD");
            element("birth-date", c.birth_date, "    ");
            element("phone", c.phone, "    ");
            element("email", c.email, "    ");
            element("emergency-contact", c.emergency_contact, "    ");
            element("occupation", c.occupation, "    ");
            buffer_ += "  </client>\n";
        });
}

void NativeXmlExporter::write_intake(const sdk::Intake& i) {
    record([&] { return "the intake of " + i.recorded_at + " (uid " + i.uid + ")"; },
           [&] {
               buffer_ += "  <intake";
               attr("id", assign(intakes_, next_intake_, i.id));
               attr("uid", i.uid);
               attr("client", client_file_id_);
               attr("version", std::int64_t{i.version});
               time_attr("recorded-at", i.recorded_at);
               buffer_ += ">\n";
               element("reason-for-visit", i.reason_for_visit, "    ");
               element("goals", i.goals, "    ");
               element("activity", i.activity, "    ");
               for (const auto& flag : i.health_flags)
                   element("health-flag", flag, "    ");
               element("medications", i.medications, "    ");
               element("allergies", i.allergies, "    ");
               element("surgeries-injuries", i.surgeries_injuries, "    ");
               element("areas-to-avoid", i.areas_to_avoid, "    ");
               if (i.preferred_pressure)
                   element("preferred-pressure", std::to_string(*i.preferred_pressure), "    ");
               buffer_ += "    <consent";
               attr("agreed", std::string_view(i.consent.agreed ? "true" : "false"));
               if (!i.consent.date.empty() && !sdk::is_iso_date(i.consent.date))
                   refuse_field("consent date",
                                "'" + i.consent.date + "' is not a date YYYY-MM-DD");
               optional_attr("date", i.consent.date);
               optional_attr("signer", i.consent.signer_name);
               if (i.consent.signature_png_base64.empty()) {
                   buffer_ += "/>\n";
               } else {
                   buffer_ += ">\n";
                   element("signature-png", i.consent.signature_png_base64, "      ");
                   buffer_ += "    </consent>\n";
               }
               buffer_ += "  </intake>\n";
           });
}

void NativeXmlExporter::write_session(const sdk::Session& s) {
    record([&] { return describe_session(s); },
           [&] {
               buffer_ += "  <session";
               // The amended session is looked up before this one gets its id.
               const auto amends = s.amends_session_id;
               attr("id", assign(sessions_, next_session_, s.id));
               attr("uid", s.uid);
               attr("client", client_file_id_);
               reference(practitioners_, s.practitioner_id, "practitioner");
               reference(intakes_, s.intake_id, "intake");
               reference(sessions_, amends, "amends");
               time_attr("started-at", s.started_at);
               attr("duration-minutes", std::int64_t{s.duration_minutes});
               attr("location", sdk::to_text(s.location));
               buffer_ += ">\n";
               element("subjective", s.subjective, "    ");
               element("objective", s.objective, "    ");
               element("assessment", s.assessment, "    ");
               element("plan", s.plan, "    ");
               if (s.pain_before)
                   element("pain-before", std::to_string(*s.pain_before), "    ");
               if (s.pain_after)
                   element("pain-after", std::to_string(*s.pain_after), "    ");
               optional_element("amendment-reason", s.amendment_reason, "    ");
               optional_element("conflict-acknowledgement", s.conflict_acknowledgement, "    ");
               for (const auto& k : s.knots) {
                   const auto previous = k.previous_knot_id;
                   buffer_ += "    <knot";
                   attr("id", assign(knots_, next_knot_, k.id));
                   attr("uid", k.uid);
                   attr("muscle", k.muscle_id);
                   attr("side", sdk::to_text(k.side));
                   attr("view", sdk::to_text(k.view));
                   number_attr("x", k.x);
                   number_attr("y", k.y);
                   attr("kind", sdk::to_text(k.kind));
                   attr("tenderness", std::int64_t{k.tenderness});
                   attr("result", sdk::to_text(k.result));
                   reference(knots_, previous, "previous");
                   if (k.referral.empty() && k.referral_area.empty()) {
                       buffer_ += "/>\n";
                       continue;
                   }
                   buffer_ += ">\n";
                   optional_element("referral", k.referral, "      ");
                   if (!k.referral_area.empty()) {
                       buffer_ += "      <referral-area>\n";
                       for (const auto& point : k.referral_area) {
                           buffer_ += "        <point";
                           number_attr("x", point.x);
                           number_attr("y", point.y);
                           buffer_ += "/>\n";
                       }
                       buffer_ += "      </referral-area>\n";
                   }
                   buffer_ += "    </knot>\n";
               }
               for (const auto& r : s.pressure_readings) {
                   buffer_ += "    <pressure-reading";
                   attr("uid", r.uid);
                   attr("region", r.region);
                   attr("side", sdk::to_text(r.side));
                   attr("pressure", std::int64_t{r.pressure});
                   buffer_ += "/>\n";
               }
               for (const auto& t : s.techniques) {
                   buffer_ += "    <technique-use";
                   attr("uid", t.uid);
                   attr("technique", t.technique_id);
                   attr("muscle", t.muscle_id);
                   attr("side", sdk::to_text(t.side));
                   if (t.pressure)
                       attr("pressure", std::int64_t{*t.pressure});
                   attr("duration-seconds", std::int64_t{t.duration_seconds});
                   attr("tool", sdk::to_text(t.tool));
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
                   const auto& g = *s.signature;
                   buffer_ += "    <signature";
                   attr("signer", g.signer);
                   time_attr("signed-at", g.signed_at);
                   attr("sha256", g.content_sha256);
                   attr("algorithm", g.algorithm);
                   attr("canonical-version", std::int64_t{g.canonical_version});
                   if (g.signer_practitioner_id)
                       reference(practitioners_, g.signer_practitioner_id, "signer-practitioner");
                   optional_attr("public-key", g.public_key);
                   optional_attr("value", g.value);
                   buffer_ += "/>\n";
               }
               buffer_ += "  </session>\n";
           });
}

void NativeXmlExporter::write_questionnaire_response(const sdk::QuestionnaireResponse& r) {
    record(
        [&] { return "the questionnaire response of " + r.completed_at + " (uid " + r.uid + ")"; },
        [&] {
            buffer_ += "  <questionnaire-response";
            attr("id", ++next_response_);
            attr("uid", r.uid);
            attr("client", client_file_id_);
            reference(sessions_, r.session_id, "session");
            attr("instrument", r.instrument_id);
            attr("instrument-version", r.instrument_version);
            time_attr("completed-at", r.completed_at);
            if (r.score)
                number_attr("score", *r.score);
            attr("interpretation", r.interpretation);
            if (r.answers.empty()) {
                buffer_ += "/>\n";
                return;
            }
            buffer_ += ">\n";
            for (const auto& a : r.answers) {
                buffer_ += "    <answer";
                attr("item", a.item_id);
                if (a.value)
                    number_attr("value", *a.value);
                optional_attr("text", a.text);
                buffer_ += "/>\n";
            }
            buffer_ += "  </questionnaire-response>\n";
        });
}

void NativeXmlExporter::end() {
    buffer_ += "</knotnotes-records>\n";
    flush();
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
