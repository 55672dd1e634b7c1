// cadre — the command-line tool. One command per file; the commands of the
// operations come from the library's operation table (src/service/
// operations.cc): each operation is a command, with options of its own when
// it has a file here, and `--request FILE.json` in any case.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/version.h"
#include "cli.hpp"
#include "followup_commands.hpp"

namespace {

using cadre::cli::Args;
namespace svc = cadre::service;

// The commands of operations that have options and a table of their own; an
// operation not listed here gets the generic command (cli.cc: run_generic).
struct OperationCommandEntry {
  std::string_view operation;
  int (*run)(const svc::Operation &, const Args &);
};
constexpr OperationCommandEntry kOperationCommands[] = {
    {"screen", cadre::cli::cmd_screen},
    {"eligibility", cadre::cli::cmd_eligibility},
    {"grade_cap", cadre::cli::cmd_grade_cap},
    {"warnings", cadre::cli::cmd_warnings},
    {"consistency", cadre::cli::cmd_consistency},
    {"calendar_day", cadre::cli::cmd_calendar_day},
    {"calendar_add", cadre::cli::cmd_calendar_add},
    {"calendar_count", cadre::cli::cmd_calendar_count},
    {"calendar_period_end", cadre::cli::cmd_calendar_period_end},
    {"calendar_roll_forward", cadre::cli::cmd_calendar_roll_forward},
    {"case_open", cadre::cli::cmd_case_open},
    {"case_record", cadre::cli::cmd_case_record},
    {"case_show", cadre::cli::cmd_case_show},
    {"case_due", cadre::cli::cmd_case_due},
    {"case_verify", cadre::cli::cmd_case_verify},
    {"case_export", cadre::cli::cmd_case_export},
    {"case_import", cadre::cli::cmd_case_import},
    {"case_digest", cadre::cli::cmd_case_digest},
    {"tolerance_evaluate", cadre::cli::cmd_tolerance_evaluate},
    {"followup_plan", cadre::cli::cmd_followup_plan},
    {"followup_record", cadre::cli::cmd_followup_record},
    {"followup_due", cadre::cli::cmd_followup_due},
    {"followup_outcome", cadre::cli::cmd_followup_outcome},
    {"identify", cadre::cli::cmd_identify},
};

// The commands that are not operations of an engine.
struct ToolCommand {
  std::string_view name;
  std::string_view brief;
  int (*run)(const Args &);
};
constexpr ToolCommand kToolCommands[] = {
    {"generate", "write a synthetic province (.json, .pb or the stream form .cadres)",
     cadre::cli::cmd_generate},
    {"convert", "convert a roster between .json, .pb and .cadres", cadre::cli::cmd_convert},
    {"validate", "print every error of a roster with its field path", cadre::cli::cmd_validate},
    {"catalogue", "list the catalogues and rules, or show one with its citations",
     cadre::cli::cmd_catalogue},
    {"report",
     "the quarterly dispatch or the annual bulletin of a roster and its case store, as JSON, "
     "CSV or an HTML page",
     cadre::cli::cmd_report},
};

int run_operation(const svc::Operation &op, const Args &args) {
  for (const OperationCommandEntry &c : kOperationCommands) {
    if (c.operation == op.name) {
      return c.run(op, args);
    }
  }
  return cadre::cli::run_generic(op, args);
}

void usage(std::ostream &os) {
  os << "usage: cadre <command> [options]\ncommands:\n";
  const auto line = [&os](std::string_view name, std::string_view brief) {
    os << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ');
    // The brief up to its first colon or parenthesis.
    std::string_view text = brief.substr(0, brief.find_first_of(":("));
    text = text.substr(0, text.find_last_not_of(" ,.") + 1);
    os << text << "\n";
  };
  for (const svc::Operation &op : svc::operations()) {
    line(op.cli_command(), op.brief);
  }
  for (const ToolCommand &c : kToolCommands) {
    line(c.name, c.brief);
  }
  line("version", "print the version");
  os << "run 'cadre <command> --help' for the options of a command\n";
}

}  // namespace

int main(int argc, char **argv) {
  // The CLI writes through iostreams only: its own buffer instead of one stdio call per insertion
  // (an answer of 100,000 lines spends a tenth of its time there otherwise).
  std::ios::sync_with_stdio(false);
  try {
    if (argc < 2) {
      usage(std::cerr);
      return cadre::cli::kExitUsage;
    }
    std::string cmd = argv[1];
    Args args(argv + 2, argv + argc);
    // `cadre calendar add ...` is `cadre calendar-add ...`; `is-working-day` is `day`.
    if (cmd == "calendar" && !args.empty()) {
      cmd += "-" + (args.front() == "is-working-day" ? std::string("day") : args.front());
      args.erase(args.begin());
    }
    // `cadre case record ...` is `cadre case-record ...`; `cadre tolerance evaluate ...` is
    // `cadre tolerance-evaluate ...`; `cadre followup due ...` is `cadre followup-due ...`.
    if ((cmd == "case" || cmd == "tolerance" || cmd == "followup") && !args.empty()) {
      cmd += "-" + args.front();
      args.erase(args.begin());
    }
    if (const svc::Operation *op = svc::find_command(cmd)) {
      return run_operation(*op, args);
    }
    for (const ToolCommand &c : kToolCommands) {
      if (c.name == cmd) {
        return c.run(args);
      }
    }
    if (cmd == "version" || cmd == "--version") {
      std::cout << "cadre " << CADRE_VERSION_STRING << " (ABI " << CADRE_ABI_VERSION << ")\n";
      return cadre::cli::kExitOk;
    }
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
      usage(std::cout);
      return cadre::cli::kExitOk;
    }
    std::cerr << "cadre: unknown command '" << cmd << "'\n";
    usage(std::cerr);
    return cadre::cli::kExitUsage;
  } catch (const std::exception &e) {
    std::cerr << "cadre: " << e.what() << "\n";
    return cadre::cli::kExitInput;
  }
}
