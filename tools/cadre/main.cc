// cadre — the command-line tool: screen a roster as of a date.
#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "cadre/cadre.hpp"
#include "cadre/version.h"
#include "codec/codec.hpp"
#include "codec/service.hpp"

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
  const pb::ScreenSummary &s = r.summary();
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

int cmd_screen(const std::vector<std::string> &args) {
  po::options_description desc("cadre screen [options] [ROSTER]");
  std::string as_of;
  std::string roster_path;
  std::string format = "table";
  std::string lang_s = "zh-CN";
  desc.add_options()("help,h", "show this help")("as-of", po::value(&as_of)->required(),
                                                 "screen as of this date, YYYY-MM-DD")(
      "roster", po::value(&roster_path),
      "roster file: cadre.v1.Roster as JSON (.json) or protobuf binary (.pb); "
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
  const cadre::Engine engine;
  if (auto st = cadre::service::screen(engine, request, response); !st.ok()) {
    std::cerr << "cadre screen: " << st.to_string() << "\n";
    return kExitInput;
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

void usage(std::ostream &os) {
  os << "usage: cadre <command> [options]\n"
        "commands:\n"
        "  screen     who must go down as of a date, through which channel, under which rule\n"
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
