// Labels of every enum value in zh-CN and English. The table is generated at
// build time by tools/labelgen from the (zh_cn) and (en) options of
// proto/cadre/v1 (the one source of labels); nothing here is written by hand.
#include "cadre/labels.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace cadre {
inline namespace api_v1 {
namespace {

// One enum of the table: its values are kLabelValues[first, first + count).
struct LabelEnum {
  std::string_view name;  // full proto name, e.g. "cadre.v1.Channel"
  std::size_t first;
  std::size_t count;
};

// One value. Both labels view string literals, so they are NUL-terminated.
struct LabelValue {
  std::int32_t number;
  std::string_view zh_cn;
  std::string_view en;
};

#include "labels_table.inc"  // kLabelEnums, kLabelValues

constexpr std::string_view kPackagePrefix = "cadre.v1.";

// The name of an enum without the package, e.g. "Channel".
constexpr std::string_view short_name(std::string_view full) noexcept {
  return full.substr(kPackagePrefix.size());
}

constexpr bool table_is_sorted() noexcept {
  for (std::size_t i = 0; i < kLabelEnums.size(); ++i) {
    const LabelEnum &e = kLabelEnums.at(i);
    if (!e.name.starts_with(kPackagePrefix) || e.first + e.count > kLabelValues.size() ||
        (i > 0 && !(kLabelEnums.at(i - 1).name < e.name))) {
      return false;
    }
    for (std::size_t k = e.first + 1; k < e.first + e.count; ++k) {
      if (!(kLabelValues.at(k - 1).number < kLabelValues.at(k).number)) {
        return false;
      }
    }
  }
  return true;
}
static_assert(table_is_sorted(), "labels_table.inc must be sorted (regenerate it)");

const LabelEnum *find_enum(std::string_view name) noexcept {
  if (name.starts_with('.')) {
    name.remove_prefix(1);  // ".cadre.v1.Channel", as in a field's type_name
  }
  if (name.starts_with(kPackagePrefix)) {
    name.remove_prefix(kPackagePrefix.size());
  }
  const auto *it = std::lower_bound(
      kLabelEnums.begin(), kLabelEnums.end(), name,
      [](const LabelEnum &e, std::string_view key) { return short_name(e.name) < key; });
  return it != kLabelEnums.end() && short_name(it->name) == name ? &*it : nullptr;
}

const LabelValue *find_value(const LabelEnum &e, int number) noexcept {
  const std::span<const LabelValue> values = std::span(kLabelValues).subspan(e.first, e.count);
  const auto it = std::lower_bound(values.begin(), values.end(), number,
                                   [](const LabelValue &v, int key) { return v.number < key; });
  return it != values.end() && it->number == number ? &*it : nullptr;
}

}  // namespace

std::string_view label(std::string_view enum_name, int number, Language lang) noexcept {
  const LabelEnum *e = find_enum(enum_name);
  if (e == nullptr) {
    return "";
  }
  const LabelValue *v = find_value(*e, number);
  if (v == nullptr) {
    return "";
  }
  return lang == Language::kEn ? v->en : v->zh_cn;
}

}  // namespace api_v1
}  // namespace cadre
