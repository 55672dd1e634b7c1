/**
 * @file cadre/screening.hpp
 * @brief The screening engine: cadres as of a date to findings, and the summary.
 *
 * An Engine applies, to each cadre as of a date, the rules of the catalogue in
 * force for the cadre's region on that date (see CatalogueSet): by default the
 * shipped catalogues cn-2015, cn-2022 and jx. Each rule's predicate is C++
 * code registered under the rule's kind; its numbers come from the catalogue.
 * With an empty catalogue set, an Engine applies the national retirement rule
 * of RetirementPolicy::national() only.
 *
 * An Engine is immutable after construction and safe to share between
 * threads; every call is a pure function of its arguments.
 */
#ifndef CADRE_SCREENING_HPP
#define CADRE_SCREENING_HPP

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/calendar.hpp"
#include "cadre/catalogue.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/followup_catalogue.hpp"
#include "cadre/procedure_definition.hpp"
#include "cadre/rules/retirement.hpp"
#include "cadre/tolerance.hpp"

namespace cadre {
inline namespace api_v1 {

/** What an engine applies. */
struct EngineConfig {
  /** Age limits used where no catalogue applies. */
  RetirementPolicy retirement = RetirementPolicy::national();
  /**
   * The catalogues: the shipped ones by default. An empty set means the
   * built-in national retirement rule only.
   */
  CatalogueSet catalogues = CatalogueSet::builtin();
  /**
   * The working-day calendar of deadlines: the shipped one by default, to
   * which a host adds a new year's notice (WorkCalendar::add_text()).
   */
  WorkCalendar calendar = WorkCalendar::builtin();
  /**
   * The procedure definitions cases follow: the shipped ones by default, to
   * which a host adds a province's 实施细则 (ProcedureSet::add()).
   */
  ProcedureSet procedures = ProcedureSet::builtin();
  /**
   * The criteria of error tolerance claims are evaluated against: the shipped ones by
   * default, to which a host adds its own (ToleranceModels::add_text()).
   */
  ToleranceModels tolerance = ToleranceModels::builtin();
  /**
   * The follow-up plan templates (后续管理) plans are generated from, and the method checks:
   * the shipped ones by default, to which a host adds its own (FollowUpCatalogue::add_text()).
   * A host's template in force for a region wins over the shipped one there.
   */
  FollowUpCatalogue followups = FollowUpCatalogue::builtin();
};

/**
 * Counts in the shape the 2017 Jiangxi article reports.
 *
 * The counts per channel and per rank level are lists of (value, cadres) in
 * the order of the values' numbers, holding only values with cadres: a value
 * added to the schema, or a number unknown to this version, is counted under
 * its own number, and the type does not change when an enum grows.
 */
struct ScreenSummary {
  int cadres_screened = 0;        ///< cadres screened
  int records_rejected = 0;       ///< records rejected by validation
  int cadres_down = 0;            ///< cadres with at least one finding
  int accountability = 0;         ///< of which through accountability
  int unsuitable = 0;             ///< of which as unsuitable
  int bureau_level_or_above = 0;  ///< of which at 厅局级 and above
  /** Cadres with a finding of each channel (a cadre counts once per channel). */
  std::vector<std::pair<Channel, int>> by_channel;
  /** Cadres going down per rank level of their highest post on the as-of date. */
  std::vector<std::pair<RankLevel, int>> by_rank_level;
  /** Follow-up plans (后续管理) started by the as-of date with no final outcome by it. */
  int followup_plans_open = 0;
  /** Follow-up talks of those plans overdue on the as-of date (working-day calendar). */
  int followup_talks_overdue = 0;
  /** Follow-up plans ending in 重新任用 in the as-of date's year, on or before the date. */
  int reappointed_this_year = 0;

  /**
   * Cadres with a finding of a channel.
   * @param channel the channel
   * @return the count; 0 for a channel with none
   */
  [[nodiscard]] int cadres(Channel channel) const noexcept;

  /**
   * Cadres going down at a rank level.
   * @param level the rank level
   * @return the count; 0 for a level with none
   */
  [[nodiscard]] int cadres(RankLevel level) const noexcept;

  /**
   * Adds one screened cadre and its findings. Allocates only for a channel
   * or rank level not counted before.
   * @param cadre the cadre screened
   * @param as_of the as-of date of the screening
   * @param findings the findings of this cadre only
   */
  void add(const Cadre &cadre, Date as_of, const std::vector<Finding> &findings);

  /**
   * Adds the follow-up figures of one screened cadre: its plans open, their talks overdue and
   * its re-appointments in the as-of year (see the fields). A plan that cannot be dated (its
   * adjustment missing or no template for it) counts as open and adds no overdue talk.
   * Allocates only while dating a plan.
   * @param cadre the cadre screened
   * @param as_of the as-of date of the screening
   * @param followups the templates the plans were generated from
   * @param calendar the working-day calendar
   */
  void add_followup(const Cadre &cadre, Date as_of, const FollowUpCatalogue &followups,
                    const WorkCalendar &calendar);

  /**
   * Adds the counts of another summary (of other cadres).
   * @param other the summary to add
   */
  void merge(const ScreenSummary &other);

  /** Summaries are equal when every count is. */
  friend bool operator==(const ScreenSummary &, const ScreenSummary &) = default;
};

/** The rules engine. */
class Engine {
 public:
  /** An engine with the shipped catalogues. */
  Engine();
  /**
   * An engine with a configuration.
   * @param config what the engine applies
   */
  explicit Engine(EngineConfig config);
  /** Releases the engine. */
  ~Engine();
  /** Copies share the compiled rules. */
  Engine(const Engine &) = default;
  /** Moves the engine. */
  Engine(Engine &&) noexcept = default;
  /** Copies share the compiled rules. @return this engine */
  Engine &operator=(const Engine &) = default;
  /** Moves the engine. @return this engine */
  Engine &operator=(Engine &&) noexcept = default;

  /**
   * The configuration.
   * @return the configuration the engine was built with
   */
  [[nodiscard]] const EngineConfig &config() const noexcept;

  /**
   * The catalogue applied to a cadre on a day.
   * @param cadre the cadre (its current post's region decides)
   * @param as_of the day
   * @return the catalogue in force, or nullptr when the built-in defaults apply
   */
  [[nodiscard]] const Catalogue *catalogue_for(const Cadre &cadre, Date as_of) const noexcept;

  /**
   * Appends the findings for a cadre as of a date, in a stable order (by
   * channel, then rule id).
   * @param cadre the cadre
   * @param as_of the as-of date
   * @param path the record's path in facts' field paths, e.g. "cadres[3]"
   * @param out the findings are appended here
   */
  void screen(const Cadre &cadre, Date as_of, std::string_view path,
              std::vector<Finding> &out) const;

  /**
   * The findings for a cadre as of a date.
   * @param cadre the cadre
   * @param as_of the as-of date
   * @return the findings, in a stable order
   */
  [[nodiscard]] std::vector<Finding> screen(const Cadre &cadre, Date as_of) const {
    std::vector<Finding> out;
    screen(cadre, as_of, "cadre", out);
    return out;
  }

  struct Compiled;  ///< rules compiled from the catalogues (internal)

  /**
   * The rules compiled from the catalogues (internal: the engines of going "up" read them).
   * @return the compiled rules, shared by the copies of this engine
   */
  [[nodiscard]] const Compiled &compiled() const noexcept;

 private:
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_SCREENING_HPP
