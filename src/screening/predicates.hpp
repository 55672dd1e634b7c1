// Rule predicates of the screening engine, registered by kind.
#ifndef CADRE_SRC_SCREENING_PREDICATES_HPP
#define CADRE_SRC_SCREENING_PREDICATES_HPP

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/rules/retirement.hpp"

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
};

/** Fills ctx.recent once per cadre. */
void prepare(ScreenContext &ctx) noexcept;

/** A predicate: appends findings for the cadre, if the rule holds. */
using Predicate = void (*)(const CompiledRule &, const ScreenContext &, std::vector<Finding> &);

/** The predicate registered for a kind; nullptr for kinds not evaluated in screening. */
Predicate predicate_for(std::string_view kind) noexcept;

/** Reads a rule's parameters; fails with the field path of a bad value. */
Status compile(const Rule &rule, CompiledRule &out);

/** The built-in national retirement rule, without a catalogue. */
void screen_retirement(const CompiledRule &compiled, const ScreenContext &ctx,
                       std::vector<Finding> &out);

/** Index of the highest-ranking post held on @p day, or -1. */
long highest_rank_post(const Cadre &c, Date day) noexcept;

}  // namespace cadre::detail

#endif  // CADRE_SRC_SCREENING_PREDICATES_HPP
