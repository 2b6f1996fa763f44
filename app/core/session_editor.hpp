// session_editor.hpp — what the session editor does, without a window: every change is written
// at once (autosave; the app has no Save button), so killing the app loses nothing the user saw
// on screen.
//
// start_session() opens a new draft for a client and carries forward the knots of their last
// session that were not released, linked to them as the same knots (previous_knot_id), so
// progress can be followed. A signed session is read-only: every change throws
// db::RecordLocked; amend() starts the correction.
//
// The editor charts through the storage seam (db/charting_store.hpp), so it works the same on
// a SQLite file and on a clinic server; on a server a save that another login's save came
// before is refused (db::EditConflict: "changed by NAME at TIME: reload ..."), never written
// over it. Signing goes through a NoteSigner (signing/note_signer.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "db/charting_store.hpp"

namespace knotnotes::core {

class NoteSigner;
class UnlockedKey;

class SessionEditor {
  public:
    // `signer`: who signs the note (kept by the caller); none for an editor that only reads and
    // charts.
    SessionEditor(db::ChartingStore& store, sdk::Id session_id, NoteSigner* signer = nullptr);

    // A new draft for the client, carrying forward unresolved knots. Returns its id.
    static sdk::Id start_session(db::ChartingStore& store, sdk::Id client_id,
                                 sdk::Id practitioner_id);

    const sdk::Session& session() const { return session_; }
    bool read_only() const { return session_.is_signed(); }
    // The knots of the client's session before this one (where carried-forward knots were
    // then); empty for a first session.
    std::vector<sdk::Knot> earlier_knots() const;
    void reload();

    // Knots. place_knot charts a new latent knot of tenderness 5 at a point of the chart.
    const sdk::Knot& place_knot(const std::string& muscle_id, sdk::Side side, sdk::ChartView view,
                                double x, double y);
    void update_knot(const sdk::Knot& knot);
    void remove_knot(sdk::Id knot_id);
    // A removed knot put back as it was (undo): same fields, same uid, a new row id.
    const sdk::Knot& restore_knot(sdk::Knot knot);

    // Pressure tolerated in a region or muscle on a side: one reading per region and side.
    void set_pressure(const std::string& region, sdk::Side side, int pressure);
    // Back to "not recorded" for that region and side.
    void remove_pressure(sdk::Id reading_id);

    const sdk::TechniqueUse& add_technique(sdk::TechniqueUse use);
    void update_technique(const sdk::TechniqueUse& use);
    void remove_technique(sdk::Id use_id);

    // S/O/A/P, pain before/after, duration, start time: the session's own fields.
    void update_note(const sdk::Session& fields);
    // Where the session took place.
    void set_location(sdk::SessionLocation location);

    // What the therapist says about the contraindication conflicts in this note, kept with it
    // (Session::conflict_acknowledgement) and exported with it. Asked before signing.
    void acknowledge_conflicts(const std::string& reason);

    // Signs the note with the practitioner's unlocked key (note_signing.hpp): from then on it
    // is read-only. std::runtime_error when the editor has no signer.
    sdk::Signature sign(const UnlockedKey& key);
    // The new draft's id; open it with another SessionEditor. `reason` says what it corrects.
    sdk::Id amend(const std::string& reason);

  private:
    db::ChartingStore& store_;
    NoteSigner* signer_;
    sdk::Session session_;
    db::NoteVersion version_;  // of the note in session_, sent with each save
};

}  // namespace knotnotes::core
