// Requests and rosters read record by record (codec/record_split.hpp): one
// record that does not parse costs that record only.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codec/record_split.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

std::string json_cadre(const std::string &id, const std::string &extra = "") {
  return R"({"id":")" + id +
         R"(","sex":"SEX_MALE","birth_date":"1960-03-02","birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE",)" +
         R"("posts":[{"id":"p1","rank_level":"RANK_LEVEL_COUNTY_PRINCIPAL","kind":"POST_KIND_LEADERSHIP","start_date":"2019-01-01"}])" +
         extra + "}";
}

// Screens @p json (a ScreenRequest in protobuf JSON) through the one entry
// point of the C ABI and the CLI; the response, parsed.
pb::ScreenResponse screen_json(const std::string &json, Status &st) {
  std::string out;
  st = service::call(*service::find_operation("screen"), service::builtin_engine(),
                     reinterpret_cast<const std::uint8_t *>(json.data()), json.size(),
                     codec::Format::kJson, out);
  pb::ScreenResponse response;
  if (st.ok()) {
    EXPECT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(out.data()), out.size(),
                             codec::Format::kJson, response, "response")
                    .ok());
  }
  return response;
}

TEST(RecordSplit, ABadRecordInAJsonRequestCostsThatRecordOnly) {
  // The bad values look like personal data: none may come back.
  const std::string json =
      R"({"as_of":"2025-06-30","cadres":[)" + json_cadre("c0") + "," +
      R"({"id":"c1","sex":"张伟110101196503021234"},)" +  // unknown enum name
      R"({"id":"c2","birth_date":{"y":1965}},)" +         // wrong JSON type
      json_cadre("c3") + "," +                            //
      R"({"id":"c4","posts":[{"id":"p1"},{"kind":"POST_KIND_13800138000"}]},)" +  // nested
      R"("c5-not-an-object",)" +                                                  // not an object
      R"({"id":"c6","no_such_field_110101":1},)" +                                // unknown field
      json_cadre("c7") + "]}";
  Status st;
  const pb::ScreenResponse r = screen_json(json, st);
  ASSERT_TRUE(st.ok()) << st.to_string();
  ASSERT_EQ(r.errors_size(), 5) << r.DebugString();
  const std::vector<std::pair<int, std::string>> want = {{1, "cadres[1].sex"},
                                                         {2, "cadres[2].birth_date"},
                                                         {4, "cadres[4].posts[1].kind"},
                                                         {5, "cadres[5]"},
                                                         {6, "cadres[6]"}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    const pb::RecordError &e = r.errors(static_cast<int>(i));
    EXPECT_EQ(e.index(), want[i].first);
    EXPECT_EQ(e.field_path(), want[i].second);
    EXPECT_EQ(e.code(), static_cast<int>(StatusCode::kInvalidArgument));
    for (const char *secret : {"张伟", "110101", "1965", "13800138000", "not-an-object"}) {
      EXPECT_EQ(e.message().find(secret), std::string::npos) << e.message();
    }
  }
  EXPECT_EQ(r.errors(0).message(), "unknown value");
  EXPECT_EQ(r.errors(1).message(), "wrong JSON type: expected a string");
  EXPECT_EQ(r.errors(2).message(), "unknown value");
  EXPECT_EQ(r.errors(3).message(), "wrong JSON type: expected an object");
  // c0, c3 and c7 are screened (each past the age limit).
  EXPECT_EQ(r.summary().cadres_screened(), 3);
  EXPECT_EQ(r.summary().records_rejected(), 5);
  EXPECT_EQ(r.summary().cadres_down(), 3);
}

TEST(RecordSplit, OnlyABrokenDocumentFailsTheWholeRequest) {
  Status st;
  for (const std::string bad : {R"({"as_of":"2025-06-30","cadres":[{"id":"c0"})", R"([])",
                                R"("text")", R"({"as_of":"2025-06-30"} {})", ""}) {
    screen_json(bad, st);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(st.field(), "request") << bad;
  }
  // An error outside the records: the request, naming the field.
  screen_json(R"({"as_of":{"y":2025},"cadres":[]})", st);
  EXPECT_EQ(st.field(), "request");
  // The members may come in any order, the list may be null, numbers stay exact.
  const pb::ScreenResponse r =
      screen_json(R"({"cadres":[)" + json_cadre("c0") + R"(],"as_of":"2025-06-30"})", st);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(r.summary().cadres_screened(), 1);
  screen_json(R"({"cadres":null,"as_of":"2025-06-30"})", st);
  EXPECT_TRUE(st.ok()) << st.to_string();
}

TEST(RecordSplit, ARecordNestedTooDeepCostsThatRecordOnly) {
  std::string deep = R"({"id":"c1","posts":)";
  for (int i = 0; i < 100'000; ++i) deep += "[";
  for (int i = 0; i < 100'000; ++i) deep += "]";
  deep += "}";
  Status st;
  const pb::ScreenResponse r =
      screen_json(R"({"as_of":"2025-06-30","cadres":[)" + json_cadre("c0") + "," + deep + "]}", st);
  ASSERT_TRUE(st.ok()) << st.to_string();
  ASSERT_EQ(r.errors_size(), 1);
  EXPECT_EQ(r.errors(0).field_path(), "cadres[1]");
  EXPECT_EQ(r.summary().cadres_screened(), 1);
}

TEST(RecordSplit, InvalidUtf8InABinaryRecordCostsThatRecordOnly) {
  pb::ScreenRequest request;
  request.set_as_of("2025-06-30");
  std::string good;
  std::string json = json_cadre("c0");
  pb::Cadre c;
  ASSERT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(json.data()), json.size(),
                           codec::Format::kJson, c, "cadre")
                  .ok());
  std::string bytes = request.SerializeAsString();
  const std::string cadre_bytes = c.SerializeAsString();
  const auto add_cadre = [&](const std::string &body) {
    bytes += '\x12';  // field 2 (cadres), length-delimited
    bytes += static_cast<char>(body.size());
    bytes += body;
  };
  ASSERT_LT(cadre_bytes.size(), 120U);
  add_cadre(cadre_bytes);
  add_cadre(std::string("\x0a\x02\xff\xfe", 4));  // id: not UTF-8
  c.set_id("c2");
  add_cadre(c.SerializeAsString());
  std::string out;
  const Status st = service::call(*service::find_operation("screen"), service::builtin_engine(),
                                  reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                  bytes.size(), codec::Format::kBinary, out);
  ASSERT_TRUE(st.ok()) << st.to_string();
  pb::ScreenResponse r;
  ASSERT_TRUE(r.ParseFromString(out));
  ASSERT_EQ(r.errors_size(), 1) << r.DebugString();
  EXPECT_EQ(r.errors(0).index(), 1);
  EXPECT_EQ(r.errors(0).field_path(), "cadres[1].id");
  EXPECT_NE(r.errors(0).message().find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(r.summary().cadres_screened(), 2);
  // A broken structure outside the records still fails the whole request.
  bytes += "\x12\x7f";
  EXPECT_EQ(service::call(*service::find_operation("screen"), service::builtin_engine(),
                          reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                          codec::Format::kBinary, out)
                .field(),
            "request");
}

// Every operation with cadres reports the bad record and answers the good
// one without an error (the same entry point); the screening operations at least.
TEST(RecordSplit, EveryOperationAnswersTheOtherRecords) {
  int with_cadres = 0;
  for (const service::Operation &op : service::operations()) {
    std::string example(op.example);
    const auto pos = example.find(R"("cadres":[)");
    if (pos == std::string::npos) {
      continue;  // an operation without cadres (the calendar's)
    }
    example.insert(pos + 10, R"({"id":"bad","sex":"SEX_NONE_SUCH"},)");
    std::string out;
    const Status st = service::call(op, service::builtin_engine(),
                                    reinterpret_cast<const std::uint8_t *>(example.data()),
                                    example.size(), codec::Format::kJson, out);
    ASSERT_TRUE(st.ok()) << op.name << ": " << st.to_string();
    EXPECT_NE(
        out.find(R"("errors":[{"field_path":"cadres[0].sex","message":"unknown value","code":3}])"),
        std::string::npos)
        << op.name << ": " << out;
    ++with_cadres;
  }
  EXPECT_GE(with_cadres, 5);
}

TEST(RecordSplit, ARosterIsReadRecordByRecord) {
  const std::string json = R"({"header":{"schema":"cadre.v1"},"units":[{"id":"u1"},{"id":["u2"]}],)"
                           R"("cadres":[)" +
                           json_cadre("c0") + R"(,{"id":"c1","sex":"SEX_X"}]})";
  pb::Roster roster;
  std::vector<codec::UnreadRecord> unread;
  ASSERT_TRUE(codec::parse_by_record(reinterpret_cast<const std::uint8_t *>(json.data()),
                                     json.size(), codec::Format::kJson, roster, "roster", unread)
                  .ok());
  EXPECT_EQ(roster.header().schema(), "cadre.v1");
  ASSERT_EQ(roster.cadres_size(), 2);
  EXPECT_EQ(roster.cadres(0).id(), "c0");
  EXPECT_EQ(roster.cadres(1).ByteSizeLong(), 0U);  // the place of the record that did not parse
  ASSERT_EQ(unread.size(), 2U);
  EXPECT_EQ(unread[0].list, "units");
  EXPECT_EQ(unread[0].index, 1);
  EXPECT_EQ(unread[0].status.field(), "units[1].id");
  EXPECT_EQ(unread[1].status.field(), "cadres[1].sex");
}

}  // namespace
}  // namespace cadre

namespace cadre {
namespace {

// What cadre writes for itself to read again is never over what it reads:
// serialization stops at the limit, without writing the whole first.
TEST(Serialize, RefusesAnOutputOverTheLimit) {
  v1::Roster roster;
  for (int i = 0; i < 1000; ++i) {
    roster.add_cadres()->set_id("cadre-" + std::to_string(i));
  }
  std::string out;
  for (const codec::Format format : {codec::Format::kBinary, codec::Format::kJson}) {
    ASSERT_TRUE(codec::serialize(roster, format, out).ok());
    const std::size_t whole = out.size();
    const Status st = codec::serialize(roster, format, out, whole - 1);
    EXPECT_EQ(st.code(), StatusCode::kResourceExhausted);
    EXPECT_TRUE(out.empty());
    EXPECT_TRUE(codec::serialize(roster, format, out, whole).ok());
    EXPECT_EQ(out.size(), whole);
  }
}

}  // namespace
}  // namespace cadre
