/**
 * @file cadre/procedure_definition.hpp
 * @brief Procedure definitions: the statutory steps of 问责, 不适宜担任现职调整, 提醒,
 *        函询, 诫勉, 延迟免职, 自愿辞职 and 容错认定 as dated data that cites its sources.
 *
 * A definition holds one procedure under one set of rules (ProcedureDefinition::rule_set,
 * a key of the registry of sources) over a period, with its stages in order. For each stage
 * it says who acts, the facts and documents the stage records, its guards (earlier stages
 * completed, a yes-or-no condition such as the 2015 rules' warning not heeded, a collective
 * decision's attendance and majority with the rule that requires them, an approval), its
 * deadline (an amount of working days, days, months or years counted from an event of a
 * stage, with the 民法典 第二百零三条 flag) and its allowed outcomes with the stage each
 * leads to. A reducer of case events can check order, facts, authority, quorum and
 * deadlines from the definition alone; the working days are those of cadre/calendar.hpp.
 *
 * The library ships the definitions of data/procedures (format: docs/procedure-format.md;
 * every step with its verification tag), compiled in once. A host adds its own, a
 * province's 实施细则, with ProcedureSet::add(), which checks every definition and names
 * the offending field, e.g. "stages[3].outcomes[0].next". ProcedureSet::select() picks the
 * definition of a kind in force on a day for a region.
 *
 * All types are values; a ProcedureSet is immutable once built and safe to share between
 * threads for reading.
 */
#ifndef CADRE_PROCEDURE_DEFINITION_HPP
#define CADRE_PROCEDURE_DEFINITION_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "cadre/finding.hpp"
#include "cadre/sources.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/**
 * A share of a body's members (numerator / denominator) counted against a base. Schema:
 * `cadre.v1.Threshold`.
 */
struct Threshold {
  int numerator = 0;       ///< e.g. 2 of "2/3"
  int denominator = 0;     ///< e.g. 3 of "2/3"
  bool inclusive = false;  ///< true: the bound is enough (以上); false: it must be exceeded (超过)
  MajorityBase base = MajorityBase::kUnspecified;  ///< what the share is counted against

  /**
   * Whether a count reaches the threshold.
   * @param count the members counted (present, or in favour)
   * @param of the base: the members due, or the members present, as #base says
   * @return true when count / of is at least (#inclusive) or more than the fraction; false
   *         when @p of is not positive or the threshold has no positive denominator
   */
  [[nodiscard]] bool met(int count, int of) const noexcept;
};

/** The attendance and the majority a collective decision needs. Schema: `cadre.v1.Quorum`. */
struct Quorum {
  Threshold attendance;             ///< members who must attend
  Threshold majority;               ///< votes in favour needed
  std::vector<Citation> citations;  ///< the rule that requires them; never empty once checked

  /**
   * Whether a vote meets the quorum and the majority.
   * @param members_due the members who should attend (应到会成员)
   * @param present the members present (实到会成员)
   * @param in_favour the votes in favour
   * @return true when both thresholds are met, each against its base
   */
  [[nodiscard]] bool met(int members_due, int present, int in_favour) const noexcept;
};

/** Who acts in a stage. Schema: `cadre.v1.Actor`. */
struct Actor {
  ActorRole role = ActorRole::kUnspecified;             ///< e.g. the principal leader
  std::vector<AuthorityKind> bodies;                    ///< the bodies that may act (any)
  AuthorityLevel level = AuthorityLevel::kUnspecified;  ///< managing, or one level up
  LocalizedText text;                                   ///< the actor as the rule names it
};

/** A fact a stage records. Schema: `cadre.v1.FactRequirement`. */
struct FactRequirement {
  std::string key;                         ///< unique within the stage, e.g. "received_on"
  LocalizedText name;                      ///< name in both languages
  FactType type = FactType::kUnspecified;  ///< date, text, yes or no, votes ...
  bool required = false;                   ///< the stage cannot be completed without it
};

/** A document a stage produces or needs. Schema: `cadre.v1.DocumentRequirement`. */
struct DocumentRequirement {
  std::string key;        ///< unique within the stage, e.g. "decision_letter"
  LocalizedText name;     ///< e.g. 问责决定书
  bool required = false;  ///< the stage cannot be completed without it
};

/** A condition that must hold before a stage is completed. Schema: `cadre.v1.Guard`. */
struct Guard {
  GuardKind kind = GuardKind::kUnspecified;  ///< what is checked
  std::vector<std::string> stages;  ///< kStagesCompleted: stages that must be completed first
  std::string fact_stage;           ///< kFactTrue: the stage recording the fact (empty: this stage)
  std::string fact;                 ///< kFactTrue: key of a yes-or-no fact
  std::optional<Quorum> quorum;     ///< kCollectiveDecision: attendance and majority
  std::optional<Actor> approver;    ///< kApproval: who must approve
  LocalizedText text;               ///< the guard in both languages
  std::vector<Citation> citations;  ///< the rule behind the guard
};

/** Where a period starts: an event of a stage. Schema: `cadre.v1.DeadlineAnchor`. */
struct DeadlineAnchor {
  std::string stage;                              ///< key of the stage
  AnchorPoint point = AnchorPoint::kUnspecified;  ///< entered, completed, or a date fact
  std::string fact;  ///< kFactDate: key of a date fact of that stage, e.g. "received_on"
};

/** The period within which (or after which) a stage is completed. Schema: `cadre.v1.Deadline`. */
struct Deadline {
  int amount = 0;                              ///< length, 1 or more
  PeriodUnit unit = PeriodUnit::kUnspecified;  ///< working days, days, months or years
  DeadlineAnchor from;                         ///< the event; its day is not counted
  bool roll_forward = false;  ///< 民法典 第二百零三条: a last day on a rest day moves on
  DeadlineEffect effect = DeadlineEffect::kUnspecified;  ///< due by, barred after, not before
  LocalizedText text;                                    ///< the rule's words
  std::vector<Citation> citations;                       ///< the rule giving the period
};

/** An allowed outcome of a stage. Schema: `cadre.v1.Outcome`. */
struct Outcome {
  std::string key;                        ///< unique within the stage, e.g. "not_rectified"
  LocalizedText name;                     ///< name in both languages
  std::string next;                       ///< the stage it leads to; empty when #ends
  bool ends = false;                      ///< ends the procedure (in a branch: the branch)
  std::vector<AdjustmentMethod> methods;  ///< adjustment methods it allows
  std::vector<AccountabilityForm> forms;  ///< accountability forms it allows
  std::vector<Citation> citations;        ///< the rule behind it
  /** In a 容错认定 definition: the decision the outcome records (免责, 从轻, 减轻 or 不予容错),
   * taken by the exemption module from the decision's day (cadre/exemption_case.hpp);
   * ExemptionDecision::kUnspecified for every other outcome. */
  ExemptionDecision exemption_decision = ExemptionDecision::kUnspecified;
};

/** One stage (环节, 步骤) of a procedure. Schema: `cadre.v1.Stage`. */
struct Stage {
  std::string key;     ///< unique within the definition, e.g. "investigation"
  LocalizedText name;  ///< name in both languages
  LocalizedText text;  ///< what the stage does, in the rule's words
  StageEntry entry = StageEntry::kUnspecified;  ///< in sequence, a branch (an appeal) or a task
  /** kBranch: the stage after whose completion it may be opened; kTask: the stage whose events
   * set its tasks (each with its own deadline, see cadre::apply()). */
  std::string branch_from;
  Actor actor;                                 ///< who acts
  std::vector<FactRequirement> facts;          ///< facts it records
  std::vector<DocumentRequirement> documents;  ///< documents it produces or needs
  std::vector<Guard> guards;                   ///< conditions before completion
  std::optional<Deadline> deadline;            ///< empty when the rules give no period
  std::vector<Outcome> outcomes;               ///< allowed outcomes
  bool suspends_execution = false;             ///< while open, stops execution (an appeal does not)
  bool optional = false;                       ///< a case may end without it
  std::vector<Citation> citations;             ///< the rule behind the stage, with its tag

  /**
   * The fact with a key.
   * @param fact_key the fact's key
   * @return a pointer into #facts, or nullptr
   */
  [[nodiscard]] const FactRequirement *fact(std::string_view fact_key) const noexcept;
  /**
   * The outcome with a key.
   * @param outcome_key the outcome's key
   * @return a pointer into #outcomes, or nullptr
   */
  [[nodiscard]] const Outcome *outcome(std::string_view outcome_key) const noexcept;
};

/** A procedure under one set of rules. Schema: `cadre.v1.ProcedureDefinition`. */
struct ProcedureDefinition {
  std::string id;                                    ///< stable id, e.g. "cn-2019.accountability"
  std::string version;                               ///< version of the definition
  ProcedureKind kind = ProcedureKind::kUnspecified;  ///< e.g. kAccountabilityAdjustment
  LocalizedText title;                               ///< title in both languages
  std::string rule_set;      ///< key in the registry of the rules it belongs to, e.g. "wztl-2019"
  std::string jurisdiction;  ///< "CN" or a six-digit region code
  std::optional<Date> effective_from;  ///< first day in force
  std::optional<Date> effective_to;    ///< last day in force; empty while in force
  std::vector<Stage> stages;           ///< in order; the first opens the case
  std::vector<Citation> citations;     ///< basis of the procedure as a whole
  LocalizedText completeness;          ///< what is missing or unverified
  std::vector<Document> documents;     ///< documents cited that the registry does not hold

  /**
   * Whether the definition is in force on a day.
   * @param day the day
   * @return true when @p day is within effective_from and effective_to
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!effective_from || *effective_from <= day) && (!effective_to || day <= *effective_to);
  }
  /**
   * The stage with a key.
   * @param stage_key the stage's key
   * @return a pointer into #stages, or nullptr
   */
  [[nodiscard]] const Stage *stage(std::string_view stage_key) const noexcept;
};

/** Most stages one definition may hold. */
inline constexpr std::size_t kMaxProcedureStages = 64;

/**
 * Checks a definition: every required field present, keys unique, every outcome leading to
 * a known stage (or ending), every stage reachable, every deadline counted from a known
 * stage and, for a date, from a declared date fact, every guard complete (a collective
 * decision has its attendance, its majority, a citation of the rule and a votes fact in its
 * stage), every citation naming a document of the registry (or of @p documents, or of the
 * definition's own) with a verification tag.
 * @param definition the definition
 * @param documents further documents citations may name (a set's hosts' documents); may be empty
 * @return OK, or INVALID_ARGUMENT whose field is the path of the first bad field inside the
 *         definition, e.g. "stages[2].outcomes[0].next" or "stages[4].guards[1].quorum"
 */
Status check_procedure(const ProcedureDefinition &definition,
                       const std::vector<Document> &documents = {});

/**
 * The procedures a host uses, and the choice of the one in force.
 *
 * For a kind, a region and a day, the most specific definition in force wins: the region's
 * own, then its city's ("360100" for "360102"), then its province's ("360000"), then the
 * central one ("CN"). Immutable once built; safe to share between threads for reading.
 */
class ProcedureSet {
 public:
  /** An empty set. */
  ProcedureSet() = default;

  /**
   * The shipped definitions (data/procedures).
   * @return a set holding every shipped definition
   */
  static ProcedureSet builtin();

  /**
   * Checks a definition (check_procedure()), fills its citations' title, 文号, year and
   * evidence flag from the registry, and adds it. Nothing is added on an error.
   * @param definition the definition, moved in
   * @return OK; ALREADY_EXISTS (field "id") when a definition with its id is present;
   *         INVALID_ARGUMENT with the path of the bad field, as check_procedure(); or
   *         INVALID_ARGUMENT (field "effective_from") when a definition of the same kind and
   *         jurisdiction is in force on a day this one is
   */
  Status add(ProcedureDefinition definition);

  /**
   * The definition with an id.
   * @param id the definition's id
   * @return a pointer into the set (borrowed: valid while the set lives and nothing is added
   *         to it), or nullptr
   */
  [[nodiscard]] const ProcedureDefinition *find(std::string_view id) const noexcept;

  /**
   * The definition of a kind in force on a day for a region.
   * @param kind the procedure's kind
   * @param day the day (e.g. the day the case opens)
   * @param region_code six-digit administrative division code, or "" / "CN" for central
   * @return the most specific definition in force (borrowed, as find()), or nullptr when
   *         none is
   */
  [[nodiscard]] const ProcedureDefinition *select(
      ProcedureKind kind, Date day, std::string_view region_code = "CN") const noexcept;

  /**
   * The document with a key: the library's registry first, then the documents of the
   * set's definitions.
   * @param key the document's key
   * @return a pointer into the registry (static) or into a definition of the set (borrowed,
   *         as find()), or nullptr
   */
  [[nodiscard]] const Document *document(std::string_view key) const noexcept;

  /**
   * Every definition of the set.
   * @return the definitions, in the order they were added
   */
  [[nodiscard]] const std::vector<ProcedureDefinition> &definitions() const noexcept {
    return definitions_;
  }

 private:
  std::vector<ProcedureDefinition> definitions_;
};

/**
 * The canonical text of a definition: every field in a fixed order with fixed escaping,
 * independent of the file's layout and of protobuf's printer. Its SHA-256 is the
 * definition's content hash, which a case's decision records carry.
 * @param definition the definition (as added to a set: citations filled from the registry)
 * @return the canonical text, "key=value" lines
 */
std::string canonical_text(const ProcedureDefinition &definition);

/**
 * The content hash of a definition.
 * @param definition the definition
 * @return the SHA-256 of canonical_text(definition), as 64 lowercase hex digits
 */
std::string content_hash(const ProcedureDefinition &definition);

/**
 * The definitions shipped with the library (data/procedures), in the order of the files.
 * @return copies of the shipped definitions, citations filled from the registry
 */
std::vector<ProcedureDefinition> builtin_procedures();

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_PROCEDURE_DEFINITION_HPP
