// cadre generate: a synthetic province (.json, .pb or the stream form .cadres).
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli.hpp"
#include "codec/stream.hpp"
#include "generator/province.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

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

}  // namespace

int cmd_generate(const Args &args) {
  po::options_description desc("cadre generate [options] --out FILE");
  std::string seed_s = std::to_string(generator::Options{}.seed);
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
  const po::positional_options_description pos;
  po::variables_map vm;
  if (auto code = parse_options("generate", args, desc, pos, vm)) {
    return *code;
  }
  generator::Options options;
  std::uint64_t n = 0;
  if (!parse_count(seed_s, UINT64_MAX, options.seed)) {
    std::cerr << "cadre generate: --seed must be a non-negative integer\n";
    return kExitUsage;
  }
  if (!parse_count(cadres_s, generator::kMaxCadres, n) || n == 0) {
    std::cerr << "cadre generate: --cadres must be within 1 and " << generator::kMaxCadres << "\n";
    return kExitUsage;
  }
  options.cadres = static_cast<int>(n);
  if (!parse_count(years_s, generator::kMaxYears, n) || n < generator::kMinYears) {
    std::cerr << "cadre generate: --years must be within " << generator::kMinYears << " and "
              << generator::kMaxYears << "\n";
    return kExitUsage;
  }
  options.years_of_history = static_cast<int>(n);
  const auto end = cadre::Date::parse(end_s);
  if (!end) {
    std::cerr << "cadre generate: --end must be a date YYYY-MM-DD\n";
    return kExitUsage;
  }
  options.end = *end;
  if (auto st = generator::validate(options); !st.ok()) {
    std::cerr << "cadre generate: --" << st.field() << ": " << st.message() << "\n";
    return kExitUsage;
  }
  const auto format = codec::roster_format_from_path(out_path);
  if (!format) {
    std::cerr << "cadre generate: " << out_path
              << ": the extension must be .json, .pb or .cadres\n";
    return kExitUsage;
  }
  if (*format != codec::RosterFormat::kStream && options.cadres > generator::kMaxRosterCadres) {
    std::cerr << "cadre generate: " << options.cadres << " cadres is more than "
              << generator::kMaxRosterCadres
              << " for a whole roster (.json or .pb): write the stream form (.cadres)\n";
    return kExitUsage;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "cadre generate: cannot write " << out_path << "\n";
    return kExitInput;
  }
  const bool progress = isatty(STDERR_FILENO) != 0;
  if (*format == codec::RosterFormat::kStream) {
    codec::StreamWriter writer(out);
    std::uint64_t cadres = 0;
    auto st = generator::generate(options, [&](pb::RosterRecord &record) {
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
  if (auto st = generator::generate_roster(options, roster); !st.ok()) {
    std::cerr << "cadre generate: " << st.to_string() << "\n";
    return kExitInput;
  }
  if (auto st = codec::serialize_roster(roster, *format, bytes); !st.ok()) {
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

}  // namespace cadre::cli
