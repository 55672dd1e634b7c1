/**
 * @file cadre/statistics.hpp
 * @brief Statistics of the adjustments carried out, the quarterly dispatch (每季一调度) and the
 *        annual bulletin (年度一通报) with the unit special assessment (专项考核).
 *
 * A StatisticsBuilder counts what was actually done, not who is due: the adjustments carried
 * out (Adjustment records, and procedures closed with the adjustment carried out, described by
 * a CaseDigest) by channel, method, rank level, unit, region and period. Fed one cadre at a
 * time, it keeps counters per unit and region only, so that a province of a million cadres is
 * counted in one pass and flat memory. The same pass gives, for the period's last day, the
 * cadres due (screening), the procedures opened, in progress and overdue (working days), the
 * follow-up talks due and overdue (followup_due()) and the re-appointments.
 *
 * The headline has the shape of the 2017 Jiangxi report: total adjusted down; of which
 * 问责追究调整 and 不适宜担任现职调整; 厅局级 and above. The labels of every measure are those of
 * the schema (cadre::StatisticsMeasure, cadre/labels.hpp): zh-CN and English from one source.
 *
 * The unit special assessment is cadre's own policy (no public source gives a formula): a
 * weighted mean of timeliness and completeness, each from 0 to 1, times 100; the weights are
 * the caller's (AssessmentWeights). The page "Statistics" (docs/statistics.md) defines each
 * count and the score.
 *
 * Every function is a pure function of its inputs. A builder is not shared between threads.
 */
#ifndef CADRE_STATISTICS_HPP
#define CADRE_STATISTICS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/enums.hpp"
#include "cadre/organisation.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

class Engine;
class FollowUpCatalogue;

/** A range of days, both ends included: a quarter, a year or any range. */
struct Period {
  Date from;        ///< first day
  Date to;          ///< last day
  int year = 0;     ///< the year, for a quarter or a year; 0 otherwise
  int quarter = 0;  ///< the quarter (1 to 4); 0 for a year or another range

  /**
   * Whether a day is in the period.
   * @param day the day
   * @return true when @p day is between #from and #to, both included
   */
  [[nodiscard]] constexpr bool contains(Date day) const noexcept {
    return from <= day && day <= to;
  }

  /** Periods are equal when every field is. */
  friend bool operator==(const Period &, const Period &) = default;
};

/**
 * A quarter of a year: 1 January to 31 March, 1 April to 30 June, 1 July to 30 September,
 * 1 October to 31 December.
 * @param year the year, 1 to 9999
 * @param quarter the quarter, 1 to 4
 * @return the period; INVALID_ARGUMENT (field "year" or "quarter") out of range
 */
StatusOr<Period> quarter_period(int year, int quarter);

/**
 * A calendar year, 1 January to 31 December.
 * @param year the year, 1 to 9999
 * @return the period; INVALID_ARGUMENT (field "year") out of range
 */
StatusOr<Period> year_period(int year);

/**
 * Any range of days.
 * @param from the first day
 * @param to the last day
 * @return the period; INVALID_ARGUMENT (field "to") when @p to comes before @p from or more than
 *         100 years after it
 */
StatusOr<Period> range_period(Date from, Date to);

/**
 * The quarter a day falls in.
 * @param day the day
 * @return 1 to 4
 */
constexpr int quarter_of(Date day) noexcept { return (day.month() - 1) / 3 + 1; }

/** Adjustments carried out: the headline and its breakdowns. */
struct AdjustmentTally {
  /** Counters per value of Channel, indexed by its number (0: unspecified or unknown). */
  using ByChannel = std::array<int, 8>;
  /** Counters per value of AdjustmentMethod, indexed by its number. */
  using ByMethod = std::array<int, 10>;
  /** Counters per value of RankLevel, indexed by its number. */
  using ByRankLevel = std::array<int, 9>;

  int adjusted_down = 0;          ///< adjustments carried out
  int accountability = 0;         ///< of which 问责追究调整
  int unsuitable = 0;             ///< of which 不适宜担任现职调整
  int bureau_level_or_above = 0;  ///< of which 厅局级 and above (the post left)
  int from_records = 0;           ///< of adjusted_down: from adjustment records
  int from_cases = 0;             ///< of adjusted_down: from cases closed with no such record
  ByChannel by_channel{};         ///< per channel
  ByMethod by_method{};           ///< per method (unspecified for a case: it names none)
  ByRankLevel by_rank_level{};    ///< per rank level of the post left

  /**
   * Counts one adjustment.
   * @param channel its channel
   * @param method its method
   * @param level the rank level of the post left
   * @param from_case whether it comes from a closed case rather than a record
   */
  void add(Channel channel, AdjustmentMethod method, RankLevel level, bool from_case) noexcept;

  /**
   * Adds another tally to this one.
   * @param other the tally added
   */
  void merge(const AdjustmentTally &other) noexcept;

  /** Tallies are equal when every counter is. */
  friend bool operator==(const AdjustmentTally &, const AdjustmentTally &) = default;
};

/**
 * An adjustment procedure (a case) as of a day, as the statistics read it. The service layer
 * makes one from a case of a store (the operation case_digest); a host may make its own.
 */
struct CaseDigest {
  std::string case_id;                               ///< the case's id
  std::string cadre_id;                              ///< the cadre concerned
  ProcedureKind kind = ProcedureKind::kUnspecified;  ///< the procedure followed
  Channel channel = Channel::kUnspecified;  ///< the channel it leads to; none: adjusts no one
  std::optional<Date> opened_on;            ///< day it was opened
  std::optional<Date> ended_on;  ///< day its main line ended, when it ended by the digest's day
  bool carried_out = false;      ///< ended with its last stage completed
  int working_days_overdue = 0;  ///< working days past its earliest missed deadline; 0: none
  int late_steps = 0;            ///< stages completed after their deadline

  /** Digests are equal when every field is. */
  friend bool operator==(const CaseDigest &, const CaseDigest &) = default;
};

/**
 * The channel of going "down" a procedure leads to.
 * @param kind the procedure
 * @return the channel; Channel::kUnspecified for a procedure that adjusts no one (诫勉, 容错认定)
 */
Channel channel_of(ProcedureKind kind) noexcept;

/** What a line counts. */
enum class LineScope : std::uint8_t {
  kTotal = 1,   ///< every cadre of the input
  kUnit = 2,    ///< one unit (单位)
  kRegion = 3,  ///< one region (地区) with the regions below it
};

/** A unit's special assessment (专项考核): cadre's own policy, see docs/statistics.md. */
struct UnitScore {
  std::optional<double> timeliness;    ///< 0 to 1; nothing when there was nothing to time
  std::optional<double> completeness;  ///< 0 to 1; nothing when nothing was due or done
  std::optional<double> score;         ///< 0 to 100; nothing when neither component is
  int rank = 0;                        ///< place in the ranking, from 1; 0 when not scored

  /** Scores are equal when every field is. */
  friend bool operator==(const UnitScore &, const UnitScore &) = default;
};

/** The weights of the components of the unit special assessment (cadre's own policy). */
struct AssessmentWeights {
  double timeliness = 1.0;    ///< weight of timeliness, from 0
  double completeness = 1.0;  ///< weight of completeness, from 0

  /** Weights are equal when both are. */
  friend bool operator==(const AssessmentWeights &, const AssessmentWeights &) = default;
};

/** One line of the statistics: the total, a unit, or a region with the regions below it. */
struct StatisticsLine {
  LineScope scope = LineScope::kTotal;  ///< what it counts
  std::string key;           ///< unit id or region code; empty for the total and the unattributed
  std::string label;         ///< name of the unit or region, from the input
  std::string region_code;   ///< a unit's region; a region's parent
  int cadres = 0;            ///< cadres holding a post of it on the period's last day
  AdjustmentTally adjusted;  ///< adjustments carried out in the period
  AdjustmentTally previous;  ///< adjustments carried out in the period before, when asked
  int due = 0;               ///< cadres with a finding on the period's last day
  int opened = 0;            ///< adjustment procedures opened in the period
  int in_progress = 0;       ///< adjustment procedures open on the period's last day
  int overdue = 0;           ///< of in_progress: past a deadline
  int closed_without_adjustment = 0;  ///< procedures ended in the period, nobody adjusted
  int talks_due = 0;                  ///< follow-up talks due, not yet overdue
  int talks_overdue = 0;              ///< follow-up talks past their last day
  int reappointed = 0;                ///< follow-up plans ending in 重新任用 in the period
  int adjusted_again = 0;             ///< follow-up plans ending in 再次调整 in the period
  int max_working_days_overdue = 0;   ///< the most working days one procedure is overdue
  int procedures_on_time = 0;         ///< procedures active in the period, none late
  int procedures_active = 0;          ///< procedures active in the period
  UnitScore score;                    ///< the special assessment (annual, units only)

  /**
   * The dispatch's "done".
   * @return adjustments carried out in the period
   */
  [[nodiscard]] int done() const noexcept { return adjusted.adjusted_down; }

  /**
   * Adds the counts of another line (not its key, label or score).
   * @param other the line added
   */
  void merge(const StatisticsLine &other) noexcept;

  /** Lines are equal when every field is. */
  friend bool operator==(const StatisticsLine &, const StatisticsLine &) = default;
};

/** Notable cases of a period, as counts (never names). */
struct NotableCounts {
  int bureau_level_or_above = 0;      ///< adjustments at 厅局级 and above
  int demotions = 0;                  ///< adjustments by 降职
  int removals = 0;                   ///< adjustments by 免职 and 责令辞职
  int overdue_procedures = 0;         ///< procedures overdue at the period's end
  int max_working_days_overdue = 0;   ///< the most working days one is overdue
  int closed_without_adjustment = 0;  ///< procedures ended without an adjustment
  int reappointed = 0;                ///< re-appointments after follow-up
  int adjusted_again = 0;             ///< cadres adjusted again after follow-up
  int not_carried_out = 0;            ///< adjustment records with no executed_on: in no period
  int unattributed_cases = 0;         ///< cases whose cadre was not given

  /** Counts are equal when every field is. */
  friend bool operator==(const NotableCounts &, const NotableCounts &) = default;
};

/** One quarter of a trend. */
struct QuarterTally {
  Period period;             ///< the quarter
  AdjustmentTally adjusted;  ///< adjustments carried out in it

  /** Quarters are equal when every field is. */
  friend bool operator==(const QuarterTally &, const QuarterTally &) = default;
};

/** What a StatisticsBuilder counts. */
struct StatisticsOptions {
  Period period;                   ///< the period counted
  std::optional<Period> previous;  ///< a period to compare with (the annual bulletin: last year)
  /** Screen each cadre as of the period's last day for the cadres due (StatisticsLine). */
  bool screen_due = false;
  /** Read the follow-up plans for the talks due and overdue. */
  bool follow_up = false;
  /** Score the units (the annual bulletin). */
  bool score_units = false;
  AssessmentWeights weights;  ///< weights of the special assessment
  /** How many units furthest behind to list. */
  int behind = 5;
};

/** The statistics of a period. */
struct StatisticsReport {
  Period period;                         ///< the period counted
  std::optional<Period> previous;        ///< the period compared with
  StatisticsLine total;                  ///< every cadre given
  std::vector<StatisticsLine> units;     ///< units by id (annual: by rank); "" is the unattributed
  std::vector<StatisticsLine> regions;   ///< regions by code, each with those below it
  std::vector<QuarterTally> by_quarter;  ///< the quarters the period touches, in order
  std::vector<std::string> furthest_behind;  ///< ids of the units furthest behind, worst first
  NotableCounts notable;                     ///< notable cases as counts
  AssessmentWeights weights;                 ///< the weights used
  int cadres = 0;                            ///< cadres given (bad records included)
};

/**
 * Counts the statistics of a period over cadres given one at a time.
 *
 * Give the regions and units (any time before finish()), then the cases (add_case(), before
 * the cadre each concerns), then the cadres (add_cadre()). Memory: the counters of each unit
 * and region, and the cases not yet matched with their cadre; never the cadres.
 */
class StatisticsBuilder {
 public:
  /**
   * A builder.
   * @param engine the engine that screens the cadres due (StatisticsOptions::screen_due) and
   *        whose calendar counts working days; it must outlive the builder
   * @param followups the follow-up templates (StatisticsOptions::follow_up); it must outlive
   *        the builder
   * @param options what to count
   */
  StatisticsBuilder(const Engine &engine, const FollowUpCatalogue &followups,
                    StatisticsOptions options);
  /** Releases the builder. */
  ~StatisticsBuilder();
  /** Not copied: a builder counts one pass. */
  StatisticsBuilder(const StatisticsBuilder &) = delete;
  /** Not copied: a builder counts one pass. @return this builder */
  StatisticsBuilder &operator=(const StatisticsBuilder &) = delete;
  /** Moves the builder. */
  StatisticsBuilder(StatisticsBuilder &&) noexcept;
  /** Moves the builder. @return this builder */
  StatisticsBuilder &operator=(StatisticsBuilder &&) noexcept;

  /**
   * A region: its name labels its line, its parent groups it.
   * @param region the region
   */
  void add_region(const Region &region);

  /**
   * A unit: its name labels its line; its region places the posts that name no region.
   * @param unit the unit
   */
  void add_unit(const Unit &unit);

  /**
   * A case, counted with its cadre's unit and region when the cadre is added; a case whose
   * cadre never comes is counted unattributed by finish().
   * @param digest the case
   */
  void add_case(CaseDigest digest);

  /**
   * A cadre: its adjustments, the cases added for it, its follow-up plans, and (when asked)
   * whether it is due on the period's last day.
   * @param cadre the cadre, valid (codec::decode)
   */
  void add_cadre(const Cadre &cadre);

  /** Counts a cadre record that could not be read (in StatisticsReport::cadres only). */
  void add_bad_record() noexcept;

  /**
   * The statistics: the lines of every unit and region, the total, the trend, the units
   * furthest behind and, when asked, the special assessment and its ranking.
   * @return the report
   */
  [[nodiscard]] StatisticsReport finish() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_STATISTICS_HPP
