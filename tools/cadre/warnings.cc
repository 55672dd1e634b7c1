// cadre warnings: what is coming in the months ahead, in calendar order.
#include <iostream>

#include "cadre/v1/eligibility.pb.h"
#include "cli.hpp"
#include "up_output.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

// The rows of the table: each warning, then the record errors.
void print_warnings(const pb::WarningsResponse &r, Lang lang) {
  for (const pb::ForwardWarning &w : r.warnings()) {
    std::cout << w.on() << "  " << w.cadre_id() << "  " << w.rule_id() << "  "
              << zh_or_en(lang, "记录 ", "record ") << w.record().id() << "\n";
    print_explanation(w.explanation(), lang, "    ", std::cout);
  }
  print_errors(r.errors(), lang, std::cout);
}

}  // namespace

int cmd_warnings(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  std::string as_of;
  int horizon = 12;
  command.desc.add_options()("as-of", po::value(&as_of), "first day of the window, YYYY-MM-DD")(
      "horizon", po::value(&horizon), "months ahead, 0 to 600 (default 12)");
  command.flags = {{"as_of", "--as-of"}, {"horizon_months", "--horizon"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  pb::WarningsRequest request;
  pb::WarningsResponse response;
  if (auto code = command.answer(
          request, response,
          [&](pb::WarningsRequest &r) {
            r.set_as_of(as_of);
            r.set_horizon_months(horizon);
            return std::optional<int>();
          },
          [&](const pb::WarningsResponse &r) { print_warnings(r, command.lang); })) {
    return *code;
  }
  return kExitOk;
}

}  // namespace cadre::cli
