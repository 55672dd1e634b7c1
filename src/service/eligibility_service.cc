#include "service/eligibility_service.hpp"

#include "service/service.hpp"

#include <google/protobuf/arena.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cadre::service {
namespace pb = ::cadre::v1;

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

namespace {

class EligibilityRun final : public CadreRun<pb::EligibilityRequest, pb::EligibilityResponse> {
 public:
  explicit EligibilityRun(const Engine &engine) : engine_(engine) {}

 protected:
  Status start(const pb::EligibilityRequest &request, pb::EligibilityResponse &response) override {
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
    as_of_ = *as_of;
    target_ = static_cast<EligibilityTarget>(request.target());
    level_ = static_cast<RankLevel>(request.target_level());
    response.set_as_of(as_of_.to_string());
    return {};
  }
  void answer(const Cadre &cadre, pb::EligibilityResponse &response) override {
    encode(cadre::eligibility(cadre, target_, level_, as_of_, engine_), *response.add_answers());
  }

 private:
  const Engine &engine_;
  Date as_of_;
  EligibilityTarget target_{};
  RankLevel level_{};
};

class GradeCapRun final : public CadreRun<pb::GradeCapRequest, pb::GradeCapResponse> {
 public:
  explicit GradeCapRun(const Engine &engine) : engine_(engine) {}

 protected:
  Status start(const pb::GradeCapRequest &request, pb::GradeCapResponse &response) override {
    if (request.year() < 1 || request.year() > 9998) {
      return invalid_argument("year", "required: a year from 1 to 9998");
    }
    if (!request.as_of().empty()) {
      auto d = codec::parse_date(request.as_of(), "as_of");
      if (!d.ok()) {
        return d.status();
      }
      as_of_ = *d;
    }
    year_ = request.year();
    response.set_year(year_);
    return {};
  }
  void answer(const Cadre &cadre, pb::GradeCapResponse &response) override {
    encode(cadre::grade_cap(cadre, year_, engine_, as_of_), *response.add_caps());
  }

 private:
  const Engine &engine_;
  int year_ = 0;
  std::optional<Date> as_of_;
};

class WarningsRun final : public CadreRun<pb::WarningsRequest, pb::WarningsResponse> {
 public:
  explicit WarningsRun(const Engine &engine) : engine_(engine) {}

  // The warnings of every cadre, in calendar order across cadres: held until
  // the end (what the response says, not the records).
  Status end(google::protobuf::Message &response, const std::function<Status()> &flush) override {
    std::stable_sort(all_.begin(), all_.end(),
                     [](const ForwardWarning &a, const ForwardWarning &b) {
                       if (a.on != b.on) {
                         return a.on < b.on;
                       }
                       if (a.cadre_id != b.cadre_id) {
                         return a.cadre_id < b.cadre_id;
                       }
                       return a.rule_id < b.rule_id;
                     });
    auto &r = static_cast<pb::WarningsResponse &>(response);
    constexpr int kBatch = 256;
    for (const ForwardWarning &w : all_) {
      pb::ForwardWarning *o = r.add_warnings();
      o->set_cadre_id(w.cadre_id);
      o->set_rule_id(w.rule_id);
      o->set_on(w.on.to_string());
      codec::encode(w.explanation, *o->mutable_explanation());
      codec::encode(w.record, *o->mutable_record());
      codec::encode(w.citations, *o->mutable_citations());
      encode_catalogue(w.catalogue, *o->mutable_catalogue());
      if (r.warnings_size() >= kBatch) {
        if (Status st = flush(); !st.ok()) {
          return st;
        }
      }
    }
    return {};
  }

 protected:
  Status start(const pb::WarningsRequest &request, pb::WarningsResponse &response) override {
    auto as_of = required_as_of(request.as_of());
    if (!as_of.ok()) {
      return as_of.status();
    }
    if (request.horizon_months() < 0 || request.horizon_months() > 600) {
      return invalid_argument("horizon_months", "must be from 0 to 600");
    }
    as_of_ = *as_of;
    horizon_ = request.horizon_months();
    response.set_as_of(as_of_.to_string());
    return {};
  }
  void answer(const Cadre &cadre, pb::WarningsResponse & /*response*/) override {
    std::vector<ForwardWarning> w = forward_warnings(cadre, as_of_, horizon_, engine_);
    all_.insert(all_.end(), std::make_move_iterator(w.begin()), std::make_move_iterator(w.end()));
  }

 private:
  const Engine &engine_;
  Date as_of_;
  int horizon_ = 0;
  std::vector<ForwardWarning> all_;
};

class ConsistencyRun final : public CadreRun<pb::ConsistencyRequest, pb::ConsistencyResponse> {
 public:
  explicit ConsistencyRun(const Engine &engine) : engine_(engine) {}

 protected:
  Status start(const pb::ConsistencyRequest &request, pb::ConsistencyResponse &response) override {
    auto as_of = required_as_of(request.as_of());
    if (!as_of.ok()) {
      return as_of.status();
    }
    as_of_ = *as_of;
    response.set_as_of(as_of_.to_string());
    return {};
  }
  void answer(const Cadre &cadre, pb::ConsistencyResponse &response) override {
    for (const ConsistencyFlag &f : cadre::consistency(cadre, as_of_, engine_)) {
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
  }

 private:
  const Engine &engine_;
  Date as_of_;
};

}  // namespace

std::unique_ptr<RecordRun> eligibility_run(const Engine &engine) {
  return std::make_unique<EligibilityRun>(engine);
}
std::unique_ptr<RecordRun> grade_cap_run(const Engine &engine) {
  return std::make_unique<GradeCapRun>(engine);
}
std::unique_ptr<RecordRun> warnings_run(const Engine &engine) {
  return std::make_unique<WarningsRun>(engine);
}
std::unique_ptr<RecordRun> consistency_run(const Engine &engine) {
  return std::make_unique<ConsistencyRun>(engine);
}

Status eligibility(const Engine &engine, const pb::EligibilityRequest &request,
                   pb::EligibilityResponse &response) {
  return whole<&eligibility_run>(engine, request, request.cadres(), response);
}

Status grade_cap(const Engine &engine, const pb::GradeCapRequest &request,
                 pb::GradeCapResponse &response) {
  return whole<&grade_cap_run>(engine, request, request.cadres(), response);
}

Status warnings(const Engine &engine, const pb::WarningsRequest &request,
                pb::WarningsResponse &response) {
  return whole<&warnings_run>(engine, request, request.cadres(), response);
}

Status consistency(const Engine &engine, const pb::ConsistencyRequest &request,
                   pb::ConsistencyResponse &response) {
  return whole<&consistency_run>(engine, request, request.cadres(), response);
}

}  // namespace cadre::service
