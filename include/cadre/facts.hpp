/**
 * @file cadre/facts.hpp
 * @brief Other facts the rules read: health, study leave, resignation, family, refusals,
 * candidacies.
 */
#ifndef CADRE_FACTS_HPP
#define CADRE_FACTS_HPP

#include <optional>
#include <string>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** A spell of inability to perform duties for health reasons. Schema: `cadre.v1.HealthSpell`. */
struct HealthSpell {
  std::string id;                  ///< record id within the cadre; required
  std::optional<Date> start_date;  ///< first day
  std::optional<Date> end_date;    ///< last day; empty while it lasts
  bool continuous_leave = false;   ///< continuous sick leave away from the post (连续离岗)
  bool partially_able = false;     ///< able to carry some duties (能够承担一定工作任务)

  /** Spells are equal when every field is. */
  friend bool operator==(const HealthSpell &, const HealthSpell &) = default;
};

/** Leave for study (离职学习). Schema: `cadre.v1.StudyLeave`. */
struct StudyLeave {
  std::string id;                  ///< record id within the cadre; required
  std::optional<Date> start_date;  ///< first day
  std::optional<Date> end_date;    ///< last day
  bool organisation_sent = false;  ///< sent by the organisation (组织选派), not applied for

  /** Leaves are equal when every field is. */
  friend bool operator==(const StudyLeave &, const StudyLeave &) = default;
};

/** A voluntary resignation request (自愿辞职). Schema: `cadre.v1.ResignationRequest`. */
struct ResignationRequest {
  std::string id;                    ///< record id within the cadre; required
  std::optional<Date> submitted_on;  ///< day it was submitted
  ResignationReason reason = ResignationReason::kUnspecified;  ///< the reason given
  std::optional<Date> accepted_on;  ///< day it was accepted; empty while pending or refused
  bool withdrawn = false;           ///< withdrawn by the cadre

  /** Requests are equal when every field is. */
  friend bool operator==(const ResignationRequest &, const ResignationRequest &) = default;
};

/** A family situation the rules read. Schema: `cadre.v1.FamilySituation`. */
struct FamilySituation {
  std::string id;  ///< record id within the cadre; required
  FamilySituationKind kind = FamilySituationKind::kUnspecified;  ///< the situation; required
  std::optional<Date> since;                                     ///< day it began or was reported
  std::optional<Date> until;         ///< day it ended; empty while it lasts
  bool adjustment_required = false;  ///< the rules require an organisational adjustment for it

  /** Situations are equal when every field is. */
  friend bool operator==(const FamilySituation &, const FamilySituation &) = default;
};

/** A refusal of an assignment, transfer or exchange. Schema: `cadre.v1.AssignmentRefusal`. */
struct AssignmentRefusal {
  std::string id;                  ///< record id within the cadre; required
  std::optional<Date> refused_on;  ///< day of the refusal
  bool proper_reason = false;      ///< the organisation accepted the reason (正当理由)
  std::string decision_ref;        ///< reference to the decision refused

  /** Refusals are equal when every field is. */
  friend bool operator==(const AssignmentRefusal &, const AssignmentRefusal &) = default;
};

/** A candidacy for a post (推荐 / 考察). Schema: `cadre.v1.Candidacy`. */
struct Candidacy {
  std::string id;                                       ///< record id within the cadre; required
  CandidacyStage stage = CandidacyStage::kUnspecified;  ///< the stage reached; required
  std::optional<Date> since;                            ///< day the stage was reached
  RankLevel target_level = RankLevel::kUnspecified;     ///< rank level of the post in view
  std::string target_unit_id;                           ///< unit of the post in view
  bool exceptional = false;                             ///< an exceptional promotion (破格)

  /** Candidacies are equal when every field is. */
  friend bool operator==(const Candidacy &, const Candidacy &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_FACTS_HPP
