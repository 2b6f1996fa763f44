// csv_writer.cpp — RFC 4180 quoting and the checked writes of one CSV file.
#include "csv_writer.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <knotnotes/sdk/plugin_error.hpp>

namespace knotnotes::export_csv {

namespace {
constexpr std::string_view utf8_byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view record_end = "\r\n";

// A plain decimal number ("-3", "+0.25"): a spreadsheet reads it as a number, never a formula.
bool is_plain_number(std::string_view text) {
    std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    std::size_t digits = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            ++digits;
        } else if (text[i] == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    return digits > 0;
}

}  // namespace

bool needs_formula_guard(std::string_view text) {
    if (text.empty())
        return false;
    switch (text[0]) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return !is_plain_number(text);
        case '\'':
            return true;  // so that removing one leading ' always gives the text back
        default:
            return false;
    }
}

std::string csv_field(std::string_view text) {
    const bool guard = needs_formula_guard(text);
    if (!guard && text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted;
    quoted.reserve(text.size() + 3);
    quoted += '"';
    if (guard)
        quoted += '\'';
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

CsvFile::CsvFile(std::filesystem::path path, std::vector<std::string_view> header)
    : path_(std::move(path)), column_count_(header.size()) {
    errno = 0;
    file_.reset(std::fopen(path_.c_str(), "wb"));
    if (!file_)
        fail("cannot create", errno);
    write_bytes(utf8_byte_order_mark);
    write_record(header);
}

void CsvFile::write_row(const std::vector<std::string>& fields) {
    write_record(std::vector<std::string_view>(fields.begin(), fields.end()));
}

void CsvFile::write_record(const std::vector<std::string_view>& fields) {
    if (!file_)
        throw std::logic_error("CSV row written to " + path_.string() + " after it was closed");
    if (fields.size() != column_count_) {
        throw std::logic_error("CSV row for " + path_.filename().string() + " has " +
                               std::to_string(fields.size()) + " fields, the header " +
                               std::to_string(column_count_));
    }
    line_.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line_ += ',';
        line_ += csv_field(fields[i]);
    }
    line_ += record_end;
    write_bytes(line_);
}

void CsvFile::write_bytes(std::string_view bytes) {
    errno = 0;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
        fail("cannot write", errno);
}

void CsvFile::finish() {
    if (!file_)
        return;
    errno = 0;
    const bool flushed = std::fflush(file_.get()) == 0 && !std::ferror(file_.get());
    const int flush_error = errno;
    // fclose also reports errors the kernel only notices on close (NFS, quota).
    const bool closed = std::fclose(file_.release()) == 0;
    const int close_error = errno;
    if (!flushed)
        fail("cannot write", flush_error);
    if (!closed)
        fail("cannot close", close_error);
}

void CsvFile::close_quietly() noexcept {
    file_.reset();
}

void CsvFile::fail(const char* doing, int error_number) const {
    std::string message = std::string(doing) + " " + path_.string();
    if (error_number != 0)
        message += std::string(": ") + std::strerror(error_number);
    throw sdk::PluginError(message);
}

}  // namespace knotnotes::export_csv
