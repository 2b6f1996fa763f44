#include "practitioner_commands.hpp"

#include <iostream>
#include <memory>

#include "clinic_commands.hpp"
#include "core/passphrase_file.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/session_editor.hpp"
#include "core/signing/key_fingerprint.hpp"
#include "core/signing/note_signer.hpp"
#include "db/charting_store.hpp"
#include "db/database.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

struct AddOptions {
    core::ProfileDetails details;
    std::string passphrase_file;
    ClinicLoginOptions clinic;
};

void add_add(CLI::App& group, const CliContext& context, int& exit_code) {
    auto options = std::make_shared<AddOptions>();
    auto* add = group.add_subcommand(
        "add", "Add a practitioner who charts and signs, with a signing key under a passphrase");
    add->add_option("--name", options->details.name, "Name, as notes are signed")->required();
    add->add_option("--credentials", options->details.credentials, "e.g. RMT, LMT");
    add->add_option("--registration", options->details.registration,
                    "Licence or registration number");
    add->add_option("--passphrase-file", options->passphrase_file,
                    "A private file whose first line is the new signing passphrase (a "
                    "database file)");
    add->add_option("--login", options->clinic.login, "The new login (a clinic server)");
    add->add_option("--role", options->clinic.role,
                    "owner, therapist or front-desk (a clinic server)");
    add->add_option("--password-file", options->clinic.password_file,
                    "A private file whose first line is the new login's password (a clinic "
                    "server)");
    add->callback([&context, &exit_code, options] {
        if (context.on_clinic_server()) {
            if (!options->passphrase_file.empty() || !options->details.registration.empty())
                throw std::runtime_error(
                    "on a clinic server, practitioners add takes --login, --role, --name, "
                    "--credentials and --password-file; a signing key and registration are "
                    "not kept on the server yet");
            add_clinic_login(context, options->clinic, options->details.name,
                             options->details.credentials);
            exit_code = exit_ok;
            return;
        }
        if (!options->clinic.login.empty() || !options->clinic.role.empty() ||
            !options->clinic.password_file.empty())
            throw std::runtime_error(
                "--login, --role and --password-file are for a clinic server (--db "
                "postgresql://...); in a database file a practitioner is a profile with a "
                "signing key: give --passphrase-file FILE");
        if (options->passphrase_file.empty())
            throw std::runtime_error(
                "practitioners add needs --passphrase-file FILE: a private "
                "file whose first line is the new signing passphrase");
        db::Database database(context.database_path(), context.database_key());
        core::PractitionerProfiles profiles(database);
        const auto p = profiles.create_profile(
            options->details, core::read_passphrase_file(options->passphrase_file));
        std::cout << "Added practitioner " << p.id << ": " << p.name << " (signing key "
                  << core::key_fingerprint(p.public_key) << "), now charting in "
                  << context.database_path().string() << "\n";
        exit_code = exit_ok;
    });
}

void add_list(CLI::App& group, const CliContext& context, int& exit_code) {
    auto* list = group.add_subcommand("list", "The practitioners, their keys, who is charting");
    list->callback([&context, &exit_code] {
        if (context.on_clinic_server()) {
            list_clinic_logins(context);
            exit_code = exit_ok;
            return;
        }
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        core::PractitionerProfiles profiles(database);
        const auto current = profiles.current();
        for (const auto& p : profiles.profiles()) {
            std::cout << (current && current->id == p.id ? "* " : "  ") << p.id << "\t" << p.name
                      << (p.credentials.empty() ? "" : ", " + p.credentials)
                      << (p.registration.empty() ? "" : "\tregistration " + p.registration)
                      << "\tkey "
                      << (p.public_key.empty() ? "none" : core::key_fingerprint(p.public_key))
                      << "\n";
        }
        if (!current)
            std::cout << "Nobody is charting yet: add a practitioner or choose one with `use`.\n";
        exit_code = exit_ok;
    });
}

void add_use(CLI::App& group, const CliContext& context, int& exit_code) {
    auto id = std::make_shared<sdk::Id>(0);
    auto* use = group.add_subcommand("use", "Chart and sign as this practitioner from now on");
    use->add_option("ID", *id, "The practitioner's id (see `practitioners list`)")->required();
    use->callback([&context, &exit_code, id] {
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        core::PractitionerProfiles profiles(database);
        profiles.choose(*id);
        std::cout << "Now charting as " << profiles.current()->name << "\n";
        exit_code = exit_ok;
    });
}

void add_disable(CLI::App& group, const CliContext& context, int& exit_code) {
    auto login = std::make_shared<std::string>();
    auto* disable = group.add_subcommand(
        "disable", "A clinic server login can no longer log in (their records stay)");
    disable->add_option("LOGIN", *login, "The login (see `practitioners list`)")->required();
    disable->callback([&context, &exit_code, login] {
        disable_clinic_login(context, *login);
        exit_code = exit_ok;
    });
}

struct PassphraseOptions {
    std::string old_file;
    std::string new_file;
    sdk::Id id = 0;
};

void add_passphrase(CLI::App& group, const CliContext& context, int& exit_code) {
    auto options = std::make_shared<PassphraseOptions>();
    auto* change = group.add_subcommand("passphrase", "Change a signing key's passphrase");
    change->add_option("--passphrase-file", options->old_file, "The current passphrase")
        ->required();
    change->add_option("--new-passphrase-file", options->new_file, "The new passphrase")
        ->required();
    change->add_option("--id", options->id, "The practitioner (default: who is charting)");
    change->callback([&context, &exit_code, options] {
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        core::PractitionerProfiles profiles(database);
        auto id = options->id;
        if (id == 0) {
            const auto current = profiles.current();
            if (!current)
                throw std::runtime_error("nobody is charting: say whose passphrase with --id");
            id = current->id;
        }
        profiles.change_passphrase(id, core::read_passphrase_file(options->old_file),
                                   core::read_passphrase_file(options->new_file));
        std::cout << "The signing passphrase was changed.\n";
        exit_code = exit_ok;
    });
}

struct SignOptions {
    sdk::Id session = 0;
    std::string passphrase_file;
};

void add_sign(CLI::App& app, const CliContext& context, int& exit_code) {
    auto options = std::make_shared<SignOptions>();
    auto* sign = app.add_subcommand(
        "sign", "Sign a draft note as the practitioner who is charting (it is then locked)");
    sign->add_option("SESSION", options->session, "The session's id")->required();
    sign->add_option("--passphrase-file", options->passphrase_file,
                     "A private file whose first line is the signing passphrase")
        ->required();
    sign->callback([&context, &exit_code, options] {
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        core::PractitionerProfiles profiles(database);
        profiles.act_as_current();
        const auto current = profiles.current();
        if (!current) {
            throw std::runtime_error(
                "nobody is charting in this database: add a practitioner first "
                "(knotnotes-cli practitioners add)");
        }
        const auto key =
            profiles.unlock(current->id, core::read_passphrase_file(options->passphrase_file));
        const auto charting = db::file_charting_store(database);
        core::FileNoteSigner signer(database);
        core::SessionEditor editor(*charting, options->session, &signer);
        const auto signature = editor.sign(*key);
        std::cout << "Signed session " << options->session << " as " << signature.signer << " at "
                  << signature.signed_at << " (key " << core::key_fingerprint(signature.public_key)
                  << ")\n";
        exit_code = exit_ok;
    });
}

}  // namespace

void add_practitioner_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    auto* group = app.add_subcommand("practitioners", "Who charts and signs notes");
    group->require_subcommand(1);
    add_add(*group, context, exit_code);
    add_list(*group, context, exit_code);
    add_use(*group, context, exit_code);
    add_disable(*group, context, exit_code);
    add_passphrase(*group, context, exit_code);
    add_sign(app, context, exit_code);
}

}  // namespace knotnotes::cli
