// SHA-256 (FIPS 180-4): internal, for the content hashes of catalogues and
// the hashes of decision records. Not part of the public API.
#ifndef CADRE_SRC_CATALOGUE_SHA256_HPP
#define CADRE_SRC_CATALOGUE_SHA256_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cadre {
inline namespace api_v1 {

/** SHA-256 (FIPS 180-4) over bytes given in parts: update() any number of times, then finish()
 * once. */
class Sha256 {
 public:
  Sha256() noexcept;
  /** Hashes @p bytes after those given before. */
  void update(std::string_view bytes) noexcept;
  /** The digest of everything given; the object is spent afterwards. */
  std::array<std::uint8_t, 32> finish() noexcept;

 private:
  std::array<std::uint32_t, 8> h_;
  std::array<unsigned char, 64> block_{};
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

/**
 * SHA-256 (FIPS 180-4).
 * @param bytes the bytes to hash
 * @return the digest as 64 lowercase hex digits
 */
std::string sha256_hex(std::string_view bytes);

}  // namespace api_v1

namespace detail {

/** @return whether the blocks are compressed with the processor's SHA extensions. */
bool sha256_uses_extensions() noexcept;

/**
 * Uses the SHA extensions when @p on and the processor has them, the portable code otherwise
 * (for the tests, which check that both give the same digests). Not thread-safe.
 * @return whether the extensions were in use before
 */
bool set_sha256_extensions(bool on) noexcept;

}  // namespace detail
}  // namespace cadre

#endif  // CADRE_SRC_CATALOGUE_SHA256_HPP
