#include "cadre/date.hpp"

#include <cstdint>
#include <optional>

#include "calendar/date_parse.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

// Days from civil, after H. Hinnant's public-domain algorithm description.
constexpr std::int32_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) noexcept {
  return calendar::parse_iso_date(text);
}

std::int32_t Date::serial() const noexcept { return days_from_civil(year_, month_, day_); }

std::optional<Date> Date::from_serial_checked(std::int32_t serial) noexcept {
  constexpr std::int32_t kFirst = days_from_civil(1, 1, 1);
  constexpr std::int32_t kLast = days_from_civil(9999, 12, 31);
  if (serial < kFirst || serial > kLast) {
    return std::nullopt;  // also keeps the arithmetic below from overflowing
  }
  const std::int32_t z = serial + 719468;
  const std::int32_t era = z / 146097;  // z >= 0 within years 1-9999
  const std::int32_t doe = z - era * 146097;
  const std::int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int32_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date(y, m, d);
}

Date Date::from_serial(std::int32_t serial) noexcept {
  if (const auto date = from_serial_checked(serial)) {
    return *date;
  }
  return serial < 0 ? earliest() : latest();
}

std::string Date::to_string() const {
  std::string s(10, '0');
  int y = year_;
  for (int i = 3; i >= 0; --i, y /= 10) {
    s[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
  }
  s[4] = '-';
  s[5] = static_cast<char>('0' + month_ / 10);
  s[6] = static_cast<char>('0' + month_ % 10);
  s[7] = '-';
  s[8] = static_cast<char>('0' + day_ / 10);
  s[9] = static_cast<char>('0' + day_ % 10);
  return s;
}

Date Date::add_months(int months) const noexcept {
  int index = year_ * 12 + (month_ - 1) + months;
  if (index < 12) {
    index = 12;  // clamp to year 1
  } else if (index > 9999 * 12 + 11) {
    index = 9999 * 12 + 11;
  }
  const int y = index / 12;
  const int m = index % 12 + 1;
  const int last = days_in_month(y, m);
  return {y, m, day_ <= last ? day_ : last};
}

Date Date::add_days(int days) const noexcept {
  // In 64 bits: serial() + days can overflow an int; the result is clamped.
  const std::int64_t sum = std::int64_t{serial()} + days;
  if (sum < days_from_civil(1, 1, 1)) {
    return earliest();
  }
  if (sum > days_from_civil(9999, 12, 31)) {
    return latest();
  }
  return from_serial(static_cast<std::int32_t>(sum));
}

YearsMonths whole_months_between(Date from, Date to) noexcept {
  if (to < from) {
    return {};
  }
  int months = (to.year() - from.year()) * 12 + (to.month() - from.month());
  if (from.add_months(months) > to) {
    --months;
  }
  return {months / 12, months % 12};
}

}  // namespace api_v1
}  // namespace cadre
