// server_values.hpp — values to and from libpq's text protocol, for the backends that read and
// write records on a clinic server (server_charting_store.cpp, server_note_records.cpp).
// Numbers go both ways exactly and in the C locale's form, whatever the app's locale.
#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <type_traits>

#include "db/json_text.hpp"
#include "server_connection.hpp"

namespace knotnotes::db::postgres::values {

template <typename Integer, std::enable_if_t<std::is_integral_v<Integer>, int> = 0>
std::string number(Integer value) {
    return std::to_string(value);
}
template <typename T>
std::optional<std::string> number(const std::optional<T>& value) {
    return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}
// The shortest text that reads back exactly (json_number).
inline std::string number(double value) {
    return json_number(value);
}

// Empty text as NULL, so that the server's default (a new uid, the time now) fills it in.
inline std::optional<std::string> text_or_null(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

inline long long id_at(const ServerRows& rows, int row, int column) {
    return std::stoll(rows.text(row, column));
}
inline int int_at(const ServerRows& rows, int row, int column) {
    return std::stoi(rows.text(row, column));
}
inline std::optional<long long> optional_at(const ServerRows& rows, int row, int column) {
    const auto value = rows.value(row, column);
    return value ? std::optional<long long>(std::stoll(*value)) : std::nullopt;
}
inline std::optional<int> optional_int_at(const ServerRows& rows, int row, int column) {
    const auto value = optional_at(rows, row, column);
    return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}
// The server writes a double precision as its shortest exact text (and a JSON number comes
// back as it was written); from_chars reads it exactly and ignores the locale.
inline std::optional<double> optional_real_at(const ServerRows& rows, int row, int column) {
    const auto text = rows.value(row, column);
    if (!text)
        return std::nullopt;
    double value = 0;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
}
inline double real_at(const ServerRows& rows, int row, int column) {
    return optional_real_at(rows, row, column).value_or(0.0);
}

}  // namespace knotnotes::db::postgres::values
