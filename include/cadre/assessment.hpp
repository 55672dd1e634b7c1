/**
 * @file cadre/assessment.hpp
 * @brief Assessments of cadres (年度考核) and of units (一报告两评议).
 */
#ifndef CADRE_ASSESSMENT_HPP
#define CADRE_ASSESSMENT_HPP

#include <optional>
#include <string>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** Scores of the five dimensions 德、能、勤、绩、廉, each 0 to 100. Schema:
 * `cadre.v1.DimensionScores`. */
struct DimensionScores {
  double morality = 0;     ///< 德: political and moral quality
  double ability = 0;      ///< 能: ability
  double diligence = 0;    ///< 勤: diligence
  double achievement = 0;  ///< 绩: achievement
  double integrity = 0;    ///< 廉: integrity

  /** Scores are equal when every field is. */
  friend bool operator==(const DimensionScores &, const DimensionScores &) = default;
};

/**
 * Democratic evaluation (民主测评): raters and votes per grade. The votes and
 * abstentions together are at most the raters. Schema: `cadre.v1.DemocraticEvaluation`.
 */
struct DemocraticEvaluation {
  int raters = 0;               ///< raters who took part
  int excellent = 0;            ///< votes 优秀
  int competent = 0;            ///< votes 称职
  int basically_competent = 0;  ///< votes 基本称职
  int incompetent = 0;          ///< votes 不称职
  int abstained = 0;            ///< raters who gave no grade

  /** Evaluations are equal when every field is. */
  friend bool operator==(const DemocraticEvaluation &, const DemocraticEvaluation &) = default;
};

/** Reverse evaluation (反向测评): who in a team is weakest. Schema: `cadre.v1.ReverseEvaluation`.
 */
struct ReverseEvaluation {
  int raters = 0;            ///< raters who took part
  int votes_as_weakest = 0;  ///< votes naming this cadre the weakest, at most #raters
  std::string areas_ref;     ///< reference to where the weakness is seen; never logged

  /** Evaluations are equal when every field is. */
  friend bool operator==(const ReverseEvaluation &, const ReverseEvaluation &) = default;
};

/** A position in a ranking: 1 is best, 1 <= rank <= of. Schema: `cadre.v1.Ranking`. */
struct Ranking {
  int rank = 0;          ///< position, from 1
  int of = 0;            ///< size of the group ranked
  std::string group_id;  ///< id of the team or peer group

  /** Rankings are equal when every field is. */
  friend bool operator==(const Ranking &, const Ranking &) = default;
};

/** Performance targets of a year. Schema: `cadre.v1.PerformanceTargets`. */
struct PerformanceTargets {
  int set = 0;               ///< targets set
  int met = 0;               ///< targets met, at most #set
  bool ranked_last = false;  ///< ranked last in the performance assessment of its group

  /** Targets are equal when every field is. */
  friend bool operator==(const PerformanceTargets &, const PerformanceTargets &) = default;
};

/**
 * The annual assessment of a cadre for one year (年度考核). A grade of
 * AssessmentGrade::kNotGraded needs a #no_grade_reason; other grades have
 * none. Schema: `cadre.v1.AnnualAssessment`.
 */
struct AnnualAssessment {
  std::string id;  ///< record id, unique within the cadre; required
  int year = 0;    ///< the year assessed; required, one assessment per year
  AssessmentGrade grade = AssessmentGrade::kUnspecified;        ///< the grade (等次); required
  NoGradeReason no_grade_reason = NoGradeReason::kUnspecified;  ///< why no grade was given
  std::optional<DimensionScores> scores;                        ///< scores of 德能勤绩廉
  std::optional<DemocraticEvaluation> evaluation;               ///< democratic evaluation
  std::optional<ReverseEvaluation> reverse_evaluation;          ///< reverse evaluation
  std::optional<Ranking> rank_in_team;                          ///< rank in the leadership team
  std::optional<Ranking> rank_in_peer_group;                    ///< rank in the peer group
  std::optional<PerformanceTargets> targets;                    ///< performance targets
  std::optional<Date> decided_on;                               ///< day the grade was decided

  /** Assessments are equal when every field is. */
  friend bool operator==(const AnnualAssessment &, const AnnualAssessment &) = default;
};

/**
 * A special assessment of how a unit carries out the rules (一报告两评议 and
 * the province's special assessment). Schema: `cadre.v1.UnitSpecialAssessment`.
 */
struct UnitSpecialAssessment {
  std::string id;                                  ///< record id; required
  std::string unit_id;                             ///< id of the unit assessed; required
  int year = 0;                                    ///< the year assessed; required
  TeamGrade team_grade = TeamGrade::kUnspecified;  ///< grade of the leadership team; required
  double selection_work_satisfaction = 0;          ///< share satisfied with selection work, 0 to 1
  double new_appointees_satisfaction = 0;          ///< share satisfied with new appointees, 0 to 1
  int cadres_adjusted_down = 0;                    ///< cadres the unit adjusted "down" that year
  bool reported_in_party_building_report = false;  ///< reported in the party-building report

  /** Assessments are equal when every field is. */
  friend bool operator==(const UnitSpecialAssessment &, const UnitSpecialAssessment &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ASSESSMENT_HPP
