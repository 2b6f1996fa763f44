// canonical_note.hpp — the exact bytes a note's signature covers: the canonical form of a
// session (version 2, "knotnotes-note-2") and of an intake version ("knotnotes-intake-1").
// Specification, with test vectors: docs/signing/canonical-form.md. In short: one line of JSON
// (RFC 8259) with the keys in a fixed order and no whitespace; strings as UTF-8 with only `"`,
// `\` and U+0000..U+001F escaped (\n \r \t, the rest \u00xx in lower-case hex); integers in
// decimal; decimals (chart positions, questionnaire values and scores) with exactly six digits
// after the point, rounded half to even by the C++ standard library's to_chars, "-0.000000"
// written as "0.000000"; a missing value is null; lists of records sorted by uid. Nothing
// depends on the locale, the time zone, the machine or the database's row ids, so a note
// exported and imported elsewhere still has the same canonical form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

inline constexpr int canonical_note_version = 2;

// Everything a signature covers besides the session's own fields, resolved to identities that
// survive export and import (uids, not row ids).
struct NoteContext {
    std::string client_uid;
    std::string practitioner_uid;  // who charted
    std::string signer_uid;        // who signs
    std::string signer_name;       // their name as it is at signing
    std::string signer_public_key;
    std::string signed_at;  // UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ"
    struct Intake {
        std::string uid;
        int version = 0;
        std::string sha256;  // of canonical_intake_text()
    };
    std::optional<Intake> intake;
    struct Amends {
        std::string uid;        // the signed note this one corrects
        std::string signature;  // its signature value (base64), so the link is to that exact text
    };
    std::optional<Amends> amends;
    // previous_knot_id of each knot, as the uid of that earlier knot (same order as the knots)
    std::vector<std::optional<std::string>> previous_knot_uids;
    std::vector<sdk::QuestionnaireResponse> responses;  // answered in this session
};

// Throws std::invalid_argument for a value that has no canonical form (NaN, infinity).
std::string canonical_note_text(const sdk::Session& session, const NoteContext& context);
std::string canonical_intake_text(const sdk::Intake& intake, const std::string& client_uid);

}  // namespace knotnotes::core
