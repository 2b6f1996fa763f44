// native_xml_exporter.hpp — writes KnotNotes' own XML format, version 2
// (sdk/schema/records-2.xsd), as the records stream in: nothing but the current client's id
// maps is kept in memory.
//
// - Ids in the file are the file's own, numbered 1, 2, 3... per kind in the order records
//   appear, so exporting the same records gives the same bytes whatever their ids in the
//   database: an export imported into an empty database and exported again is byte-identical.
//   References (intake, practitioner, amended session, earlier knot, session of a response,
//   signer) use these ids; a reference to a record outside the export (e.g. a knot charted
//   before --since) is left out. uids, signatures and keys are written as they are.
// - Nothing is written that the schema would refuse: every text must be XML text (xml_text.hpp)
//   and every time a UTC time, every date a real date. A record that breaks this (only a
//   database written before KnotNotes checked its input can hold one) stops the export with
//   a PluginError naming the record, the field and what is wrong — the record is never changed
//   to fit. Correct it in KnotNotes, or leave it out of the export (--client, --since, --until).
// - The installation id and the application version are not written: the file describes the
//   records, not where they were exported from, which keeps round trips byte-identical.
#pragma once

#include <fstream>
#include <map>
#include <optional>

#include <knotnotes/sdk/exporter.hpp>

namespace knotnotes::xml {

class NativeXmlExporter : public sdk::Exporter {
  public:
    sdk::ExportFormat format() const override;
    void begin(const sdk::ExportContext& context) override;
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

    // Appenders: each checks what it writes (the field is named in the error).
    void attr(const char* name, std::string_view value);
    void attr(const char* name, std::int64_t value);
    void number_attr(const char* name, double value);
    void time_attr(const char* name, const std::string& value);
    void optional_attr(const char* name, std::string_view value);  // left out when empty
    void reference(const IdMap& ids, const std::optional<sdk::Id>& db_id, const char* name);
    void element(const char* name, std::string_view text, const char* indent);
    void optional_element(const char* name, std::string_view text, const char* indent);
    void flush();
    // Runs `write`, naming the record (describe()) in the message of a field that cannot be
    // written, then writes the record out.
    template <typename Describe, typename Write>
    void record(Describe describe, Write write);

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
