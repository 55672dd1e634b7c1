// cadre followup: follow-up management of adjusted cadres (后续管理).
//   cadre followup plan    --roster R --cadre ID --adjustment ID --as-of D [--plan-id ID]
//   [--update] cadre followup record  RECORD.json --roster R --cadre ID --plan ID --as-of D
//   [--update] cadre followup due     [ROSTER] --as-of D [--overdue] [--cadre ID] [--unit ID]
//   [--region CODE] cadre followup outcome --roster R --cadre ID --plan ID --as-of D --kind K
//   [--decided-on D]
//                          [--record-id ID] [--facts FACTS.json] [--check-only] [--update]
// The operations followup_plan, followup_record, followup_due and followup_outcome of the
// library's table. The cadre comes from the roster the HR office keeps (.json, .pb or .cadres),
// picked by --cadre; the follow-up records are the cadre's (follow_up_plans), so --update writes
// the plan the operation gives back into the roster file, in place of the cadre's. What is
// recorded comes as a JSON file (RECORD.json: {"talk": {...}}, {"training": {...}}, {"task":
// {...}} or {"task_assessment": {...}}; FACTS.json: {"facts": [...], "method_facts": {...}}),
// like CLAIM.json of `cadre tolerance evaluate`. `--request FILE` runs an operation on a whole
// JSON request instead. Tables are in zh-CN and English (--lang, from the library's labels), or
// the response as JSON (--format json). Errors name the request's field or the flag.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/followup_plan.hpp"
#include "cadre/v1/followup_service.pb.h"
#include "cli.hpp"
#include "codec/codec.hpp"
#include "codec/stream.hpp"
#include "followup_commands.hpp"
#include "service/service.hpp"
#include "up_output.hpp"

namespace cadre::cli {
namespace {

namespace pb = ::cadre::v1;

struct Printer : Bilingual {
  // The label of a value of the follow-up module (cadre::followup_label()).
  template <typename E>
  [[nodiscard]] std::string followup(E value) const {
    return text(followup_label(value));
  }

  void citations(const google::protobuf::RepeatedPtrField<pb::Citation> &cs,
                 std::string_view indent) const {
    for (const pb::Citation &c : cs) {
      std::cout << indent << citation(c);
      if (!c.supports().empty()) {
        std::cout << "  " << c.supports();
      }
      std::cout << "\n";
    }
  }

  void item(const pb::FollowUpPlannedItem &i) const {
    std::cout << "  " << i.due_by() << "  " << i.key() << "  " << text(i.name());
    if (i.is_optional()) {
      std::cout << "  " << text("［可选］", "[optional]");
    }
    if (i.provisional()) {
      std::cout << "  " << text("［暂按周末计算］", "[provisional: weekends only]");
    }
  }

  void print(const pb::FollowUpPlanResponse &r) const {
    const pb::FollowUpSchedule &s = r.schedule();
    std::cout << text("后续管理计划", "follow-up plan") << " " << s.plan_id() << "  "
              << text("干部", "cadre") << " " << s.cadre_id() << "  " << text("调整", "adjustment")
              << " " << s.adjustment_id() << " (" << label(static_cast<Channel>(s.channel()))
              << ", " << label(static_cast<AdjustmentMethod>(s.method())) << ")\n";
    std::cout << "  " << text("模板", "template") << " " << s.template_id() << " v"
              << s.template_version() << "  " << text("地区", "region") << " " << s.region_code()
              << "  " << text("单位", "unit") << " " << (s.unit_id().empty() ? "-" : s.unit_id())
              << "\n  " << text("期间", "period") << " " << s.start() << " – " << s.end() << "  ("
              << text("调整实施之日不计入", "the day of the adjustment not counted") << ")\n";
    if (!s.completeness().zh_cn().empty() || !s.completeness().en().empty()) {
      std::cout << "  " << text(s.completeness()) << "\n";
    }
    citations(s.citations(), "  ");
    std::cout << text("事项（截止日期）", "items (last day)") << ":\n";
    for (const pb::FollowUpPlannedItem &i : s.items()) {
      item(i);
      std::cout << "  (" << text("起", "opens") << " " << i.opens_on() << ")\n";
      if (i.occurrence() == 1 && !i.assessment()) {
        citations(i.citations(), "      ");
      }
    }
  }

  void status_row(const pb::FollowUpItemStatus &s) const {
    std::cout << "  " << s.item().due_by() << "  " << followup(static_cast<ItemState>(s.state()))
              << "  " << s.item().key() << "  " << text(s.item().name());
    if (!s.record_id().empty()) {
      std::cout << "  " << text("记录", "record") << " " << s.record_id();
    }
    if (!s.done_on().empty()) {
      std::cout << " (" << s.done_on() << ")";
    }
    if (s.working_days_late() > 0) {
      std::cout << "  " << text("逾期工作日", "working days late") << " " << s.working_days_late();
    }
    std::cout << "\n";
  }

  void print(const pb::FollowUpRecordResponse &r) const {
    const pb::FollowUpPlan &p = r.plan();
    std::cout << text("已记录", "recorded") << ": " << text("计划", "plan") << " " << p.id() << "  "
              << text("谈话", "talks") << " " << p.talks_size() << "  " << text("培训", "trainings")
              << " " << p.trainings_size() << "  " << text("任务", "tasks") << " "
              << p.special_tasks_size() << "\n";
    std::cout << text("截至", "as of") << " " << r.as_of()
              << (r.status().closed() ? "  " + text("（计划已结束）", "(plan ended)") : "") << "\n";
    int upcoming = 0;
    for (const pb::FollowUpItemStatus &s : r.status().items()) {
      if (s.state() == pb::FOLLOW_UP_ITEM_STATE_UPCOMING) {
        ++upcoming;
        continue;
      }
      status_row(s);
    }
    if (upcoming > 0) {
      std::cout << "  " << text("未到期事项", "upcoming items") << ": " << upcoming << "\n";
    }
  }

  void print_due(const pb::FollowUpDueResponse &r) const {
    for (const pb::FollowUpDueItem &d : r.items()) {
      std::cout << d.status().item().due_by() << "  "
                << followup(static_cast<ItemState>(d.status().state())) << "  " << d.cadre_id()
                << "  " << d.plan_id() << "  " << d.status().item().key() << "  "
                << text(d.status().item().name()) << "  " << text("单位", "unit") << " "
                << (d.unit_id().empty() ? "-" : d.unit_id()) << "  " << d.region_code();
      if (d.status().working_days_late() > 0) {
        std::cout << "  " << text("逾期工作日", "working days late") << " "
                  << d.status().working_days_late();
      }
      std::cout << "\n";
    }
    print_errors(r.errors(), lang == Lang::kEn ? Lang::kEn : Lang::kZh, std::cout);
  }

  static std::string mark(pb::ConditionState s) {
    switch (s) {
      case pb::CONDITION_STATE_MET:
        return "[+]";
      case pb::CONDITION_STATE_NOT_MET:
        return "[-]";
      case pb::CONDITION_STATE_NOT_APPLICABLE:
        return "[ ]";
      default:
        return "[?]";
    }
  }

  void reappointment(const pb::FollowUpReappointment &a) const {
    std::cout << text("重新任用条件", "conditions of re-appointment") << " ("
              << text("截至", "as of") << " " << a.as_of() << ", "
              << text("原职务层次", "former level") << " "
              << label(static_cast<RankLevel>(a.level())) << "): "
              << (a.allowed() ? text("均符合", "all met") : text("未全部符合", "not all met"));
    if (!a.earliest().empty()) {
      std::cout << "  " << text("影响期届满之日", "impact period over on") << " " << a.earliest();
    }
    std::cout << "\n";
    for (const pb::FollowUpConditionCheck &c : a.conditions()) {
      std::cout << "  " << mark(c.state()) << " " << c.key() << "  " << text(c.text()) << "  ("
                << followup(static_cast<ConditionState>(c.state()));
      if (!c.met_from().empty()) {
        std::cout << ", " << text("自", "from") << " " << c.met_from();
      }
      std::cout << ")\n";
      print_explanation(c.explanation(), lang, "      ", std::cout);
      citations(c.citations(), "      ");
    }
    if (!a.missing().empty()) {
      std::cout << text("待记录的事实", "facts to record") << ":";
      for (const std::string &m : a.missing()) {
        std::cout << " " << m;
      }
      std::cout << "\n";
    }
  }

  void print(const pb::FollowUpOutcomeResponse &r, bool check_only) const {
    const pb::FollowUpPlan &p = r.plan();
    if (check_only) {
      std::cout << text("仅核查，未作决定", "check only: nothing decided") << "  "
                << text("计划", "plan") << " " << p.id() << "\n";
    } else {
      std::cout << text("后续管理结果", "outcome") << ": "
                << label(static_cast<FollowUpOutcomeKind>(p.outcome().kind())) << "  "
                << text("计划", "plan") << " " << p.id() << "  " << text("决定日期", "decided on")
                << " " << p.outcome().decided_on();
      if (!p.outcome().record_id().empty()) {
        std::cout << "  " << text("记录", "record") << " " << p.outcome().record_id();
      }
      std::cout << "\n";
    }
    if (r.has_reappointment()) {
      reappointment(r.reappointment());
    }
    if (r.has_readjustment()) {
      const pb::Finding &f = r.readjustment();
      std::cout << text("再次调整：新的调整程序依据",
                        "adjusted again: the finding that opens a new case")
                << " " << f.rule_id() << " (" << label(static_cast<Channel>(f.channel())) << ", "
                << label(static_cast<Determination>(f.determination())) << ")\n";
      print_explanation(f.explanation(), lang, "  ", std::cout);
      citations(f.citations(), "  ");
    }
    std::cout << text("履历（不贴标签）", "history (no label)") << ":\n";
    for (const pb::FollowUpHistoryEntry &e : r.history()) {
      std::cout << "  " << text(e.text()) << "\n";  // the day and what happened, no label
    }
    std::cout << text("调整方式核查", "method check") << ": ";
    if (r.method_flags().empty()) {
      std::cout << text("调整方式与所记录情况相符", "the method fits the situation recorded")
                << "\n";
    }
    std::cout << (r.method_flags().empty() ? "" : "\n");
    for (const pb::FollowUpMethodFlag &f : r.method_flags()) {
      std::cout << "  " << f.rule_id() << "  " << label(static_cast<AdjustmentMethod>(f.method()))
                << " -> ";
      for (int i = 0; i < f.called_for_size(); ++i) {
        std::cout << (i == 0 ? "" : ", ") << label(static_cast<AdjustmentMethod>(f.called_for(i)));
      }
      std::cout << "\n";
      print_explanation(f.explanation(), lang, "      ", std::cout);
      citations(f.citations(), "      ");
    }
  }
};

// What the commands on one cadre share: the roster and the cadre, the day, the output, and
// --update.
struct OneCadre {
  std::string name;
  std::string roster_path;
  std::string cadre_id;
  std::string as_of;
  std::string format = "table";
  std::string lang_s = "both";
  bool update = false;
  Printer out;
  pb::Roster roster;
  int index = -1;  // of the cadre in the roster

  void add(po::options_description &desc) {
    desc.add_options()("roster", po::value(&roster_path),
                       "the roster holding the cadre: cadre.v1.Roster as JSON (.json) or protobuf "
                       "binary (.pb), or the stream form (.cadres)")(
        "cadre", po::value(&cadre_id), "the cadre's id in the roster (required)")(
        "as-of", po::value(&as_of), "the day asked, YYYY-MM-DD (required)")(
        "update", po::bool_switch(&update),
        "write the plan the operation gives back into the roster file, in place of the cadre's "
        "(the file is rewritten in its own form)")("format", po::value(&format),
                                                   "output: table (default) or json")(
        "lang", po::value(&lang_s), "table language: zh-CN, en or both (default)");
  }

  std::optional<int> choices(OperationCommand &c) {
    if (!parse_choice<bool>(name, "--format", format, {{"table", false}, {"json", true}}, c.json) ||
        !parse_choice<Lang>(
            name, "--lang", lang_s,
            {{"zh-CN", Lang::kZh}, {"zh", Lang::kZh}, {"en", Lang::kEn}, {"both", Lang::kBoth}},
            out.lang)) {
      return kExitUsage;
    }
    if (update && !c.request_path.empty()) {
      complain(name, "--update: not with --request (the cadre comes from the request)");
      return kExitUsage;
    }
    return std::nullopt;
  }

  // Reads the roster and finds the cadre; a copy of it goes into @p cadre.
  std::optional<int> load(pb::Cadre &cadre) {
    if (roster_path.empty()) {
      complain(name, "--roster: required (the roster holding the cadre)");
      return kExitUsage;
    }
    if (cadre_id.empty()) {
      complain(name, "--cadre: required (the cadre's id in the roster)");
      return kExitUsage;
    }
    const auto form = codec::roster_format_from_path(roster_path);
    if (!form) {
      complain(name, roster_path + ": the extension must be .json, .pb or .cadres");
      return kExitUsage;
    }
    InputFile file;
    if (auto st = file.open(roster_path); !st.ok()) {
      complain(name, "roster file: " + st.message());
      return kExitInput;
    }
    if (auto st = codec::parse_roster(file.data(), file.size(), *form, roster); !st.ok()) {
      complain(name, roster_path + ": " + st.to_string());
      return kExitInput;
    }
    for (int i = 0; i < roster.cadres_size(); ++i) {
      if (roster.cadres(i).id() == cadre_id) {
        index = i;
        cadre = roster.cadres(i);
        return std::nullopt;
      }
    }
    complain(name, "--cadre: NOT_FOUND: no cadre with this id in " + roster_path);
    return kExitInput;
  }

  // --update: the plan in place of the cadre's (or added), the roster written back.
  std::optional<int> write_back(const pb::FollowUpPlan &plan) {
    if (!update || index < 0) {
      return std::nullopt;
    }
    pb::Cadre &cadre = *roster.mutable_cadres(index);
    bool replaced = false;
    for (pb::FollowUpPlan &p : *cadre.mutable_follow_up_plans()) {
      if (p.id() == plan.id()) {
        p = plan;
        replaced = true;
      }
    }
    if (!replaced) {
      *cadre.add_follow_up_plans() = plan;
    }
    std::string bytes;
    if (auto st =
            codec::serialize_roster(roster, *codec::roster_format_from_path(roster_path), bytes);
        !st.ok()) {
      complain(name, "--update: " + st.to_string());
      return kExitInput;
    }
    const std::string tmp = roster_path + ".tmp";
    {
      std::ofstream os(tmp, std::ios::binary | std::ios::trunc);
      os << bytes;
      if (!os) {
        complain(name, "--update: cannot write " + tmp);
        return kExitInput;
      }
    }
    if (std::rename(tmp.c_str(), roster_path.c_str()) != 0) {
      complain(name, "--update: cannot replace " + roster_path);
      return kExitInput;
    }
    return std::nullopt;
  }

  // The end of a command: the roster updated, the response printed.
  template <typename Response, typename Print>
  int finish(const OperationCommand &c, const Response &response, Print &&print) {
    if (auto code = write_back(response.plan())) {
      return *code;
    }
    if (c.json) {
      return print_json(name, response) ? kExitOk : kExitInput;
    }
    print();
    if (update) {
      std::cout << text_updated() << roster_path << "\n";
    }
    return kExitOk;
  }

  [[nodiscard]] std::string text_updated() const {
    return out.text("已写回花名册", "plan written back into the roster") + ": ";
  }
};

po::options_description describe(const service::Operation &op, std::string_view usage,
                                 std::string_view more) {
  return {"cadre followup " + std::string(usage) + "\n" + std::string(op.brief) + "\n" +
          std::string(more)};
}

void add_request(po::options_description &desc, OperationCommand &c) {
  desc.add_options()("help,h", "print this help")(
      "request", po::value(&c.request_path),
      ("the whole request instead of the options: a " + c.op.request->GetDescriptor()->full_name() +
       " in protobuf JSON (- for standard input)")
          .c_str());
}

}  // namespace

int cmd_followup_plan(const service::Operation &op, const Args &args) {
  OperationCommand c(op);
  OneCadre one;
  one.name = c.name;
  std::string adjustment_id;
  std::string plan_id;
  po::options_description desc = describe(
      op, "plan --roster ROSTER --cadre ID --adjustment ID --as-of DATE [options]",
      "The plan of the cadre's adjustment: every item with the day it opens and its last day on "
      "the working-day calendar, cited. With --update the plan (its record) is added to the "
      "cadre in the roster.");
  add_request(desc, c);
  one.add(desc);
  desc.add_options()("adjustment", po::value(&adjustment_id),
                     "the id of the cadre's adjustment (carried out by --as-of)")(
      "plan-id", po::value(&plan_id),
      "the id the plan takes in the cadre's record (default: <adjustment>.followup)");
  po::variables_map vm;
  if (auto code = parse_options(c.name, args, desc, {}, vm)) {
    return *code;
  }
  if (auto code = one.choices(c)) {
    return *code;
  }
  pb::FollowUpPlanRequest request;
  pb::FollowUpPlanResponse response;
  if (c.request_path.empty()) {
    if (auto code = one.load(*request.mutable_cadre())) {
      return *code;
    }
    request.set_as_of(one.as_of);
    request.set_adjustment_id(adjustment_id);
    request.set_plan_id(plan_id);
  }
  c.flags = {{"as_of", "--as-of"}, {"adjustment_id", "--adjustment"}, {"plan_id", "--plan-id"}};
  if (auto code = c.run(request, response)) {
    return *code;
  }
  return one.finish(c, response, [&] { one.out.print(response); });
}

int cmd_followup_record(const service::Operation &op, const Args &args) {
  OperationCommand c(op);
  OneCadre one;
  one.name = c.name;
  std::string record_path;
  std::string plan_id;
  po::options_description desc = describe(
      op, "record RECORD.json --roster ROSTER --cadre ID --plan ID --as-of DATE [options]",
      "RECORD.json holds one record: {\"talk\": {\"id\", \"held_on\", \"actor\", \"notes_ref\"}} "
      "(a reference to the notes, never the notes), {\"training\": {...}}, {\"task\": {...}} or "
      "{\"task_assessment\": {\"task_id\", \"grade\"}}. --as-of is the day of recording. With "
      "--update the plan with the record replaces the cadre's in the roster.");
  add_request(desc, c);
  one.add(desc);
  desc.add_options()("record", po::value(&record_path),
                     "the record (or the first argument; - for standard input)")(
      "plan", po::value(&plan_id), "the id of the cadre's plan");
  po::positional_options_description pos;
  pos.add("record", 1);
  po::variables_map vm;
  if (auto code = parse_options(c.name, args, desc, pos, vm)) {
    return *code;
  }
  if (auto code = one.choices(c)) {
    return *code;
  }
  pb::FollowUpRecordRequest request;
  pb::FollowUpRecordResponse response;
  if (c.request_path.empty()) {
    if (record_path.empty()) {
      complain(c.name, "RECORD.json: required");
      return kExitUsage;
    }
    if (auto code = read_json_file(c.name, record_path, "record", request)) {
      return *code;
    }
    if (auto code = one.load(*request.mutable_cadre())) {
      return *code;
    }
    request.set_as_of(one.as_of);
    request.set_plan_id(plan_id);
  }
  c.flags = {{"as_of", "--as-of"}, {"plan_id", "--plan"}};
  if (auto code = c.run(request, response)) {
    return *code;
  }
  return one.finish(c, response, [&] { one.out.print(response); });
}

int cmd_followup_due(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  std::string as_of;
  std::string unit;
  std::string region;
  bool overdue = false;
  command.desc.add_options()("as-of", po::value(&as_of), "the day asked, YYYY-MM-DD")(
      "overdue", po::bool_switch(&overdue), "only the overdue items")(
      "unit", po::value(&unit), "only the cadres of this unit")(
      "region", po::value(&region),
      "only the plans of this region (360000: the province, 360100: the city)");
  command.flags = {{"as_of", "--as-of"}, {"unit_id", "--unit"}, {"region_code", "--region"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  Printer out;
  out.lang = command.lang;
  pb::FollowUpDueRequest request;
  pb::FollowUpDueResponse response;
  if (auto code = command.answer(
          request, response,
          [&](pb::FollowUpDueRequest &r) {
            r.set_as_of(as_of);
            r.set_unit_id(unit);
            r.set_region_code(region);
            r.set_overdue_only(overdue);
            return std::optional<int>();
          },
          [&](const pb::FollowUpDueResponse &r) { out.print_due(r); })) {
    return *code;
  }
  return kExitOk;
}

int cmd_followup_outcome(const service::Operation &op, const Args &args) {
  OperationCommand c(op);
  OneCadre one;
  one.name = c.name;
  std::string plan_id;
  std::string kind_s;
  std::string decided_on;
  std::string record_id;
  std::string facts_path;
  bool check_only = false;
  po::options_description desc = describe(
      op, "outcome --roster ROSTER --cadre ID --plan ID --as-of DATE --kind KIND [options]",
      "KIND: reappointed (重新任用), commended (表彰奖励), adjusted-again (再次调整) or continuing "
      "(继续跟踪管理). FACTS.json: {\"facts\": [{\"key\", \"holds\", \"recorded_by\", "
      "\"recorded_on\", \"evidence_ref\"}], \"method_facts\": {\"not_own_reasons\", "
      "\"recorded_by\"}}: the conditions of re-appointment someone recorded, and the situation "
      "for the method check. Re-appointment refused on the day: the conditions are printed and "
      "the exit status is 3. With --update the plan with its outcome replaces the cadre's in "
      "the roster.");
  add_request(desc, c);
  one.add(desc);
  desc.add_options()("plan", po::value(&plan_id), "the id of the cadre's plan")(
      "kind", po::value(&kind_s), "the outcome")("decided-on", po::value(&decided_on),
                                                 "the day of the decision (default: --as-of)")(
      "record-id", po::value(&record_id),
      "the appointment (post id) or adjustment the outcome leads to")(
      "facts", po::value(&facts_path), "the recorded facts (FACTS.json)")(
      "check-only", po::bool_switch(&check_only),
      "decide nothing: check re-appointment, the history and the method");
  po::variables_map vm;
  if (auto code = parse_options(c.name, args, desc, {}, vm)) {
    return *code;
  }
  if (auto code = one.choices(c)) {
    return *code;
  }
  pb::FollowUpOutcomeKind kind = pb::FOLLOW_UP_OUTCOME_KIND_UNSPECIFIED;
  if (!kind_s.empty() && !parse_choice<pb::FollowUpOutcomeKind>(
                             c.name, "--kind", kind_s,
                             {{"reappointed", pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED},
                              {"commended", pb::FOLLOW_UP_OUTCOME_KIND_COMMENDED},
                              {"adjusted-again", pb::FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN},
                              {"continuing", pb::FOLLOW_UP_OUTCOME_KIND_CONTINUING}},
                             kind)) {
    return kExitUsage;
  }
  pb::FollowUpOutcomeRequest request;
  pb::FollowUpOutcomeResponse response;
  if (c.request_path.empty()) {
    if (!facts_path.empty()) {
      if (auto code = read_json_file(c.name, facts_path, "facts", request)) {
        return *code;
      }
    }
    if (auto code = one.load(*request.mutable_cadre())) {
      return *code;
    }
    request.set_as_of(one.as_of);
    request.set_plan_id(plan_id);
    request.set_kind(kind);
    request.set_decided_on(decided_on);
    request.set_record_id(record_id);
    request.set_check_only(check_only);
  }
  c.flags = {{"as_of", "--as-of"},
             {"plan_id", "--plan"},
             {"kind", "--kind"},
             {"decided_on", "--decided-on"},
             {"record_id", "--record-id"}};
  if (auto code = c.run(request, response)) {
    // Re-appointment refused on the day: what the check found, for the officer.
    if (request.kind() != pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED || request.check_only() ||
        c.json) {
      return *code;
    }
    request.set_check_only(true);
    pb::FollowUpOutcomeResponse check;
    if (!service::call(op, service::builtin_engine(), request, check).ok() ||
        !check.has_reappointment() || check.reappointment().allowed()) {
      return *code;
    }
    one.out.reappointment(check.reappointment());
    return kExitRefused;
  }
  const bool only = request.check_only();
  if (only) {
    one.update = false;  // nothing decided, nothing to write
  }
  return one.finish(c, response, [&] { one.out.print(response, only); });
}

}  // namespace cadre::cli
