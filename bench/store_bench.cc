// The case store on SQLite (issue 10 §6): appends per second in one process, one transaction
// each, at both durabilities; and verifying a long chain read back from the store, with the
// peak resident memory before and after (flat memory: the two are close).
//
//   build/release/bench/cadre_store_bench                      # 1,000,000-event chain
//   CADRE_BENCH_EVENTS=20000 build/release/bench/cadre_store_bench   # a quick smoke run
//
// The chain's file is built once into CADRE_BENCH_DIR (default bench-data/ in the working
// directory) and reused; the appends go to a new file each run.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "cadre/sqlite_store.hpp"

namespace {

using cadre::CaseStore;
using cadre::ChainVerifier;
using cadre::Digest;
using cadre::LoggedEvent;
using cadre::SqliteStoreOptions;
using cadre::Status;

std::filesystem::path bench_dir() {
  const char *dir = std::getenv("CADRE_BENCH_DIR");
  std::filesystem::path out = dir != nullptr ? dir : "bench-data";
  std::filesystem::create_directories(out);
  return out;
}

std::uint64_t chain_events() {
  const char *n = std::getenv("CADRE_BENCH_EVENTS");
  return n != nullptr ? std::strtoull(n, nullptr, 10) : 1000000U;
}

// An event of about the size of a canonical event (~160 bytes).
std::string event_bytes(std::uint64_t seq) {
  std::string out = "stage=verification;actor=org-dept;on=2026-03-02;doc=组通字〔2026〕" +
                    std::to_string(seq) + ";facts=";
  out.resize(160, 'f');
  return out;
}

cadre::CaseHeader header(std::string id) {
  cadre::CaseHeader h;
  h.id = std::move(id);
  h.procedure_id = "wenze-2019";
  h.cadre_id = "c-0042";
  h.region = "360000";
  h.opened_by = "finding:R12:c-0042";
  return h;
}

std::unique_ptr<CaseStore> open(const std::string &path, SqliteStoreOptions::Durability d) {
  SqliteStoreOptions o;
  o.durability = d;
  auto store = cadre::open_sqlite_store(path, o);
  if (!store.ok()) {
    return nullptr;
  }
  return std::move(store).value();
}

long max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Appends to one case, one transaction per append. Arg 0: kProcess (synchronous=NORMAL in WAL);
// arg 1: kFull (synchronous=FULL, a sync per commit).
void BM_Append(benchmark::State &state) {
  const auto durability = state.range(0) == 0 ? SqliteStoreOptions::Durability::kProcess
                                              : SqliteStoreOptions::Durability::kFull;
  const std::filesystem::path path = bench_dir() / "append.db";
  for (const char *suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix);
  }
  auto store = open(path.string(), durability);
  if (!store || !store->create_case(header("c-1")).ok()) {
    state.SkipWithError("could not open the store");
    return;
  }
  Digest head{};
  std::uint64_t seq = 0;
  LoggedEvent e;
  for (auto _ : state) {
    e.seq = ++seq;
    e.prev = head;
    e.bytes = event_bytes(seq);
    e.link = cadre::chain_link(e.prev, e.seq, e.bytes);
    if (const Status st = store->append("c-1", head, e); !st.ok()) {
      state.SkipWithError(st.to_string().c_str());
      return;
    }
    head = e.link;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Append)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond)->MinTime(3.0);

// The chain's file: built once, in groups of 10,000 events per transaction.
std::string chain_file(std::uint64_t n) {
  const std::filesystem::path path = bench_dir() / ("chain-" + std::to_string(n) + ".db");
  if (std::filesystem::exists(path)) {
    auto store = open(path.string(), SqliteStoreOptions::Durability::kProcess);
    if (store) {
      auto h = store->header("c-1");
      if (h.ok() && h.value().events == n) {
        return path.string();
      }
    }
    for (const char *suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix);
    }
  }
  auto store = open(path.string(), SqliteStoreOptions::Durability::kProcess);
  if (!store || !store->create_case(header("c-1")).ok()) {
    return {};
  }
  Digest head{};
  std::uint64_t seq = 0;
  LoggedEvent e;
  while (seq < n) {
    const Status st = store->atomically([&]() -> Status {
      for (int i = 0; i < 10000 && seq < n; ++i) {
        e.seq = ++seq;
        e.prev = head;
        e.bytes = event_bytes(seq);
        e.link = cadre::chain_link(e.prev, e.seq, e.bytes);
        if (Status s = store->append("c-1", head, e); !s.ok()) {
          return s;
        }
        head = e.link;
      }
      return {};
    });
    if (!st.ok()) {
      return {};
    }
  }
  return path.string();
}

// Opens the store, reads every event of the chain and verifies it against the case's header.
void BM_VerifyChain(benchmark::State &state) {
  const std::uint64_t n = chain_events();
  const std::string path = chain_file(n);
  if (path.empty()) {
    state.SkipWithError("could not build the chain's file");
    return;
  }
  const long rss_before = max_rss_kib();
  for (auto _ : state) {
    auto store = open(path, SqliteStoreOptions::Durability::kProcess);
    auto h =
        store
            ? store->header("c-1")
            : cadre::StatusOr<cadre::CaseHeader>(Status{cadre::StatusCode::kInternal, "no store"});
    if (!h.ok()) {
      state.SkipWithError(h.status().to_string().c_str());
      return;
    }
    ChainVerifier chain;
    const Status st = store->events("c-1", [&](const LoggedEvent &e) {
      chain.feed(e);
      return Status{};
    });
    if (!st.ok() || chain.finish(h.value())) {
      state.SkipWithError("the chain does not verify");
      return;
    }
    benchmark::DoNotOptimize(chain.head());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
  state.counters["events"] = static_cast<double>(n);
  state.counters["peak_rss_before_KiB"] = static_cast<double>(rss_before);
  state.counters["peak_rss_after_KiB"] = static_cast<double>(max_rss_kib());
}
BENCHMARK(BM_VerifyChain)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
