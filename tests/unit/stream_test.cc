// The stream form of a roster: round trip and every error path.
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "codec/roster_records.hpp"
#include "codec/stream.hpp"
#include "generator/province.hpp"

namespace {

namespace codec = cadre::codec;
namespace pb = cadre::v1;

pb::Roster small_roster() {
  cadre::generator::Options o;
  o.cadres = 120;
  pb::Roster roster;
  EXPECT_TRUE(cadre::generator::generate_roster(o, roster).ok());
  return roster;
}

// The varint length and body of one record.
std::string frame(const std::string &body) {
  std::string out;
  auto n = static_cast<std::uint64_t>(body.size());
  while (n >= 0x80U) {
    out.push_back(static_cast<char>((n & 0x7FU) | 0x80U));
    n >>= 7U;
  }
  out.push_back(static_cast<char>(n));
  return out + body;
}

std::string header_record() {
  pb::RosterRecord r;
  r.mutable_header()->set_jurisdiction("990000");
  return frame(r.SerializeAsString());
}

cadre::Status read_all(const std::string &bytes) {
  pb::Roster roster;
  return codec::read_stream(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                            roster);
}

TEST(Stream, RoundTripInMemory) {
  const pb::Roster roster = small_roster();
  std::string bytes;
  ASSERT_TRUE(codec::write_stream(roster, bytes).ok());
  EXPECT_EQ(bytes.substr(0, 8), "CADRES1\n");
  pb::Roster back;
  ASSERT_TRUE(
      codec::read_stream(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), back)
          .ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(roster, back));
}

TEST(Stream, RoundTripThroughStreams) {
  const pb::Roster roster = small_roster();
  std::stringstream io;
  ASSERT_TRUE(codec::write_stream(roster, io).ok());
  codec::StreamReader reader(io);
  pb::Roster back;
  ASSERT_TRUE(codec::read_stream(reader, back).ok());
  EXPECT_TRUE(reader.at_end());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(roster, back));
}

TEST(Stream, ConvertAnyToAny) {
  const pb::Roster roster = small_roster();
  std::string json;
  ASSERT_TRUE(codec::serialize_roster(roster, codec::RosterFormat::kJson, json).ok());
  std::string stream;
  ASSERT_TRUE(
      codec::convert(json, codec::RosterFormat::kJson, codec::RosterFormat::kStream, stream).ok());
  std::string binary;
  ASSERT_TRUE(
      codec::convert(stream, codec::RosterFormat::kStream, codec::RosterFormat::kBinary, binary)
          .ok());
  std::string again;
  ASSERT_TRUE(
      codec::convert(stream, codec::RosterFormat::kStream, codec::RosterFormat::kStream, again)
          .ok());
  EXPECT_EQ(stream, again);
  pb::Roster back;
  ASSERT_TRUE(back.ParseFromString(binary));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(roster, back));
}

TEST(Stream, FormatsFromPaths) {
  EXPECT_EQ(codec::roster_format_from_path("a.json"), codec::RosterFormat::kJson);
  EXPECT_EQ(codec::roster_format_from_path("a.pb"), codec::RosterFormat::kBinary);
  EXPECT_EQ(codec::roster_format_from_path("a.cadres"), codec::RosterFormat::kStream);
  EXPECT_FALSE(codec::roster_format_from_path("a.txt").has_value());
}

TEST(Stream, BadMagic) {
  const cadre::Status st = read_all("CADRES2\n" + header_record());
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "magic");
  EXPECT_FALSE(read_all("CAD").ok());
}

TEST(Stream, TruncatedVarint) {
  const cadre::Status st = read_all(std::string(codec::kStreamMagic) + header_record() + "\x85");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "records[1]");
  EXPECT_NE(st.message().find("truncated length"), std::string::npos) << st.message();
}

TEST(Stream, TruncatedRecord) {
  std::string bytes = std::string(codec::kStreamMagic) + header_record();
  bytes.pop_back();
  const cadre::Status st = read_all(bytes);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "records[0]");
  EXPECT_NE(st.message().find("truncated record"), std::string::npos) << st.message();
}

TEST(Stream, OversizedRecord) {
  // A length of 1 GiB: rejected before reading, without allocating it.
  const std::string bytes =
      std::string(codec::kStreamMagic) + header_record() + std::string("\x80\x80\x80\x80\x04", 5);
  const cadre::Status st = read_all(bytes);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), cadre::StatusCode::kResourceExhausted);
  EXPECT_EQ(st.field(), "records[1]");
}

TEST(Stream, GarbageRecord) {
  const std::string bytes =
      std::string(codec::kStreamMagic) + header_record() + frame(std::string("\xff\xff\xff", 3));
  const cadre::Status st = read_all(bytes);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "records[1]");
}

TEST(Stream, NoHeader) {
  EXPECT_FALSE(read_all(std::string(codec::kStreamMagic)).ok());
  pb::RosterRecord r;
  r.mutable_unit()->set_id("u1");
  const cadre::Status st =
      read_all(std::string(codec::kStreamMagic) + frame(r.SerializeAsString()));
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "records[0]");
}

TEST(Stream, SecondHeader) {
  const cadre::Status st =
      read_all(std::string(codec::kStreamMagic) + header_record() + header_record());
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "records[1]");
}

// Frames of @p bytes fed in chunks of @p chunk bytes; the status at the end.
std::vector<std::string> frames(const std::string &bytes, std::size_t chunk, cadre::Status &end) {
  codec::StreamFramer framer;
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos <= bytes.size(); pos += chunk) {
    framer.feed(reinterpret_cast<const std::uint8_t *>(bytes.data()) + pos,
                std::min(chunk, bytes.size() - pos));
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    codec::StreamFramer::Next n;
    while ((n = framer.next(data, size)) == codec::StreamFramer::Next::kRecord) {
      out.emplace_back(reinterpret_cast<const char *>(data), size);
      EXPECT_TRUE(framer.accept(out.size() == 1, "cadre").ok());
    }
    if (n == codec::StreamFramer::Next::kError) {
      end = framer.status();
      return out;
    }
  }
  end = framer.finish();
  return out;
}

TEST(StreamFramer, SameRecordsWhateverTheChunks) {
  std::string bytes;
  ASSERT_TRUE(codec::write_stream(small_roster(), bytes).ok());
  cadre::Status end;
  const std::vector<std::string> whole = frames(bytes, bytes.size() + 1, end);
  ASSERT_TRUE(end.ok()) << end.to_string();
  EXPECT_GT(whole.size(), 120U);
  for (std::size_t chunk : {1U, 2U, 5U, 9U, 64U, 4096U}) {
    EXPECT_EQ(frames(bytes, chunk, end), whole) << chunk;
    EXPECT_TRUE(end.ok()) << chunk << ": " << end.to_string();
  }
}

TEST(StreamFramer, RecordsWithinAChunkAreNotCopied) {
  const std::string bytes = std::string(codec::kStreamMagic) + header_record() + header_record();
  codec::StreamFramer framer;
  const auto *begin = reinterpret_cast<const std::uint8_t *>(bytes.data());
  framer.feed(begin, bytes.size());
  const std::uint8_t *data = nullptr;
  std::size_t size = 0;
  ASSERT_EQ(framer.next(data, size), codec::StreamFramer::Next::kRecord);
  EXPECT_GE(data, begin);
  EXPECT_LT(data, begin + bytes.size());
  EXPECT_TRUE(framer.accept(true, "header").ok());
  ASSERT_EQ(framer.next(data, size), codec::StreamFramer::Next::kRecord);
  // The second header: refused by accept(), the one rule of record order.
  const cadre::Status st = framer.accept(true, "header");
  EXPECT_EQ(st.field(), "records[1]");
  EXPECT_EQ(framer.next(data, size), codec::StreamFramer::Next::kError);
}

TEST(StreamFramer, TheTenthByteOfALengthCarriesOneBit) {
  const std::string start = std::string(codec::kStreamMagic) + header_record();
  cadre::Status end;
  // 2^63: a valid varint, over the record limit.
  frames(start + std::string(9, '\x80') + "\x01", 3, end);
  EXPECT_EQ(end.code(), cadre::StatusCode::kResourceExhausted) << end.to_string();
  EXPECT_EQ(end.field(), "records[1]");
  // A tenth byte of 2 would be bit 64: not a varint.
  frames(start + std::string(9, '\x80') + "\x02", 3, end);
  EXPECT_EQ(end.code(), cadre::StatusCode::kInvalidArgument);
  EXPECT_NE(end.message().find("malformed length"), std::string::npos) << end.message();
  // Eleven bytes.
  frames(start + std::string(10, '\x80') + "\x01", 100, end);
  EXPECT_NE(end.message().find("malformed length"), std::string::npos) << end.message();
}

TEST(Stream, WriterWantsHeaderFirst) {
  std::string out;
  codec::StreamWriter w(out);
  pb::Unit u;
  EXPECT_FALSE(w.write_unit(u).ok());
  EXPECT_TRUE(w.write_header(pb::RosterHeader{}).ok());
  EXPECT_FALSE(w.write_header(pb::RosterHeader{}).ok());
  EXPECT_TRUE(w.write_unit(u).ok());
  EXPECT_EQ(w.records(), 2U);
  EXPECT_EQ(w.bytes(), out.size());
}

}  // namespace
