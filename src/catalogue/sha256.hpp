// SHA-256 (FIPS 180-4): internal, for the content hashes of catalogues and
// the hashes of decision records. Not part of the public API.
#ifndef CADRE_SRC_CATALOGUE_SHA256_HPP
#define CADRE_SRC_CATALOGUE_SHA256_HPP

#include <string>
#include <string_view>

namespace cadre {
inline namespace api_v1 {

/**
 * SHA-256 (FIPS 180-4).
 * @param bytes the bytes to hash
 * @return the digest as 64 lowercase hex digits
 */
std::string sha256_hex(std::string_view bytes);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_SRC_CATALOGUE_SHA256_HPP
