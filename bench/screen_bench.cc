// Benchmarks of screening (Google Benchmark). Not a test: run
//   build/release/bench/cadre_screen_bench --benchmark_counters_tabular=true
// Each benchmark reports cadres per second ("items_per_second").
//
//   ParseOnly        protobuf alone: the stream form, record by record (the floor)
//   StreamScreen     the streamed screening that cadre_stream_push wraps:
//                    parse, validate, decode, screen, encode the findings
//                    (/fast: cadre records read by hand, the default;
//                    /protobuf: every record parsed by protobuf first)
//   EngineOnly       the engine alone on domain types already in memory
//   EligibilityOnly  eligibility one level up for every cadre, in memory
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "cadre/eligibility.hpp"
#include "codec/codec.hpp"
#include "codec/stream.hpp"
#include "generator/province.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace {

namespace pb = ::cadre::v1;

const std::string &province(int cadres) {
  static std::map<int, std::string> cache;
  auto it = cache.find(cadres);
  if (it == cache.end()) {
    cadre::generator::Options o;
    o.cadres = cadres;
    std::string bytes;
    if (!cadre::generator::generate_stream(o, bytes).ok()) {
      std::abort();
    }
    it = cache.emplace(cadres, std::move(bytes)).first;
  }
  return it->second;
}

// Walks the stream form with the library's one reader (codec::StreamFramer):
// calls f(record_bytes, size) for each record.
template <typename F>
void for_each_record(const std::string &s, F &&f) {
  cadre::codec::StreamFramer framer;
  framer.feed(reinterpret_cast<const std::uint8_t *>(s.data()), s.size());
  const std::uint8_t *data = nullptr;
  std::size_t size = 0;
  while (framer.next(data, size) == cadre::codec::StreamFramer::Next::kRecord) {
    f(reinterpret_cast<const char *>(data), static_cast<int>(size));
  }
}

// The province's cadres as domain types, decoded once (for the in-memory benchmarks).
const std::vector<cadre::Cadre> &decoded_province(int size) {
  static std::map<int, std::vector<cadre::Cadre>> cache;
  auto it = cache.find(size);
  if (it == cache.end()) {
    std::vector<cadre::Cadre> cadres;
    pb::RosterRecord r;
    for_each_record(province(size), [&](const char *p, int n) {
      r.ParseFromArray(p, n);
      cadre::Cadre c;
      if (r.has_cadre() && cadre::codec::decode(r.cadre(), "c", std::nullopt, c).ok()) {
        cadres.push_back(std::move(c));
      }
    });
    it = cache.emplace(size, std::move(cadres)).first;
  }
  return it->second;
}

// The floor: protobuf parsing alone, as cheap as we know how to make it (an
// arena reset every few MiB, as the streamed screening does).
void ParseOnly(benchmark::State &state) {
  const std::string &s = province(static_cast<int>(state.range(0)));
  std::int64_t cadres = 0;
  for (auto _ : state) {
    google::protobuf::Arena arena;
    std::size_t used = 0;
    for_each_record(s, [&](const char *p, int n) {
      if (used > (2U << 20U)) {
        arena.Reset();
        used = 0;
      }
      used += static_cast<std::size_t>(n);
      auto *r = google::protobuf::Arena::CreateMessage<pb::RosterRecord>(&arena);
      r->ParseFromArray(p, n);
      cadres += r->has_cadre() ? 1 : 0;
    });
  }
  state.SetItemsProcessed(cadres);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(s.size()));
}

void StreamScreen(benchmark::State &state, bool fast_path) {
  const std::string &s = province(static_cast<int>(state.range(0)));
  const cadre::Engine &engine = cadre::service::builtin_engine();
  const cadre::Date as_of = *cadre::Date::parse("2025-06-30");
  std::int64_t cadres = 0;
  std::int64_t findings = 0;
  for (auto _ : state) {
    cadre::service::StreamScreener screener(engine, as_of);
    screener.set_fast_path(fast_path);
    constexpr std::size_t kChunk = 1U << 20U;
    for (std::size_t pos = 0; pos < s.size(); pos += kChunk) {
      pb::ScreenResponse r;
      if (!screener
               .push(reinterpret_cast<const std::uint8_t *>(s.data()) + pos,
                     std::min(kChunk, s.size() - pos), r)
               .ok()) {
        state.SkipWithError("push failed");
        return;
      }
      findings += r.findings_size();
    }
    pb::ScreenResponse end;
    (void)screener.finish(end);
    cadres += static_cast<std::int64_t>(screener.cadres());
  }
  state.SetItemsProcessed(cadres);
  state.counters["findings_per_run"] =
      benchmark::Counter(static_cast<double>(findings) / static_cast<double>(state.iterations()));
}

void EngineOnly(benchmark::State &state) {
  const std::vector<cadre::Cadre> &cadres = decoded_province(static_cast<int>(state.range(0)));
  const cadre::Engine &engine = cadre::service::builtin_engine();
  const cadre::Date as_of = *cadre::Date::parse("2025-06-30");
  std::vector<cadre::Finding> out;
  for (auto _ : state) {
    for (const cadre::Cadre &c : cadres) {
      out.clear();
      engine.screen(c, as_of, "c", out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cadres.size()));
}

// Eligibility for promotion one level up, for every cadre of the province,
// on domain types already in memory (every blocker with its explanation).
void EligibilityOnly(benchmark::State &state) {
  const std::vector<cadre::Cadre> &cadres = decoded_province(static_cast<int>(state.range(0)));
  const cadre::Engine engine;
  const cadre::Date as_of = *cadre::Date::parse("2025-06-30");
  std::int64_t eligible = 0;
  for (auto _ : state) {
    for (const cadre::Cadre &c : cadres) {
      const auto a = cadre::eligibility(c, cadre::EligibilityTarget::kHigherLevel,
                                        cadre::RankLevel::kUnspecified, as_of, engine);
      eligible += a.eligible ? 1 : 0;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cadres.size()));
  state.counters["eligible_share"] = benchmark::Counter(
      static_cast<double>(eligible) /
      static_cast<double>(state.iterations() * static_cast<std::int64_t>(cadres.size())));
}

BENCHMARK(ParseOnly)->Arg(50000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(StreamScreen, fast, true)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(StreamScreen, protobuf, false)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(EngineOnly)->Arg(50000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(EligibilityOnly)->Arg(50000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
