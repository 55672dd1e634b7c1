// cadre convert: a roster between .json, .pb and .cadres.
#include <fstream>
#include <iostream>

#include "cli.hpp"
#include "codec/stream.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

int cmd_convert(const Args &args) {
  po::options_description desc("cadre convert [options] IN OUT");
  std::string in_path;
  std::string out_path;
  desc.add_options()("help,h", "show this help")("in", po::value(&in_path)->required(),
                                                 "input roster: .json, .pb or .cadres")(
      "out", po::value(&out_path)->required(), "output roster: .json, .pb or .cadres");
  po::positional_options_description pos;
  pos.add("in", 1).add("out", 1);
  po::variables_map vm;
  if (auto code = parse_options("convert", args, desc, pos, vm)) {
    return *code;
  }
  const auto in_format = codec::roster_format_from_path(in_path);
  const auto out_format = codec::roster_format_from_path(out_path);
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
  if (*in_format == codec::RosterFormat::kStream) {
    codec::StreamReader reader(in);
    if (*out_format == codec::RosterFormat::kStream) {
      // Record by record, in constant memory.
      std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
      if (!out) {
        std::cerr << "cadre convert: cannot write " << out_path << "\n";
        return kExitInput;
      }
      codec::StreamWriter writer(out);
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
    st = codec::read_stream(reader, roster);
  } else {
    if (auto read = read_file(in_path, bytes); !read.ok()) {
      std::cerr << "cadre convert: " << read.message() << "\n";
      return kExitInput;
    }
    st = codec::parse_roster(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                             *in_format, roster);
  }
  if (!st.ok()) {
    std::cerr << "cadre convert: " << in_path << ": " << st.to_string() << "\n";
    return kExitInput;
  }
  // A whole roster is serialized before the file is opened: one over the
  // limit that screen reads (2 GiB) is refused, and no file is written.
  if (*out_format != codec::RosterFormat::kStream) {
    st = codec::serialize_roster(roster, *out_format, bytes);
    if (!st.ok()) {
      std::cerr << "cadre convert: " << out_path << ": " << st.to_string() << "\n";
      return kExitInput;
    }
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "cadre convert: cannot write " << out_path << "\n";
    return kExitInput;
  }
  if (*out_format == codec::RosterFormat::kStream) {
    st = codec::write_stream(roster, out);
  } else {
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

}  // namespace cadre::cli
