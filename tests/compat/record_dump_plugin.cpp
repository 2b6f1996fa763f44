// The compat plugin: an exporter, an importer and a questionnaire provider that write and read
// every record field their SDK knows (record_dump.hpp). The same source is built twice: against
// the frozen SDK 2.0 headers (sdk-2.0/) and against the current SDK, so the tests can load a
// plugin of the older minor into the current host, and one of the current minor into a host
// that only knows 2.0.
#include <fstream>

#include <knotnotes/sdk/sdk.hpp>

#include "record_dump.hpp"

namespace {

namespace sdk = knotnotes::sdk;

// "compat-dump-2.0" or "compat-dump-2.1": the SDK this copy was built against.
std::string format_id() {
    return "compat-dump-" + std::to_string(KNOTNOTES_SDK_ABI_MAJOR) + "." +
           std::to_string(KNOTNOTES_SDK_ABI_MINOR);
}

sdk::ExportFormat dump_format() {
    return {format_id(), "Every field, as text (SDK " + format_id().substr(12) + ")", ".txt",
            false};
}

class DumpExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override { return dump_format(); }
    void begin(const sdk::ExportContext& context) override {
        path_ = context.path.string();
        out_.open(context.path, std::ios::binary | std::ios::trunc);
        if (!out_)
            throw sdk::PluginError("cannot create " + path_);
        w_.text = "[export]\ninstallation_id=" + context.installation_id + "\n";
        flush();
    }
    void write_practitioner(const sdk::Practitioner& p) override { w_.practitioner(p), flush(); }
    void write_client(const sdk::Client& c) override { w_.client(c), flush(); }
    void write_intake(const sdk::Intake& i) override { w_.intake(i), flush(); }
    void write_session(const sdk::Session& s) override { w_.session(s), flush(); }
    void write_questionnaire_response(const sdk::QuestionnaireResponse& r) override {
        w_.response(r), flush();
    }
    void end() override {
        out_.close();
        if (!out_)
            throw sdk::PluginError("cannot finish writing " + path_);
    }

  private:
    void flush() {
        out_ << w_.text;
        w_.text.clear();
        if (!out_)
            throw sdk::PluginError("cannot write " + path_);
    }

    std::string path_;
    std::ofstream out_;
    compat::Writer w_;
};

class DumpImporter : public sdk::Importer {
  public:
    sdk::ExportFormat format() const override { return dump_format(); }
    void validate(const std::filesystem::path& file) override { read(file, nullptr); }
    void import(const std::filesystem::path& file, sdk::ImportSink& sink) override {
        read(file, &sink);
#if KNOTNOTES_SDK_ABI_MINOR >= 2
        // A 2.2 note: a 2.0 or 2.1 host's sink has no `note`, so it must quietly go nowhere
        // (the frozen 2.0 host's import test would fail on an error here).
        sink.note({"dump", 1, 0});
#endif
    }

  private:
    static void read(const std::filesystem::path& file, sdk::ImportSink* sink) {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw sdk::ImportError(0, "cannot open " + file.string());
        std::string first;
        std::getline(in, first);
        std::string installation;
        std::getline(in, installation);
        if (first != "[export]")
            throw sdk::ImportError(1, "not a record dump");
        compat::Reader(sink).read(in);
    }
};

// One instrument: two items 0..5, scored as their sum, bands [0, 5) low and [5, 10] high.
class TallyProvider : public sdk::QuestionnaireProvider {
  public:
    std::vector<sdk::QuestionnaireDefinition> definitions() const override {
        sdk::QuestionnaireDefinition d;
        d.id = "tally";
        d.title = "Tally (compat test)";
        d.version = "1";
        d.licence_text = "Test instrument, free.";
        for (const char* id : {"a", "b"}) {
            sdk::QuestionnaireItem item;
            item.id = id;
            item.text = std::string("Item ") + id;
            item.min = 0;
            item.max = 5;
            d.items.push_back(item);
        }
        d.bands = {{0, 5, "low"}, {5, 10, "high"}};
        d.meaningful_change = 1.5;
        return {d};
    }
    sdk::QuestionnaireScore score(
        const std::string& instrument_id,
        const std::vector<sdk::QuestionnaireAnswer>& answers) const override {
        if (instrument_id != "tally")
            throw sdk::InvalidAnswer("there is no questionnaire '" + instrument_id + "'");
        double sum = 0;
        for (const auto& answer : answers) {
            if (!answer.value || *answer.value < 0 || *answer.value > 5)
                throw sdk::InvalidAnswer("tally: item '" + answer.item_id + "' must be 0 to 5");
            sum += *answer.value;
        }
        const auto definition = definitions().front();
        return {sum, sdk::band_label(definition, sum)};
    }
};

class CompatPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::Exporter> create_exporter() override {
        return std::make_unique<DumpExporter>();
    }
    std::unique_ptr<sdk::Importer> create_importer() override {
        return std::make_unique<DumpImporter>();
    }
    std::unique_ptr<sdk::QuestionnaireProvider> create_questionnaire_provider() override {
        return std::make_unique<TallyProvider>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(CompatPlugin);
