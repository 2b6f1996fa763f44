// builtin_instruments.hpp — the instruments compiled into the plugin, all free to bundle
// (DOMAIN.md, "Outcome questionnaires"): NPRS, PSFS, PEG-3 and the Keele STarT Back tool.
// Their ids ("nprs", "psfs", "peg-3", "start-back") are stored in clients' records and never
// change; an XML definition cannot take them over.
#pragma once

#include <memory>
#include <vector>

#include "instrument.hpp"

namespace knotnotes::questionnaires {

std::unique_ptr<Instrument> make_nprs();
std::unique_ptr<Instrument> make_psfs();
std::unique_ptr<Instrument> make_peg3();
std::unique_ptr<Instrument> make_start_back();

inline std::vector<std::unique_ptr<Instrument>> make_builtin_instruments() {
    std::vector<std::unique_ptr<Instrument>> instruments;
    instruments.push_back(make_nprs());
    instruments.push_back(make_psfs());
    instruments.push_back(make_peg3());
    instruments.push_back(make_start_back());
    return instruments;
}

}  // namespace knotnotes::questionnaires
