/**
 * @file cadre/eligibility.hpp
 * @brief Going "up": whether a cadre may be promoted or put forward, every blocker with the day
 * it lifts, and the best annual grade still allowed.
 *
 * Every number comes from one table, EligibilityPolicy::national(), each entry with its citation
 * and the verification tag of shared/domain/regulations.md (unverified numbers are tagged
 * Verification::kRecalled: configurable policy, never fact).
 *
 * Period conventions (stated once, tested at the edges):
 * - A ban of N months ("N个月内不得提拔") counted from day D runs through D.add_months(N), the
 *   corresponding day of the ending month or its last day (《民法典》第二百零一条、第二百零二条);
 *   it lifts on the next day.
 * - A length of service of N years ("满N年") is reached on D.add_months(12 * N).
 */
#ifndef CADRE_ELIGIBILITY_HPP
#define CADRE_ELIGIBILITY_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/enums.hpp"
#include "cadre/exemption.hpp"
#include "cadre/finding.hpp"
#include "cadre/screening.hpp"

namespace cadre {
inline namespace api_v1 {

/** One number of the policy (a period in months) with its legal basis. */
struct PolicyPeriod {
  std::string id;     ///< stable id, also the rule id of the blockers it causes
  int months = 0;     ///< the period in months
  Citation citation;  ///< legal basis, with its verification tag
};

/**
 * The numbers and citations of going "up". national() is the table of the
 * shipped defaults; a host may change any entry (a local rule, a newer text).
 */
struct EligibilityPolicy {
  PolicyPeriod admonishment;  ///< 诫勉: no promotion (6 months)
  PolicyPeriod unsuitable_adjustment;  ///< 不适宜担任现职 调离岗位 / 免职: no promotion (1 year)
  PolicyPeriod demotion;               ///< 降职: no promotion (1 year in the new post)
  PolicyPeriod
      accountability_no_post;  ///< 引咎辞职、责令辞职、因问责免职: no leadership post (1 year)
  PolicyPeriod
      accountability_no_higher;        ///< the same: nothing higher than the former post (2 years)
  PolicyPeriod party_warning;          ///< 党内警告 (1 year)
  PolicyPeriod party_serious_warning;  ///< 党内严重警告 (18 months)
  PolicyPeriod party_removal_from_post;  ///< 撤销党内职务: no equal or higher post (2 years)
  PolicyPeriod
      party_after_restoration;  ///< 留党察看: after restoration, no equal or higher (2 years)
  PolicyPeriod government_warning;        ///< 政务 警告 (6 months)
  PolicyPeriod government_demerit;        ///< 记过 (12 months)
  PolicyPeriod government_major_demerit;  ///< 记大过 (18 months)
  PolicyPeriod government_downgrade;      ///< 降级 (24 months)
  PolicyPeriod government_dismissal;      ///< 撤职 (24 months)
  PolicyPeriod government_cap;            ///< several sanctions composed: at most 48 months
  Citation government_composition_law;    ///< 政务处分法 equivalent of the composition rule
  PolicyPeriod working_years;             ///< 提任县处级: 5 years of work (60 months)
  PolicyPeriod grassroots;           ///< 提任县处级: 2 years at the grassroots (24 months)
  PolicyPeriod deputy_to_principal;  ///< 副职 → 正职: 2 years as deputy (24 months)
  PolicyPeriod principal_to_higher_deputy;   ///< 下级正职 → 上级副职: 3 years (36 months)
  PolicyPeriod exceptional_after_promotion;  ///< 破格: not within 1 year of a promotion
  PolicyPeriod failed_probation;             ///< failed probation: no promotion (policy)
  Citation exceptional_limits;               ///< 破格 limits: probation, consecutive, two levels
  Citation probation;  ///< 任职试用期 (《党政领导干部任职试用期暂行规定》 2001)
  Citation candidate_exclusions;  ///< 选拔任用条例 art. 24: not even a candidate
  Citation investigation;         ///< under investigation: no promotion (policy)
  Citation exemption;             ///< 容错: 问责条例 2019 第十七条
  Citation exemption_effects;     ///< effects of 容错免责 (江苏 2017 model)
  Citation grade_caps;            ///< annual-grade effects of sanctions (1998 意见)
  Citation grade_caps_secondary;  ///< annual-grade effects of 政务处分, 诫勉 and 组织处理
  PolicyPeriod adjustment_deadline;  ///< 问责 with 组织调整: carried out within 1 month
  PolicyPeriod
      sanction_adjustment_deadline;  ///< 撤职 and party-post sanctions: post changed in 1 month
  Citation discipline_track;  ///< violations go through discipline rules (能上能下 2015 第二条)
  Citation dual_track;  ///< 防止以纪律处分规避组织调整、以组织调整代替纪律处分 (policy)

  /**
   * The table of the shipped defaults (regulations.md §4–§6, §10; rows R15–R30, R35–R43).
   * @return the national policy, every number with its citation and verification tag.
   */
  static EligibilityPolicy national();
};

/** One reason a cadre may not go "up" now (or a reason for a grade cap). */
struct Blocker {
  std::string rule_id;              ///< stable rule id, e.g. "up.party.warning"
  std::vector<Citation> citations;  ///< legal basis of the rule and of its numbers
  RecordRef record;                 ///< the record that causes it
  std::optional<Date> lifts_on;     ///< the day it lifts; empty when it does not lift by itself
  LocalizedText explanation;        ///< why, with dates and numbers, in both languages
  std::string exemption_claim_id;   ///< the 容错 claim that removed or softened it, if any
};

/** Whether a cadre may go "up" to a target, as of a date. */
struct EligibilityAnswer {
  std::string cadre_id;                                        ///< the cadre
  EligibilityTarget target = EligibilityTarget::kUnspecified;  ///< what was asked
  RankLevel target_level = RankLevel::kUnspecified;            ///< rank level in view
  Date as_of;                                                  ///< the as-of date
  bool eligible = false;                                       ///< true when nothing blocks
  std::vector<Blocker> blockers;                               ///< every reason why not
  std::optional<Date> eligible_from;  ///< the day all blockers have lifted, when they all lift
  std::vector<std::string> exemptions_applied;  ///< ids of the 容错 claims that applied
  std::vector<Blocker> waived;  ///< blockers removed by a 免责 decision, each citing it
};

/**
 * Whether @p cadre may go "up" to @p target as of @p as_of.
 * @param cadre the cadre.
 * @param target what is asked (same level, one level up, a named level, 破格, candidacy).
 * @param target_level the rank level in view for EligibilityTarget::kNamedLevel (and optionally
 *        kExceptional / kCandidate); unspecified means one level above the current post.
 * @param as_of the as-of date.
 * @param policy the numbers and citations to apply.
 * @return the answer with every blocker, sorted by the day it lifts (never-lifting last).
 */
EligibilityAnswer eligibility(const Cadre &cadre, EligibilityTarget target, RankLevel target_level,
                              Date as_of, const EligibilityPolicy &policy);

/** The best annual grade still allowed for a cadre and a year. */
struct GradeCapAnswer {
  std::string cadre_id;  ///< the cadre
  int year = 0;          ///< the year assessed
  /** The best grade allowed: kExcellent when nothing caps it, kCompetent for "not 优秀",
   * kNotGraded for "no grade", kIncompetent when the grade is 不称职. */
  AssessmentGrade best_allowed = AssessmentGrade::kExcellent;
  std::vector<Blocker> reasons;  ///< every cap that applies; the heaviest governs
  std::vector<Blocker> waived;   ///< caps removed by a 免责 decision, each citing it
  std::vector<std::string> exemptions_applied;  ///< ids of the 容错 claims that applied
};

/**
 * The best annual grade the rules still allow for @p cadre in @p year (regulations.md §6.3).
 * @param cadre the cadre.
 * @param year the year assessed.
 * @param policy the citations to apply.
 * @return the cap and every reason; several: the heaviest governs.
 */
GradeCapAnswer grade_cap(const Cadre &cadre, int year, const EligibilityPolicy &policy);

/** Something coming in the months ahead: an age limit, a term, an impact period ending. */
struct ForwardWarning {
  std::string cadre_id;       ///< the cadre
  std::string rule_id;        ///< the rule, e.g. "cn-2022.age.retirement" or "up.admonishment"
  Date on;                    ///< the day it happens
  LocalizedText explanation;  ///< what happens, with the date, in both languages
  RecordRef record;           ///< the record concerned (the cadre itself when none)
  std::vector<Citation> citations;  ///< legal basis
};

/**
 * What happens to @p cadre from @p as_of through @p horizon_months later: every screening rule
 * of the catalogue in force that becomes true (age limit, second term, 15 years at one level,
 * 10 years in post...; found by screening at the horizon's end) and every impact period or
 * waiting time that ends (from eligibility() for one level up).
 * @param cadre the cadre.
 * @param as_of the first day of the window.
 * @param horizon_months the length of the window in months, from 0.
 * @param engine the screening engine (its catalogues decide the down rules).
 * @param policy the numbers and citations of going "up".
 * @return the warnings on days from @p as_of to as_of.add_months(horizon_months), in calendar
 *         order (then rule id).
 */
std::vector<ForwardWarning> forward_warnings(const Cadre &cadre, Date as_of, int horizon_months,
                                             const Engine &engine, const EligibilityPolicy &policy);

/** A record where sanction and organisational adjustment do not match
 * (防止以纪律处分规避组织调整、以组织调整代替纪律处分). */
struct ConsistencyFlag {
  std::string cadre_id;             ///< the cadre
  std::string rule_id;              ///< "consistency.no-adjustment" or "consistency.no-sanction"
  RecordRef record;                 ///< the decision, sanction or adjustment flagged
  std::vector<Citation> citations;  ///< both rules: the adjustment's and the sanction's
  std::optional<Date> due_on;       ///< the deadline missed, when there is one
  LocalizedText explanation;        ///< why, in both languages
};

/**
 * Dual-track consistency of @p cadre as of @p as_of: decisions and sanctions that call for an
 * organisational adjustment without one carried out (no Adjustment with basis_id == the record
 * id executed) after the deadline, and adjustments that stand where a grave verified incident
 * calls for a sanction but none exists.
 * @param cadre the cadre.
 * @param as_of the as-of date.
 * @param policy the deadlines and citations.
 * @return the flags, in the order of the records.
 */
std::vector<ConsistencyFlag> consistency(const Cadre &cadre, Date as_of,
                                         const EligibilityPolicy &policy);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ELIGIBILITY_HPP
