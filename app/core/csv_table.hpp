// csv_table.hpp — reads a CSV file the way spreadsheets and practice-management systems write
// it (RFC 4180): a UTF-8 byte-order mark is dropped; fields may be quoted, a quote inside a
// quoted field is doubled, and a quoted field may hold commas and line breaks; lines end in
// CRLF or LF. The separator is the one the header line uses: a comma, or the semicolon or tab
// that spreadsheets write where the comma is the decimal mark. Blank lines are skipped.
//
// Every row remembers the line of the file it starts on, so a message can name it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace knotnotes::core {

// A file that is not CSV as described above. what() names the file, the line and the problem.
class CsvError : public std::runtime_error {
  public:
    CsvError(const std::string& message, int line) : std::runtime_error(message), line_(line) {}
    int line() const { return line_; }

  private:
    int line_;
};

struct CsvRow {
    int line = 0;  // 1-based line of the file where the row starts
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRow> rows;  // without the header
    char separator = ',';
};

// A client list is a few thousand lines; a file far larger than any is refused rather than
// read into memory.
inline constexpr std::size_t max_csv_bytes = 64u << 20;

// Throws CsvError: unreadable, not UTF-8, an unterminated quote, text after a closing quote, a
// row with more fields than the header, no header, too large.
CsvTable read_csv(const std::filesystem::path& file);
// The same for text already in memory; `name` is what messages call it.
CsvTable parse_csv(std::string_view text, const std::string& name);

}  // namespace knotnotes::core
