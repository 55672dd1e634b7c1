// StreamScreener: the stream form screened chunk by chunk.
#include <gtest/gtest.h>

#include <string>

#include "codec/stream.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

void put_record(std::string &out, const pb::RosterRecord &r) {
  std::string body = r.SerializeAsString();
  std::uint64_t n = body.size();
  do {
    auto byte = static_cast<unsigned char>(n & 0x7fU);
    n >>= 7U;
    if (n != 0) byte |= 0x80U;
    out.push_back(static_cast<char>(byte));
  } while (n != 0);
  out += body;
}

pb::Cadre cadre(const std::string &id, const std::string &birth) {
  pb::Cadre c;
  c.set_id(id);
  c.set_sex(pb::SEX_MALE);
  c.set_birth_date(birth);
  c.set_birth_date_source(pb::BIRTH_DATE_SOURCE_PERSONNEL_FILE);
  pb::Post *p = c.add_posts();
  p->set_id("p1");
  p->set_rank_level(pb::RANK_LEVEL_TOWNSHIP_PRINCIPAL);
  p->set_kind(pb::POST_KIND_LEADERSHIP);
  p->set_start_date("2020-01-01");
  return c;
}

std::string sample_stream(int n) {
  std::string s = "CADRES1\n";
  pb::RosterRecord h;
  h.mutable_header()->set_schema("cadre.v1");
  put_record(s, h);
  for (int i = 0; i < n; ++i) {
    pb::RosterRecord r;
    // Every third cadre is past the age limit; every fifth has a bad birth date.
    *r.mutable_cadre() =
        cadre("c" + std::to_string(i),
              i % 5 == 4 ? "1970-02-30" : (i % 3 == 0 ? "1960-01-01" : "1980-01-01"));
    put_record(s, r);
  }
  return s;
}

struct Totals {
  int findings = 0;
  int errors = 0;
  pb::ScreenSummary summary;
};

Totals run(const std::string &bytes, std::size_t chunk) {
  service::StreamScreener s(service::builtin_engine(), *Date::parse("2025-06-30"));
  Totals t;
  for (std::size_t pos = 0; pos < bytes.size(); pos += chunk) {
    pb::ScreenResponse r;
    const auto *p = reinterpret_cast<const std::uint8_t *>(bytes.data()) + pos;
    EXPECT_TRUE(s.push(p, std::min(chunk, bytes.size() - pos), r).ok());
    t.findings += r.findings_size();
    t.errors += r.errors_size();
  }
  pb::ScreenResponse end;
  EXPECT_TRUE(s.finish(end).ok());
  t.summary = end.summary();
  return t;
}

TEST(StreamScreener, SameResultWhateverTheChunkSize) {
  const std::string bytes = sample_stream(30);
  const Totals whole = run(bytes, bytes.size());
  // 30 cadres: 6 bad (i % 5 == 4); of the 24 good, i % 3 == 0 are over the limit.
  int expected_down = 0;
  for (int i = 0; i < 30; ++i) {
    expected_down += (i % 5 != 4 && i % 3 == 0) ? 1 : 0;
  }
  EXPECT_EQ(whole.errors, 6);
  EXPECT_EQ(whole.findings, expected_down);
  EXPECT_EQ(whole.summary.cadres_screened(), 24);
  EXPECT_EQ(whole.summary.records_rejected(), 6);
  EXPECT_EQ(whole.summary.cadres_down(), expected_down);
  for (std::size_t chunk : {1U, 2U, 7U, 64U, 1000U}) {
    const Totals t = run(bytes, chunk);
    EXPECT_EQ(t.findings, whole.findings) << chunk;
    EXPECT_EQ(t.errors, whole.errors) << chunk;
    EXPECT_EQ(t.summary.cadres_down(), whole.summary.cadres_down()) << chunk;
  }
}

TEST(StreamScreener, ErrorsNameTheRecord) {
  const Date day = *Date::parse("2025-06-30");
  const auto push_all = [&](const std::string &bytes, Status &finish) {
    service::StreamScreener s(service::builtin_engine(), day);
    pb::ScreenResponse r;
    Status st = s.push(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), r);
    finish = s.finish(r);
    return st;
  };
  Status fin;
  EXPECT_EQ(push_all("CADRES2\n", fin).field(), "magic");
  std::string truncated = sample_stream(3);
  truncated.pop_back();
  EXPECT_TRUE(push_all(truncated, fin).ok());
  EXPECT_EQ(fin.field(), "records[3]");
  EXPECT_NE(fin.message().find("truncated record"), std::string::npos);
  std::string no_header = "CADRES1\n";
  pb::RosterRecord r;
  *r.mutable_cadre() = cadre("c1", "1980-01-01");
  put_record(no_header, r);
  EXPECT_EQ(push_all(no_header, fin).field(), "records[0]");
  std::string huge = sample_stream(0) + std::string("\xff\xff\xff\xff\x0f", 5);
  EXPECT_EQ(push_all(huge, fin).code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(push_all("", fin).code(), StatusCode::kOk);
  EXPECT_EQ(fin.field(), "magic");
  EXPECT_NE(fin.message().find("ends after 0 bytes"), std::string::npos) << fin.message();
}

// One framing for the screener and StreamReader: a second header, a length
// of 11 bytes, a tenth byte over 1 and a record over 64 MiB are rejected by
// both, at the same record, whatever the chunk size.
TEST(StreamScreener, RejectsWhatStreamReaderRejects) {
  pb::RosterRecord header;
  header.mutable_header()->set_schema("cadre.v1");
  std::string second_header = sample_stream(2);
  put_record(second_header, header);
  const std::string bad_length = sample_stream(1) + std::string(10, '\x80') + "\x01";
  const std::string bad_tenth = sample_stream(1) + std::string(9, '\x80') + "\x02";
  const std::string too_big = sample_stream(1) + std::string("\x81\x80\x80\x20", 4);
  for (const std::string *bytes : std::initializer_list<const std::string *>{
           &second_header, &bad_length, &bad_tenth, &too_big}) {
    codec::StreamReader reader(*bytes);
    pb::RosterRecord record;
    while (reader.next(record)) {
    }
    ASSERT_FALSE(reader.status().ok());
    for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, bytes->size()}) {
      service::StreamScreener s(service::builtin_engine(), *Date::parse("2025-06-30"));
      pb::ScreenResponse r;
      Status st;
      for (std::size_t pos = 0; pos < bytes->size() && st.ok(); pos += chunk) {
        st = s.push(reinterpret_cast<const std::uint8_t *>(bytes->data()) + pos,
                    std::min(chunk, bytes->size() - pos), r);
      }
      if (st.ok()) st = s.finish(r);
      EXPECT_EQ(st.code(), reader.status().code()) << chunk << " " << st.to_string();
      EXPECT_EQ(st.field(), reader.status().field()) << chunk;
      EXPECT_EQ(st.message(), reader.status().message()) << chunk;
    }
  }
  codec::StreamReader reader(second_header);
  pb::RosterRecord record;
  while (reader.next(record)) {
  }
  EXPECT_EQ(reader.status().field(), "records[3]");
  EXPECT_NE(reader.status().message().find("second header"), std::string::npos);
}

// A record whose framing is intact but whose bytes do not parse is a record
// error at "records[i]"; the errors before it in the same push are kept, the
// records after it are screened and finish gives the summary.
TEST(StreamScreener, AnUnparseableRecordIsARecordErrorAndTheStreamGoesOn) {
  // sample_stream(5): c4 (records[5]) has an impossible birth date.
  std::string bytes = sample_stream(5);
  const std::string bad_utf8("\x3a\x04\x0a\x02\xff\xfe", 6);   // cadre { id: FF FE }
  const std::string broken_nested("\x3a\x03\x0a\x05\x61", 5);  // id of 5 bytes holds 1
  const std::string broken_unit("\x1a\x02\x0a\x05", 4);        // a unit, broken too
  for (const std::string &r : {bad_utf8, broken_nested, broken_unit}) {
    bytes.push_back(static_cast<char>(r.size()));
    bytes += r;
  }
  pb::RosterRecord last;
  *last.mutable_cadre() = cadre("c5", "1960-01-01");
  put_record(bytes, last);
  for (const bool fast : {true, false}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, bytes.size()}) {
      service::StreamScreener s(service::builtin_engine(), *Date::parse("2025-06-30"));
      s.set_fast_path(fast);
      pb::ScreenResponse r;
      for (std::size_t pos = 0; pos < bytes.size(); pos += chunk) {
        ASSERT_TRUE(s.push(reinterpret_cast<const std::uint8_t *>(bytes.data()) + pos,
                           std::min(chunk, bytes.size() - pos), r)
                        .ok());
      }
      pb::ScreenResponse end;
      ASSERT_TRUE(s.finish(end).ok());
      ASSERT_EQ(r.errors_size(), 4) << r.DebugString();
      EXPECT_EQ(r.errors(0).field_path(), "cadres[4].birth_date");
      EXPECT_EQ(r.errors(1).field_path(), "records[6]");
      EXPECT_EQ(r.errors(1).index(), 5);
      EXPECT_NE(r.errors(1).message().find("UTF-8"), std::string::npos) << r.errors(1).message();
      EXPECT_EQ(r.errors(2).field_path(), "records[7]");
      EXPECT_EQ(r.errors(2).index(), 6);
      EXPECT_EQ(r.errors(3).field_path(), "records[8]");
      EXPECT_EQ(r.errors(3).index(), -1);
      EXPECT_EQ(r.findings(r.findings_size() - 1).cadre_id(), "c5");
      EXPECT_EQ(end.summary().cadres_screened(), 5);
      EXPECT_EQ(end.summary().records_rejected(), 3);
    }
  }
}

// Broken framing ends the stream; what was screened before the break is
// still in the push's response and in finish's summary.
TEST(StreamScreener, BrokenFramingKeepsWhatWasScreenedBeforeIt) {
  const std::string bytes = sample_stream(3) + std::string(11, '\x80');
  service::StreamScreener s(service::builtin_engine(), *Date::parse("2025-06-30"));
  pb::ScreenResponse r;
  const Status st = s.push(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), r);
  EXPECT_EQ(st.field(), "records[4]");
  EXPECT_EQ(r.findings(0).cadre_id(), "c0");  // c0 is past the age limit
  pb::ScreenResponse again;
  EXPECT_EQ(s.push(reinterpret_cast<const std::uint8_t *>(bytes.data()), 1, again).field(),
            "records[4]");
  EXPECT_EQ(again.ByteSizeLong(), 0U);
  pb::ScreenResponse end;
  EXPECT_EQ(s.finish(end).field(), "records[4]");
  EXPECT_EQ(end.summary().cadres_screened(), 3);
}

TEST(StreamScreener, PushAfterFinishAndASecondFinishAreFailedPreconditions) {
  const std::string bytes = sample_stream(2);
  const auto *p = reinterpret_cast<const std::uint8_t *>(bytes.data());
  service::StreamScreener s(service::builtin_engine(), *Date::parse("2025-06-30"));
  pb::ScreenResponse r;
  ASSERT_TRUE(s.push(p, bytes.size(), r).ok());
  ASSERT_TRUE(s.finish(r).ok());
  EXPECT_EQ(r.summary().cadres_screened(), 2);
  pb::ScreenResponse after;
  EXPECT_EQ(s.push(p, bytes.size(), after).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.finish(after).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.finish(after).field(), "stream");
  EXPECT_EQ(after.ByteSizeLong(), 0U);
}

// The second and later cadres with an id already seen are errors at
// "cadres[i].id", neither screened nor counted: in a stream and in a request.
TEST(StreamScreener, DuplicateIdsAreErrorsAndNotCounted) {
  std::string bytes = sample_stream(3);  // c0 (past the age limit), c1, c2
  pb::RosterRecord again;
  *again.mutable_cadre() = cadre("c0", "1960-01-01");
  put_record(bytes, again);
  put_record(bytes, again);
  service::StreamScreener s(service::builtin_engine(), *Date::parse("2025-06-30"));
  pb::ScreenResponse r;
  ASSERT_TRUE(s.push(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), r).ok());
  ASSERT_TRUE(s.finish(r).ok());
  ASSERT_EQ(r.errors_size(), 2);
  EXPECT_EQ(r.errors(0).field_path(), "cadres[3].id");
  EXPECT_EQ(r.errors(0).cadre_id(), "c0");
  EXPECT_EQ(r.errors(0).message(), "duplicate id: an earlier cadre has the same id");
  EXPECT_EQ(r.errors(1).field_path(), "cadres[4].id");
  EXPECT_EQ(r.summary().cadres_screened(), 3);
  EXPECT_EQ(r.summary().records_rejected(), 2);
  EXPECT_EQ(r.summary().cadres_down(), 1);

  pb::ScreenRequest request;
  request.set_as_of("2025-06-30");
  for (const char *id : {"a", "b", "a", "c", "b"}) {
    *request.add_cadres() = cadre(id, "1960-01-01");
  }
  pb::ScreenResponse response;
  ASSERT_TRUE(service::screen(service::builtin_engine(), request, response).ok());
  ASSERT_EQ(response.errors_size(), 2);
  EXPECT_EQ(response.errors(0).field_path(), "cadres[2].id");
  EXPECT_EQ(response.errors(0).index(), 2);
  EXPECT_EQ(response.errors(1).field_path(), "cadres[4].id");
  EXPECT_EQ(response.summary().cadres_screened(), 3);
  EXPECT_EQ(response.summary().cadres_down(), 3);
}

TEST(IdSet, KeepsEveryIdAndBoundsItsMemory) {
  service::IdSet ids;
  for (int i = 0; i < 100'000; ++i) {
    ASSERT_TRUE(ids.insert("cadre-" + std::to_string(i)));
  }
  for (int i = 0; i < 100'000; i += 7) {
    ASSERT_FALSE(ids.insert("cadre-" + std::to_string(i)));
  }
  EXPECT_EQ(ids.size(), 100'000U);
  EXPECT_LE(ids.bytes(), 64U * ids.size());
}

}  // namespace
}  // namespace cadre
