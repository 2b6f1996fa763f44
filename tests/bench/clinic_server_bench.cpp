// clinic_server_bench — 20 therapists charting at once against a loopback PostgreSQL server
// (issue 14: knot edit p99 <= 15 ms; type-ahead search p99 <= 15 ms on 10k clients). Each
// therapist has their own login and charts through the session editor and the charting seam
// the app uses (core/session_editor.hpp, db/charting_store.hpp), so every edit goes through the
// clinic schema as in use: row-level security, the seal triggers and the audit chain appended
// at commit under its one lock. The peer, measured in the same run by the same 20 writers, is the
// same change (tenderness and result) to a plain table with none of that. The type-ahead's peer is the same keystrokes on a
// SQLite file holding the same 10k names, through the same seam (db/client_search.hpp).
//
// Run under tests/support/postgres_session.sh (./dev.sh bench does), which gives the server.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "core/client_directory.hpp"
#include "core/demo_data.hpp"
#include "core/session_editor.hpp"
#include "db/charting_store.hpp"
#include "db/client_repository.hpp"
#include "db/client_search.hpp"
#include "db/database.hpp"
#include "db/postgres/clinic_logins.hpp"
#include "db/postgres/server_connection.hpp"
#include "db/postgres/server_migrations.hpp"
#include "db/transaction.hpp"

using namespace knotnotes;
using db::postgres::ServerConnection;

namespace {

constexpr int therapists = 20;
constexpr int edits_each = 150;
constexpr int clients = 10000;

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

struct Server {
    std::string host_port;
    std::string admin_password;
    std::string uri(const std::string& login, const std::string& database) const {
        return "postgresql://" + login + "@" + host_port + "/" + database;
    }
};

// Runs `act(i)` `count` times, one every `pace` starting a fraction `offset` of a pace late
// (a pace of zero: each straight after the last); returns each run's time. A slow answer does
// not slow the next request down, as a person does not wait to type or click again.
std::vector<double> timed_at_pace(int count, std::chrono::milliseconds pace, double offset,
                                  const std::function<void(int)>& act) {
    auto next =
        bench::Clock::now() + std::chrono::duration_cast<bench::Clock::duration>(pace * offset);
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        std::this_thread::sleep_until(next);
        next += pace;
        const auto start = bench::Clock::now();
        act(i);
        times.push_back(bench::elapsed_ms(start));
    }
    return times;
}

// A therapist charting as fast as one can click: a knot edit every 250 ms (a real one is
// seconds apart). The app commits each edit at once (autosave).
constexpr auto charting_pace = std::chrono::milliseconds(250);

// Runs `person(i)` for each of `people` on a thread of their own, all at once; returns every
// time they measured.
bench::Samples all_at_once(int people, const std::function<std::vector<double>(int)>& person) {
    bench::Samples all;
    std::mutex lock;
    std::vector<std::thread> threads;
    for (int t = 0; t < people; ++t) {
        threads.emplace_back([&, t] {
            const auto mine = person(t);
            std::lock_guard<std::mutex> guard(lock);
            all.ms.insert(all.ms.end(), mine.begin(), mine.end());
        });
    }
    for (auto& thread : threads)
        thread.join();
    return all;
}

// One therapist's edit number i, on a connection of their own: made once on their thread.
using Editing = std::function<std::function<void(int i)>(int therapist)>;

// Every therapist makes `edits_each` edits, all at once, one every `pace`; returns every
// edit's time.
bench::Samples edit_at_once(const Editing& editing, std::chrono::milliseconds pace) {
    return all_at_once(therapists, [&](int t) {
        auto edit = editing(t);
        for (int i = 0; i < edits_each / 8; ++i)  // warm-up: plans, caches
            edit(i);
        return timed_at_pace(edits_each, pace, double(t) / therapists, edit);
    });
}

struct Name {
    std::string given;
    std::string family;
};

// A clinic's client names, made of the demo's names (so as common and as mixed as a real list:
// "Smith" many times, "O'Brien", "Müller", "Zoë").
std::vector<Name> clinic_names() {
    std::mt19937 random(7);
    const auto& given = core::demo_given_names();
    const auto& family = core::demo_family_names();
    std::vector<Name> names;
    for (int i = 0; i < clients; ++i)
        names.push_back({given[random() % given.size()], family[random() % family.size()]});
    return names;
}

// A PostgreSQL array literal of texts.
std::string text_array(const std::vector<std::string>& items) {
    std::string literal = "{";
    for (const auto& item : items) {
        literal += literal.size() > 1 ? ",\"" : "\"";
        for (char c : item) {
            if (c == '"' || c == '\\')
                literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    return literal + "}";
}

// The first `length` characters of a UTF-8 name, never half a character.
std::string typed_prefix(const std::string& name, std::size_t length) {
    std::size_t end = 0;
    for (std::size_t chars = 0; end < name.size() && chars < length; ++chars) {
        ++end;
        while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80)
            ++end;
    }
    return name.substr(0, end);
}

// What a therapist types looking for clients: a family name a letter at a time, up to five,
// then a space and the given name's first two letters.
std::vector<std::string> keystrokes(const std::vector<Name>& names, unsigned seed, int count) {
    std::mt19937 random(seed);
    std::vector<std::string> typed;
    while (static_cast<int>(typed.size()) < count) {
        const auto& name = names[random() % names.size()];
        for (std::size_t length = 1; length <= 5 && length <= name.family.size(); ++length)
            typed.push_back(typed_prefix(name.family, length));
        typed.push_back(name.family + " " + typed_prefix(name.given, 1));
        typed.push_back(name.family + " " + typed_prefix(name.given, 2));
    }
    typed.resize(static_cast<std::size_t>(count));
    return typed;
}

constexpr int searches_each = 140;
// A fast typist: 100 words a minute is a keystroke every 120 ms. The client list searches on
// every keystroke (no delay), so this is how often each of the 20 asks the server.
constexpr auto typing_pace = std::chrono::milliseconds(120);

// `searchers` people typing at once, each through a ClientSearch of its own from `open(i)`,
// with the client list's own limit, a keystroke every `pace` (zero: each straight after the
// last one's answer); returns every keystroke's time to its matches.
bench::Samples type_at_once(int searchers, const std::vector<Name>& names,
                            const std::function<std::unique_ptr<db::ClientSearch>(int)>& open,
                            std::chrono::milliseconds pace) {
    return all_at_once(searchers, [&](int t) {
        auto search = open(t);
        const auto typed = keystrokes(names, static_cast<unsigned>(t + 1), searches_each);
        const auto type = [&](int i) {
            search->search_names(typed[static_cast<std::size_t>(i)],
                                 core::ClientDirectory::max_matches);
        };
        for (int i = 0; i < searches_each / 8; ++i)  // warm-up
            type(i);
        // Typists do not start in step: each begins at its own point of a keystroke.
        return timed_at_pace(searches_each, pace, double(t) / searchers, type);
    });
}

void report_type_ahead(const Server& server, const std::string& database,
                       const std::vector<std::string>& logins, const std::string& front_desk,
                       const std::vector<Name>& names) {
    // The peer: a SQLite file with the same names, searched by the same keystrokes.
    const auto file = std::filesystem::temp_directory_path() / "knotnotes-bench-type-ahead.db";
    std::filesystem::remove(file);
    {
        db::Database database_file(file);
        db::ClientRepository repository(database_file);
        db::Transaction transaction(database_file);
        for (const auto& name : names) {
            sdk::Client client;
            client.given_name = name.given;
            client.family_name = name.family;
            repository.add(client);
        }
        transaction.commit();
    }
    const auto as_therapist = [&](int t) {
        const auto& login = logins[static_cast<std::size_t>(t)];
        return db::connect_client_search(server.uri(login, database), "bench-" + login);
    };
    const auto therapists_typing = type_at_once(therapists, names, as_therapist, typing_pace);
    const auto desk_typing = type_at_once(
        therapists, names,
        [&](int) {
            return db::connect_client_search(server.uri(front_desk, database),
                                             "bench-" + front_desk);
        },
        typing_pace);
    // No pause at all: 20 searches always waiting for the 2 cores. Printed, with no target.
    const auto saturated = type_at_once(therapists, names, as_therapist, {});
    bench::Samples file_typing;
    {
        db::Database database_file(file, db::OpenMode::existing_only);
        file_typing = type_at_once(
            1, names, [&](int) { return db::file_client_search(database_file); }, typing_pace);
    }
    std::filesystem::remove(file);
    const double file_p99 = file_typing.percentile(99);
    char extra[200];
    std::snprintf(extra, sizeof extra,
                  "median %.2f ms; peer (SQLite file, same names and keystrokes, one typist) "
                  "p99 %.2f ms: %.2fx",
                  therapists_typing.percentile(50), file_p99,
                  therapists_typing.percentile(99) / file_p99);
    bench::report("type-ahead p99, 20 therapists typing at once, 10k clients",
                  therapists_typing.percentile(99), "ms", 15, extra);
    std::snprintf(extra, sizeof extra, "median %.2f ms; %.2fx the SQLite peer",
                  desk_typing.percentile(50), desk_typing.percentile(99) / file_p99);
    bench::report("type-ahead p99, 20 at the front desk at once (all 10k)",
                  desk_typing.percentile(99), "ms", 15, extra);
    std::printf(
        "type-ahead with no pause between keystrokes, 20 therapists: p99 %.2f ms, median "
        "%.2f ms (no target: the 2 cores always have 20 searches waiting)\n",
        saturated.percentile(99), saturated.percentile(50));
}

}  // namespace

int main() {
    const auto admin_uri = env("KNOTNOTES_TEST_PG_URI");
    if (admin_uri.empty()) {
        std::fprintf(stderr,
                     "clinic_server_bench: run it under tests/support/postgres_session.sh "
                     "(./dev.sh bench does)\n");
        return 77;
    }
    Server server;
    const auto at = admin_uri.find('@');
    server.host_port = admin_uri.substr(at + 1, admin_uri.rfind('/') - at - 1);
    std::ifstream(env("KNOTNOTES_TEST_PG_PASSWORD_FILE")) >> server.admin_password;
    const std::string database = "kn_bench";
    {
        auto maintenance = ServerConnection::open(admin_uri, server.admin_password);
        maintenance.execute("DROP DATABASE IF EXISTS kn_bench");
        maintenance.execute("CREATE DATABASE kn_bench");
    }
    auto admin = ServerConnection::open(server.uri("kn_admin", database), server.admin_password);
    db::postgres::set_up_clinic_database(admin);

    std::vector<std::string> logins;
    for (int t = 0; t < therapists; ++t) {
        logins.push_back("bench_t" + std::to_string(t));
        admin.execute("DROP ROLE IF EXISTS " + logins.back());
        db::postgres::add_clinic_login(
            admin, {logins.back(), db::ClinicRole::therapist, "Therapist " + std::to_string(t),
                    "RMT", "bench-" + logins.back()});
    }
    const std::string front_desk = "bench_desk";
    admin.execute("DROP ROLE IF EXISTS " + front_desk);
    db::postgres::add_clinic_login(
        admin, {front_desk, db::ClinicRole::front_desk, "Front Desk", "", "bench-" + front_desk});
    // A clinic's worth of clients, spread over the therapists, one draft session each.
    const auto start = bench::Clock::now();
    const auto names = clinic_names();
    std::vector<std::string> given;
    std::vector<std::string> family;
    for (const auto& name : names) {
        given.push_back(name.given);
        family.push_back(name.family);
    }
    admin.query(
        "INSERT INTO clients (given_name, family_name, responsible_login) "
        "SELECT g, f, 'bench_t' || (n % $1) FROM unnest($2::text[], $3::text[]) "
        "WITH ORDINALITY AS t(g, f, n)",
        {std::to_string(therapists), text_array(given), text_array(family)});
    admin.execute(
        "INSERT INTO sessions (client_id, practitioner_id, started_at) "
        "SELECT c.id, p.id, '2026-12-01T10:00:00.000Z' FROM clients c "
        "JOIN practitioners p ON p.login = c.responsible_login");
    std::printf("set-up: %d clients and sessions for %d therapists in %.1f s\n", clients,
                therapists, bench::elapsed_ms(start) / 1000);

    std::vector<std::string> knots;
    std::vector<sdk::Id> sessions;
    admin.execute(
        "CREATE TABLE bench_plain (id bigint PRIMARY KEY, tenderness integer, "
        "result text)");
    for (int t = 0; t < therapists; ++t) {
        auto as = ServerConnection::open(server.uri(logins[t], database), "bench-" + logins[t]);
        const auto knot = as.query(
            "INSERT INTO knots (session_id, muscle_id, side, view, x, y, kind, tenderness) "
            "SELECT min(id), 'upper-trapezius', 'left', 'back', 0.4, 0.3, 'active', 5 "
            "FROM sessions RETURNING id, session_id");
        knots.push_back(knot.text(0, 0));
        sessions.push_back(std::stoll(knot.text(0, 1)));
        admin.query("INSERT INTO bench_plain VALUES ($1, 5, 'untreated')", {knots.back()});
        admin.execute("GRANT SELECT, UPDATE ON bench_plain TO " + logins[t]);
    }

    // The app's path: the session editor's knot edit through the charting seam
    // (db/charting_store.hpp), as the body chart makes it.
    const Editing in_the_editor = [&](int t) -> std::function<void(int)> {
        const auto login = logins[static_cast<std::size_t>(t)];
        std::shared_ptr<db::ChartingStore> store =
            db::connect_charting_store(server.uri(login, database), "bench-" + login);
        auto editor =
            std::make_shared<core::SessionEditor>(*store, sessions[static_cast<std::size_t>(t)]);
        return [store, editor, knot = editor->session().knots.at(0)](int i) mutable {
            knot.tenderness = i % 11;
            knot.result = sdk::KnotResult::reduced;
            editor->update_knot(knot);
        };
    };
    // The peer: the same change to a plain table, by the same logins.
    const Editing plain_table = [&](int t) -> std::function<void(int)> {
        const auto login = logins[static_cast<std::size_t>(t)];
        auto as = std::make_shared<ServerConnection>(
            ServerConnection::open(server.uri(login, database), "bench-" + login));
        return [as, id = knots[static_cast<std::size_t>(t)]](int i) {
            as->query(
                "UPDATE bench_plain SET tenderness = $1::integer, result = 'reduced' "
                "WHERE id = $2::bigint",
                {std::to_string(i % 11), id});
        };
    };
    const auto charted = edit_at_once(in_the_editor, charting_pace);
    const auto plain = edit_at_once(plain_table, charting_pace);
    char extra[160];
    std::snprintf(extra, sizeof extra,
                  "median %.2f ms; peer (plain table, same writers) p99 %.2f "
                  "ms, median %.2f ms: %.2fx",
                  charted.percentile(50), plain.percentile(99), plain.percentile(50),
                  charted.percentile(99) / plain.percentile(99));
    bench::report("knot edit p99, 20 therapists charting at once", charted.percentile(99), "ms", 15,
                  extra);
    // No pause at all: every writer's next edit straight after its last one's commit, so the
    // audit chain's one lock always has 19 waiting. Printed, with no target.
    const auto flat_out = edit_at_once(in_the_editor, {});
    const auto plain_flat_out = edit_at_once(plain_table, {});
    std::printf(
        "knot edits with no pause, 20 writers: p99 %.2f ms, median %.2f ms; plain-table "
        "peer p99 %.2f ms, median %.2f ms (no target)\n",
        flat_out.percentile(99), flat_out.percentile(50), plain_flat_out.percentile(99),
        plain_flat_out.percentile(50));

    report_type_ahead(server, database, logins, front_desk, names);

    auto check = admin.query("SELECT count(*) FROM audit_log");
    std::printf("audit chain after the run: %s entries\n", check.text(0, 0).c_str());
    return 0;
}
