// instrument.hpp — one questionnaire the plugin serves: its definition and how it is scored.
//
// Instrument is the common base: the definition the host shows, and score(). Answers are first
// put through checked_answers(), which enforces what the SDK promises for every instrument: an
// unknown, repeated, out-of-range or missing answer throws sdk::InvalidAnswer naming the
// item. RuleScoredInstrument scores with one of the generic rules (sum, mean, percent of max,
// linear) that both the built-in instruments and the XML definitions use; an instrument whose
// scoring is not generic (STarT Back) derives from Instrument itself.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <knotnotes/sdk/questionnaire_provider.hpp>

namespace knotnotes::questionnaires {

namespace sdk = knotnotes::sdk;

// One answered item, in the definition's order of items.
struct CheckedAnswer {
    const sdk::QuestionnaireItem* item = nullptr;
    double value = 0;
};

// Checks `answers` against `definition` (see above) and returns the answered items. Items left
// out, or given without a value, count as skipped: allowed only for optional items.
std::vector<CheckedAnswer> checked_answers(const sdk::QuestionnaireDefinition& definition,
                                           const std::vector<sdk::QuestionnaireAnswer>& answers);

class Instrument {
  public:
    explicit Instrument(sdk::QuestionnaireDefinition definition);
    virtual ~Instrument() = default;
    Instrument(const Instrument&) = delete;
    Instrument& operator=(const Instrument&) = delete;

    const sdk::QuestionnaireDefinition& definition() const { return definition_; }
    virtual sdk::QuestionnaireScore score(
        const std::vector<sdk::QuestionnaireAnswer>& answers) const = 0;

  private:
    sdk::QuestionnaireDefinition definition_;
};

enum class ScoringMethod { sum, mean, percent_of_max, linear };

struct ScoringRule {
    ScoringMethod method = ScoringMethod::mean;
    std::size_t minimum_answered = 1;
    double scale = 1;   // linear only: (mean + offset) x scale
    double offset = 0;  // linear only
};

class RuleScoredInstrument : public Instrument {
  public:
    RuleScoredInstrument(sdk::QuestionnaireDefinition definition, ScoringRule rule);
    sdk::QuestionnaireScore score(
        const std::vector<sdk::QuestionnaireAnswer>& answers) const override;
    const ScoringRule& rule() const { return rule_; }

  private:
    ScoringRule rule_;
};

}  // namespace knotnotes::questionnaires
