#include "import_service.hpp"

#include <map>
#include <optional>
#include <set>

#include "core/signing/background_signature_check.hpp"
#include "core/signing/note_signing.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"
#include "db/transaction.hpp"
#include "import_checks.hpp"

namespace knotnotes::core {
namespace {

// Writes what the importer delivers, mapping the file's ids to the database's. Memory stays
// bounded by one client: a client's ids are forgotten, and its signed notes sealed, when the
// next client arrives (importer.hpp: records reference practitioners and their own client).
class DatabaseSink : public sdk::ImportSink {
  public:
    DatabaseSink(db::Database& db, ImportChecks& checks)
        : db_(db), checks_(checks), existing_practitioners_(db::PractitionerRepository(db).all()) {}

    void practitioner(const sdk::Practitioner& p) override {
        guarded([&] { write_practitioner(p); });
    }
    void client(const sdk::Client& c) override {
        guarded([&] { write_client(c); });
    }
    void intake(const sdk::Intake& i) override {
        guarded([&] { write_intake(i); });
    }
    void session(const sdk::Session& s) override {
        guarded([&] { write_session(s); });
    }
    void questionnaire_response(const sdk::QuestionnaireResponse& r) override {
        guarded([&] { write_questionnaire_response(r); });
    }
    void note(const sdk::ImportNote& n) override { counts.notes.push_back(n); }

    // Seals the signed notes of the last client, adds the practitioners' public keys, and
    // waits until every signature has been verified (call once, after the importer returned).
    void finish() {
        guarded([&] {
            seal_signed_sessions();
            // Added last, so the key the file names as a practitioner's current one comes after
            // the older keys their notes brought in, and is their newest here too.
            for (const auto& key : pending_keys_)
                add_imported_public_key(db_, key.practitioner_id, key.public_key, key.whose);
            if (auto problem = signatures_.finish())
                throw std::runtime_error(*problem);
        });
    }

    // Waits for the signature checks queued so far: the first that failed, if one did. They
    // are all of earlier clients than whatever the importer is reading now.
    std::optional<std::string> signature_problem() { return signatures_.finish(); }

    ImportCounts counts;
    std::string first_error;

  private:
    using IdMap = std::map<sdk::Id, sdk::Id>;

    void write_practitioner(const sdk::Practitioner& p) {
        if (client_file_id_)
            throw sdk::ImportError(0, "a practitioner comes after the first client");
        // The same practitioner (by uid, or for files without uids by name and credentials)
        // is reused; two in the file stay two.
        for (const auto& existing : existing_practitioners_) {
            const bool same = p.uid.empty()
                                  ? existing.name == p.name && existing.credentials == p.credentials
                                  : existing.uid == p.uid;
            if (same) {
                remember(practitioners_, "practitioner", p.id, existing.id);
                return;
            }
        }
        const auto id = add_new("practitioner " + p.name, p.uid,
                                [&] { return db::PractitionerRepository(db_).add(p); });
        remember(practitioners_, "practitioner", p.id, id);
        if (!p.public_key.empty())
            pending_keys_.push_back({id, p.public_key, "practitioner " + p.name + " has"});
        ++counts.practitioners;
    }

    void write_client(const sdk::Client& c) {
        seal_signed_sessions();  // the previous client's notes are complete
        intakes_.clear();
        sessions_.clear();
        knots_.clear();
        if (!seen_clients_.emplace(c.id).second) {
            throw sdk::ImportError(0, "the file has two clients with id " + std::to_string(c.id));
        }
        client_file_id_ = c.id;
        client_db_id_ = add_new("client " + c.given_name + " " + c.family_name, c.uid,
                                [&] { return db::ClientRepository(db_).add(c); });
        ++counts.clients;
    }

    void write_intake(const sdk::Intake& i) {
        auto copy = i;
        copy.client_id = current_client("intake", i.id, i.client_id);
        remember(intakes_, "intake", i.id, add_new("the intake of " + i.recorded_at, i.uid, [&] {
                     return db::IntakeRepository(db_).save(copy);
                 }));
        ++counts.intakes;
    }

    void write_session(const sdk::Session& s) {
        for (const auto& use : s.techniques)
            checks_.check_technique(use.technique_id);
        auto copy = s;
        copy.client_id = current_client("session", s.id, s.client_id);
        copy.practitioner_id =
            map(practitioners_, "practitioner", s.practitioner_id, "session", s.id);
        if (s.intake_id)
            copy.intake_id = map(intakes_, "intake", *s.intake_id, "session", s.id);
        if (s.amends_session_id) {
            copy.amends_session_id =
                map(sessions_, "session", *s.amends_session_id, "session", s.id);
        }
        const std::string note = "the session of " + s.started_at;
        db::SessionRepository sessions(db_);
        const auto id = add_new(note, s.uid, [&] { return sessions.create_draft(copy); });
        remember(sessions_, "session", s.id, id);
        db::ChartEntryRepository entries(db_);
        for (auto knot : s.knots) {
            const auto file_id = knot.id;
            knot.session_id = id;
            if (knot.previous_knot_id) {
                knot.previous_knot_id =
                    map(knots_, "knot", *knot.previous_knot_id, "knot", file_id);
            }
            remember(knots_, "knot", file_id, add_new("a knot of " + note, knot.uid, [&] {
                         return entries.add_knot(knot);
                     }));
        }
        for (auto reading : s.pressure_readings) {
            reading.session_id = id;
            add_new("a pressure reading of " + note, reading.uid,
                    [&] { return entries.add_pressure_reading(reading); });
        }
        for (auto use : s.techniques) {
            use.session_id = id;
            add_new("a technique use of " + note, use.uid,
                    [&] { return entries.add_technique_use(use); });
        }
        // Sealed once everything of the note is in: its questionnaire responses come later.
        if (s.signature) {
            auto signature = *s.signature;
            if (signature.signer_practitioner_id) {
                signature.signer_practitioner_id =
                    map(practitioners_, "practitioner", signature.signer_practitioner_id,
                        "the signature of session", s.id);
            }
            pending_seals_.emplace_back(id, std::move(signature));
        }
        ++counts.sessions;
    }

    void write_questionnaire_response(const sdk::QuestionnaireResponse& r) {
        checks_.check_response(r);
        auto copy = r;
        copy.client_id = current_client("questionnaire response", r.id, r.client_id);
        if (r.session_id) {
            copy.session_id =
                map(sessions_, "session", *r.session_id, "questionnaire response", r.id);
        }
        add_new("the questionnaire response of " + r.completed_at, r.uid,
                [&] { return db::QuestionnaireRepository(db_).add(copy); });
        ++counts.questionnaire_responses;
    }

    // Seals the client's signed notes; their signatures are verified on the second core while
    // the next client is written, and finish() waits for the last of them.
    void seal_signed_sessions() {
        if (auto problem = signatures_.first_problem())
            throw std::runtime_error(*problem);
        NoteLookups lookups(db_);  // one client's notes
        for (const auto& [id, signature] : pending_seals_) {
            auto check = seal_imported_note(db_, lookups, id, signature);
            if (!check.outcome)  // settled (a legacy seal that matches): nothing to verify
                signatures_.add(std::move(check));
        }
        pending_seals_.clear();
    }

    // Our errors (a dangling reference, a value the schema refuses, a broken signature) leave
    // through the plugin's import() as ImportError: the file is at fault, not the plugin.
    template <typename F>
    void guarded(F write) {
        try {
            write();
        } catch (const std::exception& e) {
            if (first_error.empty())
                first_error = e.what();
            if (dynamic_cast<const sdk::ImportError*>(&e))
                throw;
            throw sdk::ImportError(0, e.what());
        }
    }

    // Inserts a record; the database refuses a uid it already holds (an insert can meet an
    // existing row no other way: ids are new), which means the records were imported before.
    template <typename Add>
    sdk::Id add_new(const std::string& what, const std::string& uid, Add add) {
        try {
            return add();
        } catch (const db::RecordLocked&) {
            if (uid.empty())
                throw;
            throw sdk::ImportError(0, what + " (uid " + uid +
                                          ") is already in this database: this file, or another "
                                          "export of the same records, was already imported");
        }
    }

    sdk::Id current_client(const char* kind, sdk::Id id, sdk::Id client_file_id) const {
        if (!client_file_id_ || client_file_id != client_file_id_) {
            throw sdk::ImportError(0, std::string(kind) + " " + std::to_string(id) +
                                          " refers to client " + std::to_string(client_file_id) +
                                          ", which is not the client delivered before it");
        }
        return client_db_id_;
    }

    static void remember(IdMap& ids, const char* kind, sdk::Id file_id, sdk::Id db_id) {
        if (!ids.emplace(file_id, db_id).second) {
            throw sdk::ImportError(0, std::string("the file has two ") + kind + "s with id " +
                                          std::to_string(file_id));
        }
    }

    static sdk::Id map(const IdMap& ids, const char* kind, sdk::Id file_id, const char* referrer,
                       sdk::Id referrer_id) {
        auto it = ids.find(file_id);
        if (it == ids.end()) {
            throw sdk::ImportError(0, std::string(referrer) + " " + std::to_string(referrer_id) +
                                          " refers to " + kind + " " + std::to_string(file_id) +
                                          ", which the file does not contain before it (for this "
                                          "client)");
        }
        return it->second;
    }

    db::Database& db_;
    ImportChecks& checks_;
    const std::vector<sdk::Practitioner> existing_practitioners_;
    IdMap practitioners_;
    // The current client's records only.
    IdMap intakes_, sessions_, knots_;
    std::set<sdk::Id> seen_clients_;
    sdk::Id client_file_id_ = 0;
    sdk::Id client_db_id_ = 0;
    std::vector<std::pair<sdk::Id, sdk::Signature>> pending_seals_;
    BackgroundSignatureCheck signatures_;
    struct PendingKey {
        sdk::Id practitioner_id;
        std::string public_key;
        std::string whose;
    };
    std::vector<PendingKey> pending_keys_;
};

}  // namespace

std::string describe_notes(const ImportCounts& counts) {
    struct Line {
        std::int64_t taken = 0;
        std::vector<std::string> skipped;
    };
    std::map<std::string, Line> lines;
    for (const auto& n : counts.notes) {
        auto& line = lines[n.kind];
        line.taken += n.taken;
        if (n.skipped > 0)
            line.skipped.push_back(std::to_string(n.skipped) + " skipped (" + n.reason + ")");
    }
    std::string text;
    for (const auto& [kind, line] : lines) {
        text += kind + ": " + std::to_string(line.taken) + " taken";
        for (const auto& skipped : line.skipped)
            text += ", " + skipped;
        text += "\n";
    }
    return text;
}

ImportCounts preview_import(PluginObject<sdk::Importer>& importer,
                            const std::filesystem::path& file) {
    class CountingSink : public sdk::ImportSink {
      public:
        void practitioner(const sdk::Practitioner&) override { ++counts.practitioners; }
        void client(const sdk::Client&) override { ++counts.clients; }
        void intake(const sdk::Intake&) override { ++counts.intakes; }
        void session(const sdk::Session&) override { ++counts.sessions; }
        void questionnaire_response(const sdk::QuestionnaireResponse&) override {
            ++counts.questionnaire_responses;
        }
        void note(const sdk::ImportNote& n) override { counts.notes.push_back(n); }
        ImportCounts counts;
    } sink;
    // No validate() first: import() checks as much as validate() does (importer.hpp), so one
    // read of the file finds every problem the two would.
    importer.call("import", [&](sdk::Importer& i) { i.import(file, sink); });
    return sink.counts;
}

ImportCounts import_records(db::Database& db, PluginObject<sdk::Importer>& importer,
                            const std::filesystem::path& file, PluginHost& host) {
    const PluginOperationScope operation("import", {});
    // One read of the file, not validate() and then import(): import() checks as much as
    // validate() does (importer.hpp), and nothing it delivers is committed until it has read
    // the whole file without a problem. That read was an eighth of a native XML import.
    ImportChecks checks(host);
    // A large import touches many index pages; a 64 MB page cache for its duration keeps them
    // in memory instead of re-reading them (the connection's normal cache is ~2 MB).
    struct LargerCache {
        db::Database& db;
        explicit LargerCache(db::Database& d) : db(d) { db.exec("PRAGMA cache_size = -65536"); }
        ~LargerCache() {
            try {
                db.exec("PRAGMA cache_size = -2000");
            } catch (...) {
            }
        }
    } larger_cache(db);
    // All or nothing: any error ends the import and rolls it all back (first_error below
    // catches one a plugin swallowed), so the records need no savepoint each.
    db::Transaction transaction(db, db::Transaction::Scope::all_or_nothing);
    DatabaseSink sink(db, checks);
    const auto refused = [&](const std::string& problem) {
        return PluginCallError(importer.plugin_id(),
                               "plugin " + importer.plugin_id() + ": " + problem, false);
    };
    try {
        importer.call("import", [&](sdk::Importer& i) { i.import(file, sink); });
    } catch (const PluginCallError& e) {
        // Signatures are verified behind the import (seal_signed_sessions): a note that fails
        // comes before the problem that stopped it, so it is the one to name, as it was when
        // they were verified in line. A plugin at fault is still reported as such.
        if (!e.disabled_plugin()) {
            if (auto problem = sink.signature_problem())
                throw refused(*problem);
        }
        throw;
    }
    // A plugin that swallowed one of our errors must not get a partial import committed.
    if (!sink.first_error.empty())
        throw refused(sink.signature_problem().value_or(sink.first_error));
    try {
        sink.finish();
    } catch (const sdk::ImportError& e) {
        // The file is at fault (a note that no longer matches its signature), not the plugin.
        throw refused(e.what());
    }
    transaction.commit();
    return sink.counts;
}

}  // namespace knotnotes::core
