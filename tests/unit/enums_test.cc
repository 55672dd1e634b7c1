// Every C++ enum of cadre/enums.hpp (and the two of cadre/catalogue.hpp)
// against its protobuf enum: the same number of values and the same number for
// each name. A value added to enums.proto without its C++ counterpart fails here.
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/enums.hpp"
#include "cadre/v1/enums.pb.h"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

struct Value {
  const char *name;  // proto name of the value
  int number;        // number of the C++ enumerator
};

struct EnumTable {
  const gp::EnumDescriptor *proto;
  std::vector<Value> values;
};

template <typename E>
constexpr int v(E e) {
  return static_cast<int>(e);
}

std::vector<EnumTable> tables() {
  return {
      {pb::Sex_descriptor(),
       {
           {"SEX_UNSPECIFIED", v(Sex::kUnspecified)},
           {"SEX_MALE", v(Sex::kMale)},
           {"SEX_FEMALE", v(Sex::kFemale)},
       }},
      {pb::BirthDateSource_descriptor(),
       {
           {"BIRTH_DATE_SOURCE_UNSPECIFIED", v(BirthDateSource::kUnspecified)},
           {"BIRTH_DATE_SOURCE_PERSONNEL_FILE", v(BirthDateSource::kPersonnelFile)},
           {"BIRTH_DATE_SOURCE_IDENTITY_CARD", v(BirthDateSource::kIdentityCard)},
           {"BIRTH_DATE_SOURCE_SELF_REPORTED", v(BirthDateSource::kSelfReported)},
       }},
      {pb::RankLevel_descriptor(),
       {
           {"RANK_LEVEL_UNSPECIFIED", v(RankLevel::kUnspecified)},
           {"RANK_LEVEL_PROVINCE_PRINCIPAL", v(RankLevel::kProvincePrincipal)},
           {"RANK_LEVEL_PROVINCE_DEPUTY", v(RankLevel::kProvinceDeputy)},
           {"RANK_LEVEL_BUREAU_PRINCIPAL", v(RankLevel::kBureauPrincipal)},
           {"RANK_LEVEL_BUREAU_DEPUTY", v(RankLevel::kBureauDeputy)},
           {"RANK_LEVEL_COUNTY_PRINCIPAL", v(RankLevel::kCountyPrincipal)},
           {"RANK_LEVEL_COUNTY_DEPUTY", v(RankLevel::kCountyDeputy)},
           {"RANK_LEVEL_TOWNSHIP_PRINCIPAL", v(RankLevel::kTownshipPrincipal)},
           {"RANK_LEVEL_TOWNSHIP_DEPUTY", v(RankLevel::kTownshipDeputy)},
       }},
      {pb::PostKind_descriptor(),
       {
           {"POST_KIND_UNSPECIFIED", v(PostKind::kUnspecified)},
           {"POST_KIND_LEADERSHIP", v(PostKind::kLeadership)},
           {"POST_KIND_RANK_ONLY", v(PostKind::kRankOnly)},
       }},
      {pb::Channel_descriptor(),
       {
           {"CHANNEL_UNSPECIFIED", v(Channel::kUnspecified)},
           {"CHANNEL_AGE_LIMIT", v(Channel::kAgeLimit)},
           {"CHANNEL_TERM", v(Channel::kTerm)},
           {"CHANNEL_ACCOUNTABILITY", v(Channel::kAccountability)},
           {"CHANNEL_UNSUITABLE", v(Channel::kUnsuitable)},
           {"CHANNEL_UNABLE_TO_PERFORM", v(Channel::kUnableToPerform)},
           {"CHANNEL_VOLUNTARY_RESIGNATION", v(Channel::kVoluntaryResignation)},
           {"CHANNEL_VIOLATION", v(Channel::kViolation)},
       }},
      {pb::Heading_descriptor(),
       {
           {"HEADING_UNSPECIFIED", v(Heading::kUnspecified)},
           {"HEADING_POLITICALLY_UNSTEADY", v(Heading::kPoliticallyUnsteady)},
           {"HEADING_NOT_COMPETENT", v(Heading::kNotCompetent)},
           {"HEADING_NOT_PRAGMATIC", v(Heading::kNotPragmatic)},
           {"HEADING_STATE_UNFIT", v(Heading::kStateUnfit)},
           {"HEADING_RATED_INCOMPETENT", v(Heading::kRatedIncompetent)},
           {"HEADING_NOT_CLEAN", v(Heading::kNotClean)},
       }},
      {pb::AdjustmentMethod_descriptor(),
       {
           {"ADJUSTMENT_METHOD_UNSPECIFIED", v(AdjustmentMethod::kUnspecified)},
           {"ADJUSTMENT_METHOD_TRANSFER_OUT", v(AdjustmentMethod::kTransferOut)},
           {"ADJUSTMENT_METHOD_NON_LEADERSHIP_POST", v(AdjustmentMethod::kNonLeadershipPost)},
           {"ADJUSTMENT_METHOD_RANK_ONLY_POST", v(AdjustmentMethod::kRankOnlyPost)},
           {"ADJUSTMENT_METHOD_REMOVAL", v(AdjustmentMethod::kRemoval)},
           {"ADJUSTMENT_METHOD_DEMOTION", v(AdjustmentMethod::kDemotion)},
           {"ADJUSTMENT_METHOD_ORDERED_RESIGNATION", v(AdjustmentMethod::kOrderedResignation)},
           {"ADJUSTMENT_METHOD_RESIGNATION_TAKING_BLAME",
            v(AdjustmentMethod::kResignationTakingBlame)},
           {"ADJUSTMENT_METHOD_RETIREMENT", v(AdjustmentMethod::kRetirement)},
           {"ADJUSTMENT_METHOD_RESIGNATION", v(AdjustmentMethod::kResignation)},
       }},
      {pb::Verification_descriptor(),
       {
           {"VERIFICATION_UNSPECIFIED", v(Verification::kUnspecified)},
           {"VERIFICATION_SAW", v(Verification::kSaw)},
           {"VERIFICATION_SAW_PARTIAL", v(Verification::kSawPartial)},
           {"VERIFICATION_SAW_SECONDARY", v(Verification::kSawSecondary)},
           {"VERIFICATION_SAW_LOCAL", v(Verification::kSawLocal)},
           {"VERIFICATION_RECALLED", v(Verification::kRecalled)},
       }},
      {pb::Determination_descriptor(),
       {
           {"DETERMINATION_UNSPECIFIED", v(Determination::kUnspecified)},
           {"DETERMINATION_COMPUTED", v(Determination::kComputed)},
           {"DETERMINATION_NEEDS_VERIFICATION", v(Determination::kNeedsVerification)},
       }},
      {pb::EducationLevel_descriptor(),
       {
           {"EDUCATION_LEVEL_UNSPECIFIED", v(EducationLevel::kUnspecified)},
           {"EDUCATION_LEVEL_SECONDARY", v(EducationLevel::kSecondary)},
           {"EDUCATION_LEVEL_SECONDARY_VOCATIONAL", v(EducationLevel::kSecondaryVocational)},
           {"EDUCATION_LEVEL_JUNIOR_COLLEGE", v(EducationLevel::kJuniorCollege)},
           {"EDUCATION_LEVEL_BACHELOR", v(EducationLevel::kBachelor)},
           {"EDUCATION_LEVEL_MASTER", v(EducationLevel::kMaster)},
           {"EDUCATION_LEVEL_DOCTOR", v(EducationLevel::kDoctor)},
       }},
      {pb::AppointmentMode_descriptor(),
       {
           {"APPOINTMENT_MODE_UNSPECIFIED", v(AppointmentMode::kUnspecified)},
           {"APPOINTMENT_MODE_ELECTED", v(AppointmentMode::kElected)},
           {"APPOINTMENT_MODE_APPOINTED", v(AppointmentMode::kAppointed)},
           {"APPOINTMENT_MODE_ENGAGED", v(AppointmentMode::kEngaged)},
       }},
      {pb::PostEndReason_descriptor(),
       {
           {"POST_END_REASON_UNSPECIFIED", v(PostEndReason::kUnspecified)},
           {"POST_END_REASON_PROMOTION", v(PostEndReason::kPromotion)},
           {"POST_END_REASON_TRANSFER", v(PostEndReason::kTransfer)},
           {"POST_END_REASON_EXCHANGE", v(PostEndReason::kExchange)},
           {"POST_END_REASON_TERM_ENDED", v(PostEndReason::kTermEnded)},
           {"POST_END_REASON_AGE_LIMIT", v(PostEndReason::kAgeLimit)},
           {"POST_END_REASON_REMOVAL", v(PostEndReason::kRemoval)},
           {"POST_END_REASON_DEMOTION", v(PostEndReason::kDemotion)},
           {"POST_END_REASON_TRANSFER_OUT", v(PostEndReason::kTransferOut)},
           {"POST_END_REASON_NON_LEADERSHIP_POST", v(PostEndReason::kNonLeadershipPost)},
           {"POST_END_REASON_RESIGNATION", v(PostEndReason::kResignation)},
           {"POST_END_REASON_ORDERED_RESIGNATION", v(PostEndReason::kOrderedResignation)},
           {"POST_END_REASON_RESIGNATION_TAKING_BLAME", v(PostEndReason::kResignationTakingBlame)},
           {"POST_END_REASON_PROBATION_FAILED", v(PostEndReason::kProbationFailed)},
           {"POST_END_REASON_DEATH", v(PostEndReason::kDeath)},
           {"POST_END_REASON_OTHER", v(PostEndReason::kOther)},
       }},
      {pb::ProbationResult_descriptor(),
       {
           {"PROBATION_RESULT_UNSPECIFIED", v(ProbationResult::kUnspecified)},
           {"PROBATION_RESULT_RUNNING", v(ProbationResult::kRunning)},
           {"PROBATION_RESULT_PASSED", v(ProbationResult::kPassed)},
           {"PROBATION_RESULT_FAILED", v(ProbationResult::kFailed)},
       }},
      {pb::UnitKind_descriptor(),
       {
           {"UNIT_KIND_UNSPECIFIED", v(UnitKind::kUnspecified)},
           {"UNIT_KIND_PARTY_COMMITTEE", v(UnitKind::kPartyCommittee)},
           {"UNIT_KIND_PARTY_DEPARTMENT", v(UnitKind::kPartyDepartment)},
           {"UNIT_KIND_PEOPLES_CONGRESS", v(UnitKind::kPeoplesCongress)},
           {"UNIT_KIND_GOVERNMENT", v(UnitKind::kGovernment)},
           {"UNIT_KIND_GOVERNMENT_DEPARTMENT", v(UnitKind::kGovernmentDepartment)},
           {"UNIT_KIND_CPPCC", v(UnitKind::kCppcc)},
           {"UNIT_KIND_SUPERVISION", v(UnitKind::kSupervision)},
           {"UNIT_KIND_COURT", v(UnitKind::kCourt)},
           {"UNIT_KIND_PROCURATORATE", v(UnitKind::kProcuratorate)},
           {"UNIT_KIND_MASS_ORGANISATION", v(UnitKind::kMassOrganisation)},
           {"UNIT_KIND_PUBLIC_INSTITUTION", v(UnitKind::kPublicInstitution)},
           {"UNIT_KIND_STATE_ENTERPRISE", v(UnitKind::kStateEnterprise)},
           {"UNIT_KIND_TOWNSHIP", v(UnitKind::kTownship)},
       }},
      {pb::RegionLevel_descriptor(),
       {
           {"REGION_LEVEL_UNSPECIFIED", v(RegionLevel::kUnspecified)},
           {"REGION_LEVEL_PROVINCE", v(RegionLevel::kProvince)},
           {"REGION_LEVEL_CITY", v(RegionLevel::kCity)},
           {"REGION_LEVEL_COUNTY", v(RegionLevel::kCounty)},
           {"REGION_LEVEL_TOWNSHIP", v(RegionLevel::kTownship)},
       }},
      {pb::TeamRole_descriptor(),
       {
           {"TEAM_ROLE_UNSPECIFIED", v(TeamRole::kUnspecified)},
           {"TEAM_ROLE_PRINCIPAL", v(TeamRole::kPrincipal)},
           {"TEAM_ROLE_DEPUTY", v(TeamRole::kDeputy)},
           {"TEAM_ROLE_MEMBER", v(TeamRole::kMember)},
       }},
      {pb::AssessmentGrade_descriptor(),
       {
           {"ASSESSMENT_GRADE_UNSPECIFIED", v(AssessmentGrade::kUnspecified)},
           {"ASSESSMENT_GRADE_EXCELLENT", v(AssessmentGrade::kExcellent)},
           {"ASSESSMENT_GRADE_COMPETENT", v(AssessmentGrade::kCompetent)},
           {"ASSESSMENT_GRADE_BASICALLY_COMPETENT", v(AssessmentGrade::kBasicallyCompetent)},
           {"ASSESSMENT_GRADE_INCOMPETENT", v(AssessmentGrade::kIncompetent)},
           {"ASSESSMENT_GRADE_NOT_GRADED", v(AssessmentGrade::kNotGraded)},
       }},
      {pb::NoGradeReason_descriptor(),
       {
           {"NO_GRADE_REASON_UNSPECIFIED", v(NoGradeReason::kUnspecified)},
           {"NO_GRADE_REASON_UNDER_INVESTIGATION", v(NoGradeReason::kUnderInvestigation)},
           {"NO_GRADE_REASON_SANCTION", v(NoGradeReason::kSanction)},
           {"NO_GRADE_REASON_ORGANISATIONAL_MEASURE", v(NoGradeReason::kOrganisationalMeasure)},
           {"NO_GRADE_REASON_NEW_IN_POST", v(NoGradeReason::kNewInPost)},
           {"NO_GRADE_REASON_LONG_ABSENCE", v(NoGradeReason::kLongAbsence)},
           {"NO_GRADE_REASON_OTHER", v(NoGradeReason::kOther)},
       }},
      {pb::TeamGrade_descriptor(),
       {
           {"TEAM_GRADE_UNSPECIFIED", v(TeamGrade::kUnspecified)},
           {"TEAM_GRADE_GOOD", v(TeamGrade::kGood)},
           {"TEAM_GRADE_FAIRLY_GOOD", v(TeamGrade::kFairlyGood)},
           {"TEAM_GRADE_AVERAGE", v(TeamGrade::kAverage)},
           {"TEAM_GRADE_POOR", v(TeamGrade::kPoor)},
       }},
      {pb::Responsibility_descriptor(),
       {
           {"RESPONSIBILITY_UNSPECIFIED", v(Responsibility::kUnspecified)},
           {"RESPONSIBILITY_OVERALL_LEADERSHIP", v(Responsibility::kOverallLeadership)},
           {"RESPONSIBILITY_PRINCIPAL_LEADERSHIP", v(Responsibility::kPrincipalLeadership)},
           {"RESPONSIBILITY_IMPORTANT_LEADERSHIP", v(Responsibility::kImportantLeadership)},
           {"RESPONSIBILITY_DIRECT", v(Responsibility::kDirect)},
       }},
      {pb::Severity_descriptor(),
       {
           {"SEVERITY_UNSPECIFIED", v(Severity::kUnspecified)},
           {"SEVERITY_MINOR", v(Severity::kMinor)},
           {"SEVERITY_SERIOUS", v(Severity::kSerious)},
           {"SEVERITY_GRAVE", v(Severity::kGrave)},
       }},
      {pb::AccountabilityForm_descriptor(),
       {
           {"ACCOUNTABILITY_FORM_UNSPECIFIED", v(AccountabilityForm::kUnspecified)},
           {"ACCOUNTABILITY_FORM_CIRCULATED_CRITICISM",
            v(AccountabilityForm::kCirculatedCriticism)},
           {"ACCOUNTABILITY_FORM_ADMONISHMENT", v(AccountabilityForm::kAdmonishment)},
           {"ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT",
            v(AccountabilityForm::kOrganisationalAdjustment)},
           {"ACCOUNTABILITY_FORM_DISCIPLINARY_SANCTION",
            v(AccountabilityForm::kDisciplinarySanction)},
           {"ACCOUNTABILITY_FORM_PUBLIC_APOLOGY", v(AccountabilityForm::kPublicApology)},
       }},
      {pb::OrganisationalMeasure_descriptor(),
       {
           {"ORGANISATIONAL_MEASURE_UNSPECIFIED", v(OrganisationalMeasure::kUnspecified)},
           {"ORGANISATIONAL_MEASURE_SUSPENSION_FOR_REVIEW",
            v(OrganisationalMeasure::kSuspensionForReview)},
           {"ORGANISATIONAL_MEASURE_POST_ADJUSTMENT", v(OrganisationalMeasure::kPostAdjustment)},
           {"ORGANISATIONAL_MEASURE_ORDERED_RESIGNATION",
            v(OrganisationalMeasure::kOrderedResignation)},
           {"ORGANISATIONAL_MEASURE_REMOVAL", v(OrganisationalMeasure::kRemoval)},
           {"ORGANISATIONAL_MEASURE_DEMOTION", v(OrganisationalMeasure::kDemotion)},
           {"ORGANISATIONAL_MEASURE_RESIGNATION_TAKING_BLAME",
            v(OrganisationalMeasure::kResignationTakingBlame)},
       }},
      {pb::PartySanctionKind_descriptor(),
       {
           {"PARTY_SANCTION_KIND_UNSPECIFIED", v(PartySanctionKind::kUnspecified)},
           {"PARTY_SANCTION_KIND_WARNING", v(PartySanctionKind::kWarning)},
           {"PARTY_SANCTION_KIND_SERIOUS_WARNING", v(PartySanctionKind::kSeriousWarning)},
           {"PARTY_SANCTION_KIND_REMOVAL_FROM_PARTY_POST",
            v(PartySanctionKind::kRemovalFromPartyPost)},
           {"PARTY_SANCTION_KIND_PROBATION_WITHIN_PARTY",
            v(PartySanctionKind::kProbationWithinParty)},
           {"PARTY_SANCTION_KIND_EXPULSION", v(PartySanctionKind::kExpulsion)},
       }},
      {pb::GovernmentSanctionKind_descriptor(),
       {
           {"GOVERNMENT_SANCTION_KIND_UNSPECIFIED", v(GovernmentSanctionKind::kUnspecified)},
           {"GOVERNMENT_SANCTION_KIND_WARNING", v(GovernmentSanctionKind::kWarning)},
           {"GOVERNMENT_SANCTION_KIND_DEMERIT", v(GovernmentSanctionKind::kDemerit)},
           {"GOVERNMENT_SANCTION_KIND_MAJOR_DEMERIT", v(GovernmentSanctionKind::kMajorDemerit)},
           {"GOVERNMENT_SANCTION_KIND_DOWNGRADE", v(GovernmentSanctionKind::kDowngrade)},
           {"GOVERNMENT_SANCTION_KIND_DISMISSAL_FROM_POST",
            v(GovernmentSanctionKind::kDismissalFromPost)},
           {"GOVERNMENT_SANCTION_KIND_EXPULSION", v(GovernmentSanctionKind::kExpulsion)},
       }},
      {pb::EarlyWarningKind_descriptor(),
       {
           {"EARLY_WARNING_KIND_UNSPECIFIED", v(EarlyWarningKind::kUnspecified)},
           {"EARLY_WARNING_KIND_REMINDER", v(EarlyWarningKind::kReminder)},
           {"EARLY_WARNING_KIND_INQUIRY_LETTER", v(EarlyWarningKind::kInquiryLetter)},
           {"EARLY_WARNING_KIND_ADMONISHMENT", v(EarlyWarningKind::kAdmonishment)},
       }},
      {pb::InvestigationStatus_descriptor(),
       {
           {"INVESTIGATION_STATUS_UNSPECIFIED", v(InvestigationStatus::kUnspecified)},
           {"INVESTIGATION_STATUS_OPEN", v(InvestigationStatus::kOpen)},
           {"INVESTIGATION_STATUS_CLOSED_NO_SANCTION", v(InvestigationStatus::kClosedNoSanction)},
           {"INVESTIGATION_STATUS_CLOSED_SANCTIONED", v(InvestigationStatus::kClosedSanctioned)},
           {"INVESTIGATION_STATUS_TRANSFERRED", v(InvestigationStatus::kTransferred)},
       }},
      {pb::ExemptionGround_descriptor(),
       {
           {"EXEMPTION_GROUND_UNSPECIFIED", v(ExemptionGround::kUnspecified)},
           {"EXEMPTION_GROUND_REFORM_TRIAL", v(ExemptionGround::kReformTrial)},
           {"EXEMPTION_GROUND_UNREGULATED_EXPLORATION",
            v(ExemptionGround::kUnregulatedExploration)},
           {"EXEMPTION_GROUND_UNINTENTIONAL_FOR_DEVELOPMENT",
            v(ExemptionGround::kUnintentionalForDevelopment)},
           {"EXEMPTION_GROUND_DISSENT_RECORDED", v(ExemptionGround::kDissentRecorded)},
           {"EXEMPTION_GROUND_FORCE_MAJEURE", v(ExemptionGround::kForceMajeure)},
           {"EXEMPTION_GROUND_OBJECTED_TO_SUPERIOR", v(ExemptionGround::kObjectedToSuperior)},
       }},
      {pb::ExemptionExclusion_descriptor(),
       {
           {"EXEMPTION_EXCLUSION_UNSPECIFIED", v(ExemptionExclusion::kUnspecified)},
           {"EXEMPTION_EXCLUSION_VIOLATION_OF_LAW_OR_DISCIPLINE",
            v(ExemptionExclusion::kViolationOfLawOrDiscipline)},
           {"EXEMPTION_EXCLUSION_MAJOR_SAFETY_ACCIDENT",
            v(ExemptionExclusion::kMajorSafetyAccident)},
           {"EXEMPTION_EXCLUSION_SEVERE_ENVIRONMENTAL_DAMAGE",
            v(ExemptionExclusion::kSevereEnvironmentalDamage)},
           {"EXEMPTION_EXCLUSION_MAJOR_MASS_INCIDENT", v(ExemptionExclusion::kMajorMassIncident)},
           {"EXEMPTION_EXCLUSION_PERSONAL_GAIN", v(ExemptionExclusion::kPersonalGain)},
           {"EXEMPTION_EXCLUSION_BYPASSED_DECISION_PROCEDURE",
            v(ExemptionExclusion::kBypassedDecisionProcedure)},
           {"EXEMPTION_EXCLUSION_DEFIED_EXPLICIT_BAN", v(ExemptionExclusion::kDefiedExplicitBan)},
       }},
      {pb::ExemptionDecision_descriptor(),
       {
           {"EXEMPTION_DECISION_UNSPECIFIED", v(ExemptionDecision::kUnspecified)},
           {"EXEMPTION_DECISION_EXEMPT", v(ExemptionDecision::kExempt)},
           {"EXEMPTION_DECISION_LIGHTER", v(ExemptionDecision::kLighter)},
           {"EXEMPTION_DECISION_MITIGATED", v(ExemptionDecision::kMitigated)},
           {"EXEMPTION_DECISION_DENIED", v(ExemptionDecision::kDenied)},
           {"EXEMPTION_DECISION_PENDING", v(ExemptionDecision::kPending)},
       }},
      {pb::ExemptionEffect_descriptor(),
       {
           {"EXEMPTION_EFFECT_UNSPECIFIED", v(ExemptionEffect::kUnspecified)},
           {"EXEMPTION_EFFECT_NEGATIVE_EVALUATION", v(ExemptionEffect::kNegativeEvaluation)},
           {"EXEMPTION_EFFECT_PERFORMANCE_ASSESSMENT", v(ExemptionEffect::kPerformanceAssessment)},
           {"EXEMPTION_EFFECT_AWARDS", v(ExemptionEffect::kAwards)},
           {"EXEMPTION_EFFECT_PROMOTION", v(ExemptionEffect::kPromotion)},
           {"EXEMPTION_EFFECT_RANK_AND_TITLE", v(ExemptionEffect::kRankAndTitle)},
           {"EXEMPTION_EFFECT_RESERVE_STATUS", v(ExemptionEffect::kReserveStatus)},
           {"EXEMPTION_EFFECT_DEPUTY_STATUS", v(ExemptionEffect::kDeputyStatus)},
       }},
      {pb::AuthorityKind_descriptor(),
       {
           {"AUTHORITY_KIND_UNSPECIFIED", v(AuthorityKind::kUnspecified)},
           {"AUTHORITY_KIND_PARTY_COMMITTEE", v(AuthorityKind::kPartyCommittee)},
           {"AUTHORITY_KIND_ORGANISATION_DEPARTMENT", v(AuthorityKind::kOrganisationDepartment)},
           {"AUTHORITY_KIND_DISCIPLINE_COMMISSION", v(AuthorityKind::kDisciplineCommission)},
           {"AUTHORITY_KIND_PEOPLES_CONGRESS", v(AuthorityKind::kPeoplesCongress)},
           {"AUTHORITY_KIND_GOVERNMENT", v(AuthorityKind::kGovernment)},
           {"AUTHORITY_KIND_UNIT", v(AuthorityKind::kUnit)},
       }},
      {pb::ResignationReason_descriptor(),
       {
           {"RESIGNATION_REASON_UNSPECIFIED", v(ResignationReason::kUnspecified)},
           {"RESIGNATION_REASON_FAMILY_HARDSHIP", v(ResignationReason::kFamilyHardship)},
           {"RESIGNATION_REASON_HEALTH", v(ResignationReason::kHealth)},
           {"RESIGNATION_REASON_OTHER_OPPORTUNITY", v(ResignationReason::kOtherOpportunity)},
           {"RESIGNATION_REASON_OTHER", v(ResignationReason::kOther)},
       }},
      {pb::FamilySituationKind_descriptor(),
       {
           {"FAMILY_SITUATION_KIND_UNSPECIFIED", v(FamilySituationKind::kUnspecified)},
           {"FAMILY_SITUATION_KIND_SPOUSE_EMIGRATED", v(FamilySituationKind::kSpouseEmigrated)},
           {"FAMILY_SITUATION_KIND_ALL_CHILDREN_EMIGRATED",
            v(FamilySituationKind::kAllChildrenEmigrated)},
           {"FAMILY_SITUATION_KIND_SPOUSE_RUNS_BUSINESS",
            v(FamilySituationKind::kSpouseRunsBusiness)},
           {"FAMILY_SITUATION_KIND_CHILD_RUNS_BUSINESS",
            v(FamilySituationKind::kChildRunsBusiness)},
       }},
      {pb::CandidacyStage_descriptor(),
       {
           {"CANDIDACY_STAGE_UNSPECIFIED", v(CandidacyStage::kUnspecified)},
           {"CANDIDACY_STAGE_RECOMMENDED", v(CandidacyStage::kRecommended)},
           {"CANDIDACY_STAGE_INSPECTED", v(CandidacyStage::kInspected)},
           {"CANDIDACY_STAGE_DECIDED", v(CandidacyStage::kDecided)},
           {"CANDIDACY_STAGE_PUBLICISED", v(CandidacyStage::kPublicised)},
           {"CANDIDACY_STAGE_WITHDRAWN", v(CandidacyStage::kWithdrawn)},
       }},
      {pb::FollowUpActor_descriptor(),
       {
           {"FOLLOW_UP_ACTOR_UNSPECIFIED", v(FollowUpActor::kUnspecified)},
           {"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL", v(FollowUpActor::kUnitPrincipal)},
           {"FOLLOW_UP_ACTOR_LEADER_IN_CHARGE", v(FollowUpActor::kLeaderInCharge)},
           {"FOLLOW_UP_ACTOR_ORGANISATION_DEPARTMENT", v(FollowUpActor::kOrganisationDepartment)},
       }},
      {pb::FollowUpOutcomeKind_descriptor(),
       {
           {"FOLLOW_UP_OUTCOME_KIND_UNSPECIFIED", v(FollowUpOutcomeKind::kUnspecified)},
           {"FOLLOW_UP_OUTCOME_KIND_CONTINUING", v(FollowUpOutcomeKind::kContinuing)},
           {"FOLLOW_UP_OUTCOME_KIND_REAPPOINTED", v(FollowUpOutcomeKind::kReappointed)},
           {"FOLLOW_UP_OUTCOME_KIND_COMMENDED", v(FollowUpOutcomeKind::kCommended)},
           {"FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN", v(FollowUpOutcomeKind::kAdjustedAgain)},
       }},
      {pb::RecordKind_descriptor(),
       {
           {"RECORD_KIND_UNSPECIFIED", v(RecordKind::kUnspecified)},
           {"RECORD_KIND_CADRE", v(RecordKind::kCadre)},
           {"RECORD_KIND_POST", v(RecordKind::kPost)},
           {"RECORD_KIND_ASSESSMENT", v(RecordKind::kAssessment)},
           {"RECORD_KIND_INCIDENT", v(RecordKind::kIncident)},
           {"RECORD_KIND_ACCOUNTABILITY_DECISION", v(RecordKind::kAccountabilityDecision)},
           {"RECORD_KIND_PARTY_SANCTION", v(RecordKind::kPartySanction)},
           {"RECORD_KIND_GOVERNMENT_SANCTION", v(RecordKind::kGovernmentSanction)},
           {"RECORD_KIND_EARLY_WARNING", v(RecordKind::kEarlyWarning)},
           {"RECORD_KIND_INVESTIGATION", v(RecordKind::kInvestigation)},
           {"RECORD_KIND_ADJUSTMENT", v(RecordKind::kAdjustment)},
           {"RECORD_KIND_EXEMPTION_CLAIM", v(RecordKind::kExemptionClaim)},
           {"RECORD_KIND_HEALTH_SPELL", v(RecordKind::kHealthSpell)},
           {"RECORD_KIND_STUDY_LEAVE", v(RecordKind::kStudyLeave)},
           {"RECORD_KIND_RESIGNATION_REQUEST", v(RecordKind::kResignationRequest)},
           {"RECORD_KIND_FAMILY_SITUATION", v(RecordKind::kFamilySituation)},
           {"RECORD_KIND_ASSIGNMENT_REFUSAL", v(RecordKind::kAssignmentRefusal)},
           {"RECORD_KIND_CANDIDACY", v(RecordKind::kCandidacy)},
           {"RECORD_KIND_FOLLOW_UP_PLAN", v(RecordKind::kFollowUpPlan)},
       }},
      {pb::EligibilityTarget_descriptor(),
       {
           {"ELIGIBILITY_TARGET_UNSPECIFIED", v(EligibilityTarget::kUnspecified)},
           {"ELIGIBILITY_TARGET_SAME_LEVEL", v(EligibilityTarget::kSameLevel)},
           {"ELIGIBILITY_TARGET_HIGHER_LEVEL", v(EligibilityTarget::kHigherLevel)},
           {"ELIGIBILITY_TARGET_NAMED_LEVEL", v(EligibilityTarget::kNamedLevel)},
           {"ELIGIBILITY_TARGET_EXCEPTIONAL", v(EligibilityTarget::kExceptional)},
           {"ELIGIBILITY_TARGET_CANDIDATE", v(EligibilityTarget::kCandidate)},
       }},
      {pb::ProcedureKind_descriptor(),
       {
           {"PROCEDURE_KIND_UNSPECIFIED", v(ProcedureKind::kUnspecified)},
           {"PROCEDURE_KIND_RETIREMENT", v(ProcedureKind::kRetirement)},
           {"PROCEDURE_KIND_ACCOUNTABILITY_ADJUSTMENT",
            v(ProcedureKind::kAccountabilityAdjustment)},
           {"PROCEDURE_KIND_UNSUITABLE_ADJUSTMENT", v(ProcedureKind::kUnsuitableAdjustment)},
           {"PROCEDURE_KIND_HEALTH_ADJUSTMENT", v(ProcedureKind::kHealthAdjustment)},
           {"PROCEDURE_KIND_RESIGNATION", v(ProcedureKind::kResignation)},
           {"PROCEDURE_KIND_TERM_EXCHANGE", v(ProcedureKind::kTermExchange)},
           {"PROCEDURE_KIND_VIOLATION_REMOVAL", v(ProcedureKind::kViolationRemoval)},
           {"PROCEDURE_KIND_EXEMPTION_REVIEW", v(ProcedureKind::kExemptionReview)},
       }},
      {pb::DecidedBy_descriptor(),
       {
           {"DECIDED_BY_UNSPECIFIED", v(DecidedBy::kUnspecified)},
           {"DECIDED_BY_COMPUTATION", v(DecidedBy::kComputation)},
           {"DECIDED_BY_RECORD", v(DecidedBy::kRecord)},
       }},
      {pb::ConsequenceKind_descriptor(),
       {
           {"CONSEQUENCE_KIND_UNSPECIFIED", v(ConsequenceKind::kUnspecified)},
           {"CONSEQUENCE_KIND_NO_PROMOTION", v(ConsequenceKind::kNoPromotion)},
           {"CONSEQUENCE_KIND_NO_LEADERSHIP_POST", v(ConsequenceKind::kNoLeadershipPost)},
           {"CONSEQUENCE_KIND_NO_HIGHER_POST", v(ConsequenceKind::kNoHigherPost)},
           {"CONSEQUENCE_KIND_GRADE_CAP", v(ConsequenceKind::kGradeCap)},
           {"CONSEQUENCE_KIND_DEADLINE", v(ConsequenceKind::kDeadline)},
           {"CONSEQUENCE_KIND_NO_AWARDS", v(ConsequenceKind::kNoAwards)},
       }},
      {pb::DayKind_descriptor(),
       {
           {"DAY_KIND_UNSPECIFIED", v(DayKind::kUnspecified)},
           {"DAY_KIND_WORKDAY", v(DayKind::kWorkday)},
           {"DAY_KIND_WEEKEND", v(DayKind::kWeekend)},
           {"DAY_KIND_HOLIDAY", v(DayKind::kHoliday)},
           {"DAY_KIND_MAKE_UP_WORKDAY", v(DayKind::kMakeUpWorkday)},
       }},
      {pb::CalendarFallback_descriptor(),
       {
           {"CALENDAR_FALLBACK_UNSPECIFIED", v(CalendarFallback::kUnspecified)},
           {"CALENDAR_FALLBACK_ERROR", v(CalendarFallback::kError)},
           {"CALENDAR_FALLBACK_WEEKENDS_ONLY", v(CalendarFallback::kWeekendsOnly)},
       }},
      {pb::PeriodUnit_descriptor(),
       {
           {"PERIOD_UNIT_UNSPECIFIED", v(PeriodUnit::kUnspecified)},
           {"PERIOD_UNIT_WORKING_DAYS", v(PeriodUnit::kWorkingDays)},
           {"PERIOD_UNIT_DAYS", v(PeriodUnit::kDays)},
           {"PERIOD_UNIT_MONTHS", v(PeriodUnit::kMonths)},
           {"PERIOD_UNIT_YEARS", v(PeriodUnit::kYears)},
       }},
  };
}

TEST(Enums, EveryCppEnumMatchesItsProtoEnum) {
  for (const EnumTable &t : tables()) {
    ASSERT_NE(t.proto, nullptr);
    EXPECT_EQ(static_cast<int>(t.values.size()), t.proto->value_count()) << t.proto->full_name();
    for (const Value &value : t.values) {
      const gp::EnumValueDescriptor *d = t.proto->FindValueByName(value.name);
      ASSERT_NE(d, nullptr) << t.proto->full_name() << ": no value " << value.name;
      EXPECT_EQ(d->number(), value.number) << value.name;
    }
  }
}

TEST(Enums, EveryProtoEnumHasACppEnum) {
  const gp::FileDescriptor *file = pb::Sex_descriptor()->file();
  std::set<std::string> covered;
  for (const EnumTable &t : tables()) covered.insert(t.proto->full_name());
  EXPECT_EQ(static_cast<int>(covered.size()), file->enum_type_count());
  for (int i = 0; i < file->enum_type_count(); ++i) {
    EXPECT_EQ(covered.count(file->enum_type(i)->full_name()), 1U)
        << file->enum_type(i)->full_name() << " has no C++ enum in cadre/enums.hpp";
  }
}

TEST(Enums, RankHelpers) {
  EXPECT_TRUE(at_or_above_county(RankLevel::kCountyDeputy));
  EXPECT_FALSE(at_or_above_county(RankLevel::kTownshipPrincipal));
  EXPECT_FALSE(at_or_above_county(RankLevel::kUnspecified));
  EXPECT_TRUE(at_or_above_bureau(RankLevel::kBureauDeputy));
  EXPECT_FALSE(at_or_above_bureau(RankLevel::kCountyPrincipal));
}

}  // namespace
}  // namespace cadre
