// Streamed screening: a roster in the stream form, fed in chunks of any size,
// screened record by record with memory bounded by the largest record. The
// one implementation behind cadre_stream_*, Python's Engine.screen_stream and
// `cadre screen ROSTER.cadres`.
// Internal to libcadre, the CLI and the tools; never installed.
#ifndef CADRE_SRC_SERVICE_STREAM_SCREENER_HPP
#define CADRE_SRC_SERVICE_STREAM_SCREENER_HPP

#include <google/protobuf/arena.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cadre/screening.hpp"
#include "cadre/v1/screening.pb.h"
#include "codec/stream.hpp"
#include "codec/wire.hpp"

namespace cadre::service {

/**
 * Screens a roster in the stream form (codec/stream.hpp: magic, header
 * first, varint-length RosterRecords) fed in chunks of any size: each push()
 * gives the findings and record errors of the cadres completed by that chunk;
 * finish() gives the summary of the whole stream. The framing is
 * codec::StreamFramer's, so a stream is read here exactly as StreamReader
 * reads it (a second header is an error in both).
 */
class StreamScreener {
 public:
  /** Screens with @p engine (which must outlive the screener) as of @p as_of. */
  StreamScreener(const Engine &engine, Date as_of) : engine_(engine), as_of_(as_of) {}

  /**
   * Feeds bytes. Findings and record errors of the cadres completed by them
   * are appended to @p response (record indexes count cadres from 0 over the
   * whole stream). Fails, and stays failed, on a stream that is not well
   * formed; the error names the record ("records[12]") or "magic".
   */
  Status push(const std::uint8_t *data, std::size_t size, cadre::v1::ScreenResponse &response);

  /**
   * Ends the stream: fails on a partial record or a stream without a header;
   * otherwise writes as_of and the summary into @p response.
   */
  Status finish(cadre::v1::ScreenResponse &response);

  /** The summary of the cadres screened so far. */
  [[nodiscard]] const ScreenSummary &summary() const noexcept { return summary_; }
  /** Cadre records seen so far. */
  [[nodiscard]] std::uint64_t cadres() const noexcept { return cadres_; }
  /** Cadre records read by the fast path (codec/wire_support.hpp), not by protobuf. */
  [[nodiscard]] std::uint64_t fast_cadres() const noexcept { return fast_cadres_; }

  /**
   * Whether cadre records are first read by the hand-written wire reader (the
   * default); off, every record is parsed by protobuf. The results are the
   * same either way (tests/unit/wire_test.cc); the benchmark compares both.
   */
  void set_fast_path(bool on) noexcept { fast_path_ = on; }

 private:
  const Engine &engine_;
  Date as_of_;
  codec::StreamFramer framer_;
  std::uint64_t cadres_ = 0;
  ScreenSummary summary_;
  // Records are parsed into an arena, reset every few MiB: no malloc per field.
  google::protobuf::Arena arena_;
  std::size_t arena_bytes_ = 0;
  Cadre cadre_;
  std::vector<Finding> findings_;
  bool fast_path_ = true;
  std::uint64_t fast_cadres_ = 0;
  // The view of the fast path, reused: it keeps the capacity of its lists.
  codec::wire::Cadre wire_;
};

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_STREAM_SCREENER_HPP
