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
#include <functional>
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
 * The first half of reading a message record by record without holding its
 * records (issue 14: memory bounded by the input): parses into @p head every
 * field of @p bytes outside the lists of its top level, and checks the whole
 * document, failing exactly as parse_by_record() would. Records are only
 * skipped over (JSON: by RapidJSON's SAX reader; binary: by their framing).
 * Sets @p whole, and parses nothing, where parse_by_record() must read the
 * message instead: a format other than JSON or binary, no bytes, more than
 * kMaxInputBytes, or binary whose top-level framing this reader cannot follow
 * (a broken length, a group).
 */
Status parse_head(const std::uint8_t *bytes, std::size_t size, Format format,
                  google::protobuf::Message &head, std::string_view what, bool &whole);

/**
 * Called by for_each_record() with each record in order: its list, its index
 * in the list, the record (an empty message when it did not parse; valid
 * during the call only) and OK or why it did not parse (the status
 * parse_by_record() puts in UnreadRecord). Returns false to be called no more.
 */
using RecordFn = std::function<bool(const google::protobuf::FieldDescriptor &list, int index,
                                    const google::protobuf::Message &record, const Status &unread)>;

/**
 * The second half: parses the records of the lists of @p bytes (a message of
 * @p type, which parse_head() read without error or `whole`) one at a time
 * into one reused message and hands each to @p on_record; with @p only set,
 * the records of that list alone (the others are skipped unparsed). Memory
 * beyond the caller's: that of one record (its text, its message).
 */
void for_each_record(const std::uint8_t *bytes, std::size_t size, Format format,
                     const google::protobuf::Descriptor *type, const RecordFn &on_record,
                     const google::protobuf::FieldDescriptor *only = nullptr);

/**
 * Puts, in @p errors (from decode() of the roster parse_by_record() read),
 * the status of each record of @p unread in place of the errors its empty
 * message got (those whose path starts with "units[2]"...).
 */
void report_unread(std::vector<UnreadRecord> unread, std::vector<Status> &errors);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_RECORD_SPLIT_HPP
