/**
 * @file cadre/exemption.hpp
 * @brief Error tolerance (容错纠错): claims, the exclusions checked, and references to records.
 */
#ifndef CADRE_EXEMPTION_HPP
#define CADRE_EXEMPTION_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/**
 * A reference from one record to another record of the same cadre (or, with
 * #cadre_id, of another cadre). Schema: `cadre.v1.RecordRef`.
 */
struct RecordRef {
  RecordKind kind = RecordKind::kUnspecified;  ///< kind of the record referenced
  std::string id;                              ///< id of the record referenced
  std::string cadre_id;  ///< id of the cadre the record belongs to; empty for the same cadre

  /** References are equal when every field is. */
  friend bool operator==(const RecordRef &, const RecordRef &) = default;
};

/** One exclusion checked for a claim (不予容错), and whether it applies. Schema:
 * `cadre.v1.ExclusionCheck`. */
struct ExclusionCheck {
  ExemptionExclusion exclusion = ExemptionExclusion::kUnspecified;  ///< the exclusion; required
  bool applies = false;  ///< true when it applies, and so tolerance is excluded

  /** Checks are equal when every field is. */
  friend bool operator==(const ExclusionCheck &, const ExclusionCheck &) = default;
};

/** A claim for error tolerance (容错) and its decision. Schema: `cadre.v1.ExemptionClaim`. */
struct ExemptionClaim {
  std::string id;                          ///< record id within the cadre; required
  RecordRef concerns;                      ///< the record the claim concerns; kind and id required
  std::vector<ExemptionGround> grounds;    ///< grounds argued
  std::vector<ExclusionCheck> exclusions;  ///< exclusions checked
  ExemptionDecision decision = ExemptionDecision::kUnspecified;  ///< the decision; required
  std::vector<ExemptionEffect> effects_cancelled;  ///< effects cancelled (EXEMPT) or softened
  AuthorityKind authority = AuthorityKind::kUnspecified;  ///< who decides
  std::optional<Date> claimed_on;                         ///< day of the claim
  std::optional<Date> decided_on;                         ///< day of the decision
  int impact_months = 0;    ///< for 从轻 / 减轻: the shortened impact period; 0 when unchanged
  bool remedied = false;    ///< remedial action taken (及时采取补救措施)
  bool cooperated = false;  ///< cooperated with the investigation

  /** Claims are equal when every field is. */
  friend bool operator==(const ExemptionClaim &, const ExemptionClaim &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_EXEMPTION_HPP
