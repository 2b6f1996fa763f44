#include "note_signing.hpp"

#include <stdexcept>

#include "audit_anchor.hpp"
#include "canonical_note.hpp"
#include "crypto_text.hpp"
#include "db/canonical_session.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"
#include "db/signing_key_repository.hpp"
#include "db/timestamps.hpp"
#include "db/transaction.hpp"
#include "signing_key.hpp"

namespace knotnotes::core {
namespace {

std::string describe(const sdk::Session& s) {
    return "the note of " + s.started_at + " (session " + std::to_string(s.id) + ")";
}

// The canonical form of a stored session as signed by `signer` at `signed_at`.
std::string canonical_form(NoteLookups& lookups, const sdk::Session& s, const sdk::Signature& sig) {
    auto& records = lookups.records();
    NoteContext c;
    c.client_uid = lookups.client_uid(s);
    c.practitioner_uid = lookups.practitioner_uid(s.practitioner_id, s);
    c.signer_uid = lookups.practitioner_uid(sig.signer_practitioner_id, s);
    c.signer_name = sig.signer;
    c.signer_public_key = sig.public_key;
    c.signed_at = sig.signed_at;
    if (s.intake_id) {
        const auto& intake = lookups.intake(*s.intake_id, s);
        c.intake = NoteContext::Intake{intake.uid, intake.version, intake.sha256};
    }
    if (s.amends_session_id) {
        const auto original = records.session(*s.amends_session_id);
        if (!original || !original->signature)
            throw std::runtime_error(describe(s) + " amends a note that is not signed");
        c.amends = NoteContext::Amends{original->uid, original->signature->value.empty()
                                                          ? original->signature->content_sha256
                                                          : original->signature->value};
    }
    for (const auto& knot : s.knots) {
        c.previous_knot_uids.push_back(
            knot.previous_knot_id ? records.knot_uid(*knot.previous_knot_id) : std::nullopt);
    }
    c.responses = records.responses_for_session(s.id);
    return canonical_note_text(s, c);
}

NoteSignatureCheck invalid(const sdk::Session& s, const std::string& why) {
    return {false, false,
            describe(s) + ", signed by " + s.signature->signer + " at " + s.signature->signed_at +
                ", " + why};
}

struct Signed {
    sdk::Signature signature;
    std::string session_uid;
};

// Signs and seals inside the caller's unit of work.
Signed sign(db::NoteRecords& records, sdk::Id session_id, const UnlockedKey& key,
            const std::string& signed_at, bool demo) {
    const auto session = records.session(session_id);
    if (!session)
        throw std::runtime_error("there is no session " + std::to_string(session_id) + " to sign");
    if (session->is_signed()) {
        throw std::runtime_error(describe(*session) + " is already signed by " +
                                 session->signature->signer);
    }
    const auto signer = records.practitioner(key.practitioner_id());
    if (!signer)
        throw std::runtime_error("the signing key belongs to no practitioner in this database");
    if (records.is_demo_practitioner(signer->id) != demo) {
        if (demo)
            throw std::logic_error("demo notes are signed by demo practitioners only");
        throw std::runtime_error(signer->name +
                                 " is a demo practitioner: real notes are never signed as one");
    }
    // Where the database knows who is connected (a clinic server's login), a note is signed
    // in that person's name only, even by someone holding another's unlocked key. The server's
    // audit log names the login that sealed it either way.
    if (const auto own = records.own_practitioner(); own && *own != signer->id && !demo) {
        throw std::runtime_error(
            "on a clinic server a note is signed in your own name only: "
            "this signing key is " +
            signer->name + "'s");
    }
    const auto owner = records.signing_key_owner(key.public_key());
    if (!owner || *owner != signer->id)
        throw std::runtime_error("this signing key is not one of " + signer->name + "'s keys");

    sdk::Signature signature;
    signature.signer = signer->name;
    signature.signed_at = signed_at;
    signature.signer_practitioner_id = signer->id;
    signature.algorithm = "ed25519";
    signature.canonical_version = canonical_note_version;
    signature.public_key = key.public_key();
    NoteLookups lookups(records);
    const auto text = canonical_form(lookups, *session, signature);
    signature.content_sha256 = sha256_hex(text);
    signature.value = key.sign(text);
    records.seal(session_id, signature);
    return {signature, session->uid};
}

// On a file: in one transaction with the anchor of the audit chain's head.
sdk::Signature sign_in_file(db::Database& db, sdk::Id session_id, const UnlockedKey& key,
                            const std::string& signed_at, bool demo) {
    db::Transaction transaction(db);
    const auto records = db::file_note_records(db);
    auto done = sign(*records, session_id, key, signed_at, demo);
    anchor_audit_head(db, key, "signed " + done.session_uid, signed_at);
    transaction.commit();
    return done.signature;
}

}  // namespace

sdk::Signature sign_note(db::Database& db, sdk::Id session_id, const UnlockedKey& key) {
    return sign_in_file(db, session_id, key, db::utc_now(), false);
}

sdk::Signature sign_note(db::NoteRecords& records, sdk::Id session_id, const UnlockedKey& key) {
    const auto write = records.begin_write();
    auto done = sign(records, session_id, key, db::utc_now(), false);
    write->commit();
    return done.signature;
}

sdk::Signature sign_demo_note(db::Database& db, sdk::Id session_id, const UnlockedKey& key,
                              const std::string& signed_at) {
    return sign_in_file(db, session_id, key, signed_at, true);
}

NoteLookups::NoteLookups(db::Database& db) : owned_(db::file_note_records(db)), records_(*owned_) {}

const std::string& NoteLookups::client_uid(const sdk::Session& s) {
    auto found = clients_.find(s.client_id);
    if (found == clients_.end()) {
        const auto uid = records_.client_uid(s.client_id);
        if (!uid)
            throw std::runtime_error(describe(s) +
                                     " belongs to a client who is not in the database");
        found = clients_.emplace(s.client_id, *uid).first;
    }
    return found->second;
}

const std::string& NoteLookups::practitioner_uid(sdk::Id id, const sdk::Session& s) {
    auto found = practitioners_.find(id);
    if (found == practitioners_.end()) {
        const auto p = records_.practitioner(id);
        if (!p)
            throw std::runtime_error(describe(s) +
                                     " names a practitioner who is not in the database");
        found = practitioners_.emplace(id, p->uid).first;
    }
    return found->second;
}

const NoteLookups::IntakeDigest& NoteLookups::intake(sdk::Id intake_id, const sdk::Session& s) {
    // The digest covers the intake with the uid of the session's client (canonical-form.md),
    // so it is kept per intake and client.
    const auto key = std::make_pair(intake_id, s.client_id);
    auto found = intakes_.find(key);
    if (found == intakes_.end()) {
        const auto intake = records_.intake(intake_id);
        if (!intake)
            throw std::runtime_error(describe(s) + " names an intake that is not in the database");
        found =
            intakes_
                .emplace(key,
                         IntakeDigest{intake->uid, intake->version,
                                      sha256_hex(canonical_intake_text(*intake, client_uid(s)))})
                .first;
    }
    return found->second;
}

std::optional<sdk::Id> NoteLookups::key_owner(const std::string& public_key) {
    auto found = keys_.find(public_key);
    if (found == keys_.end()) {
        found = keys_.emplace(public_key, records_.signing_key_owner(public_key)).first;
    }
    return found->second;
}

NoteSignatureCheck check_note_signature(db::Database& db, const sdk::Session& s) {
    NoteLookups lookups(db);
    return check_note_signature(lookups, s);
}

NoteSignatureCheck check_note_signature(NoteLookups& lookups, const sdk::Session& s) {
    return verify_prepared_check(prepare_note_check(lookups, s));
}

PreparedNoteCheck prepare_note_check(NoteLookups& lookups, const sdk::Session& s) {
    PreparedNoteCheck prepared;
    if (!s.signature) {
        prepared.outcome = NoteSignatureCheck{false, false, describe(s) + " is not signed"};
        return prepared;
    }
    const auto& sig = *s.signature;
    try {
        if (sig.algorithm == "sha256-legacy") {
            prepared.outcome = db::canonical_session_sha256(s) != sig.content_sha256
                                   ? invalid(s, "no longer matches its KnotNotes 1.0 hash seal")
                                   : NoteSignatureCheck{true, true, {}};
            return prepared;
        }
        if (sig.algorithm != "ed25519" || sig.canonical_version != canonical_note_version) {
            prepared.outcome = invalid(
                s, "has a signature of a kind this KnotNotes does not know (" + sig.algorithm +
                       ", canonical form " + std::to_string(sig.canonical_version) + ")");
            return prepared;
        }
        const auto owner = lookups.key_owner(sig.public_key);
        if (!owner || *owner != sig.signer_practitioner_id) {
            prepared.outcome =
                invalid(s, "is signed with a key that is not one of the signer's keys");
            return prepared;
        }
        prepared.text = canonical_form(lookups, s, sig);
        prepared.public_key = sig.public_key;
        prepared.signature = sig.value;
        prepared.content_sha256 = sig.content_sha256;
        prepared.invalid_prefix = invalid(s, "").problem;
    } catch (const std::exception& e) {
        prepared.outcome = invalid(s, std::string("cannot be checked: ") + e.what());
    }
    return prepared;
}

NoteSignatureCheck verify_prepared_check(const PreparedNoteCheck& prepared) {
    if (prepared.outcome)
        return *prepared.outcome;
    const auto& note = prepared.invalid_prefix;
    try {
        if (!signature_is_valid(prepared.public_key, prepared.text, prepared.signature))
            return {false, false,
                    note + "does not match its signature: it was changed after signing"};
        if (sha256_hex(prepared.text) != prepared.content_sha256)
            return {false, false,
                    note + "has a content digest that does not match its signed text"};
    } catch (const std::exception& e) {
        return {false, false, note + "cannot be checked: " + e.what()};
    }
    return {true, false, {}};
}

void add_imported_public_key(db::Database& db, sdk::Id practitioner_id,
                             const std::string& public_key, const std::string& what) {
    db::SigningKeyRepository keys(db);
    const auto known = keys.find(public_key);
    if (known && known->practitioner_id != practitioner_id)
        throw std::runtime_error(what +
                                 " a key that belongs to another practitioner in this database");
    if (!known) {
        db::StoredSigningKey imported;
        imported.practitioner_id = practitioner_id;
        imported.public_key = public_key;
        keys.add(imported);
    }
}

PreparedNoteCheck seal_imported_note(db::Database& db, NoteLookups& lookups, sdk::Id session_id,
                                     const sdk::Signature& signature) {
    db::Transaction transaction(db);
    db::SessionRepository sessions(db);
    auto session = sessions.get(session_id);
    if (!session)
        throw std::runtime_error("there is no session " + std::to_string(session_id) + " to seal");
    if (signature.algorithm == "ed25519" && !signature.public_key.empty()) {
        add_imported_public_key(db, signature.signer_practitioner_id, signature.public_key,
                                describe(*session) + " is signed with");
    }
    session->signature = signature;
    auto prepared = prepare_note_check(lookups, *session);
    if (prepared.outcome && !prepared.outcome->valid)
        throw std::runtime_error(prepared.outcome->problem);
    sessions.seal(session_id, signature);
    transaction.commit();
    return prepared;
}

}  // namespace knotnotes::core
