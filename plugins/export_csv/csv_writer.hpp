// csv_writer.hpp — one RFC 4180 CSV file, written row by row as records stream in.
//
// - UTF-8 with a byte-order mark: Excel, which most clinics open CSV files with, reads a CSV
//   file as UTF-8 only when it starts with a BOM (otherwise "Chloé" shows as "ChloÃ©");
//   LibreOffice, Python's "utf-8-sig", R and pandas all skip it.
// - Every record ends with CRLF, and a field is quoted when it holds a comma, a double quote,
//   CR or LF, with its quotes doubled (RFC 4180, section 2).
// - Formulas are neutralised as OWASP recommends ("CSV Injection"): a field that starts with
//   `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain decimal number ("-3",
//   "+0.25"), is written quoted with a single quote `'` before its text, so a spreadsheet shows
//   it as text and never runs it ("=HYPERLINK(...)" -> "'=HYPERLINK(...)"). A field that starts
//   with `'` gets one more, so the rule for reading a file back is exact: a field that starts
//   with `'` had one added; remove it. Numbers are written as they are.
// - Failures to create or write the file throw sdk::PluginError naming the file, so the user
//   sees which file and why (disk full, folder not writable) and the plugin stays enabled.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace knotnotes::export_csv {

// True when `text` gets the leading `'` described above.
bool needs_formula_guard(std::string_view text);

// `text` as one RFC 4180 field: unchanged, or quoted with its quotes doubled (and with a
// leading `'` if it could be taken for a formula).
std::string csv_field(std::string_view text);

class CsvFile {
  public:
    // Creates or truncates `path`, then writes the byte-order mark and the header row.
    CsvFile(std::filesystem::path path, std::vector<std::string_view> header);
    ~CsvFile() { close_quietly(); }
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;

    // One record; it must have as many fields as the header has columns.
    void write_row(const std::vector<std::string>& fields);
    // Flushes and closes the file, reporting any write error that the buffering delayed.
    void finish();
    // Closes without reporting anything: for an export that stops early.
    void close_quietly() noexcept;

    const std::filesystem::path& path() const { return path_; }

  private:
    struct FileCloser {
        void operator()(std::FILE* file) const noexcept { std::fclose(file); }
    };

    void write_record(const std::vector<std::string_view>& fields);
    void write_bytes(std::string_view bytes);
    [[noreturn]] void fail(const char* doing, int error_number) const;

    std::filesystem::path path_;
    std::size_t column_count_;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::string line_;  // reused for every record, so rows cost no allocation once it has grown
};

}  // namespace knotnotes::export_csv
