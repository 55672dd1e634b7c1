/**
 * @file cadre/catalogue.hpp
 * @brief Catalogues of rules: rules as data with a citation.
 *
 * A catalogue is the set of rules in force for a jurisdiction over a period:
 * the central 2015 trial rules (cn-2015), the central 2022 rules (cn-2022), a
 * province's implementing layer (jx for Jiangxi) or a host's own. Each rule
 * names the channel, the heading, its citations with their verification tags,
 * its text in zh-CN and English, its dates, its parameters, how it is decided
 * and its consequences. The predicates that evaluate rules are C++ code
 * registered under the rule's kind; every number comes from the catalogue.
 */
#ifndef CADRE_CATALOGUE_HPP
#define CADRE_CATALOGUE_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/sources.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** A named parameter of a rule. */
struct Parameter {
  std::string name;   ///< name read by the predicate, e.g. "years"
  std::string value;  ///< value as written: integer, decimal, fraction "2/3", date or word
  std::string unit;   ///< unit, e.g. "years"
  std::optional<Citation> citation;  ///< source of the number, when not the rule's own
  bool host_policy = false;          ///< no national source gives the number: a host's policy
};

/** A consequence of a rule: a waiting period, a grade cap or a deadline. */
struct Consequence {
  ConsequenceKind kind = ConsequenceKind::kUnspecified;  ///< what it is
  int months = 0;                                        ///< length in months
  int days = 0;                                          ///< length in days
  std::int32_t best_grade = 0;  ///< best annual grade allowed (cadre.v1.AssessmentGrade number)
  LocalizedText text;           ///< description in both languages
};

/** One rule of a catalogue. */
struct Rule {
  std::string id;                                  ///< stable id, e.g. "cn-2022.unsuitable.14"
  Channel channel = Channel::kUnspecified;         ///< the "down" channel
  Heading heading = Heading::kUnspecified;         ///< the "者下" heading, where it applies
  std::vector<Citation> citations;                 ///< legal basis, with verification tags
  LocalizedText text;                              ///< the rule's text
  std::optional<Date> effective_from;              ///< first day in force (or the catalogue's)
  std::optional<Date> effective_to;                ///< last day in force (or the catalogue's)
  std::string overrides;                           ///< id of the base rule this one replaces
  std::string kind;                                ///< predicate kind, e.g. "retirement-age"
  DecidedBy decided_by = DecidedBy::kUnspecified;  ///< computed or recorded
  std::vector<Parameter> parameters;               ///< named numbers
  std::vector<AdjustmentMethod> methods;           ///< allowed adjustment methods
  std::vector<Consequence> consequences;           ///< waiting periods, caps, deadlines
  std::int32_t procedure = 0;           ///< procedure opened (cadre.v1.ProcedureKind number)
  int first_deadline_days = 0;          ///< days until the procedure's first deadline
  bool requires_prior_warning = false;  ///< 2015: only after a warning not heeded
  bool disabled = false;                ///< switched off (in an overriding catalogue)
  std::vector<std::string> succeeds;    ///< rules of earlier catalogues whose cases it takes over

  /**
   * The parameter named @p name.
   * @param name the parameter's name
   * @return a pointer into #parameters, or nullptr when there is none
   */
  [[nodiscard]] const Parameter *parameter(std::string_view name) const noexcept;
  /**
   * Whether the rule is in force on a day, by its own dates only.
   * @param day the day
   * @return true when @p day is within effective_from and effective_to
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!effective_from || *effective_from <= day) && (!effective_to || day <= *effective_to);
  }
};

/** A catalogue of rules for a jurisdiction and a period. */
struct Catalogue {
  std::string id;                      ///< e.g. "cn-2022"
  std::string version;                 ///< version of the catalogue
  LocalizedText title;                 ///< title in both languages
  std::string jurisdiction;            ///< "CN" or an administrative division code
  std::optional<Date> effective_from;  ///< first day in force
  std::optional<Date> effective_to;    ///< last day in force; empty while in force
  std::string base;                    ///< id of the catalogue this one builds on
  std::vector<Rule> rules;             ///< the rules
  LocalizedText completeness;          ///< what is known to be missing or unverified
  std::vector<Document> documents;     ///< documents cited that the library does not register

  /**
   * Whether the catalogue is in force on a day.
   * @param day the day
   * @return true when @p day is within effective_from and effective_to
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!effective_from || *effective_from <= day) && (!effective_to || day <= *effective_to);
  }
  /**
   * The rule with an id.
   * @param rule_id the rule's id
   * @return a pointer into #rules, or nullptr when there is none
   */
  [[nodiscard]] const Rule *rule(std::string_view rule_id) const noexcept;
};

/**
 * The catalogues a host uses, and the choice of the one in force.
 *
 * For a cadre's region (an administrative division code) on a day, the most
 * specific catalogue in force wins: the region's own, then its city's
 * ("360100" for "360102"), then its province's ("360000"), then the central
 * one ("CN"). The rules that apply are the chosen catalogue's rules plus those
 * of its base chain that it does not override or disable, each in force on the
 * day. Immutable after construction; safe to share between threads.
 */
class CatalogueSet {
 public:
  /** An empty set. */
  CatalogueSet() = default;

  /**
   * The shipped catalogues: cn-2015, cn-2022 and jx.
   * @return a set holding them
   */
  static CatalogueSet builtin();

  /**
   * Adds a catalogue.
   * @param catalogue the catalogue, moved in
   * @return OK; ALREADY_EXISTS when a catalogue with its id is present (field "id");
   *         INVALID_ARGUMENT when its base is not in the set (field "base") or a rule
   *         overrides a rule that its base chain does not have
   */
  Status add(Catalogue catalogue);

  /**
   * The catalogue in force for a region on a day.
   * @param region_code six-digit administrative division code, or "" / "CN" for central
   * @param day the day
   * @return the most specific catalogue in force, or nullptr when none is
   */
  [[nodiscard]] const Catalogue *select(std::string_view region_code, Date day) const noexcept;

  /**
   * The rules that apply under a catalogue on a day: its own and those of its
   * base chain that it does not override or disable, each in force on @p day.
   * @param catalogue a catalogue of this set
   * @param day the day
   * @return pointers into the set's catalogues, in the order base first
   */
  [[nodiscard]] std::vector<const Rule *> rules_in_force(const Catalogue &catalogue,
                                                         Date day) const;

  /**
   * The catalogue with an id.
   * @param id the catalogue's id
   * @return a pointer into the set, or nullptr
   */
  [[nodiscard]] const Catalogue *find(std::string_view id) const noexcept;

  /**
   * The document with a key: the library's registry first, then the documents
   * the catalogues of the set register.
   * @param key the document's key
   * @return a pointer into the registry or into a catalogue of the set, or nullptr
   */
  [[nodiscard]] const Document *document(std::string_view key) const noexcept;

  /**
   * Every catalogue of the set.
   * @return the catalogues, in the order they were added
   */
  [[nodiscard]] const std::vector<Catalogue> &catalogues() const noexcept { return catalogues_; }

 private:
  std::vector<Catalogue> catalogues_;
};

/**
 * The catalogues shipped with the library (data/catalogues): cn-2015, cn-2022
 * and jx, in that order.
 * @return copies of the shipped catalogues
 */
std::vector<Catalogue> builtin_catalogues();

/**
 * The canonical text of a catalogue: every field in a fixed order with fixed
 * escaping, independent of the file's layout and of protobuf's printer. Its
 * SHA-256 is the catalogue's content hash.
 * @param catalogue the catalogue
 * @return the canonical text, "key=value" lines
 */
std::string canonical_text(const Catalogue &catalogue);

/**
 * The content hash of a catalogue.
 * @param catalogue the catalogue
 * @return the SHA-256 of canonical_text(catalogue), as 64 lowercase hex digits
 */
std::string content_hash(const Catalogue &catalogue);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_CATALOGUE_HPP
