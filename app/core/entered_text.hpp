// entered_text.hpp — the one rule for text a person enters, wherever they enter it (the
// windows, the CLI, a practitioner profile): valid UTF-8 holding only characters XML can hold
// (sdk/xml_text.hpp), and no longer than the record format allows (sdk::max_text_bytes for
// notes and intake texts, sdk::max_short_text_bytes for names, contact details and labels).
// The importer applies the same rule, so whatever KnotNotes lets a user store, its own export
// imports back; text is refused where it is typed, with the field named, never changed.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

class EnteredTextRefused : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

// Throws EnteredTextRefused, naming `field` ("the Subjective note") and what is wrong.
void check_entered_text(std::string_view field, std::string_view text,
                        std::size_t limit = sdk::max_text_bytes);
inline void check_entered_short_text(std::string_view field, std::string_view text) {
    check_entered_text(field, text, sdk::max_short_text_bytes);
}

// Every text field of these records, as a person enters them.
void check_entered_client(const sdk::Client& client);
void check_entered_note(const sdk::Session& session);  // SOAP, amendment reason, acknowledgement
void check_entered_knot(const sdk::Knot& knot);
void check_entered_technique(const sdk::TechniqueUse& use);
void check_entered_intake(const sdk::Intake& intake);

}  // namespace knotnotes::core
