#include "format_registry.hpp"

#include <cctype>
#include <fstream>

namespace knotnotes::core {
namespace {

template <typename T, typename Create>
std::vector<std::pair<FormatChoice, PluginObject<T>>> offered(PluginHost& host, PluginKind kind,
                                                              Create create) {
    std::vector<std::pair<FormatChoice, PluginObject<T>>> result;
    std::vector<std::string> ids;
    for (const auto* status : host.loaded_with_kind(kind))
        ids.push_back(status->id());
    for (const auto& id : ids) {
        try {
            auto object = create(id);
            auto format = object.call("format()", [](T& o) { return o.format(); });
            result.push_back({{id, std::move(format)}, std::move(object)});
        } catch (const std::exception&) {
            // The plugin is disabled with its reason (PluginCallError); it offers nothing.
        }
    }
    return result;
}

template <typename T, typename Create>
std::vector<FormatChoice> formats(PluginHost& host, PluginKind kind, Create create) {
    std::vector<FormatChoice> result;
    for (auto& [choice, object] : offered<T>(host, kind, create))
        result.push_back(choice);
    return result;
}

template <typename T, typename Create>
PluginObject<T> object_for(PluginHost& host, PluginKind kind, const std::string& format_id,
                           Create create) {
    for (auto& [choice, object] : offered<T>(host, kind, create)) {
        if (choice.format.id == format_id)
            return std::move(object);
    }
    return {};
}

}  // namespace

std::vector<FormatChoice> export_formats(PluginHost& host) {
    return formats<sdk::Exporter>(host, PluginKind::exporter,
                                  [&](const std::string& id) { return host.create_exporter(id); });
}

std::vector<FormatChoice> import_formats(PluginHost& host) {
    return formats<sdk::Importer>(host, PluginKind::importer,
                                  [&](const std::string& id) { return host.create_importer(id); });
}

PluginObject<sdk::Exporter> exporter_for(PluginHost& host, const std::string& format_id) {
    return object_for<sdk::Exporter>(
        host, PluginKind::exporter, format_id,
        [&](const std::string& id) { return host.create_exporter(id); });
}

PluginObject<sdk::Importer> importer_for(PluginHost& host, const std::string& format_id) {
    return object_for<sdk::Importer>(
        host, PluginKind::importer, format_id,
        [&](const std::string& id) { return host.create_importer(id); });
}

std::string import_format_of(const std::filesystem::path& file) {
    // The root element's start tag: past the declaration, comments and processing instructions
    // at the head of the file (64 KiB is far more than any of them takes).
    std::ifstream in(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::size_t at = 0;
    while ((at = head.find('<', at)) != std::string::npos) {
        if (head.compare(at, 4, "<!--") == 0) {
            at = head.find("-->", at);
        } else if (head.compare(at, 2, "<?") == 0 || head.compare(at, 2, "<!") == 0) {
            at = head.find('>', at);
        } else {
            const auto end = head.find('>', at);
            const auto tag =
                head.substr(at, end == std::string::npos ? std::string::npos : end - at);
            const bool bundle =
                tag.rfind("<Bundle", 0) == 0 &&
                (tag.size() == 7 || std::isspace(static_cast<unsigned char>(tag[7])));
            const bool fhir = tag.find("=\"http://hl7.org/fhir\"") != std::string::npos ||
                              tag.find("='http://hl7.org/fhir'") != std::string::npos;
            return bundle && fhir ? "fhir-r4-xml" : "xml";
        }
        if (at == std::string::npos)
            break;
    }
    return "xml";
}

}  // namespace knotnotes::core
