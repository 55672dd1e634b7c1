// Canonical text writer shared by the catalogues and the working-day calendar.
#ifndef CADRE_SRC_CANON_HPP
#define CADRE_SRC_CANON_HPP

#include <optional>
#include <string>
#include <string_view>

#include "cadre/date.hpp"
#include "cadre/finding.hpp"

namespace cadre::detail {

// Canonical text writer: "key=value\n" lines, values escaped so that a line
// break or an '=' in a text can never shift the structure.
class Canon {
 public:
  void field(std::string_view key, std::string_view value) {
    out_ += prefix_;
    out_ += key;
    out_ += '=';
    for (const char c : value) {
      switch (c) {
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default:
          out_ += c;
      }
    }
    out_ += '\n';
  }
  void field(std::string_view key, long long value) { field(key, std::to_string(value)); }
  void date(std::string_view key, const std::optional<Date> &d) {
    field(key, d ? d->to_string() : std::string());
  }
  void text(std::string_view key, const LocalizedText &t) {
    field(std::string(key) + ".zh_cn", t.zh_cn);
    field(std::string(key) + ".en", t.en);
  }
  void citation(std::string_view key, const Citation &c) {
    const std::string k(key);
    field(k + ".document", c.document);
    field(k + ".document_number", c.document_number);
    field(k + ".year", c.year);
    field(k + ".article", c.article);
    field(k + ".item", c.item);
    field(k + ".verification", static_cast<int>(c.verification));
    field(k + ".supports", c.supports);
  }
  void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::string prefix_;
};

}  // namespace cadre::detail

#endif  // CADRE_SRC_CANON_HPP
