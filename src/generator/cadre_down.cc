// A cadre of the synthetic province: the one "down" of the history, if any,
// with the records it rests on (one method per channel), the post taken after
// it and its follow-up.
#include <algorithm>
#include <array>
#include <string>

#include "generator/cadre_builder.hpp"

namespace cadre::generator::detail {
namespace {

constexpr std::array<std::string_view, 5> kTrainings = {
    "党性教育专题培训", "履职能力提升班", "基层治理专题研修", "作风建设专题培训", "业务知识轮训"};
constexpr std::array<std::string_view, 4> kTasks = {"乡村振兴驻村帮扶", "信访积案化解专项工作",
                                                    "重点项目攻坚", "安全生产专项整治"};

}  // namespace

void CadreBuilder::the_down() {
  if (!down || age_pending) {
    return;
  }
  Down dn;
  dn.d = f.when;
  dn.decided = dn.d.add_days(-r.range(0, 20));
  dn.proposed = dn.decided.add_days(-r.range(15, 90));
  pb::Adjustment &adj = dn.adj;
  adj.set_id(id("adj", ids.adjustment));
  adj.set_channel(f.channel);
  adj.set_authority(pd.level <= kBD ? pb::AUTHORITY_KIND_PARTY_COMMITTEE
                                    : pb::AUTHORITY_KIND_ORGANISATION_DEPARTMENT);
  adj.set_document_number("合组干〔" + std::to_string(dn.decided.year()) + "〕" +
                          std::to_string(r.range(1, 500)) + "号");
  adj.set_proposed_on(dn.proposed.to_string());
  adj.set_decided_on(dn.decided.to_string());
  if (executed) adj.set_executed_on(dn.d.to_string());
  adj.set_from_post_id(sp->id());
  dn.new_level = pd.level;
  switch (f.channel) {
    case pb::CHANNEL_AGE_LIMIT:
      adj.set_method(pb::ADJUSTMENT_METHOD_RETIREMENT);
      adj.set_rule_id(rule(dn.d, "age.retirement"));
      dn.reason = pb::POST_END_REASON_AGE_LIMIT;
      dn.new_post = false;
      break;
    case pb::CHANNEL_TERM:
      adj.set_method(pb::ADJUSTMENT_METHOD_TRANSFER_OUT);
      adj.set_rule_id(rule(dn.d, is_local ? "term.exchange" : "term.years-at-level"));
      dn.reason = is_local ? pb::POST_END_REASON_EXCHANGE : pb::POST_END_REASON_TERM_ENDED;
      dn.new_rank_only = false;
      break;
    case pb::CHANNEL_ACCOUNTABILITY:
      down_accountability(dn);
      break;
    case pb::CHANNEL_UNSUITABLE:
      down_unsuitable(dn);
      break;
    case pb::CHANNEL_UNABLE_TO_PERFORM:
      down_unable_to_perform(dn);
      break;
    case pb::CHANNEL_VOLUNTARY_RESIGNATION:
      down_resignation(dn);
      break;
    case pb::CHANNEL_VIOLATION:
      down_violation(dn);
      break;
    default:
      break;
  }
  if (executed) {
    leave_post(dn);
  }
  pb::Adjustment *stored = c.add_adjustments();
  *stored = std::move(dn.adj);
  // Follow-up for accountability and unsuitable adjustments (后续管理).
  if (executed &&
      (f.channel == pb::CHANNEL_ACCOUNTABILITY || f.channel == pb::CHANNEL_UNSUITABLE)) {
    follow_up(dn.d, *stored);
  }
}

void CadreBuilder::down_accountability(Down &dn) {
  const Date &d = dn.d;
  const Date &decided = dn.decided;
  const Date &proposed = dn.proposed;
  pb::Adjustment &adj = dn.adj;
  pb::PostEndReason &reason = dn.reason;
  int &new_level = dn.new_level;
  bool &new_rank_only = dn.new_rank_only;
  const std::string situation = jx(d) && r.chance(0.3) ? "jx.accountability.poverty-alleviation"
                                                       : rule(d, "accountability.adjustment");
  const Date occurred = std::max(hist_from, proposed.add_days(-r.range(30, 200)));
  pb::Incident *in = add_incident(occurred, situation,
                                  r.chance(0.5) ? pb::SEVERITY_SERIOUS : pb::SEVERITY_GRAVE, true);
  constexpr std::array<pb::OrganisationalMeasure, 4> kMeasures = {
      pb::ORGANISATIONAL_MEASURE_POST_ADJUSTMENT, pb::ORGANISATIONAL_MEASURE_REMOVAL,
      pb::ORGANISATIONAL_MEASURE_DEMOTION, pb::ORGANISATIONAL_MEASURE_ORDERED_RESIGNATION};
  const pb::OrganisationalMeasure m = r.pick(kMeasures);
  pb::AccountabilityDecision *dec =
      add_decision(in->id(), std::max(occurred, decided.add_days(-r.range(0, 10))),
                   {pb::ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT}, {m});
  adj.set_basis_id(dec->id());
  adj.set_rule_id(rule(d, "accountability.adjustment"));
  switch (m) {
    case pb::ORGANISATIONAL_MEASURE_POST_ADJUSTMENT:
      adj.set_method(pb::ADJUSTMENT_METHOD_TRANSFER_OUT);
      reason = pb::POST_END_REASON_TRANSFER_OUT;
      break;
    case pb::ORGANISATIONAL_MEASURE_DEMOTION:
      adj.set_method(pb::ADJUSTMENT_METHOD_DEMOTION);
      reason = pb::POST_END_REASON_DEMOTION;
      new_level = std::min(kTD, pd.level + 1);
      new_rank_only = false;
      break;
    case pb::ORGANISATIONAL_MEASURE_ORDERED_RESIGNATION:
      adj.set_method(pb::ADJUSTMENT_METHOD_ORDERED_RESIGNATION);
      reason = pb::POST_END_REASON_ORDERED_RESIGNATION;
      break;
    default:
      adj.set_method(pb::ADJUSTMENT_METHOD_REMOVAL);
      reason = pb::POST_END_REASON_REMOVAL;
      break;
  }
}

void CadreBuilder::down_unsuitable(Down &dn) {
  const Date &d = dn.d;
  const Date &proposed = dn.proposed;
  pb::Adjustment &adj = dn.adj;
  pb::PostEndReason &reason = dn.reason;
  int &new_level = dn.new_level;
  bool &new_rank_only = dn.new_rank_only;
  const bool new_rules = !(d <= *Date::from_ymd(2022, 9, 7));
  const std::uint32_t x = r.below(1000);
  const auto by = [&](double share) { return static_cast<std::uint32_t>(share * 1000); };
  if (x < by(rates_.unsuitable_by_family)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    const bool emigrated = r.chance(0.4);
    fs->set_kind(emigrated ? pb::FAMILY_SITUATION_KIND_SPOUSE_EMIGRATED
                           : pb::FAMILY_SITUATION_KIND_SPOUSE_RUNS_BUSINESS);
    fs->set_since(std::max(hist_from, proposed.add_days(-r.range(60, 400))).to_string());
    fs->set_adjustment_required(true);
    adj.set_basis_id(fs->id());
    adj.set_rule_id(new_rules ? (emigrated ? "cn-2022.unsuitable.12" : "cn-2022.unsuitable.13")
                              : "cn-2015.unsuitable.9");
  } else if (new_rules && x < by(rates_.unsuitable_by_family + rates_.unsuitable_by_refusal)) {
    pb::AssignmentRefusal *rf = c.add_assignment_refusals();
    rf->set_id(id("rf", ids.refusal));
    rf->set_refused_on(std::max(hist_from, proposed.add_days(-r.range(20, 200))).to_string());
    rf->set_proper_reason(false);
    rf->set_decision_ref("合组干〔" + std::to_string(d.year()) + "〕" +
                         std::to_string(r.range(1, 500)) + "号");
    adj.set_basis_id(rf->id());
    adj.set_rule_id("cn-2022.unsuitable.6-refusal");
  } else if (new_rules &&
             x < by(rates_.unsuitable_by_family + rates_.unsuitable_by_refusal +
                    rates_.unsuitable_by_grades) &&
             proposed.year() - 2 >= hist_from.year()) {
    // Graded 不称职 the year before (set with the assessments below).
    adj.set_basis_id("a" + std::to_string(proposed.year() - 1));
    adj.set_rule_id("cn-2022.unsuitable.14-grade");
  } else {
    std::string situation;
    if (jx(d) && r.chance(0.3)) {
      situation = r.chance(0.5) ? "jx.unsuitable.central-tasks" : "jx.unsuitable.major-strategies";
    } else if (new_rules) {
      situation = "cn-2022.unsuitable." + std::to_string(r.range(1, 11));
    } else {
      constexpr std::array<std::string_view, 9> kOld = {"1", "2", "3", "4", "5",
                                                        "6", "7", "8", "10"};
      situation = "cn-2015.unsuitable." + std::string(r.pick(kOld));
    }
    const Date occurred = std::max(hist_from.add_days(200), proposed.add_days(-r.range(60, 300)));
    std::string warning;
    if (!new_rules || r.chance(0.3)) {  // the 2015 rules need a warning first
      // Draws in a fixed order (a call's arguments are evaluated in no set order).
      const Date warned = occurred.add_days(-r.range(60, 190));
      const auto kind =
          r.chance(0.5) ? pb::EARLY_WARNING_KIND_REMINDER : pb::EARLY_WARNING_KIND_ADMONISHMENT;
      warning = add_warning(kind, warned, false)->id();
    }
    pb::Incident *in =
        add_incident(std::min(occurred, proposed), situation, pb::SEVERITY_SERIOUS, true);
    in->set_prior_warning_id(warning);
    adj.set_basis_id(in->id());
    adj.set_rule_id(situation);
  }
  constexpr std::array<pb::AdjustmentMethod, 3> kMethods = {pb::ADJUSTMENT_METHOD_TRANSFER_OUT,
                                                            pb::ADJUSTMENT_METHOD_REMOVAL,
                                                            pb::ADJUSTMENT_METHOD_DEMOTION};
  pb::AdjustmentMethod method = r.pick(kMethods);
  if (r.chance(0.3)) {
    method = new_rules ? pb::ADJUSTMENT_METHOD_RANK_ONLY_POST
                       : pb::ADJUSTMENT_METHOD_NON_LEADERSHIP_POST;
  }
  adj.set_method(method);
  reason = method == pb::ADJUSTMENT_METHOD_TRANSFER_OUT ? pb::POST_END_REASON_TRANSFER_OUT
           : method == pb::ADJUSTMENT_METHOD_DEMOTION   ? pb::POST_END_REASON_DEMOTION
           : method == pb::ADJUSTMENT_METHOD_REMOVAL    ? pb::POST_END_REASON_REMOVAL
                                                        : pb::POST_END_REASON_NON_LEADERSHIP_POST;
  if (method == pb::ADJUSTMENT_METHOD_DEMOTION) {
    new_level = std::min(kTD, pd.level + 1);
    new_rank_only = false;
  }
}

void CadreBuilder::down_unable_to_perform(Down &dn) {
  const Date &d = dn.d;
  const Date &proposed = dn.proposed;
  pb::Adjustment &adj = dn.adj;
  pb::PostEndReason &reason = dn.reason;
  pb::HealthSpell *h = c.add_health_spells();
  h->set_id(id("h", ids.health));
  const Date from = std::max(first, proposed.add_days(-r.range(370, 500)));
  h->set_start_date(from.to_string());
  h->set_continuous_leave(true);
  h->set_partially_able(r.chance(0.3));
  adj.set_basis_id(h->id());
  adj.set_rule_id(rule(d, "health.one-year"));
  adj.set_method(pb::ADJUSTMENT_METHOD_REMOVAL);
  reason = pb::POST_END_REASON_REMOVAL;
}

void CadreBuilder::down_resignation(Down &dn) {
  const Date &d = dn.d;
  const Date &decided = dn.decided;
  const Date &proposed = dn.proposed;
  pb::Adjustment &adj = dn.adj;
  pb::PostEndReason &reason = dn.reason;
  bool &new_post = dn.new_post;
  pb::ResignationRequest *rq = c.add_resignation_requests();
  rq->set_id(id("r", ids.resignation));
  rq->set_submitted_on(proposed.add_days(-r.range(1, 30)).to_string());
  rq->set_reason(static_cast<pb::ResignationReason>(r.range(1, 4)));
  rq->set_accepted_on(decided.to_string());
  adj.set_basis_id(rq->id());
  adj.set_rule_id(rule(d, "resignation.voluntary"));
  adj.set_method(pb::ADJUSTMENT_METHOD_RESIGNATION);
  reason = pb::POST_END_REASON_RESIGNATION;
  new_post = false;
}

void CadreBuilder::down_violation(Down &dn) {
  const Date &d = dn.d;
  const Date &decided = dn.decided;
  const Date &proposed = dn.proposed;
  pb::Adjustment &adj = dn.adj;
  pb::PostEndReason &reason = dn.reason;
  int &new_level = dn.new_level;
  const Date occurred = std::max(hist_from, proposed.add_days(-r.range(200, 700)));
  pb::Incident *in =
      add_incident(occurred, rule(d, "violation.sanction-removal"), pb::SEVERITY_GRAVE, true);
  pb::Investigation *v = c.add_investigations();
  v->set_id(id("v", ids.investigation));
  const Date opened = std::min(proposed, *Date::parse(in->recorded_on()));
  v->set_opened_on(opened.to_string());
  v->set_closed_on(std::max(opened, decided.add_days(-1)).to_string());
  v->set_status(pb::INVESTIGATION_STATUS_CLOSED_SANCTIONED);
  v->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
  pb::PartySanction *ps = c.add_party_sanctions();
  ps->set_id(id("ps", ids.party));
  const bool probation = r.chance(0.4);
  ps->set_kind(probation ? pb::PARTY_SANCTION_KIND_PROBATION_WITHIN_PARTY
                         : pb::PARTY_SANCTION_KIND_REMOVAL_FROM_PARTY_POST);
  ps->set_decided_on(decided.to_string());
  ps->set_effective_on(decided.to_string());
  if (probation) ps->set_probation_years(r.range(1, 2));
  ps->set_related_to_duties(true);
  ps->set_incident_id(in->id());
  ps->set_document_number("合纪〔" + std::to_string(decided.year()) + "〕" +
                          std::to_string(r.range(1, 300)) + "号");
  if (probation) {
    const Date restored = decided.add_years(ps->probation_years()).add_days(1);
    if (restored <= end) ps->set_restored_on(restored.to_string());
  }
  pb::GovernmentSanction *gs = c.add_government_sanctions();
  gs->set_id(id("gs", ids.gov));
  gs->set_kind(pb::GOVERNMENT_SANCTION_KIND_DISMISSAL_FROM_POST);
  gs->set_decided_on(decided.to_string());
  gs->set_effective_on(decided.to_string());
  gs->set_incident_id(in->id());
  gs->set_document_number("合监〔" + std::to_string(decided.year()) + "〕" +
                          std::to_string(r.range(1, 300)) + "号");
  adj.set_basis_id(ps->id());
  adj.set_rule_id(rule(d, "violation.sanction-removal"));
  adj.set_method(pb::ADJUSTMENT_METHOD_REMOVAL);
  reason = pb::POST_END_REASON_REMOVAL;
  new_level = std::min(kTD, pd.level + 1);
}

void CadreBuilder::leave_post(Down &dn) {
  const Date &d = dn.d;
  pb::Adjustment &adj = dn.adj;
  pb::PostEndReason &reason = dn.reason;
  bool &new_post = dn.new_post;
  int &new_level = dn.new_level;
  bool &new_rank_only = dn.new_rank_only;
  sp->set_end_date(d.add_days(-1) < slot_start ? slot_start.to_string()
                                               : d.add_days(-1).to_string());
  sp->set_end_reason(reason);
  if (sp->has_probation() && sp->probation().result() == pb::PROBATION_RESULT_RUNNING) {
    sp->mutable_probation()->set_end_date(sp->end_date());
    sp->mutable_probation()->set_result(pb::PROBATION_RESULT_PASSED);
  }
  if (!sp->terms().empty()) {
    pb::TermOfOffice *last = sp->mutable_terms(sp->terms_size() - 1);
    if (last->end_date().empty() || last->end_date() > sp->end_date()) {
      last->set_end_date(std::max(last->start_date(), sp->end_date()));
    }
  }
  if (new_post) {
    pb::Post *np = c.add_posts();
    np->set_id(id("p", ids.post));
    // Another unit of the region for a transfer, the same one otherwise.
    const UnitDef &nu =
        f.channel == pb::CHANNEL_TERM || !new_rank_only
            ? units_[static_cast<std::size_t>(
                  region_units[r.below(static_cast<std::uint32_t>(region_units.size()))])]
            : unit;
    np->set_unit_id(nu.id);
    np->set_region_code(regions_[static_cast<std::size_t>(nu.region)].code);
    np->set_rank_level(rank(new_level));
    np->set_start_date(d.to_string());
    if (new_rank_only) {
      np->set_kind(pb::POST_KIND_RANK_ONLY);
      np->set_title(new_level <= kBD   ? "一级巡视员"
                    : new_level <= kCD ? "二级调研员"
                                       : "一级主任科员");
    } else {
      const PostDef *match = nullptr;
      for (const PostDef &x : nu.posts) {
        if (x.level == new_level) {
          match = &x;
          break;
        }
      }
      np->set_kind(pb::POST_KIND_LEADERSHIP);
      np->set_title(match != nullptr ? match->title : "调研员");
      np->set_local_party_or_government_leader(match != nullptr && local_leader(nu, *match));
      if (np->local_party_or_government_leader()) add_terms(*np, d, end);
    }
    np->set_appointment(pb::APPOINTMENT_MODE_APPOINTED);
    adj.set_to_post_id(np->id());
  }
}

void CadreBuilder::follow_up(Date d, const pb::Adjustment &stored) {
  pb::FollowUpPlan *plan = c.add_follow_up_plans();
  plan->set_id(id("fu", ids.plan));
  plan->set_adjustment_id(stored.id());
  plan->set_start_date(d.to_string());
  const Date plan_end = d.add_years(1);
  if (plan_end <= end) plan->set_end_date(plan_end.to_string());
  // Talks on the templates' cadence until the outcome (or the end of the history): each
  // actor's first within 2 weeks (the organisation department's within 4), then every 3
  // months (6); some held late, a few not held.
  const Date talks_until = std::min(plan_end, end);
  constexpr struct {
    pb::FollowUpActor actor;
    int first_days;
    int every_months;
  } kTalkers[] = {{pb::FOLLOW_UP_ACTOR_UNIT_PRINCIPAL, 14, 3},
                  {pb::FOLLOW_UP_ACTOR_LEADER_IN_CHARGE, 14, 3},
                  {pb::FOLLOW_UP_ACTOR_ORGANISATION_DEPARTMENT, 28, 6}};
  int talk_id = 0;
  for (const auto &t : kTalkers) {
    for (int k = 0;; ++k) {
      const Date due = d.add_days(t.first_days).add_months(k * t.every_months);
      if (due > talks_until) break;
      if (r.chance(rates_.follow_up_talk_missed)) continue;
      const Date held = r.chance(rates_.follow_up_talk_late)
                            ? due.add_days(r.range(1, 20))
                            : due.add_days(-r.range(0, std::min(t.first_days - 1, 10)));
      if (held > end) break;
      pb::Talk *talk = plan->add_talks();
      talk->set_id(id("t", talk_id));
      talk->set_held_on(held.to_string());
      talk->set_actor(t.actor);
      talk->set_notes_ref("N" + pad(r.below(1'000'000U), 6));
    }
  }
  if (d.add_days(60) <= end) {
    pb::Training *tr = plan->add_trainings();
    tr->set_id("tr1");
    tr->set_name(std::string(r.pick(kTrainings)));
    tr->set_start_date(d.add_days(45).to_string());
    const Date tr_end = d.add_days(45 + r.range(3, 14));
    if (tr_end <= end) tr->set_end_date(tr_end.to_string());
    tr->set_hours(r.range(16, 80));
  }
  const double task = f.channel == pb::CHANNEL_UNSUITABLE ? rates_.follow_up_task_unsuitable
                                                          : rates_.follow_up_task;
  if (d.add_days(90) <= end && r.chance(task)) {
    pb::SpecialTask *st = plan->add_special_tasks();
    st->set_id("st1");
    st->set_description(std::string(r.pick(kTasks)));
    st->set_start_date(d.add_days(90).to_string());
    const Date st_end = d.add_days(90 + 270);
    // Assessed (its own grade) within 20 working days of its end: 2 weeks here.
    if (st_end.add_days(14) <= end) {
      st->set_end_date(st_end.to_string());
      st->set_grade(r.chance(0.3) ? pb::ASSESSMENT_GRADE_EXCELLENT
                                  : pb::ASSESSMENT_GRADE_COMPETENT);
    } else if (st_end <= end) {
      st->set_end_date(st_end.to_string());
    }
  }
  if (f.channel == pb::CHANNEL_ACCOUNTABILITY && r.chance(rates_.exemption_on_accountability)) {
    exemption_on(d, stored);
  }
  if (plan_end <= end) {
    pb::FollowUpOutcome *o = plan->mutable_outcome();
    const std::uint32_t x = r.below(1000);
    const auto re = static_cast<std::uint32_t>(rates_.follow_up_reappointed * 1000);
    const auto co = re + static_cast<std::uint32_t>(rates_.follow_up_commended * 1000);
    const auto ag = co + static_cast<std::uint32_t>(rates_.follow_up_adjusted_again * 1000);
    o->set_kind(x < re   ? pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED
                : x < co ? pb::FOLLOW_UP_OUTCOME_KIND_COMMENDED
                : x < ag ? pb::FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN
                         : pb::FOLLOW_UP_OUTCOME_KIND_CONTINUING);
    o->set_decided_on(plan_end.to_string());
  }
}

// A 容错 claim on the accountability decision behind an adjustment carried out on @p d,
// claimed within a month and decided 1 to 3 months later: 从轻 with a shortened impact period
// of 6 months, or 不予容错, or still pending (synthetic rates, Rates::exemption_*).
void CadreBuilder::exemption_on(Date d, const pb::Adjustment &stored) {
  const Date claimed = d.add_days(r.range(3, 30));
  if (claimed > end || stored.basis_id().empty()) return;
  pb::ExemptionClaim *cl = c.add_exemption_claims();
  cl->set_id(id("x", ids.claim));
  cl->mutable_concerns()->set_kind(pb::RECORD_KIND_ACCOUNTABILITY_DECISION);
  cl->mutable_concerns()->set_id(stored.basis_id());
  cl->set_claimed_on(claimed.to_string());
  cl->set_authority(pb::AUTHORITY_KIND_PARTY_COMMITTEE);
  cl->set_remedied(r.chance(0.7));
  cl->set_cooperated(r.chance(0.9));
  const bool lighter = r.chance(rates_.exemption_lighter);
  const bool denied = !lighter && r.chance(rates_.exemption_denied /
                                           std::max(1e-9, 1.0 - rates_.exemption_lighter));
  const Date decided = claimed.add_days(r.range(30, 90));
  if (decided > end || !(lighter || denied)) {
    cl->set_decision(pb::EXEMPTION_DECISION_PENDING);
    return;
  }
  cl->set_decided_on(decided.to_string());
  if (lighter) {
    cl->set_decision(pb::EXEMPTION_DECISION_LIGHTER);
    cl->set_impact_months(6);
  } else {
    cl->set_decision(pb::EXEMPTION_DECISION_DENIED);
  }
}

}  // namespace cadre::generator::detail
