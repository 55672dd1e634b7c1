#include "codec/eligibility_service.hpp"

#include "codec/service.hpp"

#include <google/protobuf/arena.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cadre::service {
namespace pb = ::cadre::v1;
namespace {

void encode_blocker(const Blocker &in, pb::Blocker &out) {
  out.set_rule_id(in.rule_id);
  for (const Citation &c : in.citations) {
    pb::Citation *o = out.add_citations();
    o->set_document(c.document);
    o->set_document_number(c.document_number);
    o->set_year(c.year);
    o->set_article(c.article);
    o->set_item(c.item);
    o->set_verification(static_cast<pb::Verification>(c.verification));
    o->set_supports(c.supports);
  }
  pb::RecordRef *r = out.mutable_record();
  r->set_kind(static_cast<pb::RecordKind>(in.record.kind));
  r->set_id(in.record.id);
  r->set_cadre_id(in.record.cadre_id);
  if (in.lifts_on) {
    out.set_lifts_on(in.lifts_on->to_string());
  }
  out.mutable_explanation()->set_zh_cn(in.explanation.zh_cn);
  out.mutable_explanation()->set_en(in.explanation.en);
  out.set_exemption_claim_id(in.exemption_claim_id);
}

// Decodes each cadre of @p request and calls @p f with it; a bad record gives
// an entry in response.errors instead, and the others go on.
template <typename Request, typename Response, typename F>
void for_each_cadre(const Request &request, Response &response, F &&f) {
  Cadre cadre;
  for (int i = 0; i < request.cadres_size(); ++i) {
    const std::string path = "cadres[" + std::to_string(i) + "]";
    if (decode_or_report(request.cadres(i), i, path, cadre, *response.mutable_errors())) {
      f(static_cast<const Cadre &>(cadre));
    }
  }
}

void encode_citations(const std::vector<Citation> &in,
                      google::protobuf::RepeatedPtrField<pb::Citation> *out) {
  for (const Citation &c : in) {
    pb::Citation *o = out->Add();
    o->set_document(c.document);
    o->set_document_number(c.document_number);
    o->set_year(c.year);
    o->set_article(c.article);
    o->set_item(c.item);
    o->set_verification(static_cast<pb::Verification>(c.verification));
    o->set_supports(c.supports);
  }
}

void encode_ref(const RecordRef &in, pb::RecordRef &out) {
  out.set_kind(static_cast<pb::RecordKind>(in.kind));
  out.set_id(in.id);
  out.set_cadre_id(in.cadre_id);
}

const EligibilityPolicy &national_policy() {
  static const EligibilityPolicy kPolicy = EligibilityPolicy::national();
  return kPolicy;
}

StatusOr<Date> required_date(const std::string &text) {
  if (text.empty()) {
    return invalid_argument("as_of", "required");
  }
  return codec::parse_date(text, "as_of");
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
}

Status eligibility(const pb::EligibilityRequest &request, pb::EligibilityResponse &response) {
  if (request.as_of().empty()) {
    return invalid_argument("as_of", "required");
  }
  auto as_of = codec::parse_date(request.as_of(), "as_of");
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
  const EligibilityPolicy &policy = national_policy();
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    const EligibilityAnswer answer =
        cadre::eligibility(cadre, static_cast<EligibilityTarget>(request.target()),
                           static_cast<RankLevel>(request.target_level()), *as_of, policy);
    encode(answer, *response.add_answers());
  });
  return {};
}

Status eligibility_bytes(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                         std::string &out) {
  return bytes_call<pb::EligibilityRequest, pb::EligibilityResponse>(
      bytes, size, format, out,
      [](const pb::EligibilityRequest &request, pb::EligibilityResponse &response) {
        return eligibility(request, response);
      });
}

Status grade_cap(const pb::GradeCapRequest &request, pb::GradeCapResponse &response) {
  if (request.year() < 1 || request.year() > 9998) {
    return invalid_argument("year", "required: a year from 1 to 9998");
  }
  response.set_year(request.year());
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    encode(cadre::grade_cap(cadre, request.year(), national_policy()), *response.add_caps());
  });
  return {};
}

Status grade_cap_bytes(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                       std::string &out) {
  return bytes_call<pb::GradeCapRequest, pb::GradeCapResponse>(
      bytes, size, format, out,
      [](const pb::GradeCapRequest &request, pb::GradeCapResponse &response) {
        return grade_cap(request, response);
      });
}

Status warnings(const Engine &engine, const pb::WarningsRequest &request,
                pb::WarningsResponse &response) {
  auto as_of = required_date(request.as_of());
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
        forward_warnings(cadre, *as_of, request.horizon_months(), engine, national_policy());
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
    o->mutable_explanation()->set_zh_cn(w.explanation.zh_cn);
    o->mutable_explanation()->set_en(w.explanation.en);
    encode_ref(w.record, *o->mutable_record());
    encode_citations(w.citations, o->mutable_citations());
  }
  return {};
}

Status warnings_bytes(const Engine &engine, const std::uint8_t *bytes, std::size_t size,
                      codec::Format format, std::string &out) {
  return bytes_call<pb::WarningsRequest, pb::WarningsResponse>(
      bytes, size, format, out,
      [&](const pb::WarningsRequest &request, pb::WarningsResponse &response) {
        return warnings(engine, request, response);
      });
}

Status consistency(const pb::ConsistencyRequest &request, pb::ConsistencyResponse &response) {
  auto as_of = required_date(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  response.set_as_of(as_of->to_string());
  for_each_cadre(request, response, [&](const Cadre &cadre) {
    for (const ConsistencyFlag &f : cadre::consistency(cadre, *as_of, national_policy())) {
      pb::ConsistencyFlag *o = response.add_flags();
      o->set_cadre_id(f.cadre_id);
      o->set_rule_id(f.rule_id);
      encode_ref(f.record, *o->mutable_record());
      encode_citations(f.citations, o->mutable_citations());
      if (f.due_on) {
        o->set_due_on(f.due_on->to_string());
      }
      o->mutable_explanation()->set_zh_cn(f.explanation.zh_cn);
      o->mutable_explanation()->set_en(f.explanation.en);
    }
  });
  return {};
}

Status consistency_bytes(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                         std::string &out) {
  return bytes_call<pb::ConsistencyRequest, pb::ConsistencyResponse>(
      bytes, size, format, out,
      [](const pb::ConsistencyRequest &request, pb::ConsistencyResponse &response) {
        return consistency(request, response);
      });
}

}  // namespace cadre::service
