/**
 * @file cadre/enums.hpp
 * @brief Every enumeration of the schema (proto/cadre/v1/enums.proto) as a C++ enum class.
 *
 * Each enumerator has the number of the schema's value (the test
 * Enums.EveryCppEnumMatchesItsProtoEnum checks them one by one) and its zh-CN term. Enumerations
 * are open, as in the schema: a number unknown to this version is kept as it is in a domain value
 * and reported by validation, never crashed on. The labels in both languages are in
 * cadre/labels.hpp.
 */
#ifndef CADRE_ENUMS_HPP
#define CADRE_ENUMS_HPP

#include <cstdint>

namespace cadre {
inline namespace api_v1 {

/** Sex as recorded in the personnel file. Schema: `cadre.v1.Sex`. */
enum class Sex : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kMale = 1,         ///< 男 (male)
  kFemale = 2,       ///< 女 (female)
};

/** Where a birth date comes from. Age rules read the date certified from the personnel file
 * (档案认定). Schema: `cadre.v1.BirthDateSource`. */
enum class BirthDateSource : std::int32_t {
  kUnspecified = 0,    ///< 未指定 (unspecified)
  kPersonnelFile = 1,  ///< 档案认定 (certified from the personnel file)
  kIdentityCard = 2,   ///< 身份证 (identity card)
  kSelfReported = 3,   ///< 本人填报 (self-reported)
};

/** Rank level of a post (职务层次): 正 = principal, 副 = deputy. Schema: `cadre.v1.RankLevel`. */
enum class RankLevel : std::int32_t {
  kUnspecified = 0,        ///< 未指定 (unspecified)
  kProvincePrincipal = 1,  ///< 省部级正职 (provincial / ministerial principal)
  kProvinceDeputy = 2,     ///< 省部级副职 (provincial / ministerial deputy)
  kBureauPrincipal = 3,    ///< 厅局级正职 (department / bureau principal)
  kBureauDeputy = 4,       ///< 厅局级副职 (department / bureau deputy)
  kCountyPrincipal = 5,    ///< 县处级正职 (county / division principal)
  kCountyDeputy = 6,       ///< 县处级副职 (county / division deputy)
  kTownshipPrincipal = 7,  ///< 乡科级正职 (township / section principal)
  kTownshipDeputy = 8,     ///< 乡科级副职 (township / section deputy)
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

/** A leadership post (领导职务) or a rank only (职级). Schema: `cadre.v1.PostKind`. */
enum class PostKind : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kLeadership = 1,   ///< 领导职务 (leadership post)
  kRankOnly = 2,     ///< 职级 (rank only)
};

/** The seven channels of going "down" (下的渠道) named by the 2017 Jiangxi article. Schema:
 * `cadre.v1.Channel`. */
enum class Channel : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kAgeLimit = 1,     ///< 到龄免职(退休) (removal or retirement on reaching the age limit)
  kTerm =
      2,  ///< 任期届满离任和任内调整 (leaving at the end of a term, and adjustment during a term)
  kAccountability = 3,  ///< 问责追究调整 (adjustment through accountability)
  kUnsuitable = 4,  ///< 不适宜担任现职调整 (adjustment as unsuitable for the current post)
  kUnableToPerform = 5,  ///< 不能正常履职调整 (adjustment as unable to perform duties normally)
  kVoluntaryResignation = 6,  ///< 自愿辞职 (voluntary resignation)
  kViolation = 7,             ///< 违法违纪免职 (removal for violating law or discipline)
};

/** The six "者下" headings of the Jiangxi rules. Schema: `cadre.v1.Heading`. */
enum class Heading : std::int32_t {
  kUnspecified = 0,          ///< 未指定 (unspecified)
  kPoliticallyUnsteady = 1,  ///< 政治不坚定者下 (politically unsteady: down)
  kNotCompetent = 2,         ///< 能力不胜任者下 (not competent: down)
  kNotPragmatic = 3,         ///< 作风不务实者下 (work style not pragmatic: down)
  kStateUnfit = 4,           ///< 状态不适宜者下 (state unfit: down)
  kRatedIncompetent = 5,     ///< 考核不称职者下 (rated incompetent in assessment: down)
  kNotClean = 6,             ///< 廉政不干净者下 (not clean: down)
};

/** Methods of adjustment (调整方式). Schema: `cadre.v1.AdjustmentMethod`. */
enum class AdjustmentMethod : std::int32_t {
  kUnspecified = 0,             ///< 未指定 (unspecified)
  kTransferOut = 1,             ///< 调离岗位 (transfer out of the post)
  kNonLeadershipPost = 2,       ///< 改任非领导职务 (change to a non-leadership post)
  kRankOnlyPost = 3,            ///< 改任职级 (change to a rank-only post)
  kRemoval = 4,                 ///< 免职 (removal from post)
  kDemotion = 5,                ///< 降职 (demotion)
  kOrderedResignation = 6,      ///< 责令辞职 (ordered resignation)
  kResignationTakingBlame = 7,  ///< 引咎辞职 (resignation taking the blame)
  kRetirement = 8,              ///< 退休 (retirement)
  kResignation = 9,             ///< 辞职 (resignation)
};

/** How far a cited text was verified (the tags of shared/domain/regulations.md). Schema:
 * `cadre.v1.Verification`. */
enum class Verification : std::int32_t {
  kUnspecified = 0,   ///< 未指定 (unspecified)
  kSaw = 1,           ///< 已核对原文 (wording seen in a public copy)
  kSawPartial = 2,    ///< 仅核对部分原文 (only the quoted part seen)
  kSawSecondary = 3,  ///< 仅见于摘要或转述 (seen only in a summary or paraphrase)
  kSawLocal = 4,      ///< 见于地方实施规定 (seen in a local implementing rule)
  kRecalled = 5,      ///< 未经核实（可配置政策） (not verified: configurable policy)
};

/** Whether a result was computed from data or needs a person to verify it. Schema:
 * `cadre.v1.Determination`. */
enum class Determination : std::int32_t {
  kUnspecified = 0,        ///< 未指定 (unspecified)
  kComputed = 1,           ///< 已计算 (computed from data)
  kNeedsVerification = 2,  ///< 待核实 (needs verification)
};

/** Highest education level (学历). Schema: `cadre.v1.EducationLevel`. */
enum class EducationLevel : std::int32_t {
  kUnspecified = 0,          ///< 未指定 (unspecified)
  kSecondary = 1,            ///< 高中及以下 (secondary school or below)
  kSecondaryVocational = 2,  ///< 中专 (secondary vocational school)
  kJuniorCollege = 3,        ///< 大学专科 (junior college)
  kBachelor = 4,             ///< 大学本科 (bachelor's degree)
  kMaster = 5,               ///< 硕士研究生 (master's degree)
  kDoctor = 6,               ///< 博士研究生 (doctorate)
};

/** How a post is filled (任用方式). Schema: `cadre.v1.AppointmentMode`. */
enum class AppointmentMode : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kElected = 1,      ///< 选任制 (elected)
  kAppointed = 2,    ///< 委任制 (appointed)
  kEngaged = 3,      ///< 聘任制 (engaged by contract)
};

/** How a post ended. Schema: `cadre.v1.PostEndReason`. */
enum class PostEndReason : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kPromotion = 1,    ///< 提拔 (promotion)
  kTransfer = 2,     ///< 平级调任 (transfer at the same level)
  kExchange = 3,     ///< 交流 (exchange)
  kTermEnded = 4,    ///< 任期届满 (end of the term of office)
  kAgeLimit = 5,     ///< 到龄免职(退休) (age limit or retirement)
  kRemoval = 6,      ///< 免职 (removal from post)
  kDemotion = 7,     ///< 降职 (demotion)
  kTransferOut = 8,  ///< 调离岗位 (transfer out of the post)
  kNonLeadershipPost = 9,  ///< 改任非领导职务或职级 (change to a non-leadership or rank-only post)
  kResignation = 10,             ///< 辞职 (resignation)
  kOrderedResignation = 11,      ///< 责令辞职 (ordered resignation)
  kResignationTakingBlame = 12,  ///< 引咎辞职 (resignation taking the blame)
  kProbationFailed = 13,         ///< 试用期满考核不合格 (failed probation)
  kDeath = 14,                   ///< 去世 (death)
  kOther = 15,                   ///< 其他 (other)
};

/** State of a probation period (任职试用期). Schema: `cadre.v1.ProbationResult`. */
enum class ProbationResult : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kRunning = 1,      ///< 试用中 (running)
  kPassed = 2,       ///< 考核合格 (passed)
  kFailed = 3,       ///< 考核不合格 (failed)
};

/** Kind of unit (单位类别). Schema: `cadre.v1.UnitKind`. */
enum class UnitKind : std::int32_t {
  kUnspecified = 0,           ///< 未指定 (unspecified)
  kPartyCommittee = 1,        ///< 党委 (party committee)
  kPartyDepartment = 2,       ///< 党的工作部门 (party department)
  kPeoplesCongress = 3,       ///< 人大 (people's congress)
  kGovernment = 4,            ///< 政府 (government)
  kGovernmentDepartment = 5,  ///< 政府工作部门 (government department)
  kCppcc = 6,                 ///< 政协 (political consultative conference)
  kSupervision = 7,           ///< 监察机关 (supervision commission)
  kCourt = 8,                 ///< 审判机关 (court)
  kProcuratorate = 9,         ///< 检察机关 (procuratorate)
  kMassOrganisation = 10,     ///< 群团组织 (mass organisation)
  kPublicInstitution = 11,    ///< 事业单位 (public institution)
  kStateEnterprise = 12,      ///< 国有企业 (state-owned enterprise)
  kTownship = 13,             ///< 乡镇（街道） (township or sub-district)
};

/** Level of an administrative division. Schema: `cadre.v1.RegionLevel`. */
enum class RegionLevel : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kProvince = 1,     ///< 省级 (province)
  kCity = 2,         ///< 市级 (city)
  kCounty = 3,       ///< 县级 (county)
  kTownship = 4,     ///< 乡级 (township)
};

/** Role of a member in a leadership team (领导班子). Schema: `cadre.v1.TeamRole`. */
enum class TeamRole : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kPrincipal = 1,    ///< 主要负责人 (principal)
  kDeputy = 2,       ///< 副职 (deputy)
  kMember = 3,       ///< 班子成员 (member)
};

/** Grade of an annual assessment of a leading cadre (年度考核等次). Schema:
 * `cadre.v1.AssessmentGrade`. */
enum class AssessmentGrade : std::int32_t {
  kUnspecified = 0,         ///< 未指定 (unspecified)
  kExcellent = 1,           ///< 优秀 (excellent)
  kCompetent = 2,           ///< 称职 (competent)
  kBasicallyCompetent = 3,  ///< 基本称职 (basically competent)
  kIncompetent = 4,         ///< 不称职 (incompetent)
  kNotGraded = 5,           ///< 不定等次 (not graded)
};

/** Why an annual assessment has no grade (不定等次). Schema: `cadre.v1.NoGradeReason`. */
enum class NoGradeReason : std::int32_t {
  kUnspecified = 0,            ///< 未指定 (unspecified)
  kUnderInvestigation = 1,     ///< 立案审查期间 (under investigation)
  kSanction = 2,               ///< 受处分影响 (effect of a sanction)
  kOrganisationalMeasure = 3,  ///< 受组织处理影响 (effect of an organisational measure)
  kNewInPost = 4,              ///< 任职时间不足 (too short in post)
  kLongAbsence = 5,            ///< 长期离岗 (long absence)
  kOther = 6,                  ///< 其他 (other)
};

/** Grade of a leadership team (领导班子考核等次). Schema: `cadre.v1.TeamGrade`. */
enum class TeamGrade : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kGood = 1,         ///< 好 (good)
  kFairlyGood = 2,   ///< 较好 (fairly good)
  kAverage = 3,      ///< 一般 (average)
  kPoor = 4,         ///< 差 (poor)
};

/** Responsibility borne for an incident. Schema: `cadre.v1.Responsibility`. */
enum class Responsibility : std::int32_t {
  kUnspecified = 0,          ///< 未指定 (unspecified)
  kOverallLeadership = 1,    ///< 全面领导责任 (overall leadership responsibility)
  kPrincipalLeadership = 2,  ///< 主要领导责任 (principal leadership responsibility)
  kImportantLeadership = 3,  ///< 重要领导责任 (important leadership responsibility)
  kDirect = 4,               ///< 直接责任 (direct responsibility)
};

/** Seriousness of an incident (情节). Schema: `cadre.v1.Severity`. */
enum class Severity : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kMinor = 1,        ///< 情节较轻 (minor)
  kSerious = 2,      ///< 情节较重 (serious)
  kGrave = 3,        ///< 情节严重 (grave)
};

/** Forms of accountability for leading cadres (问责方式, 问责条例 2019 第八条). Schema:
 * `cadre.v1.AccountabilityForm`. */
enum class AccountabilityForm : std::int32_t {
  kUnspecified = 0,          ///< 未指定 (unspecified)
  kCirculatedCriticism = 1,  ///< 通报 (circulated criticism)
  kAdmonishment = 2,         ///< 诫勉 (admonishment)
  kOrganisationalAdjustment = 3,  ///< 组织调整或者组织处理 (organisational adjustment or treatment)
  kDisciplinarySanction = 4,  ///< 纪律处分 (disciplinary sanction)
  kPublicApology = 5,         ///< 责令公开道歉 (ordered public apology)
};

/** Measures of organisational adjustment or treatment (问责条例 2019 第八条). Schema:
 * `cadre.v1.OrganisationalMeasure`. */
enum class OrganisationalMeasure : std::int32_t {
  kUnspecified = 0,             ///< 未指定 (unspecified)
  kSuspensionForReview = 1,     ///< 停职检查 (suspension for review)
  kPostAdjustment = 2,          ///< 调整职务 (post adjustment)
  kOrderedResignation = 3,      ///< 责令辞职 (ordered resignation)
  kRemoval = 4,                 ///< 免职 (removal from post)
  kDemotion = 5,                ///< 降职 (demotion)
  kResignationTakingBlame = 6,  ///< 引咎辞职 (resignation taking the blame)
};

/** Party disciplinary sanctions (党纪处分, 纪律处分条例). Schema: `cadre.v1.PartySanctionKind`. */
enum class PartySanctionKind : std::int32_t {
  kUnspecified = 0,           ///< 未指定 (unspecified)
  kWarning = 1,               ///< 警告 (warning)
  kSeriousWarning = 2,        ///< 严重警告 (serious warning)
  kRemovalFromPartyPost = 3,  ///< 撤销党内职务 (removal from party posts)
  kProbationWithinParty = 4,  ///< 留党察看 (probation within the party)
  kExpulsion = 5,             ///< 开除党籍 (expulsion from the party)
};

/** Government sanctions (政务处分, 公职人员政务处分法 第七条). Schema:
 * `cadre.v1.GovernmentSanctionKind`. */
enum class GovernmentSanctionKind : std::int32_t {
  kUnspecified = 0,        ///< 未指定 (unspecified)
  kWarning = 1,            ///< 警告 (warning)
  kDemerit = 2,            ///< 记过 (demerit)
  kMajorDemerit = 3,       ///< 记大过 (major demerit)
  kDowngrade = 4,          ///< 降级 (downgrading)
  kDismissalFromPost = 5,  ///< 撤职 (dismissal from post)
  kExpulsion = 6,          ///< 开除 (expulsion)
};

/** Early-warning measures (提醒、函询、诫勉). Schema: `cadre.v1.EarlyWarningKind`. */
enum class EarlyWarningKind : std::int32_t {
  kUnspecified = 0,    ///< 未指定 (unspecified)
  kReminder = 1,       ///< 提醒 (reminder)
  kInquiryLetter = 2,  ///< 函询 (letter of inquiry)
  kAdmonishment = 3,   ///< 诫勉 (admonishment)
};

/** State of a period under investigation (立案审查). Schema: `cadre.v1.InvestigationStatus`. */
enum class InvestigationStatus : std::int32_t {
  kUnspecified = 0,       ///< 未指定 (unspecified)
  kOpen = 1,              ///< 审查中 (open)
  kClosedNoSanction = 2,  ///< 结案未予处分 (closed without sanction)
  kClosedSanctioned = 3,  ///< 结案并予处分 (closed with a sanction)
  kTransferred = 4,       ///< 移送司法机关 (transferred to the judiciary)
};

/** Grounds argued for error tolerance (容错): the three distinctions (三个区分开来) and 问责条例
 * 2019 第十七条. Schema: `cadre.v1.ExemptionGround`. */
enum class ExemptionGround : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kReformTrial = 1,  ///< 改革中因缺乏经验、先行先试出现的失误 (mistake in reform for lack of
                     ///< experience or while trying first)
  kUnregulatedExploration =
      2,  ///< 尚无明确限制的探索性试验中的失误 (mistake in exploration not yet clearly restricted)
  kUnintentionalForDevelopment =
      3,  ///< 为推动发展的无意过失 (unintended error made to promote development)
  kDissentRecorded = 4,  ///< 在集体决策中对错误决策提出明确反对意见或者保留意见 (dissent or
                         ///< reservation recorded in a collective decision)
  kForceMajeure = 5,  ///< 已经履职尽责，但因不可抗力、难以预见等因素造成损失 (duty done but loss
                      ///< from force majeure or the unforeseeable)
  kObjectedToSuperior = 6,  ///< 对上级错误决定提出改正或者撤销意见未被采纳 (objection to a
                            ///< superior's wrong decision not adopted)
};

/** Situations that exclude error tolerance (不予容错). Schema: `cadre.v1.ExemptionExclusion`. */
enum class ExemptionExclusion : std::int32_t {
  kUnspecified = 0,                 ///< 未指定 (unspecified)
  kViolationOfLawOrDiscipline = 1,  ///< 违反党纪国法 (violation of party discipline or state law)
  kMajorSafetyAccident = 2,         ///< 重特大安全责任事故 (major safety accident)
  kSevereEnvironmentalDamage =
      3,  ///< 严重环境污染、生态破坏责任事故 (severe environmental pollution or ecological damage)
  kMajorMassIncident = 4,  ///< 重特大群体性事件 (major mass incident)
  kPersonalGain =
      5,  ///< 为个人、他人或单位谋取不正当利益 (improper gain for self, others or the unit)
  kBypassedDecisionProcedure =
      6,  ///< 未经规定决策程序、个人专断 (decision procedure bypassed, decided alone)
  kDefiedExplicitBan =
      7,  ///< 上级明令禁止后依然我行我素 (acting on regardless after an explicit ban)
};

/** Decision on an error-tolerance claim. Schema: `cadre.v1.ExemptionDecision`. */
enum class ExemptionDecision : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kExempt = 1,       ///< 免责 (exempted)
  kLighter = 2,      ///< 从轻 (lighter treatment)
  kMitigated = 3,    ///< 减轻 (mitigated)
  kDenied = 4,       ///< 不予容错 (not tolerated)
  kPending = 5,      ///< 待决定 (pending)
};

/** Effects an exemption cancels (不作负面评价，不影响…). Schema: `cadre.v1.ExemptionEffect`. */
enum class ExemptionEffect : std::int32_t {
  kUnspecified = 0,            ///< 未指定 (unspecified)
  kNegativeEvaluation = 1,     ///< 负面评价 (negative evaluation)
  kPerformanceAssessment = 2,  ///< 政绩考核 (performance assessment)
  kAwards = 3,                 ///< 评先评优、表彰奖励 (awards and honours)
  kPromotion = 4,              ///< 提拔使用 (promotion)
  kRankAndTitle = 5,           ///< 职级职称晋升 (rank and title promotion)
  kReserveStatus = 6,          ///< 后备干部资格 (reserve-cadre status)
  kDeputyStatus = 7,  ///< 党代表、人大代表、政协委员资格 (deputy or delegate status)
};

/** Kind of body that decides. Schema: `cadre.v1.AuthorityKind`. */
enum class AuthorityKind : std::int32_t {
  kUnspecified = 0,             ///< 未指定 (unspecified)
  kPartyCommittee = 1,          ///< 党委（党组） (party committee or group)
  kOrganisationDepartment = 2,  ///< 组织部门 (organisation department)
  kDisciplineCommission = 3,    ///< 纪委监委 (discipline inspection and supervision commission)
  kPeoplesCongress = 4,  ///< 人大及其常委会 (people's congress or its standing committee)
  kGovernment = 5,       ///< 政府 (government)
  kUnit = 6,             ///< 所在单位 (the cadre's unit)
};

/** Reason for a voluntary resignation request. Schema: `cadre.v1.ResignationReason`. */
enum class ResignationReason : std::int32_t {
  kUnspecified = 0,       ///< 未指定 (unspecified)
  kFamilyHardship = 1,    ///< 家庭困难 (family hardship)
  kHealth = 2,            ///< 健康原因 (health)
  kOtherOpportunity = 3,  ///< 个人发展 (a better opportunity)
  kOther = 4,             ///< 其他 (other)
};

/** Family situations the rules read. Schema: `cadre.v1.FamilySituationKind`. */
enum class FamilySituationKind : std::int32_t {
  kUnspecified = 0,      ///< 未指定 (unspecified)
  kSpouseEmigrated = 1,  ///< 配偶已移居国（境）外 (spouse emigrated)
  kAllChildrenEmigrated =
      2,  ///< 没有配偶，子女均已移居国（境）外 (no spouse and all children emigrated)
  kSpouseRunsBusiness = 3,  ///< 配偶经商办企业 (spouse runs a business)
  kChildRunsBusiness = 4,  ///< 子女及其配偶经商办企业 (a child or child's spouse runs a business)
};

/** Stage of a candidacy for a post. Schema: `cadre.v1.CandidacyStage`. */
enum class CandidacyStage : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kRecommended = 1,  ///< 民主推荐 (recommended)
  kInspected = 2,    ///< 列为考察对象 (under inspection (考察))
  kDecided = 3,      ///< 讨论决定 (decided)
  kPublicised = 4,   ///< 任前公示 (publicised before appointment)
  kWithdrawn = 5,    ///< 终止 (withdrawn)
};

/** Who holds a follow-up talk. Schema: `cadre.v1.FollowUpActor`. */
enum class FollowUpActor : std::int32_t {
  kUnspecified = 0,             ///< 未指定 (unspecified)
  kUnitPrincipal = 1,           ///< 单位主要负责人 (principal leader of the unit)
  kLeaderInCharge = 2,          ///< 分管领导 (leader in charge)
  kOrganisationDepartment = 3,  ///< 组织部门 (organisation department)
};

/** Outcome of follow-up management. Schema: `cadre.v1.FollowUpOutcomeKind`. */
enum class FollowUpOutcomeKind : std::int32_t {
  kUnspecified = 0,    ///< 未指定 (unspecified)
  kContinuing = 1,     ///< 继续跟踪管理 (follow-up continues)
  kReappointed = 2,    ///< 重新任用 (re-appointed)
  kCommended = 3,      ///< 表彰奖励 (commended)
  kAdjustedAgain = 4,  ///< 再次调整 (adjusted again)
};

/** Kind of an input record, for references between records. Schema: `cadre.v1.RecordKind`. */
enum class RecordKind : std::int32_t {
  kUnspecified = 0,             ///< 未指定 (unspecified)
  kCadre = 1,                   ///< 干部 (cadre)
  kPost = 2,                    ///< 任职 (post)
  kAssessment = 3,              ///< 年度考核 (annual assessment)
  kIncident = 4,                ///< 问题线索 (incident)
  kAccountabilityDecision = 5,  ///< 问责决定 (accountability decision)
  kPartySanction = 6,           ///< 党纪处分 (party sanction)
  kGovernmentSanction = 7,      ///< 政务处分 (government sanction)
  kEarlyWarning = 8,            ///< 提醒函询诫勉 (early-warning measure)
  kInvestigation = 9,           ///< 立案审查 (investigation)
  kAdjustment = 10,             ///< 调整 (adjustment)
  kExemptionClaim = 11,         ///< 容错申请 (error-tolerance claim)
  kHealthSpell = 12,            ///< 健康状况 (health spell)
  kStudyLeave = 13,             ///< 离职学习 (study leave)
  kResignationRequest = 14,     ///< 辞职申请 (resignation request)
  kFamilySituation = 15,        ///< 家庭情况 (family situation)
  kAssignmentRefusal = 16,      ///< 拒不服从组织安排 (refusal of an assignment)
  kCandidacy = 17,              ///< 人选 (candidacy)
  kFollowUpPlan = 18,           ///< 后续管理 (follow-up plan)
};

/** What going "up" is asked about. Schema: `cadre.v1.EligibilityTarget`. */
enum class EligibilityTarget : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kSameLevel = 1,    ///< 同级使用 (use at the same level)
  kHigherLevel = 2,  ///< 提拔 (promotion one level up)
  kNamedLevel = 3,   ///< 指定职务层次 (a named rank level)
  kExceptional = 4,  ///< 破格提拔 (exceptional promotion (破格))
  kCandidate = 5,    ///< 列为考察对象 (candidacy for inspection)
};

/** Kinds of procedure that a finding opens. Schema: `cadre.v1.ProcedureKind`. */
enum class ProcedureKind : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kRetirement = 1,   ///< 免职（退休）手续 (removal or retirement formalities)
  kAccountabilityAdjustment =
      2,  ///< 问责追究调整（五个环节） (accountability adjustment (five stages))
  kUnsuitableAdjustment =
      3,  ///< 不适宜担任现职调整（六个步骤） (unsuitable-post adjustment (six steps))
  kHealthAdjustment = 4,  ///< 不能正常履职调整 (adjustment for inability to perform)
  kResignation = 5,       ///< 辞职 (resignation)
  kTermExchange = 6,      ///< 任期与交流 (term and exchange)
  kViolationRemoval = 7,  ///< 违法违纪免职 (removal for violation)
  kExemptionReview = 8,   ///< 容错认定 (error-tolerance review)
};

/** How a rule is decided. */
enum class DecidedBy : std::int32_t {
  kUnspecified = 0,
  kComputation = 1,  ///< 依数据计算: computed from data
  kRecord = 2,       ///< 经组织认定: recorded by the organisation (a judgement)
};

/** Kinds of consequence a rule carries. */
enum class ConsequenceKind : std::int32_t {
  kUnspecified = 0,
  kNoPromotion = 1,       ///< 不得提拔
  kNoLeadershipPost = 2,  ///< 不安排领导职务
  kNoHigherPost = 3,      ///< 不得担任高于原任职务层次的职务
  kGradeCap = 4,          ///< 年度考核等次限制
  kDeadline = 5,          ///< 办理时限
  kNoAwards = 6,          ///< 取消评先评优资格
};

/** Kind of a day on the working-day calendar (cadre/calendar.hpp). Schema: `cadre.v1.DayKind`. */
enum class DayKind : std::int32_t {
  kUnspecified = 0,    ///< 未指定 (unspecified)
  kWorkday = 1,        ///< 工作日 (working day)
  kWeekend = 2,        ///< 周休息日 (weekly rest day)
  kHoliday = 3,        ///< 节假日（放假） (public holiday (day off))
  kMakeUpWorkday = 4,  ///< 调休上班日 (make-up working day)
};

/** What the working-day calendar does with a day of a year it has no notice for. Schema:
 * `cadre.v1.CalendarFallback`. */
enum class CalendarFallback : std::int32_t {
  kUnspecified = 0,  ///< 未指定（报错） (unspecified (an error))
  kError = 1,        ///< 报错 (an error)
  kWeekendsOnly = 2,  ///< 仅按周末推定（答复中标注） (weekends only (flagged in the answer))
};

/** Unit of a period or deadline. Schema: `cadre.v1.PeriodUnit`. */
enum class PeriodUnit : std::int32_t {
  kUnspecified = 0,  ///< 未指定 (unspecified)
  kWorkingDays = 1,  ///< 工作日 (working days)
  kDays = 2,         ///< 日 (days)
  kMonths = 3,       ///< 月 (months)
  kYears = 4,        ///< 年 (years)
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ENUMS_HPP
