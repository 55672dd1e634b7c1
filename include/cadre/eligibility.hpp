/**
 * @file cadre/eligibility.hpp
 * @brief Going "up": whether a cadre may be promoted or put forward, every blocker with the day
 * it lifts, the best annual grade still allowed, what is coming, and dual-track consistency.
 *
 * Every number, citation and convention comes from the catalogues of the engine (the shipped
 * cn-common with its dated versions, and any catalogue a host loads): the catalogue in force for
 * the cadre's region on the as-of date, and within it the version of each rule in force on the
 * record's own date (impact periods, grade caps, deadlines) or on the as-of date (prerequisites,
 * candidacy, error tolerance). Every answer carries that catalogue's id and content hash.
 *
 * Records and decisions dated after the as-of date do not count, and no answer cites a document
 * not yet in force on it.
 *
 * Period conventions (parameter "counting" of each rule, stated in every explanation): an impact
 * period that the rule starts from a day ("自…之日起") counts that day as day one — a 6-month
 * bar from 2021-03-10 runs through 2021-09-09 and lifts on 2021-09-10; lengths of service and
 * procedural deadlines follow the civil-law default, counting from the next day (民法典
 * 第二百零一条); month ends per 第二百零二条.
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

/** One reason a cadre may not go "up" now (or a reason for a grade cap). */
struct Blocker {
  std::string rule_id;              ///< stable rule id, e.g. "up.party.warning"
  std::vector<Citation> citations;  ///< legal basis of the rule and of its numbers
  RecordRef record;                 ///< the record that causes it
  std::optional<Date> lifts_on;     ///< the day it lifts; empty when it does not lift by itself
  LocalizedText explanation;        ///< why, with dates and numbers, in both languages
  std::string exemption_claim_id;   ///< the 容错 claim that removed or softened it, if any
  std::string check;  ///< which check of the rule blocks, e.g. "warning" of a party-sanction rule
  std::optional<Date> since;  ///< the day the period behind it started, when there is one
  CatalogueRef catalogue;     ///< the catalogue the rule comes from
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
  CatalogueRef catalogue;       ///< the catalogue in force for the cadre on the as-of date
  std::vector<ExemptionNote> exemptions;  ///< every 容错 decision considered, applied or not
};

/**
 * Whether @p cadre may go "up" to @p target as of @p as_of.
 * @param cadre the cadre.
 * @param target what is asked (same level, one level up, a named level, 破格, candidacy).
 * @param target_level the rank level in view for EligibilityTarget::kNamedLevel (and optionally
 *        kExceptional / kCandidate); unspecified means one level above the current post.
 * @param as_of the as-of date.
 * @param engine the engine whose catalogues decide the rules.
 * @return the answer with every blocker, sorted by the day it lifts (never-lifting last). Without
 *         a catalogue in force for the cadre's region on @p as_of, one blocker
 *         "up.no-catalogue" says so.
 */
EligibilityAnswer eligibility(const Cadre &cadre, EligibilityTarget target, RankLevel target_level,
                              Date as_of, const Engine &engine);

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
  CatalogueRef catalogue;                       ///< the catalogue in force for the cadre
  std::vector<ExemptionNote> exemptions;  ///< every 容错 decision considered, applied or not
  LocalizedText explanation;  ///< the cap in words, including that it does not lift by itself
};

/**
 * The best annual grade the rules still allow for @p cadre in @p year.
 * @param cadre the cadre.
 * @param year the year assessed.
 * @param engine the engine whose catalogues decide the rules.
 * @param as_of the day the question is asked; records and decisions dated after it do not count;
 *        empty means the last day of @p year.
 * @return the cap and every reason; several: the heaviest governs.
 */
GradeCapAnswer grade_cap(const Cadre &cadre, int year, const Engine &engine,
                         std::optional<Date> as_of = std::nullopt);

/** Something coming in the months ahead: an age limit, a term, an impact period ending. */
struct ForwardWarning {
  std::string cadre_id;       ///< the cadre
  std::string rule_id;        ///< the rule, e.g. "cn-2022.age.retirement" or "up.admonishment"
  Date on;                    ///< the day it happens
  LocalizedText explanation;  ///< what happens, with the date, in both languages
  RecordRef record;           ///< the record concerned (the cadre itself when none)
  std::vector<Citation> citations;  ///< legal basis
  CatalogueRef catalogue;           ///< the catalogue the rule comes from
};

/**
 * What happens to @p cadre from @p as_of through @p horizon_months later: every screening rule
 * of the catalogue in force that becomes true (age limit, second term, 15 years at one level,
 * 10 years in post...; found by screening at the horizon's end) and every impact period or
 * waiting time that ends (from eligibility() for one level up as of @p as_of).
 * @param cadre the cadre.
 * @param as_of the first day of the window.
 * @param horizon_months the length of the window in months, from 0.
 * @param engine the engine whose catalogues decide the rules.
 * @return the warnings on days from @p as_of to as_of.add_months(horizon_months), in calendar
 *         order (then rule id).
 */
std::vector<ForwardWarning> forward_warnings(const Cadre &cadre, Date as_of, int horizon_months,
                                             const Engine &engine);

/** A record where sanction and organisational adjustment do not match
 * (防止以纪律处分规避组织调整、以组织调整代替纪律处分). */
struct ConsistencyFlag {
  std::string cadre_id;             ///< the cadre
  std::string rule_id;              ///< "consistency.no-adjustment" or "consistency.no-sanction"
  RecordRef record;                 ///< the decision, sanction or adjustment flagged
  std::vector<Citation> citations;  ///< both rules: the adjustment's and the sanction's
  std::optional<Date> due_on;       ///< the deadline missed, when there is one
  LocalizedText explanation;        ///< why, in both languages
  CatalogueRef catalogue;           ///< the catalogue the rule comes from
};

/**
 * Dual-track consistency of @p cadre as of @p as_of: decisions and sanctions that call for an
 * organisational adjustment without one carried out (no Adjustment with basis_id == the record
 * id executed) after the deadline; adjustments that stand where a grave verified incident calls
 * for a sanction but none exists; and error-tolerance decisions that exempt a record carrying an
 * exclusion (rule id "consistency.exemption-excluded").
 * @param cadre the cadre.
 * @param as_of the as-of date.
 * @param engine the engine whose catalogues decide the deadlines and citations.
 * @return the flags, in the order of the records.
 */
std::vector<ConsistencyFlag> consistency(const Cadre &cadre, Date as_of, const Engine &engine);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ELIGIBILITY_HPP
