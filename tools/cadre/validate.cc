// cadre validate: every error of a roster with its field path.
#include <fstream>
#include <iostream>

#include "cadre/cadre.hpp"
#include "cli.hpp"
#include "codec/codec.hpp"
#include "codec/roster_records.hpp"

namespace cadre::cli {

namespace {

void print_error(std::ostream &os, const std::string &record, const std::string &id,
                 const std::string &field, const std::string &message) {
  os << record;
  if (!id.empty()) os << " (id " << id << ")";
  os << ": ";
  if (!field.empty()) os << field << ": ";
  os << message << "\n";
}

}  // namespace

int cmd_validate(const Args &args) {
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
  if (auto code = parse_options("validate", args, desc, pos, vm)) {
    return *code;
  }
  std::optional<cadre::Date> as_of;
  if (!as_of_s.empty()) {
    as_of = cadre::Date::parse(as_of_s);
    if (!as_of) {
      std::cerr << "cadre validate: --as-of must be a date YYYY-MM-DD\n";
      return kExitUsage;
    }
  }
  const auto format = codec::roster_format_from_path(path);
  if (!format) {
    std::cerr << "cadre validate: " << path << ": the extension must be .json, .pb or .cadres\n";
    return kExitUsage;
  }
  // Record by record, whatever the form: the roster is never held.
  std::ifstream stream;
  InputFile file;
  codec::RosterInput input;
  if (*format == codec::RosterFormat::kStream) {
    stream.open(path, std::ios::binary);
    if (!stream) {
      std::cerr << "cadre validate: cannot read " << path << "\n";
      return kExitInput;
    }
    input.in = &stream;
  } else {
    if (auto st = file.open(path); !st.ok()) {
      std::cerr << "cadre validate: " << st.message() << "\n";
      return kExitInput;
    }
    input.data = file.data();
    input.size = file.size();
  }
  const codec::RosterValidation v = codec::validate_roster(
      input, *format, as_of, true,
      [](const codec::RecordFinding &f) {
        print_error(std::cout, f.record, f.id, f.error.field(), f.error.message());
      },
      codec::kMaxRosterRecords);
  std::uint64_t error_count = v.errors;
  if (!v.failed.ok()) {
    const cadre::Status &st = v.failed;
    print_error(std::cout, st.field().empty() ? "roster" : st.field(), "", "", st.message());
    ++error_count;
  }
  std::cout << error_count << (error_count == 1 ? " error" : " errors") << "\n";
  return error_count == 0 ? kExitOk : kExitInput;
}

}  // namespace cadre::cli
