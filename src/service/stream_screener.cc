#include "service/stream_screener.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include "codec/protobuf_log.hpp"
#include "codec/wire_support.hpp"
#include "service/service.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

namespace {

// The id of the cadre whose bytes are [begin, end) (field 1), read by hand;
// empty when it cannot be read.
std::string_view cadre_id(const std::uint8_t *begin, const std::uint8_t *end) {
  const std::uint8_t *p = begin;
  while (p < end) {
    std::uint32_t tag = 0;
    if (!codec::wire::read_tag(p, end, tag)) {
      return {};
    }
    if (tag == ((1U << 3U) | codec::wire::kLengthDelimited)) {
      std::string_view id;
      return codec::wire::read_bytes(p, end, id) ? id : std::string_view();
    }
    if (!codec::wire::skip_field(p, end, tag)) {
      return {};
    }
  }
  return {};
}

// Appends to @p out the protobuf binary encoding of items [begin, end) of
// @p items as field @p field of their message: each a tag, its length and
// its bytes, as the message's own serializer writes a repeated field.
template <typename Message>
void append_repeated(std::string &out, int field,
                     const google::protobuf::RepeatedPtrField<Message> &items, int begin, int end) {
  using google::protobuf::internal::WireFormatLite;
  using google::protobuf::io::CodedOutputStream;
  if (begin >= end) {
    return;
  }
  const auto tag = WireFormatLite::MakeTag(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED);
  std::size_t total = 0;
  for (int i = begin; i < end; ++i) {
    const std::size_t n = items.Get(i).ByteSizeLong();  // cached for the writes below
    total += CodedOutputStream::VarintSize32(tag) +
             CodedOutputStream::VarintSize32(static_cast<std::uint32_t>(n)) + n;
  }
  const std::size_t at = out.size();
  out.resize(at + total);
  auto *p = reinterpret_cast<std::uint8_t *>(out.data() + at);
  for (int i = begin; i < end; ++i) {
    const Message &m = items.Get(i);
    p = CodedOutputStream::WriteTagToArray(tag, p);
    p = CodedOutputStream::WriteVarint32ToArray(static_cast<std::uint32_t>(m.GetCachedSize()), p);
    p = m.SerializeWithCachedSizesToArray(p);
  }
}

// The most cadre records screened in one batch (a push of more is screened
// in several): what a batch holds stays bounded whatever the chunk's size.
constexpr std::size_t kMaxBatch = 4096;
// The records a thread takes at a time: enough that taking them costs little
// against screening them, few enough that the threads finish together.
constexpr std::size_t kBlock = 16;
// The other threads start once this many records of a batch are framed: a
// smaller batch is screened on the calling thread alone.
constexpr std::size_t kStartHelpers = kBlock;
// How many records behind the framing a record's id goes into the set of ids.
constexpr std::size_t kAhead = 8;

}  // namespace

// The threads of a parallel screener beyond the calling one, each running the
// lane of its number when a batch is handed out. Started on the first
// parallel push, joined by the screener's destructor.
class StreamScreener::Pool {
 public:
  Pool(StreamScreener &owner, int helpers) : owner_(owner) {
    threads_.reserve(static_cast<std::size_t>(helpers));
    try {
      for (int i = 1; i <= helpers; ++i) {
        threads_.emplace_back([this, i] { loop(static_cast<std::size_t>(i)); });
      }
    } catch (...) {
      stop();  // a thread that could not start: those that did are joined
      throw;
    }
  }
  ~Pool() { stop(); }
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;

  // Starts lanes 1 to @p lanes - 1 on the batch.
  void start(std::size_t lanes) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      lanes_ = lanes;
      pending_ = lanes - 1;
      ++generation_;
    }
    start_.notify_all();
  }

  // Waits until every lane started is done with the batch; then throws the
  // first exception of one of them (out of memory), if one threw.
  void wait() {
    spin([this] { return pending_.load(std::memory_order_acquire) == 0; });
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    if (std::exception_ptr failure = std::exchange(failure_, nullptr)) {
      std::rethrow_exception(failure);
    }
  }

 private:
  // Yields until @p ready() or about a millisecond has passed.
  template <typename Ready>
  static void spin(Ready ready) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1);
    while (!ready() && std::chrono::steady_clock::now() < until) {
      std::this_thread::yield();
    }
  }

  void stop() noexcept {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    start_.notify_all();
    for (std::thread &t : threads_) {
      t.join();
    }
  }

  void loop(std::size_t lane) {
    std::uint64_t seen = 0;
    for (;;) {
      // The next batch comes soon when the caller pushes chunk after chunk:
      // looked for a while before sleeping, since waking a thread costs more
      // than screening a few records.
      spin([&] { return generation_.load(std::memory_order_acquire) != seen; });
      {
        std::unique_lock<std::mutex> lock(mutex_);
        start_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) {
          return;
        }
        seen = generation_;
        if (lane >= lanes_) {
          continue;  // not needed for this batch
        }
      }
      std::exception_ptr failure;
      try {
        owner_.run_lane(*owner_.lanes_[lane], nullptr);
      } catch (...) {
        failure = std::current_exception();
      }
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (failure && !failure_) {
          failure_ = failure;
        }
        --pending_;
      }
      done_.notify_one();
    }
  }

  StreamScreener &owner_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable done_;
  // Written under mutex_; atomic so that spin() may read them without it.
  std::atomic<std::uint64_t> generation_{0};
  std::size_t lanes_ = 0;
  std::atomic<std::size_t> pending_{0};
  bool stop_ = false;
  std::exception_ptr failure_;  // the first exception of a helper's lane in this batch
};

StreamScreener::StreamScreener(const Engine &engine, Date as_of)
    : engine_(engine), as_of_(as_of), blocks_((kMaxBatch + kBlock - 1) / kBlock) {
  lanes_.push_back(std::make_unique<Lane>());
}

StreamScreener::~StreamScreener() = default;

Status StreamScreener::set_threads(int threads) {
  if (started_) {
    return {StatusCode::kFailedPrecondition,
            "the thread count is set before the first push of the stream", "threads"};
  }
  if (threads < 1 || threads > kMaxThreads) {
    return invalid_argument("threads", "must be from 1 to " + std::to_string(kMaxThreads));
  }
  threads_ = threads;
  if (threads > 1) {
    batch_.reserve(kMaxBatch);  // never reallocated while the other threads read it
  }
  while (lanes_.size() < static_cast<std::size_t>(threads)) {
    lanes_.push_back(std::make_unique<Lane>());
    lanes_.back()->number = lanes_.size() - 1;
    lanes_.back()->reuse.summary_only = summary_only_;
  }
  return {};
}

void StreamScreener::set_summary_only(bool on) noexcept {
  summary_only_ = on;
  for (auto &lane : lanes_) lane->reuse.summary_only = on;
}

void StreamScreener::recycle(pb::ScreenResponse &response) {
  lanes_[0]->reuse.messages.keep(response);
  response.Clear();
}

std::uint64_t StreamScreener::fast_cadres() const noexcept {
  std::uint64_t n = 0;
  for (const auto &lane : lanes_) {
    n += lane->fast_cadres;
  }
  return n;
}

void StreamScreener::screen_record(Lane &lane, const Span &span, pb::ScreenResponse &response,
                                   ScreenSummary &summary) const {
  if (span.duplicate) {
    const std::uint8_t *begin = nullptr;
    const std::uint8_t *end = nullptr;
    (void)codec::wire::only_field(span.data, span.data + span.size,
                                  pb::RosterRecord::kCadreFieldNumber, begin, end);
    report(invalid_argument(cadre_path(span.index) + ".id",
                            "duplicate id: an earlier cadre has the same id"),
           span.index, cadre_id(begin, end), *response.mutable_errors());
    ++summary.records_rejected;
    return;
  }
  // The fast path: a record that is one cadre, read by hand (wire_support.hpp).
  const std::uint8_t *cadre_begin = nullptr;
  const std::uint8_t *cadre_end = nullptr;
  if (fast_path_ &&
      codec::wire::only_field(span.data, span.data + span.size, pb::RosterRecord::kCadreFieldNumber,
                              cadre_begin, cadre_end) &&
      lane.wire.parse(cadre_begin, cadre_end)) {
    ++lane.fast_cadres;
    screen_cadre(engine_, as_of_, lane.wire, span.index, lane.cadre, lane.findings, nullptr,
                 summary, response, &lane.reuse);
    return;
  }
  if (lane.arena_bytes > (2U << 20U)) {
    lane.arena.Reset();
    lane.arena_bytes = 0;
  }
  lane.arena_bytes += span.size;
  auto &record = *google::protobuf::Arena::CreateMessage<pb::RosterRecord>(&lane.arena);
  codec::ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  if (!record.ParseFromArray(span.data, static_cast<int>(span.size))) {
    // Its framing is intact: an error of this record, and the stream goes on.
    const std::string detail = log.detail();
    report(invalid_argument(codec::record_path(span.record),
                            "not a valid cadre.v1.RosterRecord in protobuf binary" +
                                (detail.empty() ? "" : ": " + detail)),
           span.index, {}, *response.mutable_errors());
    ++summary.records_rejected;
    return;
  }
  screen_cadre(engine_, as_of_, record.cadre(), span.index, lane.cadre, lane.findings, nullptr,
               summary, response, &lane.reuse);
}

void StreamScreener::decide(std::size_t end) {
  for (; decided_ < end; ++decided_) {
    Span &span = batch_[decided_];
    if (span.keyed) {
      span.duplicate = !ids_.insert(span.key);
    }
  }
}

void StreamScreener::batch(Span span) {
  // The duplicate ids, in the order of the records. The set is large and its
  // probes land at random: the slot of a key is prefetched when its record is
  // framed and probed kAhead records later, when it is in the cache.
  if (span.keyed) {
    ids_.prefetch(span.key);
  }
  batch_.push_back(span);  // within its capacity: the other threads may read it
  if (batch_.size() <= kAhead) {
    return;
  }
  decide(batch_.size() - kAhead);
  const std::size_t n = decided_;
  if (threads_ == 1 || n % kBlock != 0) {
    return;
  }
  published_.store(n, std::memory_order_release);
  if (!helpers_started_ && n >= kStartHelpers) {
    if (serialized_ == nullptr) {
      // The spare messages (recycle() gives them all to lane 0), shared
      // evenly: the findings the other lanes screen move into the response.
      FindingMessages &spares = lanes_[0]->reuse.messages;
      const auto lanes = static_cast<std::size_t>(threads_);
      const std::size_t texts = spares.texts() / lanes;
      const std::size_t catalogues = spares.catalogues() / lanes;
      for (std::size_t i = 1; i < lanes; ++i) {
        spares.share(lanes_[i]->reuse.messages, texts, catalogues);
      }
    }
    if (!pool_) {
      pool_ = std::make_unique<Pool>(*this, threads_ - 1);
    }
    pool_->start(static_cast<std::size_t>(threads_));
    helpers_started_ = true;
  }
}

void StreamScreener::run_lane(Lane &lane, pb::ScreenResponse *direct) {
  // Its findings' messages to its spares, the findings kept by Clear().
  lane.reuse.messages.keep(lane.response);
  lane.response.Clear();
  lane.findings_bytes.clear();
  lane.errors_bytes.clear();
  // Zero the counts, keeping the lists' capacity for the next batch.
  auto by_channel = std::move(lane.summary.by_channel);
  auto by_rank_level = std::move(lane.summary.by_rank_level);
  by_channel.clear();
  by_rank_level.clear();
  lane.summary = ScreenSummary{};
  lane.summary.by_channel = std::move(by_channel);
  lane.summary.by_rank_level = std::move(by_rank_level);
  const Span *const spans = batch_.data();  // stable: the batch never outgrows its capacity
  pb::ScreenResponse &response = direct != nullptr ? *direct : lane.response;
  for (;;) {
    const std::size_t b = next_block_.fetch_add(1, std::memory_order_relaxed);
    const std::size_t begin = b * kBlock;
    // Wait until the block is framed, or the batch is whole.
    std::size_t framed = 0;
    for (;;) {
      const bool sealed = sealed_.load(std::memory_order_acquire);
      framed = published_.load(std::memory_order_acquire);
      if (sealed || framed >= begin + kBlock) {
        break;
      }
      std::this_thread::yield();
    }
    if (begin >= framed) {
      return;  // every block is taken
    }
    const std::size_t end = std::min(begin + kBlock, framed);
    Block &block = blocks_[b];
    block.lane = lane.number;
    block.findings_begin = response.findings_size();
    block.errors_begin = response.errors_size();
    for (std::size_t i = begin; i < end; ++i) {
      screen_record(lane, spans[i], response, lane.summary);
    }
    block.findings_end = response.findings_size();
    block.errors_end = response.errors_size();
    if (serialized_ != nullptr) {
      // Encoded here, on the lane's own thread.
      block.findings_bytes_begin = lane.findings_bytes.size();
      append_repeated(lane.findings_bytes, pb::ScreenResponse::kFindingsFieldNumber,
                      response.findings(), block.findings_begin, block.findings_end);
      block.findings_bytes_end = lane.findings_bytes.size();
      block.errors_bytes_begin = lane.errors_bytes.size();
      append_repeated(lane.errors_bytes, pb::ScreenResponse::kErrorsFieldNumber, response.errors(),
                      block.errors_begin, block.errors_end);
      block.errors_bytes_end = lane.errors_bytes.size();
    }
  }
}

void StreamScreener::abandon_batch() noexcept {
  if (helpers_started_) {
    sealed_.store(true, std::memory_order_release);
    try {
      pool_->wait();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the caller's exception is the one thrown
    }
    helpers_started_ = false;
  }
}

void StreamScreener::drain(pb::ScreenResponse &response) {
  append_repeated(*serialized_, pb::ScreenResponse::kFindingsFieldNumber, response.findings(), 0,
                  response.findings_size());
  append_repeated(errors_, pb::ScreenResponse::kErrorsFieldNumber, response.errors(), 0,
                  response.errors_size());
  lanes_[0]->reuse.messages.keep(response);
  response.Clear();
}

Status StreamScreener::flush(pb::ScreenResponse &response) {
  if (batch_.empty()) {
    return {};
  }
  if (serialized_ != nullptr) {
    drain(response);  // the records screened before the batch come first
  }
  const std::size_t n = batch_.size();
  decide(n);
  published_.store(n, std::memory_order_release);
  sealed_.store(true, std::memory_order_release);
  const std::size_t lanes = helpers_started_ ? static_cast<std::size_t>(threads_) : 1;
  // Alone, without push_serialized(), the calling thread screens straight
  // into the response: its results are in order already.
  const bool direct = lanes == 1 && serialized_ == nullptr;
  std::exception_ptr failure;
  try {
    run_lane(*lanes_[0], direct ? &response : nullptr);
  } catch (...) {
    failure = std::current_exception();
  }
  if (helpers_started_) {
    helpers_started_ = false;
    try {
      pool_->wait();
    } catch (...) {
      if (!failure) {
        failure = std::current_exception();
      }
    }
  }
  if (failure) {
    std::rethrow_exception(failure);  // the stream breaks (push())
  }
  // The results in the order of the records, block after block.
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  if (serialized_ != nullptr) {
    for (std::size_t b = 0; b < blocks; ++b) {
      const Block &block = blocks_[b];
      const Lane &lane = *lanes_[block.lane];
      serialized_->append(lane.findings_bytes, block.findings_bytes_begin,
                          block.findings_bytes_end - block.findings_bytes_begin);
      errors_.append(lane.errors_bytes, block.errors_bytes_begin,
                     block.errors_bytes_end - block.errors_bytes_begin);
    }
  } else if (!direct) {
    // Room first: protobuf's Add() leaks the element it made when growing
    // its array fails. The findings move by a swap of their contents.
    int findings = 0;
    int errors = 0;
    for (std::size_t i = 0; i < lanes; ++i) {
      findings += lanes_[i]->response.findings_size();
      errors += lanes_[i]->response.errors_size();
    }
    response.mutable_findings()->Reserve(response.findings_size() + findings);
    response.mutable_errors()->Reserve(response.errors_size() + errors);
    for (std::size_t b = 0; b < blocks; ++b) {
      const Block &block = blocks_[b];
      pb::ScreenResponse &from = lanes_[block.lane]->response;
      for (int i = block.findings_begin; i < block.findings_end; ++i) {
        response.add_findings()->Swap(from.mutable_findings(i));
      }
      for (int i = block.errors_begin; i < block.errors_end; ++i) {
        response.add_errors()->Swap(from.mutable_errors(i));
      }
    }
  }
  for (std::size_t i = 0; i < lanes; ++i) {
    summary_.merge(lanes_[i]->summary);
  }
  batch_.clear();
  decided_ = 0;
  published_.store(0, std::memory_order_relaxed);
  sealed_.store(false, std::memory_order_relaxed);
  next_block_.store(0, std::memory_order_relaxed);
  return {};
}

Status StreamScreener::push(const std::uint8_t *data, std::size_t size,
                            pb::ScreenResponse &response) {
  serialized_ = nullptr;
  return guarded_push(data, size, response);
}

Status StreamScreener::push_serialized(const std::uint8_t *data, std::size_t size,
                                       std::string &bytes) {
  serialized_ = &bytes;
  errors_.clear();
  Status st;
  try {
    st = guarded_push(data, size, inline_);
    if (!finished_ && broken_ == StatusCode::kOk) {
      drain(inline_);  // the records screened after the last batch
      bytes.append(errors_);
    }
  } catch (...) {
    serialized_ = nullptr;  // the stream is broken (guarded_push, or the break below)
    break_stream(StatusCode::kResourceExhausted);
    throw;
  }
  serialized_ = nullptr;
  return st;
}

Status StreamScreener::guarded_push(const std::uint8_t *data, std::size_t size,
                                    pb::ScreenResponse &response) {
  if (finished_) {
    return ended();
  }
  if (broken_ != StatusCode::kOk) {
    return broken();
  }
  // An exception (out of memory) leaves records of the push half screened
  // and the batch pointing into the caller's bytes: the stream stays broken.
  try {
    return push_records(data, size, response);
  } catch (const std::bad_alloc &) {
    abandon_batch();
    break_stream(StatusCode::kResourceExhausted);
    throw;
  } catch (...) {
    abandon_batch();
    break_stream(StatusCode::kInternal);
    throw;
  }
}

Status StreamScreener::broken() const {
  return {broken_,
          broken_ == StatusCode::kResourceExhausted ? "an earlier push ran out of memory"
                                                    : "an earlier push failed",
          "stream"};
}

Status StreamScreener::push_records(const std::uint8_t *data, std::size_t size,
                                    pb::ScreenResponse &response) {
  if (!framer_.status().ok()) {
    return framer_.status();
  }
  if (data == nullptr && size != 0) {
    return invalid_argument("data", "NULL with a non-zero size");
  }
  started_ = true;
  framer_.feed(data, size);
  Lane &lane0 = *lanes_[0];
  const std::uint8_t *begin = nullptr;
  std::size_t length = 0;
  for (;;) {
    switch (framer_.next(begin, length)) {
      case codec::StreamFramer::Next::kNeedMore:
        return flush(response);
      case codec::StreamFramer::Next::kError: {
        (void)flush(response);  // what was screened before the error is kept
        return framer_.status();
      }
      case codec::StreamFramer::Next::kRecord:
        break;
    }
    const std::uint8_t *cadre_begin = nullptr;
    const std::uint8_t *cadre_end = nullptr;
    const bool one_cadre =
        framer_.records() > 1 &&
        codec::wire::only_field(begin, begin + length, pb::RosterRecord::kCadreFieldNumber,
                                cadre_begin, cadre_end);
    if (one_cadre) {
      Span span{begin, length, static_cast<std::int64_t>(cadres_++), framer_.records() - 1, false,
                false, {}};
      span.keyed = key_of(cadre_begin, cadre_end, span);
      if (begin < data || begin >= data + size) {
        // Bytes the framer carried over from the previous chunk: it keeps
        // them only until its next record.
        carried_.assign(reinterpret_cast<const char *>(begin), length);
        span.data = reinterpret_cast<const std::uint8_t *>(carried_.data());
      }
      batch(span);
      if (batch_.size() >= kMaxBatch) {
        // A huge chunk is screened in batches: the spans stay bounded.
        if (auto st = flush(response); !st.ok()) {
          return st;
        }
      }
      continue;
    }
    // Any other record (the header, a unit, a record the fast path cannot
    // tell is one cadre): in order, after the cadres batched before it.
    if (auto st = flush(response); !st.ok()) {
      return st;
    }
    if (lane0.arena_bytes > (2U << 20U)) {
      lane0.arena.Reset();
      lane0.arena_bytes = 0;
    }
    lane0.arena_bytes += length;
    auto &record = *google::protobuf::Arena::CreateMessage<pb::RosterRecord>(&lane0.arena);
    codec::ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
    if (!record.ParseFromArray(begin, static_cast<int>(length))) {
      const std::string detail = log.detail();
      const std::string message = "not a valid cadre.v1.RosterRecord in protobuf binary" +
                                  (detail.empty() ? "" : ": " + detail);
      if (framer_.records() == 1) {
        return framer_.reject(message);  // without its header the stream cannot be read
      }
      // Not shaped as one cadre (that is a Span): an error of no cadre.
      report(invalid_argument(codec::record_path(framer_.records() - 1), message), -1, {},
             *response.mutable_errors());
      continue;
    }
    if (auto st =
            framer_.accept(record.has_header(), codec::record_kind_name(record.record_case()));
        !st.ok()) {
      return st;
    }
    if (record.has_cadre()) {
      screen_cadre(engine_, as_of_, record.cadre(), static_cast<std::int64_t>(cadres_++),
                   lane0.cadre, lane0.findings, &ids_, summary_, response, &lane0.reuse);
    }
  }
}

bool StreamScreener::key_of(const std::uint8_t *begin, const std::uint8_t *end, Span &span) {
  // A record whose id cannot be read is left to the decoder.
  const std::string_view id = cadre_id(begin, end);
  if (id.empty() || !codec::is_valid_id(id)) {
    return false;
  }
  span.key = IdSet::key(id);
  return true;
}

Status StreamScreener::ended() {
  return {StatusCode::kFailedPrecondition, "the stream is finished: finish() was called", "stream"};
}

Status StreamScreener::finish(pb::ScreenResponse &response) {
  if (finished_) {
    return ended();
  }
  finished_ = true;
  response.set_as_of(as_of_.to_string());
  codec::encode(summary_, *response.mutable_summary());
  if (broken_ != StatusCode::kOk) {
    return broken();
  }
  return framer_.finish();
}

}  // namespace cadre::service
