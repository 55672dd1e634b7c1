// The catalogues shipped with the library, embedded at build time.
#ifndef CADRE_SRC_CATALOGUE_BUILTIN_HPP
#define CADRE_SRC_CATALOGUE_BUILTIN_HPP

#include <array>
#include <string_view>

namespace cadre::detail {

/** One shipped catalogue: its file name and its text. */
struct BuiltinCatalogue {
  std::string_view file;
  std::string_view text;
};

/** Number of shipped catalogues. */
inline constexpr std::size_t kBuiltinCatalogueCount = 3;

/** The shipped catalogues (the .textproto files of data/catalogues). */
const std::array<BuiltinCatalogue, kBuiltinCatalogueCount> &builtin_catalogues() noexcept;

}  // namespace cadre::detail

#endif  // CADRE_SRC_CATALOGUE_BUILTIN_HPP
