// Statistics of the adjustments carried out, the quarterly dispatch and the annual bulletin
// (issue 12 §1): a hand-made roster counted by hand, the quarter's edges, the generated
// province's bulletin against counts made here independently, and the stream form equal to
// the whole request, units and regions kept.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cadre/followup_plan.hpp"
#include "cadre/screening.hpp"
#include "cadre/statistics.hpp"
#include "cadre/v1/statistics_service.pb.h"
#include "codec/codec.hpp"
#include "codec/stream.hpp"
#include "service/operation.hpp"
#include "service/run_by_record.hpp"
#include "service/service.hpp"
#include "service/statistics_service.hpp"
#include "support/province.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Post post(std::string id, std::string unit, std::string region, RankLevel level, Date from,
          std::optional<Date> to, PostKind kind = PostKind::kLeadership) {
  Post p;
  p.id = std::move(id);
  p.unit_id = std::move(unit);
  p.region_code = std::move(region);
  p.rank_level = level;
  p.kind = kind;
  p.start_date = from;
  p.end_date = to;
  return p;
}

Adjustment adjustment(std::string id, Channel channel, AdjustmentMethod method,
                      std::string from_post, std::optional<Date> executed,
                      std::optional<Date> decided = std::nullopt) {
  Adjustment a;
  a.id = std::move(id);
  a.channel = channel;
  a.method = method;
  a.from_post_id = std::move(from_post);
  a.executed_on = executed;
  a.decided_on = decided ? decided : executed;
  return a;
}

CaseDigest digest(std::string id, std::string cadre, ProcedureKind kind, Date opened,
                  std::optional<Date> ended, bool carried_out, int overdue = 0) {
  CaseDigest d;
  d.case_id = std::move(id);
  d.cadre_id = std::move(cadre);
  d.kind = kind;
  d.channel = channel_of(kind);
  d.opened_on = opened;
  d.ended_on = ended;
  d.carried_out = carried_out;
  d.working_days_overdue = overdue;
  return d;
}

// The hand-made province:
//   regions 990000 合成省 > 990100 一市 > 990121 一县; units u1 (一市, 990100), u2 (一县, 990121).
//   a: 厅局级副职 in u1 until 2024-03-31; 问责追究调整 by 免职 carried out 2024-03-31 (Q1);
//      rank-only post in u1 from 2024-04-01.
//   b: 县处级正职 in u2 until 2024-03-31; 不适宜担任现职调整 by 改任非领导职务 carried out
//      2024-04-01 (Q2); rank-only post in u2 from 2024-04-01.
//   c: 乡科级正职 in u2, held; a 任期 adjustment decided 2024-05-01, never carried out.
//   d: 县处级副职 in u2, held; no record; cases k1 (问责, opened 2024-04-10, closed carried out
//      2024-06-20) and k2 (不适宜, opened 2024-05-01, open, 3 working days overdue).
//   b also has case k4 (不适宜, opened 2024-03-01, closed carried out 2024-04-01): the same
//   adjustment as b's record, so not counted twice.
//   case k3 (问责, opened 2024-02-01, closed carried out 2024-02-20) is of a cadre not given.
class HandMade : public ::testing::Test {
 protected:
  void add_all(StatisticsBuilder &b) const {
    b.add_region({"990000", "合成省", RegionLevel::kProvince, ""});
    b.add_region({"990100", "一市", RegionLevel::kCity, "990000"});
    b.add_region({"990121", "一县", RegionLevel::kCounty, "990100"});
    Unit u1;
    u1.id = "u1";
    u1.name = "一市委组织部";
    u1.region_code = "990100";
    Unit u2;
    u2.id = "u2";
    u2.name = "一县政府";
    u2.region_code = "990121";
    b.add_unit(u1);
    b.add_unit(u2);
    b.add_case(digest("k1", "d", ProcedureKind::kAccountabilityAdjustment, day(2024, 4, 10),
                      day(2024, 6, 20), true));
    b.add_case(digest("k2", "d", ProcedureKind::kUnsuitableAdjustment, day(2024, 5, 1),
                      std::nullopt, false, 3));
    b.add_case(digest("k3", "ghost", ProcedureKind::kAccountabilityAdjustment, day(2024, 2, 1),
                      day(2024, 2, 20), true));
    b.add_case(digest("k4", "b", ProcedureKind::kUnsuitableAdjustment, day(2024, 3, 1),
                      day(2024, 4, 1), true));
    Cadre a;
    a.id = "a";
    a.unit_id = "u1";
    a.posts = {
        post("pa1", "u1", "990100", RankLevel::kBureauDeputy, day(2020, 1, 1), day(2024, 3, 31)),
        post("pa2", "u1", "990100", RankLevel::kCountyPrincipal, day(2024, 4, 1), std::nullopt,
             PostKind::kRankOnly)};
    a.adjustments = {adjustment("adj1", Channel::kAccountability, AdjustmentMethod::kRemoval, "pa1",
                                day(2024, 3, 31))};
    Cadre bc;
    bc.id = "b";
    bc.unit_id = "u2";
    bc.posts = {
        post("pb1", "u2", "990121", RankLevel::kCountyPrincipal, day(2019, 1, 1), day(2024, 3, 31)),
        post("pb2", "u2", "990121", RankLevel::kCountyPrincipal, day(2024, 4, 1), std::nullopt,
             PostKind::kRankOnly)};
    bc.adjustments = {adjustment("adj2", Channel::kUnsuitable, AdjustmentMethod::kNonLeadershipPost,
                                 "pb1", day(2024, 4, 1))};
    Cadre c;
    c.id = "c";
    c.unit_id = "u2";
    c.posts = {
        post("pc1", "u2", "990121", RankLevel::kTownshipPrincipal, day(2018, 1, 1), std::nullopt)};
    c.adjustments = {adjustment("adj3", Channel::kTerm, AdjustmentMethod::kTransferOut, "pc1",
                                std::nullopt, day(2024, 5, 1))};
    Cadre d;
    d.id = "d";
    d.unit_id = "u2";
    d.posts = {
        post("pd1", "u2", "990121", RankLevel::kCountyDeputy, day(2015, 1, 1), std::nullopt)};
    for (const Cadre *x : {&a, &bc, &c, &d}) {
      b.add_cadre(*x);
    }
  }

  StatisticsReport report(const Period &p) const {
    StatisticsOptions o;
    o.period = p;
    StatisticsBuilder b(engine_, followups_, o);
    add_all(b);
    return b.finish();
  }

  static const StatisticsLine *line(const std::vector<StatisticsLine> &lines,
                                    const std::string &key) {
    for (const StatisticsLine &l : lines) {
      if (l.key == key) {
        return &l;
      }
    }
    return nullptr;
  }

  const Engine &engine_ = svc::builtin_engine();
  FollowUpCatalogue followups_ = FollowUpCatalogue::builtin();
};

TEST_F(HandMade, TheYearCountedByHand) {
  const StatisticsReport r = report(*year_period(2024));
  // Carried out in 2024: a (record), b (record), k1 (case of d), k3 (case of no cadre given) = 4;
  // k4 is b's adjustment again (its record counts), c's was never carried out.
  const AdjustmentTally &t = r.total.adjusted;
  EXPECT_EQ(t.adjusted_down, 4);
  EXPECT_EQ(t.accountability, 3);         // a, k1, k3
  EXPECT_EQ(t.unsuitable, 1);             // b
  EXPECT_EQ(t.bureau_level_or_above, 1);  // a left a 厅局级副职 post
  EXPECT_EQ(t.from_records, 2);
  EXPECT_EQ(t.from_cases, 2);
  EXPECT_EQ(t.by_method[static_cast<std::size_t>(AdjustmentMethod::kRemoval)], 1);
  EXPECT_EQ(t.by_method[static_cast<std::size_t>(AdjustmentMethod::kNonLeadershipPost)], 1);
  EXPECT_EQ(t.by_method[0], 2);  // the two cases name no method
  EXPECT_EQ(t.by_rank_level[static_cast<std::size_t>(RankLevel::kBureauDeputy)], 1);
  EXPECT_EQ(t.by_rank_level[static_cast<std::size_t>(RankLevel::kCountyPrincipal)], 1);
  EXPECT_EQ(t.by_rank_level[static_cast<std::size_t>(RankLevel::kCountyDeputy)], 1);  // k1: d
  EXPECT_EQ(t.by_rank_level[0], 1);            // k3: no cadre, no rank
  EXPECT_EQ(r.notable.not_carried_out, 1);     // c
  EXPECT_EQ(r.notable.unattributed_cases, 1);  // k3
  EXPECT_EQ(r.notable.bureau_level_or_above, 1);
  EXPECT_EQ(r.notable.removals, 1);
  // The trend: Q1 a (31 March) and k3; Q2 b (1 April) and k1.
  ASSERT_EQ(r.by_quarter.size(), 4U);
  EXPECT_EQ(r.by_quarter[0].adjusted.adjusted_down, 2);
  EXPECT_EQ(r.by_quarter[1].adjusted.adjusted_down, 2);
  EXPECT_EQ(r.by_quarter[2].adjusted.adjusted_down, 0);
  EXPECT_EQ(r.by_quarter[3].adjusted.adjusted_down, 0);
  // Units: u1 a; u2 b and k1; "" k3. Cadres in post on 31 December: u1 a; u2 b, c, d.
  const StatisticsLine *u1 = line(r.units, "u1");
  const StatisticsLine *u2 = line(r.units, "u2");
  const StatisticsLine *none = line(r.units, "");
  ASSERT_NE(u1, nullptr);
  ASSERT_NE(u2, nullptr);
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(u1->label, "一市委组织部");
  EXPECT_EQ(u1->adjusted.adjusted_down, 1);
  EXPECT_EQ(u2->adjusted.adjusted_down, 2);
  EXPECT_EQ(none->adjusted.adjusted_down, 1);
  EXPECT_EQ(u1->cadres, 1);
  EXPECT_EQ(u2->cadres, 3);
  EXPECT_EQ(r.total.cadres, 4);
  // Procedures: opened in 2024 k1, k2, k4 (u2: d, d, b) and k3 (""); open on 31 December k2,
  // 3 working days overdue.
  EXPECT_EQ(u2->opened, 3);
  EXPECT_EQ(none->opened, 1);
  EXPECT_EQ(u2->in_progress, 1);
  EXPECT_EQ(u2->overdue, 1);
  EXPECT_EQ(u2->max_working_days_overdue, 3);
  EXPECT_EQ(u2->procedures_active, 3);
  EXPECT_EQ(u2->procedures_on_time, 2);  // k2 is overdue
  // Regions, each with those below: 990121 b, k1; 990100 a and 990121's; 990000 the same.
  const StatisticsLine *county = line(r.regions, "990121");
  const StatisticsLine *city = line(r.regions, "990100");
  const StatisticsLine *province = line(r.regions, "990000");
  ASSERT_NE(county, nullptr);
  ASSERT_NE(city, nullptr);
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(county->adjusted.adjusted_down, 2);
  EXPECT_EQ(city->adjusted.adjusted_down, 3);
  EXPECT_EQ(province->adjusted.adjusted_down, 3);
  EXPECT_EQ(province->label, "合成省");
  EXPECT_EQ(city->region_code, "990000");
  EXPECT_EQ(province->cadres, 4);
  ASSERT_NE(line(r.regions, ""), nullptr);  // k3
  EXPECT_EQ(line(r.regions, "")->adjusted.adjusted_down, 1);
}

TEST_F(HandMade, ThirtyFirstMarchIsTheFirstQuarterAndFirstAprilTheSecond) {
  const StatisticsReport q1 = report(*quarter_period(2024, 1));
  const StatisticsReport q2 = report(*quarter_period(2024, 2));
  // Q1: a on 31 March and k3 on 20 February. Q2: b on 1 April and k1 on 20 June.
  EXPECT_EQ(q1.total.adjusted.adjusted_down, 2);
  EXPECT_EQ(q1.total.adjusted.accountability, 2);
  EXPECT_EQ(q1.total.adjusted.unsuitable, 0);
  EXPECT_EQ(q2.total.adjusted.adjusted_down, 2);
  EXPECT_EQ(q2.total.adjusted.unsuitable, 1);
  ASSERT_EQ(q1.by_quarter.size(), 1U);
  EXPECT_EQ(q1.by_quarter[0].period.to, day(2024, 3, 31));
  // On 31 March a still holds the 厅局级 post; on 30 June it holds the rank-only one.
  EXPECT_EQ(line(q1.units, "u1")->cadres, 1);
  // k4 closed on 1 April: b's adjustment of Q2, counted by its record there, and not in Q1.
  EXPECT_EQ(line(q1.units, "u2")->in_progress, 1);  // k4 still open on 31 March
  EXPECT_EQ(q2.total.adjusted.from_cases, 1);       // k1 only
  // Any range: 31 March to 1 April holds a and b.
  const StatisticsReport edge = report(*range_period(day(2024, 3, 31), day(2024, 4, 1)));
  EXPECT_EQ(edge.total.adjusted.adjusted_down, 2);
  ASSERT_EQ(edge.by_quarter.size(), 2U);
  EXPECT_EQ(edge.by_quarter[0].adjusted.adjusted_down, 1);
  EXPECT_EQ(edge.by_quarter[1].adjusted.adjusted_down, 1);
}

TEST(StatisticsPeriods, QuartersYearsAndRanges) {
  EXPECT_EQ(quarter_period(2024, 1)->to, day(2024, 3, 31));
  EXPECT_EQ(quarter_period(2024, 2)->from, day(2024, 4, 1));
  EXPECT_EQ(quarter_period(2024, 4)->to, day(2024, 12, 31));
  EXPECT_EQ(quarter_period(2024, 5).status().field(), "quarter");
  EXPECT_EQ(quarter_period(0, 1).status().field(), "year");
  EXPECT_EQ(year_period(10000).status().field(), "year");
  EXPECT_EQ(range_period(day(2024, 2, 1), day(2024, 1, 1)).status().field(), "to");
  EXPECT_EQ(quarter_of(day(2024, 3, 31)), 1);
  EXPECT_EQ(quarter_of(day(2024, 4, 1)), 2);
  EXPECT_EQ(channel_of(ProcedureKind::kAdmonishment), Channel::kUnspecified);
}

TEST(StatisticsScore, TheFormulaAndItsWeights) {
  // One unit, one cadre: 3 term adjustments carried out in 2024 (records); case k1 open and 2
  // working days overdue, case k2 closed on time (carried out, but the cadre's record of the
  // channel in the period counts instead). No screening, no follow-up: nothing due, no talks.
  //   timeliness   = on-time procedures / procedures active = 1 / 2 = 0.5
  //   completeness = done / (done + due) = 3 / (3 + 0) = 1
  //   score        = 100 * (w_t * 0.5 + w_c * 1) / (w_t + w_c): 75 for weights 1 and 1,
  //                  100 * (3 * 0.5 + 1) / 4 = 62.5 for weights 3 and 1.
  for (const auto &[w, expected] :
       {std::pair{AssessmentWeights{1, 1}, 75.0}, std::pair{AssessmentWeights{3, 1}, 62.5},
        std::pair{AssessmentWeights{0, 1}, 100.0}}) {
    StatisticsOptions o;
    o.period = *year_period(2024);
    o.score_units = true;
    o.weights = w;
    const FollowUpCatalogue none;
    StatisticsBuilder b(svc::builtin_engine(), none, o);
    Cadre c;
    c.id = "c";
    c.unit_id = "u";
    c.posts = {
        post("p", "u", "990100", RankLevel::kCountyPrincipal, day(2010, 1, 1), std::nullopt)};
    for (int i = 0; i < 3; ++i) {
      c.adjustments.push_back(adjustment("a" + std::to_string(i), Channel::kTerm,
                                         AdjustmentMethod::kTransferOut, "p", day(2024, 6, 1 + i)));
    }
    b.add_case(
        digest("k1", "c", ProcedureKind::kTermExchange, day(2024, 1, 5), std::nullopt, false, 2));
    b.add_case(
        digest("k2", "c", ProcedureKind::kTermExchange, day(2023, 11, 5), day(2024, 6, 1), true));
    b.add_cadre(c);
    const StatisticsReport r = b.finish();
    ASSERT_EQ(r.units.size(), 1U);
    const StatisticsLine &l = r.units[0];
    EXPECT_EQ(l.procedures_active, 2);
    EXPECT_EQ(l.procedures_on_time, 1);
    EXPECT_EQ(l.done(), 3);
    EXPECT_DOUBLE_EQ(*l.score.timeliness, 0.5);
    EXPECT_DOUBLE_EQ(*l.score.completeness, 1.0);
    ASSERT_TRUE(l.score.score.has_value());
    EXPECT_DOUBLE_EQ(*l.score.score, expected);
    EXPECT_EQ(l.score.rank, 1);
  }
}

// The generated province, as a request of @p op's type: its regions, units and cadres.
template <typename Request>
Request province_request(const pb::Roster &roster) {
  Request r;
  *r.mutable_regions() = roster.regions();
  *r.mutable_units() = roster.units();
  *r.mutable_cadres() = roster.cadres();
  return r;
}

const pb::Roster &province() {
  static const pb::Roster kRoster = testing::generated_province(1500, 12);
  return kRoster;
}

bool bureau(pb::RankLevel l) {
  return l >= pb::RANK_LEVEL_PROVINCE_PRINCIPAL && l <= pb::RANK_LEVEL_BUREAU_DEPUTY;
}

TEST(AnnualBulletin, TheGeneratedProvinceAgreesWithCountsMadeHere) {
  const pb::Roster &roster = province();
  // Counted here from the messages, without the library: every adjustment carried out in 2024
  // (and in 2023), at the unit of the post it left.
  struct Counts {
    int total = 0, accountability = 0, unsuitable = 0, bureau = 0, before = 0;
    int reappointed = 0;
    std::map<std::string, int> by_unit;
    std::map<int, int> by_channel;
  } want;
  for (const pb::Cadre &c : roster.cadres()) {
    for (const pb::Adjustment &a : c.adjustments()) {
      if (a.executed_on().empty()) {
        continue;
      }
      const pb::Post *left = nullptr;
      for (const pb::Post &p : c.posts()) {
        if (p.id() == a.from_post_id()) {
          left = &p;
        }
      }
      ASSERT_NE(left, nullptr) << "the generator names the post left";
      if (a.executed_on().rfind("2023", 0) == 0) {
        ++want.before;
      }
      if (a.executed_on().rfind("2024", 0) != 0) {
        continue;
      }
      ++want.total;
      want.accountability += a.channel() == pb::CHANNEL_ACCOUNTABILITY ? 1 : 0;
      want.unsuitable += a.channel() == pb::CHANNEL_UNSUITABLE ? 1 : 0;
      want.bureau += bureau(left->rank_level()) ? 1 : 0;
      ++want.by_unit[left->unit_id().empty() ? c.unit_id() : left->unit_id()];
      ++want.by_channel[a.channel()];
    }
    for (const pb::FollowUpPlan &p : c.follow_up_plans()) {
      if (p.has_outcome() && p.outcome().decided_on().rfind("2024", 0) == 0 &&
          p.outcome().kind() == pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED) {
        ++want.reappointed;
      }
    }
  }
  ASSERT_GT(want.total, 10) << "the province adjusts cadres every year";
  auto request = province_request<pb::AnnualBulletinRequest>(roster);
  request.set_year(2024);
  pb::AnnualBulletinResponse got;
  const Status st =
      svc::call(*svc::find_operation("annual_bulletin"), svc::builtin_engine(), request, got);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(got.errors_size(), 0);
  EXPECT_EQ(got.cadres(), roster.cadres_size());
  EXPECT_EQ(got.period().from(), "2024-01-01");
  EXPECT_EQ(got.previous().to(), "2023-12-31");
  const pb::AdjustmentTally &t = got.total().adjusted();
  EXPECT_EQ(t.adjusted_down(), want.total);
  EXPECT_EQ(t.accountability(), want.accountability);
  EXPECT_EQ(t.unsuitable(), want.unsuitable);
  EXPECT_EQ(t.bureau_level_or_above(), want.bureau);
  EXPECT_EQ(t.from_records(), want.total);
  EXPECT_EQ(got.total().previous().adjusted_down(), want.before);
  EXPECT_EQ(got.total().reappointed(), want.reappointed);
  for (const pb::ChannelCount &c : t.by_channel()) {
    EXPECT_EQ(c.cadres(), want.by_channel[c.channel()]) << c.channel();
  }
  int quarters = 0;
  for (const pb::QuarterTally &q : got.by_quarter()) {
    quarters += q.adjusted().adjusted_down();
  }
  EXPECT_EQ(quarters, want.total);
  std::map<std::string, int> by_unit;
  int ranked = 0;
  for (const pb::StatisticsLine &u : got.units()) {
    if (u.adjusted().adjusted_down() > 0) {
      by_unit[u.key()] = u.adjusted().adjusted_down();
    }
    if (!u.key().empty()) {
      EXPECT_FALSE(u.label().empty()) << u.key();  // every unit named from the roster
    }
    if (u.score().rank() > 0) {
      EXPECT_EQ(u.score().rank(), ++ranked) << "the units come in the order of the ranking";
      EXPECT_GE(u.score().score(), 0.0);
      EXPECT_LE(u.score().score(), 100.0);
    }
  }
  EXPECT_EQ(by_unit, want.by_unit);
  EXPECT_GT(ranked, 0);
  // The regions: the province's line holds every unit's.
  const std::string &code = roster.header().jurisdiction();
  bool found = false;
  for (const pb::StatisticsLine &g : got.regions()) {
    if (g.key() == code) {
      found = true;
      EXPECT_EQ(g.adjusted().adjusted_down(), want.total);
      EXPECT_FALSE(g.label().empty());
    }
  }
  EXPECT_TRUE(found);
}

// The operation's bytes path (record by record), the stream form (records one at a time, as
// the CLI reads a .cadres roster) and the whole request agree, units and regions included.
TEST(AnnualBulletin, TheStreamFormEqualsTheWholeRoster) {
  const pb::Roster &roster = province();
  const svc::Operation &op = *svc::find_operation("annual_bulletin");
  ASSERT_TRUE(svc::runs_by_record(op));
  auto request = province_request<pb::AnnualBulletinRequest>(roster);
  request.set_year(2024);
  pb::AnnualBulletinResponse whole;
  ASSERT_TRUE(svc::call(op, svc::builtin_engine(), request, whole).ok());
  ASSERT_GT(whole.units_size(), 1);
  ASSERT_GT(whole.regions_size(), 1);
  for (const codec::Format format : {codec::Format::kBinary, codec::Format::kJson}) {
    std::string bytes;
    ASSERT_TRUE(codec::serialize(request, format, bytes).ok());
    std::string out;
    const Status st =
        svc::call(op, svc::builtin_engine(), reinterpret_cast<const std::uint8_t *>(bytes.data()),
                  bytes.size(), format, out);
    ASSERT_TRUE(st.ok()) << st.to_string();
    pb::AnnualBulletinResponse streamed;
    ASSERT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(out.data()), out.size(), format,
                             streamed, "response")
                    .ok());
    EXPECT_EQ(streamed.SerializeAsString(), whole.SerializeAsString());
  }
  // The stream form of the roster, one record at a time.
  std::string stream;
  ASSERT_TRUE(codec::write_stream(roster, stream).ok());
  codec::StreamReader reader(stream);
  const std::unique_ptr<svc::RecordRun> run = op.run(svc::builtin_engine());
  pb::AnnualBulletinRequest head;
  head.set_year(2024);
  pb::AnnualBulletinResponse streamed;
  ASSERT_TRUE(run->begin(head, streamed).ok());
  pb::RosterRecord record;
  const auto *fields = pb::Roster::descriptor();
  int regions = 0;
  int units = 0;
  std::int64_t cadres = 0;
  while (reader.next(record)) {
    if (record.has_region()) {
      run->list_record(*fields->FindFieldByName("regions"), regions++, record.region(), {},
                       streamed);
    } else if (record.has_unit()) {
      run->list_record(*fields->FindFieldByName("units"), units++, record.unit(), {}, streamed);
    } else if (record.has_cadre()) {
      run->record(record.cadre(), cadres++, streamed);
    }
  }
  ASSERT_TRUE(reader.at_end()) << reader.status().to_string();
  ASSERT_TRUE(run->end(streamed, [] { return Status{}; }).ok());
  EXPECT_EQ(streamed.SerializeAsString(), whole.SerializeAsString());
}

TEST(QuarterlyDispatch, CountsTheQuarterAndNamesTheUnitsFurthestBehind) {
  const pb::Roster &roster = province();
  auto request = province_request<pb::QuarterlyDispatchRequest>(roster);
  request.set_year(2024);
  request.set_quarter(4);
  request.set_behind(3);
  pb::QuarterlyDispatchResponse got;
  const Status st =
      svc::call(*svc::find_operation("quarterly_dispatch"), svc::builtin_engine(), request, got);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(got.period().from(), "2024-10-01");
  EXPECT_EQ(got.period().to(), "2024-12-31");
  EXPECT_GT(got.total().due(), 0) << "the province has cadres due at the end of a quarter";
  EXPECT_LE(got.furthest_behind_size(), 3);
  int due = 0;
  int talks = 0;
  for (const pb::StatisticsLine &u : got.units()) {
    due += u.due();
    talks += u.talks_due() + u.talks_overdue();
  }
  EXPECT_EQ(due, got.total().due());
  EXPECT_EQ(talks, got.total().talks_due() + got.total().talks_overdue());
  // Bad requests name their field.
  request.set_quarter(5);
  EXPECT_EQ(
      svc::call(*svc::find_operation("quarterly_dispatch"), svc::builtin_engine(), request, got)
          .field(),
      "quarter");
}

TEST(StatisticsService, RowsOfTheTableAndTheirExamples) {
  for (const char *name : {"statistics", "quarterly_dispatch", "annual_bulletin"}) {
    const svc::Operation *op = svc::find_operation(name);
    ASSERT_NE(op, nullptr) << name;
    EXPECT_FALSE(op->needs_store());
    EXPECT_TRUE(svc::runs_by_record(*op)) << name;
    std::string out;
    const Status st = svc::call(*op, svc::builtin_engine(),
                                reinterpret_cast<const std::uint8_t *>(op->example.data()),
                                op->example.size(), codec::Format::kJson, out);
    EXPECT_TRUE(st.ok()) << name << ": " << st.to_string();
  }
  const svc::Operation *digest_op = svc::find_operation("case_digest");
  ASSERT_NE(digest_op, nullptr);
  EXPECT_TRUE(digest_op->needs_store());
}

TEST(StatisticsService, BadRecordsNameTheirFieldAndTheOthersAreCounted) {
  pb::StatisticsRequest r;
  r.set_from("2024-01-01");
  r.set_to("2024-12-31");
  pb::CaseDigest &bad = *r.add_cases();
  bad.set_case_id("k1");
  bad.set_cadre_id("c1");
  bad.set_kind(pb::PROCEDURE_KIND_ACCOUNTABILITY_ADJUSTMENT);
  bad.set_opened_on("2024-02-30");
  pb::Unit &unit = *r.add_units();
  unit.set_id("u1");  // no kind
  pb::Cadre &c = *r.add_cadres();
  c.set_id("c1");
  pb::StatisticsResponse got;
  ASSERT_TRUE(svc::call(*svc::find_operation("statistics"), svc::builtin_engine(), r, got).ok());
  std::vector<std::string> fields;
  for (const pb::RecordError &e : got.errors()) {
    fields.push_back(e.field_path());
  }
  ASSERT_EQ(fields.size(), 3U);
  EXPECT_EQ(fields[0].rfind("units[0]", 0), 0U) << fields[0];
  EXPECT_EQ(fields[1], "cases[0].opened_on");
  EXPECT_EQ(fields[2].rfind("cadres[0]", 0), 0U) << fields[2];
  EXPECT_EQ(got.cadres(), 1);
  r.set_to("2023-01-01");
  EXPECT_EQ(svc::call(*svc::find_operation("statistics"), svc::builtin_engine(), r, got).field(),
            "to");
  pb::AnnualBulletinRequest a;
  a.set_year(2024);
  a.mutable_weights()->set_timeliness(-1);
  pb::AnnualBulletinResponse ar;
  EXPECT_EQ(
      svc::call(*svc::find_operation("annual_bulletin"), svc::builtin_engine(), a, ar).field(),
      "weights.timeliness");
}

}  // namespace
}  // namespace cadre
