// technique_library.hpp — a library of massage techniques the therapist picks from.
//
// Specification
// - techniques() lists the library's techniques. Technique ids are local and stable
//   ("stripping"); the host names them "<plugin-id>/<technique>" everywhere it stores them, so
//   a released id must never be reused for another technique.
// - typical pressure is on the 0–10 teaching scale; cautions name when to avoid or soften it.
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
