#include "service/stream_screener.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

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

// Fewer cadre records than this per thread are screened on fewer threads:
// handing a run to a thread costs about as much as screening a few records.
constexpr std::size_t kMinRecordsPerLane = 16;
// The most cadre records screened in one batch (a push of more is screened
// in several): what a batch holds stays bounded whatever the chunk's size.
constexpr std::size_t kMaxBatch = 4096;

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

  // Runs lanes 1 to @p lanes - 1 on the pool and lane 0 on the calling
  // thread; returns when every lane is done.
  void run(std::size_t lanes) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      lanes_ = lanes;
      pending_ = lanes - 1;
      ++generation_;
    }
    start_.notify_all();
    std::exception_ptr failure;
    try {
      owner_.run_lane(*owner_.lanes_[0]);
    } catch (...) {
      failure = std::current_exception();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    // An exception of any lane (out of memory) is the push's, once every
    // lane is done with the batch.
    if (!failure) {
      failure = std::exchange(failure_, nullptr);
    }
    failure_ = nullptr;
    if (failure) {
      std::rethrow_exception(failure);
    }
  }

 private:
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
        owner_.run_lane(*owner_.lanes_[lane]);
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
  std::uint64_t generation_ = 0;
  std::size_t lanes_ = 0;
  std::size_t pending_ = 0;
  bool stop_ = false;
  std::exception_ptr failure_;  // the first exception of a helper's lane in this batch
};

StreamScreener::StreamScreener(const Engine &engine, Date as_of) : engine_(engine), as_of_(as_of) {
  lanes_.push_back(std::make_unique<Lane>());
}

StreamScreener::~StreamScreener() = default;

namespace {
constexpr std::uint8_t kUndecided = 0;
constexpr std::uint8_t kNew = 1;
constexpr std::uint8_t kDuplicate = 2;
}  // namespace

Status StreamScreener::set_threads(int threads) {
  if (started_) {
    return {StatusCode::kFailedPrecondition,
            "the thread count is set before the first push of the stream", "threads"};
  }
  if (threads < 1 || threads > kMaxThreads) {
    return invalid_argument("threads", "must be from 1 to " + std::to_string(kMaxThreads));
  }
  threads_ = threads;
  while (lanes_.size() < static_cast<std::size_t>(threads)) {
    lanes_.push_back(std::make_unique<Lane>());
    lanes_.back()->number = lanes_.size() - 1;
  }
  ids_.set_shards(static_cast<std::size_t>(threads));
  return {};
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

bool StreamScreener::screen_record(Lane &lane, const Span &span, pb::ScreenResponse &response,
                                   ScreenSummary &summary, std::string & /*error*/) const {
  if (span.duplicate) {
    const std::uint8_t *begin = nullptr;
    const std::uint8_t *end = nullptr;
    (void)codec::wire::only_field(span.data, span.data + span.size,
                                  pb::RosterRecord::kCadreFieldNumber, begin, end);
    report(invalid_argument(cadre_path(span.index) + ".id",
                            "duplicate id: an earlier cadre has the same id"),
           span.index, cadre_id(begin, end), *response.mutable_errors());
    ++summary.records_rejected;
    return true;
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
    return true;
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
    return true;
  }
  screen_cadre(engine_, as_of_, record.cadre(), span.index, lane.cadre, lane.findings, nullptr,
               summary, response, &lane.reuse);
  return true;
}

void StreamScreener::dedupe(std::size_t lane) {
  // The slots a few records ahead are fetched while these are inserted: the
  // table is large and its probes land at random.
  constexpr std::size_t kAhead = 8;
  const std::size_t n = batch_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n && batch_[i + kAhead].keyed) {
      const IdSet::Key &ahead = batch_[i + kAhead].key;
      const std::size_t shard = ids_.shard_of(ahead);
      if (shard % batch_lanes_ == lane) {
        ids_.prefetch(shard, ahead);
      }
    }
    const Span &span = batch_[i];
    if (!span.keyed) {
      continue;
    }
    const std::size_t shard = ids_.shard_of(span.key);
    if (shard % batch_lanes_ == lane) {
      decided_[i].store(ids_.insert_into(shard, span.key) ? kNew : kDuplicate,
                        std::memory_order_release);
    }
  }
}

void StreamScreener::run_lane(Lane &lane) {
  if (lane.out == nullptr) {
    lane.response.Clear();  // keeps its messages for the next batch
  }
  pb::ScreenResponse &response = lane.out != nullptr ? *lane.out : lane.response;
  // Zero the counts, keeping the lists' capacity for the next batch.
  auto by_channel = std::move(lane.summary.by_channel);
  auto by_rank_level = std::move(lane.summary.by_rank_level);
  by_channel.clear();
  by_rank_level.clear();
  lane.summary = ScreenSummary{};
  lane.summary.by_channel = std::move(by_channel);
  lane.summary.by_rank_level = std::move(by_rank_level);
  lane.error.clear();
  dedupe(lane.number);
  for (std::size_t i = lane.first; i < lane.last; ++i) {
    Span span = batch_[i];
    if (span.keyed) {
      // Marked by the lane that owns the id's shard, in the order of the
      // records; that lane marks every record of the batch before it screens.
      std::uint8_t mark = kUndecided;
      while ((mark = decided_[i].load(std::memory_order_acquire)) == kUndecided) {
        std::this_thread::yield();
      }
      span.duplicate = mark == kDuplicate;
    }
    if (!screen_record(lane, span, response, lane.summary, lane.error)) {
      lane.last = i;  // the records after it are not screened
      return;
    }
  }
}

Status StreamScreener::flush(pb::ScreenResponse &response) {
  if (batch_.empty()) {
    return {};
  }
  const std::size_t lanes = std::clamp<std::size_t>(batch_.size() / kMinRecordsPerLane, 1,
                                                    static_cast<std::size_t>(threads_));
  for (std::size_t i = 0; i < lanes; ++i) {
    lanes_[i]->first = batch_.size() * i / lanes;
    lanes_[i]->last = batch_.size() * (i + 1) / lanes;
  }
  batch_lanes_ = lanes;
  if (decided_capacity_ < batch_.size()) {
    decided_capacity_ = std::max(batch_.size(), 2 * decided_capacity_);
    decided_ = std::make_unique<std::atomic<std::uint8_t>[]>(decided_capacity_);
  }
  for (std::size_t i = 0; i < batch_.size(); ++i) {
    decided_[i].store(kUndecided, std::memory_order_relaxed);  // published by the pool's lock
  }
  lanes_[0]->out = &response;
  if (lanes == 1) {
    run_lane(*lanes_[0]);
  } else {
    // The spare messages (recycle() gives them all to lane 0), shared evenly.
    FindingMessages &spares = lanes_[0]->reuse.messages;
    const std::size_t texts = spares.texts() / lanes;
    const std::size_t catalogues = spares.catalogues() / lanes;
    for (std::size_t i = 1; i < lanes; ++i) {
      spares.share(lanes_[i]->reuse.messages, texts, catalogues);
    }
    if (!pool_) {
      pool_ = std::make_unique<Pool>(*this, threads_ - 1);
    }
    pool_->run(lanes);
  }
  // The results in the order of the records: lane 0 wrote into the response;
  // the findings and errors of the others move into it (a swap of the
  // messages' contents, no copy).
  Status status;
  for (std::size_t i = 0; i < lanes && status.ok(); ++i) {
    Lane &lane = *lanes_[i];
    if (i > 0) {  // lane 0 wrote into the response itself
      for (pb::Finding &f : *lane.response.mutable_findings()) {
        response.add_findings()->Swap(&f);
      }
      for (pb::RecordError &e : *lane.response.mutable_errors()) {
        response.add_errors()->Swap(&e);
      }
    }
    summary_.merge(lane.summary);
    if (!lane.error.empty()) {
      // The first record that could not be parsed ends the stream, as it
      // does on one thread; what came before it is kept.
      status = framer_.reject_at(batch_[lane.last].record, lane.error);
    }
  }
  lanes_[0]->out = nullptr;
  batch_.clear();
  return status;
}

Status StreamScreener::push(const std::uint8_t *data, std::size_t size,
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
    break_stream(StatusCode::kResourceExhausted);
    throw;
  } catch (...) {
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
      batch_.push_back(span);
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
