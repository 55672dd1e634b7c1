// Going up as catalogue data: eligibility and grade caps under the engine's catalogues, with
// dated versions, the period conventions and one exemption semantics.
#include "cadre/eligibility.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "codec/catalogue_codec.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

using testing::D;

const Engine &engine() {
  static const Engine kEngine;
  return kEngine;
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

// An engine with the shipped catalogues and one host catalogue, given as text.
Engine host_engine(const std::string &text) {
  Catalogue host;
  std::vector<Status> errors;
  EXPECT_TRUE(codec::parse_catalogue_text(text, "host", host, errors));
  EngineConfig config;
  config.catalogues = *codec::builtin_catalogue_set();
  EXPECT_TRUE(config.catalogues.add(host).ok());
  return Engine(config);
}

EligibilityAnswer up(const Cadre &c, std::string_view as_of,
                     EligibilityTarget target = EligibilityTarget::kHigherLevel,
                     RankLevel level = RankLevel::kUnspecified, const Engine &e = engine()) {
  return eligibility(c, target, level, D(as_of), e);
}

const Blocker *find(const EligibilityAnswer &a, std::string_view rule,
                    std::string_view check = {}) {
  for (const Blocker &b : a.blockers) {
    if (b.rule_id == rule && (check.empty() || b.check == check)) {
      return &b;
    }
  }
  return nullptr;
}

bool has_rule(const EligibilityAnswer &a, std::string_view rule, std::string_view check = {}) {
  return find(a, rule, check) != nullptr;
}

bool cites(const std::vector<Citation> &v, std::string_view key, std::string_view article = {}) {
  return std::any_of(v.begin(), v.end(), [&](const Citation &c) {
    return c.key == key && (article.empty() || c.article == article);
  });
}

EarlyWarning admonished(std::string id, std::string_view on) {
  EarlyWarning w;
  w.id = std::move(id);
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D(on);
  return w;
}

TEST(Eligibility, CleanCadreIsEligible) {
  const auto a = up(base(), "2025-06-30");
  EXPECT_TRUE(a.eligible);
  EXPECT_TRUE(a.blockers.empty());
  EXPECT_EQ(a.target_level, RankLevel::kCountyPrincipal);
}

TEST(Eligibility, AnswersCarryTheCatalogueInForce) {
  const auto a = up(base(), "2025-06-30");
  EXPECT_EQ(a.catalogue.id, "cn-2022");
  EXPECT_EQ(a.catalogue.content_hash.size(), 64U);
  EXPECT_EQ(up(base(), "2017-06-30").catalogue.id, "cn-2015");
  Cadre jx = base();
  jx.posts[0].region_code = "360102";
  EXPECT_EQ(up(jx, "2017-06-30").catalogue.id, "jx");
  EXPECT_EQ(up(jx, "2023-06-30").catalogue.id, "cn-2022");
  // Before any catalogue: the answer says so rather than "eligible".
  const auto none = up(base(), "2013-06-30");
  EXPECT_FALSE(none.eligible);
  ASSERT_EQ(none.blockers.size(), 1U);
  EXPECT_EQ(none.blockers[0].rule_id, "up.no-catalogue");
  EXPECT_TRUE(none.catalogue.id.empty());
}

// 6 months from 2024-01-15, the start day counted as day one: through 2024-07-14, promotable
// on 2024-07-15 (cn-common.up.admonishment, counting start-day-is-day-one).
TEST(Eligibility, AdmonishmentCountsTheStartDayAsDayOne) {
  Cadre c = base();
  c.early_warnings.push_back(admonished("w1", "2024-01-15"));
  auto a = up(c, "2024-07-14");
  ASSERT_FALSE(a.eligible);
  ASSERT_EQ(a.blockers.size(), 1U);
  const Blocker &b = a.blockers[0];
  EXPECT_EQ(b.rule_id, "cn-common.up.admonishment");
  EXPECT_EQ(b.check, "admonishment");
  EXPECT_EQ(b.lifts_on, D("2024-07-15"));
  EXPECT_EQ(b.since, D("2024-01-15"));
  EXPECT_EQ(b.record.id, "w1");
  EXPECT_EQ(b.catalogue.id, "cn-common");
  EXPECT_EQ(b.citations[0].key, "txjm-zzb");
  EXPECT_EQ(b.citations[0].verification, Verification::kRecalled);
  // The basis is the central 实施细则, its title not glued to a local text's.
  EXPECT_EQ(b.citations[0].document,
            "《关于组织人事部门对领导干部进行提醒、函询和诫勉的实施细则》");
  EXPECT_TRUE(b.citations[1].evidence);  // the Nanchang text: evidence of the wording
  EXPECT_EQ(b.citations[1].key, "txjm-nc-2016");
  EXPECT_NE(b.explanation.zh_cn.find("至2024-07-14止，2024-07-15起解除"), std::string::npos);
  EXPECT_NE(b.explanation.zh_cn.find("起算之日计入"), std::string::npos);
  EXPECT_NE(b.explanation.en.find("6 months"), std::string::npos);
  EXPECT_NE(b.explanation.en.find("the start day counts as day one"), std::string::npos);
  EXPECT_EQ(a.eligible_from, D("2024-07-15"));
  EXPECT_TRUE(up(c, "2024-07-15").eligible);
  // Not known yet on the as-of date.
  EXPECT_TRUE(up(c, "2024-01-14").eligible);
  // Same level: an admonishment does not block it.
  EXPECT_TRUE(up(c, "2024-03-01", EligibilityTarget::kSameLevel).eligible);
}

// The example of the issue: 6 months from 2021-03-10 run through 2021-09-09.
TEST(Eligibility, SixMonthsFromTheTenthOfMarch) {
  Cadre c = base();
  c.early_warnings.push_back(admonished("w1", "2021-03-10"));
  EXPECT_FALSE(up(c, "2021-09-09").eligible);
  EXPECT_TRUE(up(c, "2021-09-10").eligible);
  EXPECT_EQ(up(c, "2021-04-01").blockers[0].lifts_on, D("2021-09-10"));
}

TEST(Eligibility, MonthEndAndLeapDay) {
  Cadre c = base();
  c.early_warnings.push_back(admonished("w1", "2024-08-31"));  // no 31 February: 02-28 is last
  EXPECT_FALSE(up(c, "2025-02-28").eligible);
  EXPECT_TRUE(up(c, "2025-03-01").eligible);
  c.early_warnings[0].issued_on = D("2023-08-29");  // through 2024-02-28
  EXPECT_FALSE(up(c, "2024-02-28").eligible);
  EXPECT_TRUE(up(c, "2024-02-29").eligible);
  c.early_warnings[0].issued_on = D("2023-03-01");  // a period from the first runs to month end
  EXPECT_FALSE(up(c, "2023-08-31").eligible);
  EXPECT_TRUE(up(c, "2023-09-01").eligible);
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

// A host switches the counting convention in its own catalogue.
TEST(Eligibility, AHostCanSwitchTheCountingConvention) {
  const std::string text = R"(
id: "gd"
title { zh_cn: "示例" en: "example" }
jurisdiction: "440000"
effective_from: "2023-01-01"
base: "cn-2022"
rules {
  id: "gd.up.admonishment"
  overrides: "cn-common.up.admonishment"
  citations { key: "txjm-zzb" verification: VERIFICATION_RECALLED }
  text { zh_cn: "诫勉" en: "admonishment" }
  kind: "admonishment-impact"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "months" value: "6" }
  parameters { name: "counting" value: "start-day-not-counted" }
}
)";
  const Engine host = host_engine(text);
  Cadre c = base();
  c.posts[0].region_code = "440100";
  c.early_warnings.push_back(admonished("w1", "2024-01-15"));
  const auto a =
      up(c, "2024-07-15", EligibilityTarget::kHigherLevel, RankLevel::kUnspecified, host);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.catalogue.id, "gd");
  EXPECT_EQ(a.blockers[0].rule_id, "gd.up.admonishment");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-07-16"));  // the civil-law default: a day later
  EXPECT_NE(a.blockers[0].explanation.zh_cn.find("起算之日不计入"), std::string::npos);
  EXPECT_TRUE(cites(a.blockers[0].citations, "mfd-2020", "第二百零一条"));
  EXPECT_TRUE(
      up(c, "2024-07-16", EligibilityTarget::kHigherLevel, RankLevel::kUnspecified, host).eligible);
}

TEST(Eligibility, PartySanctionsUnderTheVersionOfTheirDay) {
  Cadre c = base();
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kSeriousWarning;
  s.effective_on = D("2023-03-31");
  c.party_sanctions.push_back(s);
  auto a = up(c, "2024-01-01");
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.party-sanctions.2018");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-10-01"));  // 18 months
  EXPECT_TRUE(cites(a.blockers[0].citations, "jlcf-2018", "第十条"));
  EXPECT_FALSE(up(c, "2024-09-30").eligible);
  EXPECT_TRUE(up(c, "2024-10-01").eligible);
  // Under the 2003 regulations a serious warning barred promotion for one year only.
  c.party_sanctions[0].effective_on = D("2015-09-01");
  a = up(c, "2016-03-01");
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.party-sanctions.2003");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2016-09-01"));
  // Under the 2015 regulations (in force 2016-01-01): eighteen months.
  c.party_sanctions[0].effective_on = D("2016-06-01");
  EXPECT_EQ(up(c, "2017-01-01").blockers[0].rule_id, "cn-common.up.party-sanctions.2016");
  EXPECT_EQ(up(c, "2017-01-01").blockers[0].lifts_on, D("2017-12-01"));
  // Under the 2023 regulations (in force 2024-02-01).
  c.party_sanctions[0].effective_on = D("2024-02-01");
  EXPECT_EQ(up(c, "2024-03-01").blockers[0].rule_id, "cn-common.up.party-sanctions.2024");
  EXPECT_TRUE(cites(up(c, "2024-03-01").blockers[0].citations, "jlcf-2023"));
  // Removal from party posts blocks an equal post too.
  c.party_sanctions[0].effective_on = D("2023-03-31");
  c.party_sanctions[0].kind = PartySanctionKind::kRemovalFromPartyPost;
  EXPECT_FALSE(up(c, "2025-03-30", EligibilityTarget::kSameLevel).eligible);
  EXPECT_TRUE(up(c, "2025-03-31", EligibilityTarget::kSameLevel).eligible);
  // Probation within the party: two years after restoration.
  c.party_sanctions[0].kind = PartySanctionKind::kProbationWithinParty;
  c.party_sanctions[0].probation_years = 1;
  c.party_sanctions[0].restored_on = D("2024-04-10");
  a = up(c, "2024-06-01", EligibilityTarget::kSameLevel);
  ASSERT_FALSE(a.eligible);
  EXPECT_EQ(a.blockers[0].check, "probation");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2026-04-10"));
  EXPECT_NE(a.blockers[0].explanation.zh_cn.find("自2024-04-10起算"), std::string::npos);
  EXPECT_FALSE(up(c, "2026-04-09").eligible);
  EXPECT_TRUE(up(c, "2026-04-10").eligible);
  // Expulsion does not lift by itself.
  c.party_sanctions[0].kind = PartySanctionKind::kExpulsion;
  a = up(c, "2040-01-01");
  ASSERT_FALSE(a.eligible);
  EXPECT_FALSE(a.blockers[0].lifts_on.has_value());
  EXPECT_FALSE(a.eligible_from.has_value());
  EXPECT_NE(a.blockers[0].explanation.en.find("does not lift by itself"), std::string::npos);
}

TEST(Eligibility, AccountabilityRemovalAndTheLongerPeriodGoverns) {
  Cadre c = base();
  AccountabilityDecision d;
  d.id = "ad1";
  d.forms = {AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kOrderedResignation};
  d.decided_on = D("2024-05-20");
  c.accountability_decisions.push_back(d);
  auto a = up(c, "2024-06-01", EligibilityTarget::kSameLevel);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.accountability-removal.2019");
  EXPECT_EQ(a.blockers[0].check, "no-post");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-05-20"));
  EXPECT_TRUE(up(c, "2025-05-20", EligibilityTarget::kSameLevel).eligible);
  a = up(c, "2025-06-01");
  ASSERT_FALSE(a.eligible);
  EXPECT_TRUE(has_rule(a, "cn-common.up.accountability-removal.2019", "no-higher"));
  EXPECT_EQ(a.eligible_from, D("2026-05-20"));
  // A concurrent 撤职 of 24 months from a later date: the longer one governs.
  GovernmentSanction g;
  g.id = "gs1";
  g.kind = GovernmentSanctionKind::kDismissalFromPost;
  g.effective_on = D("2024-08-01");
  c.government_sanctions.push_back(g);
  a = up(c, "2026-06-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.government-sanctions.2020");
  EXPECT_EQ(a.eligible_from, D("2026-08-01"));
  // Before 2019-03-17 the 2014 regulations govern (their wording recalled).
  c.government_sanctions.clear();
  c.accountability_decisions[0].decided_on = D("2018-05-20");
  a = up(c, "2018-06-01", EligibilityTarget::kSameLevel);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.accountability-removal.2014");
  EXPECT_TRUE(cites(a.blockers[0].citations, "xbry-2014"));
  EXPECT_FALSE(cites(a.blockers[0].citations, "xbry-2019"));  // not yet in force
}

TEST(Eligibility, UnsuitableAdjustmentBlocksPromotionOneYear) {
  Cadre c = base();
  Adjustment adj;
  adj.id = "a1";
  adj.channel = Channel::kUnsuitable;
  adj.method = AdjustmentMethod::kTransferOut;
  adj.decided_on = D("2024-12-31");
  c.adjustments.push_back(adj);
  EXPECT_EQ(up(c, "2025-01-01").blockers[0].rule_id, "cn-common.up.unsuitable-adjustment.2019");
  EXPECT_FALSE(up(c, "2025-12-30").eligible);
  EXPECT_TRUE(up(c, "2025-12-31").eligible);
  EXPECT_TRUE(up(c, "2025-06-01", EligibilityTarget::kSameLevel).eligible);
  c.adjustments[0].decided_on = D("2017-05-01");
  EXPECT_EQ(up(c, "2017-06-01").blockers[0].rule_id, "cn-common.up.unsuitable-adjustment.2015");
}

// 降职: one year of service in the new post before 2021 (公务员职务升降规定), two years of no
// promotion under the 2021 organisational-treatment provisions (RECALLED).
TEST(Eligibility, DemotionUnderTheVersionOfItsDay) {
  Cadre c = base();
  Adjustment adj;
  adj.id = "a1";
  adj.channel = Channel::kAccountability;
  adj.method = AdjustmentMethod::kDemotion;
  adj.decided_on = D("2020-06-10");
  c.adjustments.push_back(adj);
  auto a = up(c, "2020-07-01");
  const Blocker *b = find(a, "cn-common.up.demotion.2008");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->lifts_on, D("2021-06-10"));  // one year or more served: reached that day
  EXPECT_TRUE(up(c, "2021-06-10").eligible);
  c.adjustments[0].decided_on = D("2021-06-10");
  a = up(c, "2021-07-01");
  b = find(a, "cn-common.up.demotion.2021");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->lifts_on, D("2023-06-10"));
  EXPECT_EQ(b->citations[0].key, "zzcl-2021");
  EXPECT_EQ(b->citations[0].verification, Verification::kRecalled);
  // 调整职务 as organisational treatment: one year (2021, RECALLED).
  Cadre t = base();
  AccountabilityDecision d;
  d.id = "ad1";
  d.forms = {AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kPostAdjustment};
  d.decided_on = D("2022-03-01");
  t.accountability_decisions.push_back(d);
  EXPECT_TRUE(
      has_rule(up(t, "2022-04-01"), "cn-common.up.post-adjustment.2021", "post-adjustment"));
  EXPECT_TRUE(up(t, "2023-03-01").eligible);
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
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.government-sanctions.2020");
  EXPECT_EQ(a.blockers[0].check, "composed");
  EXPECT_EQ(a.blockers[0].since, D("2024-01-10"));
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-07-10"));
  // Same kind at once: up to the sum (12 + 12).
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2024-01-10"),
                            gov("g2", GovernmentSanctionKind::kDemerit, "2024-01-10")};
  EXPECT_EQ(up(c, "2024-02-01").blockers[0].lifts_on, D("2026-01-10"));
  // New during a running one: remaining + new (12 from 2024-01-10, then 18 from 2024-06-01).
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2024-01-10"),
                            gov("g2", GovernmentSanctionKind::kMajorDemerit, "2024-06-01")};
  a = up(c, "2024-07-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2026-07-10"));
  EXPECT_EQ(a.blockers[0].record.id, "g2");
  // Cap of 48 months from the first, under the 2007 regulations of the chain's start.
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDismissalFromPost, "2020-03-31"),
                            gov("g2", GovernmentSanctionKind::kDismissalFromPost, "2021-01-01"),
                            gov("g3", GovernmentSanctionKind::kDowngrade, "2022-01-01")};
  a = up(c, "2023-01-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.government-sanctions.2007");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-03-31"));
  EXPECT_NE(a.blockers[0].explanation.zh_cn.find("48个月"), std::string::npos);
  EXPECT_TRUE(cites(a.blockers[0].citations, "xzcf-2007", "第十条"));
  EXPECT_FALSE(up(c, "2024-03-30").eligible);
  EXPECT_TRUE(up(c, "2024-03-31").eligible);
  // After the end: a new chain.
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kWarning, "2020-01-01"),
                            gov("g2", GovernmentSanctionKind::kWarning, "2021-01-01")};
  EXPECT_EQ(up(c, "2021-02-01").blockers[0].lifts_on, D("2021-07-01"));
}

// Checked as of 2016-02-29, a sanction decided weeks later does not count.
TEST(Eligibility, RecordsAfterTheAsOfDateDoNotCount) {
  Cadre c = base();
  c.posts[0].start_date = D("2010-01-01");
  GovernmentSanction g = gov("g1", GovernmentSanctionKind::kDemerit, "2016-03-20");
  g.decided_on = D("2016-03-20");
  c.government_sanctions.push_back(g);
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kWarning;
  s.decided_on = D("2016-03-15");
  s.effective_on = D("2016-03-15");
  c.party_sanctions.push_back(s);
  c.early_warnings.push_back(admonished("w1", "2016-04-01"));
  EXPECT_TRUE(up(c, "2016-02-29").eligible);
  const auto a = up(c, "2016-04-01");
  EXPECT_EQ(a.blockers.size(), 3U);
  for (const Blocker &b : a.blockers) {
    ASSERT_TRUE(b.since.has_value()) << b.rule_id;
    EXPECT_LE(*b.since, D("2016-04-01"));
  }
}

ExemptionClaim claim(std::string id, RecordKind kind, std::string record,
                     ExemptionDecision decision, std::string_view decided) {
  ExemptionClaim e;
  e.id = std::move(id);
  e.concerns = {.kind = kind, .id = std::move(record), .cadre_id = ""};
  e.decision = decision;
  e.decided_on = D(decided);
  return e;
}

// An accountability decision with 诫勉 and an admonishment of its own: the exemption names
// the decision only.
Cadre admonished_twice() {
  Cadre c = base();
  AccountabilityDecision d;
  d.id = "ad1";
  d.forms = {AccountabilityForm::kAdmonishment};
  d.decided_on = D("2024-03-01");
  c.accountability_decisions.push_back(d);
  c.early_warnings.push_back(admonished("w1", "2024-03-01"));
  return c;
}

TEST(Exemption, CancelsOnlyWhatItListsForTheRecordItNames) {
  Cadre c = admonished_twice();
  ExemptionClaim e = claim("x1", RecordKind::kAccountabilityDecision, "ad1",
                           ExemptionDecision::kExempt, "2024-04-01");
  e.effects_cancelled = {ExemptionEffect::kPromotion};
  c.exemption_claims.push_back(e);
  auto a = up(c, "2024-05-01");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].record.id, "w1");
  ASSERT_EQ(a.waived.size(), 1U);
  EXPECT_EQ(a.waived[0].exemption_claim_id, "x1");
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"x1"});
  EXPECT_TRUE(cites(a.waived[0].citations, "wztl-2019", "第十七条"));
  ASSERT_EQ(a.exemptions.size(), 1U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kCancelled);
  EXPECT_EQ(a.exemptions[0].rule_id, "cn-common.exemption.2019");
  EXPECT_NE(a.waived[0].explanation.zh_cn.find("列明不影响"), std::string::npos);
  // Decided after the as-of date: it does not count (replay).
  EXPECT_EQ(up(c, "2024-03-31").blockers.size(), 2U);
  EXPECT_TRUE(up(c, "2024-03-31").exemptions.empty());
  // An exemption that cancels only awards leaves promotion blocked, and says so.
  c.exemption_claims[0].effects_cancelled = {ExemptionEffect::kAwards};
  a = up(c, "2024-05-01");
  EXPECT_EQ(a.blockers.size(), 2U);
  EXPECT_TRUE(a.waived.empty());
  ASSERT_EQ(a.exemptions.size(), 1U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kNotListed);
  // Denied: nothing changes.
  c.exemption_claims[0].decision = ExemptionDecision::kDenied;
  c.exemption_claims[0].effects_cancelled = {ExemptionEffect::kPromotion};
  a = up(c, "2024-05-01");
  EXPECT_EQ(a.blockers.size(), 2U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kDenied);
  // Lighter: shortened to impact_months, counted the same way.
  c.exemption_claims[0].decision = ExemptionDecision::kLighter;
  c.exemption_claims[0].impact_months = 3;
  a = up(c, "2024-05-01");
  ASSERT_EQ(a.blockers.size(), 2U);
  EXPECT_EQ(a.blockers[0].record.id, "ad1");
  EXPECT_EQ(a.blockers[0].lifts_on, D("2024-06-01"));
  EXPECT_EQ(a.blockers[0].exemption_claim_id, "x1");
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kShortened);
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"x1"});
}

// A sanction is 违纪违法: exempting it is inconsistent with the rules, flagged with both
// citations and not honoured.
TEST(Exemption, ExemptingARecordThatCarriesAnExclusionIsInconsistent) {
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2024-01-10")};
  ExemptionClaim e =
      claim("x1", RecordKind::kGovernmentSanction, "g1", ExemptionDecision::kExempt, "2024-02-01");
  e.effects_cancelled = {ExemptionEffect::kPromotion};
  c.exemption_claims.push_back(e);
  auto a = up(c, "2024-03-01");
  EXPECT_FALSE(a.eligible);
  EXPECT_TRUE(a.waived.empty());
  ASSERT_EQ(a.exemptions.size(), 1U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kInconsistent);
  EXPECT_TRUE(cites(a.exemptions[0].citations, "wztl-2019", "第十七条"));
  EXPECT_TRUE(cites(a.exemptions[0].citations, "rc-js-2017"));  // the exclusion's source
  EXPECT_NE(a.exemptions[0].explanation.zh_cn.find("违反党纪国法"), std::string::npos);
  // Consistency flags the decision too.
  const auto flags = consistency(c, D("2024-03-01"), engine());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].rule_id, "cn-common.exemption.2019");
  EXPECT_EQ(flags[0].record.kind, RecordKind::kExemptionClaim);
  // An exclusion the decision itself found (重特大安全责任事故) on an incident-based decision.
  Cadre d = admonished_twice();
  ExemptionClaim f = claim("x2", RecordKind::kAccountabilityDecision, "ad1",
                           ExemptionDecision::kExempt, "2024-04-01");
  f.effects_cancelled = {ExemptionEffect::kPromotion};
  f.exclusions = {{.exclusion = ExemptionExclusion::kMajorSafetyAccident, .applies = true}};
  d.exemption_claims.push_back(f);
  a = up(d, "2024-05-01");
  EXPECT_EQ(a.blockers.size(), 2U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kInconsistent);
  // 从轻 with an exclusion: not honoured either.
  d.exemption_claims[0].decision = ExemptionDecision::kMitigated;
  d.exemption_claims[0].impact_months = 1;
  a = up(d, "2024-05-01");
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kInconsistent);
  EXPECT_TRUE(a.exemptions_applied.empty());
}

// No rule of error tolerance in force: the decision is not applied and the answer says so; in
// Jiangxi the 2016 provincial opinions apply from 2016-03-02.
TEST(Exemption, NeedsARuleInForceOnTheAsOfDate) {
  Cadre c = admonished_twice();
  for (auto &d : c.accountability_decisions) d.decided_on = D("2017-03-01");
  c.early_warnings[0].issued_on = D("2017-03-01");
  ExemptionClaim e = claim("x1", RecordKind::kAccountabilityDecision, "ad1",
                           ExemptionDecision::kExempt, "2017-04-01");
  e.effects_cancelled = {ExemptionEffect::kPromotion};
  c.exemption_claims.push_back(e);
  auto a = up(c, "2017-05-01");
  ASSERT_EQ(a.exemptions.size(), 1U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kNoRuleInForce);
  EXPECT_EQ(a.blockers.size(), 2U);
  c.posts[0].region_code = "360700";
  a = up(c, "2017-05-01");
  ASSERT_EQ(a.exemptions.size(), 1U);
  EXPECT_EQ(a.exemptions[0].outcome, ExemptionOutcome::kCancelled);
  EXPECT_EQ(a.exemptions[0].rule_id, "jx.exemption.2016");
  EXPECT_EQ(a.blockers.size(), 1U);
}

TEST(Eligibility, Prerequisites) {
  Cadre c = base();
  c.posts[0].rank_level = RankLevel::kTownshipPrincipal;
  c.posts[0].start_date = D("2022-03-01");
  c.work_start_date = D("2021-01-31");
  c.grassroots_months = 12;
  auto a = up(c, "2025-02-27");
  EXPECT_EQ(a.target_level, RankLevel::kCountyDeputy);
  EXPECT_TRUE(has_rule(a, "cn-common.up.prerequisites.2019", "working-years"));
  EXPECT_TRUE(has_rule(a, "cn-common.up.prerequisites.2019", "grassroots"));
  EXPECT_TRUE(has_rule(a, "cn-common.up.prerequisites.2019", "principal-to-higher-deputy"));
  EXPECT_EQ(find(a, "cn-common.up.prerequisites.2019", "working-years")->lifts_on, D("2026-01-31"));
  EXPECT_NE(find(a, "cn-common.up.prerequisites.2019", "grassroots")
                ->explanation.en.find("12 months, below 24 months"),
            std::string::npos);
  // Time in post: 3 years reached on 2025-03-01 (满三年: the start day not counted, the number
  // included).
  c.work_start_date = D("2010-01-01");
  c.grassroots_months = 24;
  a = up(c, "2025-02-28");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-03-01"));
  EXPECT_TRUE(cites(a.blockers[0].citations, "mfd-2020", "第一千二百五十九条"));
  EXPECT_TRUE(up(c, "2025-03-01").eligible);
  // Before 2019-03-17: the 2014 regulations; with the civil law of the day.
  c.posts[0].start_date = D("2016-03-01");
  a = up(c, "2019-02-28");
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].rule_id, "cn-common.up.prerequisites.2014");
  EXPECT_TRUE(cites(a.blockers[0].citations, "mfzz-2017", "第二百零五条"));
  EXPECT_FALSE(cites(a.blockers[0].citations, "mfd-2020"));
  // Deputy to principal: 2 years.
  Cadre d = base();
  d.posts[0].start_date = D("2023-06-15");
  EXPECT_FALSE(up(d, "2025-06-14").eligible);
  EXPECT_TRUE(up(d, "2025-06-15").eligible);
  // Two levels up is only possible as 破格.
  EXPECT_TRUE(
      has_rule(up(base(), "2025-06-30", EligibilityTarget::kNamedLevel, RankLevel::kBureauDeputy),
               "cn-common.up.exceptional.2019", "skip-level"));
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
  EXPECT_TRUE(has_rule(a, "cn-common.up.exceptional.2019", "after-promotion"));
  EXPECT_TRUE(has_rule(a, "cn-common.up.exceptional.2019", "probation"));
  EXPECT_FALSE(has_rule(a, "cn-common.up.prerequisites.2019"));  // 破格 may break them
  EXPECT_TRUE(has_rule(up(c, "2025-06-01"), "cn-common.up.probation", "running"));
  c.posts[1].probation->result = ProbationResult::kPassed;
  a = up(c, "2025-09-09", EligibilityTarget::kExceptional);
  ASSERT_EQ(a.blockers.size(), 1U);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2025-09-10"));
  EXPECT_TRUE(up(c, "2025-09-10", EligibilityTarget::kExceptional).eligible);
  c.posts[1].exceptional_promotion = true;
  EXPECT_TRUE(has_rule(up(c, "2026-01-01", EligibilityTarget::kExceptional),
                       "cn-common.up.exceptional.2019", "consecutive"));
  c.posts[1].exceptional_promotion = false;
  EXPECT_TRUE(
      has_rule(up(c, "2026-01-01", EligibilityTarget::kExceptional, RankLevel::kBureauPrincipal),
               "cn-common.up.exceptional.2019", "two-levels"));
  EXPECT_TRUE(
      up(c, "2026-01-01", EligibilityTarget::kExceptional, RankLevel::kBureauDeputy).eligible);
}

// The 12 months after a failed probation have no national source: a host's policy, said so.
TEST(Eligibility, FailedProbationIsAHostPolicy) {
  Cadre c = base();
  Post tried = c.posts[0];
  tried.id = "p0";
  tried.rank_level = RankLevel::kCountyPrincipal;
  tried.start_date = D("2023-01-01");
  tried.end_date = D("2023-12-31");
  tried.probation = Probation{.start_date = D("2023-01-01"),
                              .end_date = D("2023-12-31"),
                              .result = ProbationResult::kFailed};
  c.posts.push_back(tried);
  const auto a = up(c, "2024-06-01");
  const Blocker *b = find(a, "cn-common.up.probation", "failed");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->lifts_on, D("2024-12-31"));
  EXPECT_NE(b->explanation.zh_cn.find("无全国性依据"), std::string::npos);
  EXPECT_NE(b->explanation.en.find("host's policy, no national source"), std::string::npos);
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
  f.since = D("2017-01-01");
  c.family_situations.push_back(f);
  Investigation inv;
  inv.id = "i1";
  inv.opened_on = D("2025-02-01");
  inv.status = InvestigationStatus::kOpen;
  c.investigations.push_back(inv);
  auto a = up(c, "2025-06-30", EligibilityTarget::kCandidate);
  EXPECT_TRUE(has_rule(a, "cn-common.up.candidacy.2019", "last-grade"));
  EXPECT_TRUE(has_rule(a, "cn-common.up.candidacy.2019", "naked-official"));
  EXPECT_TRUE(has_rule(a, "cn-common.up.investigation", "open"));
  EXPECT_NE(find(a, "cn-common.up.investigation")->explanation.en.find("no national source"),
            std::string::npos);
  EXPECT_EQ(a.blockers[0].lifts_on, D("2026-01-01"));  // sorted: lifting ones first
  EXPECT_FALSE(a.eligible_from.has_value());
  EXPECT_FALSE(has_rule(up(c, "2026-01-02", EligibilityTarget::kCandidate),
                        "cn-common.up.candidacy.2019", "last-grade"));
  EXPECT_TRUE(has_rule(up(c, "2018-06-30", EligibilityTarget::kCandidate),
                       "cn-common.up.candidacy.2014", "naked-official"));
}

GradeCapAnswer cap(const Cadre &c, int year) { return grade_cap(c, year, engine()); }

TEST(GradeCap, NothingCapsACleanYear) {
  const auto a = cap(base(), 2024);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kExcellent);
  EXPECT_EQ(a.catalogue.id, "cn-2022");
  EXPECT_NE(a.explanation.en.find("No sanction"), std::string::npos);
}

TEST(GradeCap, SanctionsCapTheGrade) {
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kMajorDemerit, "2023-11-01")};
  EXPECT_EQ(cap(c, 2022).best_allowed, AssessmentGrade::kExcellent);
  EXPECT_EQ(cap(c, 2023).best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kExcellent);
  EXPECT_EQ(cap(c, 2023).reasons[0].rule_id, "cn-common.grade-cap.government-sanctions");
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
  // 组通字〔1998〕19号 item 7: with a party and an administrative sanction, the party sanction
  // sets the grade; the government sanction of the year is set aside, and the answer says so.
  ASSERT_EQ(a.reasons.size(), 1U);
  EXPECT_EQ(a.reasons[0].rule_id, "cn-common.grade-cap.party-sanctions");
  EXPECT_EQ(a.reasons[0].check, "incompetent");
  EXPECT_TRUE(cites(a.reasons[0].citations, "kh-1998"));
  EXPECT_TRUE(std::any_of(
      a.reasons[0].citations.begin(), a.reasons[0].citations.end(), [](const Citation &ct) {
        return ct.key == "kh-1998" && ct.item == "第七项" &&
               ct.supports.find("按受党纪处分的情况确定其考核等次") != std::string::npos;
      }));
  EXPECT_NE(a.explanation.zh_cn.find("记录 g1"), std::string::npos);
  EXPECT_NE(a.explanation.en.find("set aside"), std::string::npos);
  EXPECT_EQ(a.reasons[0].citations[0].document_number, "组通字〔1998〕19号");
  EXPECT_NE(a.reasons[0].citations[0].document.find("受党纪处分的党政机关工作人员"),
            std::string::npos);
  // A cap that does not lift says so in words.
  EXPECT_NE(a.explanation.zh_cn.find("不随时间推移解除"), std::string::npos);
  EXPECT_NE(a.explanation.en.find("1 cap;"), std::string::npos);
  EXPECT_NE(a.reasons[0].explanation.en.find("does not lift with time"), std::string::npos);
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
  EXPECT_NE(a.explanation.en.find("1 cap;"), std::string::npos);
}

// 组通字〔1998〕19号 item 7: a party warning and a government demerit of one year give the grade
// of the warning (not excellent), not the heavier "no grade"; a host may take the heavier.
TEST(GradeCap, WithAPartyAndAGovernmentSanctionThePartySanctionGoverns) {
  Cadre c = base();
  c.government_sanctions = {gov("g1", GovernmentSanctionKind::kDemerit, "2023-05-01")};
  EXPECT_EQ(cap(c, 2023).best_allowed, AssessmentGrade::kNotGraded);  // alone: no grade
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kWarning;
  s.effective_on = D("2023-05-01");
  c.party_sanctions.push_back(s);
  const GradeCapAnswer a = cap(c, 2023);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kCompetent);
  ASSERT_EQ(a.reasons.size(), 1U);
  EXPECT_EQ(a.reasons[0].record.id, "ps1");
  EXPECT_NE(a.explanation.zh_cn.find("按受党纪处分的情况确定考核等次"), std::string::npos);
  EXPECT_NE(a.explanation.zh_cn.find("组通字〔1998〕19号）第七项"), std::string::npos);
  // A party sanction of another year does not set aside this year's government sanction.
  c.party_sanctions[0].effective_on = D("2022-05-01");
  EXPECT_EQ(cap(c, 2023).best_allowed, AssessmentGrade::kNotGraded);
  c.party_sanctions[0].effective_on = D("2023-05-01");
  const std::string text = R"(
id: "gd"
title { zh_cn: "示例" en: "example" }
jurisdiction: "440000"
effective_from: "2023-01-01"
base: "cn-2022"
rules {
  id: "gd.grade-cap.party-sanctions"
  overrides: "cn-common.grade-cap.party-sanctions"
  citations { key: "kh-1998" verification: VERIFICATION_SAW }
  text { zh_cn: "党纪处分与年度考核" en: "party sanctions and the annual grade" }
  kind: "grade-cap-party"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "warning" value: "not-excellent" }
  parameters { name: "with_government_sanction" value: "heavier-governs" host_policy: true }
}
)";
  const Engine host = host_engine(text);
  c.posts[0].region_code = "440100";
  const GradeCapAnswer h = grade_cap(c, 2023, host);
  EXPECT_EQ(h.best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(h.reasons.size(), 2U);
  EXPECT_EQ(h.explanation.en.find("set aside"), std::string::npos);
}

TEST(GradeCap, AdmonishmentAdjustmentAndInvestigation) {
  Cadre c = base();
  c.early_warnings.push_back(admonished("w1", "2024-12-31"));
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kCompetent);
  EXPECT_EQ(cap(c, 2024).reasons[0].rule_id, "cn-common.grade-cap.organisational");
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
  EXPECT_EQ(a.reasons[0].rule_id, "cn-common.grade-cap.investigation");
  EXPECT_NE(a.reasons[0].explanation.en.find("does not lift until the case is closed"),
            std::string::npos);
  c.investigations[0].closed_on = D("2025-12-20");
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kExcellent);
  c.investigations[0].closed_on = D("2026-03-01");
  EXPECT_EQ(cap(c, 2025).best_allowed, AssessmentGrade::kNotGraded);
  a = grade_cap(c, 2025, engine(), D("2026-03-02"));
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kNotGraded);
  EXPECT_EQ(a.reasons[0].lifts_on, D("2026-03-01"));
}

TEST(GradeCap, ExemptionForAssessmentsRemovesTheCap) {
  Cadre c = admonished_twice();
  c.early_warnings.clear();
  ExemptionClaim e = claim("x1", RecordKind::kAccountabilityDecision, "ad1",
                           ExemptionDecision::kExempt, "2024-05-01");
  e.effects_cancelled = {ExemptionEffect::kPromotion};
  c.exemption_claims.push_back(e);
  EXPECT_EQ(cap(c, 2024).best_allowed, AssessmentGrade::kCompetent);  // not this effect
  EXPECT_EQ(cap(c, 2024).exemptions[0].outcome, ExemptionOutcome::kNotListed);
  c.exemption_claims[0].effects_cancelled.push_back(ExemptionEffect::kPerformanceAssessment);
  auto a = cap(c, 2024);
  EXPECT_EQ(a.best_allowed, AssessmentGrade::kExcellent);
  ASSERT_EQ(a.waived.size(), 1U);
  EXPECT_EQ(a.waived[0].exemption_claim_id, "x1");
  EXPECT_EQ(a.exemptions_applied, std::vector<std::string>{"x1"});
  // Asked before the decision: the cap stands.
  EXPECT_EQ(grade_cap(c, 2024, engine(), D("2024-04-30")).best_allowed,
            AssessmentGrade::kCompetent);
}

}  // namespace
}  // namespace cadre
