/**
 * @file cadre/labels.hpp
 * @brief Labels of the enumerations in zh-CN and English, from one table.
 *
 * The labels are the `(zh_cn)` and `(en)` options of the enum values of
 * package `cadre.v1` (proto/cadre/v1/enums.proto), the one source of every
 * label cadre shows. The build turns them into a table compiled into the
 * library (tools/labelgen), so this header and cadre::cadre need no protobuf.
 * The C ABI gives the same labels through cadre_label().
 */
#ifndef CADRE_LABELS_HPP
#define CADRE_LABELS_HPP

#include <concepts>
#include <string_view>
#include <type_traits>

#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** Language of a label. */
enum class Language { kZhCn, kEn };

/**
 * The label of value @p number of the schema enum named @p enum_name (the
 * proto name, e.g. "cadre.v1.Channel" or "Channel").
 * @param enum_name the full or short name of the enum.
 * @param number the number of the value.
 * @param lang the language of the label.
 * @return the label, static NUL-terminated text (its data() may be handed to
 *         C); "" when the enum or the value is unknown.
 */
std::string_view label(std::string_view enum_name, int number, Language lang) noexcept;

/**
 * The schema enum of a C++ enumeration: `name` is its full proto name.
 *
 * Specialised once for each enumeration of cadre that mirrors an enum of
 * package `cadre.v1`; the primary template has no `name`, so label() does not
 * accept other enumerations.
 * @tparam E a C++ enumeration.
 */
template <typename E>
struct SchemaEnum {};

/** A C++ enumeration that mirrors a schema enum and so has labels. */
template <typename E>
concept LabelledEnum = std::is_enum_v<E> && requires {
  { SchemaEnum<E>::name } -> std::convertible_to<std::string_view>;
};

/**
 * The label of a value, e.g. label(Channel::kAgeLimit, Language::kZhCn) == "到龄免职(退休)".
 * @tparam E a LabelledEnum, e.g. Sex, RankLevel, PostKind, Channel, Heading,
 *         AdjustmentMethod, Verification, BirthDateSource.
 * @param value the value.
 * @param lang the language of the label.
 * @return the label, static NUL-terminated text; empty for a value unknown to
 *         this version.
 */
template <LabelledEnum E>
std::string_view label(E value, Language lang) noexcept {
  return label(SchemaEnum<E>::name, static_cast<int>(value), lang);
}

/// @cond CADRE_INTERNAL
// One line per C++ enumeration that mirrors a schema enum of the same name:
// every enumeration of cadre/enums.hpp, in its order.
#define CADRE_SCHEMA_ENUM(Type)                                 \
  template <>                                                   \
  struct SchemaEnum<Type> {                                     \
    static constexpr std::string_view name = "cadre.v1." #Type; \
  }

CADRE_SCHEMA_ENUM(Sex);
CADRE_SCHEMA_ENUM(BirthDateSource);
CADRE_SCHEMA_ENUM(RankLevel);
CADRE_SCHEMA_ENUM(PostKind);
CADRE_SCHEMA_ENUM(Channel);
CADRE_SCHEMA_ENUM(Heading);
CADRE_SCHEMA_ENUM(AdjustmentMethod);
CADRE_SCHEMA_ENUM(Verification);
CADRE_SCHEMA_ENUM(Determination);
CADRE_SCHEMA_ENUM(EducationLevel);
CADRE_SCHEMA_ENUM(AppointmentMode);
CADRE_SCHEMA_ENUM(PostEndReason);
CADRE_SCHEMA_ENUM(ProbationResult);
CADRE_SCHEMA_ENUM(UnitKind);
CADRE_SCHEMA_ENUM(RegionLevel);
CADRE_SCHEMA_ENUM(TeamRole);
CADRE_SCHEMA_ENUM(AssessmentGrade);
CADRE_SCHEMA_ENUM(NoGradeReason);
CADRE_SCHEMA_ENUM(TeamGrade);
CADRE_SCHEMA_ENUM(Responsibility);
CADRE_SCHEMA_ENUM(Severity);
CADRE_SCHEMA_ENUM(AccountabilityForm);
CADRE_SCHEMA_ENUM(OrganisationalMeasure);
CADRE_SCHEMA_ENUM(PartySanctionKind);
CADRE_SCHEMA_ENUM(GovernmentSanctionKind);
CADRE_SCHEMA_ENUM(EarlyWarningKind);
CADRE_SCHEMA_ENUM(InvestigationStatus);
CADRE_SCHEMA_ENUM(ExemptionGround);
CADRE_SCHEMA_ENUM(ExemptionExclusion);
CADRE_SCHEMA_ENUM(ExemptionDecision);
CADRE_SCHEMA_ENUM(ExemptionEffect);
CADRE_SCHEMA_ENUM(AuthorityKind);
CADRE_SCHEMA_ENUM(ResignationReason);
CADRE_SCHEMA_ENUM(FamilySituationKind);
CADRE_SCHEMA_ENUM(CandidacyStage);
CADRE_SCHEMA_ENUM(FollowUpActor);
CADRE_SCHEMA_ENUM(FollowUpOutcomeKind);
CADRE_SCHEMA_ENUM(RecordKind);
CADRE_SCHEMA_ENUM(EligibilityTarget);
CADRE_SCHEMA_ENUM(ProcedureKind);
CADRE_SCHEMA_ENUM(DecidedBy);
CADRE_SCHEMA_ENUM(ConsequenceKind);
CADRE_SCHEMA_ENUM(DayKind);
CADRE_SCHEMA_ENUM(CalendarFallback);
CADRE_SCHEMA_ENUM(PeriodUnit);
CADRE_SCHEMA_ENUM(FindingStatus);
CADRE_SCHEMA_ENUM(ExemptionOutcome);
CADRE_SCHEMA_ENUM(ActorRole);
CADRE_SCHEMA_ENUM(AuthorityLevel);
CADRE_SCHEMA_ENUM(StageEntry);
CADRE_SCHEMA_ENUM(FactType);
CADRE_SCHEMA_ENUM(GuardKind);
CADRE_SCHEMA_ENUM(AnchorPoint);
CADRE_SCHEMA_ENUM(DeadlineEffect);
CADRE_SCHEMA_ENUM(MajorityBase);
CADRE_SCHEMA_ENUM(CaseRejection);
CADRE_SCHEMA_ENUM(ToleranceProposal);
CADRE_SCHEMA_ENUM(CriterionStatus);
CADRE_SCHEMA_ENUM(ToleranceRole);
CADRE_SCHEMA_ENUM(CriterionTest);
CADRE_SCHEMA_ENUM(MitigationKind);
CADRE_SCHEMA_ENUM(StatisticsMeasure);
CADRE_SCHEMA_ENUM(StatisticsScope);

#undef CADRE_SCHEMA_ENUM
/// @endcond

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_LABELS_HPP
