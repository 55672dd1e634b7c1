// The screening engine: picks the catalogue in force for each cadre and
// applies its rules through the predicates registered by kind.
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <stdexcept>
#include <string>

#include "cadre/screening.hpp"
#include "screening/compiled.hpp"
#include "screening/predicates.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

std::atomic<std::uint64_t> next_engine_id{1};

std::shared_ptr<const Engine::Compiled> build(EngineConfig config) {
  auto c = std::make_shared<Engine::Compiled>();
  c->id = next_engine_id.fetch_add(1, std::memory_order_relaxed);
  c->config = std::move(config);
  c->fallback.retirement = c->config.retirement;
  // Each catalogue's reference (its hash: SHA-256 of its canonical text) is
  // computed once, however many rules and chains share the catalogue.
  std::map<const Catalogue *, CatalogueRef> refs;
  const auto ref_of = [&refs](const Catalogue &cat) -> const CatalogueRef & {
    auto it = refs.find(&cat);
    if (it == refs.end()) {
      it = refs.emplace(&cat, CatalogueRef{cat.id, cat.version, content_hash(cat)}).first;
    }
    return it->second;
  };
  for (const Catalogue &cat : c->config.catalogues.catalogues()) {
    const CatalogueRef &ref = ref_of(cat);
    std::vector<Engine::Compiled::Step> steps;
    std::vector<const Rule *> chain;
    // The chain, most specific catalogue last; rules replaced or switched off
    // by a more specific catalogue are left out. Dates are checked per screening.
    std::vector<std::string> replaced;
    std::vector<const Catalogue *> cats;
    for (const Catalogue *b = &cat; b != nullptr && cats.size() < 16;
         b = b->base.empty() ? nullptr : c->config.catalogues.find(b->base)) {
      cats.push_back(b);
    }
    for (const Catalogue *b : cats) {
      std::vector<const Rule *> mine;
      for (const Rule &r : b->rules) {
        if (std::find(replaced.begin(), replaced.end(), r.id) != replaced.end()) {
          continue;
        }
        if (!r.overrides.empty()) {
          replaced.push_back(r.overrides);
        }
        if (!r.disabled) {
          mine.push_back(&r);
        }
      }
      chain.insert(chain.begin(), mine.begin(), mine.end());
    }
    detail::UpRules &up = c->up[&cat];
    up.catalogue = &cat;
    up.ref = ref;
    for (const Rule *r : chain) {
      const Catalogue *owner = nullptr;
      for (const Catalogue *b : cats) {
        if (!b->rules.empty() && r >= b->rules.data() && r < b->rules.data() + b->rules.size()) {
          owner = b;
        }
      }
      if (!detail::is_up_kind(r->kind)) {
        continue;
      }
      detail::UpRule &u = up.rules.emplace_back();
      if (auto st = detail::compile_up(*r, u); !st.ok()) {
        throw std::invalid_argument(st.to_string());
      }
      u.catalogue = owner == &cat || owner == nullptr ? ref : ref_of(*owner);
      u.from = r->effective_from ? r->effective_from
                                 : (owner != nullptr ? owner->effective_from : std::nullopt);
      u.to = r->effective_to ? r->effective_to
                             : (owner != nullptr ? owner->effective_to : std::nullopt);
    }
    for (const Rule *r : chain) {
      Engine::Compiled::Step step;
      step.predicate = detail::predicate_for(r->kind);
      if (step.predicate == nullptr) {
        continue;  // a kind not evaluated in screening (e.g. impact periods)
      }
      step.reads = detail::reads_of(r->kind);
      const Catalogue *owner = nullptr;
      for (const Catalogue *b : cats) {
        if (!b->rules.empty() && r >= b->rules.data() && r < b->rules.data() + b->rules.size()) {
          owner = b;
        }
      }
      detail::CompiledRule &compiled = c->rules.emplace_back();
      if (auto st = detail::compile(*r, compiled); !st.ok()) {
        throw std::invalid_argument(st.to_string());
      }
      compiled.catalogue = owner == &cat || owner == nullptr ? ref : ref_of(*owner);
      step.rule = &compiled;
      step.dated = compiled.own_dates ? r : nullptr;
      steps.push_back(step);
    }
    c->chains.emplace(&cat, std::move(steps));
  }
  return c;
}

// The region that decides the catalogue: the current post's, else none.
std::string_view region_of(const Cadre &c, long post) noexcept {
  return post >= 0 ? std::string_view(c.posts[static_cast<std::size_t>(post)].region_code)
                   : std::string_view();
}

using Chain = std::vector<Engine::Compiled::Step>;

// The rule chain in force for a region on a day; nullptr when no catalogue is.
// Selecting the catalogue compares jurisdiction strings and dates for every
// catalogue and every level of the region: a sizeable part of screening a
// cadre who has no record for the rules to go through. It depends only on the
// engine, the region and the day, and a roster comes mostly in runs of cadres
// of the same region on the same as-of date, so each thread remembers its last
// choice (thread_local: screen() is const and may run on many threads at once).
const Chain *chain_for(const Engine::Compiled &compiled, std::string_view region, Date as_of,
                       const Catalogue *&selected) {
  struct Last {
    std::uint64_t engine = 0;  // 0: nothing remembered yet
    Date as_of;
    std::array<char, 16> region{};
    std::size_t region_size = 0;
    const Chain *chain = nullptr;
    const Catalogue *catalogue = nullptr;
  };
  thread_local Last last;
  const bool cacheable = region.size() <= last.region.size();
  if (cacheable && last.engine == compiled.id && last.as_of == as_of &&
      std::string_view(last.region.data(), last.region_size) == region) {
    selected = last.catalogue;
    return last.chain;
  }
  const Catalogue *cat = compiled.config.catalogues.select(region, as_of);
  const auto it = cat == nullptr ? compiled.chains.end() : compiled.chains.find(cat);
  const Chain *chain = it == compiled.chains.end() ? nullptr : &it->second;
  selected = cat;
  if (cacheable) {
    last.engine = compiled.id;
    last.as_of = as_of;
    std::copy(region.begin(), region.end(), last.region.begin());
    last.region_size = region.size();
    last.chain = chain;
    last.catalogue = cat;
  }
  return chain;
}

// Asks the memory for the cache lines from field `first` to field `last` of
// one record, in one go.
template <typename First, typename Last>
[[gnu::always_inline]] inline void prefetch_fields(const First &first, const Last &last) noexcept {
  constexpr std::ptrdiff_t kCacheLine = 64;
  const auto *from = reinterpret_cast<const char *>(&first);
  const auto *to = reinterpret_cast<const char *>(&last) + sizeof(Last) - 1;
  for (std::ptrdiff_t offset = 0; offset < to - from; offset += kCacheLine) {
    __builtin_prefetch(from + offset);
  }
  __builtin_prefetch(to);
}

// Asks the memory for the records the rules read, before reading any. Each
// record list of a cadre is a heap block of its own, and over a roster they
// are rarely in cache: read one after the other, every block costs a full
// memory round trip; asked for together, the waits overlap. Always inlined:
// GCC takes a function that only prefetches for one without effect and drops
// the calls to it.
[[gnu::always_inline]] inline void prefetch_records(const Cadre &c) noexcept {
  for (const Post &p : c.posts) {
    prefetch_fields(p.rank_level, p.terms);  // level, dates, region, leadership flag, terms
  }
  for (const AnnualAssessment &a : c.assessments) {
    prefetch_fields(a.year, a.grade);
    prefetch_fields(a.evaluation, a.evaluation);
    prefetch_fields(a.decided_on, a.decided_on);
  }
  const auto first_line = [](const auto &records) {
    if (!records.empty()) {
      __builtin_prefetch(records.data());
    }
  };
  first_line(c.incidents);
  first_line(c.accountability_decisions);
  first_line(c.party_sanctions);
  first_line(c.government_sanctions);
  first_line(c.early_warnings);
  first_line(c.exemption_claims);
  first_line(c.adjustments);
  first_line(c.health_spells);
  first_line(c.study_leaves);
  first_line(c.resignation_requests);
  first_line(c.family_situations);
  first_line(c.assignment_refusals);
}

}  // namespace

Engine::Engine() : compiled_(build(EngineConfig{})) {}

Engine::Engine(EngineConfig config) : compiled_(build(std::move(config))) {}

Engine::~Engine() = default;

const EngineConfig &Engine::config() const noexcept { return compiled_->config; }

const Engine::Compiled &Engine::compiled() const noexcept { return *compiled_; }

const Catalogue *Engine::catalogue_for(const Cadre &cadre, Date as_of) const noexcept {
  if (compiled_->config.catalogues.catalogues().empty()) {
    return nullptr;
  }
  const long post = detail::highest_rank_post(cadre, as_of);
  return compiled_->config.catalogues.select(region_of(cadre, post), as_of);
}

void Engine::screen(const Cadre &cadre, Date as_of, std::string_view path,
                    std::vector<Finding> &out) const {
  detail::Recycler pool;  // empty: every finding is a new one
  detail::screen(*this, cadre, as_of, path, out, pool);
}

}  // namespace api_v1
}  // namespace cadre

namespace cadre::detail {

void screen(const Engine &engine, const Cadre &cadre, Date as_of, std::string_view path,
            std::vector<Finding> &out, Recycler &pool) {
  const Engine::Compiled *compiled_ = &engine.compiled();
  const std::size_t first = out.size();
  api_v1::prefetch_records(cadre);
  const long post = detail::highest_rank_post(cadre, as_of);
  if (post < 0) {
    return;  // holds no post on the as-of date: nothing to go down from
  }
  detail::ScreenContext ctx{cadre, as_of, path, post, {}, 0, nullptr, nullptr, &pool};
  detail::prepare(ctx);
  if (compiled_->config.catalogues.catalogues().empty()) {
    detail::screen_retirement(compiled_->fallback, ctx, out);
    return;
  }
  const Catalogue *selected = nullptr;
  const api_v1::Chain *chain =
      api_v1::chain_for(*compiled_, api_v1::region_of(cadre, post), as_of, selected);
  if (chain == nullptr) {
    return;  // no catalogue in force for this region and day
  }
  if (const auto it = compiled_->up.find(selected); it != compiled_->up.end()) {
    ctx.up = &it->second;
  }
  ctx.set = &compiled_->config.catalogues;
  // Computed once for the cadre, so that a rule about records the cadre has
  // none of costs one test and no call.
  const detail::Records present = detail::records_present(ctx);
  for (const Engine::Compiled::Step &step : *chain) {
    if ((step.reads & present) == 0 || (step.dated != nullptr && !step.dated->in_force(as_of))) {
      continue;
    }
    step.predicate(*step.rule, ctx, out);
  }
  // Stable, by channel then rule id; an insertion sort of the few findings of
  // a cadre moves them without the buffer std::stable_sort asks the heap for.
  const auto before = [](const Finding &a, const Finding &b) {
    if (a.channel != b.channel) {
      return a.channel < b.channel;
    }
    return a.rule_id < b.rule_id;
  };
  for (std::size_t i = first + 1; i < out.size(); ++i) {
    for (std::size_t j = i; j > first && before(out[j], out[j - 1]); --j) {
      std::swap(out[j], out[j - 1]);
    }
  }
}

}  // namespace cadre::detail

namespace cadre {
inline namespace api_v1 {

namespace {

// Adds @p n cadres under @p key of a count list kept in the order of the keys.
template <typename E>
void count(std::vector<std::pair<E, int>> &counts, E key, int n) {
  const auto it = std::lower_bound(counts.begin(), counts.end(), key,
                                   [](const auto &c, E k) { return c.first < k; });
  if (it != counts.end() && it->first == key) {
    it->second += n;
  } else {
    counts.emplace(it, key, n);
  }
}

template <typename E>
int lookup(const std::vector<std::pair<E, int>> &counts, E key) noexcept {
  const auto it = std::lower_bound(counts.begin(), counts.end(), key,
                                   [](const auto &c, E k) { return c.first < k; });
  return it != counts.end() && it->first == key ? it->second : 0;
}

}  // namespace

int ScreenSummary::cadres(Channel channel) const noexcept { return lookup(by_channel, channel); }

int ScreenSummary::cadres(RankLevel level) const noexcept { return lookup(by_rank_level, level); }

void ScreenSummary::add(const Cadre &cadre, Date as_of, const std::vector<Finding> &findings) {
  ++cadres_screened;
  // Only active findings count: a precondition not met, a delay or an
  // exemption does not make a cadre one "to go down".
  const auto counted = [](const Finding &f) { return f.status == FindingStatus::kActive; };
  if (std::none_of(findings.begin(), findings.end(), counted)) {
    return;
  }
  ++cadres_down;
  // Each channel of the cadre once, whatever the order of the findings.
  bool accountable = false;
  bool unsuited = false;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!counted(findings[i])) {
      continue;
    }
    const Channel ch = findings[i].channel;
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) {
      seen = counted(findings[j]) && findings[j].channel == ch;
    }
    if (seen) {
      continue;
    }
    count(by_channel, ch, 1);
    accountable = accountable || ch == Channel::kAccountability;
    unsuited = unsuited || ch == Channel::kUnsuitable;
  }
  accountability += accountable ? 1 : 0;
  unsuitable += unsuited ? 1 : 0;
  const long post = detail::highest_rank_post(cadre, as_of);
  const RankLevel level =
      post >= 0 ? cadre.posts[static_cast<std::size_t>(post)].rank_level : RankLevel::kUnspecified;
  count(by_rank_level, level, 1);
  bureau_level_or_above += at_or_above_bureau(level) ? 1 : 0;
}

void ScreenSummary::merge(const ScreenSummary &o) {
  cadres_screened += o.cadres_screened;
  records_rejected += o.records_rejected;
  cadres_down += o.cadres_down;
  accountability += o.accountability;
  unsuitable += o.unsuitable;
  bureau_level_or_above += o.bureau_level_or_above;
  followup_plans_open += o.followup_plans_open;
  followup_talks_overdue += o.followup_talks_overdue;
  reappointed_this_year += o.reappointed_this_year;
  for (const auto &[channel, n] : o.by_channel) {
    count(by_channel, channel, n);
  }
  for (const auto &[level, n] : o.by_rank_level) {
    count(by_rank_level, level, n);
  }
}

}  // namespace api_v1
}  // namespace cadre

namespace cadre::detail {

Status check_rules(const Catalogue &catalogue) {
  for (const Rule &r : catalogue.rules) {
    if (is_up_kind(r.kind)) {
      UpRule u;
      if (auto st = compile_up(r, u); !st.ok()) {
        return st;
      }
    } else if (predicate_for(r.kind) != nullptr) {
      CompiledRule c;
      if (auto st = compile(r, c); !st.ok()) {
        return st;
      }
    }
  }
  return {};
}

}  // namespace cadre::detail
