/**
 * @file cadre/roster.hpp
 * @brief A roster: many cadres with their history, and the organisation they work in.
 */
#ifndef CADRE_ROSTER_HPP
#define CADRE_ROSTER_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/assessment.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/organisation.hpp"

namespace cadre {
inline namespace api_v1 {

/** What a roster is about. Schema: `cadre.v1.RosterHeader`. */
struct RosterHeader {
  std::string jurisdiction;          ///< administrative division code, e.g. "360000"
  std::string name;                  ///< name of the roster, e.g. "合成省 2025"
  std::optional<Date> extracted_on;  ///< day the data were extracted
  std::uint64_t seed = 0;            ///< for generated rosters: the generator's seed
  int size = 0;                      ///< for generated rosters: the generator's size
  std::string schema;                ///< schema version of the data, "cadre.v1"

  /** Headers are equal when every field is. */
  friend bool operator==(const RosterHeader &, const RosterHeader &) = default;
};

/** Many cadres with their history, and the organisation they work in. Schema: `cadre.v1.Roster`. */
struct Roster {
  RosterHeader header;                                  ///< what the roster is about
  std::vector<Region> regions;                          ///< administrative divisions
  std::vector<Unit> units;                              ///< units
  std::vector<LeadershipTeam> teams;                    ///< leadership teams
  std::vector<PeerGroup> peer_groups;                   ///< peer groups
  std::vector<UnitSpecialAssessment> unit_assessments;  ///< special assessments of units
  std::vector<Cadre> cadres;                            ///< the cadres

  /** Rosters are equal when every field is. */
  friend bool operator==(const Roster &, const Roster &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ROSTER_HPP
