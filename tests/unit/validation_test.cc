// Validation of the codec, one rule at a time. Each case starts from a fully
// populated valid record (domain_fixtures.hpp), breaks one thing, and expects
// the error with its exact field path and a part of its message; unless the
// case says otherwise it must be the only error.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "domain_fixtures.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
using testing::full_cadre;
using testing::full_roster;

std::optional<Date> as_of() { return Date::parse(testing::kFixtureAsOf); }

std::string errors_text(const std::vector<Status> &errors) {
  std::string s;
  for (const Status &e : errors) s += "  " + e.to_string() + "\n";
  return s;
}

bool has_error(const std::vector<Status> &errors, const std::string &field,
               const std::string &part) {
  for (const Status &e : errors) {
    if (e.code() == StatusCode::kInvalidArgument && e.field() == field &&
        e.message().find(part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// One cadre, decoded at "cadres[17]".

struct CadreCase {
  const char *name;
  void (*mutate)(pb::Cadre &);
  const char *field;         // full path
  const char *message_part;  // a part of the message
  bool only = true;          // the only error of the record
};

void PrintTo(const CadreCase &c, std::ostream *os) { *os << c.name; }

class CadreValidation : public ::testing::TestWithParam<CadreCase> {};

TEST_P(CadreValidation, ReportsTheFieldPath) {
  const CadreCase &k = GetParam();
  pb::Cadre c = full_cadre();
  k.mutate(c);
  Cadre out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(c, "cadres[17]", as_of(), out, errors));
  EXPECT_TRUE(has_error(errors, k.field, k.message_part))
      << "expected " << k.field << ": ..." << k.message_part << "...; got\n"
      << errors_text(errors);
  if (k.only) {
    EXPECT_EQ(errors.size(), 1U) << errors_text(errors);
  }
  // The first-error overload reports an error too.
  EXPECT_FALSE(codec::decode(c, "cadres[17]", as_of(), out).ok());
}

pb::Post &post(pb::Cadre &c, int i) { return *c.mutable_posts(i); }
pb::AnnualAssessment &a0(pb::Cadre &c) { return *c.mutable_assessments(0); }
pb::Incident &inc(pb::Cadre &c) { return *c.mutable_incidents(0); }
pb::AccountabilityDecision &dec(pb::Cadre &c) { return *c.mutable_accountability_decisions(0); }
pb::PartySanction &ps(pb::Cadre &c) { return *c.mutable_party_sanctions(0); }
pb::GovernmentSanction &gs(pb::Cadre &c) { return *c.mutable_government_sanctions(0); }
pb::EarlyWarning &ew(pb::Cadre &c, int i) { return *c.mutable_early_warnings(i); }
pb::Investigation &inv(pb::Cadre &c) { return *c.mutable_investigations(0); }
pb::ExemptionClaim &claim(pb::Cadre &c) { return *c.mutable_exemption_claims(0); }
pb::Adjustment &adj(pb::Cadre &c) { return *c.mutable_adjustments(0); }
pb::FollowUpPlan &plan(pb::Cadre &c) { return *c.mutable_follow_up_plans(0); }

const std::string kLong(300, 'x');
const std::string kVeryLong(5000, 'x');

// clang-format off
const CadreCase kCadreCases[] = {
    // The cadre itself.
    {"IdRequired", [](pb::Cadre &c) { c.clear_id(); }, "cadres[17].id", "required", false},
    {"IdTooLong", [](pb::Cadre &c) { c.set_id(kLong); }, "cadres[17].id", "longer than 256 bytes", false},
    {"SexRequired", [](pb::Cadre &c) { c.clear_sex(); }, "cadres[17].sex", "required"},
    {"SexUnknown", [](pb::Cadre &c) { c.set_sex(static_cast<pb::Sex>(7)); }, "cadres[17].sex", "value 7 is unknown to this version of cadre"},
    {"BirthDateRequired", [](pb::Cadre &c) { c.clear_birth_date(); }, "cadres[17].birth_date", "required"},
    {"BirthDateNotADate", [](pb::Cadre &c) { c.set_birth_date("1970-02-30"); }, "cadres[17].birth_date", "not a date of the form YYYY-MM-DD"},
    {"BirthDateAfterAsOf", [](pb::Cadre &c) { c.set_birth_date("2030-01-01"); }, "cadres[17].birth_date", "after the as-of date", false},
    {"BirthDateSourceUnknown", [](pb::Cadre &c) { c.set_birth_date_source(static_cast<pb::BirthDateSource>(40)); }, "cadres[17].birth_date_source", "value 40 is unknown"},
    {"NameTooLong", [](pb::Cadre &c) { c.set_name(kLong); }, "cadres[17].name", "longer than"},
    {"FileNumberTooLong", [](pb::Cadre &c) { c.set_file_number(kLong); }, "cadres[17].file_number", "longer than"},
    {"WorkStartNotADate", [](pb::Cadre &c) { c.set_work_start_date("1991/07/01"); }, "cadres[17].work_start_date", "not a date"},
    {"WorkStartAfterAsOf", [](pb::Cadre &c) { c.set_work_start_date("2025-07-01"); }, "cadres[17].work_start_date", "after the as-of date"},
    {"WorkStartBeforeBirth", [](pb::Cadre &c) { c.set_work_start_date("1970-05-30"); }, "cadres[17].work_start_date", "before birth_date"},
    {"GrassrootsMonthsNegative", [](pb::Cadre &c) { c.set_grassroots_months(-1); }, "cadres[17].grassroots_months", "negative"},
    {"EducationUnknown", [](pb::Cadre &c) { c.set_education(static_cast<pb::EducationLevel>(70)); }, "cadres[17].education", "value 70 is unknown"},
    {"PartyJoinedAfterAsOf", [](pb::Cadre &c) { c.set_party_joined_on("2025-07-01"); }, "cadres[17].party_joined_on", "after the as-of date"},
    {"PartyJoinedBeforeBirth", [](pb::Cadre &c) { c.set_party_joined_on("1960-01-01"); }, "cadres[17].party_joined_on", "before birth_date"},
    {"PartyJoinedWithoutMembership", [](pb::Cadre &c) { c.set_party_member(false); }, "cadres[17].party_joined_on", "not a party member"},
    {"UnitIdTooLong", [](pb::Cadre &c) { c.set_unit_id(kLong); }, "cadres[17].unit_id", "longer than"},
    // Posts.
    {"TooManyPosts", [](pb::Cadre &c) { for (int i = 0; i < codec::kMaxPosts; ++i) c.add_posts(); }, "cadres[17].posts", "more than 1000 records", false},
    {"PostIdDuplicate", [](pb::Cadre &c) { post(c, 1).set_id("p1"); }, "cadres[17].posts[1].id", "duplicate id", false},
    {"PostIdTooLong", [](pb::Cadre &c) { post(c, 0).set_id(kLong); }, "cadres[17].posts[0].id", "longer than"},
    {"PostUnitIdTooLong", [](pb::Cadre &c) { post(c, 0).set_unit_id(kLong); }, "cadres[17].posts[0].unit_id", "longer than"},
    {"PostTitleTooLong", [](pb::Cadre &c) { post(c, 0).set_title(kLong); }, "cadres[17].posts[0].title", "longer than"},
    {"PostRankUnknown", [](pb::Cadre &c) { post(c, 0).set_rank_level(static_cast<pb::RankLevel>(9)); }, "cadres[17].posts[0].rank_level", "value 9 is unknown"},
    {"PostKindUnknown", [](pb::Cadre &c) { post(c, 0).set_kind(static_cast<pb::PostKind>(-1)); }, "cadres[17].posts[0].kind", "value -1 is unknown"},
    {"PostStartNotADate", [](pb::Cadre &c) { post(c, 2).set_start_date("2023-7-1"); }, "cadres[17].posts[2].start_date", "not a date"},
    {"PostStartAfterAsOf", [](pb::Cadre &c) { post(c, 2).set_start_date("2025-07-01"); }, "cadres[17].posts[2].start_date", "after the as-of date"},
    {"PostEndBeforeStart", [](pb::Cadre &c) { post(c, 2).set_end_date("2023-06-30"); }, "cadres[17].posts[2].end_date", "before start_date"},
    {"PostStartBeforeBirth", [](pb::Cadre &c) { post(c, 2).set_start_date("1960-01-01"); }, "cadres[17].posts[2].start_date", "before birth_date"},
    {"PostRegionCodeShort", [](pb::Cadre &c) { post(c, 0).set_region_code("36011"); }, "cadres[17].posts[0].region_code", "six-digit"},
    {"PostRegionCodeNotDigits", [](pb::Cadre &c) { post(c, 0).set_region_code("36011A"); }, "cadres[17].posts[0].region_code", "six-digit"},
    {"PostAppointmentUnknown", [](pb::Cadre &c) { post(c, 0).set_appointment(static_cast<pb::AppointmentMode>(9)); }, "cadres[17].posts[0].appointment", "unknown"},
    {"PostEndReasonUnknown", [](pb::Cadre &c) { post(c, 0).set_end_reason(static_cast<pb::PostEndReason>(99)); }, "cadres[17].posts[0].end_reason", "value 99 is unknown"},
    {"PostEndReasonWhileHeld", [](pb::Cadre &c) { post(c, 2).set_end_reason(pb::POST_END_REASON_REMOVAL); }, "cadres[17].posts[2].end_reason", "while the post is held"},
    {"ProbationEndBeforeStart", [](pb::Cadre &c) { post(c, 0).mutable_probation()->set_end_date("2012-02-01"); }, "cadres[17].posts[0].probation.end_date", "before start_date"},
    {"ProbationStartAfterAsOf", [](pb::Cadre &c) { post(c, 0).mutable_probation()->set_start_date("2026-01-01"); post(c, 0).mutable_probation()->clear_end_date(); }, "cadres[17].posts[0].probation.start_date", "after the as-of date"},
    {"ProbationResultRequired", [](pb::Cadre &c) { post(c, 0).mutable_probation()->clear_result(); }, "cadres[17].posts[0].probation.result", "required"},
    {"ProbationResultUnknown", [](pb::Cadre &c) { post(c, 0).mutable_probation()->set_result(static_cast<pb::ProbationResult>(8)); }, "cadres[17].posts[0].probation.result", "value 8 is unknown"},
    {"TermNumberRequired", [](pb::Cadre &c) { post(c, 0).mutable_terms(1)->clear_number(); }, "cadres[17].posts[0].terms[1].number", "required"},
    {"TermNumberNegative", [](pb::Cadre &c) { post(c, 0).mutable_terms(1)->set_number(-2); }, "cadres[17].posts[0].terms[1].number", "not 1 or more"},
    {"TermEndBeforeStart", [](pb::Cadre &c) { post(c, 0).mutable_terms(1)->set_end_date("2016-12-31"); }, "cadres[17].posts[0].terms[1].end_date", "before start_date"},
    {"TermStartAfterAsOf", [](pb::Cadre &c) { post(c, 0).mutable_terms(1)->set_start_date("2026-01-01"); post(c, 0).mutable_terms(1)->clear_end_date(); }, "cadres[17].posts[0].terms[1].start_date", "after the as-of date"},
    {"TooManyTerms", [](pb::Cadre &c) { for (int i = 0; i < codec::kMaxRecords; ++i) *post(c, 0).add_terms() = post(c, 0).terms(0); }, "cadres[17].posts[0].terms", "more than 1000 records"},
    {"PeerGroupIdTooLong", [](pb::Cadre &c) { post(c, 0).set_peer_group_id(kLong); }, "cadres[17].posts[0].peer_group_id", "longer than"},
    // Annual assessments.
    {"AssessmentIdRequired", [](pb::Cadre &c) { a0(c).clear_id(); }, "cadres[17].assessments[0].id", "required"},
    {"AssessmentIdDuplicate", [](pb::Cadre &c) { c.mutable_assessments(1)->set_id("a2022"); }, "cadres[17].assessments[1].id", "duplicate id"},
    {"AssessmentYearRequired", [](pb::Cadre &c) { a0(c).clear_year(); }, "cadres[17].assessments[0].year", "required"},
    {"AssessmentYearNotAYear", [](pb::Cadre &c) { a0(c).set_year(-5); }, "cadres[17].assessments[0].year", "not a year"},
    {"AssessmentYearAfterAsOf", [](pb::Cadre &c) { a0(c).set_year(2026); a0(c).clear_decided_on(); }, "cadres[17].assessments[0].year", "after the year of the as-of date"},
    {"AssessmentYearDuplicate", [](pb::Cadre &c) { c.mutable_assessments(1)->set_year(2022); c.mutable_assessments(1)->set_decided_on("2023-01-21"); }, "cadres[17].assessments[1].year", "duplicate year"},
    {"AssessmentGradeRequired", [](pb::Cadre &c) { a0(c).clear_grade(); }, "cadres[17].assessments[0].grade", "required"},
    {"AssessmentGradeUnknown", [](pb::Cadre &c) { a0(c).set_grade(static_cast<pb::AssessmentGrade>(6)); }, "cadres[17].assessments[0].grade", "value 6 is unknown"},
    {"NotGradedNeedsReason", [](pb::Cadre &c) { c.mutable_assessments(1)->clear_no_grade_reason(); }, "cadres[17].assessments[1].no_grade_reason", "required when the grade is NOT_GRADED"},
    {"ReasonOnlyWhenNotGraded", [](pb::Cadre &c) { a0(c).set_no_grade_reason(pb::NO_GRADE_REASON_OTHER); }, "cadres[17].assessments[0].no_grade_reason", "only for the grade NOT_GRADED"},
    {"NoGradeReasonUnknown", [](pb::Cadre &c) { c.mutable_assessments(1)->set_no_grade_reason(static_cast<pb::NoGradeReason>(50)); }, "cadres[17].assessments[1].no_grade_reason", "value 50 is unknown"},
    {"ScoreAbove100", [](pb::Cadre &c) { a0(c).mutable_scores()->set_morality(100.5); }, "cadres[17].assessments[0].scores.morality", "not within 0 and 100"},
    {"ScoreBelow0", [](pb::Cadre &c) { a0(c).mutable_scores()->set_integrity(-1); }, "cadres[17].assessments[0].scores.integrity", "not within 0 and 100"},
    {"ScoreNaN", [](pb::Cadre &c) { a0(c).mutable_scores()->set_ability(std::nan("")); }, "cadres[17].assessments[0].scores.ability", "not within"},
    {"ScoreDiligence", [](pb::Cadre &c) { a0(c).mutable_scores()->set_diligence(101); }, "cadres[17].assessments[0].scores.diligence", "not within"},
    {"ScoreAchievement", [](pb::Cadre &c) { a0(c).mutable_scores()->set_achievement(std::numeric_limits<double>::infinity()); }, "cadres[17].assessments[0].scores.achievement", "not within"},
    {"EvaluationVotesAboveRaters", [](pb::Cadre &c) { a0(c).mutable_evaluation()->set_raters(39); }, "cadres[17].assessments[0].evaluation.raters", "fewer than the votes"},
    {"EvaluationAbstainedCount", [](pb::Cadre &c) { a0(c).mutable_evaluation()->set_abstained(2); }, "cadres[17].assessments[0].evaluation.raters", "fewer than the votes"},
    {"EvaluationCountNegative", [](pb::Cadre &c) { a0(c).mutable_evaluation()->set_incompetent(-1); }, "cadres[17].assessments[0].evaluation.incompetent", "negative"},
    {"EvaluationRatersNegative", [](pb::Cadre &c) { auto *e = a0(c).mutable_evaluation(); e->Clear(); e->set_raters(-1); }, "cadres[17].assessments[0].evaluation.raters", "negative", false},
    {"ReverseVotesAboveRaters", [](pb::Cadre &c) { a0(c).mutable_reverse_evaluation()->set_votes_as_weakest(13); }, "cadres[17].assessments[0].reverse_evaluation.votes_as_weakest", "more than raters"},
    {"ReverseVotesNegative", [](pb::Cadre &c) { a0(c).mutable_reverse_evaluation()->set_votes_as_weakest(-1); }, "cadres[17].assessments[0].reverse_evaluation.votes_as_weakest", "negative"},
    {"ReverseAreasRefTooLong", [](pb::Cadre &c) { a0(c).mutable_reverse_evaluation()->set_areas_ref(kLong); }, "cadres[17].assessments[0].reverse_evaluation.areas_ref", "longer than"},
    {"RankZero", [](pb::Cadre &c) { a0(c).mutable_rank_in_team()->set_rank(0); }, "cadres[17].assessments[0].rank_in_team.rank", "not within 1 and of"},
    {"RankAboveOf", [](pb::Cadre &c) { a0(c).mutable_rank_in_peer_group()->set_rank(13); }, "cadres[17].assessments[0].rank_in_peer_group.rank", "not within 1 and of"},
    {"RankingOfZero", [](pb::Cadre &c) { a0(c).mutable_rank_in_peer_group()->set_of(0); }, "cadres[17].assessments[0].rank_in_peer_group.of", "not 1 or more", false},
    {"TargetsMetAboveSet", [](pb::Cadre &c) { a0(c).mutable_targets()->set_met(11); }, "cadres[17].assessments[0].targets.met", "more than set"},
    {"TargetsSetNegative", [](pb::Cadre &c) { a0(c).mutable_targets()->set_set(-1); a0(c).mutable_targets()->set_met(-1); }, "cadres[17].assessments[0].targets.set", "negative", false},
    {"AssessmentDecidedAfterAsOf", [](pb::Cadre &c) { a0(c).set_decided_on("2025-07-01"); }, "cadres[17].assessments[0].decided_on", "after the as-of date"},
    {"AssessmentDecidedBeforeTheYear", [](pb::Cadre &c) { a0(c).set_decided_on("2021-12-31"); }, "cadres[17].assessments[0].decided_on", "before the year assessed"},
    {"TooManyAssessments", [](pb::Cadre &c) { for (int i = 0; i < codec::kMaxRecords; ++i) c.add_assessments(); }, "cadres[17].assessments", "more than 1000 records", false},
    // Incidents.
    {"IncidentIdRequired", [](pb::Cadre &c) { inc(c).clear_id(); }, "cadres[17].incidents[0].id", "required", false},
    {"IncidentIdDuplicate", [](pb::Cadre &c) { *c.add_incidents() = c.incidents(0); }, "cadres[17].incidents[1].id", "duplicate id"},
    {"IncidentRecordedBeforeOccurred", [](pb::Cadre &c) { inc(c).set_recorded_on("2023-02-28"); }, "cadres[17].incidents[0].recorded_on", "before occurred_on"},
    {"IncidentOccurredAfterAsOf", [](pb::Cadre &c) { inc(c).set_occurred_on("2025-07-01"); inc(c).clear_recorded_on(); }, "cadres[17].incidents[0].occurred_on", "after the as-of date"},
    {"IncidentSituationIdTooLong", [](pb::Cadre &c) { inc(c).set_situation_id(kLong); }, "cadres[17].incidents[0].situation_id", "longer than"},
    {"IncidentSeverityUnknown", [](pb::Cadre &c) { inc(c).set_severity(static_cast<pb::Severity>(4)); }, "cadres[17].incidents[0].severity", "value 4 is unknown"},
    {"IncidentResponsibilityUnknown", [](pb::Cadre &c) { inc(c).set_responsibility(static_cast<pb::Responsibility>(5)); }, "cadres[17].incidents[0].responsibility", "value 5 is unknown"},
    {"EvidenceRefEmpty", [](pb::Cadre &c) { inc(c).set_evidence_refs(1, ""); }, "cadres[17].incidents[0].evidence_refs[1]", "required"},
    {"EvidenceRefTooLong", [](pb::Cadre &c) { inc(c).set_evidence_refs(0, kLong); }, "cadres[17].incidents[0].evidence_refs[0]", "longer than"},
    {"PriorWarningUnresolved", [](pb::Cadre &c) { inc(c).set_prior_warning_id("w9"); }, "cadres[17].incidents[0].prior_warning_id", "not the id of one of this cadre's early_warnings"},
    // Accountability decisions.
    {"DecisionIdRequired", [](pb::Cadre &c) { dec(c).clear_id(); }, "cadres[17].accountability_decisions[0].id", "required"},
    {"DecisionIncidentUnresolved", [](pb::Cadre &c) { dec(c).set_incident_ids(0, "i9"); }, "cadres[17].accountability_decisions[0].incident_ids[0]", "not the id of one of this cadre's incidents"},
    {"DecisionIncidentEmpty", [](pb::Cadre &c) { dec(c).set_incident_ids(0, ""); }, "cadres[17].accountability_decisions[0].incident_ids[0]", "required"},
    {"DecisionFormsRequired", [](pb::Cadre &c) { dec(c).clear_forms(); dec(c).clear_measures(); }, "cadres[17].accountability_decisions[0].forms", "required"},
    {"DecisionFormUnspecified", [](pb::Cadre &c) { dec(c).set_forms(1, pb::ACCOUNTABILITY_FORM_UNSPECIFIED); }, "cadres[17].accountability_decisions[0].forms[1]", "unspecified is not a value"},
    {"DecisionFormUnknown", [](pb::Cadre &c) { dec(c).set_forms(1, static_cast<pb::AccountabilityForm>(99)); }, "cadres[17].accountability_decisions[0].forms[1]", "value 99 is unknown"},
    {"AdjustmentFormNeedsMeasure", [](pb::Cadre &c) { dec(c).clear_measures(); }, "cadres[17].accountability_decisions[0].measures", "required when forms include ORGANISATIONAL_ADJUSTMENT"},
    {"MeasureNeedsAdjustmentForm", [](pb::Cadre &c) { dec(c).set_forms(0, pb::ACCOUNTABILITY_FORM_ADMONISHMENT); }, "cadres[17].accountability_decisions[0].measures", "only when forms include ORGANISATIONAL_ADJUSTMENT"},
    {"MeasureUnknown", [](pb::Cadre &c) { dec(c).set_measures(0, static_cast<pb::OrganisationalMeasure>(70)); }, "cadres[17].accountability_decisions[0].measures[0]", "value 70 is unknown"},
    {"DecisionAuthorityUnknown", [](pb::Cadre &c) { dec(c).set_authority(static_cast<pb::AuthorityKind>(70)); }, "cadres[17].accountability_decisions[0].authority", "value 70 is unknown"},
    {"DecisionDocumentNumberTooLong", [](pb::Cadre &c) { dec(c).set_document_number(kLong); }, "cadres[17].accountability_decisions[0].document_number", "longer than"},
    {"DecisionReceivedBeforeDecided", [](pb::Cadre &c) { dec(c).set_received_on("2023-05-31"); }, "cadres[17].accountability_decisions[0].received_on", "before decided_on"},
    {"DecisionAppealedBeforeReceived", [](pb::Cadre &c) { dec(c).set_appealed_on("2023-06-02"); }, "cadres[17].accountability_decisions[0].appealed_on", "before received_on"},
    {"DecisionAfterAsOf", [](pb::Cadre &c) { dec(c).set_decided_on("2025-07-01"); dec(c).clear_received_on(); dec(c).clear_appealed_on(); }, "cadres[17].accountability_decisions[0].decided_on", "after the as-of date"},
    // Party sanctions.
    {"PartySanctionKindRequired", [](pb::Cadre &c) { ps(c).clear_kind(); ps(c).clear_probation_years(); ps(c).clear_restored_on(); }, "cadres[17].party_sanctions[0].kind", "required"},
    {"PartySanctionKindUnknown", [](pb::Cadre &c) { ps(c).set_kind(static_cast<pb::PartySanctionKind>(6)); ps(c).clear_probation_years(); ps(c).clear_restored_on(); }, "cadres[17].party_sanctions[0].kind", "value 6 is unknown"},
    {"PartySanctionEffectiveBeforeDecided", [](pb::Cadre &c) { ps(c).set_effective_on("2023-06-30"); }, "cadres[17].party_sanctions[0].effective_on", "before decided_on"},
    {"PartySanctionDecidedAfterAsOf", [](pb::Cadre &c) { ps(c).set_decided_on("2025-07-01"); ps(c).clear_effective_on(); ps(c).clear_restored_on(); }, "cadres[17].party_sanctions[0].decided_on", "after the as-of date"},
    {"ProbationYearsThree", [](pb::Cadre &c) { ps(c).set_probation_years(3); }, "cadres[17].party_sanctions[0].probation_years", "not 1 or 2"},
    {"ProbationYearsMissing", [](pb::Cadre &c) { ps(c).clear_probation_years(); }, "cadres[17].party_sanctions[0].probation_years", "not 1 or 2"},
    {"ProbationYearsForAWarning", [](pb::Cadre &c) { ps(c).set_kind(pb::PARTY_SANCTION_KIND_WARNING); ps(c).clear_restored_on(); }, "cadres[17].party_sanctions[0].probation_years", "only for PROBATION_WITHIN_PARTY"},
    {"RestoredOnlyAfterProbation", [](pb::Cadre &c) { ps(c).set_kind(pb::PARTY_SANCTION_KIND_SERIOUS_WARNING); ps(c).clear_probation_years(); }, "cadres[17].party_sanctions[0].restored_on", "only for PROBATION_WITHIN_PARTY"},
    {"RestoredNotAfterEffective", [](pb::Cadre &c) { ps(c).set_restored_on("2023-07-01"); }, "cadres[17].party_sanctions[0].restored_on", "not after effective_on"},
    {"PartySanctionIncidentUnresolved", [](pb::Cadre &c) { ps(c).set_incident_id("i9"); }, "cadres[17].party_sanctions[0].incident_id", "not the id of one of this cadre's incidents"},
    // Government sanctions.
    {"GovernmentSanctionKindRequired", [](pb::Cadre &c) { gs(c).clear_kind(); }, "cadres[17].government_sanctions[0].kind", "required"},
    {"GovernmentSanctionKindUnknown", [](pb::Cadre &c) { gs(c).set_kind(static_cast<pb::GovernmentSanctionKind>(7)); }, "cadres[17].government_sanctions[0].kind", "value 7 is unknown"},
    {"GovernmentSanctionEffectiveBeforeDecided", [](pb::Cadre &c) { gs(c).set_effective_on("2023-07-04"); }, "cadres[17].government_sanctions[0].effective_on", "before decided_on"},
    {"GovernmentSanctionLiftedNotAfterEffective", [](pb::Cadre &c) { gs(c).set_lifted_on("2023-07-06"); }, "cadres[17].government_sanctions[0].lifted_on", "not after effective_on"},
    {"GovernmentSanctionIncidentUnresolved", [](pb::Cadre &c) { gs(c).set_incident_id("i9"); }, "cadres[17].government_sanctions[0].incident_id", "not the id of one of this cadre's incidents"},
    // Early warnings.
    {"WarningKindRequired", [](pb::Cadre &c) { ew(c, 1).clear_kind(); ew(c, 1).clear_self_examination_on(); }, "cadres[17].early_warnings[1].kind", "required"},
    {"WarningIdDuplicate", [](pb::Cadre &c) { ew(c, 1).set_id("w1"); }, "cadres[17].early_warnings[1].id", "duplicate id"},
    {"WarningIssuedAfterAsOf", [](pb::Cadre &c) { ew(c, 1).set_issued_on("2025-07-01"); ew(c, 1).clear_self_examination_on(); ew(c, 1).clear_reviewed_on(); }, "cadres[17].early_warnings[1].issued_on", "after the as-of date"},
    {"WarningRepliedBeforeIssued", [](pb::Cadre &c) { ew(c, 0).set_replied_on("2023-01-31"); }, "cadres[17].early_warnings[0].replied_on", "before issued_on"},
    {"WarningReplyOnlyForInquiry", [](pb::Cadre &c) { ew(c, 1).set_replied_on("2023-05-10"); }, "cadres[17].early_warnings[1].replied_on", "only for INQUIRY_LETTER"},
    {"WarningSelfExaminationBeforeIssued", [](pb::Cadre &c) { ew(c, 1).set_self_examination_on("2023-04-30"); }, "cadres[17].early_warnings[1].self_examination_on", "before issued_on"},
    {"WarningSelfExaminationOnlyForAdmonishment", [](pb::Cadre &c) { ew(c, 0).set_self_examination_on("2023-02-10"); }, "cadres[17].early_warnings[0].self_examination_on", "only for ADMONISHMENT"},
    {"WarningReviewedBeforeIssued", [](pb::Cadre &c) { ew(c, 0).set_reviewed_on("2023-01-01"); }, "cadres[17].early_warnings[0].reviewed_on", "before issued_on"},
    {"WarningIncidentUnresolved", [](pb::Cadre &c) { ew(c, 0).set_incident_id("i9"); }, "cadres[17].early_warnings[0].incident_id", "not the id of one of this cadre's incidents"},
    // Investigations.
    {"InvestigationStatusRequired", [](pb::Cadre &c) { inv(c).clear_status(); }, "cadres[17].investigations[0].status", "required"},
    {"InvestigationClosedBeforeOpened", [](pb::Cadre &c) { inv(c).set_closed_on("2023-04-19"); }, "cadres[17].investigations[0].closed_on", "before opened_on"},
    {"InvestigationOpenButClosed", [](pb::Cadre &c) { inv(c).set_status(pb::INVESTIGATION_STATUS_OPEN); }, "cadres[17].investigations[0].closed_on", "set while the status is OPEN"},
    {"InvestigationAuthorityUnknown", [](pb::Cadre &c) { inv(c).set_authority(static_cast<pb::AuthorityKind>(-3)); }, "cadres[17].investigations[0].authority", "value -3 is unknown"},
    {"InvestigationOpenedAfterAsOf", [](pb::Cadre &c) { inv(c).set_opened_on("2025-07-01"); inv(c).clear_closed_on(); inv(c).set_status(pb::INVESTIGATION_STATUS_OPEN); }, "cadres[17].investigations[0].opened_on", "after the as-of date"},
    // Exemption claims (容错纠错).
    {"ClaimConcernsKindRequired", [](pb::Cadre &c) { claim(c).mutable_concerns()->clear_kind(); }, "cadres[17].exemption_claims[0].concerns.kind", "required"},
    {"ClaimConcernsKindUnknown", [](pb::Cadre &c) { claim(c).mutable_concerns()->set_kind(static_cast<pb::RecordKind>(99)); }, "cadres[17].exemption_claims[0].concerns.kind", "value 99 is unknown"},
    {"ClaimConcernsIdRequired", [](pb::Cadre &c) { claim(c).mutable_concerns()->clear_id(); }, "cadres[17].exemption_claims[0].concerns.id", "required"},
    {"ClaimConcernsUnresolved", [](pb::Cadre &c) { claim(c).mutable_concerns()->set_id("i9"); }, "cadres[17].exemption_claims[0].concerns.id", "not the id of a record of this kind"},
    {"ClaimConcernsWrongKind", [](pb::Cadre &c) { claim(c).mutable_concerns()->set_kind(pb::RECORD_KIND_PARTY_SANCTION); }, "cadres[17].exemption_claims[0].concerns.id", "not the id of a record of this kind"},
    {"ClaimConcernsMissing", [](pb::Cadre &c) { claim(c).clear_concerns(); }, "cadres[17].exemption_claims[0].concerns.kind", "required", false},
    {"ClaimGroundUnspecified", [](pb::Cadre &c) { claim(c).set_grounds(0, pb::EXEMPTION_GROUND_UNSPECIFIED); }, "cadres[17].exemption_claims[0].grounds[0]", "unspecified is not a value"},
    {"ClaimExclusionRequired", [](pb::Cadre &c) { claim(c).mutable_exclusions(0)->clear_exclusion(); }, "cadres[17].exemption_claims[0].exclusions[0].exclusion", "required"},
    {"ClaimDecisionRequired", [](pb::Cadre &c) { claim(c).clear_decision(); }, "cadres[17].exemption_claims[0].decision", "required"},
    {"ClaimEffectUnknown", [](pb::Cadre &c) { claim(c).set_effects_cancelled(0, static_cast<pb::ExemptionEffect>(8)); }, "cadres[17].exemption_claims[0].effects_cancelled[0]", "value 8 is unknown"},
    {"ClaimDecidedBeforeClaimed", [](pb::Cadre &c) { claim(c).set_decided_on("2023-06-09"); }, "cadres[17].exemption_claims[0].decided_on", "before claimed_on"},
    {"ClaimImpactMonthsNegative", [](pb::Cadre &c) { claim(c).set_impact_months(-6); }, "cadres[17].exemption_claims[0].impact_months", "negative"},
    // Adjustments.
    {"AdjustmentChannelRequired", [](pb::Cadre &c) { adj(c).clear_channel(); }, "cadres[17].adjustments[0].channel", "required"},
    {"AdjustmentMethodRequired", [](pb::Cadre &c) { adj(c).clear_method(); }, "cadres[17].adjustments[0].method", "required"},
    {"AdjustmentMethodUnknown", [](pb::Cadre &c) { adj(c).set_method(static_cast<pb::AdjustmentMethod>(10)); }, "cadres[17].adjustments[0].method", "value 10 is unknown"},
    {"AdjustmentDecidedBeforeProposed", [](pb::Cadre &c) { adj(c).set_decided_on("2023-06-04"); }, "cadres[17].adjustments[0].decided_on", "before proposed_on"},
    {"AdjustmentExecutedBeforeDecided", [](pb::Cadre &c) { adj(c).set_executed_on("2023-06-14"); }, "cadres[17].adjustments[0].executed_on", "before decided_on"},
    {"AdjustmentExecutedAfterAsOf", [](pb::Cadre &c) { adj(c).set_executed_on("2025-07-01"); }, "cadres[17].adjustments[0].executed_on", "after the as-of date"},
    {"AdjustmentFromPostUnresolved", [](pb::Cadre &c) { adj(c).set_from_post_id("p9"); }, "cadres[17].adjustments[0].from_post_id", "not the id of one of this cadre's posts"},
    {"AdjustmentToPostUnresolved", [](pb::Cadre &c) { adj(c).set_to_post_id("p9"); }, "cadres[17].adjustments[0].to_post_id", "not the id of one of this cadre's posts"},
    {"AdjustmentRuleIdTooLong", [](pb::Cadre &c) { adj(c).set_rule_id(kLong); }, "cadres[17].adjustments[0].rule_id", "longer than"},
    // Other facts.
    {"HealthSpellIdRequired", [](pb::Cadre &c) { c.mutable_health_spells(0)->clear_id(); }, "cadres[17].health_spells[0].id", "required"},
    {"HealthSpellEndBeforeStart", [](pb::Cadre &c) { c.mutable_health_spells(0)->set_end_date("2021-01-09"); }, "cadres[17].health_spells[0].end_date", "before start_date"},
    {"HealthSpellStartAfterAsOf", [](pb::Cadre &c) { c.mutable_health_spells(0)->set_start_date("2025-07-01"); c.mutable_health_spells(0)->clear_end_date(); }, "cadres[17].health_spells[0].start_date", "after the as-of date"},
    {"StudyLeaveEndBeforeStart", [](pb::Cadre &c) { c.mutable_study_leaves(0)->set_end_date("2016-08-31"); }, "cadres[17].study_leaves[0].end_date", "before start_date"},
    {"ResignationAcceptedBeforeSubmitted", [](pb::Cadre &c) { c.mutable_resignation_requests(0)->set_accepted_on("2024-02-29"); }, "cadres[17].resignation_requests[0].accepted_on", "before submitted_on"},
    {"ResignationReasonUnknown", [](pb::Cadre &c) { c.mutable_resignation_requests(0)->set_reason(static_cast<pb::ResignationReason>(5)); }, "cadres[17].resignation_requests[0].reason", "value 5 is unknown"},
    {"FamilySituationKindRequired", [](pb::Cadre &c) { c.mutable_family_situations(0)->clear_kind(); }, "cadres[17].family_situations[0].kind", "required"},
    {"FamilySituationUntilBeforeSince", [](pb::Cadre &c) { c.mutable_family_situations(0)->set_until("2018-12-31"); }, "cadres[17].family_situations[0].until", "before since"},
    {"RefusalAfterAsOf", [](pb::Cadre &c) { c.mutable_assignment_refusals(0)->set_refused_on("2025-07-01"); }, "cadres[17].assignment_refusals[0].refused_on", "after the as-of date"},
    {"RefusalDecisionRefTooLong", [](pb::Cadre &c) { c.mutable_assignment_refusals(0)->set_decision_ref(kLong); }, "cadres[17].assignment_refusals[0].decision_ref", "longer than"},
    {"CandidacyStageRequired", [](pb::Cadre &c) { c.mutable_candidacies(0)->clear_stage(); }, "cadres[17].candidacies[0].stage", "required"},
    {"CandidacyTargetLevelUnknown", [](pb::Cadre &c) { c.mutable_candidacies(0)->set_target_level(static_cast<pb::RankLevel>(12)); }, "cadres[17].candidacies[0].target_level", "value 12 is unknown"},
    {"TooManyIncidents", [](pb::Cadre &c) { for (int i = 0; i < codec::kMaxRecords; ++i) c.add_incidents()->set_id("n" + std::to_string(i)); }, "cadres[17].incidents", "more than 1000 records"},
    // Follow-up plans.
    {"PlanAdjustmentRequired", [](pb::Cadre &c) { plan(c).clear_adjustment_id(); }, "cadres[17].follow_up_plans[0].adjustment_id", "required"},
    {"PlanAdjustmentUnresolved", [](pb::Cadre &c) { plan(c).set_adjustment_id("adj9"); }, "cadres[17].follow_up_plans[0].adjustment_id", "not the id of one of this cadre's adjustments"},
    {"PlanEndBeforeStart", [](pb::Cadre &c) { plan(c).set_end_date("2023-06-30"); }, "cadres[17].follow_up_plans[0].end_date", "before start_date"},
    {"TalkIdRequired", [](pb::Cadre &c) { plan(c).mutable_talks(0)->clear_id(); }, "cadres[17].follow_up_plans[0].talks[0].id", "required"},
    {"TalkIdDuplicate", [](pb::Cadre &c) { *plan(c).add_talks() = plan(c).talks(0); }, "cadres[17].follow_up_plans[0].talks[1].id", "duplicate id"},
    {"TalkActorUnknown", [](pb::Cadre &c) { plan(c).mutable_talks(0)->set_actor(static_cast<pb::FollowUpActor>(4)); }, "cadres[17].follow_up_plans[0].talks[0].actor", "value 4 is unknown"},
    {"TalkHeldAfterAsOf", [](pb::Cadre &c) { plan(c).mutable_talks(0)->set_held_on("2025-07-01"); }, "cadres[17].follow_up_plans[0].talks[0].held_on", "after the as-of date"},
    {"TrainingEndBeforeStart", [](pb::Cadre &c) { plan(c).mutable_trainings(0)->set_end_date("2023-08-31"); }, "cadres[17].follow_up_plans[0].trainings[0].end_date", "before start_date"},
    {"TrainingHoursNegative", [](pb::Cadre &c) { plan(c).mutable_trainings(0)->set_hours(-1); }, "cadres[17].follow_up_plans[0].trainings[0].hours", "negative"},
    {"TaskDescriptionTooLong", [](pb::Cadre &c) { plan(c).mutable_special_tasks(0)->set_description(kVeryLong); }, "cadres[17].follow_up_plans[0].special_tasks[0].description", "longer than 4096 bytes"},
    {"TaskEndBeforeStart", [](pb::Cadre &c) { plan(c).mutable_special_tasks(0)->set_end_date("2023-09-30"); }, "cadres[17].follow_up_plans[0].special_tasks[0].end_date", "before start_date"},
    {"TaskGradeUnknown", [](pb::Cadre &c) { plan(c).mutable_special_tasks(0)->set_grade(static_cast<pb::AssessmentGrade>(9)); }, "cadres[17].follow_up_plans[0].special_tasks[0].grade", "value 9 is unknown"},
    {"OutcomeKindRequired", [](pb::Cadre &c) { plan(c).mutable_outcome()->clear_kind(); }, "cadres[17].follow_up_plans[0].outcome.kind", "required"},
    {"OutcomeBeforePlanStart", [](pb::Cadre &c) { plan(c).mutable_outcome()->set_decided_on("2023-06-30"); }, "cadres[17].follow_up_plans[0].outcome.decided_on", "before the plan's start_date"},
    {"OutcomeAfterAsOf", [](pb::Cadre &c) { plan(c).mutable_outcome()->set_decided_on("2025-07-01"); }, "cadres[17].follow_up_plans[0].outcome.decided_on", "after the as-of date"},
};
// clang-format on

std::string case_name(const ::testing::TestParamInfo<CadreCase> &info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Rules, CadreValidation, ::testing::ValuesIn(kCadreCases), case_name);

TEST(Validation, FixtureIsValid) {
  Cadre out;
  std::vector<Status> errors;
  EXPECT_TRUE(codec::decode(full_cadre(), "cadres[17]", as_of(), out, errors))
      << errors_text(errors);
  Roster roster;
  EXPECT_TRUE(codec::decode(full_roster(), as_of(), roster, errors)) << errors_text(errors);
}

TEST(Validation, EveryErrorOfARecordIsReported) {
  pb::Cadre c = full_cadre();
  c.clear_sex();
  c.set_birth_date("1970-13-01");
  post(c, 2).set_end_date("2000-01-01");
  c.mutable_health_spells(0)->clear_id();
  Cadre out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(c, "cadres[3]", as_of(), out, errors));
  ASSERT_EQ(errors.size(), 4U) << errors_text(errors);
  EXPECT_EQ(errors[0].field(), "cadres[3].sex");
  EXPECT_EQ(errors[1].field(), "cadres[3].birth_date");
  EXPECT_EQ(errors[2].field(), "cadres[3].posts[2].end_date");
  EXPECT_EQ(errors[3].field(), "cadres[3].health_spells[0].id");
  // The first-error overload gives the first of them.
  const Status first = codec::decode(c, "cadres[3]", as_of(), out);
  EXPECT_EQ(first.field(), "cadres[3].sex");
}

TEST(Validation, UnknownEnumNumbersAreKept) {
  pb::Cadre c = full_cadre();
  c.set_sex(static_cast<pb::Sex>(7));
  dec(c).set_forms(1, static_cast<pb::AccountabilityForm>(42));
  Cadre out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(c, "c", as_of(), out, errors));
  EXPECT_EQ(static_cast<int>(out.sex), 7);
  EXPECT_EQ(static_cast<int>(out.accountability_decisions[0].forms[1]), 42);
  pb::Cadre back;
  codec::encode(out, back);
  EXPECT_EQ(static_cast<int>(back.sex()), 7);
}

TEST(Validation, WithoutAsOfNothingIsInTheFuture) {
  pb::Cadre c = full_cadre();
  c.set_birth_date("2030-01-01");
  post(c, 2).set_start_date("2031-01-01");
  Cadre out;
  std::vector<Status> errors;
  codec::decode(c, "c", std::nullopt, out, errors);
  for (const Status &e : errors) {
    EXPECT_EQ(e.message().find("as-of"), std::string::npos) << e.to_string();
  }
}

TEST(Validation, ReferencesToAnotherCadreAreNotResolvedHere) {
  pb::Cadre c = full_cadre();
  claim(c).mutable_concerns()->set_cadre_id("c-other");
  claim(c).mutable_concerns()->set_id("somewhere-else");
  Cadre out;
  std::vector<Status> errors;
  EXPECT_TRUE(codec::decode(c, "c", as_of(), out, errors)) << errors_text(errors);
}

TEST(Validation, MessagesNeverEchoValues) {
  pb::Cadre c = full_cadre();
  c.set_id("cadre-7");
  c.set_name(std::string(300, 'N'));
  c.set_birth_date("1911-02-30");
  post(c, 0).set_title(std::string(300, 'T'));
  post(c, 0).set_region_code("QQQQQ");
  post(c, 0).set_start_date("1922-99-99");
  inc(c).set_prior_warning_id("secret-warning");
  c.mutable_study_leaves(0)->set_end_date("1933-01-01");
  Cadre out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(c, "cadres[0]", as_of(), out, errors));
  ASSERT_GE(errors.size(), 7U) << errors_text(errors);
  for (const Status &e : errors) {
    const std::string s = e.to_string();
    for (const char *value :
         {"NNN", "TTT", "QQQ", "1911", "1922", "1933", "secret", "cadre-7", "2016"}) {
      EXPECT_EQ(s.find(value), std::string::npos) << s;
    }
  }
}

// ---------------------------------------------------------------------------
// Rosters: paths from the roster, references between records.

struct RosterCase {
  const char *name;
  void (*mutate)(pb::Roster &);
  const char *field;
  const char *message_part;
  bool only = true;
};

void PrintTo(const RosterCase &c, std::ostream *os) { *os << c.name; }

class RosterValidation : public ::testing::TestWithParam<RosterCase> {};

TEST_P(RosterValidation, ReportsTheFieldPath) {
  const RosterCase &k = GetParam();
  pb::Roster r = full_roster();
  k.mutate(r);
  Roster out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(r, as_of(), out, errors));
  EXPECT_TRUE(has_error(errors, k.field, k.message_part))
      << "expected " << k.field << ": ..." << k.message_part << "...; got\n"
      << errors_text(errors);
  if (k.only) {
    EXPECT_EQ(errors.size(), 1U) << errors_text(errors);
  }
}

// clang-format off
const RosterCase kRosterCases[] = {
    {"HeaderJurisdictionNotACode", [](pb::Roster &r) { r.mutable_header()->set_jurisdiction("36"); }, "header.jurisdiction", "six-digit"},
    {"HeaderExtractedNotADate", [](pb::Roster &r) { r.mutable_header()->set_extracted_on("2025-06-31"); }, "header.extracted_on", "not a date"},
    {"HeaderSizeNegative", [](pb::Roster &r) { r.mutable_header()->set_size(-1); }, "header.size", "negative"},
    {"HeaderSchemaUnknown", [](pb::Roster &r) { r.mutable_header()->set_schema("cadre.v2"); }, "header.schema", "not \"cadre.v1\""},
    {"RegionCodeRequired", [](pb::Roster &r) { r.mutable_regions(0)->clear_code(); }, "regions[0].code", "required", false},
    {"RegionCodeNotDigits", [](pb::Roster &r) { r.mutable_regions(2)->set_code("36O111"); }, "regions[2].code", "six-digit", false},
    {"RegionCodeDuplicate", [](pb::Roster &r) { r.mutable_regions(2)->set_code("360100"); r.mutable_units(1)->set_region_code("360100"); }, "regions[2].code", "duplicate code", false},
    {"RegionParentUnresolved", [](pb::Roster &r) { r.mutable_regions(1)->set_parent_code("370000"); }, "regions[1].parent_code", "not among the regions"},
    {"RegionParentIsItself", [](pb::Roster &r) { r.mutable_regions(1)->set_parent_code("360100"); }, "regions[1].parent_code", "own code"},
    {"RegionLevelUnknown", [](pb::Roster &r) { r.mutable_regions(0)->set_level(static_cast<pb::RegionLevel>(5)); }, "regions[0].level", "value 5 is unknown"},
    {"RegionNameTooLong", [](pb::Roster &r) { r.mutable_regions(0)->set_name(kLong); }, "regions[0].name", "longer than"},
    {"UnitIdRequired", [](pb::Roster &r) { r.mutable_units(1)->clear_id(); }, "units[1].id", "required", false},
    {"UnitIdDuplicate", [](pb::Roster &r) { r.mutable_units(1)->set_id("u-city"); r.mutable_units(1)->clear_parent_unit_id(); }, "units[1].id", "duplicate id", false},
    {"UnitKindRequired", [](pb::Roster &r) { r.mutable_units(0)->clear_kind(); }, "units[0].kind", "required"},
    {"UnitKindUnknown", [](pb::Roster &r) { r.mutable_units(0)->set_kind(static_cast<pb::UnitKind>(14)); }, "units[0].kind", "value 14 is unknown"},
    {"UnitRegionNotACode", [](pb::Roster &r) { r.mutable_units(0)->set_region_code("3601"); }, "units[0].region_code", "six-digit", false},
    {"UnitRegionUnresolved", [](pb::Roster &r) { r.mutable_units(0)->set_region_code("360200"); }, "units[0].region_code", "not among the regions"},
    {"UnitParentUnresolved", [](pb::Roster &r) { r.mutable_units(1)->set_parent_unit_id("u-province"); }, "units[1].parent_unit_id", "not among the units"},
    {"UnitParentIsItself", [](pb::Roster &r) { r.mutable_units(1)->set_parent_unit_id("u-county"); }, "units[1].parent_unit_id", "own id"},
    {"UnitRankUnknown", [](pb::Roster &r) { r.mutable_units(1)->set_rank_level(static_cast<pb::RankLevel>(30)); }, "units[1].rank_level", "value 30 is unknown"},
    {"TeamIdRequired", [](pb::Roster &r) { r.mutable_teams(0)->clear_id(); }, "teams[0].id", "required"},
    {"TeamUnitUnresolved", [](pb::Roster &r) { r.mutable_teams(0)->set_unit_id("u-none"); }, "teams[0].unit_id", "not among the units"},
    {"TeamEndBeforeStart", [](pb::Roster &r) { r.mutable_teams(0)->set_end_date("2021-09-30"); }, "teams[0].end_date", "before start_date"},
    {"TeamStartAfterAsOf", [](pb::Roster &r) { r.mutable_teams(0)->set_start_date("2025-07-01"); }, "teams[0].start_date", "after the as-of date"},
    {"TeamMemberCadreRequired", [](pb::Roster &r) { r.mutable_teams(0)->mutable_members(1)->clear_cadre_id(); }, "teams[0].members[1].cadre_id", "required"},
    {"TeamMemberPostUnresolved", [](pb::Roster &r) { r.mutable_teams(0)->mutable_members(0)->set_post_id("p9"); }, "teams[0].members[0].post_id", "not the id of one of that cadre's posts"},
    {"TeamMemberRoleUnknown", [](pb::Roster &r) { r.mutable_teams(0)->mutable_members(0)->set_role(static_cast<pb::TeamRole>(4)); }, "teams[0].members[0].role", "value 4 is unknown"},
    {"PeerGroupIdRequired", [](pb::Roster &r) { r.mutable_peer_groups(0)->clear_id(); }, "peer_groups[0].id", "required"},
    {"PeerGroupIdDuplicate", [](pb::Roster &r) { *r.add_peer_groups() = r.peer_groups(0); }, "peer_groups[1].id", "duplicate id"},
    {"PeerGroupCadreIdEmpty", [](pb::Roster &r) { r.mutable_peer_groups(0)->set_cadre_ids(1, ""); }, "peer_groups[0].cadre_ids[1]", "required"},
    {"PeerGroupDescriptionTooLong", [](pb::Roster &r) { r.mutable_peer_groups(0)->set_description(kVeryLong); }, "peer_groups[0].description", "longer than 4096"},
    {"UnitAssessmentIdRequired", [](pb::Roster &r) { r.mutable_unit_assessments(0)->clear_id(); }, "unit_assessments[0].id", "required"},
    {"UnitAssessmentUnitRequired", [](pb::Roster &r) { r.mutable_unit_assessments(0)->clear_unit_id(); }, "unit_assessments[0].unit_id", "required"},
    {"UnitAssessmentUnitUnresolved", [](pb::Roster &r) { r.mutable_unit_assessments(0)->set_unit_id("u-none"); }, "unit_assessments[0].unit_id", "not among the units"},
    {"UnitAssessmentYearRequired", [](pb::Roster &r) { r.mutable_unit_assessments(0)->clear_year(); }, "unit_assessments[0].year", "required"},
    {"UnitAssessmentYearAfterAsOf", [](pb::Roster &r) { r.mutable_unit_assessments(0)->set_year(2026); }, "unit_assessments[0].year", "after the year of the as-of date"},
    {"UnitAssessmentGradeRequired", [](pb::Roster &r) { r.mutable_unit_assessments(0)->clear_team_grade(); }, "unit_assessments[0].team_grade", "required"},
    {"SelectionSatisfactionAboveOne", [](pb::Roster &r) { r.mutable_unit_assessments(0)->set_selection_work_satisfaction(1.01); }, "unit_assessments[0].selection_work_satisfaction", "not within 0 and 1"},
    {"AppointeesSatisfactionNegative", [](pb::Roster &r) { r.mutable_unit_assessments(0)->set_new_appointees_satisfaction(-0.1); }, "unit_assessments[0].new_appointees_satisfaction", "not within 0 and 1"},
    {"CadresAdjustedDownNegative", [](pb::Roster &r) { r.mutable_unit_assessments(0)->set_cadres_adjusted_down(-1); }, "unit_assessments[0].cadres_adjusted_down", "negative"},
    {"CadreIdDuplicate", [](pb::Roster &r) { r.mutable_cadres(1)->set_id("c-full"); }, "cadres[1].id", "duplicate id within cadres"},
    {"CadreFieldPath", [](pb::Roster &r) { r.mutable_cadres(0)->mutable_posts(2)->set_start_date("2023-02-30"); }, "cadres[0].posts[2].start_date", "not a date"},
};
// clang-format on

std::string roster_case_name(const ::testing::TestParamInfo<RosterCase> &info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RosterValidation, ::testing::ValuesIn(kRosterCases),
                         roster_case_name);

TEST(RosterValidation, BadRecordsAreReportedAndSkipped) {
  pb::Roster r = full_roster();
  r.mutable_cadres(0)->clear_sex();
  r.mutable_units(0)->clear_kind();
  Roster out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(r, as_of(), out, errors));
  ASSERT_EQ(errors.size(), 2U) << errors_text(errors);
  ASSERT_EQ(out.cadres.size(), 1U);
  EXPECT_EQ(out.cadres[0].id, "c-2");
  ASSERT_EQ(out.units.size(), 1U);
  EXPECT_EQ(out.units[0].id, "u-county");  // its parent still resolves against the input
  EXPECT_EQ(out.regions.size(), 3U);
  EXPECT_EQ(out.teams.size(), 1U);
}

TEST(RosterValidation, DuplicateCadreIsSkipped) {
  pb::Roster r = full_roster();
  r.mutable_cadres(1)->set_id("c-full");
  Roster out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(r, as_of(), out, errors));
  ASSERT_EQ(out.cadres.size(), 1U);
  EXPECT_EQ(out.cadres[0].name, "张三");
}

TEST(RosterValidation, ReferencesAreCheckedOnlyWhenTheTargetsAreGiven) {
  pb::Roster r = full_roster();
  r.clear_regions();  // units' region codes cannot be checked
  r.clear_units();    // nor teams' and unit assessments' unit ids
  r.mutable_units()->Clear();
  r.mutable_teams(0)->mutable_members(1)->set_cadre_id("c-elsewhere");  // not in the roster
  r.mutable_teams(0)->mutable_members(1)->set_post_id("p-elsewhere");
  Roster out;
  std::vector<Status> errors;
  EXPECT_TRUE(codec::decode(r, as_of(), out, errors)) << errors_text(errors);
}

TEST(RosterValidation, ListsAreBounded) {
  pb::Roster r = full_roster();
  Roster out;
  std::vector<Status> errors;
  EXPECT_FALSE(codec::decode(r, as_of(), out, errors, 2));
  EXPECT_TRUE(has_error(errors, "regions", "more than 2 records")) << errors_text(errors);
  EXPECT_TRUE(out.regions.empty());
  EXPECT_EQ(out.cadres.size(), 2U);
  EXPECT_GE(codec::kMaxRosterRecords, 10'000'000);
}

TEST(RosterValidation, RecordsOnTheirOwn) {
  // The streaming form decodes each record alone, with the caller's path.
  const pb::Roster r = full_roster();
  std::vector<Status> errors;
  Region region;
  EXPECT_TRUE(codec::decode(r.regions(1), "regions[1]", region, errors));
  EXPECT_EQ(region.parent_code, "360000");
  pb::Unit bad_unit = r.units(0);
  bad_unit.clear_kind();
  Unit unit;
  EXPECT_FALSE(codec::decode(bad_unit, "record[4].unit", unit, errors));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field(), "record[4].unit.kind");
  LeadershipTeam team;
  EXPECT_TRUE(codec::decode(r.teams(0), "t", as_of(), team, errors));
  PeerGroup group;
  EXPECT_TRUE(codec::decode(r.peer_groups(0), "g", group, errors));
  UnitSpecialAssessment ua;
  EXPECT_TRUE(codec::decode(r.unit_assessments(0), "ua", as_of(), ua, errors));
  RosterHeader header;
  EXPECT_TRUE(codec::decode(r.header(), "header", header, errors));
  EXPECT_EQ(errors.size(), 1U) << errors_text(errors);
  pb::Unit back;
  codec::encode(unit, back);
  EXPECT_EQ(back.id(), bad_unit.id());
}

}  // namespace
}  // namespace cadre
