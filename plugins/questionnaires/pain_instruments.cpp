// The pain and function instruments scored by a generic rule: NPRS, PSFS and PEG-3.
//
// Item ids are stored with every answer ("pain", "enjoyment"...), so they never change; the
// demo data already uses nprs/pain and peg-3/pain, /enjoyment, /activity.
#include "builtin_instruments.hpp"

namespace knotnotes::questionnaires {
namespace {

sdk::QuestionnaireItem zero_to_ten(std::string id, std::string text, std::string min_label,
                                   std::string max_label) {
    sdk::QuestionnaireItem item;
    item.id = std::move(id);
    item.text = std::move(text);
    item.kind = sdk::ItemKind::scale;
    item.min = 0;
    item.max = 10;
    item.min_label = std::move(min_label);
    item.max_label = std::move(max_label);
    return item;
}

}  // namespace

std::unique_ptr<Instrument> make_nprs() {
    sdk::QuestionnaireDefinition d;
    d.id = "nprs";
    d.title = "Numeric Pain Rating Scale (NPRS)";
    d.version = "1.0";
    d.licence_text =
        "Free to use. The 11-point numeric pain rating scale is a generic clinical measure; no "
        "permission or licence is needed.";
    d.instructions =
        "Ask the client to choose the one number from 0 to 10 that best describes their pain "
        "right now, where 0 is no pain and 10 is the worst pain imaginable.";
    d.items = {zero_to_ten("pain", "On a scale of 0 to 10, how would you rate your pain right now?",
                           "No pain", "Worst imaginable pain")};
    // The usual severity bands of the 0-10 scale, 0 none, 1-3 mild, 4-6 moderate, 7-10 severe
    // (also used by the demo data), half-open as SDK 2 bands are.
    d.bands = {{0, 1, "none"}, {1, 4, "mild"}, {4, 7, "moderate"}, {7, 10, "severe"}};
    // A 2-point change is the clinically important difference found across chronic pain
    // (Farrar et al., Pain 2001;94:149-158) and low back pain (Childs et al., Spine
    // 2005;30:1331-1334).
    d.meaningful_change = 2.0;
    return std::make_unique<RuleScoredInstrument>(std::move(d),
                                                  ScoringRule{ScoringMethod::sum, 1, 1, 0});
}

std::unique_ptr<Instrument> make_psfs() {
    sdk::QuestionnaireDefinition d;
    d.id = "psfs";
    d.title = "Patient-Specific Functional Scale (PSFS)";
    d.version = "1.0";
    d.licence_text =
        "Free for clinical use. Developed by Stratford P, Gill C, Westaway M, Binkley J. "
        "Assessing disability and change on individual patients: a report of a patient "
        "specific measure. Physiotherapy Canada 1995;47:258-263.";
    d.instructions =
        "Clinician to read and fill in, at the end of the history and before the physical "
        "examination. First assessment: \"I am going to ask you to identify up to three "
        "important activities that you are unable to do or are having difficulty with as a "
        "result of your problem. Today, are there any activities that you are unable to do or "
        "having difficulty with because of your problem?\" Show the scale and have the client "
        "rate each activity. Follow-up: read back the activities named at the first assessment "
        "and have the client rate each of them again. Name each activity in the answer's text.";
    const char* unable = "Unable to perform activity";
    const char* able = "Able to perform activity at the same level as before injury or problem";
    for (int n = 1; n <= 5; ++n) {
        auto item =
            zero_to_ten("activity-" + std::to_string(n),
                        "Activity " + std::to_string(n) + " (named by the client)", unable, able);
        item.kind = sdk::ItemKind::text_and_scale;
        // Three activities are the instrument's minimum; a fourth and fifth are optional.
        item.optional = n > 3;
        d.items.push_back(std::move(item));
    }
    // The PSFS has no published severity bands: it is read as change for the same activities.
    // Minimum detectable change (90% CI) for the average score: 2 points (Stratford 1995).
    d.meaningful_change = 2.0;
    return std::make_unique<RuleScoredInstrument>(std::move(d),
                                                  ScoringRule{ScoringMethod::mean, 3, 1, 0});
}

std::unique_ptr<Instrument> make_peg3() {
    sdk::QuestionnaireDefinition d;
    d.id = "peg-3";
    d.title = "PEG: pain intensity and interference (3 items)";
    d.version = "1.0";
    d.licence_text =
        "Free for use. Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation "
        "of the PEG, a three-item scale assessing pain intensity and interference. J Gen Intern "
        "Med 2009;24(6):733-738.";
    d.instructions =
        "For each question, choose the one number from 0 to 10 that best describes the past "
        "week. The score is the average of the three answers.";
    d.items = {
        zero_to_ten("pain", "What number best describes your pain on average in the past week?",
                    "No pain", "Pain as bad as you can imagine"),
        zero_to_ten("enjoyment",
                    "What number best describes how, during the past week, pain has interfered "
                    "with your enjoyment of life?",
                    "Does not interfere", "Completely interferes"),
        zero_to_ten("activity",
                    "What number best describes how, during the past week, pain has interfered "
                    "with your general activity?",
                    "Does not interfere", "Completely interferes"),
    };
    // The PEG has no validated severity bands; it is read as change over time.
    // Minimally important difference about 1 point: most anchor- and distribution-based
    // estimates fell between 0.6 and 1.2 across six trials (Reed DE, Stump TE, Monahan PO,
    // Kroenke K. Comparable minimally important differences and responsiveness of Brief Pain
    // Inventory and PEG pain scales across 6 trials. J Pain 2024;25(1):142-152).
    d.meaningful_change = 1.0;
    return std::make_unique<RuleScoredInstrument>(std::move(d),
                                                  ScoringRule{ScoringMethod::mean, 3, 1, 0});
}

}  // namespace knotnotes::questionnaires
