// The base of the readers of cadre's texts (text_mapper.hpp).
#include "calendar/text_mapper.hpp"

namespace cadre::detail {
namespace {

// Every value of enums.proto: {enum, value name, number, is_known() of its enum}
// (generated with cadre/enums.hpp).
struct EnumRow {
  const char *enum_name;
  const char *value_name;
  int number;
  bool (*known)(int);
};
constexpr EnumRow kEnumRows[] = {
#include "enums_table.inc"
};

// A decimal integer within [lo, hi] of at most 18 digits (the text reader checked the digits).
std::optional<long long> decimal(std::string_view digits, long long lo, long long hi) {
  const bool negative = !digits.empty() && digits[0] == '-';
  const std::size_t first = negative ? 1 : 0;
  if (digits.size() <= first || digits.size() - first > 18) return std::nullopt;
  long long v = 0;
  for (std::size_t i = first; i < digits.size(); ++i) v = v * 10 + (digits[i] - '0');
  if (negative) v = -v;
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

}  // namespace

std::string indexed(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

std::optional<int> enum_number(std::string_view enum_name, std::string_view value_name) noexcept {
  for (const EnumRow &row : kEnumRows) {
    if (enum_name == row.enum_name && value_name == row.value_name) return row.number;
  }
  return std::nullopt;
}

bool TextMapper::check(const MessageReader &r) {
  if (status_.ok() && !r.status().ok()) status_ = r.status();
  return status_.ok();
}

void TextMapper::fail(std::string path, std::string message) {
  if (status_.ok()) status_ = invalid_argument(std::move(path), std::move(message));
}

void TextMapper::fail(Status s) {
  if (status_.ok()) status_ = std::move(s);
}

std::string TextMapper::str(const MessageReader &r, std::string_view name) {
  const TextField *f = r.one(name);
  return f != nullptr ? f->value : std::string();
}

void TextMapper::int32(const MessageReader &r, std::string_view name, int &out) {
  const TextField *f = r.one(name);
  if (f == nullptr) return;
  if (const auto v = decimal(f->value, -2147483648LL, 2147483647LL)) {
    out = static_cast<int>(*v);
  } else {
    fail(r.path(name), "out of the range of a 32-bit integer");
  }
}

void TextMapper::int64(const MessageReader &r, std::string_view name, std::int64_t &out) {
  const TextField *f = r.one(name);
  if (f == nullptr) return;
  if (const auto v = decimal(f->value, -999999999999999999LL, 999999999999999999LL)) {
    out = *v;
  } else {
    fail(r.path(name), "out of range: at most 18 digits");
  }
}

void TextMapper::boolean(const MessageReader &r, std::string_view name, bool &out) {
  const TextField *f = r.one(name);
  if (f == nullptr) return;
  if (f->value == "true") {
    out = true;
  } else if (f->value == "false") {
    out = false;
  } else {
    fail(r.path(name), "expected true or false");
  }
}

void TextMapper::date(const MessageReader &r, std::string_view name, std::optional<Date> &out) {
  const TextField *f = r.one(name);
  if (f == nullptr || f->value.empty()) return;
  out = Date::parse(f->value);
  if (!out) fail(r.path(name), "not a date \"YYYY-MM-DD\"");
}

void TextMapper::text(const MessageReader &r, std::string_view name, LocalizedText &out) {
  const TextField *f = r.one(name);
  if (f == nullptr) return;
  MessageReader t(f->fields, r.path(name) + ".", {{"zh_cn", kStr, false}, {"en", kStr, false}});
  if (!check(t)) return;
  out.zh_cn = str(t, "zh_cn");
  out.en = str(t, "en");
}

}  // namespace cadre::detail
