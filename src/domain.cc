#include "cadre/domain.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

// Lower is higher-ranking; unknown and unspecified levels rank last.
int rank_order(RankLevel level) noexcept {
  const auto n = static_cast<int>(level);
  return n >= 1 && n <= 8 ? n : 100;
}

}  // namespace

std::optional<std::size_t> Cadre::current_post(Date day) const noexcept {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const Post &p = posts[i];
    if (!p.held_on(day)) {
      continue;
    }
    if (!best) {
      best = i;
      continue;
    }
    const Post &b = posts[*best];
    const bool p_lead = p.kind == PostKind::kLeadership;
    const bool b_lead = b.kind == PostKind::kLeadership;
    if ((p_lead && !b_lead) ||
        (p_lead == b_lead && rank_order(p.rank_level) < rank_order(b.rank_level))) {
      best = i;
    }
  }
  return best;
}

}  // namespace api_v1
}  // namespace cadre
