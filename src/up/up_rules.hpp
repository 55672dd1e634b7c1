// The rules of going "up" (impact periods, prerequisites, 破格, probation,
// candidacy, grade caps, dual-track deadlines, error tolerance) and the period
// conventions, compiled from the catalogue chain: every number of eligibility,
// grade caps, warnings and consistency comes from here, with its citation,
// catalogue id and content hash.
#ifndef CADRE_SRC_UP_UP_RULES_HPP
#define CADRE_SRC_UP_UP_RULES_HPP

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/date.hpp"
#include "cadre/finding.hpp"
#include "cadre/status.hpp"
#include "calendar/period.hpp"

namespace cadre::detail {

/** One rule of going "up" with its parameters read once. */
struct UpRule {
  const Rule *rule = nullptr;  ///< the catalogue rule
  CatalogueRef catalogue;      ///< the catalogue it comes from
  std::optional<Date> from;    ///< first day in force (the rule's or its catalogue's)
  std::optional<Date> to;      ///< last day in force
  Counting counting = Counting::kStartDayIsDayOne;         ///< "counting"
  std::vector<std::pair<std::string, int>> numbers;        ///< whole-number parameters
  std::vector<std::pair<std::string, std::string>> words;  ///< word parameters

  /** Whether the rule is in force on @p day. */
  [[nodiscard]] bool in_force(Date day) const noexcept {
    return (!from || *from <= day) && (!to || day <= *to);
  }
  /** A whole-number parameter, or @p fallback. */
  [[nodiscard]] int number(std::string_view name, int fallback = 0) const noexcept;
  /** A word parameter, or "" when absent. */
  [[nodiscard]] std::string_view word(std::string_view name) const noexcept;
  /** Whether the parameter @p name is a host's policy (no national source). */
  [[nodiscard]] bool host_policy(std::string_view name) const noexcept;
};

/** The rules of going "up" of one catalogue chain, base first. */
struct UpRules {
  std::vector<UpRule> rules;
  const Catalogue *catalogue = nullptr;  ///< the most specific catalogue of the chain
  CatalogueRef ref;                      ///< its id, version and content hash

  /**
   * The version of a kind in force on @p day; the most specific catalogue's
   * when several are.
   * @return nullptr when none is in force on that day
   */
  [[nodiscard]] const UpRule *at(std::string_view kind, Date day) const noexcept;
};

/** Whether @p kind is a kind of going "up" (evaluated by the up engines, not by screening). */
bool is_up_kind(std::string_view kind) noexcept;

/** Every kind of going "up", for validation and docs. */
std::vector<std::string_view> up_kinds();

/**
 * Reads a rule of going "up": its required parameters, their values and its
 * counting convention.
 * @return OK, or INVALID_ARGUMENT naming the rule and the parameter
 *         ("rules[<id>].parameters[<name>].value")
 */
Status compile_up(const Rule &rule, UpRule &out);

}  // namespace cadre::detail

#endif  // CADRE_SRC_UP_UP_RULES_HPP
