/**
 * @file cadre/calendar.hpp
 * @brief China's official working-day calendar: is a day a working day, N working days
 *        after an event, the working days between two dates, and the end of a period.
 *
 * The calendar is data with citations (data/calendar/cn.textproto, format in
 * docs/calendar.md): the versions of 《全国年节及纪念日放假办法》 with the day each
 * came into force, and every year's notice of the State Council's General Office
 * (关于XXXX年部分节假日安排的通知) with its days off and its make-up working days (调休上班),
 * plus the notices that changed a year afterwards (2015, 2019, 2020). A host adds a year's
 * notice at run time with WorkCalendar::add_text(), in the same text format.
 *
 * A day is a working day when it is a Monday to Friday that no notice gives off, or a
 * Saturday or Sunday that a notice makes a working day. The engine never guesses a year: a
 * day of a year without a notice is an error (StatusCode::kOutOfRange), or, when the caller
 * asks for CalendarFallback::kWeekendsOnly, is answered from the weekly rest days alone and
 * the answer names the years so assumed.
 *
 * Conventions, one per operation (each answer lists the rules it applied, with citations):
 * - add_working_days(event, n): the n-th working day after @p event; the event's own day is
 *   not counted (收到…之日起N个工作日内: the day of receipt is not counted), whether or not it
 *   is a working day. n = 0 gives the event's day.
 * - count_working_days(from, to): the working days d with from < d <= to (the first day is
 *   not counted, the last is). So add_working_days(from, count_working_days(from, to)) is
 *   @p to whenever @p to is a working day.
 * - roll_forward(day): 民法典 第二百零三条: a period whose last day is a statutory rest day
 *   (a weekend day or a day off that is not a make-up working day) ends on the first working
 *   day after it; a working day is its own answer.
 * - period_end(start, amount, unit): 民法典 第二百零一条 (the start day is not counted),
 *   第二百零二条 (months and years end on the corresponding day, or the month's last day) and
 *   第二百零三条 (a last day that is a rest day rolls forward). In working days it is
 *   add_working_days().
 *
 * A notice can reach into the last days of the year before (2019's made 2018-12-29 a working
 * Saturday). A day from 25 December of the last year the calendar knows is therefore marked
 * provisional until the next year's notice is added.
 *
 * WorkCalendar is a value: copies are independent; const member functions are safe to call
 * from several threads at once.
 */
#ifndef CADRE_CALENDAR_HPP
#define CADRE_CALENDAR_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "cadre/finding.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** A festival for all citizens in one version of 《全国年节及纪念日放假办法》. */
struct Festival {
  std::string key;     ///< stable key, e.g. "spring-festival"
  LocalizedText name;  ///< e.g. 春节 / Spring Festival
  int days = 0;        ///< days off the law gives
  std::string text;    ///< the item as the law writes it
};

/** One version of 《全国年节及纪念日放假办法》. */
struct HolidayLaw {
  std::string id;                      ///< e.g. "holidays-2013"
  Citation citation;                   ///< title, 文号, year, verification
  std::string url;                     ///< where the text was read
  std::optional<Date> effective_from;  ///< first day in force
  std::optional<Date> effective_to;    ///< last day in force; empty while in force
  std::vector<Festival> festivals;     ///< the festivals for all citizens

  /**
   * Whether the version is in force on a day.
   * @param day the day
   * @return true when @p day is within effective_from and effective_to
   */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!effective_from || *effective_from <= day) && (!effective_to || day <= *effective_to);
  }
  /**
   * The days off the version gives in a year.
   * @return the sum of the festivals' days
   */
  [[nodiscard]] int total_days() const noexcept;
};

/** One item of a notice: days off from #first to #last, and the make-up working days. */
struct HolidayPeriod {
  std::vector<std::string> festivals;  ///< festival keys, e.g. {"mid-autumn", "national-day"}
  LocalizedText name;                  ///< e.g. 中秋节、国庆节
  Date first;                          ///< first day off
  Date last;                           ///< last day off
  std::vector<Date> make_up_days;      ///< weekend days that are working days
  bool replaces = false;  ///< in an amending notice: drops the amended items of the same festivals
  std::string text;       ///< the notice's own words

  /**
   * Whether a day is one of the period's days off.
   * @param day the day
   * @return true when first <= day <= last
   */
  [[nodiscard]] bool contains(Date day) const noexcept { return first <= day && day <= last; }
};

/** A notice that fixes a year's holidays, or (with #amends) changes them afterwards. */
struct HolidayNotice {
  int year = 0;                ///< the year arranged
  Citation citation;           ///< title, 文号, year of issue, verification of the dates
  std::optional<Date> issued;  ///< day of issue
  std::string url;             ///< where the text was read
  Verification number_verification = Verification::kUnspecified;  ///< how far the 文号 was seen
  std::string amends;                   ///< 文号 of the notice changed; empty for a year's own
  std::vector<HolidayPeriod> holidays;  ///< the items
  LocalizedText note;                   ///< remarks on the notice or its verification
};

/** A rule of counting with its basis (weekly rest days, the civil code's period rules). */
struct CalendarRule {
  std::string key;     ///< "weekly-rest", "period-start", "period-end-month", "period-end-holiday"
  Citation citation;   ///< the basis
  std::string url;     ///< where the text was read
  LocalizedText text;  ///< the rule in both languages
};

/** The content of one calendar text (schema cadre.v1.WorkCalendar). */
struct CalendarData {
  std::string id;                      ///< e.g. "cn"; may be empty in a host's text
  std::string version;                 ///< version of the data
  LocalizedText title;                 ///< title
  LocalizedText completeness;          ///< what is known to be missing or unverified
  std::vector<CalendarRule> rules;     ///< rules of counting
  std::vector<HolidayLaw> laws;        ///< versions of the holiday law
  std::vector<HolidayNotice> notices;  ///< yearly notices and their amendments
};

/**
 * Parses a calendar text (protobuf text format of cadre.v1.WorkCalendar, a subset: comments,
 * quoted strings with the usual escapes, decimal integers, enum names, true/false, nested
 * messages) and checks its content: every date real, every period in order, every make-up day
 * a Saturday or Sunday outside the notice's days off, every required field present.
 * @param text the text; bytes that are not valid UTF-8 inside a string are an error
 * @param source name of the text in error messages (e.g. a file name or a field path)
 * @return the content; INVALID_ARGUMENT naming @p source with line and column for a syntax
 *         error, or the field path (e.g. "notices[3].holidays[1].first") for a content error;
 *         RESOURCE_EXHAUSTED for a text over 16 MiB
 */
StatusOr<CalendarData> parse_calendar_text(std::string_view text, std::string_view source);

/**
 * The canonical text of calendar data: every field in a fixed order with fixed escaping,
 * independent of the file's layout. Its SHA-256 is part of WorkCalendar::content_hash().
 * @param data the data
 * @return "key=value" lines
 */
std::string canonical_text(const CalendarData &data);

/**
 * The calendar text shipped with the library (data/calendar/cn.textproto), embedded at build
 * time.
 * @return the text, static
 */
std::string_view builtin_calendar_text() noexcept;

/** Why a day is what it is, with the basis: a holiday item, a make-up day or the weekly rest. */
struct CalendarReason {
  DayKind kind = DayKind::kUnspecified;  ///< kHoliday, kMakeUpWorkday, kWeekend or kWorkday
  Date first;                            ///< first day (a holiday item's first day off)
  Date last;                             ///< last day (a holiday item's last day off)
  LocalizedText name;  ///< e.g. 春节 / Spring Festival; 周休息日 for a weekend
  std::vector<std::string> festivals;  ///< festival keys of a holiday item
  Citation citation;            ///< the notice (holiday, make-up day) or the weekly-rest rule
  std::string url;              ///< where the cited text was read
  std::string text;             ///< the notice's own words for the item
  std::optional<Citation> law;  ///< for a holiday: the holiday law in force on the day
};

/** One day on the calendar. */
struct DayInfo {
  Date date;                             ///< the day
  bool working = false;                  ///< whether it is a working day
  DayKind kind = DayKind::kUnspecified;  ///< workday, weekend, holiday or make-up working day
  int weekday = 0;                       ///< ISO weekday: 1 Monday … 7 Sunday
  CalendarReason reason;                 ///< why, with the citation
  bool assumed = false;      ///< the year has no notice: answered from the weekends only
  bool provisional = false;  ///< late December of the last known year: may still change
};

/** The answer of a counting operation, with what it met on the way and the rules applied. */
struct CalendarAnswer {
  Date date;             ///< the resulting day (add, roll forward, period end); @p to for a count
  int working_days = 0;  ///< working days counted (the count; n for an add)
  std::vector<CalendarReason> reasons;  ///< holiday items and make-up days met, in date order
  std::vector<CalendarRule> rules;      ///< the rules of counting applied, with citations
  std::vector<int> assumed_years;       ///< years answered from the weekends only
  bool provisional = false;             ///< a provisional day was used
  LocalizedText explanation;            ///< the answer in a sentence, in both languages
};

/**
 * The working-day calendar: laws, notices and rules, indexed day by day.
 *
 * Years are known one by one: a year is known when the calendar holds its own notice.
 */
class WorkCalendar {
 public:
  /** Largest |n| of add_working_days() and largest amount of period_end(). */
  static constexpr int kMaxCount = 100000;

  /** An empty calendar: it knows no year. */
  WorkCalendar() = default;

  /**
   * The shipped calendar (data/calendar/cn.textproto): the laws of 2007, 2013 and 2024 and the
   * notices of 2014 to 2026.
   * @return a copy of the shipped calendar, parsed once per process
   */
  static WorkCalendar builtin();

  /**
   * Adds calendar data: rules, laws and notices. Nothing is added when anything is wrong.
   * @param data the data
   * @return OK; ALREADY_EXISTS when a rule key, a law id, a year's own notice or a 文号 is
   *         present already; INVALID_ARGUMENT when a law's dates overlap another's, a notice
   *         amends a 文号 the calendar does not hold for its year, or two notices of different
   *         years set the same day; the field names the offending entry (e.g. "notices[0]")
   */
  Status add(CalendarData data);

  /**
   * Parses a calendar text and adds it (parse_calendar_text(), then add()).
   * @param text the text
   * @param source name of the text in error messages
   * @return OK, or the error of parse_calendar_text() or add()
   */
  Status add_text(std::string_view text, std::string_view source);

  /**
   * A day on the calendar.
   * @param day the day
   * @param fallback what to do when the day's year has no notice
   * @return the day and why; OUT_OF_RANGE (field "date") when the year has no notice and
   *         @p fallback is not kWeekendsOnly
   */
  [[nodiscard]] StatusOr<DayInfo> day(Date day,
                                      CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * The n-th working day after an event, the event's day not counted.
   * @param event the day of the event (e.g. the day a letter was received)
   * @param n working days; negative for the n-th working day before
   * @param fallback what to do with days of years without a notice
   * @return the answer (date: the deadline); INVALID_ARGUMENT (field "n") when |n| exceeds
   *         kMaxCount; OUT_OF_RANGE (field "date") when a day needed has no notice and
   *         @p fallback is not kWeekendsOnly, or the count leaves years 1 to 9999
   */
  [[nodiscard]] StatusOr<CalendarAnswer> add_working_days(
      Date event, int n, CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * The working days after @p from up to and including @p to.
   * @param from the first day, not counted
   * @param to the last day, counted
   * @param fallback what to do with days of years without a notice
   * @return the answer (working_days: the count, negative when @p to is before @p from, then
   *         counting the working days after @p to up to and including @p from); OUT_OF_RANGE
   *         (field "date") when a day needed has no notice and @p fallback is not kWeekendsOnly
   */
  [[nodiscard]] StatusOr<CalendarAnswer> count_working_days(
      Date from, Date to, CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * count_working_days() without the reasons and the explanation: the count only, for a caller
   * that counts for many cases (what is overdue over a whole store) and explains none.
   * @param from the first day, not counted
   * @param to the last day, counted
   * @param fallback what to do with days of years without a notice
   * @return the count, as count_working_days() gives it; OUT_OF_RANGE (field "date") as there
   */
  [[nodiscard]] StatusOr<int> working_days_between(
      Date from, Date to, CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * 民法典 第二百零三条: the last day of a period, moved past rest days.
   * @param last_day the last day of a period as counted
   * @param fallback what to do with days of years without a notice
   * @return the answer (date: @p last_day when it is a working day, else the first working day
   *         after it); OUT_OF_RANGE (field "date") as for day()
   */
  [[nodiscard]] StatusOr<CalendarAnswer> roll_forward(
      Date last_day, CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * The last day of a period that starts on an event: in working days, add_working_days();
   * in days, months or years, 民法典 第二百零一至二百零三条.
   * @param start the day of the event, not counted
   * @param amount the length, 0 to kMaxCount
   * @param unit the unit
   * @param fallback what to do with days of years without a notice
   * @return the answer (date: the last day of the period); INVALID_ARGUMENT (field "amount" or
   *         "unit") for a negative or too large amount or an unspecified unit; OUT_OF_RANGE
   *         (field "date") as for day()
   */
  [[nodiscard]] StatusOr<CalendarAnswer> period_end(
      Date start, int amount, PeriodUnit unit,
      CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * period_end() without the reasons and the explanation: the date only, for a caller that
   * computes deadlines for many cases (replaying a whole store) and explains none.
   * @param start the day of the event, not counted
   * @param amount the length, 0 to kMaxCount
   * @param unit working days, days, months or years
   * @param fallback what to do with days of years without a notice
   * @return the date period_end() gives; its errors
   */
  [[nodiscard]] StatusOr<Date> period_end_date(
      Date start, int amount, PeriodUnit unit,
      CalendarFallback fallback = CalendarFallback::kError) const;

  /**
   * Whether the calendar holds a year's own notice.
   * @param year the year
   * @return true when the year is known
   */
  [[nodiscard]] bool knows_year(int year) const noexcept;
  /**
   * The known years.
   * @return the years with their own notice, ascending
   */
  [[nodiscard]] std::vector<int> years() const;
  /**
   * The version of the holiday law in force on a day.
   * @param day the day
   * @return a pointer into laws(), or nullptr when none is
   */
  [[nodiscard]] const HolidayLaw *law_in_force(Date day) const noexcept;
  /**
   * The rule of counting with a key.
   * @param key e.g. "weekly-rest"
   * @return a pointer into rules(), or nullptr
   */
  [[nodiscard]] const CalendarRule *rule(std::string_view key) const noexcept;

  /** The notices, in the order added. @return the notices */
  [[nodiscard]] const std::vector<HolidayNotice> &notices() const noexcept { return notices_; }
  /** The laws, in the order added. @return the laws */
  [[nodiscard]] const std::vector<HolidayLaw> &laws() const noexcept { return laws_; }
  /** The rules of counting. @return the rules */
  [[nodiscard]] const std::vector<CalendarRule> &rules() const noexcept { return rules_; }
  /** Id of the first data added (e.g. "cn"). @return the id */
  [[nodiscard]] const std::string &id() const noexcept { return id_; }
  /**
   * The content hash: SHA-256 over the canonical texts of the data added, in order.
   * @return 64 lowercase hex digits; empty for an empty calendar
   */
  [[nodiscard]] const std::string &content_hash() const noexcept { return hash_; }

 private:
  struct Entry {
    std::int16_t notice = -1;  // index into notices_, -1: no notice sets the day
    std::int16_t period = -1;  // index into the notice's holidays
    DayKind kind = DayKind::kUnspecified;
    bool known = false;        // the day's year has its own notice, or a notice sets the day
    bool provisional = false;  // from 25 December of a known year whose next year is not
  };
  struct Walk;
  Status rebuild(std::size_t offset);
  [[nodiscard]] Entry probe(std::int32_t serial) const noexcept;
  Status visit(std::int32_t serial, CalendarFallback fallback, Walk &walk, bool &working) const;
  // Moves @p serial to the |n|-th working day after (n < 0: before) it.
  Status walk_add(std::int32_t &serial, int n, CalendarFallback fallback, Walk &walk) const;
  // Moves @p serial to the first working day on or after it.
  Status walk_roll(std::int32_t &serial, CalendarFallback fallback, Walk &walk) const;
  void finish(Walk &walk, CalendarAnswer &answer,
              std::initializer_list<std::string_view> rules) const;
  void append_rules(CalendarAnswer &answer, std::initializer_list<std::string_view> keys) const;
  [[nodiscard]] CalendarReason reason_of(const Entry &e, Date day) const;

  std::string id_;
  std::vector<CalendarRule> rules_;
  std::vector<HolidayLaw> laws_;
  std::vector<HolidayNotice> notices_;
  std::string canon_;  // canonical texts of the data added, concatenated
  std::string hash_;
  std::vector<bool> known_;  // indexed by year - first_year_
  int first_year_ = 0;
  std::int32_t base_ = 0;  // serial of days_[0]
  std::vector<Entry> days_;
  // Prefix counts over days_ (size days_.size() + 1): working days and days of no known year in
  // days_[0, k), so that counting over the table is two subtractions.
  std::vector<std::int32_t> working_upto_;
  std::vector<std::int32_t> unknown_upto_;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_CALENDAR_HPP
