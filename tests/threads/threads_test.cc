// Several threads screen, stream and look up labels through the C ABI at the
// same time, on one shared engine and on an engine each: every answer equals
// the one computed by a single thread first. Run under ThreadSanitizer by the
// preset tsan (scripts/test-all.sh), and in every other build as well.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cadre/cadre.h"
#include "support/c_abi_bytes.hpp"

namespace {

constexpr int kThreads = 4;
constexpr int kRounds = 3;

std::string read_file(const char *path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

using cadre_test::bytes;
using cadre_test::take;

// The inputs and the answers of one thread working alone.
struct Work {
  std::string request;      // ScreenRequest, JSON: the example roster as of 2025-06-30
  std::string stream;       // the same roster in the stream form
  std::string eligibility;  // EligibilityRequest, JSON
  std::string screened;     // the answers
  std::string streamed;
  std::string eligible;
  std::vector<std::string> labels;
};

std::vector<std::string> labels() {
  std::vector<std::string> out;
  for (const char *e : {"cadre.v1.Channel", "Sex", "RankLevel", "cadre.v1.Heading"}) {
    for (int n = 0; n < 12; ++n) {
      for (const char *lang : {"zh-CN", "en"}) {
        out.emplace_back(cadre_label(e, n, lang));
      }
    }
  }
  return out;
}

using Operation = int (*)(cadre_buffer *, const cadre_engine *, const std::uint8_t *, std::size_t,
                          int, cadre_error **);

// The JSON response of @p op to @p request, or "failed".
std::string call(Operation op, const cadre_engine *engine, const std::string &request) {
  cadre_buffer out{nullptr, 0};
  if (op(&out, engine, bytes(request), request.size(), CADRE_FORMAT_JSON, nullptr) != CADRE_OK) {
    return "failed";
  }
  return take(out);
}

// Streams in chunks of `chunk` bytes on `threads` threads of the stream's
// own; the answer is every push's response and the summary, concatenated.
std::string stream(const cadre_engine *engine, const std::string &data, std::size_t chunk,
                   int threads = 1, int format = CADRE_FORMAT_JSON) {
  cadre_stream *s = nullptr;
  if (cadre_stream_new(&s, engine, "2025-06-30", format, nullptr) != CADRE_OK) {
    return "stream_new failed";
  }
  if (cadre_stream_set_threads(s, threads, nullptr) != CADRE_OK) {
    cadre_stream_free(s);
    return "set_threads failed";
  }
  std::string findings;
  for (std::size_t at = 0; at < data.size(); at += chunk) {
    cadre_buffer out{nullptr, 0};
    const std::size_t n = std::min(chunk, data.size() - at);
    if (cadre_stream_push(&out, s, bytes(data) + at, n, nullptr) != CADRE_OK) {
      cadre_stream_free(s);
      return "push failed";
    }
    // Responses depend on where the chunks end; the findings in them do not.
    findings += take(out);
  }
  cadre_buffer out{nullptr, 0};
  const int st = cadre_stream_finish(&out, s, nullptr);
  cadre_stream_free(s);
  if (st != CADRE_OK) {
    return "finish failed";
  }
  std::size_t found = 0;
  for (auto at = findings.find("\"rule_id\""); at != std::string::npos;
       at = findings.find("\"rule_id\"", at + 1)) {
    ++found;
  }
  return take(out) + "|" + std::to_string(found);
}

const Work &work() {
  static const Work reference = [] {
    Work w;
    const std::string roster = read_file(CADRE_EXAMPLE_ROSTER);
    w.request = "{\"as_of\":\"2025-06-30\"," + roster.substr(roster.find('{') + 1);
    w.eligibility = "{\"as_of\":\"2025-06-30\",\"target\":\"ELIGIBILITY_TARGET_HIGHER_LEVEL\"," +
                    roster.substr(roster.find('{') + 1);
    cadre_buffer out{nullptr, 0};
    if (cadre_roster_convert(&out, bytes(roster), roster.size(), CADRE_FORMAT_JSON,
                             CADRE_FORMAT_STREAM, nullptr) == CADRE_OK) {
      w.stream = take(out);
    }
    cadre_engine *engine = nullptr;
    if (cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr) == CADRE_OK) {
      w.screened = call(cadre_screen, engine, w.request);
      w.streamed = stream(engine, w.stream, w.stream.size());
      w.eligible = call(cadre_eligibility, engine, w.eligibility);
      cadre_engine_free(engine);
    }
    w.labels = labels();
    return w;
  }();
  return reference;
}

// What one thread does; counts the answers that differ from work().
int run(const cadre_engine *engine, int thread) {
  const Work &w = work();
  int wrong = 0;
  for (int round = 0; round < kRounds; ++round) {
    wrong += call(cadre_screen, engine, w.request) != w.screened;
    // Chunk sizes differ per thread and round: 1 byte, 7 bytes, ... whole.
    const std::size_t chunk = round == 0 ? 1U + static_cast<std::size_t>(thread) * 6U
                                         : (round == 1 ? 4096U : w.stream.size());
    wrong += stream(engine, w.stream, chunk) != w.streamed;
    // The same stream screened by threads of its own (cadre_stream_set_threads).
    wrong += stream(engine, w.stream, chunk, 2 + (thread + round) % 3) != w.streamed;
    // In binary, each thread of the stream encodes its own blocks.
    wrong += stream(engine, w.stream, chunk, 2 + (thread + round) % 3, CADRE_FORMAT_BINARY) !=
             stream(engine, w.stream, chunk, 1, CADRE_FORMAT_BINARY);
    wrong += call(cadre_eligibility, engine, w.eligibility) != w.eligible;
    wrong += labels() != w.labels;
  }
  return wrong;
}

TEST(Threads, ReferenceAnswersAreReal) {
  const Work &w = work();
  ASSERT_FALSE(w.stream.empty());
  EXPECT_NE(w.screened.find("\"rule_id\""), std::string::npos) << w.screened;
  EXPECT_NE(w.streamed.find("\"cadres_screened\":39"), std::string::npos) << w.streamed;
  EXPECT_NE(w.eligible.find("\"answers\""), std::string::npos) << w.eligible;
  EXPECT_NE(std::find(w.labels.begin(), w.labels.end(), std::string("问责追究调整")),
            w.labels.end());
}

TEST(Threads, OneSharedEngine) {
  work();  // the reference first, on one thread
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&wrong, engine, t] { wrong += run(engine, t); });
  }
  for (auto &t : threads) {
    t.join();
  }
  cadre_engine_free(engine);
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Threads, AnEngineEach) {
  work();
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&wrong, t] {
      cadre_engine *engine = nullptr;
      if (cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr) != CADRE_OK) {
        ++wrong;
        return;
      }
      wrong += run(engine, t);
      cadre_engine_free(engine);
    });
  }
  for (auto &t : threads) {
    t.join();
  }
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
