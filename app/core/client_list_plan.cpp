#include "core/client_list_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/client_header.hpp"
#include "core/entered_text.hpp"
#include "core/plain_text.hpp"

namespace knotnotes::core {
namespace {

constexpr std::size_t max_listed_problems = 20;

// Case and spacing do not tell two people apart: "SMITH,  jo" is "Smith, Jo".
std::string folded(const std::string& text) {
    std::string out;
    bool space = false;
    for (const char c : trimmed(text)) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// "Smith, Jo" -> (Jo, Smith); "Jo Smith" -> (Jo, Smith); "Cher" -> (Cher, "").
void split_full_name(const std::string& full, sdk::Client& client) {
    const auto name = trimmed(full);
    if (const auto comma = name.find(','); comma != std::string::npos) {
        client.family_name = trimmed(name.substr(0, comma));
        client.given_name = trimmed(name.substr(comma + 1));
    } else if (const auto space = name.find_last_of(' '); space != std::string::npos) {
        client.given_name = trimmed(name.substr(0, space));
        client.family_name = trimmed(name.substr(space + 1));
    } else {
        client.given_name = name;
    }
}

void append(std::string& to, const std::string& value, const char* separator) {
    if (value.empty())
        return;
    if (!to.empty())
        to += separator;
    to += value;
}

struct RowReading {
    sdk::Client client;
    std::string birth_text;
    bool empty = true;  // every mapped field empty (a spreadsheet's ",,,," line)
};

RowReading read_row(const CsvRow& row, const std::vector<ClientColumn>& columns) {
    RowReading r;
    bool split_name = false;
    std::string full_name;
    for (std::size_t i = 0; i < columns.size() && i < row.fields.size(); ++i) {
        const auto value = trimmed(row.fields[i]);
        if (value.empty() || columns[i] == ClientColumn::ignored)
            continue;
        r.empty = false;
        auto& c = r.client;
        switch (columns[i]) {
            case ClientColumn::given_name:
                append(c.given_name, value, " ");
                split_name = true;
                break;
            case ClientColumn::family_name:
                append(c.family_name, value, " ");
                split_name = true;
                break;
            case ClientColumn::full_name:
                full_name = value;
                break;
            case ClientColumn::birth_date:
                r.birth_text = value;
                break;
            case ClientColumn::email:
                if (c.email.empty())
                    c.email = value;
                break;
            case ClientColumn::phone:
                if (c.phone.empty())
                    c.phone = value;
                break;
            case ClientColumn::occupation:
                append(c.occupation, value, ", ");
                break;
            case ClientColumn::emergency_contact:
                append(c.emergency_contact, value, ", ");
                break;
            case ClientColumn::ignored:
                break;
        }
    }
    if (!split_name && !full_name.empty())
        split_full_name(full_name, r.client);
    return r;
}

void check_columns(const std::vector<ClientColumn>& columns, const CsvTable& table,
                   const std::string& file_name) {
    if (columns.size() != table.header.size()) {
        throw ClientListError(file_name + ": " + std::to_string(columns.size()) +
                              " column choices were given for " +
                              std::to_string(table.header.size()) + " columns");
    }
    const auto has = [&](ClientColumn c) {
        return std::find(columns.begin(), columns.end(), c) != columns.end();
    };
    if (!has(ClientColumn::given_name) && !has(ClientColumn::family_name) &&
        !has(ClientColumn::full_name)) {
        std::string found;
        for (const auto& h : table.header)
            append(found, "\"" + h + "\"", ", ");
        throw ClientListError(
            file_name + ": no column holds the clients' names. The header line has " + found +
            "; KnotNotes knows \"First Name\", \"Last Name\", \"Surname\", \"Name\" and the "
            "like. Rename the columns, or say which holds what (the import wizard, or --map "
            "\"COLUMN=given-name\").");
    }
    for (const auto single : {ClientColumn::birth_date, ClientColumn::full_name}) {
        if (std::count(columns.begin(), columns.end(), single) > 1) {
            throw ClientListError(file_name + ": more than one column is taken as " +
                                  client_column_label(single) + "; choose one");
        }
    }
}

}  // namespace

std::string same_person_key(const std::string& given_name, const std::string& family_name,
                            const std::string& birth_date) {
    return folded(given_name) + '\x1f' + folded(family_name) + '\x1f' + birth_date;
}

std::string clients_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " client" : " clients");
}

std::string client_list_who(const sdk::Client& client) {
    return client_full_name(client) +
           (client.birth_date.empty() ? ", no date of birth" : ", born " + client.birth_date);
}

ClientListPlan plan_client_list(const CsvTable& table, const std::string& file_name,
                                const ClientListOptions& options,
                                const std::vector<db::ClientIdentity>& existing) {
    ClientListPlan plan;
    plan.columns =
        options.columns.empty() ? recognise_client_columns(table.header) : options.columns;
    check_columns(plan.columns, table, file_name);

    std::vector<RowReading> readings;
    std::vector<DatedLine> dates;
    for (const auto& row : table.rows) {
        readings.push_back(read_row(row, plan.columns));
        if (!readings.back().birth_text.empty())
            dates.push_back({row.line, readings.back().birth_text});
    }
    plan.date_order = decide_date_order(dates, options.date_order, file_name);

    std::set<std::string> known;
    for (const auto& e : existing)
        known.insert(same_person_key(e.given_name, e.family_name, e.birth_date));
    std::map<std::string, int> first_line;  // people of this file, by the line they are on
    std::vector<std::string> problems;
    std::size_t problem_count = 0;
    const auto refuse = [&](int line, const std::string& problem) {
        if (++problem_count <= max_listed_problems)
            problems.push_back("line " + std::to_string(line) + ": " + problem);
    };
    for (std::size_t i = 0; i < readings.size(); ++i) {
        auto& r = readings[i];
        const int line = table.rows[i].line;
        if (r.empty)
            continue;
        auto& client = r.client;
        if (client.given_name.empty() && client.family_name.empty()) {
            refuse(line, "no name (every client needs a given or a family name)");
            continue;
        }
        const auto born = read_birth_date(r.birth_text, plan.date_order);
        if (!born.problem.empty()) {
            refuse(line, "the date of birth " + born.problem);
            continue;
        }
        client.birth_date = born.iso;
        try {
            check_entered_client(client);
        } catch (const EnteredTextRefused& e) {
            refuse(line, e.what());
            continue;
        }
        const auto key = same_person_key(client.given_name, client.family_name, client.birth_date);
        if (known.count(key)) {
            plan.skipped.push_back({line, "already in the database", client});
        } else if (const auto earlier = first_line.find(key); earlier != first_line.end()) {
            plan.skipped.push_back(
                {line, "the same person as line " + std::to_string(earlier->second), client});
        } else {
            first_line.emplace(key, line);
            plan.clients.push_back({line, client});
        }
    }
    if (problem_count > 0) {
        std::string message = file_name + ": " + std::to_string(problem_count) +
                              (problem_count == 1 ? " row" : " rows") +
                              " cannot be imported, so nothing was imported:";
        for (const auto& p : problems)
            message += "\n  " + p;
        if (problem_count > problems.size())
            message += "\n  and " + std::to_string(problem_count - problems.size()) + " more";
        message += "\nCorrect them in the file (or leave those rows out) and import it again.";
        throw ClientListError(message);
    }
    return plan;
}

}  // namespace knotnotes::core
