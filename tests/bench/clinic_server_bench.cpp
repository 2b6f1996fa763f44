// clinic_server_bench — 20 therapists charting at once against a loopback PostgreSQL server
// (issue 14: knot edit p99 <= 15 ms). Each therapist has their own login, so every edit goes
// through the clinic schema as it will in use: row-level security, the seal triggers and the
// audit chain appended at commit under its one lock. The peer, measured in the same run by the
// same 20 writers, is the same UPDATE on a plain table with none of that.
//
// Run under tests/support/postgres_session.sh (./dev.sh bench does), which gives the server.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "db/postgres/clinic_logins.hpp"
#include "db/postgres/server_connection.hpp"
#include "db/postgres/server_migrations.hpp"

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

// Every writer edits its own knot `edits_each` times, all at once; returns every edit's time.
bench::Samples edit_at_once(const Server& server, const std::string& database,
                            const std::vector<std::string>& logins,
                            const std::vector<std::string>& targets, const std::string& sql) {
    bench::Samples all;
    std::mutex lock;
    std::vector<std::thread> writers;
    for (int t = 0; t < therapists; ++t) {
        writers.emplace_back([&, t] {
            auto as = ServerConnection::open(server.uri(logins[t], database), "bench-" + logins[t]);
            const auto target = targets[static_cast<std::size_t>(t)];
            for (int i = 0; i < edits_each / 8; ++i)  // warm-up: plans, caches
                as.query(sql, {std::to_string(i % 11), target});
            std::vector<double> mine;
            for (int i = 0; i < edits_each; ++i) {
                const auto start = bench::Clock::now();
                as.query(sql, {std::to_string(i % 11), target});
                mine.push_back(bench::elapsed_ms(start));
            }
            std::lock_guard<std::mutex> guard(lock);
            all.ms.insert(all.ms.end(), mine.begin(), mine.end());
        });
    }
    for (auto& writer : writers)
        writer.join();
    return all;
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
    // A clinic's worth of clients, spread over the therapists, one draft session each.
    const auto start = bench::Clock::now();
    admin.query(
        "INSERT INTO clients (given_name, family_name, responsible_login) "
        "SELECT 'Client', 'Number ' || n, 'bench_t' || (n % $1) "
        "FROM generate_series(1, $2) AS n",
        {std::to_string(therapists), std::to_string(clients)});
    admin.execute(
        "INSERT INTO sessions (client_id, practitioner_id, started_at) "
        "SELECT c.id, p.id, '2026-12-01T10:00:00.000Z' FROM clients c "
        "JOIN practitioners p ON p.login = c.responsible_login");
    std::printf("set-up: %d clients and sessions for %d therapists in %.1f s\n", clients,
                therapists, bench::elapsed_ms(start) / 1000);

    std::vector<std::string> knots;
    admin.execute(
        "CREATE TABLE bench_plain (id bigint PRIMARY KEY, tenderness integer, "
        "result text)");
    for (int t = 0; t < therapists; ++t) {
        auto as = ServerConnection::open(server.uri(logins[t], database), "bench-" + logins[t]);
        knots.push_back(as.query("INSERT INTO knots (session_id, muscle_id, side, view, x, y, "
                                 "kind, tenderness) SELECT min(id), (SELECT min(id) FROM "
                                 "muscles), 'left', 'back', 0.4, 0.3, 'active', 5 FROM sessions "
                                 "RETURNING id")
                            .text(0, 0));
        admin.query("INSERT INTO bench_plain VALUES ($1, 5, 'untreated')", {knots.back()});
        admin.execute("GRANT SELECT, UPDATE ON bench_plain TO " + logins[t]);
    }

    const auto charted = edit_at_once(
        server, database, logins, knots,
        "UPDATE knots SET tenderness = $1::integer, result = 'reduced' WHERE id = $2::bigint");
    const auto plain = edit_at_once(server, database, logins, knots,
                                    "UPDATE bench_plain SET tenderness = $1::integer, result = "
                                    "'reduced' WHERE id = $2::bigint");
    const double p99 = charted.percentile(99);
    const double plain_p99 = plain.percentile(99);
    char extra[160];
    std::snprintf(extra, sizeof extra,
                  "median %.2f ms; peer (plain table, same writers) p99 %.2f "
                  "ms, median %.2f ms: %.2fx",
                  charted.percentile(50), plain_p99, plain.percentile(50), p99 / plain_p99);
    bench::report("knot edit p99, 20 therapists at once (clinic server)", p99, "ms", 15, extra);

    auto check = admin.query("SELECT count(*) FROM audit_log");
    std::printf("audit chain after the run: %s entries\n", check.text(0, 0).c_str());
    return 0;
}
