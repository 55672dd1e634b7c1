// A generated province for the tests that need a realistic roster: @p cadres cadres from
// @p seed, national rules, the generator's default rates. A failure fails the test and gives
// the roster made so far.
#ifndef CADRE_TESTS_SUPPORT_PROVINCE_HPP
#define CADRE_TESTS_SUPPORT_PROVINCE_HPP

#include <gtest/gtest.h>

#include <cstdint>

#include "cadre/v1/roster.pb.h"
#include "generator/province.hpp"

namespace cadre::testing {

inline cadre::v1::Roster generated_province(int cadres, std::uint64_t seed) {
  generator::Options o;
  o.cadres = cadres;
  o.seed = seed;
  cadre::v1::Roster roster;
  const Status st = generator::generate_roster(o, roster);
  EXPECT_TRUE(st.ok()) << st.to_string();
  return roster;
}

}  // namespace cadre::testing

#endif  // CADRE_TESTS_SUPPORT_PROVINCE_HPP
