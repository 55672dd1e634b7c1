/**
 * @file cadre/domain.hpp
 * @brief Header-first domain types: cadres, posts and the enumerations of the rules.
 *
 * Plain value types that the engines read. They mirror package `cadre.v1`
 * of proto/ (the wire and file form); the codec maps one to the other and
 * validates with field paths. Enumerations keep the numbers of the schema; a
 * number unknown to this version is kept as it is and reported by validation.
 */
#ifndef CADRE_DOMAIN_HPP
#define CADRE_DOMAIN_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"

namespace cadre {
inline namespace api_v1 {

/** Sex as recorded in the personnel file. */
enum class Sex : std::int32_t { kUnspecified = 0, kMale = 1, kFemale = 2 };

/** Source of a birth date; age rules read the date certified from the file (档案认定). */
enum class BirthDateSource : std::int32_t {
  kUnspecified = 0,
  kPersonnelFile = 1,  ///< 档案认定
  kIdentityCard = 2,   ///< 身份证
  kSelfReported = 3,   ///< 本人填报
};

/** Rank level of a post (职务层次). */
enum class RankLevel : std::int32_t {
  kUnspecified = 0,
  kProvincePrincipal = 1,  ///< 省部级正职
  kProvinceDeputy = 2,     ///< 省部级副职
  kBureauPrincipal = 3,    ///< 厅局级正职
  kBureauDeputy = 4,       ///< 厅局级副职
  kCountyPrincipal = 5,    ///< 县处级正职
  kCountyDeputy = 6,       ///< 县处级副职
  kTownshipPrincipal = 7,  ///< 乡科级正职
  kTownshipDeputy = 8,     ///< 乡科级副职
};

/**
 * Whether a rank level is 正副县处级 or above.
 * @param level the rank level.
 * @return true for 正副县处级 and every level above it.
 */
constexpr bool at_or_above_county(RankLevel level) noexcept {
  return level >= RankLevel::kProvincePrincipal && level <= RankLevel::kCountyDeputy;
}

/**
 * Whether a rank level is 厅局级 (department level) or above.
 * @param level the rank level.
 * @return true for 正副厅局级 and every level above it.
 */
constexpr bool at_or_above_bureau(RankLevel level) noexcept {
  return level >= RankLevel::kProvincePrincipal && level <= RankLevel::kBureauDeputy;
}

/** Leadership post (领导职务) or rank only (职级). */
enum class PostKind : std::int32_t { kUnspecified = 0, kLeadership = 1, kRankOnly = 2 };

/** The seven channels of going "down" (下的渠道). */
enum class Channel : std::int32_t {
  kUnspecified = 0,
  kAgeLimit = 1,              ///< 到龄免职(退休)
  kTerm = 2,                  ///< 任期届满离任 和 任内调整
  kAccountability = 3,        ///< 问责追究调整
  kUnsuitable = 4,            ///< 不适宜担任现职调整
  kUnableToPerform = 5,       ///< 不能正常履职调整
  kVoluntaryResignation = 6,  ///< 自愿辞职
  kViolation = 7,             ///< 违法违纪免职
};

/** The six "者下" headings of the Jiangxi rules. */
enum class Heading : std::int32_t {
  kUnspecified = 0,
  kPoliticallyUnsteady = 1,  ///< 政治不坚定者下
  kNotCompetent = 2,         ///< 能力不胜任者下
  kNotPragmatic = 3,         ///< 作风不务实者下
  kStateUnfit = 4,           ///< 状态不适宜者下
  kRatedIncompetent = 5,     ///< 考核不称职者下
  kNotClean = 6,             ///< 廉政不干净者下
};

/** Methods of adjustment (调整方式). */
enum class AdjustmentMethod : std::int32_t {
  kUnspecified = 0,
  kTransferOut = 1,             ///< 调离岗位
  kNonLeadershipPost = 2,       ///< 改任非领导职务
  kRankOnlyPost = 3,            ///< 改任职级
  kRemoval = 4,                 ///< 免职
  kDemotion = 5,                ///< 降职
  kOrderedResignation = 6,      ///< 责令辞职
  kResignationTakingBlame = 7,  ///< 引咎辞职
  kRetirement = 8,              ///< 退休
  kResignation = 9,             ///< 辞职
};

/** How far a cited text was verified (tags of regulations.md). */
enum class Verification : std::int32_t {
  kUnspecified = 0,
  kSaw = 1,           ///< wording read in a public copy
  kSawPartial = 2,    ///< only the quoted part seen
  kSawSecondary = 3,  ///< seen in a summary or paraphrase
  kSawLocal = 4,      ///< seen in a local implementing rule
  kRecalled = 5,      ///< not verified: configurable policy, not fact
};

/** Computed from data, or to be verified by a person. */
enum class Determination : std::int32_t { kUnspecified = 0, kComputed = 1, kNeedsVerification = 2 };

/** One post of a cadre's history. */
struct Post {
  std::string id;                                  ///< record id within the cadre
  std::string unit_id;                             ///< unit (单位) id
  std::string title;                               ///< title, e.g. "县委书记"
  RankLevel rank_level = RankLevel::kUnspecified;  ///< rank level (职务层次)
  PostKind kind = PostKind::kUnspecified;          ///< leadership post or rank only
  std::optional<Date> start_date;                  ///< first day in the post
  std::optional<Date> end_date;                    ///< last day; empty while held

  /**
   * Whether the post is held on a day.
   * @param day the day.
   * @return true when @p day is within the post's start and end dates.
   */
  [[nodiscard]] bool held_on(Date day) const noexcept {
    return (!start_date || *start_date <= day) && (!end_date || day <= *end_date);
  }
};

/** A leading cadre with the facts the rules read. */
struct Cadre {
  std::string id;                  ///< stable record id of the host system
  Sex sex = Sex::kUnspecified;     ///< sex as recorded in the personnel file
  std::optional<Date> birth_date;  ///< birth date; age rules need it
  BirthDateSource birth_date_source =
      BirthDateSource::kUnspecified;  ///< where the birth date comes from
  std::vector<Post> posts;            ///< post history

  /**
   * The highest-ranking post held on @p day (leadership posts first).
   * @param day the day.
   * @return its index in #posts; nothing when no post is held.
   */
  [[nodiscard]] std::optional<std::size_t> current_post(Date day) const noexcept;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_DOMAIN_HPP
