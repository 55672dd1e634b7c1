/**
 * @file cadre/domain.hpp
 * @brief Header-first domain types: cadres, their posts, and every record about one cadre.
 *
 * Plain value types that the engines read. They mirror package `cadre.v1`
 * of proto/ (the wire and file form); the codec maps one to the other and
 * validates with field paths. Dates are `std::optional<Date>`: an empty
 * string on the wire is an empty optional. Enumerations keep the numbers of
 * the schema (cadre/enums.hpp, generated from it); a number unknown to this
 * version is kept as it is and reported by validation.
 */
#ifndef CADRE_DOMAIN_HPP
#define CADRE_DOMAIN_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/adjustment.hpp"
#include "cadre/assessment.hpp"
#include "cadre/conduct.hpp"
#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "cadre/exemption.hpp"
#include "cadre/facts.hpp"
#include "cadre/followup.hpp"

namespace cadre {
inline namespace api_v1 {

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

/** A term of office (任期) in one post. Schema: `cadre.v1.TermOfOffice`. */
struct TermOfOffice {
  int number = 0;                  ///< 1 for the first term in the post, 2 for the second; from 1
  std::optional<Date> start_date;  ///< first day of the term
  std::optional<Date> end_date;    ///< last day; empty while the term runs

  /** Terms are equal when every field is. */
  friend bool operator==(const TermOfOffice &, const TermOfOffice &) = default;
};

/** Probation after a promotion (任职试用期). Schema: `cadre.v1.Probation`. */
struct Probation {
  std::optional<Date> start_date;                          ///< first day of the probation
  std::optional<Date> end_date;                            ///< last day of the probation
  ProbationResult result = ProbationResult::kUnspecified;  ///< running, passed or failed; required

  /** Probations are equal when every field is. */
  friend bool operator==(const Probation &, const Probation &) = default;
};

/** One post of a cadre's history. Schema: `cadre.v1.Post`. */
struct Post {
  std::string id;                                  ///< record id within the cadre
  std::string unit_id;                             ///< unit (单位) id
  std::string title;                               ///< title, e.g. "县委书记"
  RankLevel rank_level = RankLevel::kUnspecified;  ///< rank level (职务层次)
  PostKind kind = PostKind::kUnspecified;          ///< leadership post or rank only
  std::optional<Date> start_date;                  ///< first day in the post
  std::optional<Date> end_date;                    ///< last day; empty while held
  std::string region_code;  ///< administrative division code (行政区划代码), six digits
  AppointmentMode appointment = AppointmentMode::kUnspecified;  ///< how the post is filled
  bool local_party_or_government_leader = false;  ///< member of a 地方党委、政府领导成员
  PostEndReason end_reason = PostEndReason::kUnspecified;  ///< how it ended; unspecified while held
  std::optional<Probation> probation;  ///< probation, when the post was a promotion with one
  std::vector<TermOfOffice> terms;     ///< terms of office in this post
  bool exceptional_promotion = false;  ///< appointed by exceptional promotion (破格提拔)
  std::string peer_group_id;           ///< id of the peer group of the post, if any
  UnitKind unit_kind = UnitKind::kUnspecified;  ///< kind of the post's unit (scope of some rules)
  bool internal_unit = false;  ///< a leading post of an internal unit (内设机构), e.g. 处长

  /**
   * Whether the post is held on a day.
   * @param day the day.
   * @return true when @p day is within the post's start and end dates.
   */
  [[nodiscard]] bool held_on(Date day) const noexcept {
    return (!start_date || *start_date <= day) && (!end_date || day <= *end_date);
  }

  /** Posts are equal when every field is. */
  friend bool operator==(const Post &, const Post &) = default;
};

/**
 * An approved delay of removal or retirement at an age limit (延迟免职（退休）,
 * 2015 规定 第五条): proposed by the party committee (group), approved by the
 * party organisation one level up. Schema: `cadre.v1.AgeLimitDelay`.
 */
struct AgeLimitDelay {
  std::string id;                   ///< record id within the cadre; required
  std::string post_id;              ///< post concerned; empty: the post held
  std::optional<Date> proposed_on;  ///< day the committee (group) proposed it
  std::optional<Date> approved_on;  ///< day it was approved one level up; empty while not
  AuthorityKind approved_by = AuthorityKind::kUnspecified;  ///< who approved it
  std::optional<Date> until;                                ///< last day of the delay; required
  std::string document_number;                              ///< 文号 of the approval
  /** Delays are equal when every field is. */
  friend bool operator==(const AgeLimitDelay &, const AgeLimitDelay &) = default;
};

/** A leading cadre with the facts the rules read. Schema: `cadre.v1.Cadre`. */
struct Cadre {
  std::string id;  ///< stable record id of the host system; the only key written into errors
  Sex sex = Sex::kUnspecified;     ///< sex as recorded in the personnel file; required
  std::optional<Date> birth_date;  ///< birth date; required
  BirthDateSource birth_date_source =
      BirthDateSource::kUnspecified;    ///< where the birth date comes from
  std::vector<Post> posts;              ///< post history; posts without end_date are held now
  std::string name;                     ///< name: personal data, never written into errors
  std::string file_number;              ///< personnel file number (干部档案编号)
  std::optional<Date> work_start_date;  ///< day the cadre started working (参加工作时间)
  int grassroots_months = 0;            ///< months of grassroots work (基层工作经历), from 0
  EducationLevel education = EducationLevel::kUnspecified;  ///< highest education (学历)
  bool party_member = false;                                ///< member of the CPC
  std::optional<Date> party_joined_on;        ///< day the cadre joined the party; only for members
  std::string unit_id;                        ///< home unit id
  std::vector<AnnualAssessment> assessments;  ///< annual assessments, at most one per year
  std::vector<Incident> incidents;            ///< recorded problems
  std::vector<AccountabilityDecision> accountability_decisions;  ///< 问责决定
  std::vector<PartySanction> party_sanctions;                    ///< 党纪处分
  std::vector<GovernmentSanction> government_sanctions;          ///< 政务处分
  std::vector<EarlyWarning> early_warnings;                      ///< 提醒、函询、诫勉
  std::vector<Investigation> investigations;                     ///< 立案审查
  std::vector<ExemptionClaim> exemption_claims;                  ///< 容错纠错 claims
  std::vector<Adjustment> adjustments;                           ///< adjustments decided
  std::vector<HealthSpell> health_spells;                        ///< spells of ill health
  std::vector<StudyLeave> study_leaves;                          ///< 离职学习
  std::vector<ResignationRequest> resignation_requests;          ///< 自愿辞职 requests
  std::vector<FamilySituation> family_situations;                ///< family situations
  std::vector<AssignmentRefusal> assignment_refusals;            ///< refused assignments
  std::vector<Candidacy> candidacies;                            ///< candidacies for posts
  std::vector<FollowUpPlan> follow_up_plans;                     ///< 后续管理 plans
  std::vector<AgeLimitDelay> age_limit_delays;  ///< approved 延迟免职（退休）

  /**
   * The highest-ranking post held on @p day (leadership posts first).
   * @param day the day.
   * @return its index in #posts; nothing when no post is held.
   */
  [[nodiscard]] std::optional<std::size_t> current_post(Date day) const noexcept;

  /** Cadres are equal when every field is. */
  friend bool operator==(const Cadre &, const Cadre &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_DOMAIN_HPP
