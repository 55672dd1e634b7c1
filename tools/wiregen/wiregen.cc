// cadre_wiregen: writes the wire-format views of the streamed screening's fast path.
//
// For the root message (cadre.v1.Cadre) and every message reachable from it,
// the tool writes a view class with the accessors of the protobuf-generated
// class (same names; strings as std::string_view into the record's bytes,
// enums as int, repeated fields as containers with size() and Get(i)) and a
// parse() that reads the wire format by hand (src/codec/wire_support.hpp says
// what it takes and what it leaves to protobuf). The codec's decoders are
// templates over their input, so the views need no validation of their own.
//
// The descriptors are those compiled into the tool (target cadre_proto), so
// the views follow proto/cadre/v1 on every build.
//
// Usage: cadre_wiregen OUTPUT.hpp OUTPUT.cc [ROOT_MESSAGE]
//
// A field type the views do not support, a message that contains itself, or a
// file that is not proto3 fails the run (exit status 1) with a message naming
// the field.
#include <google/protobuf/descriptor.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/generated_file.hpp"

#include "cadre/v1/cadre.pb.h"

namespace {

namespace gp = google::protobuf;
using FD = gp::FieldDescriptor;

std::string class_name(const gp::Descriptor *m) {
  // Nested messages are flattened as protobuf does: Outer_Inner.
  std::string name = m->name();
  for (const gp::Descriptor *p = m->containing_type(); p != nullptr; p = p->containing_type()) {
    name.insert(0, "_").insert(0, p->name());
  }
  return name;
}

// The C++ type a scalar field's view holds and its reader in wire_support.hpp.
struct Scalar {
  const char *type;
  const char *reader;
  const char *wire_type;
};

Scalar scalar(const FD *f) {
  switch (f->type()) {
    case FD::TYPE_INT32:
    case FD::TYPE_ENUM:
      return {"std::int32_t", "read_int32", "kVarint"};
    case FD::TYPE_INT64:
      return {"std::int64_t", "read_int64", "kVarint"};
    case FD::TYPE_UINT32:
      return {"std::uint32_t", "read_uint32", "kVarint"};
    case FD::TYPE_UINT64:
      return {"std::uint64_t", "read_uint64", "kVarint"};
    case FD::TYPE_BOOL:
      return {"bool", "read_bool", "kVarint"};
    case FD::TYPE_DOUBLE:
      return {"double", "read_double", "kFixed64"};
    case FD::TYPE_FLOAT:
      return {"float", "read_float", "kFixed32"};
    case FD::TYPE_STRING:
      return {"std::string_view", "read_string", "kLengthDelimited"};
    case FD::TYPE_BYTES:
      return {"std::string_view", "read_bytes", "kLengthDelimited"};
    default:
      throw std::runtime_error(f->full_name() + ": the views do not support fields of type " +
                               std::string(f->type_name()));
  }
}

const char *initial(const FD *f) {
  switch (f->type()) {
    case FD::TYPE_BOOL:
      return " = false";
    case FD::TYPE_STRING:
    case FD::TYPE_BYTES:
      return "";
    default:
      return " = 0";
  }
}

// Every message reachable from @p m, children before parents.
void collect(const gp::Descriptor *m, std::set<const gp::Descriptor *> &open,
             std::set<const gp::Descriptor *> &done, std::vector<const gp::Descriptor *> &order) {
  if (done.contains(m)) {
    return;
  }
  if (m->file()->syntax() != gp::FileDescriptor::SYNTAX_PROTO3) {
    throw std::runtime_error(m->full_name() + ": not proto3");
  }
  if (!open.insert(m).second) {
    throw std::runtime_error(m->full_name() + ": contains itself; the views cannot nest it");
  }
  for (int i = 0; i < m->field_count(); ++i) {
    const FD *f = m->field(i);
    if (f->is_map()) {
      throw std::runtime_error(f->full_name() + ": the views do not support maps");
    }
    if (f->type() == FD::TYPE_GROUP) {
      throw std::runtime_error(f->full_name() + ": the views do not support groups");
    }
    if (f->has_optional_keyword()) {
      throw std::runtime_error(f->full_name() + ": the views do not support optional scalars");
    }
    if (f->type() == FD::TYPE_MESSAGE) {
      collect(f->message_type(), open, done, order);
    } else {
      (void)scalar(f);  // throws for an unsupported type
    }
  }
  open.erase(m);
  done.insert(m);
  order.push_back(m);
}

std::string member(const FD *f) { return f->name() + "_"; }

void header_class(std::ostream &o, const gp::Descriptor *m) {
  const std::string cls = class_name(m);
  o << "/** View of " << m->full_name() << ". */\n";
  o << "class " << cls << " {\n public:\n";
  for (int i = 0; i < m->field_count(); ++i) {
    const FD *f = m->field(i);
    const std::string &n = f->name();
    if (f->type() == FD::TYPE_MESSAGE) {
      const std::string sub = class_name(f->message_type());
      if (f->is_repeated()) {
        o << "  [[nodiscard]] const Repeated<" << sub << "> &" << n << "() const noexcept { return "
          << member(f) << "; }\n";
      } else {
        o << "  [[nodiscard]] bool has_" << n << "() const noexcept { return has_" << member(f)
          << "; }\n";
        o << "  [[nodiscard]] const " << sub << " &" << n << "() const noexcept { return "
          << member(f) << "; }\n";
      }
    } else if (f->is_repeated()) {
      o << "  [[nodiscard]] const RepeatedScalar<" << scalar(f).type << "> &" << n
        << "() const noexcept { return " << member(f) << "; }\n";
    } else {
      o << "  [[nodiscard]] " << scalar(f).type << " " << n << "() const noexcept { return "
        << member(f) << "; }\n";
    }
  }
  o << "\n  /** Forgets every field, keeping the capacity of repeated fields. */\n";
  o << "  void clear() noexcept;\n";
  o << "  /** Reads [p, end); false for anything the fast path leaves to protobuf. */\n";
  o << "  bool parse(const std::uint8_t *p, const std::uint8_t *end);\n";
  o << "\n private:\n";
  for (int i = 0; i < m->field_count(); ++i) {
    const FD *f = m->field(i);
    if (f->type() == FD::TYPE_MESSAGE) {
      const std::string sub = class_name(f->message_type());
      if (f->is_repeated()) {
        o << "  Repeated<" << sub << "> " << member(f) << ";\n";
      } else {
        o << "  bool has_" << member(f) << " = false;\n";
        o << "  " << sub << " " << member(f) << ";\n";
      }
    } else if (f->is_repeated()) {
      o << "  RepeatedScalar<" << scalar(f).type << "> " << member(f) << ";\n";
    } else {
      o << "  " << scalar(f).type << " " << member(f) << initial(f) << ";\n";
    }
  }
  o << "};\n\n";
}

void source_class(std::ostream &o, const gp::Descriptor *m) {
  const std::string cls = class_name(m);
  o << "void " << cls << "::clear() noexcept {\n";
  for (int i = 0; i < m->field_count(); ++i) {
    const FD *f = m->field(i);
    if (f->type() == FD::TYPE_MESSAGE && !f->is_repeated()) {
      o << "  has_" << member(f) << " = false;\n";
      o << "  " << member(f) << ".clear();\n";
    } else if (f->is_repeated()) {
      o << "  " << member(f) << ".clear();\n";
    } else {
      const std::string init = initial(f);
      o << "  " << member(f) << (init.empty() ? " = {}" : init) << ";\n";
    }
  }
  o << "}\n\n";
  o << "bool " << cls << "::parse(const std::uint8_t *p, const std::uint8_t *end) {\n";
  o << "  clear();\n";
  o << "  while (p != end) {\n";
  o << "    std::uint32_t tag = 0;\n";
  o << "    if (!read_tag(p, end, tag)) return false;\n";
  o << "    const std::uint32_t wire_type = tag & 7U;\n";
  o << "    switch (tag >> 3U) {\n";
  for (int i = 0; i < m->field_count(); ++i) {
    const FD *f = m->field(i);
    o << "      case " << f->number() << ": {  // " << f->name() << "\n";
    if (f->type() == FD::TYPE_MESSAGE) {
      o << "        std::string_view b;\n";
      o << "        if (wire_type != kLengthDelimited || !read_bytes(p, end, b)) return false;\n";
      o << "        const auto *q = reinterpret_cast<const std::uint8_t *>(b.data());\n";
      if (f->is_repeated()) {
        o << "        if (!" << member(f) << ".add().parse(q, q + b.size())) return false;\n";
      } else {
        // Protobuf merges a message given twice; the fast path leaves that to it.
        o << "        if (has_" << member(f) << ") return false;\n";
        o << "        has_" << member(f) << " = true;\n";
        o << "        if (!" << member(f) << ".parse(q, q + b.size())) return false;\n";
      }
    } else if (f->is_repeated()) {
      if (f->type() == FD::TYPE_INT32 || f->type() == FD::TYPE_ENUM) {
        o << "        if (!read_int32s(p, end, wire_type, " << member(f) << ")) return false;\n";
      } else if (f->type() == FD::TYPE_STRING || f->type() == FD::TYPE_BYTES) {
        const Scalar s = scalar(f);
        o << "        std::string_view v;\n";
        o << "        if (wire_type != kLengthDelimited || !" << s.reader
          << "(p, end, v)) return false;\n";
        o << "        " << member(f) << ".add(v);\n";
      } else {
        throw std::runtime_error(f->full_name() +
                                 ": the views support repeated int32, enum, string and bytes only");
      }
    } else {
      const Scalar s = scalar(f);
      o << "        if (wire_type != " << s.wire_type << " || !" << s.reader << "(p, end, "
        << member(f) << ")) return false;\n";
    }
    o << "        break;\n";
    o << "      }\n";
  }
  o << "      default:\n";
  o << "        if (!skip_field(p, end, tag)) return false;\n";
  o << "        break;\n";
  o << "    }\n";
  o << "  }\n";
  o << "  return true;\n";
  o << "}\n\n";
}

int run(const std::vector<std::string> &args) {
  if (args.size() < 2 || args.size() > 3) {
    std::cerr << "usage: cadre_wiregen OUTPUT.hpp OUTPUT.cc [ROOT_MESSAGE]\n";
    return 2;
  }
  const std::string root_name = args.size() == 3 ? args[2] : "cadre.v1.Cadre";
  // Referencing the generated class links its file's descriptors in.
  (void)::cadre::v1::Cadre::descriptor();
  const gp::Descriptor *root =
      gp::DescriptorPool::generated_pool()->FindMessageTypeByName(root_name);
  if (root == nullptr) {
    std::cerr << "cadre_wiregen: no message " << root_name << "\n";
    return 1;
  }
  std::vector<const gp::Descriptor *> order;
  std::set<const gp::Descriptor *> open;
  std::set<const gp::Descriptor *> done;
  collect(root, open, done, order);

  const std::string banner =
      "// Generated by cadre_wiregen from the descriptors of proto/cadre/v1: do not edit.\n"
      "// Views of " +
      root_name +
      " and every message it contains, for the fast path of\n"
      "// src/codec/wire_support.hpp.\n";
  std::ostringstream h;
  h << banner;
  h << "#ifndef CADRE_CODEC_WIRE_HPP\n#define CADRE_CODEC_WIRE_HPP\n\n";
  h << "#include <cstdint>\n#include <string_view>\n\n#include \"codec/wire_support.hpp\"\n\n";
  h << "namespace cadre::codec::wire {\n\n";
  for (const gp::Descriptor *m : order) {
    header_class(h, m);
  }
  h << "}  // namespace cadre::codec::wire\n\n#endif  // CADRE_CODEC_WIRE_HPP\n";

  std::ostringstream c;
  c << banner;
  c << "#include \"codec/wire.hpp\"\n\n";
  c << "namespace cadre::codec::wire {\n\n";
  for (const gp::Descriptor *m : order) {
    source_class(c, m);
  }
  c << "}  // namespace cadre::codec::wire\n";

  if (!cadre::tools::write_file(args[0], h.str()) || !cadre::tools::write_file(args[1], c.str())) {
    std::cerr << "cadre_wiregen: cannot write the output\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  return cadre::tools::tool_main("cadre_wiregen", argc, argv, run);
}
