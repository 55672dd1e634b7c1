// Citations in code: a document of the registry named by a key checked at
// compile time. source_key("xbry-2019") compiles only when the key is
// registered in data/sources.textproto, so a citation naming no registered
// document fails the build, in code as in the catalogues (cadre_catgen).
#ifndef CADRE_SRC_SOURCES_SOURCE_KEY_HPP
#define CADRE_SRC_SOURCES_SOURCE_KEY_HPP

#include <string>
#include <string_view>

#include "cadre/finding.hpp"
#include "cadre/sources.hpp"

namespace cadre::detail {

#include "sources_keys.inc"

/** Reached only from a constant evaluation with an unregistered key: a compile error. */
inline void unregistered_document_key() {}

/**
 * @p key, checked at compile time against the registry.
 * @param key a document key, e.g. "xbry-2019"
 * @return @p key
 */
consteval std::string_view source_key(std::string_view key) {
  for (const std::string_view k : kSourceKeys) {
    if (k == key) {
      return key;
    }
  }
  unregistered_document_key();  // not constexpr: the build fails here
  return key;
}

/**
 * A citation of a registered document: title, 文号, year and the evidence flag
 * come from the registry.
 * @param key the document's key, from source_key()
 * @param article the article (条), e.g. "第五条"; may be empty
 * @param item the item (项); may be empty
 * @param verification how far the cited text was verified
 * @param supports what the citation supports
 * @return the citation
 */
inline Citation cite(std::string_view key, std::string article, std::string item,
                     Verification verification, std::string supports) {
  Citation c;
  c.key = std::string(key);
  if (const Document *d = find_builtin_document(key)) {
    c.document = d->title;
    c.document_number = d->document_number;
    const std::optional<Date> day = d->issued_on ? d->issued_on : d->in_force_from;
    c.year = day ? day->year() : 0;
    c.evidence = d->evidence_only;
  }
  c.article = std::move(article);
  c.item = std::move(item);
  c.verification = verification;
  c.supports = std::move(supports);
  return c;
}

}  // namespace cadre::detail

#endif  // CADRE_SRC_SOURCES_SOURCE_KEY_HPP
