// Issue 9, "every answer defensible": scopes and citations corrected (§5), what the rules say
// that the answers missed (§6), the period conventions at their edges (§3), and a replay of a
// roster at several dates that checks no document or decision from after the date is used.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cadre/eligibility.hpp"
#include "cadre/labels.hpp"
#include "cadre/screening.hpp"
#include "codec/catalogue_codec.hpp"
#include "codec/codec.hpp"
#include "generator/province.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

using testing::D;

const Engine &engine() {
  static const Engine kEngine;
  return kEngine;
}

Cadre cadre(RankLevel level, std::string_view start, Sex sex = Sex::kMale,
            std::string_view born = "1975-05-05") {
  Cadre c;
  c.id = "c1";
  c.sex = sex;
  c.birth_date = D(born);
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  Post p;
  p.id = "p1";
  p.rank_level = level;
  p.kind = PostKind::kLeadership;
  p.start_date = D(start);
  p.region_code = "110101";
  c.posts.push_back(p);
  return c;
}

const Finding *get(const std::vector<Finding> &fs, std::string_view id) {
  for (const Finding &f : fs) {
    if (f.rule_id == id) return &f;
  }
  return nullptr;
}

bool active(const std::vector<Finding> &fs, std::string_view id) {
  const Finding *f = get(fs, id);
  return f != nullptr && f->status == FindingStatus::kActive;
}

bool cites(const std::vector<Citation> &v, std::string_view key) {
  return std::any_of(v.begin(), v.end(), [&](const Citation &c) { return c.key == key; });
}

// §5: the term rules (任期暂行规定 第二条) cover the leaders they list, not the 处长 of a
// department's internal unit.
TEST(Scope, TermRulesDoNotCoverTheHeadOfAnInternalUnit) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2012-03-01");
  c.posts[0].title = "处长";
  c.posts[0].terms = {{1, D("2012-03-01"), D("2017-02-28")}, {2, D("2017-03-01"), std::nullopt}};
  const auto organ = engine().screen(c, D("2022-03-01"));
  ASSERT_TRUE(active(organ, "cn-2015.term.consecutive-terms"));
  EXPECT_TRUE(cites(get(organ, "cn-2015.term.consecutive-terms")->citations, "rqzx-2006"));
  c.posts[0].internal_unit = true;  // 省直厅局 内设机构 处长
  const auto internal = engine().screen(c, D("2022-03-01"));
  EXPECT_EQ(get(internal, "cn-2015.term.consecutive-terms"), nullptr);
  c.posts[0].start_date = D("2006-01-01");
  c.posts[0].terms.clear();
  EXPECT_EQ(get(engine().screen(c, D("2023-01-01")), "cn-2022.term.years-at-level"), nullptr);
  c.posts[0].internal_unit = false;
  EXPECT_TRUE(active(engine().screen(c, D("2023-01-01")), "cn-2022.term.years-at-level"));
}

// §5: 组通字〔2015〕14号 covers 党政机关、人民团体 and 事业单位, not state-owned enterprises; the
// 60 of women at 厅局级 and above rests on an older basis (国发〔1982〕62号).
TEST(Scope, TheAgeOfSixtyForWomenAndItsBasis) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2010-01-01", Sex::kFemale, "1962-05-05");
  auto f = engine().screen(c, D("2017-06-30"));
  EXPECT_EQ(get(f, "cn-2015.age.retirement"), nullptr);  // 60 at county level: not yet
  c.posts[0].unit_kind = UnitKind::kStateEnterprise;
  f = engine().screen(c, D("2017-06-30"));
  const Finding *g = get(f, "cn-2015.age.retirement");
  ASSERT_NE(g, nullptr);  // 55 in a state-owned enterprise
  EXPECT_EQ(g->effective_date, D("2017-05-05"));
  EXPECT_NE(g->explanation.zh_cn.find("不适用"), std::string::npos);
  c.posts[0].unit_kind = UnitKind::kPublicInstitution;
  EXPECT_EQ(get(engine().screen(c, D("2017-06-30")), "cn-2015.age.retirement"), nullptr);
  // At 厅局级: 60, citing 国发〔1982〕62号.
  Cadre b = cadre(RankLevel::kBureauPrincipal, "2010-01-01", Sex::kFemale, "1957-05-05");
  const auto h = engine().screen(b, D("2017-06-30"));
  const Finding *r = get(h, "cn-2015.age.retirement");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->effective_date, D("2017-05-05"));
  EXPECT_TRUE(cites(r->citations, "gf-1982-62"));
  EXPECT_TRUE(cites(r->citations, "zt-2015-14"));
}

// §2: as of a date, no answer cites a document not yet in force: a retirement found in 2023
// does not cite the decision on raising the retirement age (in force 2025-01-01).
TEST(Scope, NoCitationOfADocumentNotYetInForce) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2010-01-01", Sex::kMale, "1963-03-02");
  const auto f2023 = engine().screen(c, D("2023-06-30"));
  ASSERT_TRUE(active(f2023, "cn-2022.age.retirement"));
  EXPECT_FALSE(cites(get(f2023, "cn-2022.age.retirement")->citations, "npc-2024-retirement"));
  EXPECT_TRUE(cites(get(f2023, "cn-2022.age.retirement")->citations, "lnsx-2022"));
  const auto f2025 = engine().screen(c, D("2025-06-30"));
  ASSERT_TRUE(active(f2025, "cn-2022.age.retirement"));
  EXPECT_TRUE(cites(get(f2025, "cn-2022.age.retirement")->citations, "npc-2024-retirement"));
}

// §5: 问责条例 2019 第八条 has four forms; 责令公开道歉 belongs to the 2009 interim provisions.
TEST(Scope, PublicApologyIsNotAFormOfTheAccountabilityRegulations) {
  pb::Cadre c;
  c.set_id("c1");
  c.set_sex(pb::SEX_MALE);
  c.set_birth_date("1975-05-05");
  pb::AccountabilityDecision *d = c.add_accountability_decisions();
  d->set_id("d1");
  d->add_forms(pb::ACCOUNTABILITY_FORM_CIRCULATED_CRITICISM);
  d->add_forms(pb::ACCOUNTABILITY_FORM_PUBLIC_APOLOGY);
  d->set_decided_on("2016-07-08");
  Cadre out;
  std::vector<Status> errors;
  codec::decode(c, "cadres[0]", D("2025-06-30"), out, errors);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field(), "cadres[0].accountability_decisions[0].forms[1]");
  EXPECT_NE(errors[0].message().find("《中国共产党问责条例》"), std::string::npos);
  errors.clear();
  d->set_decided_on("2016-07-07");  // under the 2009 interim provisions: allowed
  codec::decode(c, "cadres[0]", D("2025-06-30"), out, errors);
  EXPECT_TRUE(errors.empty());
}

// §5: the labels say which texts the forms and measures belong to; the team grades give the
// names of the 2019 assessment regulations too.
TEST(Scope, LabelsOfFormsMeasuresAndTeamGrades) {
  EXPECT_NE(label(AccountabilityForm::kPublicApology, Language::kZhCn).find("2009"),
            std::string_view::npos);
  EXPECT_EQ(label(AccountabilityForm::kOrganisationalAdjustment, Language::kZhCn),
            "组织调整或者组织处理");
  EXPECT_NE(label(OrganisationalMeasure::kResignationTakingBlame, Language::kZhCn)
                .find("非问责条例所列措施"),
            std::string_view::npos);
  EXPECT_EQ(label(OrganisationalMeasure::kDemotion, Language::kZhCn), "降职");
  EXPECT_NE(label(TeamGrade::kGood, Language::kZhCn).find("优秀"), std::string_view::npos);
  EXPECT_NE(label(TeamGrade::kPoor, Language::kEn).find("from 2019"), std::string_view::npos);
}

// §6: 任职年龄界限 per rank from the catalogue, host-overridable; an approved delay suspends the
// finding until it ends.
TEST(TenureAge, AHostSetsTheAgesAndAnApprovedDelaySuspends) {
  // The shipped catalogues set no age (no public central table): nothing is found.
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2015-01-01", Sex::kMale, "1966-03-10");
  c.posts[0].region_code = "440103";
  EXPECT_EQ(get(engine().screen(c, D("2024-06-30")), "cn-common.age.tenure-limit.2022"), nullptr);
  const std::string text = R"(
id: "gd"
title { zh_cn: "示例" en: "example" }
jurisdiction: "440000"
effective_from: "2023-01-01"
base: "cn-2022"
rules {
  id: "gd.age.tenure-limit"
  overrides: "cn-common.age.tenure-limit.2022"
  channel: CHANNEL_AGE_LIMIT
  citations { key: "lnsx-2022" verification: VERIFICATION_RECALLED }
  text { zh_cn: "任职年龄界限" en: "tenure-age limits" }
  kind: "tenure-age"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "county_principal_age" value: "58" host_policy: true }
  parameters { name: "county_deputy_age" value: "55" host_policy: true }
}
)";
  Catalogue gd;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::parse_catalogue_text(text, "gd", gd, errors));
  EngineConfig config;
  config.catalogues = *codec::builtin_catalogue_set();
  ASSERT_TRUE(config.catalogues.add(gd).ok());
  const Engine host(config);
  EXPECT_EQ(get(host.screen(c, D("2024-03-09")), "gd.age.tenure-limit"), nullptr);
  auto f = host.screen(c, D("2024-03-10"));
  ASSERT_TRUE(active(f, "gd.age.tenure-limit"));
  EXPECT_EQ(get(f, "gd.age.tenure-limit")->channel, Channel::kAgeLimit);
  EXPECT_NE(get(f, "gd.age.tenure-limit")->explanation.zh_cn.find("任职年龄界限为58周岁"),
            std::string::npos);
  // Proposed by the committee, not yet approved one level up: the finding stands.
  AgeLimitDelay d;
  d.id = "dl1";
  d.proposed_on = D("2024-02-01");
  d.until = D("2025-03-09");
  c.age_limit_delays.push_back(d);
  f = host.screen(c, D("2024-03-10"));
  ASSERT_TRUE(active(f, "gd.age.tenure-limit"));
  EXPECT_NE(get(f, "gd.age.tenure-limit")->explanation.zh_cn.find("尚未经上一级党组织同意"),
            std::string::npos);
  // Approved: suspended until the delay ends, and it says so.
  c.age_limit_delays[0].approved_on = D("2024-02-20");
  f = host.screen(c, D("2024-03-10"));
  const Finding *s = get(f, "gd.age.tenure-limit");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->status, FindingStatus::kSuspended);
  EXPECT_NE(s->next_step.zh_cn.find("延迟至2025-03-09"), std::string::npos);
  EXPECT_TRUE(std::any_of(s->records.begin(), s->records.end(), [](const RecordRef &r) {
    return r.kind == RecordKind::kAgeLimitDelay && r.id == "dl1";
  }));
  ScreenSummary summary;
  summary.add(c, D("2024-03-10"), f);
  EXPECT_EQ(summary.cadres_down, 0);
  // The delay ended: the finding counts again.
  EXPECT_TRUE(active(host.screen(c, D("2025-03-10")), "gd.age.tenure-limit"));
}

TEST(TenureAge, AnApprovedDelaySuspendsTheRetirementFinding) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2010-01-01", Sex::kMale, "1957-03-02");
  const auto before = engine().screen(c, D("2017-06-30"));
  ASSERT_TRUE(active(before, "cn-2015.age.retirement"));
  AgeLimitDelay d;
  d.id = "dl1";
  d.post_id = "p1";
  d.proposed_on = D("2017-01-10");
  d.approved_on = D("2017-02-10");
  d.approved_by = AuthorityKind::kPartyCommittee;
  d.until = D("2017-12-31");
  c.age_limit_delays.push_back(d);
  const auto f = engine().screen(c, D("2017-06-30"));
  ASSERT_NE(get(f, "cn-2015.age.retirement"), nullptr);
  EXPECT_EQ(get(f, "cn-2015.age.retirement")->status, FindingStatus::kSuspended);
  EXPECT_NE(get(f, "cn-2015.age.retirement")->explanation.en.find("suspended"), std::string::npos);
  EXPECT_TRUE(active(engine().screen(c, D("2018-01-01")), "cn-2015.age.retirement"));
}

// §6: an incident recorded under a 2015 item is screened under the matching 2022 item once the
// 2022 rules are in force; the 2022 catch-all item takes what has no closer match.
TEST(Succession, CasesOutliveCatalogues) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2016-01-01");
  Incident i;
  i.id = "i1";
  i.situation_id = "cn-2015.unsuitable.7";
  i.recorded_on = D("2022-03-01");
  i.verified = true;
  c.incidents.push_back(i);
  // Under the 2015 rules: the precondition is not met (no warning).
  auto f = engine().screen(c, D("2022-06-30"));
  ASSERT_NE(get(f, "cn-2015.unsuitable.7"), nullptr);
  EXPECT_EQ(get(f, "cn-2015.unsuitable.7")->status, FindingStatus::kPreconditionNotMet);
  // Under the 2022 rules: the matching item, no precondition.
  f = engine().screen(c, D("2022-09-08"));
  ASSERT_TRUE(active(f, "cn-2022.unsuitable.8"));
  EXPECT_NE(
      get(f, "cn-2022.unsuitable.8")->explanation.zh_cn.find("记录时为情形cn-2015.unsuitable.7"),
      std::string::npos);
  EXPECT_NE(get(f, "cn-2022.unsuitable.8")->explanation.en.find("this project's reading"),
            std::string::npos);
  // The 者下 heading is the project's grouping, and the explanation says so.
  EXPECT_NE(get(f, "cn-2022.unsuitable.8")->explanation.zh_cn.find("能力不胜任者下"),
            std::string::npos);
  EXPECT_NE(get(f, "cn-2022.unsuitable.8")->explanation.zh_cn.find("为本项目的理解"),
            std::string::npos);
  // 廉洁 (2015 item 5) has no closer 2022 item: the catch-all.
  c.incidents[0].situation_id = "cn-2015.unsuitable.5";
  f = engine().screen(c, D("2023-01-01"));
  ASSERT_TRUE(active(f, "cn-2022.unsuitable.16"));
  EXPECT_EQ(get(f, "cn-2022.unsuitable.16")->citations[0].verification, Verification::kRecalled);
}

// §6: a finding's date is never before the incident it rests on.
TEST(Precondition, AFindingIsNeverDatedBeforeItsIncident) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2014-01-01");
  c.posts[0].region_code = "360102";
  EarlyWarning w;
  w.id = "w1";
  w.kind = EarlyWarningKind::kReminder;
  w.issued_on = D("2016-01-10");
  w.reviewed_on = D("2016-04-10");
  c.early_warnings.push_back(w);
  Incident i;
  i.id = "i1";
  i.situation_id = "cn-2015.unsuitable.6";
  i.recorded_on = D("2016-09-01");
  i.prior_warning_id = "w1";
  c.incidents.push_back(i);
  const auto f = engine().screen(c, D("2017-01-01"));
  const Finding *g = get(f, "cn-2015.unsuitable.6");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->status, FindingStatus::kActive);
  EXPECT_EQ(g->effective_date, D("2016-09-01"));
}

// §3: each convention at its edges: health 一年以上 (the number included), study leave 超过一年
// (excluded), years in post 满十年, and the explanation states the convention with the civil
// law in force on the date.
TEST(Conventions, ThresholdsAtTheirEdges) {
  Cadre h = cadre(RankLevel::kCountyPrincipal, "2016-01-01");
  h.health_spells.push_back({"h1", D("2023-03-10"), std::nullopt, false, false});
  EXPECT_FALSE(active(engine().screen(h, D("2024-03-09")), "cn-2022.health.one-year"));
  const auto f = engine().screen(h, D("2024-03-10"));
  ASSERT_TRUE(active(f, "cn-2022.health.one-year"));
  EXPECT_NE(get(f, "cn-2022.health.one-year")->explanation.zh_cn.find("“以上”“满”“届满”包括本数"),
            std::string::npos);
  EXPECT_TRUE(cites(get(f, "cn-2022.health.one-year")->citations, "mfd-2020"));
  Cadre s = cadre(RankLevel::kCountyPrincipal, "2016-01-01");
  s.study_leaves.push_back({"s1", D("2023-03-10"), std::nullopt, false});
  EXPECT_FALSE(active(engine().screen(s, D("2024-03-10")), "cn-2022.study-leave"));
  const auto g = engine().screen(s, D("2024-03-11"));
  ASSERT_TRUE(active(g, "cn-2022.study-leave"));
  EXPECT_NE(get(g, "cn-2022.study-leave")->explanation.zh_cn.find("“超过”不包括本数"),
            std::string::npos);
  // Before 2017-10-01 the General Principles (民法通则) are the civil law cited.
  Cadre old = cadre(RankLevel::kCountyPrincipal, "2010-01-01");
  old.health_spells.push_back({"h1", D("2015-09-01"), std::nullopt, false, false});
  const auto o = engine().screen(old, D("2016-09-01"));
  ASSERT_TRUE(active(o, "cn-2015.health.one-year"));
  EXPECT_TRUE(cites(get(o, "cn-2015.health.one-year")->citations, "mfty-1986"));
  EXPECT_FALSE(cites(get(o, "cn-2015.health.one-year")->citations, "mfd-2020"));
  EXPECT_FALSE(cites(get(o, "cn-2015.health.one-year")->citations, "xbry-2019"));
}

// §2: the dated versions where the law changed, each in force on its own days only.
TEST(Versions, TheVersionInForceOnEachDay) {
  const CatalogueSet set = CatalogueSet::builtin();
  struct Case {
    const char *catalogue;
    const char *kind;
    const char *day;
    const char *rule;
  };
  const Case cases[] = {
      {"cn-2015", "period-conventions", "2016-01-01", "cn-common.period.conventions.1987"},
      {"cn-2015", "period-conventions", "2017-09-30", "cn-common.period.conventions.1987"},
      {"cn-2015", "period-conventions", "2017-10-01", "cn-common.period.conventions.2017"},
      {"cn-2015", "period-conventions", "2020-12-31", "cn-common.period.conventions.2017"},
      {"cn-2015", "period-conventions", "2021-01-01", "cn-common.period.conventions.2021"},
      {"cn-2015", "exceptional-limits", "2019-03-16", "cn-common.up.exceptional.2014"},
      {"cn-2015", "exceptional-limits", "2019-03-17", "cn-common.up.exceptional.2019"},
      {"cn-2015", "exemption", "2018-05-24", "cn-common.exemption.2018"},
      {"cn-2015", "exemption", "2019-08-31", "cn-common.exemption.2018"},
      {"cn-2015", "exemption", "2019-09-01", "cn-common.exemption.2019"},
      {"cn-2015", "tenure-age", "2017-01-01", "cn-common.age.tenure-limit.2015"},
      {"cn-2022", "tenure-age", "2023-01-01", "cn-common.age.tenure-limit.2022"},
      {"cn-2015", "accountability-adjustment", "2016-07-07", "cn-2015.accountability.2009"},
      {"cn-2015", "accountability-adjustment", "2016-07-08", "cn-2015.accountability.adjustment"},
      {"cn-2015", "accountability-adjustment", "2019-09-01", "cn-2015.accountability.2019"},
      {"cn-2015", "party-sanction-impact", "2015-12-31", "cn-common.up.party-sanctions.2003"},
      {"cn-2015", "party-sanction-impact", "2016-01-01", "cn-common.up.party-sanctions.2016"},
      {"cn-2022", "party-sanction-impact", "2024-01-31", "cn-common.up.party-sanctions.2018"},
      {"cn-2022", "party-sanction-impact", "2024-02-01", "cn-common.up.party-sanctions.2024"},
      {"cn-2015", "government-sanction-impact", "2020-06-30",
       "cn-common.up.government-sanctions.2007"},
      {"cn-2015", "government-sanction-impact", "2020-07-01",
       "cn-common.up.government-sanctions.2020"},
      {"cn-2015", "adjustment-deadline", "2019-08-31",
       "cn-common.consistency.adjustment-deadline.2016"},
      {"cn-2015", "adjustment-deadline", "2019-09-01",
       "cn-common.consistency.adjustment-deadline.2019"},
  };
  for (const Case &k : cases) {
    std::vector<std::string> ids;
    for (const Rule *r : set.rules_in_force(*set.find(k.catalogue), D(k.day))) {
      if (r->kind == k.kind) ids.push_back(r->id);
    }
    EXPECT_EQ(ids, std::vector<std::string>{k.rule}) << k.kind << " on " << k.day;
  }
}

// The accountability rules of the 2015 catalogue follow the law of each decision's day.
TEST(Versions, AccountabilityDecisionsUnderTheRulesOfTheirDay) {
  Cadre c = cadre(RankLevel::kCountyPrincipal, "2010-01-01");
  AccountabilityDecision d;
  d.id = "d1";
  d.forms = {AccountabilityForm::kOrganisationalAdjustment};
  d.measures = {OrganisationalMeasure::kRemoval};
  d.decided_on = D("2016-01-10");
  c.accountability_decisions.push_back(d);
  auto f = engine().screen(c, D("2016-03-01"));
  ASSERT_TRUE(active(f, "cn-2015.accountability.2009"));
  EXPECT_TRUE(cites(get(f, "cn-2015.accountability.2009")->citations, "wzzx-2009"));
  c.accountability_decisions[0].decided_on = D("2017-03-01");
  f = engine().screen(c, D("2017-04-01"));
  ASSERT_TRUE(active(f, "cn-2015.accountability.adjustment"));
  EXPECT_EQ(get(f, "cn-2015.accountability.adjustment")->first_deadline, D("2017-04-01"));
}

// ---------------------------------------------------------------------------------------------
// The replay: a synthetic province answered at several dates; no answer cites a document not
// yet in force, rests on a record dated after the day, or applies a decision made after it.

std::optional<Date> record_day(const Cadre &c, const RecordRef &r) {
  const auto first = [](std::optional<Date> a, std::optional<Date> b) { return a ? a : b; };
  const auto in = [&](const auto &list, auto day) -> std::optional<Date> {
    for (const auto &x : list) {
      if (x.id == r.id) return day(x);
    }
    return std::nullopt;
  };
  switch (r.kind) {
    case RecordKind::kPost:
      return in(c.posts, [](const Post &p) { return p.start_date; });
    case RecordKind::kAssessment:
      return in(c.assessments, [](const AnnualAssessment &a) {
        return a.decided_on ? a.decided_on : Date::from_ymd(a.year, 12, 31);
      });
    case RecordKind::kIncident:
      return in(c.incidents,
                [&](const Incident &i) { return first(i.recorded_on, i.occurred_on); });
    case RecordKind::kAccountabilityDecision:
      return in(c.accountability_decisions,
                [](const AccountabilityDecision &d) { return d.decided_on; });
    case RecordKind::kPartySanction:
      return in(c.party_sanctions,
                [&](const PartySanction &s) { return first(s.decided_on, s.effective_on); });
    case RecordKind::kGovernmentSanction:
      return in(c.government_sanctions,
                [&](const GovernmentSanction &s) { return first(s.decided_on, s.effective_on); });
    case RecordKind::kEarlyWarning:
      return in(c.early_warnings, [](const EarlyWarning &w) { return w.issued_on; });
    case RecordKind::kInvestigation:
      return in(c.investigations, [](const Investigation &i) { return i.opened_on; });
    case RecordKind::kAdjustment:
      return in(c.adjustments,
                [&](const Adjustment &a) { return first(a.decided_on, a.executed_on); });
    case RecordKind::kExemptionClaim:
      return in(c.exemption_claims, [](const ExemptionClaim &e) { return e.decided_on; });
    case RecordKind::kHealthSpell:
      return in(c.health_spells, [](const HealthSpell &h) { return h.start_date; });
    case RecordKind::kStudyLeave:
      return in(c.study_leaves, [](const StudyLeave &s) { return s.start_date; });
    case RecordKind::kResignationRequest:
      return in(c.resignation_requests, [](const ResignationRequest &q) { return q.accepted_on; });
    case RecordKind::kFamilySituation:
      return in(c.family_situations, [](const FamilySituation &f) { return f.since; });
    case RecordKind::kAssignmentRefusal:
      return in(c.assignment_refusals, [](const AssignmentRefusal &a) { return a.refused_on; });
    case RecordKind::kAgeLimitDelay:
      return in(c.age_limit_delays, [](const AgeLimitDelay &d) { return d.approved_on; });
    default:
      return std::nullopt;
  }
}

struct Replay {
  Date as_of;
  const Cadre *cadre = nullptr;
  int citations = 0;
  int records = 0;
  int claims = 0;

  void citation(const Citation &c, const std::string &where) {
    ++citations;
    const Document *d = engine().config().catalogues.document(c.key);
    ASSERT_NE(d, nullptr) << where << ": " << c.key;
    EXPECT_TRUE(d->citable_on(as_of))
        << where << " as of " << as_of.to_string() << " cites " << c.key << ", not yet in force";
  }
  void citations_of(const std::vector<Citation> &v, const std::string &where) {
    for (const Citation &c : v) citation(c, where);
  }
  void record(const RecordRef &r, const std::string &where) {
    if (r.kind == RecordKind::kCadre) return;
    ++records;
    const std::optional<Date> day = record_day(*cadre, r);
    if (day) {
      EXPECT_LE(*day, as_of) << where << " as of " << as_of.to_string() << " uses record " << r.id
                             << " of " << day->to_string();
    }
  }
  void notes(const std::vector<ExemptionNote> &v, const std::string &where) {
    for (const ExemptionNote &n : v) {
      ++claims;
      citations_of(n.citations, where);
      record({RecordKind::kExemptionClaim, n.claim_id, ""}, where);
    }
  }
  void blocker(const Blocker &b, const std::string &where) {
    citations_of(b.citations, where + " " + b.rule_id);
    record(b.record, where + " " + b.rule_id);
    if (b.since) {
      EXPECT_LE(*b.since, as_of) << where << " " << b.rule_id;
    }
  }
};

TEST(Replay, NoDocumentOrDecisionFromAfterTheDate) {
  generator::Options o;
  o.cadres = 5000;
  o.seed = 20170817;
  o.years_of_history = 12;
  o.jurisdiction = "360000";  // Jiangxi: the jx layer before 2022-09-08
  pb::Roster roster;
  ASSERT_TRUE(generator::generate_roster(o, roster).ok());
  std::vector<Cadre> cadres;
  for (int i = 0; i < roster.cadres_size(); ++i) {
    Cadre c;
    std::vector<Status> errors;
    if (codec::decode(roster.cadres(i), "c", o.end, c, errors)) {
      cadres.push_back(std::move(c));
    }
  }
  ASSERT_GT(cadres.size(), 4900U);
  // And a cadre whose 诫勉 through accountability is exempted by a decision of 2019-10-01: the
  // decision may be used only from that day.
  {
    Cadre x = cadre(RankLevel::kCountyDeputy, "2012-01-01");
    AccountabilityDecision d;
    d.id = "ad1";
    d.forms = {AccountabilityForm::kAdmonishment};
    d.decided_on = D("2019-09-10");
    x.accountability_decisions.push_back(d);
    ExemptionClaim e;
    e.id = "x1";
    e.concerns = {RecordKind::kAccountabilityDecision, "ad1", ""};
    e.decision = ExemptionDecision::kExempt;
    e.effects_cancelled = {ExemptionEffect::kPromotion, ExemptionEffect::kPerformanceAssessment};
    e.decided_on = D("2019-10-01");
    x.exemption_claims.push_back(e);
    for (const char *day : {"2019-09-30", "2019-10-01"}) {
      const auto a = eligibility(x, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified,
                                 D(day), engine());
      EXPECT_EQ(a.exemptions.empty(), std::string(day) == "2019-09-30") << day;
    }
    x.id = "x-cadre";
    cadres.push_back(std::move(x));
  }
  int findings = 0;
  int blockers = 0;
  int claims = 0;
  for (const char *day :
       {"2015-06-30", "2016-02-29", "2017-06-30", "2019-03-16", "2019-03-17", "2019-12-31",
        "2020-06-30", "2021-06-30", "2022-09-07", "2022-09-08", "2024-06-30"}) {
    const Date as_of = D(day);
    for (const Cadre &c : cadres) {
      Replay r{as_of, &c};
      for (const Finding &f : engine().screen(c, as_of)) {
        ++findings;
        EXPECT_LE(f.effective_date, as_of) << f.rule_id;
        r.citations_of(f.citations, f.rule_id);
        for (const RecordRef &ref : f.records) r.record(ref, f.rule_id);
        r.notes(f.exemptions, f.rule_id);
      }
      const EligibilityAnswer a =
          eligibility(c, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified, as_of, engine());
      for (const Blocker &b : a.blockers) {
        ++blockers;
        r.blocker(b, "eligibility");
      }
      for (const Blocker &b : a.waived) r.blocker(b, "waived");
      r.notes(a.exemptions, "eligibility");
      const GradeCapAnswer g = grade_cap(c, as_of.year() - 1, engine(), as_of);
      for (const Blocker &b : g.reasons) r.blocker(b, "grade cap");
      r.notes(g.exemptions, "grade cap");
      for (const ConsistencyFlag &f : consistency(c, as_of, engine())) {
        r.citations_of(f.citations, f.rule_id);
        r.record(f.record, f.rule_id);
      }
      for (const ForwardWarning &w : forward_warnings(c, as_of, 6, engine())) {
        r.citations_of(w.citations, w.rule_id);
        r.record(w.record, w.rule_id);
      }
      claims += r.claims;
    }
  }
  // The replay saw real answers.
  std::printf("replay: %d findings, %d blockers, %d exemption decisions\n", findings, blockers,
              claims);
  EXPECT_GT(findings, 300);
  EXPECT_GT(blockers, 300);
  EXPECT_GT(claims, 0);
}

}  // namespace
}  // namespace cadre
