#include "calendar/text_format.hpp"

#include <set>

namespace cadre::detail {
namespace {

// Nesting deeper than this is refused: no data file needs it, and it bounds
// the recursion.
constexpr int kMaxDepth = 32;

bool is_ident_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) noexcept { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string &out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Whether bytes are well-formed UTF-8 (no overlong forms, no surrogates, at
// most U+10FFFF).
bool valid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07U;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(n) >= s.size()) {
      return false;
    }
    for (int k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0U) != 0x80U) return false;
      cp = (cp << 6U) | (cc & 0x3FU);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(n) + 1;
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  Status run(std::vector<TextField> &out) {
    if (!message(out, '\0', 0)) {
      return error_;
    }
    return {};
  }

 private:
  [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
  [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }

  void advance() noexcept {
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  [[nodiscard]] int column() const noexcept { return static_cast<int>(pos_ - line_start_) + 1; }

  bool fail(const std::string &what) {
    error_ = invalid_argument(std::string(source_), "line " + std::to_string(line_) + " column " +
                                                        std::to_string(column()) + ": " + what);
    return false;
  }

  void skip_space() noexcept {
    while (!at_end()) {
      const char c = peek();
      if (c == '#') {
        // protobuf's tokenizer ends a comment at a NUL byte too, then refuses it.
        while (!at_end() && peek() != '\n') {
          if (peek() == '\0') return;
          advance();
        }
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        advance();
      } else {
        break;
      }
    }
  }

  // Fields until @p close ('}', '>', or '\0' for the end of the text).
  bool message(std::vector<TextField> &out, char close, int depth) {
    if (depth > kMaxDepth) {
      return fail("messages nested too deep");
    }
    for (;;) {
      skip_space();
      if (at_end()) {
        if (close == '\0') return true;
        return fail(std::string("expected '") + close + "' before the end of the text");
      }
      if (close != '\0' && peek() == close) {
        advance();
        return true;
      }
      if (!field(out, depth)) return false;
      skip_space();
      if (peek() == ',' || peek() == ';') advance();
    }
  }

  bool identifier(std::string &out) {
    if (!is_ident_start(peek())) {
      return fail(at_end() ? "unexpected end of the text" : "expected a field name");
    }
    const std::size_t start = pos_;
    while (!at_end() && is_ident_char(peek())) advance();
    out.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool field(std::vector<TextField> &out, int depth) {
    TextField f;
    f.line = line_;
    f.column = column();
    if (!identifier(f.name)) return false;
    skip_space();
    bool colon = false;
    if (peek() == ':') {
      colon = true;
      advance();
      skip_space();
    }
    if (peek() == '[') {
      if (!colon) return fail("expected ':' before a list");
      advance();
      skip_space();
      if (peek() == ']') {
        return fail("an empty list (leave the field out)");
      }
      for (;;) {
        TextField item;
        item.name = f.name;
        item.line = f.line;
        item.column = f.column;
        item.in_list = true;
        skip_space();
        if (!value(item, true, depth)) return false;
        out.push_back(std::move(item));
        skip_space();
        if (peek() == ',') {
          advance();
          continue;
        }
        if (peek() == ']') {
          advance();
          return true;
        }
        return fail("expected ',' or ']' in a list");
      }
    }
    if (!value(f, colon, depth)) return false;
    out.push_back(std::move(f));
    return true;
  }

  // A message in {} or <>, or (after a ':') a scalar.
  bool value(TextField &f, bool scalar_allowed, int depth) {
    const char c = peek();
    if (c == '{' || c == '<') {
      advance();
      f.kind = TextKind::kMessage;
      return message(f.fields, c == '{' ? '}' : '>', depth + 1);
    }
    if (!scalar_allowed) {
      return fail("expected ':' or '{'");
    }
    if (c == '"' || c == '\'') {
      f.kind = TextKind::kString;
      // Adjacent string literals are one value.
      while (peek() == '"' || peek() == '\'') {
        if (!string_literal(f.value)) return false;
        skip_space();
      }
      if (!valid_utf8(f.value)) {
        return fail("a string is not valid UTF-8");
      }
      return true;
    }
    if (c == '-' || is_digit(c)) {
      f.kind = TextKind::kInt;
      const std::size_t start = pos_;
      if (c == '-') advance();
      if (!is_digit(peek())) return fail("expected a digit");
      if (peek() == '0' && pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1])) {
        return fail("a number with a leading zero (write decimal numbers without it)");
      }
      while (!at_end() && is_digit(peek())) advance();
      if (!at_end() && (is_ident_char(peek()) || peek() == '.')) {
        return fail("expected a decimal integer");
      }
      f.value.assign(text_.substr(start, pos_ - start));
      return true;
    }
    if (is_ident_start(c)) {
      f.kind = TextKind::kIdent;
      return identifier(f.value);
    }
    return fail(at_end() ? "unexpected end of the text" : "expected a value");
  }

  bool string_literal(std::string &out) {
    const char quote = peek();
    advance();
    for (;;) {
      if (at_end()) return fail("a string is not closed");
      const char c = peek();
      if (c == '\n') return fail("a string crosses a line break");
      if (c == '\0') return fail("a NUL byte in a string");
      if (c == quote) {
        advance();
        return true;
      }
      if (c != '\\') {
        out += c;
        advance();
        continue;
      }
      advance();
      if (at_end()) return fail("a string is not closed");
      const char e = peek();
      advance();
      switch (e) {
        case 'a':
          out += '\a';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'v':
          out += '\v';
          break;
        case '\\':
          out += '\\';
          break;
        case '\'':
          out += '\'';
          break;
        case '"':
          out += '"';
          break;
        case '?':
          out += '?';
          break;
        case 'x': {
          int v = 0;
          int n = 0;
          while (n < 2 && !at_end() && hex_value(peek()) >= 0) {
            v = v * 16 + hex_value(peek());
            advance();
            ++n;
          }
          if (n == 0) return fail("\\x without a hex digit");
          out += static_cast<char>(v);
          break;
        }
        case 'u':
        case 'U': {
          const int digits = e == 'u' ? 4 : 8;
          std::uint32_t v = 0;
          for (int n = 0; n < digits; ++n) {
            if (at_end() || hex_value(peek()) < 0) return fail("a \\u or \\U escape is too short");
            v = v * 16U + static_cast<std::uint32_t>(hex_value(peek()));
            advance();
          }
          if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
            return fail("a \\u or \\U escape is not a Unicode scalar value");
          }
          append_utf8(out, v);
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int n = 1; n < 3 && !at_end() && peek() >= '0' && peek() <= '7'; ++n) {
              v = v * 8 + (peek() - '0');
              advance();
            }
            if (v > 255) return fail("an octal escape above \\377");
            out += static_cast<char>(v);
            break;
          }
          return fail("an unknown escape in a string");
      }
    }
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  Status error_;
};

const char *kind_name(TextKind k) noexcept {
  switch (k) {
    case TextKind::kString:
      return "a quoted string";
    case TextKind::kIdent:
      return "a name";
    case TextKind::kInt:
      return "an integer";
    case TextKind::kMessage:
      return "a message in { }";
  }
  return "a value";
}

}  // namespace

Status parse_text_format(std::string_view text, std::string_view source,
                         std::vector<TextField> &out) {
  if (text.size() > kMaxTextBytes) {
    return {StatusCode::kResourceExhausted, "the text is larger than 16 MiB", std::string(source)};
  }
  return Parser(text, source).run(out);
}

MessageReader::MessageReader(const std::vector<TextField> &fields, std::string prefix,
                             std::initializer_list<FieldSpec> schema)
    : fields_(fields), prefix_(std::move(prefix)) {
  std::set<std::string_view> seen;
  for (const TextField &f : fields_) {
    const FieldSpec *spec = nullptr;
    for (const FieldSpec &s : schema) {
      if (s.name == f.name) {
        spec = &s;
        break;
      }
    }
    const std::string where = "line " + std::to_string(f.line) + ": ";
    if (spec == nullptr) {
      status_ = invalid_argument(path(f.name), where + "no such field");
      return;
    }
    if (f.kind != spec->kind) {
      status_ = invalid_argument(path(f.name), where + "expected " + kind_name(spec->kind) +
                                                   ", found " + kind_name(f.kind));
      return;
    }
    if (!spec->repeated) {
      if (f.in_list) {
        status_ = invalid_argument(path(f.name), where + "a list for a field that is not repeated");
        return;
      }
      if (!seen.insert(spec->name).second) {
        status_ = invalid_argument(path(f.name), where + "given more than once");
        return;
      }
    }
  }
}

const TextField *MessageReader::one(std::string_view name) const noexcept {
  for (const TextField &f : fields_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<const TextField *> MessageReader::all(std::string_view name) const {
  std::vector<const TextField *> out;
  for (const TextField &f : fields_) {
    if (f.name == name) out.push_back(&f);
  }
  return out;
}

std::string MessageReader::path(std::string_view name) const { return prefix_ + std::string(name); }

bool is_valid_utf8(std::string_view s) noexcept { return valid_utf8(s); }

}  // namespace cadre::detail
