// The working-day calendar and protobuf: the schema's own reading of a
// calendar text, against which the library's protobuf-free reader is checked.
#ifndef CADRE_SRC_CODEC_CALENDAR_CODEC_HPP
#define CADRE_SRC_CODEC_CALENDAR_CODEC_HPP

#include <string>
#include <string_view>

#include "cadre/calendar.hpp"
#include "cadre/v1/calendar.pb.h"

namespace cadre::codec {

/** A day on the calendar in its wire form. */
void encode(const DayInfo &in, cadre::v1::CalendarDay &out);
/** An answer of a count in its wire form (the calendar reference is set by the caller). */
void encode(const CalendarAnswer &in, cadre::v1::CalendarAnswer &out);
/** The calendar an answer was computed with: id, content hash, known years. */
void encode(const WorkCalendar &in, cadre::v1::CalendarRef &out);

/**
 * The calendar's questions on wire messages, answered with @p calendar. Each
 * fails with INVALID_ARGUMENT naming the request field (a date missing or not
 * a date, a fallback or unit unknown, a count out of range) or OUT_OF_RANGE
 * (field "date": a day of a year without a notice, unless the request asks
 * for the weekends-only fallback).
 */
Status calendar_day(const WorkCalendar &calendar, const cadre::v1::CalendarDayRequest &request,
                    cadre::v1::CalendarDayResponse &response);
/** @copydoc calendar_day */
Status calendar_add(const WorkCalendar &calendar, const cadre::v1::CalendarAddRequest &request,
                    cadre::v1::CalendarAnswer &response);
/** @copydoc calendar_day */
Status calendar_count(const WorkCalendar &calendar, const cadre::v1::CalendarCountRequest &request,
                      cadre::v1::CalendarAnswer &response);
/** @copydoc calendar_day */
Status calendar_roll_forward(const WorkCalendar &calendar,
                             const cadre::v1::CalendarRollForwardRequest &request,
                             cadre::v1::CalendarAnswer &response);
/** @copydoc calendar_day */
Status calendar_period_end(const WorkCalendar &calendar,
                           const cadre::v1::CalendarPeriodEndRequest &request,
                           cadre::v1::CalendarAnswer &response);

/**
 * Parses a calendar text with protobuf's own text-format parser as a
 * cadre.v1.WorkCalendar (unknown fields refused) and prints it back in
 * protobuf's text form. What cadre::parse_calendar_text() accepts, this must
 * accept, and the printed text must read back to the same canonical text
 * (tests/unit/calendar_codec_test.cc, fuzz/calendar_fuzzer.cc).
 * @return the printed text, or INVALID_ARGUMENT naming @p source
 */
StatusOr<std::string> calendar_text_via_protobuf(std::string_view text, std::string_view source);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_CALENDAR_CODEC_HPP
