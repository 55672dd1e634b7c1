// cadre eligibility: whether cadres may go up as of a date, every blocker and
// the day it lifts.
#include <iostream>

#include "cadre/v1/eligibility.pb.h"
#include "cli.hpp"
#include "up_output.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

// --level: the names of the schema (RANK_LEVEL_COUNTY_PRINCIPAL) and the same
// in lower case with '-' and without the prefix (county-principal).
std::vector<std::pair<std::string, pb::RankLevel>> level_names() {
  std::vector<std::pair<std::string, pb::RankLevel>> out;
  const auto *desc = pb::RankLevel_descriptor();
  for (int i = 0; i < desc->value_count(); ++i) {
    const auto *v = desc->value(i);
    if (v->number() == 0) continue;
    std::string shortname = v->name().substr(std::string("RANK_LEVEL_").size());
    for (char &c : shortname) {
      c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.emplace_back(shortname, static_cast<pb::RankLevel>(v->number()));
  }
  for (int i = 0; i < desc->value_count(); ++i) {
    const auto *v = desc->value(i);
    if (v->number() != 0) out.emplace_back(v->name(), static_cast<pb::RankLevel>(v->number()));
  }
  return out;
}

// The rows of the table: each answer with its blockers, then the record errors.
void print_answers(const pb::EligibilityResponse &r, Lang lang) {
  for (const pb::EligibilityAnswer &a : r.answers()) {
    std::cout << a.cadre_id() << "  " << label_of(static_cast<RankLevel>(a.target_level()), lang)
              << "  "
              << (a.eligible() ? zh_or_en(lang, "可以", "eligible")
                               : zh_or_en(lang, "不可以", "not eligible"));
    if (!a.eligible()) {
      std::cout << "  "
                << (a.eligible_from().empty()
                        ? std::string(zh_or_en(lang, "（有不自行解除的障碍）",
                                               "(a blocker does not lift by itself)"))
                        : std::string(zh_or_en(lang, "最早 ", "from ")) + a.eligible_from());
    }
    std::cout << "\n";
    print_blockers(a.blockers(), a.waived(), lang, std::cout);
  }
  print_errors(r.errors(), lang, std::cout);
}

}  // namespace

int cmd_eligibility(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  std::string as_of;
  std::string target_s = "higher";
  std::string level_s;
  command.desc.add_options()("as-of", po::value(&as_of), "as of this date, YYYY-MM-DD")(
      "target", po::value(&target_s),
      "same, higher (default), named, exceptional (破格) or candidate")(
      "level", po::value(&level_s),
      "rank level in view, e.g. county-principal or RANK_LEVEL_COUNTY_PRINCIPAL (needed for "
      "--target named)");
  command.flags = {{"as_of", "--as-of"}, {"target", "--target"}, {"target_level", "--level"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  pb::EligibilityRequest request;
  pb::EligibilityResponse response;
  if (auto code = command.answer(
          request, response,
          [&](pb::EligibilityRequest &r) -> std::optional<int> {
            pb::EligibilityTarget target = pb::ELIGIBILITY_TARGET_UNSPECIFIED;
            pb::RankLevel level = pb::RANK_LEVEL_UNSPECIFIED;
            if (!parse_choice<pb::EligibilityTarget>(
                    command.name, "--target", target_s,
                    {{"same", pb::ELIGIBILITY_TARGET_SAME_LEVEL},
                     {"higher", pb::ELIGIBILITY_TARGET_HIGHER_LEVEL},
                     {"named", pb::ELIGIBILITY_TARGET_NAMED_LEVEL},
                     {"exceptional", pb::ELIGIBILITY_TARGET_EXCEPTIONAL},
                     {"candidate", pb::ELIGIBILITY_TARGET_CANDIDATE}},
                    target) ||
                (!level_s.empty() && !parse_choice<pb::RankLevel>(command.name, "--level", level_s,
                                                                  level_names(), level))) {
              return kExitUsage;
            }
            r.set_as_of(as_of);
            r.set_target(target);
            r.set_target_level(level);
            return std::nullopt;
          },
          [&](const pb::EligibilityResponse &r) { print_answers(r, command.lang); })) {
    return *code;
  }
  return kExitOk;
}

}  // namespace cadre::cli
