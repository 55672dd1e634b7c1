// The hash chain of a case's event log (issue 10 §3): links, hex and the verifier.
#include "cadre/case_log.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "catalogue/sha256.hpp"

namespace cadre {
namespace {

std::vector<LoggedEvent> chain(int n) {
  std::vector<LoggedEvent> out;
  Digest prev{};
  for (int i = 1; i <= n; ++i) {
    LoggedEvent e;
    e.seq = static_cast<std::uint64_t>(i);
    e.prev = prev;
    e.bytes = "event " + std::to_string(i);
    e.link = chain_link(e.prev, e.seq, e.bytes);
    prev = e.link;
    out.push_back(e);
  }
  return out;
}

CaseHeader header_of(const std::vector<LoggedEvent> &events) {
  CaseHeader h;
  h.id = "case-1";
  h.events = events.size();
  if (!events.empty()) {
    h.head = events.back().link;
  }
  return h;
}

std::optional<std::uint64_t> verify(const std::vector<LoggedEvent> &events, const CaseHeader &h) {
  ChainVerifier v;
  for (const auto &e : events) {
    v.feed(e);
  }
  return v.finish(h);
}

TEST(Sha256, PartsGiveTheSameDigestAsTheWhole) {
  const std::string text(300, 'x');
  for (std::size_t cut : {0UL, 1UL, 55UL, 56UL, 63UL, 64UL, 65UL, 128UL, 299UL, 300UL}) {
    Sha256 parts;
    parts.update(std::string_view(text).substr(0, cut));
    parts.update(std::string_view(text).substr(cut));
    EXPECT_EQ(to_hex(parts.finish()), sha256_hex(text)) << cut;
  }
}

// The processor's SHA extensions (where it has them) and the portable code give the same
// digests, whole and in parts, at every length around the block and padding edges.
TEST(Sha256, ExtensionsAndPortableCodeAgree) {
  std::string text;
  for (int i = 0; i < 700; ++i) {
    text.push_back(static_cast<char>((i * 131 + 7) & 0xff));
  }
  const bool before = detail::set_sha256_extensions(false);
  std::vector<std::string> portable;
  for (std::size_t n = 0; n <= text.size(); n += 9) {
    portable.push_back(sha256_hex(std::string_view(text).substr(0, n)));
  }
  EXPECT_FALSE(detail::sha256_uses_extensions());
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  detail::set_sha256_extensions(true);
  std::size_t i = 0;
  for (std::size_t n = 0; n <= text.size(); n += 9, ++i) {
    EXPECT_EQ(sha256_hex(std::string_view(text).substr(0, n)), portable[i]) << n;
    Sha256 parts;
    parts.update(std::string_view(text).substr(0, n / 3));
    parts.update(std::string_view(text).substr(n / 3, n - n / 3));
    EXPECT_EQ(to_hex(parts.finish()), portable[i]) << n;
  }
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  detail::set_sha256_extensions(before);
}

TEST(CaseLog, HexRoundTripsAndRefusesWhatIsNotADigest) {
  const Digest d = chain_link(Digest{}, 1, "x");
  EXPECT_EQ(digest_from_hex(to_hex(d)), d);
  std::string upper = to_hex(d);
  for (auto &c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  EXPECT_EQ(digest_from_hex(upper), d);
  EXPECT_FALSE(digest_from_hex(to_hex(d).substr(1)));
  EXPECT_FALSE(digest_from_hex(std::string(64, 'g')));
}

TEST(CaseLog, TheLinkDependsOnPrevSeqAndBytes) {
  const Digest zero{};
  const Digest a = chain_link(zero, 1, "x");
  EXPECT_NE(a, chain_link(zero, 2, "x"));
  EXPECT_NE(a, chain_link(zero, 1, "y"));
  EXPECT_NE(a, chain_link(a, 1, "x"));
  // The domain prefix and the fixed-width seq keep (seq, bytes) pairs apart.
  EXPECT_NE(chain_link(zero, 1, std::string("\0x", 2)), chain_link(zero, 256, "x"));
}

TEST(CaseLog, AnIntactChainVerifies) {
  const auto events = chain(5);
  EXPECT_EQ(verify(events, header_of(events)), std::nullopt);
  EXPECT_EQ(verify({}, header_of({})), std::nullopt);
}

TEST(CaseLog, AnAlteredEventIsFoundAtItsIndex) {
  auto events = chain(5);
  const auto h = header_of(events);
  events[2].bytes[0] = 'E';
  EXPECT_EQ(verify(events, h), 2U);
}

TEST(CaseLog, ARemovedEventIsFoundWhereItWas) {
  auto events = chain(5);
  const auto h = header_of(events);
  events.erase(events.begin() + 1);
  EXPECT_EQ(verify(events, h), 1U);
  auto tail = chain(5);
  tail.pop_back();
  EXPECT_EQ(verify(tail, h), 4U);
}

TEST(CaseLog, SwappedEventsAreFoundAtTheFirst) {
  auto events = chain(5);
  const auto h = header_of(events);
  std::swap(events[1], events[3]);
  EXPECT_EQ(verify(events, h), 1U);
}

TEST(CaseLog, AnInsertedEventIsFoundAtItsIndex) {
  auto events = chain(5);
  const auto h = header_of(events);
  LoggedEvent extra = events[2];
  extra.bytes = "forged";
  extra.link = chain_link(extra.prev, extra.seq, extra.bytes);
  events.insert(events.begin() + 3, extra);
  EXPECT_EQ(verify(events, h), 3U);
  auto longer = chain(6);
  EXPECT_EQ(verify(longer, h), 5U);
}

TEST(CaseLog, ARechainedLogStillDisagreesWithTheStoredHead) {
  auto forged = chain(5);
  forged[4].bytes = "forged";
  forged[4].link = chain_link(forged[4].prev, forged[4].seq, forged[4].bytes);
  EXPECT_EQ(verify(forged, header_of(chain(5))), 4U);
}

}  // namespace
}  // namespace cadre
