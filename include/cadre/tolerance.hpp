/**
 * @file cadre/tolerance.hpp
 * @brief Evaluating an error-tolerance (容错纠错) claim: the criteria as dated data that cites
 *        its sources, the claim as recorded facts, and a proposal that is never a decision.
 *
 * A ToleranceModel holds the criteria of one set of rules over a period: the three
 * distinctions (三个区分开来) and 问责条例 2019 第十七条 as grounds of exemption (免责), 第十八条
 * as grounds of lighter or reduced treatment (从轻、减轻), the conditions every tolerance needs
 * (a province's 容错条件), and the exclusions (不予容错情形), which stop tolerance whatever else
 * holds. Each criterion tests one fact the model declares, and cites its source with a
 * verification tag; a fact marked as a judgement (motive, whether the decision procedure was
 * followed, whether losses were recovered) is only ever recorded by a person.
 *
 * The library ships the central model and one provincial model (data/tolerance, see the
 * page "Error tolerance"); a host adds its own with ToleranceModels::add() or
 * ToleranceModels::add_text(), checked with errors that name the field, e.g.
 * "groups[2].criteria[0].fact".
 *
 * evaluate() reads a ToleranceClaim (the record concerned, facts with who recorded them and
 * their evidence) and returns a ToleranceEvaluation: the proposal (免责, 从轻, 减轻, 不予容错,
 * or "needs a judgement" with the facts missing), every group and criterion met, not met or
 * unknown with its citation and the facts it read, the exclusions hit, and the effects the
 * outcome would cancel or soften as the exemption module (cadre/exemption.hpp) applies them.
 * exemption_claim_draft() turns an evaluation into that module's input, for a person to decide.
 *
 * Every function is a pure function of its inputs; a ToleranceModels is immutable once built
 * and safe to share between threads for reading. No text of a result names a person: facts are
 * shown by their keys and names, never by who recorded them.
 */
#ifndef CADRE_TOLERANCE_HPP
#define CADRE_TOLERANCE_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "cadre/exemption.hpp"
#include "cadre/finding.hpp"
#include "cadre/sources.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** A fact a model reads, declared once per model. Schema: `cadre.v1.ToleranceFactSpec`. */
struct ToleranceFactSpec {
  std::string key;                         ///< unique within the model, e.g. "personal_gain"
  LocalizedText name;                      ///< name in both languages
  FactType type = FactType::kUnspecified;  ///< FactType::kBool or FactType::kInteger
  bool judgement = false;  ///< recorded by a person after review; the engine never infers it
  LocalizedText unit;      ///< unit of an integer fact, e.g. 人; empty for a yes-or-no fact
};

/** One criterion: a test of one fact, with its citation. Schema: `cadre.v1.ToleranceCriterion`. */
struct ToleranceCriterion {
  std::string key;                                   ///< unique within the model
  LocalizedText name;                                ///< name in both languages
  LocalizedText text;                                ///< what it means, in the rule's words
  std::string fact;                                  ///< key of the fact it reads
  CriterionTest test = CriterionTest::kUnspecified;  ///< how the fact is tested
  std::int64_t threshold = 0;       ///< for CriterionTest::kAtLeast and CriterionTest::kBelow
  std::vector<Citation> citations;  ///< its source, with the verification tag; never empty
};

/**
 * A group of criteria: a condition, a ground of exemption, a ground of lighter or reduced
 * treatment, or an exclusion. Schema: `cadre.v1.ToleranceGroup`.
 */
struct ToleranceGroup {
  std::string key;                                                  ///< unique within the model
  ToleranceRole role = ToleranceRole::kUnspecified;                 ///< what the group does
  LocalizedText name;                                               ///< name in both languages
  LocalizedText text;                                               ///< the rule's words
  ExemptionGround ground = ExemptionGround::kUnspecified;           ///< for a ground: which one
  ExemptionExclusion exclusion = ExemptionExclusion::kUnspecified;  ///< for an exclusion
  MitigationKind mitigation = MitigationKind::kUnspecified;         ///< for a mitigation: which one
  /**
   * For a ground or a mitigation: the outcomes the rule allows, the first proposed and the
   * others open to the decider. A ground's first is ToleranceProposal::kExempt (empty means
   * only that); a mitigation's are ToleranceProposal::kLighter or ToleranceProposal::kMitigated.
   */
  std::vector<ToleranceProposal> outcomes;
  /**
   * Key of a yes-or-no fact that must be yes for the group to apply at all (e.g. "a safety
   * accident occurred"); empty when none. Recorded as no, the group is not met and its
   * criteria are not read.
   */
  std::string gate;
  std::vector<ToleranceCriterion> criteria;  ///< all needed; for an exclusion, any one
  std::vector<Citation> citations;           ///< the rule behind the group; never empty
};

/** How 从轻 or 减轻 shortens an impact period. Schema: `cadre.v1.ToleranceShortening`. */
struct ToleranceShortening {
  ToleranceProposal outcome = ToleranceProposal::kUnspecified;  ///< kLighter or kMitigated
  int percent = 0;     ///< share of the period that remains, 1 to 99; whole months, rounded up
  LocalizedText text;  ///< the rule's words
  std::vector<Citation> citations;  ///< the rule giving the share; never empty
};

/** The criteria of error tolerance under one set of rules. Schema: `cadre.v1.ToleranceModel`. */
struct ToleranceModel {
  std::string id;                        ///< stable id, e.g. "cn.tolerance.2019"
  std::string version;                   ///< version of the model
  LocalizedText title;                   ///< title in both languages
  std::string jurisdiction;              ///< "CN" or a six-digit region code
  std::optional<Date> effective_from;    ///< first day in force; required
  std::optional<Date> effective_to;      ///< last day in force; empty while in force
  std::vector<Citation> citations;       ///< basis of the model; the first is never evidence only
  LocalizedText completeness;            ///< what is missing or unverified
  std::vector<ToleranceFactSpec> facts;  ///< the facts its criteria read
  std::vector<ToleranceGroup> groups;    ///< in the order they are reported
  std::vector<ExemptionEffect> exempt_effects;    ///< what 免责 cancels
  std::vector<ExemptionEffect> softened_effects;  ///< what 从轻 and 减轻 soften
  std::vector<ToleranceShortening> shortenings;   ///< how 从轻 and 减轻 shorten a period
  std::vector<Document> documents;  ///< documents cited that the registry does not hold

  /**
   * Whether the model is in force on a day.
   * @param day the day
   * @return true when @p day is within effective_from and effective_to
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!effective_from || *effective_from <= day) && (!effective_to || day <= *effective_to);
  }
  /**
   * The fact with a key.
   * @param fact_key the fact's key
   * @return a pointer into #facts, or nullptr
   */
  [[nodiscard]] const ToleranceFactSpec *fact(std::string_view fact_key) const noexcept;
  /**
   * The group with a key.
   * @param group_key the group's key
   * @return a pointer into #groups, or nullptr
   */
  [[nodiscard]] const ToleranceGroup *group(std::string_view group_key) const noexcept;
};

/** Most facts, groups or criteria of one group a model may hold. */
inline constexpr std::size_t kMaxToleranceItems = 256;

/**
 * Checks a model: every required field present (id, title and names in both languages, a
 * jurisdiction, a first day, citations), keys unique, every criterion reading a declared fact
 * with a test of its type, every group complete for its role (a ground names its ground, an
 * exclusion its exclusion, a mitigation its circumstance and its outcomes), a gate naming a
 * yes-or-no fact, at least one ground or mitigation, the effects and shortenings well formed,
 * and every citation naming a document of the registry (or of @p documents, or of the model's
 * own) with a verification tag.
 * @param model the model
 * @param documents further documents citations may name; may be empty
 * @return OK, or INVALID_ARGUMENT whose field is the path of the first bad field inside the
 *         model, e.g. "groups[2].criteria[0].fact" or "shortenings[0].percent"
 */
Status check_tolerance_model(const ToleranceModel &model,
                             const std::vector<Document> &documents = {});

/**
 * Parses a file of models (`cadre.v1.ToleranceModels` in protobuf text format, the format of
 * data/tolerance) without checking them (ToleranceModels::add() does).
 * @param text the file's text
 * @param source the name errors give for a syntax error, e.g. the file's name
 * @return the models; INVALID_ARGUMENT with field @p source and "line L column C: ..." for a
 *         syntax error, or naming the field ("models[1].groups[0].role"); RESOURCE_EXHAUSTED for
 *         a text over 16 MiB or more than kMaxToleranceItems models
 */
StatusOr<std::vector<ToleranceModel>> parse_tolerance_text(std::string_view text,
                                                           std::string_view source);

/**
 * The models a host uses, and the choice of the one in force.
 *
 * For a day and a region, the most specific model in force wins: the region's own, then its
 * city's, then its province's, then the central one ("CN"). Immutable once built; safe to share
 * between threads for reading.
 */
class ToleranceModels {
 public:
  /** An empty set. */
  ToleranceModels() = default;

  /**
   * The shipped models (data/tolerance).
   * @return a set holding every shipped model
   */
  static ToleranceModels builtin();

  /**
   * Checks a model (check_tolerance_model()), fills its citations' title, 文号, year and
   * evidence flag from the registry, and adds it. Nothing is added on an error.
   * @param model the model, moved in
   * @return OK; ALREADY_EXISTS (field "id") when a model with its id is present;
   *         INVALID_ARGUMENT with the path of the bad field; or INVALID_ARGUMENT (field
   *         "effective_from") when a model of the same jurisdiction is in force on a day this
   *         one is
   */
  Status add(ToleranceModel model);

  /**
   * Parses a file of models and adds every one, or none: a host's own criteria at run time.
   * @param text the file's text (parse_tolerance_text())
   * @param source the name errors give for a syntax error
   * @return OK, or the first error; a model's error names its place in the file, e.g.
   *         "models[1].groups[3].criteria[0].test"
   */
  Status add_text(std::string_view text, std::string_view source);

  /**
   * The model with an id.
   * @param id the model's id
   * @return a pointer into the set (borrowed: valid while the set lives and nothing is added),
   *         or nullptr
   */
  [[nodiscard]] const ToleranceModel *find(std::string_view id) const noexcept;

  /**
   * The model in force on a day for a region.
   * @param day the day
   * @param region_code six-digit administrative division code, or "" / "CN" for central
   * @return the most specific model in force (borrowed, as find()), or nullptr
   */
  [[nodiscard]] const ToleranceModel *select(Date day,
                                             std::string_view region_code = "CN") const noexcept;

  /**
   * The document with a key: the library's registry first, then the models' own documents.
   * @param key the document's key
   * @return a pointer into the registry (static) or into a model of the set (borrowed), or
   *         nullptr
   */
  [[nodiscard]] const Document *document(std::string_view key) const noexcept;

  /**
   * Every model of the set.
   * @return the models, in the order they were added
   */
  [[nodiscard]] const std::vector<ToleranceModel> &models() const noexcept { return models_; }

 private:
  std::vector<ToleranceModel> models_;
};

/**
 * The text of the shipped models (data/tolerance/tolerance.textproto), embedded once.
 * @return static text
 */
std::string_view builtin_tolerance_text() noexcept;

/**
 * The content hash of a model: the SHA-256 of its canonical text (every field in a fixed
 * order, independent of the file's layout).
 * @param model the model (as added to a set: citations filled from the registry)
 * @return 64 lowercase hex digits
 */
std::string content_hash(const ToleranceModel &model);

/**
 * One recorded fact of a claim: a key of the model, a typed value, who recorded it and the
 * evidence it rests on. Never free text about a person. Schema (to come):
 * `cadre.v1.ToleranceFact`.
 */
struct ToleranceFact {
  std::string key;                         ///< the fact's key in the model
  FactType type = FactType::kUnspecified;  ///< FactType::kBool or FactType::kInteger
  bool yes = false;                        ///< the value of a yes-or-no fact
  std::int64_t number = 0;                 ///< the value of an integer fact
  std::string recorded_by;                 ///< id of the officer or body that recorded it; required
  std::optional<Date> recorded_on;         ///< day it was recorded
  std::vector<std::string> evidence;       ///< ids of the evidence records it rests on

  /**
   * A yes-or-no fact.
   * @param key the fact's key
   * @param value the value
   * @param recorded_by id of who recorded it
   * @param evidence ids of the evidence records
   * @return the fact
   */
  static ToleranceFact flag(std::string key, bool value, std::string recorded_by,
                            std::vector<std::string> evidence = {});
  /**
   * An integer fact.
   * @param key the fact's key
   * @param value the value
   * @param recorded_by id of who recorded it
   * @param evidence ids of the evidence records
   * @return the fact
   */
  static ToleranceFact integer(std::string key, std::int64_t value, std::string recorded_by,
                               std::vector<std::string> evidence = {});
};

/** Most facts one claim may hold. */
inline constexpr std::size_t kMaxToleranceFacts = 1000;

/** A claim for error tolerance, to evaluate. Schema (to come): `cadre.v1.ToleranceClaim`. */
struct ToleranceClaim {
  std::string id;      ///< id of the claim (e.g. of the 容错申请 record); required
  RecordRef concerns;  ///< the record concerned: an accountability decision, a sanction, ...
  std::optional<Date> claimed_on;   ///< day of the claim: chooses the model in force
  std::string jurisdiction = "CN";  ///< region whose model applies: "CN" or a six-digit code
  std::string model_id;  ///< a model to use instead of the one in force; empty for that one
  std::vector<ToleranceFact> facts;   ///< the facts recorded
  std::vector<std::string> evidence;  ///< ids of the evidence records of the claim as a whole
  int impact_months = 0;  ///< impact period (影响期) of the record concerned, months; 0: none
};

/** One criterion of an evaluation. */
struct CriterionResult {
  std::string key;                                         ///< the criterion's key
  LocalizedText name;                                      ///< its name
  LocalizedText text;                                      ///< the rule's words
  CriterionStatus status = CriterionStatus::kUnspecified;  ///< met, not met or unknown
  std::vector<Fact> facts;          ///< the fact read ("facts[i]" of the claim); empty if missing
  std::vector<Citation> citations;  ///< its source
  LocalizedText explanation;        ///< why, in both languages
};

/** One group of an evaluation: a condition, a ground, a mitigation or an exclusion. */
struct GroupResult {
  std::string key;                                                  ///< the group's key
  ToleranceRole role = ToleranceRole::kUnspecified;                 ///< what the group does
  LocalizedText name;                                               ///< its name
  ExemptionGround ground = ExemptionGround::kUnspecified;           ///< for a ground
  ExemptionExclusion exclusion = ExemptionExclusion::kUnspecified;  ///< for an exclusion
  MitigationKind mitigation = MitigationKind::kUnspecified;         ///< for a mitigation
  CriterionStatus status = CriterionStatus::kUnspecified;           ///< met, not met or unknown
  std::vector<Fact> gate;  ///< the gate fact read, when the group has a gate and it is recorded
  std::vector<CriterionResult> criteria;  ///< every criterion; empty when the gate is no
  std::vector<Citation> citations;        ///< the rule behind the group
};

/** A fact the evaluation needs and the claim does not record. */
struct MissingFact {
  std::string key;                    ///< the fact's key
  LocalizedText name;                 ///< its name
  bool judgement = false;             ///< a judgement a person must record
  std::vector<std::string> criteria;  ///< keys of the criteria (or gated groups) that read it
};

/** What evaluate() proposes, and why. Never a decision. */
struct ToleranceEvaluation {
  std::string claim_id;       ///< the claim's id
  RecordRef concerns;         ///< the record concerned
  std::string model_id;       ///< the model used
  std::string model_version;  ///< its version
  std::string content_hash;   ///< its content hash (content_hash())
  ToleranceProposal proposal = ToleranceProposal::kUnspecified;  ///< the proposal
  std::vector<ToleranceProposal> alternatives;  ///< other outcomes the rule leaves to the decider
  std::vector<GroupResult> groups;              ///< every group, in the model's order
  std::vector<ExemptionExclusion> exclusions_hit;  ///< exclusions that apply
  std::vector<MissingFact> missing;  ///< facts not recorded that a criterion reads, model order
  std::vector<std::string> ignored_facts;  ///< keys of facts the model does not declare
  /** What the proposal would cancel (免责) or soften (从轻, 减轻), as the exemption module
   * applies them; empty for 不予容错 and "needs a judgement". */
  std::vector<ExemptionEffect> effects;
  /** For 从轻 and 减轻: the shortened impact period in months, where the model gives a
   * shortening and the claim an impact period. */
  std::optional<int> shortened_months;
  std::vector<Citation> citations;  ///< basis of the model
  LocalizedText explanation;        ///< the proposal and its reasons, in both languages
};

/**
 * Evaluates a claim against one model.
 * @param claim the claim
 * @param model a checked model (as held by a ToleranceModels)
 * @return the evaluation; INVALID_ARGUMENT naming the claim's field ("facts[3].recorded_by",
 *         "facts[1].type", "concerns.id", "impact_months") for a bad claim; RESOURCE_EXHAUSTED
 *         over kMaxToleranceFacts facts
 */
StatusOr<ToleranceEvaluation> evaluate(const ToleranceClaim &claim, const ToleranceModel &model);

/**
 * Evaluates a claim against the model it names, or the one in force on its day for its region.
 * @param claim the claim
 * @param models the models
 * @return the evaluation, or the errors of evaluate(); NOT_FOUND (field "model_id") for an
 *         unknown model id; INVALID_ARGUMENT (field "claimed_on") without a day or a model id;
 *         NOT_FOUND (field "claimed_on") when no model is in force
 */
StatusOr<ToleranceEvaluation> evaluate(const ToleranceClaim &claim, const ToleranceModels &models);

/**
 * The exemption module's input (cadre/exemption.hpp) drafted from an evaluation, for a person
 * to decide: the record concerned, the grounds met, every exclusion whose status is known,
 * the effects, the shortened impact period, and the mitigating circumstances met. Its decision
 * is ExemptionDecision::kPending and it has no decision day: the decider sets both (and may
 * change anything else).
 * @param claim the claim evaluated
 * @param evaluation its evaluation
 * @return the draft
 */
ExemptionClaim exemption_claim_draft(const ToleranceClaim &claim,
                                     const ToleranceEvaluation &evaluation);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_TOLERANCE_HPP
