#include "session_repository.hpp"

#include "chart_entry_repository.hpp"
#include "charting_store.hpp"
#include "client_repository.hpp"
#include "database.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"
#include "uid.hpp"

namespace knotnotes::db {

sdk::Id SessionRepository::create_draft(const sdk::Session& s) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO sessions (client_id, practitioner_id, intake_id, started_at, "
           "duration_minutes, subjective, objective, assessment, plan, pain_before, pain_after, "
           "amends_session_id, uid, amendment_reason, conflict_acknowledgement, location) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind_all(s.client_id, s.practitioner_id, s.intake_id,
                   s.started_at.empty() ? utc_now() : s.started_at, s.duration_minutes,
                   s.subjective, s.objective, s.assessment, s.plan, s.pain_before, s.pain_after,
                   s.amends_session_id, s.uid.empty() ? new_uid() : s.uid, s.amendment_reason,
                   s.conflict_acknowledgement, std::string(sdk::to_text(s.location)))
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

void SessionRepository::update_note(const sdk::Session& s) {
    Transaction transaction(db_);
    db_.prepare(
           "UPDATE sessions SET intake_id = ?, started_at = ?, duration_minutes = ?, "
           "subjective = ?, objective = ?, assessment = ?, plan = ?, pain_before = ?, "
           "pain_after = ?, amendment_reason = ?, conflict_acknowledgement = ?, location = ? "
           "WHERE id = ?")
        ->bind_all(s.intake_id, s.started_at, s.duration_minutes, s.subjective, s.objective,
                   s.assessment, s.plan, s.pain_before, s.pain_after, s.amendment_reason,
                   s.conflict_acknowledgement, std::string(sdk::to_text(s.location)), s.id)
        .run();
    if (db_.changes() != 1) {
        throw DatabaseError(db_.file().string() + ": no session with id " + std::to_string(s.id));
    }
    transaction.commit();
}

std::optional<sdk::Session> SessionRepository::get(sdk::Id id) {
    sdk::Session s;
    {
        auto st = db_.prepare(
            "SELECT id, client_id, practitioner_id, intake_id, started_at, duration_minutes, "
            "subjective, objective, assessment, plan, pain_before, pain_after, status, "
            "signed_by, signed_at, content_sha256, amends_session_id, coalesce(uid, ''), "
            "amendment_reason, conflict_acknowledgement, signer_practitioner_id, "
            "signature_algorithm, canonical_version, signer_public_key, signature_value, location "
            "FROM sessions WHERE id = ?");
        st->bind(1, id);
        if (!st->step())
            return std::nullopt;
        s.id = st->int64(0);
        s.client_id = st->int64(1);
        s.practitioner_id = st->int64(2);
        s.intake_id = st->optional_int64(3);
        s.started_at = st->text(4);
        s.duration_minutes = st->integer(5);
        s.subjective = st->text(6);
        s.objective = st->text(7);
        s.assessment = st->text(8);
        s.plan = st->text(9);
        s.pain_before = st->optional_int(10);
        s.pain_after = st->optional_int(11);
        if (st->text(12) == "signed") {
            sdk::Signature signature;
            signature.signer = st->text(13);
            signature.signed_at = st->text(14);
            signature.content_sha256 = st->text(15);
            signature.signer_practitioner_id = st->optional_int64(20).value_or(0);
            signature.algorithm = st->text(21);
            signature.canonical_version = st->optional_int(22).value_or(0);
            signature.public_key = st->text(23);
            signature.value = st->text(24);
            s.signature = std::move(signature);
        }
        s.amends_session_id = st->optional_int64(16);
        s.uid = st->text(17);
        s.amendment_reason = st->text(18);
        s.conflict_acknowledgement = st->text(19);
        // The column's CHECK allows only the words of the vocabulary.
        s.location =
            sdk::parse_session_location(st->text(25)).value_or(sdk::SessionLocation::unspecified);
    }
    ChartEntryRepository entries(db_);
    s.knots = entries.knots(id);
    s.pressure_readings = entries.pressure_readings(id);
    s.techniques = entries.technique_uses(id);
    return s;
}

std::vector<SessionSummary> SessionRepository::list_for_client(sdk::Id client_id) {
    std::vector<SessionSummary> result;
    auto st = db_.prepare(
        "SELECT s.id, s.started_at, s.status = 'signed', s.pain_before, s.pain_after, "
        "(SELECT count(*) FROM knots k WHERE k.session_id = s.id), s.amends_session_id "
        "FROM sessions s WHERE s.client_id = ? ORDER BY s.started_at, s.id");
    st->bind(1, client_id);
    while (st->step()) {
        result.push_back({st->int64(0), st->text(1), st->integer(2) != 0, st->optional_int(3),
                          st->optional_int(4), st->integer(5), st->optional_int64(6)});
    }
    return result;
}

std::vector<SessionRepository::NoteMatch> SessionRepository::search_notes(const std::string& typed,
                                                                          int limit) {
    const auto query = fts_prefix_query(typed);
    if (query.empty())
        return {};
    auto st = db_.prepare(
        "SELECT s.id, s.client_id, s.started_at, snippet(note_search, -1, '[', ']', '...', 12) "
        "FROM note_search JOIN sessions s ON s.id = note_search.rowid "
        "WHERE note_search MATCH ? ORDER BY rank LIMIT ?");
    st->bind_all(query, std::int64_t{limit});
    std::vector<NoteMatch> result;
    while (st->step())
        result.push_back({st->int64(0), st->int64(1), st->text(2), st->text(3)});
    return result;
}

void SessionRepository::delete_draft(sdk::Id id) {
    Transaction transaction(db_);
    for (const char* table : {"knots", "pressure_readings", "technique_uses"}) {
        db_.prepare("DELETE FROM " + std::string(table) + " WHERE session_id = ?")
            ->bind(1, id)
            .run();
    }
    db_.prepare("DELETE FROM sessions WHERE id = ?")->bind(1, id).run();
    transaction.commit();
}

void SessionRepository::seal(sdk::Id id, const sdk::Signature& g) {
    // 0 is "no practitioner id" (a KnotNotes 1.0 seal names its signer only): NULL here.
    const std::optional<sdk::Id> signer_id =
        g.signer_practitioner_id ? std::optional<sdk::Id>(g.signer_practitioner_id) : std::nullopt;
    Transaction transaction(db_);
    db_.prepare(
           "UPDATE sessions SET status = 'signed', signed_by = ?, signed_at = ?, "
           "content_sha256 = ?, signer_practitioner_id = ?, signature_algorithm = ?, "
           "canonical_version = ?, signer_public_key = ?, signature_value = ? "
           "WHERE id = ? AND status = 'draft'")
        ->bind_all(g.signer, g.signed_at, g.content_sha256, signer_id, g.algorithm,
                   g.canonical_version, g.public_key, g.value, id)
        .run();
    if (db_.changes() != 1) {
        throw RecordLocked(db_.file().string() + ": session " + std::to_string(id) +
                           " is not a draft (already signed, or gone), so it cannot be signed");
    }
    transaction.commit();
}

sdk::Id SessionRepository::create_draft_with_entries(const sdk::Session& draft) {
    Transaction transaction(db_);
    const auto id = create_draft(draft);
    ChartEntryRepository entries(db_);
    for (auto knot : draft.knots) {
        knot.session_id = id;
        entries.add_knot(knot);
    }
    for (auto reading : draft.pressure_readings) {
        reading.session_id = id;
        entries.add_pressure_reading(reading);
    }
    for (auto use : draft.techniques) {
        use.session_id = id;
        entries.add_technique_use(use);
    }
    transaction.commit();
    return id;
}

sdk::Id SessionRepository::amend(sdk::Id signed_session_id, const std::string& reason) {
    Transaction transaction(db_);
    const auto original = get(signed_session_id);
    if (!original || !original->is_signed()) {
        throw DatabaseError(db_.file().string() + ": session " + std::to_string(signed_session_id) +
                            " is not a signed session, so there is nothing to amend");
    }
    const auto id = create_draft_with_entries(amendment_draft(*original, reason));
    transaction.commit();
    return id;
}

}  // namespace knotnotes::db
