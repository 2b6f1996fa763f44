// rfc4180.hpp — a strict RFC 4180 reader for the tests: it rejects what a lenient reader would
// let through (a bare LF or CR as a line break, a quote inside an unquoted field, text after a
// closing quote, a missing final CRLF, records of different lengths), so a test that reads a
// file with it also checks that the file is well-formed CSV.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace knotnotes::test {

struct CsvDocument {
    bool has_utf8_bom = false;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::size_t column(const std::string& name) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name)
                return i;
        }
        throw std::invalid_argument("no column " + name);
    }
    // The value of `name` in the first row whose `key_column` is `key`.
    const std::string& value(const std::string& key_column, const std::string& key,
                             const std::string& name) const {
        const std::size_t k = column(key_column);
        for (const auto& row : rows) {
            if (row[k] == key)
                return row[column(name)];
        }
        throw std::invalid_argument("no row with " + key_column + " = " + key);
    }
};

inline CsvDocument parse_rfc4180(const std::string& bytes) {
    CsvDocument document;
    std::size_t pos = 0;
    const auto fail = [&](const std::string& what) {
        throw std::runtime_error("not RFC 4180 at byte " + std::to_string(pos) + ": " + what);
    };
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        document.has_utf8_bom = true;
        pos = 3;
    }
    std::vector<std::vector<std::string>> records;
    while (pos < bytes.size()) {
        std::vector<std::string> record;
        for (;;) {
            std::string field;
            if (pos < bytes.size() && bytes[pos] == '"') {
                ++pos;
                for (;;) {
                    if (pos >= bytes.size())
                        fail("unterminated quoted field");
                    if (bytes[pos] == '"') {
                        if (pos + 1 < bytes.size() && bytes[pos + 1] == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    field += bytes[pos++];
                }
            } else {
                while (pos < bytes.size() && bytes[pos] != ',' && bytes[pos] != '\r') {
                    if (bytes[pos] == '"' || bytes[pos] == '\n')
                        fail("quote or line feed in an unquoted field");
                    field += bytes[pos++];
                }
            }
            record.push_back(field);
            if (pos >= bytes.size())
                fail("the last record does not end with CRLF");
            if (bytes[pos] == ',') {
                ++pos;
                continue;
            }
            if (bytes.compare(pos, 2, "\r\n") != 0)
                fail("a field is followed by something other than a comma or CRLF");
            pos += 2;
            break;
        }
        records.push_back(record);
    }
    if (records.empty())
        fail("no header record");
    document.header = records.front();
    document.rows.assign(records.begin() + 1, records.end());
    for (const auto& row : document.rows) {
        if (row.size() != document.header.size())
            fail("a record has " + std::to_string(row.size()) + " fields, the header " +
                 std::to_string(document.header.size()));
    }
    return document;
}

}  // namespace knotnotes::test
