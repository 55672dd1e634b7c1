/**
 * @file cadre/screening.hpp
 * @brief The screening engine: cadres as of a date to findings, and the summary.
 *
 * An Engine is immutable after construction and safe to share between
 * threads; every call is a pure function of its arguments.
 */
#ifndef CADRE_SCREENING_HPP
#define CADRE_SCREENING_HPP

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/rules/retirement.hpp"

namespace cadre {
inline namespace api_v1 {

/** What an engine applies. */
struct EngineConfig {
  RetirementPolicy retirement = RetirementPolicy::national();  ///< age limits
};

/** Counts in the shape the 2017 Jiangxi article reports. */
struct ScreenSummary {
  int cadres_screened = 0;             ///< cadres screened
  int records_rejected = 0;            ///< records not screened because of an error
  int cadres_down = 0;                 ///< cadres with at least one finding
  int accountability = 0;              ///< of which through accountability
  int unsuitable = 0;                  ///< of which as unsuitable
  int bureau_level_or_above = 0;       ///< of which at 厅局级 and above
  std::array<int, 8> by_channel{};     ///< cadres per Channel value (index = number)
  std::array<int, 9> by_rank_level{};  ///< cadres going down per RankLevel value

  /**
   * Adds one screened cadre and its findings.
   * @param cadre the cadre.
   * @param as_of the as-of date of the screening.
   * @param findings the findings of this cadre only.
   */
  void add(const Cadre &cadre, Date as_of, const std::vector<Finding> &findings) noexcept;
};

/** The rules engine. */
class Engine {
 public:
  /** An engine with the national rules. */
  Engine() = default;
  /**
   * An engine with a configuration.
   * @param config the rules and parameters to apply.
   */
  explicit Engine(EngineConfig config) : config_(std::move(config)) {}

  /** The configuration. @return the configuration the engine applies. */
  [[nodiscard]] const EngineConfig &config() const noexcept { return config_; }

  /**
   * Appends the findings for @p cadre as of @p as_of to @p out, in a stable
   * order (by channel, then rule id).
   * @param cadre the cadre.
   * @param as_of the date the rules are applied on.
   * @param path the record in facts' field paths, e.g. "cadres[3]".
   * @param[out] out the findings are appended to it.
   */
  void screen(const Cadre &cadre, Date as_of, std::string_view path,
              std::vector<Finding> &out) const;

  /**
   * Screens one cadre.
   * @param cadre the cadre.
   * @param as_of the date the rules are applied on.
   * @return the findings for @p cadre as of @p as_of, in a stable order.
   */
  [[nodiscard]] std::vector<Finding> screen(const Cadre &cadre, Date as_of) const {
    std::vector<Finding> out;
    screen(cadre, as_of, "cadre", out);
    return out;
  }

 private:
  EngineConfig config_;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_SCREENING_HPP
