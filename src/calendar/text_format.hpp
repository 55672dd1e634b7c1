// A reader for the subset of protobuf's text format that cadre's data files
// use, for the C++ API, which has no protobuf: '#' comments, field names,
// quoted strings (adjacent ones concatenated; the escapes of C, octal, hex,
// and \u, \U; the result must be UTF-8), decimal integers,
// identifiers (enum names, true, false), nested messages in {} or <>, and
// lists in [] for repeated fields. Anything else is an error with its line and
// column. It is stricter than protobuf's parser, never laxer: what it accepts
// protobuf accepts with the same meaning (the calendar fuzz target checks it).
#ifndef CADRE_SRC_CALENDAR_TEXT_FORMAT_HPP
#define CADRE_SRC_CALENDAR_TEXT_FORMAT_HPP

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/status.hpp"

namespace cadre::detail {

/** Kind of a field's value. */
enum class TextKind : std::uint8_t { kString, kIdent, kInt, kMessage };

/** One field of a message as written: its name and its value. */
struct TextField {
  std::string name;
  int line = 0;    // of the name, from 1
  int column = 0;  // of the name, from 1 (bytes)
  bool in_list = false;
  TextKind kind = TextKind::kString;
  std::string value;              // the decoded string, the identifier or the digits
  std::vector<TextField> fields;  // of a message value
};

/** Largest text accepted, in bytes. */
inline constexpr std::size_t kMaxTextBytes = 16U << 20U;

/**
 * Parses @p text into its top-level fields.
 * @return OK, INVALID_ARGUMENT with field @p source and a message
 *         "line L column C: ..." for a syntax error, or RESOURCE_EXHAUSTED
 *         for a text over kMaxTextBytes.
 */
Status parse_text_format(std::string_view text, std::string_view source,
                         std::vector<TextField> &out);

/** What a message's schema allows for one field. */
struct FieldSpec {
  std::string_view name;
  TextKind kind;
  bool repeated;
};

/**
 * The fields of one message, checked against its schema: every name known,
 * each singular field at most once, each value of the right kind, lists only
 * on repeated fields. Errors name the field path (prefix + name).
 */
class MessageReader {
 public:
  MessageReader(const std::vector<TextField> &fields, std::string prefix,
                std::initializer_list<FieldSpec> schema);

  /** The first error found, or OK. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }
  /** A singular field, or nullptr when absent. */
  [[nodiscard]] const TextField *one(std::string_view name) const noexcept;
  /** Every value of a repeated field, in order. */
  [[nodiscard]] std::vector<const TextField *> all(std::string_view name) const;
  /** The path of a field of this message: prefix + name. */
  [[nodiscard]] std::string path(std::string_view name) const;

 private:
  const std::vector<TextField> &fields_;
  std::string prefix_;
  Status status_;
};

/** Whether bytes are well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF). */
bool is_valid_utf8(std::string_view s) noexcept;

}  // namespace cadre::detail

#endif  // CADRE_SRC_CALENDAR_TEXT_FORMAT_HPP
