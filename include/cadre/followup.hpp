/**
 * @file cadre/followup.hpp
 * @brief Follow-up management of adjusted cadres (后续管理): plans, talks, training, tasks.
 */
#ifndef CADRE_FOLLOWUP_HPP
#define CADRE_FOLLOWUP_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** A heart-to-heart talk with an adjusted cadre. Schema: `cadre.v1.Talk`. */
struct Talk {
  std::string id;                                     ///< record id within the plan; required
  std::optional<Date> held_on;                        ///< day of the talk
  FollowUpActor actor = FollowUpActor::kUnspecified;  ///< who held it
  std::string notes_ref;  ///< reference to the notes in the host system (never their content)

  /** Talks are equal when every field is. */
  friend bool operator==(const Talk &, const Talk &) = default;
};

/** Targeted training. Schema: `cadre.v1.Training`. */
struct Training {
  std::string id;                  ///< record id within the plan; required
  std::string name;                ///< name of the course
  std::optional<Date> start_date;  ///< first day
  std::optional<Date> end_date;    ///< last day
  int hours = 0;                   ///< hours of training, from 0

  /** Trainings are equal when every field is. */
  friend bool operator==(const Training &, const Training &) = default;
};

/** A central or special task with its separate assessment. Schema: `cadre.v1.SpecialTask`. */
struct SpecialTask {
  std::string id;                                         ///< record id within the plan; required
  std::string description;                                ///< what the task is
  std::optional<Date> start_date;                         ///< first day
  std::optional<Date> end_date;                           ///< last day
  AssessmentGrade grade = AssessmentGrade::kUnspecified;  ///< its assessment, once given

  /** Tasks are equal when every field is. */
  friend bool operator==(const SpecialTask &, const SpecialTask &) = default;
};

/** The outcome of follow-up management. Schema: `cadre.v1.FollowUpOutcome`. */
struct FollowUpOutcome {
  FollowUpOutcomeKind kind = FollowUpOutcomeKind::kUnspecified;  ///< the outcome; required
  std::optional<Date> decided_on;                                ///< day it was decided
  std::string record_id;  ///< the adjustment or appointment it led to

  /** Outcomes are equal when every field is. */
  friend bool operator==(const FollowUpOutcome &, const FollowUpOutcome &) = default;
};

/** A follow-up plan for an adjusted cadre. Schema: `cadre.v1.FollowUpPlan`. */
struct FollowUpPlan {
  std::string id;                   ///< record id within the cadre; required
  std::string adjustment_id;        ///< id of the cadre's adjustment that opened it; required
  std::optional<Date> start_date;   ///< first day
  std::optional<Date> end_date;     ///< last day
  std::vector<Talk> talks;          ///< talks held
  std::vector<Training> trainings;  ///< training given
  std::vector<SpecialTask> special_tasks;  ///< tasks assigned
  std::optional<FollowUpOutcome> outcome;  ///< the outcome, once decided

  /** Plans are equal when every field is. */
  friend bool operator==(const FollowUpPlan &, const FollowUpPlan &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_FOLLOWUP_HPP
