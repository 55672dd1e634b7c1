// The stream form of a roster: round trip and every error path.
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

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
