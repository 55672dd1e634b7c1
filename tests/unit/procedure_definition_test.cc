// Procedure definitions (issue 10 §2): the shipped definitions load and cite
// registered documents; a bad definition is refused naming its field; the
// periods the rules give are in the data; lookup by date picks the rules in force.
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cadre/calendar.hpp"
#include "cadre/procedure_definition.hpp"
#include "codec/procedure_codec.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

std::string read_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::filesystem::path> procedure_files() {
  std::vector<std::filesystem::path> out;
  for (const auto &e : std::filesystem::directory_iterator(CADRE_PROCEDURE_DIR)) {
    if (e.path().extension() == ".textproto") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every citation of a definition.
std::vector<const Citation *> all_citations(const ProcedureDefinition &d) {
  std::vector<const Citation *> out;
  const auto add = [&](const std::vector<Citation> &list) {
    for (const Citation &c : list) out.push_back(&c);
  };
  add(d.citations);
  for (const Stage &s : d.stages) {
    add(s.citations);
    for (const Guard &g : s.guards) {
      add(g.citations);
      if (g.quorum) add(g.quorum->citations);
    }
    if (s.deadline) add(s.deadline->citations);
    for (const Outcome &o : s.outcomes) add(o.citations);
  }
  return out;
}

Date day(const char *text) { return *Date::parse(text); }

const ProcedureSet &shipped() {
  static const ProcedureSet kSet = ProcedureSet::builtin();
  return kSet;
}

TEST(ProcedureDefinition, EveryShippedDefinitionLoads) {
  const std::vector<ProcedureDefinition> defs = builtin_procedures();
  ASSERT_EQ(defs.size(), 11U);
  ProcedureSet set;
  for (const ProcedureDefinition &d : defs) {
    const Status st = set.add(d);
    EXPECT_TRUE(st.ok()) << d.id << ": " << st.to_string();
  }
  EXPECT_EQ(shipped().definitions().size(), defs.size());
  for (const char *id : {"cn-2016.accountability", "cn-2019.accountability", "cn-2015.unsuitable",
                         "cn-2022.unsuitable", "cn.reminder", "cn.inquiry", "cn.admonishment",
                         "cn-2015.delayed-removal", "cn-2022.delayed-removal",
                         "cn-2019.resignation", "cn.exemption-review"}) {
    EXPECT_NE(shipped().find(id), nullptr) << id;
  }
}

TEST(ProcedureDefinition, EveryCitationResolvesWithItsTag) {
  for (const ProcedureDefinition &d : shipped().definitions()) {
    EXPECT_NE(shipped().document(d.rule_set), nullptr) << d.id;
    const auto citations = all_citations(d);
    EXPECT_FALSE(citations.empty()) << d.id;
    for (const Citation *c : citations) {
      const Document *doc = shipped().document(c->key);
      ASSERT_NE(doc, nullptr) << d.id << ": " << c->key;
      EXPECT_EQ(c->document, doc->title) << d.id << ": " << c->key;
      EXPECT_NE(c->verification, Verification::kUnspecified) << d.id << ": " << c->key;
    }
    for (const Stage &s : d.stages) {
      // Every step carries its tag.
      EXPECT_FALSE(s.citations.empty()) << d.id << "." << s.key;
    }
  }
}

TEST(ProcedureDefinition, TheShippedFilesAreTheEmbeddedDefinitions) {
  ProcedureSet from_files;
  for (const auto &path : procedure_files()) {
    const Status st = codec::add_procedures_text(from_files, read_file(path), path.string());
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  ASSERT_EQ(from_files.definitions().size(), shipped().definitions().size());
  for (std::size_t i = 0; i < from_files.definitions().size(); ++i) {
    pb::ProcedureDefinition a;
    pb::ProcedureDefinition b;
    codec::encode(from_files.definitions()[i], a);
    codec::encode(shipped().definitions()[i], b);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(a, b)) << a.id();
  }
}

TEST(ProcedureDefinition, TheContentHashFollowsEveryField) {
  const ProcedureDefinition &d = *shipped().find("cn.inquiry");
  const std::string hash = content_hash(d);
  EXPECT_EQ(hash.size(), 64U);
  EXPECT_EQ(hash, content_hash(*shipped().find("cn.inquiry")));
  ProcedureDefinition changed = d;
  changed.stages[2].deadline->amount = 10;
  EXPECT_NE(content_hash(changed), hash);
  changed = d;
  changed.stages[0].citations[0].verification = Verification::kSaw;
  EXPECT_NE(content_hash(changed), hash);
  EXPECT_NE(canonical_text(d).find("stages[2].deadline.amount=15\n"), std::string::npos);
}

TEST(ProcedureDefinition, LookupByDatePicksTheRulesInForce) {
  const auto id = [](ProcedureKind kind, const char *on) {
    const ProcedureDefinition *d = shipped().select(kind, day(on));
    return d != nullptr ? d->id : std::string("none");
  };
  constexpr ProcedureKind kUnsuitable = ProcedureKind::kUnsuitableAdjustment;
  constexpr ProcedureKind kAccountability = ProcedureKind::kAccountabilityAdjustment;
  EXPECT_EQ(id(kUnsuitable, "2015-07-18"), "none");
  EXPECT_EQ(id(kUnsuitable, "2017-06-30"), "cn-2015.unsuitable");
  EXPECT_EQ(id(kUnsuitable, "2022-09-07"), "cn-2015.unsuitable");
  EXPECT_EQ(id(kUnsuitable, "2022-09-08"), "cn-2022.unsuitable");
  EXPECT_EQ(id(kUnsuitable, "2023-01-01"), "cn-2022.unsuitable");
  EXPECT_EQ(id(kAccountability, "2016-07-07"), "none");
  EXPECT_EQ(id(kAccountability, "2016-07-08"), "cn-2016.accountability");
  EXPECT_EQ(id(kAccountability, "2019-08-31"), "cn-2016.accountability");
  EXPECT_EQ(id(kAccountability, "2019-09-01"), "cn-2019.accountability");
  EXPECT_EQ(id(ProcedureKind::kDelayedRemoval, "2020-01-01"), "cn-2015.delayed-removal");
  EXPECT_EQ(id(ProcedureKind::kDelayedRemoval, "2024-01-01"), "cn-2022.delayed-removal");
  // A region without its own definitions gets the central ones.
  const ProcedureDefinition *jx = shipped().select(kUnsuitable, day("2017-06-30"), "360102");
  ASSERT_NE(jx, nullptr);
  EXPECT_EQ(jx->id, "cn-2015.unsuitable");
}

TEST(ProcedureDefinition, Unsuitable2015NeedsAWarningNotHeeded) {
  const auto guarded = [](const char *id) {
    const Stage *s = shipped().find(id)->stage("verification");
    return std::any_of(s->guards.begin(), s->guards.end(), [](const Guard &g) {
      return g.kind == GuardKind::kFactTrue && g.fact == "warning_unheeded";
    });
  };
  EXPECT_TRUE(guarded("cn-2015.unsuitable"));
  EXPECT_FALSE(guarded("cn-2022.unsuitable"));
  // Six steps in order, under both rules.
  for (const char *id : {"cn-2015.unsuitable", "cn-2022.unsuitable"}) {
    std::vector<std::string> keys;
    for (const Stage &s : shipped().find(id)->stages) keys.push_back(s.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"proposal", "verification", "adjustment_proposal",
                                              "decision", "talk", "formalities"}))
        << id;
  }
}

TEST(ProcedureDefinition, Accountability2019ExecutesInOneMonthAndAnAppealDoesNotSuspend) {
  const ProcedureDefinition *d = shipped().find("cn-2019.accountability");
  ASSERT_NE(d, nullptr);
  std::vector<std::string> keys;
  for (const Stage &s : d->stages) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"start", "investigation", "decision", "delivery",
                                            "execution", "appeal", "appeal_decision"}));
  // The start is approved by the principal leader (art 9).
  const Stage *start = d->stage("start");
  EXPECT_EQ(start->actor.role, ActorRole::kPrincipalLeader);
  EXPECT_TRUE(std::any_of(start->guards.begin(), start->guards.end(),
                          [](const Guard &g) { return g.kind == GuardKind::kApproval; }));
  // The organisational adjustment is carried out within 1 month of the decision.
  const Stage *execution = d->stage("execution");
  ASSERT_TRUE(execution->deadline.has_value());
  EXPECT_EQ(execution->deadline->amount, 1);
  EXPECT_EQ(execution->deadline->unit, PeriodUnit::kMonths);
  EXPECT_EQ(execution->deadline->from.stage, "decision");
  EXPECT_EQ(execution->deadline->from.fact, "decided_on");
  EXPECT_EQ(execution->deadline->effect, DeadlineEffect::kDue);
  EXPECT_TRUE(execution->deadline->roll_forward);
  // The appeal: a branch after delivery, within 1 month of receipt, not suspending.
  const Stage *appeal = d->stage("appeal");
  EXPECT_EQ(appeal->entry, StageEntry::kBranch);
  EXPECT_EQ(appeal->branch_from, "delivery");
  EXPECT_FALSE(appeal->suspends_execution);
  EXPECT_TRUE(appeal->optional);
  ASSERT_TRUE(appeal->deadline.has_value());
  EXPECT_EQ(appeal->deadline->amount, 1);
  EXPECT_EQ(appeal->deadline->unit, PeriodUnit::kMonths);
  EXPECT_EQ(appeal->deadline->from.stage, "delivery");
  EXPECT_EQ(appeal->deadline->from.fact, "received_on");
  EXPECT_EQ(appeal->deadline->effect, DeadlineEffect::kBarredAfter);
  EXPECT_FALSE(d->stage("appeal_decision")->suspends_execution);
  // The decision: after its investigation, collectively, with a quorum the rule names.
  const Stage *decision = d->stage("decision");
  const auto quorum = std::find_if(decision->guards.begin(), decision->guards.end(),
                                   [](const Guard &g) { return g.quorum.has_value(); });
  ASSERT_NE(quorum, decision->guards.end());
  EXPECT_FALSE(quorum->quorum->citations.empty());
  EXPECT_EQ(quorum->quorum->citations[0].key, "gbrm-shouze");
  EXPECT_TRUE(quorum->quorum->met(9, 6, 5));
  EXPECT_FALSE(quorum->quorum->met(9, 5, 5));  // 5 of 9 is less than two thirds
  EXPECT_FALSE(quorum->quorum->met(8, 8, 4));  // 4 of 8 is not more than half
  EXPECT_TRUE(std::any_of(decision->guards.begin(), decision->guards.end(), [](const Guard &g) {
    return g.kind == GuardKind::kStagesCompleted &&
           g.stages == std::vector<std::string>{"investigation"};
  }));
}

TEST(ProcedureDefinition, InquiryReplyIsDueIn15WorkingDaysAndMayBeRepeated) {
  const ProcedureDefinition *d = shipped().select(ProcedureKind::kInquiry, day("2024-09-27"));
  ASSERT_NE(d, nullptr);
  const Stage *reply = d->stage("reply");
  ASSERT_TRUE(reply->deadline.has_value());
  EXPECT_EQ(reply->deadline->amount, 15);
  EXPECT_EQ(reply->deadline->unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(reply->deadline->from.stage, "notice");
  EXPECT_EQ(reply->deadline->from.fact, "received_on");
  // A second inquiry: an outcome of the assessment leads back to the notice.
  const Outcome *again = d->stage("assessment")->outcome("not_explained");
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->next, "notice");
  // The deadline from the definition alone, on the official calendar: received on Friday
  // 2024-09-27, the National Day week off and two make-up Saturdays/Sundays worked.
  const WorkCalendar calendar = WorkCalendar::builtin();
  const auto due =
      calendar.period_end(day("2024-09-27"), reply->deadline->amount, reply->deadline->unit);
  ASSERT_TRUE(due.ok()) << due.status().to_string();
  EXPECT_EQ(due.value().date, day("2024-10-23"));
}

TEST(ProcedureDefinition, AdmonishmentNeedsASelfExaminationIn5WorkingDaysAndAReviewAfter6Months) {
  const ProcedureDefinition *d = shipped().find("cn.admonishment");
  ASSERT_NE(d, nullptr);
  const Stage *exam = d->stage("self_examination");
  ASSERT_TRUE(exam->deadline.has_value());
  EXPECT_EQ(exam->deadline->amount, 5);
  EXPECT_EQ(exam->deadline->unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(exam->deadline->from.fact, "admonished_on");
  EXPECT_EQ(exam->actor.role, ActorRole::kTheCadre);
  const Stage *review = d->stage("review");
  ASSERT_TRUE(review->deadline.has_value());
  EXPECT_EQ(review->deadline->amount, 6);
  EXPECT_EQ(review->deadline->unit, PeriodUnit::kMonths);
  EXPECT_EQ(review->deadline->effect, DeadlineEffect::kNotBefore);
  const Outcome *not_rectified = review->outcome("not_rectified");
  ASSERT_NE(not_rectified, nullptr);
  EXPECT_EQ(not_rectified->next, "adjustment");
  const Outcome *handled = d->stage("adjustment")->outcome("handled");
  ASSERT_NE(handled, nullptr);
  EXPECT_EQ(handled->methods,
            (std::vector<AdjustmentMethod>{
                AdjustmentMethod::kTransferOut, AdjustmentMethod::kResignationTakingBlame,
                AdjustmentMethod::kOrderedResignation, AdjustmentMethod::kRemoval,
                AdjustmentMethod::kDemotion}));
}

TEST(ProcedureDefinition, DelayedRemovalIsApprovedOneLevelUp) {
  const ProcedureDefinition *d = shipped().find("cn-2015.delayed-removal");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->stage("approval")->actor.level, AuthorityLevel::kOneLevelUp);
  EXPECT_EQ(d->citations[0].article, "第五条");
  EXPECT_EQ(d->citations[0].verification, Verification::kSaw);
}

TEST(Threshold, CountsInclusiveAndExclusiveBounds) {
  const Threshold two_thirds{2, 3, true, MajorityBase::kMembersDue};
  EXPECT_TRUE(two_thirds.met(6, 9));
  EXPECT_FALSE(two_thirds.met(5, 9));
  EXPECT_FALSE(two_thirds.met(1, 0));
  const Threshold over_half{1, 2, false, MajorityBase::kMembersDue};
  EXPECT_FALSE(over_half.met(4, 8));
  EXPECT_TRUE(over_half.met(5, 8));
  const Quorum of_present{two_thirds, Threshold{1, 2, false, MajorityBase::kMembersPresent}, {}};
  EXPECT_TRUE(of_present.met(9, 6, 4));    // 4 of the 6 present
  EXPECT_FALSE(of_present.met(9, 10, 6));  // more present than due
}

// A small valid definition; each test below breaks one field.
ProcedureDefinition good() {
  const auto cite = [] {
    Citation c;
    c.key = "txjm-cz-2015";
    c.verification = Verification::kSawLocal;
    return c;
  };
  ProcedureDefinition d;
  d.id = "t.proc";
  d.kind = ProcedureKind::kInquiry;
  d.title = {"测试", "test"};
  d.rule_set = "txjm-zzb";
  d.jurisdiction = "320400";
  d.effective_from = day("2016-01-01");
  d.citations = {cite()};
  Stage notice;
  notice.key = "notice";
  notice.name = {"函询", "notice"};
  notice.entry = StageEntry::kSequence;
  notice.actor = Actor{ActorRole::kWorkingBody,
                       {AuthorityKind::kOrganisationDepartment},
                       AuthorityLevel::kManaging,
                       {"组织部门", "organisation department"}};
  notice.facts.push_back({"received_on", {"收到之日", "received"}, FactType::kDate, true});
  notice.outcomes.push_back({"sent", {"已送达", "sent"}, "decision", false, {}, {}, {}});
  notice.citations = {cite()};
  Stage decision;
  decision.key = "decision";
  decision.name = {"决定", "decision"};
  decision.entry = StageEntry::kSequence;
  decision.actor = Actor{ActorRole::kCollective,
                         {AuthorityKind::kPartyCommittee},
                         AuthorityLevel::kManaging,
                         {"党委", "committee"}};
  decision.facts.push_back({"votes", {"表决", "votes"}, FactType::kVotes, true});
  Guard collective;
  collective.kind = GuardKind::kCollectiveDecision;
  collective.quorum = Quorum{Threshold{2, 3, true, MajorityBase::kMembersDue},
                             Threshold{1, 2, false, MajorityBase::kMembersDue},
                             {cite()}};
  decision.guards.push_back(collective);
  Deadline deadline;
  deadline.amount = 15;
  deadline.unit = PeriodUnit::kWorkingDays;
  deadline.from = {"notice", AnchorPoint::kFactDate, "received_on"};
  deadline.effect = DeadlineEffect::kDue;
  deadline.text = {"15个工作日内", "within 15 working days"};
  deadline.citations = {cite()};
  decision.deadline = deadline;
  decision.outcomes.push_back({"done", {"完成", "done"}, "", true, {}, {}, {}});
  decision.citations = {cite()};
  Stage appeal;
  appeal.key = "appeal";
  appeal.name = {"申诉", "appeal"};
  appeal.entry = StageEntry::kBranch;
  appeal.branch_from = "decision";
  appeal.actor = Actor{ActorRole::kTheCadre, {}, AuthorityLevel::kNone, {"本人", "the cadre"}};
  appeal.outcomes.push_back({"filed", {"已申诉", "filed"}, "", true, {}, {}, {}});
  d.stages = {notice, decision, appeal};
  return d;
}

// The field check_procedure() names for a broken definition ("" when accepted).
template <typename Break>
std::string refused_field(Break &&brk) {
  ProcedureDefinition d = good();
  brk(d);
  const Status st = check_procedure(d);
  EXPECT_EQ(st.ok() ? StatusCode::kInvalidArgument : st.code(), StatusCode::kInvalidArgument)
      << st.to_string();
  return st.ok() ? std::string() : st.field();
}

TEST(ProcedureDefinitionCheck, AcceptsTheSmallDefinition) {
  EXPECT_TRUE(check_procedure(good()).ok()) << check_procedure(good()).to_string();
}

TEST(ProcedureDefinitionCheck, NamesTheFieldOfEachRejection) {
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[2].key = "notice"; }),
            "stages[2].key");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[0].outcomes[0].next = "nowhere"; }),
            "stages[0].outcomes[0].next");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[1].deadline->from.stage = "x"; }),
            "stages[1].deadline.from.stage");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[1].deadline->from.fact = "x"; }),
            "stages[1].deadline.from.fact");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[1].deadline->amount = 0; }),
            "stages[1].deadline.amount");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[0].citations[0].key = "nope"; }),
            "stages[0].citations[0].key");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) {
              d.stages[1].deadline->citations[0].verification = Verification::kUnspecified;
            }),
            "stages[1].deadline.citations[0].verification");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[1].guards[0].quorum.reset(); }),
            "stages[1].guards[0].quorum");
  EXPECT_EQ(refused_field(
                [](ProcedureDefinition &d) { d.stages[1].guards[0].quorum->citations.clear(); }),
            "stages[1].guards[0].quorum.citations");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) {
              d.stages[1].guards[0].quorum->majority.denominator = 0;
            }),
            "stages[1].guards[0].quorum.majority.denominator");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[1].facts.clear(); }),
            "stages[1].guards[0]");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[2].branch_from = "x"; }),
            "stages[2].branch_from");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[0].outcomes[0].next = "appeal"; }),
            "stages[0].outcomes[0].next");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) {
              d.stages[0].outcomes[0].next.clear();
              d.stages[0].outcomes[0].ends = true;
            }),
            "stages[1]");  // the decision can no longer be reached
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[0].name.en.clear(); }),
            "stages[0].name.en");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[0].outcomes.clear(); }),
            "stages[0].outcomes");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.stages[0].actor.role = {}; }),
            "stages[0].actor.role");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.rule_set = "nope"; }), "rule_set");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.effective_from.reset(); }),
            "effective_from");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) { d.kind = ProcedureKind::kUnspecified; }),
            "kind");
  EXPECT_EQ(refused_field([](ProcedureDefinition &d) {
              Guard g;
              g.kind = GuardKind::kFactTrue;
              g.fact = "received_on";  // a date, not a yes-or-no fact
              d.stages[0].guards.push_back(g);
            }),
            "stages[0].guards[0].fact");
}

TEST(ProcedureDefinitionCheck, ASetRefusesADuplicateAndAnOverlap) {
  ProcedureSet set;
  ASSERT_TRUE(set.add(good()).ok());
  const Status dup = set.add(good());
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(dup.field(), "id");
  ProcedureDefinition later = good();
  later.id = "t.proc2";
  const Status overlap = set.add(later);
  EXPECT_EQ(overlap.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(overlap.field(), "effective_from");
  later.effective_from = day("2015-01-01");
  later.effective_to = day("2015-12-31");
  EXPECT_TRUE(set.add(later).ok());
  EXPECT_EQ(set.select(ProcedureKind::kInquiry, day("2015-06-01"), "320402")->id, "t.proc2");
  EXPECT_EQ(set.select(ProcedureKind::kInquiry, day("2016-06-01"), "320402")->id, "t.proc");
  EXPECT_EQ(set.select(ProcedureKind::kInquiry, day("2016-06-01"), "CN"), nullptr);
}

// A province's own 函询 rules, as a host loads them at run time: its own document, a
// shorter reply period; its cadres get them, every other cadre the central ones.
constexpr const char *kProvinceText = R"txt(
procedures {
  id: "js.inquiry"
  kind: PROCEDURE_KIND_INQUIRY
  title { zh_cn: "函询（省实施细则）" en: "Inquiry (provincial rules)" }
  rule_set: "js-txjm"
  jurisdiction: "320000"
  effective_from: "2020-01-01"
  documents { key: "js-txjm" title: "某省提醒函询诫勉实施细则" verification: VERIFICATION_SAW_LOCAL
              source_note: "host's own" jurisdiction: "320000" }
  citations { key: "js-txjm" article: "第十条" verification: VERIFICATION_SAW_LOCAL }
  stages {
    key: "notice" name { zh_cn: "发出函询通知书" en: "notice" } entry: STAGE_ENTRY_SEQUENCE
    actor { role: ACTOR_ROLE_WORKING_BODY bodies: AUTHORITY_KIND_ORGANISATION_DEPARTMENT
            level: AUTHORITY_LEVEL_MANAGING text { zh_cn: "组织部" en: "organisation department" } }
    facts { key: "received_on" name { zh_cn: "收到之日" en: "received" } type: FACT_TYPE_DATE required: true }
    outcomes { key: "sent" name { zh_cn: "已送达" en: "sent" } next: "reply" }
    citations { key: "js-txjm" verification: VERIFICATION_SAW_LOCAL }
  }
  stages {
    key: "reply" name { zh_cn: "书面回复" en: "reply" } entry: STAGE_ENTRY_SEQUENCE
    actor { role: ACTOR_ROLE_THE_CADRE level: AUTHORITY_LEVEL_NONE text { zh_cn: "本人" en: "the cadre" } }
    deadline { amount: 10 unit: PERIOD_UNIT_WORKING_DAYS effect: DEADLINE_EFFECT_DUE
               from { stage: "notice" point: ANCHOR_POINT_FACT_DATE fact: "received_on" }
               text { zh_cn: "10个工作日内" en: "within 10 working days" }
               citations { key: "js-txjm" article: "第十二条" verification: VERIFICATION_SAW_LOCAL } }
    outcomes { key: "replied" name { zh_cn: "已回复" en: "replied" } ends: true }
    citations { key: "js-txjm" verification: VERIFICATION_SAW_LOCAL }
  }
}
)txt";

TEST(ProcedureDefinitionHost, AddsAProvincesDefinitionsAtRunTime) {
  ProcedureSet set = ProcedureSet::builtin();
  const Status st = codec::add_procedures_text(set, kProvinceText, "js.textproto");
  ASSERT_TRUE(st.ok()) << st.to_string();
  const ProcedureDefinition *mine =
      set.select(ProcedureKind::kInquiry, day("2021-03-01"), "320102");
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->id, "js.inquiry");
  EXPECT_EQ(mine->stage("reply")->deadline->amount, 10);
  EXPECT_EQ(mine->citations[0].document, "某省提醒函询诫勉实施细则");
  EXPECT_EQ(set.select(ProcedureKind::kInquiry, day("2021-03-01"), "360102")->id, "cn.inquiry");
  EXPECT_NE(set.document("js-txjm"), nullptr);
}

// A procedure file's own documents are checked as a catalogue's are (one decoder for both).
TEST(ProcedureDefinitionHost, AHostDocumentIsCheckedAsInACatalogue) {
  const struct {
    std::string from, to, field;
  } cases[] = {
      {R"(source_note: "host's own" )", "", "procedures[0].documents[0].source_note"},
      {R"(key: "js-txjm" title)", R"(key: "JS txjm" title)", "procedures[0].documents[0].key"},
      {R"(key: "js-txjm" title)", R"(key: "lnsx-2015" title)", "procedures[0].documents[0].key"},
      {R"(title: "某省提醒函询诫勉实施细则" )", "", "procedures[0].documents[0].title"},
  };
  for (const auto &c : cases) {
    ProcedureSet set = ProcedureSet::builtin();
    std::string text = kProvinceText;
    const auto at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    const Status st = codec::add_procedures_text(set, text, "js.textproto");
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(st.field(), c.field);
    EXPECT_EQ(set.find("js.inquiry"), nullptr);
  }
}

TEST(ProcedureDefinitionHost, ABadHostFileIsRefusedWholeNamingTheField) {
  ProcedureSet set = ProcedureSet::builtin();
  std::string text = kProvinceText;
  text.replace(text.find("next: \"reply\""), 13, "next: \"answer\"");
  const Status st = codec::add_procedures_text(set, text, "js.textproto");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "procedures[0].stages[0].outcomes[0].next");
  EXPECT_NE(st.message().find("answer"), std::string::npos);
  EXPECT_EQ(set.find("js.inquiry"), nullptr);

  const Status syntax = codec::add_procedures_text(set, "procedures { id: }", "bad.textproto");
  EXPECT_EQ(syntax.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(syntax.field(), "bad.textproto");
  EXPECT_NE(syntax.message().find("line 1"), std::string::npos);

  const Status unknown_enum =
      codec::add_procedures_text(set, "procedures { id: \"x\" kind: 99 }", "enum.textproto");
  EXPECT_EQ(unknown_enum.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown_enum.field(), "procedures[0].kind");

  const Status titled = codec::add_procedures_text(
      set, "procedures { citations { key: \"wztl-2019\" document: \"《x》\" } }", "t.textproto");
  EXPECT_EQ(titled.field(), "procedures[0].citations[0].document");
}

}  // namespace
}  // namespace cadre
