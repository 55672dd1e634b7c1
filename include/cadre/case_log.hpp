/**
 * @file cadre/case_log.hpp
 * @brief The tamper-evident log of a procedure case, and the store interface that keeps it.
 *
 * A case is an append-only list of events. Each event is kept as its canonical bytes (the
 * encoding defined in docs/case-log.md, independent of protobuf's serialiser) with two
 * digests: the link of the event before it (all zero for the first) and its own link,
 *
 *     link = SHA-256( "cadre.case.v1" 0x00 ‖ prev (32 bytes) ‖ seq (8 bytes, big-endian) ‖ bytes )
 *
 * so that altering, removing, reordering or inserting an event changes every link after it.
 * ChainVerifier walks a log in order and names the first event that does not fit.
 *
 * CaseStore is the interface a host implements to keep cases in its own database; the library
 * ships one implementation on SQLite (open_sqlite_store()). The store keeps bytes and digests;
 * it never interprets an event. Appends are optimistic: the caller names the head it has seen,
 * and a store whose head has moved refuses with StatusCode::kAborted, changing nothing.
 */
#ifndef CADRE_CASE_LOG_HPP
#define CADRE_CASE_LOG_HPP

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/date.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** A SHA-256 digest. */
using Digest = std::array<std::uint8_t, 32>;

/**
 * @param digest a digest
 * @return @p digest as 64 lowercase hex digits.
 */
std::string to_hex(const Digest &digest);

/**
 * @param hex text to read
 * @return the digest written as 64 hex digits (either case), or nothing when @p hex is not one.
 */
std::optional<Digest> digest_from_hex(std::string_view hex);

/**
 * The link of one event in its case's chain.
 * @param prev  the link of the event before it; all zero for the first event
 * @param seq   the event's sequence number, from 1
 * @param bytes the event's canonical bytes
 * @return the link
 */
Digest chain_link(const Digest &prev, std::uint64_t seq, std::string_view bytes);

/** One event as it is logged and stored. */
struct LoggedEvent {
  std::uint64_t seq = 0;  ///< sequence number in its case, from 1
  Digest prev{};          ///< link of the event before it (zero for seq 1)
  Digest link{};          ///< chain_link(prev, seq, bytes)
  std::string bytes;      ///< the canonical bytes of the event

  /** Field-wise equality. */
  friend bool operator==(const LoggedEvent &, const LoggedEvent &) = default;
};

/** What a store keeps about a case besides its events. */
struct CaseHeader {
  std::string id;            ///< case id, unique in the store
  std::string procedure_id;  ///< the procedure definition it follows, e.g. "wenze-2019"
  std::string cadre_id;      ///< the cadre concerned (an id, never a name)
  std::string region;        ///< administrative division code whose definitions apply
  Date opened_on{};          ///< day it was opened
  std::string opened_by;     ///< the finding or record that opened it, e.g. "finding:R12:c-0042"
  std::uint64_t events = 0;  ///< number of events logged (kept by the store)
  Digest head{};  ///< link of the last event, zero when there is none (kept by the store)

  /** Field-wise equality. */
  friend bool operator==(const CaseHeader &, const CaseHeader &) = default;
};

/**
 * Walks one case's events in order and finds the first that breaks the chain: a sequence
 * number out of step (an event removed, inserted or reordered), a @c prev that is not the link
 * before it, or a @c link that does not match its bytes (an event altered).
 */
class ChainVerifier {
 public:
  /**
   * Takes the next event.
   * @param event the next event of the log
   * @return true while every event so far fits; once one does not,
   * false for it and every later one.
   */
  bool feed(const LoggedEvent &event);

  /**
   * Checks the end of the log against the header the store keeps (count and head), so that an
   * event removed from the end is found too.
   * @param header the header the store keeps for the case
   * @return the index (from 0) of the first event
   * that does not fit, the count of events fed when the log ends early or runs long, or
   * nothing when the whole log verifies.
   */
  [[nodiscard]] std::optional<std::uint64_t> finish(const CaseHeader &header) const;

  /** @return the index (from 0) of the first event that did not fit, if one did not. */
  [[nodiscard]] std::optional<std::uint64_t> first_bad() const { return first_bad_; }
  /** @return the link of the last event fed (zero before the first). */
  [[nodiscard]] const Digest &head() const { return head_; }
  /** @return the number of events fed. */
  [[nodiscard]] std::uint64_t count() const { return count_; }

 private:
  Digest head_{};
  std::uint64_t count_ = 0;
  std::optional<std::uint64_t> first_bad_;
};

/**
 * Where cases and their events are kept. Implementations must make each append atomic and
 * durable before it returns kOk, and must refuse an append whose @p expected_head is not the
 * case's head (StatusCode::kAborted) without changing anything. Every member returns kOk or a
 * status naming the case id and the field; never personal data.
 *
 * Thread safety: an instance is used by one thread at a time; separate instances (also in
 * separate processes) may work on the same database at once.
 */
class CaseStore {
 public:
  virtual ~CaseStore() = default;
  CaseStore() = default;
  CaseStore(const CaseStore &) = delete;
  CaseStore &operator=(const CaseStore &) = delete;

  /**
   * Adds a case with no events (its @c events and @c head are ignored).
   * @param header the case's header
   * @return kOk; kAlreadyExists when the id is taken; kInvalidArgument for an empty id.
   */
  virtual Status create_case(const CaseHeader &header) = 0;

  /**
   * Appends @p event to case @p case_id if its head is still @p expected_head.
   * @param case_id the case
   * @param expected_head the head the caller has seen (zero for a case with no events)
   * @param event the event, with its seq, prev and link
   * @return kOk; kNotFound for an unknown case; kAborted when the head has moved;
   *         kInvalidArgument when @p event's seq or prev does not follow the head or its link
   *         does not match its bytes.
   */
  virtual Status append(std::string_view case_id, const Digest &expected_head,
                        const LoggedEvent &event) = 0;

  /**
   * @param case_id the case
   * @return the header of case @p case_id, or kNotFound.
   */
  virtual StatusOr<CaseHeader> header(std::string_view case_id) = 0;

  /**
   * Calls @p visit with each event of case @p case_id in order, as stored (unverified), without
   * holding more than one in memory. Stops at the first status @p visit returns that is not
   * kOk, and returns it.
   * @param case_id the case
   * @param visit called with each event
   * @return kOk, kNotFound, or the visitor's status.
   */
  virtual Status events(std::string_view case_id,
                        const std::function<Status(const LoggedEvent &)> &visit) = 0;

  /**
   * Calls @p visit with each case's header, ordered by id. Stops as events() does.
   * @param visit called with each header
   * @return kOk, or the visitor's status
   */
  virtual Status cases(const std::function<Status(const CaseHeader &)> &visit) = 0;

  /**
   * Runs @p work so that the create_case() and append() calls it makes on this store take effect
   * together when it returns kOk, and none of them does otherwise: importing a stream uses it to
   * refuse a broken stream whole. A store that can group its writes (the SQLite store: one
   * transaction) overrides it; this default runs @p work as it is, each write on its own, so that
   * on a failure the writes before it stay. Calls may nest (the inner group joins the outer).
   * @param work the writes, run once before atomically() returns
   * @return @p work's status, or the store's status when the group could not be committed.
   */
  virtual Status atomically(const std::function<Status()> &work) { return work(); }

  /**
   * Runs @p reads on one consistent view of the store: the header() / events() / cases() calls
   * it makes see the store as it was when the first of them ran, whatever other connections
   * append meanwhile, and take one lock rather than one each (listing what is due over a whole
   * store reads every case). The SQLite store opens one read transaction; this default runs
   * @p reads as it is. Inside atomically() it joins the open transaction. @p reads must not
   * write.
   * @param reads the reads, run once before snapshot() returns
   * @return @p reads' status, or the store's when the view could not be opened
   */
  virtual Status snapshot(const std::function<Status()> &reads) { return reads(); }

  /**
   * Reads the whole store in one pass: @p on_case with each case's header, ordered by id, then
   * @p on_event with each of that case's events in order, as stored (unverified), holding one
   * event in memory. Stops at the first status a visitor returns that is not kOk, and returns
   * it. This default calls cases() and, for each case, events(); a store that can read both at
   * once (the SQLite store: one query) overrides it.
   * @param on_case called with each header, before its events
   * @param on_event called with each event of the case last given to @p on_case
   * @return kOk, a visitor's status, or the store's
   */
  virtual Status walk(const std::function<Status(const CaseHeader &)> &on_case,
                      const std::function<Status(const LoggedEvent &)> &on_event) {
    return cases([&](const CaseHeader &header) -> Status {
      if (Status st = on_case(header); !st.ok()) {
        return st;
      }
      return events(header.id, on_event);
    });
  }
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_CASE_LOG_HPP
