// The calendar text: cadre.v1.WorkCalendar in protobuf text format, read
// without protobuf (calendar/text_format.hpp), checked, and written out as
// canonical text for the content hash.
#include <algorithm>
#include <set>
#include <string>

#include "calendar/calendar_internal.hpp"
#include "calendar/text_mapper.hpp"
#include "canon.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::kIdent;
using detail::kInt;
using detail::kMsg;
using detail::kStr;
using detail::MessageReader;
using detail::TextField;

// Maps the fields of a parsed text onto CalendarData; keeps the first error.
class Mapper : public detail::TextMapper {
 public:
  void calendar(const std::vector<TextField> &fields, CalendarData &out) {
    MessageReader r(fields, "",
                    {{"id", kStr, false},
                     {"version", kStr, false},
                     {"title", kMsg, false},
                     {"completeness", kMsg, false},
                     {"rules", kMsg, true},
                     {"laws", kMsg, true},
                     {"notices", kMsg, true}});
    if (!check(r)) return;
    out.id = str(r, "id");
    out.version = str(r, "version");
    text(r, "title", out.title);
    text(r, "completeness", out.completeness);
    const auto rules = r.all("rules");
    for (std::size_t i = 0; i < rules.size() && status_.ok(); ++i) {
      rule(rules[i]->fields, detail::indexed("rules", i) + ".", out.rules.emplace_back());
    }
    const auto laws = r.all("laws");
    for (std::size_t i = 0; i < laws.size() && status_.ok(); ++i) {
      law(laws[i]->fields, detail::indexed("laws", i) + ".", out.laws.emplace_back());
    }
    const auto notices = r.all("notices");
    for (std::size_t i = 0; i < notices.size() && status_.ok(); ++i) {
      notice(notices[i]->fields, detail::indexed("notices", i) + ".", out.notices.emplace_back());
    }
  }

 private:
  void citation(const MessageReader &r, std::string_view name, Citation &out) {
    const TextField *f = r.one(name);
    if (f == nullptr) return;
    MessageReader c(f->fields, r.path(name) + ".",
                    {{"document", kStr, false},
                     {"document_number", kStr, false},
                     {"year", kInt, false},
                     {"article", kStr, false},
                     {"item", kStr, false},
                     {"verification", kIdent, false},
                     {"supports", kStr, false}});
    if (!check(c)) return;
    out.document = str(c, "document");
    out.document_number = str(c, "document_number");
    int32(c, "year", out.year);
    out.article = str(c, "article");
    out.item = str(c, "item");
    enum_one(c, "verification", "cadre.v1.Verification", out.verification);
    out.supports = str(c, "supports");
  }

  void rule(const std::vector<TextField> &fields, std::string prefix, CalendarRule &out) {
    MessageReader r(fields, std::move(prefix),
                    {{"key", kStr, false},
                     {"citation", kMsg, false},
                     {"url", kStr, false},
                     {"text", kMsg, false}});
    if (!check(r)) return;
    out.key = str(r, "key");
    citation(r, "citation", out.citation);
    out.url = str(r, "url");
    text(r, "text", out.text);
  }

  void law(const std::vector<TextField> &fields, const std::string &prefix, HolidayLaw &out) {
    MessageReader r(fields, prefix,
                    {{"id", kStr, false},
                     {"citation", kMsg, false},
                     {"url", kStr, false},
                     {"effective_from", kStr, false},
                     {"effective_to", kStr, false},
                     {"festivals", kMsg, true}});
    if (!check(r)) return;
    out.id = str(r, "id");
    citation(r, "citation", out.citation);
    out.url = str(r, "url");
    date(r, "effective_from", out.effective_from);
    date(r, "effective_to", out.effective_to);
    const auto festivals = r.all("festivals");
    for (std::size_t i = 0; i < festivals.size() && status_.ok(); ++i) {
      MessageReader f(festivals[i]->fields, prefix + detail::indexed("festivals", i) + ".",
                      {{"key", kStr, false},
                       {"name", kMsg, false},
                       {"days", kInt, false},
                       {"text", kStr, false}});
      if (!check(f)) return;
      Festival &fe = out.festivals.emplace_back();
      fe.key = str(f, "key");
      text(f, "name", fe.name);
      int32(f, "days", fe.days);
      fe.text = str(f, "text");
    }
  }

  void notice(const std::vector<TextField> &fields, const std::string &prefix, HolidayNotice &out) {
    MessageReader r(fields, prefix,
                    {{"year", kInt, false},
                     {"citation", kMsg, false},
                     {"issued", kStr, false},
                     {"url", kStr, false},
                     {"number_verification", kIdent, false},
                     {"amends", kStr, false},
                     {"holidays", kMsg, true},
                     {"note", kMsg, false}});
    if (!check(r)) return;
    int32(r, "year", out.year);
    citation(r, "citation", out.citation);
    date(r, "issued", out.issued);
    out.url = str(r, "url");
    enum_one(r, "number_verification", "cadre.v1.Verification", out.number_verification);
    out.amends = str(r, "amends");
    text(r, "note", out.note);
    const auto holidays = r.all("holidays");
    for (std::size_t i = 0; i < holidays.size() && status_.ok(); ++i) {
      period(holidays[i]->fields, prefix + detail::indexed("holidays", i) + ".",
             out.holidays.emplace_back());
    }
  }

  void period(const std::vector<TextField> &fields, const std::string &prefix, HolidayPeriod &out) {
    MessageReader r(fields, prefix,
                    {{"festivals", kStr, true},
                     {"name", kMsg, false},
                     {"first", kStr, false},
                     {"last", kStr, false},
                     {"make_up_days", kStr, true},
                     {"replaces", kIdent, false},
                     {"text", kStr, false}});
    if (!check(r)) return;
    for (const TextField *f : r.all("festivals")) out.festivals.push_back(f->value);
    text(r, "name", out.name);
    std::optional<Date> first;
    std::optional<Date> last;
    date(r, "first", first);
    date(r, "last", last);
    if (status_.ok() && !first) fail(r.path("first"), "required");
    if (status_.ok() && !last) fail(r.path("last"), "required");
    if (first) out.first = *first;
    if (last) out.last = *last;
    const auto days = r.all("make_up_days");
    for (std::size_t i = 0; i < days.size() && status_.ok(); ++i) {
      const auto d = Date::parse(days[i]->value);
      if (!d) {
        fail(prefix + detail::indexed("make_up_days", i), "not a date \"YYYY-MM-DD\"");
        return;
      }
      out.make_up_days.push_back(*d);
    }
    boolean(r, "replaces", out.replaces);
    out.text = str(r, "text");
  }
};

bool is_key(std::string_view s) noexcept {
  return !s.empty() && std::ranges::all_of(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Status check_citation(const Citation &c, const std::string &path) {
  if (c.document.empty()) return invalid_argument(path + ".document", "required");
  if (c.verification == Verification::kUnspecified ||
      static_cast<int>(c.verification) > static_cast<int>(Verification::kRecalled)) {
    return invalid_argument(path + ".verification", "required: a verification tag");
  }
  return {};
}

Status check_text(const LocalizedText &t, const std::string &path) {
  if (t.zh_cn.empty()) return invalid_argument(path + ".zh_cn", "required");
  if (t.en.empty()) return invalid_argument(path + ".en", "required");
  return {};
}

Status check_notice(const HolidayNotice &n, const std::string &p) {
  if (n.year < detail::kFirstCalendarYear || n.year > detail::kLastCalendarYear) {
    return invalid_argument(p + "year", "must be 1949 to 2199");
  }
  if (auto st = check_citation(n.citation, p + "citation"); !st.ok()) return st;
  if (static_cast<int>(n.number_verification) < 0 ||
      static_cast<int>(n.number_verification) > static_cast<int>(Verification::kRecalled)) {
    return invalid_argument(p + "number_verification", "not a verification tag");
  }
  if (!n.amends.empty() && !n.issued) {
    return invalid_argument(p + "issued", "required for a notice that amends another");
  }
  if (n.holidays.empty()) return invalid_argument(p + "holidays", "at least one item");
  // Every date of a notice lies between 1 December of the year before and the
  // end of its year (a notice can reach back into the last days of December).
  const Date lo = *Date::from_ymd(n.year - 1, 12, 1);
  const Date hi = *Date::from_ymd(n.year, 12, 31);
  std::set<std::int32_t> days_off;
  std::set<std::int32_t> make_up;
  for (std::size_t i = 0; i < n.holidays.size(); ++i) {
    const HolidayPeriod &h = n.holidays[i];
    const std::string q = p + detail::indexed("holidays", i) + ".";
    if (h.festivals.empty()) return invalid_argument(q + "festivals", "at least one festival key");
    for (std::size_t j = 0; j < h.festivals.size(); ++j) {
      if (!is_key(h.festivals[j])) {
        return invalid_argument(q + detail::indexed("festivals", j), "a key of [a-z0-9-]");
      }
    }
    if (auto st = check_text(h.name, q + "name"); !st.ok()) return st;
    if (h.last < h.first) return invalid_argument(q + "last", "before first");
    if (h.first < lo || h.first > hi) {
      return invalid_argument(q + "first", "outside the notice's year (or the December before)");
    }
    if (h.last > hi) return invalid_argument(q + "last", "outside the notice's year");
    if (h.last.serial() - h.first.serial() > 60) {
      return invalid_argument(q + "last", "more than 61 days off in one item");
    }
    for (std::int32_t s = h.first.serial(); s <= h.last.serial(); ++s) {
      if (!days_off.insert(s).second) {
        return invalid_argument(q + "first", "overlaps another item of the notice");
      }
    }
    for (std::size_t j = 0; j < h.make_up_days.size(); ++j) {
      const Date d = h.make_up_days[j];
      const std::string path = q + detail::indexed("make_up_days", j);
      if (d < lo || d > hi) return invalid_argument(path, "outside the notice's year");
      if (detail::iso_weekday(d.serial()) < 6) {
        return invalid_argument(path, "not a Saturday or Sunday");
      }
      if (!make_up.insert(d.serial()).second) {
        return invalid_argument(path, "given twice in the notice");
      }
    }
  }
  for (std::size_t i = 0; i < n.holidays.size(); ++i) {
    for (std::size_t j = 0; j < n.holidays[i].make_up_days.size(); ++j) {
      if (days_off.contains(n.holidays[i].make_up_days[j].serial())) {
        return invalid_argument(
            p + detail::indexed("holidays", i) + "." + detail::indexed("make_up_days", j),
            "a day off of the same notice");
      }
    }
  }
  return {};
}

Status check_law(const HolidayLaw &l, const std::string &p) {
  if (!is_key(l.id)) return invalid_argument(p + "id", "required: a key of [a-z0-9-]");
  if (auto st = check_citation(l.citation, p + "citation"); !st.ok()) return st;
  if (!l.effective_from) return invalid_argument(p + "effective_from", "required");
  if (l.effective_to && *l.effective_to < *l.effective_from) {
    return invalid_argument(p + "effective_to", "before effective_from");
  }
  if (l.festivals.empty()) return invalid_argument(p + "festivals", "at least one festival");
  std::set<std::string> keys;
  for (std::size_t i = 0; i < l.festivals.size(); ++i) {
    const Festival &f = l.festivals[i];
    const std::string q = p + detail::indexed("festivals", i) + ".";
    if (!is_key(f.key)) return invalid_argument(q + "key", "required: a key of [a-z0-9-]");
    if (!keys.insert(f.key).second) return invalid_argument(q + "key", "given twice in the law");
    if (auto st = check_text(f.name, q + "name"); !st.ok()) return st;
    if (f.days < 1 || f.days > 31) return invalid_argument(q + "days", "must be 1 to 31");
  }
  return {};
}

Status validate_impl(const CalendarData &data) {
  for (std::size_t i = 0; i < data.rules.size(); ++i) {
    const CalendarRule &r = data.rules[i];
    const std::string p = detail::indexed("rules", i) + ".";
    if (!is_key(r.key)) return invalid_argument(p + "key", "required: a key of [a-z0-9-]");
    if (auto st = check_citation(r.citation, p + "citation"); !st.ok()) return st;
    if (auto st = check_text(r.text, p + "text"); !st.ok()) return st;
  }
  for (std::size_t i = 0; i < data.laws.size(); ++i) {
    if (auto st = check_law(data.laws[i], detail::indexed("laws", i) + "."); !st.ok()) return st;
  }
  for (std::size_t i = 0; i < data.notices.size(); ++i) {
    if (auto st = check_notice(data.notices[i], detail::indexed("notices", i) + "."); !st.ok())
      return st;
  }
  return {};
}

}  // namespace

StatusOr<CalendarData> parse_calendar_text(std::string_view text, std::string_view source) {
  std::vector<TextField> fields;
  if (auto st = detail::parse_text_format(text, source, fields); !st.ok()) {
    return st;
  }
  CalendarData data;
  Mapper m;
  m.calendar(fields, data);
  if (!m.status().ok()) {
    return m.status();
  }
  if (auto st = detail::validate_calendar_data(data); !st.ok()) {
    return st;
  }
  return data;
}

std::string canonical_text(const CalendarData &d) {
  detail::Canon w;
  w.field("cadre.calendar", "1");
  w.field("id", d.id);
  w.field("version", d.version);
  w.text("title", d.title);
  w.text("completeness", d.completeness);
  w.field("rules", static_cast<long long>(d.rules.size()));
  for (std::size_t i = 0; i < d.rules.size(); ++i) {
    const CalendarRule &r = d.rules[i];
    w.set_prefix(detail::indexed("rules", i) + ".");
    w.field("key", r.key);
    w.citation("citation", r.citation);
    w.field("url", r.url);
    w.text("text", r.text);
  }
  w.set_prefix("");
  w.field("laws", static_cast<long long>(d.laws.size()));
  for (std::size_t i = 0; i < d.laws.size(); ++i) {
    const HolidayLaw &l = d.laws[i];
    w.set_prefix(detail::indexed("laws", i) + ".");
    w.field("id", l.id);
    w.citation("citation", l.citation);
    w.field("url", l.url);
    w.date("effective_from", l.effective_from);
    w.date("effective_to", l.effective_to);
    w.field("festivals", static_cast<long long>(l.festivals.size()));
    for (std::size_t j = 0; j < l.festivals.size(); ++j) {
      const Festival &f = l.festivals[j];
      const std::string k = detail::indexed("festivals", j);
      w.field(k + ".key", f.key);
      w.text(k + ".name", f.name);
      w.field(k + ".days", f.days);
      w.field(k + ".text", f.text);
    }
  }
  w.set_prefix("");
  w.field("notices", static_cast<long long>(d.notices.size()));
  for (std::size_t i = 0; i < d.notices.size(); ++i) {
    const HolidayNotice &n = d.notices[i];
    w.set_prefix(detail::indexed("notices", i) + ".");
    w.field("year", n.year);
    w.citation("citation", n.citation);
    w.date("issued", n.issued);
    w.field("url", n.url);
    w.field("number_verification", static_cast<int>(n.number_verification));
    w.field("amends", n.amends);
    w.text("note", n.note);
    w.field("holidays", static_cast<long long>(n.holidays.size()));
    for (std::size_t j = 0; j < n.holidays.size(); ++j) {
      const HolidayPeriod &h = n.holidays[j];
      const std::string k = detail::indexed("holidays", j);
      w.field(k + ".festivals", static_cast<long long>(h.festivals.size()));
      for (std::size_t m = 0; m < h.festivals.size(); ++m) {
        w.field(k + "." + detail::indexed("festivals", m), h.festivals[m]);
      }
      w.text(k + ".name", h.name);
      w.field(k + ".first", h.first.to_string());
      w.field(k + ".last", h.last.to_string());
      w.field(k + ".make_up_days", static_cast<long long>(h.make_up_days.size()));
      for (std::size_t m = 0; m < h.make_up_days.size(); ++m) {
        w.field(k + "." + detail::indexed("make_up_days", m), h.make_up_days[m].to_string());
      }
      w.field(k + ".replaces", h.replaces ? 1 : 0);
      w.field(k + ".text", h.text);
    }
  }
  return w.take();
}

}  // namespace api_v1
}  // namespace cadre

namespace cadre::detail {

Status validate_calendar_data(const CalendarData &data) { return validate_impl(data); }

}  // namespace cadre::detail
