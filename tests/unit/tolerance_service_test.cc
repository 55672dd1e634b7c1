// The operation tolerance_evaluate (issue 11 §1): a claim from its message, evaluated against
// the engine's criteria as of a day; errors naming the request's field; the host's criteria
// through EngineOptions.tolerance_texts, checked as the shipped ones and named.
#include <gtest/gtest.h>

#include <string>

#include "cadre/v1/screening.pb.h"
#include "cadre/v1/tolerance_service.pb.h"
#include "codec/codec.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

// A claim whose dissent is on the record of the collective decision (问责条例 第十七条（二）),
// the rest unknown: needs a judgement (the exclusions' facts are missing).
constexpr const char *kClaim =
    R"({"claim":{"id":"claim-1","concerns":{"kind":"RECORD_KIND_ACCOUNTABILITY_DECISION",)"
    R"("id":"ad-1"},"claimed_on":"2024-03-01","facts":[)"
    R"({"key":"dissent_recorded","type":"FACT_TYPE_BOOL","yes":true,"recorded_by":"org-1",)"
    R"("recorded_on":"2024-03-05"},)"
    R"({"key":"personal_gain","type":"FACT_TYPE_BOOL","yes":true,"recorded_by":"org-1",)"
    R"("recorded_on":"2024-04-10"}]}})";

pb::ToleranceEvaluateRequest request(const std::string &text) {
  pb::ToleranceEvaluateRequest m;
  const Status st = codec::parse(reinterpret_cast<const std::uint8_t *>(text.data()), text.size(),
                                 codec::Format::kJson, m, "request");
  EXPECT_TRUE(st.ok()) << st.to_string();
  return m;
}

Status run(const pb::ToleranceEvaluateRequest &req, pb::ToleranceEvaluateResponse &resp,
           const Engine &engine = svc::builtin_engine()) {
  return svc::call(*svc::find_operation("tolerance_evaluate"), engine, req, resp);
}

TEST(ToleranceService, IsARowOfTheTable) {
  const svc::Operation *op = svc::find_operation("tolerance_evaluate");
  ASSERT_NE(op, nullptr);
  EXPECT_FALSE(op->needs_store());
  EXPECT_EQ(op->c_symbol(), "cadre_tolerance_evaluate");
  EXPECT_EQ(op->cli_command(), "tolerance-evaluate");
  pb::ToleranceEvaluateResponse resp;
  const Status st = run(request(std::string(op->example)), resp);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(resp.evaluation().model_id(), "cn.tolerance.2019");
}

TEST(ToleranceService, AFactRecordedAfterTheDayIsNotYetKnown) {
  // As of the claim's day, nothing was recorded yet: every criterion waits.
  pb::ToleranceEvaluateRequest first = request(kClaim);
  first.set_as_of("2024-03-01");
  pb::ToleranceEvaluateResponse early;
  ASSERT_TRUE(run(first, early).ok());
  EXPECT_EQ(early.as_of(), "2024-03-01");
  ASSERT_EQ(early.not_yet_recorded_size(), 2);
  EXPECT_EQ(early.not_yet_recorded(0), "claim.facts[0]");
  EXPECT_EQ(early.not_yet_recorded(1), "claim.facts[1]");
  EXPECT_EQ(early.evaluation().proposal(), pb::TOLERANCE_PROPOSAL_NEEDS_JUDGEMENT);

  pb::ToleranceEvaluateRequest mid = request(kClaim);
  mid.set_as_of("2024-03-31");
  pb::ToleranceEvaluateResponse between;
  ASSERT_TRUE(run(mid, between).ok());
  ASSERT_EQ(between.not_yet_recorded_size(), 1);
  EXPECT_EQ(between.not_yet_recorded(0), "claim.facts[1]");
  EXPECT_EQ(between.evaluation().proposal(), pb::TOLERANCE_PROPOSAL_NEEDS_JUDGEMENT);
  // The fact read keeps its path in the request.
  bool dissent = false;
  for (const pb::ToleranceGroupResult &g : between.evaluation().groups()) {
    if (g.key() == "dissent-recorded") {
      dissent = true;
      EXPECT_EQ(g.status(), pb::CRITERION_STATUS_MET);
      ASSERT_EQ(g.criteria(0).facts_size(), 1);
      EXPECT_EQ(g.criteria(0).facts(0).field_path(), "claim.facts[0]");
    }
  }
  EXPECT_TRUE(dissent);

  // Once the gain is recorded, the exclusion stops tolerance; the draft says so. Without
  // as_of every fact counts.
  pb::ToleranceEvaluateResponse after;
  ASSERT_TRUE(run(request(kClaim), after).ok());
  EXPECT_EQ(after.not_yet_recorded_size(), 0);
  EXPECT_TRUE(after.as_of().empty());
  EXPECT_EQ(after.evaluation().proposal(), pb::TOLERANCE_PROPOSAL_DENIED);
  ASSERT_GE(after.evaluation().exclusions_hit_size(), 1);
  EXPECT_EQ(after.evaluation().exclusions_hit(0), pb::EXEMPTION_EXCLUSION_PERSONAL_GAIN);
  EXPECT_EQ(after.draft().id(), "claim-1");
  EXPECT_EQ(after.draft().decision(), pb::EXEMPTION_DECISION_PENDING);
  EXPECT_EQ(after.draft().claimed_on(), "2024-03-01");
  EXPECT_TRUE(after.draft().decided_on().empty());
  EXPECT_EQ(after.evaluation().shortened_months(), -1);
}

TEST(ToleranceService, ErrorsNameTheFieldOfTheRequest) {
  struct Case {
    std::string from, to, field;
    StatusCode code = StatusCode::kInvalidArgument;
  };
  const std::vector<Case> cases = {
      {R"("recorded_on":"2024-03-05")", R"("recorded_on":"2024-02-30")",
       "claim.facts[0].recorded_on"},
      {R"("recorded_by":"org-1","recorded_on":"2024-04-10")", R"("recorded_on":"2024-04-10")",
       "claim.facts[1].recorded_by"},
      {R"("type":"FACT_TYPE_BOOL","yes":true,"recorded_by":"org-1","recorded_on":"2024-04-10")",
       R"("type":"FACT_TYPE_DATE","recorded_by":"org-1","recorded_on":"2024-04-10")",
       "claim.facts[1].type"},
      {R"("key":"personal_gain","type":"FACT_TYPE_BOOL")",
       R"("key":"personal_gain","type":"FACT_TYPE_INTEGER")", "claim.facts[1].type"},
      {R"("key":"personal_gain")", R"("key":"dissent_recorded")", "claim.facts[1].key"},
      {R"("kind":"RECORD_KIND_ACCOUNTABILITY_DECISION",)", "", "claim.concerns.kind"},
      {R"("id":"claim-1",)", "", "claim.id"},
      {R"("claimed_on":"2024-03-01",)", R"("claimed_on":"2024-3-1",)", "claim.claimed_on"},
      {R"("claimed_on":"2024-03-01",)", "", "claim.claimed_on"},
      {R"("claimed_on":"2024-03-01",)", R"("claimed_on":"2019-08-31",)", "claim.claimed_on",
       StatusCode::kNotFound},
      {R"("claimed_on":"2024-03-01",)", R"("claimed_on":"2024-03-01","jurisdiction":"Jiangsu",)",
       "claim.jurisdiction"},
      {R"("claimed_on":"2024-03-01",)", R"("claimed_on":"2024-03-01","model_id":"no.such",)",
       "claim.model_id", StatusCode::kNotFound},
      {R"("claimed_on":"2024-03-01",)", R"("claimed_on":"2024-03-01","impact_months":-1,)",
       "claim.impact_months"},
  };
  for (const Case &c : cases) {
    std::string text = kClaim;
    const std::size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    const pb::ToleranceEvaluateRequest req = request(text);
    pb::ToleranceEvaluateResponse resp;
    const Status st = run(req, resp);
    EXPECT_EQ(st.code(), c.code) << c.field << ": " << st.to_string();
    EXPECT_EQ(st.field(), c.field) << st.to_string();
  }
  // The day of the evaluation: a date, never before the claim's.
  pb::ToleranceEvaluateRequest bad = request(kClaim);
  bad.set_as_of("2024-02-29");
  pb::ToleranceEvaluateResponse resp;
  EXPECT_EQ(run(bad, resp).field(), "as_of");
  bad.set_as_of("yesterday");
  EXPECT_EQ(run(bad, resp).field(), "as_of");
  EXPECT_EQ(run(pb::ToleranceEvaluateRequest(), resp).field(), "claim");
  // A claim without a day, before the central model as of a day: NOT_FOUND naming as_of.
  pb::ToleranceEvaluateRequest early = request(kClaim);
  early.mutable_claim()->clear_claimed_on();
  early.set_as_of("2019-01-01");
  const Status none = run(early, resp);
  EXPECT_EQ(none.code(), StatusCode::kNotFound);
  EXPECT_EQ(none.field(), "as_of");
}

TEST(ToleranceService, NoValueOfTheClaimInAnError) {
  const std::string secret = "张三丰11010119900307123X";
  pb::ToleranceEvaluateRequest req = request(kClaim);
  req.mutable_claim()->mutable_facts(0)->set_key(secret);
  req.mutable_claim()->mutable_facts(1)->set_key(secret);
  pb::ToleranceEvaluateResponse resp;
  Status st = run(req, resp);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message().find("张三丰"), std::string::npos) << st.to_string();
  EXPECT_EQ(st.field().find("张三丰"), std::string::npos) << st.to_string();
  req.mutable_claim()->set_model_id(secret);
  st = run(req, resp);
  EXPECT_EQ(st.message().find("张三丰"), std::string::npos) << st.to_string();
}

// A host's own criteria: a model for Jiangxi that proposes 从轻 with half the period.
constexpr const char *kHostModel = R"(
models {
  id: "host.360000.tolerance"
  version: "1"
  title { zh_cn: "容错纠错认定标准（使用方）" en: "a host's criteria" }
  jurisdiction: "360000"
  effective_from: "2020-01-01"
  citations { key: "host-rule" verification: VERIFICATION_SAW_LOCAL supports: "host" }
  facts { key: "remedied" name { zh_cn: "已补救" en: "remedied" } type: FACT_TYPE_BOOL judgement: true }
  groups {
    key: "remedy"
    role: TOLERANCE_ROLE_MITIGATION
    mitigation: MITIGATION_KIND_REMEDIED
    outcomes: TOLERANCE_PROPOSAL_LIGHTER
    name { zh_cn: "补救" en: "remedy" }
    text { zh_cn: "及时补救" en: "remedied in time" }
    criteria { key: "remedy.done" fact: "remedied" test: CRITERION_TEST_TRUE name { zh_cn: "已补救" en: "remedied" } text { zh_cn: "已补救" en: "remedied" } citations { key: "host-rule" verification: VERIFICATION_RECALLED } }
    citations { key: "host-rule" verification: VERIFICATION_SAW_LOCAL }
  }
  softened_effects: EXEMPTION_EFFECT_PROMOTION
  shortenings { outcome: TOLERANCE_PROPOSAL_LIGHTER percent: 50 text { zh_cn: "影响期减半" en: "half the period" } citations { key: "host-rule" verification: VERIFICATION_RECALLED } }
  documents { key: "host-rule" title: "某省容错纠错办法" verification: VERIFICATION_SAW_LOCAL jurisdiction: "360000" }
}
)";

StatusOr<EngineConfig> config_with(const std::vector<std::string> &texts) {
  pb::EngineOptions options;
  for (const std::string &t : texts) options.add_tolerance_texts(t);
  const std::string bytes = options.SerializeAsString();
  return svc::engine_config(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                            codec::Format::kBinary);
}

TEST(ToleranceService, TheHostsCriteriaAreCheckedAndNamed) {
  auto config = config_with({kHostModel});
  ASSERT_TRUE(config.ok()) << config.status().to_string();
  const Engine engine(std::move(config).value());
  pb::ToleranceEvaluateRequest req = request(
      R"({"claim":{"id":"c-2","concerns":{"kind":"RECORD_KIND_ACCOUNTABILITY_DECISION","id":"ad-2"},)"
      R"("claimed_on":"2024-03-01","jurisdiction":"360102","impact_months":7,"facts":[)"
      R"({"key":"remedied","type":"FACT_TYPE_BOOL","yes":true,"recorded_by":"org-1"}]}})");
  pb::ToleranceEvaluateResponse resp;
  ASSERT_TRUE(run(req, resp, engine).ok());
  EXPECT_EQ(resp.evaluation().model_id(), "host.360000.tolerance");
  EXPECT_EQ(resp.evaluation().proposal(), pb::TOLERANCE_PROPOSAL_LIGHTER);
  EXPECT_EQ(resp.evaluation().shortened_months(), 4);
  EXPECT_EQ(resp.draft().impact_months(), 4);
  // The built-in engine has no such model.
  EXPECT_EQ(run(req, resp).code(), StatusCode::kOk);
  EXPECT_EQ(resp.evaluation().model_id(), "cn.tolerance.2019");

  // A syntax error names the text; a bad field its path inside it.
  auto syntax = config_with({"models { id: "});
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.status().field(), "options.tolerance_texts[0]") << syntax.status().to_string();
  std::string bad = kHostModel;
  bad.replace(bad.find("fact: \"remedied\""), 16, "fact: \"remediated\"");
  auto field = config_with({kHostModel, bad});
  ASSERT_FALSE(field.ok());
  // The second text repeats the first's id: refused with its place.
  EXPECT_EQ(field.status().field().rfind("options.tolerance_texts[1].models[0]", 0), 0U)
      << field.status().to_string();
  auto only_bad = config_with({bad});
  ASSERT_FALSE(only_bad.ok());
  EXPECT_EQ(only_bad.status().field(),
            "options.tolerance_texts[0].models[0].groups[0].criteria[0].fact")
      << only_bad.status().to_string();
  // A speech first is refused as in the shipped data.
  std::string speech = kHostModel;
  speech.replace(
      speech.find("citations { key: \"host-rule\" verification: VERIFICATION_SAW_LOCAL "
                  "supports: \"host\" }"),
      std::string("citations { key: \"host-rule\" verification: VERIFICATION_SAW_LOCAL "
                  "supports: \"host\" }")
          .size(),
      "citations { key: \"xi-2016-three-distinctions\" verification: VERIFICATION_SAW }");
  auto evidence = config_with({speech});
  ASSERT_FALSE(evidence.ok());
  EXPECT_EQ(evidence.status().field(), "options.tolerance_texts[0].models[0].citations[0].key")
      << evidence.status().to_string();
}

}  // namespace
}  // namespace cadre
