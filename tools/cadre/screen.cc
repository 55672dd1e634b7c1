// cadre screen: who must go down as of a date, through which channel, under
// which rule, and why. A roster in the stream form is screened by the
// library's streamed screener, chunk by chunk, in constant memory.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "chunk_reader.hpp"
#include "cli.hpp"
#include "codec/stream.hpp"
#include "progress.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace cadre::cli {
namespace {

namespace pb = ::cadre::v1;

void print_findings(const pb::ScreenResponse &r, Lang lang, std::ostream &os) {
  for (const pb::Finding &f : r.findings()) {
    os << f.cadre_id() << "  " << label_of(static_cast<Channel>(f.channel()), lang) << "  "
       << f.rule_id() << "  " << f.effective_date() << "  "
       << (f.determination() == pb::DETERMINATION_COMPUTED
               ? zh_or_en(lang, "[已计算]", "[computed]")
               : zh_or_en(lang, "[待核实]", "[needs verification]"))
       << "\n";
    if (lang != Lang::kEn) {
      os << "    " << f.explanation().zh_cn() << "\n";
    }
    if (lang != Lang::kZh) {
      os << "    " << f.explanation().en() << "\n";
    }
  }
  print_errors(r.errors(), lang, os);
}

// The year of an ISO date ("2024-06-30" -> "2024").
std::string year_of(const std::string &as_of) { return as_of.substr(0, 4); }

void print_summary(const pb::ScreenResponse &r, Lang lang, std::ostream &os) {
  // Channels and rank levels in the order of the schema.
  pb::ScreenSummary s = r.summary();
  std::sort(s.mutable_by_channel()->begin(), s.mutable_by_channel()->end(),
            [](const auto &a, const auto &b) { return a.channel() < b.channel(); });
  std::sort(s.mutable_by_rank_level()->begin(), s.mutable_by_rank_level()->end(),
            [](const auto &a, const auto &b) { return a.rank_level() < b.rank_level(); });
  if (lang != Lang::kEn) {
    os << "汇总：截至" << r.as_of() << "，筛查干部" << s.cadres_screened() << "人，拒收记录"
       << s.records_rejected() << "条；调“下”干部" << s.cadres_down() << "人，其中问责追究调整"
       << s.accountability() << "人、不适宜担任现职调整" << s.unsuitable() << "人；厅局级及以上"
       << s.bureau_level_or_above() << "人。\n";
    os << "  按渠道：";
    for (const auto &c : s.by_channel()) {
      os << label_of(static_cast<Channel>(c.channel()), Lang::kZh) << " " << c.cadres() << "人；";
    }
    os << "\n  按职务层次：";
    for (const auto &c : s.by_rank_level()) {
      os << label_of(static_cast<RankLevel>(c.rank_level()), Lang::kZh) << " " << c.cadres()
         << "人；";
    }
    os << "\n  后续管理：在管计划" << s.followup_plans_open() << "个，谈心谈话逾期"
       << s.followup_talks_overdue() << "次（按工作日计），" << year_of(r.as_of()) << "年重新任用"
       << s.reappointed_this_year() << "人。\n";
  }
  if (lang != Lang::kZh) {
    os << "Summary: as of " << r.as_of() << ", " << count(s.cadres_screened(), "cadre")
       << " screened, " << count(s.records_rejected(), "record") << " rejected; "
       << count(s.cadres_down(), "cadre") << " to go down, of which " << s.accountability()
       << " through accountability, " << s.unsuitable() << " as unsuitable; "
       << s.bureau_level_or_above() << " at department level or above.\n";
    os << "  By channel: ";
    for (const auto &c : s.by_channel()) {
      os << label_of(static_cast<Channel>(c.channel()), Lang::kEn) << " " << c.cadres() << "; ";
    }
    os << "\n  By rank level: ";
    for (const auto &c : s.by_rank_level()) {
      os << label_of(static_cast<RankLevel>(c.rank_level()), Lang::kEn) << " " << c.cadres()
         << "; ";
    }
    os << "\n  Follow-up: " << count(s.followup_plans_open(), "plan") << " open, "
       << count(s.followup_talks_overdue(), "talk") << " overdue (working days), "
       << s.reappointed_this_year() << " re-appointed in " << year_of(r.as_of()) << ".\n";
  }
}

// Prints what a chunk of the stream gave: findings and errors, as a table or
// as one JSON line per chunk (without the summary, which comes last).
bool print_chunk(const OperationCommand &command, pb::ScreenResponse &response) {
  if (response.findings().empty() && response.errors().empty()) {
    return true;
  }
  if (command.json) {
    return print_json(command.name, response);
  }
  print_findings(response, command.lang, std::cout);
  return true;
}

// Screens a roster in the stream form with the library's streamed screener.
int screen_stream(const OperationCommand &command, const Date &as_of, bool summary_only,
                  int threads) {
  std::ifstream in(command.roster_path, std::ios::binary);
  if (!in) {
    complain(command.name, "cannot read roster file " + command.roster_path);
    return kExitInput;
  }
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(command.roster_path, size_error);
  Progress progress("cadre screen", size_error ? 0 : size, std::cerr,
                    Progress::stderr_is_terminal());
  service::StreamScreener screener(service::builtin_engine(), as_of);
  screener.set_summary_only(summary_only);  // the findings are counted, not written
  if (auto st = screener.set_threads(threads); !st.ok()) {
    command.fail(st);
    return kExitUsage;
  }
  // With more than one thread screening, the next chunk is read meanwhile.
  ChunkReader reader(in, std::size_t{1} << 20U, threads > 1);
  pb::ScreenResponse response;
  std::uint64_t bytes = 0;
  for (;;) {
    const std::string_view chunk = reader.next();
    if (reader.bad()) {
      complain(command.name, "cannot read roster file " + command.roster_path);
      return kExitInput;
    }
    if (chunk.empty()) {
      break;
    }
    bytes += chunk.size();
    screener.recycle(response);  // Clear(), keeping its messages for reuse
    // A record that does not parse is a record error and the run goes on;
    // only broken framing stops it, after what was screened before the break.
    const Status st =
        screener.push(reinterpret_cast<const std::uint8_t *>(chunk.data()), chunk.size(), response);
    if (!summary_only && !print_chunk(command, response)) {
      return kExitInput;
    }
    if (!st.ok()) {
      progress.finish();
      complain(command.name, command.roster_path + ": " + st.to_string() + " (" +
                                 std::to_string(screener.cadres()) +
                                 " cadre records read before the break)");
      return kExitInput;
    }
    progress.update(screener.cadres(), bytes);
  }
  progress.finish();
  response.Clear();
  if (auto st = screener.finish(response); !st.ok()) {
    complain(command.name, command.roster_path + ": " + st.to_string());
    return kExitInput;
  }
  if (command.json) {
    return print_json(command.name, response) ? kExitOk : kExitInput;
  }
  print_summary(response, command.lang, std::cout);
  return kExitOk;
}

}  // namespace

int cmd_screen(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  std::string as_of;
  bool summary_only = false;
  int threads = 1;
  command.desc.add_options()("as-of", po::value(&as_of), "screen as of this date, YYYY-MM-DD")(
      "summary-only", po::bool_switch(&summary_only),
      "print only the summary, not each finding and rejected record")(
      "threads", po::value(&threads),
      "screen a roster in the stream form on this many threads (1 to 64); the output is the "
      "same, in the same order. With more than one, a further thread reads the file one chunk "
      "ahead");
  command.flags = {{"as_of", "--as-of"}, {"threads", "--threads"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  if (command.request_path.empty() &&
      codec::roster_format_from_path(command.roster_path) == codec::RosterFormat::kStream) {
    const auto day = service::required_as_of(as_of);
    if (!day.ok()) {
      command.fail(day.status());
      return kExitUsage;
    }
    return screen_stream(command, *day, summary_only, threads);
  }
  if (threads != 1) {
    command.fail(invalid_argument("threads", "applies to a roster in the stream form (.cadres)"));
    return kExitUsage;
  }
  pb::ScreenRequest request;
  pb::ScreenResponse response;
  command.print_rows = !summary_only;
  if (auto code = command.answer(
          request, response,
          [&](pb::ScreenRequest &r) {
            r.set_as_of(as_of);
            return std::optional<int>();
          },
          [&](const pb::ScreenResponse &r) { print_findings(r, command.lang, std::cout); })) {
    return *code;
  }
  print_summary(response, command.lang, std::cout);
  return kExitOk;
}

}  // namespace cadre::cli
