// A case store in the stream form (issue 10 §4; docs/case-store.md, "Export"): the framing and
// header of the roster stream (codec/stream.hpp), then each case (cadre.v1.StoredCase) in order
// of id followed by its events (cadre.v1.StoredEvent). Internal to cadre_codec; never installed.
#ifndef CADRE_SRC_CODEC_CASE_STREAM_HPP
#define CADRE_SRC_CODEC_CASE_STREAM_HPP

#include <cstdint>
#include <iosfwd>
#include <string>

#include "cadre/case_log.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/roster.pb.h"
#include "codec/stream.hpp"

namespace cadre::codec {

/**
 * Writes every case of @p store, in order of id, each with its events in order, to @p out: the
 * header @p header first (its schema set to "cadre.v1" when empty). Each case is written as its
 * header was read, with that many events: events appended meanwhile wait for the next export.
 * The chains are not verified here (import verifies them).
 * @return kOk; kDataLoss when the store gives fewer events than a case's count; the store's
 *         status; the writer's (kUnavailable when the output fails).
 */
Status export_cases(CaseStore &store, const cadre::v1::RosterHeader &header, StreamWriter &out);

/** export_cases() into @p out (appended to). */
Status export_cases(CaseStore &store, const cadre::v1::RosterHeader &header, std::string &out);

/** What an import added. */
struct ImportCounts {
  std::uint64_t cases = 0;   ///< cases added
  std::uint64_t events = 0;  ///< events added
};

/**
 * Adds the cases of the stream @p in to @p store, as one group (CaseStore::atomically): either
 * every case of the stream is added with all its events, or nothing is. Every chain is checked
 * with ChainVerifier as it is read, and against the count and head its case declares, before
 * anything is committed. Memory stays that of one record.
 * @param counts when not null, receives what was added (zero unless kOk); borrowed
 * @return kOk; kInvalidArgument naming the case and the index of the first event that does not
 *         fit ("cases[\"c-1\"].events[3]", the record in the message), or a malformed record or
 *         stream ("records[12]"); kAlreadyExists for a case already in @p store; the store's
 *         status.
 */
Status import_cases(StreamReader &in, CaseStore &store, ImportCounts *counts = nullptr);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_CASE_STREAM_HPP
