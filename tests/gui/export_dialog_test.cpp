// File > Export with the real exporter plugins, in a real window.
#include <catch2/catch.hpp>

#include <fstream>

#include <wx/choice.h>

#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "export_dialog.hpp"
#include "pch.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("the export dialog exports the open client in the chosen format", "[gui][export]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "k.db");
    store.add_demo_data({3, 2, 1});
    const auto client = store.clients(0, 1).at(0);

    gui::ExportDialog dialog(nullptr, host, store, client.id, "A client");
    dialog.Show();
    wxYield();
    auto* formats = dialog.formats();
    int xml = wxNOT_FOUND;
    for (unsigned i = 0; i < formats->GetCount(); ++i) {
        if (formats->GetString(i).Contains("(xml)"))
            xml = static_cast<int>(i);
    }
    REQUIRE(xml != wxNOT_FOUND);
    CHECK(formats->GetCount() >= 4);  // xml, fhir-r4-xml, csv, html
    formats->SetSelection(xml);
    const auto out = dir / "one-client.xml";
    dialog.destination()->SetValue(wxString::FromUTF8(out.string()));
    REQUIRE(dialog.run());
    CHECK(dialog.message().Contains("Exported 1 clients"));
    std::ifstream in(out);
    const std::string xml_text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    CHECK(xml_text.find("<family-name>" + client.family_name + "</family-name>") !=
          std::string::npos);

    // A destination that cannot be written is reported, not thrown, and nothing is left.
    dialog.destination()->SetValue("/proc/forbidden/export.xml");
    CHECK_FALSE(dialog.run());
    CHECK_FALSE(dialog.message().IsEmpty());
    dialog.Hide();
}
