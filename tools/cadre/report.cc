// cadre report quarterly|annual: the quarterly dispatch (每季一调度) and the
// annual bulletin (年度一通报) of a roster and, with --store, its case store.
// The roster is read one record at a time in any form (.json, .pb, .cadres):
// its regions and units name the lines, its cadres are counted and dropped,
// so a province of a million cadres is counted in flat memory. The operations
// quarterly_dispatch and annual_bulletin of the library's table do the work;
// the case store gives their `cases` (case_digest as of the period's last
// day). Output: the response as JSON, its lines as CSV, or the page of the
// library's render_report (one self-contained HTML file, zh-CN or English,
// for an audience), on standard output or in the file of -o. A progress bar
// on standard error while the roster is read, when that is a terminal.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cadre/labels.hpp"
#include "cadre/sqlite_store.hpp"
#include "cadre/statistics.hpp"
#include "cadre/v1/report.pb.h"
#include "cadre/v1/statistics_service.pb.h"
#include "cli.hpp"
#include "codec/record_split.hpp"
#include "codec/stream.hpp"
#include "progress.hpp"
#include "service/report_service.hpp"
#include "service/service.hpp"
#include "service/statistics_service.hpp"

namespace cadre::cli {
namespace {

namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

// One field of CSV: quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

// The header of a column: the measure's label in the language asked ("中文 / English" for both).
std::string column(StatisticsMeasure m, Lang lang) {
  if (lang == Lang::kBoth) {
    return std::string(label(m, Language::kZhCn)) + " / " + std::string(label(m, Language::kEn));
  }
  return std::string(label(m, lang == Lang::kEn ? Language::kEn : Language::kZhCn));
}

std::string scope_label(pb::StatisticsScope s, Lang lang) {
  return std::string(
      label(static_cast<StatisticsScope>(s), lang == Lang::kEn ? Language::kEn : Language::kZhCn));
}

std::string number(double v) {
  std::ostringstream os;
  os.precision(4);
  os << std::fixed << v;
  return os.str();
}

// The lines of a response as CSV: the total, the units, the regions.
void print_csv(const pb::StatisticsLine &total,
               const gp::RepeatedPtrField<pb::StatisticsLine> &units,
               const gp::RepeatedPtrField<pb::StatisticsLine> &regions, bool annual, Lang lang,
               std::ostream &os) {
  using M = StatisticsMeasure;
  const bool en = lang == Lang::kEn;
  os << (en ? "scope" : "范围") << "," << (en ? "key" : "代码") << "," << (en ? "name" : "名称");
  std::vector<M> columns = {
      M::kCadres,   M::kAdjustedDown, M::kAccountability, M::kUnsuitable, M::kBureauOrAbove,
      M::kDue,      M::kOpened,       M::kInProgress,     M::kOverdue,    M::kDone,
      M::kTalksDue, M::kTalksOverdue, M::kReappointed};
  if (annual) {
    columns.insert(columns.begin(), {M::kScore, M::kTimeliness, M::kCompleteness});
    os << "," << (en ? "rank" : "排名");
  }
  for (const M m : columns) {
    os << "," << csv_field(column(m, lang));
  }
  if (annual) {
    os << "," << csv_field(column(M::kAdjustedDown, lang) + (en ? " (last year)" : "（上年）"));
  }
  os << "\n";
  const auto row = [&](const pb::StatisticsLine &l) {
    os << csv_field(scope_label(l.scope(), lang)) << "," << csv_field(l.key()) << ","
       << csv_field(l.label());
    if (annual) {
      const pb::UnitScore &s = l.score();
      os << "," << (s.rank() > 0 ? std::to_string(s.rank()) : "") << ","
         << (s.has_score() ? number(s.score()) : "") << ","
         << (s.has_timeliness() ? number(s.timeliness()) : "") << ","
         << (s.has_completeness() ? number(s.completeness()) : "");
    }
    const pb::AdjustmentTally &a = l.adjusted();
    for (const int v : {l.cadres(), a.adjusted_down(), a.accountability(), a.unsuitable(),
                        a.bureau_level_or_above(), l.due(), l.opened(), l.in_progress(),
                        l.overdue(), l.done(), l.talks_due(), l.talks_overdue(), l.reappointed()}) {
      os << "," << v;
    }
    if (annual) {
      os << "," << l.previous().adjusted_down();
    }
    os << "\n";
  };
  row(total);
  for (const pb::StatisticsLine &l : units) {
    row(l);
  }
  for (const pb::StatisticsLine &l : regions) {
    row(l);
  }
}

// Feeds the records of the roster at @p path to @p run: regions and units as lists, cadres as
// records. Returns an exit code when the roster cannot be read.
std::optional<int> feed_roster(std::string_view name, const std::string &path,
                               service::RecordRun &run, gp::Message &response) {
  const auto form = codec::roster_format_from_path(path);
  if (!form) {
    complain(name, path + ": a roster is .json, .pb or .cadres");
    return kExitUsage;
  }
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  Progress progress("cadre " + std::string(name), size_error ? 0 : size, std::cerr,
                    Progress::stderr_is_terminal());
  std::int64_t cadres = 0;
  std::uint64_t bytes = 0;  // read so far, when known
  const auto tick = [&] {
    ++cadres;
    if ((cadres & 0x3f) == 0 || cadres == 1) {
      progress.update(static_cast<std::uint64_t>(cadres), bytes);
    }
  };
  const gp::Descriptor *roster = pb::Roster::descriptor();
  if (*form == codec::RosterFormat::kStream) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      complain(name, "cannot read roster file " + path);
      return kExitInput;
    }
    codec::StreamReader reader(in);
    pb::RosterRecord record;
    int regions = 0;
    int units = 0;
    while (reader.next(record)) {
      switch (record.record_case()) {
        case pb::RosterRecord::kRegion:
          run.list_record(*roster->FindFieldByName("regions"), regions++, record.region(), {},
                          response);
          break;
        case pb::RosterRecord::kUnit:
          run.list_record(*roster->FindFieldByName("units"), units++, record.unit(), {}, response);
          break;
        case pb::RosterRecord::kCadre:
          run.record(record.cadre(), cadres, response);
          if ((cadres & 0x3f) == 0) {
            const std::streamoff at = in.tellg();
            bytes = at > 0 ? static_cast<std::uint64_t>(at) : bytes;
          }
          tick();
          break;
        default:
          break;  // the header, teams, peer groups, unit assessments: not counted
      }
    }
    progress.finish();
    if (!reader.status().ok()) {
      complain(name, path + ": " + reader.status().to_string());
      return kExitInput;
    }
    return std::nullopt;
  }
  InputFile file;
  if (auto st = file.open(path); !st.ok()) {
    complain(name, st.to_string());
    return kExitInput;
  }
  const codec::Format format =
      *form == codec::RosterFormat::kJson ? codec::Format::kJson : codec::Format::kBinary;
  pb::Roster head;
  bool whole = false;
  if (auto st = codec::parse_head(file.data(), file.size(), format, head, "roster", whole);
      !st.ok()) {
    complain(name, path + ": " + st.to_string());
    return kExitInput;
  }
  pb::Roster all;
  if (whole) {  // a document the record reader cannot follow: read whole
    std::vector<codec::UnreadRecord> unread;
    if (auto st = codec::parse_by_record(file.data(), file.size(), format, all, "roster", unread);
        !st.ok()) {
      complain(name, path + ": " + st.to_string());
      return kExitInput;
    }
  }
  const auto each = [&](const gp::FieldDescriptor &list, int index, const gp::Message &record,
                        const Status &unread) {
    if (list.name() == "cadres") {
      run.record(static_cast<const pb::Cadre &>(record), index, response);
      tick();
    } else if (list.name() == "regions" || list.name() == "units") {
      run.list_record(list, index, record, unread, response);
    }
    return true;
  };
  if (whole) {
    for (int i = 0; i < all.regions_size(); ++i) {
      each(*roster->FindFieldByName("regions"), i, all.regions(i), {});
    }
    for (int i = 0; i < all.units_size(); ++i) {
      each(*roster->FindFieldByName("units"), i, all.units(i), {});
    }
    for (int i = 0; i < all.cadres_size(); ++i) {
      each(*roster->FindFieldByName("cadres"), i, all.cadres(i), {});
    }
  } else {
    codec::for_each_record(file.data(), file.size(), format, roster, each);
  }
  progress.finish();
  return std::nullopt;
}

// The cases of the store at @p path as of @p as_of, handed to @p run as the request's `cases`.
std::optional<int> feed_store(std::string_view name, const std::string &path, Date as_of,
                              const gp::Descriptor *request, service::RecordRun &run,
                              gp::Message &response) {
  SqliteStoreOptions options;
  options.create = false;
  auto store = open_sqlite_store(path, options);
  if (!store.ok()) {
    complain(name, "--store " + path + ": " + store.status().to_string());
    return kExitInput;
  }
  pb::CaseDigestRequest req;
  req.set_as_of(as_of.to_string());
  pb::CaseDigestResponse digests;
  if (auto st = service::case_digest(service::builtin_engine(), **store, req, digests); !st.ok()) {
    complain(name, "--store " + path + ": " + st.to_string());
    return kExitInput;
  }
  for (const pb::CaseProblem &p : digests.problems()) {
    // Ids and field paths only: a case that cannot be read is said, never skipped silently.
    complain(name, "--store " + path + ": case " + p.case_id() + " not counted: " + p.field() +
                       ": " + p.message());
  }
  const gp::FieldDescriptor *cases = request->FindFieldByName("cases");
  for (int i = 0; i < digests.cases_size(); ++i) {
    run.list_record(*cases, i, digests.cases(i), {}, response);
  }
  return std::nullopt;
}

}  // namespace

int cmd_report(const Args &args) {
  if (args.empty() || (args.front() != "quarterly" && args.front() != "annual")) {
    std::cerr << "usage: cadre report quarterly --year Y --quarter Q [ROSTER] [--store CASES.db]\n"
                 "       cadre report annual --year Y [ROSTER] [--store CASES.db]\n"
                 "       [--format json|csv|html] [--lang zh-CN|en|both] [-o FILE]\n"
                 "       [--audience organisation|units|public] [--redacted]\n";
    return args.empty() || (args.front() != "--help" && args.front() != "-h") ? kExitUsage
                                                                              : kExitOk;
  }
  const bool annual = args.front() == "annual";
  const std::string name = std::string("report ") + args.front();
  int year = 0;
  int quarter = 0;
  int behind = 0;
  double weight_timeliness = 1;
  double weight_completeness = 1;
  std::string roster;
  std::string store;
  std::string format = "json";
  std::string lang_text = "zh-CN";
  std::string audience_text;
  std::string output;
  bool redacted = false;
  po::options_description desc("cadre " + name + " [options] [ROSTER]");
  desc.add_options()("help,h", "print the options")("year", po::value(&year), "the year")(
      "roster", po::value(&roster), "the roster (.json, .pb or the stream form .cadres)")(
      "store", po::value(&store), "the case store (SQLite): its cases as of the period's last day")(
      "format", po::value(&format),
      "json (the response), csv (its lines) or html (one self-contained page with charts)")(
      "lang", po::value(&lang_text),
      "language of the CSV headers (zh-CN, en or both) or of the page (zh-CN or en)")(
      "audience", po::value(&audience_text),
      "who reads the page: organisation (units, regions and the records not read with their "
      "ids), units (units and regions by name) or public (counts only); default: organisation "
      "for the quarterly dispatch, units for the annual bulletin")(
      "redacted", po::bool_switch(&redacted),
      "the page for the public: counts only (--audience public)")(
      "output,o", po::value(&output), "write the output to this file instead of standard output");
  if (annual) {
    desc.add_options()("weight-timeliness", po::value(&weight_timeliness),
                       "weight of timeliness in the unit special assessment (default 1)")(
        "weight-completeness", po::value(&weight_completeness),
        "weight of completeness in the unit special assessment (default 1)");
  } else {
    desc.add_options()("quarter", po::value(&quarter), "the quarter, 1 to 4")(
        "behind", po::value(&behind), "how many units furthest behind to list (default 5)");
  }
  po::positional_options_description pos;
  pos.add("roster", 1);
  po::variables_map vm;
  if (auto code = parse_options(name, Args(args.begin() + 1, args.end()), desc, pos, vm)) {
    return *code;
  }
  if (format != "json" && format != "csv" && format != "html") {
    complain(name, "--format: unknown value; accepted values: json, csv, html");
    return kExitUsage;
  }
  pb::ReportAudience audience = pb::REPORT_AUDIENCE_UNSPECIFIED;
  if (!audience_text.empty() && !parse_choice<pb::ReportAudience>(
                                    name, "--audience", audience_text,
                                    {{"organisation", pb::REPORT_AUDIENCE_ORGANISATION_DEPARTMENT},
                                     {"units", pb::REPORT_AUDIENCE_UNITS},
                                     {"public", pb::REPORT_AUDIENCE_PUBLIC}},
                                    audience)) {
    return kExitUsage;
  }
  if (redacted) {
    if (audience != pb::REPORT_AUDIENCE_UNSPECIFIED && audience != pb::REPORT_AUDIENCE_PUBLIC) {
      complain(name,
               "--redacted is the public audience: it cannot go with --audience " + audience_text);
      return kExitUsage;
    }
    audience = pb::REPORT_AUDIENCE_PUBLIC;
  }
  if (format != "html" && (audience != pb::REPORT_AUDIENCE_UNSPECIFIED)) {
    complain(name, "--audience and --redacted apply to --format html");
    return kExitUsage;
  }
  Lang lang = Lang::kZh;
  if (!parse_choice<Lang>(name, "--lang", lang_text,
                          {{"zh-CN", Lang::kZh}, {"en", Lang::kEn}, {"both", Lang::kBoth}}, lang)) {
    return kExitUsage;
  }
  if (vm.count("year") == 0 || (!annual && vm.count("quarter") == 0)) {
    complain(name, annual ? "--year is required" : "--year and --quarter are required");
    return kExitUsage;
  }
  const service::Operation *op =
      service::find_operation(annual ? "annual_bulletin" : "quarterly_dispatch");
  if (op == nullptr || op->run == nullptr) {
    complain(name, "the library has no such operation");
    return kExitInput;
  }
  std::unique_ptr<gp::Message> request(op->request->New());
  std::unique_ptr<gp::Message> response(op->response->New());
  Date last_day;
  if (annual) {
    auto &r = static_cast<pb::AnnualBulletinRequest &>(*request);
    r.set_year(year);
    if (vm.count("weight-timeliness") != 0 || vm.count("weight-completeness") != 0) {
      r.mutable_weights()->set_timeliness(weight_timeliness);
      r.mutable_weights()->set_completeness(weight_completeness);
    }
    auto p = year_period(year);
    last_day = p.ok() ? p->to : Date();
  } else {
    auto &r = static_cast<pb::QuarterlyDispatchRequest &>(*request);
    r.set_year(year);
    r.set_quarter(quarter);
    r.set_behind(behind);
    auto p = quarter_period(year, quarter);
    last_day = p.ok() ? p->to : Date();
  }
  const std::unique_ptr<service::RecordRun> run = op->run(service::builtin_engine());
  if (auto st = run->begin(*request, *response); !st.ok()) {
    const std::string flag = st.field() == "weights.timeliness"     ? "--weight-timeliness"
                             : st.field() == "weights.completeness" ? "--weight-completeness"
                                                                    : "--" + st.field();
    complain(name, flag + ": " + st.message());
    return kExitUsage;
  }
  if (!store.empty()) {
    if (auto code =
            feed_store(name, store, last_day, op->request->GetDescriptor(), *run, *response)) {
      return *code;
    }
  }
  if (!roster.empty()) {
    if (auto code = feed_roster(name, roster, *run, *response)) {
      return *code;
    }
  }
  if (auto st = run->end(*response, [] { return Status{}; }); !st.ok()) {
    complain(name, st.to_string());
    return kExitInput;
  }
  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      complain(name, "-o: cannot write " + output);
      return kExitInput;
    }
  }
  std::ostream &os = output.empty() ? std::cout : file;
  if (format == "json") {
    if (output.empty()) {
      return print_json(name, *response) ? kExitOk : kExitInput;
    }
    std::string json;
    if (auto st = codec::serialize(*response, codec::Format::kJson, json); !st.ok()) {
      complain(name, st.to_string());
      return kExitInput;
    }
    os << json << "\n";
  } else if (format == "html") {
    if (lang == Lang::kBoth) {
      complain(name, "--lang: a page is in one language: zh-CN or en");
      return kExitUsage;
    }
    pb::RenderReportRequest render;
    if (annual) {
      *render.mutable_annual_bulletin() =
          static_cast<const pb::AnnualBulletinResponse &>(*response);
    } else {
      *render.mutable_quarterly_dispatch() =
          static_cast<const pb::QuarterlyDispatchResponse &>(*response);
    }
    render.set_language(lang == Lang::kEn ? pb::REPORT_LANGUAGE_EN : pb::REPORT_LANGUAGE_ZH_CN);
    render.set_audience(audience);
    pb::RenderReportResponse page;
    if (auto st = service::render_report(service::builtin_engine(), render, page); !st.ok()) {
      complain(name, st.to_string());
      return kExitInput;
    }
    os << page.html();
    const auto &errors =
        annual ? static_cast<const pb::AnnualBulletinResponse &>(*response).errors()
               : static_cast<const pb::QuarterlyDispatchResponse &>(*response).errors();
    print_errors(errors, lang, std::cerr);
  } else if (annual) {
    const auto &r = static_cast<const pb::AnnualBulletinResponse &>(*response);
    print_csv(r.total(), r.units(), r.regions(), true, lang, os);
    print_errors(r.errors(), lang, std::cerr);
  } else {
    const auto &r = static_cast<const pb::QuarterlyDispatchResponse &>(*response);
    print_csv(r.total(), r.units(), r.regions(), false, lang, os);
    print_errors(r.errors(), lang, std::cerr);
  }
  os.flush();
  if (!os) {
    complain(name, "cannot write " + (output.empty() ? std::string("standard output") : output));
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace cadre::cli
