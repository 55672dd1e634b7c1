/**
 * @file cadre/followup_plan.hpp
 * @brief Follow-up management of adjusted cadres (后续管理) as behaviour: plan templates as
 *        catalogue data, plans dated on the working-day calendar, recording talks, training and
 *        task assessments, what is due and overdue, the outcomes (重新任用 checked against the
 *        impact periods and the conditions, 表彰奖励, 再次调整), the cadre's history, and a
 *        proportionality check of the adjustment method.
 *
 * Templates (FollowUpTemplate) come from data/followup (format: docs/followup.md), compiled in
 * as text and read without protobuf; a host adds its own with FollowUpCatalogue::add_text(),
 * checked the same way, every error naming the field. Each item and condition cites documents
 * of the registry with a verification tag; numbers the sources do not give (the first talk's
 * period, the cadences) are tagged RECALLED: configurable policy, never fact.
 *
 * The follow-up records themselves are the cadre's (Cadre::follow_up_plans: talks, trainings,
 * special tasks, the outcome), so a plan is not a procedure case: docs/followup.md says why.
 * Nothing here keeps notes of talks: a talk carries a reference to them in the host system.
 *
 * Dates: a plan starts on the day the adjustment was carried out (Adjustment::executed_on), a
 * day not counted; each item's last day is counted from it as WorkCalendar::period_end_date()
 * counts (working days on the official calendar; months and years per 民法典 第二百零一至
 * 二百零三条). A day in a year whose notice the calendar lacks is counted on weekends only and
 * the item is marked provisional.
 *
 * All functions are pure; a FollowUpCatalogue is immutable once built and safe to share
 * between threads for reading. Errors name record ids and field paths only, never personal
 * data.
 */
#ifndef CADRE_FOLLOWUP_PLAN_HPP
#define CADRE_FOLLOWUP_PLAN_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/adjustment.hpp"
#include "cadre/calendar.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/eligibility.hpp"
#include "cadre/enums.hpp"
#include "cadre/finding.hpp"
#include "cadre/followup.hpp"
#include "cadre/followup_catalogue.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

class Engine;

/** One dated item of a plan. */
struct PlannedItem {
  std::string
      key;  ///< "<item key>#<n>", e.g. "talk.principal#2"; a task's assessment "task#1.assessment"
  std::string item;                                        ///< the template item's key
  FollowUpItemKind kind = FollowUpItemKind::kUnspecified;  ///< what it is
  FollowUpActor actor = FollowUpActor::kUnspecified;       ///< kTalk: who holds it
  int occurrence = 0;       ///< 1 for the first, 2 for the next on the cadence ...
  bool assessment = false;  ///< the assessment of a special task (its record: the task)
  Date opens_on;  ///< first day it may be done: the plan's start, or the day after the last
                  ///< day of the occurrence before
  Date due_by;    ///< last day
  bool provisional = false;  ///< a day was counted in a year the calendar lacks (weekends only)
  bool optional = false;     ///< may be left out
  LocalizedText name;        ///< in both languages
  std::vector<Citation> citations;  ///< the template item's
};

/** A follow-up plan dated on the calendar. */
struct FollowUpSchedule {
  std::string cadre_id;                     ///< the cadre
  std::string plan_id;                      ///< the plan's id in the cadre's record
  std::string adjustment_id;                ///< the adjustment that opened it
  Channel channel = Channel::kUnspecified;  ///< the adjustment's channel
  AdjustmentMethod method = AdjustmentMethod::kUnspecified;  ///< its method
  std::string template_id;                                   ///< the template followed
  std::string template_version;                              ///< its version
  std::string region_code;          ///< the region whose template applied ("CN" when none known)
  std::string unit_id;              ///< the cadre's unit (talks by its principal leader)
  Date start;                       ///< the day the adjustment was carried out (not counted)
  Date end;                         ///< the plan's last day
  std::vector<PlannedItem> items;   ///< by last day, then key
  std::vector<Citation> citations;  ///< the template's
  LocalizedText completeness;       ///< the template's
};

/**
 * The plan for a carried-out adjustment of a cadre.
 * @param catalogue the templates
 * @param cadre the cadre (its posts give the region, its unit the unit)
 * @param adjustment_id the id of one of the cadre's adjustments
 * @param plan_id the id the plan takes in the cadre's record
 * @param as_of the day asked: the adjustment must have been carried out by then
 * @param calendar the working-day calendar
 * @return the plan; NOT_FOUND (field "adjustment_id") for an id the cadre lacks or (field
 *         "channel") when no template serves the adjustment; FAILED_PRECONDITION (field
 *         "adjustments[i].executed_on") when it was not carried out by @p as_of;
 *         INVALID_ARGUMENT (field "plan_id") for an empty id
 */
StatusOr<FollowUpSchedule> plan(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                                std::string_view adjustment_id, std::string plan_id, Date as_of,
                                const WorkCalendar &calendar);

/**
 * The record a plan starts as in the cadre's record (Cadre::follow_up_plans).
 * @param schedule the plan
 * @return its id, adjustment, first and last day; no talk, training, task or outcome yet
 */
FollowUpPlan new_plan(const FollowUpSchedule &schedule);

/**
 * Records a talk in a plan: who by role, when, a reference to the notes (never the notes).
 * @param plan the plan; unchanged on an error
 * @param talk the talk
 * @param as_of the day of recording
 * @return OK; INVALID_ARGUMENT naming "talk.id" (empty or used), "talk.held_on" (missing,
 *         before the plan's start or after @p as_of), "talk.actor" (unspecified) or
 *         "talk.notes_ref" (empty, or not a reference: spaces, line breaks, over 128 bytes);
 *         FAILED_PRECONDITION (field "outcome") once the plan has a final outcome
 */
Status record_talk(FollowUpPlan &plan, const Talk &talk, Date as_of);

/**
 * Records a training.
 * @param plan the plan; unchanged on an error
 * @param training the training
 * @param as_of the day of recording
 * @return OK; INVALID_ARGUMENT naming "training.id", "training.start_date" (missing or before
 *         the plan's start), "training.end_date" (before the start or after @p as_of) or
 *         "training.hours" (negative); FAILED_PRECONDITION (field "outcome") as record_talk()
 */
Status record_training(FollowUpPlan &plan, const Training &training, Date as_of);

/**
 * Records the assignment of a central or special task (its grade left unspecified).
 * @param plan the plan; unchanged on an error
 * @param task the task
 * @param as_of the day of recording
 * @return OK; INVALID_ARGUMENT naming "task.id", "task.start_date" (missing, before the plan's
 *         start or after @p as_of), "task.end_date" (before the start) or "task.grade" (given
 *         now: record_task_assessment() gives it); FAILED_PRECONDITION (field "outcome")
 */
Status record_task(FollowUpPlan &plan, const SpecialTask &task, Date as_of);

/**
 * Records the separate assessment of a task.
 * @param plan the plan; unchanged on an error
 * @param task_id the task's id
 * @param grade the grade (优秀, 称职, 基本称职, 不称职)
 * @param as_of the day of recording: on or after the task's end
 * @return OK; NOT_FOUND (field "task_id"); INVALID_ARGUMENT (field "grade") for a grade that is
 *         not one of the four; FAILED_PRECONDITION (field "task_id") for a task not yet ended
 *         on @p as_of or already assessed, (field "outcome") as record_talk()
 */
Status record_task_assessment(FollowUpPlan &plan, std::string_view task_id, AssessmentGrade grade,
                              Date as_of);

/** Where an item of a plan stands as of a day. */
enum class ItemState : std::uint8_t {
  kDone = 1,      ///< done by its last day
  kDoneLate = 2,  ///< done after its last day
  kDue = 3,       ///< open and not done; its last day has not passed
  kOverdue = 4,   ///< not done and its last day has passed
  kUpcoming = 5,  ///< not open yet
  kNotTaken = 6,  ///< optional and not taken up
  kClosed = 7,    ///< not done; the plan ended with an outcome first
};

/** An item with where it stands. */
struct ItemStatus {
  PlannedItem item;                        ///< the item
  ItemState state = ItemState::kUpcoming;  ///< where it stands
  std::string record_id;                   ///< the talk, training or task that did it
  std::optional<Date> done_on;             ///< the day it was done, when the record says
  int working_days_late = 0;               ///< kDoneLate, kOverdue: working days after its last day
};

/** A plan with where each item stands as of a day. */
struct PlanStatus {
  FollowUpSchedule schedule;               ///< the plan
  Date as_of;                              ///< the day asked
  std::vector<ItemStatus> items;           ///< one per item, in the schedule's order
  std::optional<FollowUpOutcome> outcome;  ///< the plan's outcome, when decided
  bool closed = false;  ///< a final outcome (not 继续跟踪管理) was decided by the day asked
};

/**
 * Where each item of a cadre's plan stands as of a day. Talks by an actor count in the order
 * they were held: the n-th talk held on or after the plan's start does occurrence n; trainings
 * likewise by their last day; a task does the task item; a task's grade its assessment. A
 * review point is done by a decision (the plan's outcome, 继续跟踪管理 included) dated on or
 * after the day it opens: the record keeps one decision per plan, the last, which so answers
 * every review point opened by its day.
 * @param catalogue the templates
 * @param cadre the cadre
 * @param plan_id the id of one of the cadre's plans
 * @param as_of the day asked; records dated after it do not count
 * @param calendar the calendar
 * @return the status; NOT_FOUND (field "plan_id"); the errors of plan() with the plan's
 *         adjustment
 */
StatusOr<PlanStatus> plan_status(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                                 std::string_view plan_id, Date as_of,
                                 const WorkCalendar &calendar);

/** Whose items to list. Empty fields do not filter. */
struct FollowUpScope {
  std::string cadre_id;       ///< one cadre
  std::string unit_id;        ///< the cadres of one unit (Cadre::unit_id)
  std::string region_code;    ///< a region: "360000" takes the province, "360100" the city
  bool overdue_only = false;  ///< only overdue items
};

/** One item due (or overdue) with whose it is. */
struct FollowUpDue {
  std::string cadre_id;     ///< the cadre
  std::string plan_id;      ///< the plan
  std::string unit_id;      ///< the cadre's unit
  std::string region_code;  ///< the plan's region
  ItemStatus status;        ///< the item
};

/** What is due over many cadres, and what could not be read. */
struct FollowUpDueReport {
  Date as_of;                      ///< the day asked
  std::vector<FollowUpDue> items;  ///< by last day, then cadre, plan and item key
  std::vector<Status> errors;      ///< one per plan that could not be dated, field "cadres[i].
                                   ///< follow_up_plans[j]" and the inner path
};

/**
 * Items due and overdue as of a day over cadres: the due and overdue items of every plan in
 * scope that has no final outcome. A plan that cannot be dated is reported in the errors and
 * the others are listed.
 * @param catalogue the templates
 * @param cadres the cadres
 * @param scope whose items
 * @param as_of the day asked
 * @param calendar the calendar
 * @return the report
 */
FollowUpDueReport followup_due(const FollowUpCatalogue &catalogue, const std::vector<Cadre> &cadres,
                               const FollowUpScope &scope, Date as_of,
                               const WorkCalendar &calendar);

/** A fact someone recorded for a condition: who (by role or id, never a name), when, evidence. */
struct RecordedFact {
  std::string key;                  ///< the condition's key, e.g. "matter_resolved"
  bool holds = false;               ///< what was recorded
  std::string recorded_by;          ///< the role or id of who recorded it; required
  std::optional<Date> recorded_on;  ///< the day; required, not after the day asked
  std::string evidence_ref;         ///< reference to the evidence in the host system

  /** Field-wise equality. */
  friend bool operator==(const RecordedFact &, const RecordedFact &) = default;
};

/** Whether a condition holds. */
enum class ConditionState : std::uint8_t {
  kMet = 1,            ///< holds
  kNotMet = 2,         ///< does not hold
  kUnknown = 3,        ///< not recorded: someone must record it
  kNotApplicable = 4,  ///< does not apply (no task given)
};

/** One condition checked. */
struct ConditionCheck {
  std::string key;                                         ///< the condition's key
  ConditionSource source = ConditionSource::kUnspecified;  ///< how it was decided
  ConditionState state = ConditionState::kUnknown;         ///< the answer
  std::optional<Date> met_from;     ///< kNotMet with a day it will hold (an impact period's end)
  LocalizedText text;               ///< the condition
  LocalizedText explanation;        ///< why, with dates, record ids and who recorded
  std::vector<Citation> citations;  ///< the condition's basis (and the blockers' for periods)
};

/** Whether a cadre may be re-appointed (重新任用) after the adjustment of a plan. */
struct ReappointmentAnswer {
  std::string cadre_id;                       ///< the cadre
  std::string plan_id;                        ///< the plan
  Date as_of;                                 ///< the day asked
  RankLevel level = RankLevel::kUnspecified;  ///< the former rank level (of the post left)
  bool allowed = false;                       ///< every condition met
  std::vector<ConditionCheck> conditions;     ///< every condition, in the template's order
  std::vector<std::string> missing;           ///< keys of the conditions unknown: facts to record
  std::optional<Date> earliest;   ///< the day the impact period no longer blocks, when known
  std::vector<Blocker> blockers;  ///< eligibility's blockers, as of the day asked
  CatalogueRef catalogue;         ///< eligibility's catalogue
};

/**
 * Checks re-appointment at the former rank level as of a day: each condition of the plan's
 * template, the impact periods by eligibility() (EligibilityTarget::kNamedLevel, the level of
 * the post the adjustment left) with the day they lift.
 * @param catalogue the templates
 * @param cadre the cadre
 * @param plan_id the plan
 * @param facts the recorded facts; a fact dated after @p as_of does not count
 * @param as_of the day asked
 * @param engine the engine whose catalogues give the impact periods
 * @param calendar the calendar
 * @return the answer; NOT_FOUND (field "plan_id"); the errors of plan_status(); INVALID_ARGUMENT
 *         naming "facts[i].key" (empty or repeated), "facts[i].recorded_by" or
 *         "facts[i].recorded_on" (missing)
 */
StatusOr<ReappointmentAnswer> check_reappointment(const FollowUpCatalogue &catalogue,
                                                  const Cadre &cadre, std::string_view plan_id,
                                                  const std::vector<RecordedFact> &facts,
                                                  Date as_of, const Engine &engine,
                                                  const WorkCalendar &calendar);

/** An outcome to decide. */
struct OutcomeRequest {
  FollowUpOutcomeKind kind = FollowUpOutcomeKind::kUnspecified;  ///< the outcome
  Date decided_on;                                               ///< the day decided
  std::string record_id;  ///< the appointment (a post id) or adjustment it leads to, if any
  std::vector<RecordedFact> facts;  ///< kReappointed: the recorded conditions
};

/** A decided outcome. */
struct OutcomeAnswer {
  FollowUpPlan plan;                                 ///< the plan with its outcome
  std::optional<ReappointmentAnswer> reappointment;  ///< kReappointed: the check that allowed it
  std::optional<Finding> readjustment;  ///< kAdjustedAgain: the finding that opens the new case
};

/**
 * Decides the outcome of a plan: 继续跟踪管理 (a review), 重新任用 (only when
 * check_reappointment() allows it on the day), 表彰奖励, or 再次调整, which yields a finding of
 * the 不适宜 channel for open_case() (rule "followup.adjusted-again", needing verification).
 * @param catalogue the templates
 * @param cadre the cadre
 * @param plan_id the plan
 * @param request the outcome
 * @param engine the engine (impact periods)
 * @param calendar the calendar
 * @return the answer; NOT_FOUND (field "plan_id"); INVALID_ARGUMENT (field "kind") for an
 *         unspecified kind, (field "decided_on") for a day before the plan's start;
 *         FAILED_PRECONDITION (field "outcome") when a final outcome was decided, (field "kind")
 *         when re-appointment is not allowed on the day (the message lists the conditions not
 *         met or unknown by key); the errors of check_reappointment()
 */
StatusOr<OutcomeAnswer> decide_outcome(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                                       std::string_view plan_id, const OutcomeRequest &request,
                                       const Engine &engine, const WorkCalendar &calendar);

/** What happened, in a cadre's follow-up history. */
enum class HistoryKind : std::uint8_t {
  kAdjusted = 1,        ///< adjusted (the adjustment carried out)
  kPlanOpened = 2,      ///< a follow-up plan started
  kTalk = 3,            ///< a talk held
  kTraining = 4,        ///< a training finished
  kTask = 5,            ///< a task begun
  kTaskAssessed = 6,    ///< a task assessed (dated by its end)
  kReviewed = 7,        ///< 继续跟踪管理 decided
  kReappointed = 8,     ///< 重新任用
  kCommended = 9,       ///< 表彰奖励
  kAdjustedAgain = 10,  ///< 再次调整
};

/** One entry of the history. */
struct HistoryEntry {
  Date day;                                   ///< the day
  HistoryKind kind = HistoryKind::kAdjusted;  ///< what happened
  std::string plan_id;                        ///< the plan, when it belongs to one
  RecordRef record;                           ///< the record
  LocalizedText text;  ///< what happened, in both languages: ids, dates, roles; no label
};

/**
 * A cadre's history of going down and follow-up: adjusted, followed up, re-appointed. It
 * states facts with their days, never a label (不贴标签): an adjustment followed by
 * re-appointment reads as such, and nothing marks the cadre beyond the dated records.
 * @param cadre the cadre
 * @param as_of records dated after it are left out
 * @return the entries by day (then kind, then record id)
 */
std::vector<HistoryEntry> followup_history(const Cadre &cadre, Date as_of);

/** A recorded fact about the cadre's situation at the adjustment. */
struct MethodFacts {
  bool not_own_reasons = false;  ///< cannot cope for reasons not his own (非个人原因不能胜任)
  std::string recorded_by;       ///< role or id of who recorded it (required when set)
  std::string evidence_ref;      ///< reference to the evidence
};

/** A method that does not fit the situation the rules describe. */
struct ProportionalityFlag {
  std::string rule_id;                                       ///< "followup.method.<check key>"
  std::string adjustment_id;                                 ///< the adjustment flagged
  AdjustmentMethod method = AdjustmentMethod::kUnspecified;  ///< the method chosen
  std::vector<AdjustmentMethod> called_for;                  ///< what the rule calls for instead
  LocalizedText explanation;                                 ///< why, with record ids and dates
  std::vector<Citation> citations;                           ///< the rule's basis
};

/**
 * Checks the method of an adjustment against the situation recorded: a removal, demotion or
 * ordered resignation of a cadre who cannot cope for reasons not his own, or of a cadre unable
 * for health who can carry some duties, where the rules call for a fitting post (调离岗位,
 * 改任); and a transfer or change of post where a continuous sick leave over the rule's period
 * calls for removal (免职).
 * @param catalogue the method checks (their periods and citations)
 * @param cadre the cadre (its health spells)
 * @param adjustment_id the adjustment
 * @param facts the facts recorded about the situation
 * @param as_of the day asked
 * @return the flags, possibly none; NOT_FOUND (field "adjustment_id"); INVALID_ARGUMENT (field
 *         "facts.recorded_by") for a fact set without who recorded it
 */
StatusOr<std::vector<ProportionalityFlag>> check_method(const FollowUpCatalogue &catalogue,
                                                        const Cadre &cadre,
                                                        std::string_view adjustment_id,
                                                        const MethodFacts &facts, Date as_of);

/**
 * The label of an item kind, a condition source, an item state or a history kind.
 * @param kind the value
 * @return zh-CN and English; empty for a value unknown to this version
 */
LocalizedText followup_label(FollowUpItemKind kind);
/** @copydoc followup_label(FollowUpItemKind) */
LocalizedText followup_label(ItemState kind);
/** @copydoc followup_label(FollowUpItemKind) */
LocalizedText followup_label(HistoryKind kind);
/** @copydoc followup_label(FollowUpItemKind) */
LocalizedText followup_label(ConditionState kind);

/**
 * The shipped text of data/followup (embedded at build time).
 * @return the text, static
 */
std::string_view builtin_followup_text() noexcept;

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_FOLLOWUP_PLAN_HPP
