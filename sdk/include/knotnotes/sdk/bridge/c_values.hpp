// SPDX-License-Identifier: MIT
// bridge/c_values.hpp — the small pieces every adapter between abi.h and the C++ types uses:
// string views, array elements, fields read within the writer's struct_size, vocabulary codes,
// out-tables and error messages.
//
// Specification
// - view() turns std::string(_view) into kn_string and back without copying.
// - KNOTNOTES_C_FIELD(record, type, field, fallback) is record.field when the writer's
//   struct_size reaches the field, else fallback (abi.h, "Growable structs").
// - element<T>(array, i) is the i-th element, at items + i * stride; check_array() refuses an
//   array whose stride cannot hold its elements (a broken writer), so reading never runs past
//   the memory the writer gave.
// - from_code() turns a vocabulary code into the enum, refusing a code this SDK does not know
//   with a PluginError naming the field (abi.h, "Values": never guess).
// - fill_out_table() copies a table into a caller's out-table as abi.h says.
// - set_error() writes a message into a kn_error buffer, cut at a UTF-8 character boundary.
// Header-only, standard library only; used by both sides (plugin_side.hpp, host_side.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "knotnotes/sdk/abi.h"
#include "knotnotes/sdk/plugin_error.hpp"
#include "knotnotes/sdk/vocabulary.hpp"

#define KNOTNOTES_C_FIELD(record, type, field, fallback) \
    (KN_HAS_FIELD(&(record), type, field) ? (record).field : (fallback))

// The function `fn` of an out-table, or nullptr when the table's filler did not provide it.
#define KNOTNOTES_C_FUNCTION(table, type, fn) \
    (KN_HAS_FIELD(&(table), type, fn) ? (table).fn : nullptr)

namespace knotnotes::sdk::bridge {

inline kn_string view(std::string_view text) {
    return {text.data(), text.size()};
}

inline std::string_view view(const kn_string& text) {
    return text.size == 0 || !text.data ? std::string_view()
                                        : std::string_view(text.data, text.size);
}

inline void assign(std::string& out, const kn_string& text) {
    const auto v = view(text);
    out.assign(v.data(), v.size());
}

inline std::string version_text() {
    return std::to_string(KNOTNOTES_SDK_ABI_MAJOR) + "." + std::to_string(KNOTNOTES_SDK_ABI_MINOR);
}

template <typename T>
kn_array array_of(const T* items, std::size_t count) {
    return {items, count, sizeof(T)};
}

// `element_size` is the least an element can be: sizeof the frozen element type, or for
// growable elements the size of their struct_size field.
inline void check_array(const kn_array& array, std::size_t element_size, const char* what) {
    if (array.count != 0 && (!array.items || array.stride < element_size)) {
        throw PluginError(std::string("the list of ") + what +
                          " crossed the plugin boundary malformed (stride " +
                          std::to_string(array.stride) + ")");
    }
}

template <typename T>
const T& element(const kn_array& array, std::size_t i) {
    return *reinterpret_cast<const T*>(static_cast<const char*>(array.items) + i * array.stride);
}

// A growable element must fit in its stride.
template <typename T>
const T& growable_element(const kn_array& array, std::size_t i, const char* what) {
    const auto& e = element<T>(array, i);
    if (e.struct_size > array.stride) {
        throw PluginError(std::string("an element of the list of ") + what +
                          " is larger than the list's stride");
    }
    return e;
}

template <typename Enum, std::size_t N>
Enum from_code(std::uint32_t code, const detail::WordTable<Enum, N>& words, const char* field) {
    if (code >= N) {
        throw PluginError(std::string(field) + " has the code " + std::to_string(code) +
                          ", a value newer than SDK " + version_text() +
                          " (which this side was built with) knows; update to a version built "
                          "with a newer SDK");
    }
    return words[code].first;
}

template <typename Enum>
std::uint32_t to_code(Enum value) {
    return static_cast<std::uint32_t>(value);
}

template <typename Table>
void fill_out_table(Table* out, const Table& mine) {
    const auto size =
        static_cast<std::uint32_t>(std::min<std::size_t>(out->struct_size, sizeof(Table)));
    if (size < sizeof(std::uint32_t))
        throw PluginError("the host offered an out-table too small to fill");
    std::memcpy(out, &mine, size);
    out->struct_size = size;
}

inline void set_error(kn_error* error, std::string_view message, std::uint64_t line = 0) {
    if (!error || !error->message || error->capacity == 0)
        return;
    std::size_t n = std::min(message.size(), error->capacity - 1);
    // Never cut a UTF-8 sequence: back up to the start of the character at the cut.
    while (n > 0 && n < message.size() && (static_cast<unsigned char>(message[n]) & 0xC0) == 0x80)
        --n;
    std::memcpy(error->message, message.data(), n);
    error->message[n] = '\0';
    error->length = n;
    if (KN_HAS_FIELD(error, kn_error, line))
        error->line = line;
}

// The codes of abi.h are the positions of the enums' values (vocabulary.hpp), and from_code()
// relies on each word table listing its values in that order.
template <typename Enum, std::size_t N>
constexpr bool in_code_order(const detail::WordTable<Enum, N>& words) {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(words[i].first) != i)
            return false;
    }
    return true;
}
static_assert(in_code_order(detail::side_words) && in_code_order(detail::view_words) &&
              in_code_order(detail::kind_words) && in_code_order(detail::result_words) &&
              in_code_order(detail::tool_words) && in_code_order(detail::direction_words) &&
              in_code_order(detail::figure_words) && in_code_order(detail::location_words));
static_assert(KN_SIDE_BILATERAL == static_cast<int>(Side::bilateral));
static_assert(KN_VIEW_RIGHT == static_cast<int>(ChartView::right));
static_assert(KN_KNOT_LATENT == static_cast<int>(KnotKind::latent));
static_assert(KN_RESULT_UNCHANGED == static_cast<int>(KnotResult::unchanged));
static_assert(KN_TOOL_INSTRUMENT == static_cast<int>(Tool::instrument));
static_assert(KN_DIRECTION_SUSTAINED == static_cast<int>(Direction::sustained));
static_assert(KN_FIGURE_MALE == static_cast<int>(ChartFigure::male));
static_assert(KN_LOCATION_OTHER == static_cast<int>(SessionLocation::other));
static_assert(sizeof(kn_chart_point) == sizeof(ChartPoint));

}  // namespace knotnotes::sdk::bridge
