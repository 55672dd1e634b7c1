// The C ABI's exception barrier, run: every allocation of a call through
// libcadre.so is made to fail in turn (tests/contract/failing_new.cc), and the
// call must return the documented status (CADRE_RESOURCE_EXHAUSTED out of
// memory, CADRE_INTERNAL for any other exception), give no buffer, leave the
// engine usable, and not crash.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cadre/cadre.h"
#include "contract/failing_new.hpp"
#include "support/c_abi_bytes.hpp"

namespace {

using cadre::testing::Failure;
using cadre_test::bytes;
using cadre_test::take;

// One cadre of age 60 and more, one young, in a roster (JSON).
std::string cadre_json(int i, bool old) {
  return R"({"id":"c)" + std::to_string(i) + R"(","sex":"SEX_MALE","birth_date":")" +
         (old ? "1960-03-02" : "1985-03-02") +
         R"(","birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE","posts":[{"id":"p1",)"
         R"("rank_level":"RANK_LEVEL_COUNTY_PRINCIPAL","kind":"POST_KIND_LEADERSHIP",)"
         R"("start_date":"2019-01-01"}]})";
}

std::string roster_json(int cadres) {
  std::string s = R"({"cadres":[)";
  for (int i = 0; i < cadres; ++i) {
    s += (i > 0 ? "," : "") + cadre_json(i, i % 2 == 0);
  }
  return s + "]}";
}

const std::string kRequest = R"({"as_of":"2025-06-30","cadres":[)" + cadre_json(1, true) + "]}";
const std::string kWarnings =
    R"({"as_of":"2019-06-30","horizon_months":120,"cadres":[)" + cadre_json(1, true) + "]}";

// The result of one call of the C ABI: its status, error and buffer.
struct Outcome {
  int rc = CADRE_OK;
  bool has_error = false;
  int error_code = CADRE_OK;
  std::string message;
  std::string field;
  bool has_buffer = false;
  std::string buffer;
};

// A call of the C ABI that fills @p out and @p err; returns its status.
using Call = std::function<int(cadre_buffer &out, cadre_error **err)>;

// Runs @p call, its allocations armed as arm() says when @p at is set.
Outcome run(const Call &call, std::int64_t at, Failure how, std::int64_t also_at = -1,
            std::int64_t *allocations = nullptr) {
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  cadre::testing::arm(at, how, also_at);
  const int rc = call(out, &err);
  const std::int64_t n = cadre::testing::disarm();
  if (allocations != nullptr) {
    *allocations = n;
  }
  Outcome o;
  o.rc = rc;
  o.has_error = err != nullptr;
  o.error_code = cadre_error_code(err);
  o.message = cadre_error_message(err);
  o.field = cadre_error_field(err);
  cadre_error_free(err);
  o.has_buffer = out.data != nullptr;
  o.buffer = take(out);
  return o;
}

// The allocations to fail of a call that makes @p n: all of them up to 300,
// else 300 spread evenly, the first and the last included.
std::vector<std::int64_t> points(std::int64_t n) {
  constexpr std::int64_t kMax = 300;
  std::vector<std::int64_t> v;
  if (n <= kMax) {
    for (std::int64_t i = 0; i < n; ++i) {
      v.push_back(i);
    }
    return v;
  }
  for (std::int64_t i = 0; i < kMax; ++i) {
    v.push_back(i * (n - 1) / (kMax - 1));
  }
  return v;
}

// Whether @p o is the failure @p code (the error's message @p message, no
// buffer), or a success with the output @p good gave: a failed allocation
// absorbed (libprotobuf's nothrow allocations) must not change the output.
::testing::AssertionResult failed_cleanly(const Outcome &o, int code, const std::string &message,
                                          const Outcome &good, bool error_may_be_lost) {
  if (o.rc == CADRE_OK) {
    if (o.buffer == good.buffer && !o.has_error) {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "OK with another output";
  }
  if (o.rc != code) {
    return ::testing::AssertionFailure() << "status " << o.rc << " (" << o.message << ")";
  }
  if (o.has_buffer) {
    return ::testing::AssertionFailure() << "a buffer with the failure";
  }
  if (!o.has_error) {
    return error_may_be_lost ? ::testing::AssertionSuccess()
                             : ::testing::AssertionFailure() << "no error";
  }
  if (o.error_code != code || o.message != message || !o.field.empty()) {
    return ::testing::AssertionFailure()
           << "error " << o.error_code << " '" << o.message << "' at '" << o.field << "'";
  }
  return ::testing::AssertionSuccess();
}

// Fails each allocation of @p call in turn, in every way, and checks the
// status, the error and the buffer of each failure; then that the call
// still gives what it gave before. Returns the allocations of one call.
std::int64_t sweep(const Call &call) {
  std::int64_t n = 0;
  const Outcome good = run(call, -1, Failure::kBadAlloc, -1, &n);
  EXPECT_EQ(good.rc, CADRE_OK) << good.field << ": " << good.message;
  EXPECT_TRUE(good.has_buffer);
  EXPECT_GT(n, 0);
  int exhausted = 0;   // CADRE_RESOURCE_EXHAUSTED
  int error_lost = 0;  // ... whose error could not be allocated either (run again)
  int internal = 0;    // CADRE_INTERNAL
  for (const std::int64_t at : points(n)) {
    std::int64_t made = 0;  // by the failing call, its error the last
    const Outcome o = run(call, at, Failure::kBadAlloc, -1, &made);
    EXPECT_TRUE(failed_cleanly(o, CADRE_RESOURCE_EXHAUSTED, "out of memory", good, false))
        << "allocation " << at << " of " << n;
    exhausted += o.rc == CADRE_RESOURCE_EXHAUSTED ? 1 : 0;
    if (o.rc == CADRE_RESOURCE_EXHAUSTED) {
      // The error of the failure cannot be allocated either: the status
      // still comes back, *err NULL.
      const Outcome lost = run(call, at, Failure::kBadAlloc, made - 1);
      EXPECT_TRUE(failed_cleanly(lost, CADRE_RESOURCE_EXHAUSTED, "out of memory", good, true))
          << "allocations " << at << " and " << made - 1 << " of " << n;
      error_lost += lost.rc == CADRE_RESOURCE_EXHAUSTED && !lost.has_error ? 1 : 0;
    }
    for (const Failure how : {Failure::kException, Failure::kNonStd}) {
      const Outcome thrown = run(call, at, how);
      EXPECT_TRUE(failed_cleanly(thrown, CADRE_INTERNAL, "internal error", good, false))
          << "allocation " << at << " of " << n << " throws "
          << (how == Failure::kException ? "std::exception" : "int");
      internal += thrown.rc == CADRE_INTERNAL ? 1 : 0;
    }
  }
  // Some failures are absorbed (OK with the same output, checked above).
  EXPECT_GT(exhausted, 0);
  EXPECT_GT(internal, 0);
  EXPECT_GT(error_lost, 0);  // the barrier's own out-of-memory path ran
  const Outcome again = run(call, -1, Failure::kBadAlloc);
  EXPECT_EQ(again.rc, CADRE_OK);
  EXPECT_EQ(again.buffer, good.buffer);
  return n;
}

class CApiBarrier : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cadre_engine_new(&engine_, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  }
  void TearDown() override { cadre_engine_free(engine_); }
  cadre_engine *engine_ = nullptr;
};

TEST_F(CApiBarrier, ScreenFailsCleanlyAtEveryAllocation) {
  EXPECT_GT(sweep([&](cadre_buffer &out, cadre_error **err) {
              return cadre_screen(&out, engine_, bytes(kRequest), kRequest.size(),
                                  CADRE_FORMAT_JSON, err);
            }),
            100);
}

TEST_F(CApiBarrier, CallAndOperationsFailCleanlyAtEveryAllocation) {
  sweep([&](cadre_buffer &out, cadre_error **err) {
    return cadre_call(&out, engine_, "warnings", bytes(kWarnings), kWarnings.size(),
                      CADRE_FORMAT_JSON, err);
  });
  sweep([](cadre_buffer &out, cadre_error **err) {
    return cadre_operations(&out, CADRE_FORMAT_JSON, err);
  });
  sweep([](cadre_buffer &out, cadre_error **err) { return cadre_descriptor_set(&out, err); });
}

TEST_F(CApiBarrier, EngineNewFailsCleanlyAtEveryAllocation) {
  sweep([](cadre_buffer &out, cadre_error **err) {
    cadre_engine *engine = nullptr;
    const int rc = cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, err);
    if (rc != CADRE_OK) {
      EXPECT_EQ(engine, nullptr);
      return rc;
    }
    cadre_engine_free(engine);
    // A buffer to say it worked: the caller's checks want one.
    return cadre_operations(&out, CADRE_FORMAT_BINARY, err);
  });
}

// The roster in the stream form: libprotobuf 3.21's JSON parser ends the
// process when certain of its own allocations fail (an output stream of its
// ProtoWriter allocates in its destructor while unwinding); docs/promises.md.
TEST_F(CApiBarrier, RosterValidateAndConvertFailCleanlyAtEveryAllocation) {
  const std::string json = roster_json(3);
  cadre_buffer converted{nullptr, 0};
  ASSERT_EQ(cadre_roster_convert(&converted, bytes(json), json.size(), CADRE_FORMAT_JSON,
                                 CADRE_FORMAT_STREAM, nullptr),
            CADRE_OK);
  const std::string roster = take(converted);
  sweep([&](cadre_buffer &out, cadre_error **err) {
    return cadre_roster_validate(&out, bytes(roster), roster.size(), CADRE_FORMAT_STREAM,
                                 CADRE_FORMAT_JSON, "2025-06-30", err);
  });
  sweep([&](cadre_buffer &out, cadre_error **err) {
    return cadre_roster_convert(&out, bytes(roster), roster.size(), CADRE_FORMAT_STREAM,
                                CADRE_FORMAT_JSON, err);
  });
}

// A stream screened on @p threads threads: each push on a new stream.
// The stream's JSON output goes through libprotobuf's JSON printer, whose
// writer logs from its destructor when an allocation inside it fails: with
// the next allocation failing too, that log throws during the unwinding and
// the process ends (docs/promises.md, "not held"). So the sweep on three
// threads, whose allocations land elsewhere from run to run, checks the
// binary output (encoded by cadre itself, block by block on the threads).
void sweep_stream(cadre_engine *engine, int threads, int format) {
  cadre_buffer converted{nullptr, 0};
  const std::string roster = roster_json(64);
  ASSERT_EQ(cadre_roster_convert(&converted, bytes(roster), roster.size(), CADRE_FORMAT_JSON,
                                 CADRE_FORMAT_STREAM, nullptr),
            CADRE_OK);
  const std::string wire = take(converted);
  sweep([&](cadre_buffer &out, cadre_error **err) {
    cadre_stream *stream = nullptr;
    int rc = cadre_stream_new(&stream, engine, "2025-06-30", format, err);
    if (rc != CADRE_OK) {
      EXPECT_EQ(stream, nullptr);
      return rc;
    }
    rc = cadre_stream_set_threads(stream, threads, err);
    if (rc == CADRE_OK) {
      rc = cadre_stream_push(&out, stream, bytes(wire), wire.size(), err);
    }
    if (rc == CADRE_OK) {
      cadre_buffer_dispose(&out);
      rc = cadre_stream_finish(&out, stream, err);
    }
    cadre_stream_free(stream);
    return rc;
  });
}

// A push that runs out of memory breaks the stream: a later push would
// otherwise screen what was left half done (or, on threads, bytes of the
// failed push the caller has since freed).
void out_of_memory_breaks_the_stream(cadre_engine *engine, int threads) {
  cadre_buffer converted{nullptr, 0};
  const std::string roster = roster_json(64);
  ASSERT_EQ(cadre_roster_convert(&converted, bytes(roster), roster.size(), CADRE_FORMAT_JSON,
                                 CADRE_FORMAT_STREAM, nullptr),
            CADRE_OK);
  const std::string wire = take(converted);
  // The allocations of a push of the first half, then one failed in its middle.
  std::int64_t n = 0;
  for (const bool fail : {false, true}) {
    cadre_stream *stream = nullptr;
    ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr),
              CADRE_OK);
    ASSERT_EQ(cadre_stream_set_threads(stream, threads, nullptr), CADRE_OK);
    const std::string first = wire.substr(0, wire.size() / 2);
    cadre_buffer out{nullptr, 0};
    cadre::testing::arm(fail ? n / 2 : -1, Failure::kBadAlloc);
    const int rc = cadre_stream_push(&out, stream, bytes(first), first.size(), nullptr);
    const std::int64_t made = cadre::testing::disarm();
    take(out);
    if (!fail) {
      ASSERT_EQ(rc, CADRE_OK);
      n = made;
      ASSERT_GT(n, 10);
    } else {
      ASSERT_EQ(rc, CADRE_RESOURCE_EXHAUSTED);
      const std::string rest = wire.substr(first.size());
      cadre_error *err = nullptr;
      EXPECT_EQ(cadre_stream_push(&out, stream, bytes(rest), rest.size(), &err),
                CADRE_RESOURCE_EXHAUSTED);
      EXPECT_EQ(out.data, nullptr);
      EXPECT_STREQ(cadre_error_field(err), "stream");
      cadre_error_free(err);
      EXPECT_EQ(cadre_stream_push(&out, stream, nullptr, 0, nullptr), CADRE_RESOURCE_EXHAUSTED);
      EXPECT_EQ(cadre_stream_finish(&out, stream, &err), CADRE_RESOURCE_EXHAUSTED);
      EXPECT_STREQ(cadre_error_field(err), "stream");
      cadre_error_free(err);
      const std::string summary = take(out);  // the summary of what was screened
      EXPECT_NE(summary.find("\"summary\""), std::string::npos) << summary;
    }
    cadre_stream_free(stream);
  }
}

TEST_F(CApiBarrier, OutOfMemoryBreaksTheStream) { out_of_memory_breaks_the_stream(engine_, 1); }

TEST_F(CApiBarrier, OutOfMemoryBreaksTheStreamOnThreeThreads) {
  out_of_memory_breaks_the_stream(engine_, 3);
}

TEST_F(CApiBarrier, StreamFailsCleanlyAtEveryAllocation) {
  sweep_stream(engine_, 1, CADRE_FORMAT_JSON);
  sweep_stream(engine_, 1, CADRE_FORMAT_BINARY);
}

TEST_F(CApiBarrier, StreamOnThreeThreadsFailsCleanlyAtEveryAllocation) {
  sweep_stream(engine_, 3, CADRE_FORMAT_BINARY);
}

}  // namespace
