// The engine's rules compiled from its catalogues (internal): the screening
// steps of each catalogue chain and its rules of going "up".
#ifndef CADRE_SRC_SCREENING_COMPILED_HPP
#define CADRE_SRC_SCREENING_COMPILED_HPP

#include <cstdint>
#include <deque>
#include <map>
#include <vector>

#include "cadre/screening.hpp"
#include "screening/predicates.hpp"
#include "up/up_rules.hpp"

namespace cadre {
inline namespace api_v1 {

/** Rules compiled from the catalogues: the rule chain of each catalogue. */
struct Engine::Compiled {
  /** Unique per compiled engine (never reused, unlike an address), for the selection cache. */
  std::uint64_t id = 0;
  EngineConfig config;
  detail::CompiledRule fallback;  ///< the built-in retirement rule
  /** Every compiled rule of every chain (a deque: the steps point into it). */
  std::deque<detail::CompiledRule> rules;
  /**
   * One rule of a chain, in the few bytes the loop over the rules reads for
   * every cadre (a compiled rule is large, a policy inside it).
   */
  struct Step {
    detail::Predicate predicate = nullptr;
    const detail::CompiledRule *rule = nullptr;  ///< in #rules
    const Rule *dated = nullptr;                 ///< the rule, if it has its own period of force
    detail::Records reads = 0;                   ///< the predicate's detail::reads_of()
  };
  std::map<const Catalogue *, std::vector<Step>> chains;
  /** The rules of going "up" of each catalogue's chain. */
  std::map<const Catalogue *, detail::UpRules> up;
};

}  // namespace api_v1
}  // namespace cadre

namespace cadre::detail {

/**
 * Compiles every rule of @p catalogue as the engine would (parameters read,
 * conventions checked), without building an engine.
 * @return OK, or INVALID_ARGUMENT naming the rule and the parameter
 */
Status check_rules(const Catalogue &catalogue);

}  // namespace cadre::detail

#endif  // CADRE_SRC_SCREENING_COMPILED_HPP
