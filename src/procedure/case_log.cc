// The hash chain of a case's event log (issue 10 §3): links, hex, and the verifier.
#include "cadre/case_log.hpp"

#include <cstddef>

#include "catalogue/sha256.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

constexpr std::string_view kDomain{"cadre.case.v1\0", 14};

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

std::string to_hex(const Digest &digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * digest.size(), '0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xfU];
  }
  return out;
}

std::optional<Digest> digest_from_hex(std::string_view hex) {
  Digest out{};
  if (hex.size() != 2 * out.size()) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_value(hex[2 * i]);
    const int lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return std::nullopt;
    }
    out[i] = static_cast<std::uint8_t>((hi << 4) | lo);
  }
  return out;
}

Digest chain_link(const Digest &prev, std::uint64_t seq, std::string_view bytes) {
  std::array<char, 8> seq_be{};
  for (std::size_t i = 0; i < seq_be.size(); ++i) {
    seq_be[i] = static_cast<char>(seq >> (56 - 8 * i));
  }
  Sha256 hash;
  hash.update(kDomain);
  hash.update({reinterpret_cast<const char *>(prev.data()), prev.size()});
  hash.update({seq_be.data(), seq_be.size()});
  hash.update(bytes);
  return hash.finish();
}

bool ChainVerifier::feed(const LoggedEvent &event) {
  const std::uint64_t index = count_++;
  if (first_bad_) {
    return false;
  }
  if (event.seq != index + 1 || event.prev != head_ ||
      event.link != chain_link(event.prev, event.seq, event.bytes)) {
    first_bad_ = index;
    return false;
  }
  head_ = event.link;
  return true;
}

std::optional<std::uint64_t> ChainVerifier::finish(const CaseHeader &header) const {
  if (first_bad_) {
    return first_bad_;
  }
  if (count_ != header.events) {
    return count_ < header.events ? count_ : header.events;
  }
  if (head_ != header.head) {
    return count_ == 0 ? 0 : count_ - 1;
  }
  return std::nullopt;
}

}  // namespace api_v1
}  // namespace cadre
