// A cadre of the synthetic province: the situations of the history at yearly
// rates (warnings, accountability, sanctions, investigations, 容错 claims,
// health, study, resignations, refusals), family situations and candidacies.
#include <algorithm>

#include "generator/cadre_builder.hpp"

namespace cadre::generator::detail {

void CadreBuilder::history() {
  // -- Situations at yearly rates over the history. ---------------------------
  const int from_year = hist_from.year();
  const int to_year = life_end.year();
  bool open_investigation = false;
  for (int y = from_year; y <= to_year; ++y) {
    const Date y0 = std::max(hist_from, *Date::from_ymd(y, 1, 1));
    const Date y1 = std::min(life_end, *Date::from_ymd(y, 12, 31));
    if (y1 < y0) continue;
    const double frac = (y1.serial() - y0.serial() + 1) / 365.0;
    // Draws in a fixed order (a call's arguments are evaluated in no set order):
    // whether it was heeded, then the day.
    if (r.chance(rates_.reminder_per_year * frac)) {
      const bool heeded = !r.chance(rates_.not_corrected);
      add_warning(pb::EARLY_WARNING_KIND_REMINDER, random_day(r, y0, y1), heeded);
    }
    if (r.chance(rates_.inquiry_per_year * frac)) {
      const bool heeded = !r.chance(rates_.not_corrected);
      add_warning(pb::EARLY_WARNING_KIND_INQUIRY_LETTER, random_day(r, y0, y1), heeded);
    }
    if (r.chance(rates_.admonishment_per_year * frac)) {
      const Date day = random_day(r, y0, y1);
      // No incident: a recorded unsuitability situation, even unverified, is a finding to
      // verify on screening; the 诫勉 here is an early-warning measure only.
      add_warning(pb::EARLY_WARNING_KIND_ADMONISHMENT, day, !r.chance(rates_.not_corrected));
    }
    if (r.chance(rates_.light_accountability_per_year * frac)) {
      const Date day = random_day(r, y0, y1);
      pb::Incident *in =
          add_incident(day, rule(day, "accountability.adjustment"), pb::SEVERITY_MINOR, true);
      const Date decided = clamp_end(*Date::parse(in->recorded_on()));
      add_decision(in->id(), decided,
                   {r.chance(0.5) ? pb::ACCOUNTABILITY_FORM_CIRCULATED_CRITICISM
                                  : pb::ACCOUNTABILITY_FORM_ADMONISHMENT},
                   {});
    }
    if (r.chance(rates_.sanction_per_year * frac)) {
      const Date day = random_day(r, y0, y1);
      pb::Incident *in =
          add_incident(day, rule(day, "violation.sanction-removal"), pb::SEVERITY_MINOR, true);
      const Date decided = clamp_end(*Date::parse(in->recorded_on()));
      pb::PartySanction *ps = c.add_party_sanctions();
      ps->set_id(id("ps", ids.party));
      ps->set_kind(r.chance(0.6) ? pb::PARTY_SANCTION_KIND_WARNING
                                 : pb::PARTY_SANCTION_KIND_SERIOUS_WARNING);
      ps->set_decided_on(decided.to_string());
      ps->set_effective_on(decided.to_string());
      ps->set_related_to_duties(r.chance(0.7));
      ps->set_incident_id(in->id());
      if (r.chance(0.4)) {
        pb::GovernmentSanction *gs = c.add_government_sanctions();
        gs->set_id(id("gs", ids.gov));
        gs->set_kind(r.chance(0.5) ? pb::GOVERNMENT_SANCTION_KIND_WARNING
                                   : pb::GOVERNMENT_SANCTION_KIND_DEMERIT);
        gs->set_decided_on(decided.to_string());
        gs->set_effective_on(decided.to_string());
        const Date lifted =
            decided.add_months(gs->kind() == pb::GOVERNMENT_SANCTION_KIND_WARNING ? 6 : 12);
        if (lifted <= end) gs->set_lifted_on(lifted.to_string());
        gs->set_incident_id(in->id());
      }
    }
    if (r.chance(rates_.cleared_investigation_per_year * frac)) {
      pb::Investigation *v = c.add_investigations();
      v->set_id(id("v", ids.investigation));
      const Date opened = random_day(r, y0, y1);
      const Date closed = opened.add_days(r.range(30, 200));
      v->set_opened_on(opened.to_string());
      if (closed <= end) {
        v->set_closed_on(closed.to_string());
        v->set_status(pb::INVESTIGATION_STATUS_CLOSED_NO_SANCTION);
      } else {
        v->set_status(pb::INVESTIGATION_STATUS_OPEN);
        open_investigation = true;
      }
      v->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
    }
    if (r.chance(rates_.exemption_claim_per_year * frac)) {
      const Date day = random_day(r, y0, y1);
      pb::Incident *in = add_incident(day, rule(day, "accountability.adjustment"),
                                      pb::SEVERITY_MINOR, r.chance(0.7));
      pb::ExemptionClaim *cl = c.add_exemption_claims();
      cl->set_id(id("x", ids.claim));
      cl->mutable_concerns()->set_kind(pb::RECORD_KIND_INCIDENT);
      cl->mutable_concerns()->set_id(in->id());
      cl->add_grounds(static_cast<pb::ExemptionGround>(r.range(1, 3)));
      if (r.chance(0.3)) cl->add_grounds(pb::EXEMPTION_GROUND_DISSENT_RECORDED);
      const std::uint32_t x = r.below(10);
      const pb::ExemptionDecision decision = x < 5   ? pb::EXEMPTION_DECISION_EXEMPT
                                             : x < 7 ? pb::EXEMPTION_DECISION_LIGHTER
                                             : x < 9 ? pb::EXEMPTION_DECISION_DENIED
                                                     : pb::EXEMPTION_DECISION_PENDING;
      for (int e = 1; e <= 7; ++e) {
        pb::ExclusionCheck *ex = cl->add_exclusions();
        ex->set_exclusion(static_cast<pb::ExemptionExclusion>(e));
        ex->set_applies(decision == pb::EXEMPTION_DECISION_DENIED && e == 6);
      }
      cl->set_decision(decision);
      if (decision == pb::EXEMPTION_DECISION_EXEMPT) {
        for (int e = 1; e <= 4; ++e) cl->add_effects_cancelled(static_cast<pb::ExemptionEffect>(e));
      }
      if (decision == pb::EXEMPTION_DECISION_LIGHTER) cl->set_impact_months(r.range(3, 6));
      cl->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
      const Date claimed = *Date::parse(in->recorded_on());
      cl->set_claimed_on(claimed.to_string());
      const Date decided = claimed.add_days(r.range(10, 60));
      if (decision != pb::EXEMPTION_DECISION_PENDING && decided <= end) {
        cl->set_decided_on(decided.to_string());
      } else {
        cl->set_decision(pb::EXEMPTION_DECISION_PENDING);
        cl->clear_effects_cancelled();
        cl->set_impact_months(0);
      }
      cl->set_remedied(r.chance(0.6));
      cl->set_cooperated(r.chance(0.9));
    }
    if (r.chance(rates_.health_spell_per_year * frac)) {
      pb::HealthSpell *h = c.add_health_spells();
      h->set_id(id("h", ids.health));
      const Date from = random_day(r, y0, y1);
      const Date to = from.add_days(r.range(14, 120));
      h->set_start_date(from.to_string());
      if (to <= end) h->set_end_date(to.to_string());
      h->set_continuous_leave(r.chance(0.5));
      h->set_partially_able(!h->continuous_leave());
    }
    if (r.chance(rates_.study_leave_per_year * frac)) {
      pb::StudyLeave *st = c.add_study_leaves();
      st->set_id(id("s", ids.study));
      const Date from = random_day(r, y0, y1);
      const bool self = r.chance(rates_.study_leave_self);
      const bool long_self = self && r.chance(rates_.study_leave_self_long);
      const Date to =
          long_self ? from.add_days(r.range(380, 700)) : from.add_days(r.range(20, 180));
      st->set_start_date(from.to_string());
      if (to <= end) st->set_end_date(to.to_string());
      st->set_organisation_sent(!self);
    }
    if (r.chance(rates_.resignation_withdrawn_per_year * frac)) {
      pb::ResignationRequest *rq = c.add_resignation_requests();
      rq->set_id(id("r", ids.resignation));
      rq->set_submitted_on(random_day(r, y0, y1).to_string());
      rq->set_reason(static_cast<pb::ResignationReason>(r.range(1, 4)));
      rq->set_withdrawn(r.chance(0.7));
    }
    if (r.chance(rates_.assignment_refusal_per_year * frac)) {
      pb::AssignmentRefusal *rf = c.add_assignment_refusals();
      rf->set_id(id("rf", ids.refusal));
      rf->set_refused_on(random_day(r, y0, y1).to_string());
      rf->set_proper_reason(true);
      rf->set_decision_ref("合组干〔" + std::to_string(y) + "〕" + std::to_string(r.range(1, 500)) +
                           "号");
    }
  }
  if (!retired && !open_investigation && r.chance(rates_.open_investigation)) {
    pb::Investigation *v = c.add_investigations();
    v->set_id(id("v", ids.investigation));
    v->set_opened_on(end.add_days(-r.range(1, 180)).to_string());
    v->set_status(pb::INVESTIGATION_STATUS_OPEN);
    v->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
  }
  // Family situations (prevalence).
  if (r.chance(rates_.spouse_business)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    fs->set_kind(pb::FAMILY_SITUATION_KIND_SPOUSE_RUNS_BUSINESS);
    fs->set_since(random_day(r, first, end).to_string());
    fs->set_adjustment_required(r.chance(rates_.business_adjustment_required));
    if (!fs->adjustment_required() && r.chance(0.3)) fs->set_until(end.to_string());
  }
  if (r.chance(rates_.child_business)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    fs->set_kind(pb::FAMILY_SITUATION_KIND_CHILD_RUNS_BUSINESS);
    fs->set_since(random_day(r, first, end).to_string());
    fs->set_adjustment_required(r.chance(rates_.business_adjustment_required));
  }
  if (r.chance(rates_.spouse_emigrated)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    fs->set_kind(pb::FAMILY_SITUATION_KIND_SPOUSE_EMIGRATED);
    fs->set_since(random_day(r, first, end).to_string());
  }
  if (!down && r.chance(rates_.candidacy)) {
    pb::Candidacy *cd = c.add_candidacies();
    cd->set_id(id("cd", ids.candidacy));
    cd->set_stage(static_cast<pb::CandidacyStage>(r.range(1, 5)));
    cd->set_since(end.add_days(-r.range(1, 270)).to_string());
    cd->set_target_level(rank(std::max(kPP, pd.level - 1)));
    cd->set_target_unit_id(unit.id);
    cd->set_exceptional(r.chance(rates_.exceptional_promotion));
  }
}

}  // namespace cadre::generator::detail
