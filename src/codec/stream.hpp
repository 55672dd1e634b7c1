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
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/status.hpp"
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
/** The form named @p name ("pb" or "binary", "json", "cadres" or "stream"), if any. */
std::optional<RosterFormat> roster_format_from_name(std::string_view name) noexcept;
/** The usual extension of @p format, with the dot. */
std::string_view extension(RosterFormat format) noexcept;

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
 * Reads the stream form one record at a time, from a std::istream or from
 * bytes in memory (which are borrowed, not copied). Checks the magic, that
 * the first record is the header and no other is, and bounds every record by
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

  /** OK while reading and at a clean end; the error otherwise. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }
  /** Whether the stream ended cleanly (every record read, no error). */
  [[nodiscard]] bool at_end() const noexcept { return done_ && status_.ok(); }
  /** Records read so far; the index of the last record read is records() - 1. */
  [[nodiscard]] std::uint64_t records() const noexcept { return records_; }
  /** Bytes consumed so far, the magic included. */
  [[nodiscard]] std::uint64_t bytes() const noexcept { return offset_; }
  /** The field path of record @p index: "records[12]". */
  static std::string path(std::uint64_t index);

 private:
  struct Source;
  bool fail(Status status);
  bool read_magic();
  bool next_from_memory(cadre::v1::RosterRecord &record);
  bool next_from_stream(cadre::v1::RosterRecord &record);
  bool check_order(const cadre::v1::RosterRecord &record);

  std::unique_ptr<Source> source_;
  const std::uint8_t *data_ = nullptr;
  std::size_t size_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t records_ = 0;
  bool started_ = false;
  bool done_ = false;
  Status status_;
};

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

/**
 * Converts a roster from @p in_format to @p out_format (any to any; stream to
 * stream checks and rewrites it). Whole rosters are bounded by kMaxInputBytes.
 */
Status convert(const std::uint8_t *data, std::size_t size, RosterFormat in_format,
               RosterFormat out_format, std::string &out);
/** convert() of the bytes of @p in. */
inline Status convert(std::string_view in, RosterFormat in_format, RosterFormat out_format,
                      std::string &out) {
  return convert(reinterpret_cast<const std::uint8_t *>(in.data()), in.size(), in_format,
                 out_format, out);
}

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_STREAM_HPP
