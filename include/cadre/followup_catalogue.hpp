/**
 * @file cadre/followup_catalogue.hpp
 * @brief Follow-up plan templates (后续管理) as catalogue data: the templates, their items and
 *        conditions of re-appointment, the method checks, and the catalogue that chooses one for
 *        an adjustment.
 *
 * Split from cadre/followup_plan.hpp so that an engine's configuration (EngineConfig::followups,
 * cadre/screening.hpp) can hold a catalogue: this header needs neither eligibility nor
 * screening. The behaviour (plans, records, outcomes) stays in cadre/followup_plan.hpp, which
 * includes this one. Format of the templates: docs/followup.md.
 */
#ifndef CADRE_FOLLOWUP_CATALOGUE_HPP
#define CADRE_FOLLOWUP_CATALOGUE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "cadre/finding.hpp"
#include "cadre/followup.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** What an item of a plan is. Text name: FOLLOW_UP_ITEM_KIND_*. */
enum class FollowUpItemKind : std::uint8_t {
  kUnspecified = 0,  ///< not set (refused by the check)
  kTalk = 1,         ///< a heart-to-heart talk (谈心谈话) by one actor
  kTraining = 2,     ///< targeted training (教育培训)
  kSpecialTask = 3,  ///< a central or special task (中心工作、专项任务); its assessment follows
  kReview = 4,       ///< a review point of the organisation department (研判复核)
};

/** Where a condition of re-appointment is decided. Text name: CONDITION_SOURCE_*. */
enum class ConditionSource : std::uint8_t {
  kUnspecified = 0,      ///< not set (refused by the check)
  kImpactPeriod = 1,     ///< computed: eligibility() to the former level finds no blocker
  kRecordedFact = 2,     ///< recorded by a person (RecordedFact with the condition's key)
  kFollowUpDone = 3,     ///< computed: no item of the plan is overdue or left undone
  kTaskAssessment = 4,   ///< computed: every task assessed is competent or better
  kHealthRecovered = 5,  ///< computed: every spell of ill health has ended
};

/** A length: an amount of a unit. */
struct FollowUpPeriod {
  int amount = 0;                              ///< 0 (none) or more
  PeriodUnit unit = PeriodUnit::kUnspecified;  ///< working days, days, months or years

  /** Field-wise equality. */
  friend bool operator==(const FollowUpPeriod &, const FollowUpPeriod &) = default;
};

/** One item of a template. Text message: `items`. */
struct FollowUpItemTemplate {
  std::string key;  ///< unique within the template, e.g. "talk.principal"
  FollowUpItemKind kind = FollowUpItemKind::kUnspecified;  ///< what it is
  FollowUpActor actor = FollowUpActor::kUnspecified;       ///< kTalk: who holds it
  FollowUpPeriod first;          ///< the first is due within this after the adjustment; required
  FollowUpPeriod every;          ///< then one each such period, while the plan runs; amount 0: once
  FollowUpPeriod assess_within;  ///< kSpecialTask: the assessment is due this after the task ends
  bool optional = false;         ///< may be left out (a special task)
  LocalizedText name;            ///< in both languages
  std::vector<Citation> citations;  ///< the basis, each with its tag; never empty once checked
};

/** A condition of re-appointment (重新任用). Text message: `conditions`. */
struct ReappointmentCondition {
  std::string key;  ///< unique within the template; a recorded fact carries the same key
  ConditionSource source = ConditionSource::kUnspecified;  ///< how it is decided
  LocalizedText text;                                      ///< the condition in both languages
  std::vector<Citation> citations;  ///< the basis, each with its tag; never empty once checked
};

/** A plan template for a channel and, optionally, methods. Text message: `templates`. */
struct FollowUpTemplate {
  std::string id;                         ///< unique in a catalogue, e.g. "cn.followup.unsuitable"
  std::string version;                    ///< version of the template
  LocalizedText title;                    ///< title in both languages
  std::string jurisdiction;               ///< "CN" or a six-digit region code
  std::optional<Date> effective_from;     ///< first day in force (the adjustment's day decides)
  std::optional<Date> effective_to;       ///< last day in force; empty while in force
  std::vector<Channel> channels;          ///< the channels it serves; at least one
  std::vector<AdjustmentMethod> methods;  ///< the methods it serves; empty: every method
  FollowUpPeriod duration;                ///< how long the plan runs; required
  std::vector<FollowUpItemTemplate> items;         ///< the items, at least one
  std::vector<ReappointmentCondition> conditions;  ///< the conditions of re-appointment
  std::vector<Citation> citations;                 ///< basis of the template as a whole
  LocalizedText completeness;                      ///< what is missing or unverified

  /**
   * Whether the template is in force on a day.
   * @param day the day
   * @return true when @p day is within effective_from and effective_to
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!effective_from || *effective_from <= day) && (!effective_to || day <= *effective_to);
  }
};

/** A check of the adjustment method (proportionality), with its basis. Text message: `checks`. */
struct MethodCheckRule {
  std::string key;        ///< "not-own-reasons", "health-partially-able" or "health-removal"
  FollowUpPeriod period;  ///< "health-removal": the leave that must be exceeded
  LocalizedText text;     ///< the rule in both languages
  std::vector<Citation> citations;  ///< the basis, each with its tag
};

/**
 * Checks a template: id, version, title, jurisdiction, channels, duration and items present;
 * keys unique; each talk with its actor; each period with a positive amount and a unit; every
 * citation naming a registered document with a verification tag.
 * @param t the template
 * @return OK, or INVALID_ARGUMENT whose field is the path inside the template, e.g.
 *         "items[2].first.unit" or "conditions[0].citations[1].key"
 */
Status check_followup_template(const FollowUpTemplate &t);

/**
 * The templates in use and the choice of one for an adjustment. Immutable once built.
 *
 * For a channel, a method, a day and a region, the most specific template in force wins: the
 * region's own, then its city's, its province's, then the central one ("CN"); at the same
 * level one that names the method before one that serves every method; at equal rank the one
 * added last, so a host's template replaces a shipped one.
 */
class FollowUpCatalogue {
 public:
  /** An empty catalogue. */
  FollowUpCatalogue() = default;

  /**
   * The shipped templates and checks (data/followup).
   * @return the catalogue; empty only if the shipped text were broken (a test guards it)
   */
  static FollowUpCatalogue builtin();

  /**
   * Reads templates and checks from text (the format of data/followup), checks them all, fills
   * their citations from the registry, and adds them. Nothing is added on an error.
   * @param text the text
   * @param source a name for the text in errors, e.g. "host/followup.textproto"
   * @return OK; INVALID_ARGUMENT with field @p source and "line L column C" for a syntax error,
   *         or with the path of the bad field ("templates[1].items[0].actor"); ALREADY_EXISTS
   *         (field "templates[i].id") for an id present; RESOURCE_EXHAUSTED for a text too large
   */
  Status add_text(std::string_view text, std::string_view source);

  /**
   * Checks a template (check_followup_template()), fills its citations and adds it.
   * @param t the template, moved in
   * @return OK; INVALID_ARGUMENT as check_followup_template(); ALREADY_EXISTS (field "id")
   */
  Status add(FollowUpTemplate t);

  /**
   * The template for an adjustment.
   * @param channel the adjustment's channel
   * @param method its method
   * @param day the day it was carried out
   * @param region_code "CN", "" or a six-digit code
   * @return a pointer into the catalogue (valid while it lives and nothing is added), or nullptr
   */
  [[nodiscard]] const FollowUpTemplate *select(Channel channel, AdjustmentMethod method, Date day,
                                               std::string_view region_code) const noexcept;

  /**
   * The template with an id.
   * @param id the id
   * @return a pointer into the catalogue (as select()), or nullptr
   */
  [[nodiscard]] const FollowUpTemplate *find(std::string_view id) const noexcept;

  /**
   * The method check with a key, the last added.
   * @param key the key
   * @return a pointer into the catalogue (as select()), or nullptr
   */
  [[nodiscard]] const MethodCheckRule *check(std::string_view key) const noexcept;

  /** @return every template, in the order added */
  [[nodiscard]] const std::vector<FollowUpTemplate> &templates() const noexcept {
    return templates_;
  }

 private:
  std::vector<FollowUpTemplate> templates_;
  std::vector<MethodCheckRule> checks_;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_FOLLOWUP_CATALOGUE_HPP
