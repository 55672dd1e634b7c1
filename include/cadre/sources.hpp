/**
 * @file cadre/sources.hpp
 * @brief The registry of cited documents: every document a rule, a parameter or
 * an explanation cites, with its title, 文号, issuer, dates and verification tag.
 *
 * Citations name a document by its key plus article and item; titles are never
 * typed inline. The library's registry is data/sources.textproto, compiled in at
 * build time: a catalogue citing a key that is not registered fails the build
 * (shipped catalogues) or its load (a host's catalogue, which may register
 * documents of its own in Catalogue::documents).
 */
#ifndef CADRE_SOURCES_HPP
#define CADRE_SOURCES_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** One document of the registry. Schema: `cadre.v1.Document`. */
struct Document {
  std::string key;       ///< stable key, e.g. "xbry-2019"
  std::string title;     ///< full title, e.g. 《党政领导干部选拔任用工作条例》
  std::string title_en;  ///< English rendering of the title
  std::string document_number;        ///< 文号; empty when not seen
  std::string issuer;                 ///< issuing body, e.g. 中共中央办公厅
  std::optional<Date> issued_on;      ///< day of issue; empty when not seen
  std::optional<Date> in_force_from;  ///< first day in force (published, for evidence); empty
                                      ///< when not seen
  std::string superseded_by;          ///< key of the document that replaced it, if any
  std::optional<Date> superseded_on;  ///< first day of the replacing document
  Verification verification = Verification::kUnspecified;  ///< how far its text was verified
  std::string source_note;     ///< where the text was seen (short note with the address)
  bool evidence_only = false;  ///< a journal article, a press report or a local text showing a
                               ///< central wording: evidence, never a legal basis
  std::string jurisdiction;    ///< "CN" or a six-digit region code

  /**
   * Whether the document may be cited on a day: it is in force (or, for
   * evidence, published) on or before @p day. A date not seen does not exclude
   * the document. A superseded document stays citable: a case it governed is
   * still judged under it.
   * @param day the day
   * @return false only when the document is known to come into force after @p day
   */
  [[nodiscard]] bool citable_on(Date day) const noexcept {
    const std::optional<Date> first = in_force_from ? in_force_from : issued_on;
    return !first || *first <= day;
  }

  /** Documents are equal when every field is. */
  friend bool operator==(const Document &, const Document &) = default;
};

/**
 * The library's registry of documents (data/sources.textproto), in the order of
 * the file.
 * @return the documents; the reference stays valid for the life of the program
 */
const std::vector<Document> &builtin_documents();

/**
 * The registered document with a key.
 * @param key the document's key, e.g. "xbry-2019"
 * @return a pointer into builtin_documents(), or nullptr when the key is not registered
 */
const Document *find_builtin_document(std::string_view key) noexcept;

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_SOURCES_HPP
