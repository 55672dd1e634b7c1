// The 容错认定 case (issue 11 §1): a pending claim opens the case, its decision is a step,
// the decided claim flows into screening and eligibility from its day and not before, applies
// once, and the remedial measures (纠错) the decision sets are followed as tasks of the case,
// due and overdue on the working-day calendar across the 2025 National Day holiday.
#include "cadre/exemption_case.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cadre/eligibility.hpp"
#include "cadre/screening.hpp"
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

const Engine &engine() {
  static const Engine kEngine;
  return kEngine;
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

SuppliedFact int_fact(std::string key, std::int64_t n) {
  SuppliedFact f;
  f.key = std::move(key);
  f.type = FactType::kInteger;
  f.number = n;
  return f;
}

CaseEvent step(std::string stage, std::string outcome, std::string_view day, ActorRole role,
               AuthorityKind body) {
  CaseEvent e;
  e.kind = CaseEventKind::kStep;
  e.stage = std::move(stage);
  e.outcome = std::move(outcome);
  e.day = D(day);
  e.actor = {role, body, AuthorityLevel::kManaging, "org-360102"};
  return e;
}

// The claim as the roster holds it before the decision (a draft of tolerance_evaluate).
ExemptionClaim pending_claim() {
  ExemptionClaim e;
  e.id = "rc-1";
  e.concerns = {RecordKind::kAccountabilityDecision, "ad1", {}};
  e.grounds = {ExemptionGround::kReformTrial};
  e.decision = ExemptionDecision::kPending;
  e.effects_cancelled = {ExemptionEffect::kNegativeEvaluation, ExemptionEffect::kPromotion};
  e.claimed_on = D("2025-06-20");
  return e;
}

// A county head with a 问责 decision of 2025-06-03: 诫勉 and removal (组织调整).
Cadre cadre() {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kMale;
  c.birth_date = D("1975-05-05");
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  c.work_start_date = D("1997-07-01");
  c.grassroots_months = 60;
  Post p;
  p.id = "p1";
  p.rank_level = RankLevel::kCountyPrincipal;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2018-01-01");
  p.region_code = "360102";
  c.posts.push_back(p);
  AccountabilityDecision d;
  d.id = "ad1";
  d.forms = {AccountabilityForm::kAdmonishment, AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kRemoval};
  d.decided_on = D("2025-06-03");
  c.accountability_decisions.push_back(d);
  c.exemption_claims.push_back(pending_claim());
  return c;
}

// The case from the claim to the decision of Friday 2025-09-26 (免责), which sets two remedial
// measures: r1 within 5 working days, r2 by 2025-10-09.
Case decided_case(const std::string &outcome = "exempt") {
  auto opened =
      open_case(procedures(), "c1", pending_claim(), "rc-case-1", "CN", std::nullopt, calendar());
  EXPECT_TRUE(opened.ok()) << opened.status().to_string();
  Case c = std::move(opened).value();
  const auto ok = [&](CaseEvent e) {
    const auto r = c.record(e, calendar());
    EXPECT_FALSE(r.has_value()) << r->message.en;
  };
  CaseEvent e = step("acceptance", "accepted", "2025-06-23", ActorRole::kWorkingBody,
                     AuthorityKind::kOrganisationDepartment);
  e.facts = {date_fact("accepted_on", "2025-06-23")};
  ok(e);
  e = step("verification", "verified", "2025-08-15", ActorRole::kCaseGroup,
           AuthorityKind::kOrganisationDepartment);
  e.facts = {date_fact("verified_on", "2025-08-15"), text_fact("evaluation_ref", "ev-rc-1")};
  ok(e);
  e = step("deliberation", "proposed", "2025-09-10", ActorRole::kCollective,
           AuthorityKind::kPartyCommittee);
  e.facts = {date_fact("deliberated_on", "2025-09-10"), text_fact("proposal", "exempt")};
  ok(e);
  e = step("decision", outcome, "2025-09-26", ActorRole::kCollective,
           AuthorityKind::kPartyCommittee);
  e.facts = {date_fact("decided_on", "2025-09-26"), int_fact("remedy.r1.working_days", 5),
             date_fact("remedy.r2.due_on", "2025-10-09")};
  e.document_ref = "赣容〔2025〕3号";
  ok(e);
  return c;
}

const Due *due_task(const std::vector<Due> &list, std::string_view task) {
  for (const Due &d : list) {
    if (d.task == task) return &d;
  }
  return nullptr;
}

bool active(const std::vector<Finding> &fs, std::string_view rule) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding &f) {
    return f.rule_id == rule && f.status == FindingStatus::kActive;
  });
}

const Finding *get(const std::vector<Finding> &fs, std::string_view rule) {
  for (const Finding &f : fs) {
    if (f.rule_id == rule) return &f;
  }
  return nullptr;
}

EligibilityAnswer up(const Cadre &c, std::string_view as_of) {
  return eligibility(c, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified, D(as_of),
                     engine());
}

TEST(ExemptionCase, ShippedDefinitionRecordsTheDecisionAndItsRemedialMeasures) {
  const ProcedureDefinition *d = procedures().find("cn.exemption-review");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->kind, ProcedureKind::kExemptionReview);
  EXPECT_TRUE(check_procedure(*d).ok());
  const Stage *decision = d->stage("decision");
  ASSERT_NE(decision, nullptr);
  ASSERT_EQ(decision->outcomes.size(), 4U);
  EXPECT_EQ(decision->outcome("exempt")->exemption_decision, ExemptionDecision::kExempt);
  EXPECT_EQ(decision->outcome("lighter")->exemption_decision, ExemptionDecision::kLighter);
  EXPECT_EQ(decision->outcome("mitigated")->exemption_decision, ExemptionDecision::kMitigated);
  EXPECT_EQ(decision->outcome("denied")->exemption_decision, ExemptionDecision::kDenied);
  const Stage *remedy = d->stage("remedy");
  ASSERT_NE(remedy, nullptr);
  EXPECT_EQ(remedy->entry, StageEntry::kTask);
  EXPECT_EQ(remedy->branch_from, "decision");
  // No period was seen in any source: no stage has a deadline, and every step is tagged.
  for (const Stage &s : d->stages) {
    EXPECT_FALSE(s.deadline.has_value()) << s.key;
    ASSERT_FALSE(s.citations.empty()) << s.key;
    for (const Citation &c : s.citations) {
      EXPECT_NE(c.verification, Verification::kUnspecified) << s.key;
    }
  }
}

TEST(ExemptionCase, FromClaimToDecision) {
  auto opened =
      open_case(procedures(), "c1", pending_claim(), "rc-case-1", "CN", std::nullopt, calendar());
  ASSERT_TRUE(opened.ok()) << opened.status().to_string();
  EXPECT_EQ(opened->header().opened_by, "record:exemption_claims:rc-1");
  EXPECT_EQ(opened->state().current_stage(), "acceptance");
  EXPECT_TRUE(opened->state().stage("application")->by_record);
  auto pending = exemption_decision(*opened);
  ASSERT_TRUE(pending.ok()) << pending.status().to_string();
  EXPECT_FALSE(pending->decided);
  EXPECT_EQ(pending->claim.id, "rc-1");
  EXPECT_EQ(pending->claim.decision, ExemptionDecision::kPending);
  EXPECT_EQ(pending->claim.concerns, (RecordRef{RecordKind::kAccountabilityDecision, "ad1", {}}));
  EXPECT_EQ(pending->claim.claimed_on, D("2025-06-20"));

  const Case c = decided_case();
  auto decided = exemption_decision(c);
  ASSERT_TRUE(decided.ok()) << decided.status().to_string();
  EXPECT_TRUE(decided->decided);
  EXPECT_EQ(decided->claim.decision, ExemptionDecision::kExempt);
  EXPECT_EQ(decided->claim.decided_on, D("2025-09-26"));
  EXPECT_EQ(decided->claim.authority, AuthorityKind::kPartyCommittee);
  EXPECT_EQ(decided->decided_by, "org-360102");
  EXPECT_EQ(decided->document_ref, "赣容〔2025〕3号");
  EXPECT_EQ(decided->claim.effects_cancelled,
            (std::vector<ExemptionEffect>{ExemptionEffect::kNegativeEvaluation,
                                          ExemptionEffect::kPromotion}));
  EXPECT_EQ(decided->remedial_measures, (std::vector<std::string>{"r1", "r2"}));
  // The same from the stored events and the replayed state.
  auto state = replay(c.definition(), c.events(), calendar());
  ASSERT_TRUE(state.ok());
  auto again = exemption_decision(c.definition(), *state, c.events());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *decided);
  // The decision records of the events re-derive, the tasks included.
  for (std::uint64_t seq = 1; seq <= c.events().size(); ++seq) {
    auto r = decision_record(c, seq, calendar());
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(rederive(*r, c.definition(), c.events(), calendar()).ok()) << seq;
  }
  EXPECT_NE(canonical_text(c.state()).find("awaited=remedy branch 2025-09-26 task r1 2025-10-10"),
            std::string::npos);
}

TEST(ExemptionCase, EachOutcomeIsItsDecision) {
  for (const auto &[outcome, decision] : {std::pair{"lighter", ExemptionDecision::kLighter},
                                          std::pair{"mitigated", ExemptionDecision::kMitigated},
                                          std::pair{"denied", ExemptionDecision::kDenied}}) {
    auto d = exemption_decision(decided_case(outcome));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->claim.decision, decision) << outcome;
  }
}

TEST(ExemptionCase, AppliesInScreeningAndEligibilityFromItsDayAndNotBefore) {
  const auto decided = exemption_decision(decided_case());
  ASSERT_TRUE(decided.ok());
  Cadre c = cadre();
  ASSERT_TRUE(merge_exemption_decisions(c, {decided->claim}).ok());
  const std::string rule = "cn-2022.accountability.adjustment";
  // The day before the decision: the pending claim counts for nothing.
  const auto before = engine().screen(c, D("2025-09-25"));
  EXPECT_TRUE(active(before, rule));
  EXPECT_TRUE(get(before, rule)->exemptions.empty());
  const EligibilityAnswer up_before = up(c, "2025-09-25");
  EXPECT_TRUE(std::any_of(up_before.blockers.begin(), up_before.blockers.end(),
                          [](const Blocker &b) { return b.record.id == "ad1"; }));
  EXPECT_TRUE(up_before.waived.empty());
  EXPECT_TRUE(up_before.exemptions_applied.empty());
  // The decision day: exempted in screening, waived in eligibility, once each.
  const auto on = engine().screen(c, D("2025-09-26"));
  EXPECT_FALSE(active(on, rule));
  ASSERT_NE(get(on, rule), nullptr);
  EXPECT_EQ(get(on, rule)->status, FindingStatus::kExempted);
  ASSERT_EQ(get(on, rule)->exemptions.size(), 1U);
  EXPECT_EQ(get(on, rule)->exemptions[0].claim_id, "rc-1");
  const EligibilityAnswer up_on = up(c, "2025-09-26");
  EXPECT_FALSE(std::any_of(up_on.blockers.begin(), up_on.blockers.end(),
                           [](const Blocker &b) { return b.record.id == "ad1"; }));
  ASSERT_FALSE(up_on.waived.empty());
  EXPECT_EQ(up_on.waived[0].exemption_claim_id, "rc-1");
  EXPECT_EQ(up_on.exemptions_applied, std::vector<std::string>{"rc-1"});
}

TEST(ExemptionCase, AppliesOnceWhenTheClaimIsAlsoInTheRoster) {
  const auto decided = exemption_decision(decided_case());
  ASSERT_TRUE(decided.ok());
  Cadre c = cadre();
  ASSERT_TRUE(merge_exemption_decisions(c, {decided->claim}).ok());
  // The pending claim is replaced: one claim, decided, its grounds kept.
  ASSERT_EQ(c.exemption_claims.size(), 1U);
  EXPECT_EQ(c.exemption_claims[0].decision, ExemptionDecision::kExempt);
  EXPECT_EQ(c.exemption_claims[0].decided_on, D("2025-09-26"));
  EXPECT_EQ(c.exemption_claims[0].authority, AuthorityKind::kPartyCommittee);
  EXPECT_EQ(c.exemption_claims[0].grounds,
            std::vector<ExemptionGround>{ExemptionGround::kReformTrial});
  // Merged again (the roster now holds the decision too): nothing changes.
  const Cadre once = c;
  ASSERT_TRUE(merge_exemption_decisions(c, {decided->claim, decided->claim}).ok());
  EXPECT_EQ(c.exemption_claims, once.exemption_claims);
  // One claim, one decision: each waived blocker has one note, and all name the claim.
  const EligibilityAnswer a = up(c, "2025-10-01");
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"rc-1"});
  EXPECT_EQ(a.exemptions.size(), a.waived.size());
  for (const ExemptionNote &n : a.exemptions) {
    EXPECT_EQ(n.claim_id, "rc-1");
  }
  const auto f = engine().screen(c, D("2025-10-01"));
  ASSERT_NE(get(f, "cn-2022.accountability.adjustment"), nullptr);
  EXPECT_EQ(get(f, "cn-2022.accountability.adjustment")->exemptions.size(), 1U);
  // A claim the roster does not hold is added.
  Cadre other = cadre();
  other.exemption_claims.clear();
  ASSERT_TRUE(merge_exemption_decisions(other, {decided->claim}).ok());
  ASSERT_EQ(other.exemption_claims.size(), 1U);
  EXPECT_EQ(other.exemption_claims[0].id, "rc-1");
}

TEST(ExemptionCase, ConflictingDecisionsAreRefusedNamingTheField) {
  const auto decided = exemption_decision(decided_case());
  ASSERT_TRUE(decided.ok());
  const ExemptionClaim d = decided->claim;
  Cadre c = cadre();
  ASSERT_TRUE(merge_exemption_decisions(c, {d}).ok());
  const Cadre merged = c;
  const auto refused = [&](const ExemptionClaim &x, std::string_view field) {
    const Status st = merge_exemption_decisions(c, {x});
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(st.field(), field);
    // Ids only: nothing of the cadre's record in the message.
    EXPECT_EQ(st.message().find("1975"), std::string::npos);
    EXPECT_EQ(c.exemption_claims, merged.exemption_claims) << "nothing changed on an error";
  };
  ExemptionClaim x = d;
  x.decision = ExemptionDecision::kDenied;
  refused(x, "exemption_claims[0].decision");
  x = d;
  x.decided_on = D("2025-09-29");
  refused(x, "exemption_claims[0].decided_on");
  x = d;
  x.concerns.id = "ad2";
  refused(x, "exemption_claims[0].concerns");
  x = d;
  x.decision = ExemptionDecision::kPending;
  refused(x, "decided[0].decision");
  x = d;
  x.decided_on.reset();
  refused(x, "decided[0].decided_on");
  x = d;
  x.concerns.cadre_id = "c2";
  refused(x, "decided[0].concerns.cadre_id");
  // Two decisions of one new claim that disagree.
  Cadre fresh = cadre();
  fresh.exemption_claims.clear();
  ExemptionClaim y = d;
  y.decision = ExemptionDecision::kLighter;
  const Status st = merge_exemption_decisions(fresh, {d, y});
  EXPECT_EQ(st.field(), "decided[1].id");
  EXPECT_TRUE(fresh.exemption_claims.empty());
}

TEST(ExemptionCase, OpeningRefusesWhatIsNotAPendingClaim) {
  ExemptionClaim x = pending_claim();
  x.decision = ExemptionDecision::kExempt;
  auto r = open_case(procedures(), "c1", x, "k", "CN", std::nullopt, calendar());
  EXPECT_EQ(r.status().field(), "decision");
  x = pending_claim();
  x.claimed_on.reset();
  EXPECT_EQ(open_case(procedures(), "c1", x, "k", "CN", std::nullopt, calendar()).status().field(),
            "claimed_on");
  x = pending_claim();
  x.concerns.id.clear();
  EXPECT_EQ(open_case(procedures(), "c1", x, "k", "CN", std::nullopt, calendar()).status().field(),
            "concerns.id");
  x = pending_claim();
  EXPECT_EQ(
      open_case(procedures(), "c1", x, "k", "CN", D("2025-06-19"), calendar()).status().field(),
      "opened_on");
  x.claimed_on = D("2018-05-23");  // before the mechanism's first day
  EXPECT_EQ(open_case(procedures(), "c1", x, "k", "CN", std::nullopt, calendar()).status().code(),
            StatusCode::kNotFound);
}

// Friday 2025-09-26 + 5 working days: Sunday 09-28 (a make-up working day), 09-29, 09-30,
// then after the holiday (10-01 to 10-08) 10-09 and 10-10.
TEST(ExemptionCase, RemedialMeasuresAreDueAndOverdueOnTheWorkingDayCalendar) {
  Case c = decided_case();
  auto list = due(c.definition(), c.state(), D("2025-10-09"), calendar());
  ASSERT_TRUE(list.ok());
  ASSERT_NE(due_task(*list, "r1"), nullptr);
  EXPECT_EQ(due_task(*list, "r1")->stage, "remedy");
  EXPECT_EQ(due_task(*list, "r1")->deadline, D("2025-10-10"));
  EXPECT_EQ(due_task(*list, "r1")->effect, DeadlineEffect::kDue);
  EXPECT_FALSE(due_task(*list, "r1")->overdue);
  EXPECT_FALSE(due_task(*list, "r1")->citations.empty());
  EXPECT_EQ(due_task(*list, "r2")->deadline, D("2025-10-09"));
  EXPECT_FALSE(due_task(*list, "r2")->overdue);
  // The main line goes on beside them.
  EXPECT_EQ(list->front().stage, "notification");
  EXPECT_TRUE(list->front().task.empty());
  // 10-11 is a Saturday worked in exchange: one working day late; Sunday 10-12 adds none.
  for (const auto &[day, r1, r2] :
       {std::tuple{"2025-10-10", 0, 1}, std::tuple{"2025-10-11", 1, 2},
        std::tuple{"2025-10-12", 1, 2}, std::tuple{"2025-10-13", 2, 3}}) {
    auto l = due(c.definition(), c.state(), D(day), calendar());
    ASSERT_TRUE(l.ok());
    EXPECT_EQ(due_task(*l, "r1")->overdue, r1 > 0) << day;
    EXPECT_EQ(due_task(*l, "r1")->working_days_overdue, r1) << day;
    EXPECT_TRUE(due_task(*l, "r2")->overdue) << day;
    EXPECT_EQ(due_task(*l, "r2")->working_days_overdue, r2) << day;
  }
  // The main line ends; the case stays open while the measures are.
  CaseEvent e = step("notification", "notified", "2025-09-29", ActorRole::kWorkingBody,
                     AuthorityKind::kOrganisationDepartment);
  e.facts = {date_fact("notified_on", "2025-09-29")};
  ASSERT_FALSE(c.record(e, calendar()).has_value());
  e = step("filing", "filed", "2025-09-30", ActorRole::kWorkingBody,
           AuthorityKind::kOrganisationDepartment);
  e.facts = {date_fact("filed_on", "2025-09-30")};
  ASSERT_FALSE(c.record(e, calendar()).has_value());
  EXPECT_TRUE(c.state().main_ended);
  EXPECT_FALSE(c.state().ended());
  // r1 done on its last day; r2 done late, and listed late with its id.
  e = step("remedy", "done", "2025-10-10", ActorRole::kWorkingBody, AuthorityKind::kUnit);
  e.facts = {text_fact("task", "r1"), date_fact("done_on", "2025-10-10")};
  ASSERT_FALSE(c.record(e, calendar()).has_value());
  EXPECT_TRUE(c.state().late.empty());
  e = step("remedy", "done", "2025-10-13", ActorRole::kWorkingBody, AuthorityKind::kUnit);
  e.facts = {text_fact("task", "r2"), date_fact("done_on", "2025-10-13")};
  ASSERT_FALSE(c.record(e, calendar()).has_value());
  ASSERT_EQ(c.state().late.size(), 1U);
  EXPECT_EQ(c.state().late[0].task, "r2");
  EXPECT_EQ(c.state().late[0].deadline, D("2025-10-09"));
  EXPECT_EQ(c.state().late[0].working_days, 3);
  EXPECT_TRUE(c.state().ended());
  auto none = due(c.definition(), c.state(), D("2025-10-20"), calendar());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  // Replayed, the same state.
  auto state = replay(c.definition(), c.events(), calendar());
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(*state, c.state());
}

TEST(ExemptionCase, RemedialMeasureStepsAreRefusedNamingTheField) {
  Case c = decided_case();
  const auto refused = [&](const CaseEvent &e, CaseRejection reason, std::string_view field) {
    const auto r = c.record(e, calendar());
    ASSERT_TRUE(r.has_value()) << field;
    EXPECT_EQ(r->reason, reason) << r->message.en;
    EXPECT_EQ(r->field, field) << r->message.en;
    EXPECT_FALSE(r->citation.key.empty());
  };
  CaseEvent e = step("remedy", "done", "2025-10-01", ActorRole::kWorkingBody, AuthorityKind::kUnit);
  e.facts = {text_fact("task", "r9"), date_fact("done_on", "2025-10-01")};
  refused(e, CaseRejection::kOutOfOrder, "facts.task");
  e.facts = {date_fact("done_on", "2025-10-01")};
  refused(e, CaseRejection::kMissingFact, "facts.task");
  e.facts = {text_fact("task", "r1")};
  refused(e, CaseRejection::kMissingFact, "facts.done_on");

  // At the decision: a deadline before the day, a field that is not one, an id set twice.
  auto opened = open_case(procedures(), "c1", pending_claim(), "k", "CN", std::nullopt, calendar());
  ASSERT_TRUE(opened.ok());
  Case d = std::move(opened).value();
  for (auto [stage, outcome, day, role, fact] :
       {std::tuple{"acceptance", "accepted", "2025-06-23", ActorRole::kWorkingBody, "accepted_on"},
        std::tuple{"verification", "verified", "2025-08-15", ActorRole::kCaseGroup, "verified_on"},
        std::tuple{"deliberation", "proposed", "2025-09-10", ActorRole::kCollective,
                   "deliberated_on"}}) {
    CaseEvent s = step(stage, outcome, day, role, AuthorityKind::kPartyCommittee);
    if (role != ActorRole::kCollective) s.actor.body = AuthorityKind::kOrganisationDepartment;
    s.facts = {date_fact(fact, day)};
    ASSERT_FALSE(d.record(s, calendar()).has_value()) << stage;
  }
  const auto decision_refused = [&](std::vector<SuppliedFact> facts, CaseRejection reason,
                                    std::string_view field) {
    CaseEvent s = step("decision", "exempt", "2025-09-26", ActorRole::kCollective,
                       AuthorityKind::kPartyCommittee);
    s.facts = std::move(facts);
    s.facts.insert(s.facts.begin(), date_fact("decided_on", "2025-09-26"));
    const auto r = d.record(s, calendar());
    ASSERT_TRUE(r.has_value()) << field;
    EXPECT_EQ(r->reason, reason) << r->message.en;
    EXPECT_EQ(r->field, field) << r->message.en;
  };
  decision_refused({date_fact("remedy.r1.due_on", "2025-09-25")}, CaseRejection::kInvalidFact,
                   "facts[1].date");
  decision_refused({int_fact("remedy.r1.working_days", 0)}, CaseRejection::kInvalidFact,
                   "facts[1].number");
  decision_refused({text_fact("remedy.r1.due_on", "soon")}, CaseRejection::kInvalidFact,
                   "facts[1].type");
  decision_refused({date_fact("remedy.r1.when", "2025-10-01")}, CaseRejection::kInvalidFact,
                   "facts[1].key");
  decision_refused(
      {date_fact("remedy.r1.due_on", "2025-10-01"), int_fact("remedy.r1.working_days", 3)},
      CaseRejection::kInvalidFact, "facts[2].key");
  decision_refused({date_fact("other.r1.due_on", "2025-10-01")}, CaseRejection::kInvalidFact,
                   "facts[1].key");
  // A year the calendar does not know.
  decision_refused({int_fact("remedy.r1.working_days", 3650)}, CaseRejection::kCalendarUnknown,
                   "facts[1].number");
}

TEST(ExemptionCase, DefinitionChecksOfTasksAndDecisions) {
  const ProcedureDefinition base = *procedures().find("cn.exemption-review");
  const auto field = [](const ProcedureDefinition &d) { return check_procedure(d).field(); };
  const auto at = [](ProcedureDefinition &d, std::string_view key) -> Stage & {
    return *std::find_if(d.stages.begin(), d.stages.end(),
                         [&](const Stage &s) { return s.key == key; });
  };
  ProcedureDefinition d = base;
  at(d, "remedy").deadline = procedures().find("cn.inquiry")->stage("reply")->deadline;
  EXPECT_EQ(field(d), "stages[7].deadline");
  d = base;
  at(d, "remedy").branch_from.clear();
  EXPECT_EQ(field(d), "stages[7].branch_from");
  d = base;
  at(d, "remedy").facts.erase(at(d, "remedy").facts.begin());
  EXPECT_EQ(field(d), "stages[7].facts");
  d = base;
  at(d, "remedy").outcomes[0].ends = false;
  at(d, "remedy").outcomes[0].next = "filing";
  EXPECT_EQ(field(d), "stages[7].outcomes");
  d = base;
  at(d, "notification").outcomes[0].next = "remedy";
  EXPECT_EQ(field(d), "stages[5].outcomes[0].next");
  d = base;
  at(d, "notification").outcomes[0].exemption_decision = ExemptionDecision::kExempt;
  EXPECT_EQ(field(d), "stages[5].outcomes[0].exemption_decision");
  d = base;
  at(d, "decision").outcomes[0].exemption_decision = ExemptionDecision::kPending;
  EXPECT_EQ(field(d), "stages[4].outcomes[0].exemption_decision");
  d = *procedures().find("cn.inquiry");
  d.stages.back().outcomes[0].exemption_decision = ExemptionDecision::kExempt;
  EXPECT_EQ(field(d), "stages[3].outcomes[0].exemption_decision");
}

}  // namespace
}  // namespace cadre
