// SPDX-License-Identifier: MIT
// bridge/plugin_side.hpp — compiled into every plugin: serves the plugin's C++ objects to the
// host through the C tables of abi.h. KNOTNOTES_PLUGIN(Class) (plugin_export.hpp) uses it;
// plugin authors never call it.
//
// Specification
// - enter() is the body of the exported entry point: it creates the Plugin and fills the
//   host's kn_plugin out-table. Each create_* fills the host's object out-table, or leaves it
//   empty when the Plugin returns nullptr.
// - Every table function converts the host's C structs into this plugin's C++ records
//   (from_c.hpp, reusing one record of each kind, so a stream of records allocates nothing
//   once they have grown), calls the C++ object inside guard() (status.hpp) and hands results
//   back through the host's receiver. No exception leaves a table function.
// - CSinkProxy is the ImportSink an importer feeds: each record is viewed as its C struct
//   (to_c.hpp) and handed to the host; a refusal by the host is thrown as ImportError (or
//   PluginError) from the sink call, as importer.hpp promises.
#pragma once

#include <memory>
#include <utility>

#include "knotnotes/sdk/bridge/from_c.hpp"
#include "knotnotes/sdk/bridge/status.hpp"
#include "knotnotes/sdk/bridge/to_c.hpp"
#include "knotnotes/sdk/plugin.hpp"

namespace knotnotes::sdk::bridge {

// Hands one value to the host's receiver.
inline void give(const kn_receiver& receiver, const void* value) {
    if (!receiver.take)
        throw PluginFailure("the host passed a receiver without a take() function");
    ErrorBuffer buffer;
    check(receiver.take(receiver.context, value, &buffer.error), buffer);
}

template <typename T>
T& self_of(void* self) {
    return *static_cast<T*>(self);
}

// Creates the adapter for `object` and fills the host's out-table with its table.
template <typename Adapter, typename Table, typename Object>
void serve(std::unique_ptr<Object> object, Table* out) {
    if (!object)
        return;
    if (!out)
        throw PluginFailure("the host passed no table to fill");
    auto adapter = std::make_unique<Adapter>(std::move(object));
    fill_out_table(out, Adapter::table(adapter.get()));
    adapter.release();  // the host owns it now: destroy() deletes it
}

class ExporterAdapter {
  public:
    explicit ExporterAdapter(std::unique_ptr<Exporter> exporter) : exporter_(std::move(exporter)) {}

    static kn_exporter table(ExporterAdapter* adapter) {
        kn_exporter t{};
        t.struct_size = sizeof t;
        t.self = adapter;
        t.destroy = [](void* self) { delete &self_of<ExporterAdapter>(self); };
        t.format = [](void* self, kn_receiver receiver, kn_error* error) {
            return guard(error, [&] {
                const auto format = self_of<ExporterAdapter>(self).exporter_->format();
                const auto c = to_c(format);
                give(receiver, &c);
            });
        };
        t.begin = [](void* self, const kn_export_context* context, kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<ExporterAdapter>(self);
                read(*context, a.context_);
                a.exporter_->begin(a.context_);
            });
        };
        t.write_practitioner = [](void* self, const kn_practitioner* record, kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<ExporterAdapter>(self);
                read(*record, a.practitioner_);
                a.exporter_->write_practitioner(a.practitioner_);
            });
        };
        t.write_client = [](void* self, const kn_client* record, kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<ExporterAdapter>(self);
                read(*record, a.client_);
                a.exporter_->write_client(a.client_);
            });
        };
        t.write_intake = [](void* self, const kn_intake* record, kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<ExporterAdapter>(self);
                read(*record, a.intake_);
                a.exporter_->write_intake(a.intake_);
            });
        };
        t.write_session = [](void* self, const kn_session* record, kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<ExporterAdapter>(self);
                read(*record, a.session_);
                a.exporter_->write_session(a.session_);
            });
        };
        t.write_questionnaire_response = [](void* self, const kn_questionnaire_response* record,
                                            kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<ExporterAdapter>(self);
                read(*record, a.response_);
                a.exporter_->write_questionnaire_response(a.response_);
            });
        };
        t.end = [](void* self, kn_error* error) {
            return guard(error, [&] { self_of<ExporterAdapter>(self).exporter_->end(); });
        };
        t.abort = [](void* self) { self_of<ExporterAdapter>(self).exporter_->abort(); };
        return t;
    }

  private:
    std::unique_ptr<Exporter> exporter_;
    ExportContext context_;
    Practitioner practitioner_;
    Client client_;
    Intake intake_;
    Session session_;
    QuestionnaireResponse response_;
};

class CSinkProxy : public ImportSink {
  public:
    explicit CSinkProxy(const kn_import_sink& sink) : sink_(sink) {}

    void practitioner(const Practitioner& p) override {
        const auto c = to_c(p);
        deliver(KNOTNOTES_C_FUNCTION(sink_, kn_import_sink, practitioner), &c, "practitioner");
    }
    void client(const Client& client) override {
        const auto c = to_c(client);
        deliver(KNOTNOTES_C_FUNCTION(sink_, kn_import_sink, client), &c, "client");
    }
    void intake(const Intake& intake) override {
        deliver(KNOTNOTES_C_FUNCTION(sink_, kn_import_sink, intake), views_.intake(intake),
                "intake");
    }
    void session(const Session& session) override {
        deliver(KNOTNOTES_C_FUNCTION(sink_, kn_import_sink, session), views_.session(session),
                "session");
    }
    void questionnaire_response(const QuestionnaireResponse& response) override {
        deliver(KNOTNOTES_C_FUNCTION(sink_, kn_import_sink, questionnaire_response),
                views_.response(response), "questionnaire response");
    }
    void note(const ImportNote& n) override {
        const auto function = KNOTNOTES_C_FUNCTION(sink_, kn_import_sink, note);
        if (!function)
            return;  // a host older than 2.2 shows no notes
        kn_import_note c{};
        c.struct_size = sizeof c;
        c.kind = view(n.kind);
        c.taken = n.taken;
        c.skipped = n.skipped;
        c.reason = view(n.reason);
        ErrorBuffer buffer;
        check(function(sink_.context, &c, &buffer.error), buffer);
    }

  private:
    template <typename Function, typename Record>
    void deliver(Function function, const Record* record, const char* what) {
        if (!function)
            throw PluginFailure(std::string("the host's import sink takes no ") + what);
        ErrorBuffer buffer;
        check(function(sink_.context, record, &buffer.error), buffer);
    }

    const kn_import_sink& sink_;
    CViews views_;
};

class ImporterAdapter {
  public:
    explicit ImporterAdapter(std::unique_ptr<Importer> importer) : importer_(std::move(importer)) {}

    static kn_importer table(ImporterAdapter* adapter) {
        kn_importer t{};
        t.struct_size = sizeof t;
        t.self = adapter;
        t.destroy = [](void* self) { delete &self_of<ImporterAdapter>(self); };
        t.format = [](void* self, kn_receiver receiver, kn_error* error) {
            return guard(error, [&] {
                const auto format = self_of<ImporterAdapter>(self).importer_->format();
                const auto c = to_c(format);
                give(receiver, &c);
            });
        };
        t.validate = [](void* self, kn_string file, kn_error* error) {
            return guard(error, [&] {
                self_of<ImporterAdapter>(self).importer_->validate(std::string(view(file)));
            });
        };
        t.import = [](void* self, kn_string file, const kn_import_sink* sink, kn_error* error) {
            return guard(error, [&] {
                if (!sink)
                    throw PluginFailure("the host passed no import sink");
                CSinkProxy proxy(*sink);
                self_of<ImporterAdapter>(self).importer_->import(std::string(view(file)), proxy);
            });
        };
        return t;
    }

  private:
    std::unique_ptr<Importer> importer_;
};

class QuestionnaireProviderAdapter {
  public:
    explicit QuestionnaireProviderAdapter(std::unique_ptr<QuestionnaireProvider> provider)
        : provider_(std::move(provider)) {}

    static kn_questionnaire_provider table(QuestionnaireProviderAdapter* adapter) {
        kn_questionnaire_provider t{};
        t.struct_size = sizeof t;
        t.self = adapter;
        t.destroy = [](void* self) { delete &self_of<QuestionnaireProviderAdapter>(self); };
        t.definitions = [](void* self, kn_receiver receiver, kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<QuestionnaireProviderAdapter>(self);
                for (const auto& definition : a.provider_->definitions())
                    give(receiver, a.views_.definition(definition));
            });
        };
        t.score = [](void* self, kn_string instrument_id, kn_array answers, kn_receiver receiver,
                     kn_error* error) {
            return guard(error, [&] {
                auto& a = self_of<QuestionnaireProviderAdapter>(self);
                read_list<kn_questionnaire_answer>(answers, a.answers_, "questionnaire answers");
                const auto score = a.provider_->score(std::string(view(instrument_id)), a.answers_);
                const auto c = to_c(score);
                give(receiver, &c);
            });
        };
        return t;
    }

  private:
    std::unique_ptr<QuestionnaireProvider> provider_;
    CViews views_;
    std::vector<QuestionnaireAnswer> answers_;
};

class TechniqueLibraryAdapter {
  public:
    explicit TechniqueLibraryAdapter(std::unique_ptr<TechniqueLibrary> library)
        : library_(std::move(library)) {}

    static kn_technique_library table(TechniqueLibraryAdapter* adapter) {
        kn_technique_library t{};
        t.struct_size = sizeof t;
        t.self = adapter;
        t.destroy = [](void* self) { delete &self_of<TechniqueLibraryAdapter>(self); };
        t.techniques = [](void* self, kn_receiver receiver, kn_error* error) {
            return guard(error, [&] {
                for (const auto& technique :
                     self_of<TechniqueLibraryAdapter>(self).library_->techniques()) {
                    const auto c = to_c(technique);
                    give(receiver, &c);
                }
            });
        };
        return t;
    }

  private:
    std::unique_ptr<TechniqueLibrary> library_;
};

inline kn_plugin plugin_table(Plugin* plugin) {
    kn_plugin t{};
    t.struct_size = sizeof t;
    t.self = plugin;
    t.destroy = [](void* self) { delete &self_of<Plugin>(self); };
    t.create_exporter = [](void* self, kn_exporter* out, kn_error* error) {
        return guard(error,
                     [&] { serve<ExporterAdapter>(self_of<Plugin>(self).create_exporter(), out); });
    };
    t.create_importer = [](void* self, kn_importer* out, kn_error* error) {
        return guard(error,
                     [&] { serve<ImporterAdapter>(self_of<Plugin>(self).create_importer(), out); });
    };
    t.create_questionnaire_provider = [](void* self, kn_questionnaire_provider* out,
                                         kn_error* error) {
        return guard(error, [&] {
            serve<QuestionnaireProviderAdapter>(
                self_of<Plugin>(self).create_questionnaire_provider(), out);
        });
    };
    t.create_technique_library = [](void* self, kn_technique_library* out, kn_error* error) {
        return guard(error, [&] {
            serve<TechniqueLibraryAdapter>(self_of<Plugin>(self).create_technique_library(), out);
        });
    };
    return t;
}

// The body of the exported entry point: `make` creates the plugin's Plugin object.
template <typename PluginClass>
kn_status enter(const kn_host_info* /*host*/, kn_plugin* out, kn_error* error) noexcept {
    return guard(error, [&] {
        if (!out)
            throw PluginFailure("the host passed no plugin table to fill");
        auto plugin = std::make_unique<PluginClass>();
        fill_out_table(out, plugin_table(plugin.get()));
        plugin.release();  // the host owns it now: destroy() deletes it
    });
}

}  // namespace knotnotes::sdk::bridge
