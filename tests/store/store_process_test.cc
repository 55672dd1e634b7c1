// The case store across processes (issue 10 §4): a writer killed with SIGKILL at random points
// loses nothing it reported committed and leaves nothing half-written; two writers on different
// cases and on the same case end with exactly the events they appended, the chains intact.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cadre/sqlite_store.hpp"
#include "support/case_store_support.hpp"

namespace cadre {
namespace {

using testing::case_header;
using testing::next_event;
using testing::ScratchDir;
using testing::verify_case;

SqliteStoreOptions options(SqliteStoreOptions::Durability durability) {
  SqliteStoreOptions o;
  o.durability = durability;
  o.busy_timeout = std::chrono::milliseconds(20000);
  return o;
}

// The bytes of event @p seq of the crash test: sizes from 1 byte to 24 KiB, so that some
// events span several pages of the file and a kill can land inside the writing of one.
std::string payload(std::uint64_t seq) {
  const std::size_t size = 1 + static_cast<std::size_t>((seq * 7919U) % 24576U);
  std::string out(size, static_cast<char>('a' + seq % 26));
  const std::string tag = "event " + std::to_string(seq) + ";";
  out.replace(0, std::min(tag.size(), size), tag.substr(0, std::min(tag.size(), size)));
  return out;
}

bool write_all(int fd, const void *data, std::size_t size) {
  const auto *p = static_cast<const char *>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Reads one report (a uint64) from @p fd; false at the end of the pipe.
bool read_report(int fd, std::uint64_t &value) {
  auto *p = reinterpret_cast<char *>(&value);
  std::size_t got = 0;
  while (got < sizeof value) {
    const ssize_t n = ::read(fd, p + got, sizeof value - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

// The writer of the crash test, in the child: appends to case "c-1" for ever, reporting the seq
// of each append that returned kOk on @p fd. Never returns.
[[noreturn]] void crash_writer(const std::string &path, SqliteStoreOptions::Durability durability,
                               int fd) {
  auto store = open_sqlite_store(path, options(durability));
  if (!store.ok()) {
    std::fprintf(stderr, "writer: %s\n", store.status().to_string().c_str());
    ::_exit(2);
  }
  CaseStore &s = *store.value();
  const Status created = s.create_case(case_header("c-1"));
  if (!created.ok() && created.code() != StatusCode::kAlreadyExists) {
    ::_exit(3);
  }
  for (;;) {
    auto h = s.header("c-1");
    if (!h.ok()) ::_exit(4);
    const LoggedEvent e = next_event(h.value(), payload(h.value().events + 1));
    if (const Status st = s.append("c-1", h.value().head, e); !st.ok()) {
      std::fprintf(stderr, "writer: %s\n", st.to_string().c_str());
      ::_exit(5);
    }
    if (!write_all(fd, &e.seq, sizeof e.seq)) ::_exit(6);
  }
}

TEST(StoreCrash, AWriterKilledAtRandomLosesNothingItReportedAndLeavesNothingHalfWritten) {
  ScratchDir dir("store-crash");
  const std::string path = dir.file("cases.db");
  std::mt19937 random(20261201U);
  std::uint64_t reported = 0;
  for (int round = 0; round < 8; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto durability = round % 4 == 3 ? SqliteStoreOptions::Durability::kFull
                                           : SqliteStoreOptions::Durability::kProcess;
    std::array<int, 2> fds{};
    ASSERT_EQ(::pipe(fds.data()), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(fds[0]);
      crash_writer(path, durability, fds[1]);
    }
    ::close(fds[1]);
    // Let it report a random number of appends, then kill it a random moment later.
    const auto wait_for = std::uniform_int_distribution<int>(1, 120)(random);
    std::uint64_t seq = 0;
    for (int i = 0; i < wait_for && read_report(fds[0], seq); ++i) {
      reported = seq;
    }
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(random)));
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    while (read_report(fds[0], seq)) {
      reported = seq;
    }
    ::close(fds[0]);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the writer ended on its own, status " << status;

    auto store = open_sqlite_store(path, options(SqliteStoreOptions::Durability::kFull));
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    const auto v = verify_case(*store.value(), "c-1");
    ASSERT_TRUE(v.status.ok()) << v.status.to_string();
    EXPECT_FALSE(v.first_bad) << "first bad event " << v.first_bad.value_or(0);
    // Every reported append is there; at most one more (committed, killed before reporting).
    EXPECT_GE(v.events, reported);
    EXPECT_LE(v.events, reported + 1);
    std::uint64_t mismatched = 0;
    ASSERT_TRUE(store.value()
                    ->events("c-1",
                             [&](const LoggedEvent &e) {
                               mismatched += e.bytes == payload(e.seq) ? 0U : 1U;
                               return Status{};
                             })
                    .ok());
    EXPECT_EQ(mismatched, 0U);
    reported = v.events;
  }
  // The file itself is sound.
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt *stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)), "ok");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_GT(reported, 8U);
}

constexpr int kAppends = 150;

// A writer of the concurrency tests, in a child: waits for the start byte on @p start, then
// appends kAppends events "w<worker>:<n>" to case @p id, reading the head again and retrying
// after each kAborted. Reports its conflicts on @p out; exits 0 when every append went in.
[[noreturn]] void contender(const std::string &path, const std::string &id, int worker, int start,
                            int out) {
  auto store = open_sqlite_store(path, options(SqliteStoreOptions::Durability::kProcess));
  if (!store.ok()) ::_exit(2);
  CaseStore &s = *store.value();
  char go = 0;
  if (::read(start, &go, 1) != 1) ::_exit(3);
  std::uint64_t conflicts = 0;
  for (int n = 0; n < kAppends;) {
    auto h = s.header(id);
    if (!h.ok()) ::_exit(4);
    const LoggedEvent e =
        next_event(h.value(), "w" + std::to_string(worker) + ":" + std::to_string(n));
    const Status st = s.append(id, h.value().head, e);
    if (st.ok()) {
      ++n;
    } else if (st.code() == StatusCode::kAborted) {
      ++conflicts;
    } else {
      std::fprintf(stderr, "worker %d: %s\n", worker, st.to_string().c_str());
      ::_exit(5);
    }
  }
  if (!write_all(out, &conflicts, sizeof conflicts)) ::_exit(6);
  ::_exit(0);
}

// Runs two contenders on cases @p first and @p second at once; @return their conflicts.
std::uint64_t contend(const std::string &path, const std::string &first,
                      const std::string &second) {
  std::array<int, 2> start{};
  std::array<int, 2> report{};
  EXPECT_EQ(::pipe(start.data()), 0);
  EXPECT_EQ(::pipe(report.data()), 0);
  std::vector<pid_t> children;
  for (int worker = 0; worker < 2; ++worker) {
    const pid_t child = ::fork();
    if (child == 0) {
      ::close(start[1]);
      ::close(report[0]);
      contender(path, worker == 0 ? first : second, worker, start[0], report[1]);
    }
    EXPECT_GT(child, 0);
    children.push_back(child);
  }
  ::close(start[0]);
  ::close(report[1]);
  const std::array<char, 2> go{'g', 'g'};
  EXPECT_TRUE(write_all(start[1], go.data(), go.size()));
  ::close(start[1]);
  std::uint64_t conflicts = 0;
  std::uint64_t c = 0;
  while (read_report(report[0], c)) {
    conflicts += c;
  }
  ::close(report[0]);
  for (const pid_t child : children) {
    int status = 0;
    EXPECT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  }
  return conflicts;
}

TEST(StoreConcurrency, TwoProcessesOnDifferentCases) {
  ScratchDir dir("store-two-cases");
  const std::string path = dir.file("cases.db");
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->create_case(case_header("c-a")).ok());
    ASSERT_TRUE(store.value()->create_case(case_header("c-b")).ok());
  }
  EXPECT_EQ(contend(path, "c-a", "c-b"), 0U);
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store.ok());
  for (const char *id : {"c-a", "c-b"}) {
    const auto v = verify_case(*store.value(), id);
    EXPECT_EQ(v.events, static_cast<std::uint64_t>(kAppends)) << id;
    EXPECT_FALSE(v.first_bad) << id;
  }
}

TEST(StoreConcurrency, TwoProcessesOnTheSameCase) {
  ScratchDir dir("store-same-case");
  const std::string path = dir.file("cases.db");
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->create_case(case_header("c-1")).ok());
  }
  const std::uint64_t conflicts = contend(path, "c-1", "c-1");
  ::testing::Test::RecordProperty("conflicts", std::to_string(conflicts));
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store.ok());
  const auto v = verify_case(*store.value(), "c-1");
  EXPECT_EQ(v.events, 2U * kAppends);
  EXPECT_FALSE(v.first_bad);
  // Each worker's events are there once each, in its order.
  std::array<int, 2> next{};
  ASSERT_TRUE(store.value()
                  ->events("c-1",
                           [&](const LoggedEvent &e) {
                             const auto worker = static_cast<std::size_t>(e.bytes[1] == '1');
                             EXPECT_EQ(e.bytes, "w" + std::to_string(worker) + ":" +
                                                    std::to_string(next.at(worker)));
                             ++next.at(worker);
                             return Status{};
                           })
                  .ok());
  EXPECT_EQ(next[0], kAppends);
  EXPECT_EQ(next[1], kAppends);
}

}  // namespace
}  // namespace cadre
