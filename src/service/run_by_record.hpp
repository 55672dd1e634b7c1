// An operation on a list of cadres run one cadre at a time over the records
// of a document (issue 14 §2: memory bounded by the input), for callers that
// read the request's other fields elsewhere: call() for bytes, and the CLI,
// whose cadres come from a roster and whose other fields come from its
// options. Internal to libcadre and the tools; never installed.
#ifndef CADRE_SRC_SERVICE_RUN_BY_RECORD_HPP
#define CADRE_SRC_SERVICE_RUN_BY_RECORD_HPP

#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <functional>

#include "cadre/status.hpp"
#include "cadre/v1/cadre.pb.h"
#include "codec/codec.hpp"
#include "service/operation.hpp"

namespace cadre::service {

/** Picks the cadres a run answers (see run_by_record()). */
using CadreFilter = std::function<bool(const cadre::v1::Cadre &cadre)>;

/** Takes the elements of the repeated fields of a response and clears them. */
using ResponseFlush = std::function<Status(google::protobuf::Message &response)>;

/**
 * Runs @p op's RecordRun over the records of the list `cadres` of @p bytes,
 * one cadre at a time: the shape of call() above, for a caller that reads the
 * request's other fields elsewhere (the CLI: from its options) or the cadres
 * from another message (the CLI: a cadre.v1.Roster).
 * - @p head: the request's fields other than its cadres (RecordRun::begin()).
 * - @p bytes: a message of type @p type in @p format (JSON or binary) that
 *   codec::parse_head() read without error and without setting `whole`; its
 *   other lists are skipped, or handed to RecordRun::list_record() when the
 *   run reads them (RecordRun::reads_lists()).
 * - @p keep, when set, picks the cadres to answer: the others are skipped and
 *   the cadres kept are numbered 0, 1... among themselves. A cadre that did
 *   not parse reaches it as an empty message.
 * - @p flush is called whenever @p response holds 256 elements or more, and
 *   by the run's end(); it must take the elements and clear them. What is
 *   left in @p response at the end (the singular fields, the last elements)
 *   is the caller's.
 *
 * Memory: one record and what has not been flushed. INTERNAL when @p op has
 * no RecordRun, its response no `errors`, or the messages are of other types;
 * otherwise the status of begin(), of @p flush or of the run's end().
 */
Status run_by_record(const Operation &op, const Engine &engine,
                     const google::protobuf::Message &head, const std::uint8_t *bytes,
                     std::size_t size, codec::Format format,
                     const google::protobuf::Descriptor *type, const CadreFilter &keep,
                     google::protobuf::Message &response, const ResponseFlush &flush);

/** Whether run_by_record() can run @p op (it has a RecordRun, and its response `errors`). */
bool runs_by_record(const Operation &op);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_RUN_BY_RECORD_HPP
