// The passphrase dialog when there is no desktop keyring (issue 13), answered with real
// keystrokes: a new database is encrypted with the passphrase chosen (typed twice), reopening
// asks once, a wrong passphrase opens nothing and changes nothing, Cancel opens nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/record_store.hpp"
#include "database_key_dialog.hpp"
#include "db/file_identity.hpp"
#include "modal_input.hpp"
#include "pch.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::ModalInput;
using knotnotes::test::ScopedEnv;
using knotnotes::test::TempDir;

namespace {

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("without a keyring the app asks for a passphrase, twice for a new database",
          "[gui][encryption]") {
    TempDir dir;
    // No desktop session: the keyring is not asked.
    ScopedEnv no_bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    ScopedEnv no_runtime("XDG_RUNTIME_DIR", (dir / "no-runtime").string());
    const auto file = dir / "k.db";

    {
        ModalInput input;
        input.answer({{{"", "typed passphrase"}}, "encrypted"});
        input.answer({{{"", "typed passphrase"}}, "encrypted"});
        auto unlock = gui::database_key_for_window(nullptr, file, false);
        CHECK(input.shown() == 2);
        REQUIRE_FALSE(unlock.cancelled);
        REQUIRE_FALSE(unlock.key.empty());
        CHECK(unlock.note.Contains("passphrase you chose"));
        core::RecordStore store(file, std::move(unlock.key));
        sdk::Client c;
        c.given_name = "Dialog";
        store.add_client(c);
    }
    REQUIRE(db::identify_database_file(file).kind == db::FileKind::encrypted);
    const auto before = bytes_of(file);

    SECTION("reopening asks once") {
        ModalInput input;
        input.answer({{{"", "typed passphrase"}}, "encrypted"});
        auto unlock = gui::database_key_for_window(nullptr, file, false);
        CHECK(input.shown() == 1);
        core::RecordStore store(file, std::move(unlock.key));
        CHECK(store.client_count() == 1);
    }
    SECTION("a wrong passphrase opens nothing and leaves the file as it was") {
        ModalInput input;
        input.answer({{{"", "not the passphrase"}}, "encrypted"});
        auto unlock = gui::database_key_for_window(nullptr, file, false);
        CHECK_THROWS_AS(core::RecordStore(file, std::move(unlock.key)), db::DatabaseLocked);
        CHECK(bytes_of(file) == before);
    }
    SECTION("Cancel opens nothing") {
        ModalInput input;  // nothing scripted: the dialog is cancelled
        auto unlock = gui::database_key_for_window(nullptr, file, false);
        CHECK(input.shown() == 1);
        CHECK(unlock.cancelled);
    }
}
