// The calendar file format is protobuf's text format of cadre.v1.WorkCalendar:
// the library reads it without protobuf, and protobuf's own parser must agree.
#include <gtest/gtest.h>

#include <string>

#include "cadre/calendar.hpp"
#include "codec/calendar_codec.hpp"

namespace cadre {
namespace {

TEST(CalendarCodec, TheShippedTextIsAWorkCalendarForProtobufToo) {
  auto mine = parse_calendar_text(builtin_calendar_text(), "cn");
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  auto printed = codec::calendar_text_via_protobuf(builtin_calendar_text(), "cn");
  ASSERT_TRUE(printed.ok()) << printed.status().message();
  // protobuf prints non-ASCII bytes as octal escapes: the reader reads them back.
  EXPECT_NE(printed.value().find("\\345"), std::string::npos);
  auto again = parse_calendar_text(printed.value(), "printed");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(canonical_text(again.value()), canonical_text(mine.value()));
}

TEST(CalendarCodec, ListsAngleBracketsAndSeparatorsMeanWhatProtobufReads) {
  const std::string text = R"cal(
    id: 'x', version: "1" "a";
    notices <
      year: 2030
      citation { document: "\344\270\255" verification: VERIFICATION_SAW_LOCAL }
      holidays: [{ festivals: ["a", "b"] name { zh_cn: "\u4e2d" en: "\x41" } first: "2030-03-02"
                   last: "2030-03-04" make_up_days: "2030-03-10" replaces: false }]
    >
  )cal";
  auto mine = parse_calendar_text(text, "t");
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_EQ(mine.value().version, "1a");
  EXPECT_EQ(mine.value().notices[0].citation.document, "中");
  EXPECT_EQ(mine.value().notices[0].holidays[0].name.zh_cn, "中");
  EXPECT_EQ(mine.value().notices[0].holidays[0].festivals.size(), 2U);
  auto printed = codec::calendar_text_via_protobuf(text, "t");
  ASSERT_TRUE(printed.ok()) << printed.status().message();
  auto again = parse_calendar_text(printed.value(), "printed");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(canonical_text(again.value()), canonical_text(mine.value()));
}

namespace pb = ::cadre::v1;

TEST(CalendarCodec, AnswersOnWireMessages) {
  const WorkCalendar cal = WorkCalendar::builtin();
  pb::CalendarAddRequest add;
  add.set_date("2025-01-27");
  add.set_working_days(5);
  pb::CalendarAnswer a;
  ASSERT_TRUE(codec::calendar_add(cal, add, a).ok());
  EXPECT_EQ(a.date(), "2025-02-10");
  EXPECT_EQ(a.working_days(), 5);
  ASSERT_EQ(a.reasons_size(), 2);
  EXPECT_EQ(a.reasons(0).kind(), pb::DAY_KIND_HOLIDAY);
  EXPECT_EQ(a.reasons(0).citation().document_number(), "国办发明电〔2024〕12号");
  EXPECT_EQ(a.reasons(0).law().document_number(), "国务院令第795号");
  EXPECT_EQ(a.rules(0).key(), "period-start");
  EXPECT_EQ(a.calendar().id(), "cn");
  EXPECT_EQ(a.calendar().content_hash(), cal.content_hash());
  EXPECT_EQ(a.calendar().years_size(), 13);

  pb::CalendarDayRequest day;
  day.set_date("2025-01-26");
  pb::CalendarDayResponse d;
  ASSERT_TRUE(codec::calendar_day(cal, day, d).ok());
  EXPECT_TRUE(d.day().working());
  EXPECT_EQ(d.day().kind(), pb::DAY_KIND_MAKE_UP_WORKDAY);
  EXPECT_EQ(d.day().weekday(), 7);

  pb::CalendarCountRequest count;
  count.set_from("2025-01-27");
  count.set_to("2025-02-10");
  pb::CalendarAnswer c;
  ASSERT_TRUE(codec::calendar_count(cal, count, c).ok());
  EXPECT_EQ(c.working_days(), 5);

  pb::CalendarRollForwardRequest roll;
  roll.set_date("2020-10-01");
  pb::CalendarAnswer r;
  ASSERT_TRUE(codec::calendar_roll_forward(cal, roll, r).ok());
  EXPECT_EQ(r.date(), "2020-10-09");

  pb::CalendarPeriodEndRequest period;
  period.set_start("2025-09-01");
  period.set_amount(1);
  period.set_unit(pb::PERIOD_UNIT_MONTHS);
  pb::CalendarAnswer p;
  ASSERT_TRUE(codec::calendar_period_end(cal, period, p).ok());
  EXPECT_EQ(p.date(), "2025-10-09");
}

TEST(CalendarCodec, BadRequestsNameTheField) {
  const WorkCalendar cal = WorkCalendar::builtin();
  pb::CalendarAnswer out;
  pb::CalendarAddRequest add;
  EXPECT_EQ(codec::calendar_add(cal, add, out).field(), "date");
  add.set_date("2025-02-30");
  EXPECT_EQ(codec::calendar_add(cal, add, out).field(), "date");
  add.set_date("2025-02-03");
  add.set_working_days(200000);
  EXPECT_EQ(codec::calendar_add(cal, add, out).field(), "working_days");
  add.set_working_days(1);
  add.set_fallback(static_cast<pb::CalendarFallback>(9));
  EXPECT_EQ(codec::calendar_add(cal, add, out).field(), "fallback");
  pb::CalendarPeriodEndRequest period;
  period.set_start("2025-01-01");
  EXPECT_EQ(codec::calendar_period_end(cal, period, out).field(), "unit");
  pb::CalendarCountRequest count;
  count.set_from("2025-01-01");
  EXPECT_EQ(codec::calendar_count(cal, count, out).field(), "to");
  // A year without a notice: OUT_OF_RANGE, or the weekends only, flagged.
  pb::CalendarDayRequest day;
  day.set_date("2030-05-06");
  pb::CalendarDayResponse d;
  EXPECT_EQ(codec::calendar_day(cal, day, d).code(), StatusCode::kOutOfRange);
  day.set_fallback(pb::CALENDAR_FALLBACK_WEEKENDS_ONLY);
  ASSERT_TRUE(codec::calendar_day(cal, day, d).ok());
  EXPECT_TRUE(d.day().assumed());
}

}  // namespace
}  // namespace cadre
