// SPDX-License-Identifier: MIT
// bridge/host_side.hpp — the host's view of a loaded plugin: the C tables of abi.h behind the
// SDK's C++ interfaces, so the host (or a test harness) calls a plugin as if it were a C++
// object of its own SDK version.
//
// Specification
// - PluginProxy calls the plugin's entry point and owns the plugin object; its create_*
//   return proxies (Exporter, Importer, QuestionnaireProvider, TechniqueLibrary) that own the
//   plugin's objects and destroy them through their tables. The library must stay loaded
//   while any proxy lives (the caller's job).
// - A proxy converts each C++ record into its C view (to_c.hpp, reusing its buffers: no
//   allocation per record once they have grown), calls the table, and turns the status into
//   an exception (status.hpp): ImportError, InvalidAnswer, PluginError for the plugin's
//   expected failures, PluginFailure for its bugs. A function the plugin's table does not
//   provide is treated as abi.h says: abort() does nothing; any other is a PluginFailure.
// - Results come back through receivers that read the plugin's C structs into C++ values
//   (from_c.hpp): fields beyond the plugin's struct_size get their defaults.
// - The ImportSink the host passes to import() is served to the plugin as a kn_import_sink;
//   whatever the sink throws goes back to the plugin as KN_IMPORT_ERROR (or the status of a
//   PluginError), with the message: the file is at fault, not the plugin.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "knotnotes/sdk/bridge/from_c.hpp"
#include "knotnotes/sdk/bridge/status.hpp"
#include "knotnotes/sdk/bridge/to_c.hpp"
#include "knotnotes/sdk/plugin.hpp"

namespace knotnotes::sdk::bridge {

// Receivers that read what the plugin hands back.
template <typename C, typename T>
struct ReceivedOne {
    T value{};
    bool received = false;

    kn_receiver receiver() {
        return {this, [](void* context, const void* c, kn_error* error) {
                    return guard(
                        error,
                        [&] {
                            auto& self = *static_cast<ReceivedOne*>(context);
                            if (!c)
                                throw PluginError("a receiver was handed nothing");
                            read(*static_cast<const C*>(c), self.value);
                            self.received = true;
                        },
                        KN_ERROR);
                }};
    }
};

template <typename C, typename T>
struct ReceivedList {
    std::vector<T> values;

    kn_receiver receiver() {
        return {this, [](void* context, const void* c, kn_error* error) {
                    return guard(
                        error,
                        [&] {
                            auto& self = *static_cast<ReceivedList*>(context);
                            if (!c)
                                throw PluginError("a receiver was handed nothing");
                            self.values.emplace_back();
                            read(*static_cast<const C*>(c), self.values.back());
                        },
                        KN_ERROR);
                }};
    }
};

// Calls `function` of a plugin table, which must be provided, and throws what its status means.
template <typename Function, typename... Args>
void call(Function function, const char* name, Args... args) {
    if (!function)
        throw PluginFailure(std::string("the plugin does not provide ") + name);
    ErrorBuffer buffer;
    check(function(args..., &buffer.error), buffer);
}

// Owns a plugin object through its table; destroys it once.
template <typename Table>
class Owned {
  public:
    explicit Owned(const Table& table) : table_(table) {}
    ~Owned() {
        if (auto destroy = KNOTNOTES_C_FUNCTION(table_, Table, destroy))
            destroy(table_.self);
    }
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    const Table& table() const { return table_; }

  private:
    Table table_;
};

#define KNOTNOTES_CALL(owned, Table, fn, ...)                                              \
    call(KNOTNOTES_C_FUNCTION((owned).table(), Table, fn), #fn "()", (owned).table().self, \
         __VA_ARGS__)

template <typename Table>
ExportFormat format_of(const Owned<Table>& owned) {
    ReceivedOne<kn_export_format, ExportFormat> format;
    KNOTNOTES_CALL(owned, Table, format, format.receiver());
    return format.value;
}

class ExporterProxy : public Exporter {
  public:
    explicit ExporterProxy(const kn_exporter& table) : exporter_(table) {}

    ExportFormat format() const override { return format_of(exporter_); }
    void begin(const ExportContext& context) override {
        const auto path = context.path.string();
        const kn_export_context c{sizeof(kn_export_context), view(path),
                                  view(context.application_version), view(context.installation_id),
                                  view(context.options)};
        KNOTNOTES_CALL(exporter_, kn_exporter, begin, &c);
    }
    void write_practitioner(const Practitioner& p) override {
        const auto c = to_c(p);
        KNOTNOTES_CALL(exporter_, kn_exporter, write_practitioner, &c);
    }
    void write_client(const Client& client) override {
        const auto c = to_c(client);
        KNOTNOTES_CALL(exporter_, kn_exporter, write_client, &c);
    }
    void write_intake(const Intake& intake) override {
        KNOTNOTES_CALL(exporter_, kn_exporter, write_intake, views_.intake(intake));
    }
    void write_session(const Session& session) override {
        KNOTNOTES_CALL(exporter_, kn_exporter, write_session, views_.session(session));
    }
    void write_questionnaire_response(const QuestionnaireResponse& response) override {
        KNOTNOTES_CALL(exporter_, kn_exporter, write_questionnaire_response,
                       views_.response(response));
    }
    void end() override {
        auto end = KNOTNOTES_C_FUNCTION(exporter_.table(), kn_exporter, end);
        call(end, "end()", exporter_.table().self);
    }
    void abort() noexcept override {
        if (auto abort = KNOTNOTES_C_FUNCTION(exporter_.table(), kn_exporter, abort))
            abort(exporter_.table().self);
    }

  private:
    Owned<kn_exporter> exporter_;
    CViews views_;
};

// Serves the host's ImportSink to the plugin as a kn_import_sink.
class SinkServer {
  public:
    explicit SinkServer(ImportSink& sink) : sink_(sink) {}

    kn_import_sink table() {
        kn_import_sink t{};
        t.struct_size = sizeof t;
        t.context = this;
        t.practitioner = [](void* context, const kn_practitioner* c, kn_error* error) {
            return serve(context, error, [&](SinkServer& s) {
                read(*c, s.practitioner_);
                s.sink_.practitioner(s.practitioner_);
            });
        };
        t.client = [](void* context, const kn_client* c, kn_error* error) {
            return serve(context, error, [&](SinkServer& s) {
                read(*c, s.client_);
                s.sink_.client(s.client_);
            });
        };
        t.intake = [](void* context, const kn_intake* c, kn_error* error) {
            return serve(context, error, [&](SinkServer& s) {
                read(*c, s.intake_);
                s.sink_.intake(s.intake_);
            });
        };
        t.session = [](void* context, const kn_session* c, kn_error* error) {
            return serve(context, error, [&](SinkServer& s) {
                read(*c, s.session_);
                s.sink_.session(s.session_);
            });
        };
        t.questionnaire_response = [](void* context, const kn_questionnaire_response* c,
                                      kn_error* error) {
            return serve(context, error, [&](SinkServer& s) {
                read(*c, s.response_);
                s.sink_.questionnaire_response(s.response_);
            });
        };
        t.note = [](void* context, const kn_import_note* c, kn_error* error) {
            return serve(context, error, [&](SinkServer& s) {
                ImportNote n;
                n.kind = std::string(view(c->kind));
                n.taken = c->taken;
                n.skipped = c->skipped;
                if (KN_HAS_FIELD(c, kn_import_note, reason))
                    n.reason = std::string(view(c->reason));
                s.sink_.note(n);
            });
        };
        return t;
    }

  private:
    template <typename F>
    static kn_status serve(void* context, kn_error* error, F f) {
        return guard(
            error, [&] { f(*static_cast<SinkServer*>(context)); }, KN_IMPORT_ERROR);
    }

    ImportSink& sink_;
    Practitioner practitioner_;
    Client client_;
    Intake intake_;
    Session session_;
    QuestionnaireResponse response_;
};

class ImporterProxy : public Importer {
  public:
    explicit ImporterProxy(const kn_importer& table) : importer_(table) {}

    ExportFormat format() const override { return format_of(importer_); }
    void validate(const std::filesystem::path& file) override {
        const auto path = file.string();
        KNOTNOTES_CALL(importer_, kn_importer, validate, view(path));
    }
    void import(const std::filesystem::path& file, ImportSink& sink) override {
        const auto path = file.string();
        SinkServer server(sink);
        const auto table = server.table();
        KNOTNOTES_CALL(importer_, kn_importer, import, view(path), &table);
    }

  private:
    Owned<kn_importer> importer_;
};

class QuestionnaireProviderProxy : public QuestionnaireProvider {
  public:
    explicit QuestionnaireProviderProxy(const kn_questionnaire_provider& table)
        : provider_(table) {}

    std::vector<QuestionnaireDefinition> definitions() const override {
        ReceivedList<kn_questionnaire_definition, QuestionnaireDefinition> list;
        KNOTNOTES_CALL(provider_, kn_questionnaire_provider, definitions, list.receiver());
        return std::move(list.values);
    }
    QuestionnaireScore score(const std::string& instrument_id,
                             const std::vector<QuestionnaireAnswer>& answers) const override {
        ReceivedOne<kn_questionnaire_score, QuestionnaireScore> score;
        CViews views;
        KNOTNOTES_CALL(provider_, kn_questionnaire_provider, score, view(instrument_id),
                       views.answers(answers), score.receiver());
        if (!score.received)
            throw PluginFailure("score() returned without handing back a score");
        return score.value;
    }

  private:
    Owned<kn_questionnaire_provider> provider_;
};

class TechniqueLibraryProxy : public TechniqueLibrary {
  public:
    explicit TechniqueLibraryProxy(const kn_technique_library& table) : library_(table) {}

    std::vector<Technique> techniques() const override {
        ReceivedList<kn_technique, Technique> list;
        KNOTNOTES_CALL(library_, kn_technique_library, techniques, list.receiver());
        return std::move(list.values);
    }

  private:
    Owned<kn_technique_library> library_;
};

class PluginProxy : public Plugin {
  public:
    // Calls the plugin's entry point. Throws what its status means (status.hpp).
    PluginProxy(kn_plugin_entry entry, const std::string& application_version) {
        const kn_host_info host{sizeof(kn_host_info), KNOTNOTES_SDK_ABI_MAJOR,
                                KNOTNOTES_SDK_ABI_MINOR, view(application_version)};
        kn_plugin table{};
        table.struct_size = sizeof table;
        call(entry, "its entry point", &host, &table);
        if (!table.self)
            throw PluginFailure("its entry point returned no plugin");
        plugin_ = std::make_unique<Owned<kn_plugin>>(table);
    }

    std::unique_ptr<Exporter> create_exporter() override {
        return create<ExporterProxy, kn_exporter>(
            KNOTNOTES_C_FUNCTION(plugin_->table(), kn_plugin, create_exporter),
            "create_exporter()");
    }
    std::unique_ptr<Importer> create_importer() override {
        return create<ImporterProxy, kn_importer>(
            KNOTNOTES_C_FUNCTION(plugin_->table(), kn_plugin, create_importer),
            "create_importer()");
    }
    std::unique_ptr<QuestionnaireProvider> create_questionnaire_provider() override {
        return create<QuestionnaireProviderProxy, kn_questionnaire_provider>(
            KNOTNOTES_C_FUNCTION(plugin_->table(), kn_plugin, create_questionnaire_provider),
            "create_questionnaire_provider()");
    }
    std::unique_ptr<TechniqueLibrary> create_technique_library() override {
        return create<TechniqueLibraryProxy, kn_technique_library>(
            KNOTNOTES_C_FUNCTION(plugin_->table(), kn_plugin, create_technique_library),
            "create_technique_library()");
    }

  private:
    template <typename Proxy, typename Table, typename Function>
    std::unique_ptr<Proxy> create(Function function, const char* name) {
        if (!function)
            return nullptr;  // not provided: the plugin provides no such kind
        Table table{};
        table.struct_size = sizeof table;
        call(function, name, plugin_->table().self, &table);
        if (!table.self)
            return nullptr;
        return std::make_unique<Proxy>(table);
    }

    std::unique_ptr<Owned<kn_plugin>> plugin_;
};

#undef KNOTNOTES_CALL

}  // namespace knotnotes::sdk::bridge
