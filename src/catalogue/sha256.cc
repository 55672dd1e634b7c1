// SHA-256 (FIPS 180-4), for content hashes of catalogues and decision records, and the links of
// case chains. On x86-64 processors with the SHA extensions the blocks are compressed with them
// (chosen once at run time); elsewhere, and when the tests ask, with the portable code.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "catalogue/sha256.hpp"

// clang-tidy (which defines __clang_analyzer__) reads the portable code only: its check
// portability-simd-intrinsics reports the intrinsics without a source location, so that NOLINT
// cannot place them; the x86-64 path is tested against the portable one instead.
#if defined(__x86_64__) && !defined(__clang_analyzer__)
#include <cpuid.h>
#include <immintrin.h>
#define CADRE_SHA256_X86 1
#endif

namespace cadre {
inline namespace api_v1 {
namespace {

constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) noexcept { return (x >> n) | (x << (32 - n)); }

void compress(std::array<std::uint32_t, 8> &h, const unsigned char *block) noexcept {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t i = 0; i < 16; ++i) {
    w[i] = (std::uint32_t{block[4 * i]} << 24) | (std::uint32_t{block[4 * i + 1]} << 16) |
           (std::uint32_t{block[4 * i + 2]} << 8) | std::uint32_t{block[4 * i + 3]};
  }
  for (std::size_t i = 16; i < 64; ++i) {
    const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = h[0];
  std::uint32_t b = h[1];
  std::uint32_t c = h[2];
  std::uint32_t d = h[3];
  std::uint32_t e = h[4];
  std::uint32_t f = h[5];
  std::uint32_t g = h[6];
  std::uint32_t k = h[7];
  for (std::size_t i = 0; i < 64; ++i) {
    const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const std::uint32_t ch = (e & f) ^ (~e & g);
    const std::uint32_t t1 = k + s1 + ch + kRound[i] + w[i];
    const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    const std::uint32_t t2 = s0 + maj;
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += k;
}

#if CADRE_SHA256_X86
// The SHA extensions keep the state as two words of four lanes: ABEF and CDGH (lane 3 first).
// Each sha256rnds2 does two rounds; sha256msg1/msg2 extend the message schedule four words at a
// time: W[t..t+3] = msg2(msg1(W[t-16..t-13], W[t-12..t-9]) + W[t-7..t-4], W[t-4..t-1]).
__attribute__((target("sha,sse4.1,ssse3"))) void compress_x86(std::array<std::uint32_t, 8> &h,
                                                              const unsigned char *p,
                                                              std::size_t blocks) noexcept {
  const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h.data()));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h.data() + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (; blocks > 0; --blocks, p += 64) {
    const __m128i abef_in = abef;
    const __m128i cdgh_in = cdgh;
    __m128i w[4];  // NOLINT(cppcoreguidelines-avoid-c-arrays,modernize-avoid-c-arrays): a vector
                   // type in std::array loses its attributes
    for (std::size_t g = 0; g < 16; ++g) {
      __m128i &cur = w[g % 4];
      if (g < 4) {
        cur = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * g)),
                               big_endian);
      } else {
        const __m128i &prev = w[(g + 3) % 4];
        __m128i t = _mm_sha256msg1_epu32(cur, w[(g + 1) % 4]);
        t = _mm_add_epi32(t, _mm_alignr_epi8(prev, w[(g + 2) % 4], 4));
        cur = _mm_sha256msg2_epu32(t, prev);
      }
      __m128i msg = _mm_add_epi32(
          cur, _mm_loadu_si128(reinterpret_cast<const __m128i *>(kRound.data() + 4 * g)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
      msg = _mm_shuffle_epi32(msg, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, msg);
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i *>(h.data()), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i *>(h.data() + 4), hgfe);
}

bool has_sha_extensions() noexcept {
  unsigned a = 0;
  unsigned b = 0;
  unsigned c = 0;
  unsigned d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) {
    return false;
  }
  const bool ssse3 = (c & (1U << 9U)) != 0;
  const bool sse41 = (c & (1U << 19U)) != 0;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) {
    return false;
  }
  return ssse3 && sse41 && (b & (1U << 29U)) != 0;
}
#endif

// Whether blocks go to the SHA extensions: decided once; the tests may force the portable code.
bool &use_extensions() noexcept {
#if CADRE_SHA256_X86
  static bool use = has_sha_extensions();
#else
  static bool use = false;
#endif
  return use;
}

void compress_blocks(std::array<std::uint32_t, 8> &h, const unsigned char *p,
                     std::size_t blocks) noexcept {
#if CADRE_SHA256_X86
  if (use_extensions()) {
    compress_x86(h, p, blocks);
    return;
  }
#endif
  for (; blocks > 0; --blocks, p += 64) {
    compress(h, p);
  }
}

}  // namespace

Sha256::Sha256() noexcept
    : h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::update(std::string_view bytes) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
  std::size_t n = bytes.size();
  total_ += n;
  if (used_ > 0) {
    const std::size_t take = n < 64 - used_ ? n : 64 - used_;
    for (std::size_t i = 0; i < take; ++i) {
      block_[used_ + i] = p[i];
    }
    used_ += take;
    p += take;
    n -= take;
    if (used_ < 64) {
      return;
    }
    compress_blocks(h_, block_.data(), 1);
    used_ = 0;
  }
  if (n >= 64) {
    compress_blocks(h_, p, n / 64);
    p += n / 64 * 64;
    n %= 64;
  }
  for (std::size_t i = 0; i < n; ++i) {
    block_[i] = p[i];
  }
  used_ = n;
}

std::array<std::uint8_t, 32> Sha256::finish() noexcept {
  std::array<unsigned char, 128> tail{};
  for (std::size_t i = 0; i < used_; ++i) {
    tail[i] = block_[i];
  }
  tail[used_] = 0x80;
  const std::size_t len = used_ < 56 ? 64 : 128;
  const std::uint64_t bits = static_cast<std::uint64_t>(total_) * 8U;
  for (std::size_t i = 0; i < 8; ++i) {
    tail[len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  }
  compress_blocks(h_, tail.data(), len / 64);
  std::array<std::uint8_t, 32> out{};
  for (std::size_t i = 0; i < 8; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      out[i * 4 + j] = static_cast<std::uint8_t>(h_[i] >> (24 - 8 * j));
    }
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes);
  const auto digest = hash.finish();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (std::size_t i = 0; i < 32; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xfU];
  }
  return out;
}

}  // namespace api_v1

namespace detail {

bool sha256_uses_extensions() noexcept { return use_extensions(); }

bool set_sha256_extensions(bool on) noexcept {
#if CADRE_SHA256_X86
  const bool before = use_extensions();
  use_extensions() = on && has_sha_extensions();
  return before;
#else
  (void)on;
  return false;
#endif
}

}  // namespace detail
}  // namespace cadre
