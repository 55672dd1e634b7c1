// Fuzz target: the codec of the result records (codec/records_codec.*):
// procedure cases, bulletins and decision records in protobuf binary or JSON.
// Byte 0 picks the record and the format. Every error names its field; what
// decodes encodes and decodes back to the same value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "codec/records_codec.hpp"

namespace {

template <typename Wire, typename Domain>
void round_trip(const std::uint8_t *data, std::size_t size, cadre::codec::Format format) {
  Wire wire;
  if (!cadre::codec::parse(data, size, format, wire, "record").ok()) {
    return;
  }
  Domain value;
  std::vector<cadre::Status> errors;
  const bool ok = cadre::codec::decode(wire, "record", value, errors);
  if (ok != errors.empty()) {
    __builtin_trap();
  }
  for (const cadre::Status &e : errors) {
    if (e.ok() || e.field().empty() || e.message().empty()) {
      __builtin_trap();
    }
  }
  if (!ok) {
    return;
  }
  Wire again;
  cadre::codec::encode(value, again);
  Domain back;
  std::vector<cadre::Status> none;
  if (!cadre::codec::decode(again, "record", back, none) || !(back == value)) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto format =
      (data[0] & 1) != 0 ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  switch ((data[0] >> 1U) % 3) {
    case 0:
      round_trip<cadre::v1::ProcedureCase, cadre::ProcedureCase>(data + 1, size - 1, format);
      break;
    case 1:
      round_trip<cadre::v1::Bulletin, cadre::Bulletin>(data + 1, size - 1, format);
      break;
    default:
      round_trip<cadre::v1::DecisionRecord, cadre::DecisionRecord>(data + 1, size - 1, format);
      break;
  }
  return 0;
}
