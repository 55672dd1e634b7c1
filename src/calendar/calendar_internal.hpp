// Internal parts of the working-day calendar shared by its source files.
#ifndef CADRE_SRC_CALENDAR_CALENDAR_INTERNAL_HPP
#define CADRE_SRC_CALENDAR_CALENDAR_INTERNAL_HPP

#include "cadre/calendar.hpp"

namespace cadre::detail {

/** Earliest and latest year a notice may arrange. */
inline constexpr int kFirstCalendarYear = 1949;
inline constexpr int kLastCalendarYear = 2199;

/**
 * Checks each entry of calendar data on its own: required fields, real and
 * ordered dates, make-up days on weekends outside the days off, keys of the
 * form [a-z0-9-]+. Entries are checked against each other by WorkCalendar::add().
 * @return OK or INVALID_ARGUMENT naming the field path
 */
Status validate_calendar_data(const CalendarData &data);

/** ISO weekday of a serial day number (days since 1970-01-01): 1 Monday … 7 Sunday. */
constexpr int iso_weekday(std::int32_t serial) noexcept {
  return static_cast<int>(((serial % 7) + 7 + 3) % 7) + 1;
}

}  // namespace cadre::detail

#endif  // CADRE_SRC_CALENDAR_CALENDAR_INTERNAL_HPP
