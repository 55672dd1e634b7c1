// cadre_labelgen: writes the label table of every enum of package cadre.v1.
//
// The labels in zh-CN and English are the (zh_cn) and (en) options of the enum
// values in proto/cadre/v1 (the one source of labels). This host tool reads
// them from the descriptors compiled into it (target cadre_proto) and writes
// a C++ table that src/labels.cc includes, so cadre_cpp needs no protobuf.
//
// Usage: cadre_labelgen [--descriptor-set FILE] [--enums-header OUT.hpp]
//                       [--enums-table OUT.inc] OUTPUT.inc cadre/v1/a.proto...
//
// With --enums-header, it also writes cadre/enums.hpp: every enum of
// cadre/v1/enums.proto as a C++ enum class, with the schema's comments (from a
// descriptor set with source info) and the labels as documentation. With
// --enums-table, the table tests/unit/enums_test.cc checks that header with:
// one row per value, its proto name and the number of its C++ enumerator.
//
// With --descriptor-set, the files come from a serialized FileDescriptorSet
// instead of the descriptors compiled into the tool (tests/proto uses it to
// check that a value without a label fails).
//
// Every enum of package cadre.v1 in the named files and in the files they
// import, nested enums included, goes into the table. A value without a
// (zh_cn) or an (en) label fails the run (exit status 1) with a message naming
// the value. The output is written only when its content changes.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/v1/enums.pb.h"
#include "cadre/v1/options.pb.h"
#include "common/generated_file.hpp"
#include "common/schema.hpp"

namespace {

namespace gp = google::protobuf;

constexpr std::string_view kPackage = "cadre.v1";

struct Value {
  int number = 0;
  std::string name;  // e.g. CHANNEL_ACCOUNTABILITY
  std::string zh_cn;
  std::string en;
};

struct Enum {
  std::string full_name;  // e.g. cadre.v1.Channel
  std::string file;
  std::vector<Value> values;  // sorted by number, one per number
};

// Every enum declared in @p file and nested in its messages.
void collect_messages(const gp::Descriptor *message, std::vector<const gp::EnumDescriptor *> &out) {
  for (int i = 0; i < message->enum_type_count(); ++i) {
    out.push_back(message->enum_type(i));
  }
  for (int i = 0; i < message->nested_type_count(); ++i) {
    collect_messages(message->nested_type(i), out);
  }
}

// The files of package cadre.v1 among @p file and its imports, by name.
void collect_files(const gp::FileDescriptor *file,
                   std::map<std::string, const gp::FileDescriptor *> &out) {
  if (file->package() != kPackage || out.contains(file->name())) {
    return;
  }
  out.emplace(file->name(), file);
  for (int i = 0; i < file->dependency_count(); ++i) {
    collect_files(file->dependency(i), out);
  }
}

// Whether @p text can go into the table: valid UTF-8 without control characters.
bool printable_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    if (c < 0x20U || c == 0x7fU) {
      return false;
    }
    if (c < 0x80U) {
      len = 1;
    } else if ((c & 0xe0U) == 0xc0U && c >= 0xc2U) {
      len = 2;
    } else if ((c & 0xf0U) == 0xe0U) {
      len = 3;
    } else if ((c & 0xf8U) == 0xf0U && c <= 0xf4U) {
      len = 4;
    } else {
      return false;
    }
    if (i + len > text.size()) {
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0U) != 0x80U) {
        return false;
      }
    }
    i += len;
  }
  return true;
}

// @p text as a C++ string literal (UTF-8 kept as it is; '"' and '\' escaped).
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  out += '"';
  return out;
}

// Reads the labels of @p desc; appends a message to @p problems for each
// value without a label.
Enum read_enum(const gp::EnumDescriptor *desc, std::vector<std::string> &problems) {
  Enum e{desc->full_name(), desc->file()->name(), {}};
  std::set<int> numbers;
  for (int i = 0; i < desc->value_count(); ++i) {
    const gp::EnumValueDescriptor *v = desc->value(i);
    Value value{v->number(), v->name(), v->options().GetExtension(cadre::v1::zh_cn),
                v->options().GetExtension(cadre::v1::en)};
    const std::string where = desc->full_name() + "." + v->name() + " (" + e.file + ")";
    const auto check = [&](std::string_view option, const std::string &text) {
      if (text.empty()) {
        problems.push_back(where + " has no (" + std::string(option) + ") label");
      } else if (!printable_utf8(text)) {
        problems.push_back(where + ": the (" + std::string(option) +
                           ") label is not printable UTF-8");
      }
    };
    check("zh_cn", value.zh_cn);
    check("en", value.en);
    // An alias (allow_alias) shares the number of an earlier value: the
    // first value of a number gives its labels.
    if (numbers.insert(value.number).second) {
      e.values.push_back(std::move(value));
    }
  }
  std::sort(e.values.begin(), e.values.end(),
            [](const Value &a, const Value &b) { return a.number < b.number; });
  return e;
}

std::string render(const std::vector<Enum> &enums) {
  std::size_t total = 0;
  for (const Enum &e : enums) {
    total += e.values.size();
  }
  std::ostringstream os;
  os << "// Generated by cadre_labelgen from the (zh_cn) and (en) options of the enum values\n"
        "// of package cadre.v1 (proto/cadre/v1). Do not edit: edit the .proto files.\n"
        "//\n"
        "// kLabelEnums: one row per enum, sorted by full name: {name, first, count}, the\n"
        "// rows kLabelValues[first, first + count) of its values.\n"
        "// kLabelValues: {number, zh_cn, en}, sorted by number within each enum.\n"
        "// Included by src/labels.cc, which defines LabelEnum and LabelValue.\n\n";
  os << "constexpr std::array<LabelEnum, " << enums.size() << "> kLabelEnums = {{\n";
  std::size_t first = 0;
  for (const Enum &e : enums) {
    os << "    {" << literal(e.full_name) << ", " << first << ", " << e.values.size() << "},\n";
    first += e.values.size();
  }
  os << "}};\n\n";
  os << "constexpr std::array<LabelValue, " << total << "> kLabelValues = {{\n";
  for (const Enum &e : enums) {
    os << "    // " << e.full_name << " (" << e.file << ")\n";
    for (const Value &v : e.values) {
      os << "    {" << v.number << ", " << literal(v.zh_cn) << ", " << literal(v.en) << "},  // "
         << v.name << "\n";
    }
  }
  os << "}};\n";
  return os.str();
}

// "PROVINCE_PRINCIPAL" -> "kProvincePrincipal".
std::string enumerator(std::string_view proto_name) {
  std::string out = "k";
  bool upper = true;
  for (const char c : proto_name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? c : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    upper = false;
  }
  return out;
}

// The comment above @p desc in the .proto file, on one line.
template <typename D>
std::string proto_comment(const D *desc) {
  gp::SourceLocation loc;
  if (!desc->GetSourceLocation(&loc)) return {};
  std::string out;
  for (const char c : loc.leading_comments) {
    const char ch = c == '\n' ? ' ' : c;
    if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The enums of @p file, in file order, each with its values by number.
std::vector<const gp::EnumDescriptor *> file_enums(const gp::FileDescriptor *file) {
  std::vector<const gp::EnumDescriptor *> out;
  out.reserve(static_cast<std::size_t>(file->enum_type_count()));
  for (int i = 0; i < file->enum_type_count(); ++i) out.push_back(file->enum_type(i));
  return out;
}

// is_known() of enum @p e: one range test when its numbers are contiguous (all
// of the schema's are today), else a test per number. Validation calls it once
// per enum field of a record, inline, instead of the out-of-line X_IsValid().
std::string render_is_known(const gp::EnumDescriptor *e) {
  std::vector<int> numbers;
  numbers.reserve(static_cast<std::size_t>(e->value_count()));
  for (int i = 0; i < e->value_count(); ++i) numbers.push_back(e->value(i)->number());
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::ostringstream os;
  os << "/**\n * Whether a number is a value of `" << e->full_name()
     << "` this version knows.\n * @param value the number, as the enum\n"
        " * @return true for a value of the schema this header was generated from\n */\n"
     << "constexpr bool is_known(" << e->name() << " value) noexcept {\n"
     << "  const auto n = static_cast<std::int32_t>(value);\n";
  if (numbers.back() - numbers.front() + 1 == static_cast<int>(numbers.size())) {
    os << "  return n >= " << numbers.front() << " && n <= " << numbers.back() << ";\n";
  } else {
    os << "  return ";
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      os << (i == 0 ? "" : " || ") << "n == " << numbers[i];
    }
    os << ";\n";
  }
  os << "}\n";
  return os.str();
}

// cadre/enums.hpp.
std::string render_enums_header(const gp::FileDescriptor *file,
                                std::vector<std::string> &problems) {
  std::ostringstream os;
  os << "/**\n * @file cadre/enums.hpp\n * @brief Every enumeration of the schema (" << file->name()
     << ") as a C++ enum class.\n *\n"
        " * Generated by cadre_labelgen from the schema: each enumerator has the number of the\n"
        " * schema's value and its labels in zh-CN and English as its documentation. Do not edit:\n"
        " * edit the .proto file. Enumerations are open, as in the schema: a number unknown to\n"
        " * this version is kept as it is in a domain value and reported by validation, never\n"
        " * crashed on. The labels are also in cadre/labels.hpp.\n */\n"
        "#ifndef CADRE_ENUMS_HPP\n#define CADRE_ENUMS_HPP\n\n#include <cstdint>\n\n"
        "namespace cadre {\ninline namespace api_v1 {\n";
  for (const gp::EnumDescriptor *e : file_enums(file)) {
    const std::string prefix = cadre::tools::enum_value_prefix(e->name());
    std::string doc = proto_comment(e);
    if (!doc.empty() && doc.back() != '.') doc += '.';
    os << "\n/** " << (doc.empty() ? "" : doc + " ") << "Schema: `" << e->full_name()
       << "`. */\nenum class " << e->name() << " : std::int32_t {\n";
    for (int i = 0; i < e->value_count(); ++i) {
      const gp::EnumValueDescriptor *v = e->value(i);
      if (v->name().rfind(prefix, 0) != 0) {
        problems.push_back(v->full_name() + " does not start with " + prefix);
        continue;
      }
      os << "  " << enumerator(v->name().substr(prefix.size())) << " = " << v->number()
         << ",  ///< " << v->options().GetExtension(cadre::v1::zh_cn) << " ("
         << v->options().GetExtension(cadre::v1::en) << ")\n";
    }
    os << "};\n" << render_is_known(e);
  }
  os << "\n}  // namespace api_v1\n}  // namespace cadre\n\n#endif  // CADRE_ENUMS_HPP\n";
  return os.str();
}

// The table of tests/unit/enums_test.cc: {enum, value, C++ number, is_known()}.
std::string render_enums_table(const gp::FileDescriptor *file) {
  std::ostringstream os;
  os << "// Generated by cadre_labelgen with cadre/enums.hpp: one row per value of\n"
        "// "
     << file->name()
     << ", {enum, value, number of the C++ enumerator, its is_known()}.\n"
        "// Included by tests/unit/enums_test.cc.\n";
  for (const gp::EnumDescriptor *e : file_enums(file)) {
    const std::string prefix = cadre::tools::enum_value_prefix(e->name());
    for (int i = 0; i < e->value_count(); ++i) {
      const gp::EnumValueDescriptor *v = e->value(i);
      if (v->name().rfind(prefix, 0) != 0) continue;
      os << "{" << literal(e->full_name()) << ", " << literal(v->name()) << ", static_cast<int>("
         << e->name() << "::" << enumerator(v->name().substr(prefix.size()))
         << "), [](int n) { return is_known(static_cast<" << e->name() << ">(n)); }},\n";
    }
  }
  return os.str();
}

int run(std::vector<std::string> args) {
  // Without --descriptor-set, the descriptors compiled into this tool;
  // referencing a generated enum keeps the generated code in the link.
  const gp::DescriptorPool *pool = cadre::v1::Sex_descriptor()->file()->pool();
  gp::DescriptorPool own_pool;
  if (args.size() >= 2 && args[0] == "--descriptor-set") {
    try {
      (void)cadre::tools::load_descriptor_set(args[1], own_pool);
    } catch (const std::exception &e) {
      std::cerr << "cadre_labelgen: " << e.what() << "\n";
      return 1;
    }
    pool = &own_pool;
    args.erase(args.begin(), args.begin() + 2);
  }
  std::string enums_header;
  std::string enums_table;
  while (args.size() >= 2 && (args[0] == "--enums-header" || args[0] == "--enums-table")) {
    (args[0] == "--enums-header" ? enums_header : enums_table) = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.size() < 2) {
    std::cerr << "usage: cadre_labelgen [--descriptor-set FILE] [--enums-header OUT.hpp] "
                 "[--enums-table OUT.inc] OUTPUT.inc cadre/v1/FILE.proto...\n";
    return 2;
  }
  const std::string &output = args[0];

  std::map<std::string, const gp::FileDescriptor *> files;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const gp::FileDescriptor *file = pool->FindFileByName(args[i]);
    if (file == nullptr) {
      std::cerr << "cadre_labelgen: " << args[i]
                << " is not compiled into cadre_labelgen (is it in proto/CMakeLists.txt, and is "
                   "cadre_proto linked as a whole archive?)\n";
      return 1;
    }
    collect_files(file, files);
  }

  std::vector<const gp::EnumDescriptor *> descriptors;
  for (const auto &[name, file] : files) {
    for (int i = 0; i < file->enum_type_count(); ++i) {
      descriptors.push_back(file->enum_type(i));
    }
    for (int i = 0; i < file->message_type_count(); ++i) {
      collect_messages(file->message_type(i), descriptors);
    }
  }

  std::vector<std::string> problems;
  std::vector<Enum> enums;
  enums.reserve(descriptors.size());
  for (const gp::EnumDescriptor *desc : descriptors) {
    enums.push_back(read_enum(desc, problems));
  }
  if (!problems.empty()) {
    for (const std::string &p : problems) {
      std::cerr << "cadre_labelgen: error: " << p << "\n";
    }
    std::cerr << "cadre_labelgen: every enum value needs both labels, e.g. "
                 "[(zh_cn) = \"问责追究调整\", (en) = \"adjustment through accountability\"]\n";
    return 1;
  }
  if (enums.empty()) {
    std::cerr << "cadre_labelgen: no enum of package " << kPackage << " found\n";
    return 1;
  }
  std::sort(enums.begin(), enums.end(),
            [](const Enum &a, const Enum &b) { return a.full_name < b.full_name; });
  if (!enums_header.empty() || !enums_table.empty()) {
    const gp::FileDescriptor *enums_file = pool->FindFileByName("cadre/v1/enums.proto");
    if (enums_file == nullptr) {
      std::cerr << "cadre_labelgen: cadre/v1/enums.proto is not among the files\n";
      return 1;
    }
    std::vector<std::string> header_problems;
    const std::string header = render_enums_header(enums_file, header_problems);
    if (!header_problems.empty()) {
      for (const std::string &p : header_problems) {
        std::cerr << "cadre_labelgen: error: " << p << "\n";
      }
      return 1;
    }
    if ((!enums_header.empty() && !cadre::tools::write_if_changed(enums_header, header)) ||
        (!enums_table.empty() &&
         !cadre::tools::write_if_changed(enums_table, render_enums_table(enums_file)))) {
      std::cerr << "cadre_labelgen: cannot write the enums header or table\n";
      return 1;
    }
  }
  if (!cadre::tools::write_if_changed(output, render(enums))) {
    std::cerr << "cadre_labelgen: cannot write " << output << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  return cadre::tools::tool_main("cadre_labelgen", argc, argv, run);
}
