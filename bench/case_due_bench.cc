// `cadre case due --overdue` over a store of 100,000 open cases (issue 10 §6: ≤ 1 s): the
// operation case_due of the table, as the CLI and the C ABI run it, on a store of real cases
// built through the library: half 问责 cases (opened from a finding; started, some
// investigated), half 诫勉 follow-ups (opened from the record; some with the self-examination
// in), opened on days spread over 2024-2025, so that some are overdue on the day asked.
//
//   build/release/bench/cadre_case_due_bench
//   CADRE_BENCH_CASES=10000 build/release/bench/cadre_case_due_bench   # a quick smoke run
//
// The store is built once into CADRE_BENCH_DIR (default bench-data/ in the working directory)
// and reused. Counters: cases per second, and the cases listed overdue.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cadre/case.hpp"
#include "cadre/sqlite_store.hpp"
#include "cadre/v1/case_service.pb.h"
#include "service/operation.hpp"
#include "service/service.hpp"

namespace {

using cadre::Date;
using cadre::Status;

std::uint64_t case_count() {
  const char *n = std::getenv("CADRE_BENCH_CASES");
  return n != nullptr ? std::strtoull(n, nullptr, 10) : 100000U;
}

std::filesystem::path store_path(std::uint64_t cases) {
  const char *dir = std::getenv("CADRE_BENCH_DIR");
  std::filesystem::path out = dir != nullptr ? dir : "bench-data";
  std::filesystem::create_directories(out);
  return out / ("due-" + std::to_string(cases) + ".db");
}

cadre::SuppliedFact date_fact(const char *key, Date d) {
  cadre::SuppliedFact f;
  f.key = key;
  f.type = cadre::FactType::kDate;
  f.date = d;
  return f;
}

cadre::SuppliedFact fact(const char *key, cadre::FactType type) {
  cadre::SuppliedFact f;
  f.key = key;
  f.type = type;
  f.yes = true;
  f.text = "art7-3";
  return f;
}

cadre::CaseEvent step(const char *stage, const char *outcome, Date day, cadre::ActorRole role,
                      cadre::AuthorityKind body, cadre::AuthorityLevel level) {
  cadre::CaseEvent e;
  e.stage = stage;
  e.outcome = outcome;
  e.day = day;
  e.actor.role = role;
  e.actor.body = body;
  e.actor.level = level;
  return e;
}

// Case i: its opening and its steps, logged in @p store.
Status add_case(cadre::CaseStore &store, const cadre::EngineConfig &config, std::uint64_t i) {
  using cadre::ActorRole;
  using cadre::AuthorityKind;
  using cadre::AuthorityLevel;
  using cadre::FactType;
  const Date day = Date::from_ymd(2024, 1, 2).value().add_days(static_cast<int>(i % 600));
  const std::string cadre_id = "c" + std::to_string(i);
  std::optional<cadre::Case> k;
  if (i % 2 == 0) {
    cadre::Finding f;
    f.cadre_id = cadre_id;
    f.rule_id = "cn-2022.accountability.adjustment";
    f.channel = cadre::Channel::kAccountability;
    f.effective_date = day;
    auto c = cadre::open_case(config.procedures, f, "wz-" + std::to_string(i), "CN", day,
                              config.calendar);
    if (!c.ok()) {
      return c.status();
    }
    k.emplace(std::move(c).value());
    cadre::CaseEvent start = step("start", "started", day, ActorRole::kPrincipalLeader,
                                  AuthorityKind::kPartyCommittee, AuthorityLevel::kManaging);
    start.facts = {fact("problem", FactType::kText), date_fact("approved_on", day),
                   fact("approved", FactType::kBool)};
    if (auto r = k->record(start, config.calendar)) {
      return {cadre::StatusCode::kInternal, "start refused: " + r->message.en};
    }
    if (i % 4 == 0) {
      cadre::CaseEvent inv =
          step("investigation", "reported", day.add_days(10), ActorRole::kCaseGroup,
               AuthorityKind::kDisciplineCommission, AuthorityLevel::kManaging);
      inv.facts = {fact("statement_heard", FactType::kBool),
                   date_fact("reported_on", day.add_days(10))};
      inv.documents = {"investigation_report"};
      if (auto r = k->record(inv, config.calendar)) {
        return {cadre::StatusCode::kInternal, "investigation refused: " + r->message.en};
      }
    }
  } else {
    cadre::EarlyWarning w;
    w.id = "w" + std::to_string(i);
    w.kind = cadre::EarlyWarningKind::kAdmonishment;
    w.issued_on = day;
    auto c = cadre::open_case(config.procedures, cadre_id, w, "jm-" + std::to_string(i), "CN",
                              config.calendar);
    if (!c.ok()) {
      return c.status();
    }
    k.emplace(std::move(c).value());
    if (i % 4 == 1) {
      cadre::CaseEvent self =
          step("self_examination", "submitted", day.add_days(3), ActorRole::kTheCadre,
               AuthorityKind::kUnspecified, AuthorityLevel::kNone);
      self.facts = {date_fact("submitted_on", day.add_days(3))};
      self.documents = {"self_examination"};
      if (auto r = k->record(self, config.calendar)) {
        return {cadre::StatusCode::kInternal, "self-examination refused: " + r->message.en};
      }
    }
  }
  if (auto st = store.create_case(k->header()); !st.ok()) {
    return st;
  }
  cadre::Digest head{};
  for (const cadre::LoggedEvent &e : k->events()) {
    if (auto st = store.append(k->header().id, head, e); !st.ok()) {
      return st;
    }
    head = e.link;
  }
  return {};
}

std::unique_ptr<cadre::CaseStore> prepared_store(benchmark::State &state) {
  const std::uint64_t cases = case_count();
  const std::filesystem::path path = store_path(cases);
  const bool exists = std::filesystem::exists(path);
  cadre::SqliteStoreOptions options;
  options.durability = cadre::SqliteStoreOptions::Durability::kProcess;
  auto store = cadre::open_sqlite_store(path.string(), options);
  if (!store.ok()) {
    state.SkipWithError(store.status().to_string().c_str());
    return nullptr;
  }
  std::unique_ptr<cadre::CaseStore> s = std::move(store).value();
  if (!exists) {
    const cadre::EngineConfig &config = cadre::service::builtin_engine().config();
    for (std::uint64_t first = 0; first < cases; first += 1000) {
      const Status st = s->atomically([&]() -> Status {
        for (std::uint64_t i = first; i < first + 1000 && i < cases; ++i) {
          if (auto e = add_case(*s, config, i); !e.ok()) {
            return e;
          }
        }
        return {};
      });
      if (!st.ok()) {
        std::filesystem::remove(path);
        state.SkipWithError(st.to_string().c_str());
        return nullptr;
      }
    }
  }
  return s;
}

void BM_CaseDueOverdue(benchmark::State &state) {
  std::unique_ptr<cadre::CaseStore> store = prepared_store(state);
  if (!store) {
    return;
  }
  const cadre::service::Operation *op = cadre::service::find_operation("case_due");
  cadre::v1::CaseDueRequest request;
  request.set_as_of("2025-09-30");
  request.set_overdue_only(state.range(0) != 0);
  cadre::v1::CaseDueResponse response;
  for (auto _ : state) {
    const Status st =
        cadre::service::call(*op, cadre::service::builtin_engine(), request, response, store.get());
    if (!st.ok()) {
      state.SkipWithError(st.to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(response);
  }
  state.counters["cases"] = response.cases();
  state.counters["overdue"] = response.overdue();
  state.counters["listed"] = response.due_size();
  state.counters["problems"] = response.problems_size();
  state.counters["cases_per_s"] = benchmark::Counter(
      static_cast<double>(response.cases()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CaseDueOverdue)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
