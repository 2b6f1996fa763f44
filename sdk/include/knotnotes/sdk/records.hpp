// SPDX-License-Identifier: MIT
// records.hpp — the clinical record types every layer and every plugin shares.
//
// Specification
// - Plain C++ value types: copyable, no behaviour beyond small helpers. A plugin receives them
//   by const reference, valid during the call only, and copies what it wants to keep.
// - They are not the binary contract: records cross the library boundary as the C structs of
//   abi.h, and the SDK's adapters (bridge/) convert them into each side's own copy of these
//   types. So the host and a plugin may be built against different SDK minors: a field this
//   side's SDK does not have is never seen, and a field the other side did not send reads as
//   its default below. New fields always come with a default.
// - Identifiers (`Id`) are the database's row ids, stable for the life of a database; an
//   exporter may use them to cross-reference records inside one export. 0 means none.
// - `uid` is a record's identity across databases and exports: a lower-case RFC 4122 UUID
//   ("8-4-4-4-12" hex) given when the record is first created and kept through export and
//   import. Empty only in records that were never stored.
// - Times are ISO 8601 strings in UTC with a "Z": "2026-11-25T09:30:00Z", or with
//   milliseconds, "2026-11-25T09:30:00.123Z", which is how KnotNotes stamps what it records.
//   An exporter writes them as they are (or converts them exactly); an importer delivers
//   either form. Dates are "YYYY-MM-DD".
// - Muscles are ids of the built-in atlas (muscle_atlas.hpp); techniques are
//   "<library-plugin-id>/<technique>"; questionnaires are "<plugin-id>/<instrument>".
// - Scales: pain, tenderness and pressure are integers 0–10; pressure_word() in
//   vocabulary.hpp gives the words of the teaching scale.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "knotnotes/sdk/vocabulary.hpp"

namespace knotnotes::sdk {

using Id = std::int64_t;

// The longest a text field of a record may be, in bytes of UTF-8. Imports refuse longer text,
// and the app's entry points are to refuse it where it is typed, so that whatever is stored
// exports and imports back.
inline constexpr std::size_t max_text_bytes = 1 << 20;     // notes, intake texts, drawn signatures
inline constexpr std::size_t max_short_text_bytes = 1000;  // names, contact details, labels

struct Practitioner {
    Id id = 0;
    std::string name;
    std::string credentials;  // e.g. "RMT", "LMT"
    std::string uid{};
    std::string registration{};  // licence or registration number with the regulator, or empty
    std::string public_key{};    // current Ed25519 signing key, base64 of 32 bytes; empty if none
};

struct Client {
    Id id = 0;
    std::string given_name;
    std::string family_name;
    std::string birth_date;  // "YYYY-MM-DD" or empty
    std::string phone;
    std::string email;
    std::string emergency_contact;
    std::string occupation;
    std::string created_at;
    std::string uid{};
    ChartFigure chart_figure = ChartFigure::neutral;  // the figure their body chart is drawn with
};

struct Consent {
    bool agreed = false;
    std::string date;                  // "YYYY-MM-DD"
    std::string signer_name;           // typed name
    std::string signature_png_base64;  // optional drawn signature, empty if none
};

// An intake is versioned: an update makes a new version; a session records which version was
// current when it was charted. `health_flags` hold contraindication ids (contraindications.hpp).
struct Intake {
    Id id = 0;
    Id client_id = 0;
    int version = 1;
    std::string recorded_at;
    std::string reason_for_visit;
    std::string goals;
    std::string activity;
    std::vector<std::string> health_flags;
    std::string medications;
    std::string allergies;
    std::string surgeries_injuries;
    std::string areas_to_avoid;
    std::optional<int> preferred_pressure;  // 0–10
    Consent consent;
    std::string uid{};
};

// A knot (myofascial trigger point). `previous_knot_id` links it to the same knot charted in an
// earlier session, so progress can be tracked.
struct Knot {
    Id id = 0;
    Id session_id = 0;
    std::string muscle_id;
    Side side = Side::left;
    ChartView view = ChartView::back;
    double x = 0.5;  // position on the chart view, normalised 0..1 (left to right)
    double y = 0.5;  // normalised 0..1 (top to bottom)
    KnotKind kind = KnotKind::latent;
    int tenderness = 0;  // 0–10
    std::string referral;
    KnotResult result = KnotResult::untreated;
    std::optional<Id> previous_knot_id;
    std::string uid{};
    // Where the knot refers pain, as a closed polygon of points on the knot's view (x, y as
    // above); empty when no referral zone was drawn.
    std::vector<ChartPoint> referral_area{};
};

struct PressureReading {
    Id id = 0;
    Id session_id = 0;
    std::string region;  // a muscle id or a region id of the atlas
    Side side = Side::midline;
    int pressure = 0;  // 0–10 tolerated
    std::string uid{};
};

struct TechniqueUse {
    Id id = 0;
    Id session_id = 0;
    std::string technique_id;  // "<library>/<technique>"
    std::string muscle_id;     // a muscle or region id of the atlas; empty: the whole body
    Side side = Side::midline;
    std::optional<int> pressure;  // 0–10
    int duration_seconds = 0;
    Tool tool = Tool::hands;
    Direction direction = Direction::none;
    std::string response;
    std::string uid{};
};

struct QuestionnaireAnswer {
    std::string item_id;
    std::optional<double> value;  // numeric answer; empty when the item was skipped
    std::string text;             // free text (e.g. the activity a PSFS item names)
};

struct QuestionnaireResponse {
    Id id = 0;
    Id client_id = 0;
    std::optional<Id> session_id;
    std::string instrument_id;  // "<plugin-id>/<instrument>"
    std::string instrument_version;
    std::string completed_at;
    std::vector<QuestionnaireAnswer> answers;
    std::optional<double> score;
    std::string interpretation;
    std::string uid{};
};

// A signed note's signature: an Ed25519 signature by the signer's own key over the note's
// canonical form (docs/signing/canonical-form.md), which covers the whole note.
struct Signature {
    std::string signer;          // the signer's name as it was at signing
    std::string signed_at;       // UTC
    std::string content_sha256;  // hex SHA-256 of the canonical form that was signed
    Id signer_practitioner_id = 0;
    // "ed25519"; "sha256-legacy" for notes sealed by KnotNotes 1.0, which sealed with a hash only
    // (no key, so such a seal proves nothing about who sealed it).
    std::string algorithm = "ed25519";
    int canonical_version = 2;  // version of the canonical form that was signed
    std::string public_key{};   // base64 of the signer's 32-byte Ed25519 public key
    std::string value{};        // base64 of the 64-byte Ed25519 signature; empty for legacy
};

// A session (one SOAP note) with everything charted in it. A session is a draft until it has a
// signature; a signed session is never changed, and corrections are amendments that reference it.
struct Session {
    Id id = 0;
    Id client_id = 0;
    Id practitioner_id = 0;
    std::optional<Id> intake_id;  // intake version current when charted
    std::string started_at;
    int duration_minutes = 0;
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    std::optional<int> pain_before;  // 0–10
    std::optional<int> pain_after;   // 0–10
    std::optional<Signature> signature;
    std::optional<Id> amends_session_id;
    std::string uid{};
    std::string amendment_reason{};  // why this amendment was made; empty unless it amends
    // What the therapist said when signing a note whose techniques or pressure conflict with the
    // client's contraindications; empty when there was no conflict to acknowledge.
    std::string conflict_acknowledgement{};
    std::vector<Knot> knots;
    std::vector<PressureReading> pressure_readings;
    std::vector<TechniqueUse> techniques;
    // Where it took place (SDK 2.1); unspecified when not recorded.
    SessionLocation location = SessionLocation::unspecified;

    bool is_signed() const { return signature.has_value(); }
};

}  // namespace knotnotes::sdk
