// Citations as of a date: an answer never cites a document not yet in force on
// its as-of date (evidence: not yet published), and names each one the same way.
#ifndef CADRE_SRC_UP_CITATIONS_HPP
#define CADRE_SRC_UP_CITATIONS_HPP

#include <string>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/date.hpp"
#include "cadre/finding.hpp"

namespace cadre::detail {

/**
 * The citations of @p in that may be cited on @p as_of: those whose document
 * is in force (published, for evidence) by then. A key the registry does not
 * hold is kept (the catalogue's load already refused unknown keys).
 */
inline std::vector<Citation> cite_as_of(const std::vector<Citation> &in, Date as_of,
                                        const CatalogueSet *set) {
  std::vector<Citation> out;
  out.reserve(in.size());
  for (const Citation &c : in) {
    const Document *d = set != nullptr ? set->document(c.key) : find_builtin_document(c.key);
    if (d == nullptr || d->citable_on(as_of)) {
      out.push_back(c);
    }
  }
  return out;
}

/** Appends 《Title》（文号）第N条第（M）项, the name of a citation in explanations, to @p s. */
inline void append_cite_name(std::string &s, const Citation &c) {
  s += c.document;
  if (!c.document_number.empty()) {
    s += "（";
    s += c.document_number;
    s += "）";
  }
  s += c.article;
  s += c.item;
}

/** 《Title》（文号）第N条第（M）项, the name of a citation in explanations. */
inline std::string cite_name(const Citation &c) {
  std::string s;
  append_cite_name(s, c);
  return s;
}

/** The first citation that is not evidence (the basis), or the first; nullptr when none. */
inline const Citation *basis_of(const std::vector<Citation> &citations) noexcept {
  for (const Citation &c : citations) {
    if (!c.evidence) {
      return &c;
    }
  }
  return citations.empty() ? nullptr : &citations.front();
}

/** The name of the first citation that is not evidence (the basis), or of the first. */
inline std::string basis_name(const std::vector<Citation> &citations) {
  const Citation *c = basis_of(citations);
  return c == nullptr ? std::string() : cite_name(*c);
}

}  // namespace cadre::detail

#endif  // CADRE_SRC_UP_CITATIONS_HPP
