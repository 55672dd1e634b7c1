// The working-day calendar at the edges: Spring Festival, National Day, the
// make-up weekends, the notices that changed a year, leap days, the years the
// calendar does not know, and a host adding a year at run time.
//
// Expected dates are worked out by hand from the notices' wording (quoted next
// to each test), never read back from data/calendar/cn.textproto.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "cadre/calendar.hpp"
#include "cadre/catalogue.hpp"
#include "catalogue/sha256.hpp"
#include "support/dates.hpp"

namespace cadre {
namespace {

Date d(std::string_view text) { return testing::D(text); }

const WorkCalendar &cal() {
  static const WorkCalendar kCal = WorkCalendar::builtin();
  return kCal;
}

DayInfo day_of(const char *text) {
  auto info = cal().day(d(text));
  EXPECT_TRUE(info.ok()) << text << ": " << info.status().message();
  return info.ok() ? info.value() : DayInfo{};
}

Date add(const char *event, int n) {
  auto a = cal().add_working_days(d(event), n);
  EXPECT_TRUE(a.ok()) << event << " + " << n << ": " << a.status().message();
  return a.ok() ? a.value().date : Date();
}

int count(const char *from, const char *to) {
  auto a = cal().count_working_days(d(from), d(to));
  EXPECT_TRUE(a.ok()) << from << ".." << to << ": " << a.status().message();
  return a.ok() ? a.value().working_days : -999999;
}

Date roll(const char *day) {
  auto a = cal().roll_forward(d(day));
  EXPECT_TRUE(a.ok()) << day << ": " << a.status().message();
  return a.ok() ? a.value().date : Date();
}

Date period(const char *start, int amount, PeriodUnit unit) {
  auto a = cal().period_end(d(start), amount, unit);
  EXPECT_TRUE(a.ok()) << start << ": " << a.status().message();
  return a.ok() ? a.value().date : Date();
}

TEST(Calendar, ShipsLawsAndTheNoticesOf2014To2026) {
  std::vector<int> expected;
  for (int y = 2014; y <= 2026; ++y) expected.push_back(y);
  EXPECT_EQ(cal().years(), expected);
  EXPECT_EQ(cal().id(), "cn");
  EXPECT_EQ(cal().content_hash().size(), 64U);
  ASSERT_EQ(cal().laws().size(), 3U);
  // 2007 and 2013: 11 days for all citizens; the 2024 revision adds New Year's Eve and 2 May.
  EXPECT_EQ(cal().laws()[0].total_days(), 11);
  EXPECT_EQ(cal().laws()[1].total_days(), 11);
  EXPECT_EQ(cal().laws()[2].total_days(), 13);
  EXPECT_EQ(cal().law_in_force(d("2013-12-31"))->citation.document_number, "国务院令第513号");
  EXPECT_EQ(cal().law_in_force(d("2014-01-01"))->citation.document_number, "国务院令第644号");
  EXPECT_EQ(cal().law_in_force(d("2024-12-31"))->citation.document_number, "国务院令第644号");
  EXPECT_EQ(cal().law_in_force(d("2025-01-01"))->citation.document_number, "国务院令第795号");
  for (const char *key :
       {"weekly-rest", "period-start", "period-end-month", "period-end-holiday"}) {
    EXPECT_NE(cal().rule(key), nullptr) << key;
  }
  // Every notice carries its verification tag and where it was read.
  for (const HolidayNotice &n : cal().notices()) {
    EXPECT_NE(n.citation.verification, Verification::kUnspecified) << n.year;
    EXPECT_FALSE(n.url.empty()) << n.year;
    EXPECT_TRUE(n.issued.has_value()) << n.year;
  }
}

// Each year's own notice gives exactly the days of the law in force: the
// weekdays off, less the weekend days made working days, are the law's days
// (a statutory day on a weekend is made up on a weekday). This checks every
// shipped notice against the law it applies, independently of the engine.
TEST(Calendar, EveryYearsNoticeGivesTheLawsDays) {
  for (const HolidayNotice &n : cal().notices()) {
    if (!n.amends.empty()) continue;
    int weekdays_off = 0;
    int make_up = 0;
    for (const HolidayPeriod &h : n.holidays) {
      for (std::int32_t s = h.first.serial(); s <= h.last.serial(); ++s) {
        const int wd = ((s % 7) + 7 + 3) % 7 + 1;
        if (wd <= 5) ++weekdays_off;
      }
      make_up += static_cast<int>(h.make_up_days.size());
    }
    const HolidayLaw *law = cal().law_in_force(*Date::from_ymd(n.year, 6, 30));
    ASSERT_NE(law, nullptr) << n.year;
    EXPECT_EQ(weekdays_off - make_up, law->total_days()) << n.year;
  }
}

// 2025 notice: "春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
// 1月26日（周日）、2月8日（周六）上班。"
TEST(Calendar, SpringFestival2025) {
  const DayInfo sunday = day_of("2025-01-26");
  EXPECT_TRUE(sunday.working);
  EXPECT_EQ(sunday.kind, DayKind::kMakeUpWorkday);
  EXPECT_EQ(sunday.weekday, 7);
  EXPECT_EQ(sunday.reason.citation.document_number, "国办发明电〔2024〕12号");
  EXPECT_EQ(sunday.reason.name.zh_cn, "春节");

  const DayInfo eve = day_of("2025-01-28");
  EXPECT_FALSE(eve.working);
  EXPECT_EQ(eve.kind, DayKind::kHoliday);
  EXPECT_EQ(eve.reason.first, d("2025-01-28"));
  EXPECT_EQ(eve.reason.last, d("2025-02-04"));
  ASSERT_TRUE(eve.reason.law.has_value());
  EXPECT_EQ(eve.reason.law->document_number, "国务院令第795号");
  EXPECT_EQ(eve.reason.name.en, "Spring Festival");

  EXPECT_FALSE(day_of("2025-02-01").working);  // a Saturday inside the holiday
  EXPECT_EQ(day_of("2025-02-01").kind, DayKind::kHoliday);
  EXPECT_TRUE(day_of("2025-02-05").working);
  EXPECT_TRUE(day_of("2025-02-08").working);   // Saturday, make-up
  EXPECT_FALSE(day_of("2025-02-09").working);  // Sunday
  EXPECT_EQ(day_of("2025-02-09").kind, DayKind::kWeekend);
  EXPECT_EQ(day_of("2025-02-09").reason.citation.document, "《国务院关于职工工作时间的规定》");

  // Five working days after Monday 27 January: 5, 6, 7, 8 (Saturday) and 10 February.
  EXPECT_EQ(add("2025-01-27", 5), d("2025-02-10"));
  auto a = cal().add_working_days(d("2025-01-27"), 5);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a.value().reasons.size(), 2U);
  EXPECT_EQ(a.value().reasons[0].kind, DayKind::kHoliday);
  EXPECT_EQ(a.value().reasons[1].kind, DayKind::kMakeUpWorkday);
  EXPECT_EQ(a.value().reasons[1].first, d("2025-02-08"));
  EXPECT_NE(a.value().explanation.zh_cn.find("2025-02-10"), std::string::npos);
  EXPECT_NE(a.value().explanation.zh_cn.find("国办发明电〔2024〕12号"), std::string::npos);
  EXPECT_NE(a.value().explanation.en.find("not counted"), std::string::npos);
  ASSERT_EQ(a.value().rules.size(), 2U);
  EXPECT_EQ(a.value().rules[0].citation.article, "第二百零一条");
  EXPECT_EQ(count("2025-01-27", "2025-02-10"), 5);
  EXPECT_EQ(count("2025-02-10", "2025-01-27"), -5);
}

// 2024 notice: "春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
// 鼓励各单位……安排职工在除夕（2月9日）休息。" New Year's Eve was only encouraged, not a day off.
TEST(Calendar, SpringFestival2024NewYearsEveIsAWorkingDay) {
  EXPECT_TRUE(day_of("2024-02-09").working);
  EXPECT_EQ(day_of("2024-02-09").kind, DayKind::kWorkday);
  EXPECT_TRUE(day_of("2024-02-04").working);
  EXPECT_TRUE(day_of("2024-02-18").working);
  EXPECT_EQ(day_of("2024-02-18").kind, DayKind::kMakeUpWorkday);
  EXPECT_FALSE(day_of("2024-02-17").working);
  // Received on New Year's Eve: 2/18 (Sunday) is the first working day after it.
  EXPECT_EQ(add("2024-02-09", 1), d("2024-02-18"));
  EXPECT_EQ(add("2024-02-08", 1), d("2024-02-09"));
}

// 2025 notice: "国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
// 9月28日（周日）、10月11日（周六）上班。" A reply due 15 working days after receipt on
// Friday 26 September (函询: 收到之日起15个工作日内): 9/28, 9/29, 9/30, 10/9, 10/10, 10/11,
// 10/13-17, 10/20-23.
TEST(Calendar, NationalDay2025FifteenWorkingDaysAfterReceipt) {
  EXPECT_EQ(add("2025-09-26", 15), d("2025-10-23"));
  EXPECT_EQ(add("2025-09-26", 1), d("2025-09-28"));
  EXPECT_EQ(add("2025-09-30", 1), d("2025-10-09"));
  EXPECT_EQ(count("2025-09-26", "2025-10-23"), 15);
  EXPECT_EQ(day_of("2025-10-06").reason.name.zh_cn, "国庆节、中秋节");
}

// A deadline across both National Day 2024 and Spring Festival 2025. The days off
// and make-up days below are transcribed from the 2024 and 2025 notices by hand.
TEST(Calendar, DeadlineAcrossNationalDayAndSpringFestival) {
  const std::set<std::string> off = {"2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04",
                                     "2024-10-07", "2025-01-01", "2025-01-28", "2025-01-29",
                                     "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04"};
  const std::set<std::string> make_up = {"2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08"};
  int expected = 0;
  for (std::int32_t s = d("2024-09-27").serial() + 1; s <= d("2025-02-28").serial(); ++s) {
    const Date x = Date::from_serial(s);
    const int wd = ((s % 7) + 7 + 3) % 7 + 1;
    if ((wd <= 5 && off.count(x.to_string()) == 0) || make_up.count(x.to_string()) != 0) {
      ++expected;
    }
  }
  EXPECT_EQ(count("2024-09-27", "2025-02-28"), expected);
  EXPECT_EQ(add("2024-09-27", expected), d("2025-02-28"));
  auto a = cal().count_working_days(d("2024-09-27"), d("2025-02-28"));
  ASSERT_TRUE(a.ok());
  // National Day 2024, New Year 2025, Spring Festival 2025 and four make-up days.
  EXPECT_EQ(a.value().reasons.size(), 7U);
}

// 2020: the notice of 21 November 2019 ("春节：1月24日至30日放假调休，共7天。1月19日（星期日）、
// 2月1日（星期六）上班。"), then 国办发明电〔2020〕1号 of 26 January 2020: "延长2020年春节假期至
// 2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。"
TEST(Calendar, SpringFestival2020AsExtended) {
  EXPECT_FALSE(day_of("2020-01-31").working);
  const DayInfo saturday = day_of("2020-02-01");
  EXPECT_FALSE(saturday.working);
  EXPECT_EQ(saturday.kind, DayKind::kHoliday);
  EXPECT_EQ(saturday.reason.citation.document_number, "国办发明电〔2020〕1号");
  EXPECT_TRUE(day_of("2020-01-19").working);  // the first make-up Sunday stands
  EXPECT_TRUE(day_of("2020-02-03").working);
  EXPECT_EQ(add("2020-01-23", 1), d("2020-02-03"));
}

// Without the extension (the notice as first published), 1 February 2020 is a working
// Saturday; adding the extension at run time changes it. This is also how a host adds a
// notice to a year.
TEST(Calendar, AddingTheExtensionAtRunTimeChangesTheAnswer) {
  WorkCalendar c;
  ASSERT_TRUE(c.add_text(R"cal(
    notices {
      year: 2020
      citation { document: "《国务院办公厅关于2020年部分节假日安排的通知》"
                 document_number: "国办发明电〔2019〕16号" year: 2019 verification: VERIFICATION_SAW }
      issued: "2019-11-21"
      holidays { festivals: "spring-festival" name { zh_cn: "春节" en: "Spring Festival" }
                 first: "2020-01-24" last: "2020-01-30"
                 make_up_days: ["2020-01-19", "2020-02-01"] }
    })cal",
                         "base")
                  .ok());
  ASSERT_TRUE(c.day(d("2020-02-01")).ok());
  EXPECT_TRUE(c.day(d("2020-02-01")).value().working);
  EXPECT_EQ(c.add_working_days(d("2020-01-23"), 1).value().date, d("2020-01-31"));
  const std::string before = c.content_hash();
  ASSERT_TRUE(c.add_text(R"cal(
    notices {
      year: 2020
      citation { document: "《国务院办公厅关于延长2020年春节假期的通知》"
                 document_number: "国办发明电〔2020〕1号" year: 2020 verification: VERIFICATION_SAW }
      issued: "2020-01-26"
      amends: "国办发明电〔2019〕16号"
      holidays { festivals: "spring-festival" name { zh_cn: "春节（延长）" en: "Spring Festival (extended)" }
                 first: "2020-01-31" last: "2020-02-02" }
    })cal",
                         "extension")
                  .ok());
  EXPECT_FALSE(c.day(d("2020-02-01")).value().working);
  EXPECT_EQ(c.add_working_days(d("2020-01-23"), 1).value().date, d("2020-02-03"));
  EXPECT_NE(c.content_hash(), before);
}

// 2019: the notice gave "劳动节：5月1日放假。"; 国办发明电〔2019〕3号 replaced it with
// "2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。"
TEST(Calendar, LabourDay2019AsChanged) {
  EXPECT_FALSE(day_of("2019-05-02").working);
  EXPECT_FALSE(day_of("2019-05-03").working);
  EXPECT_TRUE(day_of("2019-04-28").working);
  EXPECT_TRUE(day_of("2019-05-05").working);
  EXPECT_EQ(day_of("2019-05-05").reason.citation.document_number, "国办发明电〔2019〕3号");
  EXPECT_EQ(day_of("2019-05-01").reason.citation.document_number, "国办发明电〔2019〕3号");
  EXPECT_EQ(add("2019-04-30", 1), d("2019-05-05"));
}

// 2015: 国发明电〔2015〕1号:
// "9月3日至5日调休放假，共3天。其中9月3日（星期四）放假，9月4日（星期五）
// 调休，9月6日（星期日）上班。"
TEST(Calendar, VictoryDay2015) {
  EXPECT_FALSE(day_of("2015-09-03").working);
  EXPECT_FALSE(day_of("2015-09-04").working);
  EXPECT_TRUE(day_of("2015-09-06").working);
  EXPECT_EQ(add("2015-09-02", 1), d("2015-09-06"));
}

// 2019 notice: "元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。"
TEST(Calendar, NewYear2019ReachesBackInto2018) {
  const DayInfo saturday = day_of("2018-12-29");
  EXPECT_TRUE(saturday.working);
  EXPECT_EQ(saturday.reason.citation.document_number, "国办发明电〔2018〕15号");
  EXPECT_FALSE(day_of("2018-12-31").working);
  EXPECT_FALSE(saturday.provisional);  // 2019's notice is known
  EXPECT_EQ(add("2018-12-28", 1), d("2018-12-29"));
  EXPECT_EQ(add("2018-12-29", 1), d("2019-01-02"));
}

// Make-up weekends of several years.
TEST(Calendar, MakeUpWeekendsOfSeveralYears) {
  // 2016: "10月8日（星期六）、10月9日（星期日）上班"; 2018:
  // "9月29日（星期六）、9月30日（星期日）上班"; 2022: "1月29日（星期六）、1月30日（星期日）上班";
  // 2023: "10月7日（星期六）、10月8日（星期日）上班"; 2026: "1月4日（周日）上班",
  // "2月14日（周六）、2月28日（周六）上班".
  for (const char *day : {"2016-10-08", "2016-10-09", "2018-09-29", "2018-09-30", "2022-01-29",
                          "2022-01-30", "2023-10-07", "2023-10-08", "2026-01-04", "2026-02-14",
                          "2026-02-28", "2014-01-26", "2017-04-01", "2021-09-18"}) {
    const DayInfo info = day_of(day);
    EXPECT_TRUE(info.working) << day;
    EXPECT_EQ(info.kind, DayKind::kMakeUpWorkday) << day;
    EXPECT_GE(info.weekday, 6) << day;
  }
  // Two make-up days in a row: after Friday 28 September 2018 come Saturday 29 and Sunday 30.
  EXPECT_EQ(add("2018-09-28", 2), d("2018-09-30"));
  EXPECT_EQ(add("2018-09-28", 3), d("2018-10-08"));
}

struct Stretch {
  int year;
  const char *first;  // first day off
  const char *last;   // last day off
  int days;           // "共N天" of the notice
  std::vector<const char *> make_up;
};

// The Spring Festival and National Day items of every year, typed again from the notices'
// wording (2020 as extended to 2 February, its make-up Saturday of 1 February gone; 2023's
// National Day item starts with the Mid-Autumn Festival on 29 September).
const std::vector<Stretch> &stretches() {
  static const std::vector<Stretch> kStretches = {
      {2014, "2014-01-31", "2014-02-06", 7, {"2014-01-26", "2014-02-08"}},
      {2015, "2015-02-18", "2015-02-24", 7, {"2015-02-15", "2015-02-28"}},
      {2016, "2016-02-07", "2016-02-13", 7, {"2016-02-06", "2016-02-14"}},
      {2017, "2017-01-27", "2017-02-02", 7, {"2017-01-22", "2017-02-04"}},
      {2018, "2018-02-15", "2018-02-21", 7, {"2018-02-11", "2018-02-24"}},
      {2019, "2019-02-04", "2019-02-10", 7, {"2019-02-02", "2019-02-03"}},
      {2020, "2020-01-24", "2020-02-02", 10, {"2020-01-19"}},
      {2021, "2021-02-11", "2021-02-17", 7, {"2021-02-07", "2021-02-20"}},
      {2022, "2022-01-31", "2022-02-06", 7, {"2022-01-29", "2022-01-30"}},
      {2023, "2023-01-21", "2023-01-27", 7, {"2023-01-28", "2023-01-29"}},
      {2024, "2024-02-10", "2024-02-17", 8, {"2024-02-04", "2024-02-18"}},
      {2025, "2025-01-28", "2025-02-04", 8, {"2025-01-26", "2025-02-08"}},
      {2026, "2026-02-15", "2026-02-23", 9, {"2026-02-14", "2026-02-28"}},
      {2014, "2014-10-01", "2014-10-07", 7, {"2014-09-28", "2014-10-11"}},
      {2015, "2015-10-01", "2015-10-07", 7, {"2015-10-10"}},
      {2016, "2016-10-01", "2016-10-07", 7, {"2016-10-08", "2016-10-09"}},
      {2017, "2017-10-01", "2017-10-08", 8, {"2017-09-30"}},
      {2018, "2018-10-01", "2018-10-07", 7, {"2018-09-29", "2018-09-30"}},
      {2019, "2019-10-01", "2019-10-07", 7, {"2019-09-29", "2019-10-12"}},
      {2020, "2020-10-01", "2020-10-08", 8, {"2020-09-27", "2020-10-10"}},
      {2021, "2021-10-01", "2021-10-07", 7, {"2021-09-26", "2021-10-09"}},
      {2022, "2022-10-01", "2022-10-07", 7, {"2022-10-08", "2022-10-09"}},
      {2023, "2023-09-29", "2023-10-06", 8, {"2023-10-07", "2023-10-08"}},
      {2024, "2024-10-01", "2024-10-07", 7, {"2024-09-29", "2024-10-12"}},
      {2025, "2025-10-01", "2025-10-08", 8, {"2025-09-28", "2025-10-11"}},
      {2026, "2026-10-01", "2026-10-07", 7, {"2026-09-20", "2026-10-10"}},
  };
  return kStretches;
}

TEST(Calendar, SpringFestivalAndNationalDayEdgesOfEveryYear) {
  for (const Stretch &s : stretches()) {
    const Date first = d(s.first);
    const Date last = d(s.last);
    EXPECT_EQ(last.serial() - first.serial() + 1, s.days) << s.first;
    for (std::int32_t x = first.serial(); x <= last.serial(); ++x) {
      const DayInfo info = cal().day(Date::from_serial(x)).value();
      EXPECT_FALSE(info.working) << Date::from_serial(x).to_string();
      EXPECT_EQ(info.kind, DayKind::kHoliday) << Date::from_serial(x).to_string();
    }
    // The edges: the days just outside are not days off of any item.
    EXPECT_NE(cal().day(first.add_days(-1)).value().kind, DayKind::kHoliday) << s.first;
    EXPECT_NE(cal().day(last.add_days(1)).value().kind, DayKind::kHoliday) << s.last;
    for (const char *m : s.make_up) {
      const DayInfo info = day_of(m);
      EXPECT_TRUE(info.working) << m;
      EXPECT_EQ(info.kind, DayKind::kMakeUpWorkday) << m;
    }
    // The first working day after the last day off.
    const Date next = add(s.last, 1);
    EXPECT_GT(next, last);
    EXPECT_LE(next.serial() - last.serial(), 3) << s.last;
    EXPECT_EQ(roll(s.first), next) << s.first;
  }
}

// 民法典 第二百零三条. 2020 notice:
// "国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、 10月10日（星期六）上班。"
TEST(Calendar, RollForwardPastHolidays) {
  EXPECT_EQ(roll("2020-10-01"), d("2020-10-09"));
  EXPECT_EQ(roll("2020-10-10"), d("2020-10-10"));  // a make-up Saturday is a working day
  EXPECT_EQ(roll("2020-10-11"), d("2020-10-12"));
  EXPECT_EQ(roll("2025-01-28"), d("2025-02-05"));
  EXPECT_EQ(roll("2025-02-07"), d("2025-02-07"));
  auto a = cal().roll_forward(d("2020-10-01"));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a.value().rules.size(), 2U);
  EXPECT_EQ(a.value().rules[0].citation.article, "第二百零三条");
  EXPECT_NE(a.value().explanation.zh_cn.find("第二百零三条"), std::string::npos);
}

TEST(Calendar, PeriodEndsAndLeapYears) {
  // 1 month from 31 January: the month's last day (民法典 第二百零二条).
  EXPECT_EQ(period("2024-01-31", 1, PeriodUnit::kMonths), d("2024-02-29"));  // Thursday
  EXPECT_EQ(period("2023-01-31", 1, PeriodUnit::kMonths), d("2023-02-28"));  // Tuesday
  EXPECT_EQ(period("2024-02-29", 1, PeriodUnit::kYears), d("2025-02-28"));   // Friday
  // 1 month from 1 September 2025 ends on 1 October, a day off: rolled to 9 October.
  EXPECT_EQ(period("2025-09-01", 1, PeriodUnit::kMonths), d("2025-10-09"));
  // 30 days from 2 January 2025 end on 1 February, inside the Spring Festival: 5 February.
  EXPECT_EQ(period("2025-01-02", 30, PeriodUnit::kDays), d("2025-02-05"));
  EXPECT_EQ(period("2025-01-27", 5, PeriodUnit::kWorkingDays), d("2025-02-10"));
  // Leap days as working days and rest days.
  EXPECT_TRUE(day_of("2024-02-29").working);
  EXPECT_FALSE(day_of("2020-02-29").working);  // Saturday
  EXPECT_EQ(add("2024-02-28", 1), d("2024-02-29"));
  EXPECT_EQ(add("2020-02-28", 1), d("2020-03-02"));
  EXPECT_EQ(count("2024-02-28", "2024-03-01"), 2);
  auto a = cal().period_end(d("2025-09-01"), 1, PeriodUnit::kMonths);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value().rules.size(), 4U);
  EXPECT_FALSE(a.value().reasons.empty());
}

TEST(Calendar, BadArguments) {
  EXPECT_EQ(cal().add_working_days(d("2025-01-01"), WorkCalendar::kMaxCount + 1).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(cal().period_end(d("2025-01-01"), -1, PeriodUnit::kDays).status().field(), "amount");
  EXPECT_EQ(cal().period_end(d("2025-01-01"), 1, PeriodUnit::kUnspecified).status().field(),
            "unit");
  EXPECT_EQ(
      cal().add_working_days(d("9999-12-30"), 5, CalendarFallback::kWeekendsOnly).status().code(),
      StatusCode::kOutOfRange);
}

// Counting and adding are inverse to each other over the whole known range.
TEST(Calendar, CountAndAddAreInverse) {
  // From March 2014: n working days back from a deadline may go to 2013 otherwise.
  for (std::int32_t s = d("2014-03-01").serial(); s < d("2026-09-01").serial(); s += 11) {
    const Date from = Date::from_serial(s);
    for (const int n : {0, 1, 2, 7, 23, 60}) {
      auto a = cal().add_working_days(from, n);
      ASSERT_TRUE(a.ok());
      auto c = cal().count_working_days(from, a.value().date);
      ASSERT_TRUE(c.ok());
      EXPECT_EQ(c.value().working_days, n) << from.to_string() << " + " << n;
      if (n > 0) {
        EXPECT_TRUE(cal().day(a.value().date).value().working);
        auto back = cal().add_working_days(a.value().date, -n);
        ASSERT_TRUE(back.ok());
        // n working days back from the deadline: the first working day after... at most from.
        EXPECT_LE(back.value().date, from);
      }
    }
  }
}

// The date-only answers (for replaying many cases) are the explained answers' dates and counts,
// and fail where they fail.
TEST(Calendar, TheUnexplainedAnswersAreTheExplainedOnes) {
  for (std::int32_t s = d("2014-03-01").serial(); s < d("2026-09-01").serial(); s += 13) {
    const Date from = Date::from_serial(s);
    for (const PeriodUnit unit :
         {PeriodUnit::kWorkingDays, PeriodUnit::kDays, PeriodUnit::kMonths, PeriodUnit::kYears}) {
      for (const int n : {0, 1, 5, 15, 31}) {
        auto full = cal().period_end(from, n, unit);
        auto date = cal().period_end_date(from, n, unit);
        ASSERT_EQ(full.ok(), date.ok()) << from.to_string() << " + " << n;
        if (full.ok()) {
          EXPECT_EQ(*date, full->date) << from.to_string() << " + " << n;
        } else {
          EXPECT_EQ(date.status().code(), full.status().code());
          EXPECT_EQ(date.status().field(), full.status().field());
        }
      }
    }
    const Date to = from.add_days(static_cast<int>(s % 97) - 30);
    auto count = cal().count_working_days(from, to);
    auto between = cal().working_days_between(from, to);
    ASSERT_EQ(count.ok(), between.ok()) << from.to_string() << " .. " << to.to_string();
    if (count.ok()) {
      EXPECT_EQ(*between, count->working_days) << from.to_string() << " .. " << to.to_string();
    }
  }
  // Across the edges of the known years (the prefix counts inside, the walk outside), both ways.
  for (std::int32_t s = d("2013-11-20").serial(); s < d("2014-02-10").serial(); s += 3) {
    for (const Date to : {d("2013-12-01"), d("2014-01-02"), d("2015-06-30"), d("2027-01-15")}) {
      const Date from = Date::from_serial(s);
      for (const CalendarFallback fb :
           {CalendarFallback::kError, CalendarFallback::kWeekendsOnly}) {
        auto count = cal().count_working_days(from, to, fb);
        auto between = cal().working_days_between(from, to, fb);
        ASSERT_EQ(count.ok(), between.ok()) << from.to_string() << " .. " << to.to_string();
        if (count.ok()) {
          EXPECT_EQ(*between, count->working_days) << from.to_string() << " .. " << to.to_string();
        } else {
          EXPECT_EQ(between.status().code(), count.status().code());
          EXPECT_EQ(between.status().field(), count.status().field());
        }
      }
    }
  }
  EXPECT_EQ(cal().working_days_between(d("2025-03-03"), d("2025-03-03")).value(), 0);
  EXPECT_EQ(cal().working_days_between(d("2025-03-07"), d("2025-03-03")).value(), -4);
  EXPECT_EQ(cal().period_end_date(d("2025-01-01"), -1, PeriodUnit::kDays).status().field(),
            "amount");
  EXPECT_EQ(cal().working_days_between(d("2010-01-01"), d("2010-02-01")).status().code(),
            StatusCode::kOutOfRange);
  EXPECT_TRUE(
      cal()
          .working_days_between(d("2010-01-01"), d("2010-02-01"), CalendarFallback::kWeekendsOnly)
          .ok());
}

TEST(Calendar, UnknownYearsAreAnErrorOrFlagged) {
  auto strict = cal().day(d("2027-03-01"));
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(strict.status().field(), "date");
  EXPECT_NE(strict.status().message().find("2014-2026"), std::string::npos);
  EXPECT_FALSE(cal().day(d("2013-06-03")).ok());

  auto assumed = cal().day(d("2027-03-01"), CalendarFallback::kWeekendsOnly);
  ASSERT_TRUE(assumed.ok());
  EXPECT_TRUE(assumed.value().assumed);
  EXPECT_TRUE(assumed.value().working);
  EXPECT_EQ(assumed.value().kind, DayKind::kWorkday);

  // A deadline running into 2027: an error, or the weekends only, flagged.
  EXPECT_EQ(cal().add_working_days(d("2026-12-30"), 5).status().code(), StatusCode::kOutOfRange);
  auto a = cal().add_working_days(d("2026-12-30"), 5, CalendarFallback::kWeekendsOnly);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value().date, d("2027-01-06"));  // 31 Dec, 1, 4, 5, 6 January
  EXPECT_EQ(a.value().assumed_years, std::vector<int>{2027});
  EXPECT_TRUE(a.value().provisional);
  EXPECT_NE(a.value().explanation.zh_cn.find("2027年无放假通知"), std::string::npos);
  // A count inside the known years assumes nothing.
  auto c =
      cal().count_working_days(d("2025-01-01"), d("2025-12-01"), CalendarFallback::kWeekendsOnly);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c.value().assumed_years.empty());
  EXPECT_FALSE(c.value().provisional);
}

TEST(Calendar, LastDaysOfTheLastKnownYearAreProvisional) {
  EXPECT_TRUE(day_of("2026-12-28").provisional);
  EXPECT_FALSE(day_of("2026-12-24").provisional);
  EXPECT_FALSE(day_of("2025-12-28").provisional);
}

constexpr const char *k2027 = R"cal(
# A test notice for 2027: invented dates, tagged RECALLED; not a real arrangement.
notices {
  year: 2027
  citation { document: "《测试用放假安排》" year: 2026 verification: VERIFICATION_RECALLED }
  issued: "2026-11-01"
  holidays {
    festivals: "new-year"
    name { zh_cn: "元旦" en: "New Year's Day" }
    first: "2027-01-01"
    last: "2027-01-03"
  }
  holidays {
    festivals: "spring-festival"
    name { zh_cn: "春节" en: "Spring Festival" }
    first: "2027-02-05"
    last: "2027-02-12"
    make_up_days: "2027-02-13"
  }
}
)cal";

TEST(Calendar, AHostAddsAYear) {
  WorkCalendar c = WorkCalendar::builtin();
  const std::string before = c.content_hash();
  ASSERT_TRUE(c.add_text(k2027, "host").ok());
  EXPECT_TRUE(c.knows_year(2027));
  EXPECT_NE(c.content_hash(), before);
  EXPECT_FALSE(c.day(d("2026-12-28")).value().provisional);
  EXPECT_FALSE(c.day(d("2027-02-08")).value().working);
  EXPECT_TRUE(c.day(d("2027-02-13")).value().working);
  EXPECT_EQ(c.day(d("2027-02-13")).value().reason.citation.verification, Verification::kRecalled);
  // 31 December, then 4 to 7 January (1 to 3 January off).
  EXPECT_EQ(c.add_working_days(d("2026-12-30"), 5).value().date, d("2027-01-07"));
  // The shipped calendar is unchanged.
  EXPECT_FALSE(cal().knows_year(2027));
  // The same year again: refused, and the calendar is unchanged.
  const std::string after = c.content_hash();
  const Status again = c.add_text(k2027, "host");
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.field(), "notices[0].year");
  EXPECT_EQ(c.content_hash(), after);
}

struct BadText {
  const char *name;
  std::string text;
  const char *field;  // expected field (a prefix), or "" to skip
  const char *words;  // expected in the message
};

TEST(Calendar, BadTextsNameTheField) {
  const std::string head =
      R"cal(notices { year: 2030 citation { document: "t" verification: VERIFICATION_SAW } )cal";
  const std::vector<BadText> cases = {
      {"unknown field", "nottices {}", "nottices", "no such field"},
      {"syntax", "notices { year: 2030", "src", "line 1 column 21"},
      {"unclosed string", "id: \"abc", "src", "not closed"},
      {"bad escape", "id: \"a\\qb\"", "src", "unknown escape"},
      {"leading zero", "notices { year: 02030 }", "src", "leading zero"},
      {"kind", "id: 5", "id", "expected a quoted string"},
      {"twice", "id: \"a\" id: \"b\"", "id", "more than once"},
      {"list on singular", "id: [\"a\"]", "id", "list"},
      {"empty list", "notices: []", "src", "empty list"},
      {"bad enum",
       "rules { key: \"k\" citation { document: \"t\" verification: SAW } text { zh_cn: \"a\" en: "
       "\"b\" } }",
       "rules[0].citation.verification", "cadre.v1.Verification"},
      {"bad date",
       (head +
        R"cal(holidays { festivals: "x" name { zh_cn: "a" en: "b" } first: "2030-02-30" last: "2030-03-01" } })cal"),
       "notices[0].holidays[0].first", "not a date"},
      {"reversed",
       (head +
        R"cal(holidays { festivals: "x" name { zh_cn: "a" en: "b" } first: "2030-03-02" last: "2030-03-01" } })cal"),
       "notices[0].holidays[0].last", "before first"},
      {"make-up on a weekday",
       (head +
        R"cal(holidays { festivals: "x" name { zh_cn: "a" en: "b" } first: "2030-03-02" last: "2030-03-03" make_up_days: "2030-03-04" } })cal"),
       "notices[0].holidays[0].make_up_days[0]", "not a Saturday or Sunday"},
      {"no verification",
       R"cal(notices { year: 2030 citation { document: "t" } holidays { festivals: "x" name { zh_cn: "a" en: "b" } first: "2030-03-02" last: "2030-03-03" } })cal",
       "notices[0].citation.verification", "required"},
      {"year", R"cal(notices { year: 99999 })cal", "notices[0].year", "1949 to 2199"},
      {"year beyond 32 bits", R"cal(notices { year: -2147483649 })cal", "notices[0].year",
       "32-bit integer"},
      {"bool",
       (head +
        R"cal(holidays { festivals: "x" name { zh_cn: "a" en: "b" } first: "2030-03-02" last: "2030-03-03" replaces: yes } })cal"),
       "notices[0].holidays[0].replaces", "true or false"},
      {"deep",
       "a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{a{}}}}}}}}}}}}}}}}}}}}}"
       "}}}}}}}}}}}}}}",
       "src", "nested too deep"},
      {"not utf-8", "id: \"\\377\"", "src", "not valid UTF-8"},
  };
  for (const BadText &c : cases) {
    auto r = parse_calendar_text(c.text, "src");
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(r.status().field().rfind(c.field, 0), 0U)
        << c.name << ": field " << r.status().field();
    EXPECT_NE(r.status().message().find(c.words), std::string::npos)
        << c.name << ": " << r.status().message();
  }
}

TEST(Calendar, ErrorsNeverEchoTheValue) {
  auto r = parse_calendar_text(
      R"cal(notices { year: 2030 citation { document: "t" verification: VERIFICATION_SAW } issued: "SECRET-42" })cal",
      "src");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "notices[0].issued");
  EXPECT_EQ(r.status().message().find("SECRET"), std::string::npos);
}

TEST(Calendar, AmendmentsMustNameANoticeOfTheirYear) {
  WorkCalendar c = WorkCalendar::builtin();
  const Status st = c.add_text(R"cal(
    notices {
      year: 2025
      citation { document: "t" document_number: "X-1" verification: VERIFICATION_RECALLED }
      issued: "2025-03-01"
      amends: "国办发明电〔2019〕16号"
      holidays { festivals: "x" name { zh_cn: "a" en: "b" } first: "2025-03-03" last: "2025-03-03" }
    })cal",
                               "host");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "notices[0].amends");
  EXPECT_FALSE(c.day(d("2025-03-03")).value().reason.citation.document == "t");
}

TEST(Calendar, TheContentHashIsTheHashOfTheCanonicalText) {
  auto data = parse_calendar_text(builtin_calendar_text(), "cn");
  ASSERT_TRUE(data.ok()) << data.status().message();
  EXPECT_EQ(cal().content_hash(), sha256_hex(canonical_text(data.value())));
  // Layout and comments do not change it.
  auto spaced = parse_calendar_text(
      std::string("# a comment\n\n") + std::string(builtin_calendar_text()) + "\n\n", "cn");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(canonical_text(spaced.value()), canonical_text(data.value()));
}

// The calendar page of the documentation lists every shipped notice and law.
TEST(Calendar, TheDocumentationListsEveryShippedNotice) {
  std::ifstream in(std::string(CADRE_TEST_DATA_DIR) + "/../../docs/calendar.md");
  ASSERT_TRUE(in.good());
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const HolidayNotice &n : cal().notices()) {
    EXPECT_NE(page.find(n.citation.document_number), std::string::npos)
        << n.citation.document_number;
  }
  for (const HolidayLaw &l : cal().laws()) {
    EXPECT_NE(page.find(l.citation.document_number), std::string::npos)
        << l.citation.document_number;
  }
}

}  // namespace
}  // namespace cadre
