// Fuzz target: the stream reader of the CLI, `validate` and `convert`
// (codec::StreamReader), from memory and from a std::istream as the CLI reads
// files. Both must read the same records and end with the same status; a
// stream read whole and written again must read back the same.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "codec/stream.hpp"

namespace {

struct Read {
  std::vector<std::string> records;  // each record, serialized
  cadre::Status status;
  bool at_end = false;
};

Read read(cadre::codec::StreamReader &reader) {
  Read r;
  cadre::v1::RosterRecord record;
  while (reader.next(record)) {
    r.records.push_back(record.SerializeAsString());
  }
  r.status = reader.status();
  r.at_end = reader.at_end();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // The magic first (unless the input starts with a 0 byte), so that the
  // fuzzer reaches the records quickly, and still tries bad magics.
  std::string bytes;
  if (size == 0 || data[0] != 0) {
    bytes = std::string(cadre::codec::kStreamMagic);
  }
  bytes.append(reinterpret_cast<const char *>(data), size);

  cadre::codec::StreamReader from_memory(bytes);
  const Read a = read(from_memory);
  std::istringstream in(bytes);
  cadre::codec::StreamReader from_stream(in);
  const Read b = read(from_stream);
  if (a.records != b.records || a.at_end != b.at_end || a.status.code() != b.status.code() ||
      a.status.field() != b.status.field()) {
    __builtin_trap();
  }
  if (!a.status.ok() && (a.status.message().empty() || a.status.field().empty())) {
    __builtin_trap();  // every error names where
  }
  cadre::v1::Roster roster;
  if (cadre::codec::read_stream(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                                roster)
          .ok()) {
    std::string written;
    if (!cadre::codec::write_stream(roster, written).ok()) {
      __builtin_trap();
    }
    cadre::v1::Roster again;
    const auto *w = reinterpret_cast<const std::uint8_t *>(written.data());
    if (!cadre::codec::read_stream(w, written.size(), again).ok() ||
        again.SerializeAsString() != roster.SerializeAsString()) {
      __builtin_trap();
    }
  }
  return 0;
}
