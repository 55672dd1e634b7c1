// cadre — the command-line tool: screen a roster as of a date; generate,
// convert and validate rosters in their three file forms.
#include <unistd.h>

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cadre/cadre.hpp"
#include "cadre/version.h"
#include "codec/catalogue_codec.hpp"
#include "codec/codec.hpp"
#include "codec/eligibility_service.hpp"
#include "codec/service.hpp"
#include "codec/stream.hpp"
#include "generator/province.hpp"

namespace po = boost::program_options;
namespace pb = cadre::v1;

namespace {

#ifndef CADRE_DEFAULT_ROSTER
#define CADRE_DEFAULT_ROSTER ""
#endif

constexpr int kExitOk = 0;
constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

enum class Lang { kZh, kEn, kBoth };

bool read_file(const std::string &path, std::string &out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return static_cast<bool>(in) || in.eof();
}

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view zh_or_en(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::kEn ? en : zh;
}

std::string_view channel_label(int channel, Lang lang) {
  return cadre::label(static_cast<cadre::Channel>(channel),
                      lang == Lang::kEn ? cadre::Language::kEn : cadre::Language::kZhCn);
}

std::string_view rank_label(int level, Lang lang) {
  return cadre::label(static_cast<cadre::RankLevel>(level),
                      lang == Lang::kEn ? cadre::Language::kEn : cadre::Language::kZhCn);
}

void print_table(const pb::ScreenResponse &r, Lang lang, std::ostream &os) {
  for (const pb::Finding &f : r.findings()) {
    os << f.cadre_id() << "  " << channel_label(f.channel(), lang) << "  " << f.rule_id() << "  "
       << f.effective_date() << "  "
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
  for (const pb::RecordError &e : r.errors()) {
    os << zh_or_en(lang, "拒收记录 ", "rejected record ") << "cadres[" << e.index() << "]"
       << (e.cadre_id().empty() ? "" : " (id " + e.cadre_id() + ")") << ": " << e.field_path()
       << ": " << e.message() << "\n";
  }
}

void print_summary(const pb::ScreenResponse &r, Lang lang, std::ostream &os) {
  // Channels and rank levels in the order of the schema, however they were merged.
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
      os << channel_label(c.channel(), Lang::kZh) << " " << c.cadres() << "人；";
    }
    os << "\n  按职务层次：";
    for (const auto &c : s.by_rank_level()) {
      os << rank_label(c.rank_level(), Lang::kZh) << " " << c.cadres() << "人；";
    }
    os << "\n";
  }
  if (lang != Lang::kZh) {
    os << "Summary: as of " << r.as_of() << ", " << s.cadres_screened() << " cadres screened, "
       << s.records_rejected() << " records rejected; " << s.cadres_down()
       << " cadres to go down, of which " << s.accountability() << " through accountability, "
       << s.unsuitable() << " as unsuitable; " << s.bureau_level_or_above()
       << " at department level or above.\n";
    os << "  By channel: ";
    for (const auto &c : s.by_channel()) {
      os << channel_label(c.channel(), Lang::kEn) << " " << c.cadres() << "; ";
    }
    os << "\n  By rank level: ";
    for (const auto &c : s.by_rank_level()) {
      os << rank_label(c.rank_level(), Lang::kEn) << " " << c.cadres() << "; ";
    }
    os << "\n";
  }
}

std::optional<cadre::codec::RosterFormat> roster_format(const std::string &path) {
  return cadre::codec::roster_format_from_path(path);
}

// "cadres[12].posts[0].start_date" -> 12 and "posts[0].start_date"; nullopt for other records.
std::optional<std::pair<int, std::string>> split_cadre_path(const std::string &field) {
  constexpr std::string_view kPrefix = "cadres[";
  if (field.rfind(kPrefix, 0) != 0) return std::nullopt;
  const auto close = field.find(']');
  if (close == std::string::npos) return std::nullopt;
  int index = 0;
  try {
    index = std::stoi(field.substr(kPrefix.size(), close - kPrefix.size()));
  } catch (const std::exception &) {
    return std::nullopt;
  }
  std::string rest = field.substr(close + 1);
  if (!rest.empty() && rest.front() == '.') rest.erase(0, 1);
  return std::make_pair(index, rest);
}

// Adds the counts of @p from to @p into (summaries of different cadres).
void merge_summary(const pb::ScreenSummary &from, pb::ScreenSummary &into) {
  into.set_cadres_screened(into.cadres_screened() + from.cadres_screened());
  into.set_records_rejected(into.records_rejected() + from.records_rejected());
  into.set_cadres_down(into.cadres_down() + from.cadres_down());
  into.set_accountability(into.accountability() + from.accountability());
  into.set_unsuitable(into.unsuitable() + from.unsuitable());
  into.set_bureau_level_or_above(into.bureau_level_or_above() + from.bureau_level_or_above());
  for (const auto &c : from.by_channel()) {
    pb::ChannelCount *found = nullptr;
    for (auto &mine : *into.mutable_by_channel()) {
      if (mine.channel() == c.channel()) found = &mine;
    }
    if (found == nullptr) {
      *into.add_by_channel() = c;
    } else {
      found->set_cadres(found->cadres() + c.cadres());
    }
  }
  for (const auto &c : from.by_rank_level()) {
    pb::RankLevelCount *found = nullptr;
    for (auto &mine : *into.mutable_by_rank_level()) {
      if (mine.rank_level() == c.rank_level()) found = &mine;
    }
    if (found == nullptr) {
      *into.add_by_rank_level() = c;
    } else {
      found->set_cadres(found->cadres() + c.cadres());
    }
  }
}

// Screens a stream-form roster in batches of kBatch cadres: constant memory.
int screen_stream(const cadre::Engine &engine, const std::string &path, const std::string &as_of,
                  bool json, bool summary_only, Lang lang) {
  constexpr int kBatch = 1000;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cadre screen: cannot read roster file " << path << "\n";
    return kExitInput;
  }
  const bool progress = isatty(STDERR_FILENO) != 0;
  cadre::codec::StreamReader reader(in);
  pb::RosterRecord record;
  pb::ScreenRequest request;
  pb::ScreenResponse response;
  pb::ScreenResponse total;
  std::int64_t offset = 0;  // global index of the batch's first cadre
  const auto flush = [&]() -> int {
    if (request.cadres().empty()) return kExitOk;
    request.set_as_of(as_of);
    response.Clear();
    if (auto st = cadre::service::screen(engine, request, response); !st.ok()) {
      std::cerr << "cadre screen: " << st.to_string() << "\n";
      return kExitInput;
    }
    for (pb::RecordError &e : *response.mutable_errors()) {
      const std::int64_t global = offset + e.index();
      e.set_index(static_cast<std::int32_t>(global));
      if (auto c = split_cadre_path(e.field_path()); c) {
        e.set_field_path("cadres[" + std::to_string(global) + "]" +
                         (c->second.empty() ? "" : "." + c->second));
      }
    }
    merge_summary(response.summary(), *total.mutable_summary());
    total.set_as_of(response.as_of());
    if (!summary_only) {
      if (json) {
        response.clear_summary();
        std::string out;
        if (auto st = cadre::codec::serialize(response, cadre::codec::Format::kJson, out);
            !st.ok()) {
          std::cerr << "cadre screen: " << st.to_string() << "\n";
          return kExitInput;
        }
        std::cout << out << "\n";
      } else {
        print_table(response, lang, std::cout);
      }
    }
    offset += request.cadres_size();
    request.clear_cadres();
    if (progress) std::cerr << "\rcadre screen: " << offset << " cadres" << std::flush;
    return kExitOk;
  };
  while (reader.next(record)) {
    if (!record.has_cadre()) continue;
    request.mutable_cadres()->AddAllocated(record.release_cadre());
    if (request.cadres_size() >= kBatch) {
      if (const int rc = flush(); rc != kExitOk) return rc;
    }
  }
  if (!reader.status().ok()) {
    if (progress) std::cerr << "\n";
    std::cerr << "cadre screen: " << path << ": " << reader.status().to_string() << "\n";
    return kExitInput;
  }
  if (const int rc = flush(); rc != kExitOk) return rc;
  if (progress) std::cerr << "\r";
  if (total.as_of().empty()) {  // no cadre: still check the date
    pb::ScreenRequest empty;
    empty.set_as_of(as_of);
    if (auto st = cadre::service::screen(engine, empty, total); !st.ok()) {
      std::cerr << "cadre screen: " << st.to_string() << "\n";
      return kExitInput;
    }
  }
  if (json) {
    std::string out;
    pb::ScreenResponse summary;
    summary.set_as_of(total.as_of());
    *summary.mutable_summary() = total.summary();
    if (auto st = cadre::codec::serialize(summary, cadre::codec::Format::kJson, out); !st.ok()) {
      std::cerr << "cadre screen: " << st.to_string() << "\n";
      return kExitInput;
    }
    std::cout << out << "\n";
  } else {
    print_summary(total, lang, std::cout);
  }
  return kExitOk;
}

int cmd_screen(const std::vector<std::string> &args) {
  po::options_description desc("cadre screen [options] [ROSTER]");
  std::string as_of;
  std::string roster_path;
  std::string format = "table";
  std::string lang_s = "zh-CN";
  bool summary_only = false;
  desc.add_options()("summary-only", po::bool_switch(&summary_only),
                     "print only the summary, not each finding and rejected record")(
      "help,h", "show this help")("as-of", po::value(&as_of)->required(),
                                  "screen as of this date, YYYY-MM-DD")(
      "roster", po::value(&roster_path),
      "roster file: cadre.v1.Roster as JSON (.json) or protobuf binary (.pb), or the "
      "stream form (.cadres, screened record by record); "
      "default: the bundled example roster")("format", po::value(&format),
                                             "output: table (default) or json")(
      "lang", po::value(&lang_s), "table language: zh-CN (default), en or both");
  po::positional_options_description pos;
  pos.add("roster", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    if (vm.count("help") != 0U) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    std::cerr << "cadre screen: " << e.what() << "\n" << desc << "\n";
    return kExitUsage;
  }
  Lang lang = Lang::kZh;
  if (lang_s == "en") {
    lang = Lang::kEn;
  } else if (lang_s == "both") {
    lang = Lang::kBoth;
  } else if (lang_s != "zh-CN" && lang_s != "zh") {
    std::cerr << "cadre screen: --lang must be zh-CN, en or both\n";
    return kExitUsage;
  }
  if (format != "table" && format != "json") {
    std::cerr << "cadre screen: --format must be table or json\n";
    return kExitUsage;
  }
  if (roster_path.empty()) {
    roster_path = CADRE_DEFAULT_ROSTER;
  }
  const cadre::Engine &engine = cadre::service::builtin_engine();
  if (roster_format(roster_path) == cadre::codec::RosterFormat::kStream) {
    return screen_stream(engine, roster_path, as_of, format == "json", summary_only, lang);
  }
  std::string bytes;
  if (!read_file(roster_path, bytes)) {
    std::cerr << "cadre screen: cannot read roster file " << roster_path << "\n";
    return kExitInput;
  }
  pb::Roster roster;
  const auto in_format =
      ends_with(roster_path, ".json") ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  if (auto st = cadre::codec::parse(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                    bytes.size(), in_format, roster, "roster");
      !st.ok()) {
    std::cerr << "cadre screen: " << roster_path << ": " << st.to_string() << "\n";
    return kExitInput;
  }
  pb::ScreenRequest request;
  request.set_as_of(as_of);
  request.mutable_cadres()->Swap(roster.mutable_cadres());
  pb::ScreenResponse response;
  if (auto st = cadre::service::screen(engine, request, response); !st.ok()) {
    std::cerr << "cadre screen: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (summary_only) {
    response.clear_findings();
    response.clear_errors();
  }
  if (format == "json") {
    std::string out;
    if (auto st = cadre::codec::serialize(response, cadre::codec::Format::kJson, out); !st.ok()) {
      std::cerr << "cadre screen: " << st.to_string() << "\n";
      return kExitInput;
    }
    std::cout << out << "\n";
  } else {
    print_table(response, lang, std::cout);
    print_summary(response, lang, std::cout);
  }
  return kExitOk;
}

// ---------------------------------------------------------------------------
// generate, convert, validate

// Parses a non-negative integer option; false when it is not one.
bool parse_count(const std::string &text, std::uint64_t max, std::uint64_t &out) {
  if (text.empty() || text.size() > 20 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  try {
    out = std::stoull(text);
  } catch (const std::exception &) {
    return false;
  }
  return out <= max;
}

int cmd_generate(const std::vector<std::string> &args) {
  po::options_description desc("cadre generate [options] --out FILE");
  std::string seed_s = std::to_string(cadre::generator::Options{}.seed);
  std::string cadres_s = "50000";
  std::string years_s = "5";
  std::string end_s = "2025-06-30";
  std::string out_path;
  desc.add_options()("help,h", "show this help")("seed", po::value(&seed_s),
                                                 "seed of every random choice (default 20170817)")(
      "cadres", po::value(&cadres_s), "number of cadres (default 50000)")(
      "years", po::value(&years_s), "years of history (default 5)")(
      "end", po::value(&end_s), "last day of the data, YYYY-MM-DD (default 2025-06-30)")(
      "out", po::value(&out_path)->required(),
      "output file: .json (whole Roster, JSON), .pb (whole Roster, binary) or .cadres (stream)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    if (vm.count("help") != 0U) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    std::cerr << "cadre generate: " << e.what() << "\n" << desc << "\n";
    return kExitUsage;
  }
  cadre::generator::Options options;
  std::uint64_t n = 0;
  if (!parse_count(seed_s, UINT64_MAX, options.seed)) {
    std::cerr << "cadre generate: --seed must be a non-negative integer\n";
    return kExitUsage;
  }
  if (!parse_count(cadres_s, cadre::generator::kMaxCadres, n) || n == 0) {
    std::cerr << "cadre generate: --cadres must be within 1 and " << cadre::generator::kMaxCadres
              << "\n";
    return kExitUsage;
  }
  options.cadres = static_cast<int>(n);
  if (!parse_count(years_s, cadre::generator::kMaxYears, n) || n < cadre::generator::kMinYears) {
    std::cerr << "cadre generate: --years must be within " << cadre::generator::kMinYears << " and "
              << cadre::generator::kMaxYears << "\n";
    return kExitUsage;
  }
  options.years_of_history = static_cast<int>(n);
  const auto end = cadre::Date::parse(end_s);
  if (!end) {
    std::cerr << "cadre generate: --end must be a date YYYY-MM-DD\n";
    return kExitUsage;
  }
  options.end = *end;
  if (auto st = cadre::generator::validate(options); !st.ok()) {
    std::cerr << "cadre generate: --" << st.field() << ": " << st.message() << "\n";
    return kExitUsage;
  }
  const auto format = roster_format(out_path);
  if (!format) {
    std::cerr << "cadre generate: " << out_path
              << ": the extension must be .json, .pb or .cadres\n";
    return kExitUsage;
  }
  if (*format != cadre::codec::RosterFormat::kStream &&
      options.cadres > cadre::generator::kMaxRosterCadres) {
    std::cerr << "cadre generate: " << options.cadres << " cadres is more than "
              << cadre::generator::kMaxRosterCadres
              << " for a whole roster (.json or .pb): write the stream form (.cadres)\n";
    return kExitUsage;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "cadre generate: cannot write " << out_path << "\n";
    return kExitInput;
  }
  const bool progress = isatty(STDERR_FILENO) != 0;
  if (*format == cadre::codec::RosterFormat::kStream) {
    cadre::codec::StreamWriter writer(out);
    std::uint64_t cadres = 0;
    auto st = cadre::generator::generate(options, [&](pb::RosterRecord &record) {
      if (record.has_cadre() && progress && ++cadres % 10'000 == 0) {
        std::cerr << "\rcadre generate: " << cadres << " / " << options.cadres << std::flush;
      }
      return writer.write(record);
    });
    if (st.ok()) st = writer.flush();
    if (progress) std::cerr << "\r";
    if (!st.ok()) {
      std::cerr << "cadre generate: " << out_path << ": " << st.to_string() << "\n";
      return kExitInput;
    }
    return kExitOk;
  }
  pb::Roster roster;
  std::string bytes;
  if (auto st = cadre::generator::generate_roster(options, roster); !st.ok()) {
    std::cerr << "cadre generate: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (auto st = cadre::codec::serialize_roster(roster, *format, bytes); !st.ok()) {
    std::cerr << "cadre generate: " << st.to_string() << "\n";
    return kExitInput;
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!out) {
    std::cerr << "cadre generate: cannot write " << out_path << "\n";
    return kExitInput;
  }
  return kExitOk;
}

int cmd_convert(const std::vector<std::string> &args) {
  po::options_description desc("cadre convert [options] IN OUT");
  std::string in_path;
  std::string out_path;
  desc.add_options()("help,h", "show this help")("in", po::value(&in_path)->required(),
                                                 "input roster: .json, .pb or .cadres")(
      "out", po::value(&out_path)->required(), "output roster: .json, .pb or .cadres");
  po::positional_options_description pos;
  pos.add("in", 1).add("out", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    if (vm.count("help") != 0U) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    std::cerr << "cadre convert: " << e.what() << "\n" << desc << "\n";
    return kExitUsage;
  }
  const auto in_format = roster_format(in_path);
  const auto out_format = roster_format(out_path);
  if (!in_format || !out_format) {
    std::cerr << "cadre convert: the extensions must be .json, .pb or .cadres\n";
    return kExitUsage;
  }
  std::ifstream in(in_path, std::ios::binary);
  if (!in) {
    std::cerr << "cadre convert: cannot read " << in_path << "\n";
    return kExitInput;
  }
  cadre::Status st;
  pb::Roster roster;
  std::string bytes;
  if (*in_format == cadre::codec::RosterFormat::kStream) {
    cadre::codec::StreamReader reader(in);
    if (*out_format == cadre::codec::RosterFormat::kStream) {
      // Record by record, in constant memory.
      std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
      if (!out) {
        std::cerr << "cadre convert: cannot write " << out_path << "\n";
        return kExitInput;
      }
      cadre::codec::StreamWriter writer(out);
      pb::RosterRecord record;
      while (st.ok() && reader.next(record)) st = writer.write(record);
      if (st.ok()) st = reader.status();
      if (st.ok()) st = writer.flush();
      if (!st.ok()) {
        std::cerr << "cadre convert: " << in_path << ": " << st.to_string() << "\n";
        return kExitInput;
      }
      return kExitOk;
    }
    st = cadre::codec::read_stream(reader, roster);
  } else {
    if (!read_file(in_path, bytes)) {
      std::cerr << "cadre convert: cannot read " << in_path << "\n";
      return kExitInput;
    }
    st = cadre::codec::parse_roster(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                    bytes.size(), *in_format, roster);
  }
  if (!st.ok()) {
    std::cerr << "cadre convert: " << in_path << ": " << st.to_string() << "\n";
    return kExitInput;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "cadre convert: cannot write " << out_path << "\n";
    return kExitInput;
  }
  if (*out_format == cadre::codec::RosterFormat::kStream) {
    st = cadre::codec::write_stream(roster, out);
  } else {
    st = cadre::codec::serialize_roster(roster, *out_format, bytes);
    if (st.ok()) {
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.flush();
      if (!out) st = {cadre::StatusCode::kUnavailable, "could not write the output"};
    }
  }
  if (!st.ok()) {
    std::cerr << "cadre convert: " << out_path << ": " << st.to_string() << "\n";
    return kExitInput;
  }
  return kExitOk;
}

void print_error(std::ostream &os, const std::string &record, const std::string &id,
                 const std::string &field, const std::string &message) {
  os << record;
  if (!id.empty()) os << " (id " << id << ")";
  os << ": ";
  if (!field.empty()) os << field << ": ";
  os << message << "\n";
}

int cmd_validate(const std::vector<std::string> &args) {
  po::options_description desc("cadre validate [options] FILE");
  std::string path;
  std::string as_of_s;
  desc.add_options()("help,h", "show this help")("file", po::value(&path)->required(),
                                                 "roster: .json, .pb or .cadres")(
      "as-of", po::value(&as_of_s),
      "dates after this day are errors (default: the header's extraction day, if any)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    if (vm.count("help") != 0U) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    std::cerr << "cadre validate: " << e.what() << "\n" << desc << "\n";
    return kExitUsage;
  }
  std::optional<cadre::Date> as_of;
  if (!as_of_s.empty()) {
    as_of = cadre::Date::parse(as_of_s);
    if (!as_of) {
      std::cerr << "cadre validate: --as-of must be a date YYYY-MM-DD\n";
      return kExitUsage;
    }
  }
  const auto format = roster_format(path);
  if (!format) {
    std::cerr << "cadre validate: " << path << ": the extension must be .json, .pb or .cadres\n";
    return kExitUsage;
  }
  std::uint64_t error_count = 0;
  std::vector<cadre::Status> errors;
  if (*format == cadre::codec::RosterFormat::kStream) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "cadre validate: cannot read " << path << "\n";
      return kExitInput;
    }
    cadre::codec::StreamReader reader(in);
    pb::RosterRecord record;
    std::map<int, std::uint64_t> counts;  // per record kind
    cadre::Cadre cadre_out;
    cadre::RosterHeader header_out;
    cadre::Region region_out;
    cadre::Unit unit_out;
    cadre::LeadershipTeam team_out;
    cadre::PeerGroup group_out;
    cadre::UnitSpecialAssessment assessment_out;
    while (reader.next(record)) {
      errors.clear();
      const auto kind = static_cast<int>(record.record_case());
      const std::uint64_t index = counts[kind]++;
      const auto name = [&](std::string_view list) {
        return std::string(list) + "[" + std::to_string(index) + "]";
      };
      std::string where;
      std::string id;
      switch (record.record_case()) {
        case pb::RosterRecord::kHeader:
          where = "header";
          cadre::codec::decode(record.header(), "", header_out, errors);
          if (!as_of && !record.header().extracted_on().empty()) {
            as_of = cadre::Date::parse(record.header().extracted_on());
          }
          break;
        case pb::RosterRecord::kRegion:
          where = name("regions");
          cadre::codec::decode(record.region(), "", region_out, errors);
          break;
        case pb::RosterRecord::kUnit:
          where = name("units");
          id = record.unit().id();
          cadre::codec::decode(record.unit(), "", unit_out, errors);
          break;
        case pb::RosterRecord::kTeam:
          where = name("teams");
          id = record.team().id();
          cadre::codec::decode(record.team(), "", as_of, team_out, errors);
          break;
        case pb::RosterRecord::kPeerGroup:
          where = name("peer_groups");
          id = record.peer_group().id();
          cadre::codec::decode(record.peer_group(), "", group_out, errors);
          break;
        case pb::RosterRecord::kUnitAssessment:
          where = name("unit_assessments");
          id = record.unit_assessment().id();
          cadre::codec::decode(record.unit_assessment(), "", as_of, assessment_out, errors);
          break;
        case pb::RosterRecord::kCadre:
          where = name("cadres");
          id = record.cadre().id();
          cadre::codec::decode(record.cadre(), "", as_of, cadre_out, errors);
          break;
        case pb::RosterRecord::RECORD_NOT_SET:
          where = cadre::codec::StreamReader::path(reader.records() - 1);
          errors.push_back(cadre::invalid_argument("", "a record of no kind this version knows"));
          break;
      }
      if (id.size() > cadre::codec::kMaxTextBytes) id.clear();
      for (const cadre::Status &e : errors) {
        print_error(std::cout, where, id, e.field(), e.message());
      }
      error_count += errors.size();
    }
    if (!reader.status().ok()) {
      const cadre::Status &st = reader.status();
      print_error(std::cout, st.field(), "", "", st.message());
      ++error_count;
    }
  } else {
    std::string bytes;
    if (!read_file(path, bytes)) {
      std::cerr << "cadre validate: cannot read " << path << "\n";
      return kExitInput;
    }
    pb::Roster roster;
    if (auto st = cadre::codec::parse_roster(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                             bytes.size(), *format, roster);
        !st.ok()) {
      print_error(std::cout, st.field().empty() ? "roster" : st.field(), "", "", st.message());
      std::cout << "1 error\n";
      return kExitInput;
    }
    if (!as_of && !roster.header().extracted_on().empty()) {
      as_of = cadre::Date::parse(roster.header().extracted_on());
    }
    cadre::Roster out;
    cadre::codec::decode(roster, as_of, out, errors);
    for (const cadre::Status &e : errors) {
      if (const auto c = split_cadre_path(e.field());
          c && c->first >= 0 && c->first < roster.cadres_size()) {
        const std::string &id = roster.cadres(c->first).id();
        print_error(std::cout, "cadres[" + std::to_string(c->first) + "]",
                    id.size() <= cadre::codec::kMaxTextBytes ? id : std::string(), c->second,
                    e.message());
      } else {
        print_error(std::cout, e.field(), "", "", e.message());
      }
    }
    error_count = errors.size();
  }
  std::cout << error_count << (error_count == 1 ? " error" : " errors") << "\n";
  return error_count == 0 ? kExitOk : kExitInput;
}

std::string_view verification_tag(cadre::Verification v) {
  switch (v) {
    case cadre::Verification::kSaw:
      return "SAW";
    case cadre::Verification::kSawPartial:
      return "SAW-partial";
    case cadre::Verification::kSawSecondary:
      return "SAW-secondary";
    case cadre::Verification::kSawLocal:
      return "SAW-local";
    case cadre::Verification::kRecalled:
      return "RECALLED";
    default:
      return "unspecified";
  }
}

void print_citation(const cadre::Citation &c, std::ostream &os) {
  os << "    [" << verification_tag(c.verification) << "] " << c.document;
  if (!c.document_number.empty()) {
    os << "（" << c.document_number << "）";
  }
  os << " " << c.year << " " << c.article << c.item;
  if (!c.supports.empty()) {
    os << ": " << c.supports;
  }
  os << "\n";
}

// cadre catalogue list | show <rule-or-catalogue-id> [--catalogue FILE]...
int cmd_catalogue(const std::vector<std::string> &args) {
  po::options_description desc("cadre catalogue list | show ID [--catalogue FILE]...");
  std::vector<std::string> files;
  std::vector<std::string> words;
  desc.add_options()("help,h", "show this help")(
      "catalogue", po::value(&files), "also load a host catalogue (text format); repeatable")(
      "words", po::value(&words), "list, or show ID");
  po::positional_options_description pos;
  pos.add("words", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    if (vm.count("help") != 0U) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    std::cerr << "cadre catalogue: " << e.what() << "\n";
    return kExitUsage;
  }
  if (words.empty() || (words[0] != "list" && words[0] != "show") ||
      (words[0] == "show" && words.size() != 2) || (words[0] == "list" && words.size() != 1)) {
    std::cerr << "cadre catalogue: say 'list' or 'show ID'\n";
    return kExitUsage;
  }
  const auto &builtin = cadre::codec::builtin_catalogue_set();
  if (!builtin.ok()) {
    std::cerr << "cadre catalogue: " << builtin.status().to_string() << "\n";
    return kExitInput;
  }
  cadre::CatalogueSet set = *builtin;
  for (const std::string &f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      std::cerr << "cadre catalogue: cannot read " << f << "\n";
      return kExitInput;
    }
    cadre::Catalogue c;
    std::vector<cadre::Status> errors;
    if (!cadre::codec::parse_catalogue_text(text, f, c, errors)) {
      for (const cadre::Status &e : errors) {
        std::cerr << f << ": " << e.to_string() << "\n";
      }
      return kExitInput;
    }
    if (auto st = set.add(std::move(c)); !st.ok()) {
      std::cerr << f << ": " << st.to_string() << "\n";
      return kExitInput;
    }
  }
  if (words[0] == "list") {
    for (const cadre::Catalogue &c : set.catalogues()) {
      std::cout << c.id << "  " << c.jurisdiction << "  "
                << (c.effective_from ? c.effective_from->to_string() : "") << " – "
                << (c.effective_to ? c.effective_to->to_string() : "") << "  " << c.title.zh_cn
                << "  sha256:" << cadre::content_hash(c) << "\n";
      for (const cadre::Rule &r : c.rules) {
        std::cout << "  " << r.id << "  " << cadre::label(r.channel, cadre::Language::kZhCn) << "  "
                  << r.kind << "\n";
      }
    }
    return kExitOk;
  }
  const std::string &id = words[1];
  for (const cadre::Catalogue &c : set.catalogues()) {
    if (c.id == id) {
      std::cout << c.id << " (" << c.version << "): " << c.title.zh_cn << " / " << c.title.en
                << "\n  jurisdiction " << c.jurisdiction << "; base "
                << (c.base.empty() ? "—" : c.base) << "; sha256 " << cadre::content_hash(c)
                << "\n  " << c.completeness.zh_cn << "\n  " << c.completeness.en << "\n  "
                << c.rules.size() << " rules\n";
      return kExitOk;
    }
    const cadre::Rule *r = c.rule(id);
    if (r == nullptr) {
      continue;
    }
    std::cout << r->id << "  (catalogue " << c.id << ", sha256 " << cadre::content_hash(c) << ")\n"
              << "  渠道 channel: " << cadre::label(r->channel, cadre::Language::kZhCn) << " / "
              << cadre::label(r->channel, cadre::Language::kEn) << "\n";
    if (r->heading != cadre::Heading::kUnspecified) {
      std::cout << "  类别 heading: " << cadre::label(r->heading, cadre::Language::kZhCn) << "\n";
    }
    std::cout << "  zh-CN: " << r->text.zh_cn << "\n  en: " << r->text.en << "\n  citations:\n";
    for (const cadre::Citation &ci : r->citations) {
      print_citation(ci, std::cout);
    }
    for (const cadre::Parameter &p : r->parameters) {
      std::cout << "  parameter " << p.name << " = " << p.value << " " << p.unit << "\n";
      if (p.citation) {
        print_citation(*p.citation, std::cout);
      }
    }
    std::cout << "  kind " << r->kind << ", "
              << (r->decided_by == cadre::DecidedBy::kRecord ? "recorded (经组织认定)"
                                                             : "computed (依数据计算)")
              << (r->requires_prior_warning ? ", only after a warning not heeded" : "") << "\n";
    return kExitOk;
  }
  std::cerr << "cadre catalogue: no catalogue or rule \"" << id << "\"\n";
  return kExitInput;
}

// ---------------------------------------------------------------------------
// going up: eligibility, grade-cap

// Parses --lang; false when unknown.
bool parse_lang(const std::string &text, Lang &lang) {
  if (text == "en") {
    lang = Lang::kEn;
  } else if (text == "both") {
    lang = Lang::kBoth;
  } else if (text == "zh-CN" || text == "zh") {
    lang = Lang::kZh;
  } else {
    return false;
  }
  return true;
}

// Reads the cadres of a roster file (.json or .pb), keeping only @p only when not empty.
bool read_cadres(const std::string &command, const std::string &path, const std::string &only,
                 google::protobuf::RepeatedPtrField<pb::Cadre> &out) {
  std::string bytes;
  if (!read_file(path, bytes)) {
    std::cerr << "cadre " << command << ": cannot read roster file " << path << "\n";
    return false;
  }
  pb::Roster roster;
  const auto in_format =
      ends_with(path, ".json") ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  if (auto st = cadre::codec::parse(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                    bytes.size(), in_format, roster, "roster");
      !st.ok()) {
    std::cerr << "cadre " << command << ": " << path << ": " << st.to_string() << "\n";
    return false;
  }
  for (pb::Cadre &c : *roster.mutable_cadres()) {
    if (only.empty() || c.id() == only) {
      out.Add()->Swap(&c);
    }
  }
  return true;
}

void print_blocker(const pb::Blocker &b, Lang lang, std::ostream &os) {
  os << "  - " << b.rule_id() << "  "
     << (b.lifts_on().empty() ? std::string(zh_or_en(lang, "不自行解除", "does not lift"))
                              : std::string(zh_or_en(lang, "解除于 ", "lifts on ")) + b.lifts_on())
     << "  " << zh_or_en(lang, "记录 ", "record ") << b.record().id()
     << (b.exemption_claim_id().empty() ? "" : "  容错 " + b.exemption_claim_id()) << "\n";
  if (lang != Lang::kEn) {
    os << "      " << b.explanation().zh_cn() << "\n";
  }
  if (lang != Lang::kZh) {
    os << "      " << b.explanation().en() << "\n";
  }
  for (const pb::Citation &c : b.citations()) {
    os << "      [" << c.document()
       << (c.document_number().empty() ? "" : " " + c.document_number())
       << (c.article().empty() ? "" : " " + c.article()) << "; "
       << cadre::label(static_cast<cadre::Verification>(c.verification()),
                       lang == Lang::kEn ? cadre::Language::kEn : cadre::Language::kZhCn)
       << "]\n";
  }
}

void print_errors(const google::protobuf::RepeatedPtrField<pb::RecordError> &errors, Lang lang,
                  std::ostream &os) {
  for (const pb::RecordError &e : errors) {
    os << zh_or_en(lang, "拒收记录 ", "rejected record ") << "cadres[" << e.index() << "]"
       << (e.cadre_id().empty() ? "" : " (id " + e.cadre_id() + ")") << ": " << e.field_path()
       << ": " << e.message() << "\n";
  }
}

bool print_json(const std::string &command, const google::protobuf::Message &m) {
  std::string out;
  if (auto st = cadre::codec::serialize(m, cadre::codec::Format::kJson, out); !st.ok()) {
    std::cerr << "cadre " << command << ": " << st.to_string() << "\n";
    return false;
  }
  std::cout << out << "\n";
  return true;
}

// The options every roster command shares (--cadre, --roster, --format, --lang)
// and their parsing; the command adds its own options before calling parse().
struct RosterCommand {
  std::string name;
  po::options_description desc;
  std::string roster_path;
  std::string only;
  std::string format = "table";
  std::string lang_s = "zh-CN";
  Lang lang = Lang::kZh;

  explicit RosterCommand(std::string command)
      : name(std::move(command)), desc("cadre " + name + " [options] [ROSTER]") {
    desc.add_options()("help,h", "show this help");
  }

  // Adds the shared options, parses; returns an exit code when the command must stop.
  std::optional<int> parse(const std::vector<std::string> &args) {
    desc.add_options()("cadre", po::value(&only), "answer only for the cadre with this id")(
        "roster", po::value(&roster_path),
        "roster file: cadre.v1.Roster as JSON (.json) or protobuf binary (.pb); default: the "
        "bundled example roster")("format", po::value(&format), "output: table (default) or json")(
        "lang", po::value(&lang_s), "table language: zh-CN (default), en or both");
    po::positional_options_description pos;
    pos.add("roster", 1);
    po::variables_map vm;
    try {
      po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
      if (vm.count("help") != 0U) {
        std::cout << desc << "\n";
        return kExitOk;
      }
      po::notify(vm);
    } catch (const po::error &e) {
      std::cerr << "cadre " << name << ": " << e.what() << "\n" << desc << "\n";
      return kExitUsage;
    }
    if (!parse_lang(lang_s, lang) || (format != "table" && format != "json")) {
      std::cerr << "cadre " << name
                << ": --lang must be zh-CN, en or both; --format table or json\n";
      return kExitUsage;
    }
    if (roster_path.empty()) {
      roster_path = CADRE_DEFAULT_ROSTER;
    }
    return std::nullopt;
  }
};

int cmd_eligibility(const std::vector<std::string> &args) {
  RosterCommand command("eligibility");
  std::string as_of;
  std::string target_s = "higher";
  std::string level_s;
  command.desc.add_options()("as-of", po::value(&as_of)->required(), "as of this date, YYYY-MM-DD")(
      "target", po::value(&target_s),
      "same, higher (default), named, exceptional (破格) or candidate")(
      "level", po::value(&level_s),
      "rank level in view, e.g. RANK_LEVEL_COUNTY_PRINCIPAL (needed for --target named)");
  if (auto code = command.parse(args)) {
    return *code;
  }
  const Lang lang = command.lang;
  const std::string &format = command.format;
  const std::string &only = command.only;
  const std::map<std::string, pb::EligibilityTarget> targets = {
      {"same", pb::ELIGIBILITY_TARGET_SAME_LEVEL},
      {"higher", pb::ELIGIBILITY_TARGET_HIGHER_LEVEL},
      {"named", pb::ELIGIBILITY_TARGET_NAMED_LEVEL},
      {"exceptional", pb::ELIGIBILITY_TARGET_EXCEPTIONAL},
      {"candidate", pb::ELIGIBILITY_TARGET_CANDIDATE}};
  const auto target = targets.find(target_s);
  pb::RankLevel level = pb::RANK_LEVEL_UNSPECIFIED;
  if (target == targets.end() || (!level_s.empty() && !pb::RankLevel_Parse(level_s, &level))) {
    std::cerr << "cadre eligibility: unknown --target or --level\n" << command.desc << "\n";
    return kExitUsage;
  }
  pb::EligibilityRequest request;
  request.set_as_of(as_of);
  request.set_target(target->second);
  request.set_target_level(level);
  if (!read_cadres("eligibility", command.roster_path, only, *request.mutable_cadres())) {
    return kExitInput;
  }
  pb::EligibilityResponse response;
  if (auto st = cadre::service::eligibility(request, response); !st.ok()) {
    std::cerr << "cadre eligibility: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (format == "json") {
    return print_json("eligibility", response) ? kExitOk : kExitInput;
  }
  for (const pb::EligibilityAnswer &a : response.answers()) {
    std::cout << a.cadre_id() << "  " << rank_label(a.target_level(), lang) << "  "
              << (a.eligible() ? zh_or_en(lang, "可以", "eligible")
                               : zh_or_en(lang, "不可以", "not eligible"));
    if (!a.eligible()) {
      std::cout << "  "
                << (a.eligible_from().empty()
                        ? std::string(zh_or_en(lang, "（有不自行解除的障碍）",
                                               "(a blocker does not lift by itself)"))
                        : std::string(zh_or_en(lang, "最早 ", "from ")) + a.eligible_from());
    }
    std::cout << "\n";
    for (const pb::Blocker &b : a.blockers()) {
      print_blocker(b, lang, std::cout);
    }
    for (const pb::Blocker &b : a.waived()) {
      std::cout << zh_or_en(lang, "  已容错免责：", "  waived by exemption:") << "\n";
      print_blocker(b, lang, std::cout);
    }
  }
  print_errors(response.errors(), lang, std::cout);
  return kExitOk;
}

int cmd_grade_cap(const std::vector<std::string> &args) {
  RosterCommand command("grade-cap");
  int year = 0;
  command.desc.add_options()("year", po::value(&year)->required(), "the year assessed");
  if (auto code = command.parse(args)) {
    return *code;
  }
  const Lang lang = command.lang;
  const std::string &format = command.format;
  const std::string &only = command.only;
  pb::GradeCapRequest request;
  request.set_year(year);
  if (!read_cadres("grade-cap", command.roster_path, only, *request.mutable_cadres())) {
    return kExitInput;
  }
  pb::GradeCapResponse response;
  if (auto st = cadre::service::grade_cap(request, response); !st.ok()) {
    std::cerr << "cadre grade-cap: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (format == "json") {
    return print_json("grade-cap", response) ? kExitOk : kExitInput;
  }
  for (const pb::GradeCap &c : response.caps()) {
    std::cout << c.cadre_id() << "  " << c.year() << "  "
              << zh_or_en(lang, "最高可评 ", "best allowed ")
              << cadre::label(static_cast<cadre::AssessmentGrade>(c.best_allowed()),
                              lang == Lang::kEn ? cadre::Language::kEn : cadre::Language::kZhCn)
              << "\n";
    for (const pb::Blocker &b : c.reasons()) {
      print_blocker(b, lang, std::cout);
    }
    for (const pb::Blocker &b : c.waived()) {
      std::cout << zh_or_en(lang, "  已容错免责：", "  waived by exemption:") << "\n";
      print_blocker(b, lang, std::cout);
    }
  }
  print_errors(response.errors(), lang, std::cout);
  return kExitOk;
}

int cmd_warnings(const std::vector<std::string> &args) {
  RosterCommand command("warnings");
  std::string as_of;
  int horizon = 12;
  command.desc.add_options()("as-of", po::value(&as_of)->required(),
                             "first day of the window, YYYY-MM-DD")(
      "horizon", po::value(&horizon), "months ahead, 0 to 600 (default 12)");
  if (auto code = command.parse(args)) {
    return *code;
  }
  const Lang lang = command.lang;
  const std::string &format = command.format;
  const std::string &only = command.only;
  pb::WarningsRequest request;
  request.set_as_of(as_of);
  request.set_horizon_months(horizon);
  if (!read_cadres("warnings", command.roster_path, only, *request.mutable_cadres())) {
    return kExitInput;
  }
  pb::WarningsResponse response;
  if (auto st = cadre::service::warnings(cadre::service::builtin_engine(), request, response);
      !st.ok()) {
    std::cerr << "cadre warnings: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (format == "json") {
    return print_json("warnings", response) ? kExitOk : kExitInput;
  }
  for (const pb::ForwardWarning &w : response.warnings()) {
    std::cout << w.on() << "  " << w.cadre_id() << "  " << w.rule_id() << "  "
              << zh_or_en(lang, "记录 ", "record ") << w.record().id() << "\n";
    if (lang != Lang::kEn) {
      std::cout << "    " << w.explanation().zh_cn() << "\n";
    }
    if (lang != Lang::kZh) {
      std::cout << "    " << w.explanation().en() << "\n";
    }
  }
  print_errors(response.errors(), lang, std::cout);
  return kExitOk;
}

int cmd_consistency(const std::vector<std::string> &args) {
  RosterCommand command("consistency");
  std::string as_of;
  command.desc.add_options()("as-of", po::value(&as_of)->required(), "as of this date, YYYY-MM-DD");
  if (auto code = command.parse(args)) {
    return *code;
  }
  const Lang lang = command.lang;
  const std::string &format = command.format;
  const std::string &only = command.only;
  pb::ConsistencyRequest request;
  request.set_as_of(as_of);
  if (!read_cadres("consistency", command.roster_path, only, *request.mutable_cadres())) {
    return kExitInput;
  }
  pb::ConsistencyResponse response;
  if (auto st = cadre::service::consistency(request, response); !st.ok()) {
    std::cerr << "cadre consistency: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (format == "json") {
    return print_json("consistency", response) ? kExitOk : kExitInput;
  }
  for (const pb::ConsistencyFlag &f : response.flags()) {
    std::cout << f.cadre_id() << "  " << f.rule_id() << "  " << zh_or_en(lang, "记录 ", "record ")
              << f.record().id()
              << (f.due_on().empty()
                      ? ""
                      : std::string(zh_or_en(lang, "  期限 ", "  due ")) + f.due_on())
              << "\n";
    if (lang != Lang::kEn) {
      std::cout << "    " << f.explanation().zh_cn() << "\n";
    }
    if (lang != Lang::kZh) {
      std::cout << "    " << f.explanation().en() << "\n";
    }
  }
  print_errors(response.errors(), lang, std::cout);
  return kExitOk;
}

void usage(std::ostream &os) {
  os << "usage: cadre <command> [options]\n"
        "commands:\n"
        "  screen     who must go down as of a date, through which channel, under which rule\n"
        "  eligibility  whether cadres may go up as of a date, every blocker and when it lifts\n"
        "  grade-cap  the best annual grade still allowed for a year, and why\n"
        "  warnings   what is coming in the months ahead, in calendar order\n"
        "  consistency  sanctions without adjustment, adjustments in place of a sanction\n"
        "  generate   write a synthetic province (.json, .pb or the stream form .cadres)\n"
        "  convert    convert a roster between .json, .pb and .cadres\n"
        "  validate   print every error of a roster with its field path\n"
        "  catalogue  list the catalogues and rules, or show one with its citations\n"
        "  version    print the version\n"
        "run 'cadre <command> --help' for the options of a command\n";
}

}  // namespace

int main(int argc, char **argv) {
  try {
    if (argc < 2) {
      usage(std::cerr);
      return kExitUsage;
    }
    const std::string cmd = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "screen") {
      return cmd_screen(args);
    }
    if (cmd == "eligibility") {
      return cmd_eligibility(args);
    }
    if (cmd == "grade-cap") {
      return cmd_grade_cap(args);
    }
    if (cmd == "warnings") {
      return cmd_warnings(args);
    }
    if (cmd == "consistency") {
      return cmd_consistency(args);
    }
    if (cmd == "generate") {
      return cmd_generate(args);
    }
    if (cmd == "convert") {
      return cmd_convert(args);
    }
    if (cmd == "validate") {
      return cmd_validate(args);
    }
    if (cmd == "catalogue") {
      return cmd_catalogue(args);
    }
    if (cmd == "version" || cmd == "--version") {
      std::cout << "cadre " << CADRE_VERSION_STRING << " (ABI " << CADRE_ABI_VERSION << ")\n";
      return kExitOk;
    }
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
      usage(std::cout);
      return kExitOk;
    }
    std::cerr << "cadre: unknown command '" << cmd << "'\n";
    usage(std::cerr);
    return kExitUsage;
  } catch (const std::exception &e) {
    std::cerr << "cadre: " << e.what() << "\n";
    return kExitInput;
  }
}
