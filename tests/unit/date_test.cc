#include "cadre/date.hpp"
#include "support/dates.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace cadre {
namespace {

using testing::D;

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

// Date::parse checks eight bytes as one word; a byte-by-byte reading is its
// oracle: every byte of several dates replaced by each of the 256 values.
TEST(Date, ParseAgreesWithAByteByByteReadingOnEveryByteValue) {
  const auto reference = [](const std::string &s) -> std::optional<Date> {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
      return std::nullopt;
    }
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
      if (s[i] < '0' || s[i] > '9') {
        return std::nullopt;
      }
    }
    return Date::from_ymd(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)),
                          std::stoi(s.substr(8, 2)));
  };
  int accepted = 0;
  for (const std::string base :
       {"2017-06-30", "2000-02-29", "1999-12-31", "9999-12-31", "0001-01-01", "2024-10-09"}) {
    for (std::size_t at = 0; at < base.size(); ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string s = base;
        s[at] = static_cast<char>(byte);
        const auto got = Date::parse(s);
        const auto want = reference(s);
        ASSERT_EQ(got.has_value(), want.has_value()) << "byte " << byte << " at " << at;
        if (got) {
          ++accepted;
          EXPECT_EQ(*got, *want) << s;
        }
      }
    }
  }
  EXPECT_GT(accepted, 300);  // the digits that keep a valid date
}

// The parse checks a date's fields itself (inline): it agrees with from_ymd() on every
// month 00-99 and day 00-99 of years around the leap-year rules and the calendar's ends.
TEST(Date, ParseChecksTheFieldsAsFromYmdDoes) {
  int accepted = 0;
  for (const int year : {0, 1, 4, 100, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999}) {
    for (int month = 0; month < 100; ++month) {
      for (int day = 0; day < 100; ++day) {
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        const auto got = Date::parse(text);
        const auto want = Date::from_ymd(year, month, day);
        ASSERT_EQ(got.has_value(), want.has_value()) << text;
        if (got) {
          ++accepted;
          EXPECT_EQ(*got, *want) << text;
          EXPECT_EQ(got->to_string(), text);
        }
      }
    }
  }
  EXPECT_EQ(accepted, 11 * 365 + 4);  // year 0 has none; 4, 2000, 2024 and 2400 are leap years
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

// std::chrono's proleptic Gregorian calendar as the oracle, over every day of
// years 1-9999: serials, fields, parsing and printing, leap years, month
// lengths.
TEST(Date, AgreesWithChronoOnEveryDay) {
  namespace chr = std::chrono;
  const auto first = chr::sys_days{chr::year{1} / 1 / 1}.time_since_epoch().count();
  const auto last = chr::sys_days{chr::year{9999} / 12 / 31}.time_since_epoch().count();
  ASSERT_EQ(first, Date::earliest().serial());
  ASSERT_EQ(last, Date::latest().serial());
  int mismatches = 0;
  for (auto s = first; s <= last; ++s) {
    const chr::year_month_day ymd{chr::sys_days{chr::days{s}}};
    const int y = static_cast<int>(ymd.year());
    const int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
    const int d = static_cast<int>(static_cast<unsigned>(ymd.day()));
    const Date date = Date::from_serial(static_cast<std::int32_t>(s));
    const auto built = Date::from_ymd(y, m, d);
    const bool ok =
        date.year() == y && date.month() == m && date.day() == d && built && *built == date &&
        date.serial() == s && Date::parse(date.to_string()) == date &&
        is_leap_year(y) == ymd.year().is_leap() &&
        days_in_month(y, m) ==
            static_cast<int>(static_cast<unsigned>(
                chr::year_month_day_last{ymd.year(), chr::month_day_last{ymd.month()}}.day()));
    if (!ok && ++mismatches <= 5) {
      ADD_FAILURE() << "serial " << s << ": chrono " << y << "-" << m << "-" << d << ", cadre "
                    << date.to_string();
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// add_months and add_days against chrono: a month step keeps the day or falls
// to the month's last day (民法典 art. 202); every 7th day of years 1-9999.
TEST(Date, AddMonthsAndDaysAgreeWithChrono) {
  namespace chr = std::chrono;
  const auto first = chr::sys_days{chr::year{1} / 1 / 1};
  const auto last = chr::sys_days{chr::year{9999} / 12 / 31};
  int mismatches = 0;
  for (auto day = first; day <= last; day += chr::days{7}) {
    const chr::year_month_day ymd{day};
    const Date date = Date::from_serial(static_cast<std::int32_t>(day.time_since_epoch().count()));
    for (const int n : {-1200, -13, -1, 1, 2, 11, 12, 25, 720}) {
      const chr::year_month ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{n};
      if (ym.year() < chr::year{1} || ym.year() > chr::year{9999}) {
        continue;
      }
      const auto end = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
      const chr::year_month_day want{ym.year(), ym.month(), std::min(ymd.day(), end)};
      const Date got = date.add_months(n);
      const auto want_serial = chr::sys_days{want}.time_since_epoch().count();
      if (got.serial() != want_serial && ++mismatches <= 5) {
        ADD_FAILURE() << date.to_string() << " + " << n << " months: cadre " << got.to_string();
      }
      if (n > 0 && std::min(ymd.day(), end) == ymd.day()) {
        // The day exists in the target month: exactly n whole months between.
        EXPECT_EQ(whole_months_between(date, got).total_months(), n) << date.to_string();
      }
    }
    for (const int n : {-100000, -366, -1, 1, 59, 365, 100000}) {
      const auto want = day + chr::days{n};
      if (want < first || want > last) {
        continue;
      }
      if (date.add_days(n).serial() != want.time_since_epoch().count() && ++mismatches <= 5) {
        ADD_FAILURE() << date.to_string() << " + " << n << " days";
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// Outside years 1-9999 a serial is clamped, never wrapped to 0001-01-01, and
// the arithmetic never overflows.
TEST(Date, SerialsOutsideTheCalendarClamp) {
  const std::int32_t first = Date::earliest().serial();
  const std::int32_t last = Date::latest().serial();
  EXPECT_EQ(Date::earliest().to_string(), "0001-01-01");
  EXPECT_EQ(Date::latest().to_string(), "9999-12-31");
  EXPECT_EQ(Date::from_serial(last + 1), Date::latest());
  EXPECT_EQ(Date::from_serial(std::numeric_limits<std::int32_t>::max()), Date::latest());
  EXPECT_EQ(Date::from_serial(first - 1), Date::earliest());
  EXPECT_EQ(Date::from_serial(std::numeric_limits<std::int32_t>::min()), Date::earliest());
  EXPECT_FALSE(Date::from_serial_checked(last + 1).has_value());
  EXPECT_FALSE(Date::from_serial_checked(first - 1).has_value());
  EXPECT_FALSE(Date::from_serial_checked(std::numeric_limits<std::int32_t>::max()).has_value());
  EXPECT_FALSE(Date::from_serial_checked(std::numeric_limits<std::int32_t>::min()).has_value());
  EXPECT_EQ(Date::from_serial_checked(last), Date::latest());
  EXPECT_EQ(Date::from_serial_checked(first), Date::earliest());
  EXPECT_EQ(Date::latest().add_days(1), Date::latest());
  EXPECT_EQ(Date::latest().add_days(std::numeric_limits<int>::max()), Date::latest());
  EXPECT_EQ(Date::earliest().add_days(-1), Date::earliest());
  EXPECT_EQ(Date::earliest().add_days(std::numeric_limits<int>::min()), Date::earliest());
  EXPECT_EQ(D("9999-12-30").add_days(1), Date::latest());
}

}  // namespace
}  // namespace cadre
