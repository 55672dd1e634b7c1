/**
 * @file cadre/rules/retirement.hpp
 * @brief 到龄免职(退休): the retirement / age limit, with the 2025 phase-in.
 *
 * Numbers come from a RetirementPolicy, never from literals in the rule; the
 * national defaults carry their citations and verification tags.
 */
#ifndef CADRE_RULES_RETIREMENT_HPP
#define CADRE_RULES_RETIREMENT_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"

namespace cadre {
inline namespace api_v1 {

/**
 * A phased increase of a retirement age: for people whose original
 * retirement date falls on or after #start, the age rises by one month for
 * every #birth_months_per_step months of birth, up to #max_delay_months.
 */
struct PhaseIn {
  bool enabled = false;           ///< false: the base age applies unchanged
  Date start;                     ///< first original retirement day that is delayed
  int birth_months_per_step = 4;  ///< months of birth per month of delay
  int max_delay_months = 0;       ///< the final increase, in months
  Citation citation;              ///< legal basis of the phase-in
};

/** A citation in force from #from to #to (both inclusive; empty: open). */
struct DatedCitation {
  std::optional<Date> from;  ///< first day in force
  std::optional<Date> to;    ///< last day in force
  Citation citation;         ///< the citation

  /**
   * Whether the citation is in force on a day.
   * @param day the day.
   * @return true when @p day is within #from and #to.
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!from || *from <= day) && (!to || day <= *to);
  }
};

/** The retirement age of one group of cadres. */
struct AgeRule {
  std::string id;          ///< e.g. "male", "female", "female-county-and-above"
  LocalizedText group;     ///< who the rule is for, e.g. {"男性干部", "male cadres"}
  int base_age_years = 0;  ///< the original retirement age
  Citation base_citation;  ///< legal basis of the base age
  PhaseIn phase_in;        ///< the phased increase, if any
};

/** Retirement ages of cadres, with their legal basis. */
struct RetirementPolicy {
  std::string rule_id = "cn.retirement.statutory-age";  ///< rule id of the findings
  AgeRule male;                                         ///< men
  AgeRule female;                                       ///< women below 正副县处级
  AgeRule female_county_and_above;                      ///< women at 正副县处级 and above
  /** The rules that reaching the limit means 免职（退休）, each with its period of force. */
  std::vector<DatedCitation> procedure;

  /**
   * The national rules: men 60, women cadres 55, women at county level and
   * above 60 (组通字〔2015〕14号); from 2025-01-01 men 60 to 63 and women 55 to
   * 58, one month for every four months of birth (全国人大常委会 2024-09-13).
   * Whether the phase-in also raises the 60 of county-level women is not in
   * the sources seen: it is off here and tagged RECALLED, a host may enable it.
   * @return the national policy, with its citations.
   */
  static RetirementPolicy national();
};

/** The retirement age that applies to one cadre. */
struct RetirementAge {
  const AgeRule *rule = nullptr;  ///< the group rule applied (points into the policy)
  YearsMonths limit;              ///< the age limit, years and months
  int delay_months = 0;           ///< months added by the phase-in
  Date reached_on;                ///< the day the limit is reached
};

/**
 * The retirement age of a cadre of @p sex born on @p birth at rank @p level.
 * @param sex the cadre's sex.
 * @param birth the birth date.
 * @param level the rank level of the cadre's current post.
 * @param policy the retirement ages to apply.
 * @return the age limit and the day it is reached; its `rule` points into
 *         @p policy, which must outlive it. Nothing when @p sex is unspecified.
 */
std::optional<RetirementAge> retirement_age(Sex sex, Date birth, RankLevel level,
                                            const RetirementPolicy &policy) noexcept;

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_RULES_RETIREMENT_HPP
