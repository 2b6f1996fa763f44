// record_parser.hpp — turns the records of a KnotNotes file (records_stream.hpp hands them over
// one at a time) into SDK records, checking what the schema cannot say, and delivers them.
//
// The clinical rules, each refused with the line: real UTC times and calendar dates; lengths in
// bytes (records.hpp: max_text_bytes, max_short_text_bytes); muscle and region ids of the
// built-in atlas; ids that only go up within a kind (so duplicates are found with no memory of
// the file); references to records earlier in the file, of the same client (the parser forgets
// a client's ids when the next client starts, so memory holds one client); text only where text
// belongs (no element inside a text, no stray text between records). Format version 1 files
// (KnotNotes 1.0) have no uids (the host gives new ones) and sealed notes with a hash only
// ("sha256-legacy").
#pragma once

#include <cstdint>
#include <map>

#include <libxml/tree.h>

#include <knotnotes/sdk/importer.hpp>

#include "records_stream.hpp"

namespace knotnotes::xml {

class RecordParser {
  public:
    // `sink` may be null: validate only.
    explicit RecordParser(sdk::ImportSink* sink) : sink_(sink) {}

    void record(xmlNodePtr node, RecordsVersion version);

  private:
    void practitioner(xmlNodePtr node);
    void client(xmlNodePtr node);
    void intake(xmlNodePtr node);
    void session(xmlNodePtr node);
    sdk::Knot knot(xmlNodePtr node);
    sdk::PressureReading pressure_reading(xmlNodePtr node);
    sdk::TechniqueUse technique(xmlNodePtr node);
    sdk::Signature signature(xmlNodePtr node);
    void response(xmlNodePtr node);

    // Ids go up within a kind: `last` is the previous record's.
    sdk::Id new_id(xmlNodePtr node, sdk::Id& last, const char* kind) const;
    // A reference to a record earlier in the file (of this client, unless `ids` is global).
    sdk::Id known(xmlNodePtr node, const char* attribute, const std::map<sdk::Id, bool>& ids,
                  const char* kind) const;
    sdk::Id own_client(xmlNodePtr node) const;
    std::string uid(xmlNodePtr node) const;

    sdk::ImportSink* sink_;
    RecordsVersion version_ = RecordsVersion::v2;
    bool seen_client_ = false;
    sdk::Id last_practitioner_ = 0, last_client_ = 0, last_intake_ = 0, last_session_ = 0,
            last_knot_ = 0, last_response_ = 0;
    // Records a reference may name: every practitioner, the current client's others.
    std::map<sdk::Id, bool> practitioners_, intakes_, sessions_, knots_;
};

}  // namespace knotnotes::xml
