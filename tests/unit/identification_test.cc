// Precise identification (issue 12 §2): a hand-made team checked by hand, each four-type
// indicator triggered and not at its edge, the anonymity floor at its edge (4 and 5 raters)
// with complementary suppression, the 优秀 quota at its edge, the horizontal percentiles, the
// operation's errors, and the generated province triggering each type.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/v1/identification_service.pb.h"
#include "codec/codec.hpp"
#include "generator/province.hpp"
#include "service/identification_service.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"
#include "statistics/identification.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace id = ::cadre::identification;
namespace svc = ::cadre::service;
namespace gen = ::cadre::generator;

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// One year of assessment: the grade, every score equal to @p score, and the targets.
AnnualAssessment year(int y, AssessmentGrade grade, double score) {
  AnnualAssessment a;
  a.id = "a" + std::to_string(y);
  a.year = y;
  a.grade = grade;
  a.scores = DimensionScores{score, score, score, score, score};
  a.decided_on = day(y + 1, 1, 15);
  return a;
}

// A cadre holding post p1 of @p unit in @p region since 2015, in peer group @p peer.
Cadre cadre(std::string cid, std::string unit = "u1", std::string region = "360102",
            std::string peer = {}, PostKind kind = PostKind::kLeadership) {
  Cadre c;
  c.id = std::move(cid);
  c.sex = Sex::kMale;
  c.birth_date = day(1970, 1, 1);
  c.birth_date_source = BirthDateSource::kPersonnelFile;
  c.unit_id = unit;
  Post p;
  p.id = "p1";
  p.unit_id = std::move(unit);
  p.region_code = std::move(region);
  p.rank_level = RankLevel::kCountyDeputy;
  p.kind = kind;
  p.start_date = day(2015, 1, 1);
  p.peer_group_id = std::move(peer);
  c.posts.push_back(p);
  return c;
}

id::Options options() {
  id::Options o;
  o.as_of = day(2025, 6, 30);
  o.year = 2024;
  o.years = 3;
  return o;
}

id::Report run(const std::vector<Cadre> &cadres, id::Options o = options()) {
  id::Identifier identifier(std::move(o));
  for (const Cadre &c : cadres) {
    identifier.add(c);
  }
  return identifier.report();
}

std::vector<id::FourType> types_of(const id::Report &r, const std::string &cadre_id) {
  std::vector<id::FourType> out;
  for (const id::Signal &s : r.signals) {
    if (s.cadre_id == cadre_id) {
      out.push_back(s.type);
    }
  }
  return out;
}

// A team t1 of four whose 2024 reverse evaluation had @p raters[i] raters and @p votes[i]
// votes for member c<i+1>; mean scores @p means[i].
std::vector<Cadre> team(const std::vector<int> &raters, const std::vector<int> &votes,
                        const std::vector<double> &means = {80, 70, 90, 60}) {
  std::vector<Cadre> out;
  for (std::size_t i = 0; i < raters.size(); ++i) {
    Cadre c = cadre("c" + std::to_string(i + 1));
    AnnualAssessment a = year(2024, AssessmentGrade::kCompetent, means[i]);
    a.rank_in_team = Ranking{1, 4, "t1"};
    a.reverse_evaluation = ReverseEvaluation{raters[i], votes[i], "ref:" + std::to_string(i + 1)};
    c.assessments.push_back(a);
    out.push_back(c);
  }
  return out;
}

const id::ReverseCell &cell(const id::TeamReport &t, const std::string &cadre_id) {
  for (const id::ReverseCell &c : t.reverse) {
    if (c.cadre_id == cadre_id) {
      return c;
    }
  }
  static const id::ReverseCell kNone;
  ADD_FAILURE() << "no cell for " << cadre_id;
  return kNone;
}

TEST(Identification, HandMadeTeamCheckedByHand) {
  const id::Report r = run(team({5, 5, 5, 5}, {3, 1, 1, 0}));
  ASSERT_EQ(r.teams.size(), 1U);
  const id::TeamReport &t = r.teams[0];
  EXPECT_EQ(t.team_id, "t1");
  EXPECT_EQ(t.unit_id, "u1");
  EXPECT_EQ(t.members, 4);
  EXPECT_EQ(t.suppressed, 0);
  EXPECT_EQ(cell(t, "c1").votes, 3);
  EXPECT_DOUBLE_EQ(cell(t, "c1").share, 0.6);
  EXPECT_EQ(cell(t, "c1").rank, 1);
  EXPECT_EQ(cell(t, "c1").areas_ref, "ref:1");
  EXPECT_EQ(cell(t, "c2").rank, 2);
  EXPECT_EQ(cell(t, "c3").rank, 2);
  EXPECT_EQ(cell(t, "c4").rank, 4);
  EXPECT_EQ(t.weakest, std::vector<std::string>{"c1"});
  // Vertical: means 80, 70, 90, 60; the team's mean 75.
  EXPECT_DOUBLE_EQ(t.team_mean, 75);
  ASSERT_EQ(t.vertical.size(), 4U);
  EXPECT_EQ(t.vertical[0].cadre_id, "c3");
  EXPECT_DOUBLE_EQ(t.vertical[0].difference, 15);
  EXPECT_EQ(t.vertical[1].cadre_id, "c1");
  EXPECT_DOUBLE_EQ(t.vertical[1].difference, 5);
  EXPECT_EQ(t.vertical[1].rank, 2);
  EXPECT_EQ(t.vertical[3].cadre_id, "c4");
  EXPECT_DOUBLE_EQ(t.vertical[3].difference, -15);
  EXPECT_EQ(t.vertical[3].rank, 4);
  // Profiles: one year each, its mean.
  ASSERT_EQ(r.profiles.size(), 4U);
  ASSERT_TRUE(r.profiles[0].mean.has_value());
  EXPECT_DOUBLE_EQ(r.profiles[0].mean->diligence, 80);
  EXPECT_EQ(r.profiles[0].competent, 1);
}

TEST(Identification, AnonymityFloorAtItsEdge) {
  // Five raters: shown.
  EXPECT_EQ(run(team({5, 5, 5, 5}, {3, 1, 1, 0})).teams[0].suppressed, 0);
  // Four raters: nothing shown, no one named weakest.
  const id::Report r = run(team({4, 4, 4, 4}, {2, 1, 1, 0}));
  const id::TeamReport &t = r.teams[0];
  EXPECT_EQ(t.suppressed, 4);
  EXPECT_EQ(r.suppressed_cells, 4);
  EXPECT_TRUE(t.weakest.empty());
  for (const id::ReverseCell &c : t.reverse) {
    EXPECT_EQ(c.suppressed, id::Suppression::kFewerRaters);
    EXPECT_EQ(c.votes, 0);
    EXPECT_EQ(c.raters, 0);
    EXPECT_TRUE(c.areas_ref.empty());
  }
  // A floor of 4 shows them.
  id::Options o = options();
  o.parameters.anonymity_floor = 4;
  EXPECT_EQ(run(team({4, 4, 4, 4}, {2, 1, 1, 0}), o).teams[0].suppressed, 0);
}

TEST(Identification, ComplementaryCellIsHiddenToo) {
  // c1 below the floor; the shown cell with the fewest votes (c4) is hidden with it, so that c1's
  // votes cannot be recovered from the others.
  const id::TeamReport t = run(team({4, 6, 6, 6}, {3, 2, 1, 0})).teams[0];
  EXPECT_EQ(cell(t, "c1").suppressed, id::Suppression::kFewerRaters);
  EXPECT_EQ(cell(t, "c4").suppressed, id::Suppression::kComplementary);
  EXPECT_EQ(cell(t, "c2").suppressed, id::Suppression::kNone);
  EXPECT_EQ(t.suppressed, 2);
  EXPECT_EQ(t.weakest, std::vector<std::string>{"c2"});
}

TEST(Identification, UnanimousCellIsHidden) {
  // Every rater named c1: the count would say how each voted. Hidden, with a complement.
  const id::TeamReport t = run(team({5, 5, 5, 5}, {5, 0, 0, 0})).teams[0];
  EXPECT_EQ(cell(t, "c1").suppressed, id::Suppression::kComplementary);
  EXPECT_EQ(cell(t, "c2").suppressed, id::Suppression::kComplementary);
  EXPECT_EQ(cell(t, "c3").suppressed, id::Suppression::kNone);
  EXPECT_EQ(t.suppressed, 2);
  EXPECT_TRUE(t.weakest.empty());  // the cells shown name no one
}

// A cadre whose years 2022..2024 have these targets (set 10) and ranked_last flags.
Cadre with_targets(const std::string &cid, const std::vector<std::optional<int>> &met) {
  Cadre c = cadre(cid);
  for (std::size_t i = 0; i < met.size(); ++i) {
    AnnualAssessment a = year(2022 + static_cast<int>(i), AssessmentGrade::kCompetent, 80);
    if (met[i]) {
      a.targets = PerformanceTargets{10, *met[i], false};
    }
    c.assessments.push_back(a);
  }
  return c;
}

TEST(FourTypes, OccupyingAtItsEdge) {
  const id::Report r = run({with_targets("hit", {10, 5, 5}), with_targets("edge", {10, 6, 5}),
                            with_targets("gap", {5, 9, 5})});
  EXPECT_EQ(types_of(r, "hit"), std::vector<id::FourType>{id::FourType::kOccupying});
  ASSERT_EQ(r.signals.size(), 1U);
  EXPECT_EQ(r.signals[0].years, (std::vector<int>{2023, 2024}));
  EXPECT_NE(r.signals[0].explanation.zh_cn.find("待核实"), std::string::npos);
  EXPECT_NE(r.signals[0].explanation.en.find("Needs verification"), std::string::npos);
  EXPECT_TRUE(types_of(r, "edge").empty());  // 6 of 10 is not below 60%
  EXPECT_TRUE(types_of(r, "gap").empty());   // not consecutive
}

Cadre ranked_last(const std::string &cid, double diligence, bool last) {
  Cadre c = cadre(cid);
  AnnualAssessment a = year(2024, AssessmentGrade::kCompetent, 80);
  a.scores->diligence = diligence;
  a.targets = PerformanceTargets{10, 10, last};
  c.assessments.push_back(a);
  return c;
}

TEST(FourTypes, DormantAtItsEdge) {
  const id::Report r = run({ranked_last("hit", 69.9, true), ranked_last("edge", 70, true),
                            ranked_last("first", 50, false)});
  EXPECT_EQ(types_of(r, "hit"), std::vector<id::FourType>{id::FourType::kDormant});
  EXPECT_TRUE(types_of(r, "edge").empty());
  EXPECT_TRUE(types_of(r, "first").empty());
}

Cadre declining(const std::string &cid, double last_mean, int raters, int votes) {
  Cadre c = cadre(cid, "u-" + cid);
  c.assessments.push_back(year(2022, AssessmentGrade::kCompetent, 80));
  AnnualAssessment a = year(2024, AssessmentGrade::kCompetent, last_mean);
  a.reverse_evaluation = ReverseEvaluation{raters, votes, {}};
  c.assessments.push_back(a);
  return c;
}

TEST(FourTypes, DispiritedAtItsEdge) {
  const id::Report r =
      run({declining("hit", 70, 6, 2), declining("few-votes", 70, 6, 1),
           declining("small-drop", 70.1, 6, 2), declining("few-raters", 70, 4, 4)});
  EXPECT_EQ(types_of(r, "hit"), std::vector<id::FourType>{id::FourType::kDispirited});
  EXPECT_TRUE(types_of(r, "few-votes").empty());   // 1 of 6 is below a third
  EXPECT_TRUE(types_of(r, "small-drop").empty());  // 9.9 points
  EXPECT_TRUE(types_of(r, "few-raters").empty());  // below the anonymity floor: not read
}

Cadre grades(const std::string &cid, const std::vector<AssessmentGrade> &g) {
  Cadre c = cadre(cid);
  for (std::size_t i = 0; i < g.size(); ++i) {
    c.assessments.push_back(year(2022 + static_cast<int>(i), g[i], 75));
  }
  return c;
}

TEST(FourTypes, MediocreAtItsEdge) {
  using G = AssessmentGrade;
  const id::Report r =
      run({grades("hit", {G::kCompetent, G::kBasicallyCompetent, G::kBasicallyCompetent}),
           grades("apart", {G::kBasicallyCompetent, G::kCompetent, G::kBasicallyCompetent})});
  EXPECT_EQ(types_of(r, "hit"), std::vector<id::FourType>{id::FourType::kMediocre});
  EXPECT_EQ(r.profiles[0].basically_competent, 2);
  EXPECT_TRUE(types_of(r, "apart").empty());
  // Not yet decided on the day: the 2024 grade decided 2025-01-15 is not read as of 2025-01-14.
  id::Options o = options();
  o.as_of = day(2025, 1, 14);
  EXPECT_TRUE(
      types_of(
          run({grades("hit", {G::kCompetent, G::kBasicallyCompetent, G::kBasicallyCompetent})}, o),
          "hit")
          .empty());
}

// A team "tv" whose members scored @p means in 2023 and 2024 (member v<i>).
std::vector<Cadre> team_scores(const std::vector<std::pair<double, double>> &means) {
  std::vector<Cadre> out;
  for (std::size_t i = 0; i < means.size(); ++i) {
    Cadre c = cadre("v" + std::to_string(i));
    for (const auto &[y, m] : {std::pair{2023, means[i].first}, std::pair{2024, means[i].second}}) {
      AnnualAssessment a = year(y, AssessmentGrade::kCompetent, m);
      a.rank_in_team = Ranking{1, static_cast<int>(means.size()), "tv"};
      c.assessments.push_back(a);
    }
    out.push_back(c);
  }
  return out;
}

TEST(FourTypes, MediocreFarBelowTheTeam) {
  // The team's mean is 80 in both years: v0 at 75 is 5 below (fires); at 75.1, 4.9 (not).
  id::Report r = run(team_scores({{75, 75}, {82.45, 82.45}, {82.45, 82.45}, {80.1, 80.1}}));
  EXPECT_EQ(types_of(r, "v0"), std::vector<id::FourType>{id::FourType::kMediocre});
  EXPECT_TRUE(types_of(r, "v1").empty());
  r = run(team_scores({{75.1, 75.1}, {82.4, 82.4}, {82.4, 82.4}, {80.1, 80.1}}));
  EXPECT_TRUE(types_of(r, "v0").empty());
  // One year only: not consecutive.
  r = run(team_scores({{80, 75}, {80, 82.45}, {80, 82.45}, {80, 80.1}}));  // 2023: all at 80
  EXPECT_TRUE(types_of(r, "v0").empty());
  // A team of two: 10 below the other is 5 below the team's mean.
  r = run(team_scores({{70, 70}, {80, 80}}));
  EXPECT_EQ(types_of(r, "v0"), std::vector<id::FourType>{id::FourType::kMediocre});
  // A team of one compares with no one.
  r = run(team_scores({{70, 70}}));
  EXPECT_TRUE(types_of(r, "v0").empty());
}

// A unit @p unit of @p n leading cadres graded in 2024, @p excellent of them 优秀.
std::vector<Cadre> unit_grades(const std::string &unit, int n, int excellent,
                               PostKind kind = PostKind::kLeadership) {
  std::vector<Cadre> out;
  for (int i = 0; i < n; ++i) {
    Cadre c = cadre(unit + "-" + std::to_string(i), unit, "360102", {}, kind);
    c.assessments.push_back(
        year(2024, i < excellent ? AssessmentGrade::kExcellent : AssessmentGrade::kCompetent, 85));
    out.push_back(c);
  }
  return out;
}

TEST(ExcellentQuota, AtItsEdge) {
  std::vector<Cadre> all = unit_grades("u5", 5, 1);  // 20%: within
  for (const Cadre &c : unit_grades("u9", 9, 2)) {   // 22.2%: over
    all.push_back(c);
  }
  for (const Cadre &c : unit_grades("u9", 4, 1, PostKind::kRankOnly)) {  // 25% of the others
    all.push_back(c);
  }
  const id::Report r = run(all);
  ASSERT_EQ(r.quotas.size(), 3U);
  EXPECT_EQ(r.quotas[0].unit_id, "u5");
  EXPECT_EQ(r.quotas[0].graded, 5);
  EXPECT_EQ(r.quotas[0].excellent, 1);
  EXPECT_FALSE(r.quotas[0].exceeds);
  EXPECT_EQ(r.quotas[0].citation.key, "khtl-2019");
  EXPECT_EQ(r.quotas[0].citation.verification, Verification::kRecalled);
  EXPECT_EQ(r.quotas[1].unit_id, "u9");
  EXPECT_TRUE(r.quotas[1].leading);
  EXPECT_TRUE(r.quotas[1].exceeds);
  EXPECT_NEAR(r.quotas[1].share, 2.0 / 9.0, 1e-12);
  EXPECT_FALSE(r.quotas[2].leading);
  EXPECT_TRUE(r.quotas[2].exceeds);
  EXPECT_EQ(r.quotas[2].citation.key, "gwykh-2007");
  // The cap is a parameter: at 25% the others are within.
  id::Options o = options();
  o.parameters.excellent_cap_other = 25;
  EXPECT_FALSE(run(all, o).quotas[2].exceeds);
}

TEST(Horizontal, PercentilesWithTheGroupSize) {
  std::vector<Cadre> all;
  const std::vector<double> means = {60, 70, 80, 90, 90};
  for (std::size_t i = 0; i < means.size(); ++i) {
    Cadre c = cadre("h" + std::to_string(i), "uh" + std::to_string(i),
                    "3601" + std::to_string(10 + i) + "0", "pg-county-head");
    c.assessments.push_back(year(2024, AssessmentGrade::kCompetent, means[i]));
    all.push_back(c);
  }
  id::Report r = run(all);
  ASSERT_EQ(r.peers.size(), 1U);
  const id::PeerReport &g = r.peers[0];
  EXPECT_EQ(g.size, 5);
  EXPECT_EQ(g.regions, 5);
  EXPECT_FALSE(g.suppressed);
  ASSERT_EQ(g.rows.size(), 5U);
  EXPECT_EQ(g.rows[0].cadre_id, "h3");
  EXPECT_DOUBLE_EQ(g.rows[0].percentile, 80);  // 3 below, 2 tied: (3 + 1) / 5
  EXPECT_DOUBLE_EQ(g.rows[2].percentile, 50);  // 80: 2 below, itself
  EXPECT_DOUBLE_EQ(g.rows[4].percentile, 10);  // 60: none below
  // Four holders: too small, no percentile, and said so.
  all.pop_back();
  r = run(all);
  EXPECT_TRUE(r.peers[0].suppressed);
  EXPECT_TRUE(r.peers[0].rows.empty());
  EXPECT_EQ(r.peers[0].size, 4);
  EXPECT_EQ(r.suppressed_groups, 1);
  // --unit: only that unit's rows, the group still whole.
  all.push_back(cadre("h4", "uh4", "360140", "pg-county-head"));
  all.back().assessments.push_back(year(2024, AssessmentGrade::kCompetent, 90));
  id::Options o = options();
  o.unit_id = "uh0";
  r = run(all, o);
  ASSERT_EQ(r.peers.size(), 1U);
  EXPECT_EQ(r.peers[0].size, 5);
  ASSERT_EQ(r.peers[0].rows.size(), 1U);
  EXPECT_EQ(r.peers[0].rows[0].cadre_id, "h0");
  EXPECT_EQ(r.profiles.size(), 1U);
}

TEST(IdentifyOperation, ParametersAndErrorsNameTheField) {
  pb::IdentifyRequest req;
  pb::IdentifyResponse resp;
  const Engine &engine = svc::builtin_engine();
  Status st = svc::identify(engine, req, resp);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "as_of");
  req.set_as_of("2025-06-30");
  req.mutable_parameters()->set_anonymity_floor(1);
  resp.Clear();
  st = svc::identify(engine, req, resp);
  EXPECT_EQ(st.field(), "parameters.anonymity_floor");
  req.mutable_parameters()->set_anonymity_floor(5);
  req.mutable_parameters()->set_weakest_share(1.5);
  resp.Clear();
  EXPECT_EQ(svc::identify(engine, req, resp).field(), "parameters.weakest_share");
  req.mutable_parameters()->clear_weakest_share();
  req.set_years(21);
  resp.Clear();
  EXPECT_EQ(svc::identify(engine, req, resp).field(), "years");
  req.set_years(0);
  // A bad record: its error, the others answered; the defaults repeated, four indicators.
  for (const Cadre &c : team({5, 5, 5, 5}, {3, 1, 1, 0})) {
    codec::encode(c, *req.add_cadres());
  }
  req.add_cadres()->set_id("bad");
  resp.Clear();
  ASSERT_TRUE(svc::identify(engine, req, resp).ok());
  EXPECT_EQ(resp.cadres(), 5);
  ASSERT_EQ(resp.errors_size(), 1);
  EXPECT_EQ(resp.errors(0).cadre_id(), "bad");
  EXPECT_EQ(resp.year(), 2024);
  EXPECT_EQ(resp.parameters().anonymity_floor(), 5);
  EXPECT_EQ(resp.parameters().min_group(), 5);
  EXPECT_EQ(resp.indicators_size(), 4);
  for (const pb::FourTypeIndicator &i : resp.indicators()) {
    EXPECT_NE(i.seed_words().find("“占位型”“休眠型”“颓废型”“平庸型”"), std::string::npos);
    EXPECT_EQ(i.citation().key(), "jx-article-2017");
    EXPECT_FALSE(i.definition().zh_cn().empty());
    EXPECT_FALSE(i.definition().en().empty());
  }
  ASSERT_EQ(resp.teams_size(), 1);
  EXPECT_EQ(resp.teams(0).reverse(0).votes_as_weakest(), 3);
  EXPECT_NE(resp.anonymity_note().zh_cn().find("5"), std::string::npos);
}

// The seed's words the four types come from are quoted exactly.
TEST(FourTypes, TheSeedsWordsAreQuotedExactly) {
  std::ifstream in(CADRE_SEED_TEXT);
  if (!in) {
    GTEST_SKIP() << "the seed article is not beside the repository";
  }
  const std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(seed.find(id::seed_words()), std::string::npos);
  EXPECT_EQ(id::citation_of(id::FourType::kMediocre).supports, id::seed_words());
}

TEST(IdentifyOperation, TheGeneratedProvinceTriggersEachType) {
  gen::Options o;
  o.cadres = 3000;
  o.seed = 12;
  pb::Roster roster;
  ASSERT_TRUE(gen::generate_roster(o, roster).ok());
  pb::IdentifyRequest req;
  req.set_as_of("2025-06-30");
  *req.mutable_cadres() = roster.cadres();
  pb::IdentifyResponse resp;
  ASSERT_TRUE(svc::identify(svc::builtin_engine(), req, resp).ok());
  EXPECT_EQ(resp.errors_size(), 0);
  std::map<pb::FourType, int> by_type;
  for (const pb::FourTypeSignal &s : resp.signals()) {
    ++by_type[s.type()];
    EXPECT_EQ(s.status(), pb::IDENTIFICATION_STATUS_NEEDS_VERIFICATION);
  }
  // Each type fires, for a small share of the cadres (plausible rates, not most of them).
  for (const pb::FourType t : {pb::FOUR_TYPE_OCCUPYING, pb::FOUR_TYPE_DORMANT,
                               pb::FOUR_TYPE_DISPIRITED, pb::FOUR_TYPE_MEDIOCRE}) {
    EXPECT_GT(by_type[t], 0) << pb::FourType_Name(t);
    EXPECT_LT(by_type[t], resp.cadres() / 10) << pb::FourType_Name(t);
  }
  EXPECT_GT(resp.teams_size(), 0);
  EXPECT_GT(resp.peer_groups_size(), 0);
  EXPECT_GT(resp.quotas_size(), 0);
}

}  // namespace
}  // namespace cadre
