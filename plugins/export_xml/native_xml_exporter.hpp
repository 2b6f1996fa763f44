// native_xml_exporter.hpp — writes KnotNotes' own XML format (sdk/schema/records-1.xsd) as the
// records stream in: nothing but the current client's id maps is kept in memory.
//
// Ids in the file are the file's own, numbered 1, 2, 3... per kind in the order records appear,
// so exporting the same records gives the same bytes whatever their ids in the database: an
// export imported into an empty database and exported again is byte-identical. References
// (intake, practitioner, amended session, earlier knot, session of a response) use these ids;
// a reference to a record outside the export (e.g. a knot charted before --since) is left out.
#pragma once

#include <fstream>
#include <map>

#include <knotnotes/sdk/exporter.hpp>

namespace knotnotes::xml {

inline constexpr const char* records_namespace = "https://knotnotes.org/ns/records/1";

class NativeXmlExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override;
    void begin(const sdk::ExportContext& target) override;
    void write_practitioner(const sdk::Practitioner& practitioner) override;
    void write_client(const sdk::Client& client) override;
    void write_intake(const sdk::Intake& intake) override;
    void write_session(const sdk::Session& session) override;
    void write_questionnaire_response(const sdk::QuestionnaireResponse& response) override;
    void end() override;
    void abort() noexcept override;

  private:
    using IdMap = std::map<sdk::Id, sdk::Id>;
    static sdk::Id assign(IdMap& ids, sdk::Id& counter, sdk::Id db_id);
    static std::string reference(const IdMap& ids, const std::optional<sdk::Id>& db_id,
                                 const char* attribute);
    void element(const char* name, const std::string& text, const char* indent);
    void check_stream();

    std::ofstream out_;
    std::string path_;
    std::string buffer_;  // one record at a time, then written out
    IdMap practitioners_;
    // Per client: references never cross clients, so these are cleared at each new client.
    IdMap intakes_, sessions_, knots_;
    sdk::Id client_file_id_ = 0;
    sdk::Id next_practitioner_ = 0, next_client_ = 0, next_intake_ = 0, next_session_ = 0,
            next_knot_ = 0, next_response_ = 0;
};

}  // namespace knotnotes::xml
