// Catalogue files: protobuf text format <-> domain catalogues, with errors
// that name the entry and the field.
#ifndef CADRE_SRC_CODEC_CATALOGUE_CODEC_HPP
#define CADRE_SRC_CODEC_CATALOGUE_CODEC_HPP

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/catalogue.pb.h"

namespace cadre::codec {

/** Largest catalogue file accepted. */
inline constexpr std::size_t kMaxCatalogueBytes = 16U << 20U;
/** Most rules one catalogue may hold. */
inline constexpr int kMaxRules = 10000;

/** Predicate kinds a rule may name (the engine's registry). */
std::span<const std::string_view> predicate_kinds() noexcept;

/**
 * Parses a catalogue in protobuf text format. Syntax errors name the source,
 * line and column; semantic errors name the rule by id and the field, e.g.
 * "rules[cn-2022.unsuitable.14].text.en: required". All errors are collected.
 */
bool parse_catalogue_text(std::string_view text, std::string_view source, Catalogue &out,
                          std::vector<Status> &errors);

/** Converts and validates a wire catalogue; see parse_catalogue_text(). */
bool decode(const cadre::v1::Catalogue &in, Catalogue &out, std::vector<Status> &errors);

/**
 * The shipped catalogues (cn-2015, cn-2022, jx) as a set; parsed once, on
 * first use. A failure here is a bug in the shipped data (tested).
 */
const StatusOr<CatalogueSet> &builtin_catalogue_set();

/** Converts a domain catalogue to its wire form. */
void encode(const Catalogue &in, cadre::v1::Catalogue &out);

/**
 * Decodes a document a host declares in a file of its own (a catalogue or a
 * procedure file). Every bad field is appended to @p errors, its path under
 * @p path (e.g. "documents[2]"): the key (required, lowercase letters, digits
 * and '-', not one of the library's registry), the title and the source note
 * (required), the dates and the verification tag.
 */
Document decode_host_document(const cadre::v1::Document &in, const std::string &path,
                              std::vector<Status> &errors);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_CATALOGUE_CODEC_HPP
