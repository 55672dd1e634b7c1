/**
 * @file cadre/exemption_case.hpp
 * @brief The 容错认定 case: opened from a pending claim, decided by a step of the case, its
 *        decision taken out as the exemption module's ExemptionClaim, merged into a cadre's
 *        record so that it applies once, from its day; and the remedial measures (纠错,
 *        补救措施) the decision sets, followed as tasks of the case.
 *
 * A 容错认定 definition (ProcedureKind::kExemptionReview; the shipped one is
 * `cn.exemption-review`, data/procedures/other.textproto) records:
 *
 * - in its first stage (the application, 申请): the text fact `claim_id` (the claim's record
 *   id), the integer fact `concerns_kind` (the RecordKind number of the record concerned, e.g. 5
 *   for an accountability decision), the record fact `concerns_id`, optionally the record fact
 *   `concerns_cadre_id`, the date fact `applied_on` and the text fact `effects` (the effects
 *   asked to be cancelled, as words: `negative-evaluation`, `performance-assessment`, `awards`,
 *   `promotion`, `rank-and-title`, `reserve-status`, `deputy-status`, separated by spaces or
 *   commas);
 * - in the stage whose outcomes carry Outcome::exemption_decision (the decision, 决定): the
 *   date fact `decided_on` (else the day of the step), optionally `impact_months` (integer, the
 *   shortened impact period of 从轻 / 减轻) and `effects` (as above: the effects the decision
 *   cancels or softens, else those of the application); the body deciding is the event's actor
 *   (EventActor::body, EventActor::body_id) and its 文号 the event's document_ref;
 * - remedial measures as tasks (StageEntry::kTask) set by the decision event, each with its
 *   deadline: facts `remedy.<id>.due_on` or `remedy.<id>.working_days` (cadre::apply()).
 *
 * All functions are pure; none writes a person's data into an error message (record ids and
 * field paths only).
 */
#ifndef CADRE_EXEMPTION_CASE_HPP
#define CADRE_EXEMPTION_CASE_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/calendar.hpp"
#include "cadre/case.hpp"
#include "cadre/case_log.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/exemption.hpp"
#include "cadre/procedure_definition.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** The decision of a 容错认定 case, as the exemption module takes it. */
struct ExemptionCaseDecision {
  /**
   * The claim as the case records it: id, record concerned and day (from the application);
   * decision, decided_on, authority, impact_months and effects_cancelled (from the decision).
   * ExemptionDecision::kPending and no decided_on until the decision step is recorded; an
   * empty id until the application is.
   */
  ExemptionClaim claim;
  bool decided = false;                        ///< the decision step has been recorded
  std::string document_ref;                    ///< 文号 or file id of the decision
  std::string decided_by;                      ///< the host's id of the body that decided
  std::vector<std::string> remedial_measures;  ///< ids of the remedial measures it set, sorted

  /** Field-wise equality. */
  friend bool operator==(const ExemptionCaseDecision &, const ExemptionCaseDecision &) = default;
};

/**
 * Opens a 容错认定 case for a cadre's pending claim: the definition in force on the claim's day
 * for the region, its first stage (the application) shown completed by the claim (its id, the
 * record concerned, its day and its effects as the facts above), the case waiting at the next
 * stage. The opening event's opened_by is "record:exemption_claims:<claim id>".
 * @param procedures the definitions
 * @param cadre_id the cadre's id
 * @param claim the claim, with ExemptionDecision::kPending (or unspecified), its claimed_on and
 *        the record it concerns
 * @param case_id the new case's id
 * @param region_code the region whose definitions apply ("CN" or six digits)
 * @param opened_on the day the case is opened; empty: the claim's day
 * @param calendar the calendar
 * @return the case with its opening event logged; INVALID_ARGUMENT naming "decision" (a claim
 *         already decided), "claimed_on", "concerns.kind", "concerns.id" or "opened_on" (before
 *         the claim's day); NOT_FOUND ("claimed_on") when no definition is in force;
 *         FAILED_PRECONDITION naming the definition's stage fact (e.g.
 *         "stages[0].facts.claim_id") when the definition does not record the claim
 */
StatusOr<Case> open_case(const ProcedureSet &procedures, std::string_view cadre_id,
                         const ExemptionClaim &claim, std::string case_id,
                         std::string_view region_code, std::optional<Date> opened_on,
                         const WorkCalendar &calendar);

/**
 * The decision of a 容错认定 case, from its state and its events.
 * @param c the case
 * @return the decision (ExemptionCaseDecision::decided false until the decision step);
 *         FAILED_PRECONDITION ("procedure_id") for a case of another procedure or a definition
 *         with no stage recording the decision; DATA_LOSS naming "events[i]" for an event that
 *         does not decode; FAILED_PRECONDITION naming the fact (e.g.
 *         "stages.application.facts.concerns_kind") for a value the exemption module cannot
 *         take
 */
StatusOr<ExemptionCaseDecision> exemption_decision(const Case &c);

/**
 * The decision of a 容错认定 case kept in a store, from its state and its events.
 * @param definition the definition the case follows
 * @param state the state of @p events (replay())
 * @param events the case's events, in order (the decision event gives who decided and its 文号)
 * @return the decision, or the errors of exemption_decision(const Case &)
 */
StatusOr<ExemptionCaseDecision> exemption_decision(const ProcedureDefinition &definition,
                                                   const CaseState &state,
                                                   const std::vector<LoggedEvent> &events);

/**
 * Puts decided claims (the claims of 容错认定 cases) into a cadre's record, so that each
 * decision applies exactly once, from its day and not before (the exemption module counts a
 * decision only from its decided_on).
 *
 * The rule, for each decided claim (its id is the record id within the cadre):
 * - no claim of the record has the id: it is added;
 * - the record's claim with the id is pending (ExemptionDecision::kPending or unspecified): the
 *   decision replaces it — decision, decided_on, authority; impact_months and
 *   effects_cancelled when the decided claim gives them; the record's grounds, exclusions and
 *   the rest are kept;
 * - the record's claim is decided already: the same decision of the same day is kept as it is
 *   (never a second claim); another decision or another day is an error.
 *
 * Nothing is changed when an error is returned.
 * @param cadre the cadre's record, updated
 * @param decided the decided claims
 * @return OK; INVALID_ARGUMENT naming the field: "decided[j].decision" (not decided),
 *         "decided[j].decided_on" (missing), "decided[j].id" (empty, or decided twice with
 *         different decisions), "decided[j].concerns.cadre_id" (a claim of another cadre),
 *         "exemption_claims[i].concerns" (the record's claim with the id concerns another
 *         record), "exemption_claims[i].decision" or "exemption_claims[i].decided_on" (the
 *         record holds a conflicting decision)
 */
Status merge_exemption_decisions(Cadre &cadre, const std::vector<ExemptionClaim> &decided);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_EXEMPTION_CASE_HPP
