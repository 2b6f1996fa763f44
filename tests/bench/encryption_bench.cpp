// encryption_bench — issue 13's targets: the same 10,000-client benchmark database, plain and
// encrypted (SQLCipher 4 defaults), measured in one run:
// - knot edit (durable) p99, encrypted / plain: <= 1.3x (alternating edits, 5 rounds);
// - type-ahead client search p99, encrypted / plain: <= 1.3x;
// - native XML export (knotnotes-cli), encrypted / plain: <= 1.3x (medians of 3 alternating
//   runs);
// - open + list the first 100 clients, encrypted, key derivation included: <= 100 ms (with a
//   passphrase: PBKDF2-HMAC-SHA512, 256,000 iterations; with a raw keyring key: none).
// The same PBKDF2 through OpenSSL's PKCS5_PBKDF2_HMAC (what SQLCipher itself calls) and through
// KnotNotes' own derivation (db/passphrase_key_derivation.hpp, the same bytes) are measured in
// the same run: the latter is the floor under a passphrase open here.
// The encrypted copies are made once from the plain one (knotnotes-cli encrypt's code) and kept.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>

#include <openssl/evp.h>
#include <sys/stat.h>

#include "bench_database.hpp"
#include "bench_support.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/encryption.hpp"
#include "db/passphrase_key_derivation.hpp"
#include "db/session_repository.hpp"

using namespace knotnotes;
using namespace knotnotes::bench;

namespace {

const char* const passphrase = "benchmark passphrase";
// A fixed raw key, standing in for the random one the keyring would hold.
const char* const raw_key_hex = "8f1e0a6b5c4d3e2f718293a4b5c6d7e8f90112233445566778899aabbccddeef";

std::filesystem::path encrypted_copy(const std::filesystem::path& plain, const std::string& name,
                                     const db::DatabaseKey& key) {
    const auto file = plain.parent_path() / name;
    if (std::filesystem::exists(file))
        return file;
    std::printf("Making the encrypted copy %s...\n", file.c_str());
    std::fflush(stdout);
    const auto start = Clock::now();
    const auto partial = plain.parent_path() / (name + ".plain");
    std::filesystem::copy_file(plain, partial, std::filesystem::copy_options::overwrite_existing);
    db::encrypt_database_file(partial, key);
    std::filesystem::rename(partial, file);
    std::printf("  made in %.1f s\n", elapsed_ms(start) / 1000.0);
    return file;
}

// PBKDF2-HMAC-SHA512, 256,000 iterations, 32 bytes out: SQLCipher 4's page-key derivation, as
// SQLCipher computes it (OpenSSL) and as KnotNotes does.
const std::array<unsigned char, 16> bench_salt{'K', 'n', 'o', 't', 'N', 'o', 't', 'e'};

Samples openssl_key_derivation() {
    return time_each(8, [&](int) {
        unsigned char out[32];
        if (PKCS5_PBKDF2_HMAC(passphrase, static_cast<int>(std::strlen(passphrase)),
                              bench_salt.data(), static_cast<int>(bench_salt.size()), 256000,
                              EVP_sha512(), sizeof out, out) != 1)
            std::abort();
    });
}

Samples knotnotes_key_derivation() {
    std::array<unsigned char, 32> key{};
    const auto samples =
        time_each(8, [&](int) { key = db::sqlcipher_page_key(passphrase, bench_salt); });
    if (key == std::array<unsigned char, 32>{})  // used, so the derivation is not optimised away
        std::abort();
    return samples;
}

Samples open_and_list(const std::filesystem::path& file, const db::DatabaseKey& key) {
    return time_each(16, [&](int) {
        db::Database database(file, key, db::OpenMode::existing_only);
        if (db::ClientRepository(database).list(0, 100).size() != 100)
            std::abort();
    });
}

Samples search(const std::filesystem::path& file, const db::DatabaseKey& key) {
    db::Database database(file, key, db::OpenMode::existing_only);
    db::ClientRepository clients(database);
    const std::vector<std::string> names{"Smith",   "Nakamura", "Okafor",   "Garcia",   "Müller",
                                         "O'Brien", "Lee",      "Kowalski", "Andersen", "Nguyen"};
    std::mt19937 random(7);
    return time_each(2000, [&](int i) {
        const auto& name = names[static_cast<std::size_t>(i) % names.size()];
        clients.search_names(name.substr(0, 1 + static_cast<std::size_t>(random() % 4)), 50);
    });
}

// Durable knot edits (one transaction each, synced) on one database.
class KnotEditor {
  public:
    KnotEditor(const std::filesystem::path& file, const db::DatabaseKey& key)
        : database_(file, key, db::OpenMode::existing_only), entries_(database_) {
        sdk::Session s;
        s.client_id = 1;
        s.practitioner_id = 1;
        s.subjective = "benchmark session";
        session_ = db::SessionRepository(database_).create_draft(s);
    }
    ~KnotEditor() { db::SessionRepository(database_).delete_draft(session_); }

    void edit(int i) {
        sdk::Knot k;
        k.session_id = session_;
        k.muscle_id = "upper-trapezius";
        k.x = 0.3 + (i % 40) / 100.0;
        k.y = 0.2;
        k.tenderness = 3;
        entries_.add_knot(k);
    }

  private:
    db::Database database_;
    db::ChartEntryRepository entries_;
    sdk::Id session_ = 0;
};

// A synced commit's time depends on what the disk is doing at that moment, so the two peers are
// measured in alternation (edit plain, edit encrypted, ...): both see the same moments. The
// target is the p99 of all edits of each; the per-round ratios show how much it moves.
struct KnotEditFigures {
    Samples plain, encrypted;          // every edit of every round
    std::vector<double> round_ratios;  // p99 encrypted / p99 plain, per round
};

KnotEditFigures knot_edits(const std::filesystem::path& plain_file,
                           const std::filesystem::path& encrypted_file,
                           const db::DatabaseKey& key) {
    KnotEditor plain(plain_file, {});
    KnotEditor encrypted(encrypted_file, key);
    KnotEditFigures figures;
    constexpr int rounds = 5;
    constexpr int edits = 400;
    for (int w = 0; w < 20; ++w) {  // warm both caches
        plain.edit(w);
        encrypted.edit(w);
    }
    for (int round = 0; round < rounds; ++round) {
        Samples p, e;
        for (int i = 0; i < edits; ++i) {
            auto start = Clock::now();
            plain.edit(i);
            p.ms.push_back(elapsed_ms(start));
            start = Clock::now();
            encrypted.edit(i);
            e.ms.push_back(elapsed_ms(start));
        }
        figures.round_ratios.push_back(e.percentile(99) / p.percentile(99));
        figures.plain.ms.insert(figures.plain.ms.end(), p.ms.begin(), p.ms.end());
        figures.encrypted.ms.insert(figures.encrypted.ms.end(), e.ms.begin(), e.ms.end());
    }
    return figures;
}

double export_seconds(const std::filesystem::path& file, const std::string& key_args) {
    const std::string out = (file.parent_path() / "encryption-bench-export.xml").string();
    const std::string command = std::string(KNOTNOTES_CLI) + " --db '" + file.string() + "' " +
                                key_args + " export --force --format xml -o '" + out +
                                "' >/dev/null";
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "benchmark step failed: %s\n", command.c_str());
        std::exit(1);
    }
    const double seconds = elapsed_ms(start) / 1000.0;
    std::filesystem::remove(out);
    return seconds;
}

}  // namespace

int main() {
    const auto plain = ensure_bench_database();
    const auto with_passphrase = db::DatabaseKey::from_passphrase(passphrase);
    const auto raw = db::DatabaseKey::from_raw_hex(raw_key_hex);
    const auto encrypted = encrypted_copy(plain, "demo-10k-encrypted.db", with_passphrase);
    const auto encrypted_raw = encrypted_copy(plain, "demo-10k-encrypted-raw.db", raw);
    std::printf(
        "\nEncryption benchmark: %s (plain) vs %s (SQLCipher 4, passphrase) and %s (raw "
        "key)\n",
        plain.c_str(), encrypted.c_str(), encrypted_raw.c_str());

    const auto open_plain = open_and_list(plain, {});
    const auto open_pass = open_and_list(encrypted, with_passphrase);
    const auto open_raw = open_and_list(encrypted_raw, raw);
    report("open + list 100 clients, plain, p50", open_plain.percentile(50), "ms", 100);
    report("open + list 100 clients, encrypted, passphrase (PBKDF2), p50", open_pass.percentile(50),
           "ms", 100);
    report("open + list 100 clients, encrypted, passphrase (PBKDF2), max",
           open_pass.percentile(100), "ms", 100);
    const auto openssl_kdf = openssl_key_derivation();
    const auto kdf = knotnotes_key_derivation();
    std::printf("%-58s %10.3f ms (as SQLCipher derives it; no target of its own)\n",
                "PBKDF2-HMAC-SHA512 256k, OpenSSL PKCS5_PBKDF2_HMAC, p50",
                openssl_kdf.percentile(50));
    std::printf("%-58s %10.3f ms (%.2fx OpenSSL's; the floor under a passphrase open)\n",
                "PBKDF2-HMAC-SHA512 256k, KnotNotes' derivation, p50", kdf.percentile(50),
                kdf.percentile(50) / openssl_kdf.percentile(50));
    std::printf("%-58s %10.3f ms\n", "passphrase open minus KnotNotes' derivation, p50",
                open_pass.percentile(50) - kdf.percentile(50));
    report("open + list 100 clients, encrypted, raw keyring key, p50", open_raw.percentile(50),
           "ms", 100);
    report("open + list 100 clients, encrypted, raw keyring key, max", open_raw.percentile(100),
           "ms", 100);

    const auto search_plain = search(plain, {});
    const auto search_encrypted = search(encrypted, with_passphrase);
    report("type-ahead search p99, plain", search_plain.percentile(99), "ms", 10);
    report("type-ahead search p99, encrypted", search_encrypted.percentile(99), "ms", 10);
    report("type-ahead search p99, encrypted / plain",
           search_encrypted.percentile(99) / search_plain.percentile(99), "x", 1.3);

    const auto edits = knot_edits(plain, encrypted, with_passphrase);
    report("knot edit (durable) p99, plain", edits.plain.percentile(99), "ms", 5);
    report("knot edit (durable) p99, encrypted", edits.encrypted.percentile(99), "ms", 5);
    Samples ratios{edits.round_ratios};
    std::printf("%-58s %10.3f x (median; min %.3f, max %.3f)\n",
                "knot edit p99 ratio per round of 400 alternating edits", ratios.percentile(50),
                ratios.percentile(0), ratios.percentile(100));
    report("knot edit p99, encrypted / plain (2000 alternating edits)",
           edits.encrypted.percentile(99) / edits.plain.percentile(99), "x", 1.3);

    const auto pass_file = plain.parent_path() / "encryption-bench.pass";
    {
        std::ofstream out(pass_file);
        out << passphrase << "\n";
    }
    ::chmod(pass_file.c_str(), 0600);
    // Three exports of each, alternating (one export each moved by up to 1.6x between runs): the
    // medians and their ratio, and the ratio of each pair.
    Samples export_plain, export_encrypted, export_pairs;
    for (int i = 0; i < 3; ++i) {
        export_plain.ms.push_back(export_seconds(plain, ""));
        export_encrypted.ms.push_back(
            export_seconds(encrypted, "--passphrase-file '" + pass_file.string() + "'"));
        export_pairs.ms.push_back(export_encrypted.ms.back() / export_plain.ms.back());
    }
    const double plain_median = export_plain.percentile(50);
    report("native XML export, plain, median of 3", plain_median, "s", plain_median * 1.3);
    report("native XML export, encrypted, median of 3", export_encrypted.percentile(50), "s",
           plain_median * 1.3);
    report("native XML export, encrypted / plain (medians)",
           export_encrypted.percentile(50) / plain_median, "x", 1.3,
           "(pairs: " + std::to_string(export_pairs.percentile(0)).substr(0, 4) + "-" +
               std::to_string(export_pairs.percentile(100)).substr(0, 4) + "x)");
    return 0;
}
