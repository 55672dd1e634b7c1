// Parallel streamed screening (StreamScreener::set_threads): every push gives
// the response a single thread gives, byte for byte, whatever the chunking;
// the summary is the same; a record that cannot be read is reported as on one
// thread, with what came before it kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codec/stream.hpp"
#include "generator/province.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace {

namespace pb = ::cadre::v1;
using cadre::service::StreamScreener;

const std::uint8_t *bytes_of(const std::string &s) {
  return reinterpret_cast<const std::uint8_t *>(s.data());
}

std::string province(int cadres, const std::string &jurisdiction) {
  cadre::generator::Options o;
  o.cadres = cadres;
  o.seed = 29;
  o.jurisdiction = jurisdiction;
  std::string stream;
  EXPECT_TRUE(cadre::generator::generate_stream(o, stream).ok());
  return stream;
}

// What a screening gave: each push's response, serialized, then the final
// status and the finish's response.
struct Screening {
  std::vector<std::string> pushes;
  std::string status;
  std::string finish;
  std::uint64_t cadres = 0;
};

// How the pushes give their results: a response message, or its bytes.
enum class Output { kMessage, kSerialized };

Screening screen(const std::string &stream, int threads, std::size_t chunk,
                 Output output = Output::kMessage, bool summary_only = false) {
  StreamScreener s(cadre::service::builtin_engine(), *cadre::Date::parse("2025-06-30"));
  s.set_summary_only(summary_only);
  EXPECT_TRUE(s.set_threads(threads).ok());
  Screening run;
  pb::ScreenResponse r;
  std::string bytes = "left over";  // push_serialized() appends
  for (std::size_t p = 0; p < stream.size(); p += chunk) {
    const std::uint8_t *data = bytes_of(stream) + p;
    const std::size_t size = std::min(chunk, stream.size() - p);
    cadre::Status st;
    if (output == Output::kSerialized) {
      bytes.resize(9);
      st = s.push_serialized(data, size, bytes);
      EXPECT_EQ(bytes.substr(0, 9), "left over");
      run.pushes.push_back(bytes.substr(9));
    } else {
      r.Clear();
      st = s.push(data, size, r);
      run.pushes.push_back(r.SerializeAsString());
    }
    if (!st.ok()) {
      run.status = st.to_string();
      run.cadres = s.cadres();
      return run;
    }
  }
  r.Clear();
  const cadre::Status st = s.finish(r);
  run.status = st.to_string();
  run.finish = r.SerializeAsString();
  run.cadres = s.cadres();
  return run;
}

// The offsets of the records of @p stream (each at its length prefix).
std::vector<std::size_t> record_offsets(const std::string &stream) {
  cadre::codec::StreamFramer framer;
  framer.feed(bytes_of(stream), stream.size());
  std::vector<std::size_t> out;
  const std::uint8_t *data = nullptr;
  std::size_t size = 0;
  std::size_t end = 8;  // after the magic
  while (framer.next(data, size) == cadre::codec::StreamFramer::Next::kRecord) {
    out.push_back(end);
    end = static_cast<std::size_t>(data - bytes_of(stream)) + size;
  }
  return out;
}

void varint(std::string &out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7U;
  }
  out.push_back(static_cast<char>(v));
}

// A record holding one cadre whose name is not UTF-8: its framing is intact,
// but neither the fast path nor protobuf can read it.
std::string unreadable_record() {
  std::string cadre;
  varint(cadre, (pb::Cadre::kIdFieldNumber << 3U) | 2U);
  varint(cadre, 4);
  cadre += "bad1";
  varint(cadre, (pb::Cadre::kNameFieldNumber << 3U) | 2U);
  varint(cadre, 2);
  cadre += "\xff\xfe";
  std::string record;
  varint(record, (pb::RosterRecord::kCadreFieldNumber << 3U) | 2U);
  varint(record, cadre.size());
  record += cadre;
  std::string framed;
  varint(framed, record.size());
  return framed + record;
}

TEST(StreamThreads, EveryPushIsByteIdenticalToOneThread) {
  for (const char *jurisdiction : {"990000", "360000"}) {
    const std::string stream = province(3000, jurisdiction);
    for (const std::size_t chunk :
         {std::size_t{1} << 20U, std::size_t{64} << 10U, std::size_t{777}}) {
      const Screening one = screen(stream, 1, chunk);
      ASSERT_EQ(one.status, "");  // OK
      ASSERT_EQ(one.cadres, 3000U);
      for (const int threads : {1, 2, 3, 8}) {
        // push_serialized() gives the bytes of push()'s response.
        for (const Output output : {Output::kMessage, Output::kSerialized}) {
          if (threads == 1 && output == Output::kMessage) {
            continue;
          }
          const Screening many = screen(stream, threads, chunk, output);
          const bool serialized = output == Output::kSerialized;
          EXPECT_EQ(many.status, one.status);
          EXPECT_EQ(many.finish, one.finish) << threads << " threads, chunks of " << chunk;
          ASSERT_EQ(many.pushes.size(), one.pushes.size());
          for (std::size_t i = 0; i < one.pushes.size(); ++i) {
            ASSERT_EQ(many.pushes[i], one.pushes[i])
                << "push " << i << ", " << threads << " threads, chunks of " << chunk
                << (serialized ? ", serialized" : "");
          }
        }
      }
    }
  }
}

TEST(StreamThreads, AnUnreadableRecordIsReportedAsOnOneThread) {
  std::string stream = province(2000, "990000");
  const std::vector<std::size_t> at = record_offsets(stream);
  ASSERT_GT(at.size(), 1500U);
  stream.insert(at[1200], unreadable_record());
  const Screening one = screen(stream, 1, std::size_t{1} << 20U);
  ASSERT_NE(one.pushes.size(), 0U);
  // It is an error entry of that record and the stream goes on (issue 14);
  // every thread count says the same.
  EXPECT_EQ(one.status, "") << one.status;  // OK
  bool reported = false;
  for (const std::string &push : one.pushes) {
    pb::ScreenResponse r;
    ASSERT_TRUE(r.ParseFromString(push));
    for (const pb::RecordError &e : r.errors()) {
      reported = reported || e.field_path() == "records[1200]";
    }
  }
  EXPECT_TRUE(reported);
  for (const int threads : {1, 2, 4}) {
    for (const Output output : {Output::kMessage, Output::kSerialized}) {
      const Screening many = screen(stream, threads, std::size_t{1} << 20U, output);
      EXPECT_EQ(many.status, one.status);
      EXPECT_EQ(many.pushes, one.pushes);
      EXPECT_EQ(many.finish, one.finish);
    }
  }
}

// Broken framing ends the stream; what came before the break is reported in
// the push that breaks, in either output and on any thread count.
// `cadre screen --summary-only`: the same summary and the same record errors,
// push by push, with no finding written, on one thread and on several.
TEST(StreamThreads, SummaryOnlyCountsTheFindingsWithoutWritingThem) {
  std::string stream = province(2000, "990000");
  const std::vector<std::size_t> at = record_offsets(stream);
  ASSERT_GT(at.size(), 1500U);
  stream.insert(at[700], unreadable_record());
  const Screening full = screen(stream, 1, std::size_t{64} << 10U);
  ASSERT_EQ(full.status, "");
  int findings = 0;
  for (const int threads : {1, 2, 3}) {
    const Screening brief =
        screen(stream, threads, std::size_t{64} << 10U, Output::kMessage, /*summary_only=*/true);
    EXPECT_EQ(brief.status, full.status);
    EXPECT_EQ(brief.finish, full.finish) << threads << " threads";
    ASSERT_EQ(brief.pushes.size(), full.pushes.size());
    for (std::size_t i = 0; i < full.pushes.size(); ++i) {
      pb::ScreenResponse want;
      pb::ScreenResponse got;
      ASSERT_TRUE(want.ParseFromString(full.pushes[i]));
      ASSERT_TRUE(got.ParseFromString(brief.pushes[i]));
      findings += want.findings_size();
      EXPECT_EQ(got.findings_size(), 0) << "push " << i;
      want.clear_findings();
      EXPECT_EQ(got.SerializeAsString(), want.SerializeAsString()) << "push " << i;
    }
  }
  EXPECT_GT(findings, 0);  // the full screening had findings to leave out
  pb::ScreenResponse last;
  ASSERT_TRUE(last.ParseFromString(full.finish));
  EXPECT_GT(last.summary().cadres_down(), 0);
}

TEST(StreamThreads, BrokenFramingKeepsTheRecordsBeforeIt) {
  std::string stream = province(2000, "990000");
  const std::vector<std::size_t> at = record_offsets(stream);
  ASSERT_GT(at.size(), 2000U);
  // Three quarters in: the units come first, then the cadres.
  const std::size_t broken = at.size() * 3 / 4;
  stream.insert(at[broken], std::string(11, '\xff'));  // a length that is not a varint
  const Screening one = screen(stream, 1, std::size_t{1} << 20U);
  EXPECT_EQ(one.status,
            "records[" + std::to_string(broken) + "]: malformed length: not a varint of 10 bytes");
  EXPECT_GT(one.cadres, 500U);
  EXPECT_LT(one.cadres, 2000U);
  std::size_t findings = 0;
  for (const std::string &push : one.pushes) {
    pb::ScreenResponse r;
    ASSERT_TRUE(r.ParseFromString(push));
    findings += static_cast<std::size_t>(r.findings_size());
  }
  EXPECT_GT(findings, 10U);
  const Screening same_chunks = screen(stream, 1, std::size_t{64} << 10U);
  for (const int threads : {1, 2, 3}) {
    for (const Output output : {Output::kMessage, Output::kSerialized}) {
      const Screening many = screen(stream, threads, std::size_t{64} << 10U, output);
      EXPECT_EQ(many.status, one.status);
      EXPECT_EQ(many.pushes, same_chunks.pushes) << threads << " threads";
    }
  }
}

TEST(StreamThreads, TheThreadCountIsCheckedAndSetBeforeTheFirstPush) {
  StreamScreener s(cadre::service::builtin_engine(), *cadre::Date::parse("2025-06-30"));
  EXPECT_EQ(s.set_threads(0).code(), cadre::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.set_threads(0).field(), "threads");
  EXPECT_EQ(s.set_threads(StreamScreener::kMaxThreads + 1).code(),
            cadre::StatusCode::kInvalidArgument);
  EXPECT_TRUE(s.set_threads(StreamScreener::kMaxThreads).ok());
  EXPECT_TRUE(s.set_threads(2).ok());
  EXPECT_EQ(s.threads(), 2);
  pb::ScreenResponse r;
  const std::string stream = province(10, "990000");
  ASSERT_TRUE(s.push(bytes_of(stream), stream.size(), r).ok());
  EXPECT_EQ(s.set_threads(1).code(), cadre::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.threads(), 2);
}

}  // namespace
