// Benchmarks of the statistics (issue 12 §1): the annual bulletin of a province
// in the stream form, one record at a time, as `cadre report annual` reads it.
// Not a test: run
//   build/release/bench/cadre_statistics_bench --benchmark_counters_tabular=true
// A 1,000,000-cadre province is read from a file, never held: write it with
//   build/release/tools/cadre/cadre generate --cadres 1000000 /tmp/province-1m.cadres
// and run with CADRE_BENCH_ROSTER=/tmp/province-1m.cadres.
//
//   AnnualBulletin/N    a generated province of N cadres (held in memory as bytes)
//   AnnualBulletinFile  the stream form of $CADRE_BENCH_ROSTER, read from the file
//
// Each reports cadres per second ("items_per_second") and the peak resident
// memory of the process ("peak_rss_mib", getrusage): the counters of the units
// and regions, never the cadres, so it does not grow with the file.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <istream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "cadre/v1/statistics_service.pb.h"
#include "codec/stream.hpp"
#include "generator/province.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

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

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: KiB
}

// The annual bulletin of 2024 over the stream form read from @p in; returns the cadres read.
std::int64_t bulletin(std::istream &in) {
  const svc::Operation &op = *svc::find_operation("annual_bulletin");
  const std::unique_ptr<svc::RecordRun> run = op.run(svc::builtin_engine());
  pb::AnnualBulletinRequest head;
  head.set_year(2024);
  pb::AnnualBulletinResponse response;
  if (!run->begin(head, response).ok()) {
    std::abort();
  }
  const auto *roster = pb::Roster::descriptor();
  cadre::codec::StreamReader reader(in);
  pb::RosterRecord record;
  std::int64_t cadres = 0;
  int regions = 0;
  int units = 0;
  while (reader.next(record)) {
    if (record.has_region()) {
      run->list_record(*roster->FindFieldByName("regions"), regions++, record.region(), {},
                       response);
    } else if (record.has_unit()) {
      run->list_record(*roster->FindFieldByName("units"), units++, record.unit(), {}, response);
    } else if (record.has_cadre()) {
      run->record(record.cadre(), cadres++, response);
    }
  }
  if (!reader.at_end() || !run->end(response, [] { return cadre::Status{}; }).ok()) {
    std::abort();
  }
  benchmark::DoNotOptimize(response.total().adjusted().adjusted_down());
  return cadres;
}

void AnnualBulletin(benchmark::State &state) {
  const std::string &s = province(static_cast<int>(state.range(0)));
  std::int64_t cadres = 0;
  for (auto _ : state) {
    std::istringstream in(s);
    cadres += bulletin(in);
  }
  state.SetItemsProcessed(cadres);
  state.counters["peak_rss_mib"] = peak_rss_mib();
}
BENCHMARK(AnnualBulletin)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void AnnualBulletinFile(benchmark::State &state) {
  const char *path = std::getenv("CADRE_BENCH_ROSTER");
  if (path == nullptr) {
    state.SkipWithError("set CADRE_BENCH_ROSTER to a roster in the stream form (.cadres)");
    return;
  }
  std::int64_t cadres = 0;
  for (auto _ : state) {
    std::ifstream in(path, std::ios::binary);
    cadres += bulletin(in);
  }
  state.SetItemsProcessed(cadres);
  state.counters["peak_rss_mib"] = peak_rss_mib();
}
BENCHMARK(AnnualBulletinFile)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
