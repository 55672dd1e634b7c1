#include "cli.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

#include "codec/codec.hpp"
#include "codec/stream.hpp"
#include "service/service.hpp"

#ifndef CADRE_DEFAULT_ROSTER
#define CADRE_DEFAULT_ROSTER ""
#endif

namespace cadre::cli {
namespace pb = ::cadre::v1;

std::string_view zh_or_en(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::kEn ? en : zh;
}

bool read_file(const std::string &path, std::string &out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return static_cast<bool>(in) || in.eof();
}

void complain(std::string_view command, std::string_view message) {
  std::cerr << "cadre " << command << ": " << message << "\n";
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
  std::string bytes;
  if (!read_file(roster_path, bytes)) {
    complain(name, "cannot read roster file " + roster_path);
    return kExitInput;
  }
  pb::Roster roster;
  if (auto st = codec::parse_roster(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                    bytes.size(), *format, roster);
      !st.ok()) {
    complain(name, roster_path + ": " + st.to_string());
    return kExitInput;
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
                                         google::protobuf::Message &response) const {
  if (!request_path.empty()) {
    std::string bytes;
    if (!read_file(request_path, bytes)) {
      complain(name, "cannot read the request file " + request_path);
      return kExitInput;
    }
    request.Clear();
    if (auto st = codec::parse(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                               codec::Format::kJson, request, "--request");
        !st.ok()) {
      fail(st);
      return kExitInput;
    }
  }
  if (auto st = service::call(op, service::builtin_engine(), request, response); !st.ok()) {
    fail(st);
    return kExitInput;
  }
  return std::nullopt;
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
  if (auto code = command.run(*request, *response)) {
    return *code;
  }
  return print_json(command.name, *response) ? kExitOk : kExitInput;
}

}  // namespace cadre::cli
