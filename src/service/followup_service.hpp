// The operations of follow-up management (issue 11 §2): followup_plan,
// followup_record, followup_due and followup_outcome, the handlers of their
// rows in the operation table. The templates and the calendar are the
// engine's (EngineConfig::followups, EngineConfig::calendar). Internal to
// libcadre and the CLI; never installed.
#ifndef CADRE_SRC_SERVICE_FOLLOWUP_SERVICE_HPP
#define CADRE_SRC_SERVICE_FOLLOWUP_SERVICE_HPP

#include <memory>

#include "cadre/followup_plan.hpp"
#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/followup_service.pb.h"
#include "service/operation.hpp"

namespace cadre::service {

/**
 * The follow-up templates of the operations: the engine's (EngineConfig::followups: the
 * shipped ones and the host's `EngineOptions.followup_texts`).
 * @param engine the engine
 * @return its templates, alive as long as the engine
 */
const FollowUpCatalogue &followup_catalogue(const Engine &engine) noexcept;

/**
 * The plan of the request's adjustment of its cadre, dated on the engine's calendar, and the
 * record it starts as. Errors name the request's field ("adjustment_id", "plan_id",
 * "cadre.adjustments[0].executed_on").
 */
Status followup_plan(const Engine &engine, const cadre::v1::FollowUpPlanRequest &request,
                     cadre::v1::FollowUpPlanResponse &response);

/**
 * Records the request's talk, training, task or task assessment into the cadre's plan; the
 * plan with it, and where each item stands. Errors name the request's field ("talk.notes_ref",
 * "task_assessment.task_id", "cadre.follow_up_plans[0].outcome") and never echo a value.
 */
Status followup_record(const Engine &engine, const cadre::v1::FollowUpRecordRequest &request,
                       cadre::v1::FollowUpRecordResponse &response);

/** The RecordRun of followup_due (the cadres read one at a time; the items held to sort). */
std::unique_ptr<RecordRun> followup_due_run(const Engine &engine);

/**
 * The items due and overdue over the request's cadres in its scope. A cadre that cannot be
 * read, or a plan that cannot be dated, gives an entry in response.errors; the others are
 * listed.
 */
Status followup_due(const Engine &engine, const cadre::v1::FollowUpDueRequest &request,
                    cadre::v1::FollowUpDueResponse &response);

/**
 * Decides the outcome of the cadre's plan (or, with check_only, only checks re-appointment),
 * with the re-appointment check, the 再次调整 finding, the history and the method check.
 * Errors name the request's field ("kind", "facts[0].recorded_by", "method_facts.recorded_by").
 */
Status followup_outcome(const Engine &engine, const cadre::v1::FollowUpOutcomeRequest &request,
                        cadre::v1::FollowUpOutcomeResponse &response);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_FOLLOWUP_SERVICE_HPP
