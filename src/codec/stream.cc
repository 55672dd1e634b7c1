#include "codec/stream.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/repeated_ptr_field.h>

#include <algorithm>
#include <array>
#include <istream>
#include <limits>
#include <memory>
#include <ostream>

#include "codec/codec.hpp"
#include "codec/protobuf_log.hpp"
#include "codec/wire_support.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gpio = ::google::protobuf::io;

namespace {

constexpr std::uint32_t kWireTypeLengthDelimited = 2;
constexpr int kMaxVarintBytes = 10;
constexpr std::size_t kReadChunk = std::size_t{1} << 20U;

std::string limit_text() { return std::to_string(kMaxRecordBytes) + " bytes"; }

// What reading a varint length found.
enum class Length { kOk, kIncomplete, kMalformed };

// Reads the varint length at [p, end): at most 10 bytes, the tenth carrying
// only the 64th bit (as codec/wire_support.hpp reads every varint).
Length read_length(const std::uint8_t *p, const std::uint8_t *end, std::uint64_t &value,
                   std::size_t &bytes) noexcept {
  const std::uint8_t *q = p;
  if (wire::read_varint(q, end, value)) {
    bytes = static_cast<std::size_t>(q - p);
    return Length::kOk;
  }
  // Incomplete only when the input ended inside a varint that could still be valid.
  const auto n = static_cast<std::size_t>(end - p);
  if (n >= static_cast<std::size_t>(kMaxVarintBytes)) {
    return Length::kMalformed;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if ((p[i] & 0x80U) == 0) {
      return Length::kMalformed;  // ended, yet not read: a bad tenth byte
    }
  }
  return Length::kIncomplete;
}

}  // namespace

// ---------------------------------------------------------------------------
// Formats

std::optional<RosterFormat> roster_format_from_path(std::string_view path) noexcept {
  const auto ends = [path](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends(".json")) return RosterFormat::kJson;
  if (ends(".pb") || ends(".binpb")) return RosterFormat::kBinary;
  if (ends(".cadres")) return RosterFormat::kStream;
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// StreamWriter

StreamWriter::StreamWriter(std::ostream &out) : os_(&out) {
  failed_ = put(kStreamMagic.data(), kStreamMagic.size());
}

StreamWriter::StreamWriter(std::string &out) : str_(&out) {
  failed_ = put(kStreamMagic.data(), kStreamMagic.size());
}

StreamWriter::~StreamWriter() = default;

Status StreamWriter::put(const char *data, std::size_t size) {
  if (str_ != nullptr) {
    str_->append(data, size);
  } else {
    os_->write(data, static_cast<std::streamsize>(size));
    if (!*os_) {
      return {StatusCode::kUnavailable, "could not write the stream"};
    }
  }
  bytes_ += size;
  return {};
}

Status StreamWriter::flush() {
  if (!failed_.ok()) return failed_;
  if (os_ != nullptr) {
    os_->flush();
    if (!*os_) {
      failed_ = {StatusCode::kUnavailable, "could not write the stream"};
    }
  }
  return failed_;
}

Status StreamWriter::write_field(int field_number, const google::protobuf::MessageLite &message) {
  if (!failed_.ok()) return failed_;
  const std::string at = record_path(records_);
  static_assert(static_cast<int>(pb::RosterRecord::kHeaderFieldNumber) ==
                static_cast<int>(pb::CaseStoreRecord::kHeaderFieldNumber));
  if (records_ == 0 && field_number != pb::RosterRecord::kHeaderFieldNumber) {
    return {StatusCode::kFailedPrecondition, "the first record must be the header", at};
  }
  if (records_ != 0 && field_number == pb::RosterRecord::kHeaderFieldNumber) {
    return {StatusCode::kFailedPrecondition, "only the first record may be a header", at};
  }
  const std::size_t body = message.ByteSizeLong();
  if (body > kMaxRecordBytes) {
    return {StatusCode::kResourceExhausted, "record over the size limit of " + limit_text(), at};
  }
  const auto body32 = static_cast<std::uint32_t>(body);
  // The tag of the member: one byte up to field 15, two from 16 (a case store's records).
  const std::uint32_t tag =
      (static_cast<std::uint32_t>(field_number) << 3U) | kWireTypeLengthDelimited;
  const std::size_t record = gpio::CodedOutputStream::VarintSize32(tag) +
                             gpio::CodedOutputStream::VarintSize32(body32) + body;
  if (record > kMaxRecordBytes) {
    return {StatusCode::kResourceExhausted, "record over the size limit of " + limit_text(), at};
  }
  const auto record32 = static_cast<std::uint32_t>(record);
  const std::size_t total = gpio::CodedOutputStream::VarintSize32(record32) + record;
  std::string *out = str_ != nullptr ? str_ : &buffer_;
  const std::size_t start = str_ != nullptr ? out->size() : 0;
  out->resize(start + total);
  auto *p = reinterpret_cast<std::uint8_t *>(&(*out)[start]);
  p = gpio::CodedOutputStream::WriteVarint32ToArray(record32, p);
  p = gpio::CodedOutputStream::WriteVarint32ToArray(tag, p);
  p = gpio::CodedOutputStream::WriteVarint32ToArray(body32, p);
  message.SerializeWithCachedSizesToArray(p);
  if (str_ != nullptr) {
    bytes_ += total;
  } else if (auto st = put(buffer_.data(), buffer_.size()); !st.ok()) {
    failed_ = st;
    return st;
  }
  ++records_;
  return {};
}

Status StreamWriter::write(const pb::RosterRecord &record) {
  switch (record.record_case()) {
    case pb::RosterRecord::kHeader:
      return write_header(record.header());
    case pb::RosterRecord::kRegion:
      return write_region(record.region());
    case pb::RosterRecord::kUnit:
      return write_unit(record.unit());
    case pb::RosterRecord::kTeam:
      return write_team(record.team());
    case pb::RosterRecord::kPeerGroup:
      return write_peer_group(record.peer_group());
    case pb::RosterRecord::kUnitAssessment:
      return write_unit_assessment(record.unit_assessment());
    case pb::RosterRecord::kCadre:
      return write_cadre(record.cadre());
    case pb::RosterRecord::RECORD_NOT_SET:
      break;
  }
  return invalid_argument(record_path(records_), "a record with no kind set");
}

Status StreamWriter::write_header(const pb::RosterHeader &header) {
  return write_field(pb::RosterRecord::kHeaderFieldNumber, header);
}
Status StreamWriter::write_region(const pb::Region &region) {
  return write_field(pb::RosterRecord::kRegionFieldNumber, region);
}
Status StreamWriter::write_unit(const pb::Unit &unit) {
  return write_field(pb::RosterRecord::kUnitFieldNumber, unit);
}
Status StreamWriter::write_team(const pb::LeadershipTeam &team) {
  return write_field(pb::RosterRecord::kTeamFieldNumber, team);
}
Status StreamWriter::write_peer_group(const pb::PeerGroup &group) {
  return write_field(pb::RosterRecord::kPeerGroupFieldNumber, group);
}
Status StreamWriter::write_unit_assessment(const pb::UnitSpecialAssessment &assessment) {
  return write_field(pb::RosterRecord::kUnitAssessmentFieldNumber, assessment);
}
Status StreamWriter::write_cadre(const pb::Cadre &cadre) {
  return write_field(pb::RosterRecord::kCadreFieldNumber, cadre);
}

Status StreamWriter::write_stored_case(const pb::StoredCase &stored_case) {
  return write_field(pb::CaseStoreRecord::kStoredCaseFieldNumber, stored_case);
}

Status StreamWriter::write_stored_event(const pb::StoredEvent &event) {
  return write_field(pb::CaseStoreRecord::kStoredEventFieldNumber, event);
}

// ---------------------------------------------------------------------------
// StreamFramer

std::string record_path(std::uint64_t index) { return "records[" + std::to_string(index) + "]"; }

std::string_view record_kind_name(pb::RosterRecord::RecordCase kind) noexcept {
  switch (kind) {
    case pb::RosterRecord::kHeader:
      return "header";
    case pb::RosterRecord::kRegion:
      return "region";
    case pb::RosterRecord::kUnit:
      return "unit";
    case pb::RosterRecord::kTeam:
      return "team";
    case pb::RosterRecord::kPeerGroup:
      return "peer group";
    case pb::RosterRecord::kUnitAssessment:
      return "unit assessment";
    case pb::RosterRecord::kCadre:
      return "cadre";
    case pb::RosterRecord::RECORD_NOT_SET:
      break;
  }
  return "record of no known kind";
}

void StreamFramer::feed(const std::uint8_t *data, std::size_t size) noexcept {
  chunk_ = data;
  chunk_size_ = data == nullptr ? 0 : size;
  pos_ = 0;
}

void StreamFramer::fail(Status status) {
  if (status_.ok()) {
    status_ = std::move(status);
  }
}

Status StreamFramer::reject(std::string message) {
  fail(invalid_argument(record_path(records_ == 0 ? 0 : records_ - 1), std::move(message)));
  return status_;
}

Status StreamFramer::reject_at(std::uint64_t record, std::string message) {
  fail(invalid_argument(record_path(record), std::move(message)));
  return status_;
}

Status StreamFramer::accept(bool is_header, std::string_view kind) {
  if (!status_.ok()) {
    return status_;
  }
  const std::uint64_t index = records_ == 0 ? 0 : records_ - 1;
  if (index == 0 && !is_header) {
    fail(invalid_argument(record_path(0), "header missing: the first record is a " +
                                              std::string(kind) + ", not the header"));
  } else if (index != 0 && is_header) {
    fail(invalid_argument(record_path(index),
                          "a second header: only the first record may be the header"));
  }
  return status_;
}

bool StreamFramer::read_magic() {
  const std::size_t take = std::min(kStreamMagic.size() - carry_.size(), chunk_size_ - pos_);
  carry_.append(reinterpret_cast<const char *>(chunk_) + pos_, take);
  pos_ += take;
  if (std::string_view(carry_) != kStreamMagic.substr(0, carry_.size())) {
    std::string message = R"(bad magic: not a cadre stream (expected "CADRES1\n")";
    if (carry_.front() == '{' || carry_.front() == '[') {
      message += "; the input looks like JSON";
    }
    message += ")";
    fail(invalid_argument("magic", std::move(message)));
    return false;
  }
  if (carry_.size() < kStreamMagic.size()) {
    return false;
  }
  carry_.clear();
  magic_ = true;
  bytes_ = kStreamMagic.size();
  return true;
}

StreamFramer::Next StreamFramer::next(const std::uint8_t *&data, std::size_t &size) {
  if (!status_.ok()) {
    return Next::kError;
  }
  if (carry_done_) {
    carry_.clear();
    carry_done_ = false;
  }
  if (!magic_ && !read_magic()) {
    return status_.ok() ? Next::kNeedMore : Next::kError;
  }
  const std::uint8_t *const chunk_end = chunk_ + chunk_size_;
  std::uint64_t length = 0;
  std::size_t length_bytes = 0;
  const auto too_long = [&] {
    fail({StatusCode::kResourceExhausted,
          "record over the size limit: " + std::to_string(length) + " bytes, at most " +
              limit_text(),
          record_path(records_)});
  };
  const auto malformed = [&] {
    fail(invalid_argument(record_path(records_), "malformed length: not a varint of 10 bytes"));
  };
  if (!carry_.empty()) {
    // A record that spans chunks: complete its length, then its bytes.
    for (;;) {
      const auto *begin = reinterpret_cast<const std::uint8_t *>(carry_.data());
      const Length l = read_length(begin, begin + carry_.size(), length, length_bytes);
      if (l == Length::kMalformed) {
        malformed();
        return Next::kError;
      }
      if (l == Length::kOk) {
        break;
      }
      if (pos_ == chunk_size_) {
        return Next::kNeedMore;
      }
      carry_.push_back(static_cast<char>(chunk_[pos_++]));
    }
    if (length > kMaxRecordBytes) {
      too_long();
      return Next::kError;
    }
    const std::size_t total = length_bytes + static_cast<std::size_t>(length);
    const std::size_t take = std::min(total - carry_.size(), chunk_size_ - pos_);
    carry_.append(reinterpret_cast<const char *>(chunk_) + pos_, take);
    pos_ += take;
    if (carry_.size() < total) {
      return Next::kNeedMore;
    }
    data = reinterpret_cast<const std::uint8_t *>(carry_.data()) + length_bytes;
    size = static_cast<std::size_t>(length);
    carry_done_ = true;
    ++records_;
    bytes_ += total;
    return Next::kRecord;
  }
  if (pos_ == chunk_size_) {
    return Next::kNeedMore;
  }
  const std::uint8_t *p = chunk_ + pos_;
  const auto available = static_cast<std::size_t>(chunk_end - p);
  switch (read_length(p, chunk_end, length, length_bytes)) {
    case Length::kMalformed:
      malformed();
      return Next::kError;
    case Length::kIncomplete:
      carry_.assign(reinterpret_cast<const char *>(p), available);
      pos_ = chunk_size_;
      return Next::kNeedMore;
    case Length::kOk:
      break;
  }
  if (length > kMaxRecordBytes) {
    too_long();
    return Next::kError;
  }
  const std::size_t total = length_bytes + static_cast<std::size_t>(length);
  if (total > available) {
    carry_.reserve(total);
    carry_.assign(reinterpret_cast<const char *>(p), available);
    pos_ = chunk_size_;
    return Next::kNeedMore;
  }
  data = p + length_bytes;
  size = static_cast<std::size_t>(length);
  pos_ += total;
  ++records_;
  bytes_ += total;
  return Next::kRecord;
}

Status StreamFramer::finish() {
  if (!status_.ok()) {
    return status_;
  }
  if (pos_ != chunk_size_) {
    fail({StatusCode::kInternal, "finish() before every record was read", "stream"});
    return status_;
  }
  if (carry_done_) {
    carry_.clear();
    carry_done_ = false;
  }
  if (!magic_) {
    fail(invalid_argument(
        "magic", R"(bad magic: not a cadre stream (expected "CADRES1\n", the input ends after )" +
                     std::to_string(carry_.size()) + " bytes)"));
    return status_;
  }
  if (!carry_.empty()) {
    std::uint64_t length = 0;
    std::size_t length_bytes = 0;
    const auto *begin = reinterpret_cast<const std::uint8_t *>(carry_.data());
    if (read_length(begin, begin + carry_.size(), length, length_bytes) != Length::kOk) {
      fail(invalid_argument(
          record_path(records_),
          "truncated length: the stream ends inside the varint length of the record"));
      return status_;
    }
    fail(invalid_argument(record_path(records_),
                          "truncated record: the stream ends inside a record of " +
                              std::to_string(length) + " bytes"));
    return status_;
  }
  if (records_ == 0) {
    fail(invalid_argument(record_path(0),
                          "header missing: the stream has no record after the magic"));
    return status_;
  }
  return {};
}

// ---------------------------------------------------------------------------
// StreamReader

StreamReader::StreamReader(std::istream &in) : in_(&in) {}

StreamReader::StreamReader(const std::uint8_t *data, std::size_t size) {
  if (data == nullptr && size != 0) {
    fail(invalid_argument("stream", "NULL with a non-zero size"));
    return;
  }
  framer_.feed(data, size);
}

StreamReader::~StreamReader() = default;

bool StreamReader::fail(Status status) {
  status_ = std::move(status);
  done_ = true;
  return false;
}

// Reads the next chunk of the istream; false at its end (or on an error: status_).
bool StreamReader::refill() {
  if (in_ == nullptr || !*in_) {
    return false;
  }
  buffer_.resize(kReadChunk);
  in_->read(reinterpret_cast<char *>(buffer_.data()), static_cast<std::streamsize>(buffer_.size()));
  const auto got = static_cast<std::size_t>(in_->gcount());
  if (in_->bad()) {
    fail({StatusCode::kUnavailable, "could not read the stream",
          framer_.records() == 0 && framer_.bytes() == 0 ? "magic" : record_path(records())});
    return false;
  }
  if (got == 0) {
    return false;
  }
  framer_.feed(buffer_.data(), got);
  return true;
}

bool StreamReader::next_bytes(const std::uint8_t *&data, std::size_t &size) {
  if (done_) return false;
  for (;;) {
    const StreamFramer::Next n = framer_.next(data, size);
    if (n == StreamFramer::Next::kError) {
      return fail(framer_.status());
    }
    if (n == StreamFramer::Next::kRecord) {
      return true;
    }
    if (!refill()) {
      if (done_) return false;  // the istream failed
      if (auto st = framer_.finish(); !st.ok()) {
        return fail(st);
      }
      done_ = true;
      return false;
    }
  }
}

bool StreamReader::next(pb::CaseStoreRecord &record) {
  const std::uint8_t *data = nullptr;
  std::size_t size = 0;
  if (!next_bytes(data, size)) return false;
  ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  record.Clear();
  // The oneof's pointer made null, as reset_record() does for a RosterRecord.
  pb::RosterHeader placeholder;
  record.unsafe_arena_set_allocated_header(&placeholder);
  static_cast<void>(record.unsafe_arena_release_header());
  if (!record.ParseFromArray(data, static_cast<int>(size))) {
    const std::string detail = log.detail();
    return fail(framer_.reject("not a valid cadre.v1.CaseStoreRecord in protobuf binary" +
                               (detail.empty() ? "" : ": " + detail)));
  }
  std::string_view kind = "record of no known kind";
  if (record.has_stored_case()) {
    kind = "case";
  } else if (record.has_stored_event()) {
    kind = "event";
  }
  if (auto st = framer_.accept(record.has_header(), kind); !st.ok()) {
    return fail(st);
  }
  return true;
}

bool StreamReader::next(pb::RosterRecord &record) {
  const std::uint8_t *data = nullptr;
  std::size_t size = 0;
  if (!next_bytes(data, size)) return false;
  ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  reset_record(record);
  if (!record.ParseFromArray(data, static_cast<int>(size))) {
    const std::string detail = log.detail();
    return fail(framer_.reject("not a valid cadre.v1.RosterRecord in protobuf binary" +
                               (detail.empty() ? "" : ": " + detail)));
  }
  if (auto st = framer_.accept(record.has_header(), record_kind_name(record.record_case()));
      !st.ok()) {
    return fail(st);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Whole rosters

namespace {

template <typename Out>
Status write_roster_records(const pb::Roster &roster, Out &out) {
  StreamWriter w(out);
  if (auto st = w.write_header(roster.header()); !st.ok()) return st;
  for (const auto &r : roster.regions()) {
    if (auto st = w.write_region(r); !st.ok()) return st;
  }
  for (const auto &u : roster.units()) {
    if (auto st = w.write_unit(u); !st.ok()) return st;
  }
  for (const auto &t : roster.teams()) {
    if (auto st = w.write_team(t); !st.ok()) return st;
  }
  for (const auto &g : roster.peer_groups()) {
    if (auto st = w.write_peer_group(g); !st.ok()) return st;
  }
  for (const auto &a : roster.unit_assessments()) {
    if (auto st = w.write_unit_assessment(a); !st.ok()) return st;
  }
  for (const auto &c : roster.cadres()) {
    if (auto st = w.write_cadre(c); !st.ok()) return st;
  }
  return w.flush();
}

Status too_large() {
  return {StatusCode::kResourceExhausted,
          "larger than 2 GiB as a whole roster: keep it in the stream form (.cadres)", "roster"};
}

}  // namespace

Status write_stream(const pb::Roster &roster, std::string &out) {
  return write_roster_records(roster, out);
}

Status write_stream(const pb::Roster &roster, std::ostream &out) {
  return write_roster_records(roster, out);
}

void reset_record(pb::RosterRecord &record) {
  record.Clear();
  // protobuf 3.21 sets a oneof's case before it allocates the member, and
  // the union's pointer starts uninitialised and is left dangling by
  // clear_record(); when that allocation throws, the destructor deletes
  // whatever the pointer held. Set and take back a placeholder (no
  // allocation) so that the pointer is null and such a delete does nothing.
  pb::RosterHeader placeholder;
  record.unsafe_arena_set_allocated_header(&placeholder);
  static_cast<void>(record.unsafe_arena_release_header());
}

namespace {

// Hands @p member to @p list; freed if the list fails to grow (AddAllocated
// takes nothing when it throws).
template <typename T>
void add_allocated(google::protobuf::RepeatedPtrField<T> &list, T *member) {
  std::unique_ptr<T> owned(member);
  list.AddAllocated(owned.get());
  static_cast<void>(owned.release());
}

}  // namespace

bool move_into(pb::RosterRecord &record, pb::Roster &roster) {
  switch (record.record_case()) {
    case pb::RosterRecord::kHeader:
      roster.set_allocated_header(record.release_header());
      return true;
    case pb::RosterRecord::kRegion:
      add_allocated(*roster.mutable_regions(), record.release_region());
      return true;
    case pb::RosterRecord::kUnit:
      add_allocated(*roster.mutable_units(), record.release_unit());
      return true;
    case pb::RosterRecord::kTeam:
      add_allocated(*roster.mutable_teams(), record.release_team());
      return true;
    case pb::RosterRecord::kPeerGroup:
      add_allocated(*roster.mutable_peer_groups(), record.release_peer_group());
      return true;
    case pb::RosterRecord::kUnitAssessment:
      add_allocated(*roster.mutable_unit_assessments(), record.release_unit_assessment());
      return true;
    case pb::RosterRecord::kCadre:
      add_allocated(*roster.mutable_cadres(), record.release_cadre());
      return true;
    case pb::RosterRecord::RECORD_NOT_SET:
      break;
  }
  return false;
}

Status read_stream(StreamReader &reader, pb::Roster &roster) {
  roster.Clear();
  pb::RosterRecord record;
  while (reader.next(record)) {
    if (reader.bytes() > kMaxInputBytes) {
      return too_large();
    }
    if (!move_into(record, roster)) {
      return invalid_argument(record_path(reader.records() - 1),
                              "a record of no kind this version of cadre knows (empty, or "
                              "from a newer schema)");
    }
  }
  return reader.status();
}

Status read_stream(const std::uint8_t *data, std::size_t size, pb::Roster &roster) {
  StreamReader reader(data, size);
  return read_stream(reader, roster);
}

Status parse_roster(const std::uint8_t *data, std::size_t size, RosterFormat format,
                    pb::Roster &roster) {
  switch (format) {
    case RosterFormat::kBinary:
      return parse(data, size, Format::kBinary, roster, "roster");
    case RosterFormat::kJson:
      return parse(data, size, Format::kJson, roster, "roster");
    case RosterFormat::kStream:
      return read_stream(data, size, roster);
  }
  return invalid_argument("format",
                          "unknown roster format " + std::to_string(static_cast<int>(format)));
}

Status serialize_roster(const pb::Roster &roster, RosterFormat format, std::string &out) {
  out.clear();
  switch (format) {
    case RosterFormat::kBinary:
      if (roster.ByteSizeLong() > kMaxInputBytes) return too_large();
      return serialize(roster, Format::kBinary, out);
    case RosterFormat::kJson:
      // JSON is larger than binary: refused as soon as it passes the limit
      // that parse_roster() reads, never written whole first.
      if (roster.ByteSizeLong() > kMaxInputBytes) return too_large();
      if (Status st = serialize(roster, Format::kJson, out, kMaxInputBytes);
          st.code() != StatusCode::kResourceExhausted || st.message() == "out of memory") {
        return st;
      }
      return too_large();
    case RosterFormat::kStream:
      return write_stream(roster, out);
  }
  return invalid_argument("format",
                          "unknown roster format " + std::to_string(static_cast<int>(format)));
}

}  // namespace cadre::codec
