// The Keele STarT Back Screening Tool (9-item version): risk of persistent disabling back pain.
//
// Scoring (Hill et al., Arthritis Rheum 2008;59:632-641, and Keele's scoring guide):
//   items 1-8: agree = 1, disagree = 0; item 9 (bothersomeness) scores 1 only for "very much"
//   or "extremely". Total = all 9 items (0-9); psychosocial subscore = items 5-9 (0-5).
//   total 0-3: low risk; total 4 or more: medium risk, or high risk when the subscore is 4-5.
// The score stored is the total; the band needs the subscore too, which is why this instrument
// is not one of the generic rules. Item texts are Keele's published English wording, verbatim.
#include "builtin_instruments.hpp"

#include <string>

namespace knotnotes::questionnaires {
namespace {

constexpr int first_psychosocial_item = 5;
// Answer values of item 9, in the order of the published form; the answer keeps which one was
// picked, and only the last two count towards the score.
constexpr double very_much = 3;

sdk::QuestionnaireItem agree_item(int number, std::string text) {
    sdk::QuestionnaireItem item;
    item.id = "item-" + std::to_string(number);
    item.text = std::move(text);
    item.kind = sdk::ItemKind::choice;
    item.min = 0;
    item.max = 1;
    item.choices = {{0, "Disagree"}, {1, "Agree"}};
    return item;
}

sdk::QuestionnaireItem bothersomeness_item() {
    sdk::QuestionnaireItem item;
    item.id = "item-9";
    item.text = "Overall, how bothersome has your back pain been in the last 2 weeks?";
    item.kind = sdk::ItemKind::choice;
    item.min = 0;
    item.max = 4;
    item.choices = {{0, "Not at all"},
                    {1, "Slightly"},
                    {2, "Moderately"},
                    {very_much, "Very much"},
                    {4, "Extremely"}};
    return item;
}

sdk::QuestionnaireDefinition start_back_definition() {
    sdk::QuestionnaireDefinition d;
    d.id = "start-back";
    d.title = "The Keele STarT Back Screening Tool";
    d.version = "1.0";
    // Keele asks that the copyright and funding statement is kept with the tool at all times.
    d.licence_text =
        "\u00a9 Keele University 2007. The copyright of the STarT Back Screening Tool and "
        "associated materials is owned by Keele University, the development of which was part "
        "funded by Arthritis Research UK: i) the tool is designed for use by health care "
        "practitioners, with appropriate treatment packages for each of the stratified groups; "
        "ii) the tool is not intended to recommend the use of any particular product. Free for "
        "clinical use: no licence is required for non-commercial use. If you would like to "
        "incorporate the tool in any way into commercial product materials, please contact "
        "Keele University for further advice.";
    d.instructions =
        "Thinking about the last 2 weeks tick your response to the following "
        "questions:";
    d.items = {
        agree_item(1, "My back pain has spread down my leg(s) at some time in the last 2 weeks"),
        agree_item(2, "I have had pain in the shoulder or neck at some time in the last 2 weeks"),
        agree_item(3, "I have only walked short distances because of my back pain"),
        agree_item(4,
                   "In the last 2 weeks, I have dressed more slowly than usual because of back "
                   "pain"),
        agree_item(5,
                   "It\u2019s not really safe for a person with a condition like mine to be "
                   "physically active"),
        agree_item(6, "Worrying thoughts have been going through my mind a lot of the time"),
        agree_item(7,
                   "I feel that my back pain is terrible and it\u2019s never going to get any "
                   "better"),
        agree_item(8, "In general I have not enjoyed all the things I used to enjoy"),
        bothersomeness_item(),
    };
    // The bands of the total: 0-3 low, 4-9 medium or high. Within the second the psychosocial
    // subscore decides, so the interpretation score() returns is the one to go by (it wins, as
    // questionnaire_provider.hpp says).
    d.bands = {{0, 4, "low risk"}, {4, 9, "medium or high risk (by the psychosocial subscore)"}};
    // A screening tool that stratifies care, not an outcome measure: no meaningful change.
    return d;
}

class StartBack : public Instrument {
  public:
    StartBack() : Instrument(start_back_definition()) {}

    sdk::QuestionnaireScore score(
        const std::vector<sdk::QuestionnaireAnswer>& answers) const override {
        // Every item is required, so this holds all nine answers in item order.
        const auto answered = checked_answers(definition(), answers);
        int total = 0;
        int psychosocial = 0;
        for (std::size_t i = 0; i < answered.size(); ++i) {
            const bool is_bothersomeness = answered[i].item->id == "item-9";
            const double value = answered[i].value;
            const bool positive = is_bothersomeness ? value >= very_much : value == 1;
            const int points = positive ? 1 : 0;
            total += points;
            if (static_cast<int>(i) + 1 >= first_psychosocial_item)
                psychosocial += points;
        }
        std::string risk = "low risk";
        if (total >= 4)
            risk = psychosocial >= 4 ? "high risk" : "medium risk";
        return {static_cast<double>(total), risk};
    }
};

}  // namespace

std::unique_ptr<Instrument> make_start_back() {
    return std::make_unique<StartBack>();
}

}  // namespace knotnotes::questionnaires
