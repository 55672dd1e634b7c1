#include "cadre/eligibility.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace cadre {
namespace {

Date D(std::string_view s) {
  const auto d = Date::parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date());
}

const EligibilityPolicy &policy() {
  static const EligibilityPolicy kPolicy = EligibilityPolicy::national();
  return kPolicy;
}

// A county deputy since 2015, long enough in post, with every prerequisite met.
Cadre base() {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kMale;
  c.birth_date = D("1975-05-05");
  c.work_start_date = D("1997-07-01");
  c.grassroots_months = 60;
  Post p;
  p.id = "p1";
  p.rank_level = RankLevel::kCountyDeputy;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2015-01-01");
  c.posts.push_back(p);
  return c;
}

EligibilityAnswer up(const Cadre &c, std::string_view as_of,
                     EligibilityTarget target = EligibilityTarget::kHigherLevel,
                     RankLevel level = RankLevel::kUnspecified) {
  return eligibility(c, target, level, D(as_of), policy());
}

bool has_rule(const EligibilityAnswer &a, std::string_view rule) {
  return std::any_of(a.blockers.begin(), a.blockers.end(),
                     [&](const Blocker &b) { return b.rule_id == rule; });
}

TEST(Eligibility, CleanCadreIsEligible) {
  const auto a = up(base(), "2025-06-30");
  EXPECT_TRUE(a.eligible);
  EXPECT_TRUE(a.blockers.empty());
  EXPECT_EQ(a.target_level, RankLevel::kCountyPrincipal);
}

TEST(Eligibility, AdmonishmentLiftsTheDayAfterSixMonths) {
  Cadre c = base();
  c.early_warnings.push_back({.id = "w1",
                              .kind = EarlyWarningKind::kAdmonishment,
                              .issued_on = D("2024-01-15"),
                              .replied_on = {},
                              .self_examination_on = {},
                              .corrected = false,
                              .reviewed_on = {},
                              .incident_id = ""});
  auto a = up(c, "2024-07-15");
  ASSERT_FALSE(a.eligible);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "up.admonishment");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-07-16"));
  EXPECT_EQ(a.blockers[0].record.id, "w1");
  EXPECT_EQ(a.blockers[0].citations[0].verification, Verification::kSawLocal);
  EXPECT_NE(a.blockers[0].explanation.zh_cn.find("2024-07-16起解除"), std::string::npos);
  EXPECT_NE(a.blockers[0].explanation.en.find("lifts on 2024-07-16"), std::string::npos);
  EXPECT_EQ(a.eligible_from, D("2024-07-16"));
  EXPECT_TRUE(up(c, "2024-07-16").eligible);
  // Not started yet.
  EXPECT_TRUE(up(c, "2024-01-14").eligible);
  // Same level: an admonishment does not block it.
  EXPECT_TRUE(up(c, "2024-03-01", EligibilityTarget::kSameLevel).eligible);
}

TEST(Eligibility, MonthEndAndLeapDay) {
  Cadre c = base();
  EarlyWarning w;
  w.id = "w1";
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D("2024-08-31");  // + 6 months: 2025-02-28 is the last day
  c.early_warnings.push_back(w);
  EXPECT_FALSE(up(c, "2025-02-28").eligible);
  EXPECT_TRUE(up(c, "2025-03-01").eligible);
  c.early_warnings[0].issued_on = D("2023-08-29");  // + 6 months: 2024-02-29
  EXPECT_FALSE(up(c, "2024-02-29").eligible);
  EXPECT_TRUE(up(c, "2024-03-01").eligible);
  // A party warning on a leap day: one year ends on 2025-02-28.
  Cadre p = base();
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kWarning;
  s.effective_on = D("2024-02-29");
  p.party_sanctions.push_back(s);
  EXPECT_FALSE(up(p, "2025-02-28").eligible);
  EXPECT_EQ(up(p, "2025-02-28").blockers[0].lifts_on, D("2025-03-01"));
  EXPECT_TRUE(up(p, "2025-03-01").eligible);
}

TEST(Eligibility, PartySanctionPeriods) {
  Cadre c = base();
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kSeriousWarning;
  s.effective_on = D("2023-03-31");
  c.party_sanctions.push_back(s);
  EXPECT_EQ(up(c, "2024-01-01").blockers[0].lifts_on, D("2024-10-01"));  // 18 months
  EXPECT_FALSE(up(c, "2024-09-30").eligible);
  EXPECT_TRUE(up(c, "2024-10-01").eligible);
  // Removal from party posts blocks an equal post too.
  c.party_sanctions[0].kind = PartySanctionKind::kRemovalFromPartyPost;
  EXPECT_FALSE(up(c, "2025-03-31", EligibilityTarget::kSameLevel).eligible);
  EXPECT_TRUE(up(c, "2025-04-01", EligibilityTarget::kSameLevel).eligible);
  // Probation within the party: two years after restoration.
  c.party_sanctions[0].kind = PartySanctionKind::kProbationWithinParty;
  c.party_sanctions[0].probation_years = 1;
  c.party_sanctions[0].restored_on = D("2024-04-10");
  auto a = up(c, "2023-06-01", EligibilityTarget::kSameLevel);
  ASSERT_FALSE(a.eligible);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2026-04-11"));
  EXPECT_FALSE(up(c, "2026-04-10").eligible);
  EXPECT_TRUE(up(c, "2026-04-11").eligible);
  // Expulsion does not lift by itself.
  c.party_sanctions[0].kind = PartySanctionKind::kExpulsion;
  a = up(c, "2040-01-01");
  ASSERT_FALSE(a.eligible);
  EXPECT_FALSE(a.blockers[0].lifts_on.has_value());
  EXPECT_FALSE(a.eligible_from.has_value());
}

TEST(Eligibility, AccountabilityResignationAndLongerPeriodGoverns) {
  Cadre c = base();
  AccountabilityDecision d;
  d.id = "ad1";
  d.forms = {AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kOrderedResignation};
  d.decided_on = D("2024-05-20");
  c.accountability_decisions.push_back(d);
  auto a = up(c, "2024-06-01", EligibilityTarget::kSameLevel);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "up.accountability.no-post");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-05-21"));
  EXPECT_TRUE(up(c, "2025-05-21", EligibilityTarget::kSameLevel).eligible);
  a = up(c, "2025-06-01");
  ASSERT_FALSE(a.eligible);
  EXPECT_TRUE(has_rule(a, "up.accountability.no-higher"));
  EXPECT_EQ(a.eligible_from, D("2026-05-21"));
  // A concurrent 撤职 of 24 months from a later date: the longer one governs.
  GovernmentSanction g;
  g.id = "gs1";
  g.kind = GovernmentSanctionKind::kDismissalFromPost;
  g.effective_on = D("2024-08-01");
  c.government_sanctions.push_back(g);
  a = up(c, "2026-06-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "up.government.dismissal");
  EXPECT_EQ(a.eligible_from, D("2026-08-02"));
}

TEST(Eligibility, UnsuitableAdjustmentBlocksPromotionOneYear) {
  Cadre c = base();
  Adjustment adj;
  adj.id = "a1";
  adj.channel = Channel::kUnsuitable;
  adj.method = AdjustmentMethod::kTransferOut;
  adj.decided_on = D("2024-12-31");
  c.adjustments.push_back(adj);
  EXPECT_FALSE(up(c, "2025-12-31").eligible);
  EXPECT_TRUE(up(c, "2026-01-01").eligible);
  EXPECT_TRUE(up(c, "2025-06-01", EligibilityTarget::kSameLevel).eligible);
}

GovernmentSanction gov(std::string id, GovernmentSanctionKind kind, std::string_view from) {
  GovernmentSanction g;
  g.id = std::move(id);
  g.kind = kind;
  g.effective_on = D(from);
  return g;
}

TEST(Eligibility, GovernmentSanctionsCompose) {
  // Different kinds at once: the heaviest governs (记大过 18 months).
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kWarning, "2024-01-10"),
                            gov("g2", GovernmentSanctionKind::kMajorDemerit, "2024-01-10")};
  auto a = up(c, "2024-02-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "up.government.composed");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-07-11"));
  // Same kind at once: up to the sum (12 + 12).
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2024-01-10"),
                            gov("g2", GovernmentSanctionKind::kDemerit, "2024-01-10")};
  EXPECT_EQ(up(c, "2024-02-01").blockers[0].lifts_on, D("2026-01-11"));
  // New during a running one: remaining + new (12 from 2024-01-10, then 18 from 2024-06-01).
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2024-01-10"),
                            gov("g2", GovernmentSanctionKind::kMajorDemerit, "2024-06-01")};
  a = up(c, "2024-07-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2026-07-11"));
  EXPECT_EQ(a.blockers[0].record.id, "g2");
  // Cap of 48 months from the first.
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDismissalFromPost, "2020-03-31"),
                            gov("g2", GovernmentSanctionKind::kDismissalFromPost, "2021-01-01"),
                            gov("g3", GovernmentSanctionKind::kDowngrade, "2022-01-01")};
  a = up(c, "2023-01-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-04-01"));
  EXPECT_NE(a.blockers[0].explanation.zh_cn.find("48个月"), std::string::npos);
  EXPECT_FALSE(up(c, "2024-03-31").eligible);
  EXPECT_TRUE(up(c, "2024-04-01").eligible);
  // After the end: a new chain.
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kWarning, "2020-01-01"),
                            gov("g2", GovernmentSanctionKind::kWarning, "2021-01-01")};
  EXPECT_EQ(up(c, "2021-02-01").blockers[0].lifts_on, D("2021-07-02"));
}

ExemptionClaim claim(std::string id, RecordKind kind, std::string record,
                     ExemptionDecision decision) {
  ExemptionClaim e;
  e.id = std::move(id);
  e.concerns = {.kind = kind, .id = std::move(record), .cadre_id = ""};
  e.decision = decision;
  return e;
}

TEST(Eligibility, ExemptionCancelsOnlyWhatItCancels) {
  Cadre c = base();
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kWarning;
  s.effective_on = D("2024-03-01");
  c.party_sanctions.push_back(s);
  EarlyWarning w;
  w.id = "w1";
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D("2024-03-01");
  c.early_warnings.push_back(w);
  ExemptionClaim e = claim("x1", RecordKind::kPartySanction, "ps1", ExemptionDecision::kExempt);
  e.effects_cancelled = {ExemptionEffect::kPromotion};
  c.exemption_claims.push_back(e);
  auto a = up(c, "2024-05-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].record.id, "w1");
  ASSERT_EQ(a.waived.size(), 1U);
  EXPECT_EQ(a.waived[0].exemption_claim_id, "x1");
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"x1"});
  EXPECT_TRUE(std::any_of(a.waived[0].citations.begin(), a.waived[0].citations.end(),
                          [](const Citation &ct) { return ct.article == "第十七条"; }));
  EXPECT_NE(a.waived[0].explanation.zh_cn.find("容错免责"), std::string::npos);
  // An exemption that cancels only awards leaves promotion blocked.
  c.exemption_claims[0].effects_cancelled = {ExemptionEffect::kAwards};
  a = up(c, "2024-05-01");
  EXPECT_EQ(a.blockers.size(), 2U);
  EXPECT_TRUE(a.waived.empty());
  // Denied: nothing changes.
  c.exemption_claims[0].decision = ExemptionDecision::kDenied;
  c.exemption_claims[0].effects_cancelled = {ExemptionEffect::kPromotion};
  EXPECT_EQ(up(c, "2024-05-01").blockers.size(), 2U);
  // Lighter: shortened to impact_months.
  c.exemption_claims[0].decision = ExemptionDecision::kLighter;
  c.exemption_claims[0].impact_months = 3;
  a = up(c, "2024-05-01");
  ASSERT_EQ(a.blockers.size(), 2U);
  EXPECT_EQ(a.blockers[0].record.id, "ps1");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-06-02"));
  EXPECT_EQ(a.blockers[0].exemption_claim_id, "x1");
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"x1"});
}

TEST(Eligibility, ExemptionOfAGovernmentSanction) {
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2024-01-10")};
  ExemptionClaim e =
      claim("x1", RecordKind::kGovernmentSanction, "g1", ExemptionDecision::kMitigated);
  e.impact_months = 6;
  c.exemption_claims.push_back(e);
  auto a = up(c, "2024-03-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-07-11"));
  EXPECT_EQ(a.blockers[0].exemption_claim_id, "x1");
  c.exemption_claims[0].decision = ExemptionDecision::kExempt;
  c.exemption_claims[0].effects_cancelled = {ExemptionEffect::kPromotion};
  a = up(c, "2024-03-01");
  EXPECT_TRUE(a.eligible);
  EXPECT_EQ(a.waived.size(), 1U);
}

TEST(Eligibility, Prerequisites) {
  Cadre c = base();
  c.posts[0].rank_level = RankLevel::kTownshipPrincipal;
  c.posts[0].start_date = D("2022-03-01");
  c.work_start_date = D("2021-01-31");
  c.grassroots_months = 12;
  auto a = up(c, "2025-02-27");
  EXPECT_EQ(a.target_level, RankLevel::kCountyDeputy);
  EXPECT_TRUE(has_rule(a, "up.prerequisite.working-years"));
  EXPECT_TRUE(has_rule(a, "up.prerequisite.grassroots"));
  EXPECT_TRUE(has_rule(a, "up.prerequisite.principal-to-higher-deputy"));
  // Time in post: 3 years reached on 2025-03-01.
  c.work_start_date = D("2010-01-01");
  c.grassroots_months = 24;
  a = up(c, "2025-02-28");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-03-01"));
  EXPECT_TRUE(up(c, "2025-03-01").eligible);
  // Deputy to principal: 2 years.
  Cadre d = base();
  d.posts[0].start_date = D("2023-06-15");
  EXPECT_FALSE(up(d, "2025-06-14").eligible);
  EXPECT_TRUE(up(d, "2025-06-15").eligible);
  // Two levels up is only possible as 破格.
  EXPECT_TRUE(
      has_rule(up(base(), "2025-06-30", EligibilityTarget::kNamedLevel, RankLevel::kBureauDeputy),
               "up.prerequisite.skip-level"));
  // A named level at or below the current one is use at the same level.
  EXPECT_TRUE(
      up(base(), "2025-06-30", EligibilityTarget::kNamedLevel, RankLevel::kCountyDeputy).eligible);
}

TEST(Eligibility, ExceptionalPromotionLimits) {
  Cadre c = base();
  Post prev = c.posts[0];
  prev.id = "p0";
  prev.rank_level = RankLevel::kTownshipPrincipal;
  prev.start_date = D("2018-01-01");
  prev.end_date = D("2024-09-09");
  c.posts[0].start_date = D("2024-09-10");
  c.posts[0].probation = Probation{.start_date = D("2024-09-10"),
                                   .end_date = D("2025-09-09"),
                                   .result = ProbationResult::kRunning};
  c.posts.insert(c.posts.begin(), prev);
  auto a = up(c, "2025-06-01", EligibilityTarget::kExceptional);
  EXPECT_TRUE(has_rule(a, "up.exceptional.after-promotion"));
  EXPECT_FALSE(has_rule(a, "up.prerequisite.deputy-to-principal"));  // 破格 may break it
  c.posts[1].probation->result = ProbationResult::kPassed;
  a = up(c, "2025-09-09", EligibilityTarget::kExceptional);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-09-10"));
  EXPECT_TRUE(up(c, "2025-09-10", EligibilityTarget::kExceptional).eligible);
  c.posts[1].exceptional_promotion = true;
  EXPECT_TRUE(
      has_rule(up(c, "2026-01-01", EligibilityTarget::kExceptional), "up.exceptional.consecutive"));
  c.posts[1].exceptional_promotion = false;
  EXPECT_TRUE(
      has_rule(up(c, "2026-01-01", EligibilityTarget::kExceptional, RankLevel::kBureauPrincipal),
               "up.exceptional.two-levels"));
  EXPECT_TRUE(
      up(c, "2026-01-01", EligibilityTarget::kExceptional, RankLevel::kBureauDeputy).eligible);
}

TEST(Eligibility, CandidateExclusions) {
  Cadre c = base();
  AnnualAssessment a2024;
  a2024.id = "as2024";
  a2024.year = 2024;
  a2024.grade = AssessmentGrade::kBasicallyCompetent;
  c.assessments.push_back(a2024);
  FamilySituation f;
  f.id = "f1";
  f.kind = FamilySituationKind::kSpouseEmigrated;
  f.since = D("2020-01-01");
  c.family_situations.push_back(f);
  Investigation inv;
  inv.id = "i1";
  inv.opened_on = D("2025-02-01");
  inv.status = InvestigationStatus::kOpen;
  c.investigations.push_back(inv);
  auto a = up(c, "2025-06-30", EligibilityTarget::kCandidate);
  EXPECT_TRUE(has_rule(a, "up.candidate.last-grade"));
  EXPECT_TRUE(has_rule(a, "up.candidate.naked-official"));
  EXPECT_TRUE(has_rule(a, "up.investigation"));
  EXPECT_EQ(a.blockers[0].lifts_on, D("2026-01-01"));  // sorted: lifting ones first
  EXPECT_FALSE(a.eligible_from.has_value());
  EXPECT_FALSE(
      has_rule(up(c, "2026-01-02", EligibilityTarget::kCandidate), "up.candidate.last-grade"));
}

GradeCapAnswer cap(const Cadre &c, int year) { return grade_cap(c, year, policy()); }

TEST(GradeCap, NothingCapsACleanYear) {
  EXPECT_EQ(cap(base(), 2024).best_allowed, AssessmentGrade::kExcellent);
}

TEST(GradeCap, SanctionsCapTheGrade) {
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kMajorDemerit, "2023-11-01")};
  EXPECT_EQ(cap(c, 2022).best_allowed, AssessmentGrade::kExcellent);
  EXPECT_EQ(cap(c, 2023).best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kExcellent);
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2023-11-01")};
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kExcellent);
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kProbationWithinParty;
  s.probation_years = 2;
  s.effective_on = D("2023-02-01");
  c.party_sanctions.push_back(s);
  auto a = cap(c, 2023);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kIncompetent);
  ASSERT_EQ(a.reasons.size(), 2U);
  EXPECT_EQ(a.reasons[0].rule_id, "grade-cap.incompetent");  // the heaviest first
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(cap(c, 2026).best_allowed, AssessmentGrade::kExcellent);
  c.party_sanctions[0].kind = PartySanctionKind::kExpulsion;
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(cap(c, 2026).best_allowed, AssessmentGrade::kExcellent);
  c.party_sanctions[0].kind = PartySanctionKind::kWarning;
  c.government_sanctions.clear();
  a = cap(c, 2023);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kCompetent);
  EXPECT_NE(a.reasons[0].explanation.zh_cn.find("不得确定为优秀等次"), std::string::npos);
}

TEST(GradeCap, AdmonishmentAdjustmentAndInvestigation) {
  Cadre c = base();
  EarlyWarning w;
  w.id = "w1";
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D("2024-12-31");
  c.early_warnings.push_back(w);
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kCompetent);
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kExcellent);
  Adjustment adj;
  adj.id = "a1";
  adj.channel = Channel::kAccountability;
  adj.method = AdjustmentMethod::kRemoval;
  adj.decided_on = D("2024-06-01");
  c.adjustments.push_back(adj);
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kNotGraded);
  Investigation inv;
  inv.id = "i1";
  inv.opened_on = D("2025-10-01");
  inv.status = InvestigationStatus::kOpen;
  c.investigations.push_back(inv);
  auto a = cap(c, 2025);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kNotGraded);
  c.investigations[0].closed_on = D("2025-12-20");
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kExcellent);
  c.investigations[0].closed_on = D("2026-03-01");
  a = cap(c, 2025);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(a.reasons[0].lifts_on, D("2026-03-01"));
}

TEST(GradeCap, ExemptionForAssessmentsRemovesTheCap) {
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kWarning, "2024-05-01")};
  ExemptionClaim e = claim("x1", RecordKind::kGovernmentSanction, "g1", ExemptionDecision::kExempt);
  e.effects_cancelled = {ExemptionEffect::kPromotion};
  c.exemption_claims.push_back(e);
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kCompetent);  // not this effect
  c.exemption_claims[0].effects_cancelled.push_back(ExemptionEffect::kPerformanceAssessment);
  auto a = cap(c, 2024);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kExcellent);
  ASSERT_EQ(a.waived.size(), 1U);
  EXPECT_EQ(a.waived[0].exemption_claim_id, "x1");
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"x1"});
}

TEST(EligibilityPolicy, EveryNumberHasACitation) {
  const EligibilityPolicy &p = policy();
  for (const PolicyPeriod *q : {&p.admonishment,
                                &p.unsuitable_adjustment,
                                &p.demotion,
                                &p.accountability_no_post,
                                &p.accountability_no_higher,
                                &p.party_warning,
                                &p.party_serious_warning,
                                &p.party_removal_from_post,
                                &p.party_after_restoration,
                                &p.government_warning,
                                &p.government_demerit,
                                &p.government_major_demerit,
                                &p.government_downgrade,
                                &p.government_dismissal,
                                &p.government_cap,
                                &p.working_years,
                                &p.grassroots,
                                &p.deputy_to_principal,
                                &p.principal_to_higher_deputy,
                                &p.exceptional_after_promotion,
                                &p.failed_probation}) {
    EXPECT_FALSE(q->id.empty());
    EXPECT_GT(q->months, 0) << q->id;
    EXPECT_FALSE(q->citation.document.empty()) << q->id;
    EXPECT_NE(q->citation.verification, Verification::kUnspecified) << q->id;
  }
  EXPECT_EQ(p.government_composition_law.verification, Verification::kRecalled);
  EXPECT_EQ(p.government_cap.months, 48);
}

}  // namespace
}  // namespace cadre
