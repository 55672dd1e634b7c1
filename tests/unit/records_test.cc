// Result records: procedure cases, bulletins, decision records.
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "cadre/catalogue.hpp"
#include "catalogue/sha256.hpp"
#include "codec/records_codec.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
using google::protobuf::util::MessageDifferencer;

pb::ProcedureCase full_case() {
  pb::ProcedureCase c;
  c.set_id("case1");
  c.set_kind(pb::PROCEDURE_KIND_UNSUITABLE_ADJUSTMENT);
  c.set_cadre_id("c1");
  c.mutable_opened_by()->set_kind(pb::RECORD_KIND_INCIDENT);
  c.mutable_opened_by()->set_id("i1");
  c.set_opened_on("2024-03-01");
  c.set_next_deadline("2024-06-01");
  for (int i = 1; i <= 3; ++i) {
    pb::ProcedureEvent *e = c.add_events();
    e->set_seq(i);
    e->set_stage(i == 1 ? "proposal" : i == 2 ? "verification" : "decision");
    e->set_on("2024-0" + std::to_string(2 + i) + "-10");
    e->set_actor(pb::AUTHORITY_KIND_ORGANISATION_DEPARTMENT);
    e->set_document_ref("doc" + std::to_string(i));
    e->set_hash(sha256_hex("event" + std::to_string(i)));
  }
  return c;
}

TEST(Records, ProcedureCaseRoundTripsAndValidates) {
  const pb::ProcedureCase wire = full_case();
  ProcedureCase c;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(wire, "cases[0]", c, errors));
  pb::ProcedureCase back;
  codec::encode(c, back);
  EXPECT_TRUE(MessageDifferencer::Equals(wire, back));
  pb::ProcedureCase bad = wire;
  bad.mutable_events(1)->set_seq(7);
  bad.mutable_events(2)->set_on("2024-01-01");
  bad.mutable_events(0)->set_hash("XYZ");
  errors.clear();
  EXPECT_FALSE(codec::decode(bad, "cases[0]", c, errors));
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0].field(), "cases[0].events[0].hash");
  EXPECT_EQ(errors[1].field(), "cases[0].events[1].seq");
  EXPECT_EQ(errors[2].field(), "cases[0].events[2].on");
}

TEST(Records, BulletinCountsAreChecked) {
  pb::Bulletin b;
  b.set_id("2024");
  b.set_from("2024-01-01");
  b.set_to("2024-12-31");
  b.set_jurisdiction("360000");
  pb::BulletinLine *l = b.add_lines();
  l->set_key("360100");
  l->set_label("南昌市");
  l->set_cadres(1000);
  l->set_adjusted_down(30);
  l->set_accountability(2);
  l->set_unsuitable(5);
  b.add_by_channel()->set_channel(pb::CHANNEL_AGE_LIMIT);
  b.mutable_by_channel(0)->set_cadres(20);
  Bulletin d;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(b, "bulletin", d, errors));
  pb::Bulletin back;
  codec::encode(d, back);
  EXPECT_TRUE(MessageDifferencer::Equals(b, back));
  b.mutable_lines(0)->set_unsuitable(40);
  b.set_to("2023-12-31");
  EXPECT_FALSE(codec::decode(b, "bulletin", d, errors));
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].field(), "bulletin.to");
  EXPECT_EQ(errors[1].field(), "bulletin.lines[0].accountability");
}

TEST(Records, DecisionRecordHashesAreHex) {
  pb::DecisionRecord r;
  r.set_id("d1");
  r.set_operation("screen");
  r.set_as_of("2025-06-30");
  r.mutable_catalogue()->set_id("cn-2022");
  r.mutable_catalogue()->set_content_hash(sha256_hex("x"));
  r.set_request_hash(sha256_hex("request"));
  r.set_response_hash(sha256_hex("response"));
  r.set_library_version("0.1.0");
  DecisionRecord d;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(r, "record", d, errors));
  pb::DecisionRecord back;
  codec::encode(d, back);
  EXPECT_TRUE(MessageDifferencer::Equals(r, back));
  r.set_response_hash("not a hash");
  EXPECT_FALSE(codec::decode(r, "record", d, errors));
  EXPECT_EQ(errors.back().field(), "record.response_hash");
}

}  // namespace
}  // namespace cadre
