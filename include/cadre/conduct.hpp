/**
 * @file cadre/conduct.hpp
 * @brief Conduct and accountability: incidents, decisions, sanctions, early warnings,
 * investigations.
 *
 * Situations that are judgements (such as "political discipline") come only
 * from these records; the engines never guess them.
 */
#ifndef CADRE_CONDUCT_HPP
#define CADRE_CONDUCT_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** A recorded problem and the cadre's responsibility for it. Schema: `cadre.v1.Incident`. */
struct Incident {
  std::string id;                   ///< record id within the cadre; required
  std::optional<Date> occurred_on;  ///< day of the events
  std::optional<Date> recorded_on;  ///< day the problem was found or recorded
  std::string situation_id;         ///< id of the catalogue situation, e.g. "cn-2022.unsuitable.8"
  Severity severity = Severity::kUnspecified;                    ///< seriousness (情节)
  Responsibility responsibility = Responsibility::kUnspecified;  ///< responsibility borne
  std::vector<std::string> evidence_refs;  ///< references to evidence (never contents)
  bool verified = false;                   ///< verified (核实认定) by the organisation
  std::string prior_warning_id;  ///< id of an earlier early warning of the cadre for it, if any

  /** Incidents are equal when every field is. */
  friend bool operator==(const Incident &, const Incident &) = default;
};

/**
 * An accountability decision (问责决定). The form
 * AccountabilityForm::kOrganisationalAdjustment needs at least one measure,
 * and measures need that form. Schema: `cadre.v1.AccountabilityDecision`.
 */
struct AccountabilityDecision {
  std::string id;                               ///< record id within the cadre; required
  std::vector<std::string> incident_ids;        ///< ids of the cadre's incidents it concerns
  std::vector<AccountabilityForm> forms;        ///< forms of accountability; at least one
  std::vector<OrganisationalMeasure> measures;  ///< measures of organisational adjustment
  AuthorityKind authority = AuthorityKind::kUnspecified;  ///< who decided
  std::string document_number;                            ///< 文号 of the decision
  std::optional<Date> decided_on;                         ///< day of the decision
  std::optional<Date> received_on;  ///< day the cadre received it (starts the appeal period)
  std::optional<Date> appealed_on;  ///< day an appeal was lodged, if any

  /** Decisions are equal when every field is. */
  friend bool operator==(const AccountabilityDecision &, const AccountabilityDecision &) = default;
};

/**
 * A party disciplinary sanction (党纪处分). #probation_years is 1 or 2 for
 * PartySanctionKind::kProbationWithinParty (留党察看) and 0 otherwise.
 * Schema: `cadre.v1.PartySanction`.
 */
struct PartySanction {
  std::string id;  ///< record id within the cadre; required
  PartySanctionKind kind = PartySanctionKind::kUnspecified;  ///< the sanction; required
  std::optional<Date> decided_on;                            ///< day of the decision
  std::optional<Date> effective_on;  ///< day it took effect; the impact period counts from it
  int probation_years = 0;           ///< years of 留党察看 (1 or 2); 0 otherwise
  std::optional<Date> restored_on;   ///< day party rights were restored after 留党察看
  bool related_to_duties = false;    ///< concerns the cadre's conduct in office (职务行为)
  std::string incident_id;           ///< id of the cadre's incident behind it, if any
  std::string document_number;       ///< 文号 of the decision

  /** Sanctions are equal when every field is. */
  friend bool operator==(const PartySanction &, const PartySanction &) = default;
};

/** A government sanction (政务处分). Schema: `cadre.v1.GovernmentSanction`. */
struct GovernmentSanction {
  std::string id;  ///< record id within the cadre; required
  GovernmentSanctionKind kind = GovernmentSanctionKind::kUnspecified;  ///< the sanction; required
  std::optional<Date> decided_on;                                      ///< day of the decision
  std::optional<Date> effective_on;  ///< day it took effect; the sanction period counts from it
  std::optional<Date> lifted_on;     ///< day the sanction was lifted (解除), if it was
  std::string incident_id;           ///< id of the cadre's incident behind it, if any
  std::string document_number;       ///< 文号 of the decision

  /** Sanctions are equal when every field is. */
  friend bool operator==(const GovernmentSanction &, const GovernmentSanction &) = default;
};

/** An early-warning measure: 提醒, 函询 or 诫勉. Schema: `cadre.v1.EarlyWarning`. */
struct EarlyWarning {
  std::string id;                                          ///< record id within the cadre; required
  EarlyWarningKind kind = EarlyWarningKind::kUnspecified;  ///< the measure; required
  std::optional<Date> issued_on;                           ///< day it was given
  std::optional<Date> replied_on;           ///< for 函询: day the written reply came
  std::optional<Date> self_examination_on;  ///< for 诫勉: day the self-examination came
  bool corrected = false;                   ///< the cadre corrected the problem
  std::optional<Date> reviewed_on;          ///< day the correction was checked
  std::string incident_id;                  ///< id of the cadre's incident behind it, if any

  /** Warnings are equal when every field is. */
  friend bool operator==(const EarlyWarning &, const EarlyWarning &) = default;
};

/** A period under investigation (立案审查). Schema: `cadre.v1.Investigation`. */
struct Investigation {
  std::string id;                 ///< record id within the cadre; required
  std::optional<Date> opened_on;  ///< day it was opened
  std::optional<Date> closed_on;  ///< day it was closed; empty while open
  InvestigationStatus status = InvestigationStatus::kUnspecified;  ///< its state; required
  AuthorityKind authority = AuthorityKind::kUnspecified;           ///< who investigates

  /** Investigations are equal when every field is. */
  friend bool operator==(const Investigation &, const Investigation &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_CONDUCT_HPP
