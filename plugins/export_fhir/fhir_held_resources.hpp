// fhir_held_resources.hpp — the resources of one patient, kept until all of them have been
// read, and how the entries of a Bundle refer to one another (keys) and to a record (uids).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fhir_node.hpp"

namespace knotnotes::fhir {

// A resource kept until its patient's records are complete. Owns a copy of the element.
struct HeldResource {
    std::size_t position = 0;
    std::string type;
    std::string key;  // what references to it say (reference_key)
    Node node = nullptr;
};

class ClientGroup {
  public:
    ClientGroup() = default;
    ClientGroup(const ClientGroup&) = delete;
    ClientGroup& operator=(const ClientGroup&) = delete;
    ClientGroup(ClientGroup&& other) noexcept : resources(std::move(other.resources)) {
        other.resources.clear();
    }
    ~ClientGroup();

    // Keeps a copy of `node`.
    void add(std::size_t position, const std::string& type, const std::string& key, Node node);
    // Moves the Patient to the front (it may have come after its resources), keeping the
    // others in file order.
    void patient_first();

    std::vector<HeldResource> resources;
};

// What a reference says, as the key of the entry it points to: a "urn:uuid:"/"urn:oid:"
// fullUrl as it is, anything else (a server's URL, "Patient/123") as "Type/id".
std::string reference_key(const std::string& reference);
// The key of an entry: its urn: fullUrl, else "Type/id" of the resource.
std::string entry_key(const std::string& full_url, Node resource);
// The patient a resource is about (its subject or patient reference), as a key; "" if none.
std::string patient_reference(Node resource);

// The record's uid: its urn:uuid identifier, or a name-based UUID of its first identifier or
// else of `key`, so that importing the same file twice is refused as already imported.
std::string uid_of(Node resource, const std::string& type, const std::string& key);

}  // namespace knotnotes::fhir
