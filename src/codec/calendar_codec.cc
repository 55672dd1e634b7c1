#include "codec/calendar_codec.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include "cadre/v1/calendar.pb.h"
#include "codec/codec.hpp"

namespace cadre::codec {
namespace {

namespace gp = ::google::protobuf;

// Keeps the first error protobuf reports, with its line and column.
class FirstError final : public gp::io::ErrorCollector {
 public:
  void AddError(int line, gp::io::ColumnNumber column, const std::string &message) override {
    if (message_.empty()) {
      message_ = "line " + std::to_string(line + 1) + " column " + std::to_string(column + 1) +
                 ": " + message;
    }
  }
  [[nodiscard]] const std::string &message() const noexcept { return message_; }

 private:
  std::string message_;
};

}  // namespace

StatusOr<std::string> calendar_text_via_protobuf(std::string_view text, std::string_view source) {
  ::cadre::v1::WorkCalendar msg;
  FirstError errors;
  gp::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.AllowUnknownField(false);
  if (!parser.ParseFromString(std::string(text), &msg)) {
    return invalid_argument(std::string(source), errors.message().empty()
                                                     ? "not a cadre.v1.WorkCalendar in text format"
                                                     : errors.message());
  }
  std::string out;
  if (!gp::TextFormat::PrintToString(msg, &out)) {
    return Status(StatusCode::kInternal, "protobuf could not print the calendar",
                  std::string(source));
  }
  return out;
}

}  // namespace cadre::codec

namespace cadre::codec {
namespace {

namespace pb = ::cadre::v1;

void encode_reason(const CalendarReason &in, pb::CalendarReason &out) {
  out.set_kind(static_cast<pb::DayKind>(in.kind));
  out.set_first(in.first.to_string());
  out.set_last(in.last.to_string());
  encode(in.name, *out.mutable_name());
  for (const std::string &f : in.festivals) out.add_festivals(f);
  encode(in.citation, *out.mutable_citation());
  out.set_url(in.url);
  out.set_text(in.text);
  if (in.law) encode(*in.law, *out.mutable_law());
}

// The request's fallback; an unknown number is refused.
StatusOr<CalendarFallback> fallback_of(pb::CalendarFallback f) {
  switch (f) {
    case pb::CALENDAR_FALLBACK_UNSPECIFIED:
    case pb::CALENDAR_FALLBACK_ERROR:
      return CalendarFallback::kError;
    case pb::CALENDAR_FALLBACK_WEEKENDS_ONLY:
      return CalendarFallback::kWeekendsOnly;
    default:
      return invalid_argument("fallback", "not a value of cadre.v1.CalendarFallback");
  }
}

StatusOr<Date> required_date(const std::string &text, const std::string &path) {
  if (text.empty()) return invalid_argument(path, "required");
  return parse_date(text, path);
}

// Writes an answer and the calendar it came from; passes a failure on.
Status answer(const WorkCalendar &calendar, const StatusOr<CalendarAnswer> &a,
              pb::CalendarAnswer &out) {
  if (!a.ok()) return a.status();
  encode(a.value(), out);
  encode(calendar, *out.mutable_calendar());
  return {};
}

}  // namespace

void encode(const DayInfo &in, pb::CalendarDay &out) {
  out.set_date(in.date.to_string());
  out.set_working(in.working);
  out.set_kind(static_cast<pb::DayKind>(in.kind));
  out.set_weekday(in.weekday);
  encode_reason(in.reason, *out.mutable_reason());
  out.set_assumed(in.assumed);
  out.set_provisional(in.provisional);
}

void encode(const CalendarAnswer &in, pb::CalendarAnswer &out) {
  out.set_date(in.date.to_string());
  out.set_working_days(in.working_days);
  for (const CalendarReason &r : in.reasons) encode_reason(r, *out.add_reasons());
  for (const CalendarRule &r : in.rules) {
    pb::CalendarRule *o = out.add_rules();
    o->set_key(r.key);
    encode(r.citation, *o->mutable_citation());
    o->set_url(r.url);
    encode(r.text, *o->mutable_text());
  }
  for (const int y : in.assumed_years) out.add_assumed_years(y);
  out.set_provisional(in.provisional);
  encode(in.explanation, *out.mutable_explanation());
}

void encode(const WorkCalendar &in, pb::CalendarRef &out) {
  out.set_id(in.id());
  out.set_content_hash(in.content_hash());
  for (const int y : in.years()) out.add_years(y);
}

Status calendar_day(const WorkCalendar &calendar, const pb::CalendarDayRequest &request,
                    pb::CalendarDayResponse &response) {
  auto day = required_date(request.date(), "date");
  if (!day.ok()) return day.status();
  auto fallback = fallback_of(request.fallback());
  if (!fallback.ok()) return fallback.status();
  auto info = calendar.day(day.value(), fallback.value());
  if (!info.ok()) return info.status();
  encode(info.value(), *response.mutable_day());
  encode(calendar, *response.mutable_calendar());
  return {};
}

Status calendar_add(const WorkCalendar &calendar, const pb::CalendarAddRequest &request,
                    pb::CalendarAnswer &response) {
  auto day = required_date(request.date(), "date");
  if (!day.ok()) return day.status();
  auto fallback = fallback_of(request.fallback());
  if (!fallback.ok()) return fallback.status();
  if (request.working_days() < -WorkCalendar::kMaxCount ||
      request.working_days() > WorkCalendar::kMaxCount) {
    return invalid_argument("working_days", "must be -100000 to 100000");
  }
  return answer(calendar,
                calendar.add_working_days(day.value(), request.working_days(), fallback.value()),
                response);
}

Status calendar_count(const WorkCalendar &calendar, const pb::CalendarCountRequest &request,
                      pb::CalendarAnswer &response) {
  auto from = required_date(request.from(), "from");
  if (!from.ok()) return from.status();
  auto to = required_date(request.to(), "to");
  if (!to.ok()) return to.status();
  auto fallback = fallback_of(request.fallback());
  if (!fallback.ok()) return fallback.status();
  return answer(calendar, calendar.count_working_days(from.value(), to.value(), fallback.value()),
                response);
}

Status calendar_roll_forward(const WorkCalendar &calendar,
                             const pb::CalendarRollForwardRequest &request,
                             pb::CalendarAnswer &response) {
  auto day = required_date(request.date(), "date");
  if (!day.ok()) return day.status();
  auto fallback = fallback_of(request.fallback());
  if (!fallback.ok()) return fallback.status();
  return answer(calendar, calendar.roll_forward(day.value(), fallback.value()), response);
}

Status calendar_period_end(const WorkCalendar &calendar,
                           const pb::CalendarPeriodEndRequest &request,
                           pb::CalendarAnswer &response) {
  auto start = required_date(request.start(), "start");
  if (!start.ok()) return start.status();
  auto fallback = fallback_of(request.fallback());
  if (!fallback.ok()) return fallback.status();
  PeriodUnit unit = PeriodUnit::kUnspecified;
  switch (request.unit()) {
    case pb::PERIOD_UNIT_WORKING_DAYS:
      unit = PeriodUnit::kWorkingDays;
      break;
    case pb::PERIOD_UNIT_DAYS:
      unit = PeriodUnit::kDays;
      break;
    case pb::PERIOD_UNIT_MONTHS:
      unit = PeriodUnit::kMonths;
      break;
    case pb::PERIOD_UNIT_YEARS:
      unit = PeriodUnit::kYears;
      break;
    default:
      return invalid_argument("unit", "required: working days, days, months or years");
  }
  return answer(calendar,
                calendar.period_end(start.value(), request.amount(), unit, fallback.value()),
                response);
}

}  // namespace cadre::codec
