// The checks across the records of a roster read one record at a time
// (codec::RosterReferences, used by `cadre validate` on the stream form)
// find what the decode of the whole roster finds across records.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "codec/roster_references.hpp"
#include "domain_fixtures.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

// "path: message" of every error of the whole roster's decode made across
// records (a duplicate, a reference that leads nowhere).
std::set<std::string> whole(const pb::Roster &roster) {
  Roster out;
  std::vector<Status> errors;
  codec::decode(roster, Date::parse(testing::kFixtureAsOf), out, errors);
  std::set<std::string> across;
  for (const Status &e : errors) {
    const std::string &m = e.message();
    if (m.rfind("duplicate ", 0) == 0 || m.rfind("not among the ", 0) == 0 ||
        m.rfind("not the id of one of", 0) == 0) {
      across.insert(e.field() + ": " + m);
    }
  }
  return across;
}

// The same, from the records seen one at a time: the lists in schema order,
// or with the cadres first (the stream form does not fix the order).
std::set<std::string> by_record(const pb::Roster &r, bool cadres_first) {
  codec::RosterReferences refs;
  std::vector<codec::RecordFinding> found;
  const auto each = [&](const auto &list, auto see) {
    std::uint64_t index = 0;
    for (const auto &record : list) (refs.*see)(record, index++, found);
  };
  using R = codec::RosterReferences;
  if (cadres_first) each(r.cadres(), &R::cadre);
  each(r.regions(), &R::region);
  each(r.units(), &R::unit);
  each(r.teams(), &R::team);
  each(r.peer_groups(), &R::peer_group);
  each(r.unit_assessments(), &R::unit_assessment);
  if (!cadres_first) each(r.cadres(), &R::cadre);
  refs.finish(found);
  std::set<std::string> out;
  for (const codec::RecordFinding &f : found) {
    out.insert(f.record + "." + f.error.field() + ": " + f.error.message());
  }
  return out;
}

TEST(RosterReferences, AFullRosterHasNoErrorAcrossRecords) {
  const pb::Roster r = testing::full_roster();
  EXPECT_TRUE(whole(r).empty());
  EXPECT_TRUE(by_record(r, false).empty());
  EXPECT_TRUE(by_record(r, true).empty());
}

TEST(RosterReferences, FindWhatTheWholeDecodeFindsAcrossRecords) {
  pb::Roster r = testing::full_roster();
  ASSERT_GT(r.regions_size(), 0);
  ASSERT_GT(r.units_size(), 0);
  ASSERT_GT(r.teams_size(), 0);
  ASSERT_GT(r.teams(0).members_size(), 0);
  ASSERT_GT(r.cadres_size(), 0);
  // Duplicates in every list.
  *r.add_regions() = r.regions(0);
  *r.add_units() = r.units(0);
  *r.add_teams() = r.teams(0);
  if (r.peer_groups_size() > 0) *r.add_peer_groups() = r.peer_groups(0);
  if (r.unit_assessments_size() > 0) *r.add_unit_assessments() = r.unit_assessments(0);
  *r.add_cadres() = r.cadres(0);
  // References that lead nowhere.
  pb::Region *region = r.add_regions();
  *region = r.regions(0);
  region->set_code("990000");
  region->set_parent_code("980000");
  pb::Unit *unit = r.add_units();
  *unit = r.units(0);
  unit->set_id("u-nowhere");
  unit->set_region_code("970000");
  unit->set_parent_unit_id("u-missing");
  pb::LeadershipTeam *team = r.add_teams();
  *team = r.teams(0);
  team->set_id("t-nowhere");
  team->set_unit_id("u-missing");
  team->mutable_members(0)->set_post_id("no-such-post");
  if (r.unit_assessments_size() > 0) {
    pb::UnitSpecialAssessment *a = r.add_unit_assessments();
    *a = r.unit_assessments(0);
    a->set_id("a-nowhere");
    a->set_unit_id("u-missing");
  }
  const std::set<std::string> expected = whole(r);
  // Each kind of error above is among them.
  for (const char *want :
       {"cadres[", "regions[", "units[", "teams[", ".parent_code: not among the regions",
        ".region_code: not among the regions", ".parent_unit_id: not among the units",
        ".unit_id: not among the units", ".post_id: not the id of one of that cadre's posts"}) {
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [&](const std::string &e) {
      return e.find(want) != std::string::npos;
    })) << want;
  }
  EXPECT_EQ(by_record(r, false), expected);
  EXPECT_EQ(by_record(r, true), expected);
}

}  // namespace
}  // namespace cadre
