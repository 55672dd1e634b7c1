// cadre consistency: sanctions without adjustment, adjustments in place of a sanction.
#include <iostream>

#include "cadre/v1/eligibility.pb.h"
#include "cli.hpp"
#include "up_output.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

// The rows of the table: each flag, then the record errors.
void print_flags(const pb::ConsistencyResponse &r, Lang lang) {
  for (const pb::ConsistencyFlag &f : r.flags()) {
    std::cout << f.cadre_id() << "  " << f.rule_id() << "  " << zh_or_en(lang, "记录 ", "record ")
              << f.record().id()
              << (f.due_on().empty()
                      ? ""
                      : std::string(zh_or_en(lang, "  期限 ", "  due ")) + f.due_on())
              << "\n";
    print_explanation(f.explanation(), lang, "    ", std::cout);
  }
  print_errors(r.errors(), lang, std::cout);
}

}  // namespace

int cmd_consistency(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  std::string as_of;
  command.desc.add_options()("as-of", po::value(&as_of), "as of this date, YYYY-MM-DD");
  command.flags = {{"as_of", "--as-of"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  pb::ConsistencyRequest request;
  pb::ConsistencyResponse response;
  if (auto code = command.answer(
          request, response,
          [&](pb::ConsistencyRequest &r) {
            r.set_as_of(as_of);
            return std::optional<int>();
          },
          [&](const pb::ConsistencyResponse &r) { print_flags(r, command.lang); })) {
    return *code;
  }
  return kExitOk;
}

}  // namespace cadre::cli
