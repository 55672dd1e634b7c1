// Every catalogue rule kind: positive, negative and boundary cases, through
// the shipped catalogues (cn-2015, cn-2022, jx).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cadre/screening.hpp"
#include "codec/catalogue_codec.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

using testing::D;

const Engine &engine() {
  static const Engine e = [] {
    EngineConfig cfg;
    cfg.catalogues = *codec::builtin_catalogue_set();
    return Engine(std::move(cfg));
  }();
  return e;
}

Cadre base_cadre(std::string region = "360102") {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kMale;
  c.birth_date = D("1975-05-05");
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  Post p;
  p.id = "p1";
  p.title = "县长";
  p.rank_level = RankLevel::kCountyPrincipal;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2018-01-01");
  p.region_code = std::move(region);
  c.posts.push_back(p);
  return c;
}

std::vector<std::string> rule_ids(const std::vector<Finding> &fs) {
  std::vector<std::string> ids;
  for (const Finding &f : fs) ids.push_back(f.rule_id);
  return ids;
}

// An active finding: the cadre counts as "to go down" under the rule.
bool has(const std::vector<Finding> &fs, const std::string &id) {
  for (const Finding &f : fs) {
    if (f.rule_id == id && f.status == FindingStatus::kActive) return true;
  }
  return false;
}

// A finding of any status (a precondition not met, suspended, exempted).
bool any(const std::vector<Finding> &fs, const std::string &id) {
  for (const Finding &f : fs) {
    if (f.rule_id == id) return true;
  }
  return false;
}

const Finding *get(const std::vector<Finding> &fs, const std::string &id) {
  for (const Finding &f : fs) {
    if (f.rule_id == id) return &f;
  }
  return nullptr;
}

TEST(Screening, YoungCadreWithNothingRecordedHasNoFindings) {
  EXPECT_TRUE(engine().screen(base_cadre(), D("2025-06-30")).empty());
}

TEST(Screening, RetirementUsesTheCatalogueInForce) {
  Cadre c = base_cadre();
  c.birth_date = D("1965-03-02");
  const auto f = engine().screen(c, D("2025-06-30"));
  ASSERT_EQ(rule_ids(f), (std::vector<std::string>{"cn-2022.age.retirement"}));
  EXPECT_EQ(f[0].effective_date, D("2025-04-02"));
  EXPECT_EQ(f[0].catalogue.id, "cn-2022");
  EXPECT_EQ(f[0].catalogue.content_hash.size(), 64U);
  EXPECT_EQ(f[0].first_deadline, D("2025-05-02"));
  EXPECT_EQ(f[0].procedure, ProcedureKind::kRetirement);
  // 2017 in Jiangxi: the 2015 rule through the jx catalogue's base.
  c.birth_date = D("1957-03-02");
  c.posts[0].start_date = D("2010-01-01");
  const auto g = engine().screen(c, D("2017-06-30"));
  ASSERT_EQ(rule_ids(g), (std::vector<std::string>{"cn-2015.age.retirement"}));
  EXPECT_EQ(g[0].catalogue.id, "cn-2015");
}

TEST(Screening, ConsecutiveTermsAtTheEdge) {
  Cadre c = base_cadre();
  c.posts[0].start_date = D("2012-03-01");
  c.posts[0].terms = {{1, D("2012-03-01"), D("2017-02-28")}, {2, D("2017-03-01"), std::nullopt}};
  EXPECT_FALSE(has(engine().screen(c, D("2022-02-28")), "cn-2015.term.consecutive-terms"));
  EXPECT_FALSE(has(engine().screen(c, D("2022-02-28")), "cn-2015.term.consecutive-terms"));
  const auto f = engine().screen(c, D("2022-03-01"));
  ASSERT_TRUE(has(f, "cn-2015.term.consecutive-terms")) << rule_ids(f).size();
  EXPECT_EQ(get(f, "cn-2015.term.consecutive-terms")->effective_date, D("2022-03-01"));
  // Without recorded terms: counted from the start, to be verified.
  c.posts[0].terms.clear();
  const auto g = engine().screen(c, D("2022-03-01"));
  ASSERT_TRUE(has(g, "cn-2015.term.consecutive-terms"));
  EXPECT_EQ(get(g, "cn-2015.term.consecutive-terms")->determination,
            Determination::kNeedsVerification);
}

TEST(Screening, FifteenYearsAtOneLevelAcrossPosts) {
  Cadre c = base_cadre();
  c.posts[0].start_date = D("2016-01-01");
  Post earlier = c.posts[0];
  earlier.id = "p0";
  earlier.start_date = D("2008-01-01");
  earlier.end_date = D("2013-12-31");  // 6 years, then a 2-year gap
  c.posts.insert(c.posts.begin(), earlier);
  // 6 years + from 2016-01-01: 15 years when 9 more are done, on 2025-01-01.
  EXPECT_FALSE(has(engine().screen(c, D("2024-12-31")), "cn-2022.term.years-at-level"));
  const auto f = engine().screen(c, D("2025-01-01"));
  ASSERT_TRUE(has(f, "cn-2022.term.years-at-level"));
  EXPECT_EQ(get(f, "cn-2022.term.years-at-level")->effective_date, D("2025-01-01"));
}

TEST(Screening, TenYearsInPostForLocalLeadersOnly) {
  Cadre c = base_cadre();
  c.posts[0].start_date = D("2015-06-30");
  EXPECT_FALSE(has(engine().screen(c, D("2025-06-30")), "cn-2022.term.exchange"));
  c.posts[0].local_party_or_government_leader = true;
  EXPECT_FALSE(has(engine().screen(c, D("2025-06-29")), "cn-2022.term.exchange"));
  EXPECT_TRUE(has(engine().screen(c, D("2025-06-30")), "cn-2022.term.exchange"));
}

TEST(Screening, HealthSpellOfOneYear) {
  Cadre c = base_cadre();
  c.health_spells.push_back({"h1", D("2024-02-29"), std::nullopt, true, false});
  EXPECT_FALSE(has(engine().screen(c, D("2025-02-27")), "cn-2022.health.one-year"));
  const auto f = engine().screen(c, D("2025-02-28"));  // leap-day start: 28 Feb
  ASSERT_TRUE(has(f, "cn-2022.health.one-year"));
  EXPECT_NE(get(f, "cn-2022.health.one-year")->explanation.zh_cn.find("应当免去现职"),
            std::string::npos);
  // A spell that ended before a year: nothing.
  c.health_spells[0].end_date = D("2024-12-31");
  EXPECT_FALSE(has(engine().screen(c, D("2025-06-30")), "cn-2022.health.one-year"));
}

TEST(Screening, StudyLeaveOverOneYearNotSentByTheOrganisation) {
  Cadre c = base_cadre();
  c.study_leaves.push_back({"s1", D("2023-09-01"), std::nullopt, false});
  EXPECT_FALSE(has(engine().screen(c, D("2024-09-01")), "cn-2022.study-leave"));  // exactly a year
  EXPECT_TRUE(has(engine().screen(c, D("2024-09-02")), "cn-2022.study-leave"));   // over a year
  c.study_leaves[0].organisation_sent = true;
  EXPECT_FALSE(has(engine().screen(c, D("2025-09-02")), "cn-2022.study-leave"));
}

AnnualAssessment grade(int year, AssessmentGrade g, int raters = 0, int good = 0) {
  AnnualAssessment a;
  a.id = "a" + std::to_string(year);
  a.year = year;
  a.grade = g;
  a.decided_on = D(std::to_string(year + 1) + "-01-20");
  if (raters > 0) {
    DemocraticEvaluation e;
    e.raters = raters;
    e.excellent = good / 2;
    e.competent = good - good / 2;
    e.basically_competent = raters - good;
    a.evaluation = e;
  }
  return a;
}

TEST(Screening, AnnualGradeIncompetentOrTwiceBasicallyCompetent) {
  Cadre c = base_cadre();
  c.assessments = {grade(2023, AssessmentGrade::kCompetent),
                   grade(2024, AssessmentGrade::kIncompetent)};
  EXPECT_FALSE(has(engine().screen(c, D("2025-01-19")), "cn-2022.unsuitable.14-grade"));
  EXPECT_TRUE(has(engine().screen(c, D("2025-01-20")), "cn-2022.unsuitable.14-grade"));
  c.assessments = {grade(2023, AssessmentGrade::kBasicallyCompetent),
                   grade(2024, AssessmentGrade::kBasicallyCompetent)};
  const auto f = engine().screen(c, D("2025-06-30"));
  ASSERT_TRUE(has(f, "cn-2022.unsuitable.14-grade"));
  EXPECT_EQ(get(f, "cn-2022.unsuitable.14-grade")->heading, Heading::kRatedIncompetent);
  // Not consecutive: 2022 and 2024.
  c.assessments = {grade(2022, AssessmentGrade::kBasicallyCompetent),
                   grade(2023, AssessmentGrade::kCompetent),
                   grade(2024, AssessmentGrade::kBasicallyCompetent)};
  EXPECT_FALSE(has(engine().screen(c, D("2025-06-30")), "cn-2022.unsuitable.14-grade"));
}

TEST(Screening, EvaluationBelowTwoThirdsTwoYearsRunning) {
  Cadre c = base_cadre();
  // 20 of 30 is exactly 2/3: not below.
  c.assessments = {grade(2023, AssessmentGrade::kCompetent, 30, 19),
                   grade(2024, AssessmentGrade::kCompetent, 30, 20)};
  EXPECT_FALSE(has(engine().screen(c, D("2025-06-30")), "cn-2022.unsuitable.14-evaluation"));
  c.assessments[1] = grade(2024, AssessmentGrade::kCompetent, 30, 19);
  const auto f = engine().screen(c, D("2025-06-30"));
  ASSERT_TRUE(has(f, "cn-2022.unsuitable.14-evaluation"));
  EXPECT_NE(get(f, "cn-2022.unsuitable.14-evaluation")->explanation.zh_cn.find("2/3"),
            std::string::npos);
  // The 2022 rule is not in force in 2021.
  c.assessments = {grade(2019, AssessmentGrade::kCompetent, 30, 10),
                   grade(2020, AssessmentGrade::kCompetent, 30, 10)};
  EXPECT_FALSE(has(engine().screen(c, D("2021-06-30")), "cn-2022.unsuitable.14-evaluation"));
}

TEST(Screening, FamilySituationsAnd2015Precondition) {
  Cadre c = base_cadre();
  c.posts[0].start_date = D("2014-01-01");
  c.family_situations.push_back(
      {"f1", FamilySituationKind::kSpouseEmigrated, D("2016-05-01"), std::nullopt, false});
  // 2015 rules need a warning not heeded: without one the finding says so and names the next
  // step, and is not counted.
  EXPECT_FALSE(has(engine().screen(c, D("2017-06-30")), "cn-2015.unsuitable.9"));
  {
    const auto pending = engine().screen(c, D("2017-06-30"));
    const Finding *p = get(pending, "cn-2015.unsuitable.9");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->status, FindingStatus::kPreconditionNotMet);
    EXPECT_NE(p->next_step.zh_cn.find("先进行提醒、函询或者诫勉"), std::string::npos);
    EXPECT_NE(p->next_step.en.find("First give a reminder"), std::string::npos);
    EXPECT_GE(p->effective_date, D("2016-05-01"));  // never before the situation
    ScreenSummary summary;
    summary.add(c, D("2017-06-30"), pending);
    EXPECT_EQ(summary.cadres_down, 0);
  }
  EarlyWarning w;
  w.id = "w1";
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D("2016-06-01");
  w.reviewed_on = D("2016-12-01");
  c.early_warnings.push_back(w);
  const auto f = engine().screen(c, D("2017-06-30"));
  ASSERT_TRUE(has(f, "cn-2015.unsuitable.9"));
  EXPECT_EQ(get(f, "cn-2015.unsuitable.9")->effective_date, D("2016-12-01"));
  // Corrected: not counted; the next step says to keep following it.
  c.early_warnings[0].corrected = true;
  EXPECT_FALSE(has(engine().screen(c, D("2017-06-30")), "cn-2015.unsuitable.9"));
  EXPECT_NE(get(engine().screen(c, D("2017-06-30")), "cn-2015.unsuitable.9")
                ->next_step.zh_cn.find("已改正"),
            std::string::npos);
  // Given but not yet checked: check the correction first.
  c.early_warnings[0].corrected = false;
  c.early_warnings[0].reviewed_on = D("2017-08-01");
  EXPECT_NE(get(engine().screen(c, D("2017-06-30")), "cn-2015.unsuitable.9")
                ->next_step.zh_cn.find("核查诫勉"),
            std::string::npos);
  c.early_warnings[0].reviewed_on = D("2016-12-01");
  c.early_warnings[0].corrected = true;
  // 2022: no precondition.
  EXPECT_TRUE(has(engine().screen(c, D("2023-01-01")), "cn-2022.unsuitable.12"));
  // Business: only when the rules require an adjustment.
  Cadre b = base_cadre();
  b.family_situations.push_back(
      {"f2", FamilySituationKind::kChildRunsBusiness, D("2022-10-01"), std::nullopt, false});
  EXPECT_FALSE(has(engine().screen(b, D("2023-01-01")), "cn-2022.unsuitable.13"));
  b.family_situations[0].adjustment_required = true;
  EXPECT_TRUE(has(engine().screen(b, D("2023-01-01")), "cn-2022.unsuitable.13"));
}

TEST(Screening, AssignmentRefusalWithoutProperReason) {
  Cadre c = base_cadre();
  c.assignment_refusals.push_back({"r1", D("2023-03-01"), true, "doc"});
  EXPECT_FALSE(has(engine().screen(c, D("2023-06-30")), "cn-2022.unsuitable.6-refusal"));
  c.assignment_refusals[0].proper_reason = false;
  EXPECT_TRUE(has(engine().screen(c, D("2023-06-30")), "cn-2022.unsuitable.6-refusal"));
  EXPECT_FALSE(has(engine().screen(c, D("2023-02-28")), "cn-2022.unsuitable.6-refusal"));
}

TEST(Screening, AccountabilityDecisionWithOrganisationalAdjustment) {
  Cadre c = base_cadre();
  AccountabilityDecision d;
  d.id = "d1";
  d.forms = {AccountabilityForm::kCirculatedCriticism};
  d.decided_on = D("2024-01-31");
  d.document_number = "赣纪〔2024〕1号";
  c.accountability_decisions.push_back(d);
  EXPECT_FALSE(has(engine().screen(c, D("2024-06-30")), "cn-2022.accountability.adjustment"));
  c.accountability_decisions[0].forms.push_back(AccountabilityForm::kOrganisationalAdjustment);
  c.accountability_decisions[0].measures = {OrganisationalMeasure::kRemoval};
  const auto f = engine().screen(c, D("2024-06-30"));
  const Finding *g = get(f, "cn-2022.accountability.adjustment");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->channel, Channel::kAccountability);
  EXPECT_EQ(g->first_deadline, D("2024-02-29"));  // one month, month end
  EXPECT_NE(g->explanation.zh_cn.find("赣纪〔2024〕1号"), std::string::npos);
  // Carried out already: nothing left to screen.
  Adjustment a;
  a.id = "adj1";
  a.basis_id = "d1";
  a.executed_on = D("2024-02-20");
  c.adjustments.push_back(a);
  EXPECT_FALSE(has(engine().screen(c, D("2024-06-30")), "cn-2022.accountability.adjustment"));
  // Exempted (容错 免责) from negative evaluation: shown as exempted with its citation, not
  // counted; before the decision, active.
  c.adjustments.clear();
  ExemptionClaim e;
  e.id = "e1";
  e.concerns = {RecordKind::kAccountabilityDecision, "d1", {}};
  e.decision = ExemptionDecision::kExempt;
  e.effects_cancelled = {ExemptionEffect::kNegativeEvaluation};
  e.decided_on = D("2024-03-01");
  c.exemption_claims.push_back(e);
  const auto x = engine().screen(c, D("2024-06-30"));
  EXPECT_FALSE(has(x, "cn-2022.accountability.adjustment"));
  const Finding *ex = get(x, "cn-2022.accountability.adjustment");
  ASSERT_NE(ex, nullptr);
  EXPECT_EQ(ex->status, FindingStatus::kExempted);
  ASSERT_EQ(ex->exemptions.size(), 1U);
  EXPECT_EQ(ex->exemptions[0].outcome, ExemptionOutcome::kCancelled);
  EXPECT_EQ(ex->exemptions[0].claim_id, "e1");
  EXPECT_TRUE(std::any_of(ex->citations.begin(), ex->citations.end(),
                          [](const Citation &ct) { return ct.article == "第十七条"; }));
  EXPECT_TRUE(has(engine().screen(c, D("2024-02-29")), "cn-2022.accountability.adjustment"));
  // A decision that does not list negative evaluation changes nothing here, and says so.
  c.exemption_claims[0].effects_cancelled = {ExemptionEffect::kPromotion};
  const auto y = engine().screen(c, D("2024-06-30"));
  EXPECT_TRUE(has(y, "cn-2022.accountability.adjustment"));
  EXPECT_EQ(get(y, "cn-2022.accountability.adjustment")->exemptions[0].outcome,
            ExemptionOutcome::kNotListed);
}

TEST(Screening, SanctionsThatRequireRemoval) {
  Cadre c = base_cadre();
  PartySanction s;
  s.id = "s1";
  s.kind = PartySanctionKind::kSeriousWarning;
  s.effective_on = D("2024-05-01");
  c.party_sanctions.push_back(s);
  EXPECT_FALSE(has(engine().screen(c, D("2024-06-30")), "cn-2022.violation.sanction-removal"));
  c.party_sanctions[0].kind = PartySanctionKind::kProbationWithinParty;
  EXPECT_TRUE(has(engine().screen(c, D("2024-06-30")), "cn-2022.violation.sanction-removal"));
  GovernmentSanction g;
  g.id = "g1";
  g.kind = GovernmentSanctionKind::kDismissalFromPost;
  g.effective_on = D("2024-05-02");
  c.government_sanctions.push_back(g);
  int n = 0;
  for (const Finding &f : engine().screen(c, D("2024-06-30"))) {
    n += f.rule_id == "cn-2022.violation.sanction-removal" ? 1 : 0;
  }
  EXPECT_EQ(n, 2);
  EXPECT_FALSE(has(engine().screen(c, D("2024-04-30")), "cn-2022.violation.sanction-removal"));
}

TEST(Screening, JudgementsComeOnlyFromRecordedIncidents) {
  Cadre c = base_cadre();
  Incident i;
  i.id = "i1";
  i.situation_id = "cn-2022.unsuitable.8";
  i.recorded_on = D("2024-03-01");
  c.incidents.push_back(i);
  const auto f = engine().screen(c, D("2024-06-30"));
  const Finding *g = get(f, "cn-2022.unsuitable.8");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->determination, Determination::kNeedsVerification);
  EXPECT_EQ(g->heading, Heading::kNotCompetent);
  // Jiangxi's own situation in 2017, behind the 2015 precondition.
  Cadre j = base_cadre();
  j.posts[0].start_date = D("2014-01-01");
  Incident k;
  k.id = "i2";
  k.situation_id = "jx.unsuitable.central-tasks";
  k.recorded_on = D("2017-03-01");
  k.verified = true;
  k.prior_warning_id = "w9";
  j.incidents.push_back(k);
  EXPECT_FALSE(has(engine().screen(j, D("2017-06-30")), "jx.unsuitable.central-tasks"));
  EarlyWarning w;
  w.id = "w9";
  w.kind = EarlyWarningKind::kInquiryLetter;
  w.issued_on = D("2016-10-01");
  w.reviewed_on = D("2017-04-01");
  j.early_warnings.push_back(w);
  const auto h = engine().screen(j, D("2017-06-30"));
  ASSERT_TRUE(has(h, "jx.unsuitable.central-tasks"));
  EXPECT_EQ(get(h, "jx.unsuitable.central-tasks")->catalogue.id, "jx");
  EXPECT_EQ(get(h, "jx.unsuitable.central-tasks")->determination, Determination::kComputed);
  // Outside Jiangxi the Jiangxi rule does not exist.
  j.posts[0].region_code = "440100";
  EXPECT_FALSE(has(engine().screen(j, D("2017-06-30")), "jx.unsuitable.central-tasks"));
}

TEST(Screening, VoluntaryResignationAccepted) {
  Cadre c = base_cadre();
  c.resignation_requests.push_back(
      {"q1", D("2024-01-10"), ResignationReason::kFamilyHardship, std::nullopt, false});
  EXPECT_FALSE(has(engine().screen(c, D("2024-06-30")), "cn-2022.resignation.voluntary"));
  c.resignation_requests[0].accepted_on = D("2024-03-01");
  const auto f = engine().screen(c, D("2024-06-30"));
  ASSERT_TRUE(has(f, "cn-2022.resignation.voluntary"));
  EXPECT_EQ(get(f, "cn-2022.resignation.voluntary")->channel, Channel::kVoluntaryResignation);
}

TEST(Screening, SeveralFindingsComeInAStableOrder) {
  Cadre c = base_cadre();
  c.birth_date = D("1960-01-01");
  c.assessments = {grade(2024, AssessmentGrade::kIncompetent)};
  c.assignment_refusals.push_back({"r1", D("2024-03-01"), false, ""});
  const auto f = engine().screen(c, D("2025-06-30"));
  ASSERT_EQ(rule_ids(f),
            (std::vector<std::string>{"cn-2022.age.retirement", "cn-2022.unsuitable.14-grade",
                                      "cn-2022.unsuitable.6-refusal"}));
}

TEST(Screening, TheDayOneCatalogueGivesWayToTheNext) {
  Cadre c = base_cadre("110000");
  c.birth_date = D("1955-01-01");
  c.posts[0].start_date = D("2014-01-01");
  EXPECT_EQ(rule_ids(engine().screen(c, D("2022-09-07"))),
            (std::vector<std::string>{"cn-2015.age.retirement"}));
  EXPECT_EQ(rule_ids(engine().screen(c, D("2022-09-08"))),
            (std::vector<std::string>{"cn-2022.age.retirement"}));
}

}  // namespace
}  // namespace cadre

namespace cadre {
namespace {

// Every rule decided by record, in every shipped catalogue: a recorded
// incident makes it true from the day it is recorded, never the day before;
// another situation never does; the 2015 precondition holds where set.
TEST(Screening, EveryRecordedIncidentRule) {
  // covers-kind: recorded-incident
  const CatalogueSet set = CatalogueSet::builtin();
  int rules = 0;
  for (const Catalogue &cat : set.catalogues()) {
    for (const Rule &r : cat.rules) {
      if (r.kind != "recorded-incident") continue;
      ++rules;
      const std::string region = cat.jurisdiction == "CN" ? "110000" : cat.jurisdiction;
      const Date recorded = cat.effective_from->add_months(6);
      Cadre c = base_cadre(region);
      c.posts[0].start_date = cat.effective_from->add_years(-1);
      Incident i;
      i.id = "i1";
      i.situation_id = r.id;
      i.recorded_on = recorded;
      i.prior_warning_id = "w1";
      c.incidents.push_back(i);
      EarlyWarning w;
      w.id = "w1";
      w.kind = EarlyWarningKind::kReminder;
      w.issued_on = cat.effective_from->add_months(1);
      w.reviewed_on = cat.effective_from->add_months(4);
      c.early_warnings.push_back(w);
      const Date day = recorded.add_days(10);
      EXPECT_TRUE(has(engine().screen(c, day), r.id)) << r.id;
      EXPECT_FALSE(has(engine().screen(c, recorded.add_days(-1)), r.id)) << r.id;
      Cadre other = c;
      other.incidents[0].situation_id = "cn-2022.unsuitable.none";
      EXPECT_FALSE(has(engine().screen(other, day), r.id)) << r.id;
      if (r.requires_prior_warning) {
        Cadre heeded = c;
        heeded.early_warnings[0].corrected = true;
        const auto found = engine().screen(heeded, day);
        EXPECT_FALSE(has(found, r.id)) << r.id;
        ASSERT_TRUE(any(found, r.id)) << r.id;
        EXPECT_EQ(get(found, r.id)->status, FindingStatus::kPreconditionNotMet) << r.id;
        EXPECT_FALSE(get(found, r.id)->next_step.zh_cn.empty()) << r.id;
      }
    }
  }
  EXPECT_GE(rules, 20);
}

}  // namespace
}  // namespace cadre

namespace cadre {
namespace {

// Rules in both central catalogues: the same facts give the 2015 rule up to
// 2022-09-07 and the 2022 rule from 2022-09-08.
TEST(Screening, TwinRulesAcrossTheSwitchOfCatalogues) {
  struct Twin {
    std::string suffix;
    void (*setup)(Cadre &);
    std::string old_suffix = {};  // the 2015 catalogue's version in force on 2022-09-07
  };
  const Twin twins[] = {
      {"term.years-at-level",
       [](Cadre &c) {
         c.posts[0].start_date = D("2006-01-01");
         c.posts[0].terms = {{1, D("2021-01-01"), std::nullopt}};
       }},
      {"term.exchange",
       [](Cadre &c) {
         c.posts[0].start_date = D("2011-01-01");
         c.posts[0].rank_level = RankLevel::kCountyDeputy;
         c.posts[0].local_party_or_government_leader = true;
         c.posts[0].terms = {{1, D("2021-01-01"), std::nullopt}};
       }},
      {"term.consecutive-terms",
       [](Cadre &c) {
         c.posts[0].start_date = D("2012-01-01");
         c.posts[0].terms = {{1, D("2012-01-01"), D("2016-12-31")},
                             {2, D("2017-01-01"), D("2021-12-31")}};
       }},
      {"health.one-year",
       [](Cadre &c) {
         c.health_spells.push_back({"h1", D("2021-01-01"), std::nullopt, false, true});
       }},
      {"accountability.adjustment",
       [](Cadre &c) {
         AccountabilityDecision d;
         d.id = "d1";
         d.forms = {AccountabilityForm::kOrganisationalAdjustment};
         d.measures = {OrganisationalMeasure::kPostAdjustment};
         d.decided_on = D("2022-08-01");
         c.accountability_decisions.push_back(d);
       },
       "accountability.2019"},
      {"violation.sanction-removal",
       [](Cadre &c) {
         PartySanction s;
         s.id = "s1";
         s.kind = PartySanctionKind::kRemovalFromPartyPost;
         s.effective_on = D("2022-08-01");
         c.party_sanctions.push_back(s);
       }},
      {"resignation.voluntary",
       [](Cadre &c) {
         c.resignation_requests.push_back(
             {"q1", D("2022-06-01"), ResignationReason::kHealth, D("2022-07-01"), false});
       }},
  };
  for (const Twin &t : twins) {
    Cadre c = base_cadre("110000");
    c.posts[0].start_date = D("2014-01-01");
    t.setup(c);
    const std::string old_id = "cn-2015." + (t.old_suffix.empty() ? t.suffix : t.old_suffix);
    EXPECT_TRUE(has(engine().screen(c, D("2022-09-07")), old_id)) << t.suffix;
    EXPECT_FALSE(has(engine().screen(c, D("2022-09-07")), "cn-2022." + t.suffix)) << t.suffix;
    EXPECT_TRUE(has(engine().screen(c, D("2022-09-08")), "cn-2022." + t.suffix)) << t.suffix;
  }
  // The literal ids, so that the catalogue reference can name this test.
  for (const char *id :
       {"cn-2015.term.years-at-level", "cn-2015.term.exchange", "cn-2015.term.consecutive-terms",
        "cn-2015.health.one-year", "cn-2015.resignation.voluntary",
        "cn-2022.term.consecutive-terms", "cn-2022.term.years-at-level", "cn-2022.term.exchange",
        "cn-2022.health.one-year", "cn-2022.resignation.voluntary", "cn-2015.accountability.2019",
        "cn-2015.violation.sanction-removal"}) {
    EXPECT_NE(CatalogueSet::builtin().find(std::string(id).substr(0, 7))->rule(id), nullptr) << id;
  }
}

}  // namespace
}  // namespace cadre
