// Canonical text writer shared by the catalogues and the working-day calendar.
#ifndef CADRE_SRC_CANON_HPP
#define CADRE_SRC_CANON_HPP

#include <optional>
#include <string>
#include <string_view>

#include "cadre/date.hpp"
#include "cadre/finding.hpp"
#include "cadre/sources.hpp"

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
    field(k + ".key", c.key);
    field(k + ".evidence", c.evidence ? 1 : 0);
  }
  void document(std::string_view key, const Document &d) {
    const std::string k(key);
    field(k + ".key", d.key);
    field(k + ".title", d.title);
    field(k + ".title_en", d.title_en);
    field(k + ".document_number", d.document_number);
    field(k + ".issuer", d.issuer);
    date(k + ".issued_on", d.issued_on);
    date(k + ".in_force_from", d.in_force_from);
    field(k + ".superseded_by", d.superseded_by);
    date(k + ".superseded_on", d.superseded_on);
    field(k + ".verification", static_cast<int>(d.verification));
    field(k + ".source_note", d.source_note);
    field(k + ".evidence_only", d.evidence_only ? 1 : 0);
    field(k + ".jurisdiction", d.jurisdiction);
  }
  void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::string prefix_;
};

}  // namespace cadre::detail

#endif  // CADRE_SRC_CANON_HPP
