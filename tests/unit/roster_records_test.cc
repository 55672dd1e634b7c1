// A roster read one record at a time (codec/roster_records.hpp): validating
// and converting it without holding it gives what the whole-roster path gave.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "codec/codec.hpp"
#include "codec/record_split.hpp"
#include "codec/roster_records.hpp"
#include "codec/stream.hpp"
#include "domain_fixtures.hpp"
#include "support/province.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
using codec::RosterFormat;

constexpr RosterFormat kForms[] = {RosterFormat::kBinary, RosterFormat::kJson,
                                   RosterFormat::kStream};

const char *name_of(RosterFormat f) {
  return f == RosterFormat::kBinary ? "binary" : f == RosterFormat::kJson ? "json" : "stream";
}

codec::RosterInput bytes_of(const std::string &s) {
  return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size(), nullptr};
}

std::string whole(const pb::Roster &r, RosterFormat f) {
  std::string out;
  EXPECT_TRUE(codec::serialize_roster(r, f, out).ok());
  return out;
}

pb::Roster generated(int cadres) { return testing::generated_province(cadres, 11); }

// Every form into every form, byte for byte what serializing the whole
// roster gives (the input in the schema's order).
TEST(RosterRecords, ConvertGivesTheBytesOfTheWholeRoster) {
  const pb::Roster r = generated(300);
  ASSERT_GT(r.units_size(), 0);
  ASSERT_GT(r.teams_size(), 0);
  for (const RosterFormat from : kForms) {
    const std::string in = whole(r, from);
    for (const RosterFormat to : kForms) {
      SCOPED_TRACE(std::string(name_of(from)) + " -> " + name_of(to));
      std::string out;
      ASSERT_TRUE(codec::convert(in, from, to, out).ok());
      EXPECT_TRUE(out == whole(r, to));
    }
  }
}

// The stream form may interleave the lists: JSON still groups each list (one
// pass per list), and every form reads back as the same roster.
TEST(RosterRecords, ConvertGroupsInterleavedLists) {
  const pb::Roster r = generated(40);
  std::string stream;
  codec::StreamWriter w(stream);
  ASSERT_TRUE(w.write_header(r.header()).ok());
  for (int i = 0; i < r.cadres_size(); ++i) {
    ASSERT_TRUE(w.write_cadre(r.cadres(i)).ok());
    if (i < r.units_size()) {
      ASSERT_TRUE(w.write_unit(r.units(i)).ok());
    }
  }
  for (int i = r.cadres_size(); i < r.units_size(); ++i) ASSERT_TRUE(w.write_unit(r.units(i)).ok());
  for (const auto &t : r.teams()) ASSERT_TRUE(w.write_team(t).ok());
  for (const auto &g : r.regions()) ASSERT_TRUE(w.write_region(g).ok());
  pb::Roster expected;
  *expected.mutable_header() = r.header();
  *expected.mutable_regions() = r.regions();
  *expected.mutable_units() = r.units();
  *expected.mutable_teams() = r.teams();
  *expected.mutable_cadres() = r.cadres();
  std::string json;
  ASSERT_TRUE(codec::convert(stream, RosterFormat::kStream, RosterFormat::kJson, json).ok());
  EXPECT_TRUE(json == whole(expected, RosterFormat::kJson));
  // From an istream too (read again for each list).
  std::istringstream in(stream);
  std::string from_file;
  codec::StringByteSink sink(from_file);
  ASSERT_TRUE(
      codec::convert_roster({nullptr, 0, &in}, RosterFormat::kStream, RosterFormat::kJson, sink)
          .ok());
  EXPECT_EQ(from_file, json);
  // Binary keeps the order of the input: the same roster once parsed.
  std::string binary;
  ASSERT_TRUE(codec::convert(stream, RosterFormat::kStream, RosterFormat::kBinary, binary).ok());
  pb::Roster back;
  ASSERT_TRUE(back.ParseFromString(binary));
  EXPECT_EQ(back.SerializeAsString(), expected.SerializeAsString());
}

// A record that does not parse stops the conversion with its field path; an
// enum given by its number is a value, not an error.
TEST(RosterRecords, ConvertStopsAtARecordThatDoesNotParse) {
  const std::string json =
      R"({"cadres":[{"id":"c1","sex":1},{"id":"c2","sex":"SEX_BOGUS"},{"id":"c3"}]})";
  for (const RosterFormat to : kForms) {
    std::string out;
    const Status st = codec::convert(json, RosterFormat::kJson, to, out);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(st.field(), "cadres[1].sex");
  }
  std::string out;
  ASSERT_TRUE(codec::convert(R"({"cadres":[{"id":"c1","sex":1}]})", RosterFormat::kJson,
                             RosterFormat::kJson, out)
                  .ok());
  EXPECT_EQ(out, R"({"cadres":[{"id":"c1","sex":"SEX_MALE"}]})");
}

// Binary and JSON outputs over the limit screen reads (2 GiB; here a lower
// one) are refused; the stream form has none.
TEST(RosterRecords, ConvertNeverMakesAWholeRosterOverTheLimit) {
  const pb::Roster r = generated(300);
  const std::string stream = whole(r, RosterFormat::kStream);
  for (const RosterFormat to : kForms) {
    SCOPED_TRACE(name_of(to));
    std::string out;
    codec::StringByteSink sink(out);
    const Status st = codec::convert_roster(bytes_of(stream), RosterFormat::kStream, to, sink,
                                            std::size_t{64} << 10U);
    if (to == RosterFormat::kStream) {
      EXPECT_TRUE(st.ok());
      EXPECT_GT(out.size(), std::size_t{64} << 10U);
    } else {
      EXPECT_EQ(st.code(), StatusCode::kResourceExhausted);
      EXPECT_NE(st.message().find("stream form"), std::string::npos);
    }
  }
}

std::vector<std::string> findings(const std::string &in, RosterFormat f,
                                  std::optional<Date> as_of) {
  std::vector<std::string> out;
  const codec::RosterValidation v = codec::validate_roster(
      bytes_of(in), f, as_of, false,
      [&](const codec::RecordFinding &x) {
        out.push_back(x.record + (x.error.field().empty() ? "" : "." + x.error.field()) + ": " +
                      x.error.message());
      },
      codec::kMaxRosterRecords);
  EXPECT_TRUE(v.failed.ok()) << v.failed.message();
  EXPECT_EQ(v.errors, out.size());
  std::sort(out.begin(), out.end());
  return out;
}

// Validation record by record finds what the decode of the whole roster
// found (with the errors of records that do not parse in their place), in
// every form.
TEST(RosterRecords, ValidateFindsWhatTheWholeDecodeFinds) {
  pb::Roster r = testing::full_roster();
  *r.add_cadres() = r.cadres(0);                      // a duplicate id
  r.mutable_cadres(0)->set_birth_date("1970-02-31");  // no such day
  r.mutable_units(0)->set_region_code("970000");      // a region the roster lacks
  pb::Cadre *late = r.add_cadres();
  *late = r.cadres(1);
  late->set_id("c-late");
  late->mutable_posts(0)->set_start_date("2099-01-01");  // after the as-of date
  const std::optional<Date> as_of = Date::parse(testing::kFixtureAsOf);
  Roster decoded;
  std::vector<Status> errors;
  codec::decode(r, as_of, decoded, errors);
  std::vector<std::string> expected;
  for (const Status &e : errors) expected.push_back(e.field() + ": " + e.message());
  std::sort(expected.begin(), expected.end());
  ASSERT_GE(expected.size(), 4U);
  for (const RosterFormat f : kForms) {
    SCOPED_TRACE(name_of(f));
    EXPECT_EQ(findings(whole(r, f), f, as_of), expected);
  }
}

// Binary whose top level the record reader cannot follow (an unknown group,
// which protobuf skips) is read whole, and gives the same answers.
TEST(RosterRecords, BinaryReadWholeGivesTheSameAnswers) {
  pb::Roster r = testing::full_roster();
  r.mutable_cadres(0)->set_birth_date("1970-02-31");
  const std::string plain = whole(r, RosterFormat::kBinary);
  // Field 100 as a group: start (wire type 3) and end (wire type 4).
  const std::string grouped = plain + "\xA3\x06\xA4\x06";
  const std::optional<Date> as_of = Date::parse(testing::kFixtureAsOf);
  EXPECT_EQ(findings(grouped, RosterFormat::kBinary, as_of),
            findings(plain, RosterFormat::kBinary, as_of));
  std::string a;
  std::string b;
  ASSERT_TRUE(codec::convert(grouped, RosterFormat::kBinary, RosterFormat::kJson, a).ok());
  ASSERT_TRUE(codec::convert(plain, RosterFormat::kBinary, RosterFormat::kJson, b).ok());
  EXPECT_EQ(a, b);
}

// A record that does not parse is a finding of its own and the others are
// still validated; a broken stream ends with what was read.
TEST(RosterRecords, ValidateGoesOnPastARecordThatDoesNotParse) {
  const auto got =
      findings(R"({"cadres":[{"id":"c1","sex":"SEX_BOGUS"},{"id":"c2","birth_date":"x"}]})",
               RosterFormat::kJson, std::nullopt);
  EXPECT_TRUE(std::find(got.begin(), got.end(), "cadres[0].sex: unknown value") != got.end());
  EXPECT_TRUE(std::any_of(got.begin(), got.end(), [](const std::string &s) {
    return s.rfind("cadres[1].birth_date: ", 0) == 0;
  }));
  // A stream cut inside its last record: the records before it are read.
  pb::Roster r = testing::full_roster();
  std::string stream = whole(r, RosterFormat::kStream);
  stream.resize(stream.size() - 3);
  std::vector<std::string> found;
  const codec::RosterValidation v = codec::validate_roster(
      bytes_of(stream), RosterFormat::kStream, Date::parse(testing::kFixtureAsOf), false,
      [&](const codec::RecordFinding &x) { found.push_back(x.record + ": " + x.error.message()); },
      codec::kMaxRosterRecords);
  EXPECT_TRUE(v.failed.ok());
  EXPECT_EQ(v.records + 1, static_cast<std::uint64_t>(r.regions_size() + r.units_size() +
                                                      r.teams_size() + r.peer_groups_size() +
                                                      r.unit_assessments_size() + r.cadres_size()));
  ASSERT_FALSE(found.empty());
  EXPECT_NE(found.back().find("truncated"), std::string::npos) << found.back();
  // Nothing read at all: the call fails, nothing is found.
  const codec::RosterValidation bad = codec::validate_roster(
      bytes_of("not a stream"), RosterFormat::kStream, std::nullopt, false,
      [](const codec::RecordFinding &) { ADD_FAILURE(); }, codec::kMaxRosterRecords);
  EXPECT_EQ(bad.failed.field(), "magic");
}

// A list longer than the limit gets one error; its records beyond are not
// decoded.
TEST(RosterRecords, ValidateBoundsAList) {
  const auto v = codec::validate_roster(
      bytes_of(R"({"cadres":[{"id":"a"},{"id":"b"},{"id":"c"}]})"), RosterFormat::kJson,
      std::nullopt, false, [](const codec::RecordFinding &) {}, 2);
  std::vector<std::string> got;
  codec::validate_roster(
      bytes_of(R"({"cadres":[{"id":"a"},{"id":"b"},{"id":"c"}]})"), RosterFormat::kJson,
      std::nullopt, false,
      [&](const codec::RecordFinding &x) {
        if (x.record == "cadres") got.push_back(x.error.message());
      },
      2);
  EXPECT_EQ(v.records, 3U);
  EXPECT_EQ(got, std::vector<std::string>{"more than 2 records"});
}

}  // namespace
}  // namespace cadre
