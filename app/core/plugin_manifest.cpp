#include "plugin_manifest.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <regex>

#include <pugixml.hpp>

namespace knotnotes::core {
namespace {

constexpr std::array<std::pair<PluginKind, const char*>, 4> kind_words{{
    {PluginKind::exporter, "exporter"},
    {PluginKind::importer, "importer"},
    {PluginKind::questionnaire_provider, "questionnaire-provider"},
    {PluginKind::technique_library, "technique-library"},
}};

// pugixml reports a byte offset; people want a line number.
std::size_t line_of_offset(const std::filesystem::path& file, std::ptrdiff_t offset) {
    std::ifstream in(file, std::ios::binary);
    std::size_t line = 1;
    for (std::ptrdiff_t i = 0; i < offset && in; ++i) {
        if (in.get() == '\n')
            ++line;
    }
    return line;
}

ManifestReadResult failure(const std::string& problem) {
    return {std::nullopt, problem};
}

std::optional<std::uint32_t> parse_abi_number(const char* text) {
    static const std::regex digits("[0-9]{1,6}");
    if (!std::regex_match(text, digits))
        return std::nullopt;
    return static_cast<std::uint32_t>(std::stoul(text));
}

// The elements of <plugin>, in the order the schema requires.
constexpr std::array<const char*, 9> element_order{
    "id", "name", "version", "abi", "kinds", "author", "license", "description", "library"};

}  // namespace

std::string to_text(PluginKind kind) {
    for (const auto& [k, word] : kind_words) {
        if (k == kind)
            return word;
    }
    return "unknown";
}

std::optional<PluginKind> parse_plugin_kind(const std::string& word) {
    for (const auto& [k, w] : kind_words) {
        if (word == w)
            return k;
    }
    return std::nullopt;
}

bool PluginManifest::provides(PluginKind kind) const {
    for (auto k : kinds) {
        if (k == kind)
            return true;
    }
    return false;
}

std::string PluginManifest::kinds_text() const {
    std::string text;
    for (auto k : kinds) {
        if (!text.empty())
            text += ", ";
        text += to_text(k);
    }
    return text;
}

bool is_valid_plugin_id(const std::string& id) {
    static const std::regex pattern("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    return id.size() <= 128 && std::regex_match(id, pattern);
}

bool is_manifest_file_name(const std::string& file_name) {
    const std::string suffix = manifest_suffix;
    return file_name.size() > suffix.size() &&
           file_name.compare(file_name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

ManifestReadResult read_plugin_manifest(const std::filesystem::path& file) {
    pugi::xml_document doc;
    // No DOCTYPE handling beyond pugixml's defaults: it never expands external entities.
    const auto parsed = doc.load_file(file.c_str(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        if (parsed.status == pugi::status_file_not_found)
            return failure("cannot open the file");
        if (parsed.status == pugi::status_io_error)
            return failure("cannot read the file");
        return failure("line " + std::to_string(line_of_offset(file, parsed.offset)) +
                       ": malformed XML: " + parsed.description());
    }
    const auto root = doc.document_element();
    if (std::string(root.name()) != "plugin") {
        return failure("the root element is <" + std::string(root.name()) + ">, not <plugin>");
    }
    if (std::string(root.attribute("xmlns").value()) != manifest_namespace) {
        return failure(std::string("<plugin> is not in the namespace ") + manifest_namespace);
    }

    std::size_t expected = 0;
    PluginManifest m;
    m.file = file;
    for (auto child : root.children()) {
        if (child.type() != pugi::node_element)
            continue;
        const std::string name = child.name();
        if (expected >= element_order.size() || name != element_order[expected]) {
            const std::string wanted = expected < element_order.size()
                                           ? "<" + std::string(element_order[expected]) + ">"
                                           : "the end of <plugin>";
            return failure("unexpected <" + name + ">, expected " + wanted);
        }
        ++expected;
        const std::string text = child.child_value();
        if (name == "id") {
            if (!is_valid_plugin_id(text)) {
                return failure("<id> '" + text +
                               "' is not a reverse-DNS id such as org.example.my-plugin");
            }
            m.id = text;
        } else if (name == "name") {
            m.name = text;
        } else if (name == "version") {
            static const std::regex version("[0-9]+\\.[0-9]+(\\.[0-9]+)?([-+][0-9A-Za-z.-]+)?");
            if (!std::regex_match(text, version)) {
                return failure("<version> '" + text + "' is not a version such as 1.2.0");
            }
            m.version = text;
        } else if (name == "abi") {
            auto major = parse_abi_number(child.attribute("major").value());
            auto minor = parse_abi_number(child.attribute("minor").value());
            if (!major || !minor)
                return failure("<abi> needs numeric major and minor attributes");
            m.abi_major = *major;
            m.abi_minor = *minor;
        } else if (name == "kinds") {
            for (auto kind : child.children("kind")) {
                auto parsed_kind = parse_plugin_kind(kind.child_value());
                if (!parsed_kind) {
                    return failure("unknown <kind> '" + std::string(kind.child_value()) +
                                   "' (known: exporter, importer, questionnaire-provider, "
                                   "technique-library)");
                }
                m.kinds.push_back(*parsed_kind);
            }
            if (m.kinds.empty())
                return failure("<kinds> lists no <kind>");
        } else if (name == "author") {
            m.author = text;
        } else if (name == "license") {
            m.license = text;
        } else if (name == "description") {
            m.description = text;
        } else if (name == "library") {
            static const std::regex library("[A-Za-z0-9_.-]+\\.so");
            if (!std::regex_match(text, library)) {
                return failure("<library> '" + text +
                               "' must be a .so file name beside the manifest");
            }
            m.library = text;
        }
    }
    if (expected < element_order.size()) {
        return failure("missing <" + std::string(element_order[expected]) + ">");
    }
    for (const auto* field : {&m.name, &m.author, &m.license}) {
        if (field->empty())
            return failure("<name>, <author> and <license> must not be empty");
    }
    return {std::move(m), {}};
}

}  // namespace knotnotes::core
