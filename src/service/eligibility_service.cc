#include "service/eligibility_service.hpp"

#include "service/service.hpp"

#include <google/protobuf/arena.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cadre::service {
namespace pb = ::cadre::v1;
namespace {

void encode_catalogue(const CatalogueRef &in, pb::CatalogueRef &out) {
  out.set_id(in.id);
  out.set_version(in.version);
  out.set_content_hash(in.content_hash);
}

void encode_blocker(const Blocker &in, pb::Blocker &out) {
  out.set_rule_id(in.rule_id);
  codec::encode(in.citations, *out.mutable_citations());
  out.set_check(in.check);
  if (in.since) {
    out.set_since(in.since->to_string());
  }
  encode_catalogue(in.catalogue, *out.mutable_catalogue());
  codec::encode(in.record, *out.mutable_record());
  if (in.lifts_on) {
    out.set_lifts_on(in.lifts_on->to_string());
  }
  codec::encode(in.explanation, *out.mutable_explanation());
  out.set_exemption_claim_id(in.exemption_claim_id);
}

}  // namespace

void encode(const EligibilityAnswer &in, pb::EligibilityAnswer &out) {
  out.set_cadre_id(in.cadre_id);
  out.set_target(static_cast<pb::EligibilityTarget>(in.target));
  out.set_target_level(static_cast<pb::RankLevel>(in.target_level));
  out.set_as_of(in.as_of.to_string());
  out.set_eligible(in.eligible);
  for (const Blocker &b : in.blockers) {
    encode_blocker(b, *out.add_blockers());
  }
  if (in.eligible_from) {
    out.set_eligible_from(in.eligible_from->to_string());
  }
  for (const std::string &id : in.exemptions_applied) {
    out.add_exemptions_applied(id);
  }
  for (const Blocker &b : in.waived) {
    encode_blocker(b, *out.add_waived());
  }
  encode_catalogue(in.catalogue, *out.mutable_catalogue());
  for (const ExemptionNote &n : in.exemptions) {
    codec::encode(n, *out.add_exemptions());
  }
}

void encode(const GradeCapAnswer &in, pb::GradeCap &out) {
  out.set_cadre_id(in.cadre_id);
  out.set_year(in.year);
  out.set_best_allowed(static_cast<pb::AssessmentGrade>(in.best_allowed));
  for (const Blocker &b : in.reasons) {
    encode_blocker(b, *out.add_reasons());
  }
  for (const Blocker &b : in.waived) {
    encode_blocker(b, *out.add_waived());
  }
  for (const std::string &id : in.exemptions_applied) {
    out.add_exemptions_applied(id);
  }
  encode_catalogue(in.catalogue, *out.mutable_catalogue());
  for (const ExemptionNote &n : in.exemptions) {
    codec::encode(n, *out.add_exemptions());
  }
  codec::encode(in.explanation, *out.mutable_explanation());
}

Status eligibility(const Engine &engine, const pb::EligibilityRequest &request,
                   pb::EligibilityResponse &response) {
  auto as_of = required_as_of(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  if (request.target() == pb::ELIGIBILITY_TARGET_UNSPECIFIED ||
      !pb::EligibilityTarget_IsValid(request.target())) {
    return invalid_argument("target", "required: a known EligibilityTarget");
  }
  if (!pb::RankLevel_IsValid(request.target_level())) {
    return invalid_argument("target_level", "unknown RankLevel");
  }
  if (request.target() == pb::ELIGIBILITY_TARGET_NAMED_LEVEL &&
      request.target_level() == pb::RANK_LEVEL_UNSPECIFIED) {
    return invalid_argument("target_level", "required for a named level");
  }
  response.set_as_of(as_of->to_string());
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    const EligibilityAnswer answer =
        cadre::eligibility(cadre, static_cast<EligibilityTarget>(request.target()),
                           static_cast<RankLevel>(request.target_level()), *as_of, engine);
    encode(answer, *response.add_answers());
  });
  return {};
}

Status grade_cap(const Engine &engine, const pb::GradeCapRequest &request,
                 pb::GradeCapResponse &response) {
  if (request.year() < 1 || request.year() > 9998) {
    return invalid_argument("year", "required: a year from 1 to 9998");
  }
  std::optional<Date> as_of;
  if (!request.as_of().empty()) {
    auto d = codec::parse_date(request.as_of(), "as_of");
    if (!d.ok()) {
      return d.status();
    }
    as_of = *d;
  }
  response.set_year(request.year());
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    encode(cadre::grade_cap(cadre, request.year(), engine, as_of), *response.add_caps());
  });
  return {};
}

Status warnings(const Engine &engine, const pb::WarningsRequest &request,
                pb::WarningsResponse &response) {
  auto as_of = required_as_of(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  if (request.horizon_months() < 0 || request.horizon_months() > 600) {
    return invalid_argument("horizon_months", "must be from 0 to 600");
  }
  response.set_as_of(as_of->to_string());
  std::vector<ForwardWarning> all;
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    std::vector<ForwardWarning> w =
        forward_warnings(cadre, *as_of, request.horizon_months(), engine);
    all.insert(all.end(), std::make_move_iterator(w.begin()), std::make_move_iterator(w.end()));
  });
  std::stable_sort(all.begin(), all.end(), [](const ForwardWarning &a, const ForwardWarning &b) {
    if (a.on != b.on) {
      return a.on < b.on;
    }
    if (a.cadre_id != b.cadre_id) {
      return a.cadre_id < b.cadre_id;
    }
    return a.rule_id < b.rule_id;
  });
  for (const ForwardWarning &w : all) {
    pb::ForwardWarning *o = response.add_warnings();
    o->set_cadre_id(w.cadre_id);
    o->set_rule_id(w.rule_id);
    o->set_on(w.on.to_string());
    codec::encode(w.explanation, *o->mutable_explanation());
    codec::encode(w.record, *o->mutable_record());
    codec::encode(w.citations, *o->mutable_citations());
    encode_catalogue(w.catalogue, *o->mutable_catalogue());
  }
  return {};
}

Status consistency(const Engine &engine, const pb::ConsistencyRequest &request,
                   pb::ConsistencyResponse &response) {
  auto as_of = required_as_of(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  response.set_as_of(as_of->to_string());
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    for (const ConsistencyFlag &f : cadre::consistency(cadre, *as_of, engine)) {
      pb::ConsistencyFlag *o = response.add_flags();
      o->set_cadre_id(f.cadre_id);
      o->set_rule_id(f.rule_id);
      codec::encode(f.record, *o->mutable_record());
      codec::encode(f.citations, *o->mutable_citations());
      if (f.due_on) {
        o->set_due_on(f.due_on->to_string());
      }
      codec::encode(f.explanation, *o->mutable_explanation());
      encode_catalogue(f.catalogue, *o->mutable_catalogue());
    }
  });
  return {};
}

}  // namespace cadre::service
