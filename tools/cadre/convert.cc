// cadre convert: a roster between .json, .pb and .cadres.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>

#include "cli.hpp"
#include "codec/roster_records.hpp"

namespace cadre::cli {

namespace {

// The output file, written as the conversion goes.
class FileSink final : public codec::ByteSink {
 public:
  explicit FileSink(std::string path) : path_(std::move(path)) {}
  cadre::Status open() {
    out_.open(path_, std::ios::binary | std::ios::trunc);
    return out_ ? cadre::Status() : failed();
  }
  cadre::Status append(std::string_view bytes) override {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out_ ? cadre::Status() : failed();
  }
  cadre::Status rewind() override {
    out_.close();
    return open();
  }
  cadre::Status close() {
    out_.close();
    return out_ ? cadre::Status() : failed();
  }
  void discard() {
    out_.close();
    static_cast<void>(std::remove(path_.c_str()));  // nothing more to do if it fails
  }

 private:
  static cadre::Status failed() {
    return {cadre::StatusCode::kUnavailable, "cannot write the output", "output"};
  }
  std::string path_;
  std::ofstream out_;
};

}  // namespace

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
  // Record by record, whatever the forms: the roster is never held.
  std::ifstream stream;
  InputFile file;
  codec::RosterInput input;
  if (*in_format == codec::RosterFormat::kStream) {
    stream.open(in_path, std::ios::binary);
    if (!stream) {
      std::cerr << "cadre convert: cannot read " << in_path << "\n";
      return kExitInput;
    }
    input.in = &stream;
  } else {
    if (auto st = file.open(in_path); !st.ok()) {
      std::cerr << "cadre convert: " << st.message() << "\n";
      return kExitInput;
    }
    input.data = file.data();
    input.size = file.size();
  }
  FileSink sink(out_path);
  cadre::Status st = sink.open();
  if (st.ok()) {
    st = codec::convert_roster(input, *in_format, *out_format, sink);
  }
  if (st.ok()) {
    st = sink.close();
  }
  if (!st.ok()) {
    // A file that is not a whole roster (or one over the limit that screen
    // reads, 2 GiB) is never left behind.
    sink.discard();
    std::cerr << "cadre convert: " << (st.field() == "output" ? out_path : in_path) << ": "
              << st.to_string() << "\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace cadre::cli
