/**
 * @file cadre/adjustment.hpp
 * @brief Adjustments of cadres ("going down") as decided.
 */
#ifndef CADRE_ADJUSTMENT_HPP
#define CADRE_ADJUSTMENT_HPP

#include <optional>
#include <string>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** An adjustment decided for a cadre. Schema: `cadre.v1.Adjustment`. */
struct Adjustment {
  std::string id;                           ///< record id within the cadre; required
  Channel channel = Channel::kUnspecified;  ///< the channel of going "down"; required
  AdjustmentMethod method = AdjustmentMethod::kUnspecified;  ///< how (调整方式); required
  AuthorityKind authority = AuthorityKind::kUnspecified;     ///< who decided
  std::string document_number;                               ///< 文号 of the decision
  std::optional<Date> proposed_on;                           ///< day it was proposed
  std::optional<Date> decided_on;                            ///< day it was decided
  std::optional<Date> executed_on;                           ///< day it was carried out
  std::string rule_id;       ///< catalogue rule the adjustment rests on
  std::string from_post_id;  ///< id of the post left, in the cadre's post history
  std::string to_post_id;    ///< id of the post taken, if any, in the cadre's post history
  std::string basis_id;      ///< id of the decision, sanction or finding behind it

  /** Adjustments are equal when every field is. */
  friend bool operator==(const Adjustment &, const Adjustment &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ADJUSTMENT_HPP
