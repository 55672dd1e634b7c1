// Procedure cases as event logs (issue 10 §3): a 问责 2019 case and a 不适宜 2022 case
// through every stage, each kind of rejection, deadlines across National Day and the Spring
// Festival, replay against the state built event by event, tampering, the appeal's findings
// diff, decision records re-derived, and the decoder refusing bad bytes.
#include "cadre/case.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cadre/eligibility.hpp"
#include "cadre/labels.hpp"
#include "cadre/screening.hpp"
#include "procedure/case_codec.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

using testing::D;

const ProcedureSet &procedures() {
  static const ProcedureSet set = ProcedureSet::builtin();
  return set;
}

const WorkCalendar &calendar() {
  static const WorkCalendar cal = WorkCalendar::builtin();
  return cal;
}

SuppliedFact date_fact(std::string key, std::string_view day) {
  SuppliedFact f;
  f.key = std::move(key);
  f.type = FactType::kDate;
  f.date = D(day);
  return f;
}

SuppliedFact text_fact(std::string key, std::string text) {
  SuppliedFact f;
  f.key = std::move(key);
  f.type = FactType::kText;
  f.text = std::move(text);
  return f;
}

SuppliedFact bool_fact(std::string key, bool yes) {
  SuppliedFact f;
  f.key = std::move(key);
  f.type = FactType::kBool;
  f.yes = yes;
  return f;
}

SuppliedFact method_fact(std::string key, AdjustmentMethod m) {
  SuppliedFact f;
  f.key = std::move(key);
  f.type = FactType::kMethod;
  f.method = m;
  return f;
}

EventActor actor(ActorRole role, AuthorityKind body,
                 AuthorityLevel level = AuthorityLevel::kManaging) {
  return {role, body, level, "org-360102"};
}

CaseEvent step(std::string stage, std::string outcome, std::string_view day, EventActor who) {
  CaseEvent e;
  e.kind = CaseEventKind::kStep;
  e.stage = std::move(stage);
  e.outcome = std::move(outcome);
  e.day = D(day);
  e.actor = std::move(who);
  return e;
}

Finding accountability_finding(std::string_view day) {
  Finding f;
  f.cadre_id = "c-0042";
  f.rule_id = "cn-2015.accountability.2019";
  f.channel = Channel::kAccountability;
  f.effective_date = D(day);
  return f;
}

// The events of a 问责 2019 case after its opening, in order.
std::vector<CaseEvent> accountability_steps() {
  std::vector<CaseEvent> out;
  CaseEvent start = step("start", "started", "2019-09-02",
                         actor(ActorRole::kPrincipalLeader, AuthorityKind::kPartyCommittee));
  start.facts = {text_fact("problem", "incident:i-7"), date_fact("approved_on", "2019-09-02"),
                 bool_fact("approved", true)};
  out.push_back(start);
  CaseEvent inv = step("investigation", "reported", "2019-09-02",
                       actor(ActorRole::kCaseGroup, AuthorityKind::kDisciplineCommission));
  inv.facts = {bool_fact("statement_heard", true), date_fact("reported_on", "2019-09-02")};
  inv.documents = {"investigation_report"};
  out.push_back(inv);
  CaseEvent dec = step("decision", "accountable", "2019-09-03",
                       actor(ActorRole::kCollective, AuthorityKind::kPartyCommittee));
  dec.facts = {date_fact("decided_on", "2019-09-03")};
  dec.votes = Votes{9, 7, 6, 1, 0};
  dec.documents = {"decision_letter"};
  dec.document_ref = "某纪〔2019〕12号";
  out.push_back(dec);
  CaseEvent del = step("delivery", "delivered", "2019-09-05",
                       actor(ActorRole::kWorkingBody, AuthorityKind::kOrganisationDepartment));
  del.facts = {date_fact("announced_on", "2019-09-05"), date_fact("received_on", "2019-09-05")};
  del.documents = {"decision_letter"};
  out.push_back(del);
  CaseEvent exe = step("execution", "executed", "2019-10-08",
                       actor(ActorRole::kWorkingBody, AuthorityKind::kOrganisationDepartment));
  exe.facts = {date_fact("completed_on", "2019-10-08"), bool_fact("filed_to_dossier", true),
               bool_fact("reported_up", true)};
  out.push_back(exe);
  return out;
}

Case open_accountability() {
  auto c = open_case(procedures(), accountability_finding("2019-09-02"), "case-wz-1", "CN",
                     D("2019-09-02"), calendar());
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return std::move(c).value();
}

// A 问责 2019 case with every stage recorded up to @p n steps.
Case accountability_case(std::size_t n) {
  Case c = open_accountability();
  const auto steps = accountability_steps();
  for (std::size_t i = 0; i < n && i < steps.size(); ++i) {
    const auto r = c.record(steps[i], calendar());
    EXPECT_FALSE(r.has_value()) << steps[i].stage << ": " << r->message.en;
  }
  return c;
}

std::vector<CaseEvent> unsuitable_steps() {
  const EventActor od = actor(ActorRole::kWorkingBody, AuthorityKind::kOrganisationDepartment);
  std::vector<CaseEvent> out;
  CaseEvent p = step("proposal", "proposed", "2022-10-10", od);
  p.facts = {text_fact("situation", "cn-2022.unsuitable.8"),
             date_fact("proposed_on", "2022-10-10")};
  out.push_back(p);
  CaseEvent v = step("verification", "unsuitable", "2022-10-20",
                     actor(ActorRole::kCaseGroup, AuthorityKind::kOrganisationDepartment));
  v.facts = {date_fact("identified_on", "2022-10-20")};
  out.push_back(v);
  CaseEvent a = step("adjustment_proposal", "proposed", "2022-10-25", od);
  a.facts = {method_fact("method", AdjustmentMethod::kRemoval)};
  out.push_back(a);
  CaseEvent d = step("decision", "adjusted", "2022-11-01",
                     actor(ActorRole::kCollective, AuthorityKind::kPartyCommittee));
  d.facts = {date_fact("decided_on", "2022-11-01"),
             method_fact("method", AdjustmentMethod::kRemoval)};
  d.votes = Votes{11, 9, 8, 0, 1};
  out.push_back(d);
  CaseEvent t = step("talk", "talked", "2022-11-03", od);
  t.facts = {date_fact("talked_on", "2022-11-03")};
  out.push_back(t);
  CaseEvent f = step("formalities", "completed", "2022-11-15",
                     actor(ActorRole::kWorkingBody, AuthorityKind::kPeoplesCongress));
  f.facts = {date_fact("completed_on", "2022-11-15")};
  f.documents = {"appointment_notice"};
  out.push_back(f);
  return out;
}

Case open_unsuitable() {
  Finding f;
  f.cadre_id = "c-0077";
  f.rule_id = "cn-2022.unsuitable.8";
  f.channel = Channel::kUnsuitable;
  f.effective_date = D("2022-10-09");
  f.first_deadline = D("2023-01-07");
  auto c = open_case(procedures(), f, "case-bs-1", "360102", D("2022-10-10"), calendar());
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return std::move(c).value();
}

// --- opening ------------------------------------------------------------------------------

TEST(CaseOpen, AccountabilityFindingOpensTheDefinitionInForceOnItsDate) {
  const Case c = open_accountability();
  EXPECT_EQ(c.header().procedure_id, "cn-2019.accountability");
  EXPECT_EQ(c.header().cadre_id, "c-0042");
  EXPECT_EQ(c.header().opened_by, "finding:cn-2015.accountability.2019:c-0042");
  EXPECT_EQ(c.header().events, 1U);
  EXPECT_EQ(c.state().current_stage(), "start");
  // A finding of 2019-08-30 is under the 2016 regulations.
  auto old = open_case(procedures(), accountability_finding("2019-08-30"), "case-wz-0", "CN",
                       D("2019-09-02"), calendar());
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->header().procedure_id, "cn-2016.accountability");
}

TEST(CaseOpen, UnsuitableFindingOpensTheAdjustmentWithTheFindingsFirstDeadline) {
  const Case c = open_unsuitable();
  EXPECT_EQ(c.header().procedure_id, "cn-2022.unsuitable");
  EXPECT_EQ(c.state().current_stage(), "proposal");
  auto due = cadre::due(c.definition(), c.state(), D("2023-01-10"), calendar());
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1U);
  EXPECT_EQ((*due)[0].stage, "proposal");
  EXPECT_EQ((*due)[0].deadline, D("2023-01-07"));
  EXPECT_TRUE((*due)[0].from_policy);
  EXPECT_TRUE((*due)[0].overdue);
  EXPECT_EQ((*due)[0].working_days_overdue, 2);  // 2023-01-09 and -10
  // A 2015 finding opens the 2015 rules.
  Finding f;
  f.cadre_id = "c-0078";
  f.rule_id = "cn-2015.unsuitable.9";
  f.channel = Channel::kUnsuitable;
  f.effective_date = D("2017-06-30");
  auto old = open_case(procedures(), f, "case-bs-0", "CN", D("2017-07-03"), calendar());
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->header().procedure_id, "cn-2015.unsuitable");
}

TEST(CaseOpen, OtherChannelsAndDaysAreRefused) {
  Finding f = accountability_finding("2019-09-02");
  f.channel = Channel::kAgeLimit;
  auto r = open_case(procedures(), f, "x", "CN", D("2019-09-02"), calendar());
  EXPECT_EQ(r.status().code(), StatusCode::kUnimplemented);
  EXPECT_EQ(r.status().field(), "channel");
  auto early = open_case(procedures(), accountability_finding("2019-09-02"), "x", "CN",
                         D("2019-09-01"), calendar());
  EXPECT_EQ(early.status().field(), "opened_on");
  auto none = open_case(procedures(), accountability_finding("2010-01-04"), "x", "CN",
                        D("2019-09-01"), calendar());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

TEST(CaseOpen, AdmonishmentRecordOpensTheFollowUpAcrossTheSpringFestival) {
  EarlyWarning w;
  w.id = "w-3";
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D("2023-01-19");
  auto c = open_case(procedures(), "c-0099", w, "case-jm-1", "CN", calendar());
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ(c->header().procedure_id, "cn.admonishment");
  EXPECT_EQ(c->state().current_stage(), "self_examination");
  EXPECT_TRUE(c->state().stage("admonition")->by_record);
  // 5 working days after 2023-01-19: 01-20, the make-up weekend 01-28 and 01-29, 01-30, 01-31
  // (Spring Festival 01-21 to 01-27).
  auto due = cadre::due(c->definition(), c->state(), D("2023-02-03"), calendar());
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1U);
  EXPECT_EQ((*due)[0].deadline, D("2023-01-31"));
  EXPECT_FALSE((*due)[0].from_policy);
  EXPECT_TRUE((*due)[0].overdue);
  EXPECT_EQ((*due)[0].working_days_overdue, 3);
  auto on_time = cadre::due(c->definition(), c->state(), D("2023-01-31"), calendar());
  EXPECT_FALSE((*on_time)[0].overdue);

  // The review comes only after six months.
  Case k = std::move(c).value();
  CaseEvent s =
      step("self_examination", "submitted", "2023-01-30",
           {ActorRole::kTheCadre, AuthorityKind::kUnspecified, AuthorityLevel::kNone, ""});
  s.facts = {date_fact("submitted_on", "2023-01-30")};
  s.documents = {"self_examination"};
  ASSERT_FALSE(k.record(s, calendar()).has_value());
  auto review = cadre::due(k.definition(), k.state(), D("2023-03-01"), calendar());
  ASSERT_TRUE(review.ok());
  ASSERT_EQ(review->size(), 1U);
  EXPECT_EQ((*review)[0].stage, "review");
  EXPECT_EQ((*review)[0].effect, DeadlineEffect::kNotBefore);
  EXPECT_EQ((*review)[0].deadline, D("2023-07-20"));  // the first day after six months
  EXPECT_FALSE((*review)[0].overdue);
  CaseEvent rv = step("review", "rectified", "2023-07-19",
                      actor(ActorRole::kWorkingBody, AuthorityKind::kOrganisationDepartment));
  rv.facts = {date_fact("reviewed_on", "2023-07-19")};
  rv.documents = {"rectification_report"};
  auto r = k.record(rv, calendar());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kTooEarly);
  EXPECT_EQ(r->citation.key, "txjm-nc-2016");
  rv.day = D("2023-07-20");
  EXPECT_FALSE(k.record(rv, calendar()).has_value());
  EXPECT_TRUE(k.state().ended());

  EarlyWarning other = w;
  other.kind = EarlyWarningKind::kReminder;
  EXPECT_EQ(open_case(procedures(), "c", other, "x", "CN", calendar()).status().field(), "kind");
  other.kind = EarlyWarningKind::kAdmonishment;
  other.issued_on.reset();
  EXPECT_EQ(open_case(procedures(), "c", other, "x", "CN", calendar()).status().field(),
            "issued_on");
}

// --- through every stage ------------------------------------------------------------------

TEST(CaseRun, Accountability2019ThroughEveryStageWithAnAppeal) {
  Case c = accountability_case(4);
  EXPECT_EQ(c.state().current_stage(), "execution");
  // The execution is due one month after the decision of 2019-09-03: 2019-10-03 falls in the
  // National Day holiday (10-01 to 10-07), so the period ends on 2019-10-08 (民法典 第二百零三条).
  auto due = cadre::due(c.definition(), c.state(), D("2019-10-08"), calendar());
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2U);
  EXPECT_EQ((*due)[0].stage, "execution");
  EXPECT_EQ((*due)[0].deadline, D("2019-10-08"));
  EXPECT_FALSE((*due)[0].overdue);
  // The appeal is open to the cadre until one month after receipt (2019-10-05, a holiday:
  // rolled to 2019-10-08).
  EXPECT_EQ((*due)[1].stage, "appeal");
  EXPECT_TRUE((*due)[1].optional);
  EXPECT_EQ((*due)[1].deadline, D("2019-10-08"));
  EXPECT_EQ((*due)[1].effect, DeadlineEffect::kBarredAfter);
  EXPECT_EQ((*due)[1].citations.front().key, "wztl-2019");
  // A day later the execution is overdue by one working day, and the appeal barred.
  due = cadre::due(c.definition(), c.state(), D("2019-10-09"), calendar());
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1U);
  EXPECT_TRUE((*due)[0].overdue);
  EXPECT_EQ((*due)[0].working_days_overdue, 1);

  // The cadre appeals; the appeal does not stop the execution.
  CaseEvent appeal =
      step("appeal", "filed", "2019-09-20",
           {ActorRole::kTheCadre, AuthorityKind::kUnspecified, AuthorityLevel::kNone, ""});
  appeal.facts = {date_fact("filed_on", "2019-09-20")};
  appeal.documents = {"written_appeal"};
  ASSERT_FALSE(c.record(appeal, calendar()).has_value());
  EXPECT_EQ(c.state().current_stage(), "execution");
  ASSERT_EQ(c.state().awaited.size(), 2U);
  EXPECT_EQ(c.state().awaited[1].stage, "appeal_decision");
  EXPECT_TRUE(c.state().awaited[1].branch);

  ASSERT_FALSE(c.record(accountability_steps()[4], calendar()).has_value());
  EXPECT_TRUE(c.state().main_ended);
  EXPECT_FALSE(c.state().ended());  // the appeal is pending
  EXPECT_TRUE(c.state().late.empty());

  CaseEvent ad = step("appeal_decision", "upheld", "2019-10-18",
                      actor(ActorRole::kWorkingBody, AuthorityKind::kDisciplineCommission));
  ad.facts = {date_fact("decided_on", "2019-10-18")};
  ad.documents = {"appeal_decision"};
  ASSERT_FALSE(c.record(ad, calendar()).has_value());
  EXPECT_TRUE(c.state().ended());
  EXPECT_EQ(c.header().events, 8U);
  EXPECT_FALSE(verify(c.header(), c.events()).has_value());
  auto none = cadre::due(c.definition(), c.state(), D("2019-10-18"), calendar());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(CaseRun, LateExecutionIsKeptAndFlagged) {
  Case c = accountability_case(4);
  CaseEvent exe = accountability_steps()[4];
  exe.day = D("2019-10-10");
  ASSERT_FALSE(c.record(exe, calendar()).has_value());
  ASSERT_EQ(c.state().late.size(), 1U);
  EXPECT_EQ(c.state().late[0].stage, "execution");
  EXPECT_EQ(c.state().late[0].deadline, D("2019-10-08"));
  EXPECT_EQ(c.state().late[0].working_days, 2);
}

TEST(CaseRun, Unsuitable2022ThroughEveryStage) {
  Case c = open_unsuitable();
  const auto steps = unsuitable_steps();
  const std::vector<std::string> expected = {"verification", "adjustment_proposal", "decision",
                                             "talk",         "formalities",         ""};
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto r = c.record(steps[i], calendar());
    ASSERT_FALSE(r.has_value()) << steps[i].stage << ": " << r->message.en;
    EXPECT_EQ(c.state().current_stage(), expected[i]);
  }
  EXPECT_TRUE(c.state().ended());
  EXPECT_EQ(c.state().stage("decision")->votes, (Votes{11, 9, 8, 0, 1}));
  // After the end, nothing more.
  CaseEvent again = steps[4];
  again.day = D("2022-11-20");
  auto r = c.record(again, calendar());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kCaseEnded);
}

// --- rejections ---------------------------------------------------------------------------

std::optional<Rejection> try_step(Case c, const CaseEvent &e) { return c.record(e, calendar()); }

TEST(CaseReject, StepOutOfOrder) {
  Case c = open_unsuitable();
  ASSERT_FALSE(c.record(unsuitable_steps()[0], calendar()).has_value());
  const auto r = try_step(c, unsuitable_steps()[0]);  // the proposal again
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kOutOfOrder);
  EXPECT_EQ(r->field, "stage");
  EXPECT_EQ(r->citation.key, "lnsx-2022");
  EXPECT_NE(r->message.zh_cn.find("不符合规定的程序顺序"), std::string::npos);
  EXPECT_NE(r->message.en.find("awaiting \"verification\""), std::string::npos);
  EXPECT_EQ(c.header().events, 2U);  // nothing logged
}

TEST(CaseReject, DecisionBeforeItsInvestigation) {
  const Case c = accountability_case(1);
  const auto r = try_step(c, accountability_steps()[2]);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kPriorStageMissing);
  EXPECT_NE(r->message.zh_cn.find("不得先于调查作出决定"), std::string::npos);
  EXPECT_NE(r->message.en.find("no decision before its investigation"), std::string::npos);
  EXPECT_EQ(r->citation.key, "wztl-2019");
  EXPECT_EQ(r->citation.verification, Verification::kRecalled);
}

TEST(CaseReject, MissingFactAndDocument) {
  const Case c = accountability_case(1);
  CaseEvent inv = accountability_steps()[1];
  inv.facts.pop_back();  // reported_on
  auto r = try_step(c, inv);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kMissingFact);
  EXPECT_EQ(r->field, "facts.reported_on");
  EXPECT_NE(r->message.zh_cn.find("问责调查报告日期"), std::string::npos);
  inv = accountability_steps()[1];
  inv.documents.clear();
  r = try_step(c, inv);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kMissingDocument);
  EXPECT_EQ(r->field, "documents.investigation_report");
  // The decision without its votes.
  const Case d = accountability_case(2);
  CaseEvent dec = accountability_steps()[2];
  dec.votes.reset();
  r = try_step(d, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kMissingFact);
  EXPECT_EQ(r->field, "votes");
}

TEST(CaseReject, ActorWithoutTheAuthority) {
  const Case c = accountability_case(2);
  CaseEvent dec = accountability_steps()[2];
  dec.actor = actor(ActorRole::kWorkingBody, AuthorityKind::kOrganisationDepartment);
  auto r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kNoAuthority);
  EXPECT_EQ(r->field, "actor.role");
  dec.actor = actor(ActorRole::kCollective, AuthorityKind::kGovernment);
  r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->field, "actor.body");
  dec.actor =
      actor(ActorRole::kCollective, AuthorityKind::kPartyCommittee, AuthorityLevel::kOneLevelUp);
  r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->field, "actor.level");
  EXPECT_NE(r->message.en.find("the actor lacks the authority (actor.level)"), std::string::npos);
}

TEST(CaseReject, QuorumAndMajorityNameTheirRule) {
  const Case c = accountability_case(2);
  CaseEvent dec = accountability_steps()[2];
  dec.votes = Votes{9, 5, 5, 0, 0};  // 5 of 9: under two thirds
  auto r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kQuorumNotMet);
  EXPECT_EQ(r->field, "votes.present");
  EXPECT_EQ(r->citation.key, "gbrm-shouze");
  EXPECT_EQ(r->citation.item, "第3条");
  EXPECT_NE(r->message.zh_cn.find("2/3以上（应到会成员）"), std::string::npos);
  EXPECT_NE(r->message.en.find("[rule gbrm-shouze 第3条]"), std::string::npos);
  dec.votes = Votes{9, 7, 4, 2, 1};  // a majority of those present, not of those due
  r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kMajorityNotMet);
  EXPECT_EQ(r->field, "votes.in_favour");
  EXPECT_NE(r->message.en.find("more than 1/2 of the members due to attend"), std::string::npos);
  dec.votes = Votes{9, 6, 5, 0, 0};  // exactly two thirds attend: 以上 includes the bound
  EXPECT_FALSE(try_step(c, dec).has_value());
  dec.votes = Votes{9, 7, 6, 2, 0};  // more votes than members present
  r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kInvalidVotes);
}

TEST(CaseReject, DatedBeforeThePreviousEvent) {
  const Case c = accountability_case(2);
  CaseEvent dec = accountability_steps()[2];
  dec.day = D("2019-09-01");
  const auto r = try_step(c, dec);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kDateBeforePrevious);
  EXPECT_EQ(r->field, "day");
  EXPECT_EQ(r->citation.key, "wztl-2019");
}

TEST(CaseReject, AfterTheCaseEnded) {
  const Case c = accountability_case(5);
  ASSERT_TRUE(c.state().ended());
  const auto r = try_step(c, accountability_steps()[4]);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kCaseEnded);
  // A party's branch may still open it within its period...
  CaseEvent appeal =
      step("appeal", "filed", "2019-10-08",
           {ActorRole::kTheCadre, AuthorityKind::kUnspecified, AuthorityLevel::kNone, ""});
  appeal.facts = {date_fact("filed_on", "2019-10-08")};
  appeal.documents = {"written_appeal"};
  EXPECT_FALSE(try_step(c, appeal).has_value());
  // ...and not after it.
  appeal.day = D("2019-10-09");
  const auto late = try_step(c, appeal);
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->reason, CaseRejection::kOutOfTime);
  EXPECT_EQ(late->citation.key, "wztl-2019");
}

TEST(CaseReject, ConditionsMethodsAndUnknownKeys) {
  const Case c = accountability_case(0);
  CaseEvent start = accountability_steps()[0];
  start.facts[2].yes = false;
  auto r = try_step(c, start);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kConditionNotMet);
  EXPECT_EQ(r->field, "facts.approved");
  start = accountability_steps()[0];
  start.stage = "nowhere";
  EXPECT_EQ(try_step(c, start)->reason, CaseRejection::kUnknownStage);
  start = accountability_steps()[0];
  start.outcome = "maybe";
  EXPECT_EQ(try_step(c, start)->reason, CaseRejection::kUnknownOutcome);
  start = accountability_steps()[0];
  start.facts.push_back(text_fact("mood", "x"));
  r = try_step(c, start);
  EXPECT_EQ(r->reason, CaseRejection::kInvalidFact);
  EXPECT_EQ(r->field, "facts[3].key");
  start = accountability_steps()[0];
  start.facts[1].type = FactType::kText;
  EXPECT_EQ(try_step(c, start)->field, "facts[1].type");

  // 改任非领导职务 was a method of 2015, not of 2022.
  Case u = open_unsuitable();
  const auto steps = unsuitable_steps();
  for (std::size_t i = 0; i < 3; ++i) ASSERT_FALSE(u.record(steps[i], calendar()).has_value());
  CaseEvent d = steps[3];
  d.facts[1].method = AdjustmentMethod::kNonLeadershipPost;
  r = try_step(u, d);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kMethodNotAllowed);
  EXPECT_EQ(r->citation.key, "lnsx-2022");
  EXPECT_EQ(r->citation.verification, Verification::kRecalled);
}

TEST(CaseReject, OpeningOnceAndFirst) {
  Case bare(
      CaseHeader{"x", "cn-2019.accountability", "c", "CN", D("2019-09-02"), "", 0, {}},
      std::make_shared<const ProcedureDefinition>(*procedures().find("cn-2019.accountability")));
  auto r = bare.record(accountability_steps()[0], calendar());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kNotOpening);
  CaseEvent open;
  open.kind = CaseEventKind::kOpen;
  open.stage = "start";
  open.day = D("2019-09-02");
  open.definition_hash = "0000";
  r = bare.record(open, calendar());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->field, "definition_hash");
  open.definition_hash = content_hash(bare.definition());
  ASSERT_FALSE(bare.record(open, calendar()).has_value());
  r = bare.record(open, calendar());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason, CaseRejection::kNotOpening);
}

TEST(CaseReject, EveryReasonHasBothTexts) {
  for (int n = 1; n <= 20; ++n) {
    const auto reason = static_cast<CaseRejection>(n);
    EXPECT_FALSE(label(reason, Language::kZhCn).empty()) << n;
    EXPECT_FALSE(label(reason, Language::kEn).empty()) << n;
  }
}

// --- replay, chain, tampering -------------------------------------------------------------

TEST(CaseChain, ReplayEqualsTheStateBuiltEventByEvent) {
  Case c = open_accountability();
  std::vector<CaseState> states = {c.state()};
  auto steps = accountability_steps();
  CaseEvent appeal =
      step("appeal", "filed", "2019-09-20",
           {ActorRole::kTheCadre, AuthorityKind::kUnspecified, AuthorityLevel::kNone, ""});
  appeal.facts = {date_fact("filed_on", "2019-09-20")};
  appeal.documents = {"written_appeal"};
  steps.insert(steps.begin() + 4, appeal);
  for (const CaseEvent &e : steps) {
    ASSERT_FALSE(c.record(e, calendar()).has_value()) << e.stage;
    states.push_back(c.state());
  }
  for (std::size_t n = 1; n <= c.events().size(); ++n) {
    const std::vector<LoggedEvent> prefix(c.events().begin(),
                                          c.events().begin() + static_cast<std::ptrdiff_t>(n));
    auto replayed = replay(c.definition(), prefix, calendar());
    ASSERT_TRUE(replayed.ok()) << replayed.status().to_string();
    EXPECT_EQ(*replayed, states[n - 1]) << "prefix " << n;
    EXPECT_EQ(canonical_text(*replayed), canonical_text(states[n - 1]));
  }
}

TEST(CaseChain, TamperingIsFoundAtTheFirstBadEvent) {
  const Case c = accountability_case(5);
  const CaseHeader &h = c.header();
  ASSERT_EQ(h.events, 6U);
  EXPECT_FALSE(verify(h, c.events()).has_value());

  auto altered = c.events();
  altered[3].bytes[altered[3].bytes.size() / 2] ^= 0x01;
  EXPECT_EQ(verify(h, altered), 3U);

  auto removed = c.events();
  removed.erase(removed.begin() + 2);
  EXPECT_EQ(verify(h, removed), 2U);

  auto reordered = c.events();
  std::swap(reordered[2], reordered[3]);
  EXPECT_EQ(verify(h, reordered), 2U);

  auto inserted = c.events();
  LoggedEvent extra = inserted[1];
  inserted.insert(inserted.begin() + 2, extra);
  EXPECT_EQ(verify(h, inserted), 2U);

  auto truncated = c.events();
  truncated.pop_back();
  EXPECT_EQ(verify(h, truncated), 5U);

  // A re-chained forgery (every link recomputed) still differs from the head the store keeps.
  auto forged = c.events();
  auto ev = decode_event(forged[3].bytes);
  ASSERT_TRUE(ev.ok());
  CaseEvent changed = *ev;
  changed.facts[0].date = D("2019-09-06");
  forged[3].bytes = encode_event(changed).value();
  for (std::size_t i = 3; i < forged.size(); ++i) {
    forged[i].prev = forged[i - 1].link;
    forged[i].link = chain_link(forged[i].prev, forged[i].seq, forged[i].bytes);
  }
  EXPECT_EQ(verify(h, forged), 5U);

  // Bytes that no longer decode are named by replay.
  auto r = replay(c.definition(), altered, calendar());
  if (!r.ok()) {
    EXPECT_EQ(r.status().field().rfind("events[3]", 0), 0U) << r.status().to_string();
  }
}

// --- the appeal's findings diff -----------------------------------------------------------

Cadre accountable_cadre() {
  Cadre c;
  c.id = "c-0042";
  c.sex = Sex::kMale;
  c.birth_date = D("1975-05-05");
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  Post p;
  p.id = "p1";
  p.title = "县长";
  p.rank_level = RankLevel::kCountyPrincipal;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2018-01-01");
  p.region_code = "360102";
  c.posts.push_back(p);
  AccountabilityDecision d;
  d.id = "d1";
  d.forms = {AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kRemoval};
  d.decided_on = D("2019-09-03");
  d.document_number = "某纪〔2019〕12号";
  c.accountability_decisions.push_back(d);
  return c;
}

TEST(CaseAppeal, ACorrectedFactRerunsScreeningAndTheCaseRecordsTheDiff) {
  const Engine engine;
  const Cadre before = accountable_cadre();
  const Date as_of = D("2019-09-04");
  const auto findings = engine.screen(before, as_of);
  const auto it = std::find_if(findings.begin(), findings.end(), [](const Finding &f) {
    return f.channel == Channel::kAccountability;
  });
  ASSERT_NE(it, findings.end());
  auto opened = open_case(procedures(), *it, "case-wz-2", "360102", D("2019-09-04"), calendar());
  ASSERT_TRUE(opened.ok()) << opened.status().to_string();
  Case c = std::move(opened).value();
  EXPECT_EQ(c.definition().id, "cn-2019.accountability");

  // On appeal the decision is found to be a circulated criticism only.
  Cadre after = before;
  after.accountability_decisions[0].forms = {AccountabilityForm::kCirculatedCriticism};
  after.accountability_decisions[0].measures.clear();
  auto diff = rescreen(engine, before, after, as_of);
  ASSERT_TRUE(diff.ok());
  ASSERT_FALSE(diff->changes.empty());
  EXPECT_EQ(diff->as_of, as_of);
  EXPECT_EQ(diff->changes[0].kind, FindingChangeKind::kDisappeared);
  EXPECT_EQ(diff->changes[0].rule_id, it->rule_id);
  EXPECT_EQ(diff->changes[0].before, FindingStatus::kActive);
  Cadre stranger = after;
  stranger.id = "c-1";
  EXPECT_EQ(rescreen(engine, before, stranger, as_of).status().field(), "id");

  auto steps = accountability_steps();
  for (CaseEvent &e : steps) e.day = std::max(e.day, as_of);
  for (std::size_t i = 0; i < 4; ++i) ASSERT_FALSE(c.record(steps[i], calendar()).has_value());
  CaseEvent appeal =
      step("appeal", "filed", "2019-09-20",
           {ActorRole::kTheCadre, AuthorityKind::kUnspecified, AuthorityLevel::kNone, ""});
  appeal.facts = {date_fact("filed_on", "2019-09-20")};
  appeal.documents = {"written_appeal"};
  appeal.correction = Correction{"accountability_decisions[0].forms", "d1", "evidence:e-5"};
  appeal.diff = *diff;
  ASSERT_FALSE(c.record(appeal, calendar()).has_value());
  ASSERT_EQ(c.state().appeals.size(), 1U);
  EXPECT_EQ(c.state().appeals[0], *diff);
  // The diff is part of the chained bytes: replay restores it.
  auto replayed = replay(c.definition(), c.events(), calendar());
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ(replayed->appeals, c.state().appeals);

  // A changed finding lists its fields.
  Finding a = *it;
  Finding b = *it;
  b.status = FindingStatus::kExempted;
  b.first_deadline = D("2019-12-31");
  const FindingsDiff changed = diff_findings(as_of, {a}, {b});
  ASSERT_EQ(changed.changes.size(), 1U);
  EXPECT_EQ(changed.changes[0].kind, FindingChangeKind::kChanged);
  EXPECT_EQ(changed.changes[0].fields, (std::vector<std::string>{"first_deadline", "status"}));
  const FindingsDiff appeared = diff_findings(as_of, {}, {b});
  EXPECT_EQ(appeared.changes[0].kind, FindingChangeKind::kAppeared);
  EXPECT_TRUE(diff_findings(as_of, {a}, {a}).changes.empty());
}

TEST(CaseAppeal, ACorrectedFactRerunsEligibilityAsOfTheOriginalDay) {
  const Engine engine;
  Cadre before = accountable_cadre();
  before.accountability_decisions.clear();
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kSeriousWarning;
  s.effective_on = D("2023-03-31");
  before.party_sanctions.push_back(s);
  const Date as_of = D("2024-01-01");
  // On appeal the sanction is found to be a warning, not a serious warning.
  Cadre after = before;
  after.party_sanctions[0].kind = PartySanctionKind::kWarning;
  auto diff = reassess(engine, before, after, EligibilityTarget::kHigherLevel,
                       RankLevel::kUnspecified, as_of);
  ASSERT_TRUE(diff.ok());
  ASSERT_EQ(diff->changes.size(), 1U);
  EXPECT_EQ(diff->changes[0].kind, FindingChangeKind::kChanged);
  EXPECT_EQ(diff->changes[0].rule_id, "cn-common.up.party-sanctions.2018@ps1");
  EXPECT_NE(std::find(diff->changes[0].fields.begin(), diff->changes[0].fields.end(), "lifts_on"),
            diff->changes[0].fields.end());
  // Found to be no sanction at all: the blocker disappears.
  after.party_sanctions.clear();
  diff = reassess(engine, before, after, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified,
                  as_of);
  ASSERT_TRUE(diff.ok());
  ASSERT_EQ(diff->changes.size(), 1U);
  EXPECT_EQ(diff->changes[0].kind, FindingChangeKind::kDisappeared);
  EXPECT_EQ(diff->changes[0].before, FindingStatus::kActive);
  // And the reverse: it appears.
  diff = reassess(engine, after, before, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified,
                  as_of);
  ASSERT_TRUE(diff.ok());
  ASSERT_EQ(diff->changes.size(), 1U);
  EXPECT_EQ(diff->changes[0].kind, FindingChangeKind::kAppeared);
  after.id = "c-1";
  EXPECT_EQ(reassess(engine, before, after, EligibilityTarget::kHigherLevel,
                     RankLevel::kUnspecified, as_of)
                .status()
                .field(),
            "id");
}

// --- decision records ---------------------------------------------------------------------

TEST(CaseDecision, ARecordIsReDerivedAndATamperedInputIsNamed) {
  const Case c = accountability_case(5);
  auto rec = decision_record(c, 4, calendar());  // the decision
  ASSERT_TRUE(rec.ok()) << rec.status().to_string();
  EXPECT_EQ(rec->id, "case-wz-1:4");
  EXPECT_EQ(rec->operation, "case.apply");
  EXPECT_EQ(rec->as_of, D("2019-09-03"));
  EXPECT_EQ(rec->catalogue.id, "cn-2019.accountability");
  EXPECT_EQ(rec->catalogue.content_hash, content_hash(c.definition()));
  EXPECT_EQ(rec->request_hash.size(), 64U);
  EXPECT_EQ(rec->response_hash.size(), 64U);
  EXPECT_TRUE(rederive(*rec, c.definition(), c.events(), calendar()).ok());
  EXPECT_EQ(decision_record(c, 9, calendar()).status().field(), "seq");

  ProcedureDefinition other = c.definition();
  other.stages[2].deadline.reset();
  other.version = "2";
  EXPECT_EQ(rederive(*rec, other, c.events(), calendar()).field(), "catalogue.content_hash");
  auto events = c.events();
  events[2].bytes[10] ^= 0x01;
  EXPECT_EQ(rederive(*rec, c.definition(), events, calendar()).field(), "events[2]");
  DecisionRecord wrong = *rec;
  wrong.response_hash[0] = wrong.response_hash[0] == '0' ? '1' : '0';
  EXPECT_EQ(rederive(wrong, c.definition(), c.events(), calendar()).field(), "response_hash");
  wrong = *rec;
  wrong.request_hash[0] = wrong.request_hash[0] == '0' ? '1' : '0';
  EXPECT_EQ(rederive(wrong, c.definition(), c.events(), calendar()).field(), "request_hash");
  wrong.id = "case-wz-1:x";
  EXPECT_EQ(rederive(wrong, c.definition(), c.events(), calendar()).field(), "id");
}

// --- the canonical encoding ---------------------------------------------------------------

CaseEvent full_event() {
  CaseEvent e = accountability_steps()[2];
  e.facts.push_back(bool_fact("b", true));
  e.facts.push_back(method_fact("m", AdjustmentMethod::kDemotion));
  SuppliedFact n;
  n.key = "n";
  n.type = FactType::kInteger;
  n.number = -42;
  e.facts.push_back(n);
  SuppliedFact rec;
  rec.key = "r";
  rec.type = FactType::kRecord;
  rec.text = "early_warnings:w-1";
  e.facts.push_back(rec);
  e.documents = {"z", "a"};
  e.note_id = "note-1";
  e.opened_by = "finding:x:c";
  e.definition_hash = std::string(64, 'a');
  e.due_by = D("2020-02-29");
  e.correction = Correction{"birth_date", "", "evidence:e-1"};
  e.diff = FindingsDiff{D("2019-09-04"),
                        {{FindingChangeKind::kChanged,
                          "r2",
                          Channel::kUnsuitable,
                          FindingStatus::kActive,
                          FindingStatus::kSuspended,
                          {"status"}},
                         {FindingChangeKind::kAppeared,
                          "r1",
                          Channel::kTerm,
                          FindingStatus::kUnspecified,
                          FindingStatus::kActive,
                          {}}}};
  return e;
}

TEST(CaseCodec, RoundTripIsCanonical) {
  const CaseEvent e = full_event();
  auto bytes = encode_event(e);
  ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
  EXPECT_EQ(bytes->substr(0, 4), std::string("CEV\x01", 4));
  auto back = decode_event(*bytes);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  // Facts, documents and changes come back in canonical order.
  EXPECT_EQ(back->facts.front().key, "b");
  EXPECT_EQ(back->documents, (std::vector<std::string>{"a", "z"}));
  EXPECT_EQ(back->diff->changes.front().rule_id, "r1");
  EXPECT_EQ(back->facts[3].number, -42);
  EXPECT_EQ(back->votes, e.votes);
  EXPECT_EQ(back->correction, e.correction);
  EXPECT_EQ(encode_event(*back).value(), *bytes);
  // The same event in another order has the same bytes.
  CaseEvent shuffled = e;
  std::reverse(shuffled.facts.begin(), shuffled.facts.end());
  EXPECT_EQ(encode_event(shuffled).value(), *bytes);
}

TEST(CaseCodec, TheEncoderRefusesWhatHasNoCanonicalForm) {
  CaseEvent e = full_event();
  e.facts.push_back(bool_fact("b", false));
  EXPECT_EQ(encode_event(e).status().field(), "facts[1].key");
  e = full_event();
  e.note_id = "\xff";
  EXPECT_EQ(encode_event(e).status().field(), "note_id");
  e = full_event();
  e.facts[0].type = FactType::kVotes;
  EXPECT_EQ(encode_event(e).status().code(), StatusCode::kInvalidArgument);
  e = full_event();
  e.votes->present = -1;
  EXPECT_EQ(encode_event(e).status().field(), "votes.present");
  e = full_event();
  e.documents = {"a", "a"};
  EXPECT_EQ(encode_event(e).status().field(), "documents[1]");
}

TEST(CaseCodec, TheDecoderRefusesTruncatedAndGarbledBytesNamingTheField) {
  const std::string bytes = encode_event(full_event()).value();
  // Every truncation is refused, with a field named.
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = decode_event(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
    EXPECT_FALSE(r.status().field().empty()) << n;
  }
  EXPECT_EQ(decode_event(bytes.substr(0, 3)).status().field(), "magic");
  EXPECT_EQ(decode_event(bytes + "x").status().field(), "");
  std::string bad = bytes;
  bad[4] = 7;
  EXPECT_EQ(decode_event(bad).status().field(), "kind");
  bad = bytes;
  bad[3] = 2;
  EXPECT_EQ(decode_event(bad).status().field(), "magic");
  // The day: right after kind (1), stage "decision" (4 + 8) and outcome "accountable" (4 + 11).
  bad = bytes;
  bad[4 + 1 + 12 + 15 + 2] = 13;  // month 13
  EXPECT_EQ(decode_event(bad).status().field(), "day");
  // A string that is not UTF-8.
  bad = bytes;
  bad[4 + 1 + 4] = '\xff';
  EXPECT_EQ(decode_event(bad).status().field(), "stage");
  // Facts out of order.
  CaseEvent two;
  two.stage = "s";
  two.day = D("2020-01-01");
  two.facts = {bool_fact("a", true), bool_fact("b", true)};
  std::string ordered = encode_event(two).value();
  const auto a =
      ordered.find(std::string("\x00\x00\x00\x01"
                               "a",
                               5));
  const auto b =
      ordered.find(std::string("\x00\x00\x00\x01"
                               "b",
                               5));
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  std::swap(ordered[a + 4], ordered[b + 4]);
  EXPECT_EQ(decode_event(ordered).status().field(), "facts[1].key");
  // A flag that is neither 0 nor 1.
  std::string flag = encode_event(two).value();
  flag[flag.size() - 1] = 2;  // the diff flag is the last byte
  EXPECT_EQ(decode_event(flag).status().field(), "diff");
  // A bool fact that is neither 0 nor 1.
  std::string yes = encode_event(two).value();
  yes[a + 4 + 1 + 4] = 5;
  EXPECT_EQ(decode_event(yes).status().field(), "facts[0].yes");
}

// The decoder that reuses one event (replaying a store) gives what a fresh decode gives, whatever
// the event held before: a full event, then a bare one, then the full one again, and after a
// failed decode.
TEST(CaseCodec, DecodingIntoAReusedEventLeavesNothingOfThePreviousOne) {
  CaseEvent bare;
  bare.stage = "s";
  bare.day = D("2020-01-01");
  bare.facts = {bool_fact("a", true)};
  const std::string full = encode_event(full_event()).value();
  const std::string small = encode_event(bare).value();
  CaseEvent reused;
  for (const std::string *bytes : {&full, &small, &full, &small}) {
    ASSERT_TRUE(decode_event_into(*bytes, reused).ok());
    EXPECT_EQ(reused, decode_event(*bytes).value());
  }
  EXPECT_EQ(decode_event_into(full.substr(0, full.size() - 3), reused).code(),
            StatusCode::kDataLoss);
  ASSERT_TRUE(decode_event_into(small, reused).ok());
  EXPECT_EQ(reused, decode_event(small).value());
  // The same fact key with another type: the value of the other type is reset.
  CaseEvent text = bare;
  text.facts[0].type = FactType::kText;
  text.facts[0].text = "ref-1";
  ASSERT_TRUE(decode_event_into(encode_event(text).value(), reused).ok());
  ASSERT_TRUE(decode_event_into(small, reused).ok());
  EXPECT_EQ(reused.facts[0].text, "");
  EXPECT_TRUE(reused.facts[0].yes);
}

}  // namespace
}  // namespace cadre
