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

}  // namespace
}  // namespace cadre
