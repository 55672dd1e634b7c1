#include "service/followup_service.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/codec.hpp"
#include "codec/plan_codec.hpp"
#include "service/eligibility_service.hpp"
#include "service/service.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

namespace {

std::string idx(std::string_view list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

std::string date_text(const std::optional<Date> &d) { return d ? d->to_string() : std::string(); }

Status check_id(const std::string &id, const std::string &path, bool required) {
  if (id.empty()) {
    return required ? invalid_argument(path, "required") : Status{};
  }
  if (!codec::is_valid_id(id)) {
    return invalid_argument(path, "is not a valid id (too long, or a control character)");
  }
  return {};
}

Status check_text(const std::string &text, const std::string &path) {
  if (text.size() > codec::kMaxLongTextBytes) {
    return invalid_argument(path,
                            "longer than " + std::to_string(codec::kMaxLongTextBytes) + " bytes");
  }
  return {};
}

StatusOr<std::optional<Date>> optional_date(const std::string &text, const std::string &path) {
  if (text.empty()) {
    return std::optional<Date>();
  }
  auto d = codec::parse_date(text, path);
  if (!d.ok()) {
    return d.status();
  }
  return std::optional<Date>(*d);
}

bool valid_region(const std::string &r) {
  return r.empty() || r == "CN" || (r.size() == 6 && std::all_of(r.begin(), r.end(), [](char c) {
                                      return c >= '0' && c <= '9';
                                    }));
}

// The request's cadre, decoded and checked (errors under "cadre.").
StatusOr<Cadre> request_cadre(bool has, const pb::Cadre &in) {
  if (!has) {
    return invalid_argument("cadre", "required: the cadre whose follow-up it is");
  }
  Cadre out;
  if (Status st = codec::decode(in, "cadre", std::nullopt, out); !st.ok()) {
    return st;
  }
  return out;
}

// The index of the cadre's plan with the request's plan_id.
StatusOr<std::size_t> plan_index(const Cadre &cadre, const std::string &plan_id) {
  if (Status st = check_id(plan_id, "plan_id", true); !st.ok()) {
    return st;
  }
  for (std::size_t j = 0; j < cadre.follow_up_plans.size(); ++j) {
    if (cadre.follow_up_plans[j].id == plan_id) {
      return j;
    }
  }
  return Status(StatusCode::kNotFound, "no plan of the cadre has this id", "plan_id");
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A field named by the follow-up module (relative to the cadre, its plan or the call) as a
// field of the request; @p plan is the plan's index in the cadre, when there is one.
std::string request_field(const std::string &field, std::optional<std::size_t> plan) {
  const std::string plan_path =
      plan ? "cadre." + idx("follow_up_plans", *plan) : std::string("cadre");
  if (field == "outcome" || (field == "adjustment_id" && plan)) {
    return plan_path + "." + field;
  }
  for (const std::string_view list :
       {"adjustments[", "posts[", "health_spells[", "follow_up_plans["}) {
    if (starts_with(field, list)) {
      return "cadre." + field;
    }
  }
  return field;
}

Status in_request(const Status &st, std::optional<std::size_t> plan) {
  return {st.code(), st.message(), request_field(st.field(), plan)};
}

void encode_item(const PlannedItem &in, pb::FollowUpPlannedItem &out) {
  out.set_key(in.key);
  out.set_item(in.item);
  out.set_kind(static_cast<pb::FollowUpItemKind>(in.kind));
  out.set_actor(static_cast<pb::FollowUpActor>(in.actor));
  out.set_occurrence(in.occurrence);
  out.set_assessment(in.assessment);
  out.set_opens_on(in.opens_on.to_string());
  out.set_due_by(in.due_by.to_string());
  out.set_provisional(in.provisional);
  out.set_is_optional(in.optional);
  codec::encode(in.name, *out.mutable_name());
  codec::encode(in.citations, *out.mutable_citations());
}

void encode_schedule(const FollowUpSchedule &in, pb::FollowUpSchedule &out) {
  out.set_cadre_id(in.cadre_id);
  out.set_plan_id(in.plan_id);
  out.set_adjustment_id(in.adjustment_id);
  out.set_channel(static_cast<pb::Channel>(in.channel));
  out.set_method(static_cast<pb::AdjustmentMethod>(in.method));
  out.set_template_id(in.template_id);
  out.set_template_version(in.template_version);
  out.set_region_code(in.region_code);
  out.set_unit_id(in.unit_id);
  out.set_start(in.start.to_string());
  out.set_end(in.end.to_string());
  for (const PlannedItem &i : in.items) {
    encode_item(i, *out.add_items());
  }
  codec::encode(in.citations, *out.mutable_citations());
  codec::encode(in.completeness, *out.mutable_completeness());
}

void encode_item_status(const ItemStatus &in, pb::FollowUpItemStatus &out) {
  encode_item(in.item, *out.mutable_item());
  out.set_state(static_cast<pb::FollowUpItemState>(in.state));
  out.set_record_id(in.record_id);
  out.set_done_on(date_text(in.done_on));
  out.set_working_days_late(in.working_days_late);
}

void encode_plan_status(const PlanStatus &in, pb::FollowUpPlanStatus &out) {
  out.set_plan_id(in.schedule.plan_id);
  out.set_as_of(in.as_of.to_string());
  for (const ItemStatus &i : in.items) {
    encode_item_status(i, *out.add_items());
  }
  out.set_closed(in.closed);
}

void encode_reappointment(const ReappointmentAnswer &in, pb::FollowUpReappointment &out) {
  out.set_cadre_id(in.cadre_id);
  out.set_plan_id(in.plan_id);
  out.set_as_of(in.as_of.to_string());
  out.set_level(static_cast<pb::RankLevel>(in.level));
  out.set_allowed(in.allowed);
  for (const ConditionCheck &c : in.conditions) {
    pb::FollowUpConditionCheck &o = *out.add_conditions();
    o.set_key(c.key);
    o.set_source(static_cast<pb::ConditionSource>(c.source));
    o.set_state(static_cast<pb::ConditionState>(c.state));
    o.set_met_from(date_text(c.met_from));
    codec::encode(c.text, *o.mutable_text());
    codec::encode(c.explanation, *o.mutable_explanation());
    codec::encode(c.citations, *o.mutable_citations());
  }
  for (const std::string &m : in.missing) {
    out.add_missing(m);
  }
  out.set_earliest(date_text(in.earliest));
  for (const Blocker &b : in.blockers) {
    encode_blocker(b, *out.add_blockers());
  }
  encode_catalogue(in.catalogue, *out.mutable_catalogue());
}

void encode_history(const std::vector<HistoryEntry> &in,
                    google::protobuf::RepeatedPtrField<pb::FollowUpHistoryEntry> &out) {
  for (const HistoryEntry &e : in) {
    pb::FollowUpHistoryEntry &o = *out.Add();
    o.set_day(e.day.to_string());
    o.set_kind(static_cast<pb::FollowUpHistoryKind>(e.kind));
    o.set_plan_id(e.plan_id);
    codec::encode(e.record, *o.mutable_record());
    codec::encode(e.text, *o.mutable_text());
  }
}

void encode_flags(const std::vector<ProportionalityFlag> &in,
                  google::protobuf::RepeatedPtrField<pb::FollowUpMethodFlag> &out) {
  for (const ProportionalityFlag &f : in) {
    pb::FollowUpMethodFlag &o = *out.Add();
    o.set_rule_id(f.rule_id);
    o.set_adjustment_id(f.adjustment_id);
    o.set_method(static_cast<pb::AdjustmentMethod>(f.method));
    for (const AdjustmentMethod m : f.called_for) {
      o.add_called_for(static_cast<pb::AdjustmentMethod>(m));
    }
    codec::encode(f.explanation, *o.mutable_explanation());
    codec::encode(f.citations, *o.mutable_citations());
  }
}

// The dated fields of a record (a talk, training or task) of the request.
struct Dates {
  std::optional<Date> first;
  std::optional<Date> last;
};

StatusOr<Dates> record_dates(const std::string &first, const std::string &last,
                             const std::string &path, std::string_view first_name) {
  Dates d;
  auto a = optional_date(first, path + "." + std::string(first_name));
  if (!a.ok()) {
    return a.status();
  }
  d.first = *a;
  auto b = optional_date(last, path + ".end_date");
  if (!b.ok()) {
    return b.status();
  }
  d.last = *b;
  return d;
}

// Records the request's record into @p plan (errors as the module names them).
Status record_into(FollowUpPlan &plan, const pb::FollowUpRecordRequest &request, Date as_of) {
  switch (request.record_case()) {
    case pb::FollowUpRecordRequest::kTalk: {
      const pb::Talk &in = request.talk();
      Talk t;
      t.id = in.id();
      auto held = optional_date(in.held_on(), "talk.held_on");
      if (!held.ok()) {
        return held.status();
      }
      t.held_on = *held;
      if (!pb::FollowUpActor_IsValid(in.actor())) {
        return invalid_argument("talk.actor", "not a known actor");
      }
      t.actor = static_cast<FollowUpActor>(in.actor());
      t.notes_ref = in.notes_ref();
      return record_talk(plan, t, as_of);
    }
    case pb::FollowUpRecordRequest::kTraining: {
      const pb::Training &in = request.training();
      if (Status st = check_text(in.name(), "training.name"); !st.ok()) {
        return st;
      }
      auto d = record_dates(in.start_date(), in.end_date(), "training", "start_date");
      if (!d.ok()) {
        return d.status();
      }
      return record_training(plan, {in.id(), in.name(), d->first, d->last, in.hours()}, as_of);
    }
    case pb::FollowUpRecordRequest::kTask: {
      const pb::SpecialTask &in = request.task();
      if (Status st = check_text(in.description(), "task.description"); !st.ok()) {
        return st;
      }
      auto d = record_dates(in.start_date(), in.end_date(), "task", "start_date");
      if (!d.ok()) {
        return d.status();
      }
      if (!pb::AssessmentGrade_IsValid(in.grade())) {
        return invalid_argument("task.grade", "not a known grade");
      }
      return record_task(
          plan,
          {in.id(), in.description(), d->first, d->last, static_cast<AssessmentGrade>(in.grade())},
          as_of);
    }
    case pb::FollowUpRecordRequest::kTaskAssessment: {
      const pb::FollowUpTaskAssessment &in = request.task_assessment();
      if (!pb::AssessmentGrade_IsValid(in.grade())) {
        return invalid_argument("task_assessment.grade", "not a known grade");
      }
      Status st = record_task_assessment(plan, in.task_id(),
                                         static_cast<AssessmentGrade>(in.grade()), as_of);
      if (st.field() == "task_id" || st.field() == "grade") {
        return {st.code(), st.message(), "task_assessment." + st.field()};
      }
      return st;
    }
    case pb::FollowUpRecordRequest::RECORD_NOT_SET:
      break;
  }
  return invalid_argument("record", "required: one of talk, training, task or task_assessment");
}

bool due_before(const FollowUpDue &x, const FollowUpDue &y) {
  if (x.status.item.due_by != y.status.item.due_by) {
    return x.status.item.due_by < y.status.item.due_by;
  }
  if (x.cadre_id != y.cadre_id) {
    return x.cadre_id < y.cadre_id;
  }
  if (x.plan_id != y.plan_id) {
    return x.plan_id < y.plan_id;
  }
  return x.status.item.key < y.status.item.key;
}

class FollowUpDueRun final : public RecordRun {
 public:
  explicit FollowUpDueRun(const Engine &engine) : engine_(engine) {}

  Status begin(const google::protobuf::Message &head,
               google::protobuf::Message &response) override {
    const auto &request = static_cast<const pb::FollowUpDueRequest &>(head);
    auto as_of = required_as_of(request.as_of());
    if (!as_of.ok()) {
      return as_of.status();
    }
    as_of_ = *as_of;
    if (Status st = check_id(request.cadre_id(), "cadre_id", false); !st.ok()) {
      return st;
    }
    if (Status st = check_id(request.unit_id(), "unit_id", false); !st.ok()) {
      return st;
    }
    if (!valid_region(request.region_code())) {
      return invalid_argument("region_code", R"("CN" or a six-digit region code)");
    }
    scope_.cadre_id = request.cadre_id();
    scope_.unit_id = request.unit_id();
    scope_.region_code = request.region_code();
    scope_.overdue_only = request.overdue_only();
    static_cast<pb::FollowUpDueResponse &>(response).set_as_of(as_of_.to_string());
    return {};
  }

  void record(const pb::Cadre &in, std::int64_t index,
              google::protobuf::Message &response) override {
    auto &r = static_cast<pb::FollowUpDueResponse &>(response);
    // Out of scope: not even read (a bad record outside the scope is not this call's).
    if ((!scope_.cadre_id.empty() && in.id() != scope_.cadre_id) ||
        (!scope_.unit_id.empty() && in.unit_id() != scope_.unit_id)) {
      return;
    }
    const std::string path = cadre_path(index);
    if (!decode_or_report(in, index, path, cadre_, &ids_, *r.mutable_errors())) {
      return;
    }
    one_.clear();
    one_.push_back(std::move(cadre_));
    FollowUpDueReport due = cadre::followup_due(followup_catalogue(engine_), one_, scope_, as_of_,
                                                engine_.config().calendar);
    cadre_ = std::move(one_.front());
    for (const Status &e : due.errors) {
      // "cadres[0].follow_up_plans[j].<field>" of the one cadre: the request's index, and a
      // field of the cadre itself named from the cadre.
      const std::string &field = e.field();
      const std::string first = "cadres[0]";
      std::string rest = starts_with(field, first) ? field.substr(first.size()) : "." + field;
      const std::size_t inner = rest.find("].", 0);
      if (inner != std::string::npos) {
        const std::string tail = rest.substr(inner + 2);
        if (starts_with(tail, "adjustments[") || starts_with(tail, "posts[")) {
          rest = "." + tail;
        }
      }
      report(Status(e.code(), e.message(), path + rest), index, cadre_.id, *r.mutable_errors());
    }
    all_.insert(all_.end(), std::make_move_iterator(due.items.begin()),
                std::make_move_iterator(due.items.end()));
  }

  Status end(google::protobuf::Message &response, const std::function<Status()> &flush) override {
    std::stable_sort(all_.begin(), all_.end(), due_before);
    auto &r = static_cast<pb::FollowUpDueResponse &>(response);
    constexpr int kBatch = 256;
    for (const FollowUpDue &d : all_) {
      pb::FollowUpDueItem &o = *r.add_items();
      o.set_cadre_id(d.cadre_id);
      o.set_plan_id(d.plan_id);
      o.set_unit_id(d.unit_id);
      o.set_region_code(d.region_code);
      encode_item_status(d.status, *o.mutable_status());
      if (r.items_size() >= kBatch) {
        if (Status st = flush(); !st.ok()) {
          return st;
        }
      }
    }
    return {};
  }

 private:
  const Engine &engine_;
  Date as_of_;
  FollowUpScope scope_;
  Cadre cadre_;
  std::vector<Cadre> one_;
  IdSet ids_;
  std::vector<FollowUpDue> all_;
};

// What followup_record and followup_outcome read first, in this order: the
// day asked, the cadre, and the index of the plan named by plan_id.
struct PlanRequest {
  Date as_of;
  Cadre cadre;
  std::size_t plan = 0;
};

template <typename Request>
StatusOr<PlanRequest> read_plan_request(const Request &request) {
  auto as_of = required_as_of(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto decoded = request_cadre(request.has_cadre(), request.cadre());
  if (!decoded.ok()) {
    return decoded.status();
  }
  PlanRequest out{*as_of, std::move(decoded).value()};
  auto found = plan_index(out.cadre, request.plan_id());
  if (!found.ok()) {
    return found.status();
  }
  out.plan = *found;
  return out;
}

}  // namespace

const FollowUpCatalogue &followup_catalogue(const Engine &engine) noexcept {
  return engine.config().followups;
}

Status followup_plan(const Engine &engine, const pb::FollowUpPlanRequest &request,
                     pb::FollowUpPlanResponse &response) {
  auto as_of = required_as_of(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto decoded = request_cadre(request.has_cadre(), request.cadre());
  if (!decoded.ok()) {
    return decoded.status();
  }
  Cadre cadre = std::move(decoded).value();
  if (Status st = check_id(request.adjustment_id(), "adjustment_id", true); !st.ok()) {
    return st;
  }
  std::string plan_id =
      request.plan_id().empty() ? request.adjustment_id() + ".followup" : request.plan_id();
  if (Status st = check_id(plan_id, "plan_id", true); !st.ok()) {
    return st;
  }
  for (const FollowUpPlan &p : cadre.follow_up_plans) {
    if (p.id == plan_id) {
      return {StatusCode::kAlreadyExists, "the cadre already has a plan with this id", "plan_id"};
    }
  }
  auto schedule = plan(followup_catalogue(engine), cadre, request.adjustment_id(), plan_id, *as_of,
                       engine.config().calendar);
  if (!schedule.ok()) {
    return in_request(schedule.status(), std::nullopt);
  }
  response.set_as_of(as_of->to_string());
  encode_schedule(*schedule, *response.mutable_schedule());
  codec::encode(new_plan(*schedule), *response.mutable_plan());
  return {};
}

Status followup_record(const Engine &engine, const pb::FollowUpRecordRequest &request,
                       pb::FollowUpRecordResponse &response) {
  auto read = read_plan_request(request);
  if (!read.ok()) {
    return read.status();
  }
  PlanRequest req = std::move(read).value();
  const Date as_of = req.as_of;
  Cadre &cadre = req.cadre;
  const std::size_t j = req.plan;
  FollowUpPlan &plan = cadre.follow_up_plans[j];
  if (Status st = record_into(plan, request, as_of); !st.ok()) {
    return in_request(st, j);
  }
  auto status = plan_status(followup_catalogue(engine), cadre, request.plan_id(), as_of,
                            engine.config().calendar);
  if (!status.ok()) {
    return in_request(status.status(), j);
  }
  response.set_as_of(as_of.to_string());
  codec::encode(plan, *response.mutable_plan());
  encode_plan_status(*status, *response.mutable_status());
  return {};
}

std::unique_ptr<RecordRun> followup_due_run(const Engine &engine) {
  return std::make_unique<FollowUpDueRun>(engine);
}

Status followup_due(const Engine &engine, const pb::FollowUpDueRequest &request,
                    pb::FollowUpDueResponse &response) {
  return whole<&followup_due_run>(engine, request, request.cadres(), response);
}

Status followup_outcome(const Engine &engine, const pb::FollowUpOutcomeRequest &request,
                        pb::FollowUpOutcomeResponse &response) {
  auto read = read_plan_request(request);
  if (!read.ok()) {
    return read.status();
  }
  PlanRequest req = std::move(read).value();
  const Date as_of = req.as_of;
  Cadre &cadre = req.cadre;
  const std::size_t j = req.plan;
  if (!pb::FollowUpOutcomeKind_IsValid(request.kind())) {
    return invalid_argument("kind", "not a known outcome");
  }
  if (!request.check_only() && request.kind() == pb::FOLLOW_UP_OUTCOME_KIND_UNSPECIFIED) {
    return invalid_argument("kind", "required (or check_only)");
  }
  auto decided = optional_date(request.decided_on(), "decided_on");
  if (!decided.ok()) {
    return decided.status();
  }
  const std::string decided_field = *decided ? "decided_on" : "as_of";
  const Date decided_on = decided->value_or(as_of);
  if (as_of < decided_on) {
    return invalid_argument("decided_on", "after as_of: a decision is dated by the day asked");
  }
  if (Status st = check_id(request.record_id(), "record_id", false); !st.ok()) {
    return st;
  }
  if (request.facts_size() > codec::kMaxRecords) {
    return {StatusCode::kResourceExhausted,
            "more than " + std::to_string(codec::kMaxRecords) + " facts", "facts"};
  }
  std::vector<RecordedFact> facts;
  for (int i = 0; i < request.facts_size(); ++i) {
    const pb::FollowUpRecordedFact &f = request.facts(i);
    const std::string p = idx("facts", static_cast<std::size_t>(i));
    if (Status st = check_id(f.key(), p + ".key", true); !st.ok()) {
      return st;
    }
    if (Status st = check_id(f.recorded_by(), p + ".recorded_by", true); !st.ok()) {
      return st;
    }
    if (Status st = check_id(f.evidence_ref(), p + ".evidence_ref", false); !st.ok()) {
      return st;
    }
    auto on = optional_date(f.recorded_on(), p + ".recorded_on");
    if (!on.ok()) {
      return on.status();
    }
    facts.push_back({f.key(), f.holds(), f.recorded_by(), *on, f.evidence_ref()});
  }
  MethodFacts method;
  method.not_own_reasons = request.method_facts().not_own_reasons();
  method.recorded_by = request.method_facts().recorded_by();
  method.evidence_ref = request.method_facts().evidence_ref();
  if (Status st = check_id(method.recorded_by, "method_facts.recorded_by", method.not_own_reasons);
      !st.ok()) {
    return st;
  }
  if (Status st = check_id(method.evidence_ref, "method_facts.evidence_ref", false); !st.ok()) {
    return st;
  }
  const auto in_outcome = [&](const Status &st) {
    if (st.field() == "decided_on") {
      return Status(st.code(), st.message(), decided_field);
    }
    return in_request(st, j);
  };
  const WorkCalendar &calendar = engine.config().calendar;
  if (request.check_only()) {
    auto check = check_reappointment(followup_catalogue(engine), cadre, request.plan_id(), facts,
                                     decided_on, engine, calendar);
    if (!check.ok()) {
      return in_outcome(check.status());
    }
    encode_reappointment(*check, *response.mutable_reappointment());
  } else {
    OutcomeRequest decision;
    decision.kind = static_cast<FollowUpOutcomeKind>(request.kind());
    decision.decided_on = decided_on;
    decision.record_id = request.record_id();
    decision.facts = facts;
    auto answer = decide_outcome(followup_catalogue(engine), cadre, request.plan_id(), decision,
                                 engine, calendar);
    if (!answer.ok()) {
      return in_outcome(answer.status());
    }
    if (answer->reappointment) {
      encode_reappointment(*answer->reappointment, *response.mutable_reappointment());
    }
    if (answer->readjustment) {
      codec::encode(*answer->readjustment, *response.mutable_readjustment());
    }
    cadre.follow_up_plans[j] = answer->plan;
  }
  const FollowUpPlan &plan = cadre.follow_up_plans[j];
  auto flags = check_method(followup_catalogue(engine), cadre, plan.adjustment_id, method, as_of);
  if (!flags.ok()) {
    const Status &st = flags.status();
    return st.field() == "facts.recorded_by"
               ? Status(st.code(), st.message(), "method_facts.recorded_by")
               : in_request(st, j);
  }
  response.set_as_of(as_of.to_string());
  codec::encode(plan, *response.mutable_plan());
  encode_history(followup_history(cadre, as_of), *response.mutable_history());
  encode_flags(*flags, *response.mutable_method_flags());
  return {};
}

}  // namespace cadre::service
