#include "codec/roster_records.hpp"

#include <google/protobuf/io/coded_stream.h>

#include <array>
#include <istream>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "codec/codec.hpp"
#include "codec/protobuf_log.hpp"
#include "codec/record_split.hpp"
#include "codec/wire_support.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;
using Case = pb::RosterRecord::RecordCase;

namespace {

// The kinds of record, in the order of the schema (their field numbers, the
// same in cadre.v1.Roster and cadre.v1.RosterRecord).
constexpr std::array<Case, 7> kKinds = {
    pb::RosterRecord::kHeader, pb::RosterRecord::kRegion,    pb::RosterRecord::kUnit,
    pb::RosterRecord::kTeam,   pb::RosterRecord::kPeerGroup, pb::RosterRecord::kUnitAssessment,
    pb::RosterRecord::kCadre};
constexpr bool same_number(int list, Case kind) { return list == static_cast<int>(kind); }
static_assert(same_number(pb::Roster::kHeaderFieldNumber, pb::RosterRecord::kHeader) &&
              same_number(pb::Roster::kRegionsFieldNumber, pb::RosterRecord::kRegion) &&
              same_number(pb::Roster::kUnitsFieldNumber, pb::RosterRecord::kUnit) &&
              same_number(pb::Roster::kTeamsFieldNumber, pb::RosterRecord::kTeam) &&
              same_number(pb::Roster::kPeerGroupsFieldNumber, pb::RosterRecord::kPeerGroup) &&
              same_number(pb::Roster::kUnitAssessmentsFieldNumber,
                          pb::RosterRecord::kUnitAssessment) &&
              same_number(pb::Roster::kCadresFieldNumber, pb::RosterRecord::kCadre));

constexpr std::size_t kChunkBytes = std::size_t{1} << 20U;

Case kind_of_field(int number) {
  return number >= 1 && number <= static_cast<int>(kKinds.size())
             ? static_cast<Case>(number)
             : pb::RosterRecord::RECORD_NOT_SET;
}

// The member of @p record, or nullptr when it has none.
const gp::Message *member_of(const pb::RosterRecord &record) {
  const gp::OneofDescriptor *oneof = pb::RosterRecord::descriptor()->oneof_decl(0);
  const gp::Reflection *r = pb::RosterRecord::GetReflection();
  const gp::FieldDescriptor *f = r->GetOneofFieldDescriptor(record, oneof);
  return f == nullptr ? nullptr : &r->GetMessage(record, f);
}

// The kind of a stream record from its first tag, without parsing it;
// RECORD_NOT_SET when that is not plain (the record must be parsed).
Case peek_kind(const std::uint8_t *data, std::size_t size) {
  const std::uint8_t *p = data;
  std::uint32_t tag = 0;
  if (!wire::read_tag(p, data + size, tag) || (tag & 7U) != wire::kLengthDelimited) {
    return pb::RosterRecord::RECORD_NOT_SET;
  }
  return kind_of_field(static_cast<int>(tag >> 3U));
}

// The chunks of a roster's bytes: the whole of them, or an istream's.
class Chunks {
 public:
  explicit Chunks(const RosterInput &input) : input_(input) {}

  // The next chunk; false at the end, or when the istream failed (status()).
  bool next(const std::uint8_t *&data, std::size_t &size) {
    if (input_.in == nullptr) {
      if (done_) return false;
      done_ = true;
      data = input_.data;
      size = input_.size;
      return true;
    }
    buffer_.resize(kChunkBytes);
    input_.in->read(reinterpret_cast<char *>(buffer_.data()),
                    static_cast<std::streamsize>(buffer_.size()));
    const auto got = static_cast<std::size_t>(input_.in->gcount());
    if (input_.in->bad()) {
      status_ = {StatusCode::kUnavailable, "could not read the input", "roster"};
      return false;
    }
    data = buffer_.data();
    size = got;
    return got != 0;
  }

  [[nodiscard]] const Status &status() const noexcept { return status_; }

 private:
  RosterInput input_;
  bool done_ = false;
  std::vector<std::uint8_t> buffer_;
  Status status_;
};

const char *kNoKind =
    "a record of no kind this version of cadre knows (empty, or from a newer schema)";

Status each_stream_record(const RosterInput &input, const RosterItemFn &fn, Case only) {
  Chunks chunks(input);
  StreamFramer framer;
  pb::RosterRecord record;
  std::array<std::uint64_t, kKinds.size() + 1> counts{};  // records of each kind so far
  for (;;) {
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    const StreamFramer::Next next = framer.next(data, size);
    if (next == StreamFramer::Next::kError) {
      return framer.status();
    }
    if (next == StreamFramer::Next::kNeedMore) {
      if (!chunks.next(data, size)) {
        return chunks.status().ok() ? framer.finish() : chunks.status();
      }
      framer.feed(data, size);
      continue;
    }
    const std::uint64_t at = framer.records() - 1;
    if (const Case peek = peek_kind(data, size);
        at != 0 && only != pb::RosterRecord::RECORD_NOT_SET &&
        peek != pb::RosterRecord::RECORD_NOT_SET && peek != only) {
      ++counts[peek];  // another kind: skipped unparsed
      if (auto st = framer.accept(peek == pb::RosterRecord::kHeader, record_kind_name(peek));
          !st.ok()) {
        return st;
      }
      continue;
    }
    ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
    reset_record(record);
    if (!record.ParseFromArray(data, static_cast<int>(size))) {
      const std::string detail = log.detail();
      std::string message = "not a valid cadre.v1.RosterRecord in protobuf binary" +
                            (detail.empty() ? "" : ": " + detail);
      if (at == 0) {
        return framer.reject(std::move(message));  // without its header the stream cannot be read
      }
      if (!fn({pb::RosterRecord::RECORD_NOT_SET, at, nullptr,
               invalid_argument(record_path(at), std::move(message))})) {
        return {};
      }
      continue;
    }
    const Case kind = record.record_case();
    if (auto st = framer.accept(kind == pb::RosterRecord::kHeader, record_kind_name(kind));
        !st.ok()) {
      return st;
    }
    if (kind == pb::RosterRecord::RECORD_NOT_SET) {
      if (!fn({kind, at, nullptr, invalid_argument(record_path(at), kNoKind)})) {
        return {};
      }
      continue;
    }
    const std::uint64_t index = counts[kind]++;
    if (only != pb::RosterRecord::RECORD_NOT_SET && kind != only) {
      continue;
    }
    if (!fn({kind, index, member_of(record), {}})) {
      return {};
    }
  }
}

// A roster read whole (what parse_head() leaves to parse_by_record()), handed
// record by record.
Status each_held_record(const RosterInput &input, Format format, const RosterItemFn &fn,
                        Case only) {
  pb::Roster roster;
  std::vector<UnreadRecord> unread;
  if (auto st = parse_by_record(input.data, input.size, format, roster, "roster", unread);
      !st.ok()) {
    return st;
  }
  std::map<std::pair<std::string_view, int>, const Status *> why;  // the records that did not parse
  for (const UnreadRecord &u : unread) {
    why.emplace(std::pair<std::string_view, int>(u.list, u.index), &u.status);
  }
  const gp::Reflection *r = pb::Roster::GetReflection();
  for (const Case kind : kKinds) {
    if (only != pb::RosterRecord::RECORD_NOT_SET && kind != only) continue;
    const gp::FieldDescriptor *f =
        pb::Roster::descriptor()->FindFieldByNumber(static_cast<int>(kind));
    if (!f->is_repeated()) {
      if (r->HasField(roster, f) && !fn({kind, 0, &r->GetMessage(roster, f), {}})) return {};
      continue;
    }
    const int n = r->FieldSize(roster, f);
    for (int i = 0; i < n; ++i) {
      const auto it = why.find({f->name(), i});
      if (!fn({kind, static_cast<std::uint64_t>(i), &r->GetRepeatedMessage(roster, f, i),
               it == why.end() ? Status() : *it->second})) {
        return {};
      }
    }
  }
  return {};
}

Status each_document_record(const RosterInput &input, Format format, const RosterItemFn &fn,
                            Case only) {
  pb::Roster head;
  bool whole = false;
  if (auto st = parse_head(input.data, input.size, format, head, "roster", whole); !st.ok()) {
    return st;
  }
  if (whole) {
    return each_held_record(input, format, fn, only);
  }
  const bool all = only == pb::RosterRecord::RECORD_NOT_SET;
  if (head.has_header() && (all || only == pb::RosterRecord::kHeader)) {
    if (!fn({pb::RosterRecord::kHeader, 0, &head.header(), {}})) return {};
  }
  if (only == pb::RosterRecord::kHeader) {
    return {};
  }
  for_each_record(
      input.data, input.size, format, pb::Roster::descriptor(),
      [&](const gp::FieldDescriptor &list, int index, const gp::Message &record,
          const Status &unread) {
        return fn(
            {kind_of_field(list.number()), static_cast<std::uint64_t>(index), &record, unread});
      },
      all ? nullptr : pb::Roster::descriptor()->FindFieldByNumber(static_cast<int>(only)));
  return {};
}

}  // namespace

Status for_each_roster_record(const RosterInput &input, RosterFormat format, const RosterItemFn &fn,
                              Case only) {
  if (format == RosterFormat::kStream) {
    return each_stream_record(input, fn, only);
  }
  if (input.in != nullptr) {
    return {StatusCode::kInternal, "a whole roster is read from bytes in memory", "roster"};
  }
  return each_document_record(input, static_cast<Format>(format), fn, only);
}

std::string_view roster_list_name(Case kind) noexcept {
  if (kind == pb::RosterRecord::RECORD_NOT_SET) return "records";
  const gp::FieldDescriptor *f =
      pb::Roster::descriptor()->FindFieldByNumber(static_cast<int>(kind));
  return f == nullptr ? std::string_view("records") : std::string_view(f->name());
}

// ---------------------------------------------------------------------------
// Validation

namespace {

// "cadres[3].posts[0].kind" -> {"cadres[3]", "posts[0].kind"}; "records[12]" -> {"records[12]",
// ""}.
std::pair<std::string, std::string> split_record(const std::string &path) {
  const auto close = path.find(']');
  if (close == std::string::npos) return {path, ""};
  std::string rest = path.substr(close + 1);
  if (!rest.empty() && rest.front() == '.') rest.erase(0, 1);
  return {path.substr(0, close + 1), rest};
}

// The scratch records decoded into, reused.
struct Decoded {
  RosterHeader header;
  Region region;
  Unit unit;
  LeadershipTeam team;
  PeerGroup peer_group;
  UnitSpecialAssessment assessment;
  Cadre cadre;
};

// Decodes @p m (of @p kind) alone into @p errors and shows it to @p refs.
void check_record(Case kind, const gp::Message &m, std::uint64_t index,
                  const std::optional<Date> &as_of, bool decode_it, Decoded &d,
                  RosterReferences &refs, std::vector<Status> &errors,
                  std::vector<RecordFinding> &found) {
  switch (kind) {
    case pb::RosterRecord::kHeader:
      if (decode_it) decode(static_cast<const pb::RosterHeader &>(m), "", d.header, errors);
      break;
    case pb::RosterRecord::kRegion: {
      const auto &r = static_cast<const pb::Region &>(m);
      if (decode_it) decode(r, "", d.region, errors);
      refs.region(r, index, found);
      break;
    }
    case pb::RosterRecord::kUnit: {
      const auto &u = static_cast<const pb::Unit &>(m);
      if (decode_it) decode(u, "", d.unit, errors);
      refs.unit(u, index, found);
      break;
    }
    case pb::RosterRecord::kTeam: {
      const auto &t = static_cast<const pb::LeadershipTeam &>(m);
      if (decode_it) decode(t, "", as_of, d.team, errors);
      refs.team(t, index, found);
      break;
    }
    case pb::RosterRecord::kPeerGroup: {
      const auto &g = static_cast<const pb::PeerGroup &>(m);
      if (decode_it) decode(g, "", d.peer_group, errors);
      refs.peer_group(g, index, found);
      break;
    }
    case pb::RosterRecord::kUnitAssessment: {
      const auto &a = static_cast<const pb::UnitSpecialAssessment &>(m);
      if (decode_it) decode(a, "", as_of, d.assessment, errors);
      refs.unit_assessment(a, index, found);
      break;
    }
    case pb::RosterRecord::kCadre: {
      const auto &c = static_cast<const pb::Cadre &>(m);
      refs.cadre(c, index, found);  // a duplicate id first, as decode() of the roster says it
      if (decode_it) decode(c, "", as_of, d.cadre, errors);
      break;
    }
    case pb::RosterRecord::RECORD_NOT_SET:
      break;
  }
}

// The id a record prints with ("" when it has none or it is not a valid id).
std::string id_of(Case kind, const gp::Message &m) {
  if (kind == pb::RosterRecord::kHeader || kind == pb::RosterRecord::kRegion) return {};
  const gp::FieldDescriptor *f = m.GetDescriptor()->FindFieldByName("id");
  if (f == nullptr || f->type() != gp::FieldDescriptor::TYPE_STRING) return {};
  std::string id = m.GetReflection()->GetString(m, f);
  return is_valid_id(id) ? id : std::string();  // an invalid id is never echoed
}

}  // namespace

RosterValidation validate_roster(const RosterInput &input, RosterFormat format,
                                 std::optional<Date> as_of, bool as_of_from_header,
                                 const std::function<void(const RecordFinding &)> &on_finding,
                                 std::uint64_t max_records) {
  RosterValidation v;
  RosterReferences references;
  Decoded decoded;
  std::vector<Status> errors;
  std::vector<RecordFinding> found;
  bool read_any = false;
  const auto emit = [&](const RecordFinding &f) {
    ++v.errors;
    on_finding(f);
  };
  const Status st = for_each_roster_record(input, format, [&](const RosterItem &item) {
    read_any = true;
    if (item.kind != pb::RosterRecord::kHeader) ++v.records;
    if (item.kind == pb::RosterRecord::RECORD_NOT_SET) {
      emit({record_path(item.index), "", Status(item.unread.code(), item.unread.message(), "")});
      return true;
    }
    const std::string list(roster_list_name(item.kind));
    if (item.index >= max_records) {
      if (item.index == max_records) {
        emit({list, "",
              invalid_argument("", "more than " + std::to_string(max_records) + " records")});
      }
      return true;
    }
    if (item.kind == pb::RosterRecord::kHeader && !as_of && as_of_from_header) {
      as_of = Date::parse(static_cast<const pb::RosterHeader &>(*item.message).extracted_on());
    }
    errors.clear();
    found.clear();
    check_record(item.kind, *item.message, item.index, as_of, item.unread.ok(), decoded, references,
                 errors, found);
    const std::string where = item.kind == pb::RosterRecord::kHeader
                                  ? list
                                  : list + "[" + std::to_string(item.index) + "]";
    const std::string id = id_of(item.kind, *item.message);
    if (!item.unread.ok()) {
      auto [record, field] = split_record(item.unread.field());
      emit({record, id, Status(item.unread.code(), item.unread.message(), field)});
    }
    for (Status &e : errors) {
      emit({where, id, std::move(e)});
    }
    for (const RecordFinding &f : found) {
      emit(f);
    }
    return true;
  });
  found.clear();
  references.finish(found);
  for (const RecordFinding &f : found) {
    emit(f);
  }
  if (!st.ok()) {
    if (!read_any) {
      v.failed = st;
      return v;
    }
    auto [record, field] = split_record(st.field().empty() ? "roster" : st.field());
    emit({record, "", Status(st.code(), st.message(), field)});
  }
  return v;
}

// ---------------------------------------------------------------------------
// Conversion

Status StringByteSink::append(std::string_view bytes) {
  out_->append(bytes);
  return {};
}

Status StringByteSink::rewind() {
  out_->clear();
  return {};
}

namespace {

Status too_large() {
  return {StatusCode::kResourceExhausted,
          "larger than 2 GiB as a whole roster: keep it in the stream form (.cadres)", "roster"};
}

// Output gathered in chunks in front of the sink, bounded for the whole forms.
class Output {
 public:
  Output(ByteSink &sink, std::size_t max_bytes) : sink_(sink), max_bytes_(max_bytes) {}
  std::string &chunk() { return chunk_; }
  // Hands the chunk on when it is full (@p all: whatever it holds).
  Status pass(bool all = false) {
    if (total_ + chunk_.size() > max_bytes_) return too_large();
    if (chunk_.size() < kChunkBytes && !all) return {};
    total_ += chunk_.size();
    Status st = sink_.append(chunk_);
    chunk_.clear();
    return st;
  }
  Status rewind() {
    chunk_.clear();
    total_ = 0;
    return sink_.rewind();
  }

 private:
  ByteSink &sink_;
  std::uint64_t max_bytes_;
  std::string chunk_;
  std::uint64_t total_ = 0;
};

// The first error a conversion meets in a record.
Status unusable(const RosterItem &item) {
  if (!item.unread.ok()) return item.unread;
  if (item.kind == pb::RosterRecord::RECORD_NOT_SET) {
    return invalid_argument(record_path(item.index), kNoKind);
  }
  return {};
}

Status to_stream(const RosterInput &input, RosterFormat in_format, Output &out) {
  StreamWriter writer(out.chunk());
  Status failed;
  Status st = for_each_roster_record(input, in_format, [&](const RosterItem &item) {
    failed = unusable(item);
    if (failed.ok() && writer.records() == 0 && item.kind != pb::RosterRecord::kHeader) {
      failed = writer.write_header(pb::RosterHeader::default_instance());
    }
    if (failed.ok()) failed = writer.write(item.kind, *item.message);
    if (failed.ok()) failed = out.pass();
    return failed.ok();
  });
  if (!failed.ok()) return failed;
  if (!st.ok()) return st;
  if (writer.records() == 0) {
    if (auto h = writer.write_header(pb::RosterHeader::default_instance()); !h.ok()) return h;
  }
  return out.pass(true);
}

Status to_binary(const RosterInput &input, RosterFormat in_format, Output &out) {
  namespace gpio = ::google::protobuf::io;
  Status failed;
  Status st = for_each_roster_record(input, in_format, [&](const RosterItem &item) {
    failed = unusable(item);
    if (!failed.ok()) return false;
    // The record as the field of cadre.v1.Roster it is: tag, length, bytes.
    const std::size_t body = item.message->ByteSizeLong();
    if (body > std::numeric_limits<std::uint32_t>::max()) {
      failed = too_large();
      return false;
    }
    const auto body32 = static_cast<std::uint32_t>(body);
    std::string &chunk = out.chunk();
    const std::size_t start = chunk.size();
    chunk.resize(start + 1 + gpio::CodedOutputStream::VarintSize32(body32) + body);
    auto *p = reinterpret_cast<std::uint8_t *>(&chunk[start]);
    *p++ = static_cast<std::uint8_t>((static_cast<std::uint32_t>(item.kind) << 3U) |
                                     wire::kLengthDelimited);
    p = gpio::CodedOutputStream::WriteVarint32ToArray(body32, p);
    item.message->SerializeWithCachedSizesToArray(p);
    failed = out.pass();
    return failed.ok();
  });
  if (!failed.ok()) return failed;
  if (!st.ok()) return st;
  return out.pass(true);
}

// JSON: one pass when each list comes in one run; @p interleaved otherwise.
Status to_json(const RosterInput &input, RosterFormat in_format, Output &out, Case only,
               bool &interleaved, bool &first_member) {
  std::array<bool, kKinds.size() + 1> done{};  // lists written and closed
  Case open = pb::RosterRecord::RECORD_NOT_SET;
  std::string text;
  Status failed;
  Status st = for_each_roster_record(
      input, in_format,
      [&](const RosterItem &item) {
        failed = unusable(item);
        if (!failed.ok()) return false;
        std::string &chunk = out.chunk();
        if (item.kind != open) {
          if (done[item.kind]) {
            interleaved = true;
            return false;
          }
          if (open != pb::RosterRecord::RECORD_NOT_SET) {
            chunk += ']';
            done[open] = true;
          }
          if (!first_member) chunk += ',';
          first_member = false;
          chunk += '"';
          chunk += roster_list_name(item.kind);
          chunk += item.kind == pb::RosterRecord::kHeader ? "\":" : "\":[";
          open = item.kind;
          if (item.kind == pb::RosterRecord::kHeader) {
            done[open] = true;
            open = pb::RosterRecord::RECORD_NOT_SET;
          }
        } else {
          chunk += ',';
        }
        failed = serialize(*item.message, Format::kJson, text, kMaxInputBytes);
        if (failed.code() == StatusCode::kResourceExhausted &&
            failed.message() != "out of memory") {
          failed = too_large();
        }
        if (failed.ok()) {
          chunk += text;
          failed = out.pass();
        }
        return failed.ok();
      },
      only);
  if (!failed.ok() || interleaved) return failed;
  if (!st.ok()) return st;
  if (open != pb::RosterRecord::RECORD_NOT_SET) out.chunk() += ']';
  return {};
}

}  // namespace

Status convert_roster(const RosterInput &input, RosterFormat in_format, RosterFormat out_format,
                      ByteSink &sink, std::size_t max_bytes) {
  Output out(sink, out_format == RosterFormat::kStream ? std::numeric_limits<std::uint64_t>::max()
                                                       : max_bytes);
  switch (out_format) {
    case RosterFormat::kStream:
      return to_stream(input, in_format, out);
    case RosterFormat::kBinary:
      return to_binary(input, in_format, out);
    case RosterFormat::kJson:
      break;
  }
  bool interleaved = false;
  bool first_member = true;
  out.chunk() += '{';
  if (auto st = to_json(input, in_format, out, pb::RosterRecord::RECORD_NOT_SET, interleaved,
                        first_member);
      !st.ok() || !interleaved) {
    if (!st.ok()) return st;
    out.chunk() += '}';
    return out.pass(true);
  }
  // The lists are interleaved: one pass per list, in the schema's order.
  if (input.in != nullptr) {
    input.in->clear();
    input.in->seekg(0);
    if (!*input.in) {
      return {StatusCode::kUnimplemented,
              "the lists of the stream are interleaved and the input cannot be read twice",
              "roster"};
    }
  }
  if (auto st = out.rewind(); !st.ok()) return st;
  first_member = true;
  out.chunk() += '{';
  for (const Case kind : kKinds) {
    if (input.in != nullptr) {
      input.in->clear();
      input.in->seekg(0);
    }
    interleaved = false;  // one kind at a time cannot be
    if (auto st = to_json(input, in_format, out, kind, interleaved, first_member); !st.ok()) {
      return st;
    }
  }
  out.chunk() += '}';
  return out.pass(true);
}

Status convert(std::string_view in, RosterFormat in_format, RosterFormat out_format,
               std::string &out) {
  out.clear();
  StringByteSink sink(out);
  return convert_roster({reinterpret_cast<const std::uint8_t *>(in.data()), in.size(), nullptr},
                        in_format, out_format, sink);
}

}  // namespace cadre::codec
