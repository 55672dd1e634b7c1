// Parsing a message record by record: the records of its top-level lists
// (a request's `cadres`, a roster's `units`...) are parsed one at a time, so
// that one record that does not parse costs that record only, and a JSON
// document is never handed whole to protobuf's JSON parser. Internal to
// cadre_codec, the service layer and the CLI; never installed.
#ifndef CADRE_SRC_CODEC_RECORD_SPLIT_HPP
#define CADRE_SRC_CODEC_RECORD_SPLIT_HPP

#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/status.hpp"
#include "codec/codec.hpp"

namespace cadre::codec {

/** A record of a top-level list that did not parse. */
struct UnreadRecord {
  /** The list's field name, e.g. "cadres". */
  std::string list;
  /** The record's index in the list. */
  int index = 0;
  /**
   * INVALID_ARGUMENT with the field path of the record or of the member that
   * failed ("cadres[3].sex", "cadres[3].posts[0].kind") and what is wrong
   * ("unknown value", "wrong JSON type: expected a string", "invalid
   * UTF-8"...), never the value.
   */
  Status status;
};

/**
 * Parses @p bytes, a @p msg in @p format, like parse(), except that each
 * record of a repeated message field of @p msg's top level (a list) is
 * parsed on its own: a record that does not parse leaves an empty message in
 * its place (so that the indexes of the others do not move) and an entry in
 * @p unread, in order. The call fails only when the document as a whole is
 * unusable: not JSON (or not protobuf binary) at all, a top level that is not
 * an object, or an error outside the records (the error names the field when
 * it is a field of the schema). Over kMaxInputBytes: RESOURCE_EXHAUSTED.
 *
 * JSON is read by RapidJSON's SAX reader (iterative: no recursion, whatever
 * the depth); each record is rewritten into a buffer of its own and parsed
 * by protobuf's JSON parser, so the memory beyond the parsed message is that
 * of one record. A record that does not parse is read again, member by
 * member, to name the member that fails. Binary is parsed whole first; only
 * when that fails are the records parsed one by one.
 */
Status parse_by_record(const std::uint8_t *bytes, std::size_t size, Format format,
                       google::protobuf::Message &msg, std::string_view what,
                       std::vector<UnreadRecord> &unread);

/**
 * Puts, in @p errors (from decode() of the roster parse_by_record() read),
 * the status of each record of @p unread in place of the errors its empty
 * message got (those whose path starts with "units[2]"...).
 */
void report_unread(std::vector<UnreadRecord> unread, std::vector<Status> &errors);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_RECORD_SPLIT_HPP
