// Fuzz target: a cadre.v1.Cadre's bytes offered to the fast path of the
// streamed screening (codec/wire_support.hpp). Whatever the hand-written
// reader takes, protobuf must parse too, and both must decode alike: the same
// verdict, the same errors, the same domain value.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "codec/wire.hpp"

namespace {

template <typename In>
std::string decoded(const In &in, std::optional<cadre::Date> as_of) {
  cadre::Cadre out;
  std::vector<cadre::Status> errors;
  const bool ok = cadre::codec::decode(in, "cadres[0]", as_of, out, errors);
  std::string s = ok ? "ok\n" : "failed\n";
  for (const cadre::Status &e : errors) {
    s += std::to_string(static_cast<int>(e.code())) + " " + e.field() + ": " + e.message() + "\n";
  }
  cadre::v1::Cadre again;
  cadre::codec::encode(out, again);
  return s + again.SerializeAsString();  // bytes: NaN equals NaN
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // One view for every input, as the screener keeps one: stale lists must not leak.
  static cadre::codec::wire::Cadre view;
  if (!view.parse(data, data + size)) {
    return 0;
  }
  cadre::v1::Cadre message;
  if (!message.ParseFromArray(data, static_cast<int>(size))) {
    __builtin_trap();  // the fast path took bytes that protobuf rejects
  }
  for (const auto as_of : {std::optional<cadre::Date>{}, cadre::Date::parse("2020-06-30")}) {
    if (decoded(view, as_of) != decoded(message, as_of)) {
      __builtin_trap();
    }
  }
  return 0;
}
