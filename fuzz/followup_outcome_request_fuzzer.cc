// Fuzz target: the request of followup_outcome (重新任用, 表彰奖励, 再次调整, 继续跟踪管理, or only
// the check) through the operation table (fuzz/operation_request.hpp). Re-appointment is never
// decided unless every condition is met or does not apply; check_only decides nothing; 再次调整
// always comes with its finding; the history is in day order.
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
  const auto r =
      cadre::fuzz::run_operation<pb::FollowUpOutcomeRequest, pb::FollowUpOutcomeResponse>(
          "followup_outcome", data, size);
  if (!r.status.ok() && r.request) {
    for (const pb::FollowUpRecordedFact &f : r.request->facts()) {
      cadre::fuzz::never_echoed(r.status.message(), f.evidence_ref());
    }
  }
  if (!r.response || !r.request) {
    return 0;
  }
  const pb::FollowUpOutcomeResponse &a = *r.response;
  const bool reappointed = !r.request->check_only() &&
                           a.plan().outcome().kind() == pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED &&
                           r.request->kind() == pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED;
  if (reappointed && !a.reappointment().allowed()) {
    __builtin_trap();  // never re-appointed against a condition
  }
  if (a.reappointment().allowed()) {
    for (const pb::FollowUpConditionCheck &c : a.reappointment().conditions()) {
      if (c.state() != pb::CONDITION_STATE_MET && c.state() != pb::CONDITION_STATE_NOT_APPLICABLE) {
        __builtin_trap();
      }
    }
  }
  if (!r.request->check_only() && r.request->kind() == pb::FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN &&
      !a.has_readjustment()) {
    __builtin_trap();
  }
  std::string day;
  for (const pb::FollowUpHistoryEntry &e : a.history()) {
    if (e.day() < day) {
      __builtin_trap();  // in day order
    }
    day = e.day();
  }
  return 0;
}
