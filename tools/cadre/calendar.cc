// cadre calendar: the working-day calendar's operations from the command line.
//   cadre calendar add --working-days 15 2025-09-28      the deadline: 2025-10-24
//   cadre calendar is-working-day 2025-10-11             yes (调休上班日 …)
//   cadre calendar count 2025-09-28 --to 2025-10-24      15
//   cadre calendar period-end 2021-03-10 --amount 6 --unit months
//   cadre calendar roll-forward 2025-10-01
// Each is an operation of the library's table (calendar_add, calendar_day,
// calendar_count, calendar_period_end, calendar_roll_forward); `cadre
// calendar-add --request FILE` runs the same operation on a JSON request.
#include <iostream>

#include "cli.hpp"
#include "service/calendar_service.hpp"

namespace cadre::cli {
namespace {

namespace pb = ::cadre::v1;

// The options every calendar command shares.
struct CalendarCommand {
  const service::Operation &op;
  std::string name;
  po::options_description desc;
  po::positional_options_description pos;
  std::string date;
  std::string fallback_s = "error";
  std::string format = "table";
  std::string lang_s = "both";
  std::string request_path;
  bool json = false;
  Lang lang = Lang::kBoth;
  pb::CalendarFallback fallback = pb::CALENDAR_FALLBACK_ERROR;

  explicit CalendarCommand(const service::Operation &operation)
      : op(operation), name(operation.cli_command()), desc("cadre " + name + " options") {
    desc.add_options()("help,h", "print this help")("date", po::value(&date),
                                                    "the day, YYYY-MM-DD (or the first argument)")(
        "fallback", po::value(&fallback_s),
        "a year without a notice of holidays: error (default) or weekends-only (flagged)")(
        "format", po::value(&format), "output: table (default) or json")(
        "lang", po::value(&lang_s), "explanation language: zh-CN, en or both (default)")(
        "request", po::value(&request_path),
        ("the whole request instead of the options: a " + op.request->GetDescriptor()->full_name() +
         " in protobuf JSON (- for standard input)")
            .c_str());
    pos.add("date", 1);
  }

  std::optional<int> parse(const Args &args) {
    po::variables_map vm;
    if (auto code = parse_options(name, args, desc, pos, vm)) {
      return code;
    }
    if (!parse_choice<pb::CalendarFallback>(
            name, "--fallback", fallback_s,
            {{"error", pb::CALENDAR_FALLBACK_ERROR},
             {"weekends-only", pb::CALENDAR_FALLBACK_WEEKENDS_ONLY}},
            fallback) ||
        !parse_choice<bool>(name, "--format", format, {{"table", false}, {"json", true}}, json) ||
        !parse_choice<Lang>(
            name, "--lang", lang_s,
            {{"zh-CN", Lang::kZh}, {"zh", Lang::kZh}, {"en", Lang::kEn}, {"both", Lang::kBoth}},
            lang)) {
      return kExitUsage;
    }
    return std::nullopt;
  }

  // Runs the operation on @p request (or the --request file), naming the flag
  // of a bad field: the request's field names are the flags' own.
  std::optional<int> run(google::protobuf::Message &request, google::protobuf::Message &response,
                         const std::vector<std::pair<std::string, std::string>> &flags) const {
    OperationCommand command(op);
    command.request_path = request_path;
    command.flags = flags;
    return command.run(request, response);
  }

  void explain(const pb::LocalizedText &text) const {
    if (lang != Lang::kEn && !text.zh_cn().empty()) {
      std::cout << text.zh_cn() << "\n";
    }
    if (lang != Lang::kZh && !text.en().empty()) {
      std::cout << text.en() << "\n";
    }
  }

  // Prints an answer: its date (or count) on the first line, then its explanation.
  int print(const pb::CalendarAnswer &answer, bool count) const {
    if (json) {
      return print_json(name, answer) ? kExitOk : kExitInput;
    }
    std::cout << (count ? std::to_string(answer.working_days()) : answer.date()) << "\n";
    explain(answer.explanation());
    return kExitOk;
  }
};

const std::vector<std::pair<std::string, std::string>> kDateFlags = {{"date", "DATE"},
                                                                     {"fallback", "--fallback"}};

}  // namespace

int cmd_calendar_day(const service::Operation &op, const Args &args) {
  CalendarCommand c(op);
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CalendarDayRequest request;
  request.set_date(c.date);
  request.set_fallback(c.fallback);
  pb::CalendarDayResponse response;
  if (auto code = c.run(request, response, kDateFlags)) {
    return *code;
  }
  if (c.json) {
    return print_json(c.name, response) ? kExitOk : kExitInput;
  }
  const pb::CalendarDay &day = response.day();
  std::cout << day.date() << "  " << (day.working() ? "工作日 working day" : "休息日 day off")
            << (day.assumed() ? "  (推定 assumed: weekends only)" : "") << "\n";
  c.explain(day.reason().name());
  return kExitOk;
}

int cmd_calendar_add(const service::Operation &op, const Args &args) {
  CalendarCommand c(op);
  int working_days = 0;
  c.desc.add_options()("working-days", po::value(&working_days),
                       "the number of working days to add (negative: back)");
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CalendarAddRequest request;
  request.set_date(c.date);
  request.set_working_days(working_days);
  request.set_fallback(c.fallback);
  pb::CalendarAnswer response;
  auto flags = kDateFlags;
  flags.emplace_back("working_days", "--working-days");
  if (auto code = c.run(request, response, flags)) {
    return *code;
  }
  return c.print(response, false);
}

int cmd_calendar_count(const service::Operation &op, const Args &args) {
  CalendarCommand c(op);
  std::string to;
  c.desc.add_options()("to", po::value(&to), "the last day, YYYY-MM-DD");
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CalendarCountRequest request;
  request.set_from(c.date);
  request.set_to(to);
  request.set_fallback(c.fallback);
  pb::CalendarAnswer response;
  if (auto code = c.run(request, response,
                        {{"from", "DATE"}, {"to", "--to"}, {"fallback", "--fallback"}})) {
    return *code;
  }
  return c.print(response, true);
}

int cmd_calendar_period_end(const service::Operation &op, const Args &args) {
  CalendarCommand c(op);
  int amount = 0;
  std::string unit_s;
  c.desc.add_options()("amount", po::value(&amount), "the length of the period")(
      "unit", po::value(&unit_s), "days, working-days, months or years");
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::PeriodUnit unit = pb::PERIOD_UNIT_UNSPECIFIED;
  if (!unit_s.empty() &&
      !parse_choice<pb::PeriodUnit>(c.name, "--unit", unit_s,
                                    {{"days", pb::PERIOD_UNIT_DAYS},
                                     {"working-days", pb::PERIOD_UNIT_WORKING_DAYS},
                                     {"months", pb::PERIOD_UNIT_MONTHS},
                                     {"years", pb::PERIOD_UNIT_YEARS}},
                                    unit)) {
    return kExitUsage;
  }
  pb::CalendarPeriodEndRequest request;
  request.set_start(c.date);
  request.set_amount(amount);
  request.set_unit(unit);
  request.set_fallback(c.fallback);
  pb::CalendarAnswer response;
  if (auto code = c.run(request, response,
                        {{"start", "DATE"},
                         {"amount", "--amount"},
                         {"unit", "--unit"},
                         {"fallback", "--fallback"}})) {
    return *code;
  }
  return c.print(response, false);
}

int cmd_calendar_roll_forward(const service::Operation &op, const Args &args) {
  CalendarCommand c(op);
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CalendarRollForwardRequest request;
  request.set_date(c.date);
  request.set_fallback(c.fallback);
  pb::CalendarAnswer response;
  if (auto code = c.run(request, response, kDateFlags)) {
    return *code;
  }
  return c.print(response, false);
}

}  // namespace cadre::cli
