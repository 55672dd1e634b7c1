// Parsing "YYYY-MM-DD", inline: Date::parse() calls it, and so do the
// codec's checks, which parse some thirty dates per cadre record and gain from
// having it inlined (an optional<Date> returned through a call is written to
// the stack and read back, a stall on every date).
// Internal to libcadre; never installed.
#ifndef CADRE_SRC_CALENDAR_DATE_PARSE_HPP
#define CADRE_SRC_CALENDAR_DATE_PARSE_HPP

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "cadre/date.hpp"

namespace cadre::calendar {

/**
 * The Date of fields already checked, without Date::from_ymd()'s call: the
 * bytes of its members (year, month, day), as the static_assert below checks.
 */
constexpr Date date_of_checked(int year, int month, int day) noexcept {
  struct Fields {
    std::int16_t year;
    std::int8_t month;
    std::int8_t day;
  };
  return std::bit_cast<Date>(Fields{static_cast<std::int16_t>(year),
                                    static_cast<std::int8_t>(month),
                                    static_cast<std::int8_t>(day)});
}
static_assert(date_of_checked(2024, 2, 29) == *Date::from_ymd(2024, 2, 29) &&
                  date_of_checked(9999, 12, 31) == *Date::from_ymd(9999, 12, 31),
              "Date is not laid out as year, month, day");

}  // namespace cadre::calendar

namespace cadre::calendar {

/** The date written exactly "YYYY-MM-DD" in @p text, if it is one (Date::parse). */
[[gnu::always_inline]] inline std::optional<Date> parse_iso_date(std::string_view text) noexcept {
  // The codec parses some thirty dates per cadre record: the eight bytes
  // "YYYY-MM-" are checked as one word (each digit byte is 0x30-0x39: high
  // nibble 3, and adding 6 does not reach 0x40), then the day's two bytes.
  if (text.size() != 10) {
    return std::nullopt;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, text.data(), sizeof w);
  if constexpr (std::endian::native == std::endian::big) {
    w = __builtin_bswap64(w);  // byte 0 of the text in the low bits, as below
  }
  constexpr std::uint64_t kDashes = 0xFF0000FF00000000ULL;  // bytes 4 and 7
  constexpr std::uint64_t kDigits = 0x00FFFF00FFFFFFFFULL;  // bytes 0-3, 5, 6
  constexpr std::uint64_t kHigh = 0xF0F0F0F0F0F0F0F0ULL;
  constexpr std::uint64_t kZeros = 0x3030303030303030ULL;
  constexpr std::uint64_t kSixes = 0x0606060606060606ULL;
  if ((w & kDashes) != 0x2D00002D00000000ULL || (w & kDigits & kHigh) != (kZeros & kDigits) ||
      ((w + kSixes) & kDigits & kHigh) != (kZeros & kDigits)) {
    return std::nullopt;
  }
  const auto day1 = static_cast<unsigned>(static_cast<unsigned char>(text[8])) - unsigned{'0'};
  const auto day2 = static_cast<unsigned>(static_cast<unsigned char>(text[9])) - unsigned{'0'};
  if (day1 > 9U || day2 > 9U) {  // a byte below '0' wraps round to a large number
    return std::nullopt;
  }
  const auto digit = [w](unsigned byte) noexcept {
    return static_cast<int>((w >> (8U * byte)) & 0x0FU);
  };
  // The checks of Date::from_ymd(), here inline (a call per date, with its
  // optional returned through memory, cost as much as the parse).
  const int year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const int month = digit(5) * 10 + digit(6);
  const auto day = static_cast<int>(day1 * 10U + day2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return date_of_checked(year, month, day);
}

}  // namespace cadre::calendar

#endif  // CADRE_SRC_CALENDAR_DATE_PARSE_HPP
