// A deterministic synthetic province: regions, units, leadership teams, peer
// groups, unit special assessments and cadres with years of history, streamed
// record by record so that a million cadres never sit in memory at once.
// Every rate lives in Rates below, with where its number comes from; the
// reasoning is in docs/generator.md. All data are synthetic: no real person.
// Internal to cadre_codec; never installed.
#ifndef CADRE_SRC_GENERATOR_PROVINCE_HPP
#define CADRE_SRC_GENERATOR_PROVINCE_HPP

#include <cstdint>
#include <functional>
#include <string>

#include "cadre/date.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/roster.pb.h"

namespace cadre::generator {

/** Most cadres one province may have (county codes run out beyond). */
inline constexpr int kMaxCadres = 3'000'000;
/** Most cadres generate_roster() builds in memory; larger sizes use the stream. */
inline constexpr int kMaxRosterCadres = 200'000;
/** Fewest and most years of history. */
inline constexpr int kMinYears = 5;
inline constexpr int kMaxYears = 30;

/** What to generate. */
struct Options {
  /** Seed of every random choice: same seed and options give the same bytes everywhere. */
  std::uint64_t seed = 20170817;
  /** Number of cadres, 1 to kMaxCadres. */
  int cadres = 50'000;
  /** Years of history before the end date, kMinYears to kMaxYears. */
  int years_of_history = 5;
  /** Last day of the data (the extraction day): nothing happens after it. */
  Date end = *Date::from_ymd(2025, 6, 30);
  /**
   * Administrative division code of the province, six digits ending in
   * "0000". The codes below it follow the real structure (cities "xx0100" to
   * "xx11mm00", districts 02-, counties 21-, county-level cities 81-); every
   * name is fictitious. The default "990000" is no real province, so the
   * national catalogues (cn-2015, cn-2022) apply; "360000" would put the
   * province under the Jiangxi catalogue (jx) too, and its local situations
   * are then used for incidents before 2022-09-08.
   */
  std::string jurisdiction = "990000";
};

/**
 * Every rate of the generator, in one table. Probabilities are per cadre. A
 * "window" is the two years before the end date, the period of the Jiangxi
 * report. Figures marked SOURCE come from shared/domain/seed-summary.md or
 * shared/domain/regulations.md; ASSUMPTION marks a number chosen to look
 * plausible, to be replaced when a source is found. docs/generator.md
 * explains each choice.
 */
struct Rates {
  // -- Scale ---------------------------------------------------------------
  /** ASSUMPTION: leading cadres (乡科级 and above) behind the Jiangxi figures; the report does
   *  not say. 132,000 makes 3,968 downs about 3% in two years. */
  int reference_cadres = 132'000;
  /** SOURCE seed-summary: cadres adjusted "down" in about two years (2015-07 to 2017). */
  int reference_down = 3'968;
  /** SOURCE seed-summary: of which through accountability (问责追究调整). */
  int reference_accountability = 119;
  /** SOURCE seed-summary: of which as unsuitable for the current post (不适宜担任现职调整). */
  int reference_unsuitable = 401;
  /** SOURCE seed-summary: of which department level (厅级) and above. */
  int reference_bureau = 31;

  // -- Shares of all downs of the other channels (ASSUMPTION; the report gives none) --
  // They split what remains after accountability and unsuitable
  // (3,968 - 119 - 401 = 3,448, i.e. 86.9%); they sum to 0.869.
  double share_age_limit = 0.600;  ///< 到龄免职(退休): the usual largest channel
  double share_term = 0.140;       ///< 任期届满离任、任内调整 (exchange after 10 years)
  double share_unable = 0.030;     ///< 不能正常履职 (health, a spell of more than a year)
  double share_resignation = 0.040;  ///< 自愿辞职
  double share_violation = 0.059;    ///< 违法违纪免职

  // -- When downs happen ------------------------------------------------------
  /** ASSUMPTION: downs happen at the same yearly rate over the last history_down_years of
   *  history (at most years_of_history); those cadres stay in the roster. */
  int history_down_years = 6;
  /** ASSUMPTION: of age-limit downs in the window, the share still in post at the end
   *  (procedure pending), so that the age rule fires on screening. */
  double age_limit_pending = 0.06;
  /** ASSUMPTION: of other downs in the last 120 days, the share decided but not executed. */
  double not_executed = 0.30;

  // -- People (ASSUMPTION) ---------------------------------------------------
  double female_township = 0.28;       ///< female share at 乡科级
  double female_county = 0.20;         ///< at 县处级
  double female_bureau = 0.13;         ///< at 厅局级
  double female_province = 0.08;       ///< at 省部级
  double party_members = 0.96;         ///< share of CPC members
  double certified_birth_date = 0.97;  ///< birth date certified from the personnel file

  // -- Yearly rates of the other situations (ASSUMPTION unless stated) -------
  double reminder_per_year = 0.020;               ///< 提醒
  double inquiry_per_year = 0.010;                ///< 函询
  double admonishment_per_year = 0.006;           ///< 诫勉 as an early-warning measure
  double not_corrected = 0.10;                    ///< of reviewed warnings, not corrected
  double light_accountability_per_year = 0.0035;  ///< 问责 by 通报 or 诫勉 only (no going down)
  double sanction_per_year = 0.0025;              ///< 党纪处分 without removal from post
  double open_investigation = 0.0010;             ///< share with an investigation open at the end
  double cleared_investigation_per_year = 0.0010;  ///< investigations closed without sanction
  double exemption_claim_per_year = 0.0015;        ///< 容错 claims (extra incidents, not downs)
  double health_spell_per_year = 0.008;            ///< health spells shorter than a year
  double study_leave_per_year = 0.025;             ///< 离职学习
  double study_leave_self = 0.04;                  ///< of which not organisation-sent
  double study_leave_self_long = 0.4;              ///< of those, longer than a year (R08)
  double resignation_withdrawn_per_year = 0.0005;  ///< requests withdrawn or pending
  double spouse_business = 0.010;                  ///< 配偶经商办企业 (prevalence)
  double child_business = 0.015;                   ///< 子女经商办企业 (prevalence)
  double business_adjustment_required = 0.05;      ///< of businesses, needing an adjustment (R12)
  double spouse_emigrated = 0.0008;                ///< 配偶移居国（境）外 (R11)
  double assignment_refusal_per_year = 0.0005;     ///< refusals of an assignment (R13)
  double candidacy = 0.05;                         ///< share with a candidacy in the last 9 months
  double exceptional_promotion = 0.005;            ///< of promotions, 破格 (R21)
  double promotion_into_post = 0.6;  ///< current post reached by promotion (probation)

  // -- Annual assessment (ASSUMPTION, shaped by regulations.md §7) -----------
  /** 优秀 quota "generally at most about 20%" (regulations.md §7.6, RECALLED): 15% given. */
  double grade_excellent = 0.15;
  double grade_basically_competent = 0.010;  ///< 基本称职 outside any adjustment
  double grade_incompetent = 0.0003;         ///< 不称职 not (yet) followed by an adjustment
  /** Of unsuitable downs, the share that rests on grades (R09 / 14-grade) rather than a
   *  recorded incident or a family/refusal situation. */
  double unsuitable_by_grades = 0.30;
  double unsuitable_by_family = 0.08;   ///< resting on R11/R12
  double unsuitable_by_refusal = 0.04;  ///< resting on R13 (2022 rules only)

  // -- Follow-up (后续管理): seed-summary §7 names the outcomes; shares ASSUMPTION --
  double follow_up_reappointed = 0.20;
  double follow_up_commended = 0.15;
  double follow_up_adjusted_again = 0.08;
  /** Talks of a plan on the shipped templates' cadence (data/followup/cn.textproto: the
   *  principal leader and the leader in charge every 3 months, the organisation department
   *  every 6); ASSUMPTION (synthetic, not a fact): the share held late, 1 to 20 days after the
   *  last day, and the share not held at all. */
  double follow_up_talk_late = 0.12;
  double follow_up_talk_missed = 0.04;
  /** Of accountability plans, the share given a central or special task (中心工作、专项任务)
   *  with its own assessment (unsuitable plans: follow_up_task_unsuitable); ASSUMPTION. */
  double follow_up_task = 0.35;
  double follow_up_task_unsuitable = 0.60;
  /** Of accountability adjustments carried out, the share with a 容错 claim on the
   *  accountability decision; of those, the share decided 从轻 (a shortened impact period of
   *  6 months) and 不予容错, the rest pending; ASSUMPTION (synthetic, not a fact). A 免责
   *  decision is not generated on an adjustment carried out: it would have stopped it. */
  double exemption_on_accountability = 0.10;
  double exemption_lighter = 0.50;
  double exemption_denied = 0.35;

  /** Share of all cadres going down in two years (reference_down / reference_cadres). */
  [[nodiscard]] double down_per_two_years() const noexcept {
    return static_cast<double>(reference_down) / static_cast<double>(reference_cadres);
  }
};

/** The rates the generator uses. */
const Rates &default_rates() noexcept;

/** Checks @p options; the error names the option. */
Status validate(const Options &options);

/**
 * Receives each record in order: the header, regions, units, teams, peer
 * groups, unit special assessments, then cadres. The sink may take the
 * record's content (release_cadre() etc.). A non-OK status stops generation
 * and is returned.
 */
using Sink = std::function<Status(cadre::v1::RosterRecord &record)>;

/** Generates the province of @p options into @p sink, record by record. */
Status generate(const Options &options, const Sink &sink);

/** Generates the whole province into @p roster; at most kMaxRosterCadres cadres. */
Status generate_roster(const Options &options, cadre::v1::Roster &roster);

/** Generates the province in the stream form (codec/stream.hpp) into @p out (appended). */
Status generate_stream(const Options &options, std::string &out);

}  // namespace cadre::generator

#endif  // CADRE_SRC_GENERATOR_PROVINCE_HPP
