#include "encryption_commands.hpp"

#include <iostream>
#include <memory>

#include "core/output_safety.hpp"
#include "core/passphrase_file.hpp"
#include "db/database.hpp"
#include "db/encryption.hpp"
#include "db/file_identity.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

void add_encrypt(CLI::App& app, const CliContext& context, int& exit_code) {
    auto* encrypt = app.add_subcommand(
        "encrypt",
        "Encrypt a plain database in place with the passphrase (--passphrase-file): the "
        "encrypted copy is checked, then the plaintext file is removed");
    encrypt->callback([&context, &exit_code] {
        const auto file = context.database_path();
        const auto kind = db::identify_database_file(file).kind;
        if (kind == db::FileKind::encrypted)
            throw std::runtime_error(file.string() + ": this database is already encrypted");
        if (kind != db::FileKind::knotnotes) {
            db::Database refuse(file, db::OpenMode::existing_only);  // says what it is instead
        }
        const auto passphrase = passphrase_from(context.key_options,
                                                "New passphrase for " + file.string() + ": ", true);
        if (passphrase.empty()) {
            throw std::runtime_error(
                file.string() +
                ": no passphrase to encrypt it with; give one with --passphrase-file FILE or "
                "KNOTNOTES_PASSPHRASE_FILE. Nothing was changed.");
        }
        db::encrypt_database_file(file, db::DatabaseKey::from_passphrase(passphrase));
        std::cout << "Encrypted " << file.string()
                  << "; the plaintext file was removed. Backups made before now are still "
                     "plaintext: make a new one and delete them.\n";
        exit_code = exit_ok;
    });
}

void add_rekey(CLI::App& app, const CliContext& context, int& exit_code) {
    auto new_file = std::make_shared<std::string>();
    auto* rekey = app.add_subcommand(
        "rekey",
        "Give an encrypted database a new passphrase (the old one then no longer opens it)");
    rekey
        ->add_option("--new-passphrase-file", *new_file,
                     "A private file whose first line is the new passphrase")
        ->required();
    rekey->callback([&context, &exit_code, new_file] {
        const auto new_key =
            db::DatabaseKey::from_passphrase(core::read_passphrase_file(*new_file));
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        db::rekey_database(database, new_key);
        std::cout << "The passphrase of " << context.database_path().string()
                  << " was changed. Backups made before now still open with the old one.\n";
        exit_code = exit_ok;
    });
}

void add_decrypt(CLI::App& app, const CliContext& context, int& exit_code) {
    auto output = std::make_shared<std::string>();
    auto understood = std::make_shared<bool>(false);
    auto force = std::make_shared<bool>(false);
    auto* decrypt = app.add_subcommand(
        "decrypt",
        "Write a plaintext (unencrypted) copy of the database; the database itself "
        "stays encrypted");
    decrypt->add_option("-o,--output", *output, "The plaintext copy to write")->required();
    decrypt->add_flag("--i-understand-plaintext", *understood,
                      "Required: say that the copy will not be encrypted, so anyone who gets the "
                      "file can read every record in it");
    decrypt->add_flag("--force", *force,
                      "Replace an existing file with -o (never a database, whatever the flag)");
    decrypt->callback([&context, &exit_code, output, understood, force] {
        if (!*understood) {
            throw CLI::ValidationError(
                "decrypt",
                "the copy would not be encrypted: add --i-understand-plaintext to "
                "write it anyway");
        }
        core::check_output_path(*output, context.database_path(), *force);
        db::Database database(context.database_path(),
                              context.database_key(db::OpenMode::existing_only),
                              db::OpenMode::existing_only);
        if (!database.encrypted())
            throw std::runtime_error(context.database_path().string() +
                                     ": this database is not encrypted; use backup -o instead");
        db::write_plaintext_copy(database, *output);
        std::cout << "Wrote the plaintext copy " << *output
                  << " (not encrypted: anyone with the file can read it; delete it when done)\n";
        exit_code = exit_ok;
    });
}

}  // namespace

void add_encryption_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    add_encrypt(app, context, exit_code);
    add_rekey(app, context, exit_code);
    add_decrypt(app, context, exit_code);
}

}  // namespace knotnotes::cli
