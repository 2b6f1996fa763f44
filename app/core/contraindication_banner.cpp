// contraindication_banner.cpp — the banner model of a client's intake (see the header).
#include "core/contraindication_banner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "core/plain_text.hpp"

namespace knotnotes::core {
namespace {

// One line: line breaks and runs of spaces become one space.
std::string one_line(const std::string& s) {
    std::string out;
    for (const char c : trimmed(s)) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

constexpr std::string_view dot = " \xC2\xB7 ";  // " · " in UTF-8

}  // namespace

bool allergies_recorded(const std::string& allergies) {
    std::string answer = trimmed(allergies);
    while (!answer.empty() && (answer.back() == '.' || answer.back() == '!'))
        answer.pop_back();
    std::transform(answer.begin(), answer.end(), answer.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::array<std::string_view, 12> no_allergies{"",
                                                                   "-",
                                                                   "none",
                                                                   "no",
                                                                   "nil",
                                                                   "n/a",
                                                                   "na",
                                                                   "nka",
                                                                   "nkda",
                                                                   "none known",
                                                                   "no known allergies",
                                                                   "no allergies"};
    return std::find(no_allergies.begin(), no_allergies.end(), answer) == no_allergies.end();
}

ContraindicationBanner contraindication_banner(const sdk::Intake& intake) {
    ContraindicationBanner banner;
    std::vector<std::string> avoid, caution, avoid_guidance, caution_guidance;
    const auto flagged = [&](std::string_view id) {
        return std::find(intake.health_flags.begin(), intake.health_flags.end(), id) !=
               intake.health_flags.end();
    };
    for (const auto& c : sdk::contraindications) {
        if (!flagged(c.id))
            continue;
        auto& labels = c.severity == sdk::Severity::avoid ? avoid : caution;
        auto& guidance = c.severity == sdk::Severity::avoid ? avoid_guidance : caution_guidance;
        labels.emplace_back(c.label);
        guidance.push_back(std::string(c.label) + ": " + std::string(c.guidance));
    }
    for (const auto& id : intake.health_flags) {
        if (!sdk::find_contraindication(id) &&
            std::find(caution.begin(), caution.end(), id) == caution.end()) {
            caution.push_back(id);
            caution_guidance.push_back(id + ": not a known condition; check the intake.");
        }
    }
    std::vector<std::string> parts;
    if (!avoid.empty())
        parts.push_back("Avoid deep work: " + joined(avoid, ", "));
    if (!caution.empty())
        parts.push_back("Caution: " + joined(caution, ", "));
    if (allergies_recorded(intake.allergies)) {
        banner.allergies = one_line(intake.allergies);
        parts.push_back("Allergies: " + banner.allergies);
    }
    if (parts.empty())
        return banner;
    banner.severity = avoid.empty() ? sdk::Severity::caution : sdk::Severity::avoid;
    banner.text = joined(parts, dot);
    banner.guidance = std::move(avoid_guidance);
    banner.guidance.insert(banner.guidance.end(), caution_guidance.begin(), caution_guidance.end());
    return banner;
}

ContraindicationBanner contraindication_banner(const std::optional<sdk::Intake>& intake) {
    return intake ? contraindication_banner(*intake) : ContraindicationBanner{};
}

}  // namespace knotnotes::core
