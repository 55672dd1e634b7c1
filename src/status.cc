#include "cadre/status.hpp"

#include <array>

namespace cadre {
inline namespace api_v1 {

const char *status_code_name(int code) noexcept {
  static constexpr std::array<const char *, 17> kNames = {
      "OK",
      "CANCELLED",
      "UNKNOWN",
      "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED",
      "NOT_FOUND",
      "ALREADY_EXISTS",
      "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED",
      "FAILED_PRECONDITION",
      "ABORTED",
      "OUT_OF_RANGE",
      "UNIMPLEMENTED",
      "INTERNAL",
      "UNAVAILABLE",
      "DATA_LOSS",
      "UNAUTHENTICATED",
  };
  if (code < 0 || static_cast<std::size_t>(code) >= kNames.size()) {
    return "UNRECOGNIZED";
  }
  return kNames[static_cast<std::size_t>(code)];
}

}  // namespace api_v1
}  // namespace cadre
