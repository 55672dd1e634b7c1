// Round trips of the codec: wire -> domain -> wire for a fully populated cadre
// and roster (every field set), domain -> wire -> domain, JSON and binary
// forms, and golden files compared as parsed messages.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "codec/codec.hpp"
#include "domain_fixtures.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;
using codec::Format;
using testing::full_cadre;
using testing::full_roster;

std::optional<Date> as_of() { return Date::parse(testing::kFixtureAsOf); }

std::string errors_text(const std::vector<Status> &errors) {
  std::string s;
  for (const Status &e : errors) s += e.to_string() + "\n";
  return s;
}

// Full names of the fields set anywhere in @p msg (recursively).
void collect_set_fields(const gp::Message &msg, std::set<std::string> &out) {
  const gp::Reflection *r = msg.GetReflection();
  std::vector<const gp::FieldDescriptor *> fields;
  r->ListFields(msg, &fields);
  for (const gp::FieldDescriptor *f : fields) {
    out.insert(f->full_name());
    if (f->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(msg, f); ++i) {
        collect_set_fields(r->GetRepeatedMessage(msg, f, i), out);
      }
    } else {
      collect_set_fields(r->GetMessage(msg, f), out);
    }
  }
}

// Full names of every field reachable from @p d.
void collect_all_fields(const gp::Descriptor *d, std::set<std::string> &seen_types,
                        std::set<std::string> &out) {
  if (!seen_types.insert(d->full_name()).second) return;
  for (int i = 0; i < d->field_count(); ++i) {
    const gp::FieldDescriptor *f = d->field(i);
    out.insert(f->full_name());
    if (f->message_type() != nullptr) collect_all_fields(f->message_type(), seen_types, out);
  }
}

std::set<std::string> missing_fields(const gp::Message &msg) {
  std::set<std::string> all;
  std::set<std::string> types;
  collect_all_fields(msg.GetDescriptor(), types, all);
  std::set<std::string> set;
  collect_set_fields(msg, set);
  std::set<std::string> missing;
  for (const std::string &f : all) {
    if (set.count(f) == 0) missing.insert(f);
  }
  return missing;
}

std::string join(const std::set<std::string> &s) {
  std::string out;
  for (const std::string &x : s) out += x + " ";
  return out;
}

TEST(RoundTrip, FixturesSetEveryField) {
  EXPECT_TRUE(missing_fields(full_cadre()).empty()) << join(missing_fields(full_cadre()));
  EXPECT_TRUE(missing_fields(full_roster()).empty()) << join(missing_fields(full_roster()));
}

TEST(RoundTrip, FullCadreWireDomainWire) {
  const pb::Cadre in = full_cadre();
  Cadre domain;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(in, "cadre", as_of(), domain, errors)) << errors_text(errors);
  pb::Cadre back;
  codec::encode(domain, back);
  std::string diff;
  gp::util::MessageDifferencer d;
  d.ReportDifferencesToString(&diff);
  EXPECT_TRUE(d.Compare(in, back)) << diff;
}

TEST(RoundTrip, FullRosterWireDomainWire) {
  const pb::Roster in = full_roster();
  Roster domain;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(in, as_of(), domain, errors)) << errors_text(errors);
  ASSERT_EQ(domain.cadres.size(), 2U);
  pb::Roster back;
  codec::encode(domain, back);
  std::string diff;
  gp::util::MessageDifferencer d;
  d.ReportDifferencesToString(&diff);
  EXPECT_TRUE(d.Compare(in, back)) << diff;
}

TEST(RoundTrip, DomainWireDomain) {
  Roster first;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(full_roster(), as_of(), first, errors)) << errors_text(errors);
  pb::Roster wire;
  codec::encode(first, wire);
  Roster second;
  ASSERT_TRUE(codec::decode(wire, as_of(), second, errors)) << errors_text(errors);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.cadres[0].assessments[0].scores->ability, 85.5);
  EXPECT_EQ(first.cadres[0].posts[0].probation->result, ProbationResult::kPassed);
  EXPECT_EQ(first.cadres[0].posts[2].end_date, std::nullopt);
}

TEST(RoundTrip, DecodingIntoAUsedValueLeavesNothingBehind) {
  // One Cadre reused for many records (as screening does) must equal a fresh decode.
  Cadre reused;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(full_cadre(), "c", as_of(), reused, errors)) << errors_text(errors);
  pb::Cadre small = full_roster().cadres(1);
  ASSERT_EQ(small.id(), "c-2");
  ASSERT_TRUE(codec::decode(small, "c", as_of(), reused, errors)) << errors_text(errors);
  Cadre fresh;
  ASSERT_TRUE(codec::decode(small, "c", as_of(), fresh, errors));
  EXPECT_EQ(reused, fresh);
}

TEST(RoundTrip, JsonAndBinaryOfTheFullMessages) {
  const pb::Roster roster = full_roster();
  for (Format f : {Format::kBinary, Format::kJson}) {
    std::string bytes;
    ASSERT_TRUE(codec::serialize(roster, f, bytes).ok());
    pb::Roster back;
    ASSERT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), f,
                             back, "roster")
                    .ok());
    EXPECT_TRUE(gp::util::MessageDifferencer::Equals(roster, back)) << static_cast<int>(f);
  }
}

// Golden files: the JSON form of the fixtures, compared as parsed messages
// (never as bytes). CADRE_UPDATE_GOLDENS=1 rewrites them.
void check_golden(const gp::Message &expected, const std::string &name) {
  const std::string path = std::string(CADRE_TEST_DATA_DIR) + "/golden/" + name;
  const char *update = std::getenv("CADRE_UPDATE_GOLDENS");  // NOLINT(concurrency-mt-unsafe)
  if (update != nullptr && std::string(update) == "1") {
    std::string json;
    gp::util::JsonPrintOptions opts;
    opts.preserve_proto_field_names = true;
    opts.add_whitespace = true;
    ASSERT_TRUE(gp::util::MessageToJsonString(expected, &json, opts).ok());
    std::ofstream(path, std::ios::binary) << json;
  }
  std::ifstream file(path, std::ios::binary);
  ASSERT_TRUE(file) << path << " is missing; run with CADRE_UPDATE_GOLDENS=1";
  std::stringstream text;
  text << file.rdbuf();
  std::unique_ptr<gp::Message> actual(expected.New());
  const std::string s = text.str();
  ASSERT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(s.data()), s.size(),
                           Format::kJson, *actual, name)
                  .ok());
  std::string diff;
  gp::util::MessageDifferencer d;
  d.ReportDifferencesToString(&diff);
  EXPECT_TRUE(d.Compare(expected, *actual))
      << name << " differs (CADRE_UPDATE_GOLDENS=1 rewrites it):\n"
      << diff;
}

TEST(RoundTrip, GoldenFullCadre) { check_golden(full_cadre(), "full_cadre.json"); }

TEST(RoundTrip, GoldenFullRoster) { check_golden(full_roster(), "full_roster.json"); }

TEST(RoundTrip, GoldenFilesDecodeToTheSameDomainValues) {
  // The golden JSON, decoded, equals the domain value of the fixture.
  const std::string path = std::string(CADRE_TEST_DATA_DIR) + "/golden/full_roster.json";
  std::ifstream file(path, std::ios::binary);
  ASSERT_TRUE(file);
  std::stringstream text;
  text << file.rdbuf();
  const std::string s = text.str();
  pb::Roster wire;
  ASSERT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(s.data()), s.size(),
                           Format::kJson, wire, "roster")
                  .ok());
  Roster from_golden;
  Roster from_fixture;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(wire, as_of(), from_golden, errors)) << errors_text(errors);
  ASSERT_TRUE(codec::decode(full_roster(), as_of(), from_fixture, errors));
  EXPECT_EQ(from_golden, from_fixture);
}

}  // namespace
}  // namespace cadre
