// The Plugins dialog over the broken-plugins fixture folder, in a real window.
#include <catch2/catch.hpp>

#include <wx/uiaction.h>

#include "core/plugin_host.hpp"
#include "pch.hpp"
#include "plugins_dialog.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

long row_of(wxListCtrl& list, const std::string& id) {
    for (long row = 0; row < list.GetItemCount(); ++row) {
        if (list.GetItemText(row, gui::col_id) == id)
            return row;
    }
    return -1;
}

void let_events_run() {
    for (int i = 0; i < 20; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

}  // namespace

TEST_CASE("the Plugins dialog lists every plugin with its status", "[gui][plugins]") {
    TempDir config;
    core::PluginHost host({{KNOTNOTES_TEST_BROKEN_PLUGINS_DIR}, config.path()});
    host.discover();
    host.load_enabled();

    gui::PluginsDialog dialog(nullptr, host);
    dialog.Show();
    let_events_run();
    auto& list = *dialog.list();
    REQUIRE(list.GetItemCount() == static_cast<int>(host.plugins().size()));
    const long good = row_of(list, "org.knotnotes.test.good");
    REQUIRE(good >= 0);
    CHECK(list.GetItemText(good, gui::col_status) == "loaded");
    CHECK(list.GetItemText(good, gui::col_kinds) == "exporter");
    CHECK(list.GetItemText(row_of(list, "org.knotnotes.test.no-symbols"), gui::col_status) ==
          "refused");
    CHECK(list.GetItemText(row_of(list, "org.knotnotes.test.factory-throws"), gui::col_status) ==
          "disabled");
    dialog.Hide();
}

TEST_CASE("clicking Disable in the Plugins dialog disables the plugin and remembers it",
          "[gui][plugins]") {
    TempDir config;
    core::PluginHost host({{KNOTNOTES_TEST_BROKEN_PLUGINS_DIR}, config.path()});
    host.discover();
    host.load_enabled();

    gui::PluginsDialog dialog(nullptr, host);
    dialog.Show();
    dialog.Raise();
    let_events_run();
    auto& list = *dialog.list();
    const long good = row_of(list, "org.knotnotes.test.good");
    list.SetItemState(good, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    let_events_run();

    auto* toggle = wxWindow::FindWindowByName("plugins-toggle", &dialog);
    REQUIRE(toggle);
    CHECK(toggle->GetLabel() == "&Disable");
    // A real click: the pointer moves to the button and presses it (XTest under Xvfb).
    wxUIActionSimulator sim;
    sim.MouseMove(toggle->GetScreenRect().GetPosition() + wxPoint(10, 8));
    let_events_run();
    sim.MouseClick();
    let_events_run();

    CHECK(list.GetItemText(good, gui::col_status) == "disabled");
    CHECK(host.find("org.knotnotes.test.good")->state == core::PluginState::disabled);
    core::PluginSettings remembered(config.path() / "plugins.xml");
    CHECK_FALSE(remembered.is_enabled("org.knotnotes.test.good"));
    dialog.Hide();
}
