#include "cadre/labels.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/v1/enums.pb.h"
#include "cadre/v1/options.pb.h"

namespace cadre {
namespace {

namespace gp = google::protobuf;

TEST(Labels, OfficialTermsInBothLanguages) {
  EXPECT_EQ(label(Channel::kAgeLimit, Language::kZhCn), "到龄免职(退休)");
  EXPECT_EQ(label(Channel::kAccountability, Language::kZhCn), "问责追究调整");
  EXPECT_EQ(label(Channel::kUnsuitable, Language::kZhCn), "不适宜担任现职调整");
  EXPECT_EQ(label(Heading::kRatedIncompetent, Language::kZhCn), "考核不称职者下");
  EXPECT_EQ(label(AdjustmentMethod::kNonLeadershipPost, Language::kZhCn), "改任非领导职务");
  EXPECT_EQ(label(RankLevel::kCountyPrincipal, Language::kZhCn), "县处级正职");
  EXPECT_EQ(label(BirthDateSource::kPersonnelFile, Language::kZhCn), "档案认定");
  EXPECT_EQ(label(Channel::kAgeLimit, Language::kEn),
            "removal or retirement on reaching the age limit");
}

TEST(Labels, OfficialTermsOfTheWholeSchema) {
  EXPECT_EQ(label(static_cast<PartySanctionKind>(4), Language::kZhCn), "留党察看");
  EXPECT_EQ(label(static_cast<ExemptionDecision>(1), Language::kZhCn), "免责");
  EXPECT_EQ(label("cadre.v1.PartySanctionKind", 4, Language::kZhCn), "留党察看");
  EXPECT_EQ(label("ExemptionDecision", 1, Language::kZhCn), "免责");
  EXPECT_EQ(label("Heading", 5, Language::kZhCn), "考核不称职者下");
  EXPECT_EQ(label("Channel", 3, Language::kZhCn), "问责追究调整");
}

TEST(Labels, EveryValueHasBothLabels) {
  for (int i = 0; i <= 7; ++i) {
    EXPECT_FALSE(label(static_cast<Channel>(i), Language::kZhCn).empty()) << i;
    EXPECT_FALSE(label(static_cast<Channel>(i), Language::kEn).empty()) << i;
  }
  for (int i = 0; i <= 8; ++i) {
    EXPECT_FALSE(label(static_cast<RankLevel>(i), Language::kZhCn).empty()) << i;
  }
  for (int i = 0; i <= 9; ++i) {
    EXPECT_FALSE(label(static_cast<AdjustmentMethod>(i), Language::kEn).empty()) << i;
  }
}

TEST(Labels, LookupByEnumName) {
  EXPECT_EQ(label("cadre.v1.Channel", 3, Language::kZhCn), "问责追究调整");
  EXPECT_EQ(label(".cadre.v1.Channel", 3, Language::kEn), "adjustment through accountability");
  EXPECT_EQ(label("Heading", 6, Language::kZhCn), "廉政不干净者下");
  EXPECT_EQ(label("Channel", 99, Language::kZhCn), "");
  EXPECT_EQ(label("Channel", -1, Language::kZhCn), "");
  EXPECT_EQ(label("NoSuchEnum", 1, Language::kEn), "");
  EXPECT_EQ(label("", 0, Language::kEn), "");
  EXPECT_EQ(label("cadre.v1.", 0, Language::kEn), "");
  EXPECT_EQ(label("cadre.v2.Channel", 3, Language::kEn), "");
  EXPECT_EQ(label("channel", 3, Language::kEn), "");
  EXPECT_EQ(label(static_cast<Channel>(42), Language::kEn), "");
}

TEST(Labels, AreNulTerminated) {
  // The C ABI hands data() to C.
  const std::string_view zh = label("Channel", 3, Language::kZhCn);
  EXPECT_EQ(std::strlen(zh.data()), zh.size());
  const std::string_view unknown = label("Channel", 99, Language::kZhCn);
  ASSERT_NE(unknown.data(), nullptr);
  EXPECT_EQ(unknown.data()[0], '\0');
}

// Every enum of the schema: enums.proto holds them all (no message nests one).
std::vector<const gp::EnumDescriptor *> schema_enums() {
  const gp::FileDescriptor *file = cadre::v1::Sex_descriptor()->file();
  std::vector<const gp::EnumDescriptor *> out;
  for (int i = 0; i < file->enum_type_count(); ++i) {
    out.push_back(file->enum_type(i));
  }
  return out;
}

TEST(Labels, EqualTheOptionsOfTheSchema) {
  const auto enums = schema_enums();
  ASSERT_GE(enums.size(), 40U);
  for (const gp::EnumDescriptor *e : enums) {
    for (int i = 0; i < e->value_count(); ++i) {
      const gp::EnumValueDescriptor *v = e->value(i);
      const std::string &zh = v->options().GetExtension(cadre::v1::zh_cn);
      const std::string &en = v->options().GetExtension(cadre::v1::en);
      EXPECT_FALSE(zh.empty()) << v->full_name();
      EXPECT_FALSE(en.empty()) << v->full_name();
      EXPECT_EQ(label(e->full_name(), v->number(), Language::kZhCn), zh) << v->full_name();
      EXPECT_EQ(label(e->full_name(), v->number(), Language::kEn), en) << v->full_name();
      EXPECT_EQ(label(e->name(), v->number(), Language::kEn), en) << v->full_name();
    }
  }
}

template <typename... E>
struct EnumList {};

// Every enumeration of cadre/enums.hpp: each must have labels through the
// SchemaEnum trait of cadre/labels.hpp.
using AllEnums = EnumList<
    Sex, BirthDateSource, RankLevel, PostKind, Channel, Heading, AdjustmentMethod, Verification,
    Determination, EducationLevel, AppointmentMode, PostEndReason, ProbationResult, UnitKind,
    RegionLevel, TeamRole, AssessmentGrade, NoGradeReason, TeamGrade, Responsibility, Severity,
    AccountabilityForm, OrganisationalMeasure, PartySanctionKind, GovernmentSanctionKind,
    EarlyWarningKind, InvestigationStatus, ExemptionGround, ExemptionExclusion, ExemptionDecision,
    ExemptionEffect, AuthorityKind, ResignationReason, FamilySituationKind, CandidacyStage,
    FollowUpActor, FollowUpOutcomeKind, RecordKind, EligibilityTarget, ProcedureKind, DecidedBy,
    ConsequenceKind, DayKind, CalendarFallback, PeriodUnit, FindingStatus, ExemptionOutcome,
    ActorRole, AuthorityLevel, StageEntry, FactType, GuardKind, AnchorPoint, DeadlineEffect,
    MajorityBase, CaseRejection, ToleranceProposal, CriterionStatus, ToleranceRole, CriterionTest,
    MitigationKind, StatisticsMeasure, StatisticsScope>;

// Schema enums that no C++ enumeration with a SchemaEnum line mirrors yet.
const std::set<std::string> kNotMirrored = {};

template <LabelledEnum E>
void check_typed(const gp::DescriptorPool &pool, std::set<std::string> &mirrored) {
  const std::string name(SchemaEnum<E>::name);
  mirrored.insert(name);
  const gp::EnumDescriptor *e = pool.FindEnumTypeByName(name);
  ASSERT_NE(e, nullptr) << name << " is not an enum of the schema";
  for (int i = 0; i < e->value_count(); ++i) {
    const gp::EnumValueDescriptor *v = e->value(i);
    const auto value = static_cast<E>(v->number());
    EXPECT_EQ(label(value, Language::kZhCn), v->options().GetExtension(cadre::v1::zh_cn))
        << v->full_name();
    EXPECT_EQ(label(value, Language::kEn), v->options().GetExtension(cadre::v1::en))
        << v->full_name();
    EXPECT_FALSE(label(value, Language::kZhCn).empty()) << v->full_name();
  }
}

template <typename... E>
void check_all_typed(EnumList<E...> /*unused*/, const gp::DescriptorPool &pool,
                     std::set<std::string> &mirrored) {
  (check_typed<E>(pool, mirrored), ...);
}

TEST(Labels, EveryEnumOfTheCppApiHasLabels) {
  const gp::DescriptorPool &pool = *cadre::v1::Sex_descriptor()->file()->pool();
  std::set<std::string> mirrored;
  check_all_typed(AllEnums{}, pool, mirrored);
  // Every schema enum is mirrored, or listed as not mirrored yet.
  for (const gp::EnumDescriptor *e : schema_enums()) {
    EXPECT_TRUE(mirrored.contains(e->full_name()) || kNotMirrored.contains(e->full_name()))
        << e->full_name() << " has no C++ enumeration with a SchemaEnum line in cadre/labels.hpp";
  }
}

static_assert(LabelledEnum<Channel>);
static_assert(!LabelledEnum<Language>);
static_assert(!LabelledEnum<int>);

}  // namespace
}  // namespace cadre
