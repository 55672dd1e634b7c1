// The fast path of the streamed screening (codec/wire_support.hpp and the
// views cadre_wiregen generates): whatever it takes, it must decode exactly as
// protobuf + the codec do; whatever it is unsure of, it must leave to protobuf.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codec/codec.hpp"
#include "codec/wire.hpp"
#include "generator/province.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace {

namespace pb = ::cadre::v1;
namespace wire = ::cadre::codec::wire;

// ---------------------------------------------------------------------------
// Hand-built wire bytes.

std::string varint(std::uint64_t v) {
  std::string out;
  while (v >= 0x80U) {
    out += static_cast<char>((v & 0x7fU) | 0x80U);
    v >>= 7U;
  }
  out += static_cast<char>(v);
  return out;
}

std::string tag(int field, int wire_type) {
  return varint((static_cast<std::uint64_t>(field) << 3U) | static_cast<std::uint64_t>(wire_type));
}

std::string len_field(int field, std::string_view bytes) {
  return tag(field, 2) + varint(bytes.size()) + std::string(bytes);
}

std::string varint_field(int field, std::uint64_t v) { return tag(field, 0) + varint(v); }

// A small valid cadre, as bytes.
std::string base_cadre() {
  pb::Cadre c;
  c.set_id("c1");
  c.set_sex(pb::SEX_FEMALE);
  c.set_birth_date("1970-02-28");
  auto *post = c.add_posts();
  post->set_id("p1");
  post->set_rank_level(pb::RANK_LEVEL_COUNTY_PRINCIPAL);
  post->set_kind(pb::POST_KIND_LEADERSHIP);
  post->set_start_date("2015-03-01");
  auto *a = c.add_assessments();
  a->set_id("a1");
  a->set_year(2023);
  a->set_grade(pb::ASSESSMENT_GRADE_COMPETENT);
  return c.SerializeAsString();
}

const std::uint8_t *bytes_of(std::string_view s) {
  return reinterpret_cast<const std::uint8_t *>(s.data());
}

// What decoding gives: whether it passed, every error, and the domain value
// re-encoded (bytes, so that NaN compares equal to NaN).
struct Decoded {
  bool ok = false;
  std::vector<std::string> errors;
  std::string value;
};

template <typename In>
Decoded decode_any(const In &in, std::optional<cadre::Date> as_of) {
  Decoded d;
  cadre::Cadre out;
  std::vector<cadre::Status> errors;
  d.ok = cadre::codec::decode(in, "cadres[0]", as_of, out, errors);
  for (const cadre::Status &e : errors) {
    d.errors.push_back(std::to_string(static_cast<int>(e.code())) + " " + e.field() + ": " +
                       e.message());
  }
  pb::Cadre again;
  cadre::codec::encode(out, again);
  d.value = again.SerializeAsString();
  return d;
}

// Outcome of offering @p bytes (a cadre.v1.Cadre) to the fast path.
enum class Path { kFast, kProtobuf, kRejected };

// Offers @p bytes to the fast path; when it takes them, checks that protobuf
// parses them too and that both decode alike, with and without an as-of date.
Path offer(std::string_view bytes) {
  wire::Cadre view;
  pb::Cadre message;
  const bool pb_ok = message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  if (!view.parse(bytes_of(bytes), bytes_of(bytes) + bytes.size())) {
    return pb_ok ? Path::kProtobuf : Path::kRejected;
  }
  EXPECT_TRUE(pb_ok) << "the fast path took bytes that protobuf rejects";
  for (const auto as_of : {std::optional<cadre::Date>{}, cadre::Date::parse("2020-06-30")}) {
    const Decoded a = decode_any(view, as_of);
    const Decoded b = decode_any(message, as_of);
    EXPECT_EQ(a.ok, b.ok);
    EXPECT_EQ(a.errors, b.errors);
    EXPECT_EQ(a.value, b.value);
  }
  return Path::kFast;
}

// ---------------------------------------------------------------------------
// The generated province: every cadre record takes the fast path, alike.

TEST(Wire, EveryCadreOfTheGeneratedProvinceTakesTheFastPathAndDecodesAlike) {
  cadre::generator::Options o;
  o.cadres = 3000;
  o.seed = 7;
  std::string stream;
  ASSERT_TRUE(cadre::generator::generate_stream(o, stream).ok());
  std::size_t pos = 8;  // the magic
  int cadres = 0;
  int records = 0;
  while (pos < stream.size()) {
    const std::uint8_t *p = bytes_of(stream) + pos;
    std::uint64_t n = 0;
    ASSERT_TRUE(wire::read_varint(p, bytes_of(stream) + stream.size(), n));
    const std::uint8_t *begin = nullptr;
    const std::uint8_t *end = nullptr;
    pb::RosterRecord record;
    ASSERT_TRUE(record.ParseFromArray(p, static_cast<int>(n)));
    const bool one_cadre =
        wire::only_field(p, p + n, pb::RosterRecord::kCadreFieldNumber, begin, end);
    EXPECT_EQ(one_cadre, record.has_cadre()) << "record " << records;
    if (one_cadre) {
      const std::string_view payload(reinterpret_cast<const char *>(begin),
                                     static_cast<std::size_t>(end - begin));
      EXPECT_EQ(offer(payload), Path::kFast) << "record " << records;
      ++cadres;
    }
    pos = static_cast<std::size_t>(p - bytes_of(stream)) + n;
    ++records;
  }
  EXPECT_EQ(cadres, 3000);
}

TEST(Wire, StreamedScreeningGivesTheSameResponseWithOrWithoutTheFastPath) {
  cadre::generator::Options o;
  o.cadres = 2000;
  o.seed = 11;
  std::string stream;
  ASSERT_TRUE(cadre::generator::generate_stream(o, stream).ok());
  // Spoil one record's date so that the responses hold a record error too.
  const std::string needle = "\x1a\x0a";  // field 3 (birth_date), 10 bytes
  std::size_t at = stream.find(needle, stream.size() / 2);
  while (at != std::string::npos && stream[at - 2] != '\x10') {  // after sex (field 2)
    at = stream.find(needle, at + 1);
  }
  ASSERT_NE(at, std::string::npos);
  stream[at + 2 + 4] = '/';
  const cadre::Date as_of = *cadre::Date::parse("2025-06-30");
  std::string responses[2];
  std::uint64_t fast[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    cadre::service::StreamScreener s(cadre::service::builtin_engine(), as_of);
    s.set_fast_path(i == 0);
    pb::ScreenResponse r;
    // Uneven chunks: records cut anywhere.
    for (std::size_t p = 0; p < stream.size(); p += 777) {
      ASSERT_TRUE(
          s.push(bytes_of(stream) + p, std::min<std::size_t>(777, stream.size() - p), r).ok());
    }
    ASSERT_TRUE(s.finish(r).ok());
    EXPECT_EQ(s.cadres(), 2000U);
    EXPECT_GE(r.errors_size(), 1);
    EXPECT_GT(r.findings_size(), 0);
    responses[i] = r.SerializeAsString();
    fast[i] = s.fast_cadres();
  }
  EXPECT_EQ(responses[0], responses[1]);
  EXPECT_EQ(fast[0], 2000U);
  EXPECT_EQ(fast[1], 0U);
}

// ---------------------------------------------------------------------------
// Records with errors: taken, and the errors are the same.

TEST(Wire, InvalidValuesAreTakenAndGiveTheSameErrors) {
  const std::string base = base_cadre();
  // Field 3 (birth_date) given again: the last one wins, as in protobuf.
  EXPECT_EQ(offer(base + len_field(3, "1970-02-30")), Path::kFast);
  EXPECT_EQ(offer(base + len_field(3, "2030-01-01")), Path::kFast);  // after the as-of date
  // An enum number unknown to this version (sex = 999), and a negative one
  // (ten bytes on the wire, kept as int32 -5).
  EXPECT_EQ(offer(base + varint_field(2, 999)), Path::kFast);
  EXPECT_EQ(offer(base + varint_field(2, static_cast<std::uint64_t>(-5))), Path::kFast);
  // An id over the limit; an empty required id.
  EXPECT_EQ(offer(base + len_field(1, std::string(300, 'x'))), Path::kFast);
  EXPECT_EQ(offer(base + len_field(1, "")), Path::kFast);
  // grassroots_months (9) with a value over 32 bits: the low 32 bits, negative.
  EXPECT_EQ(offer(base + varint_field(9, 0x1ffffffffULL)), Path::kFast);
  // A duplicate post id; a second assessment of the same year.
  pb::Post post;
  post.set_id("p1");
  post.set_start_date("2016-01-01");
  EXPECT_EQ(offer(base + len_field(5, post.SerializeAsString())), Path::kFast);
  pb::AnnualAssessment a;
  a.set_id("a2");
  a.set_year(2023);
  a.set_grade(pb::ASSESSMENT_GRADE_EXCELLENT);
  EXPECT_EQ(offer(base + len_field(20, a.SerializeAsString())), Path::kFast);
}

TEST(Wire, UnknownFieldsAreSkippedAsProtobufDoes) {
  const std::string base = base_cadre();
  EXPECT_EQ(offer(base + varint_field(999, 5)), Path::kFast);
  EXPECT_EQ(offer(base + len_field(1000, "anything")), Path::kFast);
  EXPECT_EQ(offer(base + tag(1001, 1) + std::string(8, '\x01')), Path::kFast);
  EXPECT_EQ(offer(base + tag(1002, 5) + std::string(4, '\x02')), Path::kFast);
  EXPECT_EQ(offer(tag(1003, 0) + varint(1) + base), Path::kFast);
}

TEST(Wire, RepeatedEnumsPackedOrNotAreTheSame) {
  const std::string base = base_cadre();
  // accountability_decisions (22) with forms (3): packed, then one by one.
  std::string decision = len_field(1, "d1") + len_field(3, varint(1) + varint(2));
  EXPECT_EQ(offer(base + len_field(22, decision)), Path::kFast);
  decision = len_field(1, "d1") + varint_field(3, 1) + varint_field(3, 2) + len_field(3, varint(3));
  EXPECT_EQ(offer(base + len_field(22, decision)), Path::kFast);
  // An unspecified element (0) and a packed list cut short.
  EXPECT_EQ(offer(base + len_field(22, len_field(1, "d1") + varint_field(3, 0))), Path::kFast);
  EXPECT_EQ(offer(base + len_field(22, len_field(1, "d1") + len_field(3, "\x80"))),
            Path::kRejected);
}

// ---------------------------------------------------------------------------
// Left to protobuf.

TEST(Wire, WhatTheFastPathIsUnsureOfGoesToProtobuf) {
  const std::string base = base_cadre();
  // A singular message given twice: protobuf merges them.
  pb::Post post;
  post.set_id("p9");
  post.mutable_probation()->set_start_date("2016-01-01");
  const std::string probation2 = len_field(12, len_field(2, "2017-01-01"));
  EXPECT_EQ(offer(base + len_field(5, post.SerializeAsString() + probation2)), Path::kProtobuf);
  // A known field with another wire type (sex as a string).
  EXPECT_EQ(offer(base + len_field(2, "x")), Path::kProtobuf);
  // Groups.
  EXPECT_EQ(offer(base + tag(50, 3) + tag(50, 4)), Path::kProtobuf);
}

TEST(Wire, MalformedBytesAreRejectedByBoth) {
  const std::string base = base_cadre();
  EXPECT_EQ(offer(base.substr(0, base.size() - 1)), Path::kRejected);  // truncated
  EXPECT_EQ(offer(base + "\x08"), Path::kRejected);                    // a tag without value
  EXPECT_EQ(offer(base + std::string("\x00", 1)), Path::kRejected);    // field number 0
  EXPECT_EQ(offer(base + tag(7, 2) + varint(100) + "short"), Path::kRejected);
  EXPECT_EQ(offer(base + tag(9, 0) + std::string(11, '\xff')), Path::kRejected);  // varint > 10
  // Protobuf reads a tag or a length in at most five bytes: an overlong one
  // (a sixth byte, the value small) is rejected by both (found by the fuzz
  // target wire: the fast path took it).
  EXPECT_EQ(offer(base + std::string("\x90\x80\x80\x80\x80\x00", 6) + varint(1)),
            Path::kRejected);  // field 2 as a six-byte tag
  EXPECT_EQ(offer(base + tag(7, 2) + std::string("\x82\x80\x80\x80\x80\x00", 6) + "ab"),
            Path::kRejected);  // a length of 2 in six bytes
  // Five bytes are still read alike.
  EXPECT_NE(offer(base + std::string("\x90\x80\x80\x80\x00", 5) + varint(1)), Path::kRejected);
  // The fuzz target's input itself.
  const std::string found(
      "\x10\x82\x82\x82\x82\x02\x10\x86\x7d\x82\x82\x82\x82\x82\x00\x02"
      "\x10\x82\x82\x86\x82\x82\x82\x00\x02\x82\x02\x10\x82\x82\x82\x82\x02",
      33);
  EXPECT_EQ(offer(found), Path::kRejected);
}

TEST(Wire, TextMustBeUtf8AsProtobufRequires) {
  const std::string base = base_cadre();
  const std::vector<std::string> valid = {
      "",         "plain",        "王峰永",           "\xf0\x9f\x98\x80",
      "\xc2\x80", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf", "abcdefgh王ijklmnop"};
  for (const std::string &s : valid) {
    EXPECT_TRUE(wire::valid_utf8(s)) << s;
    EXPECT_EQ(offer(base + len_field(6, s)), Path::kFast) << s;  // name
  }
  const std::vector<std::string> invalid = {
      "\x80",         "\xc0\x80",         "\xc1\xbf",         "\xe0\x80\x80",
      "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xe4\xb8",
      "\xff",         "abcdefgh\xe4",     "\xe4\xb8\x41",     "\xf0\x8f\xbf\xbf"};
  for (const std::string &s : invalid) {
    EXPECT_FALSE(wire::valid_utf8(s));
    EXPECT_EQ(offer(base + len_field(6, s)), Path::kRejected);
  }
}

TEST(Wire, OnlyARecordHoldingOneCadreIsTaken) {
  const std::string cadre = base_cadre();
  const std::string record = len_field(7, cadre);
  const std::uint8_t *b = nullptr;
  const std::uint8_t *e = nullptr;
  EXPECT_TRUE(wire::only_field(bytes_of(record), bytes_of(record) + record.size(), 7, b, e));
  EXPECT_EQ(static_cast<std::size_t>(e - b), cadre.size());
  const std::string two = record + varint_field(99, 1);
  EXPECT_FALSE(wire::only_field(bytes_of(two), bytes_of(two) + two.size(), 7, b, e));
  const std::string unit = len_field(3, cadre);
  EXPECT_FALSE(wire::only_field(bytes_of(unit), bytes_of(unit) + unit.size(), 7, b, e));
  EXPECT_FALSE(wire::only_field(bytes_of(record), bytes_of(record) + record.size() - 1, 7, b, e));
}

TEST(Wire, AViewReusedForAnotherRecordForgetsTheFirst) {
  pb::Cadre big;
  big.set_id("c1");
  big.set_name("甲");
  for (int i = 0; i < 5; ++i) {
    auto *p = big.add_posts();
    p->set_id("p" + std::to_string(i));
    p->mutable_probation()->set_start_date("2015-01-01");
    p->add_terms()->set_number(1);
  }
  const std::string small = base_cadre();
  const std::string first = big.SerializeAsString();
  wire::Cadre view;
  ASSERT_TRUE(view.parse(bytes_of(first), bytes_of(first) + first.size()));
  EXPECT_EQ(view.posts().size(), 5);
  ASSERT_TRUE(view.parse(bytes_of(small), bytes_of(small) + small.size()));
  EXPECT_EQ(view.posts().size(), 1);
  EXPECT_FALSE(view.posts().Get(0).has_probation());
  EXPECT_EQ(view.posts().Get(0).terms().size(), 0);
  EXPECT_TRUE(view.name().empty());
  pb::Cadre message;
  ASSERT_TRUE(message.ParseFromString(small));
  EXPECT_EQ(decode_any(view, std::nullopt).value, decode_any(message, std::nullopt).value);
}

}  // namespace
