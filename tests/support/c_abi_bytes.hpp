// Helpers of the tests that call libcadre.so: bytes in, bytes out.
#ifndef CADRE_TESTS_SUPPORT_C_ABI_BYTES_HPP
#define CADRE_TESTS_SUPPORT_C_ABI_BYTES_HPP

#include <cstdint>
#include <string>

#include "cadre/cadre.h"

namespace cadre_test {

/** The bytes of @p s, as the C ABI takes them. */
inline const std::uint8_t *bytes(const std::string &s) {
  return reinterpret_cast<const std::uint8_t *>(s.data());
}

/** The bytes of @p buf as a string; the buffer is disposed of. */
inline std::string take(cadre_buffer &buf) {
  std::string s(reinterpret_cast<const char *>(buf.data), buf.size);
  cadre_buffer_dispose(&buf);
  return s;
}

}  // namespace cadre_test

#endif  // CADRE_TESTS_SUPPORT_C_ABI_BYTES_HPP
