// SPDX-License-Identifier: MIT
// technique_library.hpp — a library of massage techniques the therapist picks from.
//
// Specification
// - techniques() lists the library's techniques; the host asks once per start. Technique ids
//   are local and stable ("stripping"): lower-case letters, digits and '-', starting with a
//   letter, at most 64 characters, unique in the library. The host names them
//   "<plugin-id>/<technique>" everywhere it stores them, so a released id must never be
//   reused for another technique (an import of a note naming a technique the library no
//   longer lists is refused).
// - name and category are not empty. Typical pressure is a range on the 0–10 teaching scale:
//   0 <= pressure_min <= pressure_max <= 10. cautions say when to avoid or soften it.
// - `knotnotes-cli plugins check` applies these rules (definition_rules.hpp);
//   `knotnotes-cli techniques list --library <plugin-id>` shows what the host sees.
#pragma once

#include <string>
#include <vector>

namespace knotnotes::sdk {

struct Technique {
    std::string id;
    std::string name;
    std::string category;  // "Swedish", "Deep tissue", "Trigger point", "Myofascial", "Stretching"
    std::string description;
    int pressure_min = 0;
    int pressure_max = 10;
    std::string cautions;
};

class TechniqueLibrary {
  public:
    virtual ~TechniqueLibrary() = default;
    virtual std::vector<Technique> techniques() const = 0;
};

}  // namespace knotnotes::sdk
