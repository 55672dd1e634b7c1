// cadre grade-cap: the best annual grade still allowed for a year, and why.
#include <iostream>

#include "cadre/v1/eligibility.pb.h"
#include "cli.hpp"
#include "up_output.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

// The rows of the table: each cap with its reasons, then the record errors.
void print_caps(const pb::GradeCapResponse &r, Lang lang) {
  for (const pb::GradeCap &c : r.caps()) {
    std::cout << c.cadre_id() << "  " << c.year() << "  "
              << zh_or_en(lang, "最高可评 ", "best allowed ")
              << label_of(static_cast<AssessmentGrade>(c.best_allowed()), lang) << "\n";
    print_blockers(c.reasons(), c.waived(), lang, std::cout);
  }
  print_errors(r.errors(), lang, std::cout);
}

}  // namespace

int cmd_grade_cap(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  int year = 0;
  command.desc.add_options()("year", po::value(&year), "the year assessed");
  command.flags = {{"year", "--year"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  pb::GradeCapRequest request;
  pb::GradeCapResponse response;
  if (auto code = command.answer(
          request, response,
          [&](pb::GradeCapRequest &r) {
            r.set_year(year);
            return std::optional<int>();
          },
          [&](const pb::GradeCapResponse &r) { print_caps(r, command.lang); })) {
    return *code;
  }
  return kExitOk;
}

}  // namespace cadre::cli
