// IntakeService (validation, versioning) and the contraindication banner model, on a real
// SQLite file.
#include <catch2/catch.hpp>

#include "core/contraindication_banner.hpp"
#include "core/intake_service.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

sdk::Intake agreed_intake(sdk::Id client) {
    sdk::Intake intake;
    intake.client_id = client;
    intake.reason_for_visit = "Stiff neck after long desk days";
    intake.preferred_pressure = 6;
    intake.consent.agreed = true;
    intake.consent.date = "2026-03-14";
    intake.consent.signer_name = "Jo Smith";
    return intake;
}

// Runs save() and returns the field the error named; fails the test when nothing was thrown.
core::IntakeField rejected_field(core::IntakeService& service, const sdk::Intake& intake,
                                 const std::string& field_name) {
    try {
        service.save(intake);
    } catch (const core::IntakeValidationError& e) {
        const std::string message = e.what();
        CHECK(message.rfind(field_name + ": ", 0) == 0);
        const std::invalid_argument& as_invalid_argument = e;
        CHECK(std::string(as_invalid_argument.what()) == message);
        return e.field();
    }
    FAIL("save() accepted an invalid intake");
    return core::IntakeField::client;
}

}  // namespace

TEST_CASE("intake service saves each change as a new version and keeps the old ones",
          "[core][intake]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    core::IntakeService service(database);

    auto v1 = service.current(r.client);
    REQUIRE(v1);
    CHECK(v1->version == 1);

    auto edited = *v1;
    edited.goals = "Turn my head when driving";
    edited.health_flags = {"dvt-history", "anticoagulants", "dvt-history"};
    edited.consent = agreed_intake(r.client).consent;
    edited.consent.signer_name = "  Jo Smith ";
    const auto v2 = service.save(edited);
    CHECK(v2.version == 2);
    CHECK(v2.id != v1->id);
    CHECK_FALSE(v2.recorded_at.empty());
    CHECK(v2.goals == "Turn my head when driving");
    // Duplicates dropped, stored in the order of the contraindication table.
    CHECK(v2.health_flags == std::vector<std::string>{"anticoagulants", "dvt-history"});
    CHECK(v2.consent.signer_name == "Jo Smith");

    CHECK(service.current(r.client)->version == 2);
    const auto history = service.history(r.client);
    REQUIRE(history.size() == 2);
    CHECK(history[0].goals.empty());  // version 1 as it was
    CHECK(history[0].health_flags == std::vector<std::string>{"anticoagulants"});
    CHECK(history[1].id == v2.id);
}

TEST_CASE("intake service names the field of each validation error and saves nothing",
          "[core][intake]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    core::IntakeService service(database);

    auto intake = agreed_intake(r.client);
    SECTION("preferred pressure above 10") {
        intake.preferred_pressure = 11;
        CHECK(rejected_field(service, intake, "Preferred pressure") ==
              core::IntakeField::preferred_pressure);
    }
    SECTION("preferred pressure below 0") {
        intake.preferred_pressure = -1;
        CHECK(rejected_field(service, intake, "Preferred pressure") ==
              core::IntakeField::preferred_pressure);
    }
    SECTION("agreed consent without a date") {
        intake.consent.date = "";
        CHECK(rejected_field(service, intake, "Consent date") == core::IntakeField::consent_date);
    }
    SECTION("a date that is not a real day") {
        intake.consent.date = "2026-02-30";
        CHECK(rejected_field(service, intake, "Consent date") == core::IntakeField::consent_date);
    }
    SECTION("a date in another format") {
        intake.consent.date = "14/03/2026";
        CHECK(rejected_field(service, intake, "Consent date") == core::IntakeField::consent_date);
    }
    SECTION("agreed consent with a blank signer name") {
        intake.consent.signer_name = "   ";
        CHECK(rejected_field(service, intake, "Signer name") == core::IntakeField::consent_signer);
    }
    SECTION("an unknown contraindication id") {
        intake.health_flags = {"pregnancy", "broken-heart"};
        CHECK(rejected_field(service, intake, "Health history") == core::IntakeField::health_flags);
    }
    SECTION("a client that does not exist") {
        intake.client_id = r.client + 100;
        CHECK(rejected_field(service, intake, "Client") == core::IntakeField::client);
    }
    CHECK(service.history(r.client).size() == 1);
}

TEST_CASE("intake service accepts a valid intake at the edges", "[core][intake]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    core::IntakeService service(database);

    auto intake = agreed_intake(r.client);
    intake.preferred_pressure = 0;
    intake.consent.date = "2024-02-29";  // a leap day
    CHECK(service.save(intake).version == 2);
    intake.preferred_pressure = 10;
    intake.consent = {};  // no consent yet: no date or name needed
    CHECK(service.save(intake).version == 3);
    intake.preferred_pressure.reset();
    CHECK(service.save(intake).version == 4);
    CHECK_FALSE(service.current(r.client)->preferred_pressure);

    CHECK(core::is_calendar_date("2000-02-29"));
    CHECK_FALSE(core::is_calendar_date("1900-02-29"));
    CHECK_FALSE(core::is_calendar_date("2026-13-01"));
    CHECK_FALSE(core::is_calendar_date("2026-1-01"));
}

TEST_CASE("same_answers tells an edited intake from an unchanged one", "[core][intake]") {
    auto a = agreed_intake(3);
    a.health_flags = {"pregnancy", "fever"};
    auto b = a;
    b.id = 9;
    b.version = 4;
    b.recorded_at = "2026-01-01T00:00:00Z";
    b.health_flags = {"fever", "pregnancy"};
    CHECK(core::same_answers(a, b));
    b.consent.signature_png_base64 = "iVBORw0KGgo=";
    CHECK_FALSE(core::same_answers(a, b));
}

TEST_CASE("intake banner is empty without flags or allergies", "[core][intake][banner]") {
    sdk::Intake intake;
    CHECK(core::contraindication_banner(intake).empty());
    intake.allergies = " None. ";
    CHECK(core::contraindication_banner(intake).empty());
    intake.allergies = "NKA";
    CHECK(core::contraindication_banner(intake).empty());
    CHECK(core::contraindication_banner(std::optional<sdk::Intake>{}).empty());
}

TEST_CASE("intake banner with cautions only is a caution", "[core][intake][banner]") {
    sdk::Intake intake;
    intake.health_flags = {"varicose-veins", "anticoagulants"};
    const auto banner = core::contraindication_banner(intake);
    REQUIRE(banner.severity == sdk::Severity::caution);
    CHECK(banner.text == "Caution: Anticoagulant medication, Varicose veins");
    CHECK(banner.guidance ==
          std::vector<std::string>{
              "Anticoagulant medication: Bruises easily: light to medium pressure, no deep "
              "stripping.",
              "Varicose veins: Light, no deep work over the veins."});
    CHECK(banner.allergies.empty());
}

TEST_CASE("intake banner with avoid and caution flags is an avoid listing both groups",
          "[core][intake][banner]") {
    sdk::Intake intake;
    intake.health_flags = {"anticoagulants", "dvt-history", "bleeding-disorder"};
    const auto banner = core::contraindication_banner(intake);
    REQUIRE(banner.severity == sdk::Severity::avoid);
    CHECK(banner.text ==
          "Avoid deep work: Bleeding disorder, Deep-vein thrombosis history \xC2\xB7 "
          "Caution: Anticoagulant medication");
    REQUIRE(banner.guidance.size() == 3);
    CHECK(banner.guidance[0] == "Bleeding disorder: No deep work without medical clearance.");
    CHECK(banner.guidance[2].rfind("Anticoagulant medication: ", 0) == 0);
}

TEST_CASE("intake banner shows allergies for the choice of massage oil", "[core][intake][banner]") {
    sdk::Intake intake;
    intake.allergies = "nut oils,\n latex";
    SECTION("allergies alone make a caution") {
        const auto banner = core::contraindication_banner(intake);
        CHECK(banner.severity == sdk::Severity::caution);
        CHECK(banner.text == "Allergies: nut oils, latex");
        CHECK(banner.allergies == "nut oils, latex");
        CHECK(banner.guidance.empty());
    }
    SECTION("with conditions the allergies end the line") {
        intake.health_flags = {"fever"};
        const auto banner = core::contraindication_banner(intake);
        CHECK(banner.severity == sdk::Severity::avoid);
        CHECK(banner.text ==
              "Avoid deep work: Fever or acute infection \xC2\xB7 Allergies: nut oils, latex");
    }
}

TEST_CASE("intake banner still shows a flag it does not know", "[core][intake][banner]") {
    sdk::Intake intake;
    intake.health_flags = {"future-condition"};
    const auto banner = core::contraindication_banner(intake);
    CHECK(banner.severity == sdk::Severity::caution);
    CHECK(banner.text == "Caution: future-condition");
}
