// The operations on a case store (case_open ... case_import) as every interface runs them:
// service::call with a store, requests in protobuf JSON.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "cadre/sqlite_store.hpp"
#include "cadre/v1/case_service.pb.h"
#include "cadre/v1/roster.pb.h"
#include "codec/codec.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"
#include "support/case_store_support.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

// A cadre with a 诫勉 record given on Friday 2025-09-26: its self-examination is due within 5
// working days, across the National Day holiday (make-up working day Sunday 2025-09-28).
constexpr const char *kOpen =
    R"({"case_id":"jm-1","cadre":{"id":"c1","sex":"SEX_FEMALE","birth_date":"1978-09-02",)"
    R"("early_warnings":[{"id":"w1","kind":"EARLY_WARNING_KIND_ADMONISHMENT",)"
    R"("issued_on":"2025-09-26"}]},"early_warning_id":"w1"})";

constexpr const char *kSelfExamination =
    R"({"case_id":"jm-1","event":{"stage":"self_examination","outcome":"submitted",)"
    R"("day":"2025-10-09","actor":{"role":"ACTOR_ROLE_THE_CADRE","level":)"
    R"("AUTHORITY_LEVEL_NONE"},"facts":[{"key":"submitted_on","type":"FACT_TYPE_DATE",)"
    R"("date":"2025-10-09"}],"documents":["self_examination"]}})";

template <typename M>
M json(const std::string &text) {
  M m;
  const Status st = codec::parse(reinterpret_cast<const std::uint8_t *>(text.data()), text.size(),
                                 codec::Format::kJson, m, "request");
  EXPECT_TRUE(st.ok()) << st.to_string();
  return m;
}

class CaseService : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_sqlite_store(dir_.file("cases.db"));
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(s).value();
  }

  template <typename Req, typename Resp>
  Status call(const char *name, const Req &request, Resp &response) {
    return svc::call(*svc::find_operation(name), svc::builtin_engine(), request, response,
                     store_.get());
  }

  Status open(pb::CaseOpenResponse &out) {
    return call("case_open", json<pb::CaseOpenRequest>(kOpen), out);
  }

  testing::ScratchDir dir_{"case-service"};
  std::unique_ptr<CaseStore> store_;
};

TEST_F(CaseService, OpensFromAnAdmonishmentRecordWithTheFirstDeadlineOnTheWorkingDayCalendar) {
  pb::CaseOpenResponse r;
  ASSERT_TRUE(open(r).ok());
  EXPECT_EQ(r.case_().procedure_id(), "cn.admonishment");
  EXPECT_EQ(r.case_().current_stage(), "self_examination");
  EXPECT_EQ(r.case_().events(), 1U);
  ASSERT_EQ(r.case_().due_size(), 1);
  EXPECT_EQ(r.case_().due(0).deadline(), "2025-10-10");
  EXPECT_FALSE(r.case_().due(0).overdue());
  EXPECT_FALSE(r.case_().due(0).citations().empty());
  // Opening twice is refused, naming the id.
  pb::CaseOpenResponse again;
  const Status st = open(again);
  EXPECT_EQ(st.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(st.field(), "case_id");
}

TEST_F(CaseService, RecordsAStepOnTheChainAndShowsItOverdueBefore) {
  pb::CaseOpenResponse opened;
  ASSERT_TRUE(open(opened).ok());
  pb::CaseShowResponse late;
  ASSERT_TRUE(call("case_show",
                   json<pb::CaseShowRequest>(R"({"case_id":"jm-1","as_of":"2025-10-14"})"), late)
                  .ok());
  ASSERT_EQ(late.case_().due_size(), 1);
  EXPECT_TRUE(late.case_().due(0).overdue());
  // 10-11 (a Saturday worked in exchange for the holiday), 10-13 and 10-14.
  EXPECT_EQ(late.case_().due(0).working_days_overdue(), 3);

  pb::CaseRecordResponse r;
  ASSERT_TRUE(call("case_record", json<pb::CaseRecordRequest>(kSelfExamination), r).ok());
  ASSERT_TRUE(r.accepted());
  EXPECT_EQ(r.logged().seq(), 2U);
  EXPECT_EQ(r.logged().prev(), opened.case_().head());
  EXPECT_EQ(r.case_().head(), r.logged().link());
  EXPECT_EQ(r.case_().current_stage(), "review");

  pb::CaseShowResponse shown;
  ASSERT_TRUE(call("case_show",
                   json<pb::CaseShowRequest>(R"({"case_id":"jm-1","with_events":true})"), shown)
                  .ok());
  ASSERT_EQ(shown.case_().log_size(), 2);
  EXPECT_EQ(shown.case_().log(0).event().kind(), pb::CaseEvent::KIND_OPEN);
  EXPECT_EQ(shown.case_().log(1).event().stage(), "self_examination");
  EXPECT_EQ(shown.case_().log(1).prev(), shown.case_().log(0).link());
}

TEST_F(CaseService, ARefusalIsAnAnswerWithItsRuleAndLogsNothing) {
  pb::CaseOpenResponse opened;
  ASSERT_TRUE(open(opened).ok());
  std::string missing = kSelfExamination;
  missing.replace(missing.find(R"(,"documents":["self_examination"])"),
                  std::string(R"(,"documents":["self_examination"])").size(), "");
  pb::CaseRecordResponse r;
  ASSERT_TRUE(call("case_record", json<pb::CaseRecordRequest>(missing), r).ok());
  EXPECT_FALSE(r.accepted());
  EXPECT_EQ(r.rejection().reason(), pb::CASE_REJECTION_MISSING_DOCUMENT);
  EXPECT_EQ(r.rejection().field().rfind("event.documents", 0), 0U) << r.rejection().field();
  EXPECT_FALSE(r.rejection().message().zh_cn().empty());
  EXPECT_FALSE(r.rejection().message().en().empty());
  EXPECT_FALSE(r.rejection().citation().key().empty());
  EXPECT_EQ(r.case_().head(), opened.case_().head());
  auto header = store_->header("jm-1");
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->events, 1U);
}

TEST_F(CaseService, AStaleHeadIsAbortedAndChangesNothing) {
  pb::CaseOpenResponse opened;
  ASSERT_TRUE(open(opened).ok());
  auto request = json<pb::CaseRecordRequest>(kSelfExamination);
  request.set_expected_head(std::string(64, '0'));
  pb::CaseRecordResponse r;
  const Status st = call("case_record", request, r);
  EXPECT_EQ(st.code(), StatusCode::kAborted);
  EXPECT_EQ(st.field(), "expected_head");
  request.set_expected_head(opened.case_().head());
  EXPECT_TRUE(call("case_record", request, r).ok());
  EXPECT_TRUE(r.accepted());
}

TEST_F(CaseService, BadRequestsNameTheirField) {
  pb::CaseOpenResponse o;
  auto both = json<pb::CaseOpenRequest>(kOpen);
  both.set_rule_id("cn-2022.accountability.adjustment");
  EXPECT_EQ(call("case_open", both, o).field(), "rule_id");
  auto no_record = json<pb::CaseOpenRequest>(kOpen);
  no_record.set_early_warning_id("w2");
  EXPECT_EQ(call("case_open", no_record, o).code(), StatusCode::kNotFound);
  auto bad_cadre = json<pb::CaseOpenRequest>(kOpen);
  bad_cadre.mutable_cadre()->set_birth_date("1978-02-30");
  EXPECT_EQ(call("case_open", bad_cadre, o).field(), "cadre.birth_date");
  auto finding_without_day = json<pb::CaseOpenRequest>(kOpen);
  finding_without_day.clear_early_warning_id();
  finding_without_day.set_rule_id("cn-2022.accountability.adjustment");
  EXPECT_EQ(call("case_open", finding_without_day, o).field(), "as_of");

  ASSERT_TRUE(open(o).ok());
  pb::CaseRecordResponse r;
  auto bad_day = json<pb::CaseRecordRequest>(kSelfExamination);
  bad_day.mutable_event()->mutable_facts(0)->set_date("2025-13-01");
  EXPECT_EQ(call("case_record", bad_day, r).field(), "event.facts[0].date");
  auto opening = json<pb::CaseRecordRequest>(kSelfExamination);
  opening.mutable_event()->set_kind(pb::CaseEvent::KIND_OPEN);
  EXPECT_EQ(call("case_record", opening, r).field(), "event.kind");
  auto unknown = json<pb::CaseRecordRequest>(kSelfExamination);
  unknown.set_case_id("jm-2");
  const Status st = call("case_record", unknown, r);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.field(), "case_id");
}

TEST_F(CaseService, AnOperationOnAStoreNeedsOne) {
  const svc::Operation *op = svc::find_operation("case_due");
  ASSERT_NE(op, nullptr);
  EXPECT_TRUE(op->needs_store());
  EXPECT_FALSE(svc::find_operation("screen")->needs_store());
  pb::CaseDueResponse r;
  const Status st = svc::call(*op, svc::builtin_engine(),
                              json<pb::CaseDueRequest>(R"({"as_of":"2025-01-01"})"), r, nullptr);
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(st.field(), "store");
}

TEST_F(CaseService, ACaseThatDoesNotReplayIsReportedNeverSkipped) {
  pb::CaseOpenResponse opened;
  ASSERT_TRUE(open(opened).ok());
  // An event whose chain is sound but whose bytes are no event: appended behind the reducer.
  auto header = store_->header("jm-1");
  ASSERT_TRUE(header.ok());
  const LoggedEvent forged = testing::next_event(header->head, 2, "not an event");
  ASSERT_TRUE(store_->append("jm-1", header->head, forged).ok());

  pb::CaseDueResponse due;
  ASSERT_TRUE(call("case_due", json<pb::CaseDueRequest>(R"({"as_of":"2025-10-14"})"), due).ok());
  EXPECT_EQ(due.cases(), 1);
  ASSERT_EQ(due.problems_size(), 1);
  EXPECT_EQ(due.problems(0).case_id(), "jm-1");
  EXPECT_EQ(due.problems(0).field().rfind(R"(cases["jm-1"].events[1])", 0), 0U)
      << due.problems(0).field();

  pb::CaseVerifyResponse v;
  ASSERT_TRUE(call("case_verify", json<pb::CaseVerifyRequest>("{}"), v).ok());
  ASSERT_EQ(v.cases_size(), 1);
  EXPECT_FALSE(v.cases(0).ok());
  EXPECT_FALSE(v.cases(0).chain_broken());  // the links hold; the content does not replay
  EXPECT_EQ(v.broken(), 1);

  pb::CaseRecordResponse r;
  EXPECT_EQ(call("case_record", json<pb::CaseRecordRequest>(kSelfExamination), r).code(),
            StatusCode::kDataLoss);
}

TEST_F(CaseService, ExportAndImportRoundTrip) {
  pb::CaseOpenResponse opened;
  ASSERT_TRUE(open(opened).ok());
  pb::CaseRecordResponse r;
  ASSERT_TRUE(call("case_record", json<pb::CaseRecordRequest>(kSelfExamination), r).ok());
  pb::CaseExportRequest ex;
  ex.set_path(dir_.file("cases.export"));
  pb::CaseExportResponse exported;
  ASSERT_TRUE(call("case_export", ex, exported).ok());
  EXPECT_EQ(exported.cases(), 1);
  EXPECT_EQ(exported.events(), 2);

  auto other = open_sqlite_store(dir_.file("copy.db"));
  ASSERT_TRUE(other.ok());
  std::unique_ptr<CaseStore> copy = std::move(other).value();
  pb::CaseImportRequest im;
  im.set_path(ex.path());
  pb::CaseImportResponse imported;
  ASSERT_TRUE(svc::call(*svc::find_operation("case_import"), svc::builtin_engine(), im, imported,
                        copy.get())
                  .ok());
  EXPECT_EQ(imported.events(), 2);
  pb::CaseVerifyResponse v;
  ASSERT_TRUE(svc::call(*svc::find_operation("case_verify"), svc::builtin_engine(),
                        json<pb::CaseVerifyRequest>(R"({"case_id":"jm-1"})"), v, copy.get())
                  .ok());
  EXPECT_EQ(v.verified(), 1);
  // Importing again is refused whole.
  EXPECT_EQ(svc::call(*svc::find_operation("case_import"), svc::builtin_engine(), im, imported,
                      copy.get())
                .code(),
            StatusCode::kAlreadyExists);
}

std::string example(const std::string &name) {
  std::ifstream f(std::string(CADRE_EXAMPLES_DIR) + "/tolerance/case/" + name, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

pb::CaseRecordRequest tolerance_step(const std::string &file) {
  pb::CaseRecordRequest r;
  r.set_case_id("rc-c9101");
  *r.mutable_event() = json<pb::CaseEvent>(example("events/" + file));
  return r;
}

// The 容错认定 case of examples/tolerance/case through the operations: opened from the
// pending claim, decided, its decision in the answer, its remedial measures due as tasks.
TEST_F(CaseService, ExemptionReviewFromTheClaimToTheDecisionAndItsRemedialMeasures) {
  const auto roster = json<pb::Roster>(example("roster.json"));
  ASSERT_EQ(roster.cadres_size(), 1);
  pb::CaseOpenRequest open;
  open.set_case_id("rc-c9101");
  *open.mutable_cadre() = roster.cadres(0);
  open.set_exemption_claim_id("c9101-rc1");
  pb::CaseOpenResponse opened;
  ASSERT_TRUE(call("case_open", open, opened).ok());
  EXPECT_EQ(opened.case_().procedure_id(), "cn.exemption-review");
  EXPECT_EQ(opened.case_().current_stage(), "acceptance");
  ASSERT_TRUE(opened.case_().has_exemption());
  EXPECT_FALSE(opened.case_().exemption().decided());
  EXPECT_EQ(opened.case_().exemption().claim().id(), "c9101-rc1");
  EXPECT_EQ(opened.case_().exemption().claim().decision(), pb::EXEMPTION_DECISION_PENDING);
  for (const char *f : {"1-acceptance.json", "2-verification.json", "3-deliberation.json"}) {
    pb::CaseRecordResponse r;
    ASSERT_TRUE(call("case_record", tolerance_step(f), r).ok()) << f;
    ASSERT_TRUE(r.accepted()) << f << " " << r.rejection().message().en();
  }
  pb::CaseRecordResponse refused;
  ASSERT_TRUE(call("case_record", tolerance_step("4-decision-bad-deadline.json"), refused).ok());
  EXPECT_FALSE(refused.accepted());
  EXPECT_EQ(refused.rejection().field(), "event.facts[1].date");
  pb::CaseRecordResponse decided;
  ASSERT_TRUE(call("case_record", tolerance_step("5-decision.json"), decided).ok());
  ASSERT_TRUE(decided.accepted()) << decided.rejection().message().en();
  const pb::CaseExemptionDecision &x = decided.case_().exemption();
  EXPECT_TRUE(x.decided());
  EXPECT_EQ(x.claim().decision(), pb::EXEMPTION_DECISION_EXEMPT);
  EXPECT_EQ(x.claim().decided_on(), "2025-09-26");
  EXPECT_EQ(x.claim().authority(), pb::AUTHORITY_KIND_PARTY_COMMITTEE);
  EXPECT_EQ(x.claim().concerns().id(), "c9101-d1");
  EXPECT_EQ(x.decided_by(), "org-360102");
  EXPECT_EQ(x.remedial_measures_size(), 2);
  // Shown later, from the store: the same decision; the measures due as tasks.
  pb::CaseDueResponse due;
  ASSERT_TRUE(call("case_due",
                   json<pb::CaseDueRequest>(R"({"as_of":"2025-10-11","overdue_only":true})"), due)
                  .ok());
  ASSERT_EQ(due.due_size(), 2);  // the feedback, with no period, is never overdue
  EXPECT_EQ(due.due(0).task(), "r2");
  EXPECT_EQ(due.due(0).working_days_overdue(), 2);
  EXPECT_EQ(due.due(1).task(), "r1");
  EXPECT_EQ(due.due(1).deadline(), "2025-10-10");
  EXPECT_EQ(due.due(1).working_days_overdue(), 1);
  pb::CaseShowResponse shown;
  ASSERT_TRUE(
      call("case_show", json<pb::CaseShowRequest>(R"({"case_id":"rc-c9101"})"), shown).ok());
  EXPECT_EQ(shown.case_().exemption().SerializeAsString(), x.SerializeAsString());
  EXPECT_EQ(shown.case_().log_size(), 0);
  // A claim the cadre does not have, and one already decided: refused, naming the field.
  open.set_case_id("rc-2");
  open.set_exemption_claim_id("nope");
  EXPECT_EQ(call("case_open", open, opened).field(), "exemption_claim_id");
  open.set_exemption_claim_id("c9101-rc1");
  open.mutable_cadre()->mutable_exemption_claims(0)->set_decision(pb::EXEMPTION_DECISION_DENIED);
  open.mutable_cadre()->mutable_exemption_claims(0)->set_decided_on("2025-07-01");
  EXPECT_EQ(call("case_open", open, opened).field(), "cadre.exemption_claims[0].decision");
}

TEST(EngineOptions, ProcedureTextsAreCheckedAndNamed) {
  pb::EngineOptions options;
  options.add_procedure_texts("procedures { id: ");
  std::string bytes = options.SerializeAsString();
  auto config = svc::engine_config(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                   bytes.size(), codec::Format::kBinary);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().field().rfind("options.procedure_texts[0]", 0), 0U)
      << config.status().to_string();
}

}  // namespace
}  // namespace cadre
