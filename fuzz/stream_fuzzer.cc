// Fuzz target: the stream form (CADRES1 + varint-length RosterRecords) fed to
// the streamed screening in chunks whose sizes come from the input itself.
// Whatever the chunking, the outcome must be the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/service.hpp"

namespace {

struct Outcome {
  bool ok = true;
  int findings = 0;
  int errors = 0;
  int down = 0;
};

Outcome run(const std::uint8_t *data, std::size_t size, std::size_t chunk) {
  cadre::service::StreamScreener s(cadre::service::builtin_engine(),
                                   *cadre::Date::parse("2025-06-30"));
  Outcome o;
  for (std::size_t pos = 0; pos < size && o.ok; pos += chunk) {
    cadre::v1::ScreenResponse r;
    o.ok = s.push(data + pos, std::min(chunk, size - pos), r).ok();
    o.findings += r.findings_size();
    o.errors += r.errors_size();
  }
  cadre::v1::ScreenResponse end;
  if (o.ok) {
    o.ok = s.finish(end).ok();
    o.down = end.summary().cadres_down();
  }
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // The magic is prepended so that the fuzzer reaches the records quickly.
  std::string bytes = "CADRES1\n";
  bytes.append(reinterpret_cast<const char *>(data), size);
  const auto *p = reinterpret_cast<const std::uint8_t *>(bytes.data());
  const Outcome whole = run(p, bytes.size(), bytes.size() + 1);
  const std::size_t chunk = size == 0 ? 1 : 1 + data[0] % 13;
  const Outcome pieces = run(p, bytes.size(), chunk);
  if (whole.ok != pieces.ok ||
      (whole.ok && (whole.findings != pieces.findings || whole.errors != pieces.errors ||
                    whole.down != pieces.down))) {
    __builtin_trap();
  }
  return 0;
}
