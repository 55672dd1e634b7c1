#include "service/tolerance_service.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codec/codec.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

namespace {

std::string idx(const std::string &list, std::size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

Status check_id(const std::string &id, const std::string &path, bool required) {
  if (id.empty()) {
    return required ? invalid_argument(path, "is required") : Status{};
  }
  if (!codec::is_valid_id(id)) {
    return invalid_argument(path, "is not a valid id (too long, or a control character)");
  }
  return {};
}

StatusOr<std::optional<Date>> optional_date(const std::string &text, const std::string &path) {
  if (text.empty()) {
    return std::optional<Date>();
  }
  auto d = codec::parse_date(text, path);
  if (!d.ok()) {
    return d.status();
  }
  return std::optional<Date>(*d);
}

bool valid_region(const std::string &j) {
  return j == "CN" || (j.size() == 6 && std::all_of(j.begin(), j.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; }));
}

// A path of the claim as evaluated ("facts[j].type", the facts recorded after as_of left out)
// as a path of the request ("claim.facts[i].type").
std::string request_path(const std::string &path, const std::vector<std::size_t> &kept) {
  const std::string facts = "facts[";
  if (path.rfind(facts, 0) == 0) {
    const std::size_t close = path.find(']');
    if (close != std::string::npos) {
      std::size_t j = 0;
      for (std::size_t k = facts.size(); k < close; ++k) {
        j = j * 10 + static_cast<std::size_t>(path[k] - '0');
      }
      if (j < kept.size()) {
        return "claim." + idx("facts", kept[j]) + path.substr(close + 1);
      }
    }
  }
  return path.empty() ? std::string("claim") : "claim." + path;
}

void encode_facts(const std::vector<Fact> &in, const std::vector<std::size_t> &kept,
                  google::protobuf::RepeatedPtrField<pb::Fact> &out) {
  for (const Fact &f : in) {
    pb::Fact &o = *out.Add();
    o.set_name(f.name);
    o.set_value(f.value);
    o.set_field_path(request_path(f.field_path, kept));
  }
}

void encode_evaluation(const ToleranceEvaluation &in, const std::vector<std::size_t> &kept,
                       pb::ToleranceEvaluation &out) {
  out.set_claim_id(in.claim_id);
  codec::encode(in.concerns, *out.mutable_concerns());
  out.set_model_id(in.model_id);
  out.set_model_version(in.model_version);
  out.set_content_hash(in.content_hash);
  out.set_proposal(static_cast<pb::ToleranceProposal>(in.proposal));
  for (const ToleranceProposal p : in.alternatives) {
    out.add_alternatives(static_cast<pb::ToleranceProposal>(p));
  }
  for (const GroupResult &g : in.groups) {
    pb::ToleranceGroupResult &o = *out.add_groups();
    o.set_key(g.key);
    o.set_role(static_cast<pb::ToleranceRole>(g.role));
    codec::encode(g.name, *o.mutable_name());
    o.set_ground(static_cast<pb::ExemptionGround>(g.ground));
    o.set_exclusion(static_cast<pb::ExemptionExclusion>(g.exclusion));
    o.set_mitigation(static_cast<pb::MitigationKind>(g.mitigation));
    o.set_status(static_cast<pb::CriterionStatus>(g.status));
    encode_facts(g.gate, kept, *o.mutable_gate());
    for (const CriterionResult &c : g.criteria) {
      pb::ToleranceCriterionResult &co = *o.add_criteria();
      co.set_key(c.key);
      codec::encode(c.name, *co.mutable_name());
      codec::encode(c.text, *co.mutable_text());
      co.set_status(static_cast<pb::CriterionStatus>(c.status));
      encode_facts(c.facts, kept, *co.mutable_facts());
      codec::encode(c.citations, *co.mutable_citations());
      codec::encode(c.explanation, *co.mutable_explanation());
    }
    codec::encode(g.citations, *o.mutable_citations());
  }
  for (const ExemptionExclusion x : in.exclusions_hit) {
    out.add_exclusions_hit(static_cast<pb::ExemptionExclusion>(x));
  }
  for (const MissingFact &m : in.missing) {
    pb::ToleranceMissingFact &o = *out.add_missing();
    o.set_key(m.key);
    codec::encode(m.name, *o.mutable_name());
    o.set_judgement(m.judgement);
    for (const std::string &c : m.criteria) {
      o.add_criteria(c);
    }
  }
  for (const std::string &f : in.ignored_facts) {
    out.add_ignored_facts(f);
  }
  for (const ExemptionEffect e : in.effects) {
    out.add_effects(static_cast<pb::ExemptionEffect>(e));
  }
  out.set_shortened_months(in.shortened_months.value_or(-1));
  codec::encode(in.citations, *out.mutable_citations());
  codec::encode(in.explanation, *out.mutable_explanation());
}

}  // namespace

void encode_exemption_claim(const ExemptionClaim &in, pb::ExemptionClaim &out) {
  out.set_id(in.id);
  codec::encode(in.concerns, *out.mutable_concerns());
  for (const ExemptionGround g : in.grounds) {
    out.add_grounds(static_cast<pb::ExemptionGround>(g));
  }
  for (const ExclusionCheck &x : in.exclusions) {
    pb::ExclusionCheck &o = *out.add_exclusions();
    o.set_exclusion(static_cast<pb::ExemptionExclusion>(x.exclusion));
    o.set_applies(x.applies);
  }
  out.set_decision(static_cast<pb::ExemptionDecision>(in.decision));
  for (const ExemptionEffect e : in.effects_cancelled) {
    out.add_effects_cancelled(static_cast<pb::ExemptionEffect>(e));
  }
  out.set_authority(static_cast<pb::AuthorityKind>(in.authority));
  out.set_claimed_on(in.claimed_on ? in.claimed_on->to_string() : std::string());
  out.set_decided_on(in.decided_on ? in.decided_on->to_string() : std::string());
  out.set_impact_months(in.impact_months);
  out.set_remedied(in.remedied);
  out.set_cooperated(in.cooperated);
}

StatusOr<ToleranceClaim> decode_tolerance_claim(const pb::ToleranceClaim &in,
                                                const std::string &path) {
  const std::string p = path.empty() ? std::string() : path + ".";
  ToleranceClaim out;
  if (auto st = check_id(in.id(), p + "id", true); !st.ok()) {
    return st;
  }
  out.id = in.id();
  if (!in.has_concerns()) {
    return invalid_argument(p + "concerns", "required: the record the claim concerns");
  }
  if (!pb::RecordKind_IsValid(in.concerns().kind()) ||
      in.concerns().kind() == pb::RECORD_KIND_UNSPECIFIED) {
    return invalid_argument(p + "concerns.kind", "required: a known kind of record");
  }
  if (auto st = check_id(in.concerns().id(), p + "concerns.id", true); !st.ok()) {
    return st;
  }
  if (auto st = check_id(in.concerns().cadre_id(), p + "concerns.cadre_id", false); !st.ok()) {
    return st;
  }
  out.concerns = RecordRef{static_cast<RecordKind>(in.concerns().kind()), in.concerns().id(),
                           in.concerns().cadre_id()};
  auto claimed_on = optional_date(in.claimed_on(), p + "claimed_on");
  if (!claimed_on.ok()) {
    return claimed_on.status();
  }
  out.claimed_on = *claimed_on;
  out.jurisdiction = in.jurisdiction().empty() ? std::string("CN") : in.jurisdiction();
  if (!valid_region(out.jurisdiction)) {
    return invalid_argument(p + "jurisdiction", R"("CN" or a six-digit region code)");
  }
  if (auto st = check_id(in.model_id(), p + "model_id", false); !st.ok()) {
    return st;
  }
  out.model_id = in.model_id();
  if (static_cast<std::size_t>(in.facts_size()) > kMaxToleranceFacts) {
    return Status(StatusCode::kResourceExhausted,
                  "more than " + std::to_string(kMaxToleranceFacts) + " facts", p + "facts");
  }
  for (int i = 0; i < in.facts_size(); ++i) {
    const pb::ToleranceFact &f = in.facts(i);
    const std::string fp = p + idx("facts", static_cast<std::size_t>(i));
    if (auto st = check_id(f.key(), fp + ".key", true); !st.ok()) {
      return st;
    }
    if (f.type() != pb::FACT_TYPE_BOOL && f.type() != pb::FACT_TYPE_INTEGER) {
      return invalid_argument(fp + ".type", "FACT_TYPE_BOOL or FACT_TYPE_INTEGER");
    }
    if (auto st = check_id(f.recorded_by(), fp + ".recorded_by", true); !st.ok()) {
      return st;
    }
    auto recorded_on = optional_date(f.recorded_on(), fp + ".recorded_on");
    if (!recorded_on.ok()) {
      return recorded_on.status();
    }
    ToleranceFact o;
    o.key = f.key();
    o.type = static_cast<FactType>(f.type());
    o.yes = f.yes();
    o.number = f.number();
    o.recorded_by = f.recorded_by();
    o.recorded_on = *recorded_on;
    for (int j = 0; j < f.evidence_size(); ++j) {
      if (auto st = check_id(f.evidence(j), fp + "." + idx("evidence", static_cast<std::size_t>(j)),
                             true);
          !st.ok()) {
        return st;
      }
      o.evidence.push_back(f.evidence(j));
    }
    out.facts.push_back(std::move(o));
  }
  for (int j = 0; j < in.evidence_size(); ++j) {
    if (auto st = check_id(in.evidence(j), p + idx("evidence", static_cast<std::size_t>(j)), true);
        !st.ok()) {
      return st;
    }
    out.evidence.push_back(in.evidence(j));
  }
  if (in.impact_months() < 0) {
    return invalid_argument(p + "impact_months", "a period is never negative");
  }
  out.impact_months = in.impact_months();
  return out;
}

Status tolerance_evaluate(const Engine &engine, const pb::ToleranceEvaluateRequest &request,
                          pb::ToleranceEvaluateResponse &response) {
  if (!request.has_claim()) {
    return invalid_argument("claim", "required: the claim to evaluate");
  }
  auto decoded = decode_tolerance_claim(request.claim(), "claim");
  if (!decoded.ok()) {
    return decoded.status();
  }
  ToleranceClaim claim = std::move(decoded).value();
  auto as_of = optional_date(request.as_of(), "as_of");
  if (!as_of.ok()) {
    return as_of.status();
  }
  if (*as_of && claim.claimed_on && **as_of < *claim.claimed_on) {
    return invalid_argument("as_of", "before the claim's day (claim.claimed_on)");
  }
  // The facts known on the day: one recorded after it is left out, and said so.
  std::vector<std::size_t> kept;
  std::vector<ToleranceFact> known;
  for (std::size_t i = 0; i < claim.facts.size(); ++i) {
    if (*as_of && claim.facts[i].recorded_on && **as_of < *claim.facts[i].recorded_on) {
      response.add_not_yet_recorded("claim." + idx("facts", i));
    } else {
      kept.push_back(i);
      known.push_back(std::move(claim.facts[i]));
    }
  }
  claim.facts = std::move(known);
  // The criteria in force on the claim's day (or, for a claim without one, on as_of).
  const ToleranceModels &models = engine.config().tolerance;
  const ToleranceModel *model = nullptr;
  if (!claim.model_id.empty()) {
    model = models.find(claim.model_id);
    if (model == nullptr) {
      return {StatusCode::kNotFound, "no tolerance model has this id", "claim.model_id"};
    }
  } else {
    const std::optional<Date> day = claim.claimed_on ? claim.claimed_on : *as_of;
    if (!day) {
      return invalid_argument("claim.claimed_on",
                              "required to choose the model in force (or give as_of or "
                              "claim.model_id)");
    }
    model = models.select(*day, claim.jurisdiction);
    if (model == nullptr) {
      return {StatusCode::kNotFound,
              "no tolerance model in force on the day for the claim's region",
              claim.claimed_on ? "claim.claimed_on" : "as_of"};
    }
  }
  auto evaluation = evaluate(claim, *model);
  if (!evaluation.ok()) {
    const Status &st = evaluation.status();
    return {st.code(), st.message(), request_path(st.field(), kept)};
  }
  encode_evaluation(*evaluation, kept, *response.mutable_evaluation());
  encode_exemption_claim(exemption_claim_draft(claim, *evaluation), *response.mutable_draft());
  response.set_as_of(*as_of ? (*as_of)->to_string() : std::string());
  return {};
}

}  // namespace cadre::service
