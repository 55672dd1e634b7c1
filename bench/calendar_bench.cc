// The working-day calendar: reading the shipped text, one day, and deadlines
// over short and long ranges (Google Benchmark). See BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include "cadre/calendar.hpp"

namespace {

const cadre::WorkCalendar &calendar() {
  static const cadre::WorkCalendar kCalendar = cadre::WorkCalendar::builtin();
  return kCalendar;
}

// Parsing and indexing the shipped calendar (2014-2026), as at start-up.
void BM_CalendarLoadBuiltin(benchmark::State &state) {
  for (auto _ : state) {
    cadre::WorkCalendar c;
    auto st = c.add_text(cadre::builtin_calendar_text(), "cn");
    benchmark::DoNotOptimize(st);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(cadre::builtin_calendar_text().size()));
}
BENCHMARK(BM_CalendarLoadBuiltin);

void BM_CalendarDay(benchmark::State &state) {
  const cadre::Date day = *cadre::Date::parse("2025-01-26");
  for (auto _ : state) {
    auto info = calendar().day(day);
    benchmark::DoNotOptimize(info);
  }
}
BENCHMARK(BM_CalendarDay);

// N working days after 2014-01-02: 15 (a 函询 reply), 250 (a year), 3000 (about twelve years,
// the whole shipped range).
void BM_CalendarAddWorkingDays(benchmark::State &state) {
  const cadre::Date from = *cadre::Date::parse("2014-01-02");
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto a = calendar().add_working_days(from, n);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_CalendarAddWorkingDays)->Arg(15)->Arg(250)->Arg(3000);

void BM_CalendarCountWorkingDaysWholeRange(benchmark::State &state) {
  const cadre::Date from = *cadre::Date::parse("2014-01-01");
  const cadre::Date to = *cadre::Date::parse("2026-12-31");
  for (auto _ : state) {
    auto a = calendar().count_working_days(from, to);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * (to.serial() - from.serial()));
}
BENCHMARK(BM_CalendarCountWorkingDaysWholeRange);

}  // namespace

BENCHMARK_MAIN();
