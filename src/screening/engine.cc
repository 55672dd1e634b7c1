// The screening engine: picks the catalogue in force for each cadre and
// applies its rules through the predicates registered by kind.
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "cadre/screening.hpp"
#include "screening/predicates.hpp"

namespace cadre {
inline namespace api_v1 {

/** Rules compiled from the catalogues: the rule chain of each catalogue. */
struct Engine::Compiled {
  EngineConfig config;
  detail::CompiledRule fallback;  ///< the built-in retirement rule
  struct Entry {
    detail::CompiledRule rule;
    detail::Predicate predicate = nullptr;
  };
  std::map<const Catalogue *, std::vector<Entry>> chains;
};

namespace {

std::shared_ptr<const Engine::Compiled> build(EngineConfig config) {
  auto c = std::make_shared<Engine::Compiled>();
  c->config = std::move(config);
  c->fallback.retirement = c->config.retirement;
  for (const Catalogue &cat : c->config.catalogues.catalogues()) {
    const CatalogueRef ref{cat.id, cat.version, content_hash(cat)};
    std::vector<Engine::Compiled::Entry> entries;
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
    for (const Rule *r : chain) {
      Engine::Compiled::Entry e;
      e.predicate = detail::predicate_for(r->kind);
      if (e.predicate == nullptr) {
        continue;  // a kind not evaluated in screening (e.g. impact periods)
      }
      const Catalogue *owner = nullptr;
      for (const Catalogue *b : cats) {
        if (!b->rules.empty() && r >= b->rules.data() && r < b->rules.data() + b->rules.size()) {
          owner = b;
        }
      }
      if (auto st = detail::compile(*r, e.rule); !st.ok()) {
        throw std::invalid_argument(st.to_string());
      }
      e.rule.catalogue = owner == &cat || owner == nullptr
                             ? ref
                             : CatalogueRef{owner->id, owner->version, content_hash(*owner)};
      entries.push_back(std::move(e));
    }
    c->chains.emplace(&cat, std::move(entries));
  }
  return c;
}

// The region that decides the catalogue: the current post's, else none.
std::string_view region_of(const Cadre &c, long post) noexcept {
  return post >= 0 ? std::string_view(c.posts[static_cast<std::size_t>(post)].region_code)
                   : std::string_view();
}

}  // namespace

Engine::Engine() : compiled_(build(EngineConfig{})) {}

Engine::Engine(EngineConfig config) : compiled_(build(std::move(config))) {}

Engine::~Engine() = default;

const EngineConfig &Engine::config() const noexcept { return compiled_->config; }

const Catalogue *Engine::catalogue_for(const Cadre &cadre, Date as_of) const noexcept {
  if (compiled_->config.catalogues.catalogues().empty()) {
    return nullptr;
  }
  const long post = detail::highest_rank_post(cadre, as_of);
  return compiled_->config.catalogues.select(region_of(cadre, post), as_of);
}

void Engine::screen(const Cadre &cadre, Date as_of, std::string_view path,
                    std::vector<Finding> &out) const {
  const std::size_t first = out.size();
  const long post = detail::highest_rank_post(cadre, as_of);
  if (post < 0) {
    return;  // holds no post on the as-of date: nothing to go down from
  }
  detail::ScreenContext ctx{cadre, as_of, path, post, {}, 0};
  detail::prepare(ctx);
  const Catalogue *cat = compiled_->config.catalogues.catalogues().empty()
                             ? nullptr
                             : compiled_->config.catalogues.select(region_of(cadre, post), as_of);
  if (cat == nullptr) {
    if (compiled_->config.catalogues.catalogues().empty()) {
      detail::screen_retirement(compiled_->fallback, ctx, out);
    }
    return;  // no catalogue in force for this region and day
  }
  const auto it = compiled_->chains.find(cat);
  if (it == compiled_->chains.end()) {
    return;
  }
  for (const Compiled::Entry &e : it->second) {
    if (e.rule.own_dates && !e.rule.rule->in_force(as_of)) {
      continue;
    }
    e.predicate(e.rule, ctx, out);
  }
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const Finding &a, const Finding &b) {
                     if (a.channel != b.channel) {
                       return a.channel < b.channel;
                     }
                     return a.rule_id < b.rule_id;
                   });
}

void ScreenSummary::add(const Cadre &cadre, Date as_of,
                        const std::vector<Finding> &findings) noexcept {
  ++cadres_screened;
  bool any = false;
  std::array<bool, 8> channels{};
  for (const Finding &f : findings) {
    any = true;
    const auto ch = static_cast<std::size_t>(f.channel);
    if (ch < channels.size()) {
      channels[ch] = true;
    }
  }
  if (!any) {
    return;
  }
  ++cadres_down;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    by_channel[i] += channels[i] ? 1 : 0;
  }
  accountability += channels[static_cast<std::size_t>(Channel::kAccountability)] ? 1 : 0;
  unsuitable += channels[static_cast<std::size_t>(Channel::kUnsuitable)] ? 1 : 0;
  const long post = detail::highest_rank_post(cadre, as_of);
  const RankLevel level =
      post >= 0 ? cadre.posts[static_cast<std::size_t>(post)].rank_level : RankLevel::kUnspecified;
  const auto n = static_cast<std::size_t>(level);
  by_rank_level[n < by_rank_level.size() ? n : 0] += 1;
  bureau_level_or_above += at_or_above_bureau(level) ? 1 : 0;
}

void ScreenSummary::merge(const ScreenSummary &o) noexcept {
  cadres_screened += o.cadres_screened;
  records_rejected += o.records_rejected;
  cadres_down += o.cadres_down;
  accountability += o.accountability;
  unsuitable += o.unsuitable;
  bureau_level_or_above += o.bureau_level_or_above;
  for (std::size_t i = 0; i < by_channel.size(); ++i) {
    by_channel[i] += o.by_channel[i];
  }
  for (std::size_t i = 0; i < by_rank_level.size(); ++i) {
    by_rank_level[i] += o.by_rank_level[i];
  }
}

}  // namespace api_v1
}  // namespace cadre
