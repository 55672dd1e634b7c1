// Helpers shared by the follow-up sources (src/followup): dating on the
// calendar, the region of a plan, finding a plan, whether a plan has ended.
#ifndef CADRE_SRC_FOLLOWUP_FOLLOWUP_INTERNAL_HPP
#define CADRE_SRC_FOLLOWUP_FOLLOWUP_INTERNAL_HPP

#include <optional>
#include <string>
#include <string_view>

#include "cadre/followup_plan.hpp"

namespace cadre::detail {

/**
 * The last day of a period from @p start (not counted), as WorkCalendar::period_end_date()
 * counts it; on weekends only, with @p provisional set, where the calendar lacks a year.
 */
Date followup_day(const WorkCalendar &calendar, Date start, int amount, PeriodUnit unit,
                  bool &provisional);

/** Working days after @p from up to and including @p to (weekends only where unknown); >= 0. */
int working_days_after(const WorkCalendar &calendar, Date from, Date to);

/** The region of the plan of an adjustment: the post left, the post held, any post, or "CN". */
std::string plan_region(const Cadre &cadre, const Adjustment &a);

/** The cadre's plan with an id, or nullptr. */
const FollowUpPlan *find_plan(const Cadre &cadre, std::string_view plan_id);

/** Whether an outcome is final (not 继续跟踪管理) and decided by @p as_of. */
bool is_final(const std::optional<FollowUpOutcome> &o, Date as_of);

}  // namespace cadre::detail

#endif  // CADRE_SRC_FOLLOWUP_FOLLOWUP_INTERNAL_HPP
