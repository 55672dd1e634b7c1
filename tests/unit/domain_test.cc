#include "cadre/domain.hpp"

#include <gtest/gtest.h>

namespace cadre {
namespace {

Date D(const char *s) { return *Date::parse(s); }

Post post(const char *id, PostKind kind, RankLevel level, const char *start,
          const char *end = nullptr) {
  Post p;
  p.id = id;
  p.kind = kind;
  p.rank_level = level;
  p.start_date = D(start);
  if (end != nullptr) {
    p.end_date = D(end);
  }
  return p;
}

TEST(CurrentPost, NoneWhenNoPostIsHeldThatDay) {
  Cadre c;
  EXPECT_FALSE(c.current_post(D("2025-06-30")).has_value());
  c.posts.push_back(
      post("p1", PostKind::kLeadership, RankLevel::kCountyPrincipal, "2019-01-01", "2020-12-31"));
  c.posts.push_back(post("p2", PostKind::kLeadership, RankLevel::kCountyPrincipal, "2026-01-01"));
  EXPECT_FALSE(c.current_post(D("2025-06-30")).has_value());
  EXPECT_EQ(c.current_post(D("2020-12-31")), 0U);  // the last day is held
  EXPECT_EQ(c.current_post(D("2026-01-01")), 1U);  // and the first
}

TEST(CurrentPost, ALeadershipPostBeatsARankOnlyOne) {
  Cadre c;
  c.posts.push_back(post("rank", PostKind::kRankOnly, RankLevel::kBureauPrincipal, "2018-01-01"));
  c.posts.push_back(post("lead", PostKind::kLeadership, RankLevel::kCountyDeputy, "2019-01-01"));
  EXPECT_EQ(c.current_post(D("2025-06-30")), 1U);
  // In either order.
  std::swap(c.posts[0], c.posts[1]);
  EXPECT_EQ(c.current_post(D("2025-06-30")), 0U);
}

TEST(CurrentPost, AmongLeadershipPostsTheHigherRankWins) {
  Cadre c;
  c.posts.push_back(post("deputy", PostKind::kLeadership, RankLevel::kCountyDeputy, "2019-01-01"));
  c.posts.push_back(
      post("principal", PostKind::kLeadership, RankLevel::kCountyPrincipal, "2020-01-01"));
  c.posts.push_back(
      post("lower", PostKind::kLeadership, RankLevel::kTownshipPrincipal, "2021-01-01"));
  EXPECT_EQ(c.current_post(D("2025-06-30")), 1U);
  // Before the principal post began, the deputy post is the current one.
  EXPECT_EQ(c.current_post(D("2019-06-30")), 0U);
}

TEST(CurrentPost, AnUnspecifiedOrUnknownRankRanksLast) {
  Cadre c;
  c.posts.push_back(post("none", PostKind::kLeadership, RankLevel::kUnspecified, "2019-01-01"));
  c.posts.push_back(post("odd", PostKind::kLeadership, static_cast<RankLevel>(42), "2019-01-01"));
  c.posts.push_back(post("real", PostKind::kLeadership, RankLevel::kTownshipDeputy, "2019-01-01"));
  EXPECT_EQ(c.current_post(D("2025-06-30")), 2U);
  // Two posts that rank alike: the first one listed stays.
  c.posts.pop_back();
  EXPECT_EQ(c.current_post(D("2025-06-30")), 0U);
}

}  // namespace
}  // namespace cadre
