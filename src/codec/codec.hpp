// The codec: protobuf (cadre.v1) <-> domain types, with validation that names
// the field path. Internal to libcadre and the CLI; never installed.
#ifndef CADRE_SRC_CODEC_CODEC_HPP
#define CADRE_SRC_CODEC_CODEC_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/roster.hpp"
#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/cadre.pb.h"
#include "cadre/v1/finding.pb.h"
#include "cadre/v1/roster.pb.h"
#include "cadre/v1/screening.pb.h"

namespace cadre::codec {

/** Wire formats, numbered like cadre_format. */
enum class Format : int { kBinary = 0, kJson = 1 };

/** Largest input accepted: protobuf 3.21 takes int sizes. */
inline constexpr std::size_t kMaxInputBytes = 0x7fffffff;
/** Most posts one cadre may have. */
inline constexpr int kMaxPosts = 1000;
/** Most records in one repeated field of a cadre (assessments, incidents...) or of a record. */
inline constexpr int kMaxRecords = 1000;
/** Most records in one repeated field of a roster (cadres, units, regions...). */
inline constexpr int kMaxRosterRecords = 10'000'000;
/** Most cadres in one peer group. */
inline constexpr int kMaxGroupCadres = 100'000;
/** Longest id, name or title accepted, in bytes. */
inline constexpr std::size_t kMaxTextBytes = 256;
/** Longest description accepted, in bytes. */
inline constexpr std::size_t kMaxLongTextBytes = 4096;

/** Parses @p bytes in @p format into @p msg; the error names @p what. */
Status parse(const std::uint8_t *bytes, std::size_t size, Format format,
             google::protobuf::Message &msg, std::string_view what);

/** Serializes @p msg in @p format into @p out. */
Status serialize(const google::protobuf::Message &msg, Format format, std::string &out);

/** Parses an ISO date field; the error names @p path. */
StatusOr<Date> parse_date(std::string_view text, const std::string &path);

/**
 * Converts and validates one cadre; errors name the field under @p path ("cadres[3]").
 * Returns the first error of the record (see the collecting overload for all of them).
 */
Status decode(const cadre::v1::Cadre &in, const std::string &path, std::optional<Date> as_of,
              Cadre &out);

/**
 * Converts and validates one cadre, appending every error of the record to
 * @p errors (INVALID_ARGUMENT, field path under @p path, no personal data in
 * the message). Dates after @p as_of are errors where that matters (birth,
 * starts, decisions); no such check without @p as_of. An enum number unknown
 * to this version is kept in @p out and reported. @p out is overwritten in
 * full, so one value can be reused for many records. Returns true when the
 * record has no error.
 */
bool decode(const cadre::v1::Cadre &in, const std::string &path, std::optional<Date> as_of,
            Cadre &out, std::vector<Status> &errors);

/**
 * Converts and validates a roster, appending every error to @p errors with
 * paths from the roster ("regions[0].code", "cadres[17].posts[2].start_date").
 * A record with an error (a region, unit, team, peer group, unit assessment
 * or cadre) is reported and left out of @p out; the others are decoded.
 * References between records are checked: units' region_code among the
 * regions (when regions are given), parent codes and parent units, teams' and
 * unit assessments' unit_id among the units (when units are given), team
 * members' post_id in that cadre's posts (when the cadre is in the roster),
 * unique codes and ids. Returns true when there is no error.
 */
bool decode(const cadre::v1::Roster &in, std::optional<Date> as_of, Roster &out,
            std::vector<Status> &errors);

/** decode() of a roster with @p max_records in place of kMaxRosterRecords (for tests). */
bool decode(const cadre::v1::Roster &in, std::optional<Date> as_of, Roster &out,
            std::vector<Status> &errors, int max_records);

/**
 * Converts and validates one record of a roster on its own (the streaming
 * form): only the checks within the record, not the references between
 * records. Errors name fields under @p path ("units[3]").
 */
bool decode(const cadre::v1::RosterHeader &in, const std::string &path, RosterHeader &out,
            std::vector<Status> &errors);
/** As above. */
bool decode(const cadre::v1::Region &in, const std::string &path, Region &out,
            std::vector<Status> &errors);
/** As above. */
bool decode(const cadre::v1::Unit &in, const std::string &path, Unit &out,
            std::vector<Status> &errors);
/** As above; team dates after @p as_of are errors. */
bool decode(const cadre::v1::LeadershipTeam &in, const std::string &path, std::optional<Date> as_of,
            LeadershipTeam &out, std::vector<Status> &errors);
/** As above. */
bool decode(const cadre::v1::PeerGroup &in, const std::string &path, PeerGroup &out,
            std::vector<Status> &errors);
/** As above; a year after the year of @p as_of is an error. */
bool decode(const cadre::v1::UnitSpecialAssessment &in, const std::string &path,
            std::optional<Date> as_of, UnitSpecialAssessment &out, std::vector<Status> &errors);

/** Converts a cadre to its wire form (lossless for valid data: decode(encode(x)) == x). */
void encode(const Cadre &in, cadre::v1::Cadre &out);
/** Converts a roster to its wire form (lossless for valid data). */
void encode(const Roster &in, cadre::v1::Roster &out);
/** Converts a roster header to its wire form. */
void encode(const RosterHeader &in, cadre::v1::RosterHeader &out);
/** Converts a region to its wire form. */
void encode(const Region &in, cadre::v1::Region &out);
/** Converts a unit to its wire form. */
void encode(const Unit &in, cadre::v1::Unit &out);
/** Converts a leadership team to its wire form. */
void encode(const LeadershipTeam &in, cadre::v1::LeadershipTeam &out);
/** Converts a peer group to its wire form. */
void encode(const PeerGroup &in, cadre::v1::PeerGroup &out);
/** Converts a unit's special assessment to its wire form. */
void encode(const UnitSpecialAssessment &in, cadre::v1::UnitSpecialAssessment &out);

/** Converts a finding to its wire form. */
void encode(const Finding &in, cadre::v1::Finding &out);

/** Converts a summary to its wire form. */
void encode(const ScreenSummary &in, cadre::v1::ScreenSummary &out);

/** The schema of every message as a serialized FileDescriptorSet. */
std::string descriptor_set();

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_CODEC_HPP
