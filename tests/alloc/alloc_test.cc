// Heap allocations of the streamed screening after warm-up (issue 13 §4).
//
//   cadre_alloc_test THREADS AS_OF MAX_PER_THOUSAND
//
// Screens a generated province of kCadres cadres in the stream form through
// service::StreamScreener as of AS_OF in chunks of 64 KiB, reusing one
// response with StreamScreener::recycle() as the CLI and the C ABI do. The
// global operator new of this process counts every allocation (protobuf's
// included); the records after the first half of the stream must allocate at
// most MAX_PER_THOUSAND times per thousand records. The counts are
// deterministic (the same bytes, the same runs of records per thread). What
// is left is the growth of reused strings and messages to the largest value
// each has held (BENCHMARKS.md); one allocation per record, or per finding,
// more than the limits in tests/alloc/CMakeLists.txt fails. Exit status 0
// when they hold, 1 otherwise. The summary counts its follow-up figures (plans
// open, talks overdue, re-appointed) as the main job does.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "counting_new.hpp"
#include "generator/province.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

namespace {

namespace pb = ::cadre::v1;

constexpr int kCadres = 20000;

}  // namespace

int main(int argc, char **argv) {
  if (argc != 4) {
    std::fputs("usage: cadre_alloc_test THREADS AS_OF MAX_PER_THOUSAND\n", stderr);
    return 1;
  }
  const int threads = std::atoi(argv[1]);
  const auto as_of = cadre::Date::parse(argv[2]);
  const auto max_per_thousand = static_cast<std::uint64_t>(std::atoi(argv[3]));
  if (!as_of) {
    std::fputs("FAIL: bad as-of date\n", stderr);
    return 1;
  }
  // The counter counts: a test that could not see an allocation proves nothing.
  const std::uint64_t probe = cadre::testing::allocations();
  delete new std::string(64, 'x');
  if (cadre::testing::allocations() == probe) {
    std::fputs("FAIL: operator new is not the counting one\n", stderr);
    return 1;
  }
  cadre::generator::Options options;
  options.cadres = kCadres;
  std::string stream;
  if (!cadre::generator::generate_stream(options, stream).ok()) {
    std::fputs("FAIL: the province could not be generated\n", stderr);
    return 1;
  }
  cadre::service::StreamScreener screener(cadre::service::builtin_engine(), *as_of);
  if (!screener.set_threads(threads).ok()) {
    std::fputs("FAIL: bad thread count\n", stderr);
    return 1;
  }
  const auto *data = reinterpret_cast<const std::uint8_t *>(stream.data());
  constexpr std::size_t kChunk = std::size_t{1} << 16U;
  const std::size_t warm_up = stream.size() / 2;
  pb::ScreenResponse response;
  std::uint64_t before = 0;
  std::uint64_t counted_from = 0;
  std::uint64_t findings = 0;
  bool counting = false;
  for (std::size_t at = 0; at < stream.size(); at += kChunk) {
    if (!counting && at >= warm_up) {
      counting = true;
      before = cadre::testing::allocations();
      counted_from = screener.cadres();
    }
    screener.recycle(response);
    const std::size_t size = std::min(kChunk, stream.size() - at);
    if (!screener.push(data + at, size, response).ok()) {
      std::fputs("FAIL: the stream broke\n", stderr);
      return 1;
    }
    findings += counting ? static_cast<std::uint64_t>(response.findings_size()) : 0U;
  }
  const std::uint64_t allocations = cadre::testing::allocations() - before;
  const std::uint64_t records = screener.cadres() - counted_from;
  std::printf(
      "%d thread(s): %llu allocations over %llu cadre records (%llu findings) after "
      "warm-up\n",
      threads, static_cast<unsigned long long>(allocations),
      static_cast<unsigned long long>(records), static_cast<unsigned long long>(findings));
  if (records == 0 || findings == 0) {
    std::fputs("FAIL: nothing was screened after the warm-up\n", stderr);
    return 1;
  }
  if (allocations * 1000 > records * max_per_thousand) {
    std::fprintf(stderr, "FAIL: more than %llu allocations per thousand records\n",
                 static_cast<unsigned long long>(max_per_thousand));
    return 1;
  }
  return 0;
}
