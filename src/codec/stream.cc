#include "codec/stream.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <algorithm>
#include <array>
#include <istream>
#include <limits>
#include <ostream>

#include "codec/codec.hpp"
#include "codec/protobuf_log.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gpio = ::google::protobuf::io;

namespace {

constexpr std::uint32_t kWireTypeLengthDelimited = 2;
constexpr int kMaxVarintBytes = 10;

// The name of a record's kind, for messages.
std::string_view kind_name(pb::RosterRecord::RecordCase c) {
  switch (c) {
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

std::string limit_text() { return std::to_string(kMaxRecordBytes) + " bytes"; }

// Bytes in memory as a ZeroCopyInputStream of any size (ArrayInputStream takes an int).
class SpanInputStream final : public gpio::ZeroCopyInputStream {
 public:
  SpanInputStream(const std::uint8_t *data, std::size_t size) noexcept : data_(data), size_(size) {}

  bool Next(const void **data, int *size) override {
    if (pos_ >= size_) {
      return false;
    }
    constexpr std::size_t kChunk = std::size_t{1} << 30U;
    const std::size_t n = std::min(kChunk, size_ - pos_);
    *data = data_ + pos_;
    *size = static_cast<int>(n);
    pos_ += n;
    last_ = n;
    return true;
  }
  void BackUp(int count) override {
    const auto c = static_cast<std::size_t>(std::max(count, 0));
    pos_ -= std::min({c, last_, pos_});
    last_ = 0;
  }
  bool Skip(int count) override {
    const auto c = static_cast<std::size_t>(std::max(count, 0));
    last_ = 0;
    if (c > size_ - pos_) {
      pos_ = size_;
      return false;
    }
    pos_ += c;
    return true;
  }
  [[nodiscard]] int64_t ByteCount() const override { return static_cast<int64_t>(pos_); }

 private:
  const std::uint8_t *data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  std::size_t last_ = 0;
};

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

std::optional<RosterFormat> roster_format_from_name(std::string_view name) noexcept {
  if (name == "json") return RosterFormat::kJson;
  if (name == "pb" || name == "binary") return RosterFormat::kBinary;
  if (name == "cadres" || name == "stream") return RosterFormat::kStream;
  return std::nullopt;
}

std::string_view extension(RosterFormat format) noexcept {
  switch (format) {
    case RosterFormat::kBinary:
      return ".pb";
    case RosterFormat::kJson:
      return ".json";
    case RosterFormat::kStream:
      return ".cadres";
  }
  return "";
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
  const std::string at = StreamReader::path(records_);
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
  const std::size_t record = 1 + gpio::CodedOutputStream::VarintSize32(body32) + body;
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
  *p++ = static_cast<std::uint8_t>((static_cast<std::uint32_t>(field_number) << 3U) |
                                   kWireTypeLengthDelimited);
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
  return invalid_argument(StreamReader::path(records_), "a record with no kind set");
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

// ---------------------------------------------------------------------------
// StreamReader

struct StreamReader::Source {
  std::istream *in = nullptr;
  std::unique_ptr<gpio::ZeroCopyInputStream> zc;
};

StreamReader::StreamReader(std::istream &in) : source_(std::make_unique<Source>()) {
  source_->in = &in;
  source_->zc = std::make_unique<gpio::IstreamInputStream>(&in);
}

StreamReader::StreamReader(const std::uint8_t *data, std::size_t size)
    : source_(std::make_unique<Source>()), data_(data), size_(size) {
  if (data == nullptr && size != 0) {
    fail(invalid_argument("stream", "NULL with a non-zero size"));
    return;
  }
  source_->zc = std::make_unique<SpanInputStream>(data, size);
}

StreamReader::~StreamReader() = default;

std::string StreamReader::path(std::uint64_t index) {
  return "records[" + std::to_string(index) + "]";
}

bool StreamReader::fail(Status status) {
  status_ = std::move(status);
  done_ = true;
  return false;
}

bool StreamReader::read_magic() {
  started_ = true;
  std::array<char, kStreamMagic.size()> magic{};
  std::size_t got = 0;
  {
    gpio::CodedInputStream cis(source_->zc.get());
    while (got < magic.size()) {
      std::uint8_t byte = 0;
      if (!cis.ReadRaw(&byte, 1)) break;
      magic.at(got++) = static_cast<char>(byte);
    }
  }
  offset_ += got;
  if (source_->in != nullptr && source_->in->bad()) {
    return fail({StatusCode::kUnavailable, "could not read the stream", "magic"});
  }
  const std::string_view seen(magic.data(), got);
  if (seen == kStreamMagic) return true;
  std::string message = R"(bad magic: not a cadre stream (expected "CADRES1\n")";
  if (got < magic.size() && seen == kStreamMagic.substr(0, got)) {
    message += ", the input ends after " + std::to_string(got) + " bytes";
  } else if (got != 0 && (seen.front() == '{' || seen.front() == '[')) {
    message += "; the input looks like JSON";
  }
  message += ")";
  return fail(invalid_argument("magic", std::move(message)));
}

bool StreamReader::check_order(const pb::RosterRecord &record) {
  const bool header = record.record_case() == pb::RosterRecord::kHeader;
  if (records_ == 0 && !header) {
    return fail(invalid_argument(path(0), "header missing: the first record is a " +
                                              std::string(kind_name(record.record_case())) +
                                              ", not the header"));
  }
  if (records_ != 0 && header) {
    return fail(invalid_argument(path(records_),
                                 "a second header: only the first record "
                                 "may be the header"));
  }
  ++records_;
  return true;
}

bool StreamReader::next(pb::RosterRecord &record) {
  if (done_) return false;
  if (!started_ && !read_magic()) return false;
  const std::string at = path(records_);
  gpio::CodedInputStream cis(source_->zc.get());
  const void *ignored = nullptr;
  int available = 0;
  if (!cis.GetDirectBufferPointer(&ignored, &available)) {
    if (source_->in != nullptr && source_->in->bad()) {
      return fail({StatusCode::kUnavailable, "could not read the stream", at});
    }
    if (records_ == 0) {
      return fail(invalid_argument(at, "header missing: the stream has no record after the magic"));
    }
    done_ = true;
    return false;
  }
  // The length: a varint of at most 10 bytes, read byte by byte to tell a
  // truncated one from a malformed one.
  std::uint64_t length = 0;
  int shift = 0;
  int length_bytes = 0;
  for (;;) {
    std::uint8_t byte = 0;
    if (!cis.ReadRaw(&byte, 1)) {
      return fail({StatusCode::kDataLoss,
                   "truncated length: the stream ends inside the varint length of the record", at});
    }
    ++length_bytes;
    if (shift < 64)
      length |= static_cast<std::uint64_t>(byte & 0x7FU) << static_cast<unsigned>(shift);
    if ((byte & 0x80U) == 0) break;
    shift += 7;
    if (length_bytes == kMaxVarintBytes) {
      return fail(invalid_argument(at, "malformed length: a varint longer than 10 bytes"));
    }
  }
  if (length > kMaxRecordBytes) {
    return fail({StatusCode::kResourceExhausted,
                 "record over the size limit: " + std::to_string(length) + " bytes, at most " +
                     limit_text(),
                 at});
  }
  const int size = static_cast<int>(length);
  const auto limit = cis.PushLimit(size);
  record.Clear();
  ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  const bool parsed = record.MergePartialFromCodedStream(&cis);
  const int rest = cis.BytesUntilLimit();
  if (!parsed || rest > 0 || !cis.ConsumedEntireMessage()) {
    // Either the input ended inside the record, or the bytes are not a record.
    if (rest > 0 && !cis.Skip(rest)) {
      if (source_->in != nullptr && source_->in->bad()) {
        return fail({StatusCode::kUnavailable, "could not read the stream", at});
      }
      return fail({StatusCode::kDataLoss,
                   "truncated record: the stream ends inside a record of " +
                       std::to_string(length) + " bytes",
                   at});
    }
    const std::string detail = log.detail();
    return fail(invalid_argument(at, "not a valid cadre.v1.RosterRecord in protobuf binary" +
                                         (detail.empty() ? "" : ": " + detail)));
  }
  cis.PopLimit(limit);
  offset_ += static_cast<std::uint64_t>(length_bytes) + length;
  return check_order(record);
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

bool move_into(pb::RosterRecord &record, pb::Roster &roster) {
  switch (record.record_case()) {
    case pb::RosterRecord::kHeader:
      roster.set_allocated_header(record.release_header());
      return true;
    case pb::RosterRecord::kRegion:
      roster.mutable_regions()->AddAllocated(record.release_region());
      return true;
    case pb::RosterRecord::kUnit:
      roster.mutable_units()->AddAllocated(record.release_unit());
      return true;
    case pb::RosterRecord::kTeam:
      roster.mutable_teams()->AddAllocated(record.release_team());
      return true;
    case pb::RosterRecord::kPeerGroup:
      roster.mutable_peer_groups()->AddAllocated(record.release_peer_group());
      return true;
    case pb::RosterRecord::kUnitAssessment:
      roster.mutable_unit_assessments()->AddAllocated(record.release_unit_assessment());
      return true;
    case pb::RosterRecord::kCadre:
      roster.mutable_cadres()->AddAllocated(record.release_cadre());
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
      return invalid_argument(StreamReader::path(reader.records() - 1),
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
      if (roster.ByteSizeLong() > kMaxInputBytes) return too_large();
      return serialize(roster, Format::kJson, out);
    case RosterFormat::kStream:
      return write_stream(roster, out);
  }
  return invalid_argument("format",
                          "unknown roster format " + std::to_string(static_cast<int>(format)));
}

Status convert(const std::uint8_t *data, std::size_t size, RosterFormat in_format,
               RosterFormat out_format, std::string &out) {
  out.clear();
  if (in_format == RosterFormat::kStream && out_format == RosterFormat::kStream) {
    // Record by record: checked and rewritten without holding the roster.
    StreamReader reader(data, size);
    StreamWriter writer(out);
    pb::RosterRecord record;
    while (reader.next(record)) {
      if (auto st = writer.write(record); !st.ok()) return st;
    }
    return reader.status();
  }
  pb::Roster roster;
  if (auto st = parse_roster(data, size, in_format, roster); !st.ok()) return st;
  return serialize_roster(roster, out_format, out);
}

}  // namespace cadre::codec
