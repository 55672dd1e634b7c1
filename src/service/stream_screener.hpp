// Streamed screening: a roster in the stream form, fed in chunks of any size,
// screened record by record with memory bounded by the largest record. The
// one implementation behind cadre_stream_*, Python's Engine.screen_stream and
// `cadre screen ROSTER.cadres`.
// Internal to libcadre, the CLI and the tools; never installed.
#ifndef CADRE_SRC_SERVICE_STREAM_SCREENER_HPP
#define CADRE_SRC_SERVICE_STREAM_SCREENER_HPP

#include <google/protobuf/arena.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cadre/screening.hpp"
#include "cadre/v1/screening.pb.h"
#include "codec/stream.hpp"
#include "codec/wire.hpp"
#include "service/service.hpp"

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
  /** The most threads set_threads() takes. */
  static constexpr int kMaxThreads = 64;

  /** Screens with @p engine (which must outlive the screener) as of @p as_of. */
  StreamScreener(const Engine &engine, Date as_of);
  ~StreamScreener();
  StreamScreener(const StreamScreener &) = delete;
  StreamScreener &operator=(const StreamScreener &) = delete;

  /**
   * Screens the cadre records of each push on @p threads threads (1, the
   * default: the calling thread alone). The calling thread frames the
   * records and finds the duplicate ids; once it has framed a few blocks of
   * records, the other threads start screening them, block by block, while
   * it frames the rest, then it screens blocks too. The results are put back
   * in the order of the records: every response is byte-identical to the
   * one of a single thread. Set it before the first push: FAILED_PRECONDITION
   * after; INVALID_ARGUMENT (field "threads") outside 1 to kMaxThreads.
   */
  Status set_threads(int threads);
  /** The threads each push screens on. */
  [[nodiscard]] int threads() const noexcept { return threads_; }

  /**
   * Feeds bytes. Findings and record errors of the cadres completed by them
   * are appended to @p response (record indexes count cadres from 0 over the
   * whole stream). A record whose framing is intact but whose bytes do not
   * parse (invalid UTF-8, a broken nested message) is a record error at
   * "records[i]" (i counts every record, the header included) and the
   * stream goes on: its index is the cadre index when the record is shaped
   * as a cadre (then it is counted as rejected), -1 otherwise. A cadre whose
   * id an earlier cadre of the stream had is a record error "duplicate id"
   * at "cadres[k].id", not screened (the ids are kept in an IdSet: at most
   * 64 bytes per distinct id).
   *
   * Fails, and stays failed, when the framing breaks (bad magic, a length
   * that is not a varint or runs past the limit, a first record that is not
   * a header or does not parse, a second header); the error names the
   * record ("records[12]") or "magic". @p response still holds the results
   * of the records completed before the break. An exception (out of
   * memory) leaves the push and breaks the stream: every later push, and
   * finish(), returns RESOURCE_EXHAUSTED (INTERNAL for any other exception)
   * at "stream". After finish(): FAILED_PRECONDITION.
   */
  Status push(const std::uint8_t *data, std::size_t size, cadre::v1::ScreenResponse &response);

  /**
   * push() for a caller that wants the response in protobuf binary: appends
   * to @p bytes exactly the bytes of the cadre.v1.ScreenResponse push()
   * would fill (its findings, then its errors), the same statuses returned.
   * Each thread encodes the findings of its own run, so that on several
   * threads the encoding is no longer left to the calling thread; @p bytes
   * is byte-identical to a single thread's whatever the thread count. The
   * C ABI calls it for CADRE_FORMAT_BINARY.
   */
  Status push_serialized(const std::uint8_t *data, std::size_t size, std::string &bytes);

  /**
   * Ends the stream: writes as_of and the summary of the cadres screened
   * into @p response, and returns the error of a stream that broke, ends
   * inside a record or has no header (the summary is written then too). A
   * second finish(): FAILED_PRECONDITION, nothing written.
   */
  Status finish(cadre::v1::ScreenResponse &response);

  /**
   * Empties @p response for the next push, as response.Clear() does, but keeps
   * the messages Clear() would delete (the findings' explanations and
   * catalogue references) for the next pushes to fill again: with it, a
   * response reused from push to push allocates nothing once it has grown.
   * The CLI, the C ABI and the benchmarks call it between pushes.
   */
  void recycle(cadre::v1::ScreenResponse &response);

  /**
   * Breaks the stream as a push that threw does (allocates nothing): every
   * later push(), and finish(), returns @p code (RESOURCE_EXHAUSTED or
   * INTERNAL) at "stream". For the caller of a push whose results could not
   * be delivered (the C ABI when the response cannot be written).
   */
  void break_stream(StatusCode code) noexcept {
    if (broken_ == StatusCode::kOk) {
      broken_ = code;
    }
  }

  /** The summary of the cadres screened so far. */
  [[nodiscard]] const ScreenSummary &summary() const noexcept { return summary_; }
  /** Cadre records seen so far. */
  [[nodiscard]] std::uint64_t cadres() const noexcept { return cadres_; }
  /** Cadre records read by the fast path (codec/wire_support.hpp), not by protobuf. */
  [[nodiscard]] std::uint64_t fast_cadres() const noexcept;

  /**
   * Whether cadre records are first read by the hand-written wire reader (the
   * default); off, every record is parsed by protobuf. The results are the
   * same either way (tests/unit/wire_test.cc); the benchmark compares both.
   */
  void set_fast_path(bool on) noexcept { fast_path_ = on; }

  /**
   * With @p on, push() counts the findings in the summary and leaves them out
   * of its response (record errors are still given): for a caller that
   * prints the summary only. Set it before the first push.
   */
  void set_summary_only(bool on) noexcept;

  /** A cadre record of the current push: its bytes, its index among the cadres and the records. */
  struct Span {
    const std::uint8_t *data;
    std::size_t size;
    std::int64_t index;
    std::uint64_t record;
    bool duplicate = false;  // its id is an earlier cadre's
    bool keyed = false;      // whether it has a valid id, and `key` is its key
    IdSet::Key key;
  };
  /**
   * What one thread screens with: its scratch values, reused from record to
   * record and push to push, and the results of the blocks it screened.
   */
  struct Lane {
    // Records the fast path is unsure of are parsed into an arena, reset
    // every few MiB: no malloc per field.
    google::protobuf::Arena arena;
    std::size_t arena_bytes = 0;
    Cadre cadre;
    std::vector<Finding> findings;
    // Spare findings and spare messages: reused, nothing is allocated per record.
    Reuse reuse;
    // The view of the fast path, reused: it keeps the capacity of its lists.
    codec::wire::Cadre wire;
    std::uint64_t fast_cadres = 0;
    // The results of its blocks of the batch: in `response`, and for
    // push_serialized() also encoded block by block into the two strings.
    cadre::v1::ScreenResponse response;
    std::string findings_bytes;
    std::string errors_bytes;
    ScreenSummary summary;
    std::size_t number = 0;  // its place in lanes_
  };

 private:
  class Pool;

  // Screens the cadre record @p span with @p lane's scratch values (a record
  // whose bytes are not a cadre.v1.RosterRecord is an error entry).
  void screen_record(Lane &lane, const Span &span, cadre::v1::ScreenResponse &response,
                     ScreenSummary &summary) const;
  // push() without its checks and its guard against exceptions.
  Status push_records(const std::uint8_t *data, std::size_t size,
                      cadre::v1::ScreenResponse &response);
  // Adds a framed cadre record to the batch, decides the duplicate marks of
  // the records up to kAhead before it (in the order of the records), and
  // hands the batch's complete blocks of decided records to the other
  // threads, starting them once there are a few.
  void batch(Span span);
  // Decides the duplicate marks of the batch's records before @p end.
  void decide(std::size_t end);
  // Screens the records batched so far, on every thread that started and
  // then on the calling one, and puts their results into @p response in order.
  Status flush(cadre::v1::ScreenResponse &response);
  // push_serialized(): moves what @p response holds into serialized_ (its
  // findings) and errors_ (its errors), then clears it.
  void drain(cadre::v1::ScreenResponse &response);
  // push() and push_serialized(): push_records() guarded against exceptions.
  Status guarded_push(const std::uint8_t *data, std::size_t size,
                      cadre::v1::ScreenResponse &response);
  // Empties @p lane's results, then screens blocks of the batch until none is
  // left, into @p direct when not NULL (the calling thread alone), else into
  // the lane's response.
  void run_lane(Lane &lane, cadre::v1::ScreenResponse *direct);
  // After an exception on the calling thread: ends the batch and waits for
  // the other threads to leave it (they read its records).
  void abandon_batch() noexcept;

  // FAILED_PRECONDITION: the stream is finished.
  static Status ended();
  // The key of the id of the cadre at [begin, end) (its bytes) into @p span;
  // false when the id is missing or not valid (the decoder reports it).
  static bool key_of(const std::uint8_t *begin, const std::uint8_t *end, Span &span);

  const Engine &engine_;
  Date as_of_;
  codec::StreamFramer framer_;
  std::uint64_t cadres_ = 0;
  bool finished_ = false;
  StatusCode broken_ = StatusCode::kOk;  // why a push that threw broke the stream
  // The status of a broken stream.
  [[nodiscard]] Status broken() const;
  ScreenSummary summary_;
  IdSet ids_;  // the ids seen so far, for duplicates
  bool fast_path_ = true;
  bool summary_only_ = false;
  bool started_ = false;
  int threads_ = 1;
  std::vector<std::unique_ptr<Lane>> lanes_;  // lane 0 is the calling thread's
  std::unique_ptr<Pool> pool_;
  // The cadre records of the current push (parallel pushes only), and the
  // bytes of one that spanned chunks (the framer keeps them only until its
  // next record).
  std::vector<Span> batch_;
  std::size_t decided_ = 0;  // the records of batch_ whose duplicate mark is decided
  std::string carried_;
  // push_serialized(): where the findings go (NULL during push()), the
  // errors until the push ends, and the results of the records screened on
  // the calling thread outside a batch (the header, a unit).
  std::string *serialized_ = nullptr;
  std::string errors_;
  cadre::v1::ScreenResponse inline_;
  // Parallel pushes: batch_ never grows past its capacity (kMaxBatch), so
  // that the other threads read its records while this one adds more. They
  // read the first `published_` of them; `sealed_` says the batch is whole.
  // Each takes the next block of records (`next_block_`) and says in blocks_
  // where its results went.
  struct Block {
    std::size_t lane;
    int findings_begin;
    int findings_end;
    int errors_begin;
    int errors_end;
    std::size_t findings_bytes_begin;
    std::size_t findings_bytes_end;
    std::size_t errors_bytes_begin;
    std::size_t errors_bytes_end;
  };
  std::vector<Block> blocks_;
  std::atomic<std::size_t> published_{0};
  std::atomic<bool> sealed_{false};
  std::atomic<std::size_t> next_block_{0};
  bool helpers_started_ = false;  // whether the other threads run on this batch
};

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_STREAM_SCREENER_HPP
