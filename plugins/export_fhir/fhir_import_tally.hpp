// fhir_import_tally.hpp — what a FHIR import took and skipped, per resource type and reason:
// the report the user reads after the import.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace knotnotes::fhir {

class ImportTally {
  public:
    void took(const std::string& type) { ++taken_[type]; }
    void skipped(const std::string& type, const std::string& why) { ++skipped_[{type, why}]; }

    const std::map<std::string, std::int64_t>& taken() const { return taken_; }
    const std::map<std::pair<std::string, std::string>, std::int64_t>& skipped() const {
        return skipped_;
    }

  private:
    std::map<std::string, std::int64_t> taken_;
    std::map<std::pair<std::string, std::string>, std::int64_t> skipped_;
};

}  // namespace knotnotes::fhir
