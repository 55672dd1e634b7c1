// A roster in any of its three forms read one record at a time, and what is
// built on that: validating and converting a roster without holding it
// (issue 14: memory bounded by the input). Internal to libcadre and the
// tools; never installed.
#ifndef CADRE_SRC_CODEC_ROSTER_RECORDS_HPP
#define CADRE_SRC_CODEC_ROSTER_RECORDS_HPP

#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/date.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/roster.pb.h"
#include "codec/codec.hpp"
#include "codec/roster_references.hpp"
#include "codec/stream.hpp"

namespace cadre::codec {

/**
 * The bytes of a roster: in memory (borrowed), or, for the stream form only,
 * a std::istream read in chunks (a file of any size).
 */
struct RosterInput {
  const std::uint8_t *data = nullptr;  ///< the bytes, when @ref in is null
  std::size_t size = 0;                ///< how many
  std::istream *in = nullptr;          ///< the stream form read from here instead
};

/** One record of a roster, read alone. */
struct RosterItem {
  /**
   * Its kind; RECORD_NOT_SET for a record of the stream form that did not
   * parse or is of no kind this version knows.
   */
  cadre::v1::RosterRecord::RecordCase kind = cadre::v1::RosterRecord::RECORD_NOT_SET;
  /** Its index in its list ("cadres[index]"); for RECORD_NOT_SET, in the stream ("records[index]").
   */
  std::uint64_t index = 0;
  /**
   * The record, a message of the kind's type, valid during the call only: an
   * empty one when it did not parse; nullptr for RECORD_NOT_SET.
   */
  const google::protobuf::Message *message = nullptr;
  /**
   * OK, or why the record did not parse, with its whole field path
   * ("cadres[3].sex", "records[12]") and never its content.
   */
  Status unread;
};

/** Called with each record in order; false stops the reading. */
using RosterItemFn = std::function<bool(const RosterItem &)>;

/**
 * Reads the roster @p input in @p format and hands each record to @p fn, in
 * the order of the input, the header first (for binary and JSON, only when
 * the roster has one). Only one record is held at a time. With @p only set,
 * records of other kinds are skipped, unparsed where the form allows.
 *
 * A record that does not parse is handed with its error (@ref
 * RosterItem::unread) and the reading goes on. The call fails, after the
 * records read so far were handed, only when the input as a whole is
 * unusable: binary or JSON that parse_head() refuses (not JSON, a top level
 * that is not an object, over kMaxInputBytes: RESOURCE_EXHAUSTED), or a
 * stream whose framing is broken or whose header does not parse.
 */
Status for_each_roster_record(
    const RosterInput &input, RosterFormat format, const RosterItemFn &fn,
    cadre::v1::RosterRecord::RecordCase only = cadre::v1::RosterRecord::RECORD_NOT_SET);

/** The name of the roster list of records of @p kind ("cadres"); "records" for RECORD_NOT_SET. */
std::string_view roster_list_name(cadre::v1::RosterRecord::RecordCase kind) noexcept;

/** What validate_roster() found. */
struct RosterValidation {
  std::uint64_t records = 0;  ///< records of the lists read (the header not counted)
  std::uint64_t errors = 0;   ///< findings handed
  /**
   * OK; or, when the input was unusable before its first record (not JSON,
   * a bad magic...), why: nothing was handed then. An input that breaks
   * later is a finding of its own, after the others.
   */
  Status failed;
};

/**
 * Validates a roster one record at a time: each record is decoded alone and
 * RosterReferences finds what lies across records, so the findings are those
 * of codec::decode() of the whole roster. Each finding goes to @p on_finding
 * as it is found: a record's own errors and a duplicate id with the record,
 * the references that lead nowhere once every record is read, and last, if
 * the input broke after its first record, that error (its record
 * "records[12]" or "roster"; see RosterValidation::failed).
 *
 * @p as_of bounds the dates; when it is empty and @p as_of_from_header is
 * true, the header's extraction day does. A list of more than @p max_records
 * records gets one error and its records beyond are not decoded.
 */
RosterValidation validate_roster(const RosterInput &input, RosterFormat format,
                                 std::optional<Date> as_of, bool as_of_from_header,
                                 const std::function<void(const RecordFinding &)> &on_finding,
                                 std::uint64_t max_records);

/** Where converted bytes go. */
class ByteSink {
 public:
  ByteSink() = default;
  ByteSink(const ByteSink &) = delete;
  ByteSink &operator=(const ByteSink &) = delete;
  virtual ~ByteSink() = default;
  /** Appends @p bytes; an error ends the conversion. */
  virtual Status append(std::string_view bytes) = 0;
  /** Drops every byte appended so far (the conversion starts again). */
  virtual Status rewind() = 0;
};

/** A ByteSink that appends to a string. */
class StringByteSink final : public ByteSink {
 public:
  /** Appends to @p out, which must outlive the sink. */
  explicit StringByteSink(std::string &out) : out_(&out) {}
  Status append(std::string_view bytes) override;
  Status rewind() override;

 private:
  std::string *out_;
};

/**
 * Converts a roster between the three forms one record at a time, holding one
 * record and a chunk of output (1 MiB) beyond what @p sink keeps. Records are
 * written in the order of the input, the header first; JSON groups each list
 * into one array: when the input's lists are interleaved (the stream and
 * binary forms allow it), the sink is rewound and each list read in a pass of
 * its own, in the schema's order.
 *
 * Fails at the first record that does not parse (its field path, as
 * for_each_roster_record() gives it), when the input is unusable, when a
 * binary or JSON output would pass @p max_bytes (kMaxInputBytes, which
 * parse_roster() refuses, unless a test lowers it; RESOURCE_EXHAUSTED: keep
 * the stream form), or when @p sink fails.
 * What was appended then is not a roster: the caller discards it.
 */
Status convert_roster(const RosterInput &input, RosterFormat in_format, RosterFormat out_format,
                      ByteSink &sink, std::size_t max_bytes = kMaxInputBytes);

/** convert_roster() of the bytes of @p in into @p out (replaced). */
Status convert(std::string_view in, RosterFormat in_format, RosterFormat out_format,
               std::string &out);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_ROSTER_RECORDS_HPP
