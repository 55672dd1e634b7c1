// Fuzz target: the stream form (CADRES1 + varint-length RosterRecords) fed to
// the streamed screening in chunks whose sizes come from the input itself.
// Whatever the chunking, and with or without the fast path of hand-read cadre
// records (codec/wire_support.hpp), the outcome must be the same; and the
// streamed screening must accept exactly the streams codec::StreamReader
// accepts (one framing for both), and more: a record that does not parse is
// an error entry of the screener, where the reader stops. push_serialized()
// on three threads gives the bytes of the same responses.
#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/stream.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace {

struct Outcome {
  bool ok = true;
  std::string responses;  // every response, serialized

  bool operator==(const Outcome &o) const {
    return ok == o.ok && (!ok || responses == o.responses);
  }
};

Outcome run(const std::uint8_t *data, std::size_t size, std::size_t chunk, bool fast_path) {
  cadre::service::StreamScreener s(cadre::service::builtin_engine(),
                                   *cadre::Date::parse("2025-06-30"));
  s.set_fast_path(fast_path);
  Outcome o;
  cadre::v1::ScreenResponse r;
  for (std::size_t pos = 0; pos < size && o.ok; pos += chunk) {
    o.ok = s.push(data + pos, std::min(chunk, size - pos), r).ok();
  }
  if (o.ok) {
    o.ok = s.finish(r).ok();
  }
  o.responses = r.SerializeAsString();
  return o;
}

// The same through push_serialized() on @p threads threads: the bytes of
// every push, parsed as one response, with finish()'s, must be the same.
Outcome run_serialized(const std::uint8_t *data, std::size_t size, std::size_t chunk, int threads) {
  cadre::service::StreamScreener s(cadre::service::builtin_engine(),
                                   *cadre::Date::parse("2025-06-30"));
  (void)s.set_threads(threads);
  Outcome o;
  std::string bytes;
  for (std::size_t pos = 0; pos < size && o.ok; pos += chunk) {
    o.ok = s.push_serialized(data + pos, std::min(chunk, size - pos), bytes).ok();
  }
  cadre::v1::ScreenResponse r;
  if (!r.ParseFromString(bytes)) {
    __builtin_trap();  // the bytes of push() responses always parse
  }
  if (o.ok) {
    cadre::v1::ScreenResponse end;
    o.ok = s.finish(end).ok();
    r.MergeFrom(end);
  }
  o.responses = r.SerializeAsString();
  return o;
}

}  // namespace

// The engine is built once, before the first input, so that its construction
// (the shipped catalogues and their hashes) is not timed as an input.
extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // The magic is prepended so that the fuzzer reaches the records quickly.
  std::string bytes = "CADRES1\n";
  bytes.append(reinterpret_cast<const char *>(data), size);
  const auto *p = reinterpret_cast<const std::uint8_t *>(bytes.data());
  const Outcome whole = run(p, bytes.size(), bytes.size() + 1, true);
  const std::size_t chunk = size == 0 ? 1 : 1 + data[0] % 13;
  const Outcome pieces = run(p, bytes.size(), chunk, true);
  const Outcome protobuf = run(p, bytes.size(), bytes.size() + 1, false);
  const Outcome serialized = run_serialized(p, bytes.size(), chunk, 3);
  if (!(whole == pieces) || !(whole == protobuf) || !(whole == serialized)) {
    __builtin_trap();
  }
  cadre::codec::StreamReader reader(bytes);
  cadre::v1::RosterRecord record;
  while (reader.next(record)) {
  }
  // The same framing: what the reader accepts the screener accepts; the
  // screener also goes on past a record that does not parse (a record
  // error), where the reader, which has no error entries, stops.
  const bool unparsed_record =
      reader.status().message().find("not a valid cadre.v1.RosterRecord") != std::string::npos &&
      reader.records() > 1;
  if (reader.at_end() ? !whole.ok : (whole.ok && !unparsed_record)) {
    __builtin_trap();
  }
  return 0;
}
