#include "cadre/rules/retirement.hpp"

#include <gtest/gtest.h>

#include "cadre/screening.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

using testing::D;

const RetirementPolicy &policy() {
  static const RetirementPolicy p = RetirementPolicy::national();
  return p;
}

RetirementAge age_of(Sex sex, std::string_view birth, RankLevel level) {
  const auto a = retirement_age(sex, D(birth), level, policy());
  EXPECT_TRUE(a.has_value());
  return a.value_or(RetirementAge{});
}

Cadre make(Sex sex, std::string_view birth, RankLevel level,
           BirthDateSource source = BirthDateSource::kPersonnelFile) {
  Cadre c;
  c.id = "c1";
  c.sex = sex;
  c.birth_date = D(birth);
  c.birth_date_source = source;
  Post p;
  p.id = "p1";
  p.rank_level = level;
  p.kind = PostKind::kLeadership;
  p.start_date = D("2019-01-01");
  c.posts.push_back(p);
  return c;
}

// The published table of the 2024 decision: men born 1965-01..04 retire at
// 60y1m, 1965-05..08 at 60y2m, ...; from births in 1976-09 on at 63.
TEST(RetirementAge, MalePhaseInTable) {
  struct Row {
    const char *birth;
    int years;
    int months;
    const char *reached;
  };
  const Row rows[] = {
      {"1964-12-31", 60, 0, "2024-12-31"},  // before the phase-in
      {"1965-01-01", 60, 1, "2025-02-01"},  // first delayed birth month
      {"1965-04-30", 60, 1, "2025-05-30"},
      {"1965-05-01", 60, 2, "2025-07-01"},
      {"1965-08-15", 60, 2, "2025-10-15"},
      {"1965-09-01", 60, 3, "2025-12-01"},
      {"1966-01-10", 60, 4, "2026-05-10"},
      {"1970-12-01", 61, 6, "2032-06-01"},   // k=71 -> 18 months
      {"1976-08-31", 62, 11, "2039-07-31"},  // k=139 -> 35 months
      {"1976-09-01", 63, 0, "2039-09-01"},   // cap reached
      {"1990-05-05", 63, 0, "2053-05-05"},
  };
  for (const Row &r : rows) {
    const RetirementAge a = age_of(Sex::kMale, r.birth, RankLevel::kCountyPrincipal);
    EXPECT_EQ(a.limit, (YearsMonths{r.years, r.months})) << r.birth;
    EXPECT_EQ(a.reached_on, D(r.reached)) << r.birth;
    EXPECT_EQ(a.rule->id, "male");
  }
}

TEST(RetirementAge, FemaleCadrePhaseInTable) {
  EXPECT_EQ(age_of(Sex::kFemale, "1969-12-31", RankLevel::kTownshipPrincipal).limit,
            (YearsMonths{55, 0}));
  EXPECT_EQ(age_of(Sex::kFemale, "1970-01-01", RankLevel::kTownshipPrincipal).limit,
            (YearsMonths{55, 1}));
  EXPECT_EQ(age_of(Sex::kFemale, "1970-05-20", RankLevel::kTownshipDeputy).limit,
            (YearsMonths{55, 2}));
  EXPECT_EQ(age_of(Sex::kFemale, "1981-08-31", RankLevel::kTownshipDeputy).limit,
            (YearsMonths{57, 11}));
  EXPECT_EQ(age_of(Sex::kFemale, "1981-09-01", RankLevel::kTownshipDeputy).limit,
            (YearsMonths{58, 0}));
  EXPECT_EQ(age_of(Sex::kFemale, "1970-05-20", RankLevel::kUnspecified).rule->id, "female");
}

TEST(RetirementAge, FemaleAtCountyLevelAndAboveIsSixtyWithoutPhaseIn) {
  for (RankLevel level : {RankLevel::kCountyDeputy, RankLevel::kCountyPrincipal,
                          RankLevel::kBureauDeputy, RankLevel::kProvincePrincipal}) {
    const RetirementAge a = age_of(Sex::kFemale, "1970-05-20", level);
    EXPECT_EQ(a.rule->id, "female-county-and-above");
    EXPECT_EQ(a.limit, (YearsMonths{60, 0}));
    EXPECT_EQ(a.reached_on, D("2030-05-20"));
  }
  EXPECT_EQ(age_of(Sex::kFemale, "1970-05-20", RankLevel::kTownshipPrincipal).rule->id, "female");
}

TEST(RetirementAge, NumbersComeFromThePolicy) {
  RetirementPolicy p = RetirementPolicy::national();
  p.male.base_age_years = 58;
  p.male.phase_in.enabled = false;
  const auto a = retirement_age(Sex::kMale, D("1965-03-02"), RankLevel::kCountyDeputy, p);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->limit, (YearsMonths{58, 0}));
  p.female_county_and_above.phase_in.enabled = true;
  p.female_county_and_above.phase_in.max_delay_months = 36;
  const auto b = retirement_age(Sex::kFemale, D("1965-03-02"), RankLevel::kCountyDeputy, p);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->limit, (YearsMonths{60, 1}));
  EXPECT_FALSE(retirement_age(Sex::kUnspecified, D("1965-03-02"), RankLevel::kCountyDeputy, p));
}

TEST(RetirementScreening, BirthdayOnTheAsOfDateTriggersAndTheDayBeforeDoesNot) {
  const Engine engine;
  const Cadre c = make(Sex::kFemale, "1965-06-30", RankLevel::kBureauDeputy);
  EXPECT_TRUE(engine.screen(c, D("2025-06-29")).empty());
  const auto findings = engine.screen(c, D("2025-06-30"));
  ASSERT_EQ(findings.size(), 1U);
  const Finding &f = findings[0];
  EXPECT_EQ(f.rule_id, "cn-2022.age.retirement");
  EXPECT_EQ(f.channel, Channel::kAgeLimit);
  EXPECT_EQ(f.effective_date, D("2025-06-30"));
  EXPECT_EQ(f.determination, Determination::kComputed);
  EXPECT_NE(f.explanation.zh_cn.find("出生日期1965-06-30"), std::string::npos);
  EXPECT_NE(f.explanation.zh_cn.find("组通字〔2015〕14号"), std::string::npos);
  EXPECT_NE(f.explanation.en.find("Born 1965-06-30"), std::string::npos);
  EXPECT_NE(f.explanation.en.find("60 years"), std::string::npos);
}

TEST(RetirementScreening, FirstPhaseInMonthsAtTheirEdges) {
  const Engine engine;
  const Cadre c = make(Sex::kMale, "1965-03-02", RankLevel::kCountyPrincipal);
  EXPECT_TRUE(engine.screen(c, D("2025-03-02")).empty());  // 60, not yet 60y1m
  EXPECT_TRUE(engine.screen(c, D("2025-04-01")).empty());
  const auto f = engine.screen(c, D("2025-04-02"));
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].effective_date, D("2025-04-02"));
  EXPECT_NE(f[0].explanation.zh_cn.find("60周岁1个月"), std::string::npos);
  EXPECT_NE(f[0].explanation.en.find("60 years 1 month"), std::string::npos);
  bool has_phase_in_citation = false;
  for (const Citation &ci : f[0].citations) {
    has_phase_in_citation |= ci.year == 2024 && ci.verification == Verification::kSaw &&
                             ci.supports.find("每4个月延迟1个月") != std::string::npos;
  }
  EXPECT_TRUE(has_phase_in_citation);
}

TEST(RetirementScreening, LeapDayBirthReachesTheLimitOnFebruary28) {
  const Engine engine;
  // Female township cadre born 1968-02-29: 55 on 2023-02-28 (common year).
  const Cadre c = make(Sex::kFemale, "1968-02-29", RankLevel::kTownshipDeputy);
  EXPECT_TRUE(engine.screen(c, D("2023-02-27")).empty());
  const auto f = engine.screen(c, D("2023-02-28"));
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].effective_date, D("2023-02-28"));
}

TEST(RetirementScreening, UncertifiedBirthDateNeedsVerification) {
  const Engine engine;
  const Cadre c =
      make(Sex::kMale, "1960-01-01", RankLevel::kCountyDeputy, BirthDateSource::kIdentityCard);
  const auto f = engine.screen(c, D("2025-01-01"));
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].determination, Determination::kNeedsVerification);
  EXPECT_NE(f[0].explanation.zh_cn.find("须核实"), std::string::npos);
}

TEST(RetirementScreening, CitesTheRulesInForceOnTheAsOfDate) {
  const Engine engine;
  Cadre c = make(Sex::kMale, "1957-03-02", RankLevel::kCountyPrincipal);
  c.posts[0].start_date = D("2014-01-01");
  const auto f2017 = engine.screen(c, D("2017-06-30"));
  ASSERT_EQ(f2017.size(), 1U);
  EXPECT_NE(
      f2017[0].explanation.zh_cn.find("《推进领导干部能上能下若干规定（试行）》（2015年）第五条"),
      std::string::npos);
  EXPECT_NE(f2017[0].explanation.zh_cn.find("60周岁3个月"), std::string::npos);
  const auto f2023 = engine.screen(c, D("2023-01-01"));
  ASSERT_EQ(f2023.size(), 1U);
  EXPECT_NE(f2023[0].explanation.zh_cn.find("《推进领导干部能上能下规定》（2022年）"),
            std::string::npos);
}

TEST(RetirementScreening, NoPostHeldMeansNothingToRemove) {
  const Engine engine;
  Cadre c = make(Sex::kMale, "1950-01-01", RankLevel::kCountyPrincipal);
  c.posts[0].end_date = D("2010-01-01");
  EXPECT_TRUE(engine.screen(c, D("2025-01-01")).empty());
  c.posts.clear();
  EXPECT_TRUE(engine.screen(c, D("2025-01-01")).empty());
}

TEST(ScreenSummary, CountsCadresByChannelAndRank) {
  const Engine engine;
  ScreenSummary s;
  const Date as_of = D("2025-06-30");
  const Cadre a = make(Sex::kMale, "1960-01-01", RankLevel::kBureauDeputy);
  const Cadre b = make(Sex::kMale, "1980-01-01", RankLevel::kCountyDeputy);
  s.add(a, as_of, engine.screen(a, as_of));
  s.add(b, as_of, engine.screen(b, as_of));
  EXPECT_EQ(s.cadres_screened, 2);
  EXPECT_EQ(s.cadres_down, 1);
  EXPECT_EQ(s.bureau_level_or_above, 1);
  EXPECT_EQ(s.cadres(Channel::kAgeLimit), 1);
  EXPECT_EQ(s.cadres(RankLevel::kBureauDeputy), 1);
  EXPECT_EQ(s.accountability, 0);
}

// A channel or rank level this version does not know (an enum grown by a
// newer schema) is counted under its own number, in order; merge adds alike.
TEST(ScreenSummary, CountsValuesBeyondTheEnumsItWasBuiltWith) {
  Cadre c;
  c.posts.push_back(Post{});
  c.posts[0].rank_level = static_cast<RankLevel>(42);
  c.posts[0].kind = PostKind::kLeadership;
  c.posts[0].start_date = D("2020-01-01");
  Finding grown;
  grown.channel = static_cast<Channel>(99);
  Finding known;
  known.channel = Channel::kTerm;
  ScreenSummary s;
  s.add(c, D("2025-06-30"), {grown, known, grown});
  ASSERT_EQ(s.by_channel.size(), 2U);
  EXPECT_EQ(s.by_channel[0], std::make_pair(Channel::kTerm, 1));
  EXPECT_EQ(s.cadres(static_cast<Channel>(99)), 1);
  EXPECT_EQ(s.cadres(static_cast<RankLevel>(42)), 1);
  ScreenSummary total;
  total.merge(s);
  total.merge(s);
  EXPECT_EQ(total.cadres(static_cast<Channel>(99)), 2);
  EXPECT_EQ(total.cadres(Channel::kTerm), 2);
  EXPECT_EQ(total.cadres(Channel::kAgeLimit), 0);
  EXPECT_EQ(total.cadres_down, 2);
}

}  // namespace
}  // namespace cadre
