// Follow-up management of adjusted cadres (issue 11 §2): templates as data, plans on the
// working-day calendar, recording, due and overdue items, re-appointment against the impact
// periods, the other outcomes, the history, the method check, a host's templates.
#include "cadre/followup_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "cadre/case.hpp"
#include "cadre/procedure_definition.hpp"
#include "cadre/screening.hpp"

namespace cadre {
namespace {

Date D(std::string_view s) {
  const auto d = Date::parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date());
}

const FollowUpCatalogue &catalogue() {
  static const FollowUpCatalogue kCatalogue = FollowUpCatalogue::builtin();
  return kCatalogue;
}

const WorkCalendar &calendar() {
  static const WorkCalendar kCalendar = WorkCalendar::builtin();
  return kCalendar;
}

const Engine &engine() {
  static const Engine kEngine;
  return kEngine;
}

// A county deputy in unit u1 (region 360102) from 2015, adjusted through @p channel by
// @p method, carried out on @p executed; the post ends the day before.
Cadre adjusted(Channel channel, AdjustmentMethod method, std::string_view executed) {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kMale;
  c.birth_date = D("1975-05-05");
  c.work_start_date = D("1997-07-01");
  c.grassroots_months = 60;
  c.unit_id = "u1";
  Post p;
  p.id = "p1";
  p.unit_id = "u1";
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
  return c;
}

const PlannedItem *item(const FollowUpSchedule &s, std::string_view key) {
  for (const PlannedItem &p : s.items) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

const ItemStatus *item(const PlanStatus &s, std::string_view key) {
  for (const ItemStatus &p : s.items) {
    if (p.item.key == key) return &p;
  }
  return nullptr;
}

TEST(FollowUpTemplates, ShippedTextReadsAndEveryItemIsCitedWithATag) {
  FollowUpCatalogue c;
  const Status read = c.add_text(builtin_followup_text(), "data/followup/cn.textproto");
  ASSERT_TRUE(read.ok()) << read.to_string();
  EXPECT_EQ(c.templates().size(), 6U);
  for (const FollowUpTemplate &t : c.templates()) {
    EXPECT_TRUE(check_followup_template(t).ok()) << t.id;
    for (const FollowUpItemTemplate &it : t.items) {
      ASSERT_FALSE(it.citations.empty()) << t.id << " " << it.key;
      for (const Citation &ci : it.citations) {
        EXPECT_NE(ci.verification, Verification::kUnspecified);
        EXPECT_FALSE(ci.document.empty()) << "filled from the registry: " << ci.key;
      }
      // A number not seen in any source is policy: the item cites a RECALLED basis for it.
      const bool policy = std::any_of(
          it.citations.begin(), it.citations.end(),
          [](const Citation &ci) { return ci.verification == Verification::kRecalled; });
      EXPECT_TRUE(policy) << t.id << " " << it.key;
    }
  }
  ASSERT_NE(c.check("not-own-reasons"), nullptr);
  ASSERT_NE(c.check("health-removal"), nullptr);
  EXPECT_EQ(c.check("health-removal")->period.amount, 1);
  // The journal article is evidence, never the basis.
  const FollowUpTemplate *t = c.find("cn.followup.unsuitable");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->citations.front().evidence);
}

TEST(FollowUpPlan, EachChannelHasItsPlan) {
  struct Want {
    Channel channel;
    AdjustmentMethod method;
    const char *template_id;
    std::size_t talkers;
    bool training;
  };
  const Want wants[] = {
      {Channel::kAccountability, AdjustmentMethod::kRemoval, "cn.followup.accountability.removal",
       3, true},
      {Channel::kAccountability, AdjustmentMethod::kTransferOut, "cn.followup.accountability", 3,
       true},
      {Channel::kUnsuitable, AdjustmentMethod::kNonLeadershipPost, "cn.followup.unsuitable", 3,
       true},
      {Channel::kUnableToPerform, AdjustmentMethod::kTransferOut, "cn.followup.unable-to-perform",
       3, false},
      {Channel::kViolation, AdjustmentMethod::kRemoval, "cn.followup.violation", 2, true},
      {Channel::kAgeLimit, AdjustmentMethod::kRetirement, "cn.followup.departure", 2, false},
      {Channel::kTerm, AdjustmentMethod::kRemoval, "cn.followup.departure", 2, false},
      {Channel::kVoluntaryResignation, AdjustmentMethod::kResignation, "cn.followup.departure", 2,
       false},
  };
  for (const Want &w : wants) {
    const Cadre c = adjusted(w.channel, w.method, "2023-03-13");
    StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    EXPECT_EQ(s.value().template_id, w.template_id);
    EXPECT_EQ(s.value().region_code, "360102");
    EXPECT_EQ(s.value().unit_id, "u1");
    std::vector<FollowUpActor> actors;
    bool training = false;
    for (const PlannedItem &p : s.value().items) {
      if (p.kind == FollowUpItemKind::kTalk &&
          std::find(actors.begin(), actors.end(), p.actor) == actors.end()) {
        actors.push_back(p.actor);
      }
      training = training || p.kind == FollowUpItemKind::kTraining;
      EXPECT_LE(p.due_by, s.value().end) << p.key;
      EXPECT_FALSE(p.citations.empty());
    }
    EXPECT_EQ(actors.size(), w.talkers) << w.template_id;
    EXPECT_EQ(training, w.training) << w.template_id;
    EXPECT_TRUE(std::is_sorted(
        s.value().items.begin(), s.value().items.end(),
        [](const PlannedItem &x, const PlannedItem &y) { return x.due_by < y.due_by; }));
  }
}

TEST(FollowUpPlan, CadenceAndReviewPoints) {
  const Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().end, D("2024-03-13"));
  // First talk within 10 working days of 2023-03-13 (not counted): 2023-03-27.
  ASSERT_NE(item(s.value(), "talk.principal#1"), nullptr);
  EXPECT_EQ(item(s.value(), "talk.principal#1")->due_by, D("2023-03-27"));
  // Then every 3 months from the first: 2023-06-27, 2023-09-27, 2023-12-27 (each a working day).
  ASSERT_NE(item(s.value(), "talk.principal#2"), nullptr);
  EXPECT_EQ(item(s.value(), "talk.principal#2")->due_by, D("2023-06-27"));
  EXPECT_EQ(item(s.value(), "talk.principal#2")->opens_on, D("2023-03-28"));
  ASSERT_NE(item(s.value(), "talk.principal#4"), nullptr);
  EXPECT_EQ(item(s.value(), "talk.principal#5"), nullptr);  // 2024-03-27 is after the end
  // Reviews at 6 and 12 months.
  ASSERT_NE(item(s.value(), "review#1"), nullptr);
  EXPECT_EQ(item(s.value(), "review#1")->due_by, D("2023-09-13"));
  ASSERT_NE(item(s.value(), "review#2"), nullptr);
  EXPECT_EQ(item(s.value(), "review#2")->due_by, D("2024-03-13"));
  ASSERT_NE(item(s.value(), "task#1"), nullptr);
  EXPECT_TRUE(item(s.value(), "task#1")->optional);
  const FollowUpPlan rec = new_plan(s.value());
  EXPECT_EQ(rec.id, "f1");
  EXPECT_EQ(rec.adjustment_id, "a1");
  EXPECT_EQ(rec.start_date, D("2023-03-13"));
  EXPECT_EQ(rec.end_date, D("2024-03-13"));
}

TEST(FollowUpPlan, RefusalsNameTheField) {
  Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a9", "f1", D("2023-03-13"), calendar());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s.status().field(), "adjustment_id");
  s = plan(catalogue(), c, "a1", "f1", D("2023-03-12"), calendar());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.status().field(), "adjustments[0].executed_on");
  s = plan(catalogue(), c, "a1", "", D("2023-03-13"), calendar());
  EXPECT_EQ(s.status().field(), "plan_id");
  c.adjustments[0].channel = Channel::kUnspecified;
  s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s.status().field(), "adjustments[0].channel");
}

// 2024-09-20 is a Friday; 2024-09-29 (a Sunday) is a make-up working day; 2024-10-01 to
// 2024-10-07 is the National Day holiday; 2024-10-12 (a Saturday) is a make-up working day.
TEST(FollowUpDue, OverdueOnTheWorkingDayCalendar) {
  Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2024-09-20");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2024-09-20"), calendar());
  ASSERT_TRUE(s.ok());
  // 10 working days: 09-23..27 (5), 09-29 make-up (6), 09-30 (7), holiday, 10-08..10 (10).
  EXPECT_EQ(item(s.value(), "talk.principal#1")->due_by, D("2024-10-10"));
  EXPECT_FALSE(item(s.value(), "talk.principal#1")->provisional);
  // 20 working days: ... 10-11 (11), 10-12 make-up (12), 10-14..18 (17), 10-21..23 (20).
  EXPECT_EQ(item(s.value(), "talk.organisation#1")->due_by, D("2024-10-23"));
  c.follow_up_plans.push_back(new_plan(s.value()));

  FollowUpScope scope;
  FollowUpDueReport r = followup_due(catalogue(), {c}, scope, D("2024-10-10"), calendar());
  EXPECT_TRUE(r.errors.empty());
  std::vector<std::string> keys;
  for (const FollowUpDue &d : r.items) keys.push_back(d.status.item.key);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "talk.principal#1"), keys.end());
  for (const FollowUpDue &d : r.items) EXPECT_EQ(d.status.state, ItemState::kDue);

  scope.overdue_only = true;
  r = followup_due(catalogue(), {c}, scope, D("2024-10-11"), calendar());
  ASSERT_EQ(r.items.size(), 2U);  // the principal's and the leader in charge's first talks
  EXPECT_EQ(r.items[0].status.state, ItemState::kOverdue);
  EXPECT_EQ(r.items[0].status.working_days_late, 1);
  EXPECT_EQ(r.items[0].unit_id, "u1");
  EXPECT_EQ(r.items[0].region_code, "360102");
  // The make-up Saturday counts as a working day; Sunday 10-13 does not.
  r = followup_due(catalogue(), {c}, scope, D("2024-10-13"), calendar());
  ASSERT_FALSE(r.items.empty());
  EXPECT_EQ(r.items[0].status.working_days_late, 2);

  // A talk held late is done late; by the other actor it does not count.
  FollowUpPlan &fp = c.follow_up_plans[0];
  ASSERT_TRUE(record_talk(fp, {"t1", D("2024-10-14"), FollowUpActor::kUnitPrincipal, "doc:77"},
                          D("2024-10-14"))
                  .ok());
  StatusOr<PlanStatus> st = plan_status(catalogue(), c, "f1", D("2024-10-14"), calendar());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(item(st.value(), "talk.principal#1")->state, ItemState::kDoneLate);
  EXPECT_EQ(item(st.value(), "talk.principal#1")->working_days_late, 3);
  EXPECT_EQ(item(st.value(), "talk.principal#1")->record_id, "t1");
  EXPECT_EQ(item(st.value(), "talk.in_charge#1")->state, ItemState::kOverdue);
  EXPECT_EQ(item(st.value(), "talk.principal#2")->state, ItemState::kDue);
  EXPECT_EQ(item(st.value(), "review#1")->state, ItemState::kDue);  // open from the start

  // Scopes: per cadre, per unit, per region (province, city, another province).
  Cadre other = c;
  other.id = "c2";
  other.unit_id = "u2";
  other.posts[0].region_code = "110101";
  const std::vector<Cadre> all{c, other};
  FollowUpScope by;
  by.overdue_only = true;
  const auto cadres_in = [&](const FollowUpScope &sc) {
    std::vector<std::string> ids;
    for (const FollowUpDue &d :
         followup_due(catalogue(), all, sc, D("2024-10-14"), calendar()).items) {
      if (std::find(ids.begin(), ids.end(), d.cadre_id) == ids.end()) ids.push_back(d.cadre_id);
    }
    return ids;
  };
  EXPECT_EQ(cadres_in(by).size(), 2U);
  by.cadre_id = "c2";
  EXPECT_EQ(cadres_in(by), std::vector<std::string>{"c2"});
  by.cadre_id.clear();
  by.unit_id = "u1";
  EXPECT_EQ(cadres_in(by), std::vector<std::string>{"c1"});
  by.unit_id.clear();
  by.region_code = "360000";
  EXPECT_EQ(cadres_in(by), std::vector<std::string>{"c1"});
  by.region_code = "360100";
  EXPECT_EQ(cadres_in(by), std::vector<std::string>{"c1"});
  by.region_code = "110000";
  EXPECT_EQ(cadres_in(by), std::vector<std::string>{"c2"});
}

TEST(FollowUpDue, APlanThatCannotBeDatedIsReportedAndTheOthersListed) {
  Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2024-09-20");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2024-09-20"), calendar());
  ASSERT_TRUE(s.ok());
  c.follow_up_plans.push_back(new_plan(s.value()));
  FollowUpPlan broken;
  broken.id = "f2";
  broken.adjustment_id = "a-missing";
  c.follow_up_plans.push_back(broken);
  const FollowUpDueReport r = followup_due(catalogue(), {c}, {}, D("2024-10-11"), calendar());
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0].field(), "cadres[0].follow_up_plans[1].adjustment_id");
  EXPECT_FALSE(r.items.empty());
}

TEST(FollowUpRecord, RefusalsNameTheFieldAndLeaveThePlan) {
  FollowUpPlan p;
  p.id = "f1";
  p.adjustment_id = "a1";
  p.start_date = D("2024-09-20");
  const FollowUpPlan before = p;
  const Date today = D("2024-10-14");
  EXPECT_EQ(
      record_talk(p, {"", D("2024-10-08"), FollowUpActor::kUnitPrincipal, "n1"}, today).field(),
      "talk.id");
  EXPECT_EQ(
      record_talk(p, {"t1", std::nullopt, FollowUpActor::kUnitPrincipal, "n1"}, today).field(),
      "talk.held_on");
  EXPECT_EQ(
      record_talk(p, {"t1", D("2024-09-19"), FollowUpActor::kUnitPrincipal, "n1"}, today).field(),
      "talk.held_on");
  EXPECT_EQ(
      record_talk(p, {"t1", D("2024-10-15"), FollowUpActor::kUnitPrincipal, "n1"}, today).field(),
      "talk.held_on");
  EXPECT_EQ(
      record_talk(p, {"t1", D("2024-10-08"), FollowUpActor::kUnspecified, "n1"}, today).field(),
      "talk.actor");
  // The notes stay in the host system: a reference only.
  const Status notes = record_talk(
      p, {"t1", D("2024-10-08"), FollowUpActor::kUnitPrincipal, "谈话中本人表示 接受组织决定"},
      today);
  EXPECT_EQ(notes.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(notes.field(), "talk.notes_ref");
  EXPECT_EQ(notes.message().find("接受"), std::string::npos);
  EXPECT_EQ(p, before);
  ASSERT_TRUE(
      record_talk(p, {"t1", D("2024-10-08"), FollowUpActor::kUnitPrincipal, "n1"}, today).ok());
  EXPECT_EQ(
      record_talk(p, {"t1", D("2024-10-09"), FollowUpActor::kLeaderInCharge, "n2"}, today).field(),
      "talk.id");

  Training tr{"tr1", "course", D("2024-10-08"), D("2024-10-20"), 16};
  EXPECT_EQ(record_training(p, tr, today).field(), "training.end_date");
  tr.end_date = D("2024-10-12");
  tr.hours = -1;
  EXPECT_EQ(record_training(p, tr, today).field(), "training.hours");
  tr.hours = 16;
  EXPECT_TRUE(record_training(p, tr, today).ok());

  SpecialTask task{"k1", "flood relief", D("2024-10-01"), D("2024-12-31"),
                   AssessmentGrade::kExcellent};
  EXPECT_EQ(record_task(p, task, today).field(), "task.grade");
  task.grade = AssessmentGrade::kUnspecified;
  EXPECT_TRUE(record_task(p, task, today).ok());
  EXPECT_EQ(record_task_assessment(p, "k9", AssessmentGrade::kCompetent, D("2025-01-02")).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(record_task_assessment(p, "k1", AssessmentGrade::kCompetent, today).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(record_task_assessment(p, "k1", AssessmentGrade::kNotGraded, D("2025-01-02")).field(),
            "grade");
  EXPECT_TRUE(record_task_assessment(p, "k1", AssessmentGrade::kCompetent, D("2025-01-02")).ok());
  EXPECT_EQ(p.special_tasks[0].grade, AssessmentGrade::kCompetent);
  EXPECT_EQ(record_task_assessment(p, "k1", AssessmentGrade::kExcellent, D("2025-01-03")).code(),
            StatusCode::kFailedPrecondition);

  p.outcome = FollowUpOutcome{FollowUpOutcomeKind::kCommended, D("2025-01-05"), ""};
  EXPECT_EQ(
      record_talk(p, {"t9", D("2025-01-06"), FollowUpActor::kUnitPrincipal, "n9"}, D("2025-01-06"))
          .field(),
      "outcome");
}

// Records every talk and training due by @p by, on its last day.
void follow_up_until(FollowUpPlan &p, const FollowUpSchedule &s, Date by) {
  int n = 0;
  for (const PlannedItem &it : s.items) {
    if (by < it.due_by) continue;
    const std::string id = "r" + std::to_string(++n);
    if (it.kind == FollowUpItemKind::kTalk) {
      ASSERT_TRUE(record_talk(p, {id, it.due_by, it.actor, "notes:" + id}, by).ok());
    } else if (it.kind == FollowUpItemKind::kTraining) {
      ASSERT_TRUE(record_training(p, {id, "course", it.due_by, it.due_by, 24}, by).ok());
    }
  }
}

std::vector<RecordedFact> all_conditions_recorded(Date on) {
  std::vector<RecordedFact> facts;
  for (const char *k : {"matter_resolved", "reflected_and_performed", "work_need", "no_other_bar",
                        "written_report", "discipline_opinion"}) {
    facts.push_back({k, true, "org-dept:cadre-section", on, "file:2024-017"});
  }
  return facts;
}

// Removed through accountability on Monday 2023-03-13: no leadership post for one year, the
// start day counted as day one (xbry-2019): blocked on 2024-03-12, allowed on 2024-03-13.
TEST(FollowUpOutcome, ReappointmentBlockedThenAllowedOnTheRightDay) {
  Cadre c = adjusted(Channel::kAccountability, AdjustmentMethod::kRemoval, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().template_id, "cn.followup.accountability.removal");
  // The dates docs/followup.md states for this example.
  EXPECT_EQ(s.value().end, D("2025-03-13"));
  EXPECT_EQ(item(s.value(), "talk.principal#1")->due_by, D("2023-03-27"));
  EXPECT_EQ(item(s.value(), "talk.in_charge#3")->due_by, D("2023-09-27"));
  EXPECT_EQ(item(s.value(), "talk.organisation#1")->due_by, D("2023-04-11"));
  EXPECT_EQ(item(s.value(), "training#1")->due_by, D("2023-09-13"));
  EXPECT_EQ(item(s.value(), "task#1")->due_by, D("2024-03-13"));
  EXPECT_EQ(item(s.value(), "review#1")->due_by, D("2024-03-13"));
  EXPECT_EQ(item(s.value(), "review#3")->due_by, D("2025-03-13"));
  FollowUpPlan p = new_plan(s.value());
  follow_up_until(p, s.value(), D("2024-03-12"));
  ASSERT_TRUE(record_task(p,
                          {"k1", "rural revitalisation team", D("2023-06-01"), D("2023-11-30"),
                           AssessmentGrade::kUnspecified},
                          D("2023-06-01"))
                  .ok());
  ASSERT_TRUE(record_task_assessment(p, "k1", AssessmentGrade::kExcellent, D("2023-12-08")).ok());
  c.follow_up_plans.push_back(p);
  const std::vector<RecordedFact> facts = all_conditions_recorded(D("2024-03-01"));

  StatusOr<ReappointmentAnswer> before =
      check_reappointment(catalogue(), c, "f1", facts, D("2024-03-12"), engine(), calendar());
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_FALSE(before.value().allowed);
  EXPECT_EQ(before.value().level, RankLevel::kCountyDeputy);
  EXPECT_EQ(before.value().earliest, D("2024-03-13"));
  const ConditionCheck &period = before.value().conditions.front();
  EXPECT_EQ(period.key, "impact_period");
  EXPECT_EQ(period.state, ConditionState::kNotMet);
  EXPECT_EQ(period.met_from, D("2024-03-13"));
  EXPECT_FALSE(period.citations.empty());
  for (const ConditionCheck &k : before.value().conditions) {
    if (k.key != "impact_period") {
      EXPECT_EQ(k.state, ConditionState::kMet) << k.key;
    }
  }
  OutcomeRequest req;
  req.kind = FollowUpOutcomeKind::kReappointed;
  req.decided_on = D("2024-03-12");
  req.record_id = "p2";
  req.facts = facts;
  StatusOr<OutcomeAnswer> refused = decide_outcome(catalogue(), c, "f1", req, engine(), calendar());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().field(), "kind");
  EXPECT_NE(refused.status().message().find("impact_period (not met)"), std::string::npos);

  StatusOr<ReappointmentAnswer> on =
      check_reappointment(catalogue(), c, "f1", facts, D("2024-03-13"), engine(), calendar());
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on.value().allowed);
  EXPECT_TRUE(on.value().missing.empty());
  req.decided_on = D("2024-03-13");
  StatusOr<OutcomeAnswer> done = decide_outcome(catalogue(), c, "f1", req, engine(), calendar());
  ASSERT_TRUE(done.ok()) << done.status().to_string();
  ASSERT_TRUE(done.value().plan.outcome.has_value());
  EXPECT_EQ(done.value().plan.outcome->kind, FollowUpOutcomeKind::kReappointed);
  EXPECT_EQ(done.value().plan.outcome->record_id, "p2");
  ASSERT_TRUE(done.value().reappointment.has_value());

  // A second final outcome is refused.
  c.follow_up_plans[0] = done.value().plan;
  req.kind = FollowUpOutcomeKind::kCommended;
  req.decided_on = D("2024-03-20");
  EXPECT_EQ(decide_outcome(catalogue(), c, "f1", req, engine(), calendar()).status().field(),
            "outcome");
}

TEST(FollowUpOutcome, MissingFactsAndPoorPerformanceAreNamed) {
  Cadre c = adjusted(Channel::kAccountability, AdjustmentMethod::kRemoval, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  FollowUpPlan p = new_plan(s.value());
  ASSERT_TRUE(
      record_task(p,
                  {"k1", "task", D("2023-06-01"), D("2023-11-30"), AssessmentGrade::kUnspecified},
                  D("2023-06-01"))
          .ok());
  ASSERT_TRUE(
      record_task_assessment(p, "k1", AssessmentGrade::kBasicallyCompetent, D("2023-12-08")).ok());
  c.follow_up_plans.push_back(p);
  StatusOr<ReappointmentAnswer> r =
      check_reappointment(catalogue(), c, "f1", {}, D("2024-04-01"), engine(), calendar());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().allowed);
  EXPECT_EQ(r.value().missing.size(), 6U);  // every recorded condition
  for (const ConditionCheck &k : r.value().conditions) {
    if (k.key == "followed_up") {
      EXPECT_EQ(k.state, ConditionState::kNotMet);  // talks overdue
    }
    if (k.key == "task_assessment") {
      EXPECT_EQ(k.state, ConditionState::kNotMet);
    }
    if (k.key == "impact_period") {
      EXPECT_EQ(k.state, ConditionState::kMet);
    }
  }
  // A fact without who recorded it is refused, naming the field.
  std::vector<RecordedFact> bad{{"work_need", true, "", D("2024-03-01"), ""}};
  EXPECT_EQ(check_reappointment(catalogue(), c, "f1", bad, D("2024-04-01"), engine(), calendar())
                .status()
                .field(),
            "facts[0].recorded_by");
  // A fact recorded after the day asked does not count.
  std::vector<RecordedFact> later{{"work_need", true, "org", D("2024-05-01"), ""}};
  r = check_reappointment(catalogue(), c, "f1", later, D("2024-04-01"), engine(), calendar());
  ASSERT_TRUE(r.ok());
  EXPECT_NE(std::find(r.value().missing.begin(), r.value().missing.end(), "work_need"),
            r.value().missing.end());
}

TEST(FollowUpOutcome, HealthRecoveryDecidesReappointmentAfterIllHealth) {
  Cadre c = adjusted(Channel::kUnableToPerform, AdjustmentMethod::kTransferOut, "2023-03-13");
  HealthSpell h;
  h.id = "h1";
  h.start_date = D("2022-01-10");
  h.partially_able = true;
  c.health_spells.push_back(h);
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  c.follow_up_plans.push_back(new_plan(s.value()));
  const std::vector<RecordedFact> facts{{"work_need", true, "org", D("2023-09-01"), ""}};
  StatusOr<ReappointmentAnswer> r =
      check_reappointment(catalogue(), c, "f1", facts, D("2023-09-14"), engine(), calendar());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().conditions.front().key, "health_recovered");
  EXPECT_EQ(r.value().conditions.front().state, ConditionState::kNotMet);
  c.health_spells[0].end_date = D("2023-08-31");
  r = check_reappointment(catalogue(), c, "f1", facts, D("2023-09-14"), engine(), calendar());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().conditions.front().state, ConditionState::kMet);
}

TEST(FollowUpOutcome, AdjustedAgainYieldsTheFindingThatOpensANewCase) {
  Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  c.follow_up_plans.push_back(new_plan(s.value()));
  OutcomeRequest req;
  req.kind = FollowUpOutcomeKind::kAdjustedAgain;
  req.decided_on = D("2024-03-14");
  StatusOr<OutcomeAnswer> r = decide_outcome(catalogue(), c, "f1", req, engine(), calendar());
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_TRUE(r.value().readjustment.has_value());
  const Finding &f = *r.value().readjustment;
  EXPECT_EQ(f.channel, Channel::kUnsuitable);
  EXPECT_EQ(f.determination, Determination::kNeedsVerification);
  EXPECT_FALSE(f.citations.empty());
  StatusOr<Case> opened =
      open_case(ProcedureSet::builtin(), f, "case-2", "360102", D("2024-03-15"), calendar());
  ASSERT_TRUE(opened.ok()) << opened.status().to_string();
  EXPECT_EQ(opened.value().header().cadre_id, "c1");

  req.kind = FollowUpOutcomeKind::kUnspecified;
  EXPECT_EQ(decide_outcome(catalogue(), c, "f1", req, engine(), calendar()).status().field(),
            "kind");
  req.kind = FollowUpOutcomeKind::kCommended;
  req.decided_on = D("2023-03-01");
  EXPECT_EQ(decide_outcome(catalogue(), c, "f1", req, engine(), calendar()).status().field(),
            "decided_on");
  EXPECT_EQ(decide_outcome(catalogue(), c, "f9", req, engine(), calendar()).status().field(),
            "plan_id");
}

TEST(FollowUpOutcome, AReviewDecisionAnswersTheReviewPoints) {
  Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  c.follow_up_plans.push_back(new_plan(s.value()));
  StatusOr<PlanStatus> st = plan_status(catalogue(), c, "f1", D("2023-09-14"), calendar());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(item(st.value(), "review#1")->state, ItemState::kOverdue);
  OutcomeRequest req;
  req.kind = FollowUpOutcomeKind::kContinuing;
  req.decided_on = D("2023-09-12");
  StatusOr<OutcomeAnswer> r = decide_outcome(catalogue(), c, "f1", req, engine(), calendar());
  ASSERT_TRUE(r.ok());
  c.follow_up_plans[0] = r.value().plan;
  st = plan_status(catalogue(), c, "f1", D("2023-09-14"), calendar());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(item(st.value(), "review#1")->state, ItemState::kDone);
  EXPECT_EQ(item(st.value(), "review#1")->done_on, D("2023-09-12"));
  EXPECT_FALSE(st.value().closed);
}

TEST(FollowUpHistory, AdjustedFollowedUpReappointedWithoutALabel) {
  Cadre c = adjusted(Channel::kAccountability, AdjustmentMethod::kRemoval, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(catalogue(), c, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  FollowUpPlan p = new_plan(s.value());
  follow_up_until(p, s.value(), D("2024-03-12"));
  c.follow_up_plans.push_back(p);
  OutcomeRequest req;
  req.kind = FollowUpOutcomeKind::kReappointed;
  req.decided_on = D("2024-03-13");
  req.record_id = "p2";
  req.facts = all_conditions_recorded(D("2024-03-01"));
  StatusOr<OutcomeAnswer> r = decide_outcome(catalogue(), c, "f1", req, engine(), calendar());
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  c.follow_up_plans[0] = r.value().plan;
  const std::vector<HistoryEntry> h = followup_history(c, D("2024-12-31"));
  ASSERT_GE(h.size(), 4U);
  EXPECT_EQ(h.front().kind, HistoryKind::kAdjusted);
  EXPECT_EQ(h[1].kind, HistoryKind::kPlanOpened);
  EXPECT_EQ(h.back().kind, HistoryKind::kReappointed);
  EXPECT_EQ(h.back().day, D("2024-03-13"));
  EXPECT_TRUE(std::any_of(h.begin(), h.end(),
                          [](const HistoryEntry &e) { return e.kind == HistoryKind::kTalk; }));
  for (const HistoryEntry &e : h) {
    EXPECT_FALSE(e.text.zh_cn.empty());
    EXPECT_FALSE(e.text.en.empty());
  }
  EXPECT_NE(h.back().text.zh_cn.find("重新任用"), std::string::npos);
  // As of a day before, the history stops there.
  EXPECT_EQ(followup_history(c, D("2023-03-12")).size(), 0U);
}

TEST(FollowUpMethod, RemovalWhereTheRulesCallForAFittingPostAndTheReverse) {
  Cadre c = adjusted(Channel::kUnsuitable, AdjustmentMethod::kRemoval, "2023-03-13");
  MethodFacts facts;
  facts.not_own_reasons = true;
  StatusOr<std::vector<ProportionalityFlag>> f =
      check_method(catalogue(), c, "a1", facts, D("2023-03-13"));
  EXPECT_EQ(f.status().field(), "facts.recorded_by");
  facts.recorded_by = "org-dept";
  f = check_method(catalogue(), c, "a1", facts, D("2023-03-13"));
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f.value().size(), 1U);
  EXPECT_EQ(f.value()[0].rule_id, "followup.method.not-own-reasons");
  EXPECT_EQ(f.value()[0].called_for.front(), AdjustmentMethod::kTransferOut);
  EXPECT_FALSE(f.value()[0].citations.empty());
  c.adjustments[0].method = AdjustmentMethod::kTransferOut;
  f = check_method(catalogue(), c, "a1", facts, D("2023-03-13"));
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f.value().empty());

  // Continuous sick leave from 2022-03-13: over one year from 2023-03-13, not on 2023-03-12.
  Cadre h = adjusted(Channel::kUnableToPerform, AdjustmentMethod::kTransferOut, "2023-03-13");
  HealthSpell spell;
  spell.id = "h1";
  spell.start_date = D("2022-03-13");
  spell.continuous_leave = true;
  h.health_spells.push_back(spell);
  f = check_method(catalogue(), h, "a1", {}, D("2023-03-13"));
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f.value().size(), 1U);
  EXPECT_EQ(f.value()[0].rule_id, "followup.method.health-removal");
  EXPECT_EQ(f.value()[0].called_for, std::vector<AdjustmentMethod>{AdjustmentMethod::kRemoval});
  h.adjustments[0].decided_on = D("2023-03-12");
  f = check_method(catalogue(), h, "a1", {}, D("2023-03-13"));
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f.value().empty());
  // Able to carry some duties, yet removed.
  h.adjustments[0].method = AdjustmentMethod::kRemoval;
  h.health_spells[0].continuous_leave = false;
  h.health_spells[0].partially_able = true;
  f = check_method(catalogue(), h, "a1", {}, D("2023-03-13"));
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f.value().size(), 1U);
  EXPECT_EQ(f.value()[0].rule_id, "followup.method.health-partially-able");
  EXPECT_EQ(check_method(catalogue(), h, "a9", {}, D("2023-03-13")).status().field(),
            "adjustment_id");
}

constexpr std::string_view kHostTemplate = R"txt(
templates {
  id: "360000.followup.unsuitable"
  version: "1"
  title { zh_cn: "江西：不适宜担任现职调整干部后续管理（示例）" en: "Jiangxi: follow-up of unsuitable cadres (example)" }
  jurisdiction: "360000"
  effective_from: "2017-01-01"
  channels: [CHANNEL_UNSUITABLE]
  duration { amount: 6 unit: PERIOD_UNIT_MONTHS }
  citations { key: "jx-lnsx" verification: VERIFICATION_RECALLED supports: "host policy" }
  items {
    key: "talk.principal"
    kind: FOLLOW_UP_ITEM_KIND_TALK
    actor: FOLLOW_UP_ACTOR_UNIT_PRINCIPAL
    name { zh_cn: "单位主要领导谈心谈话" en: "talk by the unit's principal leader" }
    first { amount: 5 unit: PERIOD_UNIT_WORKING_DAYS }
    citations { key: "jx-lnsx" verification: VERIFICATION_RECALLED supports: "host policy" }
  }
}
)txt";

TEST(FollowUpTemplates, AHostTemplateReplacesTheShippedOneInItsRegion) {
  FollowUpCatalogue c = FollowUpCatalogue::builtin();
  ASSERT_TRUE(c.add_text(kHostTemplate, "host").ok());
  Cadre jx = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2023-03-13");
  StatusOr<FollowUpSchedule> s = plan(c, jx, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().template_id, "360000.followup.unsuitable");
  ASSERT_EQ(s.value().items.size(), 1U);
  EXPECT_EQ(s.value().items[0].due_by, D("2023-03-20"));
  Cadre bj = jx;
  bj.posts[0].region_code = "110101";
  s = plan(c, bj, "a1", "f1", D("2023-03-13"), calendar());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().template_id, "cn.followup.unsuitable");
  // Before the host template's first day, the shipped one.
  Cadre early = adjusted(Channel::kUnsuitable, AdjustmentMethod::kTransferOut, "2016-06-01");
  s = plan(c, early, "a1", "f1", D("2016-06-01"), calendar());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value().template_id, "cn.followup.unsuitable");
  // The same id twice is refused and nothing is added.
  const std::size_t n = c.templates().size();
  const Status again = c.add_text(kHostTemplate, "host");
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.field(), "templates[0].id");
  EXPECT_EQ(c.templates().size(), n);
}

TEST(FollowUpTemplates, BadHostTextNamesTheField) {
  const auto error = [](std::string_view text) {
    FollowUpCatalogue c;
    Status s = c.add_text(text, "host");
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(c.templates().empty());
    return s;
  };
  std::string t(kHostTemplate);
  const auto replaced = [&](std::string_view from, std::string_view to) {
    std::string out = t;
    const std::size_t at = out.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    out.replace(at, from.size(), to);
    return out;
  };
  EXPECT_EQ(error(replaced("    actor: FOLLOW_UP_ACTOR_UNIT_PRINCIPAL\n", "")).field(),
            "templates[0].items[0].actor");
  EXPECT_EQ(error(replaced("FOLLOW_UP_ACTOR_UNIT_PRINCIPAL", "FOLLOW_UP_ACTOR_MAYOR")).field(),
            "templates[0].items[0].actor");
  EXPECT_EQ(error(replaced("first { amount: 5", "first { amount: 0")).field(),
            "templates[0].items[0].first.amount");
  EXPECT_EQ(error(replaced("key: \"jx-lnsx\"", "key: \"no-such-document\"")).field(),
            "templates[0].citations[0].key");
  EXPECT_EQ(
      error(replaced("verification: VERIFICATION_RECALLED supports: \"host policy\" }\n  items",
                     "supports: \"host policy\" }\n  items"))
          .field(),
      "templates[0].citations[0].verification");
  EXPECT_EQ(error(replaced("jurisdiction: \"360000\"", "jurisdiction: \"Jiangxi\"")).field(),
            "templates[0].jurisdiction");
  EXPECT_EQ(error(replaced("channels: [CHANNEL_UNSUITABLE]", "")).field(), "templates[0].channels");
  EXPECT_EQ(error(replaced("channels: [CHANNEL_UNSUITABLE]",
                           "channels: [CHANNEL_UNSUITABLE, CHANNEL_UNSPECIFIED]"))
                .field(),
            "templates[0].channels[1]");
  EXPECT_EQ(error(replaced("channels: [CHANNEL_UNSUITABLE]", "channels: [UNSUITABLE]")).field(),
            "templates[0].channels[0]");
  EXPECT_EQ(error(replaced("first { amount: 5", "first { amount: 2147483648")).field(),
            "templates[0].items[0].first.amount");
  EXPECT_EQ(error(replaced("first { amount: 5", "first { amount: 1234567890123456789")).field(),
            "templates[0].items[0].first.amount");
  EXPECT_EQ(
      error(replaced("effective_from: \"2017-01-01\"", "effective_from: \"2017-02-30\"")).field(),
      "templates[0].effective_from");
  EXPECT_EQ(error(replaced("version: \"1\"", "colour: \"1\"")).field(), "templates[0].colour");
  const Status syntax = error(replaced("templates {", "templates {{"));
  EXPECT_EQ(syntax.field(), "host");
  EXPECT_NE(syntax.message().find("line"), std::string::npos);
  EXPECT_EQ(error("checks { key: \"unheard-of\" text { zh_cn: \"x\" en: \"x\" } }").field(),
            "checks[0].key");
}

TEST(FollowUpLabels, EveryValueHasBothLanguages) {
  for (const auto k : {FollowUpItemKind::kTalk, FollowUpItemKind::kTraining,
                       FollowUpItemKind::kSpecialTask, FollowUpItemKind::kReview}) {
    EXPECT_FALSE(followup_label(k).zh_cn.empty());
    EXPECT_FALSE(followup_label(k).en.empty());
  }
  for (int i = 1; i <= 7; ++i) {
    EXPECT_FALSE(followup_label(static_cast<ItemState>(i)).zh_cn.empty());
  }
  for (int i = 1; i <= 10; ++i) {
    EXPECT_FALSE(followup_label(static_cast<HistoryKind>(i)).en.empty());
  }
  for (int i = 1; i <= 4; ++i) {
    EXPECT_FALSE(followup_label(static_cast<ConditionState>(i)).zh_cn.empty());
  }
}

}  // namespace
}  // namespace cadre
