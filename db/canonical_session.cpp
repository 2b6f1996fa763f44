#include "canonical_session.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "json_text.hpp"
#include "sha256.hpp"

namespace knotnotes::db {
namespace {

class Writer {
  public:
    std::string out;

    Writer& key(const char* name) {
        if (!out.empty() && out.back() != '{' && out.back() != '[')
            out += ',';
        out += json_quote(name) + ':';
        return *this;
    }
    void value(const std::string& v) { out += json_quote(v); }
    void value(std::string_view v) { out += json_quote(std::string(v)); }
    void value(std::int64_t v) { out += std::to_string(v); }
    void value(int v) { out += std::to_string(v); }
    void value(double v) {
        // Chart positions are normalised 0..1; six decimals is finer than any screen.
        // Without the locale: the same text as 1.0's "%.6f" in the C locale, so its seals verify.
        char text[32];
        const auto end =
            std::to_chars(text, text + sizeof text, v, std::chars_format::fixed, 6).ptr;
        out.append(text, end);
    }
    template <typename T>
    void value(const std::optional<T>& v) {
        if (v) {
            value(*v);
        } else {
            out += "null";
        }
    }
    template <typename T, typename F>
    void array(const std::vector<T>& items, F write_item) {
        std::vector<const T*> sorted;
        for (const auto& item : items)
            sorted.push_back(&item);
        std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
        out += '[';
        for (const auto* item : sorted) {
            if (out.back() != '[')
                out += ',';
            out += '{';
            write_item(*item);
            out += '}';
        }
        out += ']';
    }
};

}  // namespace

std::string canonical_session_text(const sdk::Session& s) {
    Writer w;
    w.out = "{";
    w.key("canonical").value(std::string("knotnotes-session-1"));
    w.key("started_at").value(s.started_at);
    w.key("duration_minutes").value(s.duration_minutes);
    w.key("subjective").value(s.subjective);
    w.key("objective").value(s.objective);
    w.key("assessment").value(s.assessment);
    w.key("plan").value(s.plan);
    w.key("pain_before").value(s.pain_before);
    w.key("pain_after").value(s.pain_after);
    w.key("knots");
    w.array(s.knots, [&](const sdk::Knot& k) {
        w.key("muscle_id").value(k.muscle_id);
        w.key("side").value(sdk::to_text(k.side));
        w.key("view").value(sdk::to_text(k.view));
        w.key("x").value(k.x);
        w.key("y").value(k.y);
        w.key("kind").value(sdk::to_text(k.kind));
        w.key("tenderness").value(k.tenderness);
        w.key("referral").value(k.referral);
        w.key("result").value(sdk::to_text(k.result));
    });
    w.key("pressure_readings");
    w.array(s.pressure_readings, [&](const sdk::PressureReading& r) {
        w.key("region").value(r.region);
        w.key("side").value(sdk::to_text(r.side));
        w.key("pressure").value(r.pressure);
    });
    w.key("techniques");
    w.array(s.techniques, [&](const sdk::TechniqueUse& t) {
        w.key("technique_id").value(t.technique_id);
        w.key("muscle_id").value(t.muscle_id);
        w.key("side").value(sdk::to_text(t.side));
        w.key("pressure").value(t.pressure);
        w.key("duration_seconds").value(t.duration_seconds);
        w.key("tool").value(sdk::to_text(t.tool));
        w.key("direction").value(sdk::to_text(t.direction));
        w.key("response").value(t.response);
    });
    w.out += '}';
    return w.out;
}

std::string canonical_session_sha256(const sdk::Session& session) {
    return sha256_hex(canonical_session_text(session));
}

}  // namespace knotnotes::db
