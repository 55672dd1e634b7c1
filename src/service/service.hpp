// The service layer between the C ABI (and the CLI) and the engines: engines
// configured from options, and the helpers every handler shares. The handlers
// themselves are rows of the operation table (operation.hpp).
// Internal to libcadre, the CLI and the tools; never installed.
#ifndef CADRE_SRC_SERVICE_SERVICE_HPP
#define CADRE_SRC_SERVICE_SERVICE_HPP

#include <google/protobuf/repeated_field.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/screening.pb.h"
#include "codec/codec.hpp"
#include "screening/recycler.hpp"
#include "service/operation.hpp"

namespace cadre::service {

/** An engine configured from serialized cadre.v1.EngineOptions. */
StatusOr<EngineConfig> engine_config(const std::uint8_t *bytes, std::size_t size,
                                     codec::Format format);

/** An engine with the shipped catalogues, built once on first use. */
const Engine &builtin_engine();

/** The field path of cadre @p index of a request or a stream: "cadres[17]". */
std::string cadre_path(std::int64_t index);

/**
 * The ids of the cadres seen so far in one screening (a request, or a whole
 * stream), to report a duplicate. It keeps a 128-bit hash of each id (two
 * independent 64-bit hashes), not the id: 16 bytes per id in an
 * open-addressing table at most half full, so at most 64 bytes per distinct
 * id, whatever the id's length (ids are at most codec::kMaxTextBytes). Two
 * different ids with the same 128-bit hash (about one chance in 2^64 for 2^32
 * ids) would report the second as a duplicate: an error entry, never a silent
 * loss.
 */
class IdSet {
 public:
  /** The 128-bit hash an id is kept as. */
  struct Key {
    std::uint64_t a = 0;
    std::uint64_t b = 0;  // never 0
  };
  /** The key of @p id. */
  [[nodiscard]] static Key key(std::string_view id) noexcept;

  /** Adds @p id; false when it was there already. */
  bool insert(std::string_view id) { return insert(key(id)); }
  /** Adds the id of key @p k; false when it was there already. */
  bool insert(const Key &k);

  /**
   * Asks the processor to fetch the slot where @p k would go (a hint; nothing
   * changes): a caller that knows its next keys ahead prefetches them, and
   * their inserts find the table in the cache.
   */
  void prefetch(const Key &k) const noexcept {
    if (capacity_ != 0) {
      __builtin_prefetch(&slots_[k.a & (capacity_ - 1)], 1);
    }
  }

  /** Distinct ids added. */
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /** Bytes held by the table. */
  [[nodiscard]] std::size_t bytes() const noexcept { return capacity_ * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t a = 0;
    std::uint64_t b = 0;  // 0 marks an empty slot (a hash of 0 is stored as 1)
  };
  // A table of slots, zeroed. Tables of 2 MiB and more are aligned to 2 MiB
  // and asked to be backed by huge pages (Linux: madvise): probes land at
  // random in the table, and with 4 KiB pages nearly every probe of a large
  // table misses the TLB.
  struct FreeSlots {
    void operator()(Slot *p) const noexcept;
  };
  void grow();

  std::unique_ptr<Slot[], FreeSlots> slots_;
  std::size_t capacity_ = 0;  // a power of two, or 0
  std::size_t size_ = 0;
};

/**
 * Appends the RecordError of cadre @p index (field path and message from
 * @p st; its id when @p id is a valid id) to @p errors.
 */
void report(const Status &st, std::int64_t index, std::string_view id,
            google::protobuf::RepeatedPtrField<cadre::v1::RecordError> &errors);

/**
 * Decodes cadre @p index of a request (field path @p path) into @p out.
 * Records are validated without an as-of limit: a roster extracted today may
 * be looked at as of a past date; the rules ignore what came later. A cadre
 * whose id an earlier cadre of the same screening had (@p ids; no check when
 * NULL) is an error "duplicate id" at `<path>.id` and is not decoded. On an error, appends a
 * RecordError to @p errors (the record's id, the field path and the message:
 * never a value) and returns false.
 */
template <typename In>
bool decode_or_report(const In &in, std::int64_t index, const std::string &path, Cadre &out,
                      IdSet *ids,
                      google::protobuf::RepeatedPtrField<cadre::v1::RecordError> &errors) {
  const std::string_view id = in.id();
  if (ids != nullptr && !id.empty() && codec::is_valid_id(id) && !ids->insert(id)) {
    report(invalid_argument(path + ".id", "duplicate id: an earlier cadre has the same id"), index,
           id, errors);
    return false;
  }
  const Status st = codec::decode(in, path, std::nullopt, out);
  if (st.ok()) {
    return true;
  }
  report(st, index, id, errors);
  return false;
}

/**
 * Decodes each cadre of @p request and calls @p f with it; a bad record (or a
 * duplicate id) gives an entry in response.errors instead, and the others go on.
 */
template <typename Request, typename Response, typename F>
void for_each_cadre(const Request &request, Response &response, F &&f) {
  Cadre cadre;
  IdSet ids;
  for (int i = 0; i < request.cadres_size(); ++i) {
    if (decode_or_report(request.cadres(i), i, cadre_path(i), cadre, &ids,
                         *response.mutable_errors())) {
      f(static_cast<const Cadre &>(cadre));
    }
  }
}

/**
 * A RecordRun on requests of type @p Req and responses of type @p Resp whose
 * cadres are decoded like for_each_cadre(): a bad record (or a duplicate id)
 * gives an entry in response.errors, the others go to answer().
 */
template <typename Req, typename Resp>
class CadreRun : public RecordRun {
 public:
  Status begin(const google::protobuf::Message &head, google::protobuf::Message &response) final {
    return start(static_cast<const Req &>(head), static_cast<Resp &>(response));
  }
  void record(const cadre::v1::Cadre &in, std::int64_t index,
              google::protobuf::Message &response) final {
    auto &r = static_cast<Resp &>(response);
    if (decode_or_report(in, index, cadre_path(index), cadre_, &ids_, *r.mutable_errors())) {
      answer(static_cast<const Cadre &>(cadre_), r);
    }
  }

 protected:
  /** Checks the request's other fields; sets the response's. */
  virtual Status start(const Req &request, Resp &response) = 0;
  /** Answers one cadre, decoded. */
  virtual void answer(const Cadre &cadre, Resp &response) = 0;

 private:
  Cadre cadre_;
  IdSet ids_;
};

/** The as-of date of a request: required, a date. */
StatusOr<Date> required_as_of(const std::string &text);

/**
 * The sub-messages of encoded findings that ScreenResponse::Clear() would
 * delete (explanation, next_step, catalogue: protobuf deletes a cleared
 * message's singular sub-messages, and keeps its strings and repeated
 * elements), kept to be filled again: with keep() before Clear() and attach()
 * before each encode, a response reused from push to push allocates nothing
 * once it has grown.
 */
class FindingMessages {
 public:
  /** Takes the sub-messages out of the findings of @p response (then cleared by the caller). */
  void keep(cadre::v1::ScreenResponse &response);
  /** Gives @p out the sub-messages the encoding of @p f will set, from the spares. */
  void attach(const Finding &f, cadre::v1::Finding &out);
  /** Moves spares to @p to until it has at least @p texts texts and @p catalogues catalogues. */
  void share(FindingMessages &to, std::size_t texts, std::size_t catalogues);
  /** Spare texts held. */
  [[nodiscard]] std::size_t texts() const noexcept { return texts_.size(); }
  /** Spare catalogue references held. */
  [[nodiscard]] std::size_t catalogues() const noexcept { return catalogues_.size(); }

 private:
  std::vector<std::unique_ptr<cadre::v1::LocalizedText>> texts_;
  std::vector<std::unique_ptr<cadre::v1::CatalogueRef>> catalogues_;
};

/** What a screening that runs cadre after cadre reuses: spare findings and spare messages. */
struct Reuse {
  ::cadre::detail::Recycler findings;  ///< the findings of the previous cadres
  FindingMessages messages;            ///< sub-messages of earlier responses
  /// Count the findings in the summary without writing them into the response
  /// (the errors are written all the same): `cadre screen --summary-only`.
  bool summary_only = false;
};

/**
 * Decodes cadre @p index (from a request, or a record of a stream), screens it
 * and counts it in @p summary; a bad record, or a duplicate of an id in
 * @p ids (no check when NULL), gives a RecordError instead (counted as
 * rejected).
 * @p cadre and @p findings are scratch values, reused from cadre to cadre;
 * with @p reuse (the streamed path), the findings of the previous cadre go
 * back to it, the new ones are written into its spare objects and encoded
 * into its spare messages.
 */
template <typename In>
void screen_cadre(const Engine &engine, Date as_of, const In &in, std::int64_t index, Cadre &cadre,
                  std::vector<Finding> &findings, IdSet *ids, ScreenSummary &summary,
                  cadre::v1::ScreenResponse &response, Reuse *reuse = nullptr) {
  const std::string path = cadre_path(index);
  if (!decode_or_report(in, index, path, cadre, ids, *response.mutable_errors())) {
    ++summary.records_rejected;
    return;
  }
  if (reuse == nullptr) {
    findings.clear();
    engine.screen(cadre, as_of, path, findings);
    summary.add(cadre, as_of, findings);
    summary.add_followup(cadre, as_of, engine.config().followups, engine.config().calendar);
    // Room first: protobuf's Add() leaks the element it made when growing its array fails.
    response.mutable_findings()->Reserve(response.findings_size() +
                                         static_cast<int>(findings.size()));
    for (const Finding &f : findings) {
      codec::encode(f, *response.add_findings());
    }
    return;
  }
  reuse->findings.recycle(findings);
  ::cadre::detail::screen(engine, cadre, as_of, path, findings, reuse->findings);
  summary.add(cadre, as_of, findings);
  summary.add_followup(cadre, as_of, engine.config().followups, engine.config().calendar);
  if (reuse->summary_only) {
    return;
  }
  response.mutable_findings()->Reserve(response.findings_size() +
                                       static_cast<int>(findings.size()));
  for (const Finding &f : findings) {
    cadre::v1::Finding &out = *response.add_findings();
    reuse->messages.attach(f, out);
    codec::encode(f, out);
  }
}

/** The RecordRun of "screen" (screen() runs it over a whole request). */
std::unique_ptr<RecordRun> screen_run(const Engine &engine);

/**
 * The operation "screen": screens every cadre of @p request. A bad record
 * gives an entry in response.errors and the rest are screened. Fails only
 * when the request as a whole is unusable (as_of missing or not a date).
 */
Status screen(const Engine &engine, const cadre::v1::ScreenRequest &request,
              cadre::v1::ScreenResponse &response);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_SERVICE_HPP
