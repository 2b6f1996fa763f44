#include "core/csv_table.hpp"

#include <fstream>
#include <iterator>

#include <knotnotes/sdk/xml_text.hpp>

namespace knotnotes::core {
namespace {

// The separator is the first comma, semicolon or tab outside quotes on the header line.
char separator_of(std::string_view text) {
    bool quoted = false;
    for (const char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == ',' || c == ';' || c == '\t'))
            return c;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
    }
    return ',';
}

bool only_spaces(const std::string& field) {
    return !field.empty() && field.find_first_not_of(' ') == std::string::npos;
}

class Parser {
  public:
    Parser(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    CsvTable parse() {
        CsvTable table;
        table.separator = separator_of(text_);
        separator_ = table.separator;
        bool have_header = false;
        while (pos_ < text_.size()) {
            CsvRow row;
            row.line = line_;
            row.fields = read_record();
            if (row.fields.size() == 1 && row.fields[0].empty())
                continue;  // a blank line
            if (!have_header) {
                table.header = std::move(row.fields);
                have_header = true;
                continue;
            }
            // Some systems end every data row with a separator: empty extra fields are nothing.
            while (row.fields.size() > table.header.size() && row.fields.back().empty())
                row.fields.pop_back();
            if (row.fields.size() > table.header.size()) {
                throw error(row.line, "this row has " + std::to_string(row.fields.size()) +
                                          " fields but the header line has only " +
                                          std::to_string(table.header.size()) +
                                          " (a value with a separator in it must be in quotes)");
            }
            row.fields.resize(table.header.size());  // missing trailing fields are empty
            table.rows.push_back(std::move(row));
        }
        if (!have_header)
            throw error(1, "the file is empty: a client list starts with a line of column names");
        return table;
    }

  private:
    CsvError error(int line, const std::string& problem) const {
        return CsvError(name_ + ", line " + std::to_string(line) + ": " + problem, line);
    }

    // One record: fields up to an unquoted line break (consumed) or the end of the text.
    std::vector<std::string> read_record() {
        std::vector<std::string> fields(1);
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            // Some programs write a space after the separator: `"a", "b"` is two quoted values.
            if (c == '"' && (!field_started_ || only_spaces(fields.back()))) {
                fields.back().clear();
                read_quoted(fields.back());
                continue;
            }
            ++pos_;
            if (c == separator_) {
                fields.emplace_back();
                field_started_ = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n')
                    ++pos_;
                ++line_;
                field_started_ = false;
                return fields;
            } else {
                if (c == '"') {
                    throw error(line_,
                                "a quote inside a value that does not start with one "
                                "(write the whole value in quotes and double the quote)");
                }
                fields.back() += c;
                field_started_ = true;
            }
        }
        field_started_ = false;
        return fields;
    }

    void read_quoted(std::string& field) {
        const int opened_on = line_;
        ++pos_;  // the opening quote
        while (true) {
            if (pos_ >= text_.size())
                throw error(opened_on, "a quoted value is never closed (a quote is missing)");
            const char c = text_[pos_++];
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n')))
                ++line_;
            field += c;
        }
        field_started_ = true;
        while (pos_ < text_.size() && text_[pos_] == ' ' && separator_ != ' ')
            ++pos_;  // `"a" ,` as well
        if (pos_ < text_.size()) {
            const char next = text_[pos_];
            if (next != separator_ && next != '\n' && next != '\r')
                throw error(line_, "text after the closing quote of a value");
        }
    }

    std::string_view text_;
    const std::string& name_;
    char separator_ = ',';
    std::size_t pos_ = 0;
    int line_ = 1;
    bool field_started_ = false;
};

// The line a byte offset is on, for the invalid-UTF-8 message.
int line_at(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n';
    return line;
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& name) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
        throw CsvError(name +
                           ": the file is UTF-16 (\"Unicode text\"), not UTF-8. Save it "
                           "again as \"CSV UTF-8\" (in a spreadsheet: Save As, CSV UTF-8) "
                           "and import that.",
                       1);
    }
    for (std::size_t i = 0; i < text.size();) {
        const auto c = sdk::decode_utf8(text, i);
        if (c.length == 0) {
            throw CsvError(name + ", line " + std::to_string(line_at(text, i)) +
                               ": the file is not UTF-8 text. Save it again as \"CSV UTF-8\" "
                               "(in a spreadsheet: Save As, CSV UTF-8) and import that.",
                           line_at(text, i));
        }
        i += c.length;
    }
    return Parser(text, name).parse();
}

CsvTable read_csv(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw CsvError(file.string() + ": cannot be read (" + ec.message() + ")", 0);
    if (size > max_csv_bytes) {
        throw CsvError(file.string() + ": " + std::to_string(size >> 20) +
                           " MB is far larger than a client list; is it the right file?",
                       0);
    }
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw CsvError(file.string() + ": cannot be opened for reading", 0);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        throw CsvError(file.string() + ": a read error stopped reading it", 0);
    return parse_csv(text, file.string());
}

}  // namespace knotnotes::core
