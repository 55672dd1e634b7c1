// Counting conventions of periods, one place for every engine. Each period
// rule of a catalogue names its convention (parameter "counting") and, for a
// state that must last some time, its threshold (parameter "threshold"); the
// explanations state both. See data/catalogues/cn-common.textproto.
#ifndef CADRE_SRC_CALENDAR_PERIOD_HPP
#define CADRE_SRC_CALENDAR_PERIOD_HPP

#include <optional>
#include <string>
#include <string_view>

#include "cadre/date.hpp"

namespace cadre::detail {

/** Whether the day a period starts from is its first day. */
enum class Counting {
  /** "自…之日起": the start day is day one (6 months from 2021-03-10 run through 2021-09-09). */
  kStartDayIsDayOne,
  /** The civil-law default (民法典 第二百零一条): counting starts the next day. */
  kStartDayNotCounted,
};

/** Whether a length is reached at the number (以上、满、届满) or only past it (超过). */
enum class Threshold {
  kAtLeast,   ///< 以上 / 以下 / 以内 / 届满 / 满: the number included
  kMoreThan,  ///< 超过 / 不满: the number excluded
};

/** The parameter words of the conventions. */
inline constexpr std::string_view kDayOne = "start-day-is-day-one";
inline constexpr std::string_view kNotCounted = "start-day-not-counted";
inline constexpr std::string_view kAtLeast = "at-least";
inline constexpr std::string_view kMoreThan = "more-than";

/** The convention named by a parameter word; nothing for an unknown word. */
inline std::optional<Counting> counting_of(std::string_view word) noexcept {
  if (word == kDayOne) {
    return Counting::kStartDayIsDayOne;
  }
  if (word == kNotCounted) {
    return Counting::kStartDayNotCounted;
  }
  return std::nullopt;
}

/** The threshold named by a parameter word; nothing for an unknown word. */
inline std::optional<Threshold> threshold_of(std::string_view word) noexcept {
  if (word == kAtLeast) {
    return Threshold::kAtLeast;
  }
  if (word == kMoreThan) {
    return Threshold::kMoreThan;
  }
  return std::nullopt;
}

/**
 * The last day of a period of @p months counted from @p start.
 * - Start day not counted: the corresponding day of the last month, or its last
 *   day when there is none (民法典 第二百零二条).
 * - Start day is day one: the day before that corresponding day; when the last
 *   month has no corresponding day, its last day.
 */
inline Date last_day(Date start, int months, Counting counting) noexcept {
  const Date end = start.add_months(months);
  if (counting == Counting::kStartDayNotCounted) {
    return end;
  }
  return end.day() == start.day() ? end.add_days(-1) : end;
}

/** The first day after a period (the day a bar lifts). */
inline Date day_after(Date start, int months, Counting counting) noexcept {
  return last_day(start, months, counting).add_days(1);
}

/**
 * The first day (as of its end) on which a state that began on @p start has
 * lasted @p months: at the last day of the period (以上), or the day after it
 * (超过).
 */
inline Date reached(Date start, int months, Counting counting, Threshold threshold) noexcept {
  const Date last = last_day(start, months, counting);
  return threshold == Threshold::kAtLeast ? last : last.add_days(1);
}

/** "自决定之日起算，当日为第一日" / "counted from the day itself as day one", and the other. */
inline std::string_view counting_zh_view(Counting c) noexcept {
  return c == Counting::kStartDayIsDayOne ? "起算之日计入，为期间第一日"
                                          : "起算之日不计入，自次日开始计算";
}

/** English of counting_zh_view(). */
inline std::string_view counting_en_view(Counting c) noexcept {
  return c == Counting::kStartDayIsDayOne ? "the start day counts as day one"
                                          : "counting starts the day after the start day";
}

/** "（以上，含本数）" / "（超过，不含本数）". */
inline std::string_view threshold_zh_view(Threshold t) noexcept {
  return t == Threshold::kAtLeast ? "“以上”“满”“届满”包括本数" : "“超过”不包括本数";
}

/** English of threshold_zh_view(). */
inline std::string_view threshold_en_view(Threshold t) noexcept {
  return t == Threshold::kAtLeast ? "\"or more\" includes the number"
                                  : "\"more than\" excludes the number";
}

/** counting_zh_view() as a string. */
inline std::string counting_zh(Counting c) { return std::string(counting_zh_view(c)); }
/** counting_en_view() as a string. */
inline std::string counting_en(Counting c) { return std::string(counting_en_view(c)); }
/** threshold_zh_view() as a string. */
inline std::string threshold_zh(Threshold t) { return std::string(threshold_zh_view(t)); }
/** threshold_en_view() as a string. */
inline std::string threshold_en(Threshold t) { return std::string(threshold_en_view(t)); }

}  // namespace cadre::detail

#endif  // CADRE_SRC_CALENDAR_PERIOD_HPP
