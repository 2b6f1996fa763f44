// native_xml_importer.hpp — reads KnotNotes' own XML format back, refusing anything doubtful.
//
// validate() parses the whole file and checks it completely — structure, vocabularies, ranges,
// lengths, unique ids, references to records earlier in the file — without delivering a record;
// import() then delivers every record to the sink (the parsed document is kept between the two
// calls so the file is read once). Every problem is an ImportError naming the line.
// DOCTYPE declarations are refused outright, so no entity can be expanded (no "XML bomb").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <knotnotes/sdk/importer.hpp>
#include <pugixml.hpp>

namespace knotnotes::xml {

class NativeXmlImporter : public sdk::Importer {
  public:
    sdk::ExportFormat format() const override;
    void validate(const std::filesystem::path& file) override;
    void import(const std::filesystem::path& file, sdk::ImportSink& sink) override;

  private:
    void load(const std::filesystem::path& file);
    void walk(sdk::ImportSink* sink) const;

    std::filesystem::path loaded_;
    std::string content_;
    std::vector<std::size_t> line_starts_;
    pugi::xml_document doc_;
};

}  // namespace knotnotes::xml
