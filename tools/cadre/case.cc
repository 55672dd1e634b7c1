// cadre case: procedure cases kept in a case store (--store, default ./cadre-cases.db).
//   cadre case open --from-finding RULE --cadre ID [--roster FILE] --as-of DATE [--id CASE]
//   cadre case open --early-warning W --cadre ID [--roster FILE] [--id CASE]
//   cadre case open --exemption-claim C --cadre ID [--roster FILE] [--id CASE]
//   cadre case record EVENT.json --id CASE [--expected-head HEX]
//   cadre case show CASE [--as-of DATE] [--events]
//   cadre case due [--as-of DATE] [--overdue] [--procedure ID]
//   cadre case verify [CASE | --all]
//   cadre case export FILE      cadre case import FILE
// Each is an operation of the library's table (case_open ... case_import) run on the store;
// `--request FILE` runs it on a whole JSON request instead. Tables are in zh-CN and English
// (--lang), or the response as JSON (--format json). A step refused, or a chain that does not
// verify, exits with 3.
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cadre/sqlite_store.hpp"
#include "cadre/v1/case_service.pb.h"
#include "cadre/v1/statistics_service.pb.h"
#include "cli.hpp"
#include "codec/codec.hpp"
#include "codec/procedure_codec.hpp"
#include "service/service.hpp"

namespace cadre::cli {
namespace {

namespace pb = ::cadre::v1;

// Today, YYYY-MM-DD (local time): the default day of `due` and `show`.
std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0) {
    return {};
  }
  return buf;
}

// What every case command shares: the store, the engine (with --procedures), the output.
struct CaseCommand : Bilingual {
  const service::Operation &op;
  std::string name;
  po::options_description desc;
  po::positional_options_description pos;
  std::string store_path = "cadre-cases.db";
  std::vector<std::string> procedure_files;
  std::string format = "table";
  std::string lang_s = "both";
  std::string request_path;
  bool json = false;
  std::optional<Engine> engine;
  std::unique_ptr<CaseStore> store;

  CaseCommand(const service::Operation &operation, const std::string &usage)
      : op(operation),
        name(operation.cli_command()),
        desc("cadre " + usage + "\n" + std::string(operation.brief)) {
    desc.add_options()("help,h", "print this help")(
        "store", po::value(&store_path),
        "the case store, an SQLite file (default: cadre-cases.db in the current directory)")(
        "procedures", po::value(&procedure_files),
        "a file of procedure definitions to add to the shipped ones (a province's 实施细则, "
        "docs/procedure-format.md); may be repeated")("format", po::value(&format),
                                                      "output: table (default) or json")(
        "lang", po::value(&lang_s), "table language: zh-CN, en or both (default)")(
        "request", po::value(&request_path),
        ("the whole request instead of the options: a " + op.request->GetDescriptor()->full_name() +
         " in protobuf JSON (- for standard input)")
            .c_str());
  }

  // Parses the options, builds the engine and opens the store.
  std::optional<int> parse(const Args &args) {
    po::variables_map vm;
    if (auto code = parse_options(name, args, desc, pos, vm)) {
      return code;
    }
    if (!parse_choice<bool>(name, "--format", format, {{"table", false}, {"json", true}}, json) ||
        !parse_choice<Lang>(
            name, "--lang", lang_s,
            {{"zh-CN", Lang::kZh}, {"zh", Lang::kZh}, {"en", Lang::kEn}, {"both", Lang::kBoth}},
            lang)) {
      return kExitUsage;
    }
    EngineConfig config = service::builtin_engine().config();
    for (const std::string &file : procedure_files) {
      std::string text;
      if (auto st = read_file(file, text); !st.ok()) {
        complain(name, "--procedures: " + st.message());
        return kExitInput;
      }
      if (auto st = codec::add_procedures_text(config.procedures, text, file); !st.ok()) {
        complain(name, "--procedures " + file + ": " + st.to_string());
        return kExitInput;
      }
    }
    if (!procedure_files.empty()) {
      engine.emplace(std::move(config));
    }
    auto opened = open_sqlite_store(store_path);
    if (!opened.ok()) {
      complain(name, "--store " + store_path + ": " + opened.status().to_string());
      return kExitInput;
    }
    store = std::move(opened).value();
    return std::nullopt;
  }

  // Runs the operation on @p request (or the --request file), naming the flag of a bad field.
  std::optional<int> run(google::protobuf::Message &request, google::protobuf::Message &response,
                         std::vector<std::pair<std::string, std::string>> flags) const {
    OperationCommand c(op);
    c.request_path = request_path;
    c.flags = std::move(flags);
    c.engine = engine ? &*engine : nullptr;
    c.store = store.get();
    return c.run(request, response);
  }

  void print_citation(const pb::Citation &c) const { std::cout << "      " << citation(c) << "\n"; }

  void print_due(const pb::CaseDue &d, bool with_case) const {
    std::cout << "  ";
    if (with_case) {
      std::cout << d.case_id() << "  " << d.cadre_id() << "  ";
    }
    std::cout << d.stage() << " (" << text(d.stage_name()) << ")";
    if (!d.task().empty()) {
      std::cout << "  " << text("事项", "task") << " " << d.task();
    } else if (d.branch()) {
      std::cout << "  " << text("［申诉等分支］", "[branch]");
    }
    if (d.optional()) {
      std::cout << "  " << text("（可选）", "(optional)");
    }
    if (!d.deadline().empty()) {
      const bool not_before = d.effect() == pb::DEADLINE_EFFECT_NOT_BEFORE;
      std::cout << "  " << (not_before ? text("不早于", "not before") : text("期限", "deadline"))
                << " " << d.deadline();
      if (d.from_policy()) {
        std::cout << " " << text("（立案发现的政策期限）", "(the finding's policy)");
      }
    }
    if (d.overdue()) {
      std::cout << "  " << text("已逾期", "OVERDUE") << " " << d.working_days_overdue() << " "
                << text("个工作日", "working days");
    }
    std::cout << "\n";
    for (const pb::Citation &c : d.citations()) {
      print_citation(c);
    }
  }

  // The label of a schema enum's value in the language asked.
  template <typename E>
  [[nodiscard]] std::string enum_text(E value) const {
    return text(label_of(value, Lang::kZh), label_of(value, Lang::kEn));
  }

  // A 容错认定 case's decision, as the exemption module takes it.
  void print_exemption(const pb::CaseExemptionDecision &e) const {
    const pb::ExemptionClaim &c = e.claim();
    std::cout << text("容错认定", "error-tolerance decision") << ": " << text("申请", "claim")
              << " " << (c.id().empty() ? "-" : c.id()) << "  " << text("所涉记录", "concerns")
              << " " << enum_text(static_cast<RecordKind>(c.concerns().kind())) << " "
              << c.concerns().id() << "\n  ";
    if (!e.decided()) {
      std::cout << text("待决定", "pending") << "\n";
      return;
    }
    std::cout << enum_text(static_cast<ExemptionDecision>(c.decision())) << "  "
              << text("决定日期", "decided on") << " " << c.decided_on() << "  "
              << enum_text(static_cast<AuthorityKind>(c.authority()));
    if (!e.decided_by().empty()) {
      std::cout << " " << e.decided_by();
    }
    if (!e.document_ref().empty()) {
      std::cout << "  " << e.document_ref();
    }
    std::cout << "\n";
    if (c.impact_months() > 0) {
      std::cout << "  " << text("影响期", "impact period") << " " << c.impact_months() << " "
                << text("个月", "months") << "\n";
    }
    for (const int eff : c.effects_cancelled()) {
      std::cout << "  " << text("不受影响：", "no effect on: ")
                << enum_text(static_cast<ExemptionEffect>(eff)) << "\n";
    }
    for (const std::string &m : e.remedial_measures()) {
      std::cout << "  " << text("补救措施", "remedial measure") << " " << m << "\n";
    }
    std::cout << "  "
              << text("自决定之日起由容错模块适用（合并入干部记录）",
                      "applies from the day of the decision (merged into the cadre's record)")
              << "\n";
  }

  void print_view(const pb::CaseView &v) const {
    std::cout << text("案件", "case") << " " << v.id() << "  " << text(v.procedure_name()) << " ("
              << v.procedure_id() << ")\n"
              << "  " << text("干部", "cadre") << " " << v.cadre_id() << "  "
              << text("地区", "region") << " " << v.region() << "  " << text("立案", "opened")
              << " " << v.opened_on() << "  " << text("来源", "from") << " " << v.opened_by()
              << "\n"
              << "  " << text("事件", "events") << " " << v.events() << "  " << text("链头", "head")
              << " " << v.head().substr(0, 16) << "\n";
    if (v.ended()) {
      std::cout << "  " << text("已办结", "ended") << "\n";
    } else if (v.current_stage().empty()) {
      std::cout << "  " << text("主线已办结，尚有待办事项", "main line ended; tasks still open")
                << "\n";
    } else {
      std::cout << "  " << text("当前阶段", "current stage") << ": " << v.current_stage() << "\n";
    }
    std::cout << text("阶段", "stages") << ":\n";
    for (const pb::CaseStageState &s : v.stages()) {
      const bool done = !s.completed_on().empty();
      const bool here = s.key() == v.current_stage();
      std::cout << "  "
                << (done   ? "[x]"
                    : here ? "[>]"
                           : "[ ]")
                << " " << s.key() << " (" << text(s.name()) << ")";
      if (done) {
        std::cout << "  " << s.completed_on() << "  " << s.outcome();
        if (s.completions() > 1) {
          std::cout << " x" << s.completions();
        }
        if (s.by_record()) {
          std::cout << "  " << text("（据立案记录）", "(by the opening record)");
        }
      } else if (!s.entered_on().empty()) {
        std::cout << "  " << text("进入", "entered") << " " << s.entered_on();
      }
      std::cout << "\n";
    }
    std::cout << text("待办", "due") << " (" << text("截至", "as of") << " " << v.as_of() << "):\n";
    if (v.due().empty()) {
      std::cout << "  " << text("无", "nothing") << "\n";
    }
    for (const pb::CaseDue &d : v.due()) {
      print_due(d, false);
    }
    for (const pb::CaseLateStep &l : v.late()) {
      std::cout << "  " << text("逾期完成", "completed late") << ": " << l.stage()
                << (l.task().empty() ? "" : " " + l.task()) << " " << l.completed_on() << " ("
                << text("期限", "deadline") << " " << l.deadline() << ", " << l.working_days()
                << " " << text("个工作日", "working days") << ")\n";
    }
    if (v.has_exemption()) {
      print_exemption(v.exemption());
    }
    for (const pb::CaseFindingsDiff &a : v.appeals()) {
      std::cout << "  " << text("申诉复核", "appeal re-run") << " " << a.as_of() << ": "
                << a.changes_size() << " " << text("项变化", "changes") << "\n";
    }
    if (!v.log().empty()) {
      std::cout << text("事件链", "log") << ":\n";
      for (const pb::CaseLoggedEvent &e : v.log()) {
        std::cout << "  #" << e.seq() << "  " << e.event().day() << "  "
                  << (e.event().kind() == pb::CaseEvent::KIND_OPEN
                          ? text("立案", "opening")
                          : e.event().stage() + " → " + e.event().outcome())
                  << "  " << e.link().substr(0, 16) << "\n";
      }
    }
  }

  // Prints @p m as JSON, or @p table.
  template <typename F>
  int print(const google::protobuf::Message &m, F &&table) const {
    if (json) {
      return print_json(name, m) ? kExitOk : kExitInput;
    }
    table();
    return kExitOk;
  }
};

}  // namespace

int cmd_case_open(const service::Operation &op, const Args &args) {
  CaseCommand c(op,
                "case open --from-finding RULE --cadre ID --as-of DATE | --early-warning ID "
                "--cadre ID | --exemption-claim ID --cadre ID [options]");
  std::string rule_id;
  std::string warning_id;
  std::string claim_id;
  std::string cadre_id;
  std::string roster_path;
  std::string as_of;
  std::string case_id;
  std::string region;
  std::string opened_on;
  c.desc.add_options()("from-finding", po::value(&rule_id),
                       "the rule whose finding opens the case (问责 or 不适宜)")(
      "early-warning", po::value(&warning_id),
      "or: the id of the cadre's 诫勉 record whose follow-up steps the case runs")(
      "exemption-claim", po::value(&claim_id),
      "or: the id of the cadre's pending 容错 claim that a 容错认定 case decides")(
      "cadre", po::value(&cadre_id), "the cadre's id in the roster")(
      "roster", po::value(&roster_path),
      "roster file (.json, .pb or .cadres); default: the bundled example roster")(
      "as-of", po::value(&as_of), "the day the cadre is screened as of (for a finding)")(
      "id", po::value(&case_id), "the new case's id (default: CADRE/RULE or CADRE/RECORD)")(
      "region", po::value(&region), "administrative division code (default: CN)")(
      "opened-on", po::value(&opened_on), "the day the case is opened (default: --as-of)");
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseOpenRequest request;
  pb::CaseOpenResponse response;
  if (c.request_path.empty()) {
    if (cadre_id.empty()) {
      complain(c.name, "--cadre: required");
      return kExitUsage;
    }
    OperationCommand reader(op);
    reader.roster_path = roster_path.empty() ? CADRE_DEFAULT_ROSTER : roster_path;
    reader.only = cadre_id;
    google::protobuf::RepeatedPtrField<pb::Cadre> cadres;
    if (auto code = reader.read_cadres(cadres)) {
      return *code;
    }
    if (cadres.empty()) {
      complain(c.name, "--cadre: no cadre with this id in " + reader.roster_path);
      return kExitInput;
    }
    request.mutable_cadre()->Swap(cadres.Mutable(0));
    request.set_rule_id(rule_id);
    request.set_early_warning_id(warning_id);
    request.set_exemption_claim_id(claim_id);
    request.set_as_of(as_of);
    request.set_region(region);
    request.set_opened_on(opened_on);
    const std::string source = !rule_id.empty()      ? rule_id
                               : !warning_id.empty() ? warning_id
                                                     : claim_id;
    request.set_case_id(case_id.empty() ? cadre_id + "/" + source : case_id);
  }
  if (auto code = c.run(request, response,
                        {{"case_id", "--id"},
                         {"rule_id", "--from-finding"},
                         {"early_warning_id", "--early-warning"},
                         {"exemption_claim_id", "--exemption-claim"},
                         {"as_of", "--as-of"},
                         {"region", "--region"},
                         {"opened_on", "--opened-on"},
                         {"cadre", "--cadre"}})) {
    return *code;
  }
  return c.print(response, [&] { c.print_view(response.case_()); });
}

int cmd_case_record(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case record EVENT.json --id CASE [options]");
  std::string event_path;
  std::string case_id;
  std::string expected_head;
  c.desc.add_options()("event", po::value(&event_path),
                       "the step: a cadre.v1.CaseEvent in protobuf JSON (or the first argument; - "
                       "for standard input)")("id", po::value(&case_id), "the case")(
      "expected-head", po::value(&expected_head),
      "the head last seen (refused with ABORTED if the case moved on)");
  c.pos.add("event", 1);
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseRecordRequest request;
  pb::CaseRecordResponse response;
  if (c.request_path.empty()) {
    if (event_path.empty()) {
      complain(c.name, "EVENT.json: required");
      return kExitUsage;
    }
    if (auto code = read_json_file(c.name, event_path, "event", *request.mutable_event())) {
      return *code;
    }
    request.set_case_id(case_id);
    request.set_expected_head(expected_head);
  }
  if (auto code =
          c.run(request, response, {{"case_id", "--id"}, {"expected_head", "--expected-head"}})) {
    return *code;
  }
  const int printed = c.print(response, [&] {
    if (response.accepted()) {
      std::cout << c.text("已记录", "recorded") << " #" << response.logged().seq() << "  "
                << response.logged().link().substr(0, 16) << "\n";
    } else {
      const pb::CaseEventRejection &r = response.rejection();
      std::cout << c.text("不予记录", "REFUSED") << ": "
                << label_of(static_cast<CaseRejection>(r.reason()), c.lang) << "  (" << r.field()
                << ")\n  " << c.text(r.message()) << "\n";
      c.print_citation(r.citation());
    }
    c.print_view(response.case_());
  });
  return printed == kExitOk && !response.accepted() ? kExitRefused : printed;
}

int cmd_case_show(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case show CASE [options]");
  std::string case_id;
  std::string as_of;
  bool events = false;
  c.desc.add_options()("id", po::value(&case_id), "the case (or the first argument)")(
      "as-of", po::value(&as_of), "the day asked about (default: today)")(
      "events", po::bool_switch(&events), "list the events of the chain");
  c.pos.add("id", 1);
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseShowRequest request;
  pb::CaseShowResponse response;
  request.set_case_id(case_id);
  request.set_as_of(as_of.empty() ? today() : as_of);
  request.set_with_events(events);
  if (auto code = c.run(request, response, {{"case_id", "CASE"}, {"as_of", "--as-of"}})) {
    return *code;
  }
  return c.print(response, [&] { c.print_view(response.case_()); });
}

int cmd_case_due(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case due [options]");
  std::string as_of;
  std::string procedure;
  bool overdue = false;
  c.desc.add_options()("as-of", po::value(&as_of), "the day asked about (default: today)")(
      "overdue", po::bool_switch(&overdue), "only what is overdue")(
      "procedure", po::value(&procedure), "only cases following this definition");
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseDueRequest request;
  pb::CaseDueResponse response;
  request.set_as_of(as_of.empty() ? today() : as_of);
  request.set_overdue_only(overdue);
  request.set_procedure_id(procedure);
  if (auto code =
          c.run(request, response, {{"as_of", "--as-of"}, {"procedure_id", "--procedure"}})) {
    return *code;
  }
  return c.print(response, [&] {
    std::cout << c.text("截至", "as of") << " " << response.as_of() << ": " << response.cases()
              << " " << c.text("件案件", "cases") << ", " << response.open() << " "
              << c.text("件未办结", "open") << ", " << response.overdue() << " "
              << c.text("件逾期", "overdue") << "\n";
    for (const pb::CaseDue &d : response.due()) {
      c.print_due(d, true);
    }
    for (const pb::CaseProblem &p : response.problems()) {
      std::cout << "  " << c.text("无法核验", "CANNOT REPLAY") << " " << p.case_id() << " "
                << p.field() << ": " << p.message() << "\n";
    }
  });
}

int cmd_case_digest(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case digest [options]");
  std::string as_of;
  c.desc.add_options()("as-of", po::value(&as_of), "the day asked about (default: today)");
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseDigestRequest request;
  pb::CaseDigestResponse response;
  request.set_as_of(as_of.empty() ? today() : as_of);
  if (auto code = c.run(request, response, {{"as_of", "--as-of"}})) {
    return *code;
  }
  return c.print(response, [&] {
    std::cout << c.text("截至", "as of") << " " << response.as_of() << ": " << response.cases_size()
              << " " << c.text("件调整程序", "adjustment procedures") << "\n";
    for (const pb::CaseDigest &d : response.cases()) {
      std::cout << "  " << d.case_id() << "  " << d.cadre_id() << "  "
                << c.text(std::string(label(static_cast<Channel>(d.channel()), Language::kZhCn)),
                          std::string(label(static_cast<Channel>(d.channel()), Language::kEn)))
                << "  " << d.opened_on() << " → "
                << (d.ended_on().empty() ? c.text("办理中", "open") : d.ended_on());
      if (!d.ended_on().empty()) {
        std::cout << "  "
                  << (d.carried_out() ? c.text("已执行", "carried out")
                                      : c.text("未调整", "nobody adjusted"));
      }
      if (d.working_days_overdue() > 0) {
        std::cout << "  " << c.text("逾期", "overdue") << " " << d.working_days_overdue() << " "
                  << c.text("个工作日", "working days");
      }
      std::cout << "\n";
    }
    for (const pb::CaseProblem &p : response.problems()) {
      std::cout << "  " << c.text("无法核验", "CANNOT REPLAY") << " " << p.case_id() << " "
                << p.field() << ": " << p.message() << "\n";
    }
  });
}

int cmd_case_verify(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case verify [CASE | --all] [options]");
  std::string case_id;
  bool all = false;
  c.desc.add_options()("id", po::value(&case_id), "the case (or the first argument)")(
      "all", po::bool_switch(&all), "every case of the store (the default without a case)");
  c.pos.add("id", 1);
  if (auto code = c.parse(args)) {
    return *code;
  }
  if (all && !case_id.empty()) {
    complain(c.name, "give a case or --all, not both");
    return kExitUsage;
  }
  pb::CaseVerifyRequest request;
  pb::CaseVerifyResponse response;
  request.set_case_id(case_id);
  if (auto code = c.run(request, response, {{"case_id", "CASE"}})) {
    return *code;
  }
  const int printed = c.print(response, [&] {
    for (const pb::CaseVerification &v : response.cases()) {
      std::cout << v.case_id() << "  " << v.events() << " " << c.text("个事件", "events") << "  ";
      if (v.ok()) {
        std::cout << c.text("链完整", "chain verified") << "\n";
      } else if (v.chain_broken()) {
        std::cout << c.text("链被篡改：自第", "TAMPERED from event index") << " " << v.first_bad()
                  << (c.lang == Lang::kEn ? "" : c.text(" 个事件（从0计）起", "")) << "\n";
      } else {
        std::cout << c.text("无法重放", "DOES NOT REPLAY") << " " << v.replay().field() << ": "
                  << v.replay().message() << "\n";
      }
    }
    std::cout << response.verified() << " " << c.text("件完整", "verified") << ", "
              << response.broken() << " " << c.text("件异常", "broken") << "\n";
  });
  return printed == kExitOk && response.broken() > 0 ? kExitRefused : printed;
}

int cmd_case_export(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case export FILE [options]");
  std::string path;
  c.desc.add_options()("out", po::value(&path), "the file written (or the first argument)");
  c.pos.add("out", 1);
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseExportRequest request;
  pb::CaseExportResponse response;
  request.set_path(path);
  if (auto code = c.run(request, response, {{"path", "FILE"}})) {
    return *code;
  }
  return c.print(response, [&] {
    std::cout << c.text("已导出", "exported") << " " << response.cases() << " "
              << c.text("件案件", "cases") << ", " << response.events() << " "
              << c.text("个事件", "events") << ", " << response.bytes() << " bytes\n";
  });
}

int cmd_case_import(const service::Operation &op, const Args &args) {
  CaseCommand c(op, "case import FILE [options]");
  std::string path;
  c.desc.add_options()("in", po::value(&path), "the file read (or the first argument)");
  c.pos.add("in", 1);
  if (auto code = c.parse(args)) {
    return *code;
  }
  pb::CaseImportRequest request;
  pb::CaseImportResponse response;
  request.set_path(path);
  if (auto code = c.run(request, response, {{"path", "FILE"}})) {
    return *code;
  }
  return c.print(response, [&] {
    std::cout << c.text("已导入", "imported") << " " << response.cases() << " "
              << c.text("件案件", "cases") << ", " << response.events() << " "
              << c.text("个事件", "events") << "\n";
  });
}

}  // namespace cadre::cli
