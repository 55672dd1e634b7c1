// The one source of every enum label in zh-CN and English. Terms (术语) are
// written as the regulations write them (see shared/domain/regulations.md).
#include "cadre/labels.hpp"

#include <array>
#include <span>

namespace cadre {
inline namespace api_v1 {
namespace {

struct Label {
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<Label, 3> kSex = {{
    {"未指定", "unspecified"},
    {"男", "male"},
    {"女", "female"},
}};

constexpr std::array<Label, 4> kBirthDateSource = {{
    {"未指定", "unspecified"},
    {"档案认定", "certified from the personnel file"},
    {"身份证", "identity card"},
    {"本人填报", "self-reported"},
}};

constexpr std::array<Label, 9> kRankLevel = {{
    {"未指定", "unspecified"},
    {"省部级正职", "provincial / ministerial principal"},
    {"省部级副职", "provincial / ministerial deputy"},
    {"厅局级正职", "department / bureau principal"},
    {"厅局级副职", "department / bureau deputy"},
    {"县处级正职", "county / division principal"},
    {"县处级副职", "county / division deputy"},
    {"乡科级正职", "township / section principal"},
    {"乡科级副职", "township / section deputy"},
}};

constexpr std::array<Label, 3> kPostKind = {{
    {"未指定", "unspecified"},
    {"领导职务", "leadership post"},
    {"职级", "rank only"},
}};

constexpr std::array<Label, 8> kChannel = {{
    {"未指定", "unspecified"},
    {"到龄免职(退休)", "removal or retirement on reaching the age limit"},
    {"任期届满离任和任内调整", "leaving at the end of a term, and adjustment during a term"},
    {"问责追究调整", "adjustment through accountability"},
    {"不适宜担任现职调整", "adjustment as unsuitable for the current post"},
    {"不能正常履职调整", "adjustment as unable to perform duties normally"},
    {"自愿辞职", "voluntary resignation"},
    {"违法违纪免职", "removal for violating law or discipline"},
}};

constexpr std::array<Label, 7> kHeading = {{
    {"未指定", "unspecified"},
    {"政治不坚定者下", "politically unsteady: down"},
    {"能力不胜任者下", "not competent: down"},
    {"作风不务实者下", "work style not pragmatic: down"},
    {"状态不适宜者下", "state unfit: down"},
    {"考核不称职者下", "rated incompetent in assessment: down"},
    {"廉政不干净者下", "not clean: down"},
}};

constexpr std::array<Label, 10> kAdjustmentMethod = {{
    {"未指定", "unspecified"},
    {"调离岗位", "transfer out of the post"},
    {"改任非领导职务", "change to a non-leadership post"},
    {"改任职级", "change to a rank-only post"},
    {"免职", "removal from post"},
    {"降职", "demotion"},
    {"责令辞职", "ordered resignation"},
    {"引咎辞职", "resignation taking the blame"},
    {"退休", "retirement"},
    {"辞职", "resignation"},
}};

constexpr std::array<Label, 6> kVerification = {{
    {"未指定", "unspecified"},
    {"已核对原文", "wording seen in a public copy"},
    {"仅核对部分原文", "only the quoted part seen"},
    {"仅见于摘要或转述", "seen only in a summary or paraphrase"},
    {"见于地方实施规定", "seen in a local implementing rule"},
    {"未经核实（可配置政策）", "not verified: configurable policy"},
}};

std::string_view pick(std::span<const Label> table, int number, Language lang) noexcept {
  if (number < 0 || static_cast<std::size_t>(number) >= table.size()) {
    return {};
  }
  const Label &l = table[static_cast<std::size_t>(number)];
  return lang == Language::kZhCn ? l.zh : l.en;
}

template <typename E>
int num(E value) noexcept {
  return static_cast<int>(value);
}

struct Named {
  std::string_view name;
  std::span<const Label> table;
};

constexpr std::array<Named, 8> kByName = {{
    {"Sex", kSex},
    {"BirthDateSource", kBirthDateSource},
    {"RankLevel", kRankLevel},
    {"PostKind", kPostKind},
    {"Channel", kChannel},
    {"Heading", kHeading},
    {"AdjustmentMethod", kAdjustmentMethod},
    {"Verification", kVerification},
}};

}  // namespace

std::string_view label(Sex value, Language lang) noexcept { return pick(kSex, num(value), lang); }
std::string_view label(RankLevel value, Language lang) noexcept {
  return pick(kRankLevel, num(value), lang);
}
std::string_view label(PostKind value, Language lang) noexcept {
  return pick(kPostKind, num(value), lang);
}
std::string_view label(Channel value, Language lang) noexcept {
  return pick(kChannel, num(value), lang);
}
std::string_view label(Heading value, Language lang) noexcept {
  return pick(kHeading, num(value), lang);
}
std::string_view label(AdjustmentMethod value, Language lang) noexcept {
  return pick(kAdjustmentMethod, num(value), lang);
}
std::string_view label(Verification value, Language lang) noexcept {
  return pick(kVerification, num(value), lang);
}
std::string_view label(BirthDateSource value, Language lang) noexcept {
  return pick(kBirthDateSource, num(value), lang);
}

std::string_view label(std::string_view enum_name, int number, Language lang) noexcept {
  constexpr std::string_view kPrefix = "cadre.v1.";
  if (enum_name.starts_with(kPrefix)) {
    enum_name.remove_prefix(kPrefix.size());
  }
  for (const Named &n : kByName) {
    if (n.name == enum_name) {
      return pick(n.table, number, lang);
    }
  }
  return {};
}

}  // namespace api_v1
}  // namespace cadre
