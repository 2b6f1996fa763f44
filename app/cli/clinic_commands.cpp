#include "clinic_commands.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "client_search_command.hpp"
#include "core/passphrase_file.hpp"
#include "core/record_verification.hpp"
#include "core/signing/audit_anchor.hpp"
#include "db/database.hpp"
#include "db/database_error.hpp"
#include "db/database_files.hpp"
#include "db/file_identity.hpp"
#include "db/migrate/file_to_server.hpp"
#include "db/migrate/server_to_file.hpp"
#include "db/server_records.hpp"
#include "exit_codes.hpp"
#include "server_snapshot.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {
namespace {

void require_clinic_server(const CliContext& context, const std::string& command) {
    if (!context.on_clinic_server())
        throw std::runtime_error(
            command + " is for a clinic server (--db postgresql://LOGIN@HOST:PORT/DATABASE). " +
            "A database file has one practitioner's records and no logins to manage.");
}

}  // namespace

void add_clinic_login(const CliContext& context, const ClinicLoginOptions& options,
                      const std::string& name, const std::string& credentials) {
    if (options.login.empty() || options.role.empty() || options.password_file.empty())
        throw std::runtime_error(
            "on a clinic server, practitioners add needs --login LOGIN, "
            "--role owner|therapist|front-desk and --password-file FILE "
            "(the new login's password)");
    const auto role = db::parse_role(options.role);
    auto directory = context.clinic_directory();
    directory->add_login({options.login, role, name, credentials,
                          core::read_passphrase_file(options.password_file)});
    std::cout << "Added " << options.login << " (" << name << ", " << db::role_name(role) << ") at "
              << directory->server() << ". They log in with the password in "
              << options.password_file << "; KnotNotes does not keep it.\n";
}

void list_clinic_logins(const CliContext& context) {
    auto directory = context.clinic_directory();
    const auto me = directory->login();
    const auto logins = directory->logins();
    for (const auto& l : logins) {
        std::cout << (l.login == me ? "* " : "  ") << l.login << "\t" << db::role_name(l.role)
                  << "\t" << l.name << (l.credentials.empty() ? "" : ", " + l.credentials)
                  << (l.active ? "" : "\tdisabled") << "\n";
    }
    if (logins.empty())
        std::cout << "No practitioner logins yet at " << directory->server()
                  << ": add one with `practitioners add --login LOGIN --role owner ...`.\n";
}

void disable_clinic_login(const CliContext& context, const std::string& login) {
    require_clinic_server(context, "practitioners disable");
    auto directory = context.clinic_directory();
    directory->disable_login(login);
    std::cout << login << " can no longer log in to " << directory->server()
              << ". Their records and signatures stay as they are.\n";
}

int verify_clinic_server(const CliContext& context) {
    bool passed = true;
    bool chain_checked = true;
    {
        auto directory = context.clinic_directory();
        try {
            const auto check = directory->check_audit_chain();
            passed = check.intact;
            if (check.intact)
                std::cout << "ok:     audit chain: " << check.entries << " entries, intact\n";
            else
                std::cerr << "FAILED: audit chain: broken at entry " << check.first_broken_seq
                          << ": " << check.problem << "\n";
        } catch (const db::AccessDenied&) {
            // The server lets owners only read the audit log (who did what, clinic-wide); a
            // therapist's verify still checks every note they may see.
            chain_checked = false;
            std::cout << "skipped: audit chain: only a clinic owner may read it (an owner's "
                         "verify checks it)\n";
        }
    }
    // The anchors the therapists' keys signed over the chain's head: a chain rewritten with
    // every hash recomputed still passes the chain's check, but not theirs.
    if (chain_checked) {
        const auto address = context.db.string();
        auto records = context.with_server_password(address, [&](std::optional<std::string> pw) {
            return db::connect_server_records(address, std::move(pw));
        });
        const auto anchors = core::check_anchor_signatures(*records.anchors);
        passed = passed && anchors.passed;
        (anchors.passed ? std::cout : std::cerr) << (anchors.passed ? "ok:     " : "FAILED: ")
                                                 << "audit anchors: " << anchors.details << "\n";
    }
    // The signed notes, as the signing work checks them in a file: on a private copy of what
    // this login may see.
    ServerSnapshot snapshot(context);
    const auto check = core::check_signed_notes(snapshot.database());
    passed = passed && check.passed;
    (check.passed ? std::cout : std::cerr)
        << (check.passed ? "ok:     " : "FAILED: ") << check.name
        << " (those your login may see): " << check.details << "\n";
    if (!passed)
        std::cout << "The clinic server's records have problems; see above.\n";
    else if (chain_checked)
        std::cout << "The clinic server's records are intact.\n";
    else
        std::cout << "The records your login may see are intact.\n";
    return passed ? exit_ok : exit_verify_failed;
}

namespace {

struct MigrateOptions {
    std::string to;
    std::string therapist;
    std::string password_file;  // the server login's, as the global --password-file
};

// What the login may see on the server, into a new file: a therapist who leaves takes their
// clients; the file is removed again if anything fails.
int migrate_server_to_file(const CliContext& context, const MigrateOptions& options) {
    const std::filesystem::path to = options.to;
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(to, ec)))
        throw std::runtime_error(to.string() +
                                 " exists: migrate writes a new database file and never "
                                 "replaces one. Choose another name.");
    db::ServerMoveResult result;
    try {
        db::Database file(to, context.database_key_for_new(to), db::OpenMode::create_if_missing);
        {
            TerminalProgress bar("Moving records");
            result = context.with_server_password(
                context.db.string(), [&](std::optional<std::string> password) {
                    return db::move_clinic_server_to_file(
                        context.db.string(), std::move(password), file,
                        [&bar](long long done, long long total) { bar.update(done, total); });
                });
        }
        const auto report = core::verify_record(file);
        for (const auto& check : report.checks) {
            if (!check.passed)  // the first check that failed, not the first check
                throw std::runtime_error(to.string() + " did not verify after the move: " +
                                         check.name + ": " + check.details);
        }
    } catch (...) {
        db::remove_database_files(to);
        throw;
    }
    std::cout << "Moved what " << context.db.string() << " lets you see into " << to.string()
              << " (it verifies, signed notes included):\n";
    for (const auto& [table, rows] : result.rows)
        std::cout << "  " << table << "\t" << rows << "\n";
    if (!result.secret_keys_included)
        std::cout << "Signing keys came with their public half only (your login may not read "
                     "the sealed secret half): add a signing key in the new file to sign in it.\n";
    return exit_ok;
}

int migrate_file_to_server(const CliContext& context, const MigrateOptions& options) {
    if (context.on_clinic_server()) {
        if (db::is_address(options.to))
            throw std::runtime_error(
                "migrate moves records between a database file and a "
                "clinic server, not between two servers.");
        return migrate_server_to_file(context, options);
    }
    if (!db::is_address(options.to))
        throw std::runtime_error(
            "migrate moves a database file into a clinic server (--db FILE migrate --to "
            "postgresql://LOGIN@HOST:PORT/DATABASE) or a server's records into a new file "
            "(--db postgresql://... migrate --to FILE).");
    db::Database file(context.database_path(), context.database_key(db::OpenMode::existing_only),
                      db::OpenMode::existing_only);
    // What moves is what verifies: a file with a broken seal or signature stays where it is.
    const auto report = core::verify_record(file);
    if (!report.passed()) {
        for (const auto& check : report.checks) {
            if (!check.passed)
                std::cerr << "FAILED: " << check.name << ": " << check.details << "\n";
        }
        std::cerr << "error: " << file.file().string()
                  << " does not verify (see above), so nothing was moved.\n";
        return exit_verify_failed;
    }
    db::FileMoveResult result;
    {
        TerminalProgress bar("Moving records");
        auto move = [&](std::optional<std::string> password) {
            return db::move_file_to_clinic_server(
                file, options.to, std::move(password), {options.therapist},
                [&bar](long long done, long long total) { bar.update(done, total); });
        };
        result = options.password_file.empty()
                     ? context.with_server_password(options.to, move)
                     : move(core::read_passphrase_file(options.password_file));
    }
    std::cout << "Moved " << file.file().string() << " into " << options.to
              << " (every row read back and compared):\n";
    for (const auto& [table, rows] : result.rows)
        std::cout << "  " << table << "\t" << rows << "\n";
    std::cout << "The file is unchanged; keep it as a backup until the clinic has checked the "
                 "server (knotnotes-cli --db ADDRESS verify).\n";
    return exit_ok;
}

}  // namespace

void add_clinic_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    auto migrate_options = std::make_shared<MigrateOptions>();
    auto* migrate = app.add_subcommand(
        "migrate", "Move a database file into a clinic server (the file is only read)");
    migrate
        ->add_option("--to", migrate_options->to,
                     "The clinic server: postgresql://LOGIN@HOST:PORT/DATABASE")
        ->required();
    migrate->add_option("--therapist", migrate_options->therapist,
                        "The login whose clients these become (default: yours); the file's own "
                        "practitioner becomes that login's profile");
    migrate
        ->add_option("--password-file", migrate_options->password_file,
                     "A private file whose first line is your login's password on the server")
        ->type_name("FILE");
    migrate->callback([&context, &exit_code, migrate_options] {
        exit_code = migrate_file_to_server(context, *migrate_options);
    });

    auto* clients = app.add_subcommand(
        "clients", "Find clients; share one with another therapist on a clinic server");
    clients->require_subcommand(1);
    add_client_search(*clients, context, exit_code);
    auto client = std::make_shared<std::int64_t>(0);
    auto with = std::make_shared<std::string>();
    auto* share = clients->add_subcommand(
        "share", "Let another therapist see one client's clinical records (audited)");
    share->add_option("ID", *client, "The client's id")->required();
    share->add_option("--with", *with, "The therapist's login")->required();
    share->callback([&context, &exit_code, client, with] {
        require_clinic_server(context, "clients share");
        auto directory = context.clinic_directory();
        directory->share_client(*client, *with);
        std::cout << "Client " << *client << " is shared with " << *with << " at "
                  << directory->server() << ".\n";
        exit_code = exit_ok;
    });
}

}  // namespace knotnotes::cli
