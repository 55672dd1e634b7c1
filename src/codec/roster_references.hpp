// The checks of a roster across its records (unique ids, references between
// lists) for a roster read one record at a time, in the stream form: what
// codec::decode() of a whole cadre.v1.Roster checks across records, holding
// the keys and the references only, never the records. Internal to libcadre
// and the tools; never installed.
#ifndef CADRE_SRC_CODEC_ROSTER_REFERENCES_HPP
#define CADRE_SRC_CODEC_ROSTER_REFERENCES_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cadre/status.hpp"
#include "cadre/v1/roster.pb.h"

namespace cadre::codec {

/** An error of one record: the record ("units[3]"), its id, and the error (its field within the
 * record). */
struct RecordFinding {
  std::string record;  ///< the list and index, e.g. "teams[2]"
  std::string id;      ///< the record's id (empty when it has none or it is too long to print)
  Status error;        ///< field relative to the record, e.g. "members[1].post_id"
};

/**
 * Sees the records of a roster one at a time, in any order, and finds what
 * codec::decode() of the whole roster finds across records, with the same
 * messages:
 * - an id (a region's code) already used by an earlier record of the same
 *   list: found when the record is seen;
 * - a reference to a region, a unit or a cadre's post that no record of the
 *   roster has: found by finish(), once every record is seen, in the order of
 *   the lists (regions, units, teams, unit assessments) and of the records.
 * Memory: the keys, one 64-bit fingerprint per post id of each cadre, and the
 * references; never a record.
 */
class RosterReferences {
 public:
  /** A region, the @p index-th of its list; a duplicate code goes to @p out. */
  void region(const cadre::v1::Region &r, std::uint64_t index, std::vector<RecordFinding> &out);
  /** A unit, the @p index-th of its list. */
  void unit(const cadre::v1::Unit &u, std::uint64_t index, std::vector<RecordFinding> &out);
  /** A leadership team, the @p index-th of its list. */
  void team(const cadre::v1::LeadershipTeam &t, std::uint64_t index,
            std::vector<RecordFinding> &out);
  /** A peer group, the @p index-th of its list. */
  void peer_group(const cadre::v1::PeerGroup &g, std::uint64_t index,
                  std::vector<RecordFinding> &out);
  /** A unit's special assessment, the @p index-th of its list. */
  void unit_assessment(const cadre::v1::UnitSpecialAssessment &a, std::uint64_t index,
                       std::vector<RecordFinding> &out);
  /** A cadre, the @p index-th of its list. */
  void cadre(const cadre::v1::Cadre &c, std::uint64_t index, std::vector<RecordFinding> &out);

  /** Appends the references that lead nowhere to @p out. */
  void finish(std::vector<RecordFinding> &out) const;

 private:
  // A reference from record @p index of list @p kind to @p key.
  struct Reference {
    int kind = 0;  // which check (roster_references.cc)
    std::uint64_t index = 0;
    std::string id;     // the referring record's id
    std::string field;  // within the record
    std::string key;    // what it names
    std::string post;   // a team member's post id
  };
  // Whether @p key is new to @p seen (an empty key always is).
  static bool first(std::unordered_set<std::string> &seen, std::string_view key);

  std::unordered_set<std::string> regions_, units_, teams_, peer_groups_, unit_assessments_;
  std::uint64_t region_count_ = 0;  // regions seen, with a code or not
  std::uint64_t unit_count_ = 0;    // units seen, with an id or not
  // Cadre id -> its posts' fingerprints, posts_[begin, begin + count).
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> cadres_;
  std::vector<std::uint64_t> posts_;
  std::vector<Reference> references_;
};

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_ROSTER_REFERENCES_HPP
