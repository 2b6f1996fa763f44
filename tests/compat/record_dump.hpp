// record_dump.hpp — a plain-text dump of every record field the SDK it is compiled with knows,
// and its reader. The compat plugin writes and reads it; the compat tests compile the same
// code against the other SDK version to say what the plugin must have seen.
//
// Format: a record starts with a line "[kind]" (practitioner, client, intake, session, knot,
// pressure-reading, technique-use, questionnaire-response, answer; knots, readings and uses
// belong to the session above them, answers to the response above them), then one line
// "field=value" per field, values with \ and line breaks escaped. Absent optionals are empty.
// A reader ignores fields it does not know (a newer SDK's), so each version reads the other's.
#pragma once

#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <knotnotes/sdk/sdk.hpp>

namespace compat {

namespace sdk = knotnotes::sdk;

inline std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
    return out;
}

inline std::string unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
        } else {
            out += text[i];
        }
    }
    return out;
}

inline std::string number(double value) {
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

class Writer {
  public:
    std::string text;

    void kind(const char* name) { text += std::string("[") + name + "]\n"; }
    void field(const char* name, const std::string& value) {
        text += std::string(name) + "=" + escape(value) + "\n";
    }
    void field(const char* name, std::int64_t value) { field(name, std::to_string(value)); }
    void field(const char* name, int value) { field(name, std::to_string(value)); }
    void field(const char* name, double value) { field(name, number(value)); }
    void field(const char* name, bool value) { field(name, std::string(value ? "1" : "0")); }
    void field(const char* name, std::string_view word) { field(name, std::string(word)); }
    template <typename T>
    void field(const char* name, const std::optional<T>& value) {
        if (value) {
            field(name, *value);
        } else {
            field(name, std::string());
        }
    }

    void practitioner(const sdk::Practitioner& p) {
        kind("practitioner");
        field("id", p.id);
        field("name", p.name);
        field("credentials", p.credentials);
        field("uid", p.uid);
        field("registration", p.registration);
        field("public_key", p.public_key);
    }

    void client(const sdk::Client& c) {
        kind("client");
        field("id", c.id);
        field("given_name", c.given_name);
        field("family_name", c.family_name);
        field("birth_date", c.birth_date);
        field("phone", c.phone);
        field("email", c.email);
        field("emergency_contact", c.emergency_contact);
        field("occupation", c.occupation);
        field("created_at", c.created_at);
        field("uid", c.uid);
        field("chart_figure", sdk::to_text(c.chart_figure));
    }

    void intake(const sdk::Intake& i) {
        kind("intake");
        field("id", i.id);
        field("client_id", i.client_id);
        field("version", i.version);
        field("recorded_at", i.recorded_at);
        field("reason_for_visit", i.reason_for_visit);
        field("goals", i.goals);
        field("activity", i.activity);
        std::string flags;
        for (const auto& flag : i.health_flags)
            flags += (flags.empty() ? "" : ",") + flag;
        field("health_flags", flags);
        field("medications", i.medications);
        field("allergies", i.allergies);
        field("surgeries_injuries", i.surgeries_injuries);
        field("areas_to_avoid", i.areas_to_avoid);
        field("preferred_pressure", i.preferred_pressure);
        field("consent_agreed", i.consent.agreed);
        field("consent_date", i.consent.date);
        field("consent_signer_name", i.consent.signer_name);
        field("consent_signature_png_base64", i.consent.signature_png_base64);
        field("uid", i.uid);
    }

    void session(const sdk::Session& s) {
        kind("session");
        field("id", s.id);
        field("client_id", s.client_id);
        field("practitioner_id", s.practitioner_id);
        field("intake_id", s.intake_id);
        field("started_at", s.started_at);
        field("duration_minutes", s.duration_minutes);
        field("subjective", s.subjective);
        field("objective", s.objective);
        field("assessment", s.assessment);
        field("plan", s.plan);
        field("pain_before", s.pain_before);
        field("pain_after", s.pain_after);
        field("signed", s.signature.has_value());
        if (s.signature) {
            const auto& g = *s.signature;
            field("signer", g.signer);
            field("signed_at", g.signed_at);
            field("content_sha256", g.content_sha256);
            field("signer_practitioner_id", g.signer_practitioner_id);
            field("algorithm", g.algorithm);
            field("canonical_version", g.canonical_version);
            field("signer_public_key", g.public_key);
            field("signature_value", g.value);
        }
        field("amends_session_id", s.amends_session_id);
        field("uid", s.uid);
        field("amendment_reason", s.amendment_reason);
        field("conflict_acknowledgement", s.conflict_acknowledgement);
#if KNOTNOTES_SDK_ABI_MINOR >= 1
        field("location", sdk::to_text(s.location));
#endif
        for (const auto& k : s.knots) {
            kind("knot");
            field("id", k.id);
            field("session_id", k.session_id);
            field("muscle_id", k.muscle_id);
            field("side", sdk::to_text(k.side));
            field("view", sdk::to_text(k.view));
            field("x", k.x);
            field("y", k.y);
            field("kind", sdk::to_text(k.kind));
            field("tenderness", k.tenderness);
            field("referral", k.referral);
            field("result", sdk::to_text(k.result));
            field("previous_knot_id", k.previous_knot_id);
            field("uid", k.uid);
            std::string area;
            for (const auto& p : k.referral_area)
                area += (area.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
            field("referral_area", area);
        }
        for (const auto& r : s.pressure_readings) {
            kind("pressure-reading");
            field("id", r.id);
            field("session_id", r.session_id);
            field("region", r.region);
            field("side", sdk::to_text(r.side));
            field("pressure", r.pressure);
            field("uid", r.uid);
        }
        for (const auto& t : s.techniques) {
            kind("technique-use");
            field("id", t.id);
            field("session_id", t.session_id);
            field("technique_id", t.technique_id);
            field("muscle_id", t.muscle_id);
            field("side", sdk::to_text(t.side));
            field("pressure", t.pressure);
            field("duration_seconds", t.duration_seconds);
            field("tool", sdk::to_text(t.tool));
            field("direction", sdk::to_text(t.direction));
            field("response", t.response);
            field("uid", t.uid);
        }
    }

    void response(const sdk::QuestionnaireResponse& r) {
        kind("questionnaire-response");
        field("id", r.id);
        field("client_id", r.client_id);
        field("session_id", r.session_id);
        field("instrument_id", r.instrument_id);
        field("instrument_version", r.instrument_version);
        field("completed_at", r.completed_at);
        field("score", r.score);
        field("interpretation", r.interpretation);
        field("uid", r.uid);
        for (const auto& a : r.answers) {
            kind("answer");
            field("item_id", a.item_id);
            field("value", a.value);
            field("text", a.text);
        }
    }
};

// One record as read: its kind and its fields.
struct RawRecord {
    std::string kind;
    std::map<std::string, std::string> fields;
    std::size_t line = 0;

    const std::string& text(const std::string& name) const {
        static const std::string none;
        auto it = fields.find(name);
        return it == fields.end() ? none : it->second;
    }
};

class Reader {
  public:
    explicit Reader(sdk::ImportSink* sink) : sink_(sink) {}

    void read(std::istream& in) {
        std::vector<RawRecord> group;  // a top-level record and the records it holds
        std::string line;
        std::size_t number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.empty())
                continue;
            if (line.front() == '[') {
                const auto kind = line.substr(1, line.size() - 2);
                if (kind != "knot" && kind != "pressure-reading" && kind != "technique-use" &&
                    kind != "answer") {
                    deliver(group);
                    group.clear();
                } else if (group.empty()) {
                    throw sdk::ImportError(number, "[" + kind + "] outside a record");
                }
                group.push_back({kind, {}, number});
                continue;
            }
            const auto equals = line.find('=');
            if (equals == std::string::npos || group.empty())
                throw sdk::ImportError(number, "not a field of a record: " + line);
            group.back().fields[line.substr(0, equals)] = unescape(line.substr(equals + 1));
        }
        deliver(group);
    }

  private:
    template <typename T>
    static T integer(const RawRecord& r, const std::string& name) {
        const auto& text = r.text(name);
        T value{};
        const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
        if (result.ec != std::errc() || result.ptr != text.data() + text.size())
            throw sdk::ImportError(r.line, r.kind + "." + name + " '" + text + "' is not a number");
        return value;
    }
    template <typename T>
    static std::optional<T> optional(const RawRecord& r, const std::string& name) {
        if (r.text(name).empty())
            return std::nullopt;
        return integer<T>(r, name);
    }
    static double real(const RawRecord& r, const std::string& name) {
        const auto& text = r.text(name);
        double value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        return value;
    }
    template <typename Parse>
    static auto word(const RawRecord& r, const std::string& name, Parse parse) {
        auto value = parse(r.text(name));
        if (!value)
            throw sdk::ImportError(r.line,
                                   r.kind + "." + name + " '" + r.text(name) + "' is unknown");
        return *value;
    }

    void deliver(const std::vector<RawRecord>& group) {
        if (group.empty() || !sink_)
            return;
        const auto& r = group.front();
        if (r.kind == "practitioner") {
            sdk::Practitioner p;
            p.id = integer<sdk::Id>(r, "id");
            p.name = r.text("name");
            p.credentials = r.text("credentials");
            p.uid = r.text("uid");
            p.registration = r.text("registration");
            p.public_key = r.text("public_key");
            sink_->practitioner(p);
        } else if (r.kind == "client") {
            sdk::Client c;
            c.id = integer<sdk::Id>(r, "id");
            c.given_name = r.text("given_name");
            c.family_name = r.text("family_name");
            c.birth_date = r.text("birth_date");
            c.phone = r.text("phone");
            c.email = r.text("email");
            c.emergency_contact = r.text("emergency_contact");
            c.occupation = r.text("occupation");
            c.created_at = r.text("created_at");
            c.uid = r.text("uid");
            c.chart_figure = word(r, "chart_figure", sdk::parse_chart_figure);
            sink_->client(c);
        } else if (r.kind == "intake") {
            sink_->intake(intake(r));
        } else if (r.kind == "session") {
            sink_->session(session(group));
        } else if (r.kind == "questionnaire-response") {
            sink_->questionnaire_response(response(group));
        } else {
            throw sdk::ImportError(r.line, "unknown record [" + r.kind + "]");
        }
    }

    static sdk::Intake intake(const RawRecord& r) {
        sdk::Intake i;
        i.id = integer<sdk::Id>(r, "id");
        i.client_id = integer<sdk::Id>(r, "client_id");
        i.version = integer<int>(r, "version");
        i.recorded_at = r.text("recorded_at");
        i.reason_for_visit = r.text("reason_for_visit");
        i.goals = r.text("goals");
        i.activity = r.text("activity");
        std::stringstream flags(r.text("health_flags"));
        for (std::string flag; std::getline(flags, flag, ',');)
            i.health_flags.push_back(flag);
        i.medications = r.text("medications");
        i.allergies = r.text("allergies");
        i.surgeries_injuries = r.text("surgeries_injuries");
        i.areas_to_avoid = r.text("areas_to_avoid");
        i.preferred_pressure = optional<int>(r, "preferred_pressure");
        i.consent.agreed = r.text("consent_agreed") == "1";
        i.consent.date = r.text("consent_date");
        i.consent.signer_name = r.text("consent_signer_name");
        i.consent.signature_png_base64 = r.text("consent_signature_png_base64");
        i.uid = r.text("uid");
        return i;
    }

    static sdk::Session session(const std::vector<RawRecord>& group) {
        const auto& r = group.front();
        sdk::Session s;
        s.id = integer<sdk::Id>(r, "id");
        s.client_id = integer<sdk::Id>(r, "client_id");
        s.practitioner_id = integer<sdk::Id>(r, "practitioner_id");
        s.intake_id = optional<sdk::Id>(r, "intake_id");
        s.started_at = r.text("started_at");
        s.duration_minutes = integer<int>(r, "duration_minutes");
        s.subjective = r.text("subjective");
        s.objective = r.text("objective");
        s.assessment = r.text("assessment");
        s.plan = r.text("plan");
        s.pain_before = optional<int>(r, "pain_before");
        s.pain_after = optional<int>(r, "pain_after");
        if (r.text("signed") == "1") {
            sdk::Signature g;
            g.signer = r.text("signer");
            g.signed_at = r.text("signed_at");
            g.content_sha256 = r.text("content_sha256");
            g.signer_practitioner_id = integer<sdk::Id>(r, "signer_practitioner_id");
            g.algorithm = r.text("algorithm");
            g.canonical_version = integer<int>(r, "canonical_version");
            g.public_key = r.text("signer_public_key");
            g.value = r.text("signature_value");
            s.signature = g;
        }
        s.amends_session_id = optional<sdk::Id>(r, "amends_session_id");
        s.uid = r.text("uid");
        s.amendment_reason = r.text("amendment_reason");
        s.conflict_acknowledgement = r.text("conflict_acknowledgement");
#if KNOTNOTES_SDK_ABI_MINOR >= 1
        if (!r.text("location").empty())
            s.location = word(r, "location", sdk::parse_session_location);
#endif
        for (std::size_t n = 1; n < group.size(); ++n) {
            const auto& c = group[n];
            if (c.kind == "knot") {
                sdk::Knot k;
                k.id = integer<sdk::Id>(c, "id");
                k.session_id = integer<sdk::Id>(c, "session_id");
                k.muscle_id = c.text("muscle_id");
                k.side = word(c, "side", sdk::parse_side);
                k.view = word(c, "view", sdk::parse_chart_view);
                k.x = real(c, "x");
                k.y = real(c, "y");
                k.kind = word(c, "kind", sdk::parse_knot_kind);
                k.tenderness = integer<int>(c, "tenderness");
                k.referral = c.text("referral");
                k.result = word(c, "result", sdk::parse_knot_result);
                k.previous_knot_id = optional<sdk::Id>(c, "previous_knot_id");
                k.uid = c.text("uid");
                std::stringstream area(c.text("referral_area"));
                for (std::string point; area >> point;) {
                    const auto comma = point.find(',');
                    double x = 0, y = 0;
                    std::from_chars(point.data(), point.data() + comma, x);
                    std::from_chars(point.data() + comma + 1, point.data() + point.size(), y);
                    k.referral_area.push_back({x, y});
                }
                s.knots.push_back(k);
            } else if (c.kind == "pressure-reading") {
                sdk::PressureReading p;
                p.id = integer<sdk::Id>(c, "id");
                p.session_id = integer<sdk::Id>(c, "session_id");
                p.region = c.text("region");
                p.side = word(c, "side", sdk::parse_side);
                p.pressure = integer<int>(c, "pressure");
                p.uid = c.text("uid");
                s.pressure_readings.push_back(p);
            } else if (c.kind == "technique-use") {
                sdk::TechniqueUse t;
                t.id = integer<sdk::Id>(c, "id");
                t.session_id = integer<sdk::Id>(c, "session_id");
                t.technique_id = c.text("technique_id");
                t.muscle_id = c.text("muscle_id");
                t.side = word(c, "side", sdk::parse_side);
                t.pressure = optional<int>(c, "pressure");
                t.duration_seconds = integer<int>(c, "duration_seconds");
                t.tool = word(c, "tool", sdk::parse_tool);
                t.direction = word(c, "direction", sdk::parse_direction);
                t.response = c.text("response");
                t.uid = c.text("uid");
                s.techniques.push_back(t);
            }
        }
        return s;
    }

    static sdk::QuestionnaireResponse response(const std::vector<RawRecord>& group) {
        const auto& r = group.front();
        sdk::QuestionnaireResponse q;
        q.id = integer<sdk::Id>(r, "id");
        q.client_id = integer<sdk::Id>(r, "client_id");
        q.session_id = optional<sdk::Id>(r, "session_id");
        q.instrument_id = r.text("instrument_id");
        q.instrument_version = r.text("instrument_version");
        q.completed_at = r.text("completed_at");
        if (!r.text("score").empty())
            q.score = real(r, "score");
        q.interpretation = r.text("interpretation");
        q.uid = r.text("uid");
        for (std::size_t n = 1; n < group.size(); ++n) {
            sdk::QuestionnaireAnswer a;
            a.item_id = group[n].text("item_id");
            if (!group[n].text("value").empty())
                a.value = real(group[n], "value");
            a.text = group[n].text("text");
            q.answers.push_back(a);
        }
        return q;
    }

    sdk::ImportSink* sink_;
};

}  // namespace compat
