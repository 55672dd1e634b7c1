#include "cadre/date.hpp"

#include <gtest/gtest.h>

namespace cadre {
namespace {

Date D(std::string_view s) {
  const auto d = Date::parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date());
}

TEST(Date, ParsesIsoDates) {
  const auto d = Date::parse("2017-06-30");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year(), 2017);
  EXPECT_EQ(d->month(), 6);
  EXPECT_EQ(d->day(), 30);
  EXPECT_EQ(d->to_string(), "2017-06-30");
}

TEST(Date, RejectsNonDates) {
  for (const char *bad :
       {"2017-02-30", "2017-13-01", "2017-00-10", "2017-6-30", "17-06-30", "2017/06/30",
        "2017-06-3x", "", "2017-06-301", "0000-01-01", "2019-02-29", "1900-02-29"}) {
    EXPECT_FALSE(Date::parse(bad).has_value()) << bad;
  }
  EXPECT_TRUE(Date::parse("2000-02-29").has_value());
  EXPECT_TRUE(Date::parse("2024-02-29").has_value());
}

TEST(Date, SerialRoundTrips) {
  EXPECT_EQ(D("1970-01-01").serial(), 0);
  EXPECT_EQ(D("2000-03-01").serial() - D("2000-02-28").serial(), 2);
  for (int s = -719162; s <= 2932896; s += 997) {
    EXPECT_EQ(Date::from_serial(s).serial(), s);
  }
  EXPECT_EQ(D("2024-12-31").add_days(1), D("2025-01-01"));
  EXPECT_EQ(D("2024-03-01").add_days(-1), D("2024-02-29"));
}

TEST(Date, AddMonthsClampsToMonthEnd) {
  // 民法典 art. 202: no corresponding day -> the last day of the month.
  EXPECT_EQ(D("2025-01-31").add_months(1), D("2025-02-28"));
  EXPECT_EQ(D("2024-01-31").add_months(1), D("2024-02-29"));
  EXPECT_EQ(D("2025-03-31").add_months(1), D("2025-04-30"));
  EXPECT_EQ(D("2025-03-31").add_months(-1), D("2025-02-28"));
  EXPECT_EQ(D("2025-05-15").add_months(12), D("2026-05-15"));
  EXPECT_EQ(D("2025-11-30").add_months(3), D("2026-02-28"));
}

TEST(Date, LeapDayAnniversaryIsFebruary28InCommonYears) {
  EXPECT_EQ(D("1964-02-29").add_years(60), D("2024-02-29"));
  EXPECT_EQ(D("1964-02-29").add_years(61), D("2025-02-28"));
  EXPECT_EQ(D("1968-02-29").add_years(55), D("2023-02-28"));
}

TEST(Date, WholeMonthsBetweenIsTheAge) {
  EXPECT_EQ(whole_months_between(D("1965-03-02"), D("2025-06-30")), (YearsMonths{60, 3}));
  EXPECT_EQ(whole_months_between(D("1965-06-30"), D("2025-06-30")), (YearsMonths{60, 0}));
  EXPECT_EQ(whole_months_between(D("1965-06-30"), D("2025-06-29")), (YearsMonths{59, 11}));
  // A leap-day birth reaches a full year on 28 February of a common year.
  EXPECT_EQ(whole_months_between(D("1964-02-29"), D("2025-02-28")), (YearsMonths{61, 0}));
  EXPECT_EQ(whole_months_between(D("1964-02-29"), D("2025-02-27")), (YearsMonths{60, 11}));
  // Month ends: 31 Jan + 1 month is 28 Feb.
  EXPECT_EQ(whole_months_between(D("2025-01-31"), D("2025-02-28")), (YearsMonths{0, 1}));
  EXPECT_EQ(whole_months_between(D("2025-01-31"), D("2025-02-27")), (YearsMonths{0, 0}));
  EXPECT_EQ(whole_months_between(D("2025-06-30"), D("2025-01-01")), (YearsMonths{0, 0}));
}

}  // namespace
}  // namespace cadre
