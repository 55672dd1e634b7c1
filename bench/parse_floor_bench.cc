// The floor of the streamed screening: the same roster file (stream form)
// read in 1 MiB chunks, exactly as cadre_capi_stream_bench feeds it to the C
// ABI, and every record parsed with protobuf alone into an arena reset every
// 2 MiB (as cheap as we know how to make protobuf). Nothing is validated or
// screened. A benchmark, not a test; bench/run.sh divides the C ABI's time by
// this one's.
//
//   cadre_parse_floor_bench ROSTER.cadres [REPEAT]
#include <google/protobuf/arena.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cadre/v1/roster.pb.h"
#include "codec/wire_support.hpp"

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s ROSTER.cadres [REPEAT]\n", argv[0]);
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  constexpr std::size_t kChunk = std::size_t{1} << 20U;
  std::vector<char> chunk(kChunk);
  double best = 0;
  long long cadres = 0;
  for (int run = 0; run < repeat; ++run) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::perror(argv[1]);
      return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    google::protobuf::Arena arena;
    std::size_t arena_bytes = 0;
    std::string pending;
    std::size_t offset = 0;
    bool magic = false;
    cadres = 0;
    while (in.read(chunk.data(), static_cast<std::streamsize>(kChunk)) || in.gcount() > 0) {
      if (offset > 0 && offset >= pending.size() / 2) {
        pending.erase(0, offset);
        offset = 0;
      }
      pending.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
      if (!magic) {
        if (pending.size() < 8) continue;
        offset = 8;  // the magic, "CADRES1\n"
        magic = true;
      }
      while (true) {
        const auto *begin = reinterpret_cast<const std::uint8_t *>(pending.data());
        const std::uint8_t *p = begin + offset;
        std::uint64_t n = 0;
        if (!cadre::codec::wire::read_varint(p, begin + pending.size(), n)) break;
        const auto pos = static_cast<std::size_t>(p - begin);
        if (pending.size() - pos < n) break;
        if (arena_bytes > (2U << 20U)) {
          arena.Reset();
          arena_bytes = 0;
        }
        arena_bytes += n;
        auto *r = google::protobuf::Arena::CreateMessage<cadre::v1::RosterRecord>(&arena);
        if (!r->ParseFromArray(pending.data() + pos, static_cast<int>(n))) {
          std::fprintf(stderr, "record at byte %zu does not parse\n", pos);
          return 1;
        }
        cadres += r->has_cadre() ? 1 : 0;
        offset = pos + n;
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (best == 0 || seconds < best) best = seconds;
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("parse_only: best of %d: %.3f s, %.0f cadres/s, peak RSS %ld KiB\n", repeat, best,
              static_cast<double>(cadres) / best, ru.ru_maxrss);
  return 0;
}
