// The working-day calendar: the index of days and the counting operations.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "cadre/calendar.hpp"
#include "cadre/catalogue.hpp"
#include "calendar/calendar_internal.hpp"
#include "catalogue/sha256.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

constexpr std::int32_t kFirstSerial = -719162;  // 0001-01-01
constexpr std::int32_t kLastSerial = 2932896;   // 9999-12-31

std::string idx(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

bool shares_festival(const HolidayPeriod &a, const HolidayPeriod &b) {
  return std::ranges::any_of(a.festivals, [&b](const std::string &f) {
    return std::ranges::find(b.festivals, f) != b.festivals.end();
  });
}

// A notice's field path: its index in the data being added, or, for one
// added before, its index in the calendar.
std::string notice_path(std::size_t i, std::size_t offset) {
  return i >= offset ? idx("notices", i - offset) : "calendar." + idx("notices", i);
}

std::string years_text(const std::vector<int> &years) {
  if (years.empty()) return "none";
  std::string s;
  std::size_t i = 0;
  while (i < years.size()) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!s.empty()) s += ", ";
    s += std::to_string(years[i]);
    if (j > i) s += "-" + std::to_string(years[j]);
    i = j + 1;
  }
  return s;
}

std::string out_of_range_message(const std::vector<int> &known) {
  return "the day's year has no holiday notice (known years: " + years_text(known) +
         "); add the year's notice, or ask for the weekends-only fallback";
}

// "国办发明电〔2024〕12号", or the title when the notice has no number.
std::string cite(const Citation &c) {
  return c.document_number.empty() ? c.document : c.document_number;
}

// The holidays and make-up days met, in both languages, at most six of them.
void describe(const std::vector<CalendarReason> &reasons, std::string &zh, std::string &en) {
  constexpr std::size_t kMax = 6;
  std::string z;
  std::string e;
  for (std::size_t i = 0; i < reasons.size() && i < kMax; ++i) {
    const CalendarReason &r = reasons[i];
    if (i > 0) {
      z += "；";
      e += "; ";
    }
    if (r.kind == DayKind::kHoliday) {
      z += r.name.zh_cn + r.first.to_string() + "至" + r.last.to_string() + "放假（" +
           cite(r.citation) + "）";
      e += r.name.en + ", days off " + r.first.to_string() + " to " + r.last.to_string() + " (" +
           cite(r.citation) + ")";
    } else {
      z += r.first.to_string() + "调休上班（" + cite(r.citation) + "）";
      e += r.first.to_string() + " a make-up working day (" + cite(r.citation) + ")";
    }
  }
  if (reasons.size() > kMax) {
    z += "；另有" + std::to_string(reasons.size() - kMax) + "项";
    e += "; and " + std::to_string(reasons.size() - kMax) + " more";
  }
  if (!z.empty()) {
    zh += "其间：" + z + "。";
    en += " On the way: " + e + ".";
  }
}

void flags(const CalendarAnswer &a, std::string &zh, std::string &en) {
  if (!a.assumed_years.empty()) {
    std::string ys;
    for (const int y : a.assumed_years) ys += (ys.empty() ? "" : ", ") + std::to_string(y);
    zh += "注意：" + ys + "年无放假通知，仅按周六、周日休息推定。";
    en += " Note: no holiday notice for " + ys + "; only Saturdays and Sundays were assumed off.";
  }
  if (a.provisional) {
    zh += "注意：所用日期在已知最后一年的12月25日之后，次年放假通知仍可能调整。";
    en +=
        " Note: a day used is after 25 December of the last known year; next year's notice "
        "may still change it.";
  }
}

LocalizedText explain_add(Date event, int n, const CalendarAnswer &a) {
  LocalizedText t;
  const std::string k = std::to_string(n < 0 ? -n : n);
  if (n >= 0) {
    t.zh_cn = "自" + event.to_string() + "起（当日不计入）第" + k + "个工作日为" +
              a.date.to_string() + "。";
    t.en = "Working day " + k + " after " + event.to_string() + " (that day not counted) is " +
           a.date.to_string() + ".";
  } else {
    t.zh_cn =
        event.to_string() + "之前（当日不计入）第" + k + "个工作日为" + a.date.to_string() + "。";
    t.en = "Working day " + k + " before " + event.to_string() + " (that day not counted) is " +
           a.date.to_string() + ".";
  }
  describe(a.reasons, t.zh_cn, t.en);
  flags(a, t.zh_cn, t.en);
  return t;
}

LocalizedText explain_count(Date from, Date to, const CalendarAnswer &a) {
  LocalizedText t;
  const std::string n = std::to_string(a.working_days);
  t.zh_cn =
      "自" + from.to_string() + "（不计入）至" + to.to_string() + "（计入）共" + n + "个工作日。";
  t.en = "From " + from.to_string() + " (not counted) to " + to.to_string() + " (counted): " + n +
         " working days.";
  describe(a.reasons, t.zh_cn, t.en);
  flags(a, t.zh_cn, t.en);
  return t;
}

LocalizedText explain_roll(Date last_day, const CalendarAnswer &a) {
  LocalizedText t;
  if (a.date == last_day) {
    t.zh_cn = last_day.to_string() + "为工作日，期间于当日届满。";
    t.en = last_day.to_string() + " is a working day: the period ends that day.";
  } else {
    t.zh_cn = last_day.to_string() + "为法定休假日，依民法典第二百零三条，期间以休假日结束的次日" +
              a.date.to_string() + "为最后一日。";
    t.en = last_day.to_string() +
           " is a rest day: by article 203 of the Civil Code the period ends on the day after "
           "the rest days, " +
           a.date.to_string() + ".";
  }
  describe(a.reasons, t.zh_cn, t.en);
  flags(a, t.zh_cn, t.en);
  return t;
}

LocalizedText explain_period(Date start, int amount, PeriodUnit unit, Date last,
                             const CalendarAnswer &a) {
  LocalizedText t;
  const std::string n = std::to_string(amount);
  const char *zh_unit = unit == PeriodUnit::kDays     ? "日"
                        : unit == PeriodUnit::kMonths ? "个月"
                                                      : "年";
  const bool one = amount == 1 || amount == -1;
  const char *en_unit = unit == PeriodUnit::kDays     ? (one ? " day" : " days")
                        : unit == PeriodUnit::kMonths ? (one ? " month" : " months")
                                                      : (one ? " year" : " years");
  t.zh_cn = "自" + start.to_string() + "起" + n + zh_unit + "（开始的当日不计入），期间计至" +
            last.to_string();
  t.en = n + en_unit + " from " + start.to_string() + " (that day not counted) " +
         (one ? "runs" : "run") + " to " + last.to_string();
  if (a.date == last) {
    t.zh_cn += "。";
    t.en += ".";
  } else {
    t.zh_cn += "，该日为法定休假日，顺延至" + a.date.to_string() + "（民法典第二百零三条）。";
    t.en += ", a rest day, so the period ends on " + a.date.to_string() +
            " (article 203 of the Civil Code).";
  }
  describe(a.reasons, t.zh_cn, t.en);
  flags(a, t.zh_cn, t.en);
  return t;
}

}  // namespace

int HolidayLaw::total_days() const noexcept {
  int n = 0;
  for (const Festival &f : festivals) n += f.days;
  return n;
}

WorkCalendar WorkCalendar::builtin() {
  static const WorkCalendar kBuiltin = [] {
    WorkCalendar c;
    // The shipped text is checked by the tests; a failure here leaves the
    // calendar empty, and every question gets OUT_OF_RANGE, never a guess.
    (void)c.add_text(builtin_calendar_text(), "data/calendar/cn.textproto");
    return c;
  }();
  return kBuiltin;
}

Status WorkCalendar::add_text(std::string_view text, std::string_view source) {
  auto data = parse_calendar_text(text, source);
  if (!data.ok()) return data.status();
  return add(std::move(data).value());
}

Status WorkCalendar::add(CalendarData data) {
  if (auto st = detail::validate_calendar_data(data); !st.ok()) return st;
  WorkCalendar next = *this;
  for (std::size_t i = 0; i < data.rules.size(); ++i) {
    if (next.rule(data.rules[i].key) != nullptr) {
      return {StatusCode::kAlreadyExists, "a rule with this key is present",
              idx("rules", i) + ".key"};
    }
    next.rules_.push_back(data.rules[i]);
  }
  for (std::size_t i = 0; i < data.laws.size(); ++i) {
    const HolidayLaw &l = data.laws[i];
    for (const HolidayLaw &o : next.laws_) {
      if (o.id == l.id) {
        return {StatusCode::kAlreadyExists, "a law with this id is present",
                idx("laws", i) + ".id"};
      }
      const bool before = o.effective_to && *o.effective_to < *l.effective_from;
      const bool after = l.effective_to && *l.effective_to < *o.effective_from;
      if (!before && !after) {
        return invalid_argument(idx("laws", i) + ".effective_from",
                                "in force at the same time as another version");
      }
    }
    next.laws_.push_back(l);
  }
  for (std::size_t i = 0; i < data.notices.size(); ++i) {
    const HolidayNotice &n = data.notices[i];
    for (const HolidayNotice &o : next.notices_) {
      if (n.amends.empty() && o.amends.empty() && o.year == n.year) {
        return {StatusCode::kAlreadyExists, "the year's own notice is present",
                idx("notices", i) + ".year"};
      }
      if (!n.citation.document_number.empty() &&
          o.citation.document_number == n.citation.document_number) {
        return {StatusCode::kAlreadyExists, "a notice with this document number is present",
                idx("notices", i) + ".citation.document_number"};
      }
    }
    next.notices_.push_back(n);
  }
  if (next.id_.empty()) next.id_ = data.id;
  next.canon_ += canonical_text(data);
  next.hash_ = sha256_hex(next.canon_);
  if (auto st = next.rebuild(notices_.size()); !st.ok()) {
    return st;
  }
  *this = std::move(next);
  return {};
}

Status WorkCalendar::rebuild(std::size_t offset) {
  days_.clear();
  known_.clear();
  working_upto_.clear();
  unknown_upto_.clear();
  if (notices_.empty()) return {};
  if (notices_.size() > 32000) {
    return {StatusCode::kResourceExhausted, "more than 32000 notices", "notices"};
  }
  // The span: every known year in full, and every day a notice names.
  int lo_year = detail::kLastCalendarYear;
  int hi_year = detail::kFirstCalendarYear;
  std::int32_t lo = kLastSerial;
  std::int32_t hi = kFirstSerial;
  for (const HolidayNotice &n : notices_) {
    lo_year = std::min(lo_year, n.year);
    hi_year = std::max(hi_year, n.year);
    for (const HolidayPeriod &h : n.holidays) {
      lo = std::min(lo, h.first.serial());
      for (const Date d : h.make_up_days) lo = std::min(lo, d.serial());
    }
  }
  lo = std::min(lo, Date::from_ymd(lo_year, 1, 1)->serial());
  hi = std::max(hi, Date::from_ymd(hi_year, 12, 31)->serial());
  first_year_ = lo_year;
  known_.assign(static_cast<std::size_t>(static_cast<std::int64_t>(hi_year) - lo_year + 1), false);
  for (const HolidayNotice &n : notices_) {
    if (n.amends.empty()) {
      known_[static_cast<std::size_t>(static_cast<std::int64_t>(n.year) - first_year_)] = true;
    }
  }
  base_ = lo;
  days_.assign(static_cast<std::size_t>(static_cast<std::int64_t>(hi) - lo + 1), Entry{});

  // A year's own notices first (by year), then the amendments by date of issue.
  std::vector<std::size_t> order(notices_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    const HolidayNotice &x = notices_[a];
    const HolidayNotice &y = notices_[b];
    if (x.amends.empty() != y.amends.empty()) return x.amends.empty();
    if (x.amends.empty()) return x.year < y.year;
    return x.issued < y.issued;
  });
  // For each notice, the year's own notice it belongs to.
  std::vector<std::size_t> root(notices_.size());
  for (const std::size_t i : order) {
    const HolidayNotice &n = notices_[i];
    root[i] = i;
    if (n.amends.empty()) continue;
    bool found = false;
    for (std::size_t j = 0; j < notices_.size(); ++j) {
      const HolidayNotice &o = notices_[j];
      if (o.year == n.year && o.amends.empty() && o.citation.document_number == n.amends) {
        if (o.issued && n.issued && *n.issued < *o.issued) {
          return invalid_argument(notice_path(i, offset) + ".issued",
                                  "before the notice it amends was issued");
        }
        root[i] = j;
        found = true;
      }
    }
    if (!found) {
      return invalid_argument(notice_path(i, offset) + ".amends",
                              "no notice of the same year with this document number");
    }
  }
  const auto at = [this](Date d) -> Entry & {
    return days_[static_cast<std::size_t>(d.serial() - base_)];
  };
  for (const std::size_t i : order) {
    const HolidayNotice &n = notices_[i];
    const bool amendment = !n.amends.empty();
    for (std::size_t p = 0; p < n.holidays.size(); ++p) {
      const HolidayPeriod &h = n.holidays[p];
      if (amendment && h.replaces) {
        for (Entry &e : days_) {
          if (e.notice >= 0 && root[static_cast<std::size_t>(e.notice)] == root[i] &&
              shares_festival(notices_[static_cast<std::size_t>(e.notice)]
                                  .holidays[static_cast<std::size_t>(e.period)],
                              h)) {
            e.notice = -1;
            e.period = -1;
            e.kind = DayKind::kUnspecified;
          }
        }
      }
      const auto set = [&](Date d, DayKind kind) -> Status {
        Entry &e = at(d);
        if (!amendment && e.notice >= 0) {
          return invalid_argument(notice_path(i, offset) + "." + idx("holidays", p),
                                  "a day of this item is set by another year's notice");
        }
        e.notice = static_cast<std::int16_t>(i);
        e.period = static_cast<std::int16_t>(p);
        e.kind = kind;
        return {};
      };
      for (std::int32_t s = h.first.serial(); s <= h.last.serial(); ++s) {
        if (auto st = set(Date::from_serial(s), DayKind::kHoliday); !st.ok()) return st;
      }
      for (const Date d : h.make_up_days) {
        if (auto st = set(d, DayKind::kMakeUpWorkday); !st.ok()) return st;
      }
    }
  }
  for (std::size_t k = 0; k < days_.size(); ++k) {
    Entry &e = days_[k];
    const Date d = Date::from_serial(base_ + static_cast<std::int32_t>(k));
    e.known = e.notice >= 0 || knows_year(d.year());
    e.provisional =
        knows_year(d.year()) && !knows_year(d.year() + 1) && d.month() == 12 && d.day() >= 25;
  }
  working_upto_.assign(days_.size() + 1, 0);
  unknown_upto_.assign(days_.size() + 1, 0);
  for (std::size_t k = 0; k < days_.size(); ++k) {
    const Entry e = probe(base_ + static_cast<std::int32_t>(k));
    const bool working = e.kind == DayKind::kWorkday || e.kind == DayKind::kMakeUpWorkday;
    working_upto_[k + 1] = working_upto_[k] + (working ? 1 : 0);
    unknown_upto_[k + 1] = unknown_upto_[k] + (e.known ? 0 : 1);
  }
  return {};
}

bool WorkCalendar::knows_year(int year) const noexcept {
  const int i = year - first_year_;
  return !known_.empty() && i >= 0 && static_cast<std::size_t>(i) < known_.size() &&
         known_[static_cast<std::size_t>(i)];
}

std::vector<int> WorkCalendar::years() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < known_.size(); ++i) {
    if (known_[i]) out.push_back(first_year_ + static_cast<int>(i));
  }
  return out;
}

const HolidayLaw *WorkCalendar::law_in_force(Date day) const noexcept {
  for (const HolidayLaw &l : laws_) {
    if (l.in_force(day)) return &l;
  }
  return nullptr;
}

const CalendarRule *WorkCalendar::rule(std::string_view key) const noexcept {
  for (const CalendarRule &r : rules_) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

WorkCalendar::Entry WorkCalendar::probe(std::int32_t serial) const noexcept {
  const std::int64_t i = static_cast<std::int64_t>(serial) - base_;
  Entry e;
  if (i >= 0 && static_cast<std::size_t>(i) < days_.size()) {
    e = days_[static_cast<std::size_t>(i)];
  }
  if (e.notice < 0) {
    e.kind = detail::iso_weekday(serial) >= 6 ? DayKind::kWeekend : DayKind::kWorkday;
  }
  return e;
}

CalendarReason WorkCalendar::reason_of(const Entry &e, Date day) const {
  CalendarReason r;
  r.kind = e.kind;
  r.first = day;
  r.last = day;
  if (e.notice >= 0) {
    const HolidayNotice &n = notices_[static_cast<std::size_t>(e.notice)];
    const HolidayPeriod &h = n.holidays[static_cast<std::size_t>(e.period)];
    if (e.kind == DayKind::kHoliday) {
      r.first = h.first;
      r.last = h.last;
      if (const HolidayLaw *law = law_in_force(day)) r.law = law->citation;
    }
    r.name = h.name;
    r.festivals = h.festivals;
    r.citation = n.citation;
    r.url = n.url;
    r.text = h.text;
    return r;
  }
  r.name = e.kind == DayKind::kWeekend ? LocalizedText{"周休息日", "weekly rest day"}
                                       : LocalizedText{"工作日", "working day"};
  if (const CalendarRule *w = rule("weekly-rest")) {
    r.citation = w->citation;
    r.url = w->url;
  }
  return r;
}

StatusOr<DayInfo> WorkCalendar::day(Date day, CalendarFallback fallback) const {
  const Entry e = probe(day.serial());
  if (!e.known && fallback != CalendarFallback::kWeekendsOnly) {
    return Status(StatusCode::kOutOfRange, out_of_range_message(years()), "date");
  }
  DayInfo info;
  info.date = day;
  info.weekday = detail::iso_weekday(day.serial());
  info.kind = e.kind;
  info.working = e.kind == DayKind::kWorkday || e.kind == DayKind::kMakeUpWorkday;
  info.reason = reason_of(e, day);
  info.assumed = !e.known;
  info.provisional = e.provisional;
  return info;
}

// What a walk over days met.
struct WorkCalendar::Walk {
  bool explain = true;  // collect the reasons (false: the date or count only)
  std::vector<CalendarReason> reasons;
  std::set<std::tuple<int, int, std::int32_t>> seen;
  std::set<int> assumed_years;
  bool provisional = false;
};

Status WorkCalendar::visit(std::int32_t serial, CalendarFallback fallback, Walk &walk,
                           bool &working) const {
  if (serial < kFirstSerial || serial > kLastSerial) {
    return {StatusCode::kOutOfRange, "the count leaves the years 1 to 9999", "date"};
  }
  const Entry e = probe(serial);
  if (!e.known) {
    if (fallback != CalendarFallback::kWeekendsOnly) {
      return {StatusCode::kOutOfRange, out_of_range_message(years()), "date"};
    }
    if (walk.explain) walk.assumed_years.insert(Date::from_serial(serial).year());
  }
  walk.provisional = walk.provisional || e.provisional;
  if (walk.explain && e.notice >= 0) {
    // One reason per holiday item, one per make-up day.
    const std::int32_t key = e.kind == DayKind::kHoliday ? 0 : serial;
    if (walk.seen.insert({e.notice, e.period, key}).second) {
      walk.reasons.push_back(reason_of(e, Date::from_serial(serial)));
    }
  }
  working = e.kind == DayKind::kWorkday || e.kind == DayKind::kMakeUpWorkday;
  return {};
}

void WorkCalendar::finish(Walk &walk, CalendarAnswer &answer,
                          std::initializer_list<std::string_view> rules) const {
  std::stable_sort(
      walk.reasons.begin(), walk.reasons.end(),
      [](const CalendarReason &a, const CalendarReason &b) { return a.first < b.first; });
  answer.reasons = std::move(walk.reasons);
  answer.assumed_years.assign(walk.assumed_years.begin(), walk.assumed_years.end());
  answer.provisional = walk.provisional;
  append_rules(answer, rules);
}

void WorkCalendar::append_rules(CalendarAnswer &answer,
                                std::initializer_list<std::string_view> keys) const {
  for (const std::string_view key : keys) {
    if (const CalendarRule *r = rule(key)) answer.rules.push_back(*r);
  }
}

namespace {

// The last day of a period of days, months or years as counted (民法典 第二百零一条、第二百零二条),
// before it is moved past rest days.
StatusOr<Date> unrolled_end(Date start, int amount, PeriodUnit unit) {
  switch (unit) {
    case PeriodUnit::kDays:
      if (static_cast<std::int64_t>(start.serial()) + amount > kLastSerial) {
        return Status(StatusCode::kOutOfRange, "the period ends after the year 9999", "date");
      }
      return start.add_days(amount);
    case PeriodUnit::kMonths:
    case PeriodUnit::kYears: {
      const std::int64_t months = unit == PeriodUnit::kMonths ? amount : 12LL * amount;
      if (start.year() * 12LL + start.month() - 1 + months > 9999LL * 12 + 11) {
        return Status(StatusCode::kOutOfRange, "the period ends after the year 9999", "date");
      }
      return start.add_months(static_cast<int>(months));
    }
    default:
      return invalid_argument("unit", "must be working days, days, months or years");
  }
}

}  // namespace

StatusOr<Date> WorkCalendar::period_end_date(Date start, int amount, PeriodUnit unit,
                                             CalendarFallback fallback) const {
  if (amount < 0 || amount > kMaxCount) {
    return invalid_argument("amount", "must be 0 to 100000");
  }
  Walk walk;
  walk.explain = false;
  std::int32_t s = start.serial();
  if (unit == PeriodUnit::kWorkingDays) {
    if (auto st = walk_add(s, amount, fallback, walk); !st.ok()) return st;
    return Date::from_serial(s);
  }
  auto last = unrolled_end(start, amount, unit);
  if (!last.ok()) return last.status();
  s = last->serial();
  if (auto st = walk_roll(s, fallback, walk); !st.ok()) return st;
  return Date::from_serial(s);
}

StatusOr<CalendarAnswer> WorkCalendar::add_working_days(Date event, int n,
                                                        CalendarFallback fallback) const {
  if (n < -kMaxCount || n > kMaxCount) {
    return invalid_argument("n", "must be -100000 to 100000");
  }
  Walk walk;
  std::int32_t s = event.serial();
  if (auto st = walk_add(s, n, fallback, walk); !st.ok()) return st;
  CalendarAnswer a;
  a.date = Date::from_serial(s);
  a.working_days = n;
  finish(walk, a, {"period-start", "weekly-rest"});
  a.explanation = explain_add(event, n, a);
  return a;
}

StatusOr<CalendarAnswer> WorkCalendar::count_working_days(Date from, Date to,
                                                          CalendarFallback fallback) const {
  const bool backwards = to < from;
  const std::int32_t lo = backwards ? to.serial() : from.serial();
  const std::int32_t hi = backwards ? from.serial() : to.serial();
  Walk walk;
  int count = 0;
  for (std::int32_t s = lo + 1; s <= hi; ++s) {
    bool working = false;
    if (auto st = visit(s, fallback, walk, working); !st.ok()) return st;
    if (working) ++count;
  }
  CalendarAnswer a;
  a.date = to;
  a.working_days = backwards ? -count : count;
  finish(walk, a, {"period-start", "weekly-rest"});
  a.explanation = explain_count(from, to, a);
  return a;
}

StatusOr<int> WorkCalendar::working_days_between(Date from, Date to,
                                                 CalendarFallback fallback) const {
  const bool backwards = to < from;
  const std::int32_t lo = backwards ? to.serial() : from.serial();
  const std::int32_t hi = backwards ? from.serial() : to.serial();
  // Inside the table: the prefix counts (the days (lo, hi] are days_[lo + 1 - base_, hi - base_]).
  if (lo + 1 <= hi && lo + 1 >= base_ &&
      static_cast<std::int64_t>(hi) - base_ < static_cast<std::int64_t>(days_.size())) {
    const auto a = static_cast<std::size_t>(static_cast<std::int64_t>(lo) + 1 - base_);
    const auto b = static_cast<std::size_t>(static_cast<std::int64_t>(hi) - base_ + 1);
    if (fallback != CalendarFallback::kWeekendsOnly && unknown_upto_[b] != unknown_upto_[a]) {
      return Status(StatusCode::kOutOfRange, out_of_range_message(years()), "date");
    }
    const int count = working_upto_[b] - working_upto_[a];
    return backwards ? -count : count;
  }
  Walk walk;
  walk.explain = false;
  int count = 0;
  for (std::int32_t s = lo + 1; s <= hi; ++s) {
    bool working = false;
    if (auto st = visit(s, fallback, walk, working); !st.ok()) return st;
    if (working) ++count;
  }
  return backwards ? -count : count;
}

Status WorkCalendar::walk_add(std::int32_t &serial, int n, CalendarFallback fallback,
                              Walk &walk) const {
  const std::int32_t step = n < 0 ? -1 : 1;
  for (int remaining = n < 0 ? -n : n; remaining > 0;) {
    serial += step;
    bool working = false;
    if (auto st = visit(serial, fallback, walk, working); !st.ok()) return st;
    if (working) --remaining;
  }
  return {};
}

Status WorkCalendar::walk_roll(std::int32_t &serial, CalendarFallback fallback, Walk &walk) const {
  for (;; ++serial) {
    bool working = false;
    if (auto st = visit(serial, fallback, walk, working); !st.ok()) return st;
    if (working) return {};
  }
}

StatusOr<CalendarAnswer> WorkCalendar::roll_forward(Date last_day,
                                                    CalendarFallback fallback) const {
  Walk walk;
  std::int32_t s = last_day.serial();
  if (auto st = walk_roll(s, fallback, walk); !st.ok()) return st;
  CalendarAnswer a;
  a.date = Date::from_serial(s);
  finish(walk, a, {"period-end-holiday", "weekly-rest"});
  a.explanation = explain_roll(last_day, a);
  return a;
}

StatusOr<CalendarAnswer> WorkCalendar::period_end(Date start, int amount, PeriodUnit unit,
                                                  CalendarFallback fallback) const {
  if (amount < 0 || amount > kMaxCount) {
    return invalid_argument("amount", "must be 0 to 100000");
  }
  if (unit == PeriodUnit::kWorkingDays) {
    return add_working_days(start, amount, fallback);
  }
  auto counted = unrolled_end(start, amount, unit);
  if (!counted.ok()) return counted.status();
  const Date last = *counted;
  auto rolled = roll_forward(last, fallback);
  if (!rolled.ok()) return rolled.status();
  CalendarAnswer a = std::move(rolled).value();
  a.rules.clear();
  if (unit == PeriodUnit::kDays) {
    append_rules(a, {"period-start", "period-end-holiday", "weekly-rest"});
  } else {
    append_rules(a, {"period-start", "period-end-month", "period-end-holiday", "weekly-rest"});
  }
  a.explanation = explain_period(start, amount, unit, last, a);
  return a;
}

}  // namespace api_v1
}  // namespace cadre
