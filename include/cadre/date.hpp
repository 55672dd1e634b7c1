/**
 * @file cadre/date.hpp
 * @brief Calendar dates and the period arithmetic the rules use.
 *
 * Conventions (stated once, tested at the edges):
 * - A period of N months (or years) that starts on day D ends on the day of
 *   the ending month that corresponds to D; when that month has no such day,
 *   it ends on the month's last day. This is 《中华人民共和国民法典》第二百零二条
 *   ("按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日").
 * - A person reaches the age of N full years (N周岁) on the N-th anniversary of
 *   the birth date; for a birth on 29 February the anniversary in a common
 *   year is 28 February, by the same article.
 */
#ifndef CADRE_DATE_HPP
#define CADRE_DATE_HPP

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadre {
inline namespace api_v1 {

/**
 * Whether a year is a leap year of the proleptic Gregorian calendar.
 * @param year the year.
 * @return true for a leap year.
 */
constexpr bool is_leap_year(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/**
 * Number of days of a month.
 * @param year the year.
 * @param month the month, 1-12.
 * @return 28 to 31.
 */
constexpr int days_in_month(int year, int month) noexcept {
  // 31 for January, March, May, July, August, October, December: the odd
  // months up to July and the even ones from August (no table: a table is
  // copied onto the stack on every call of a constexpr function).
  if (month == 2) {
    return is_leap_year(year) ? 29 : 28;
  }
  return 30 + ((month + (month >> 3)) & 1);
}

/** A day of the Gregorian calendar, years 1 to 9999. */
class Date {
 public:
  /** 0001-01-01; use from_ymd() or parse() for real dates. */
  constexpr Date() noexcept = default;

  /**
   * The date of a year, month and day.
   * @param year the year, 1-9999.
   * @param month the month, 1-12.
   * @param day the day of the month, from 1.
   * @return the date, or nothing when the triple is not a day of years 1-9999.
   */
  static constexpr std::optional<Date> from_ymd(int year, int month, int day) noexcept {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
      return std::nullopt;
    }
    return Date(year, month, day);
  }

  /**
   * Parses a date written exactly "YYYY-MM-DD".
   * @param text the text.
   * @return the date; nothing for any other text or a non-existent day.
   */
  static std::optional<Date> parse(std::string_view text) noexcept;

  /** The year. @return the year, 1-9999. */
  [[nodiscard]] constexpr int year() const noexcept { return year_; }
  /** The month. @return the month, 1-12. */
  [[nodiscard]] constexpr int month() const noexcept { return month_; }
  /** The day of the month. @return the day, 1-31. */
  [[nodiscard]] constexpr int day() const noexcept { return day_; }

  /** The first day of the calendar. @return 0001-01-01. */
  static constexpr Date earliest() noexcept { return {1, 1, 1}; }
  /** The last day of the calendar. @return 9999-12-31. */
  static constexpr Date latest() noexcept { return {9999, 12, 31}; }

  /** The serial number of the day. @return days since 1970-01-01 (negative before). */
  [[nodiscard]] std::int32_t serial() const noexcept;
  /**
   * The date of a serial number, clamped to the calendar like add_months():
   * a serial before 0001-01-01 gives earliest(), one after 9999-12-31 gives
   * latest(). Use from_serial_checked() to tell those apart.
   * @param serial days since 1970-01-01 (negative before).
   * @return the date @p serial days after 1970-01-01, clamped to years 1-9999.
   */
  static Date from_serial(std::int32_t serial) noexcept;
  /**
   * The date of a serial number, only within years 1-9999.
   * @param serial days since 1970-01-01 (negative before).
   * @return the date, or nothing when @p serial is outside 0001-01-01 to 9999-12-31.
   */
  static std::optional<Date> from_serial_checked(std::int32_t serial) noexcept;

  /** The ISO 8601 text of the date. @return "YYYY-MM-DD". */
  [[nodiscard]] std::string to_string() const;

  /**
   * Adds months, clamped to the month's end (民法典 art. 202).
   * @param months the months to add; negative for earlier.
   * @return the date @p months later (or earlier).
   */
  [[nodiscard]] Date add_months(int months) const noexcept;
  /**
   * Adds years, clamped to the month's end (29 Feb -> 28 Feb).
   * @param years the years to add; negative for earlier.
   * @return the date @p years later (or earlier).
   */
  [[nodiscard]] Date add_years(int years) const noexcept { return add_months(12 * years); }
  /**
   * Adds days, clamped to years 1-9999 like add_months().
   * @param days the days to add; negative for earlier.
   * @return the date @p days later (or earlier), clamped to years 1-9999.
   */
  [[nodiscard]] Date add_days(int days) const noexcept;

  /** Dates compare in calendar order. */
  friend constexpr auto operator<=>(const Date &, const Date &) noexcept =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>

 private:
  constexpr Date(int year, int month, int day) noexcept
      : year_(static_cast<std::int16_t>(year)),
        month_(static_cast<std::int8_t>(month)),
        day_(static_cast<std::int8_t>(day)) {}

  std::int16_t year_ = 1;
  std::int8_t month_ = 1;
  std::int8_t day_ = 1;
};

/** A span of whole years and months. */
struct YearsMonths {
  int years = 0;   ///< whole years
  int months = 0;  ///< whole months after the years, 0-11
  /** The span in months. @return years * 12 + months. */
  [[nodiscard]] constexpr int total_months() const noexcept { return years * 12 + months; }
  /** Spans are equal when their years and months are. */
  friend constexpr bool operator==(const YearsMonths &, const YearsMonths &) noexcept = default;
};

/**
 * Whole years and months from @p from to @p to: the largest n with
 * from.add_months(n) <= to. Zero when @p to is before @p from.
 * With a birth date as @p from this is the age (周岁 and months) on @p to.
 * @param from the first day.
 * @param to the last day.
 * @return the whole years and months between them.
 */
YearsMonths whole_months_between(Date from, Date to) noexcept;

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_DATE_HPP
