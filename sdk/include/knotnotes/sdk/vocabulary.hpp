// SPDX-License-Identifier: MIT
// vocabulary.hpp — the closed vocabularies of a chart (side, view, knot kind, result, tool,
// direction) and their stable text forms.
//
// Specification
// - The text form (to_text) is what exports, the database and the CLI write; it never changes
//   once released. parse_<type>() accepts exactly those words and returns std::nullopt for
//   anything else; nothing here throws.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace knotnotes::sdk {

enum class Side { left, right, midline, bilateral };
enum class ChartView { front, back, left, right };
enum class KnotKind { active, latent };
enum class KnotResult { untreated, released, reduced, unchanged };
enum class Tool { hands, thumb, fingers, knuckle, palm, elbow, forearm, instrument };
enum class Direction { none, along_fibres, across_fibres, circular, sustained };
// The figure a client's body chart is drawn with.
enum class ChartFigure { neutral, female, male };
// Where a session took place (SDK 2.1). `unspecified`: not recorded (every session charted
// before KnotNotes asked, and every session from a plugin built against SDK 2.0).
enum class SessionLocation { unspecified, clinic, client_home, event, other };

// A point of a body chart view, normalised: x 0 (viewer's left) .. 1, y 0 (top of the head) .. 1.
struct ChartPoint {
    double x;
    double y;
};

namespace detail {
template <typename Enum, std::size_t N>
using WordTable = std::array<std::pair<Enum, std::string_view>, N>;

inline constexpr WordTable<Side, 4> side_words{{{Side::left, "left"},
                                                {Side::right, "right"},
                                                {Side::midline, "midline"},
                                                {Side::bilateral, "bilateral"}}};
inline constexpr WordTable<ChartView, 4> view_words{{{ChartView::front, "front"},
                                                     {ChartView::back, "back"},
                                                     {ChartView::left, "left"},
                                                     {ChartView::right, "right"}}};
inline constexpr WordTable<KnotKind, 2> kind_words{
    {{KnotKind::active, "active"}, {KnotKind::latent, "latent"}}};
inline constexpr WordTable<KnotResult, 4> result_words{{{KnotResult::untreated, "untreated"},
                                                        {KnotResult::released, "released"},
                                                        {KnotResult::reduced, "reduced"},
                                                        {KnotResult::unchanged, "unchanged"}}};
inline constexpr WordTable<Tool, 8> tool_words{{{Tool::hands, "hands"},
                                                {Tool::thumb, "thumb"},
                                                {Tool::fingers, "fingers"},
                                                {Tool::knuckle, "knuckle"},
                                                {Tool::palm, "palm"},
                                                {Tool::elbow, "elbow"},
                                                {Tool::forearm, "forearm"},
                                                {Tool::instrument, "instrument"}}};
inline constexpr WordTable<Direction, 5> direction_words{
    {{Direction::none, "none"},
     {Direction::along_fibres, "along-fibres"},
     {Direction::across_fibres, "across-fibres"},
     {Direction::circular, "circular"},
     {Direction::sustained, "sustained"}}};
inline constexpr WordTable<ChartFigure, 3> figure_words{{{ChartFigure::neutral, "neutral"},
                                                         {ChartFigure::female, "female"},
                                                         {ChartFigure::male, "male"}}};

inline constexpr WordTable<SessionLocation, 5> location_words{
    {{SessionLocation::unspecified, "unspecified"},
     {SessionLocation::clinic, "clinic"},
     {SessionLocation::client_home, "client-home"},
     {SessionLocation::event, "event"},
     {SessionLocation::other, "other"}}};

template <typename Enum, std::size_t N>
constexpr std::string_view word_of(const WordTable<Enum, N>& table, Enum value) {
    for (const auto& [e, word] : table) {
        if (e == value)
            return word;
    }
    return {};
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_of(const WordTable<Enum, N>& table, std::string_view word) {
    for (const auto& [e, w] : table) {
        if (w == word)
            return e;
    }
    return std::nullopt;
}
}  // namespace detail

constexpr std::string_view to_text(Side v) {
    return detail::word_of(detail::side_words, v);
}
constexpr std::string_view to_text(ChartView v) {
    return detail::word_of(detail::view_words, v);
}
constexpr std::string_view to_text(KnotKind v) {
    return detail::word_of(detail::kind_words, v);
}
constexpr std::string_view to_text(KnotResult v) {
    return detail::word_of(detail::result_words, v);
}
constexpr std::string_view to_text(Tool v) {
    return detail::word_of(detail::tool_words, v);
}
constexpr std::string_view to_text(Direction v) {
    return detail::word_of(detail::direction_words, v);
}

constexpr std::string_view to_text(ChartFigure v) {
    return detail::word_of(detail::figure_words, v);
}

constexpr std::string_view to_text(SessionLocation v) {
    return detail::word_of(detail::location_words, v);
}

constexpr std::optional<Side> parse_side(std::string_view w) {
    return detail::value_of(detail::side_words, w);
}
constexpr std::optional<ChartView> parse_chart_view(std::string_view w) {
    return detail::value_of(detail::view_words, w);
}
constexpr std::optional<KnotKind> parse_knot_kind(std::string_view w) {
    return detail::value_of(detail::kind_words, w);
}
constexpr std::optional<KnotResult> parse_knot_result(std::string_view w) {
    return detail::value_of(detail::result_words, w);
}
constexpr std::optional<Tool> parse_tool(std::string_view w) {
    return detail::value_of(detail::tool_words, w);
}
constexpr std::optional<Direction> parse_direction(std::string_view w) {
    return detail::value_of(detail::direction_words, w);
}
constexpr std::optional<ChartFigure> parse_chart_figure(std::string_view w) {
    return detail::value_of(detail::figure_words, w);
}
constexpr std::optional<SessionLocation> parse_session_location(std::string_view w) {
    return detail::value_of(detail::location_words, w);
}

// The words therapists and booking systems use for the 0–10 teaching scale (DOMAIN.md).
constexpr std::string_view pressure_word(int pressure) {
    if (pressure <= 0)
        return "none";
    if (pressure <= 3)
        return "light";
    if (pressure <= 6)
        return "medium";
    if (pressure <= 8)
        return "deep";
    return "too much";
}

}  // namespace knotnotes::sdk
