// Heap allocations of the streamed screening, counted (Google Benchmark). Not
// a test: run
//   build/release/bench/cadre_alloc_bench
// The global operator new of this process counts every allocation (protobuf's
// included). Each benchmark screens a generated province in the stream form
// through service::StreamScreener in 1 MiB chunks, reusing one response as the
// CLI does, and reports the allocations per cadre record after the first
// quarter of the stream ("allocs_per_record"; the target is 0) and the rate.
//
//   StreamAllocs/1/0  one thread (the default), a response message (the CLI)
//   StreamAllocs/2/0  two threads (StreamScreener::set_threads)
//   StreamAllocs/T/1  push_serialized(): the response's bytes (the C ABI's
//                     CADRE_FORMAT_BINARY), on T threads
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "alloc/counting_new.hpp"
#include "generator/province.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace {

namespace pb = ::cadre::v1;

const std::string &province() {
  static const std::string bytes = [] {
    cadre::generator::Options o;
    // CADRE_BENCH_CADRES: another size (a longer stream shows whether what is
    // left after the warm-up keeps coming or dies out).
    const char *size = std::getenv("CADRE_BENCH_CADRES");
    o.cadres = size != nullptr && std::atoi(size) > 0 ? std::atoi(size) : 50000;
    std::string out;
    if (!cadre::generator::generate_stream(o, out).ok()) {
      std::abort();
    }
    return out;
  }();
  return bytes;
}

void StreamAllocs(benchmark::State &state) {
  const std::string &s = province();
  const auto *data = reinterpret_cast<const std::uint8_t *>(s.data());
  constexpr std::size_t kChunk = std::size_t{1} << 20U;
  // The first quarter of the stream warms up (the screener's scratch values,
  // the response's messages, the arena grow); the rest is counted.
  const std::size_t warm_up = (s.size() / 4 / kChunk + 1) * kChunk;
  const auto threads = static_cast<int>(state.range(0));
  const bool serialized = state.range(1) != 0;
  std::string bytes;
  std::uint64_t records = 0;
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    cadre::service::StreamScreener screener(cadre::service::builtin_engine(),
                                            *cadre::Date::from_ymd(2025, 6, 30));
    if (!screener.set_threads(threads).ok()) {
      std::abort();
    }
    pb::ScreenResponse response;
    std::uint64_t before = 0;
    std::uint64_t counted_from = 0;
    for (std::size_t at = 0; at < s.size(); at += kChunk) {
      if (at == warm_up) {
        before = cadre::testing::allocations();
        counted_from = screener.cadres();
      }
      const std::size_t size = std::min(kChunk, s.size() - at);
      if (serialized) {
        bytes.clear();  // keeps its capacity, as the C ABI does
        if (!screener.push_serialized(data + at, size, bytes).ok()) {
          std::abort();
        }
        benchmark::DoNotOptimize(bytes.data());
        continue;
      }
      screener.recycle(response);  // Clear(), keeping its messages, as the CLI does
      if (!screener.push(data + at, size, response).ok()) {
        std::abort();
      }
      benchmark::DoNotOptimize(response.findings_size());
    }
    allocations += cadre::testing::allocations() - before;
    records += screener.cadres() - counted_from;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
  state.counters["allocs_per_record"] =
      records == 0 ? 0.0 : static_cast<double>(allocations) / static_cast<double>(records);
}
BENCHMARK(StreamAllocs)
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
