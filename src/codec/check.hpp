// Validation helpers of the codec: field paths built only when an error is
// reported, and the checks every record shares. Internal to cadre_codec.
//
// The helpers over lists take any container with the accessors of protobuf's
// repeated fields that they use (size(), Get(i), begin()/end()), so they serve
// the generated messages and the wire-format views alike; string fields are
// taken as std::string_view.
#ifndef CADRE_SRC_CODEC_CHECK_HPP
#define CADRE_SRC_CODEC_CHECK_HPP

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/cadre.pb.h"
#include "calendar/date_parse.hpp"
#include "codec/codec.hpp"

namespace cadre::codec::detail {

/**
 * A field path as a chain of frames on the stack: "cadres[17]" -> "posts" [2].
 * Nothing is formatted until an error needs the text, so a valid record costs
 * no string work. A Path refers to its parent: keep it within the parent's scope.
 */
class Path {
 public:
  /** The root, e.g. "cadres[17]"; empty for the top of a roster. */
  explicit Path(std::string_view root) noexcept : name_(root) {}
  /** Field @p name of @p parent, element @p index when it is 0 or more. */
  Path(const Path &parent, std::string_view name, int index = -1) noexcept
      : parent_(&parent), name_(name), index_(index) {}

  /** Appends the path to @p out. */
  void append_to(std::string &out) const;
  /** The path, with field @p leaf appended when it is not empty. */
  [[nodiscard]] std::string str(std::string_view leaf = {}) const;

 private:
  const Path *parent_ = nullptr;
  std::string_view name_;
  int index_ = -1;
};

/** Collects every error of a record; knows the as-of date. */
class Checker {
 public:
  Checker(std::vector<Status> &errors, std::optional<Date> as_of) noexcept
      : errors_(&errors), as_of_(as_of) {}

  /** The as-of date, if any. */
  [[nodiscard]] const std::optional<Date> &as_of() const noexcept { return as_of_; }
  /** Number of errors collected so far (of every record). */
  [[nodiscard]] std::size_t count() const noexcept { return errors_->size(); }

  /** Reports field @p leaf of @p at (the record itself when @p leaf is empty). */
  void fail(const Path &at, std::string_view leaf, std::string message);

  // The checks below are inline with their usual outcome (nothing to report)
  // and call out of line only to report: a cadre record runs some hundred of
  // them, and a call each cost more than the check.

  /** A text of at most @p max bytes; "required" when @p required and empty. */
  void text(std::string_view value, const Path &at, std::string_view leaf, bool required,
            std::size_t max) {
    if ((value.empty() && required) || value.size() > max) [[unlikely]] {
      text_failed(value.size(), at, leaf, max);
    }
  }
  /** An id of at most kMaxTextBytes, without control characters (is_valid_id()). */
  void id(std::string_view value, const Path &at, std::string_view leaf, bool required) {
    if ((value.empty() && required) || !is_valid_id(value)) [[unlikely]] {
      id_failed(value, at, leaf, required);
    }
  }
  /** Six ASCII digits (行政区划代码); empty is accepted unless @p required. */
  void region_code(std::string_view value, const Path &at, std::string_view leaf, bool required);

  /** A date "YYYY-MM-DD", or nothing for the empty string. */
  [[gnu::always_inline]] std::optional<Date> date(std::string_view value, const Path &at,
                                                  std::string_view leaf, bool required = false) {
    // Inline, with the parse: the decoders check some thirty dates per record.
    if (value.empty()) {
      if (required) {
        fail(at, leaf, "required");
      }
      return std::nullopt;
    }
    auto d = calendar::parse_iso_date(value);
    if (!d) {
      fail(at, leaf, "not a date of the form YYYY-MM-DD");
    }
    return d;
  }
  /** A date that must not be after the as-of date. */
  [[gnu::always_inline]] std::optional<Date> past_date(std::string_view value, const Path &at,
                                                       std::string_view leaf,
                                                       bool required = false) {
    auto d = date(value, at, leaf, required);
    if (d && as_of_ && *as_of_ < *d) {
      fail(at, leaf, "after the as-of date");
    }
    return d;
  }
  /** Reports @p later_leaf when @p later is before @p earlier ("before <earlier_name>"). */
  // Inline, with the dates by value: a call took the dates through memory
  // (the caller stored each parsed date to pass its address), which cost more
  // than the comparison.
  [[gnu::always_inline]] void not_before(std::optional<Date> earlier, std::optional<Date> later,
                                         const Path &at, std::string_view later_leaf,
                                         std::string_view earlier_name) {
    if (earlier && later && *later < *earlier) [[unlikely]] {
      order_failed(at, later_leaf, "before ", earlier_name);
    }
  }
  /** Reports @p later_leaf when @p later is not strictly after @p earlier. */
  [[gnu::always_inline]] void strictly_after(std::optional<Date> earlier, std::optional<Date> later,
                                             const Path &at, std::string_view later_leaf,
                                             std::string_view earlier_name) {
    if (earlier && later && *later <= *earlier) [[unlikely]] {
      order_failed(at, later_leaf, "not after ", earlier_name);
    }
  }

  /**
   * An enum number: unknown numbers are kept and reported; 0 is "required" when @p required.
   * Known means is_known() of cadre/enums.hpp (generated, inline).
   */
  template <typename E>
  E enumeration(int number, const Path &at, std::string_view leaf, bool required) {
    if (!is_known(static_cast<E>(number))) [[unlikely]] {
      unknown_enum(number, at, leaf);
    } else if (required && number == 0) {
      fail(at, leaf, "required");
    }
    return static_cast<E>(number);
  }
  /** Same as enumeration() for element @p index of a repeated enum field. */
  template <typename E>
  E enumeration_at(int number, const Path &at, std::string_view leaf, int index) {
    if (!is_known(static_cast<E>(number)) || number == 0) [[unlikely]] {
      const Path p(at, leaf, index);
      if (number == 0) {
        fail(p, {}, "unspecified is not a value");
      } else {
        unknown_enum(number, p, {});
      }
    }
    return static_cast<E>(number);
  }

  /** A count that must be 0 or more. */
  void non_negative(int value, const Path &at, std::string_view leaf) {
    if (value < 0) [[unlikely]] {
      fail(at, leaf, "negative");
    }
  }
  /** A number within [lo, hi]; NaN is outside. */
  void within(double value, double lo, double hi, const Path &at, std::string_view leaf) {
    if (!(value >= lo && value <= hi)) [[unlikely]] {  // NaN fails too
      within_failed(lo, hi, at, leaf);
    }
  }
  /** At most @p max elements; false (and reported) when there are more. */
  bool bounded(int size, int max, const Path &at, std::string_view leaf) {
    if (size > max) [[unlikely]] {
      bounded_failed(max, at, leaf);
      return false;
    }
    return true;
  }

 private:
  [[gnu::cold]] void unknown_enum(int number, const Path &at, std::string_view leaf);
  [[gnu::cold]] void text_failed(std::size_t size, const Path &at, std::string_view leaf,
                                 std::size_t max);
  [[gnu::cold]] void id_failed(std::string_view value, const Path &at, std::string_view leaf,
                               bool required);
  [[gnu::cold]] void order_failed(const Path &at, std::string_view leaf, std::string_view what,
                                  std::string_view other);
  [[gnu::cold]] void within_failed(double lo, double hi, const Path &at, std::string_view leaf);
  [[gnu::cold]] void bounded_failed(int max, const Path &at, std::string_view leaf);

  std::vector<Status> *errors_;
  std::optional<Date> as_of_;
};

/**
 * Whether @p list (a repeated message field) holds a record with id @p id;
 * sorts an index once for long lists. Refers to the list: keep it in scope.
 */
template <typename List>
class IdLookup {
 public:
  explicit IdLookup(const List &list) noexcept : list_(&list) {}

  [[nodiscard]] bool contains(std::string_view id) const {
    constexpr int kLinear = 16;
    if (list_->size() <= kLinear) {
      return std::any_of(list_->begin(), list_->end(),
                         [id](const auto &r) { return std::string_view(r.id()) == id; });
    }
    if (sorted_.empty()) {
      sorted_.reserve(static_cast<std::size_t>(list_->size()));
      for (const auto &r : *list_) sorted_.emplace_back(r.id());
      std::sort(sorted_.begin(), sorted_.end());
    }
    return std::binary_search(sorted_.begin(), sorted_.end(), id);
  }

 private:
  const List *list_;
  mutable std::vector<std::string_view> sorted_;
};

/** unique_keys() of a list of two elements or more. */
template <typename List, typename Key>
void unique_keys_of_many(Checker &ck, const List &list, Key key, const Path &at,
                         std::string_view leaf, std::string_view key_leaf) {
  const int n = list.size();
  std::vector<int> dups;
  constexpr int kLinear = 16;
  if (n <= kLinear) {
    for (int j = 1; j < n; ++j) {
      const std::string_view k = key(list.Get(j));
      if (k.empty()) continue;
      for (int i = 0; i < j; ++i) {
        if (std::string_view(key(list.Get(i))) == k) {
          dups.push_back(j);
          break;
        }
      }
    }
  } else {
    std::vector<std::pair<std::string_view, int>> keys;
    keys.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      const std::string_view k = key(list.Get(i));
      if (!k.empty()) keys.emplace_back(k, i);
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i) {
      if (keys[i].first == keys[i - 1].first) dups.push_back(keys[i].second);
    }
    std::sort(dups.begin(), dups.end());
  }
  for (const int j : dups) {
    const Path p(at, leaf, j);
    ck.fail(p, key_leaf, "duplicate " + std::string(key_leaf) + " within " + std::string(leaf));
  }
}

/**
 * Reports every element of @p list (field @p leaf of @p at) whose key repeats
 * an earlier one. @p key maps an element to a string that lives as long as the
 * element (a reference or a std::string_view into it). Inline up to the size
 * test: most lists of a record have no element or one.
 */
template <typename List, typename Key>
[[gnu::always_inline]] inline void unique_keys(Checker &ck, const List &list, Key key,
                                               const Path &at, std::string_view leaf,
                                               std::string_view key_leaf) {
  if (list.size() >= 2) [[unlikely]] {
    unique_keys_of_many(ck, list, key, at, leaf, key_leaf);
  }
}

/** unique_keys() on the field `id`. */
template <typename List>
void unique_ids(Checker &ck, const List &list, const Path &at, std::string_view leaf) {
  unique_keys(
      ck, list, [](const auto &r) -> std::string_view { return r.id(); }, at, leaf, "id");
}

/** Decodes one cadre at @p at with the errors and as-of date of @p ck (cadre_codec.cc). */
bool decode_cadre_at(Checker &ck, const ::cadre::v1::Cadre &in, const Path &at, Cadre &out);

}  // namespace cadre::codec::detail

#endif  // CADRE_SRC_CODEC_CHECK_HPP
