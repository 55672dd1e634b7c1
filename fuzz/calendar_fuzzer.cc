// Fuzz target: a working-day calendar text, as a host adds a year's notice.
// The library's own reader (no protobuf) must never crash; what it accepts,
// protobuf's parser must accept with the same meaning (it is a strict subset
// of the text format); and a calendar built from it answers every question
// with a value or a status.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadre/calendar.hpp"
#include "codec/calendar_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  auto mine = cadre::parse_calendar_text(text, "fuzz");
  if (!mine.ok()) {
    if (mine.status().field().empty() || mine.status().message().empty()) {
      __builtin_trap();
    }
    return 0;
  }
  auto printed = cadre::codec::calendar_text_via_protobuf(text, "fuzz");
  if (!printed.ok()) {
    __builtin_trap();  // accepted here, refused by protobuf
  }
  auto again = cadre::parse_calendar_text(printed.value(), "printed");
  if (!again.ok() || cadre::canonical_text(again.value()) != cadre::canonical_text(mine.value())) {
    __builtin_trap();  // protobuf read another meaning
  }
  cadre::WorkCalendar calendar = cadre::WorkCalendar::builtin();
  if (!calendar.add(mine.value()).ok()) {
    calendar = cadre::WorkCalendar();
    if (!calendar.add(mine.value()).ok()) {
      return 0;
    }
  }
  // Questions about the days of the text's own notices.
  for (const cadre::HolidayNotice &n : mine.value().notices) {
    for (const cadre::HolidayPeriod &h : n.holidays) {
      for (const auto fallback :
           {cadre::CalendarFallback::kError, cadre::CalendarFallback::kWeekendsOnly}) {
        auto day = calendar.day(h.first, fallback);
        auto add = calendar.add_working_days(h.first.add_days(-3), 10, fallback);
        auto count =
            calendar.count_working_days(h.first.add_days(-20), h.last.add_days(20), fallback);
        auto roll = calendar.roll_forward(h.first, fallback);
        if (add.ok() && count.ok() && fallback == cadre::CalendarFallback::kError &&
            calendar.count_working_days(h.first.add_days(-3), add.value().date)
                    .value()
                    .working_days != 10) {
          __builtin_trap();
        }
        (void)day;
        (void)roll;
      }
    }
  }
  return 0;
}
