// The base of the readers that map a text parsed by text_format.hpp onto
// cadre's own types (the calendar, the tolerance models, the follow-up
// templates): the first error kept, and one reader of each kind of value
// (string, integer, bool, date, LocalizedText, enum), each error naming the
// field's path and never echoing its value.
#ifndef CADRE_SRC_CALENDAR_TEXT_MAPPER_HPP
#define CADRE_SRC_CALENDAR_TEXT_MAPPER_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/finding.hpp"
#include "cadre/status.hpp"
#include "calendar/text_format.hpp"

namespace cadre::detail {

inline constexpr TextKind kStr = TextKind::kString;
inline constexpr TextKind kInt = TextKind::kInt;
inline constexpr TextKind kIdent = TextKind::kIdent;
inline constexpr TextKind kMsg = TextKind::kMessage;

/** "name[i]": the path of the i-th value of a repeated field. */
std::string indexed(std::string_view name, std::size_t i);

/**
 * The number of a value of an enum of enums.proto, by the names of both (the
 * generated table of cadre/enums.hpp).
 * @return the number, or nothing when @p enum_name has no value @p value_name
 */
std::optional<int> enum_number(std::string_view enum_name, std::string_view value_name) noexcept;

/** Names of the values of an enum that enums.proto does not hold. */
template <typename E, std::size_t N>
using NameTable = std::array<std::pair<std::string_view, E>, N>;

/** Keeps the first error of a mapping; derived readers add the messages of their schema. */
class TextMapper {
 public:
  /** The first error found, or OK. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }

 protected:
  /** Takes the reader's error if none yet; whether all is still well. */
  bool check(const MessageReader &r);
  /** Keeps INVALID_ARGUMENT on @p path unless an error is already kept. */
  void fail(std::string path, std::string message);
  /** Keeps @p s unless an error is already kept. */
  void fail(Status s);

  /** A string field, empty when absent. */
  static std::string str(const MessageReader &r, std::string_view name);
  /** A 32-bit integer; left as is when absent. */
  void int32(const MessageReader &r, std::string_view name, int &out);
  /** An integer of at most 18 digits; left as is when absent. */
  void int64(const MessageReader &r, std::string_view name, std::int64_t &out);
  /** true or false; left as is when absent. */
  void boolean(const MessageReader &r, std::string_view name, bool &out);
  /** A day "YYYY-MM-DD"; left empty when absent or empty. */
  void date(const MessageReader &r, std::string_view name, std::optional<Date> &out);
  /** A LocalizedText {zh_cn, en}; left as is when absent. */
  void text(const MessageReader &r, std::string_view name, LocalizedText &out);

  /** A value of the enum @p enum_name of enums.proto ("cadre.v1.Channel"). */
  template <typename E>
  void enumeration(const TextField &f, std::string_view enum_name, const std::string &path,
                   E &out) {
    if (const std::optional<int> n = enum_number(enum_name, f.value)) {
      out = static_cast<E>(*n);
    } else {
      fail(path, "not a value of " + std::string(enum_name));
    }
  }
  /** A value of an enum that enums.proto does not hold, by its table. */
  template <typename E, std::size_t N>
  void enumeration(const TextField &f, const NameTable<E, N> &table, std::string_view enum_name,
                   const std::string &path, E &out) {
    for (const auto &[n, v] : table) {
      if (f.value == n) {
        out = v;
        return;
      }
    }
    fail(path, "not a value of " + std::string(enum_name));
  }

  /** A singular enum field of enums.proto; left as is when absent. */
  template <typename E>
  void enum_one(const MessageReader &r, std::string_view name, std::string_view enum_name, E &out) {
    if (const TextField *f = r.one(name)) enumeration(*f, enum_name, r.path(name), out);
  }
  /** A singular enum field by its table; left as is when absent. */
  template <typename E, std::size_t N>
  void enum_one(const MessageReader &r, std::string_view name, const NameTable<E, N> &table,
                std::string_view enum_name, E &out) {
    if (const TextField *f = r.one(name)) enumeration(*f, table, enum_name, r.path(name), out);
  }
  /** Every value of a repeated enum field of enums.proto, appended. */
  template <typename E>
  void enum_all(const MessageReader &r, std::string_view name, std::string_view enum_name,
                std::vector<E> &out) {
    const auto all = r.all(name);
    for (std::size_t i = 0; i < all.size() && status_.ok(); ++i) {
      enumeration(*all[i], enum_name, indexed(r.path(name), i), out.emplace_back());
    }
  }

  Status status_;  ///< the first error, or OK
};

}  // namespace cadre::detail

#endif  // CADRE_SRC_CALENDAR_TEXT_MAPPER_HPP
