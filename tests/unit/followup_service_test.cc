// The operations of follow-up management (issue 11 §2/§3): followup_plan, followup_record,
// followup_due and followup_outcome through the operation table, as the C ABI, Python and the
// CLI call them. Plans for each channel; every refusal naming the request's field and never
// echoing a value; due and overdue on the working-day calendar at the edges; re-appointment
// blocked, then allowed on the right day; the worked example of docs/followup.md
// (examples/followup) carried to re-appointment.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/followup_plan.hpp"
#include "cadre/labels.hpp"
#include "cadre/v1/followup_service.pb.h"
#include "cadre/v1/roster.pb.h"
#include "codec/codec.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

Date D(std::string_view s) {
  const auto d = Date::parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date());
}

template <typename M>
M parse(const std::string &text) {
  M m;
  const Status st = codec::parse(reinterpret_cast<const std::uint8_t *>(text.data()), text.size(),
                                 codec::Format::kJson, m, "request");
  EXPECT_TRUE(st.ok()) << st.to_string();
  return m;
}

template <typename Req, typename Resp>
Status run(std::string_view name, const Req &req, Resp &resp) {
  const svc::Operation *op = svc::find_operation(name);
  EXPECT_NE(op, nullptr) << name;
  return svc::call(*op, svc::builtin_engine(), req, resp);
}

// A county deputy in unit u1 (region 360102) from 2015, adjusted through @p channel by
// @p method, carried out on @p executed; the post ends the day before.
pb::Cadre adjusted(Channel channel, AdjustmentMethod method, std::string_view executed) {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kMale;
  c.birth_date = D("1975-05-05");
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  c.unit_id = "u1";
  Post p;
  p.id = "p1";
  p.unit_id = "u1";
  p.title = "副县长";
  p.rank_level = RankLevel::kCountyDeputy;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2015-01-01");
  p.end_date = D(executed).add_days(-1);
  p.region_code = "360102";
  c.posts.push_back(p);
  Adjustment a;
  a.id = "a1";
  a.channel = channel;
  a.method = method;
  a.decided_on = D(executed);
  a.executed_on = D(executed);
  a.from_post_id = "p1";
  c.adjustments.push_back(a);
  pb::Cadre out;
  codec::encode(c, out);
  return out;
}

// The cadre with the plan f1 of its adjustment a1, as followup_plan gives it.
pb::Cadre with_plan(pb::Cadre cadre, std::string_view as_of) {
  pb::FollowUpPlanRequest req;
  req.set_as_of(std::string(as_of));
  *req.mutable_cadre() = cadre;
  req.set_adjustment_id("a1");
  req.set_plan_id("f1");
  pb::FollowUpPlanResponse resp;
  const Status st = run("followup_plan", req, resp);
  EXPECT_TRUE(st.ok()) << st.to_string();
  *cadre.add_follow_up_plans() = resp.plan();
  return cadre;
}

const pb::FollowUpItemStatus *item(const pb::FollowUpPlanStatus &s, std::string_view key) {
  for (const pb::FollowUpItemStatus &i : s.items()) {
    if (i.item().key() == key) return &i;
  }
  return nullptr;
}

const pb::FollowUpPlannedItem *item(const pb::FollowUpSchedule &s, std::string_view key) {
  for (const pb::FollowUpPlannedItem &i : s.items()) {
    if (i.key() == key) return &i;
  }
  return nullptr;
}

TEST(FollowUpService, RowsOfTheTableAnswerTheirExamples) {
  const struct {
    std::string_view name;
    std::string_view symbol;
    std::string_view command;
  } rows[] = {
      {"followup_plan", "cadre_followup_plan", "followup-plan"},
      {"followup_record", "cadre_followup_record", "followup-record"},
      {"followup_due", "cadre_followup_due", "followup-due"},
      {"followup_outcome", "cadre_followup_outcome", "followup-outcome"},
  };
  for (const auto &row : rows) {
    const svc::Operation *op = svc::find_operation(row.name);
    ASSERT_NE(op, nullptr) << row.name;
    EXPECT_FALSE(op->needs_store());
    EXPECT_EQ(op->c_symbol(), row.symbol);
    EXPECT_EQ(op->cli_command(), row.command);
    std::string out;
    const std::string example(op->example);
    const Status st = svc::call(*op, svc::builtin_engine(),
                                reinterpret_cast<const std::uint8_t *>(example.data()),
                                example.size(), codec::Format::kJson, out);
    EXPECT_TRUE(st.ok()) << row.name << ": " << st.to_string();
    EXPECT_FALSE(out.empty());
  }
  EXPECT_NE(svc::find_operation("followup_due")->run, nullptr);  // record by record
}

// The labels of the schema's follow-up enums are the module's (one source, checked here).
TEST(FollowUpService, TheSchemasLabelsAreTheModules) {
  for (int i = 1; i <= 4; ++i) {
    const LocalizedText l = followup_label(static_cast<FollowUpItemKind>(i));
    EXPECT_EQ(label("cadre.v1.FollowUpItemKind", i, Language::kZhCn), l.zh_cn);
    EXPECT_EQ(label("cadre.v1.FollowUpItemKind", i, Language::kEn), l.en);
  }
  for (int i = 1; i <= 7; ++i) {
    const LocalizedText l = followup_label(static_cast<ItemState>(i));
    EXPECT_EQ(label("cadre.v1.FollowUpItemState", i, Language::kZhCn), l.zh_cn);
    EXPECT_EQ(label("cadre.v1.FollowUpItemState", i, Language::kEn), l.en);
  }
  for (int i = 1; i <= 4; ++i) {
    const LocalizedText l = followup_label(static_cast<ConditionState>(i));
    EXPECT_EQ(label("cadre.v1.ConditionState", i, Language::kZhCn), l.zh_cn);
    EXPECT_EQ(label("cadre.v1.ConditionState", i, Language::kEn), l.en);
  }
  for (int i = 1; i <= 10; ++i) {
    const LocalizedText l = followup_label(static_cast<HistoryKind>(i));
    EXPECT_EQ(label("cadre.v1.FollowUpHistoryKind", i, Language::kZhCn), l.zh_cn);
    EXPECT_EQ(label("cadre.v1.FollowUpHistoryKind", i, Language::kEn), l.en);
  }
}

TEST(FollowUpService, APlanForEachChannelCitedAndTagged) {
  const struct {
    Channel channel;
    AdjustmentMethod method;
    const char *template_id;
  } wants[] = {
      {Channel::kAccountability, AdjustmentMethod::kRemoval, "cn.followup.accountability.removal"},
      {Channel::kAccountability, AdjustmentMethod::kTransferOut, "cn.followup.accountability"},
      {Channel::kUnsuitable, AdjustmentMethod::kNonLeadershipPost, "cn.followup.unsuitable"},
      {Channel::kUnableToPerform, AdjustmentMethod::kTransferOut, "cn.followup.unable-to-perform"},
      {Channel::kViolation, AdjustmentMethod::kRemoval, "cn.followup.violation"},
      {Channel::kAgeLimit, AdjustmentMethod::kRetirement, "cn.followup.departure"},
      {Channel::kTerm, AdjustmentMethod::kRemoval, "cn.followup.departure"},
      {Channel::kVoluntaryResignation, AdjustmentMethod::kResignation, "cn.followup.departure"},
  };
  for (const auto &w : wants) {
    pb::FollowUpPlanRequest req;
    req.set_as_of("2023-03-13");
    *req.mutable_cadre() = adjusted(w.channel, w.method, "2023-03-13");
    req.set_adjustment_id("a1");
    pb::FollowUpPlanResponse resp;
    const Status st = run("followup_plan", req, resp);
    ASSERT_TRUE(st.ok()) << w.template_id << ": " << st.to_string();
    const pb::FollowUpSchedule &s = resp.schedule();
    EXPECT_EQ(s.template_id(), w.template_id);
    EXPECT_EQ(s.channel(), static_cast<pb::Channel>(w.channel));
    EXPECT_EQ(s.region_code(), "360102");
    EXPECT_EQ(s.unit_id(), "u1");
    EXPECT_EQ(s.start(), "2023-03-13");
    ASSERT_GT(s.items_size(), 0);
    EXPECT_NE(item(s, "review#1"), nullptr) << w.template_id;  // every plan has review points
    for (const pb::FollowUpPlannedItem &i : s.items()) {
      ASSERT_GT(i.citations_size(), 0) << i.key();
      for (const pb::Citation &c : i.citations()) {
        EXPECT_NE(c.verification(), pb::VERIFICATION_UNSPECIFIED) << i.key();
        EXPECT_FALSE(c.document().empty()) << i.key();
      }
      EXPECT_LE(i.due_by(), s.end());
    }
    // The record to add to the cadre: the default id, no record yet.
    EXPECT_EQ(resp.plan().id(), "a1.followup");
    EXPECT_EQ(resp.plan().adjustment_id(), "a1");
    EXPECT_EQ(resp.plan().start_date(), "2023-03-13");
    EXPECT_EQ(resp.plan().end_date(), s.end());
    EXPECT_EQ(resp.plan().talks_size(), 0);
    EXPECT_EQ(resp.as_of(), "2023-03-13");
  }
}

TEST(FollowUpService, PlanRefusalsNameTheField) {
  const pb::Cadre cadre =
      adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-13");
  const auto refusal = [](const pb::FollowUpPlanRequest &req) {
    pb::FollowUpPlanResponse resp;
    return run("followup_plan", req, resp);
  };
  pb::FollowUpPlanRequest req;
  *req.mutable_cadre() = cadre;
  req.set_adjustment_id("a1");
  EXPECT_EQ(refusal(req).field(), "as_of");
  req.set_as_of("2023-02-30");
  EXPECT_EQ(refusal(req).field(), "as_of");
  req.set_as_of("2023-03-13");
  ASSERT_TRUE(refusal(req).ok());

  pb::FollowUpPlanRequest no_cadre = req;
  no_cadre.clear_cadre();
  EXPECT_EQ(refusal(no_cadre).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refusal(no_cadre).field(), "cadre");
  pb::FollowUpPlanRequest bad = req;
  bad.mutable_cadre()->set_birth_date("1975-02-30");
  EXPECT_EQ(refusal(bad).field(), "cadre.birth_date");
  EXPECT_EQ(refusal(bad).message().find("1975"), std::string::npos);

  pb::FollowUpPlanRequest no_adjustment = req;
  no_adjustment.clear_adjustment_id();
  EXPECT_EQ(refusal(no_adjustment).field(), "adjustment_id");
  no_adjustment.set_adjustment_id("a9");
  EXPECT_EQ(refusal(no_adjustment).code(), StatusCode::kNotFound);
  EXPECT_EQ(refusal(no_adjustment).field(), "adjustment_id");

  pb::FollowUpPlanRequest early = req;
  early.set_as_of("2023-03-12");
  EXPECT_EQ(refusal(early).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refusal(early).field(), "cadre.adjustments[0].executed_on");

  pb::FollowUpPlanRequest twice = req;
  *twice.mutable_cadre() = with_plan(cadre, "2023-03-13");
  twice.set_plan_id("f1");
  EXPECT_EQ(refusal(twice).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(refusal(twice).field(), "plan_id");
  twice.set_plan_id("f2");
  EXPECT_TRUE(refusal(twice).ok());
}

TEST(FollowUpService, RecordGivesThePlanAndWhereItStands) {
  pb::FollowUpRecordRequest req = parse<pb::FollowUpRecordRequest>(
      R"({"as_of":"2023-03-20","plan_id":"f1","talk":{"id":"t1","held_on":"2023-03-20",)"
      R"("actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL","notes_ref":"oa:talk/2023-031"}})");
  *req.mutable_cadre() = with_plan(
      adjusted(Channel::kAccountability, AdjustmentMethod::kRemoval, "2023-03-13"), "2023-03-13");
  pb::FollowUpRecordResponse resp;
  const Status st = run("followup_record", req, resp);
  ASSERT_TRUE(st.ok()) << st.to_string();
  ASSERT_EQ(resp.plan().talks_size(), 1);
  EXPECT_EQ(resp.plan().talks(0).notes_ref(), "oa:talk/2023-031");
  const pb::FollowUpItemStatus *first = item(resp.status(), "talk.principal#1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->state(), pb::FOLLOW_UP_ITEM_STATE_DONE);
  EXPECT_EQ(first->record_id(), "t1");
  EXPECT_EQ(first->done_on(), "2023-03-20");
  EXPECT_EQ(item(resp.status(), "talk.in_charge#1")->state(), pb::FOLLOW_UP_ITEM_STATE_DUE);
  EXPECT_FALSE(resp.status().closed());

  // A training, a task and its assessment, in turn.
  *req.mutable_cadre()->mutable_follow_up_plans(0) = resp.plan();
  req.set_as_of("2023-09-08");
  *req.mutable_training() = parse<pb::Training>(
      R"({"id":"tr1","name":"course","start_date":"2023-09-04","end_date":"2023-09-08","hours":40})");
  ASSERT_TRUE(run("followup_record", req, resp).ok());
  EXPECT_EQ(item(resp.status(), "training#1")->state(), pb::FOLLOW_UP_ITEM_STATE_DONE);
  *req.mutable_cadre()->mutable_follow_up_plans(0) = resp.plan();
  *req.mutable_task() = parse<pb::SpecialTask>(
      R"({"id":"k1","description":"team","start_date":"2023-06-01","end_date":"2023-08-31"})");
  ASSERT_TRUE(run("followup_record", req, resp).ok());
  *req.mutable_cadre()->mutable_follow_up_plans(0) = resp.plan();
  req.mutable_task_assessment()->set_task_id("k1");
  req.mutable_task_assessment()->set_grade(pb::ASSESSMENT_GRADE_COMPETENT);
  const Status assessed = run("followup_record", req, resp);
  ASSERT_TRUE(assessed.ok()) << assessed.to_string();
  ASSERT_EQ(resp.plan().special_tasks_size(), 1);
  EXPECT_EQ(resp.plan().special_tasks(0).grade(), pb::ASSESSMENT_GRADE_COMPETENT);
}

TEST(FollowUpService, RecordRefusalsNameTheFieldAndNeverEchoTheValue) {
  const pb::Cadre cadre = with_plan(
      adjusted(Channel::kAccountability, AdjustmentMethod::kRemoval, "2023-03-13"), "2023-03-13");
  pb::FollowUpRecordRequest base;
  base.set_as_of("2023-10-01");
  base.set_plan_id("f1");
  *base.mutable_cadre() = cadre;
  const auto refusal = [](const pb::FollowUpRecordRequest &req) {
    pb::FollowUpRecordResponse resp;
    const Status st = run("followup_record", req, resp);
    EXPECT_FALSE(st.ok());
    EXPECT_FALSE(st.message().empty());
    return st;
  };
  EXPECT_EQ(refusal(base).field(), "record");
  const auto talk = [&](std::string_view json) {
    pb::FollowUpRecordRequest r = base;
    *r.mutable_talk() = parse<pb::Talk>(std::string(json));
    return refusal(r);
  };
  // The notes stay in the host system: a reference only, and never echoed.
  const Status notes =
      talk(R"({"id":"t1","held_on":"2023-03-20","actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL",)"
           R"("notes_ref":"谈话中本人表示 接受组织决定"})");
  EXPECT_EQ(notes.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(notes.field(), "talk.notes_ref");
  EXPECT_EQ(notes.message().find("接受"), std::string::npos);
  EXPECT_EQ(talk(R"({"held_on":"2023-03-20","actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL",)"
                 R"("notes_ref":"n1"})")
                .field(),
            "talk.id");
  EXPECT_EQ(talk(R"({"id":"t1","held_on":"2023-02-30","actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL",)"
                 R"("notes_ref":"n1"})")
                .field(),
            "talk.held_on");
  EXPECT_EQ(talk(R"({"id":"t1","held_on":"2023-03-10","actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL",)"
                 R"("notes_ref":"n1"})")
                .field(),
            "talk.held_on");  // before the plan's start
  EXPECT_EQ(talk(R"({"id":"t1","held_on":"2023-10-02","actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL",)"
                 R"("notes_ref":"n1"})")
                .field(),
            "talk.held_on");  // after the day of recording
  EXPECT_EQ(talk(R"({"id":"t1","held_on":"2023-03-20","notes_ref":"n1"})").field(), "talk.actor");
  {
    pb::FollowUpRecordRequest r = base;
    *r.mutable_talk() = parse<pb::Talk>(
        R"({"id":"t1","held_on":"2023-03-20","actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL","notes_ref":"n1"})");
    r.mutable_talk()->set_actor(static_cast<pb::FollowUpActor>(99));
    EXPECT_EQ(refusal(r).field(), "talk.actor");
  }
  const auto training = [&](std::string_view json) {
    pb::FollowUpRecordRequest r = base;
    *r.mutable_training() = parse<pb::Training>(std::string(json));
    return refusal(r);
  };
  EXPECT_EQ(training(R"({"id":"tr1","start_date":"2023-09-08","end_date":"2023-09-04"})").field(),
            "training.end_date");
  EXPECT_EQ(training(R"({"id":"tr1","start_date":"2023-09-04","end_date":"2023-09-31"})").field(),
            "training.end_date");
  EXPECT_EQ(training(R"({"id":"tr1","start_date":"2023-09-04","end_date":"2023-09-08","hours":-1})")
                .field(),
            "training.hours");
  pb::FollowUpRecordRequest graded = base;
  *graded.mutable_task() =
      parse<pb::SpecialTask>(R"({"id":"k1","start_date":"2023-06-01","end_date":"2023-11-30",)"
                             R"("grade":"ASSESSMENT_GRADE_EXCELLENT"})");
  EXPECT_EQ(refusal(graded).field(), "task.grade");
  pb::FollowUpRecordRequest long_text = base;
  *long_text.mutable_task() =
      parse<pb::SpecialTask>(R"({"id":"k1","start_date":"2023-06-01","end_date":"2023-11-30"})");
  long_text.mutable_task()->set_description(std::string(5000, 'x'));
  EXPECT_EQ(refusal(long_text).field(), "task.description");

  // The assessment: of a task of the plan, once it has ended, with one of the four grades.
  pb::FollowUpRecordRequest assess = base;
  assess.mutable_task_assessment()->set_task_id("k9");
  assess.mutable_task_assessment()->set_grade(pb::ASSESSMENT_GRADE_EXCELLENT);
  EXPECT_EQ(refusal(assess).code(), StatusCode::kNotFound);
  EXPECT_EQ(refusal(assess).field(), "task_assessment.task_id");
  pb::FollowUpPlan &plan = *assess.mutable_cadre()->mutable_follow_up_plans(0);
  *plan.add_special_tasks() =
      parse<pb::SpecialTask>(R"({"id":"k1","start_date":"2023-06-01","end_date":"2023-11-30"})");
  assess.mutable_task_assessment()->set_task_id("k1");
  EXPECT_EQ(refusal(assess).code(), StatusCode::kFailedPrecondition);  // not ended on as_of
  EXPECT_EQ(refusal(assess).field(), "task_assessment.task_id");
  assess.set_as_of("2023-12-08");
  assess.mutable_task_assessment()->set_grade(pb::ASSESSMENT_GRADE_NOT_GRADED);
  EXPECT_EQ(refusal(assess).field(), "task_assessment.grade");

  // The plan: the cadre's, without a final outcome.
  pb::FollowUpRecordRequest unknown = base;
  unknown.set_plan_id("f9");
  *unknown.mutable_training() =
      parse<pb::Training>(R"({"id":"tr1","start_date":"2023-09-04","end_date":"2023-09-08"})");
  EXPECT_EQ(refusal(unknown).code(), StatusCode::kNotFound);
  EXPECT_EQ(refusal(unknown).field(), "plan_id");
  unknown.clear_plan_id();
  EXPECT_EQ(refusal(unknown).field(), "plan_id");
  pb::FollowUpRecordRequest closed = base;
  closed.set_as_of("2024-04-01");
  pb::FollowUpOutcome &o = *closed.mutable_cadre()->mutable_follow_up_plans(0)->mutable_outcome();
  o.set_kind(pb::FOLLOW_UP_OUTCOME_KIND_COMMENDED);
  o.set_decided_on("2024-03-20");
  *closed.mutable_training() =
      parse<pb::Training>(R"({"id":"tr1","start_date":"2024-03-25","end_date":"2024-03-29"})");
  EXPECT_EQ(refusal(closed).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refusal(closed).field(), "cadre.follow_up_plans[0].outcome");
  pb::FollowUpRecordRequest no_date = base;
  no_date.clear_as_of();
  *no_date.mutable_training() =
      parse<pb::Training>(R"({"id":"tr1","start_date":"2023-09-04","end_date":"2023-09-08"})");
  EXPECT_EQ(refusal(no_date).field(), "as_of");
}

pb::FollowUpDueResponse due(const std::vector<pb::Cadre> &cadres, std::string_view as_of,
                            bool overdue_only = false) {
  pb::FollowUpDueRequest req;
  req.set_as_of(std::string(as_of));
  req.set_overdue_only(overdue_only);
  for (const pb::Cadre &c : cadres) *req.add_cadres() = c;
  pb::FollowUpDueResponse resp;
  const Status st = run("followup_due", req, resp);
  EXPECT_TRUE(st.ok()) << st.to_string();
  return resp;
}

const pb::FollowUpDueItem *due_item(const pb::FollowUpDueResponse &r, std::string_view key) {
  for (const pb::FollowUpDueItem &i : r.items()) {
    if (i.status().item().key() == key) return &i;
  }
  return nullptr;
}

// Adjusted on Friday 2023-03-10: the first talks are due within 10 working days, by Friday
// 2023-03-24. Due on the Friday; overdue from the Saturday, 0 working days late over the
// weekend and 1 on Monday 2023-03-27.
TEST(FollowUpService, DueOnItsDayOverdueAfterItAcrossAWeekend) {
  const pb::Cadre c = with_plan(
      adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-10"), "2023-03-10");
  pb::FollowUpDueResponse friday = due({c}, "2023-03-24");
  ASSERT_NE(due_item(friday, "talk.principal#1"), nullptr);
  EXPECT_EQ(due_item(friday, "talk.principal#1")->status().item().due_by(), "2023-03-24");
  EXPECT_EQ(due_item(friday, "talk.principal#1")->status().state(), pb::FOLLOW_UP_ITEM_STATE_DUE);
  EXPECT_EQ(due({c}, "2023-03-24", true).items_size(), 0);
  const pb::FollowUpDueResponse saturday = due({c}, "2023-03-25", true);
  ASSERT_NE(due_item(saturday, "talk.principal#1"), nullptr);
  EXPECT_EQ(due_item(saturday, "talk.principal#1")->status().state(),
            pb::FOLLOW_UP_ITEM_STATE_OVERDUE);
  EXPECT_EQ(due_item(saturday, "talk.principal#1")->status().working_days_late(), 0);
  const pb::FollowUpDueResponse monday = due({c}, "2023-03-27", true);
  ASSERT_NE(due_item(monday, "talk.principal#1"), nullptr);
  EXPECT_EQ(due_item(monday, "talk.principal#1")->status().working_days_late(), 1);
  for (const pb::FollowUpDueItem &i : monday.items()) {
    EXPECT_EQ(i.status().state(), pb::FOLLOW_UP_ITEM_STATE_OVERDUE);
    EXPECT_EQ(i.cadre_id(), "c1");
    EXPECT_EQ(i.plan_id(), "f1");
    EXPECT_EQ(i.unit_id(), "u1");
    EXPECT_EQ(i.region_code(), "360102");
  }
}

// Adjusted on Friday 2024-09-20: 10 working days run across the make-up Sunday 2024-09-29 and
// the National Day holiday (2024-10-01 to 10-07) to Thursday 2024-10-10; overdue on Friday
// 10-11 (1 working day), 2 on the make-up Saturday 10-12, still 2 on Sunday 10-13.
TEST(FollowUpService, OverdueOnTheWorkingDayCalendarAcrossAHoliday) {
  const pb::Cadre c = with_plan(
      adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2024-09-20"), "2024-09-20");
  const pb::FollowUpDueResponse on = due({c}, "2024-10-10");
  ASSERT_NE(due_item(on, "talk.principal#1"), nullptr);
  EXPECT_EQ(due_item(on, "talk.principal#1")->status().item().due_by(), "2024-10-10");
  EXPECT_EQ(due_item(on, "talk.principal#1")->status().state(), pb::FOLLOW_UP_ITEM_STATE_DUE);
  const int days[] = {1, 2, 2};
  const char *as_of[] = {"2024-10-11", "2024-10-12", "2024-10-13"};
  for (int k = 0; k < 3; ++k) {
    const pb::FollowUpDueResponse late = due({c}, as_of[k], true);
    ASSERT_NE(due_item(late, "talk.principal#1"), nullptr) << as_of[k];
    EXPECT_EQ(due_item(late, "talk.principal#1")->status().working_days_late(), days[k])
        << as_of[k];
  }
}

TEST(FollowUpService, DuePerCadreUnitAndRegionAndBadRecordsAsErrors) {
  const pb::Cadre c1 = with_plan(
      adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2024-09-20"), "2024-09-20");
  pb::Cadre c2 = c1;
  c2.set_id("c2");
  c2.set_unit_id("u2");
  c2.mutable_posts(0)->set_unit_id("u2");
  c2.mutable_posts(0)->set_region_code("110101");
  pb::Cadre bad = c1;
  bad.set_id("c3");
  bad.set_birth_date("1975-02-30");
  // A plan whose adjustment was decided and never carried out: it cannot be dated.
  pb::Cadre undated = c1;
  undated.set_id("c4");
  undated.mutable_adjustments(0)->clear_executed_on();
  undated.mutable_follow_up_plans(0)->clear_start_date();
  undated.mutable_follow_up_plans(0)->clear_end_date();
  const auto cadres_in = [&](const pb::FollowUpDueRequest &scope) {
    pb::FollowUpDueRequest req = scope;
    req.set_as_of("2024-10-14");
    req.set_overdue_only(true);
    for (const pb::Cadre &c : {c1, c2, bad, undated}) *req.add_cadres() = c;
    pb::FollowUpDueResponse resp;
    const Status st = run("followup_due", req, resp);
    EXPECT_TRUE(st.ok()) << st.to_string();
    std::vector<std::string> ids;
    for (const pb::FollowUpDueItem &i : resp.items()) {
      if (std::find(ids.begin(), ids.end(), i.cadre_id()) == ids.end()) ids.push_back(i.cadre_id());
    }
    return std::pair{ids, resp};
  };
  pb::FollowUpDueRequest scope;
  auto [all, resp] = cadres_in(scope);
  EXPECT_EQ(all, (std::vector<std::string>{"c1", "c2"}));
  ASSERT_EQ(resp.errors_size(), 2);
  EXPECT_EQ(resp.errors(0).field_path(), "cadres[2].birth_date");
  EXPECT_EQ(resp.errors(0).cadre_id(), "c3");
  EXPECT_EQ(resp.errors(0).message().find("1975"), std::string::npos);
  EXPECT_EQ(resp.errors(1).index(), 3);
  EXPECT_EQ(resp.errors(1).field_path(), "cadres[3].adjustments[0].executed_on");
  // Sorted by last day, then cadre.
  for (int i = 1; i < resp.items_size(); ++i) {
    EXPECT_LE(resp.items(i - 1).status().item().due_by(), resp.items(i).status().item().due_by());
  }
  scope.set_cadre_id("c2");
  EXPECT_EQ(cadres_in(scope).first, std::vector<std::string>{"c2"});
  scope.clear_cadre_id();
  scope.set_unit_id("u1");
  EXPECT_EQ(cadres_in(scope).first, std::vector<std::string>{"c1"});
  scope.clear_unit_id();
  for (const auto &[region, want] :
       {std::pair{"360000", "c1"}, std::pair{"360100", "c1"}, std::pair{"110000", "c2"}}) {
    scope.set_region_code(region);
    EXPECT_EQ(cadres_in(scope).first, std::vector<std::string>{want}) << region;
  }
  pb::FollowUpDueRequest wrong;
  wrong.set_as_of("2024-10-14");
  wrong.set_region_code("Jiangxi");
  pb::FollowUpDueResponse r;
  EXPECT_EQ(run("followup_due", wrong, r).field(), "region_code");
  wrong.set_region_code("");
  wrong.set_as_of("");
  EXPECT_EQ(run("followup_due", wrong, r).field(), "as_of");
}

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kExamples = CADRE_EXAMPLES_DIR "/followup/";

// The records of examples/followup with the day each is recorded (run.sh records them so).
const struct {
  const char *file;
  const char *as_of;
} kRecords[] = {
    {"01-talk-principal.json", "2023-03-20"},    {"02-talk-in-charge.json", "2023-03-29"},
    {"03-talk-organisation.json", "2023-04-10"}, {"04-task.json", "2023-06-01"},
    {"05-talk-principal.json", "2023-06-20"},    {"06-talk-in-charge.json", "2023-06-21"},
    {"07-training.json", "2023-09-08"},          {"08-talk-principal.json", "2023-09-20"},
    {"09-talk-in-charge.json", "2023-09-21"},    {"10-talk-organisation.json", "2023-10-10"},
    {"11-task-assessment.json", "2023-12-08"},   {"12-talk-principal.json", "2023-12-20"},
    {"13-talk-in-charge.json", "2023-12-21"},
};

pb::FollowUpOutcomeRequest outcome_request(const pb::Cadre &c, std::string_view as_of) {
  pb::FollowUpOutcomeRequest req =
      parse<pb::FollowUpOutcomeRequest>(read(kExamples + "facts.json"));
  req.set_as_of(std::string(as_of));
  *req.mutable_cadre() = c;
  req.set_plan_id("f1");
  req.set_kind(pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED);
  req.set_record_id("p2");
  return req;
}

// The worked example of docs/followup.md, as examples/followup/run.sh runs it with the CLI:
// removed through accountability on Monday 2023-03-13, followed up for a year, re-appointment
// refused on 2024-03-12 (the impact period of one year, the start day counted) and decided on
// 2024-03-13; the history shows each dated fact and no label.
TEST(FollowUpService, TheWorkedExampleCarriedToReappointment) {
  const pb::Roster roster = parse<pb::Roster>(read(kExamples + "roster.json"));
  ASSERT_EQ(roster.cadres_size(), 1);
  pb::Cadre c = with_plan(roster.cadres(0), "2023-03-13");
  ASSERT_EQ(c.follow_up_plans_size(), 1);
  EXPECT_EQ(c.follow_up_plans(0).end_date(), "2025-03-13");
  for (const auto &r : kRecords) {
    if (std::string_view(r.as_of) == "2023-03-29") {
      // On 2023-03-28 the leader in charge's first talk (due 2023-03-27) is overdue.
      const pb::FollowUpDueResponse late = due({c}, "2023-03-28", true);
      ASSERT_EQ(late.items_size(), 1);
      EXPECT_EQ(late.items(0).status().item().key(), "talk.in_charge#1");
      EXPECT_EQ(late.items(0).status().working_days_late(), 1);
    }
    pb::FollowUpRecordRequest req =
        parse<pb::FollowUpRecordRequest>(read(kExamples + "records/" + r.file));
    req.set_as_of(r.as_of);
    req.set_plan_id("f1");
    *req.mutable_cadre() = c;
    pb::FollowUpRecordResponse resp;
    const Status st = run("followup_record", req, resp);
    ASSERT_TRUE(st.ok()) << r.file << ": " << st.to_string();
    *c.mutable_follow_up_plans(0) = resp.plan();
  }
  EXPECT_EQ(c.follow_up_plans(0).talks_size(), 10);
  EXPECT_EQ(c.follow_up_plans(0).special_tasks(0).grade(), pb::ASSESSMENT_GRADE_EXCELLENT);
  // Nothing overdue on 2024-03-12.
  EXPECT_EQ(due({c}, "2024-03-12", true).items_size(), 0);

  // Blocked on 2024-03-12: the decision is refused naming `kind`; the check says why.
  pb::FollowUpOutcomeResponse resp;
  const Status refused = run("followup_outcome", outcome_request(c, "2024-03-12"), resp);
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.field(), "kind");
  EXPECT_NE(refused.message().find("impact_period (not met)"), std::string::npos);
  pb::FollowUpOutcomeRequest check = outcome_request(c, "2024-03-12");
  check.set_check_only(true);
  ASSERT_TRUE(run("followup_outcome", check, resp).ok());
  EXPECT_FALSE(resp.reappointment().allowed());
  EXPECT_EQ(resp.reappointment().earliest(), "2024-03-13");
  EXPECT_EQ(resp.reappointment().level(), pb::RANK_LEVEL_COUNTY_DEPUTY);
  ASSERT_GT(resp.reappointment().conditions_size(), 0);
  const pb::FollowUpConditionCheck &period = resp.reappointment().conditions(0);
  EXPECT_EQ(period.key(), "impact_period");
  EXPECT_EQ(period.state(), pb::CONDITION_STATE_NOT_MET);
  EXPECT_EQ(period.met_from(), "2024-03-13");
  EXPECT_FALSE(resp.plan().has_outcome());  // nothing decided
  for (const pb::FollowUpConditionCheck &k : resp.reappointment().conditions()) {
    EXPECT_GT(k.citations_size(), 0) << k.key();
    if (k.key() != "impact_period") {
      EXPECT_EQ(k.state(), pb::CONDITION_STATE_MET) << k.key();
    }
  }

  // Allowed on 2024-03-13: every condition met and cited; the plan closed.
  const Status st = run("followup_outcome", outcome_request(c, "2024-03-13"), resp);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_TRUE(resp.reappointment().allowed());
  EXPECT_EQ(resp.reappointment().missing_size(), 0);
  for (const pb::FollowUpConditionCheck &k : resp.reappointment().conditions()) {
    EXPECT_EQ(k.state(), pb::CONDITION_STATE_MET) << k.key();
    EXPECT_GT(k.citations_size(), 0) << k.key();
  }
  EXPECT_EQ(resp.plan().outcome().kind(), pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED);
  EXPECT_EQ(resp.plan().outcome().decided_on(), "2024-03-13");
  EXPECT_EQ(resp.plan().outcome().record_id(), "p2");
  EXPECT_FALSE(resp.has_readjustment());
  EXPECT_EQ(resp.method_flags_size(), 0);  // a removal through accountability fits
  // 不贴标签: adjusted, followed up, re-appointed, each a dated fact.
  ASSERT_GE(resp.history_size(), 4);
  EXPECT_EQ(resp.history(0).kind(), pb::FOLLOW_UP_HISTORY_KIND_ADJUSTED);
  EXPECT_EQ(resp.history(0).day(), "2023-03-13");
  EXPECT_EQ(resp.history(1).kind(), pb::FOLLOW_UP_HISTORY_KIND_PLAN_OPENED);
  const pb::FollowUpHistoryEntry &last = resp.history(resp.history_size() - 1);
  EXPECT_EQ(last.kind(), pb::FOLLOW_UP_HISTORY_KIND_REAPPOINTED);
  EXPECT_EQ(last.day(), "2024-03-13");
  EXPECT_NE(last.text().zh_cn().find("重新任用"), std::string::npos);
  *c.mutable_follow_up_plans(0) = resp.plan();
  EXPECT_EQ(due({c}, "2024-06-30").items_size(), 0);  // closed: nothing more is due
  // A second final outcome is refused.
  pb::FollowUpOutcomeRequest again = outcome_request(c, "2024-04-01");
  again.set_kind(pb::FOLLOW_UP_OUTCOME_KIND_COMMENDED);
  EXPECT_EQ(run("followup_outcome", again, resp).field(), "cadre.follow_up_plans[0].outcome");
}

TEST(FollowUpService, OutcomeRefusalsNameTheField) {
  const pb::Cadre c = with_plan(
      adjusted(Channel::kAccountability, AdjustmentMethod::kRemoval, "2023-03-13"), "2023-03-13");
  const auto refusal = [](const pb::FollowUpOutcomeRequest &req) {
    pb::FollowUpOutcomeResponse resp;
    return run("followup_outcome", req, resp);
  };
  pb::FollowUpOutcomeRequest base;
  base.set_as_of("2024-04-01");
  *base.mutable_cadre() = c;
  base.set_plan_id("f1");
  EXPECT_EQ(refusal(base).field(), "kind");
  base.set_kind(pb::FOLLOW_UP_OUTCOME_KIND_COMMENDED);
  EXPECT_TRUE(refusal(base).ok());
  pb::FollowUpOutcomeRequest r = base;
  r.set_kind(static_cast<pb::FollowUpOutcomeKind>(42));
  EXPECT_EQ(refusal(r).field(), "kind");
  r = base;
  r.set_decided_on("2024-04-02");
  EXPECT_EQ(refusal(r).field(), "decided_on");  // after as_of
  r.set_decided_on("2023-03-01");
  EXPECT_EQ(refusal(r).field(), "decided_on");  // before the plan's start
  r.set_decided_on("2024-02-30");
  EXPECT_EQ(refusal(r).field(), "decided_on");
  r = base;
  r.set_as_of("2023-03-01");
  EXPECT_EQ(refusal(r).field(), "as_of");  // the decision dated by as_of, before the start
  r = base;
  r.set_plan_id("f9");
  EXPECT_EQ(refusal(r).code(), StatusCode::kNotFound);
  EXPECT_EQ(refusal(r).field(), "plan_id");
  r = base;
  r.set_kind(pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED);
  pb::FollowUpRecordedFact &f = *r.add_facts();
  f.set_key("work_need");
  f.set_holds(true);
  f.set_recorded_on("2024-03-01");
  EXPECT_EQ(refusal(r).field(), "facts[0].recorded_by");
  f.set_recorded_by("org");
  f.set_recorded_on("2024-03-32");
  EXPECT_EQ(refusal(r).field(), "facts[0].recorded_on");
  f.clear_recorded_on();
  EXPECT_EQ(refusal(r).field(), "facts[0].recorded_on");
  f.set_recorded_on("2024-03-01");
  *r.add_facts() = f;
  EXPECT_EQ(refusal(r).field(), "facts[1].key");  // repeated
  r = base;
  r.mutable_method_facts()->set_not_own_reasons(true);
  EXPECT_EQ(refusal(r).field(), "method_facts.recorded_by");
  r = base;
  r.clear_cadre();
  EXPECT_EQ(refusal(r).field(), "cadre");
}

TEST(FollowUpService, AdjustedAgainOpensANewCaseAndTheMethodIsChecked) {
  pb::FollowUpOutcomeRequest req;
  req.set_as_of("2024-03-14");
  *req.mutable_cadre() = with_plan(
      adjusted(Channel::kUnsuitable, AdjustmentMethod::kRemoval, "2023-03-13"), "2023-03-13");
  req.set_plan_id("f1");
  req.set_kind(pb::FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN);
  req.mutable_method_facts()->set_not_own_reasons(true);
  req.mutable_method_facts()->set_recorded_by("org-dept");
  pb::FollowUpOutcomeResponse resp;
  const Status st = run("followup_outcome", req, resp);
  ASSERT_TRUE(st.ok()) << st.to_string();
  ASSERT_TRUE(resp.has_readjustment());
  EXPECT_EQ(resp.readjustment().rule_id(), "followup.adjusted-again");
  EXPECT_EQ(resp.readjustment().channel(), pb::CHANNEL_UNSUITABLE);
  EXPECT_GT(resp.readjustment().citations_size(), 0);
  EXPECT_EQ(resp.plan().outcome().kind(), pb::FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN);
  EXPECT_FALSE(resp.has_reappointment());
  // A removal of a cadre who cannot cope for reasons not his own: a fitting post is called for.
  ASSERT_EQ(resp.method_flags_size(), 1);
  EXPECT_EQ(resp.method_flags(0).rule_id(), "followup.method.not-own-reasons");
  EXPECT_EQ(resp.method_flags(0).method(), pb::ADJUSTMENT_METHOD_REMOVAL);
  EXPECT_EQ(resp.method_flags(0).called_for(0), pb::ADJUSTMENT_METHOD_TRANSFER_OUT);
  EXPECT_GT(resp.method_flags(0).citations_size(), 0);
  EXPECT_EQ(resp.history(resp.history_size() - 1).kind(),
            pb::FOLLOW_UP_HISTORY_KIND_ADJUSTED_AGAIN);
}

}  // namespace
}  // namespace cadre
