// Operation: what happens to a cadre in the months ahead.
#include <algorithm>
#include <string>
#include <vector>

#include "cadre/eligibility.hpp"
#include "up/common.hpp"

namespace cadre {
inline namespace api_v1 {

std::vector<ForwardWarning> forward_warnings(const Cadre &cadre_in, Date as_of, int horizon_months,
                                             const Engine &engine) {
  std::vector<ForwardWarning> out;
  const Date end = as_of.add_months(std::max(horizon_months, 0));
  // Only what is known on the as-of date is projected forward.
  const Cadre cadre = detail::known_on(cadre_in, as_of);
  // The down rules: screen at the end of the window; a finding that became true within it is
  // coming.
  for (const Finding &found : engine.screen(cadre, end)) {
    if (found.effective_date < as_of || end < found.effective_date ||
        found.status != FindingStatus::kActive) {
      continue;
    }
    // The explanation as of the day itself (ages and spans on that day, not at the window's end).
    Finding f = found;
    for (Finding &g : engine.screen(cadre, found.effective_date)) {
      if (g.rule_id == found.rule_id && g.effective_date == found.effective_date) {
        f = std::move(g);
        break;
      }
    }
    ForwardWarning w;
    w.cadre_id = cadre.id;
    w.rule_id = f.rule_id;
    w.on = f.effective_date;
    w.record = f.records.empty() ? detail::cadre_ref(cadre) : f.records.front();
    w.citations = detail::cite_as_of(f.citations, as_of, &engine.config().catalogues);
    w.catalogue = f.catalogue;
    w.explanation = {"将于" + f.effective_date.to_string() + "：" + f.explanation.zh_cn,
                     "Coming on " + f.effective_date.to_string() + ": " + f.explanation.en};
    out.push_back(std::move(w));
  }
  // The up side: impact periods and waiting times that end within the window.
  const EligibilityAnswer answer =
      eligibility(cadre, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified, as_of, engine);
  for (const Blocker &b : answer.blockers) {
    if (!b.lifts_on || end < *b.lifts_on) {
      continue;
    }
    ForwardWarning w;
    w.cadre_id = cadre.id;
    w.rule_id = b.rule_id;
    w.on = *b.lifts_on;
    w.record = b.record;
    w.citations = b.citations;
    w.catalogue = b.catalogue;
    w.explanation = {"将于" + b.lifts_on->to_string() + "解除：" + b.explanation.zh_cn,
                     "Lifts on " + b.lifts_on->to_string() + ": " + b.explanation.en};
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(), [](const ForwardWarning &a, const ForwardWarning &b) {
    if (a.on != b.on) {
      return a.on < b.on;
    }
    return a.rule_id < b.rule_id;
  });
  return out;
}

}  // namespace api_v1
}  // namespace cadre
