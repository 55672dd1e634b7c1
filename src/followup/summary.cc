// The follow-up figures of the screening summary (issue 11 §4): plans open, talks overdue on
// the working-day calendar, re-appointments in the as-of year. Declared with ScreenSummary in
// cadre/screening.hpp; defined here, beside plan_status(), whose
// overdue talks it counts without building the schedule (detail::overdue_talks()).
#include <algorithm>

#include "cadre/followup_plan.hpp"
#include "cadre/screening.hpp"
#include "followup/followup_internal.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

// A final outcome (not 继续跟踪管理) decided on or before the day.
bool closed_by(const FollowUpPlan &plan, Date as_of) {
  return plan.outcome && plan.outcome->kind != FollowUpOutcomeKind::kContinuing &&
         (!plan.outcome->decided_on || *plan.outcome->decided_on <= as_of);
}

}  // namespace

void ScreenSummary::add_followup(const Cadre &cadre, Date as_of, const FollowUpCatalogue &followups,
                                 const WorkCalendar &calendar) {
  for (const FollowUpPlan &plan : cadre.follow_up_plans) {
    if (plan.outcome && plan.outcome->kind == FollowUpOutcomeKind::kReappointed &&
        plan.outcome->decided_on && plan.outcome->decided_on->year() == as_of.year() &&
        *plan.outcome->decided_on <= as_of) {
      ++reappointed_this_year;
    }
    if ((plan.start_date && as_of < *plan.start_date) || closed_by(plan, as_of)) {
      continue;
    }
    ++followup_plans_open;
    // Open with no talk known overdue when it cannot be dated (-1).
    followup_talks_overdue +=
        std::max(0, detail::overdue_talks(followups, cadre, plan, as_of, calendar));
  }
}

}  // namespace api_v1
}  // namespace cadre
