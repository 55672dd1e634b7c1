// Request handlers shared by the C ABI and the CLI: bytes in, bytes out.
#ifndef CADRE_SRC_CODEC_SERVICE_HPP
#define CADRE_SRC_CODEC_SERVICE_HPP

#include <google/protobuf/arena.h>

#include <string>

#include "codec/codec.hpp"
#include "codec/wire.hpp"

namespace cadre::service {

/** An engine configured from serialized cadre.v1.EngineOptions. */
StatusOr<EngineConfig> engine_config(const std::uint8_t *bytes, std::size_t size,
                                     codec::Format format);

/**
 * Parses a @p Request in @p format, runs @p handler on it and serializes the
 * @p Response in the same format: the shape of every bytes-in, bytes-out call.
 */
template <typename Request, typename Response, typename Handler>
Status bytes_call(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                  std::string &out, Handler handler) {
  google::protobuf::Arena arena;
  auto *request = google::protobuf::Arena::CreateMessage<Request>(&arena);
  if (auto st = codec::parse(bytes, size, format, *request, "request"); !st.ok()) {
    return st;
  }
  auto *response = google::protobuf::Arena::CreateMessage<Response>(&arena);
  if (auto st = handler(*request, *response); !st.ok()) {
    return st;
  }
  return codec::serialize(*response, format, out);
}

/**
 * Decodes cadre @p index of a request (field path @p path) into @p out.
 * Records are validated without an as-of limit: a roster extracted today may
 * be looked at as of a past date; the rules ignore what came later. On an
 * error, appends a RecordError to @p errors (the record's id, the field path
 * and the message: never a value) and returns false.
 */
template <typename In>
bool decode_or_report(const In &in, int index, const std::string &path, Cadre &out,
                      google::protobuf::RepeatedPtrField<cadre::v1::RecordError> &errors) {
  const Status st = codec::decode(in, path, std::nullopt, out);
  if (st.ok()) {
    return true;
  }
  cadre::v1::RecordError *e = errors.Add();
  e->set_index(index);
  e->set_cadre_id(codec::is_valid_id(in.id()) ? std::string(in.id()) : std::string());
  e->set_field_path(st.field());
  e->set_message(st.message());
  e->set_code(static_cast<int>(st.code()));
  return false;
}

/** An engine with the shipped catalogues, built once on first use. */
const Engine &builtin_engine();

/**
 * Screens every cadre of @p request. A bad record gives an entry in
 * response.errors and the rest are screened. Fails only when the request as a
 * whole is unusable (as_of missing or not a date).
 */
Status screen(const Engine &engine, const cadre::v1::ScreenRequest &request,
              cadre::v1::ScreenResponse &response);

/** Parses a request, screens it and serializes the response, all in @p format. */
Status screen_bytes(const Engine &engine, const std::uint8_t *bytes, std::size_t size,
                    codec::Format format, std::string &out);

/**
 * Screens a roster in the stream form (magic "CADRES1\n", then varint-length
 * RosterRecords) fed in chunks of any size, with memory bounded by the largest
 * record: each push() gives the findings and record errors of the records
 * completed by that chunk; finish() gives the summary.
 */
class StreamScreener {
 public:
  /** Largest record accepted, in bytes. */
  static constexpr std::size_t kMaxRecordBytes = 64U << 20U;

  StreamScreener(const Engine &engine, Date as_of) : engine_(engine), as_of_(as_of) {}

  /**
   * Feeds bytes. Findings and record errors of the cadres completed by them are
   * appended to @p response. Fails (and stays failed) on a stream that is not
   * well formed; the error names the record ("records[12]").
   */
  Status push(const std::uint8_t *data, std::size_t size, cadre::v1::ScreenResponse &response);

  /** Ends the stream: fails on a partial record; writes as_of and the summary. */
  Status finish(cadre::v1::ScreenResponse &response);

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
  std::string pending_;
  std::size_t offset_ = 0;
  bool magic_ = false;
  std::uint64_t records_ = 0;
  std::uint64_t cadres_ = 0;
  Status failed_;
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

#endif  // CADRE_SRC_CODEC_SERVICE_HPP
