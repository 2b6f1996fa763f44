#include "demo_data.hpp"

#include <knotnotes/sdk/body_chart.hpp>
#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "core/signing/note_signing.hpp"
#include "core/signing/signing_key.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"
#include "db/signing_key_repository.hpp"
#include "db/transaction.hpp"
#include "demo_random.hpp"

namespace knotnotes::core {
namespace {

namespace sdk = knotnotes::sdk;

const std::vector<std::string> given_names{
    "Olivia", "Liam",  "Emma",  "Noah",  "Ava",    "Oliver", "Sophia", "Elijah", "Isabella",
    "James",  "Mia",   "Lucas", "Amara", "Mateo",  "Chloé",  "Kenji",  "Priya",  "Tomás",
    "Ingrid", "Kwame", "Leila", "Niamh", "Ravi",   "Sofia",  "Yusuf",  "Hana",   "Marco",
    "Zoë",    "Aiden", "Freya", "Jonas", "Amelia", "Diego",  "Ella",   "Felix",  "Grace"};
const std::vector<std::string> family_names{
    "Smith",  "Johnson",  "Williams", "Brown",  "Jones",    "Garcia",   "Miller",  "Davis",
    "Martin", "Lee",      "Walker",   "Hall",   "Young",    "King",     "Wright",  "Lopez",
    "Hill",   "Scott",    "Green",    "Adams",  "Nakamura", "Okafor",   "Fischer", "Rossi",
    "Dubois", "Kowalski", "Novak",    "Haddad", "Singh",    "O'Brien",  "MacLeod", "Andersen",
    "Moreau", "Costa",    "Petrov",   "Müller", "Yilmaz",   "Svensson", "Kim",     "Nguyen"};

struct Pattern {
    const char* occupation;
    const char* activity;
    const char* reason;
    std::vector<std::string> muscles;
    const char* complaint;
};

const std::vector<Pattern> patterns{
    {"Software developer",
     "Desk work 9 h a day, cycles at weekends",
     "Neck and shoulder tension, headaches by evening",
     {"upper-trapezius", "levator-scapulae", "suboccipitals", "rhomboids", "pectoralis-minor",
      "sternocleidomastoid"},
     "tension across the shoulders and the back of the head"},
    {"Nurse",
     "Long shifts on her feet, lifts patients",
     "Low back ache after shifts",
     {"quadratus-lumborum", "lumbar-iliocostalis", "gluteus-medius", "piriformis",
      "erector-spinae"},
     "aching low back that spreads into the buttock"},
    {"Teacher",
     "Runs 30 km a week",
     "Tight calves and outer hip while training for a half marathon",
     {"gastrocnemius", "soleus", "tensor-fasciae-latae", "gluteus-medius", "vastus-lateralis",
      "hamstrings"},
     "tight calves and pain on the outside of the hip when running"},
    {"Carpenter",
     "Manual work, climbs and lifts all day",
     "Forearm and shoulder pain when gripping",
     {"forearm-extensors", "forearm-flexors", "infraspinatus", "deltoid", "teres-minor",
      "upper-trapezius"},
     "burning forearm and shoulder pain when gripping tools"},
    {"Barista",
     "Yoga twice a week",
     "Jaw tension and neck stiffness, clenches at night",
     {"masseter", "temporalis", "sternocleidomastoid", "scalenes", "upper-trapezius"},
     "jaw tightness and a stiff neck in the mornings"},
    {"Accountant",
     "Weight training four times a week",
     "Hip flexor and low back tightness after squats",
     {"iliopsoas", "quadratus-lumborum", "gluteus-minimus", "rectus-abdominis", "latissimus-dorsi",
      "piriformis"},
     "tight front of the hip and low back after heavy lifting"},
};

// Technique ids of the built-in technique-library plugins.
const std::string swedish = "org.knotnotes.techniques.swedish/";
const std::string deep = "org.knotnotes.techniques.deep-tissue/";
const std::string mfr = "org.knotnotes.techniques.myofascial/";
const std::vector<std::string> knot_techniques{
    deep + "ischemic-compression", deep + "stripping", deep + "cross-fibre-friction",
    mfr + "myofascial-release", mfr + "muscle-energy-technique"};

const std::vector<std::string> practitioner_names{"Alex Morgan", "Sam Rivera", "Jordan Baker"};

// Days since 1970-01-01 to "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
std::string date_of(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2);
    char text[64];
    std::snprintf(text, sizeof text, "%04ld-%02ld-%02ld", y, m, d);
    return text;
}

constexpr long first_day = 20094;  // 2025-01-06

class Generator {
  public:
    Generator(db::Database& db, const DemoOptions& options)
        : db_(db), options_(options), random_(options.seed) {}

    DemoSummary run(const std::function<void(int, int)>& progress) {
        {
            db::Transaction transaction(db_);
            db::PractitionerRepository practitioners(db_);
            // Synthetic practitioners, marked demo: never a profile, never signing real notes.
            // Their keys come from the seed and keep no secret half once the data is made.
            db::SigningKeyRepository keys(db_);
            for (const auto& name : practitioner_names) {
                sdk::Practitioner p{0, name, "RMT"};
                p.uid = next_uid();
                p.registration = "DEMO-" + std::to_string(1000 + practitioner_ids_.size());
                const auto id = practitioners.add(p, true);
                practitioner_ids_.push_back(id);
                auto key = seeded_signing_key(
                    id, "knotnotes-demo-key|" + std::to_string(options_.seed) + "|" + name);
                key.stored.created_at = date_of(first_day) + "T07:00:00.000Z";
                keys.add(key.stored);
                demo_keys_.push_back(std::move(key.unlocked));
            }
            transaction.commit();
        }
        // Batches of clients per transaction: a durable commit costs an fsync, and demo data
        // needs no per-client durability.
        constexpr int batch = 100;
        for (int first = 0; first < options_.clients; first += batch) {
            db::Transaction transaction(db_);
            const int last = std::min(options_.clients, first + batch);
            for (int i = first; i < last; ++i)
                add_client(i);
            transaction.commit();
            if (progress)
                progress(last, options_.clients);
        }
        return summary_;
    }

  private:
    void add_client(int index) {
        const auto& pattern = patterns[static_cast<std::size_t>(
            random_.between(0, static_cast<int>(patterns.size()) - 1))];
        sdk::Client client;
        client.given_name = random_.pick(given_names);
        client.family_name = random_.pick(family_names);
        const long start = first_day + random_.between(0, 300);
        client.birth_date =
            date_of(start - 365L * random_.between(19, 72) - random_.between(0, 364));
        client.phone = "+1 555 01" + std::to_string(random_.between(10, 99)) + " " +
                       std::to_string(random_.between(1000, 9999));
        client.email = email_letters(client.given_name) + "." + email_letters(client.family_name) +
                       std::to_string(index) + "@example.org";
        client.emergency_contact = random_.pick(given_names) + " " + client.family_name + ", " +
                                   "+1 555 02" + std::to_string(random_.between(10, 99));
        client.occupation = pattern.occupation;
        client.created_at = date_of(start) + "T08:00:00.000Z";
        client.uid = next_uid();
        const auto client_id = db::ClientRepository(db_).add(client);
        ++summary_.clients;

        const auto intake_id = add_intake(client_id, pattern, start, client.given_name);
        add_sessions(client_id, intake_id, pattern, start);
    }

    static std::string email_letters(const std::string& text) {
        std::string out;
        for (unsigned char c : text) {
            if (c < 0x80 && std::isalpha(c))
                out += static_cast<char>(std::tolower(c));
        }
        return out;
    }

    sdk::Id add_intake(sdk::Id client_id, const Pattern& pattern, long start,
                       const std::string& signer) {
        sdk::Intake intake;
        intake.client_id = client_id;
        intake.recorded_at = date_of(start) + "T08:05:00.000Z";
        intake.reason_for_visit = pattern.reason;
        intake.goals = "Less pain day to day and fewer flare-ups";
        intake.activity = pattern.activity;
        if (random_.chance(30)) {
            const int flags = random_.between(1, 2);
            for (int f = 0; f < flags; ++f) {
                const auto& c = sdk::contraindications[static_cast<std::size_t>(
                    random_.between(0, static_cast<int>(sdk::contraindications.size()) - 1))];
                if (std::find(intake.health_flags.begin(), intake.health_flags.end(), c.id) ==
                    intake.health_flags.end()) {
                    intake.health_flags.emplace_back(c.id);
                }
            }
        }
        if (random_.chance(25))
            intake.medications = "Ibuprofen as needed";
        if (random_.chance(15))
            intake.allergies = random_.chance(50) ? "Nut oils" : "Latex";
        if (random_.chance(20))
            intake.areas_to_avoid = "Abdomen";
        intake.preferred_pressure = random_.between(3, 8);
        intake.consent = {true, date_of(start), signer, ""};
        intake.uid = next_uid();
        return db::IntakeRepository(db_).save(intake);
    }

    void add_sessions(sdk::Id client_id, sdk::Id intake_id, const Pattern& pattern, long start) {
        db::SessionRepository sessions(db_);
        db::ChartEntryRepository entries(db_);
        db::QuestionnaireRepository questionnaires(db_);
        const auto practitioner = practitioner_ids_[static_cast<std::size_t>(
            random_.between(0, static_cast<int>(practitioner_ids_.size()) - 1))];

        // The client's own knots: 2-4 muscles of the pattern, each on a side, with a tenderness
        // that eases from session to session.
        struct TrackedKnot {
            std::string muscle;
            sdk::Side side;
            int tenderness;
            std::optional<sdk::Id> last_id;
        };
        std::vector<TrackedKnot> tracked;
        const int count = random_.between(2, 4);
        for (int k = 0; k < count; ++k) {
            tracked.push_back({random_.pick(pattern.muscles),
                               random_.chance(50) ? sdk::Side::left : sdk::Side::right,
                               random_.between(6, 9), std::nullopt});
        }

        long day = start;
        int pain = random_.between(5, 8);
        for (int s = 0; s < options_.sessions_per_client; ++s) {
            sdk::Session session;
            session.client_id = client_id;
            session.practitioner_id = practitioner;
            session.intake_id = intake_id;
            session.started_at =
                date_of(day) + "T" + std::to_string(9 + random_.between(0, 8)) + ":00:00.000Z";
            if (session.started_at.size() == 23)
                session.started_at.insert(11, "0");
            session.duration_minutes = random_.pick(std::vector<int>{45, 60, 60, 75, 90});
            session.pain_before = pain;
            session.pain_after = std::max(0, pain - random_.between(1, 3));
            session.subjective = std::string("Client reports ") + pattern.complaint + ", " +
                                 std::to_string(pain) + "/10 this week.";
            session.assessment = "Tissue responded well; pain " + std::to_string(pain) + " -> " +
                                 std::to_string(*session.pain_after) + ".";
            session.plan = s + 1 < options_.sessions_per_client
                               ? "Continue weekly; home care: heat and gentle stretching."
                               : "Review progress next visit.";
            session.uid = next_uid();
            const auto session_id = sessions.create_draft(session);
            ++summary_.sessions;

            std::string objective = "Palpated:";
            entries.add_technique_use({0, session_id, swedish + "effleurage", "",
                                       sdk::Side::bilateral, 3, 300, sdk::Tool::palm,
                                       sdk::Direction::along_fibres, "Relaxed, breathing slowed",
                                       next_uid()});
            ++summary_.technique_uses;
            for (auto& knot : tracked)
                add_knot(entries, session_id, knot.muscle, knot.side, knot.tenderness, knot.last_id,
                         objective);
            if (random_.chance(35)) {  // a new, latent knot found this session
                std::optional<sdk::Id> none;
                add_knot(entries, session_id, random_.pick(pattern.muscles),
                         random_.chance(50) ? sdk::Side::left : sdk::Side::right,
                         random_.between(3, 6), none, objective);
            }
            db::SessionRepository(db_).update_note([&] {
                auto s2 = session;
                s2.id = session_id;
                s2.objective = objective;
                return s2;
            }());

            questionnaires.add({0,
                                client_id,
                                session_id,
                                "org.knotnotes.questionnaires/nprs",
                                "1.0",
                                session.started_at,
                                {{"pain", double(pain), ""}},
                                double(pain),
                                pain >= 7   ? "severe"
                                : pain >= 4 ? "moderate"
                                            : "mild",
                                next_uid()});
            ++summary_.questionnaire_responses;
            if (s % 3 == 0) {
                const double a = pain, b = std::max(0, pain - 1), c = std::max(0, pain - 2);
                questionnaires.add({0,
                                    client_id,
                                    session_id,
                                    "org.knotnotes.questionnaires/peg-3",
                                    "1.0",
                                    session.started_at,
                                    {{"pain", a, ""}, {"enjoyment", b, ""}, {"activity", c, ""}},
                                    (a + b + c) / 3.0,
                                    "",
                                    next_uid()});
                ++summary_.questionnaire_responses;
            }
            if (s + 1 < options_.sessions_per_client) {
                // Signed at the end of the session, by the practitioner who charted it.
                const auto& key =
                    *demo_keys_[static_cast<std::size_t>(practitioner - practitioner_ids_.front())];
                sign_demo_note(db_, session_id, key,
                               session.started_at.substr(0, 11) +
                                   two_digits(std::stoi(session.started_at.substr(11, 2)) + 1) +
                                   session.started_at.substr(13));
            }
            for (auto& knot : tracked)
                knot.tenderness = std::max(1, knot.tenderness - random_.between(0, 2));
            pain = std::max(1, pain - random_.between(0, 1));
            day += random_.between(7, 14);
        }
    }

    void add_knot(db::ChartEntryRepository& entries, sdk::Id session_id,
                  const std::string& muscle_id, sdk::Side side, int tenderness,
                  std::optional<sdk::Id>& last_id, std::string& objective) {
        const auto* muscle = sdk::find_muscle(muscle_id);
        sdk::Knot knot;
        knot.session_id = session_id;
        knot.muscle_id = muscle_id;
        knot.side = side;
        for (auto view : {sdk::ChartView::back, sdk::ChartView::front, sdk::ChartView::left,
                          sdk::ChartView::right}) {
            // At the centre of the muscle's region, a little off so knots are not in a grid.
            if (const auto* region = sdk::find_region(
                    sdk::body_chart(sdk::ChartFigure::neutral, view), muscle_id, side)) {
                knot.view = view;
                knot.x = std::clamp(region->centre.x + (random_.unit() - 0.5) * 0.004, 0.0, 1.0);
                knot.y = std::clamp(region->centre.y + (random_.unit() - 0.5) * 0.002, 0.0, 1.0);
                break;
            }
        }
        knot.kind = tenderness >= 6 ? sdk::KnotKind::active : sdk::KnotKind::latent;
        knot.tenderness = tenderness;
        knot.referral = muscle_id == "upper-trapezius" ? "side of the head" : "";
        knot.result = tenderness <= 3      ? sdk::KnotResult::released
                      : random_.chance(70) ? sdk::KnotResult::reduced
                                           : sdk::KnotResult::unchanged;
        knot.previous_knot_id = last_id;
        knot.uid = next_uid();
        last_id = entries.add_knot(knot);
        ++summary_.knots;
        objective += " " + std::string(muscle->name) + " (" + std::string(sdk::to_text(side)) +
                     ") " + std::to_string(tenderness) + "/10;";

        sdk::TechniqueUse use;
        use.session_id = session_id;
        use.technique_id = random_.pick(knot_techniques);
        use.muscle_id = muscle_id;
        use.side = side;
        use.pressure = std::min(8, 4 + tenderness / 2);
        use.duration_seconds = random_.between(3, 12) * 15;
        use.tool = random_.pick(std::vector<sdk::Tool>{sdk::Tool::thumb, sdk::Tool::knuckle,
                                                       sdk::Tool::elbow, sdk::Tool::forearm});
        use.direction =
            use.technique_id == deep + "cross-fibre-friction"   ? sdk::Direction::across_fibres
            : use.technique_id == deep + "ischemic-compression" ? sdk::Direction::sustained
                                                                : sdk::Direction::along_fibres;
        use.response = knot.result == sdk::KnotResult::released ? "Released" : "Softened";
        use.uid = next_uid();
        entries.add_technique_use(use);
        ++summary_.technique_uses;
        entries.add_pressure_reading({0, session_id, muscle_id, side, *use.pressure, next_uid()});
    }

    // Record uids from a stream of their own, so they follow from the seed without changing the
    // records the main stream makes.
    std::string next_uid() {
        static constexpr char hex[] = "0123456789abcdef";
        std::string uid;
        for (int half = 0; half < 2; ++half) {
            auto bits = uid_random_.next();
            for (int i = 0; i < 16; ++i, bits >>= 4)
                uid += hex[bits & 0x0f];
        }
        uid[12] = '4';                                                    // version 4
        uid[16] = hex[8 + (static_cast<unsigned char>(uid[16]) & 0x03)];  // RFC 4122 variant
        for (std::size_t at : {8, 13, 18, 23})
            uid.insert(at, "-");
        return uid;
    }

    static std::string two_digits(int n) {
        return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
    }

    db::Database& db_;
    DemoOptions options_;
    DemoRandom random_;
    DemoRandom uid_random_{options_.seed ^ 0x6b6e6f74756964ULL};  // "knotuid"
    std::vector<std::unique_ptr<UnlockedKey>> demo_keys_;
    DemoSummary summary_;
    std::vector<sdk::Id> practitioner_ids_;
};

}  // namespace

const std::vector<std::string>& demo_given_names() {
    return given_names;
}

const std::vector<std::string>& demo_family_names() {
    return family_names;
}

DemoSummary generate_demo_data(db::Database& db, const DemoOptions& options,
                               const std::function<void(int, int)>& progress) {
    return Generator(db, options).run(progress);
}

}  // namespace knotnotes::core
