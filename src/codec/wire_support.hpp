// The protobuf wire format, read by hand for the streamed screening's fast path.
//
// cadre_wiregen generates, for every message reachable from cadre.v1.Cadre, a
// view type (codec/wire.hpp) with the same accessors as the generated protobuf
// class, over the record's bytes: strings are std::string_view into the
// buffer, nothing is allocated once the views have grown to the roster's
// largest record. The codec's decoders are templates over the input type, so
// one validation serves both (cadre_codec.cc).
//
// The fast path takes only what it is sure of: a parse returns false on
// anything unusual (a malformed or truncated field, a known field with another
// wire type, a singular message given twice, groups, text that is not UTF-8),
// and the caller then parses the record with protobuf, which decides. Unknown
// fields are skipped, as protobuf keeps them aside. tests/unit/wire_test.cc and
// fuzz/wire_fuzz.cc check that both paths agree on every record the fast path
// takes.
#ifndef CADRE_SRC_CODEC_WIRE_SUPPORT_HPP
#define CADRE_SRC_CODEC_WIRE_SUPPORT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace cadre::codec::wire {

/** Wire types of the protobuf encoding. */
enum WireType : std::uint32_t {
  kVarint = 0,
  kFixed64 = 1,
  kLengthDelimited = 2,
  kFixed32 = 5,
};

/** Reads a varint of at most 10 bytes; false when truncated or longer. */
inline bool read_varint(const std::uint8_t *&p, const std::uint8_t *end,
                        std::uint64_t &value) noexcept {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p == end) {
      return false;
    }
    const std::uint8_t b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7fU) << static_cast<unsigned>(shift);
    if ((b & 0x80U) == 0) {
      // The tenth byte may carry only the 64th bit.
      if (shift == 63 && b > 1) {
        return false;
      }
      value = v;
      return true;
    }
  }
  return false;
}

/**
 * The most bytes protobuf reads for a tag or a length: more (an overlong
 * varint, legal in the wire format's grammar) makes it reject the message, so
 * the fast path rejects it too and leaves the bytes to protobuf.
 */
constexpr std::ptrdiff_t kMaxTagOrLengthBytes = 5;

/** Reads a field's tag; false for field number 0, a tag over 32 bits or over 5 bytes. */
inline bool read_tag(const std::uint8_t *&p, const std::uint8_t *end, std::uint32_t &tag) noexcept {
  if (p != end && *p < 0x80U) {
    tag = *p++;
  } else {
    const std::uint8_t *const start = p;
    std::uint64_t v = 0;
    if (!read_varint(p, end, v) || v > 0xffffffffU || p - start > kMaxTagOrLengthBytes) {
      return false;
    }
    tag = static_cast<std::uint32_t>(v);
  }
  return (tag >> 3U) != 0;
}

/** Reads an int32 (or an enum): the low 32 bits of a varint, as protobuf does. */
inline bool read_int32(const std::uint8_t *&p, const std::uint8_t *end,
                       std::int32_t &value) noexcept {
  if (p != end && *p < 0x80U) {
    value = *p++;
    return true;
  }
  std::uint64_t v = 0;
  if (!read_varint(p, end, v)) {
    return false;
  }
  value = static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return true;
}

/** Reads an int64. */
inline bool read_int64(const std::uint8_t *&p, const std::uint8_t *end,
                       std::int64_t &value) noexcept {
  std::uint64_t v = 0;
  if (!read_varint(p, end, v)) {
    return false;
  }
  value = static_cast<std::int64_t>(v);
  return true;
}

/** Reads a uint32: the low 32 bits of a varint. */
inline bool read_uint32(const std::uint8_t *&p, const std::uint8_t *end,
                        std::uint32_t &value) noexcept {
  std::uint64_t v = 0;
  if (!read_varint(p, end, v)) {
    return false;
  }
  value = static_cast<std::uint32_t>(v);
  return true;
}

/** Reads a uint64. */
inline bool read_uint64(const std::uint8_t *&p, const std::uint8_t *end,
                        std::uint64_t &value) noexcept {
  return read_varint(p, end, value);
}

/** Reads a bool: any non-zero varint is true. */
inline bool read_bool(const std::uint8_t *&p, const std::uint8_t *end, bool &value) noexcept {
  std::uint64_t v = 0;
  if (!read_varint(p, end, v)) {
    return false;
  }
  value = v != 0;
  return true;
}

/** Reads a double (8 bytes, little-endian as on every host cadre supports). */
inline bool read_double(const std::uint8_t *&p, const std::uint8_t *end, double &value) noexcept {
  if (end - p < 8) {
    return false;
  }
  std::memcpy(&value, p, sizeof value);
  p += 8;
  return true;
}

/** Reads a float (4 bytes). */
inline bool read_float(const std::uint8_t *&p, const std::uint8_t *end, float &value) noexcept {
  if (end - p < 4) {
    return false;
  }
  std::memcpy(&value, p, sizeof value);
  p += 4;
  return true;
}

/** Reads the bytes of a length-delimited field. */
inline bool read_bytes(const std::uint8_t *&p, const std::uint8_t *end,
                       std::string_view &value) noexcept {
  const std::uint8_t *const start = p;
  std::uint64_t n = 0;
  if (!read_varint(p, end, n) || p - start > kMaxTagOrLengthBytes ||
      n > static_cast<std::uint64_t>(end - p)) {
    return false;
  }
  value = std::string_view(reinterpret_cast<const char *>(p), static_cast<std::size_t>(n));
  p += n;
  return true;
}

/** Whether @p s is UTF-8 as RFC 3629 defines it (no overlong forms, no surrogates). */
inline bool valid_utf8(std::string_view s) noexcept {
  const auto *p = reinterpret_cast<const std::uint8_t *>(s.data());
  const std::uint8_t *const end = p + s.size();
  while (p != end) {
    // Eight ASCII bytes at a time, the common case of ids and dates.
    while (end - p >= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, sizeof w);
      if ((w & 0x8080808080808080ULL) != 0) {
        break;
      }
      p += 8;
    }
    if (p == end) {
      break;
    }
    const std::uint8_t b = *p;
    if (b < 0x80U) {
      ++p;
      continue;
    }
    int n = 0;
    std::uint8_t lo = 0x80U;
    std::uint8_t hi = 0xbfU;
    if (b >= 0xc2U && b <= 0xdfU) {
      n = 1;
    } else if (b >= 0xe0U && b <= 0xefU) {
      n = 2;
      lo = b == 0xe0U ? 0xa0U : 0x80U;
      hi = b == 0xedU ? 0x9fU : 0xbfU;
    } else if (b >= 0xf0U && b <= 0xf4U) {
      n = 3;
      lo = b == 0xf0U ? 0x90U : 0x80U;
      hi = b == 0xf4U ? 0x8fU : 0xbfU;
    } else {
      return false;
    }
    if (end - p <= n) {
      return false;
    }
    if (p[1] < lo || p[1] > hi) {
      return false;
    }
    for (int i = 2; i <= n; ++i) {
      if ((p[i] & 0xc0U) != 0x80U) {
        return false;
      }
    }
    p += n + 1;
  }
  return true;
}

/** Reads a string field: its bytes, which must be UTF-8 (proto3). */
inline bool read_string(const std::uint8_t *&p, const std::uint8_t *end,
                        std::string_view &value) noexcept {
  return read_bytes(p, end, value) && valid_utf8(value);
}

/** Skips a field of an unknown number; false for groups and malformed fields. */
inline bool skip_field(const std::uint8_t *&p, const std::uint8_t *end,
                       std::uint32_t tag) noexcept {
  switch (tag & 7U) {
    case kVarint: {
      std::uint64_t v = 0;
      return read_varint(p, end, v);
    }
    case kFixed64:
      if (end - p < 8) return false;
      p += 8;
      return true;
    case kLengthDelimited: {
      std::string_view v;
      return read_bytes(p, end, v);
    }
    case kFixed32:
      if (end - p < 4) return false;
      p += 4;
      return true;
    default:
      return false;
  }
}

/** A repeated message field: elements are kept (with their capacity) for the next record. */
template <typename T>
class Repeated {
 public:
  [[nodiscard]] int size() const noexcept { return size_; }
  [[nodiscard]] const T &Get(int i) const noexcept { return items_[static_cast<std::size_t>(i)]; }
  [[nodiscard]] const T *begin() const noexcept { return items_.data(); }
  [[nodiscard]] const T *end() const noexcept { return items_.data() + size_; }

  /** A cleared element at the end. */
  T &add() {
    if (static_cast<std::size_t>(size_) == items_.size()) {
      items_.emplace_back();
    }
    return items_[static_cast<std::size_t>(size_++)];
  }
  void clear() noexcept { size_ = 0; }

 private:
  std::vector<T> items_;
  int size_ = 0;
};

/** A repeated scalar field (strings as views). */
template <typename T>
class RepeatedScalar {
 public:
  [[nodiscard]] int size() const noexcept { return static_cast<int>(items_.size()); }
  [[nodiscard]] T Get(int i) const noexcept { return items_[static_cast<std::size_t>(i)]; }
  [[nodiscard]] auto begin() const noexcept { return items_.begin(); }
  [[nodiscard]] auto end() const noexcept { return items_.end(); }

  void add(T value) { items_.push_back(value); }
  void clear() noexcept { items_.clear(); }

 private:
  std::vector<T> items_;
};

/** Reads one element of a repeated int32/enum field, packed (LEN) or not. */
inline bool read_int32s(const std::uint8_t *&p, const std::uint8_t *end, std::uint32_t wire_type,
                        RepeatedScalar<std::int32_t> &out) {
  std::int32_t v = 0;
  if (wire_type == kVarint) {
    if (!read_int32(p, end, v)) return false;
    out.add(v);
    return true;
  }
  std::string_view packed;
  if (wire_type != kLengthDelimited || !read_bytes(p, end, packed)) {
    return false;
  }
  const auto *q = reinterpret_cast<const std::uint8_t *>(packed.data());
  const std::uint8_t *const q_end = q + packed.size();
  while (q != q_end) {
    if (!read_int32(q, q_end, v)) return false;
    out.add(v);
  }
  return true;
}

/**
 * The payload of a record that holds exactly one field, number @p field,
 * length-delimited (a RosterRecord holding one cadre); false otherwise.
 */
inline bool only_field(const std::uint8_t *p, const std::uint8_t *end, std::uint32_t field,
                       const std::uint8_t *&payload, const std::uint8_t *&payload_end) noexcept {
  std::uint32_t tag = 0;
  std::string_view bytes;
  if (!read_tag(p, end, tag) || tag != ((field << 3U) | kLengthDelimited) ||
      !read_bytes(p, end, bytes) || p != end) {
    return false;
  }
  payload = reinterpret_cast<const std::uint8_t *>(bytes.data());
  payload_end = payload + bytes.size();
  return true;
}

}  // namespace cadre::codec::wire

#endif  // CADRE_SRC_CODEC_WIRE_SUPPORT_HPP
