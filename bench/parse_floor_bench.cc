// The floor of the streamed screening: the same roster file (stream form)
// read in 1 MiB chunks, exactly as cadre_capi_stream_bench feeds it to the C
// ABI, framed by the library's one reader of the stream form
// (codec::StreamFramer) and every record parsed with protobuf alone into an
// arena reset every 2 MiB of records, its first block kept (as cheap as we know how to make
// protobuf). Nothing is validated or screened. A benchmark, not a test; bench/run.sh divides the C
// ABI's time by this one's.
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
#include "codec/stream.hpp"

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s ROSTER.cadres [REPEAT]\n", argv[0]);
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  constexpr std::size_t kChunk = std::size_t{1} << 20U;
  std::vector<char> chunk(kChunk);
  std::vector<char> block(std::size_t{32} << 20U);  // the arena's first block
  double best = 0;
  long long cadres = 0;
  for (int run = 0; run < repeat; ++run) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::perror(argv[1]);
      return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    // The arena's first block is ours, so that Reset() keeps it: without it, every reset
    // gave the blocks back to malloc, which returned them to the kernel, and the next
    // records paid the page faults again (most of the time, 2026-12-02).
    google::protobuf::ArenaOptions options;
    options.initial_block = block.data();
    options.initial_block_size = block.size();
    google::protobuf::Arena arena(options);
    std::size_t arena_bytes = 0;
    cadre::codec::StreamFramer framer;  // the library's one reader of the stream form
    cadres = 0;
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    while (in.read(chunk.data(), static_cast<std::streamsize>(kChunk)) || in.gcount() > 0) {
      framer.feed(reinterpret_cast<const std::uint8_t *>(chunk.data()),
                  static_cast<std::size_t>(in.gcount()));
      cadre::codec::StreamFramer::Next next;
      while ((next = framer.next(data, size)) == cadre::codec::StreamFramer::Next::kRecord) {
        if (arena_bytes > (2U << 20U)) {
          arena.Reset();
          arena_bytes = 0;
        }
        arena_bytes += size;
        auto *r = google::protobuf::Arena::CreateMessage<cadre::v1::RosterRecord>(&arena);
        if (!r->ParseFromArray(data, static_cast<int>(size))) {
          std::fprintf(stderr, "record %llu does not parse\n",
                       static_cast<unsigned long long>(framer.records() - 1));
          return 1;
        }
        cadres += r->has_cadre() ? 1 : 0;
      }
      if (next == cadre::codec::StreamFramer::Next::kError) {
        std::fprintf(stderr, "%s\n", framer.status().to_string().c_str());
        return 1;
      }
    }
    if (const cadre::Status st = framer.finish(); !st.ok()) {
      std::fprintf(stderr, "%s\n", st.to_string().c_str());
      return 1;
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
