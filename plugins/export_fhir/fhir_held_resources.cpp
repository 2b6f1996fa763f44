#include "fhir_held_resources.hpp"

#include <algorithm>

#include "fhir_identity.hpp"

namespace knotnotes::fhir {

ClientGroup::~ClientGroup() {
    for (auto& r : resources)
        xmlFreeNode(r.node);
}

void ClientGroup::add(std::size_t position, const std::string& type, const std::string& key,
                      Node node) {
    resources.push_back({position, type, key, xmlCopyNode(node, 1)});
}

void ClientGroup::patient_first() {
    std::stable_partition(resources.begin(), resources.end(),
                          [](const HeldResource& r) { return r.type == "Patient"; });
}

std::string reference_key(const std::string& reference) {
    if (reference.rfind("urn:", 0) == 0)
        return reference;
    auto path = reference;
    if (const auto history = path.find("/_history/"); history != std::string::npos)
        path.erase(history);
    const auto last = path.rfind('/');
    if (last == std::string::npos || last == 0)
        return path;
    const auto before = path.rfind('/', last - 1);
    return before == std::string::npos ? path : path.substr(before + 1);
}

std::string entry_key(const std::string& full_url, Node resource) {
    if (full_url.rfind("urn:", 0) == 0)
        return full_url;
    const auto id = value_of(resource, "id");
    if (!id.empty())
        return name_of(resource) + "/" + id;
    return reference_key(full_url);
}

std::string patient_reference(Node resource) {
    for (const char* name : {"subject", "patient"}) {
        const auto reference = reference_of(resource, name);
        if (!reference.empty())
            return reference_key(reference);
    }
    return {};
}

std::string uid_of(Node resource, const std::string& type, const std::string& key) {
    const auto own = identifier_value(resource, identifier_system);
    if (own.rfind("urn:uuid:", 0) == 0 && own.size() == 45)
        return own.substr(9);
    if (Node id = child(resource, "identifier")) {
        return name_based_uuid("imported/" + type + "/" + value_of(id, "system") + "|" +
                               value_of(id, "value"));
    }
    return name_based_uuid("imported/" + type + "/" + key);
}

}  // namespace knotnotes::fhir
