#include "import_service.hpp"

#include <map>

#include "core/signing/note_signing.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"
#include "db/transaction.hpp"

namespace knotnotes::core {
namespace {

// Writes what the importer delivers, mapping the file's ids to the database's.
class DatabaseSink : public sdk::ImportSink {
  public:
    explicit DatabaseSink(db::Database& db)
        : db_(db), existing_practitioners_(db::PractitionerRepository(db).all()) {}

    void practitioner(const sdk::Practitioner& p) override {
        guarded([&] { write_practitioner(p); });
    }

    void write_practitioner(const sdk::Practitioner& p) {
        // Reuse a practitioner the database already had; two in the file stay two.
        for (const auto& existing : existing_practitioners_) {
            if (existing.name == p.name && existing.credentials == p.credentials) {
                remember(practitioners_, "practitioner", p.id, existing.id);
                return;
            }
        }
        remember(practitioners_, "practitioner", p.id, db::PractitionerRepository(db_).add(p));
        ++counts.practitioners;
    }

    void client(const sdk::Client& c) override {
        guarded([&] { write_client(c); });
    }

    void write_client(const sdk::Client& c) {
        remember(clients_, "client", c.id, db::ClientRepository(db_).add(c));
        ++counts.clients;
    }

    void intake(const sdk::Intake& i) override {
        guarded([&] { write_intake(i); });
    }

    void write_intake(const sdk::Intake& i) {
        auto copy = i;
        copy.client_id = map(clients_, "client", i.client_id, "intake", i.id);
        remember(intakes_, "intake", i.id, db::IntakeRepository(db_).save(copy));
        ++counts.intakes;
    }

    void session(const sdk::Session& s) override {
        guarded([&] { write_session(s); });
    }

    void write_session(const sdk::Session& s) {
        auto copy = s;
        copy.client_id = map(clients_, "client", s.client_id, "session", s.id);
        copy.practitioner_id =
            map(practitioners_, "practitioner", s.practitioner_id, "session", s.id);
        if (s.intake_id)
            copy.intake_id = map(intakes_, "intake", *s.intake_id, "session", s.id);
        if (s.amends_session_id) {
            copy.amends_session_id =
                map(sessions_, "session", *s.amends_session_id, "session", s.id);
        }
        db::SessionRepository sessions(db_);
        const auto id = sessions.create_draft(copy);
        remember(sessions_, "session", s.id, id);
        db::ChartEntryRepository entries(db_);
        for (auto knot : s.knots) {
            const auto file_id = knot.id;
            knot.session_id = id;
            if (knot.previous_knot_id) {
                knot.previous_knot_id =
                    map(knots_, "knot", *knot.previous_knot_id, "knot", file_id);
            }
            remember(knots_, "knot", file_id, entries.add_knot(knot));
        }
        for (auto reading : s.pressure_readings) {
            reading.session_id = id;
            entries.add_pressure_reading(reading);
        }
        for (auto use : s.techniques) {
            use.session_id = id;
            entries.add_technique_use(use);
        }
        // Sealed once everything of the note is in: its questionnaire responses come later.
        if (s.signature)
            pending_seals_.emplace_back(id, *s.signature);
        ++counts.sessions;
    }

    void questionnaire_response(const sdk::QuestionnaireResponse& r) override {
        guarded([&] { write_questionnaire_response(r); });
    }

    void write_questionnaire_response(const sdk::QuestionnaireResponse& r) {
        auto copy = r;
        copy.client_id = map(clients_, "client", r.client_id, "questionnaire response", r.id);
        if (r.session_id) {
            copy.session_id =
                map(sessions_, "session", *r.session_id, "questionnaire response", r.id);
        }
        db::QuestionnaireRepository(db_).add(copy);
        ++counts.questionnaire_responses;
    }

    // Seals the signed notes after the importer delivered everything (call once, last).
    void seal_signed_sessions() {
        guarded([&] {
            for (auto [id, signature] : pending_seals_) {
                if (signature.signer_practitioner_id) {
                    signature.signer_practitioner_id =
                        map(practitioners_, "practitioner", signature.signer_practitioner_id,
                            "signature of session", id);
                }
                seal_imported_note(db_, id, signature);
            }
        });
    }

    ImportCounts counts;
    std::string first_error;

  private:
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

    using IdMap = std::map<sdk::Id, sdk::Id>;

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
                                          ", which the file does not contain before it");
        }
        return it->second;
    }

    db::Database& db_;
    const std::vector<sdk::Practitioner> existing_practitioners_;
    IdMap practitioners_, clients_, intakes_, sessions_, knots_;
    std::vector<std::pair<sdk::Id, sdk::Signature>> pending_seals_;
};

}  // namespace

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
        ImportCounts counts;
    } sink;
    importer.call("validate", [&](sdk::Importer& i) { i.validate(file); });
    importer.call("import", [&](sdk::Importer& i) { i.import(file, sink); });
    return sink.counts;
}

ImportCounts import_records(db::Database& db, PluginObject<sdk::Importer>& importer,
                            const std::filesystem::path& file) {
    importer.call("validate", [&](sdk::Importer& i) { i.validate(file); });
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
    db::Transaction transaction(db);
    DatabaseSink sink(db);
    importer.call("import", [&](sdk::Importer& i) { i.import(file, sink); });
    // A plugin that swallowed one of our errors must not get a partial import committed.
    if (!sink.first_error.empty())
        throw sdk::ImportError(0, sink.first_error);
    try {
        sink.seal_signed_sessions();
    } catch (const sdk::ImportError& e) {
        // The file is at fault (a note that no longer matches its signature), not the plugin.
        throw PluginCallError(importer.plugin_id(),
                              "plugin " + importer.plugin_id() + ": " + e.what(), false);
    }
    transaction.commit();
    return sink.counts;
}

}  // namespace knotnotes::core
