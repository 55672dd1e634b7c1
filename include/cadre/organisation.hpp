/**
 * @file cadre/organisation.hpp
 * @brief Organisation: regions, units, leadership teams and peer groups.
 */
#ifndef CADRE_ORGANISATION_HPP
#define CADRE_ORGANISATION_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"

namespace cadre {
inline namespace api_v1 {

/** An administrative division (行政区划). Schema: `cadre.v1.Region`. */
struct Region {
  std::string code;  ///< administrative division code (行政区划代码), six digits; required
  std::string name;  ///< name, e.g. "江西省"
  RegionLevel level = RegionLevel::kUnspecified;  ///< province, city, county or township
  std::string parent_code;  ///< code of the region above; empty for a province

  /** Regions are equal when every field is. */
  friend bool operator==(const Region &, const Region &) = default;
};

/** A unit (单位): a party or government organ, institution or enterprise. Schema: `cadre.v1.Unit`.
 */
struct Unit {
  std::string id;                          ///< unit id; required
  std::string name;                        ///< name of the unit
  UnitKind kind = UnitKind::kUnspecified;  ///< kind of unit (单位类别); required
  std::string region_code;                 ///< code of the region the unit belongs to, six digits
  std::string parent_unit_id;              ///< id of the unit above; empty at the top
  RankLevel rank_level = RankLevel::kUnspecified;  ///< rank of the unit's principal post (单位级别)

  /** Units are equal when every field is. */
  friend bool operator==(const Unit &, const Unit &) = default;
};

/** A member of a leadership team. Schema: `cadre.v1.TeamMember`. */
struct TeamMember {
  std::string cadre_id;                    ///< id of the cadre; required
  std::string post_id;                     ///< id of the member's post in the cadre's post history
  TeamRole role = TeamRole::kUnspecified;  ///< principal, deputy or member

  /** Members are equal when every field is. */
  friend bool operator==(const TeamMember &, const TeamMember &) = default;
};

/** A leadership team (领导班子) of a unit for one period. Schema: `cadre.v1.LeadershipTeam`. */
struct LeadershipTeam {
  std::string id;                   ///< team id; required
  std::string unit_id;              ///< id of the unit the team leads
  std::optional<Date> start_date;   ///< first day of the team's term
  std::optional<Date> end_date;     ///< last day of the team's term; empty while it serves
  std::vector<TeamMember> members;  ///< the members

  /** Teams are equal when every field is. */
  friend bool operator==(const LeadershipTeam &, const LeadershipTeam &) = default;
};

/** A peer group: the same kind of post across regions, compared horizontally. Schema:
 * `cadre.v1.PeerGroup`. */
struct PeerGroup {
  std::string id;                      ///< group id; required
  std::string description;             ///< what the posts have in common, e.g. "县长"
  std::vector<std::string> cadre_ids;  ///< ids of the cadres compared

  /** Groups are equal when every field is. */
  friend bool operator==(const PeerGroup &, const PeerGroup &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_ORGANISATION_HPP
