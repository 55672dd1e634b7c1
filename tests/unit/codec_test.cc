#include "codec/codec.hpp"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "service/service.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

// is_valid_id reads eight bytes at a time: every byte value at every place
// of ids of 1 to 24 bytes against the byte-by-byte rule.
TEST(IsValidId, AgreesWithTheByteRuleAtEveryPlace) {
  const auto oracle = [](std::string_view id) {
    return id.size() <= codec::kMaxTextBytes && std::all_of(id.begin(), id.end(), [](char c) {
             const auto u = static_cast<unsigned char>(c);
             return u >= 0x20U && u != 0x7FU;
           });
  };
  int checked = 0;
  for (std::size_t size = 1; size <= 24; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        for (const char fill : {'a', '\x80', '\xFF', '~'}) {
          std::string id(size, fill);
          id[at] = static_cast<char>(byte);
          ASSERT_EQ(codec::is_valid_id(id), oracle(id)) << size << " " << at << " " << byte;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 300000);
  EXPECT_FALSE(codec::is_valid_id(std::string(codec::kMaxTextBytes + 1, 'a')));
  EXPECT_TRUE(codec::is_valid_id(std::string(codec::kMaxTextBytes, 'a')));
  EXPECT_TRUE(codec::is_valid_id(""));
}
using codec::Format;

pb::Cadre good_cadre() {
  pb::Cadre c;
  c.set_id("c1");
  c.set_sex(pb::SEX_MALE);
  c.set_birth_date("1965-03-02");
  c.set_birth_date_source(pb::BIRTH_DATE_SOURCE_PERSONNEL_FILE);
  pb::Post *p = c.add_posts();
  p->set_id("p1");
  p->set_rank_level(pb::RANK_LEVEL_COUNTY_PRINCIPAL);
  p->set_kind(pb::POST_KIND_LEADERSHIP);
  p->set_start_date("2019-01-01");
  return c;
}

Status decode_error(const pb::Cadre &in) {
  Cadre out;
  return codec::decode(in, "cadres[17]", Date::parse("2025-06-30"), out);
}

struct Case {
  const char *name;
  void (*mutate)(pb::Cadre &);
  const char *field;
  const char *message_part;
};

TEST(Codec, ValidationErrorsNameTheField) {
  const Case cases[] = {
      {"id missing", [](pb::Cadre &c) { c.clear_id(); }, "cadres[17].id", "required"},
      {"id too long", [](pb::Cadre &c) { c.set_id(std::string(300, 'x')); }, "cadres[17].id",
       "longer than"},
      {"sex missing", [](pb::Cadre &c) { c.clear_sex(); }, "cadres[17].sex", "required"},
      {"sex unknown", [](pb::Cadre &c) { c.set_sex(static_cast<pb::Sex>(7)); }, "cadres[17].sex",
       "value 7 is unknown"},
      {"birth date missing", [](pb::Cadre &c) { c.clear_birth_date(); }, "cadres[17].birth_date",
       "required"},
      {"birth date not a date", [](pb::Cadre &c) { c.set_birth_date("2017-02-30"); },
       "cadres[17].birth_date", "not a date"},
      {"birth date in the future", [](pb::Cadre &c) { c.set_birth_date("2030-01-01"); },
       "cadres[17].birth_date", "after the as-of date"},
      {"source unknown",
       [](pb::Cadre &c) { c.set_birth_date_source(static_cast<pb::BirthDateSource>(40)); },
       "cadres[17].birth_date_source", "unknown"},
      {"rank unknown",
       [](pb::Cadre &c) { c.mutable_posts(0)->set_rank_level(static_cast<pb::RankLevel>(9)); },
       "cadres[17].posts[0].rank_level", "value 9 is unknown"},
      {"kind unknown",
       [](pb::Cadre &c) { c.mutable_posts(0)->set_kind(static_cast<pb::PostKind>(-1)); },
       "cadres[17].posts[0].kind", "unknown"},
      {"start not a date", [](pb::Cadre &c) { c.mutable_posts(0)->set_start_date("2019-1-1"); },
       "cadres[17].posts[0].start_date", "not a date"},
      {"end before start", [](pb::Cadre &c) { c.mutable_posts(0)->set_end_date("2018-12-31"); },
       "cadres[17].posts[0].end_date", "before start_date"},
      {"start before birth", [](pb::Cadre &c) { c.mutable_posts(0)->set_start_date("1960-01-01"); },
       "cadres[17].posts[0].start_date", "before birth_date"},
      {"title too long",
       [](pb::Cadre &c) { c.mutable_posts(0)->set_title(std::string(1000, 'a')); },
       "cadres[17].posts[0].title", "longer than"},
      {"too many posts",
       [](pb::Cadre &c) {
         for (int i = 0; i < codec::kMaxPosts; ++i) c.add_posts();
       },
       "cadres[17].posts", "more than"},
  };
  for (const Case &k : cases) {
    pb::Cadre c = good_cadre();
    k.mutate(c);
    const Status st = decode_error(c);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << k.name;
    EXPECT_EQ(st.field(), k.field) << k.name;
    EXPECT_NE(st.message().find(k.message_part), std::string::npos)
        << k.name << ": " << st.message();
  }
  EXPECT_TRUE(decode_error(good_cadre()).ok());
}

TEST(Codec, ErrorsNeverEchoPersonalData) {
  pb::Cadre c = good_cadre();
  c.set_birth_date("1965-02-30");
  const Status st = decode_error(c);
  EXPECT_EQ(st.to_string().find("1965"), std::string::npos) << st.to_string();
}

TEST(Codec, BinaryAndJsonRoundTrip) {
  pb::ScreenRequest req;
  req.set_as_of("2025-06-30");
  *req.add_cadres() = good_cadre();
  for (Format f : {Format::kBinary, Format::kJson}) {
    std::string bytes;
    ASSERT_TRUE(codec::serialize(req, f, bytes).ok());
    pb::ScreenRequest back;
    ASSERT_TRUE(codec::parse(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), f,
                             back, "request")
                    .ok());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(req, back));
  }
  std::string json;
  ASSERT_TRUE(codec::serialize(req, Format::kJson, json).ok());
  EXPECT_NE(json.find("\"birth_date\":\"1965-03-02\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"RANK_LEVEL_COUNTY_PRINCIPAL\""), std::string::npos) << json;
}

TEST(Codec, RejectsMalformedInputWithoutCrashing) {
  pb::ScreenRequest req;
  const std::string garbage = "\xff\xff\xff\xff\x0f not protobuf";
  auto st = codec::parse(reinterpret_cast<const std::uint8_t *>(garbage.data()), garbage.size(),
                         Format::kBinary, req, "request");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "request");
  const std::string bad_json = R"({"as_of": "2025-06-30", "cadres": [{"sex": "SEX_ROBOT"}]})";
  st = codec::parse(reinterpret_cast<const std::uint8_t *>(bad_json.data()), bad_json.size(),
                    Format::kJson, req, "request");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.to_string().find("SEX_ROBOT"), std::string::npos) << st.to_string();
  const std::string unknown_field = R"({"as_of": "2025-06-30", "nope": 1})";
  st = codec::parse(reinterpret_cast<const std::uint8_t *>(unknown_field.data()),
                    unknown_field.size(), Format::kJson, req, "request");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  st = codec::parse(nullptr, 4, Format::kBinary, req, "request");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
}

TEST(Service, BadRecordsDoNotStopTheRest) {
  pb::ScreenRequest req;
  req.set_as_of("2025-06-30");
  *req.add_cadres() = good_cadre();
  pb::Cadre bad = good_cadre();
  bad.set_id("c2");
  bad.set_birth_date("1965-13-01");
  *req.add_cadres() = bad;
  pb::Cadre third = good_cadre();
  third.set_id("c3");
  *req.add_cadres() = third;
  pb::ScreenResponse resp;
  ASSERT_TRUE(service::screen(Engine(), req, resp).ok());
  ASSERT_EQ(resp.errors_size(), 1);
  EXPECT_EQ(resp.errors(0).index(), 1);
  EXPECT_EQ(resp.errors(0).cadre_id(), "c2");
  EXPECT_EQ(resp.errors(0).field_path(), "cadres[1].birth_date");
  EXPECT_EQ(resp.errors(0).code(), 3);
  ASSERT_EQ(resp.findings_size(), 2);
  EXPECT_EQ(resp.findings(0).cadre_id(), "c1");
  EXPECT_EQ(resp.findings(1).cadre_id(), "c3");
  EXPECT_EQ(resp.findings(1).facts(0).field_path(), "cadres[2].birth_date");
  EXPECT_EQ(resp.summary().cadres_screened(), 2);
  EXPECT_EQ(resp.summary().records_rejected(), 1);
  EXPECT_EQ(resp.summary().cadres_down(), 2);
}

TEST(Service, AsOfIsRequiredAndMustBeADate) {
  pb::ScreenRequest req;
  pb::ScreenResponse resp;
  Status st = service::screen(Engine(), req, resp);
  EXPECT_EQ(st.field(), "as_of");
  req.set_as_of("2017-02-30");
  st = service::screen(Engine(), req, resp);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "as_of");
}

}  // namespace
}  // namespace cadre
