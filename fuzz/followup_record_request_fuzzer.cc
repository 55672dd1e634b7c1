// Fuzz target: the request of followup_record (a talk, training, task or task assessment
// recorded into a plan) through the operation table (fuzz/operation_request.hpp). A refusal
// never quotes what the request recorded (the notes reference, a course's name, a task's
// description, an id); an answer keeps every record of the plan and adds the one recorded.
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
  const auto r = cadre::fuzz::run_operation<pb::FollowUpRecordRequest, pb::FollowUpRecordResponse>(
      "followup_record", data, size);
  if (!r.status.ok() && r.request) {
    const std::string &m = r.status.message();
    cadre::fuzz::never_echoed(m, r.request->talk().notes_ref());
    cadre::fuzz::never_echoed(m, r.request->talk().id());
    cadre::fuzz::never_echoed(m, r.request->training().name());
    cadre::fuzz::never_echoed(m, r.request->task().description());
    cadre::fuzz::never_echoed(m, r.request->task_assessment().task_id());
  }
  if (!r.response || !r.request) {
    return 0;
  }
  const pb::FollowUpPlan &after = r.response->plan();
  const pb::Cadre &cadre = r.request->cadre();
  for (const pb::FollowUpPlan &before : cadre.follow_up_plans()) {
    if (before.id() != after.id()) {
      continue;
    }
    const int added = after.talks_size() + after.trainings_size() + after.special_tasks_size() -
                      before.talks_size() - before.trainings_size() - before.special_tasks_size();
    const bool assessment = r.request->has_task_assessment();
    if (added != (assessment ? 0 : 1)) {
      __builtin_trap();  // one record added (an assessment grades a task already there)
    }
  }
  if (r.response->status().plan_id() != after.id()) {
    __builtin_trap();
  }
  return 0;
}
