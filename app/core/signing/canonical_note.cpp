#include "canonical_note.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace knotnotes::core {
namespace {

// Writes one JSON object member after another, commas included.
class CanonicalWriter {
  public:
    std::string text;

    CanonicalWriter& open(char bracket) {
        separate();
        text += bracket;
        first_ = true;
        return *this;
    }
    CanonicalWriter& close(char bracket) {
        text += bracket;
        first_ = false;
        return *this;
    }
    CanonicalWriter& key(const char* name) {
        separate();
        quote(name);
        text += ':';
        first_ = true;  // the value follows without a comma
        return *this;
    }
    void string(std::string_view value) {
        separate();
        quote(value);
    }
    void integer(long long value) {
        separate();
        text += std::to_string(value);
    }
    void boolean(bool value) {
        separate();
        text += value ? "true" : "false";
    }
    void null() {
        separate();
        text += "null";
    }
    void decimal(double value) {
        separate();
        if (!std::isfinite(value))
            throw std::invalid_argument("a number that is not finite has no canonical form");
        if (value == 0)
            value = 0;  // -0 and 0 alike
        char digits[64];
        const auto end =
            std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, 6).ptr;
        text.append(digits, end);
    }
    template <typename T, typename Write>
    void optional(const std::optional<T>& value, Write write) {
        if (value) {
            write(*value);
        } else {
            null();
        }
    }

  private:
    void separate() {
        if (!first_)
            text += ',';
        first_ = false;
    }
    void quote(std::string_view value) {
        static constexpr char hex[] = "0123456789abcdef";
        text += '"';
        for (const char c : value) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                text += '\\';
                text += c;
            } else if (c == '\n') {
                text += "\\n";
            } else if (c == '\r') {
                text += "\\r";
            } else if (c == '\t') {
                text += "\\t";
            } else if (byte < 0x20) {
                text += "\\u00";
                text += hex[byte >> 4];
                text += hex[byte & 0x0f];
            } else {
                text += c;
            }
        }
        text += '"';
    }
    bool first_ = true;
};

// Indexes of `items` in uid order (ties keep their order).
template <typename T>
std::vector<std::size_t> by_uid(const std::vector<T>& items) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return items[a].uid < items[b].uid; });
    return order;
}

void write_points(CanonicalWriter& w, const std::vector<sdk::ChartPoint>& points) {
    w.open('[');
    for (const auto& p : points) {
        w.open('[');
        w.decimal(p.x);
        w.decimal(p.y);
        w.close(']');
    }
    w.close(']');
}

void write_knots(CanonicalWriter& w, const sdk::Session& s, const NoteContext& c) {
    w.key("knots").open('[');
    for (const auto i : by_uid(s.knots)) {
        const auto& k = s.knots[i];
        w.open('{');
        w.key("uid").string(k.uid);
        w.key("muscle_id").string(k.muscle_id);
        w.key("side").string(sdk::to_text(k.side));
        w.key("view").string(sdk::to_text(k.view));
        w.key("x").decimal(k.x);
        w.key("y").decimal(k.y);
        w.key("kind").string(sdk::to_text(k.kind));
        w.key("tenderness").integer(k.tenderness);
        w.key("referral").string(k.referral);
        w.key("referral_area");
        write_points(w, k.referral_area);
        w.key("result").string(sdk::to_text(k.result));
        w.key("previous_knot_uid");
        const auto previous =
            i < c.previous_knot_uids.size() ? c.previous_knot_uids[i] : std::nullopt;
        w.optional(previous, [&](const std::string& uid) { w.string(uid); });
        w.close('}');
    }
    w.close(']');
}

void write_pressure(CanonicalWriter& w, const sdk::Session& s) {
    w.key("pressure_readings").open('[');
    for (const auto i : by_uid(s.pressure_readings)) {
        const auto& r = s.pressure_readings[i];
        w.open('{');
        w.key("uid").string(r.uid);
        w.key("region").string(r.region);
        w.key("side").string(sdk::to_text(r.side));
        w.key("pressure").integer(r.pressure);
        w.close('}');
    }
    w.close(']');
}

void write_techniques(CanonicalWriter& w, const sdk::Session& s) {
    w.key("techniques").open('[');
    for (const auto i : by_uid(s.techniques)) {
        const auto& t = s.techniques[i];
        w.open('{');
        w.key("uid").string(t.uid);
        w.key("technique_id").string(t.technique_id);
        w.key("muscle_id").string(t.muscle_id);
        w.key("side").string(sdk::to_text(t.side));
        w.key("pressure").optional(t.pressure, [&](int p) { w.integer(p); });
        w.key("duration_seconds").integer(t.duration_seconds);
        w.key("tool").string(sdk::to_text(t.tool));
        w.key("direction").string(sdk::to_text(t.direction));
        w.key("response").string(t.response);
        w.close('}');
    }
    w.close(']');
}

void write_responses(CanonicalWriter& w, const std::vector<sdk::QuestionnaireResponse>& rs) {
    w.key("questionnaire_responses").open('[');
    for (const auto i : by_uid(rs)) {
        const auto& r = rs[i];
        w.open('{');
        w.key("uid").string(r.uid);
        w.key("instrument_id").string(r.instrument_id);
        w.key("instrument_version").string(r.instrument_version);
        w.key("completed_at").string(r.completed_at);
        w.key("answers").open('[');
        for (const auto& a : r.answers) {
            w.open('{');
            w.key("item_id").string(a.item_id);
            w.key("value").optional(a.value, [&](double v) { w.decimal(v); });
            w.key("text").string(a.text);
            w.close('}');
        }
        w.close(']');
        w.key("score").optional(r.score, [&](double v) { w.decimal(v); });
        w.key("interpretation").string(r.interpretation);
        w.close('}');
    }
    w.close(']');
}

}  // namespace

std::string canonical_note_text(const sdk::Session& s, const NoteContext& c) {
    CanonicalWriter w;
    w.open('{');
    w.key("canonical").string("knotnotes-note-2");
    w.key("uid").string(s.uid);
    w.key("client").open('{');
    w.key("uid").string(c.client_uid);
    w.close('}');
    w.key("practitioner").open('{');
    w.key("uid").string(c.practitioner_uid);
    w.close('}');
    w.key("signer").open('{');
    w.key("uid").string(c.signer_uid);
    w.key("name").string(c.signer_name);
    w.key("public_key").string(c.signer_public_key);
    w.close('}');
    w.key("signed_at").string(c.signed_at);
    w.key("intake").optional(c.intake, [&](const NoteContext::Intake& i) {
        w.open('{');
        w.key("uid").string(i.uid);
        w.key("version").integer(i.version);
        w.key("sha256").string(i.sha256);
        w.close('}');
    });
    w.key("amends").optional(c.amends, [&](const NoteContext::Amends& a) {
        w.open('{');
        w.key("uid").string(a.uid);
        w.key("signature").string(a.signature);
        w.close('}');
    });
    w.key("amendment_reason").string(s.amendment_reason);
    w.key("conflict_acknowledgement").string(s.conflict_acknowledgement);
    w.key("started_at").string(s.started_at);
    w.key("duration_minutes").integer(s.duration_minutes);
    w.key("location").string(sdk::to_text(s.location));
    w.key("subjective").string(s.subjective);
    w.key("objective").string(s.objective);
    w.key("assessment").string(s.assessment);
    w.key("plan").string(s.plan);
    w.key("pain_before").optional(s.pain_before, [&](int p) { w.integer(p); });
    w.key("pain_after").optional(s.pain_after, [&](int p) { w.integer(p); });
    write_knots(w, s, c);
    write_pressure(w, s);
    write_techniques(w, s);
    write_responses(w, c.responses);
    w.close('}');
    return w.text;
}

std::string canonical_intake_text(const sdk::Intake& i, const std::string& client_uid) {
    CanonicalWriter w;
    w.open('{');
    w.key("canonical").string("knotnotes-intake-1");
    w.key("uid").string(i.uid);
    w.key("client_uid").string(client_uid);
    w.key("version").integer(i.version);
    w.key("recorded_at").string(i.recorded_at);
    w.key("reason_for_visit").string(i.reason_for_visit);
    w.key("goals").string(i.goals);
    w.key("activity").string(i.activity);
    w.key("health_flags").open('[');
    for (const auto& flag : i.health_flags)
        w.string(flag);
    w.close(']');
    w.key("medications").string(i.medications);
    w.key("allergies").string(i.allergies);
    w.key("surgeries_injuries").string(i.surgeries_injuries);
    w.key("areas_to_avoid").string(i.areas_to_avoid);
    w.key("preferred_pressure").optional(i.preferred_pressure, [&](int p) { w.integer(p); });
    w.key("consent").open('{');
    w.key("agreed").boolean(i.consent.agreed);
    w.key("date").string(i.consent.date);
    w.key("signer_name").string(i.consent.signer_name);
    w.key("signature_png_base64").string(i.consent.signature_png_base64);
    w.close('}');
    w.close('}');
    return w.text;
}

}  // namespace knotnotes::core
