// Fully populated cadre.v1 messages shared by the codec tests: every field of
// pb::Cadre and pb::Roster is set at least once, and the data are valid as of
// kFixtureAsOf.
#ifndef CADRE_TESTS_UNIT_DOMAIN_FIXTURES_HPP
#define CADRE_TESTS_UNIT_DOMAIN_FIXTURES_HPP

#include <google/protobuf/text_format.h>

#include <stdexcept>
#include <string>

#include "cadre/v1/cadre.pb.h"
#include "cadre/v1/roster.pb.h"

namespace cadre::testing {

/** The as-of date the fixtures are valid on. */
inline constexpr const char *kFixtureAsOf = "2025-06-30";

inline constexpr const char *kFullCadreText = R"pb(
  id: "c-full"
  sex: SEX_FEMALE
  birth_date: "1970-05-31"
  birth_date_source: BIRTH_DATE_SOURCE_PERSONNEL_FILE
  posts {
    id: "p1"
    unit_id: "u-county"
    title: "副区长"
    rank_level: RANK_LEVEL_COUNTY_DEPUTY
    kind: POST_KIND_LEADERSHIP
    start_date: "2012-03-01"
    end_date: "2018-02-28"
    region_code: "360111"
    appointment: APPOINTMENT_MODE_ELECTED
    local_party_or_government_leader: true
    end_reason: POST_END_REASON_PROMOTION
    probation { start_date: "2012-03-01" end_date: "2013-02-28" result: PROBATION_RESULT_PASSED }
    terms { number: 1 start_date: "2012-03-01" end_date: "2016-12-31" }
    terms { number: 2 start_date: "2017-01-01" end_date: "2018-02-28" }
    exceptional_promotion: true
    peer_group_id: "pg-deputy"
  }
  posts {
    id: "p2"
    unit_id: "u-county"
    title: "区长"
    rank_level: RANK_LEVEL_COUNTY_PRINCIPAL
    kind: POST_KIND_LEADERSHIP
    start_date: "2018-03-01"
    end_date: "2023-06-30"
    region_code: "360111"
    appointment: APPOINTMENT_MODE_ELECTED
    local_party_or_government_leader: true
    end_reason: POST_END_REASON_TRANSFER_OUT
    terms { number: 1 start_date: "2018-03-01" end_date: "2023-06-30" }
    peer_group_id: "pg-head"
    unit_kind: UNIT_KIND_GOVERNMENT
  }
  posts {
    id: "p3"
    unit_id: "u-city"
    title: "二级巡视员"
    rank_level: RANK_LEVEL_COUNTY_PRINCIPAL
    kind: POST_KIND_RANK_ONLY
    start_date: "2023-07-01"
    region_code: "360100"
    appointment: APPOINTMENT_MODE_APPOINTED
    internal_unit: true
  }
  name: "张三"
  file_number: "F-0001"
  work_start_date: "1991-07-01"
  grassroots_months: 60
  education: EDUCATION_LEVEL_MASTER
  party_member: true
  party_joined_on: "1993-06-30"
  unit_id: "u-city"
  assessments {
    id: "a2022"
    year: 2022
    grade: ASSESSMENT_GRADE_COMPETENT
    scores { morality: 90 ability: 85.5 diligence: 88 achievement: 80 integrity: 95 }
    evaluation {
      raters: 40
      excellent: 10
      competent: 25
      basically_competent: 3
      incompetent: 1
      abstained: 1
    }
    reverse_evaluation { raters: 12 votes_as_weakest: 3 areas_ref: "ref-rev-1" }
    rank_in_team { rank: 3 of: 9 group_id: "t-county" }
    rank_in_peer_group { rank: 5 of: 12 group_id: "pg-head" }
    targets { set: 10 met: 8 ranked_last: true }
    decided_on: "2023-01-20"
  }
  assessments {
    id: "a2023"
    year: 2023
    grade: ASSESSMENT_GRADE_NOT_GRADED
    no_grade_reason: NO_GRADE_REASON_UNDER_INVESTIGATION
    decided_on: "2024-01-20"
  }
  incidents {
    id: "i1"
    occurred_on: "2023-03-01"
    recorded_on: "2023-04-15"
    situation_id: "cn-2022.unsuitable.8"
    severity: SEVERITY_SERIOUS
    responsibility: RESPONSIBILITY_PRINCIPAL_LEADERSHIP
    evidence_refs: "ev-1"
    evidence_refs: "ev-2"
    verified: true
    prior_warning_id: "w1"
  }
  accountability_decisions {
    id: "d1"
    incident_ids: "i1"
    forms: ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT
    forms: ACCOUNTABILITY_FORM_CIRCULATED_CRITICISM
    measures: ORGANISATIONAL_MEASURE_POST_ADJUSTMENT
    authority: AUTHORITY_KIND_PARTY_COMMITTEE
    document_number: "赣组字〔2023〕1号"
    decided_on: "2023-06-01"
    received_on: "2023-06-03"
    appealed_on: "2023-06-20"
  }
  party_sanctions {
    id: "s1"
    kind: PARTY_SANCTION_KIND_PROBATION_WITHIN_PARTY
    decided_on: "2023-07-01"
    effective_on: "2023-07-01"
    probation_years: 1
    restored_on: "2024-07-02"
    related_to_duties: true
    incident_id: "i1"
    document_number: "纪〔2023〕5号"
  }
  government_sanctions {
    id: "g1"
    kind: GOVERNMENT_SANCTION_KIND_DEMERIT
    decided_on: "2023-07-05"
    effective_on: "2023-07-06"
    lifted_on: "2025-01-06"
    incident_id: "i1"
    document_number: "监〔2023〕7号"
  }
  early_warnings {
    id: "w1"
    kind: EARLY_WARNING_KIND_INQUIRY_LETTER
    issued_on: "2023-02-01"
    replied_on: "2023-02-10"
    corrected: true
    reviewed_on: "2023-08-01"
    incident_id: "i1"
  }
  early_warnings {
    id: "w2"
    kind: EARLY_WARNING_KIND_ADMONISHMENT
    issued_on: "2023-05-01"
    self_examination_on: "2023-05-15"
    reviewed_on: "2023-11-01"
  }
  investigations {
    id: "v1"
    opened_on: "2023-04-20"
    closed_on: "2023-06-25"
    status: INVESTIGATION_STATUS_CLOSED_SANCTIONED
    authority: AUTHORITY_KIND_DISCIPLINE_COMMISSION
  }
  exemption_claims {
    id: "e1"
    concerns { kind: RECORD_KIND_INCIDENT id: "i1" cadre_id: "c-full" }
    grounds: EXEMPTION_GROUND_REFORM_TRIAL
    exclusions { exclusion: EXEMPTION_EXCLUSION_PERSONAL_GAIN applies: true }
    decision: EXEMPTION_DECISION_MITIGATED
    effects_cancelled: EXEMPTION_EFFECT_PROMOTION
    authority: AUTHORITY_KIND_ORGANISATION_DEPARTMENT
    claimed_on: "2023-06-10"
    decided_on: "2023-06-28"
    impact_months: 6
    remedied: true
    cooperated: true
  }
  adjustments {
    id: "adj1"
    channel: CHANNEL_ACCOUNTABILITY
    method: ADJUSTMENT_METHOD_TRANSFER_OUT
    authority: AUTHORITY_KIND_PARTY_COMMITTEE
    document_number: "赣组字〔2023〕9号"
    proposed_on: "2023-06-05"
    decided_on: "2023-06-15"
    executed_on: "2023-07-01"
    rule_id: "cn-2022.accountability"
    from_post_id: "p2"
    to_post_id: "p3"
    basis_id: "d1"
  }
  health_spells {
    id: "h1"
    start_date: "2021-01-10"
    end_date: "2021-03-10"
    continuous_leave: true
    partially_able: true
  }
  study_leaves { id: "l1" start_date: "2016-09-01" end_date: "2017-01-15" organisation_sent: true }
  resignation_requests {
    id: "r1"
    submitted_on: "2024-03-01"
    reason: RESIGNATION_REASON_FAMILY_HARDSHIP
    accepted_on: "2024-04-01"
    withdrawn: true
  }
  family_situations {
    id: "f1"
    kind: FAMILY_SITUATION_KIND_SPOUSE_RUNS_BUSINESS
    since: "2019-01-01"
    until: "2020-12-31"
    adjustment_required: true
  }
  assignment_refusals {
    id: "x1"
    refused_on: "2022-05-01"
    proper_reason: true
    decision_ref: "doc-77"
  }
  candidacies {
    id: "k1"
    stage: CANDIDACY_STAGE_WITHDRAWN
    since: "2022-11-01"
    target_level: RANK_LEVEL_BUREAU_DEPUTY
    target_unit_id: "u-city"
    exceptional: true
  }
  follow_up_plans {
    id: "fp1"
    adjustment_id: "adj1"
    start_date: "2023-07-01"
    end_date: "2024-06-30"
    talks {
      id: "t1"
      held_on: "2023-07-10"
      actor: FOLLOW_UP_ACTOR_UNIT_PRINCIPAL
      notes_ref: "notes-1"
    }
    trainings {
      id: "tr1"
      name: "专题培训"
      start_date: "2023-09-01"
      end_date: "2023-09-05"
      hours: 40
    }
    special_tasks {
      id: "st1"
      description: "乡村振兴专项"
      start_date: "2023-10-01"
      end_date: "2024-03-31"
      grade: ASSESSMENT_GRADE_EXCELLENT
    }
    outcome { kind: FOLLOW_UP_OUTCOME_KIND_REAPPOINTED decided_on: "2024-07-01" record_id: "p3" }
  }
  age_limit_delays {
    id: "dl1"
    post_id: "p3"
    proposed_on: "2025-03-01"
    approved_on: "2025-03-20"
    approved_by: AUTHORITY_KIND_PARTY_COMMITTEE
    until: "2026-05-31"
    document_number: "赣组字〔2025〕1号"
  }
)pb";

inline constexpr const char *kRosterText = R"pb(
  header {
    jurisdiction: "360000"
    name: "合成省 2025"
    extracted_on: "2025-06-30"
    seed: 42
    size: 2
    schema: "cadre.v1"
  }
  regions { code: "360000" name: "江西省" level: REGION_LEVEL_PROVINCE }
  regions { code: "360100" name: "南昌市" level: REGION_LEVEL_CITY parent_code: "360000" }
  regions { code: "360111" name: "青山湖区" level: REGION_LEVEL_COUNTY parent_code: "360100" }
  units {
    id: "u-city"
    name: "南昌市人民政府"
    kind: UNIT_KIND_GOVERNMENT
    region_code: "360100"
    rank_level: RANK_LEVEL_BUREAU_PRINCIPAL
  }
  units {
    id: "u-county"
    name: "青山湖区人民政府"
    kind: UNIT_KIND_GOVERNMENT
    region_code: "360111"
    parent_unit_id: "u-city"
    rank_level: RANK_LEVEL_COUNTY_PRINCIPAL
  }
  teams {
    id: "t-county"
    unit_id: "u-county"
    start_date: "2021-10-01"
    end_date: "2026-09-30"
    members { cadre_id: "c-full" post_id: "p2" role: TEAM_ROLE_PRINCIPAL }
    members { cadre_id: "c-2" post_id: "c-2-p1" role: TEAM_ROLE_DEPUTY }
  }
  peer_groups { id: "pg-head" description: "县（区）长" cadre_ids: "c-full" cadre_ids: "c-2" }
  unit_assessments {
    id: "ua-2024"
    unit_id: "u-county"
    year: 2024
    team_grade: TEAM_GRADE_GOOD
    selection_work_satisfaction: 0.92
    new_appointees_satisfaction: 0.875
    cadres_adjusted_down: 3
    reported_in_party_building_report: true
  }
  cadres {
    id: "c-2"
    sex: SEX_MALE
    birth_date: "1975-01-15"
    posts {
      id: "c-2-p1"
      unit_id: "u-county"
      title: "副区长"
      rank_level: RANK_LEVEL_COUNTY_DEPUTY
      kind: POST_KIND_LEADERSHIP
      start_date: "2021-10-01"
    }
  }
)pb";

/** Parses a text-format fixture; throws on a typo in the fixture. */
template <typename M>
M parse_fixture(const char *text) {
  M m;
  if (!google::protobuf::TextFormat::ParseFromString(text, &m)) {
    throw std::runtime_error("bad fixture text");
  }
  return m;
}

/** A cadre with every field of pb::Cadre set at least once. */
inline ::cadre::v1::Cadre full_cadre() { return parse_fixture<::cadre::v1::Cadre>(kFullCadreText); }

/** A roster with every field of pb::Roster set at least once; the full cadre is cadres[0]. */
inline ::cadre::v1::Roster full_roster() {
  auto roster = parse_fixture<::cadre::v1::Roster>(kRosterText);
  *roster.mutable_cadres()->Add() = full_cadre();
  roster.mutable_cadres()->SwapElements(0, 1);
  return roster;
}

}  // namespace cadre::testing

#endif  // CADRE_TESTS_UNIT_DOMAIN_FIXTURES_HPP
