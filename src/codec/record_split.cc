#include "codec/record_split.hpp"

#include <google/protobuf/descriptor.h>
#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "codec/codec.hpp"
#include "codec/protobuf_log.hpp"
#include "codec/wire_support.hpp"

namespace cadre::codec {
namespace gp = ::google::protobuf;
namespace rj = ::rapidjson;

namespace {

// Numbers stay text (exactly as written); the reader is iterative (no
// recursion at any depth); UTF-8 is left to protobuf, record by record.
constexpr unsigned kReadFlags = rj::kParseIterativeFlag | rj::kParseNumbersAsStringsFlag;

using Writer = rj::Writer<rj::StringBuffer>;

// The list a top-level member named @p key is, or nullptr.
const gp::FieldDescriptor *list_field(const gp::Descriptor *type, std::string_view key) {
  for (int i = 0; i < type->field_count(); ++i) {
    const gp::FieldDescriptor *f = type->field(i);
    if (f->is_repeated() && !f->is_map() && f->type() == gp::FieldDescriptor::TYPE_MESSAGE &&
        (f->name() == key || f->json_name() == key)) {
      return f;
    }
  }
  return nullptr;
}

const gp::FieldDescriptor *field_named(const gp::Descriptor *type, std::string_view key) {
  for (int i = 0; i < type->field_count(); ++i) {
    const gp::FieldDescriptor *f = type->field(i);
    if (f->name() == key || f->json_name() == key) {
      return f;
    }
  }
  return nullptr;
}

bool json_parses(std::string_view text, gp::Message &msg) {
  ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  return json_to_message(text, msg);
}

std::unique_ptr<gp::Message> new_message(const gp::Descriptor *type) {
  return std::unique_ptr<gp::Message>(
      gp::MessageFactory::generated_factory()->GetPrototype(type)->New());
}

std::string text_of(const rj::Value &v) {
  rj::StringBuffer buffer;
  Writer w(buffer);
  v.Accept(w);
  return {buffer.GetString(), buffer.GetSize()};
}

// What is wrong with @p v as the value of @p f, which does not parse: from
// the schema and the JSON type only, never the value.
std::string what_is_wrong(const gp::FieldDescriptor *f, const rj::Value &v, bool element) {
  if (f->is_repeated() && !element && !v.IsArray() && !v.IsNull()) {
    return f->is_map() && v.IsObject() ? "not a valid map"
                                       : "wrong JSON type: expected an array (or null)";
  }
  using T = gp::FieldDescriptor;
  switch (f->cpp_type()) {
    case T::CPPTYPE_ENUM:
      return v.IsString() ? "unknown value"
                          : "wrong JSON type: expected a string (a value's name) or a number";
    case T::CPPTYPE_STRING:
      if (!v.IsString()) return "wrong JSON type: expected a string";
      return f->type() == T::TYPE_BYTES ? "not valid base64" : "invalid UTF-8";
    case T::CPPTYPE_BOOL:
      return "wrong JSON type: expected true or false";
    case T::CPPTYPE_MESSAGE:
      return v.IsObject() ? "not a valid " + f->message_type()->full_name()
                          : "wrong JSON type: expected an object";
    case T::CPPTYPE_FLOAT:
    case T::CPPTYPE_DOUBLE:
      return v.IsString() || v.IsNumber() ? "not a number of this type"
                                          : "wrong JSON type: expected a number";
    default:
      return v.IsString() || v.IsNumber() ? "not an integer in range"
                                          : "wrong JSON type: expected a number";
  }
}

// The member of object @p v (of @p type, which does not parse) that fails,
// with its path under @p path; the message without any value.
Status locate(const gp::Descriptor *type, const rj::Value &v, const std::string &path, int depth) {
  if (!v.IsObject()) {
    return invalid_argument(path, "wrong JSON type: expected an object");
  }
  if (depth > 32) {
    return invalid_argument(path, "not a valid " + type->full_name() + " in protobuf JSON");
  }
  for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
    const std::string_view key(m->name.GetString(), m->name.GetStringLength());
    const gp::FieldDescriptor *f = field_named(type, key);
    if (f == nullptr) {
      // The key is input text: not quoted.
      return invalid_argument(path, "unknown field (not a field of " + type->full_name() + ")");
    }
    rj::Value one(rj::kObjectType);
    rj::MemoryPoolAllocator<> alloc;
    one.AddMember(rj::Value(m->name, alloc), rj::Value(m->value, alloc), alloc);
    auto probe = new_message(type);
    if (json_parses(text_of(one), *probe)) {
      continue;
    }
    const std::string here = path + "." + f->name();
    if (f->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE && !f->is_map()) {
      if (f->is_repeated() && m->value.IsArray()) {
        for (rj::SizeType j = 0; j < m->value.Size(); ++j) {
          const rj::Value &e = m->value[j];
          auto element = new_message(f->message_type());
          if (!e.IsObject() || !json_parses(text_of(e), *element)) {
            return locate(f->message_type(), e, here + "[" + std::to_string(j) + "]", depth + 1);
          }
        }
      } else if (!f->is_repeated() && m->value.IsObject()) {
        return locate(f->message_type(), m->value, here, depth + 1);
      }
    } else if (f->is_repeated() && m->value.IsArray()) {
      for (rj::SizeType j = 0; j < m->value.Size(); ++j) {
        rj::Value list(rj::kArrayType);
        list.PushBack(rj::Value(m->value[j], alloc), alloc);
        rj::Value probe_one(rj::kObjectType);
        probe_one.AddMember(rj::Value(m->name, alloc), list, alloc);
        auto p = new_message(type);
        if (!json_parses(text_of(probe_one), *p)) {
          return invalid_argument(here + "[" + std::to_string(j) + "]",
                                  what_is_wrong(f, m->value[j], true));
        }
      }
    }
    return invalid_argument(here, what_is_wrong(f, m->value, false));
  }
  // Every member parses alone, not together (two members of one oneof...).
  return invalid_argument(path, "not a valid " + type->full_name() + " in protobuf JSON");
}

// Deepest nesting of a record read (protobuf's JSON parser stops at 100).
constexpr int kMaxRecordDepth = 100;

// Parses one record's JSON text (nested @p depth deep) into @p out; on
// failure, clears it and names what is wrong.
Status parse_record(std::string_view text, int depth, const std::string &path, gp::Message &out) {
  if (depth > kMaxRecordDepth) {
    return invalid_argument(path,
                            "nested deeper than " + std::to_string(kMaxRecordDepth) + " levels");
  }
  if (json_parses(text, out)) {
    return {};
  }
  out.Clear();
  // Numbers as numbers, so that each member is probed as it was written (an
  // enum by its number); one too large for that stays text.
  rj::Document doc;
  doc.Parse<rj::kParseIterativeFlag | rj::kParseFullPrecisionFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    doc.Parse<kReadFlags>(text.data(), text.size());
  }
  if (doc.HasParseError()) {
    return invalid_argument(path, "not valid JSON");  // not reached: the text was written by us
  }
  return locate(out.GetDescriptor(), doc, path, 0);
}

// The SAX handler: the members of the top-level object that are lists of
// records go, record by record, to on_record; every other member is
// rewritten into `rest`.
class Splitter {
 public:
  // What becomes of each record's text: nothing (only the rest is kept), or
  // a call with the list, the record's index in it, its text and its depth,
  // which returns false to have no more records (those of list @p only
  // alone, when it is set).
  using Sink = std::function<bool(const gp::FieldDescriptor *list, int index, std::string_view text,
                                  int depth)>;

  Splitter(const gp::Descriptor *type, Sink sink, const gp::FieldDescriptor *only = nullptr)
      : type_(type), sink_(std::move(sink)), only_(only), rest_writer_(rest_) {}
  Splitter(const Splitter &) = delete;
  Splitter &operator=(const Splitter &) = delete;

  bool Null() {
    return value([](Writer &w) { return w.Null(); });
  }
  bool Bool(bool b) {
    return value([b](Writer &w) { return w.Bool(b); });
  }
  bool Int(int i) {
    return value([i](Writer &w) { return w.Int(i); });
  }
  bool Uint(unsigned u) {
    return value([u](Writer &w) { return w.Uint(u); });
  }
  bool Int64(std::int64_t i) {
    return value([i](Writer &w) { return w.Int64(i); });
  }
  bool Uint64(std::uint64_t u) {
    return value([u](Writer &w) { return w.Uint64(u); });
  }
  bool Double(double d) {
    return value([d](Writer &w) { return w.Double(d); });
  }
  bool RawNumber(const char *s, rj::SizeType n, bool /*copy*/) {
    // Not Writer::RawNumber: RapidJSON 1.1.0's writes the number as a string
    // ("11"), which protobuf refuses for an enum given by its number.
    return value([=](Writer &w) { return w.RawValue(s, n, rj::kNumberType); });
  }
  bool String(const char *s, rj::SizeType n, bool copy) {
    return value([=](Writer &w) { return w.String(s, n, copy); });
  }
  bool Key(const char *s, rj::SizeType n, bool copy) {
    if (in_list()) {
      return !writing() || record_writer_.Key(s, n, copy);
    }
    if (depth_ == 1) {
      key_.assign(s, n);
      return true;
    }
    return rest_writer_.Key(s, n, copy);
  }
  bool StartObject() {
    return open([](Writer &w) { return w.StartObject(); });
  }
  bool EndObject(rj::SizeType n) {
    return close([n](Writer &w) { return w.EndObject(n); });
  }
  bool StartArray() {
    if (depth_ == 0) {
      return false;  // the top level must be an object
    }
    if (list_ == nullptr && depth_ == 1) {
      if (const gp::FieldDescriptor *f = list_field(type_, key_)) {
        list_ = f;
        list_depth_ = 0;
        return true;
      }
    }
    return open([](Writer &w) { return w.StartArray(); });
  }
  bool EndArray(rj::SizeType n) {
    if (in_list() && list_depth_ == 0) {
      list_ = nullptr;  // the end of the list
      return true;
    }
    return close([n](Writer &w) { return w.EndArray(n); });
  }

  [[nodiscard]] std::string_view rest() const { return {rest_.GetString(), rest_.GetSize()}; }

 private:
  [[nodiscard]] bool in_list() const noexcept { return list_ != nullptr; }
  // Whether the record being read is written out for the sink (inside a list).
  [[nodiscard]] bool writing() const noexcept {
    return sink_ && !stopped_ && (only_ == nullptr || list_ == only_);
  }

  Writer &begin_record() {
    max_depth_ = 0;
    record_.Clear();
    record_writer_.Reset(record_);
    return record_writer_;
  }

  void end_record() {
    const int index = counts_[list_]++;
    if (writing()) {
      stopped_ = !sink_(list_, index, std::string_view(record_.GetString(), record_.GetSize()),
                        max_depth_);
    }
  }

  // A scalar value.
  template <typename F>
  bool value(F &&write) {
    if (in_list()) {
      if (list_depth_ == 0) {
        write(begin_record());
        end_record();
        return true;
      }
      return !writing() || write(record_writer_);
    }
    if (depth_ == 0) {
      return false;  // the top level must be an object
    }
    if (depth_ == 1) {
      rest_writer_.Key(key_.data(), static_cast<rj::SizeType>(key_.size()), true);
    }
    return write(rest_writer_);
  }

  template <typename F>
  bool open(F &&write) {
    if (in_list()) {
      Writer &w = list_depth_ == 0 ? begin_record() : record_writer_;
      max_depth_ = std::max(max_depth_, ++list_depth_);
      return !writing() || write(w);
    }
    if (depth_ == 1) {
      rest_writer_.Key(key_.data(), static_cast<rj::SizeType>(key_.size()), true);
    }
    ++depth_;
    return write(rest_writer_);
  }

  template <typename F>
  bool close(F &&write) {
    if (in_list()) {
      if (writing() && !write(record_writer_)) {
        return false;
      }
      if (--list_depth_ == 0) {
        end_record();
      }
      return true;
    }
    --depth_;
    return write(rest_writer_);
  }

  const gp::Descriptor *type_;
  Sink sink_;
  const gp::FieldDescriptor *only_;
  bool stopped_ = false;                               // the sink wants no more records
  std::map<const gp::FieldDescriptor *, int> counts_;  // records of each list so far
  rj::StringBuffer rest_;
  Writer rest_writer_;
  int depth_ = 0;    // of the rest: 1 inside the top-level object
  std::string key_;  // the last key of the top level
  const gp::FieldDescriptor *list_ = nullptr;
  int list_depth_ = 0;  // inside a record of the list
  int max_depth_ = 0;   // the deepest of the record so far
  rj::StringBuffer record_;
  Writer record_writer_{record_};
};

// Binary: the top-level fields one by one. Each record of a list goes to
// @p on_record (the list and the record's bytes); every other field is
// appended to @p rest. False when the framing is broken.
template <typename F>
bool scan_binary(const std::uint8_t *bytes, std::size_t size, const gp::Descriptor *type,
                 std::string *rest, F &&on_record) {
  const std::uint8_t *p = bytes;
  const std::uint8_t *const end = bytes + size;
  while (p != end) {
    const std::uint8_t *const start = p;
    std::uint32_t tag = 0;
    if (!wire::read_tag(p, end, tag)) {
      return false;
    }
    const gp::FieldDescriptor *f = type->FindFieldByNumber(static_cast<int>(tag >> 3U));
    if (f != nullptr && f->is_repeated() && !f->is_map() &&
        f->type() == gp::FieldDescriptor::TYPE_MESSAGE && (tag & 7U) == wire::kLengthDelimited) {
      std::string_view payload;
      if (!wire::read_bytes(p, end, payload)) {
        return false;
      }
      on_record(f, payload);
      continue;
    }
    if (!wire::skip_field(p, end, tag)) {
      return false;
    }
    if (rest != nullptr) {
      rest->append(reinterpret_cast<const char *>(start), static_cast<std::size_t>(p - start));
    }
  }
  return true;
}

std::string binary_not_valid(const gp::Descriptor *type) {
  return "not a valid " + type->full_name() + " in protobuf binary";
}

// The fields of a binary message outside its lists, parsed into @p msg.
Status parse_binary_rest(const std::uint8_t *bytes, std::size_t size, gp::Message &msg,
                         std::string_view what, bool &framing) {
  const gp::Descriptor *type = msg.GetDescriptor();
  std::string rest;
  framing =
      scan_binary(bytes, size, type, &rest, [](const gp::FieldDescriptor *, std::string_view) {});
  if (!framing) {
    return invalid_argument(std::string(what), binary_not_valid(type));
  }
  ProtobufLogCapture log;
  if (!msg.ParseFromString(rest)) {
    const std::string detail = log.detail();
    return invalid_argument(std::string(what),
                            binary_not_valid(type) + (detail.empty() ? "" : ": " + detail));
  }
  return {};
}

// Parses one binary record of @p list (index @p index) into @p out; on
// failure, clears it and names what is wrong.
Status parse_binary_record(const gp::FieldDescriptor *list, int index, std::string_view bytes,
                           gp::Message &out) {
  ProtobufLogCapture log;
  if (out.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return {};
  }
  out.Clear();
  std::string path = list->name() + "[" + std::to_string(index) + "]";
  const std::string detail = log.detail();
  // "invalid UTF-8 in string field cadre.v1.Cadre.name": a field of the
  // record itself gets its own path.
  const std::string prefix =
      "invalid UTF-8 in string field " + list->message_type()->full_name() + ".";
  if (detail.rfind(prefix, 0) == 0) {
    path += "." + detail.substr(prefix.size());
  }
  return invalid_argument(
      path, binary_not_valid(list->message_type()) + (detail.empty() ? "" : ": " + detail));
}

// Binary: the top-level fields one by one; the records of lists parsed alone.
Status parse_binary_by_record(const std::uint8_t *bytes, std::size_t size, gp::Message &msg,
                              std::string_view what, std::vector<UnreadRecord> &unread) {
  bool framing = true;
  if (Status st = parse_binary_rest(bytes, size, msg, what, framing); !st.ok()) {
    return st;
  }
  const gp::Reflection *r = msg.GetReflection();
  scan_binary(bytes, size, msg.GetDescriptor(), nullptr,
              [&](const gp::FieldDescriptor *list, std::string_view payload) {
                gp::Message *out = r->AddMessage(&msg, list);
                const int index = r->FieldSize(msg, list) - 1;
                if (Status st = parse_binary_record(list, index, payload, *out); !st.ok()) {
                  unread.push_back({list->name(), index, std::move(st)});
                }
              });
  return {};
}

// JSON: the members outside the lists, parsed together into @p msg (merged).
Status parse_json_rest(const std::uint8_t *bytes, std::size_t size, gp::Message &msg,
                       std::string_view what, Splitter &splitter) {
  rj::Reader reader;
  rj::MemoryStream stream(reinterpret_cast<const char *>(bytes), size);
  if (!reader.Parse<kReadFlags>(stream, splitter)) {
    return invalid_argument(std::string(what),
                            "not a valid " + msg.GetDescriptor()->full_name() +
                                " in protobuf JSON: not a JSON object (error at byte " +
                                std::to_string(reader.GetErrorOffset()) + ")");
  }
  const std::string_view rest = splitter.rest();
  auto top = new_message(msg.GetDescriptor());
  if (Status st = parse(reinterpret_cast<const std::uint8_t *>(rest.data()), rest.size(),
                        Format::kJson, *top, what);
      !st.ok()) {
    return st;
  }
  msg.MergeFrom(*top);
  return {};
}

// A JSON record's text to its message (empty when it does not parse).
Status parse_json_record(const gp::FieldDescriptor *list, int index, std::string_view text,
                         int depth, gp::Message &out) {
  const std::string path = list->name() + "[" + std::to_string(index) + "]";
  return text.empty() || text.front() != '{'
             ? invalid_argument(path, "wrong JSON type: expected an object")
             : parse_record(text, depth, path, out);
}

}  // namespace

void report_unread(std::vector<UnreadRecord> unread, std::vector<Status> &errors) {
  if (unread.empty()) {
    return;
  }
  std::set<std::string> paths;
  for (const UnreadRecord &u : unread) {
    paths.insert(u.list + "[" + std::to_string(u.index) + "]");
  }
  std::erase_if(errors, [&](const Status &e) {
    const std::string &f = e.field();
    const auto close = f.find(']');
    return close != std::string::npos && paths.contains(f.substr(0, close + 1));
  });
  for (UnreadRecord &u : unread) {
    errors.push_back(std::move(u.status));
  }
}

Status parse_by_record(const std::uint8_t *bytes, std::size_t size, Format format, gp::Message &msg,
                       std::string_view what, std::vector<UnreadRecord> &unread) {
  if (format != Format::kJson || size > kMaxInputBytes || (bytes == nullptr && size != 0)) {
    Status st = parse(bytes, size, format, msg, what);
    if (st.ok() || format != Format::kBinary || size > kMaxInputBytes || bytes == nullptr) {
      return st;
    }
    msg.Clear();
    return parse_binary_by_record(bytes, size, msg, what, unread);
  }
  msg.Clear();
  const gp::Reflection *r = msg.GetReflection();
  Splitter splitter(msg.GetDescriptor(), [&](const gp::FieldDescriptor *list, int index,
                                             std::string_view text, int depth) {
    gp::Message *out = r->AddMessage(&msg, list);
    if (Status st = parse_json_record(list, index, text, depth, *out); !st.ok()) {
      unread.push_back({list->name(), index, std::move(st)});
    }
    return true;
  });
  if (Status st = parse_json_rest(bytes, size, msg, what, splitter); !st.ok()) {
    msg.Clear();
    unread.clear();
    return st;
  }
  return {};
}

Status parse_head(const std::uint8_t *bytes, std::size_t size, Format format, gp::Message &head,
                  std::string_view what, bool &whole) {
  whole = false;
  head.Clear();
  if ((format != Format::kJson && format != Format::kBinary) || size > kMaxInputBytes ||
      bytes == nullptr) {
    whole = true;  // parse() says what is wrong (or reads nothing)
    return {};
  }
  if (format == Format::kBinary) {
    bool framing = true;
    Status st = parse_binary_rest(bytes, size, head, what, framing);
    if (!framing) {
      // Broken framing at the top level (or a group, which this reader does
      // not skip): parse_by_record() decides.
      head.Clear();
      whole = true;
      return {};
    }
    return st;
  }
  Splitter splitter(head.GetDescriptor(), nullptr);
  if (Status st = parse_json_rest(bytes, size, head, what, splitter); !st.ok()) {
    head.Clear();
    return st;
  }
  return {};
}

void for_each_record(const std::uint8_t *bytes, std::size_t size, Format format,
                     const gp::Descriptor *type, const RecordFn &on_record,
                     const gp::FieldDescriptor *only) {
  std::map<const gp::FieldDescriptor *, std::unique_ptr<gp::Message>> scratch;
  const auto record = [&](const gp::FieldDescriptor *list) -> gp::Message & {
    auto &m = scratch[list];
    if (m == nullptr) {
      m = new_message(list->message_type());
    }
    m->Clear();
    return *m;
  };
  if (format == Format::kBinary) {
    std::map<const gp::FieldDescriptor *, int> counts;
    bool more = true;
    scan_binary(bytes, size, type, nullptr,
                [&](const gp::FieldDescriptor *list, std::string_view payload) {
                  const int index = counts[list]++;
                  if (!more || (only != nullptr && list != only)) {
                    return;
                  }
                  gp::Message &m = record(list);
                  const Status st = parse_binary_record(list, index, payload, m);
                  more = on_record(*list, index, m, st);
                });
    return;
  }
  Splitter splitter(
      type,
      [&](const gp::FieldDescriptor *list, int index, std::string_view text, int depth) {
        gp::Message &m = record(list);
        const Status st = parse_json_record(list, index, text, depth, m);
        return on_record(*list, index, m, st);
      },
      only);
  rj::Reader reader;
  rj::MemoryStream stream(reinterpret_cast<const char *>(bytes), size);
  reader.Parse<kReadFlags>(stream, splitter);  // parse_head() read it whole before
}

}  // namespace cadre::codec
