#include "database_commands.hpp"

#include <iostream>
#include <memory>

#include "clinic_commands.hpp"
#include "core/demo_data.hpp"
#include "core/output_safety.hpp"
#include "core/record_verification.hpp"
#include "core/user_paths.hpp"
#include "db/backup.hpp"
#include "db/database.hpp"
#include "exit_codes.hpp"
#include "server_staging.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {
namespace {

void add_demo(CLI::App& app, const CliContext& context, int& exit_code) {
    auto options = std::make_shared<core::DemoOptions>();
    auto* demo = app.add_subcommand(
        "demo", "Add realistic synthetic clients, intakes, sessions, knots and scores");
    demo->add_option("--clients", options->clients, "How many clients")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    demo->add_option("--sessions-per-client", options->sessions_per_client,
                     "Sessions for each client")
        ->capture_default_str()
        ->check(CLI::Range(1, 200));
    demo->add_option("--seed", options->seed, "Random seed: the same seed gives the same data")
        ->capture_default_str();
    demo->callback([&context, &exit_code, options] {
        core::DemoSummary summary;
        const auto generate = [&](db::Database& database) {
            TerminalProgress bar("Creating demo clients");
            summary = core::generate_demo_data(
                database, *options, [&](int done, int total) { bar.update(done, total); });
        };
        std::string where;
        if (context.on_clinic_server()) {
            // Written as the login's own clients (server_staging.hpp): all of it or none.
            write_through_staging(context, generate);
            where = "the clinic server " + context.db.string() + ", as your login's clients";
        } else {
            db::Database database(context.database_path(), context.database_key());
            generate(database);
            where = context.database_path().string();
        }
        std::cout << "Added " << summary.clients << " clients, " << summary.sessions
                  << " sessions, " << summary.knots << " knots, " << summary.technique_uses
                  << " technique uses and " << summary.questionnaire_responses
                  << " questionnaire responses to " << where << "\n";
        exit_code = exit_ok;
    });
}

void add_verify(CLI::App& app, const CliContext& context, int& exit_code) {
    auto* verify = app.add_subcommand(
        "verify", "Check the database's integrity, audit chain and signed sessions");
    verify->callback([&context, &exit_code] {
        if (context.on_clinic_server()) {
            exit_code = verify_clinic_server(context);
            return;
        }
        // Read-only: verify never creates, changes or migrates a file; damage is exit 4.
        db::VerifyReport report;
        try {
            db::Database database(context.database_path(),
                                  context.database_key(db::OpenMode::read_only),
                                  db::OpenMode::read_only);
            report = core::verify_record(database);
        } catch (const db::DatabaseDamaged& e) {
            std::cerr << "FAILED: " << e.what() << "\n";
            std::cout << "The database is damaged; see above.\n";
            exit_code = exit_verify_failed;
            return;
        }
        for (const auto& check : report.checks) {
            (check.passed ? std::cout : std::cerr) << (check.passed ? "ok:     " : "FAILED: ")
                                                   << check.name << ": " << check.details << "\n";
        }
        std::cout << (report.passed() ? "The database is intact.\n"
                                      : "The database has problems; see above.\n");
        exit_code = report.passed() ? exit_ok : exit_verify_failed;
    });
}

void add_backup(CLI::App& app, const CliContext& context, int& exit_code) {
    auto output = std::make_shared<std::string>();
    auto keep = std::make_shared<int>(10);
    auto force = std::make_shared<bool>(false);
    auto* backup =
        app.add_subcommand("backup", "Copy the database safely, even while KnotNotes is using it");
    auto* out_option = backup->add_option("-o,--output", *output, "The backup file to write");
    auto* rotate = backup->add_flag(
        "--rotate", "Write a dated backup into the backups folder and keep the newest --keep");
    backup->add_option("--keep", *keep, "How many rotating backups to keep")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    backup->add_flag("--force", *force,
                     "Replace an existing file with -o (never a database, whatever the flag)");
    out_option->excludes(rotate);
    backup->callback([&context, &exit_code, output, keep, rotate, force] {
        if (!output->empty())
            core::check_output_path(*output, context.database_path(), *force);
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        if (rotate->count() > 0) {
            const auto path = db::rotate_backups(database, core::default_backup_dir(), *keep);
            std::cout << "Backed up to " << path.string() << "\n";
        } else if (!output->empty()) {
            TerminalProgress bar("Backing up");
            db::backup_database(database, *output,
                                [&](int done, int total) { bar.update(done, total); });
            std::cout << "Backed up to " << *output << "\n";
        } else {
            throw CLI::RequiredError("backup needs -o FILE or --rotate");
        }
        exit_code = exit_ok;
    });
}

void add_restore(CLI::App& app, const CliContext& context, int& exit_code) {
    auto file = std::make_shared<std::string>();
    auto* restore = app.add_subcommand(
        "restore", "Replace the database with a backup (the current one is kept beside it)");
    restore->add_option("FILE", *file, "A backup made by `knotnotes-cli backup`")->required();
    restore->callback([&context, &exit_code, file] {
        auto key = context.key_of(*file);
        if (key.empty())
            key = context.database_key(db::OpenMode::existing_only);
        const auto kept = db::restore_database(*file, context.database_path(), key);
        std::cout << "Restored " << context.database_path().string() << " from " << *file << "\n";
        if (!kept.empty())
            std::cout << "The previous database was kept as " << kept.string() << "\n";
        exit_code = exit_ok;
    });
}

}  // namespace

void add_database_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    add_demo(app, context, exit_code);
    add_verify(app, context, exit_code);
    add_backup(app, context, exit_code);
    add_restore(app, context, exit_code);
}

}  // namespace knotnotes::cli
