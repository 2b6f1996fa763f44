#include "note_records.hpp"

#include "chart_entry_repository.hpp"
#include "client_repository.hpp"
#include "intake_repository.hpp"
#include "practitioner_repository.hpp"
#include "questionnaire_repository.hpp"
#include "session_repository.hpp"
#include "signing_key_repository.hpp"
#include "transaction.hpp"

namespace knotnotes::db {
namespace {

class FileWrite final : public NoteRecords::Write {
  public:
    explicit FileWrite(Database& file) : transaction_(file) {}
    void commit() override { transaction_.commit(); }

  private:
    Transaction transaction_;
};

class FileNoteRecords final : public NoteRecords {
  public:
    explicit FileNoteRecords(Database& file) : file_(file) {}

    std::unique_ptr<Write> begin_write() override { return std::make_unique<FileWrite>(file_); }
    std::optional<sdk::Session> session(sdk::Id id) override {
        return SessionRepository(file_).get(id);
    }
    std::optional<std::string> client_uid(sdk::Id client_id) override {
        const auto client = ClientRepository(file_).get(client_id);
        return client ? std::optional<std::string>(client->uid) : std::nullopt;
    }
    std::optional<sdk::Practitioner> practitioner(sdk::Id id) override {
        return PractitionerRepository(file_).get(id);
    }
    bool is_demo_practitioner(sdk::Id id) override {
        return PractitionerRepository(file_).is_demo(id);
    }
    std::optional<sdk::Intake> intake(sdk::Id id) override {
        return IntakeRepository(file_).get(id);
    }
    std::optional<std::string> knot_uid(sdk::Id knot_id) override {
        return ChartEntryRepository(file_).knot_uid(knot_id);
    }
    std::vector<sdk::QuestionnaireResponse> responses_for_session(sdk::Id session_id) override {
        return QuestionnaireRepository(file_).for_session(session_id);
    }
    std::optional<sdk::Id> signing_key_owner(const std::string& public_key) override {
        const auto key = SigningKeyRepository(file_).find(public_key);
        return key ? std::optional<sdk::Id>(key->practitioner_id) : std::nullopt;
    }
    std::optional<StoredSigningKey> sealed_signing_key(sdk::Id practitioner_id) override {
        return SigningKeyRepository(file_).signing_key_of(practitioner_id);
    }
    sdk::Id add_signing_key(const StoredSigningKey& key) override {
        return SigningKeyRepository(file_).add(key);
    }
    std::optional<sdk::Id> own_practitioner() override { return std::nullopt; }
    void seal(sdk::Id session_id, const sdk::Signature& signature) override {
        SessionRepository(file_).seal(session_id, signature);
    }

  private:
    Database& file_;
};

}  // namespace

std::unique_ptr<NoteRecords> file_note_records(Database& file) {
    return std::make_unique<FileNoteRecords>(file);
}

}  // namespace knotnotes::db
