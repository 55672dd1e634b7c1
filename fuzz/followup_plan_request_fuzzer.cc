// Fuzz target: the request of followup_plan (the plan of a carried-out adjustment) through the
// operation table (fuzz/operation_request.hpp). An answer dates every item within the plan,
// opening no later than its last day, each cited with a verification tag; the record it gives
// is the plan's.
#include <cstddef>
#include <cstdint>

#include "cadre/v1/followup_service.pb.h"
#include "operation_request.hpp"

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  namespace pb = ::cadre::v1;
  const auto r = cadre::fuzz::run_operation<pb::FollowUpPlanRequest, pb::FollowUpPlanResponse>(
      "followup_plan", data, size);
  if (!r.response) {
    return 0;
  }
  const pb::FollowUpSchedule &s = r.response->schedule();
  if (r.response->plan().id() != s.plan_id() || r.response->plan().end_date() != s.end() ||
      s.end() < s.start()) {
    __builtin_trap();
  }
  for (const pb::FollowUpPlannedItem &i : s.items()) {
    if (i.due_by() > s.end() || i.opens_on() > i.due_by() || i.opens_on() < s.start() ||
        i.citations().empty()) {
      __builtin_trap();
    }
    for (const pb::Citation &c : i.citations()) {
      if (c.verification() == pb::VERIFICATION_UNSPECIFIED) {
        __builtin_trap();  // every item cited with its tag
      }
    }
  }
  return 0;
}
