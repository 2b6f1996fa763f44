// File > Export with the real exporter plugins, in a real window.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/radiobut.h>

#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "core/session_editor.hpp"
#include "export_dialog.hpp"
#include "gui_test_support.hpp"
#include "import_preview_dialog.hpp"
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
    dialog.Raise();
    wxYield();
    auto* formats = dialog.formats();
    CHECK(formats->GetCount() >= 4);  // xml, fhir-r4-xml, csv, html
    REQUIRE(test::choose_with_keys(formats, "(xml)"));
    const auto out = dir / "one-client.xml";
    dialog.destination()->SetValue(wxString::FromUTF8(out.string()));
    // The dialog says, before and after, that the file it writes is not encrypted.
    auto* notice = wxWindow::FindWindowByName("export-not-encrypted", &dialog);
    REQUIRE(notice != nullptr);
    CHECK(notice->IsShownOnScreen());
    CHECK(notice->GetLabel().Contains("not encrypted"));
    CHECK(notice->GetRect().GetBottom() <= dialog.GetClientSize().GetHeight());
    REQUIRE(dialog.run());
    CHECK(dialog.message().Contains("Exported 1 clients"));
    CHECK(dialog.message().Contains("The export is not encrypted"));
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

TEST_CASE("the FHIR export's Bundle type and SNOMED CT option, chosen in the dialog",
          "[gui][export][fhir]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "k.db");
    store.add_demo_data({2, 2, 1});

    gui::ExportDialog dialog(nullptr, host, store, 0, "");
    dialog.Show();
    dialog.Raise();
    test::let_events_run();
    // Only while FHIR is the format are its options on screen.
    REQUIRE(test::choose_with_keys(dialog.formats(), "(xml)"));
    CHECK_FALSE(dialog.fhir_bundle()->IsShownOnScreen());
    REQUIRE(test::choose_with_keys(dialog.formats(), "(fhir-r4-xml)"));
    test::let_events_run();
    REQUIRE(dialog.fhir_bundle()->IsShownOnScreen());
    CHECK(dialog.fhir_snomed()->IsShownOnScreen());
    CHECK(dialog.fhir_snomed()->IsChecked());  // the defaults: a transaction, with SNOMED CT
    CHECK(dialog.exporter_options().empty());
    CHECK(dialog.fhir_snomed()->GetRect().GetBottom() <= dialog.GetClientSize().GetHeight());
    CHECK(dialog.GetSize().y <= 700);
    // A collection, without SNOMED CT: chosen with the keyboard and a click, as a user does.
    dialog.fhir_bundle()->SetFocus();
    test::let_events_run(5);
    {
        wxUIActionSimulator sim;
        sim.Char(WXK_DOWN);
    }
    test::let_events_run();
    CHECK(dialog.fhir_bundle()->GetSelection() == 1);
    test::click(dialog.fhir_snomed());
    test::let_events_run();
    CHECK_FALSE(dialog.fhir_snomed()->IsChecked());
    const auto out = dir / "records.fhir.xml";
    dialog.destination()->SetValue(wxString::FromUTF8(out.string()));
    REQUIRE(dialog.run());
    std::ifstream in(out);
    const std::string bundle((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    CHECK(bundle.find("<type value=\"collection\"/>") != std::string::npos);
    CHECK(bundle.find("<request>") == std::string::npos);
    CHECK(bundle.find("http://snomed.info/sct") == std::string::npos);
    CHECK(bundle.find("<Patient>") != std::string::npos);
    // Back to XML: the FHIR options go away and say nothing to the XML exporter.
    REQUIRE(test::choose_with_keys(dialog.formats(), "(xml)"));
    test::let_events_run();
    CHECK_FALSE(dialog.fhir_bundle()->IsShownOnScreen());
    CHECK(dialog.exporter_options().empty());
    dialog.Hide();
}

TEST_CASE("opening an export previews what it holds and imports it on request", "[gui][import]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    const auto file = dir / "two.knotnotes.xml";
    {
        core::RecordStore source(dir / "source.db");
        source.add_demo_data({2, 2, 3});
        gui::ExportDialog dialog(nullptr, host, source, 0, "");
        for (unsigned i = 0; i < dialog.formats()->GetCount(); ++i) {
            if (dialog.formats()->GetString(i).Contains("(xml)"))
                dialog.formats()->SetSelection(i);
        }
        dialog.destination()->SetValue(wxString::FromUTF8(file.string()));
        REQUIRE(dialog.run());
    }
    core::RecordStore target(dir / "target.db");
    gui::ImportPreviewDialog preview(nullptr, host, target, file);
    REQUIRE(preview.can_import());
    CHECK(preview.summary().Contains("2 clients"));
    CHECK(target.client_count() == 0);  // the preview changes nothing
    REQUIRE(preview.import());
    CHECK(target.client_count() == 2);

    std::ofstream(dir / "broken.knotnotes.xml") << "<knotnotes-records";
    gui::ImportPreviewDialog broken(nullptr, host, target, dir / "broken.knotnotes.xml");
    CHECK_FALSE(broken.can_import());
    CHECK(broken.summary().Contains("malformed XML"));
}

TEST_CASE("the export date range is in local days", "[gui][export][local-time]") {
    // Kolkata is UTC+5:30: a session at 23:30 UTC on the 25th is on the 26th there.
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    ::setenv("TZ", "Asia/Kolkata", 1);
    ::tzset();
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    core::RecordStore store(dir / "k.db");
    sdk::Client c;
    c.given_name = "Late";
    c.family_name = "Evening";
    const auto client = store.add_client(c);
    const auto id = core::SessionEditor::start_session(store.charting(), client,
                                                       test::charting_with_unlocked_key(store).id);
    core::SessionEditor editor(store.charting(), id, &store.note_signer());
    auto fields = editor.session();
    fields.started_at = "2026-11-25T23:30:00.000Z";
    editor.update_note(fields);

    gui::ExportDialog dialog(nullptr, host, store, 0, "");
    for (unsigned i = 0; i < dialog.formats()->GetCount(); ++i) {
        if (dialog.formats()->GetString(i).Contains("(xml)"))
            dialog.formats()->SetSelection(i);
    }
    dialog.date_range()->SetValue(true);
    auto export_day = [&](int day, const char* name) {
        wxDateTime date(static_cast<wxDateTime::wxDateTime_t>(day), wxDateTime::Nov, 2026);
        dialog.since()->SetValue(date);
        dialog.until()->SetValue(date);
        const auto out = dir / name;
        dialog.destination()->SetValue(wxString::FromUTF8(out.string()));
        REQUIRE(dialog.run());
        std::ifstream in(out);
        const std::string xml((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
        return xml.find("2026-11-25T23:30:00.000Z") != std::string::npos;
    };
    CHECK(export_day(26, "local-26.xml"));
    CHECK_FALSE(export_day(25, "local-25.xml"));
    if (old)
        ::setenv("TZ", saved.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
}
