// The helpers every stage of a cadre shares: the records they add.
#include "generator/cadre_builder.hpp"

#include <string>
#include <vector>

namespace cadre::generator::detail {

CadreBuilder::CadreBuilder(const Province &province, int index, pb::Cadre &cadre)
    : options_(province.options_),
      rates_(province.rates_),
      units_(province.units_),
      regions_(province.regions_),
      start_(province.start_),
      province_(province),
      index_(index),
      r(province.options_.seed, Stream::kCadre, static_cast<std::uint64_t>(index)),
      c(cadre),
      s(province.slot(index)),
      pd(province.post_of(s)),
      unit(units_[static_cast<std::size_t>(s.unit)]),
      region_code(regions_[static_cast<std::size_t>(unit.region)].code),
      region_units(regions_[static_cast<std::size_t>(unit.region)].units),
      f(province.fate(index)),
      end(province.options_.end) {}

void CadreBuilder::build() {
  person();
  the_down();
  history();
  assessments();
}

void CadreBuilder::add_terms(pb::Post &p, Date from, Date to) {
  int number = 1;
  for (Date t = from; t <= to && number <= 3; t = t.add_years(5), ++number) {
    pb::TermOfOffice *term = p.add_terms();
    term->set_number(number);
    term->set_start_date(t.to_string());
    const Date term_end = t.add_years(5).add_days(-1);
    if (term_end < to) term->set_end_date(term_end.to_string());
  }
}

pb::Incident *CadreBuilder::add_incident(Date occurred, std::string situation,
                                         pb::Severity severity, bool verified) {
  pb::Incident *in = c.add_incidents();
  in->set_id(id("i", ids.incident));
  in->set_occurred_on(occurred.to_string());
  in->set_recorded_on(clamp_end(occurred.add_days(r.range(3, 60))).to_string());
  in->set_situation_id(std::move(situation));
  in->set_severity(severity);
  in->set_responsibility(static_cast<pb::Responsibility>(r.range(1, 4)));
  in->add_evidence_refs("E" + pad(r.below(1'000'000U), 6));
  in->set_verified(verified);
  return in;
}

pb::EarlyWarning *CadreBuilder::add_warning(pb::EarlyWarningKind kind, Date issued,
                                            bool corrected) {
  pb::EarlyWarning *w = c.add_early_warnings();
  w->set_id(id("w", ids.warning));
  w->set_kind(kind);
  w->set_issued_on(issued.to_string());
  if (kind == pb::EARLY_WARNING_KIND_INQUIRY_LETTER) {
    const Date replied = issued.add_days(r.range(5, 15));
    if (replied <= end) w->set_replied_on(replied.to_string());
  }
  if (kind == pb::EARLY_WARNING_KIND_ADMONISHMENT) {
    const Date self = issued.add_days(r.range(5, 20));
    if (self <= end) w->set_self_examination_on(self.to_string());
  }
  const Date review = issued.add_months(6);
  if (review <= end) {
    w->set_reviewed_on(review.to_string());
    w->set_corrected(corrected);
  }
  return w;
}

pb::AccountabilityDecision *CadreBuilder::add_decision(
    const std::string &incident, Date decided, const std::vector<pb::AccountabilityForm> &forms,
    const std::vector<pb::OrganisationalMeasure> &measures) {
  pb::AccountabilityDecision *d = c.add_accountability_decisions();
  d->set_id(id("d", ids.decision));
  d->add_incident_ids(incident);
  for (auto fm : forms) d->add_forms(fm);
  for (auto m : measures) d->add_measures(m);
  d->set_authority(r.chance(0.5) ? pb::AUTHORITY_KIND_PARTY_COMMITTEE
                                 : pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
  d->set_document_number("合纪问〔" + std::to_string(decided.year()) + "〕" +
                         std::to_string(r.range(1, 300)) + "号");
  d->set_decided_on(decided.to_string());
  d->set_received_on(clamp_end(decided.add_days(r.range(1, 10))).to_string());
  return d;
}

}  // namespace cadre::generator::detail
