// Error tolerance (容错纠错): one semantics for screening, eligibility, grade
// caps and warnings.
//
// - A decision counts only if it was decided on or before the as-of date, and
//   only for the record it names (kind, id and cadre).
// - It cancels exactly the effects it lists: 免责 cancels a listed effect;
//   从轻 / 减轻 shorten an impact period to the months recorded; 不予容错
//   changes nothing.
// - A decision that exempts a record carrying an exclusion (违纪违法, 重特大
//   安全责任事故, 严重环境污染/生态破坏, 重特大群体性事件, personal gain, a
//   bypassed decision procedure) is inconsistent with the rules: flagged with
//   both citations, never honoured.
// - The rule applied (which effect each engine asks about, the exclusions, the
//   citations) is the catalogue's rule of kind "exemption" in force on the as-of
//   date; without one, no decision is applied and the answer says so.
// Every decision considered gives an ExemptionNote for the answer.
#ifndef CADRE_SRC_EXEMPTION_EXEMPTION_HPP
#define CADRE_SRC_EXEMPTION_EXEMPTION_HPP

#include <optional>
#include <string_view>

#include "cadre/catalogue.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "up/up_rules.hpp"

namespace cadre::detail {

/** Which engine asks: it decides the effect a 免责 decision must list. */
enum class Asking {
  kScreening,    ///< going down: the catalogue's "screening_effect" (负面评价)
  kEligibility,  ///< going up: "eligibility_effect" (提拔使用)
  kGradeCap,     ///< annual grades: "grade_cap_effect" (政绩考核)
};

/** The decision about one record and what it does. */
struct Exemption {
  const ExemptionClaim *claim = nullptr;  ///< the decision that governs; nullptr when none
  ExemptionNote note;                     ///< for the answer (outcome kUnspecified: none)
  int months = 0;                         ///< the shortened period, for kShortened

  /** Whether a decision was considered. */
  [[nodiscard]] bool any() const noexcept { return claim != nullptr; }
  /** Whether the effect is cancelled. */
  [[nodiscard]] bool cancelled() const noexcept {
    return note.outcome == ExemptionOutcome::kCancelled;
  }
};

/**
 * The effect a catalogue word names ("negative-evaluation", "promotion", ...).
 * @param word the word
 * @return the effect, or nothing for a word that names none
 */
std::optional<ExemptionEffect> effect_of(std::string_view word) noexcept;

/**
 * The catalogue word of an effect (the inverse of effect_of()).
 * @param effect the effect
 * @return the word; empty for ExemptionEffect::kUnspecified or an unknown value
 */
std::string_view effect_word(ExemptionEffect effect) noexcept;

/**
 * Whether a party or government sanction rests on the incident @p incident_id, decided (or in
 * effect) on or before @p as_of: the incident is then 违纪违法.
 */
bool sanctioned(const Cadre &cadre, const std::string &incident_id, Date as_of);

/**
 * The error-tolerance decision about @p record of @p cadre, as of @p as_of.
 * @param cadre the cadre
 * @param record the record a result rests on
 * @param asking which engine asks
 * @param as_of the as-of date: later decisions do not count
 * @param up the rules of the chain in force (the "exemption" rule); may be nullptr
 * @param set the catalogues (documents of the citations); may be nullptr
 * @param period_months for kEligibility: the impact period in months (a 从轻 / 减轻
 *        decision shortens it only when it records fewer months); 0 otherwise
 * @return the decision and its note; Exemption::any() false when none counts
 */
Exemption exemption_for(const Cadre &cadre, const RecordRef &record, Asking asking, Date as_of,
                        const UpRules *up, const CatalogueSet *set, int period_months = 0);

}  // namespace cadre::detail

#endif  // CADRE_SRC_EXEMPTION_EXEMPTION_HPP
