// Signing a note on a clinic server (core/signing/note_signer.hpp over db::NoteRecords): the
// session editor signs a draft charted on the server, the server seals it, and the signature
// checks out the way `verify` checks a server's notes (through a private copy, with the file's
// own code): what the server's records read back as is exactly what was signed. A note changed
// behind the server's seals afterwards is named; a key that is not the therapist's is refused.
#include <catch2/catch.hpp>

#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "core/session_editor.hpp"
#include "core/signing/audit_anchor.hpp"
#include "core/signing/note_signer.hpp"
#include "core/signing/signing_key.hpp"
#include "db/charting_store.hpp"
#include "db/database_error.hpp"
#include "db/note_records.hpp"
#include "db/server_records.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;

namespace {

struct SigningTherapist {
    test::ClinicServer clinic;
    test::Workspace workspace;
    std::string login = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    db::postgres::ServerConnection sql = clinic.as(login);
    sdk::Id practitioner = std::stoll(sql.query("SELECT kn_my_practitioner_id()").text(0, 0));
    sdk::Id client = std::stoll(test::add_client(sql, "Ann"));
    std::unique_ptr<db::ChartingStore> store =
        db::connect_charting_store(clinic.uri(login), test::test_password_of(login));
    db::ServerRecords seams =
        db::connect_server_records(clinic.uri(login), test::test_password_of(login));
    std::unique_ptr<db::NoteRecords>& records = seams.notes;
    core::ServerNoteSigner signer{*seams.notes, *seams.anchors};

    // A key of Jane's that the server knows (its public half, as a key made on a computer of
    // hers would be stored).
    std::unique_ptr<core::UnlockedKey> key_on_server(const std::string& seed) {
        auto key = core::seeded_signing_key(practitioner, seed);
        sql.query("INSERT INTO signing_keys (practitioner_id, public_key) VALUES ($1, $2)",
                  {std::to_string(practitioner), key.stored.public_key});
        return std::move(key.unlocked);
    }
    test::ProcessResult cli(std::vector<std::string> args) const {
        const auto password =
            test::private_file(workspace, "jane.pw", test::test_password_of(login));
        args.insert(args.begin(), {"--db", clinic.uri(login), "--password-file", password});
        return workspace.cli(args);
    }
};

}  // namespace

TEST_CASE("a note charted on a clinic server is signed there, sealed, and verifies") {
    SigningTherapist jane;
    const auto key = jane.key_on_server("jane-laptop");
    // What the signature covers, all of it from the server: the intake (with its health flags),
    // a knot carried forward from the last session, the questionnaire answered in the session
    // (a skipped item and a fractional score included), the note's own fields.
    jane.sql.query(
        "INSERT INTO intakes (client_id, health_flags, preferred_pressure, reason_for_visit) "
        "VALUES ($1, '[\"anticoagulants\",\"pregnancy\"]', 4, 'Neck pain')",
        {std::to_string(jane.client)});
    const auto first =
        core::SessionEditor::start_session(*jane.store, jane.client, jane.practitioner);
    core::SessionEditor earlier(*jane.store, first, &jane.signer);
    earlier.place_knot("upper-trapezius", sdk::Side::left, sdk::ChartView::back, 0.1 + 0.2, 0.165);
    earlier.sign(*key);
    const auto id = core::SessionEditor::start_session(*jane.store, jane.client, jane.practitioner);
    core::SessionEditor editor(*jane.store, id, &jane.signer);
    REQUIRE(editor.session().knots.size() ==
            1);  // carried forward: its previous knot's uid is signed
    editor.set_pressure("upper-back", sdk::Side::bilateral, 6);
    auto fields = editor.session();
    fields.assessment = "Eased with 90 s ischemic compression";
    fields.pain_after = 2;
    editor.update_note(fields);
    jane.sql.query(
        "INSERT INTO questionnaire_responses (client_id, session_id, instrument_id, "
        "completed_at, answers, score, interpretation) VALUES ($1, $2, "
        "'org.knotnotes.questionnaires/ndi', '2026-12-05T09:00:00.000Z', "
        "'[{\"item\":\"q1\",\"value\":2},{\"item\":\"q2\",\"value\":null,\"text\":\"skipped\"},"
        "{\"item\":\"q3\",\"value\":0.5}]', 12.5, 'mild')",
        {std::to_string(jane.client), std::to_string(id)});

    const auto signature = editor.sign(*key);
    CHECK(editor.read_only());
    CHECK(signature.signer == "Jane Roe");
    CHECK(signature.public_key == key->public_key());
    const auto stored = jane.store->session(id);
    REQUIRE(stored->is_signed());
    CHECK(stored->signature->value == signature.value);
    // Sealed by the server, whatever the client sends next.
    auto changed = *stored;
    changed.plan = "after signing";
    db::NoteVersion version;
    jane.store->session(id, version);
    CHECK_THROWS_AS(jane.store->update_note(changed, version), db::RecordLocked);
    CHECK_THROWS_AS(editor.sign(*key), std::runtime_error);  // already signed

    // verify reads the server's records into a private copy and checks every signature with
    // the file's own code: the two engines agree on what was signed.
    auto r = jane.cli({"verify"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("signed notes verify"));
    // Only an owner may read the clinic-wide audit log: a therapist's verify says it skipped it.
    CHECK_THAT(r.out, Catch::Contains("skipped: audit chain: only a clinic owner may read it") &&
                          Catch::Contains("The records your login may see are intact."));
    // Changed behind the seals by the server's superuser: named.
    auto superuser = jane.clinic.admin();
    superuser.execute("ALTER TABLE questionnaire_responses DISABLE TRIGGER USER");
    superuser.query("UPDATE questionnaire_responses SET score = 13 WHERE session_id = $1",
                    {std::to_string(id)});
    superuser.execute("ALTER TABLE questionnaire_responses ENABLE TRIGGER USER");
    r = jane.cli({"verify"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("(session " + std::to_string(id) + ")") &&
                          Catch::Contains("does not match its signature"));
}

TEST_CASE("on a clinic server a key that is not the signer's own is refused, and nothing sealed") {
    SigningTherapist jane;
    const auto id = core::SessionEditor::start_session(*jane.store, jane.client, jane.practitioner);
    core::SessionEditor editor(*jane.store, id, &jane.signer);
    // A key the server does not know, and another practitioner's.
    const auto unknown = core::seeded_signing_key(jane.practitioner, "not-on-the-server");
    CHECK_THROWS_WITH(editor.sign(*unknown.unlocked),
                      Catch::Contains("is not one of Jane Roe's keys"));
    const auto sam = jane.clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    auto sam_sql = jane.clinic.as(sam);
    const auto sams_id = std::stoll(sam_sql.query("SELECT kn_my_practitioner_id()").text(0, 0));
    auto sams_key = core::seeded_signing_key(sams_id, "sam-laptop");
    sam_sql.query("INSERT INTO signing_keys (practitioner_id, public_key) VALUES ($1, $2)",
                  {std::to_string(sams_id), sams_key.stored.public_key});
    // Even holding Sam's unlocked key, Jane's login signs in her own name only.
    CHECK_THROWS_WITH(
        editor.sign(*sams_key.unlocked),
        Catch::Contains("signed in your own name only") && Catch::Contains("Sam Poe's"));
    editor.reload();
    CHECK_FALSE(editor.session().is_signed());
    CHECK_FALSE(jane.store->session(id)->is_signed());
}

TEST_CASE("signing on a clinic server anchors the audit chain, and a rewritten chain is caught") {
    SigningTherapist jane;
    const auto olga = jane.clinic.add_login("olga", ClinicRole::owner, "Olga Owner");
    const auto owner_verify = [&] {
        const auto password =
            test::private_file(jane.workspace, "olga.pw", test::test_password_of(olga));
        return jane.workspace.cli(
            {"--db", jane.clinic.uri(olga), "--password-file", password, "verify"});
    };
    const auto key = jane.key_on_server("jane-desk");
    const auto id = core::SessionEditor::start_session(*jane.store, jane.client, jane.practitioner);
    core::SessionEditor editor(*jane.store, id, &jane.signer);
    editor.place_knot("upper-trapezius", sdk::Side::left, sdk::ChartView::back, 0.3, 0.165);
    editor.sign(*key);

    // The anchor signs the head just after the seal's audit entry, with Jane's key.
    auto superuser = jane.clinic.admin();
    const auto anchors = superuser.query(
        "SELECT reason, audit_seq, signer_public_key FROM audit_anchors ORDER BY id");
    REQUIRE(anchors.size() == 1);
    const auto uid =
        superuser.query("SELECT uid FROM sessions WHERE id = $1", {std::to_string(id)});
    CHECK(anchors.text(0, 0) == "signed " + uid.text(0, 0));
    CHECK(anchors.text(0, 1) ==
          superuser.query("SELECT max(seq) - 1 FROM audit_log").text(0, 0));  // then its own
    CHECK(anchors.text(0, 2) == key->public_key());
    auto r = owner_verify();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("ok:     audit chain") &&
                          Catch::Contains("ok:     audit anchors: 1 anchors verify"));

    // A closing app signs a head that moved since; one that did not move is not signed again.
    core::anchor_head_if_moved(*jane.seams.anchors, *key);
    CHECK(superuser.query("SELECT count(*) FROM audit_anchors").text(0, 0) == "1");
    test::add_client(jane.sql, "Bo");
    core::anchor_head_if_moved(*jane.seams.anchors, *key);
    CHECK(superuser.query("SELECT count(*) FROM audit_anchors").text(0, 0) == "2");

    // The superuser rewrites who made the first entry and recomputes every hash after it: the
    // chain checks out, but not what Jane's key signed.
    superuser.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
    superuser.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 1");
    superuser.execute(R"sql(
DO $$ DECLARE r record; prev text := ''; BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
        UPDATE audit_log SET prev_hash = prev, hash = encode(sha256(convert_to(
            prev || '|' || r.at || '|' || r.actor || '|' || r.table_name || '|' || r.row_id ||
            '|' || r.action || '|' || coalesce(r.content_sha256, ''), 'UTF8')), 'hex')
        WHERE seq = r.seq RETURNING hash INTO prev;
    END LOOP;
END $$)sql");
    superuser.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
    r = owner_verify();
    INFO(r.out << r.err);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.out, Catch::Contains("ok:     audit chain"));
    CHECK_THAT(r.err, Catch::Contains("FAILED: audit anchors") &&
                          Catch::Contains("the audit log was rewritten"));
}
