#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "cadre/eligibility.hpp"
#include "cadre/rules/retirement.hpp"

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
  const auto warnings = forward_warnings(c, D("2025-06-30"), 12, engine, policy());
  ASSERT_GE(warnings.size(), 2U);
  EXPECT_TRUE(
      std::is_sorted(warnings.begin(), warnings.end(),
                     [](const ForwardWarning &a, const ForwardWarning &b) { return a.on < b.on; }));
  EXPECT_EQ(warnings[0].rule_id, "up.admonishment");
  EXPECT_EQ(warnings[0].on, D("2025-09-11"));
  EXPECT_NE(warnings[0].explanation.zh_cn.find("将于2025-09-11解除"), std::string::npos);
  const auto retire = std::find_if(warnings.begin(), warnings.end(), [](const ForwardWarning &w) {
    return w.rule_id.find("retirement") != std::string::npos;
  });
  ASSERT_NE(retire, warnings.end());
  EXPECT_EQ(retire->on, age->reached_on);
  EXPECT_FALSE(retire->citations.empty());
  // A window that ends the day before the admonishment lifts sees nothing of it.
  const auto early = forward_warnings(c, D("2025-06-30"), 2, engine, policy());
  EXPECT_TRUE(std::none_of(early.begin(), early.end(),
                           [](const ForwardWarning &w) { return w.rule_id == "up.admonishment"; }));
  // Ten years in post for a local leader, and the end of the window is inclusive.
  Cadre leader = senior();
  leader.birth_date = D("1975-01-01");
  leader.early_warnings.clear();
  leader.posts[0].local_party_or_government_leader = true;
  const auto ten = forward_warnings(leader, D("2024-12-01"), 1, engine, policy());
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
  EXPECT_TRUE(consistency(c, D("2025-02-28"), policy()).empty());  // the deadline day
  auto flags = consistency(c, D("2025-03-01"), policy());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].rule_id, "consistency.no-adjustment");
  EXPECT_EQ(flags[0].due_on, D("2025-02-28"));
  EXPECT_EQ(flags[0].record.id, "ad1");
  EXPECT_GE(flags[0].citations.size(), 2U);
  EXPECT_EQ(flags[0].citations[0].article, "第九条");
  EXPECT_NE(flags[0].explanation.zh_cn.find("不得以纪律处分规避组织调整"), std::string::npos);
  Adjustment a;
  a.id = "adj1";
  a.channel = Channel::kAccountability;
  a.method = AdjustmentMethod::kRemoval;
  a.decided_on = D("2025-02-20");
  a.executed_on = D("2025-02-25");
  a.basis_id = "ad1";
  c.adjustments.push_back(a);
  EXPECT_TRUE(consistency(c, D("2025-03-01"), policy()).empty());
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
  auto flags = consistency(c, D("2025-03-01"), policy());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].rule_id, "consistency.no-sanction");
  EXPECT_EQ(flags[0].record.id, "adj1");
  EXPECT_EQ(flags[0].citations[0].article, "第二条");
  EXPECT_NE(flags[0].explanation.en.find("must not replace the sanction"), std::string::npos);
  GovernmentSanction g;
  g.id = "g1";
  g.kind = GovernmentSanctionKind::kDemerit;
  g.effective_on = D("2025-02-25");
  g.incident_id = "inc1";
  c.government_sanctions.push_back(g);
  EXPECT_TRUE(consistency(c, D("2025-03-01"), policy()).empty());
  // Not grave: no flag.
  c.government_sanctions.clear();
  c.incidents[0].severity = Severity::kSerious;
  EXPECT_TRUE(consistency(c, D("2025-03-01"), policy()).empty());
}

TEST(Consistency, DismissalWithoutAdjustment) {
  Cadre c = senior();
  GovernmentSanction g;
  g.id = "g1";
  g.kind = GovernmentSanctionKind::kDismissalFromPost;
  g.effective_on = D("2024-12-31");
  c.government_sanctions.push_back(g);
  EXPECT_TRUE(consistency(c, D("2025-01-31"), policy()).empty());
  auto flags = consistency(c, D("2025-02-01"), policy());
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].due_on, D("2025-01-31"));
}

}  // namespace
}  // namespace cadre
