// The day a test names, as "YYYY-MM-DD": a text that is not a day fails the test and gives the
// default Date, so the test goes on and reports every such text.
#ifndef CADRE_TESTS_SUPPORT_DATES_HPP
#define CADRE_TESTS_SUPPORT_DATES_HPP

#include <gtest/gtest.h>

#include <string_view>

#include "cadre/date.hpp"

namespace cadre::testing {

inline Date D(std::string_view s) {
  const auto d = Date::parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date());
}

}  // namespace cadre::testing

#endif  // CADRE_TESTS_SUPPORT_DATES_HPP
