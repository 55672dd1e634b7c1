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

/**
 * The region of the plan of an adjustment: the post left, the post held, any post, or "CN".
 * A view into @p cadre (or of a literal), valid while the cadre is.
 */
std::string_view plan_region(const Cadre &cadre, const Adjustment &a);

/** The cadre's plan with an id, or nullptr. */
const FollowUpPlan *find_plan(const Cadre &cadre, std::string_view plan_id);

/** Whether an outcome is final (not 继续跟踪管理) and decided by @p as_of. */
bool is_final(const std::optional<FollowUpOutcome> &o, Date as_of);

/**
 * The talks of a plan that plan_status() marks kOverdue as of a day, counted without building
 * the schedule and without allocating: the summary counts them for every record of a stream.
 * tests/unit/followup_summary_test.cc checks the count against plan_status() over a province.
 * @return the count; -1 when plan_status() would give an error (the plan cannot be dated)
 */
int overdue_talks(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                  const FollowUpPlan &plan_record, Date as_of, const WorkCalendar &calendar);

}  // namespace cadre::detail

#endif  // CADRE_SRC_FOLLOWUP_FOLLOWUP_INTERNAL_HPP
