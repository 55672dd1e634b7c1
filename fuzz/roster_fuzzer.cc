// Fuzz target: a whole roster (cadre.v1.Roster) in protobuf binary or JSON,
// decoded and validated with every error collected. First byte: the format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto format =
      (data[0] & 1) != 0 ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  cadre::v1::Roster wire;
  if (!cadre::codec::parse(data + 1, size - 1, format, wire, "roster").ok()) {
    return 0;
  }
  cadre::Roster roster;
  std::vector<cadre::Status> errors;
  const bool ok = cadre::codec::decode(wire, cadre::Date::parse("2025-06-30"), roster, errors);
  if (ok != errors.empty()) {
    __builtin_trap();  // the result and the errors must agree
  }
  for (const cadre::Status &e : errors) {
    if (e.ok() || e.field().empty()) {
      __builtin_trap();  // every error names its field
    }
  }
  if (ok) {
    // Valid data survives the round trip.
    cadre::v1::Roster again;
    cadre::codec::encode(roster, again);
    cadre::Roster back;
    std::vector<cadre::Status> none;
    if (!cadre::codec::decode(again, cadre::Date::parse("2025-06-30"), back, none) ||
        !(back == roster)) {
      __builtin_trap();
    }
  }
  return 0;
}
