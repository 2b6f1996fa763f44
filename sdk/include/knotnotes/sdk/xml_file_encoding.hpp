// SPDX-License-Identifier: MIT
// xml_file_encoding.hpp — the first check an XML importer makes: the file is UTF-8.
//
// Specification
// - check_xml_file_encoding() opens `file` and refuses, with ImportError: a file it cannot
//   open, an empty one, a UTF-16 byte order mark, and an XML declaration naming an encoding
//   other than UTF-8. `what` names the files in the message ("KnotNotes files", "FHIR
//   Bundles"). A malformed declaration is left to the XML parser, which names the line.
// - Refusing before parsing means no byte is ever decoded as anything but UTF-8, whatever the
//   file declares. Header-only, standard library only.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "knotnotes/sdk/plugin_error.hpp"

namespace knotnotes::sdk {

inline void check_xml_file_encoding(const std::filesystem::path& file, const std::string& what) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ImportError(0, "cannot open " + file.string());
    char start[512] = {};
    in.read(start, sizeof start);
    const auto size = static_cast<std::size_t>(in.gcount());
    const std::string head(start, size);
    if (head.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ImportError(0, file.string() + " is empty");
    if (head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0)
        throw ImportError(1, "the file is UTF-16; " + what + " are UTF-8");
    // The XML declaration's encoding, when it names one: encoding="..." or '...'.
    const auto declaration_end = head.rfind("<?xml", 0) == 0 ? head.find("?>") : std::string::npos;
    const auto encoding = head.find("encoding=");
    if (declaration_end == std::string::npos || encoding == std::string::npos ||
        encoding > declaration_end || encoding + 10 > head.size()) {
        return;
    }
    const char quote = head[encoding + 9];
    const auto end = head.find(quote, encoding + 10);
    if ((quote != '"' && quote != '\'') || end == std::string::npos || end > declaration_end)
        return;  // malformed: libxml2 says so, with the line
    const std::string declared = head.substr(encoding + 10, end - encoding - 10);
    std::string name = declared;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(c | 0x20); });
    if (name != "utf-8" && name != "utf8") {
        throw ImportError(1, "the file declares the encoding " + declared + "; " + what +
                                 " are UTF-8 (convert it first, e.g. with "
                                 "iconv -t UTF-8)");
    }
}

}  // namespace knotnotes::sdk
