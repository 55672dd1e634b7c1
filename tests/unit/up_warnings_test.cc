#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "cadre/eligibility.hpp"
#include "cadre/rules/retirement.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

using testing::D;

const Engine &engine() {
  static const Engine kEngine;
  return kEngine;
}

Cadre senior() {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kMale;
  c.birth_date = D("1965-10-15");
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  c.work_start_date = D("1985-07-01");
  c.grassroots_months = 60;
  Post p;
  p.id = "p1";
  p.rank_level = RankLevel::kCountyDeputy;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2015-01-01");
  c.posts.push_back(p);
  EarlyWarning w;
  w.id = "w1";
  w.kind = EarlyWarningKind::kAdmonishment;
  w.issued_on = D("2025-03-10");
  c.early_warnings.push_back(w);
  return c;
}

TEST(ForwardWarnings, AgeLimitAndImpactPeriodInCalendarOrder) {
  const Engine engine;
  const Cadre c = senior();
  const auto age =
      retirement_age(c.sex, *c.birth_date, RankLevel::kCountyDeputy, RetirementPolicy::national());
  ASSERT_TRUE(age);
  const auto warnings = forward_warnings(c, D("2025-06-30"), 12, engine);
  ASSERT_GE(warnings.size(), 2U);
  EXPECT_TRUE(
      std::is_sorted(warnings.begin(), warnings.end(),
                     [](const ForwardWarning &a, const ForwardWarning &b) { return a.on < b.on; }));
  EXPECT_EQ(warnings[0].rule_id, "cn-common.up.admonishment");
  EXPECT_EQ(warnings[0].on, D("2025-09-10"));
  EXPECT_EQ(warnings[0].catalogue.id, "cn-common");
  EXPECT_NE(warnings[0].explanation.zh_cn.find("将于2025-09-10解除"), std::string::npos);
  const auto retire = std::find_if(warnings.begin(), warnings.end(), [](const ForwardWarning &w) {
    return w.rule_id.find("retirement") != std::string::npos;
  });
  ASSERT_NE(retire, warnings.end());
  EXPECT_EQ(retire->on, age->reached_on);
  EXPECT_FALSE(retire->citations.empty());
  // A window that ends the day before the admonishment lifts sees nothing of it.
  const auto early = forward_warnings(c, D("2025-06-30"), 2, engine);
  EXPECT_TRUE(std::none_of(early.begin(), early.end(), [](const ForwardWarning &w) {
    return w.rule_id == "cn-common.up.admonishment";
  }));
  // Ten years in post for a local leader, and the end of the window is inclusive.
  Cadre leader = senior();
  leader.birth_date = D("1975-01-01");
  leader.early_warnings.clear();
  leader.posts[0].local_party_or_government_leader = true;
  const auto ten = forward_warnings(leader, D("2024-12-01"), 1, engine);
  EXPECT_TRUE(std::any_of(ten.begin(), ten.end(), [](const ForwardWarning &w) {
    return w.on == Date::from_ymd(2025, 1, 1);
  }));
}

TEST(Consistency, DecisionWithoutAdjustmentAfterTheDeadline) {
  Cadre c = senior();
  AccountabilityDecision d;
  d.id = "ad1";
  d.forms = {AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kRemoval};
  d.decided_on = D("2025-01-31");
  c.accountability_decisions.push_back(d);
  EXPECT_TRUE(consistency(c, D("2025-02-28"), engine()).empty());  // the deadline day
  auto flags = consistency(c, D("2025-03-01"), engine());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].rule_id, "cn-common.consistency.adjustment-deadline.2019");
  EXPECT_EQ(flags[0].catalogue.id, "cn-common");
  EXPECT_EQ(flags[0].due_on, D("2025-02-28"));
  EXPECT_EQ(flags[0].record.id, "ad1");
  EXPECT_GE(flags[0].citations.size(), 2U);
  EXPECT_EQ(flags[0].citations[0].key, "wztl-2019");
  // Under the 2016 regulations (a decision of 2018): their article 9 (SAW).
  Cadre old = c;
  old.accountability_decisions[0].decided_on = D("2018-01-31");
  const auto old_flags = consistency(old, D("2018-03-01"), engine());
  ASSERT_EQ(old_flags.size(), 1U);
  EXPECT_EQ(old_flags[0].rule_id, "cn-common.consistency.adjustment-deadline.2016");
  EXPECT_EQ(old_flags[0].citations[0].article, "第九条");
  EXPECT_EQ(old_flags[0].citations[1].key, "lnsx-2015");
  EXPECT_EQ(old_flags[0].citations[1].article, "第三条");
  EXPECT_NE(flags[0].explanation.zh_cn.find("不得以纪律处分规避组织调整"), std::string::npos);
  Adjustment a;
  a.id = "adj1";
  a.channel = Channel::kAccountability;
  a.method = AdjustmentMethod::kRemoval;
  a.decided_on = D("2025-02-20");
  a.executed_on = D("2025-02-25");
  a.basis_id = "ad1";
  c.adjustments.push_back(a);
  EXPECT_TRUE(consistency(c, D("2025-03-01"), engine()).empty());
}

TEST(Consistency, AdjustmentInPlaceOfASanction) {
  Cadre c = senior();
  Incident i;
  i.id = "inc1";
  i.severity = Severity::kGrave;
  i.verified = true;
  c.incidents.push_back(i);
  Adjustment a;
  a.id = "adj1";
  a.channel = Channel::kUnsuitable;
  a.method = AdjustmentMethod::kTransferOut;
  a.decided_on = D("2025-02-20");
  a.basis_id = "inc1";
  c.adjustments.push_back(a);
  auto flags = consistency(c, D("2025-03-01"), engine());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].rule_id, "cn-common.consistency.dual-track.2022");
  EXPECT_EQ(flags[0].record.id, "adj1");
  EXPECT_EQ(flags[0].citations[0].key, "lnsx-2022");
  // The Jiangxi article is evidence of the two tracks, quoted in its own words.
  EXPECT_TRUE(flags[0].citations[1].evidence);
  // Under the 2015 rules the clause on violations is their article 3, not 2.
  Cadre old = c;
  old.adjustments[0].decided_on = D("2017-02-20");
  const auto old_flags = consistency(old, D("2017-03-01"), engine());
  ASSERT_EQ(old_flags.size(), 1U);
  EXPECT_EQ(old_flags[0].rule_id, "cn-common.consistency.dual-track.2015");
  EXPECT_EQ(old_flags[0].citations[0].article, "第三条");
  EXPECT_NE(flags[0].explanation.en.find("must not replace the sanction"), std::string::npos);
  GovernmentSanction g;
  g.id = "g1";
  g.kind = GovernmentSanctionKind::kDemerit;
  g.effective_on = D("2025-02-25");
  g.incident_id = "inc1";
  c.government_sanctions.push_back(g);
  EXPECT_TRUE(consistency(c, D("2025-03-01"), engine()).empty());
  // Not grave: no flag.
  c.government_sanctions.clear();
  c.incidents[0].severity = Severity::kSerious;
  EXPECT_TRUE(consistency(c, D("2025-03-01"), engine()).empty());
}

TEST(Consistency, DismissalWithoutAdjustment) {
  Cadre c = senior();
  GovernmentSanction g;
  g.id = "g1";
  g.kind = GovernmentSanctionKind::kDismissalFromPost;
  g.effective_on = D("2024-12-31");
  c.government_sanctions.push_back(g);
  EXPECT_TRUE(consistency(c, D("2025-01-31"), engine()).empty());
  auto flags = consistency(c, D("2025-02-01"), engine());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].rule_id, "cn-common.consistency.sanction-deadline.2020");
  EXPECT_EQ(flags[0].due_on, D("2025-01-31"));
  // The same deadline for a party sanction is a host's policy, and says so.
  c.government_sanctions.clear();
  PartySanction s;
  s.id = "ps1";
  s.kind = PartySanctionKind::kRemovalFromPartyPost;
  s.effective_on = D("2024-12-31");
  c.party_sanctions.push_back(s);
  flags = consistency(c, D("2025-02-01"), engine());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_NE(flags[0].explanation.en.find("host's policy, no national source"), std::string::npos);
}

}  // namespace
}  // namespace cadre
