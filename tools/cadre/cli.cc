#include "cli.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "codec/codec.hpp"
#include "codec/stream.hpp"
#include "service/operation.hpp"
#include "service/run_by_record.hpp"
#include "service/service.hpp"

#ifndef CADRE_DEFAULT_ROSTER
#define CADRE_DEFAULT_ROSTER ""
#endif

namespace cadre::cli {
namespace pb = ::cadre::v1;

std::string Bilingual::text(const LocalizedText &t) const {
  if (lang == Lang::kZh || t.en.empty()) {
    return t.zh_cn;
  }
  if (lang == Lang::kEn || t.zh_cn.empty()) {
    return t.en;
  }
  return t.zh_cn + " / " + t.en;
}

std::string Bilingual::text(const cadre::v1::LocalizedText &t) const {
  return text(LocalizedText{t.zh_cn(), t.en()});
}

std::string Bilingual::text(std::string_view zh, std::string_view en) const {
  if (lang == Lang::kBoth) {
    return std::string(zh) + " " + std::string(en);
  }
  return std::string(lang == Lang::kZh ? zh : en);
}

std::string Bilingual::citation(const cadre::v1::Citation &c) const {
  std::string out = text("依据", "basis") + ": " + c.document();
  if (!c.article().empty() || !c.item().empty()) {
    out += " " + c.article() + c.item();
  }
  out += " [" + label(static_cast<Verification>(c.verification())) + "]";
  if (c.evidence()) {
    out += " " + text("（仅作证据）", "(evidence only)");
  }
  return out;
}

std::string_view zh_or_en(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::kEn ? en : zh;
}

Status read_file(const std::string &path, std::string &out) {
  const auto cannot = [&] { return Status{StatusCode::kNotFound, "cannot read " + path}; };
  const auto too_large = [&] {
    return Status{StatusCode::kResourceExhausted,
                  path +
                      ": larger than 2 GiB (a roster that large must be in the stream "
                      "form, .cadres)"};
  };
  std::istream *in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > codec::kMaxInputBytes) {
      return too_large();  // refused from its size: nothing read
    }
    file.open(path, std::ios::binary);
    if (!file) {
      return cannot();
    }
    in = &file;
  }
  out.clear();
  std::array<char, 1U << 16U> chunk{};
  while (*in) {
    in->read(chunk.data(), chunk.size());
    const auto got = static_cast<std::size_t>(in->gcount());
    if (out.size() + got > codec::kMaxInputBytes) {
      out.clear();
      return too_large();
    }
    out.append(chunk.data(), got);
  }
  if (in->bad()) {
    return cannot();
  }
  return {};
}

InputFile::~InputFile() { release(); }

void InputFile::release() noexcept {
  if (map_ != nullptr) {
    ::munmap(map_, size_);
    map_ = nullptr;
  }
  size_ = 0;
  read_.clear();
  read_.shrink_to_fit();
}

const std::uint8_t *InputFile::data() const noexcept {
  return static_cast<const std::uint8_t *>(map_ != nullptr ? map_ : read_.data());
}

Status InputFile::open(const std::string &path) {
  release();
  const auto read_it = [&] {
    Status st = read_file(path, read_);
    size_ = read_.size();
    return st;
  };
  if (path == "-") {
    return read_it();
  }
  const int fd =
      ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (fd < 0) {
    return {StatusCode::kNotFound, "cannot read " + path};
  }
  struct stat info {};
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (!regular || info.st_size == 0) {
    ::close(fd);
    return read_it();  // a pipe, a device: read, and refused as it passes the limit
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > codec::kMaxInputBytes) {
    ::close(fd);
    return read_it();  // refused from its size: nothing read
  }
  void *map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    return read_it();
  }
  ::madvise(map, size, MADV_SEQUENTIAL);
  map_ = map;
  size_ = size;
  return {};
}

void complain(std::string_view command, std::string_view message) {
  std::cerr << "cadre " << command << ": " << message << "\n";
}

std::optional<int> read_json_file(std::string_view command, const std::string &path,
                                  const std::string &field, google::protobuf::Message &out) {
  std::string bytes;
  if (auto st = read_file(path, bytes); !st.ok()) {
    complain(command, field + " file: " + st.message());
    return kExitInput;
  }
  if (auto st = codec::parse(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                             codec::Format::kJson, out, field);
      !st.ok()) {
    complain(command, path + ": " + st.to_string());
    return kExitInput;
  }
  return std::nullopt;
}

std::string count(std::int64_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " " + std::string(noun);
  if (n != 1) {
    out += 's';
  }
  return out;
}

std::optional<int> parse_options(std::string_view command, const Args &args,
                                 po::options_description &desc,
                                 const po::positional_options_description &pos,
                                 po::variables_map &vm) {
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    if (vm.count("help") != 0U) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error &e) {
    std::cerr << "cadre " << command << ": " << e.what() << "\n" << desc << "\n";
    return kExitUsage;
  }
  return std::nullopt;
}

bool print_json(std::string_view command, const google::protobuf::Message &message) {
  std::string out;
  if (auto st = codec::serialize(message, codec::Format::kJson, out); !st.ok()) {
    complain(command, st.to_string());
    return false;
  }
  std::cout << out << "\n";
  return true;
}

void print_errors(const google::protobuf::RepeatedPtrField<pb::RecordError> &errors, Lang lang,
                  std::ostream &os) {
  for (const pb::RecordError &e : errors) {
    os << zh_or_en(lang, "拒收记录 ", "rejected record ") << "cadres[" << e.index() << "]"
       << (e.cadre_id().empty() ? "" : " (id " + e.cadre_id() + ")") << ": " << e.field_path()
       << ": " << e.message() << "\n";
  }
}

// ---------------------------------------------------------------------------
// OperationCommand

OperationCommand::OperationCommand(const service::Operation &operation)
    : op(operation),
      name(operation.cli_command()),
      desc("cadre " + name + " [options] [ROSTER]\n" + std::string(operation.brief)) {
  desc.add_options()("help,h", "show this help");
}

std::optional<int> OperationCommand::parse(const Args &args) {
  std::string format = "table";
  std::string lang_s = "zh-CN";
  desc.add_options()("cadre", po::value(&only), "answer only for the cadre with this id")(
      "roster", po::value(&roster_path),
      "roster file: cadre.v1.Roster as JSON (.json) or protobuf binary (.pb), or the stream form "
      "(.cadres); default: the bundled example roster")(
      "request", po::value(&request_path),
      ("the whole request instead of the options: a " + op.request->GetDescriptor()->full_name() +
       " in protobuf JSON (- for standard input)")
          .c_str())("format", po::value(&format), "output: table (default) or json")(
      "lang", po::value(&lang_s), "table language: zh-CN (default), en or both");
  po::positional_options_description pos;
  pos.add("roster", 1);
  po::variables_map vm;
  if (auto code = parse_options(name, args, desc, pos, vm)) {
    return code;
  }
  if (!parse_choice<Lang>(
          name, "--lang", lang_s,
          {{"zh-CN", Lang::kZh}, {"zh", Lang::kZh}, {"en", Lang::kEn}, {"both", Lang::kBoth}},
          lang) ||
      !parse_choice<bool>(name, "--format", format, {{"table", false}, {"json", true}}, json)) {
    return kExitUsage;
  }
  if (roster_path.empty()) {
    roster_path = CADRE_DEFAULT_ROSTER;
  }
  return std::nullopt;
}

std::optional<int> OperationCommand::read_cadres(
    google::protobuf::RepeatedPtrField<pb::Cadre> &out) const {
  const auto format = codec::roster_format_from_path(roster_path);
  if (!format) {
    complain(name, roster_path + ": the extension must be .json, .pb or .cadres");
    return kExitUsage;
  }
  InputFile file;
  if (auto st = file.open(roster_path); !st.ok()) {
    complain(name, "roster file: " + st.message());
    return kExitInput;
  }
  pb::Roster roster;
  // A whole roster (.json, .pb) is read record by record: a cadre that does
  // not parse is reported by run() and the others are answered.
  std::vector<codec::UnreadRecord> bad;
  if (auto st =
          *format == codec::RosterFormat::kStream
              ? codec::parse_roster(file.data(), file.size(), *format, roster)
              : codec::parse_by_record(file.data(), file.size(),
                                       static_cast<codec::Format>(*format), roster, "roster", bad);
      !st.ok()) {
    complain(name, roster_path + ": " + st.to_string());
    return kExitInput;
  }
  if (only.empty()) {
    for (codec::UnreadRecord &u : bad) {
      if (u.list == "cadres") {
        unread.push_back(std::move(u));
      }
    }
  }
  for (pb::Cadre &c : *roster.mutable_cadres()) {
    if (only.empty() || c.id() == only) {
      out.Add()->Swap(&c);
    }
  }
  if (!only.empty() && out.empty()) {
    fail(Status(StatusCode::kNotFound, "no cadre with this id in " + roster_path, "--cadre"));
    return kExitInput;
  }
  return std::nullopt;
}

std::optional<int> OperationCommand::run(google::protobuf::Message &request,
                                         google::protobuf::Message &response,
                                         const Rows &rows) const {
  if (!service::runs_by_record(op)) {
    // An operation on one thing (a day, a period): its request is small.
    if (!request_path.empty()) {
      InputFile file;
      if (auto st = file.open(request_path); !st.ok()) {
        complain(name, "request file: " + st.message());
        return kExitInput;
      }
      unread.clear();
      if (auto st = codec::parse_by_record(file.data(), file.size(), codec::Format::kJson, request,
                                           "--request", unread);
          !st.ok()) {
        fail(st);
        return kExitInput;
      }
    }
    if (auto st = service::call(op, engine != nullptr ? *engine : service::builtin_engine(),
                                request, unread, response, store);
        !st.ok()) {
      fail(st);
      return kExitInput;
    }
    return std::nullopt;
  }
  InputFile file;
  codec::Format format = codec::Format::kJson;
  const google::protobuf::Descriptor *type = op.request->GetDescriptor();
  bool whole = false;
  if (!request_path.empty()) {
    if (auto st = file.open(request_path); !st.ok()) {
      complain(name, "request file: " + st.message());
      return kExitInput;
    }
    // The fields outside `cadres`; the cadres are only skipped over.
    if (auto st = codec::parse_head(file.data(), file.size(), format, request, "--request", whole);
        !st.ok()) {
      fail(st);
      return kExitInput;
    }
    if (whole) {
      unread.clear();
      if (auto st = codec::parse_by_record(file.data(), file.size(), format, request, "--request",
                                           unread);
          !st.ok()) {
        fail(st);
        return kExitInput;
      }
      return run_whole(request, response, rows);
    }
  } else {
    const auto roster_format = codec::roster_format_from_path(roster_path);
    if (roster_format && *roster_format != codec::RosterFormat::kStream) {
      if (auto st = file.open(roster_path); !st.ok()) {
        complain(name, "roster file: " + st.message());
        return kExitInput;
      }
      format = static_cast<codec::Format>(*roster_format);
      type = pb::Roster::descriptor();
      pb::Roster head;  // the header; the lists are only skipped over
      if (auto st = codec::parse_head(file.data(), file.size(), format, head, "roster", whole);
          !st.ok()) {
        complain(name, roster_path + ": " + st.to_string());
        return kExitInput;
      }
    }
    if (!roster_format || *roster_format == codec::RosterFormat::kStream || whole) {
      // The stream form (or a file the record reader cannot follow): whole.
      google::protobuf::RepeatedPtrField<pb::Cadre> read;
      if (auto code = read_cadres(read)) {
        return code;
      }
      std::vector<pb::Cadre *> each(static_cast<std::size_t>(read.size()));
      read.ExtractSubrange(0, read.size(), each.data());
      const google::protobuf::FieldDescriptor *cadres =
          request.GetDescriptor()->FindFieldByName("cadres");
      for (pb::Cadre *c : each) {
        request.GetReflection()->AddAllocatedMessage(&request, cadres, c);  // owns it now
      }
      return run_whole(request, response, rows);
    }
  }
  // Only --cadre, when given: the cadres kept are numbered among themselves.
  int kept = 0;
  service::CadreFilter keep;
  if (request_path.empty() && !only.empty()) {
    keep = [&](const pb::Cadre &c) {
      if (c.id() != only) {
        return false;
      }
      ++kept;
      return true;
    };
  }
  std::optional<service::ResponseWriter> writer;
  if (json) {
    writer.emplace(response, codec::Format::kJson);
  }
  service::ResponseWriter *w = writer ? &*writer : nullptr;
  if (auto st =
          service::run_by_record(op, engine != nullptr ? *engine : service::builtin_engine(),
                                 request, file.data(), file.size(), format, type, keep, response,
                                 [&](google::protobuf::Message &m) { return take(m, rows, w); });
      !st.ok()) {
    fail(st);
    return kExitInput;
  }
  if (keep && kept == 0) {
    fail(Status(StatusCode::kNotFound, "no cadre with this id in " + roster_path, "--cadre"));
    return kExitInput;
  }
  return finish(response, rows, w);
}

std::optional<int> OperationCommand::run_whole(google::protobuf::Message &request,
                                               google::protobuf::Message &response,
                                               const Rows &rows) const {
  if (auto st = service::call(op, engine != nullptr ? *engine : service::builtin_engine(), request,
                              unread, response, store);
      !st.ok()) {
    fail(st);
    return kExitInput;
  }
  std::optional<service::ResponseWriter> writer;
  if (json) {
    writer.emplace(response, codec::Format::kJson);
  }
  return finish(response, rows, writer ? &*writer : nullptr);
}

Status OperationCommand::take(google::protobuf::Message &response, const Rows &rows,
                              service::ResponseWriter *writer) const {
  if (print_rows) {
    if (writer != nullptr) {
      return writer->flush(response);  // serialized and cleared
    }
    if (rows) {
      rows(response);
    }
  }
  const google::protobuf::Descriptor *d = response.GetDescriptor();
  for (int f = 0; f < d->field_count(); ++f) {
    if (d->field(f)->is_repeated()) {
      response.GetReflection()->ClearField(&response, d->field(f));
    }
  }
  return {};
}

std::optional<int> OperationCommand::finish(google::protobuf::Message &response, const Rows &rows,
                                            service::ResponseWriter *writer) const {
  if (auto st = take(response, rows, writer); !st.ok()) {
    complain(name, st.to_string());
    return kExitInput;
  }
  if (writer == nullptr) {
    return std::nullopt;  // the caller prints what follows the rows
  }
  std::string out;
  if (auto st = writer->finish(response, out); !st.ok()) {
    complain(name, st.to_string());
    return kExitInput;
  }
  std::cout << out << "\n";
  return kExitOk;
}

void OperationCommand::fail(const Status &st) const {
  std::string field = st.field();
  if (request_path.empty()) {
    for (const auto &[request_field, flag] : flags) {
      if (field == request_field) {
        field = flag;
      }
    }
  }
  std::cerr << "cadre " << name << ": " << (field.empty() ? "" : field + ": ")
            << status_code_name(static_cast<int>(st.code())) << ": " << st.message() << "\n";
}

int run_generic(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  if (auto code = command.parse(args)) {
    return *code;
  }
  if (command.request_path.empty()) {
    complain(command.name, "--request: required (a " + op.request->GetDescriptor()->full_name() +
                               " in protobuf JSON)");
    return kExitUsage;
  }
  std::unique_ptr<google::protobuf::Message> request(op.request->New());
  std::unique_ptr<google::protobuf::Message> response(op.response->New());
  command.json = true;  // the response as JSON, always
  if (auto code = command.run(*request, *response)) {
    return *code;
  }
  return print_json(command.name, *response) ? kExitOk : kExitInput;
}

}  // namespace cadre::cli
