// cadre_apigen --python-types: every message and enum of package cadre.v1 as a
// Python dataclass or IntEnum (bindings/python/cadre/types.py), with the
// schema's comments as docstrings, so that an editor completes
// `finding.rule_id`. The runtime is bindings/python/cadre/_typed.py.
#include "python_types.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cadre/v1/options.pb.h"
#include "common/generated_file.hpp"

namespace cadre::tools {
namespace {

namespace gp = google::protobuf;

constexpr std::string_view kPackage = "cadre.v1";

// Python's keywords and the names a dataclass field must not take.
const std::set<std::string, std::less<>> &reserved() {
  static const std::set<std::string, std::less<>> kReserved = {
      "False",   "None",     "True",     "and",       "as",      "assert",    "async",  "await",
      "break",   "class",    "continue", "def",       "del",     "elif",      "else",   "except",
      "finally", "for",      "from",     "global",    "if",      "import",    "in",     "is",
      "lambda",  "nonlocal", "not",      "or",        "pass",    "raise",     "return", "try",
      "while",   "with",     "yield",    "from_dict", "to_dict", "from_json", "to_json"};
  return kReserved;
}

std::string py_name(const std::string &name) {
  return reserved().contains(name) ? name + "_" : name;
}

// The comment above a declaration, as plain text lines.
std::string comment(const gp::SourceLocation &loc) {
  std::string text = loc.leading_comments;
  // Drop trailing newlines and leading single spaces of each line.
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.front() == ' ') line.erase(0, 1);
    out += line;
    out += '\n';
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

template <typename D>
std::string doc_of(const D *d) {
  gp::SourceLocation loc;
  return d->GetSourceLocation(&loc) ? comment(loc) : std::string();
}

// A docstring body: lines as they are, '\' and '"""' made harmless.
std::string docstring(const std::string &text, const std::string &indent) {
  const std::string safe = python_docstring_text(text);
  std::ostringstream os;
  os << indent << R"(""")";
  std::istringstream in(safe);
  std::string line;
  bool first = true;
  int lines = 0;
  while (std::getline(in, line)) {
    if (!first) os << "\n" << (line.empty() ? "" : indent);
    os << line;
    first = false;
    ++lines;
  }
  if (lines > 1) os << "\n" << indent;
  os << "\"\"\"\n";
  return os.str();
}

struct FieldType {
  std::string kind;  // _typed.SCALAR...
  std::string annotation;
  std::string default_value;  // for a singular field without presence
  std::string type_name;      // message or enum class, or empty
};

FieldType field_type(const gp::FieldDescriptor *f) {
  switch (f->type()) {
    case gp::FieldDescriptor::TYPE_STRING:
      return {"SCALAR", "str", "\"\"", ""};
    case gp::FieldDescriptor::TYPE_BOOL:
      return {"SCALAR", "bool", "False", ""};
    case gp::FieldDescriptor::TYPE_INT32:
    case gp::FieldDescriptor::TYPE_SINT32:
    case gp::FieldDescriptor::TYPE_SFIXED32:
    case gp::FieldDescriptor::TYPE_UINT32:
    case gp::FieldDescriptor::TYPE_FIXED32:
      return {"SCALAR", "int", "0", ""};
    case gp::FieldDescriptor::TYPE_INT64:
    case gp::FieldDescriptor::TYPE_SINT64:
    case gp::FieldDescriptor::TYPE_SFIXED64:
    case gp::FieldDescriptor::TYPE_UINT64:
    case gp::FieldDescriptor::TYPE_FIXED64:
      return {"INT64", "int", "0", ""};
    case gp::FieldDescriptor::TYPE_DOUBLE:
    case gp::FieldDescriptor::TYPE_FLOAT:
      return {"FLOAT", "float", "0.0", ""};
    case gp::FieldDescriptor::TYPE_BYTES:
      return {"BYTES", "bytes", "b\"\"", ""};
    case gp::FieldDescriptor::TYPE_ENUM: {
      const gp::EnumDescriptor *e = f->enum_type();
      if (e->containing_type() == nullptr) {
        return {"ENUM", e->name(), e->name() + ".UNSPECIFIED", e->name()};
      }
      // An enum nested in the field's message: a class in the message's class,
      // named by its qualified name outside the class body and by its own
      // name inside it.
      if (e->containing_type() != f->containing_type()) {
        throw std::runtime_error(f->full_name() +
                                 ": an enum nested in another message is not supported by the "
                                 "Python generator");
      }
      const std::string qualified = e->containing_type()->name() + "." + e->name();
      return {"ENUM", qualified, e->name() + ".UNSPECIFIED", qualified};
    }
    case gp::FieldDescriptor::TYPE_MESSAGE: {
      const std::string name = f->message_type()->name();
      return {"MESSAGE", name, "", name};
    }
    default:
      break;
  }
  throw std::runtime_error(f->full_name() + ": a field type the Python generator does not know");
}

void check_supported(const gp::Descriptor *m) {
  if (m->nested_type_count() != 0) {
    throw std::runtime_error(m->full_name() +
                             ": nested messages are not supported by the Python generator");
  }
  for (int i = 0; i < m->field_count(); ++i) {
    const gp::FieldDescriptor *f = m->field(i);
    if (f->is_map()) {
      throw std::runtime_error(f->full_name() + ": maps are not supported by the Python generator");
    }
    if (f->type() == gp::FieldDescriptor::TYPE_MESSAGE &&
        f->message_type()->file()->package() != kPackage) {
      throw std::runtime_error(f->full_name() + ": a message outside " + std::string(kPackage));
    }
  }
}

// The class of an enum, indented by @p indent (an enum nested in a message is
// a class in the message's class); its registration, _typed.enum(), is
// enum_registration().
std::string render_enum_class(const gp::EnumDescriptor *e, const std::string &indent) {
  std::ostringstream os;
  const std::string prefix = enum_value_prefix(e->name());
  const std::string body = indent + "    ";
  os << (indent.empty() ? "\n\n" : "\n") << indent << "class " << e->name() << "(_typed.Enum):\n";
  std::string doc = doc_of(e);
  os << docstring(doc.empty() ? "Schema enum ``" + e->full_name() + "``."
                              : doc + "\n\nSchema enum ``" + e->full_name() + "``.",
                  body);
  os << "\n";
  const gp::EnumValueDescriptor *zero = e->FindValueByName(prefix + "UNSPECIFIED");
  if (zero == nullptr || zero->number() != 0) {
    throw std::runtime_error(e->full_name() + ": no " + prefix + "UNSPECIFIED = 0");
  }
  std::set<int> seen;
  for (int i = 0; i < e->value_count(); ++i) {
    const gp::EnumValueDescriptor *v = e->value(i);
    if (v->name().rfind(prefix, 0) != 0) {
      throw std::runtime_error(v->full_name() + ": the value does not start with " + prefix);
    }
    std::string member = v->name().substr(prefix.size());
    if (member.empty() || (member[0] >= '0' && member[0] <= '9') || reserved().contains(member)) {
      member.insert(0, "V_");
    }
    os << body << "#: " << v->options().GetExtension(cadre::v1::zh_cn) << " ("
       << v->options().GetExtension(cadre::v1::en) << ")\n";
    os << body << member << " = " << v->number() << "\n";
    const std::string vdoc = doc_of(v);
    if (!vdoc.empty()) os << docstring(vdoc, body);
    seen.insert(v->number());
  }
  return os.str();
}

// _typed.enum() for an enum's class, named @p python_name.
std::string enum_registration(const gp::EnumDescriptor *e, const std::string &python_name) {
  return "_typed.enum(" + python_name + ", " + quoted(e->full_name()) + ", " +
         quoted(enum_value_prefix(e->name())) + ")\n";
}

std::string render_enum(const gp::EnumDescriptor *e) {
  return render_enum_class(e, "") + "\n\n" + enum_registration(e, e->name());
}

std::string render_message(const gp::Descriptor *m) {
  std::ostringstream os;
  os << "\n\n@dataclass\nclass " << m->name() << "(_typed.Message):\n";
  const std::string doc = doc_of(m);
  os << docstring(doc.empty() ? "Schema message ``" + m->full_name() + "``."
                              : doc + "\n\nSchema message ``" + m->full_name() + "``.",
                  "    ");
  for (int i = 0; i < m->enum_type_count(); ++i) {
    os << render_enum_class(m->enum_type(i), "    ");
  }
  os << "\n    _proto_: ClassVar[str] = " << quoted(m->full_name()) << "\n";
  os << "    _fields_: ClassVar[tuple] = (\n";
  for (int i = 0; i < m->field_count(); ++i) {
    const gp::FieldDescriptor *f = m->field(i);
    const FieldType t = field_type(f);
    // Only fields that may be set to their default and still be sent: a real
    // oneof member or a proto3 `optional` (None until set).
    const bool presence = f->real_containing_oneof() != nullptr || f->has_optional_keyword();
    os << "        (" << quoted(py_name(f->name())) << ", " << quoted(f->name()) << ", _typed."
       << t.kind << ", " << (t.type_name.empty() ? "None" : quoted(t.type_name)) << ", "
       << (f->is_repeated() ? "True" : "False") << ", " << (presence ? "True" : "False") << "),\n";
  }
  os << "    )\n";
  if (m->field_count() != 0) os << "\n";
  for (int i = 0; i < m->field_count(); ++i) {
    const gp::FieldDescriptor *f = m->field(i);
    const FieldType t = field_type(f);
    const std::string name = py_name(f->name());
    const bool oneof_or_optional =
        f->real_containing_oneof() != nullptr || f->has_optional_keyword();
    if (f->is_repeated()) {
      os << "    " << name << ": list[" << t.annotation << "] = _field(default_factory=list)\n";
    } else if (oneof_or_optional) {
      os << "    " << name << ": Optional[" << t.annotation << "] = None\n";
    } else if (t.kind == "MESSAGE") {
      os << "    " << name << ": " << t.annotation
         << " = _field(default_factory=lambda: " << t.annotation << "())\n";
    } else {
      os << "    " << name << ": " << t.annotation << " = " << t.default_value << "\n";
    }
    const std::string fdoc = doc_of(f);
    if (!fdoc.empty()) os << docstring(fdoc, "    ");
  }
  if (m->enum_type_count() != 0) os << "\n";
  for (int i = 0; i < m->enum_type_count(); ++i) {
    os << "\n" << enum_registration(m->enum_type(i), m->name() + "." + m->enum_type(i)->name());
  }
  return os.str();
}

}  // namespace

std::string python_types(const gp::DescriptorPool &pool, const std::vector<std::string> &files,
                         std::string_view generated_by) {
  std::vector<const gp::FileDescriptor *> ordered;
  std::set<std::string> seen;
  std::function<void(const gp::FileDescriptor *)> add = [&](const gp::FileDescriptor *f) {
    if (f->package() != kPackage || !seen.insert(f->name()).second) return;
    for (int i = 0; i < f->dependency_count(); ++i) add(f->dependency(i));
    ordered.push_back(f);
  };
  for (const std::string &name : files) {
    const gp::FileDescriptor *f = pool.FindFileByName(name);
    if (f == nullptr) throw std::runtime_error(name + ": not in the descriptor set");
    add(f);
  }
  std::ostringstream os;
  os << "\"\"\"Every message and enum of the schema (package ``cadre.v1``), typed.\n\n"
     << "Messages are dataclasses and enums ``IntEnum`` s, with the schema's comments as\n"
     << "docstrings: an editor completes ``finding.rule_id``. The operations of\n"
     << ":class:`cadre.Engine` return them; ``from_dict``/``to_dict`` and\n"
     << "``from_json``/``to_json`` convert from and to the shape of protobuf JSON.\n\n";
  for (const std::string &line : wrap(std::string(generated_by), 88)) os << line << "\n";
  os << "\"\"\"\n\n# ruff: noqa: E501\n\nfrom __future__ import annotations\n\n"
     << "import sys\nfrom dataclasses import dataclass\n"
        // Under another name: a message may have a field named `field`.
        "from dataclasses import field as _field\nfrom typing import ClassVar, "
        "Optional\n\n"
     << "from . import _typed\n";
  std::vector<std::string> names;
  for (const gp::FileDescriptor *f : ordered) {
    for (int i = 0; i < f->enum_type_count(); ++i) {
      os << render_enum(f->enum_type(i));
      names.push_back(f->enum_type(i)->name());
    }
  }
  for (const gp::FileDescriptor *f : ordered) {
    for (int i = 0; i < f->message_type_count(); ++i) {
      check_supported(f->message_type(i));
      os << render_message(f->message_type(i));
      names.push_back(f->message_type(i)->name());
    }
  }
  std::sort(names.begin(), names.end());
  os << "\n\n_typed.Message._types_ = sys.modules[__name__]\n\n__all__ = [\n";
  for (const std::string &n : names) os << "    " << quoted(n) << ",\n";
  os << "]\n";
  return os.str();
}

}  // namespace cadre::tools
