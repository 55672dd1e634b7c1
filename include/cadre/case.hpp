/**
 * @file cadre/case.hpp
 * @brief Procedure cases as event logs: the events, their canonical bytes, the reducer that
 *        accepts or refuses each event against its procedure definition, the state and what
 *        is due, the opening of a case from a finding or a record, appeals that re-run
 *        screening, and decision records that can be re-derived.
 *
 * A case follows one ProcedureDefinition. Its first event opens it (CaseEventKind::kOpen: the
 * finding or record that opened it, the stage it starts at); every later event completes one
 * stage with one of its outcomes (CaseEventKind::kStep). apply() checks an event against the
 * definition (order, required facts and documents, the actor's authority, the guards with
 * their quorum and majority, the periods) and either advances the state or refuses the event
 * with a Rejection: a reason code, the path of the field, a message in zh-CN and English, and
 * the citation of the rule broken. Events carry ids, keys, dates and counts only, never
 * personal data; so do the messages.
 *
 * Each event has a canonical binary encoding (docs/case-log.md), written and read here by
 * hand, independent of protobuf's serialiser. A Case keeps those bytes chained as
 * LoggedEvent values (cadre/case_log.hpp); replay() rebuilds the state from them and
 * verify() names the first event that does not fit.
 *
 * All functions are pure: the same definition, events and calendar give the same state.
 */
#ifndef CADRE_CASE_HPP
#define CADRE_CASE_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/calendar.hpp"
#include "cadre/case_log.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/enums.hpp"
#include "cadre/finding.hpp"
#include "cadre/procedure_definition.hpp"
#include "cadre/records.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

class Engine;

/** What an event does. */
enum class CaseEventKind : std::uint8_t {
  kOpen = 1,  ///< opens the case: always the first event, and only the first
  kStep = 2,  ///< completes one stage with one outcome
};

/** Who acted, as the definition models actors (never a person's name). */
struct EventActor {
  ActorRole role = ActorRole::kUnspecified;             ///< e.g. the principal leader
  AuthorityKind body = AuthorityKind::kUnspecified;     ///< the body acting
  AuthorityLevel level = AuthorityLevel::kUnspecified;  ///< managing, or one level up
  std::string body_id;  ///< the host's id of the body (an organisation id); may be empty

  /** Field-wise equality. */
  friend bool operator==(const EventActor &, const EventActor &) = default;
};

/**
 * One fact supplied with an event. Exactly the member of #type is meaningful; the others keep
 * their defaults. In an opening event the key is "stage.fact" (a fact of a stage the record
 * that opens the case shows completed, e.g. "admonition.admonished_on").
 */
struct SuppliedFact {
  std::string key;                         ///< the fact's key in its stage, e.g. "received_on"
  FactType type = FactType::kUnspecified;  ///< date, text, bool, integer, method or record
  Date date;                               ///< kDate
  std::string text;  ///< kText: a reference or key, never free text about a person; kRecord: id
  bool yes = false;  ///< kBool
  std::int64_t number = 0;                                   ///< kInteger
  AdjustmentMethod method = AdjustmentMethod::kUnspecified;  ///< kMethod

  /** Field-wise equality. */
  friend bool operator==(const SuppliedFact &, const SuppliedFact &) = default;
};

/** Attendance and votes of a collective decision (the stage's votes fact). */
struct Votes {
  int members_due = 0;  ///< members who should attend (应到会成员)
  int present = 0;      ///< members present (实到会成员)
  int in_favour = 0;    ///< votes for (同意)
  int against = 0;      ///< votes against (不同意)
  int abstain = 0;      ///< abstentions (弃权)

  /** Field-wise equality. */
  friend bool operator==(const Votes &, const Votes &) = default;
};

/** A fact of the cadre's record corrected on appeal (申诉): where, not what (no personal data). */
struct Correction {
  std::string field;      ///< path in the cadre's record, e.g. "accountability_decisions[0].forms"
  std::string record_id;  ///< id of the record corrected; may be empty for a field of the cadre
  std::string evidence_ref;  ///< reference to the evidence of the correction

  /** Field-wise equality. */
  friend bool operator==(const Correction &, const Correction &) = default;
};

/** How one finding differs between two screenings of the same cadre as of the same day. */
enum class FindingChangeKind : std::uint8_t {
  kAppeared = 1,     ///< only in the screening after the correction
  kDisappeared = 2,  ///< only in the screening before it
  kChanged = 3,      ///< in both, with other status, channel, heading, date or determination
};

/** One line of a findings diff: a rule's finding before and after a correction. */
struct FindingChange {
  FindingChangeKind kind = FindingChangeKind::kChanged;  ///< appeared, disappeared or changed
  std::string rule_id;                                   ///< the rule of the finding
  Channel channel = Channel::kUnspecified;  ///< its channel (after; before when it disappeared)
  FindingStatus before = FindingStatus::kUnspecified;  ///< status before (unspecified: none)
  FindingStatus after = FindingStatus::kUnspecified;   ///< status after (unspecified: none)
  std::vector<std::string> fields;  ///< kChanged: the finding's fields that differ, sorted

  /** Field-wise equality. */
  friend bool operator==(const FindingChange &, const FindingChange &) = default;
};

/** Before and after findings of a re-run screening, as the case records them. */
struct FindingsDiff {
  Date as_of;                          ///< the original as-of day the screening re-ran at
  std::vector<FindingChange> changes;  ///< by rule id, then kind

  /** Field-wise equality. */
  friend bool operator==(const FindingsDiff &, const FindingsDiff &) = default;
};

/** One event of a case, before it is encoded and logged. */
struct CaseEvent {
  CaseEventKind kind = CaseEventKind::kStep;  ///< opening or step
  std::string stage;    ///< kStep: the stage completed; kOpen: the stage the case starts at
  std::string outcome;  ///< kStep: the outcome's key; kOpen: empty
  Date day;             ///< day of the event
  EventActor actor;     ///< who acted
  std::vector<SuppliedFact> facts;     ///< facts supplied (keys unique)
  std::vector<std::string> documents;  ///< keys of the documents supplied (unique)
  std::optional<Votes> votes;          ///< a collective decision's attendance and votes
  std::string document_ref;            ///< 文号 or file id in the host system
  std::string note_id;                 ///< id of a free note kept by the host
  std::string opened_by;        ///< kOpen: the finding or record, e.g. "finding:cn-2019.x:c-0042"
  std::string definition_hash;  ///< kOpen: content_hash() of the definition followed
  std::optional<Date> due_by;   ///< kOpen: a first deadline set by the opening finding's policy
  std::optional<Correction> correction;  ///< an appeal's corrected fact
  std::optional<FindingsDiff> diff;      ///< the findings before and after the correction

  /** Field-wise equality. */
  friend bool operator==(const CaseEvent &, const CaseEvent &) = default;
};

/** Largest canonical encoding of one event, in bytes. */
inline constexpr std::size_t kMaxEventBytes = 1U << 20U;

/**
 * The canonical bytes of an event (docs/case-log.md). Facts are written in ascending key
 * order and documents in ascending order, so that an event has one encoding.
 * @param event the event
 * @return the bytes; INVALID_ARGUMENT naming the field when the event cannot be encoded (a
 *         string over 65535 bytes or not UTF-8, a duplicate fact key or document, more than
 *         1024 facts, documents or changes, a votes fact among the facts, a total over
 *         kMaxEventBytes)
 */
StatusOr<std::string> encode_event(const CaseEvent &event);

/**
 * Reads canonical bytes back.
 * @param bytes the bytes of one event
 * @return the event; DATA_LOSS whose field names the first field that is truncated, garbled,
 *         out of order or not canonical (e.g. "facts[2].key"), or "" for trailing bytes
 */
StatusOr<CaseEvent> decode_event(std::string_view bytes);

/** Why an event was refused, with the rule broken. */
struct Rejection {
  CaseRejection reason = CaseRejection::kUnspecified;  ///< the reason code
  std::string field;      ///< path of the field in the event, e.g. "votes.present"
  LocalizedText message;  ///< the reason and the field, in zh-CN and English; ids only
  Citation citation;      ///< the rule of the definition broken (key, article, tag)
};

/** What a case knows about one stage of its definition. */
struct StageState {
  std::string key;                     ///< the stage's key
  std::optional<Date> entered_on;      ///< day it was last entered (reached or opened)
  std::optional<Date> completed_on;    ///< day it was last completed
  std::string outcome;                 ///< outcome of its last completion
  int completions = 0;                 ///< times completed (a second inquiry: 2)
  bool by_record = false;              ///< completed by the record that opened the case
  std::vector<SuppliedFact> facts;     ///< facts of its last completion, by key
  std::vector<std::string> documents;  ///< documents of its last completion, sorted
  std::optional<Votes> votes;          ///< votes of its last completion

  /** Field-wise equality. */
  friend bool operator==(const StageState &, const StageState &) = default;
};

/** A stage the case waits for. */
struct Awaited {
  std::string stage;    ///< the stage's key
  bool branch = false;  ///< on a branch (an appeal, a task) rather than the main line
  Date since;           ///< day it was entered
  std::string task;     ///< a task stage (StageEntry::kTask): the task's id; empty otherwise
  std::optional<Date> deadline;  ///< a task: the last day the event that set it gave

  /** Field-wise equality. */
  friend bool operator==(const Awaited &, const Awaited &) = default;
};

/** A stage completed after its period (DEADLINE_EFFECT_DUE): kept, and flagged. */
struct LateStep {
  std::string stage;     ///< the stage
  Date deadline;         ///< its last day
  Date completed_on;     ///< the day it was completed
  int working_days = 0;  ///< working days late
  std::string task;      ///< a task stage: the task's id; empty otherwise

  /** Field-wise equality. */
  friend bool operator==(const LateStep &, const LateStep &) = default;
};

/** The state of a case: everything apply() has accepted so far. */
struct CaseState {
  std::string procedure_id;           ///< id of the definition followed
  std::string opened_by;              ///< what opened the case
  std::optional<Date> opened_on;      ///< day of the opening event
  std::optional<Date> due_by;         ///< the opening's policy deadline for the first stage
  std::uint64_t events = 0;           ///< events accepted
  std::optional<Date> last_day;       ///< day of the last event accepted
  std::vector<StageState> stages;     ///< one per stage of the definition, in its order
  std::vector<Awaited> awaited;       ///< stages the case waits for: the main line first
  bool main_ended = false;            ///< the main line has reached an outcome that ends it
  std::vector<LateStep> late;         ///< stages completed late
  std::vector<FindingsDiff> appeals;  ///< findings diffs recorded by appeals, in order

  /**
   * The state of a stage.
   * @param stage_key the stage's key
   * @return a pointer into #stages, or nullptr
   */
  [[nodiscard]] const StageState *stage(std::string_view stage_key) const noexcept;

  /**
   * Whether the case has ended: its main line has ended and no branch is open.
   * @return true once ended (a branch still within its period may reopen it)
   */
  [[nodiscard]] bool ended() const noexcept { return main_ended && awaited.empty(); }

  /**
   * The stage of the main line the case waits for.
   * @return its key; empty before the opening and once the main line has ended
   */
  [[nodiscard]] std::string current_stage() const;

  /** Field-wise equality. */
  friend bool operator==(const CaseState &, const CaseState &) = default;
};

/**
 * Applies one event to a case's state, or refuses it.
 *
 * The checks, in order: the case is opened once, by its first event; the day is not before
 * the last event's; the case has not ended; the stage and outcome exist; a stage that must
 * come first (GUARD_KIND_STAGES_COMPLETED) is completed; the stage is awaited (or is a branch
 * whose stage is completed); the actor's role, body and level; the facts (types, required
 * ones) and documents; the other guards (a yes-or-no condition, an approval, a collective
 * decision's attendance and majority); the outcome's methods; the period (out of time, too
 * early). A step completed after a DEADLINE_EFFECT_DUE period is accepted and listed late.
 *
 * Tasks (纠错: the remedial measures, 补救措施, a 容错 decision requires): an event of a stage
 * that a task stage (StageEntry::kTask) names in its `branch_from` may set tasks of it, each
 * with the facts "<task stage>.<task id>.due_on" (a date, not before the event's day) or
 * "<task stage>.<task id>.working_days" (1 to 3650 working days counted from the event's day
 * on the calendar). Each task is then awaited beside the main line, with its own deadline
 * (due by; a task done after it is accepted and listed late), until a step of the task stage
 * names it in its text fact `task`. A task id already open is refused (INVALID_FACT, the
 * fact's key); a step naming no open task is OUT_OF_ORDER on "facts.task".
 *
 * @param definition the definition the case follows
 * @param state the state; advanced when the event is accepted, unchanged when refused
 * @param event the event
 * @param calendar the working-day calendar that counts the periods
 * @return nothing when accepted; the rejection otherwise
 */
std::optional<Rejection> apply(const ProcedureDefinition &definition, CaseState &state,
                               const CaseEvent &event, const WorkCalendar &calendar);

/**
 * apply() for a caller that replays many cases of one definition (a whole store), with the
 * definition's content hash computed once: hashing a definition's canonical text costs more
 * than the rest of a case's replay.
 * @param definition the definition the case follows
 * @param definition_hash content_hash(@p definition), computed by the caller (an opening event
 *        is checked against it)
 * @param state the state; advanced when the event is accepted, unchanged when refused
 * @param event the event
 * @param calendar the working-day calendar that counts the periods
 * @return nothing when accepted; the rejection otherwise
 */
std::optional<Rejection> apply(const ProcedureDefinition &definition,
                               std::string_view definition_hash, CaseState &state,
                               const CaseEvent &event, const WorkCalendar &calendar);

/** A stage due (or open to a party), with its deadline as of a day. */
struct Due {
  std::string stage;             ///< the stage's key
  bool branch = false;           ///< on a branch (an appeal)
  bool optional = false;         ///< may be taken, need not be (a branch not yet opened)
  std::optional<Date> deadline;  ///< last day (first day for kNotBefore); empty when none applies
  DeadlineEffect effect = DeadlineEffect::kUnspecified;  ///< due by, barred after, not before
  bool from_policy =
      false;             ///< the deadline is the opening finding's (host policy), not the rule's
  bool overdue = false;  ///< kDue and the as-of day is after the deadline
  int working_days_overdue = 0;     ///< working days after the deadline, when overdue
  std::vector<Citation> citations;  ///< the rule giving the period
  std::string task;  ///< a task stage: the task's id (its deadline is the one the event set)

  /** Field-wise equality. */
  friend bool operator==(const Due &, const Due &) = default;
};

/**
 * What is due next as of a day: each awaited stage with its deadline (counted on the
 * working-day calendar; 民法典 第二百零三条 where the definition says so), and each branch
 * that a party may still open.
 * @param definition the definition the case follows
 * @param state the state
 * @param as_of the day asked about
 * @param calendar the calendar
 * @return the stages due, main line first; OUT_OF_RANGE (field "date") when a period needs a
 *         year the calendar lacks
 */
StatusOr<std::vector<Due>> due(const ProcedureDefinition &definition, const CaseState &state,
                               Date as_of, const WorkCalendar &calendar);

/**
 * A case: its header, its chained events and its state, following one definition.
 *
 * record() applies an event and, when accepted, appends its canonical bytes with their link.
 * A value type; copies are independent.
 */
class Case {
 public:
  /**
   * A case with no events.
   * @param header the header (its CaseHeader::events and CaseHeader::head are kept by the case)
   * @param definition the definition followed; its id must be the header's procedure_id
   */
  Case(CaseHeader header, std::shared_ptr<const ProcedureDefinition> definition);

  /**
   * Applies an event and logs it when accepted.
   * @param event the event
   * @param calendar the calendar
   * @return nothing when accepted and logged; the rejection otherwise (nothing logged); an
   *         event that cannot be encoded is refused as kInvalidFact naming the field
   */
  std::optional<Rejection> record(const CaseEvent &event, const WorkCalendar &calendar);

  /** @return the header, with the count and head of the events logged */
  [[nodiscard]] const CaseHeader &header() const noexcept { return header_; }
  /** @return the events logged, in order */
  [[nodiscard]] const std::vector<LoggedEvent> &events() const noexcept { return events_; }
  /** @return the state after the events logged */
  [[nodiscard]] const CaseState &state() const noexcept { return state_; }
  /** @return the definition followed */
  [[nodiscard]] const ProcedureDefinition &definition() const noexcept { return *definition_; }

 private:
  CaseHeader header_;
  std::shared_ptr<const ProcedureDefinition> definition_;
  std::vector<LoggedEvent> events_;
  CaseState state_;
};

/**
 * Rebuilds the state of a case from its logged events: decodes each and applies it.
 * @param definition the definition the case follows
 * @param events the events, in order
 * @param calendar the calendar
 * @return the state, equal to the one built event by event; DATA_LOSS naming "events[i]"
 *         (and the field) for bytes that do not decode; FAILED_PRECONDITION naming
 *         "events[i]" for an event the reducer refuses (its reason in the message) or an
 *         opening whose definition hash is not @p definition's
 */
StatusOr<CaseState> replay(const ProcedureDefinition &definition,
                           const std::vector<LoggedEvent> &events, const WorkCalendar &calendar);

/**
 * Checks a case's chain with ChainVerifier, against the header's count and head.
 * @param header the header the store keeps
 * @param events the events, in order
 * @return the index (from 0) of the first event altered, removed, reordered or inserted, or
 *         nothing when the chain verifies
 */
std::optional<std::uint64_t> verify(const CaseHeader &header,
                                    const std::vector<LoggedEvent> &events);

/**
 * Opens a case from a screening finding: a finding of the 问责 channel (or whose rule names
 * PROCEDURE_KIND_ACCOUNTABILITY_ADJUSTMENT) opens a 问责 case, one of the 不适宜 channel a
 * 不适宜担任现职调整 case, each under the definition in force on the finding's effective date
 * for the region. The opening event starts at the definition's first stage; its first
 * deadline is the finding's own (the catalogue's host policy) when the first stage has none.
 * @param procedures the definitions
 * @param finding the finding
 * @param case_id the new case's id
 * @param region_code the region whose definitions apply ("CN" or six digits)
 * @param opened_on the day the case is opened (not before the finding's date)
 * @param calendar the calendar
 * @return the case, with its opening event logged; NOT_FOUND (field "effective_date") when no
 *         definition is in force; UNIMPLEMENTED (field "channel") for a channel whose
 *         procedure is not shipped; INVALID_ARGUMENT (field "opened_on") for a day before the
 *         finding's
 */
StatusOr<Case> open_case(const ProcedureSet &procedures, const Finding &finding,
                         std::string case_id, std::string_view region_code, Date opened_on,
                         const WorkCalendar &calendar);

/**
 * Opens the follow-up steps of a 诫勉 record: the 诫勉 case under the definition in force on
 * the day it was given, started at the written self-examination, its stages before shown
 * completed by the record (admonition.admonished_on = the record's issued_on), so that the
 * first deadline is the self-examination's (5 working days).
 * @param procedures the definitions
 * @param cadre_id the cadre's id
 * @param warning the record, of kind EARLY_WARNING_KIND_ADMONISHMENT with its issued_on
 * @param case_id the new case's id
 * @param region_code the region whose definitions apply
 * @param calendar the calendar
 * @return the case with its opening event logged; INVALID_ARGUMENT (field "kind" or
 *         "issued_on") for another kind of record or one without its day; NOT_FOUND (field
 *         "issued_on") when no definition is in force
 */
StatusOr<Case> open_case(const ProcedureSet &procedures, std::string_view cadre_id,
                         const EarlyWarning &warning, std::string case_id,
                         std::string_view region_code, const WorkCalendar &calendar);

/**
 * The difference between two screenings of one cadre as of one day, by rule id.
 * @param as_of the day both were screened as of
 * @param before the findings before the correction
 * @param after the findings after it
 * @return the changes, by rule id
 */
FindingsDiff diff_findings(Date as_of, const std::vector<Finding> &before,
                           const std::vector<Finding> &after);

/**
 * Re-runs screening as of the original day on the cadre's record before and after a
 * correction, and returns the difference.
 * @param engine the screening engine
 * @param before the cadre's record as it was screened
 * @param after the record with the corrected fact
 * @param as_of the original as-of day
 * @return the diff; INVALID_ARGUMENT (field "id") when the two records are not of one cadre
 */
StatusOr<FindingsDiff> rescreen(const Engine &engine, const Cadre &before, const Cadre &after,
                                Date as_of);

/**
 * Re-runs the eligibility to go "up" as of the original day on the cadre's record before and
 * after a correction, and returns the difference of the blockers as a findings diff: each
 * blocker is keyed "<rule id>@<record id>" (the rule id alone without a record); a blocker
 * waived by a 免责 decision has status FINDING_STATUS_EXEMPTED, one that blocks
 * FINDING_STATUS_ACTIVE; a change lists the fields that differ ("check",
 * "exemption_claim_id", "lifts_on", "since", "status").
 * @param engine the engine whose catalogues decide the rules
 * @param before the cadre's record as it was assessed
 * @param after the record with the corrected fact
 * @param target what was asked
 * @param target_level the rank level in view, as for eligibility()
 * @param as_of the original as-of day
 * @return the diff; INVALID_ARGUMENT (field "id") when the two records are not of one cadre
 */
StatusOr<FindingsDiff> reassess(const Engine &engine, const Cadre &before, const Cadre &after,
                                EligibilityTarget target, RankLevel target_level, Date as_of);

/**
 * The canonical text of a state ("key=value" lines in a fixed order), hashed into a decision
 * record's response hash.
 * @param state the state
 * @return the text
 */
std::string canonical_text(const CaseState &state);

/**
 * A decision record of the event with sequence number @p seq of a case: operation
 * "case.apply", as of the event's day, the definition as catalogue (id, version, content
 * hash), request_hash = SHA-256 of the event's link and the calendar's content hash, and
 * response_hash = SHA-256 of canonical_text() of the state after the event.
 * @param c the case
 * @param seq the event's sequence number, from 1
 * @param calendar the calendar the case was run with
 * @return the record; OUT_OF_RANGE (field "seq") for a number the case has not logged
 */
StatusOr<DecisionRecord> decision_record(const Case &c, std::uint64_t seq,
                                         const WorkCalendar &calendar);

/**
 * Re-derives a decision record from the definition, the events up to it and the calendar,
 * and compares.
 * @param record the record
 * @param definition the definition
 * @param events the case's events (at least up to the record's)
 * @param calendar the calendar
 * @return OK when every hash matches; FAILED_PRECONDITION naming "catalogue.content_hash",
 *         "request_hash" or "response_hash" for the first that does not; the error of
 *         replay() when the events do not replay
 */
Status rederive(const DecisionRecord &record, const ProcedureDefinition &definition,
                const std::vector<LoggedEvent> &events, const WorkCalendar &calendar);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_CASE_HPP
