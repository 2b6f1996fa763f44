// Seals without holes: every way plain SQL could change a signed note, what was charted in it,
// an intake version, a signing key or the audit trail is refused by the database itself — run
// on a connection that has KnotNotes' own SQL functions (an attacker can copy them). And when a
// determined attacker drops the triggers first, `verify` names what they did.
#include <catch2/catch.hpp>

#include "core/practitioner_profiles.hpp"
#include "core/record_verification.hpp"
#include "core/signing/note_signing.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/verifier.hpp"
#include "process.hpp"
#include "sample_records.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

struct SealedRecord {
    TempDir dir;
    std::filesystem::path file = dir / "k.db";
    test::SampleRecords r;
    sdk::Id other_client = 0;
    sdk::Id other_practitioner = 0;
    sdk::Id draft = 0;
    sdk::Id signed_knot = 0;
    sdk::Id draft_knot = 0;
    sdk::Id reading = 0;
    sdk::Id technique = 0;

    SealedRecord() {
        db::Database db(file);
        r = test::add_sample_records(db);
        db::ChartEntryRepository entries(db);
        signed_knot = entries.add_knot(test::sample_knot(r.session));
        reading =
            entries.add_pressure_reading({0, r.session, "upper-back", sdk::Side::bilateral, 6});
        sdk::TechniqueUse use;
        use.session_id = r.session;
        use.technique_id = "org.knotnotes.techniques.deep-tissue/stripping";
        technique = entries.add_technique_use(use);
        test::add_sample_nprs(db, r);
        core::sign_note(db, r.session, *test::test_signing_key(db, r.practitioner));
        sdk::Client other;
        other.family_name = "Other";
        other_client = db::ClientRepository(db).add(other);
        other_practitioner = db::PractitionerRepository(db).add({0, "Sam Rivera", "LMT"});
        sdk::Session d;
        d.client_id = r.client;
        d.practitioner_id = r.practitioner;
        draft = db::SessionRepository(db).create_draft(d);
        draft_knot = entries.add_knot(test::sample_knot(draft, "rhomboids"));
    }

    // Everything the clinical tables and the audit trail hold, for "nothing changed".
    std::string snapshot() {
        db::Database db(file, db::OpenMode::existing_only);
        std::string all;
        for (const char* table :
             {"sessions", "knots", "pressure_readings", "technique_uses", "questionnaire_responses",
              "intakes", "signing_keys", "audit_log", "audit_anchors", "installation", "clients"}) {
            auto st = db.prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1");
            while (st->step()) {
                for (int c = 0; c < 30; ++c)
                    all += st->text(c) + "|";
                all += "\n";
            }
        }
        return all;
    }
};

std::string replace_ids(std::string sql, const SealedRecord& s) {
    const std::pair<const char*, sdk::Id> names[] = {{"$S", s.r.session},
                                                     {"$D", s.draft},
                                                     {"$K", s.signed_knot},
                                                     {"$DK", s.draft_knot},
                                                     {"$P2", s.other_practitioner},
                                                     {"$C2", s.other_client},
                                                     {"$C", s.r.client},
                                                     {"$I", s.r.intake},
                                                     {"$R", s.reading},
                                                     {"$T", s.technique},
                                                     {"$P", s.r.practitioner}};
    for (const auto& [name, id] : names) {
        for (auto at = sql.find(name); at != std::string::npos; at = sql.find(name, at)) {
            // $D must not eat $DK: names are replaced longest first where they share a start.
            if (std::string(name) == "$D" && sql.compare(at, 3, "$DK") == 0) {
                at += 3;
                continue;
            }
            sql.replace(at, std::string(name).size(), std::to_string(id));
        }
    }
    return sql;
}

}  // namespace

TEST_CASE("every SQL path that would change a signed note or its history is refused",
          "[integration][seals]") {
    SealedRecord s;
    // DK before D, C2 before C, P2 before P: the longer name first.
    const std::vector<std::pair<const char*, const char*>> attacks{
        {"rewrite the note", "UPDATE sessions SET subjective = 'rewritten' WHERE id = $S"},
        {"re-date it", "UPDATE sessions SET started_at = '2020-01-01T00:00:00.000Z' WHERE id = $S"},
        {"re-attribute it", "UPDATE sessions SET practitioner_id = $P2 WHERE id = $S"},
        {"move it to another client", "UPDATE sessions SET client_id = $C2 WHERE id = $S"},
        {"turn it back into a draft",
         "UPDATE sessions SET status = 'draft', signed_by = NULL, signed_at = NULL, "
         "content_sha256 = NULL WHERE id = $S"},
        {"change its signature", "UPDATE sessions SET signature_value = 'x' WHERE id = $S"},
        {"delete it", "DELETE FROM sessions WHERE id = $S"},
        {"replace it",
         "INSERT OR REPLACE INTO sessions (id, client_id, practitioner_id, started_at, uid) "
         "VALUES ($S, $C, $P, '2026-01-01T00:00:00.000Z', 'replaced')"},
        {"REPLACE INTO it",
         "REPLACE INTO sessions (id, client_id, practitioner_id, started_at) "
         "VALUES ($S, $C, $P, '2026-01-01T00:00:00.000Z')"},
        {"upsert it",
         "INSERT INTO sessions (id, client_id, practitioner_id, started_at) "
         "VALUES ($S, $C, $P, '2026-01-01T00:00:00.000Z') "
         "ON CONFLICT (id) DO UPDATE SET subjective = 'upserted'"},
        {"insert a note as already signed",
         "INSERT INTO sessions (client_id, practitioner_id, started_at, status, signed_by, "
         "signed_at, content_sha256) VALUES ($C, $P, '2026-01-01T00:00:00.000Z', 'signed', "
         "'Forger', '2026-01-01T00:00:00.000Z', 'abc')"},
        {"sign a draft while rewriting it",
         "UPDATE sessions SET status = 'signed', signed_by = 'x', signed_at = 'x', "
         "content_sha256 = 'x', subjective = 'changed' WHERE id = $D"},
        {"change a signed knot", "UPDATE knots SET tenderness = 1 WHERE id = $K"},
        {"delete a signed knot", "DELETE FROM knots WHERE id = $K"},
        {"add a knot to a signed note",
         "INSERT INTO knots (session_id, muscle_id, side, view, x, y, kind, tenderness) "
         "VALUES ($S, 'rhomboids', 'left', 'back', 0.4, 0.2, 'latent', 3)"},
        {"replace a signed knot",
         "INSERT OR REPLACE INTO knots (id, session_id, muscle_id, side, view, x, y, kind, "
         "tenderness) VALUES ($K, $D, 'rhomboids', 'left', 'back', 0.4, 0.2, 'latent', 3)"},
        {"upsert a signed knot",
         "INSERT INTO knots (id, session_id, muscle_id, side, view, x, y, kind, tenderness) "
         "VALUES ($K, $S, 'rhomboids', 'left', 'back', 0.4, 0.2, 'latent', 3) "
         "ON CONFLICT (id) DO UPDATE SET tenderness = 0"},
        {"move a knot out of a signed note", "UPDATE knots SET session_id = $D WHERE id = $K"},
        {"move a knot into a signed note", "UPDATE knots SET session_id = $S WHERE id = $DK"},
        {"change a signed pressure reading",
         "UPDATE pressure_readings SET pressure = 9 WHERE id = $R"},
        {"delete a signed pressure reading", "DELETE FROM pressure_readings WHERE id = $R"},
        {"replace a signed pressure reading",
         "REPLACE INTO pressure_readings (id, session_id, region, side, pressure) "
         "VALUES ($R, $S, 'upper-back', 'left', 9)"},
        {"change a signed technique", "UPDATE technique_uses SET tool = 'elbow' WHERE id = $T"},
        {"delete a signed technique", "DELETE FROM technique_uses WHERE id = $T"},
        {"move a technique out", "UPDATE technique_uses SET session_id = $D WHERE id = $T"},
        {"change a signed questionnaire score",
         "UPDATE questionnaire_responses SET score = 0 WHERE session_id = $S"},
        {"delete a signed questionnaire",
         "DELETE FROM questionnaire_responses WHERE session_id = $S"},
        {"add a questionnaire to a signed note",
         "INSERT INTO questionnaire_responses (client_id, session_id, instrument_id, "
         "completed_at) VALUES ($C, $S, 'org.knotnotes.questionnaires/nprs', 'x')"},
        {"move a questionnaire out",
         "UPDATE questionnaire_responses SET session_id = NULL WHERE session_id = $S"},
        {"change an intake", "UPDATE intakes SET health_flags = '[]' WHERE id = $I"},
        {"delete an intake", "DELETE FROM intakes WHERE id = $I"},
        {"replace an intake",
         "INSERT OR REPLACE INTO intakes (id, client_id, version, recorded_at) "
         "VALUES ($I, $C, 1, 'x')"},
        {"insert over an intake version",
         "INSERT INTO intakes (client_id, version, recorded_at) VALUES ($C, 1, 'x')"},
        {"swap a signing key",
         "UPDATE signing_keys SET public_key = "
         "'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' WHERE id = 1"},
        {"give a key to another practitioner",
         "UPDATE signing_keys SET practitioner_id = $P2 WHERE id = 1"},
        {"delete a signing key", "DELETE FROM signing_keys"},
        {"replace a signing key",
         "INSERT OR REPLACE INTO signing_keys (id, practitioner_id, public_key, created_at) "
         "VALUES (1, $P2, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'x')"},
        {"rewrite an audit entry", "UPDATE audit_log SET actor = 'someone else' WHERE seq = 1"},
        {"delete the audit trail", "DELETE FROM audit_log"},
        {"replace an audit entry",
         "INSERT OR REPLACE INTO audit_log (seq, at, actor, table_name, row_id, action, "
         "prev_hash, hash) VALUES (1, 'x', 'x', 'x', 1, 'insert', '', 'x')"},
        {"insert an audit entry into the past",
         "INSERT INTO audit_log (seq, at, actor, table_name, row_id, action, prev_hash, hash) "
         "VALUES (0, 'x', 'x', 'x', 1, 'insert', '', 'x')"},
        {"delete the audit anchors", "DELETE FROM audit_anchors"},
        {"rewrite an audit anchor", "UPDATE audit_anchors SET audit_hash = 'x'"},
        {"replace an audit anchor",
         "INSERT OR REPLACE INTO audit_anchors (id, reason, audit_seq, audit_hash, signed_at, "
         "signer_public_key, signature_value) VALUES (1, 'x', 1, 'x', 'x', 'x', 'x')"},
        {"change the installation id",
         "UPDATE installation SET installation_id = "
         "'00000000-0000-4000-8000-000000000000'"},
        {"delete the installation id", "DELETE FROM installation"},
        {"change a client's uid", "UPDATE clients SET uid = 'x' WHERE id = $C"},
        {"replace a client",
         "INSERT OR REPLACE INTO clients (id, given_name, family_name, created_at) "
         "VALUES ($C, 'A', 'B', 'x')"},
    };
    const auto before = s.snapshot();
    for (const auto& [what, sql] : attacks) {
        INFO(what << ": " << replace_ids(sql, s));
        db::Database db(s.file, db::OpenMode::existing_only);
        // Refused by the schema's seals (RecordLocked), not by some other accident.
        CHECK_THROWS_AS(db.exec(replace_ids(sql, s)), db::RecordLocked);
    }
    CHECK(s.snapshot() == before);
    db::Database db(s.file, db::OpenMode::existing_only);
    CHECK(core::verify_record(db).passed());
}

TEST_CASE("with the triggers dropped, verify names the note that was changed after signing",
          "[integration][seals]") {
    SealedRecord s;
    {
        db::Database db(s.file, db::OpenMode::existing_only);
        db.exec("DROP TRIGGER sessions_signed_sealed; DROP TRIGGER knots_sealed_update");
        db.exec(replace_ids("UPDATE knots SET tenderness = 2 WHERE id = $K", s));
    }
    db::Database db(s.file, db::OpenMode::read_only);
    const auto report = core::verify_record(db);
    CHECK_FALSE(report.passed());
    bool named = false;
    for (const auto& check : report.checks) {
        if (check.name == "signed notes") {
            CHECK_FALSE(check.passed);
            named = check.details.find("(session " + std::to_string(s.r.session) + ")") !=
                        std::string::npos &&
                    check.details.find("changed after signing") != std::string::npos;
        }
    }
    CHECK(named);
}

TEST_CASE("a history rewritten with every hash recomputed is caught by the signed anchors",
          "[integration][seals]") {
    SealedRecord s;
    {
        // The attacker's connection has the app's functions (kn_sha256, kn_actor): they remove
        // an entry from the middle of the audit trail and recompute the whole chain after it.
        db::Database db(s.file, db::OpenMode::existing_only);
        db.exec(
            "DROP TRIGGER audit_log_append_only_update; "
            "DROP TRIGGER audit_log_append_only_delete; "
            "DELETE FROM audit_log WHERE seq = 3");
        auto st = db.prepare(
            "SELECT seq, at, actor, table_name, row_id, action, "
            "coalesce(content_sha256, '') FROM audit_log ORDER BY seq");
        std::vector<std::vector<std::string>> rows;
        while (st->step()) {
            std::vector<std::string> row;
            for (int c = 0; c < 7; ++c)
                row.push_back(st->text(c));
            rows.push_back(row);
        }
        std::string previous;
        for (const auto& row : rows) {
            auto h = db.prepare("SELECT kn_sha256(?)");
            h->bind(1, previous + "|" + row[1] + "|" + row[2] + "|" + row[3] + "|" + row[4] + "|" +
                           row[5] + "|" + row[6]);
            h->step();
            const auto hash = h->text(0);
            auto up = db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?");
            up->bind_all(previous, hash, std::int64_t{std::stoll(row[0])}).run();
            previous = hash;
        }
    }
    db::Database db(s.file, db::OpenMode::read_only);
    const auto report = core::verify_record(db);
    bool chain_passed = false, anchors_failed = false;
    for (const auto& check : report.checks) {
        if (check.name == "audit chain")
            chain_passed = check.passed;  // the recomputed chain is consistent in itself
        if (check.name == "audit anchors")
            anchors_failed = !check.passed && check.details.find("rewritten") != std::string::npos;
    }
    CHECK(chain_passed);
    CHECK(anchors_failed);
    CHECK_FALSE(report.passed());
}

TEST_CASE("removing the anchor of a signing is caught", "[integration][seals]") {
    TempDir dir;
    test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
    const auto file = dir / "k.db";
    {
        db::Database db(file);
        const auto r = test::add_sample_records(db);
        core::PractitionerProfiles profiles(db);
        const auto me = profiles.create_profile({"Jo Park", "RMT", "R-77"}, "a long passphrase");
        auto session = *db::SessionRepository(db).get(r.session);
        session.practitioner_id = me.id;
        db::SessionRepository(db).update_note(session);
        core::sign_note(db, r.session, *profiles.unlock(me.id, "a long passphrase"));
        REQUIRE(core::verify_record(db).passed());
        db.exec("DROP TRIGGER audit_anchors_append_only_delete; DELETE FROM audit_anchors");
    }
    db::Database db(file, db::OpenMode::read_only);
    const auto report = core::verify_record(db);
    CHECK_FALSE(report.passed());
    bool named = false;
    for (const auto& check : report.checks) {
        if (check.name == "audit anchors")
            named =
                !check.passed && check.details.find("anchors were removed") != std::string::npos;
    }
    CHECK(named);
}
