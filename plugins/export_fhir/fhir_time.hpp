// fhir_time.hpp — the few date/time checks and sums the FHIR export needs, on the ISO 8601
// strings KnotNotes stores.
#pragma once

#include <optional>
#include <string>

namespace knotnotes::fhir {

// "YYYY-MM-DD" (FHIR date), or empty if the text is not one.
std::string fhir_date(const std::string& text);
// An instant with seconds and a zone, as FHIR instant/dateTime need; date-only text stays as
// is (a valid dateTime); anything else gives empty.
std::string fhir_date_time(const std::string& text);
// `start` plus `minutes`, as "YYYY-MM-DDTHH:MM:SS[.fff]Z" with the start's fraction of a second,
// when start is a full UTC timestamp.
std::optional<std::string> add_minutes(const std::string& start, int minutes);
std::string utc_now();
// A FHIR dateTime read back as KnotNotes stores times, UTC with a "Z": a UTC instant as it is
// (its fraction kept), one with an offset converted, a date as its midnight UTC. nullopt for
// anything else (a year or a month alone says too little for a clinical record's time).
std::optional<std::string> utc_instant(const std::string& date_time);

}  // namespace knotnotes::fhir
