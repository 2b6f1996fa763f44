#include "catalogue_commands.hpp"

#include <charconv>
#include <iostream>
#include <memory>

#include "core/plugin_availability.hpp"
#include "core/questionnaire_catalogue.hpp"
#include "core/technique_catalogue.hpp"
#include "db/json_text.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

using db::json_number;
using db::json_quote;

std::string json_field(const char* name, const std::string& value, bool last = false) {
    return json_quote(name) + ":" + value + (last ? "" : ",");
}

std::string item_kind_text(sdk::ItemKind kind) {
    switch (kind) {
        case sdk::ItemKind::scale:
            return "scale";
        case sdk::ItemKind::choice:
            return "choice";
        case sdk::ItemKind::text_and_scale:
            return "text-and-scale";
    }
    return "unknown";
}

std::string technique_json(const core::CatalogueTechnique& t) {
    const auto& d = t.technique;
    return "{" + json_field("id", json_quote(t.id)) + json_field("library", json_quote(t.library)) +
           json_field("local_id", json_quote(d.id)) + json_field("name", json_quote(d.name)) +
           json_field("category", json_quote(d.category)) +
           json_field("description", json_quote(d.description)) +
           json_field("pressure_min", std::to_string(d.pressure_min)) +
           json_field("pressure_max", std::to_string(d.pressure_max)) +
           json_field("cautions", json_quote(d.cautions), true) + "}";
}

std::string item_json(const sdk::QuestionnaireItem& item) {
    std::string choices;
    for (const auto& c : item.choices) {
        choices += std::string(choices.empty() ? "" : ",") + "{" +
                   json_field("value", json_number(c.value)) +
                   json_field("label", json_quote(c.label), true) + "}";
    }
    return "{" + json_field("id", json_quote(item.id)) + json_field("text", json_quote(item.text)) +
           json_field("kind", json_quote(item_kind_text(item.kind))) +
           json_field("min", json_number(item.min)) + json_field("max", json_number(item.max)) +
           json_field("min_label", json_quote(item.min_label)) +
           json_field("max_label", json_quote(item.max_label)) +
           json_field("optional", item.optional ? "true" : "false") +
           json_field("choices", "[" + choices + "]", true) + "}";
}

std::string instrument_json(const core::QuestionnaireInstrument& instrument) {
    const auto& d = instrument.definition;
    std::string items, bands;
    for (const auto& item : d.items)
        items += (items.empty() ? "" : ",") + item_json(item);
    for (const auto& b : d.bands) {
        bands += std::string(bands.empty() ? "" : ",") + "{" +
                 json_field("min", json_number(b.min)) + json_field("max", json_number(b.max)) +
                 json_field("label", json_quote(b.label), true) + "}";
    }
    return "{" + json_field("id", json_quote(instrument.id)) +
           json_field("plugin", json_quote(instrument.plugin_id)) +
           json_field("local_id", json_quote(d.id)) + json_field("title", json_quote(d.title)) +
           json_field("version", json_quote(d.version)) +
           json_field("licence", json_quote(d.licence_text)) +
           json_field("instructions", json_quote(d.instructions)) +
           json_field("items", "[" + items + "]") + json_field("bands", "[" + bands + "]") +
           json_field("meaningful_change",
                      d.meaningful_change ? json_number(*d.meaningful_change) : "null", true) +
           "}";
}

int list_techniques(const CliContext& context, const std::string& library, bool json) {
    auto host = context.make_plugin_host();
    host->load_enabled();
    if (!library.empty()) {
        const auto problem =
            core::why_unavailable(*host, library, core::PluginKind::technique_library);
        if (!problem.empty()) {
            std::cerr << "error: " << problem << "\n";
            return exit_failure;
        }
    }
    const core::TechniqueCatalogue catalogue(*host);
    std::string out;
    for (const auto& t : catalogue.all()) {
        if (!library.empty() && t.library != library)
            continue;
        if (json) {
            out += std::string(out.empty() ? "[" : ",") + "\n  " + technique_json(t);
        } else {
            out += t.id + "\t" + t.technique.name + "\t" + t.technique.category + "\tpressure " +
                   std::to_string(t.technique.pressure_min) + "-" +
                   std::to_string(t.technique.pressure_max) + "\n";
        }
    }
    if (json)
        out = out.empty() ? "[]\n" : out + "\n]\n";
    std::cout << out;
    if (const auto missing = core::unavailable_plugins(*host, core::PluginKind::technique_library);
        !missing.empty() && library.empty()) {
        std::cerr << "warning: technique libraries not loaded, whose techniques are not listed:\n"
                  << missing;
    }
    return exit_ok;
}

int list_questionnaires(const CliContext& context, bool json) {
    auto host = context.make_plugin_host();
    host->load_enabled();
    const core::QuestionnaireCatalogue catalogue(*host);
    std::string out;
    for (const auto& instrument : catalogue.instruments()) {
        if (json) {
            out += std::string(out.empty() ? "[" : ",") + "\n  " + instrument_json(instrument);
        } else {
            const auto& d = instrument.definition;
            out += instrument.id + "\t" + d.title + "\tversion " + d.version + "\t" +
                   std::to_string(d.items.size()) + " items\n";
        }
    }
    if (json)
        out = out.empty() ? "[]\n" : out + "\n]\n";
    std::cout << out;
    if (const auto missing =
            core::unavailable_plugins(*host, core::PluginKind::questionnaire_provider);
        !missing.empty()) {
        std::cerr << "warning: questionnaire providers not loaded, whose instruments are not "
                     "listed:\n"
                  << missing;
    }
    return exit_ok;
}

// "item=value" (a decimal, as the C locale writes it) or "item=" (skipped).
sdk::QuestionnaireAnswer parse_answer(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        throw CLI::ValidationError("'" + text + "' is not ITEM=VALUE (e.g. pain=7)");
    sdk::QuestionnaireAnswer answer;
    answer.item_id = text.substr(0, equals);
    const auto value = text.substr(equals + 1);
    if (!value.empty()) {
        double number = 0;
        const auto* end = value.data() + value.size();
        const auto result = std::from_chars(value.data(), end, number);
        if (result.ec != std::errc() || result.ptr != end) {
            throw CLI::ValidationError("the answer to '" + answer.item_id + "', '" + value +
                                       "', is not a number (use a point for decimals: 2.5)");
        }
        answer.value = number;
    }
    return answer;
}

// The instrument by its full id, or by its local id when exactly one instrument has it.
const core::QuestionnaireInstrument* find_instrument(const core::QuestionnaireCatalogue& catalogue,
                                                     const std::string& id) {
    if (const auto* instrument = catalogue.find(id))
        return instrument;
    const core::QuestionnaireInstrument* found = nullptr;
    for (const auto& instrument : catalogue.instruments()) {
        if (instrument.definition.id == id) {
            if (found)
                return nullptr;  // ambiguous: the full id is needed
            found = &instrument;
        }
    }
    return found;
}

int score_questionnaire(const CliContext& context, const std::string& instrument_id,
                        const std::vector<std::string>& answer_texts, bool json) {
    std::vector<sdk::QuestionnaireAnswer> answers;
    for (const auto& text : answer_texts)
        answers.push_back(parse_answer(text));
    auto host = context.make_plugin_host();
    host->load_enabled();
    core::QuestionnaireCatalogue catalogue(*host);
    const auto* instrument = find_instrument(catalogue, instrument_id);
    if (!instrument) {
        std::cerr << "error: no questionnaire '" << instrument_id
                  << "' is available (see: knotnotes-cli questionnaires list)\n";
        if (const auto missing =
                core::unavailable_plugins(*host, core::PluginKind::questionnaire_provider);
            !missing.empty()) {
            std::cerr << "Questionnaire providers not loaded:\n" << missing;
        }
        return exit_failure;
    }
    try {
        const auto score = catalogue.score(instrument->id, answers);
        if (json) {
            std::cout << "{" << json_field("instrument", json_quote(instrument->id))
                      << json_field("version", json_quote(instrument->definition.version))
                      << json_field("score", json_number(score.value))
                      << json_field("interpretation", json_quote(score.interpretation), true)
                      << "}\n";
        } else {
            std::cout << instrument->id << ": " << core::score_text(score) << "\n";
        }
        return exit_ok;
    } catch (const core::PluginCallError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return exit_failure;
    }
}

}  // namespace

void add_catalogue_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    auto* techniques = app.add_subcommand("techniques", "The techniques the libraries offer");
    techniques->require_subcommand(1);
    auto* tlist = techniques->add_subcommand(
        "list", "List every technique: its full id <library>/<technique>, name, category");
    auto library = std::make_shared<std::string>();
    auto tjson = std::make_shared<bool>(false);
    tlist->add_option("--library", *library, "Only this technique library (its plugin id)");
    tlist->add_flag("--json", *tjson, "Print JSON");
    tlist->callback([&context, &exit_code, library, tjson] {
        exit_code = list_techniques(context, *library, *tjson);
    });

    auto* questionnaires =
        app.add_subcommand("questionnaires", "The outcome questionnaires the plugins offer");
    questionnaires->require_subcommand(1);
    auto* qlist = questionnaires->add_subcommand(
        "list", "List every instrument: its full id <plugin>/<instrument>, title, version");
    auto qjson = std::make_shared<bool>(false);
    qlist->add_flag("--json", *qjson, "Print JSON (the whole definitions)");
    qlist->callback(
        [&context, &exit_code, qjson] { exit_code = list_questionnaires(context, *qjson); });

    auto* score = questionnaires->add_subcommand(
        "score", "Score answers with the instrument's plugin, as the app does");
    auto instrument = std::make_shared<std::string>();
    auto answers = std::make_shared<std::vector<std::string>>();
    auto sjson = std::make_shared<bool>(false);
    score->add_option("INSTRUMENT", *instrument, "Its full id (or its own id when unique)")
        ->required();
    score->add_option("ANSWERS", *answers, "ITEM=VALUE for each answered item (ITEM= skips it)");
    score->add_flag("--json", *sjson, "Print JSON");
    score->callback([&context, &exit_code, instrument, answers, sjson] {
        exit_code = score_questionnaire(context, *instrument, *answers, *sjson);
    });
}

}  // namespace knotnotes::cli
