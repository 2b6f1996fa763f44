// signing_flow.hpp — what the windows need before charting and signing: who is charting (the
// profile dialog when nobody is yet), and that practitioner's unlocked key (their passphrase,
// asked for once per app session; a wrong one is asked again, with the reason).
#pragma once

#include <optional>

#include <knotnotes/sdk/records.hpp>

class wxWindow;

namespace knotnotes::core {
class RecordStore;
class UnlockedKey;
}  // namespace knotnotes::core

namespace knotnotes::gui {

// The practitioner charting now; asks who it is when nobody is yet. None if the user cancels.
std::optional<sdk::Practitioner> charting_practitioner(wxWindow* parent, core::RecordStore& store);

// Practitioner > Switch practitioner: a shared computer's therapists choose who charts now
// (or make a new profile). The key unlocked for the previous one is forgotten, so notes are
// never signed with it. True if the practitioner changed.
bool switch_practitioner(wxWindow* parent, core::RecordStore& store);

// Their key, unlocked: kept in the store's signing session, so asked for once. Null if the
// user cancels.
const core::UnlockedKey* key_for_signing(wxWindow* parent, core::RecordStore& store);

}  // namespace knotnotes::gui
