// The streaming form of a roster: the magic bytes "CADRES1\n", then records,
// each a varint length and a serialized cadre.v1.RosterRecord; the first
// record is the header (proto/cadre/v1/roster.proto). Reading keeps one record
// in memory at a time, so a roster of millions of cadres is read in the memory
// of its largest record. Internal to cadre_codec; never installed.
#ifndef CADRE_SRC_CODEC_STREAM_HPP
#define CADRE_SRC_CODEC_STREAM_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/status.hpp"
#include "cadre/v1/case_store.pb.h"
#include "cadre/v1/roster.pb.h"

namespace cadre::codec {

/** The first bytes of every stream. */
inline constexpr std::string_view kStreamMagic{"CADRES1\n", 8};
/** Largest serialized record accepted or written, in bytes (64 MiB). */
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20U;

/**
 * The three file forms of a roster. The first two are numbered like
 * codec::Format (and cadre_format); kStream exists only for files.
 */
enum class RosterFormat : int {
  kBinary = 0,  ///< one cadre.v1.Roster, protobuf binary (".pb")
  kJson = 1,    ///< one cadre.v1.Roster, protobuf JSON with the proto field names (".json")
  kStream = 2,  ///< the stream form (".cadres")
};

/** The form named by the extension of @p path (.pb, .json, .cadres), if any. */
std::optional<RosterFormat> roster_format_from_path(std::string_view path) noexcept;

/**
 * Writes the stream form: the magic on construction, then one record per
 * call. The first record written must be the header. Writing never copies a
 * cadre into a RosterRecord: the convenience calls frame the message as the
 * corresponding field of a RosterRecord, byte for byte what serializing the
 * RosterRecord would give.
 */
class StreamWriter {
 public:
  /** Writes to @p out, which must outlive the writer. */
  explicit StreamWriter(std::ostream &out);
  /** Appends to @p out, which must outlive the writer. */
  explicit StreamWriter(std::string &out);
  StreamWriter(const StreamWriter &) = delete;
  StreamWriter &operator=(const StreamWriter &) = delete;
  ~StreamWriter();

  /** Writes one record. Fails when it is over kMaxRecordBytes or the output fails. */
  Status write(const cadre::v1::RosterRecord &record);
  /** Writes @p header as a record. */
  Status write_header(const cadre::v1::RosterHeader &header);
  /** Writes @p region as a record. */
  Status write_region(const cadre::v1::Region &region);
  /** Writes @p unit as a record. */
  Status write_unit(const cadre::v1::Unit &unit);
  /** Writes @p team as a record. */
  Status write_team(const cadre::v1::LeadershipTeam &team);
  /** Writes @p group as a record. */
  Status write_peer_group(const cadre::v1::PeerGroup &group);
  /** Writes @p assessment as a record. */
  Status write_unit_assessment(const cadre::v1::UnitSpecialAssessment &assessment);
  /** Writes @p cadre as a record. */
  Status write_cadre(const cadre::v1::Cadre &cadre);
  /**
   * Writes @p stored_case as a record of a case store's stream (a CaseStoreRecord,
   * case_store.proto, which shares this framing and the header).
   */
  Status write_stored_case(const cadre::v1::StoredCase &stored_case);
  /** Writes @p event as a record of a case store's stream. */
  Status write_stored_event(const cadre::v1::StoredEvent &event);
  /**
   * Writes @p message as the member @p kind of a record; @p message must be
   * of that member's type (a cadre.v1.Unit for kUnit...).
   */
  Status write(cadre::v1::RosterRecord::RecordCase kind,
               const google::protobuf::MessageLite &message) {
    return write_field(static_cast<int>(kind), message);
  }

  /** Records written so far. */
  [[nodiscard]] std::uint64_t records() const noexcept { return records_; }
  /** Bytes written so far, the magic included. */
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }
  /** Flushes a std::ostream; fails when the output failed. */
  Status flush();

 private:
  Status write_field(int field_number, const google::protobuf::MessageLite &message);
  Status put(const char *data, std::size_t size);

  std::ostream *os_ = nullptr;
  std::string *str_ = nullptr;
  std::string buffer_;
  std::uint64_t records_ = 0;
  std::uint64_t bytes_ = 0;
  Status failed_;
};

/**
 * The framing of the stream form, fed in chunks of any size: the one reader
 * of the magic, the varint lengths and the record limit, used by StreamReader
 * (files and bytes in memory) and by the streamed screener (service/
 * stream_screener.hpp), so by the C ABI, Python and the CLI alike.
 *
 * It checks the magic, reads each record's length (a varint of at most 10
 * bytes whose tenth byte carries only the 64th bit), bounds it by
 * kMaxRecordBytes and hands back the record's bytes: a view into the chunk
 * when the record lies within it (no copy), into a buffer of its own when the
 * record spans chunks (memory bounded by the largest record). The caller
 * parses each record and reports its kind with accept(), which checks that
 * the first record is the header and no other is. Errors name the record
 * ("records[12]") or "magic"; after an error every call returns it.
 */
class StreamFramer {
 public:
  /** What next() found. */
  enum class Next {
    kRecord,    ///< a record: its bytes are in the span
    kNeedMore,  ///< every byte fed so far is consumed: feed() the next chunk, or finish()
    kError,     ///< the stream is malformed: see status()
  };

  /**
   * Supplies the next chunk, borrowed until next() returns kNeedMore again
   * (feed only then). NULL with size 0 is an empty chunk.
   */
  void feed(const std::uint8_t *data, std::size_t size) noexcept;

  /**
   * The next record's bytes, valid until the next call of next() or feed().
   * Parse them, then call accept() with the record's kind.
   */
  Next next(const std::uint8_t *&data, std::size_t &size);

  /**
   * Checks the order of the record next() gave last: the first record must
   * be the header, and no other. @p kind names a record that is not a
   * header, for the message ("cadre"). Fails the stream otherwise.
   */
  Status accept(bool is_header, std::string_view kind);

  /** Fails the stream at the record next() gave last: "records[12]: <message>". */
  Status reject(std::string message);

  /** Fails the stream at record @p record, one next() gave: "records[12]: <message>". */
  Status reject_at(std::uint64_t record, std::string message);

  /**
   * Ends the input: OK when it ends after a whole record and there was a
   * header; otherwise the error (truncated magic, length or record; no
   * header). Call it after next() returned kNeedMore.
   */
  Status finish();

  /** OK so far, or the error that stopped the stream. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }
  /** Records framed so far; the last one's index is records() - 1. */
  [[nodiscard]] std::uint64_t records() const noexcept { return records_; }
  /** Bytes consumed by whole records so far, the magic included. */
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  void fail(Status status);
  bool read_magic();

  const std::uint8_t *chunk_ = nullptr;
  std::size_t chunk_size_ = 0;
  std::size_t pos_ = 0;
  // Bytes of the magic, or of a record that spans chunks (its length first).
  std::string carry_;
  bool carry_done_ = false;  // carry_ holds the record last returned: drop it on the next call
  bool magic_ = false;
  std::uint64_t records_ = 0;
  std::uint64_t bytes_ = 0;
  Status status_;
};

/** The field path of record @p index of a stream: "records[12]". */
std::string record_path(std::uint64_t index);

/** The name of a record's kind, for messages ("cadre", "unit"...). */
std::string_view record_kind_name(cadre::v1::RosterRecord::RecordCase kind) noexcept;

/**
 * Reads the stream form one record at a time, from a std::istream or from
 * bytes in memory (which are borrowed, not copied), through a StreamFramer:
 * the magic, the header first and no other, every record bounded by
 * kMaxRecordBytes. Errors name the record: "records[12]: truncated record
 * (...)"; the magic's error names "magic". After an error, or at the end,
 * next() returns false; status() tells which.
 */
class StreamReader {
 public:
  /** Reads from @p in, which must outlive the reader. */
  explicit StreamReader(std::istream &in);
  /** Reads @p size bytes at @p data, which must outlive the reader. */
  StreamReader(const std::uint8_t *data, std::size_t size);
  /** Reads @p bytes, which must outlive the reader. */
  explicit StreamReader(std::string_view bytes)
      : StreamReader(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size()) {}
  StreamReader(const StreamReader &) = delete;
  StreamReader &operator=(const StreamReader &) = delete;
  ~StreamReader();

  /**
   * Parses the next record into @p record (cleared first; pass the same
   * object every time to reuse its memory, or one on an arena).
   * @return true when a record was read; false at the end or on an error.
   */
  bool next(cadre::v1::RosterRecord &record);

  /**
   * Parses the next record of a case store's stream (case_store.proto: the
   * same framing and header, its own record kinds) into @p record, as
   * next(RosterRecord&) does.
   * @return true when a record was read; false at the end or on an error.
   */
  bool next(cadre::v1::CaseStoreRecord &record);

  /** OK while reading and at a clean end; the error otherwise. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }
  /** Whether the stream ended cleanly (every record read, no error). */
  [[nodiscard]] bool at_end() const noexcept { return done_ && status_.ok(); }
  /** Records read so far; the index of the last record read is records() - 1. */
  [[nodiscard]] std::uint64_t records() const noexcept { return framer_.records(); }
  /** Bytes consumed so far, the magic included. */
  [[nodiscard]] std::uint64_t bytes() const noexcept { return framer_.bytes(); }
  /** The field path of record @p index: "records[12]". */
  static std::string path(std::uint64_t index) { return record_path(index); }

 private:
  bool fail(Status status);
  bool refill();
  // Frames the next record: its bytes, valid until the next call; false at the end or on an error.
  bool next_bytes(const std::uint8_t *&data, std::size_t &size);

  std::istream *in_ = nullptr;
  std::vector<std::uint8_t> buffer_;
  StreamFramer framer_;
  bool done_ = false;
  Status status_;
};

/**
 * Empties @p record so that it is safe to fill again even if an allocation
 * fails while it is filled: protobuf 3.21's generated code for a oneof is
 * not exception-safe (see stream.cc). StreamReader::next calls it; a writer
 * that reuses a record calls it instead of Clear().
 */
void reset_record(cadre::v1::RosterRecord &record);

/**
 * Moves the content of @p record into the matching list of @p roster.
 * @return false for a record of no kind this version knows (nothing moved)
 */
bool move_into(cadre::v1::RosterRecord &record, cadre::v1::Roster &roster);

/** Writes @p roster in the stream form (header first, then each list in schema order) to @p out. */
Status write_stream(const cadre::v1::Roster &roster, std::string &out);
/** Writes @p roster in the stream form to @p out. */
Status write_stream(const cadre::v1::Roster &roster, std::ostream &out);

/**
 * Reads a whole stream into @p roster (cleared first). Records move into the
 * roster without a copy. A record of no kind this version knows is an error.
 * Fails when the roster would be larger than kMaxInputBytes (use the stream).
 */
Status read_stream(StreamReader &reader, cadre::v1::Roster &roster);
/** read_stream() of @p size bytes at @p data. */
Status read_stream(const std::uint8_t *data, std::size_t size, cadre::v1::Roster &roster);

/** Parses a whole roster in any of the three forms. */
Status parse_roster(const std::uint8_t *data, std::size_t size, RosterFormat format,
                    cadre::v1::Roster &roster);
/** Serializes a whole roster in any of the three forms into @p out (replaced). */
Status serialize_roster(const cadre::v1::Roster &roster, RosterFormat format, std::string &out);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_STREAM_HPP
