// Rule predicates of the screening engine, registered by kind.
#ifndef CADRE_SRC_SCREENING_PREDICATES_HPP
#define CADRE_SRC_SCREENING_PREDICATES_HPP

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/rules/retirement.hpp"
#include "screening/recycler.hpp"
#include "up/up_rules.hpp"

namespace cadre::detail {

/** A rule with its parameters read once, when the engine is built. */
struct CompiledRule {
  const Rule *rule = nullptr;         ///< the catalogue rule; nullptr for the built-in default
  CatalogueRef catalogue;             ///< where it comes from
  bool own_dates = false;             ///< the rule has its own period of force
  RetirementPolicy retirement;        ///< for "retirement-age"
  int years = 0;                      ///< "years" (or terms x term_years)
  int terms = 0;                      ///< "terms"
  int term_years = 0;                 ///< "term_years"
  int incompetent_years = 1;          ///< "incompetent_years"
  int basically_competent_years = 2;  ///< "basically_competent_years"
  long long num = 0;                  ///< "fraction" numerator
  long long den = 0;                  ///< "fraction" denominator
  std::vector<int> kinds;             ///< enum numbers named by "situations" / "*_kinds"
  std::vector<int> government_kinds;  ///< "government_kinds"
  bool only_when_required = false;    ///< "only_when_required"
  int deadline_months = 0;            ///< a DEADLINE consequence, in months
  int first_deadline_days = 0;        ///< "first_deadline_days" (host policy) or the rule's field
  Counting counting = Counting::kStartDayNotCounted;  ///< "counting"
  Threshold threshold = Threshold::kAtLeast;          ///< "threshold"
  bool has_convention = false;                        ///< the rule names its counting convention
  std::vector<int> excluded_units;  ///< UnitKind numbers of "female_county_excluded_units"
  std::vector<std::pair<int, int>> tenure_ages;  ///< "<rank>_age": RankLevel number, age
};

/** What a predicate reads about one cadre. */
struct ScreenContext {
  const Cadre &cadre;
  Date as_of;
  std::string_view path;
  /** Index of the highest-ranking post held on as_of, or -1. */
  long post = -1;
  /** The assessments known on as_of, latest year first (at most kRecent). */
  std::array<const AnnualAssessment *, 8> recent{};
  /** How many of #recent are set. */
  std::size_t recent_count = 0;
  /** The rules of going "up" and the conventions of the chain in force (error tolerance,
   * period conventions); nullptr without a catalogue. */
  const UpRules *up = nullptr;
  /** The engine's catalogues (documents of the citations); nullptr without a catalogue. */
  const CatalogueSet *set = nullptr;
  /** Where the findings come from: spare ones of earlier cadres when the caller keeps them. */
  Recycler *pool = nullptr;
};

/** Fills ctx.recent once per cadre. */
void prepare(ScreenContext &ctx) noexcept;

/** A predicate: appends findings for the cadre, if the rule holds. */
using Predicate = void (*)(const CompiledRule &, const ScreenContext &, std::vector<Finding> &);

/** The predicate registered for a kind; nullptr for kinds not evaluated in screening. */
Predicate predicate_for(std::string_view kind) noexcept;

/**
 * Kinds of records as bits. A predicate that goes through records of some
 * kinds cannot hold for a cadre with none of them, so the engine skips it
 * without calling it: most cadres have no incident, sanction or other such
 * record, and most rules of a catalogue are about one of those.
 */
using Records = std::uint32_t;

namespace records {
constexpr Records kAlways = 1U << 0U;  ///< set for every cadre: the post, the birth date...
constexpr Records kIncidents = 1U << 1U;
constexpr Records kAccountabilityDecisions = 1U << 2U;
constexpr Records kPartySanctions = 1U << 3U;
constexpr Records kGovernmentSanctions = 1U << 4U;
constexpr Records kHealthSpells = 1U << 5U;
constexpr Records kStudyLeaves = 1U << 6U;
constexpr Records kResignationRequests = 1U << 7U;
constexpr Records kFamilySituations = 1U << 8U;
constexpr Records kAssignmentRefusals = 1U << 9U;
constexpr Records kKnownAssessments = 1U << 10U;  ///< ScreenContext::recent
}  // namespace records

/** The records the predicate of a kind goes through (records::kAlways for unknown kinds). */
Records reads_of(std::string_view kind) noexcept;

/** The kinds of records the cadre has (after prepare()), with records::kAlways. */
inline Records records_present(const ScreenContext &ctx) noexcept {
  const Cadre &c = ctx.cadre;
  const auto bit = [](bool any, Records r) { return any ? r : Records{0}; };
  return records::kAlways | bit(!c.incidents.empty(), records::kIncidents) |
         bit(!c.accountability_decisions.empty(), records::kAccountabilityDecisions) |
         bit(!c.party_sanctions.empty(), records::kPartySanctions) |
         bit(!c.government_sanctions.empty(), records::kGovernmentSanctions) |
         bit(!c.health_spells.empty(), records::kHealthSpells) |
         bit(!c.study_leaves.empty(), records::kStudyLeaves) |
         bit(!c.resignation_requests.empty(), records::kResignationRequests) |
         bit(!c.family_situations.empty(), records::kFamilySituations) |
         bit(!c.assignment_refusals.empty(), records::kAssignmentRefusals) |
         bit(ctx.recent_count != 0, records::kKnownAssessments);
}

/** Reads a rule's parameters; fails with the field path of a bad value. */
Status compile(const Rule &rule, CompiledRule &out);

/** The built-in national retirement rule, without a catalogue. */
void screen_retirement(const CompiledRule &compiled, const ScreenContext &ctx,
                       std::vector<Finding> &out);

/** Index of the highest-ranking post held on @p day, or -1. */
long highest_rank_post(const Cadre &c, Date day) noexcept;

}  // namespace cadre::detail

#endif  // CADRE_SRC_SCREENING_PREDICATES_HPP
