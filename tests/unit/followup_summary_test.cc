// Follow-up in the main job's summary and the host's follow-up templates (issue 11 §4):
// - ScreenSummary counts the plans open, their talks overdue on the working-day calendar and
//   the re-appointments of the as-of year, on a hand-made roster with known counts
//   (tests/data/followup/summary-roster.json), through the screen operation and the C++ API;
// - a host's template, given in EngineConfig::followups or EngineOptions.followup_texts,
//   changes the plan the followup_plan operation generates; a bad one is refused naming the
//   field.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "cadre/followup_plan.hpp"
#include "cadre/screening.hpp"
#include "cadre/v1/cadre.pb.h"
#include "cadre/v1/followup_service.pb.h"
#include "cadre/v1/roster.pb.h"
#include "cadre/v1/screening.pb.h"
#include "codec/codec.hpp"
#include "followup/followup_internal.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"
#include "support/province.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

std::string read(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f.good()) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

template <typename M>
M parse(const std::string &text) {
  M m;
  const Status st = codec::parse(reinterpret_cast<const std::uint8_t *>(text.data()), text.size(),
                                 codec::Format::kJson, m, "request");
  EXPECT_TRUE(st.ok()) << st.to_string();
  return m;
}

// The summary of the roster as of a day; with @p only, of that cadre alone.
pb::ScreenSummary screened(std::string_view as_of, std::string_view only = {}) {
  auto req = parse<pb::ScreenRequest>(
      read(std::string(CADRE_TEST_DATA_DIR) + "/followup/summary-roster.json"));
  req.set_as_of(std::string(as_of));
  if (!only.empty()) {
    for (const pb::Cadre &c : req.cadres()) {
      if (c.id() == only) {
        const pb::Cadre keep = c;
        req.clear_cadres();
        *req.add_cadres() = keep;
        break;
      }
    }
    EXPECT_EQ(req.cadres_size(), 1) << only;
  }
  pb::ScreenResponse resp;
  const svc::Operation *op = svc::find_operation("screen");
  EXPECT_NE(op, nullptr);
  const Status st = svc::call(*op, svc::builtin_engine(), req, resp);
  EXPECT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(resp.errors_size(), 0)
      << resp.errors(0).field_path() << ": " << resp.errors(0).message();
  return resp.summary();
}

// s1: open since 2024-01-15 with no talk: the first talks of the principal leader and the
// leader in charge (10 working days: 2024-01-29) and of the organisation department (20
// working days across the worked Sunday 2024-02-04: 2024-02-09) overdue on 2024-03-01;
// s2 re-appointed on 2024-02-20; s3 on 2023-12-20; s4 open since 2024-02-26, nothing due yet.
TEST(FollowUpSummary, AHandMadeRosterWithKnownCounts) {
  const pb::ScreenSummary s = screened("2024-03-01");
  EXPECT_EQ(s.cadres_screened(), 4);
  EXPECT_EQ(s.followup_plans_open(), 2);
  EXPECT_EQ(s.followup_talks_overdue(), 3);
  EXPECT_EQ(s.reappointed_this_year(), 1);
}

TEST(FollowUpSummary, OnTheEdgesOfTheirDays) {
  // 2024-01-29 is the first talks' last day: not overdue yet; the next working day they are.
  EXPECT_EQ(screened("2024-01-29", "s1").followup_talks_overdue(), 0);
  EXPECT_EQ(screened("2024-01-30", "s1").followup_talks_overdue(), 2);
  // The organisation department's last day is Friday 2024-02-09; overdue from Saturday.
  EXPECT_EQ(screened("2024-02-09", "s1").followup_talks_overdue(), 2);
  EXPECT_EQ(screened("2024-02-10", "s1").followup_talks_overdue(), 3);
  // s2's re-appointment counts from its day, and s2's plan is open the day before.
  const pb::ScreenSummary before = screened("2024-02-19");
  EXPECT_EQ(before.reappointed_this_year(), 0);
  EXPECT_EQ(before.followup_plans_open(), 2);  // s1 and s2 (s4 starts on 2024-02-26)
  const pb::ScreenSummary on = screened("2024-02-20");
  EXPECT_EQ(on.reappointed_this_year(), 1);
  EXPECT_EQ(on.followup_plans_open(), 1);
  // s3's re-appointment was in 2023.
  EXPECT_EQ(screened("2023-12-31").reappointed_this_year(), 1);
}

TEST(FollowUpSummary, MergedSummariesAddTheCounts) {
  ScreenSummary a;
  a.followup_plans_open = 2;
  a.followup_talks_overdue = 3;
  a.reappointed_this_year = 1;
  ScreenSummary b = a;
  b.merge(a);
  EXPECT_EQ(b.followup_plans_open, 4);
  EXPECT_EQ(b.followup_talks_overdue, 6);
  EXPECT_EQ(b.reappointed_this_year, 2);
}

// A plan whose adjustment is not the cadre's cannot be dated: open, with no talk overdue.
TEST(FollowUpSummary, APlanThatCannotBeDatedIsOpenWithNothingOverdue) {
  Cadre c;
  c.id = "x";
  FollowUpPlan p;
  p.id = "f";
  p.adjustment_id = "missing";
  p.start_date = Date::parse("2024-01-02");
  c.follow_up_plans.push_back(p);
  ScreenSummary s;
  s.add_followup(c, *Date::parse("2024-06-30"), FollowUpCatalogue::builtin(),
                 WorkCalendar::builtin());
  EXPECT_EQ(s.followup_plans_open, 1);
  EXPECT_EQ(s.followup_talks_overdue, 0);
}

// The summary counts the talks overdue without building the schedule
// (detail::overdue_talks()); over a generated province (5,000 cadres), on a day of each month from
// before the first plan to years the calendar does not know, the count is the kOverdue talks
// plan_status() gives.
TEST(FollowUpSummary, TheTalksOverdueAreThoseOfPlanStatusOverAProvince) {
  const pb::Roster roster = testing::generated_province(5000, 5);
  ASSERT_EQ(roster.cadres_size(), 5000);
  const FollowUpCatalogue &catalogue = FollowUpCatalogue::builtin();
  const WorkCalendar &calendar = WorkCalendar::builtin();
  long plans = 0;
  long overdue = 0;
  long undated = 0;
  for (const pb::Cadre &in : roster.cadres()) {
    if (in.follow_up_plans_size() == 0) continue;
    Cadre c;
    const Status st = codec::decode(in, "cadre", std::nullopt, c);
    ASSERT_TRUE(st.ok()) << st.to_string();
    for (int year = 2018; year <= 2029; ++year) {
      for (int month = 1; month <= 12; ++month) {  // the 1st, or the 17th, of each month
        const Date day = *Date::from_ymd(year, month, month % 2 == 1 ? 1 : 17);
        for (const FollowUpPlan &fp : c.follow_up_plans) {
          const int fast = detail::overdue_talks(catalogue, c, fp, day, calendar);
          const StatusOr<PlanStatus> full = plan_status(catalogue, c, fp.id, day, calendar);
          if (!full.ok()) {
            EXPECT_EQ(fast, -1) << c.id << " " << fp.id << " " << day.to_string();
            ++undated;
            continue;
          }
          int expected = 0;
          for (const ItemStatus &is : full->items) {
            expected += is.item.kind == FollowUpItemKind::kTalk && is.state == ItemState::kOverdue;
          }
          ASSERT_EQ(fast, expected) << c.id << " " << fp.id << " " << day.to_string();
          ++plans;
          overdue += expected;
        }
      }
    }
  }
  // The comparison met plans of every kind: dated, undated (before the adjustment), overdue.
  EXPECT_GT(plans, 3000);
  EXPECT_GT(overdue, 3000);
  EXPECT_GT(undated, 2000);
}

// A Jiangxi template (jurisdiction 360000) with a first talk within 5 working days.
constexpr std::string_view kHostTemplate = R"tpl(
templates {
  id: "360000.followup.accountability.removal"
  version: "1"
  title { zh_cn: "问责免职干部的后续管理（示例省）" en: "Follow-up after removal through accountability, a province" }
  jurisdiction: "360000"
  effective_from: "2020-01-01"
  channels: [CHANNEL_ACCOUNTABILITY]
  methods: [ADJUSTMENT_METHOD_REMOVAL]
  duration { amount: 12 unit: PERIOD_UNIT_MONTHS }
  citations { key: "jx-article-2017" verification: VERIFICATION_SAW supports: "定期谈心谈话" }
  items {
    key: "talk.principal"
    kind: FOLLOW_UP_ITEM_KIND_TALK
    actor: FOLLOW_UP_ACTOR_UNIT_PRINCIPAL
    name { zh_cn: "单位主要领导谈心谈话" en: "talk by the unit's principal leader" }
    first { amount: 5 unit: PERIOD_UNIT_WORKING_DAYS }
    every { amount: 2 unit: PERIOD_UNIT_MONTHS }
    citations { key: "jx-article-2017" verification: VERIFICATION_SAW supports: "定期谈心谈话" }
  }
}
)tpl";

pb::FollowUpPlanRequest plan_request() {
  const auto roster =
      parse<pb::ScreenRequest>(read(std::string(CADRE_EXAMPLES_DIR) + "/followup/roster.json"));
  pb::FollowUpPlanRequest req;
  req.set_as_of("2023-03-13");
  *req.mutable_cadre() = roster.cadres(0);
  req.set_adjustment_id("a1");
  return req;
}

TEST(FollowUpHostTemplates, AHostTemplateInEngineConfigChangesThePlan) {
  const svc::Operation *op = svc::find_operation("followup_plan");
  ASSERT_NE(op, nullptr);
  pb::FollowUpPlanResponse shipped;
  ASSERT_TRUE(svc::call(*op, svc::builtin_engine(), plan_request(), shipped).ok());
  EXPECT_EQ(shipped.schedule().template_id(), "cn.followup.accountability.removal");

  EngineConfig config;
  ASSERT_TRUE(config.followups.add_text(kHostTemplate, "host/followup.textproto").ok());
  const Engine engine(std::move(config));
  pb::FollowUpPlanResponse hosted;
  const Status st = svc::call(*op, engine, plan_request(), hosted);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(hosted.schedule().template_id(), "360000.followup.accountability.removal");
  EXPECT_EQ(hosted.schedule().end(), "2024-03-13");
  ASSERT_EQ(hosted.schedule().items_size(), 6);  // talk.principal#1..#6 every 2 months
  // Five working days from Monday 2023-03-13: Monday 2023-03-20 (shipped: 10, 2023-03-27).
  EXPECT_EQ(hosted.schedule().items(0).key(), "talk.principal#1");
  EXPECT_EQ(hosted.schedule().items(0).due_by(), "2023-03-20");
}

TEST(FollowUpHostTemplates, TheSameThroughEngineOptions) {
  pb::EngineOptions options;
  options.add_followup_texts(std::string(kHostTemplate));
  const std::string bytes = options.SerializeAsString();
  auto config = svc::engine_config(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                   bytes.size(), codec::Format::kBinary);
  ASSERT_TRUE(config.ok()) << config.status().to_string();
  const Engine engine(std::move(config).value());
  pb::FollowUpPlanResponse hosted;
  ASSERT_TRUE(
      svc::call(*svc::find_operation("followup_plan"), engine, plan_request(), hosted).ok());
  EXPECT_EQ(hosted.schedule().template_id(), "360000.followup.accountability.removal");
}

TEST(FollowUpHostTemplates, ABadTemplateIsRefusedNamingTheField) {
  pb::EngineOptions options;
  std::string bad(kHostTemplate);
  bad.replace(bad.find("FOLLOW_UP_ACTOR_UNIT_PRINCIPAL"),
              std::string_view("FOLLOW_UP_ACTOR_UNIT_PRINCIPAL").size(),
              "FOLLOW_UP_ACTOR_UNSPECIFIED");
  options.add_followup_texts(bad);
  const std::string bytes = options.SerializeAsString();
  auto config = svc::engine_config(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                   bytes.size(), codec::Format::kBinary);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(config.status().field().rfind("options.followup_texts[0]", 0), 0U)
      << config.status().field();
  EXPECT_NE(config.status().field().find("items[0].actor"), std::string::npos)
      << config.status().field();
}

}  // namespace
}  // namespace cadre
