// cadre tolerance: error tolerance (容错).
//   cadre tolerance evaluate CLAIM.json [--as-of DATE] [--tolerance FILE]... [--lang L]
//                                       [--format json]
// The operation tolerance_evaluate of the library's table: the claim (a cadre.v1.ToleranceClaim
// in protobuf JSON) evaluated against the criteria in force, shipped and the host's
// (--tolerance), into a proposal that is never a decision. `--request FILE` runs it on a whole
// JSON request instead. Tables are in zh-CN and English (--lang), or the response as JSON
// (--format json). Errors name the field of the claim (claim.facts[0].recorded_on).
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/v1/tolerance_service.pb.h"
#include "cli.hpp"
#include "codec/codec.hpp"
#include "service/service.hpp"

namespace cadre::cli {
namespace {

namespace pb = ::cadre::v1;

struct Printer : Bilingual {
  static std::string mark(pb::CriterionStatus s) {
    switch (s) {
      case pb::CRITERION_STATUS_MET:
        return "[+]";
      case pb::CRITERION_STATUS_NOT_MET:
        return "[-]";
      default:
        return "[?]";
    }
  }

  void print(const pb::ToleranceEvaluateResponse &r) const {
    const pb::ToleranceEvaluation &e = r.evaluation();
    std::cout << text("容错申请", "claim") << " " << e.claim_id() << "  "
              << text("所涉记录", "concerns") << " "
              << label(static_cast<RecordKind>(e.concerns().kind())) << " " << e.concerns().id()
              << "\n  " << text("认定标准", "criteria") << " " << e.model_id() << " v"
              << e.model_version() << " (" << e.content_hash().substr(0, 16) << ")  "
              << text("截至", "as of") << " " << (r.as_of().empty() ? "-" : r.as_of()) << "\n";
    std::cout << text("建议", "proposal") << ": "
              << label(static_cast<ToleranceProposal>(e.proposal()));
    if (!e.alternatives().empty()) {
      std::cout << "  (" << text("可选", "open") << ": ";
      for (int i = 0; i < e.alternatives_size(); ++i) {
        std::cout << (i == 0 ? "" : ", ")
                  << label(static_cast<ToleranceProposal>(e.alternatives(i)));
      }
      std::cout << ")";
    }
    std::cout << "\n  " << text(e.explanation()) << "\n";
    if (!e.effects().empty()) {
      std::cout << text("影响", "effects") << ":";
      for (int i = 0; i < e.effects_size(); ++i) {
        std::cout << (i == 0 ? " " : ", ") << label(static_cast<ExemptionEffect>(e.effects(i)));
      }
      std::cout << "\n";
    }
    if (e.shortened_months() >= 0) {
      std::cout << text("缩短后的影响期", "shortened impact period") << ": " << e.shortened_months()
                << " " << text("个月", "months") << "\n";
    }
    for (const int x : e.exclusions_hit()) {
      std::cout << text("排除情形", "exclusion") << ": "
                << label(static_cast<ExemptionExclusion>(x)) << "\n";
    }
    if (!e.missing().empty()) {
      std::cout << text("待记录的事实", "facts to record") << ":\n";
      for (const pb::ToleranceMissingFact &m : e.missing()) {
        std::cout << "  " << m.key() << " (" << text(m.name()) << ")"
                  << (m.judgement() ? "  " + text("［需作出判断］", "[a judgement]") : "") << "\n";
      }
    }
    for (const std::string &p : r.not_yet_recorded()) {
      std::cout << text("截至当日尚未记录", "recorded after the day") << ": " << p << "\n";
    }
    for (const std::string &k : e.ignored_facts()) {
      std::cout << text("标准未使用的事实", "fact the criteria do not read") << ": " << k << "\n";
    }
    std::cout << text("各项标准", "groups and criteria") << ":\n";
    for (const pb::ToleranceGroupResult &g : e.groups()) {
      std::cout << "  " << mark(g.status()) << " " << g.key() << "  " << text(g.name()) << "  ("
                << label(static_cast<ToleranceRole>(g.role())) << ")\n";
      for (const pb::ToleranceCriterionResult &c : g.criteria()) {
        std::cout << "      " << mark(c.status()) << " " << c.key() << "  " << text(c.name());
        for (const pb::Fact &f : c.facts()) {
          std::cout << "  " << f.name() << "=" << f.value() << " (" << f.field_path() << ")";
        }
        std::cout << "\n";
        for (const pb::Citation &ci : c.citations()) {
          std::cout << "          " << citation(ci) << "\n";
        }
      }
    }
  }
};

}  // namespace

int cmd_tolerance_evaluate(const service::Operation &op, const Args &args) {
  OperationCommand c(op);
  po::options_description desc("cadre tolerance evaluate CLAIM.json [options]\n" +
                               std::string(op.brief));
  std::string claim_path;
  std::string as_of;
  std::string format = "table";
  std::string lang_s = "both";
  std::vector<std::string> tolerance_files;
  desc.add_options()("help,h", "print this help")(
      "claim", po::value(&claim_path),
      "the claim: a cadre.v1.ToleranceClaim in protobuf JSON (or the first argument; - for "
      "standard input)")("as-of", po::value(&as_of),
                         "the evaluation as it stood on a day: the facts recorded after it are "
                         "left out (default: every fact counts)")(
      "tolerance", po::value(&tolerance_files),
      "a file of criteria of error tolerance to add to the shipped ones (a province's rules, "
      "docs/tolerance.md); may be repeated")("format", po::value(&format),
                                             "output: table (default) or json")(
      "lang", po::value(&lang_s), "table language: zh-CN, en or both (default)")(
      "request", po::value(&c.request_path),
      ("the whole request instead of the options: a " + op.request->GetDescriptor()->full_name() +
       " in protobuf JSON (- for standard input)")
          .c_str());
  po::positional_options_description pos;
  pos.add("claim", 1);
  po::variables_map vm;
  if (auto code = parse_options(c.name, args, desc, pos, vm)) {
    return *code;
  }
  Printer out;
  if (!parse_choice<bool>(c.name, "--format", format, {{"table", false}, {"json", true}}, c.json) ||
      !parse_choice<Lang>(
          c.name, "--lang", lang_s,
          {{"zh-CN", Lang::kZh}, {"zh", Lang::kZh}, {"en", Lang::kEn}, {"both", Lang::kBoth}},
          out.lang)) {
    return kExitUsage;
  }
  std::optional<Engine> engine;
  if (!tolerance_files.empty()) {
    EngineConfig config = service::builtin_engine().config();
    for (const std::string &file : tolerance_files) {
      std::string text;
      if (auto st = read_file(file, text); !st.ok()) {
        complain(c.name, "--tolerance: " + st.message());
        return kExitInput;
      }
      if (auto st = config.tolerance.add_text(text, file); !st.ok()) {
        complain(c.name, "--tolerance " + file + ": " + st.to_string());
        return kExitInput;
      }
    }
    engine.emplace(std::move(config));
    c.engine = &*engine;
  }
  pb::ToleranceEvaluateRequest request;
  pb::ToleranceEvaluateResponse response;
  if (c.request_path.empty()) {
    if (claim_path.empty()) {
      complain(c.name, "CLAIM.json: required");
      return kExitUsage;
    }
    if (auto code = read_json_file(c.name, claim_path, "claim", *request.mutable_claim())) {
      return *code;
    }
    request.set_as_of(as_of);
  }
  c.flags = {{"as_of", "--as-of"}};
  if (auto code = c.run(request, response)) {
    return *code;
  }
  if (c.json) {
    return print_json(c.name, response) ? kExitOk : kExitInput;
  }
  out.print(response);
  return kExitOk;
}

}  // namespace cadre::cli
