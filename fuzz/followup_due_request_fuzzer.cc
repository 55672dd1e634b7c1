// Fuzz target: the request of followup_due (items due and overdue over cadres) through the
// operation table (fuzz/operation_request.hpp), record by record as the C ABI runs it. An answer
// lists only due and overdue items (only overdue ones when asked), by last day, each of a cadre
// in scope; every error names a record of the request (cadres[i]...).
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
  const auto r = cadre::fuzz::run_operation<pb::FollowUpDueRequest, pb::FollowUpDueResponse>(
      "followup_due", data, size);
  if (!r.response || !r.request) {
    return 0;
  }
  const pb::FollowUpDueRequest &q = *r.request;
  std::string last;
  for (const pb::FollowUpDueItem &i : r.response->items()) {
    const pb::FollowUpItemState s = i.status().state();
    if (s != pb::FOLLOW_UP_ITEM_STATE_OVERDUE &&
        (q.overdue_only() || s != pb::FOLLOW_UP_ITEM_STATE_DUE)) {
      __builtin_trap();
    }
    if (i.status().item().due_by() < last) {
      __builtin_trap();  // by last day
    }
    last = i.status().item().due_by();
    if ((!q.cadre_id().empty() && i.cadre_id() != q.cadre_id()) ||
        (!q.unit_id().empty() && i.unit_id() != q.unit_id())) {
      __builtin_trap();  // in scope
    }
  }
  for (const pb::RecordError &e : r.response->errors()) {
    if (e.field_path().rfind("cadres[", 0) != 0 || e.message().empty()) {
      __builtin_trap();
    }
  }
  return 0;
}
