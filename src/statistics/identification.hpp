// Precise identification (精准识别, issue 12 §2): the 德能勤绩廉 profile of each
// cadre over the years on record, the reverse evaluation (反向测评) of each team
// behind an anonymity floor, the vertical comparison inside a team, the
// horizontal comparison of the same post across regions, the indicators of
// the four types (占位型、休眠型、颓废型、平庸型) and the check of the 优秀 quota.
// docs/identification.md defines every indicator, the floor and the quota
// rule. A pure engine over the domain types: no protobuf, no clock, no I/O.
// Internal to libcadre (the service layer encodes its report); not installed.
#ifndef CADRE_SRC_STATISTICS_IDENTIFICATION_HPP
#define CADRE_SRC_STATISTICS_IDENTIFICATION_HPP

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/assessment.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/status.hpp"

namespace cadre::identification {

/**
 * The thresholds of identification: cadre's own policy (no source sets them,
 * except where docs/identification.md cites one), each configurable.
 */
struct Parameters {
  /** No evaluation statistic for fewer raters than this (from 2). */
  int anonymity_floor = 5;
  /** No percentile for a peer group smaller than this (from 2). */
  int min_group = 5;
  /** 占位型: targets met over targets set below this share (0 to 1) ... */
  double targets_met_below = 0.6;
  /** ... in this many consecutive assessed years (from 1). */
  int inaction_years = 2;
  /** 休眠型: ranked last in the performance assessment with 勤 below this score. */
  double diligence_below = 70;
  /** 颓废型: the mean of the five scores fell by at least this many points ... */
  double decline_points = 10;
  /** ... and at least this share of the raters named the cadre the weakest (0 to 1). */
  double weakest_share = 1.0 / 3.0;
  /** 平庸型: graded 基本称职 in this many consecutive years (from 1) ... */
  int basic_years = 2;
  /** ... or a mean of the five scores this many points below its team's mean ... */
  double below_team_points = 5;
  /** ... in this many consecutive years (teams of 2 or more scored; from 1). */
  int below_team_years = 2;
  /** 优秀 quota of leading cadres (领导职务), percent of those graded. */
  int excellent_cap_leading = 20;
  /** 优秀 quota of the others (公务员 in 职级), percent of those graded. */
  int excellent_cap_other = 20;
};

/** Checks @p p; the error names the field under "parameters". */
Status check(const Parameters &p);

/** What identification looks at. */
struct Options {
  Date as_of;             ///< assessments decided after it are not read
  int year = 0;           ///< the last year looked at
  int years = 3;          ///< the window: years year-years+1 .. year
  std::string unit_id;    ///< only this unit's cadres in the answer (groups use everyone)
  Parameters parameters;  ///< the thresholds
};

/** The four types of cadres to act on, named by the seed. */
enum class FourType { kOccupying = 1, kDormant = 2, kDispirited = 3, kMediocre = 4 };

/** Why a cell of an evaluation is not shown. */
enum class Suppression { kNone = 0, kFewerRaters = 1, kComplementary = 2 };

/** One year of a cadre's profile. */
struct YearProfile {
  int year = 0;
  AssessmentGrade grade = AssessmentGrade::kUnspecified;
  std::optional<DimensionScores> scores;
  std::optional<double> mean;  ///< mean of the five scores
  std::optional<PerformanceTargets> targets;
  std::optional<Ranking> rank_in_team;
};

/** A cadre's 德能勤绩廉 profile over the window. */
struct Profile {
  std::string cadre_id;
  std::string unit_id;
  std::string region_code;
  std::string team_id;                  ///< the team of the last year (rank_in_team), else the unit
  std::string peer_group_id;            ///< the post's peer group
  bool leading = true;                  ///< holds a leadership post (领导职务)
  std::vector<YearProfile> years;       ///< in order of year
  std::optional<DimensionScores> mean;  ///< mean of each dimension over the years scored
  int excellent = 0;                    ///< years graded 优秀
  int competent = 0;                    ///< 称职
  int basically_competent = 0;          ///< 基本称职
  int incompetent = 0;                  ///< 不称职
};

/** A four-type indicator that fired: needs verification (待核实), never a verdict. */
struct Signal {
  std::string cadre_id;
  FourType type = FourType::kOccupying;
  std::vector<int> years;     ///< the years whose facts fired it
  LocalizedText explanation;  ///< the facts, in zh-CN and English
};

/** One member's reverse evaluation in a team's year. */
struct ReverseCell {
  std::string cadre_id;
  Suppression suppressed = Suppression::kNone;
  int raters = 0;         ///< 0 when suppressed
  int votes = 0;          ///< votes naming the member the weakest; 0 when suppressed
  double share = 0;       ///< votes over raters; 0 when suppressed
  int rank = 0;           ///< 1: named weakest most; 0 when suppressed
  std::string areas_ref;  ///< where the weakness is seen (a reference); empty when suppressed
};

/** One member against the team (vertical comparison). */
struct VerticalRow {
  std::string cadre_id;
  double mean = 0;        ///< the member's mean of the five scores
  double difference = 0;  ///< mean minus the team's mean
  int rank = 0;           ///< 1: the best mean of the team
};

/** A team's year: reverse evaluation and vertical comparison. */
struct TeamReport {
  std::string team_id;
  std::string unit_id;
  int year = 0;
  int members = 0;
  std::vector<ReverseCell> reverse;   ///< the members with a reverse evaluation
  std::vector<std::string> weakest;   ///< named weakest most (among the cells shown)
  int suppressed = 0;                 ///< cells not shown
  double team_mean = 0;               ///< mean of the members' means (vertical)
  std::vector<VerticalRow> vertical;  ///< members with scores, best first
};

/** One holder of a post in a peer group (horizontal comparison). */
struct PeerRow {
  std::string cadre_id;
  std::string region_code;
  double mean = 0;        ///< mean of the five scores
  double percentile = 0;  ///< share below plus half the ties, times 100
};

/** The same post across regions in a year. */
struct PeerReport {
  std::string group_id;
  int year = 0;
  int size = 0;             ///< holders scored
  int regions = 0;          ///< distinct regions among them
  bool suppressed = false;  ///< fewer than min_group: no percentile shown
  std::vector<PeerRow> rows;
};

/** A unit's share of 优秀 for one kind of cadre in a year. */
struct QuotaCheck {
  std::string unit_id;
  bool leading = true;
  int year = 0;
  int graded = 0;     ///< graded 优秀, 称职, 基本称职 or 不称职
  int excellent = 0;  ///< graded 优秀
  double share = 0;
  int cap_percent = 0;
  bool exceeds = false;  ///< excellent * 100 > cap_percent * graded
  Citation citation;
};

/** The report. */
struct Report {
  int year = 0;
  int from_year = 0;
  std::vector<Profile> profiles;
  std::vector<Signal> signals;
  std::vector<TeamReport> teams;
  std::vector<PeerReport> peers;
  std::vector<QuotaCheck> quotas;
  int suppressed_cells = 0;
  int suppressed_groups = 0;
};

/** The citation a four-type indicator, the floor or a quota rests on. */
Citation citation_of(FourType type);
/** The citation of the 优秀 quota of leading cadres (@p leading) or of the others. */
Citation quota_citation(bool leading);
/** The definition of a four-type indicator with @p p's thresholds, in zh-CN and English. */
LocalizedText definition(FourType type, const Parameters &p);
/** The seed's words the four types come from (quoted exactly). */
const char *seed_words();

/**
 * Identification one cadre at a time: add() keeps a summary of each (its
 * window of assessments and its posts), report() compares them. Memory
 * grows with the cadres (a comparison needs every member of a group).
 */
class Identifier {
 public:
  explicit Identifier(Options options) : options_(std::move(options)) {}
  /** Reads one valid cadre. */
  void add(const Cadre &cadre);
  /** The report over every cadre added. */
  [[nodiscard]] Report report() const;

 private:
  Options options_;
  std::vector<Profile> profiles_;
  std::vector<std::vector<ReverseEvaluation>> reverse_;  // per profile, per year (raters 0: none)
};

}  // namespace cadre::identification

#endif  // CADRE_SRC_STATISTICS_IDENTIFICATION_HPP
