#include "json_text.hpp"

#include <charconv>
#include <cstdio>

namespace knotnotes::db {

std::string json_quote(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string json_string_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) {
        if (out.size() > 1)
            out += ",";
        out += json_quote(item);
    }
    return out + "]";
}

}  // namespace knotnotes::db

namespace knotnotes::db {

std::string json_number(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

std::string json_point_array(const std::vector<sdk::ChartPoint>& points) {
    std::string out = "[";
    for (const auto& p : points) {
        if (out.size() > 1)
            out += ',';
        out += '[' + json_number(p.x) + ',' + json_number(p.y) + ']';
    }
    return out + "]";
}

std::vector<sdk::ChartPoint> parse_json_point_array(std::string_view json) {
    std::vector<sdk::ChartPoint> points;
    std::size_t i = 0;
    auto skip = [&] {
        while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\t'))
            ++i;
    };
    auto expect = [&](char c) {
        skip();
        if (i < json.size() && json[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    auto number = [&](double& value) {
        skip();
        const auto result = std::from_chars(json.data() + i, json.data() + json.size(), value);
        if (result.ec != std::errc())
            return false;
        i = static_cast<std::size_t>(result.ptr - json.data());
        return true;
    };
    if (!expect('['))
        return {};
    if (expect(']'))
        return points;
    do {
        sdk::ChartPoint p{};
        if (!expect('[') || !number(p.x) || !expect(',') || !number(p.y) || !expect(']'))
            return {};
        points.push_back(p);
    } while (expect(','));
    return expect(']') ? points : std::vector<sdk::ChartPoint>{};
}

}  // namespace knotnotes::db
