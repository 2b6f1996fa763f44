#include "practitioner_profiles.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/entered_text.hpp"
#include "core/user_paths.hpp"
#include "db/database.hpp"
#include "db/installation.hpp"
#include "db/practitioner_repository.hpp"
#include "db/signing_key_repository.hpp"
#include "db/transaction.hpp"

namespace knotnotes::core {
namespace {

std::filesystem::path profiles_file() {
    return config_dir() / "profiles.conf";
}

// profiles.conf: one line per database, "<installation id> <practitioner uid>".
std::map<std::string, std::string> read_choices() {
    std::map<std::string, std::string> choices;
    std::ifstream in(profiles_file());
    std::string installation, practitioner;
    while (in >> installation >> practitioner)
        choices[installation] = practitioner;
    return choices;
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

void check_profile_text(const std::string& name, const std::string& credentials,
                        const std::string& registration) {
    check_entered_short_text("The practitioner's name", name);
    check_entered_short_text("The credentials", credentials);
    check_entered_short_text("The registration number", registration);
}

}  // namespace

sdk::Practitioner PractitionerProfiles::create_profile(const ProfileDetails& details,
                                                       std::string_view passphrase) {
    if (blank(details.name))
        throw std::invalid_argument("enter the practitioner's name: notes are signed with it");
    check_profile_text(details.name, details.credentials, details.registration);
    if (passphrase.size() < minimum_passphrase_length) {
        throw std::invalid_argument("choose a passphrase of at least " +
                                    std::to_string(minimum_passphrase_length) +
                                    " characters: it protects your signature");
    }
    db::Transaction transaction(db_);
    sdk::Practitioner p;
    p.name = details.name;
    p.credentials = details.credentials;
    p.registration = details.registration;
    db::PractitionerRepository practitioners(db_);
    p.id = practitioners.add(p);
    auto key = make_signing_key(p.id, passphrase);
    db::SigningKeyRepository(db_).add(key.stored);
    transaction.commit();
    choose(p.id);
    act_as_current();
    return *practitioners.get(p.id);
}

void PractitionerProfiles::update_profile(const sdk::Practitioner& practitioner) {
    if (blank(practitioner.name))
        throw std::invalid_argument("enter the practitioner's name: notes are signed with it");
    check_profile_text(practitioner.name, practitioner.credentials, practitioner.registration);
    db::PractitionerRepository(db_).update_profile(practitioner);
}

std::vector<sdk::Practitioner> PractitionerProfiles::profiles() {
    return db::PractitionerRepository(db_).real();
}

std::optional<sdk::Practitioner> PractitionerProfiles::current() {
    const auto all = profiles();
    const auto choices = read_choices();
    if (const auto it = choices.find(db::installation_id(db_)); it != choices.end()) {
        for (const auto& p : all) {
            if (p.uid == it->second)
                return p;
        }
    }
    if (all.size() == 1)
        return all.front();
    return std::nullopt;
}

void PractitionerProfiles::choose(sdk::Id practitioner_id) {
    db::PractitionerRepository practitioners(db_);
    const auto p = practitioners.get(practitioner_id);
    if (!p || practitioners.is_demo(practitioner_id)) {
        throw std::invalid_argument("practitioner " + std::to_string(practitioner_id) +
                                    " is not a profile of this database");
    }
    auto choices = read_choices();
    choices[db::installation_id(db_)] = p->uid;
    write_file_atomically(profiles_file(), [&](std::ostream& out) {
        for (const auto& [installation, practitioner] : choices)
            out << installation << ' ' << practitioner << '\n';
    });
    act_as_current();
}

void PractitionerProfiles::act_as_current() {
    if (const auto p = current()) {
        db_.set_actor(p->name + " <" + p->uid + ">");
    } else {
        const char* login = std::getenv("USER");
        db_.set_actor(std::string("login ") + (login && *login ? login : "unknown") +
                      " (no practitioner profile)");
    }
}

std::unique_ptr<UnlockedKey> PractitionerProfiles::unlock(sdk::Id practitioner_id,
                                                          std::string_view passphrase) {
    const auto key = db::SigningKeyRepository(db_).signing_key_of(practitioner_id);
    if (!key) {
        throw std::runtime_error(
            "this practitioner has no signing key in this database: create their profile here");
    }
    return unlock_signing_key(*key, passphrase);
}

void PractitionerProfiles::change_passphrase(sdk::Id practitioner_id,
                                             std::string_view old_passphrase,
                                             std::string_view new_passphrase) {
    db::SigningKeyRepository keys(db_);
    const auto key = keys.signing_key_of(practitioner_id);
    if (!key)
        throw std::runtime_error("this practitioner has no signing key in this database");
    keys.reseal(reseal_signing_key(*key, old_passphrase, new_passphrase));
}

}  // namespace knotnotes::core
