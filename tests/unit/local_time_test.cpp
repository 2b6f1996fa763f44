// The one UTC <-> local conversion, in time zones on both sides of UTC (and across a change to
// summer time), with TZ set as a user's machine would have it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/client_header.hpp"
#include "core/local_time.hpp"

using namespace knotnotes;

namespace {

// Sets TZ for the scope of one test, then puts back what the process had.
class TimeZone {
  public:
    explicit TimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ"))
            old_ = old, had_ = true;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~TimeZone() {
        if (had_)
            ::setenv("TZ", old_.c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }

  private:
    std::string old_;
    bool had_ = false;
};

}  // namespace

TEST_CASE("a stored UTC time is shown in the local time zone", "[core][local-time]") {
    const std::string stored = "2026-11-25T09:30:00.123Z";
    {
        TimeZone zone("America/Los_Angeles");  // UTC-8 in November
        CHECK(core::local_time_text(stored) == "2026-11-25 01:30");
        CHECK(core::local_date_text("2026-11-25T05:00:00.000Z") == "2026-11-24");
    }
    {
        TimeZone zone("Asia/Kolkata");  // UTC+5:30
        CHECK(core::local_time_text(stored) == "2026-11-25 15:00");
        CHECK(core::local_date_text("2026-11-25T20:00:00Z") == "2026-11-26");
    }
    {
        TimeZone zone("Pacific/Auckland");  // UTC+13 in (southern) summer
        CHECK(core::local_time_text(stored) == "2026-11-25 22:30");
    }
    {
        TimeZone zone("UTC");
        CHECK(core::local_time_text(stored) == "2026-11-25 09:30");
    }
}

TEST_CASE("text that is not a UTC timestamp is shown as it is", "[core][local-time]") {
    TimeZone zone("Asia/Kolkata");
    CHECK(core::local_time_text("") == "");
    CHECK(core::local_time_text("2026-11-25") == "2026-11-25");
    CHECK(core::local_time_text("yesterday at noon") == "yesterday at noon");
    CHECK(core::local_time_text("2026-11-25T09:30:00") == "2026-11-25T09:30:00");  // no zone
}

TEST_CASE("a local day is a range of UTC instants, also on a summer-time day",
          "[core][local-time]") {
    {
        TimeZone zone("America/Los_Angeles");
        CHECK(core::utc_start_of_local_day("2026-11-25") == "2026-11-25T08:00:00.000Z");
        CHECK(core::utc_end_of_local_day("2026-11-25") == "2026-11-26T07:59:59.999Z");
        // 2026-03-08: clocks go forward, the local day has 23 hours.
        CHECK(core::utc_start_of_local_day("2026-03-08") == "2026-03-08T08:00:00.000Z");
        CHECK(core::utc_end_of_local_day("2026-03-08") == "2026-03-09T06:59:59.999Z");
    }
    {
        TimeZone zone("Asia/Kolkata");
        CHECK(core::utc_start_of_local_day("2026-11-25") == "2026-11-24T18:30:00.000Z");
        CHECK(core::utc_end_of_local_day("2026-11-25") == "2026-11-25T18:29:59.999Z");
    }
    CHECK(core::utc_start_of_local_day("25/11/2026").empty());
    CHECK(core::utc_end_of_local_day("2026-02-30").empty());
}

TEST_CASE("age in whole years, and the client header line", "[core][local-time]") {
    CHECK(core::age_in_years("1980-03-12", "2026-03-11") == 45);
    CHECK(core::age_in_years("1980-03-12", "2026-03-12") == 46);
    CHECK(core::age_in_years("2000-02-29", "2025-02-28") == 24);
    CHECK_FALSE(core::age_in_years("12/03/1980", "2026-03-12"));
    CHECK_FALSE(core::age_in_years("2030-01-01", "2026-03-12"));

    sdk::Client c;
    c.given_name = "Jo";
    c.family_name = "Smith";
    c.birth_date = "1980-03-12";
    c.occupation = "Teacher";
    CHECK(core::client_full_name(c) == "Jo Smith");
    CHECK(core::client_header_details(c, "2026-12-02") == "Born 1980-03-12 (46) \xC2\xB7 Teacher");
    c.birth_date.clear();
    c.occupation.clear();
    CHECK(core::client_header_details(c, "2026-12-02") == "Date of birth not recorded");
}
