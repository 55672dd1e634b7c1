#include "exemption/exemption.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/labels.hpp"
#include "up/citations.hpp"

namespace cadre::detail {
namespace {

std::string str(std::string_view v) { return std::string(v); }

constexpr std::pair<std::string_view, ExemptionEffect> kEffectWords[] = {
    {"negative-evaluation", ExemptionEffect::kNegativeEvaluation},
    {"performance-assessment", ExemptionEffect::kPerformanceAssessment},
    {"awards", ExemptionEffect::kAwards},
    {"promotion", ExemptionEffect::kPromotion},
    {"rank-and-title", ExemptionEffect::kRankAndTitle},
    {"reserve-status", ExemptionEffect::kReserveStatus},
    {"deputy-status", ExemptionEffect::kDeputyStatus},
};

// The exclusions a catalogue lists ("violation_safety_..."), as enum values.
std::vector<ExemptionExclusion> exclusions_of(std::string_view words) {
  static constexpr std::pair<std::string_view, ExemptionExclusion> kWords[] = {
      {"violation", ExemptionExclusion::kViolationOfLawOrDiscipline},
      {"safety", ExemptionExclusion::kMajorSafetyAccident},
      {"environment", ExemptionExclusion::kSevereEnvironmentalDamage},
      {"mass", ExemptionExclusion::kMajorMassIncident},
      {"gain", ExemptionExclusion::kPersonalGain},
      {"procedure", ExemptionExclusion::kBypassedDecisionProcedure},
      {"defied-ban", ExemptionExclusion::kDefiedExplicitBan},
  };
  std::vector<ExemptionExclusion> out;
  std::size_t pos = 0;
  while (pos <= words.size()) {
    const std::size_t end = std::min(words.find('_', pos), words.size());
    const std::string_view w = words.substr(pos, end - pos);
    for (const auto &[name, e] : kWords) {
      if (name == w) {
        out.push_back(e);
      }
    }
    pos = end + 1;
  }
  return out;
}

bool same_record(const ExemptionClaim &c, const Cadre &cadre, const RecordRef &record) {
  return c.concerns.kind == record.kind && c.concerns.id == record.id &&
         (c.concerns.cadre_id.empty() || c.concerns.cadre_id == cadre.id);
}

bool decided(const ExemptionClaim &c) {
  return c.decision == ExemptionDecision::kExempt || c.decision == ExemptionDecision::kLighter ||
         c.decision == ExemptionDecision::kMitigated || c.decision == ExemptionDecision::kDenied;
}

// The exclusions the record carries: those the decision itself found to apply,
// and 违纪违法 when the record is a sanction or a sanction rests on it.
std::vector<ExemptionExclusion> carried(const Cadre &cadre, const ExemptionClaim &claim,
                                        const RecordRef &record, Date as_of) {
  std::vector<ExemptionExclusion> out;
  for (const ExclusionCheck &x : claim.exclusions) {
    if (x.applies) {
      out.push_back(x.exclusion);
    }
  }
  bool violation =
      record.kind == RecordKind::kPartySanction || record.kind == RecordKind::kGovernmentSanction;
  std::vector<std::string> incidents;
  if (record.kind == RecordKind::kIncident) {
    incidents.push_back(record.id);
  }
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    if (record.kind == RecordKind::kAccountabilityDecision && d.id == record.id) {
      incidents.insert(incidents.end(), d.incident_ids.begin(), d.incident_ids.end());
    }
  }
  for (const std::string &id : incidents) {
    violation = violation || sanctioned(cadre, id, as_of);
  }
  if (violation && std::find(out.begin(), out.end(),
                             ExemptionExclusion::kViolationOfLawOrDiscipline) == out.end()) {
    out.push_back(ExemptionExclusion::kViolationOfLawOrDiscipline);
  }
  return out;
}

std::string labels(const std::vector<ExemptionExclusion> &v, Language lang) {
  std::string s;
  for (const ExemptionExclusion e : v) {
    s += (s.empty() ? "" : (lang == Language::kZhCn ? "、" : ", ")) + str(label(e, lang));
  }
  return s;
}

}  // namespace

std::optional<ExemptionEffect> effect_of(std::string_view word) noexcept {
  for (const auto &[w, e] : kEffectWords) {
    if (w == word) {
      return e;
    }
  }
  return std::nullopt;
}

std::string_view effect_word(ExemptionEffect effect) noexcept {
  for (const auto &[w, e] : kEffectWords) {
    if (e == effect) {
      return w;
    }
  }
  return {};
}

bool sanctioned(const Cadre &cadre, const std::string &incident_id, Date as_of) {
  const auto on = [&](const std::optional<Date> &a, const std::optional<Date> &b) {
    const std::optional<Date> d = a ? a : b;
    return !d || *d <= as_of;  // an undated sanction is taken as known
  };
  return std::any_of(cadre.party_sanctions.begin(), cadre.party_sanctions.end(),
                     [&](const PartySanction &s) {
                       return s.incident_id == incident_id && on(s.decided_on, s.effective_on);
                     }) ||
         std::any_of(cadre.government_sanctions.begin(), cadre.government_sanctions.end(),
                     [&](const GovernmentSanction &s) {
                       return s.incident_id == incident_id && on(s.decided_on, s.effective_on);
                     });
}

Exemption exemption_for(const Cadre &cadre, const RecordRef &record, Asking asking, Date as_of,
                        const UpRules *up, const CatalogueSet *set, int period_months) {
  Exemption out;
  // The decision that governs: the latest decided on or before as_of.
  for (const ExemptionClaim &c : cadre.exemption_claims) {
    if (!same_record(c, cadre, record) || !decided(c) || !c.decided_on || as_of < *c.decided_on) {
      continue;
    }
    if (out.claim == nullptr || !(*c.decided_on < *out.claim->decided_on)) {
      out.claim = &c;
    }
  }
  if (out.claim == nullptr) {
    return out;
  }
  const ExemptionClaim &c = *out.claim;
  ExemptionNote &n = out.note;
  n.claim_id = c.id;
  n.record = record;
  const std::string when = c.decided_on->to_string();
  const std::string decision_zh = str(label(c.decision, Language::kZhCn));
  const std::string decision_en = str(label(c.decision, Language::kEn));
  const std::string head_zh = when + "作出的容错决定（记录 " + c.id + "，" + decision_zh + "）";
  const std::string head_en =
      "The error-tolerance decision of " + when + " (record " + c.id + ", " + decision_en + ")";
  const UpRule *rule = up != nullptr ? up->at("exemption", as_of) : nullptr;
  if (rule == nullptr) {
    n.outcome = ExemptionOutcome::kNoRuleInForce;
    n.explanation = {
        head_zh + "：截至" + as_of.to_string() + "本地区没有适用的容错纠错规定，未予适用。",
        head_en + " is not applied: no rule of error tolerance is in force here on " +
            as_of.to_string() + "."};
    return out;
  }
  n.rule_id = rule->rule->id;
  n.citations = cite_as_of(rule->rule->citations, as_of, set);
  const std::string basis = basis_name(n.citations);
  const std::string effect_key =
      str(rule->word(asking == Asking::kScreening     ? "screening_effect"
                     : asking == Asking::kEligibility ? "eligibility_effect"
                                                      : "grade_cap_effect"));
  const std::optional<ExemptionEffect> effect = effect_of(effect_key);
  if (c.decision == ExemptionDecision::kDenied) {
    n.outcome = ExemptionOutcome::kDenied;
    n.explanation = {head_zh + "为不予容错，本项不改变（依据" + basis + "）。",
                     head_en + " denies tolerance: nothing changes (under " + basis + ")."};
    return out;
  }
  const std::vector<ExemptionExclusion> listed = exclusions_of(rule->word("exclusions"));
  std::vector<ExemptionExclusion> found;
  for (const ExemptionExclusion e : carried(cadre, c, record, as_of)) {
    if (std::find(listed.begin(), listed.end(), e) != listed.end()) {
      found.push_back(e);
    }
  }
  if (!found.empty()) {
    n.outcome = ExemptionOutcome::kInconsistent;
    n.explanation = {
        head_zh + "所涉记录属于不予容错的情形（" + labels(found, Language::kZhCn) +
            "），该决定与规定不一致，未予采纳，本项照常适用；请核查该决定（依据" + basis + "）。",
        head_en + " concerns a record that carries an exclusion (" + labels(found, Language::kEn) +
            "): the decision is inconsistent with the rules and is not honoured; the result "
            "stands and the decision should be reviewed (under " +
            basis + ")."};
    return out;
  }
  if (c.decision == ExemptionDecision::kExempt) {
    const bool lists = effect && std::find(c.effects_cancelled.begin(), c.effects_cancelled.end(),
                                           *effect) != c.effects_cancelled.end();
    const std::string eff_zh = effect ? str(label(*effect, Language::kZhCn)) : effect_key;
    const std::string eff_en = effect ? str(label(*effect, Language::kEn)) : effect_key;
    if (lists) {
      n.outcome = ExemptionOutcome::kCancelled;
      n.explanation = {head_zh + "列明不影响" + eff_zh + "：本项不予适用（依据" + basis + "）。",
                       head_en + " lists no effect on " + eff_en + ": this does not apply (under " +
                           basis + ")."};
    } else {
      n.outcome = ExemptionOutcome::kNotListed;
      n.explanation = {
          head_zh + "未列明不影响" + eff_zh + "，本项不改变（依据" + basis + "）。",
          head_en + " does not list " + eff_en + ": nothing changes here (under " + basis + ")."};
    }
    return out;
  }
  // 从轻 / 减轻: shortens an impact period to the months recorded.
  if (asking == Asking::kEligibility && c.impact_months > 0 && period_months > 0 &&
      c.impact_months < period_months) {
    n.outcome = ExemptionOutcome::kShortened;
    out.months = c.impact_months;
    n.explanation = {head_zh + "将影响期由" + std::to_string(period_months) + "个月缩短为" +
                         std::to_string(c.impact_months) + "个月（依据" + basis + "）。",
                     head_en + " shortens the impact period from " + std::to_string(period_months) +
                         " to " + std::to_string(c.impact_months) + " months (under " + basis +
                         ")."};
    return out;
  }
  n.outcome = ExemptionOutcome::kNotListed;
  n.explanation = {
      head_zh + "未记录缩短的影响期，本项不改变（依据" + basis + "）。",
      head_en + " records no shorter impact period: nothing changes here (under " + basis + ")."};
  return out;
}

}  // namespace cadre::detail
