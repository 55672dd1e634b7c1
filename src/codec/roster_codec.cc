// The codec of a roster and of its organisation records (regions, units,
// teams, peer groups, unit assessments): cadre.v1 -> domain types with
// validation, and domain -> cadre.v1. References between records are checked
// against the input, so one bad record does not make others fail.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codec/check.hpp"
#include "codec/codec.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

using detail::Checker;
using detail::Path;

constexpr std::size_t idx(int i) noexcept { return static_cast<std::size_t>(i); }

// A sorted set of keys of the input, for "is among" checks.
class KeySet {
 public:
  template <typename T, typename Key>
  KeySet(const gp::RepeatedPtrField<T> &list, Key key) {
    keys_.reserve(idx(list.size()));
    for (const T &r : list) {
      keys_.emplace_back(key(r));
    }
    std::sort(keys_.begin(), keys_.end());
  }
  [[nodiscard]] bool contains(std::string_view k) const {
    return std::binary_search(keys_.begin(), keys_.end(), k);
  }

 private:
  std::vector<std::string_view> keys_;
};

void decode_header(Checker &ck, const pb::RosterHeader &in, const Path &at, RosterHeader &out) {
  ck.region_code(in.jurisdiction(), at, "jurisdiction", false);
  out.jurisdiction = in.jurisdiction();
  ck.id(in.name(), at, "name", false);
  out.name = in.name();
  out.extracted_on = ck.date(in.extracted_on(), at, "extracted_on");
  out.seed = in.seed();
  out.size = in.size();
  ck.non_negative(in.size(), at, "size");
  if (!in.schema().empty() && in.schema() != "cadre.v1") {
    ck.fail(at, "schema", R"(not "cadre.v1")");
  }
  out.schema = in.schema();
}

void decode_region(Checker &ck, const pb::Region &in, const Path &at, Region &out) {
  ck.region_code(in.code(), at, "code", true);
  out.code = in.code();
  ck.id(in.name(), at, "name", false);
  out.name = in.name();
  out.level = ck.enumeration<RegionLevel>(in.level(), at, "level", false);
  ck.region_code(in.parent_code(), at, "parent_code", false);
  if (!in.parent_code().empty() && in.parent_code() == in.code()) {
    ck.fail(at, "parent_code", "the region's own code");
  }
  out.parent_code = in.parent_code();
}

void decode_unit(Checker &ck, const pb::Unit &in, const Path &at, Unit &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  ck.id(in.name(), at, "name", false);
  out.name = in.name();
  out.kind = ck.enumeration<UnitKind>(in.kind(), at, "kind", true);
  ck.region_code(in.region_code(), at, "region_code", false);
  out.region_code = in.region_code();
  ck.id(in.parent_unit_id(), at, "parent_unit_id", false);
  if (!in.parent_unit_id().empty() && in.parent_unit_id() == in.id()) {
    ck.fail(at, "parent_unit_id", "the unit's own id");
  }
  out.parent_unit_id = in.parent_unit_id();
  out.rank_level = ck.enumeration<RankLevel>(in.rank_level(), at, "rank_level", false);
}

void decode_team(Checker &ck, const pb::LeadershipTeam &in, const Path &at, LeadershipTeam &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  ck.id(in.unit_id(), at, "unit_id", false);
  out.unit_id = in.unit_id();
  out.start_date = ck.past_date(in.start_date(), at, "start_date");
  out.end_date = ck.date(in.end_date(), at, "end_date");
  ck.not_before(out.start_date, out.end_date, at, "end_date", "start_date");
  if (!ck.bounded(in.members_size(), kMaxRecords, at, "members")) {
    out.members.clear();
    return;
  }
  out.members.resize(idx(in.members_size()));
  for (int i = 0; i < in.members_size(); ++i) {
    const pb::TeamMember &m = in.members(i);
    const Path p(at, "members", i);
    TeamMember &o = out.members[idx(i)];
    ck.id(m.cadre_id(), p, "cadre_id", true);
    o.cadre_id = m.cadre_id();
    ck.id(m.post_id(), p, "post_id", false);
    o.post_id = m.post_id();
    o.role = ck.enumeration<TeamRole>(m.role(), p, "role", false);
  }
}

void decode_peer_group(Checker &ck, const pb::PeerGroup &in, const Path &at, PeerGroup &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  ck.text(in.description(), at, "description", false, kMaxLongTextBytes);
  out.description = in.description();
  if (!ck.bounded(in.cadre_ids_size(), kMaxGroupCadres, at, "cadre_ids")) {
    out.cadre_ids.clear();
    return;
  }
  out.cadre_ids.resize(idx(in.cadre_ids_size()));
  for (int i = 0; i < in.cadre_ids_size(); ++i) {
    const Path p(at, "cadre_ids", i);
    ck.id(in.cadre_ids(i), p, {}, true);
    out.cadre_ids[idx(i)] = in.cadre_ids(i);
  }
}

void decode_unit_assessment(Checker &ck, const pb::UnitSpecialAssessment &in, const Path &at,
                            UnitSpecialAssessment &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  ck.id(in.unit_id(), at, "unit_id", true);
  out.unit_id = in.unit_id();
  out.year = in.year();
  if (in.year() == 0) {
    ck.fail(at, "year", "required");
  } else if (in.year() < 1 || in.year() > 9999) {
    ck.fail(at, "year", "not a year");
  } else if (ck.as_of() && in.year() > ck.as_of()->year()) {
    ck.fail(at, "year", "after the year of the as-of date");
  }
  out.team_grade = ck.enumeration<TeamGrade>(in.team_grade(), at, "team_grade", true);
  ck.within(in.selection_work_satisfaction(), 0, 1, at, "selection_work_satisfaction");
  out.selection_work_satisfaction = in.selection_work_satisfaction();
  ck.within(in.new_appointees_satisfaction(), 0, 1, at, "new_appointees_satisfaction");
  out.new_appointees_satisfaction = in.new_appointees_satisfaction();
  ck.non_negative(in.cadres_adjusted_down(), at, "cadres_adjusted_down");
  out.cadres_adjusted_down = in.cadres_adjusted_down();
  out.reported_in_party_building_report = in.reported_in_party_building_report();
}

// Decodes the records of a roster list; a record with an error is left out.
template <typename In, typename Out, typename F>
void decode_records(Checker &ck, const gp::RepeatedPtrField<In> &in, std::vector<Out> &out,
                    std::string_view leaf, int max, F &&decode_one) {
  out.clear();
  const Path root("");
  if (!ck.bounded(in.size(), max, root, leaf)) {
    return;
  }
  out.reserve(idx(in.size()));
  for (int i = 0; i < in.size(); ++i) {
    const Path p(root, leaf, i);
    const std::size_t before = ck.count();
    Out &o = out.emplace_back();
    decode_one(in.Get(i), p, o);
    if (ck.count() != before) {
      out.pop_back();
    }
  }
}

// Reports @p leaf of @p at when @p key is set but not among @p set.
void among(Checker &ck, const std::string &key, const KeySet &set, const Path &at,
           std::string_view leaf, std::string_view what) {
  if (!key.empty() && !set.contains(key)) {
    ck.fail(at, leaf, "not among the " + std::string(what) + " of the roster");
  }
}

}  // namespace

bool decode(const pb::Roster &in, std::optional<Date> as_of, Roster &out,
            std::vector<Status> &errors) {
  return decode(in, as_of, out, errors, kMaxRosterRecords);
}

bool decode(const pb::Roster &in, std::optional<Date> as_of, Roster &out,
            std::vector<Status> &errors, int max_records) {
  Checker ck(errors, as_of);
  const std::size_t errors_before = ck.count();
  const Path root("");

  // Keys of the input, for references (an invalid record still resolves, so
  // that one error does not cascade).
  const KeySet region_codes(in.regions(),
                            [](const pb::Region &r) -> const std::string & { return r.code(); });
  const KeySet unit_ids(in.units(),
                        [](const pb::Unit &u) -> const std::string & { return u.id(); });
  // Cadre id -> index of its first record.
  std::unordered_map<std::string_view, int> cadre_index;
  const bool need_index = in.cadres_size() > 1 || in.teams_size() > 0;
  if (need_index && in.cadres_size() <= max_records) {
    cadre_index.reserve(idx(in.cadres_size()));
    for (int i = 0; i < in.cadres_size(); ++i) {
      const std::string &id = in.cadres(i).id();
      if (!id.empty()) cadre_index.emplace(id, i);
    }
  }

  decode_header(ck, in.header(), Path(root, "header"), out.header);

  detail::unique_keys(
      ck, in.regions(), [](const pb::Region &r) -> const std::string & { return r.code(); }, root,
      "regions", "code");
  decode_records(ck, in.regions(), out.regions, "regions", max_records,
                 [&](const pb::Region &r, const Path &p, Region &o) {
                   decode_region(ck, r, p, o);
                   if (r.parent_code() != r.code()) {
                     among(ck, r.parent_code(), region_codes, p, "parent_code", "regions");
                   }
                 });

  detail::unique_ids(ck, in.units(), root, "units");
  const bool have_regions = in.regions_size() > 0;
  decode_records(ck, in.units(), out.units, "units", max_records,
                 [&](const pb::Unit &u, const Path &p, Unit &o) {
                   decode_unit(ck, u, p, o);
                   if (have_regions) {
                     among(ck, u.region_code(), region_codes, p, "region_code", "regions");
                   }
                   if (u.parent_unit_id() != u.id()) {
                     among(ck, u.parent_unit_id(), unit_ids, p, "parent_unit_id", "units");
                   }
                 });

  const bool have_units = in.units_size() > 0;
  detail::unique_ids(ck, in.teams(), root, "teams");
  decode_records(
      ck, in.teams(), out.teams, "teams", max_records,
      [&](const pb::LeadershipTeam &t, const Path &p, LeadershipTeam &o) {
        decode_team(ck, t, p, o);
        if (have_units) {
          among(ck, t.unit_id(), unit_ids, p, "unit_id", "units");
        }
        for (int j = 0; j < t.members_size() && j < kMaxRecords; ++j) {
          const pb::TeamMember &m = t.members(j);
          if (m.post_id().empty()) continue;
          const auto it = cadre_index.find(m.cadre_id());
          if (it == cadre_index.end()) continue;
          const auto &posts = in.cadres(it->second).posts();
          const bool found = std::any_of(posts.begin(), posts.end(), [&m](const pb::Post &post) {
            return post.id() == m.post_id();
          });
          if (!found) {
            ck.fail(Path(p, "members", j), "post_id", "not the id of one of that cadre's posts");
          }
        }
      });

  detail::unique_ids(ck, in.peer_groups(), root, "peer_groups");
  decode_records(ck, in.peer_groups(), out.peer_groups, "peer_groups", max_records,
                 [&ck](const pb::PeerGroup &g, const Path &p, PeerGroup &o) {
                   decode_peer_group(ck, g, p, o);
                 });

  detail::unique_ids(ck, in.unit_assessments(), root, "unit_assessments");
  decode_records(ck, in.unit_assessments(), out.unit_assessments, "unit_assessments", max_records,
                 [&](const pb::UnitSpecialAssessment &a, const Path &p, UnitSpecialAssessment &o) {
                   decode_unit_assessment(ck, a, p, o);
                   if (have_units) {
                     among(ck, a.unit_id(), unit_ids, p, "unit_id", "units");
                   }
                 });

  decode_records(ck, in.cadres(), out.cadres, "cadres", max_records,
                 [&](const pb::Cadre &c, const Path &p, Cadre &o) {
                   if (!c.id().empty() && in.cadres_size() > 1) {
                     const auto it = cadre_index.find(c.id());
                     if (it != cadre_index.end() && &in.cadres(it->second) != &c) {
                       ck.fail(p, "id", "duplicate id within cadres");
                     }
                   }
                   detail::decode_cadre_at(ck, c, p, o);
                 });
  return ck.count() == errors_before;
}

bool decode(const pb::RosterHeader &in, const std::string &path, RosterHeader &out,
            std::vector<Status> &errors) {
  Checker ck(errors, std::nullopt);
  const std::size_t before = ck.count();
  decode_header(ck, in, Path(path), out);
  return ck.count() == before;
}

bool decode(const pb::Region &in, const std::string &path, Region &out,
            std::vector<Status> &errors) {
  Checker ck(errors, std::nullopt);
  const std::size_t before = ck.count();
  decode_region(ck, in, Path(path), out);
  return ck.count() == before;
}

bool decode(const pb::Unit &in, const std::string &path, Unit &out, std::vector<Status> &errors) {
  Checker ck(errors, std::nullopt);
  const std::size_t before = ck.count();
  decode_unit(ck, in, Path(path), out);
  return ck.count() == before;
}

bool decode(const pb::LeadershipTeam &in, const std::string &path, std::optional<Date> as_of,
            LeadershipTeam &out, std::vector<Status> &errors) {
  Checker ck(errors, as_of);
  const std::size_t before = ck.count();
  decode_team(ck, in, Path(path), out);
  return ck.count() == before;
}

bool decode(const pb::PeerGroup &in, const std::string &path, PeerGroup &out,
            std::vector<Status> &errors) {
  Checker ck(errors, std::nullopt);
  const std::size_t before = ck.count();
  decode_peer_group(ck, in, Path(path), out);
  return ck.count() == before;
}

bool decode(const pb::UnitSpecialAssessment &in, const std::string &path, std::optional<Date> as_of,
            UnitSpecialAssessment &out, std::vector<Status> &errors) {
  Checker ck(errors, as_of);
  const std::size_t before = ck.count();
  decode_unit_assessment(ck, in, Path(path), out);
  return ck.count() == before;
}

// ---------------------------------------------------------------------------
// Encoding.

void encode(const RosterHeader &in, pb::RosterHeader &out) {
  out.Clear();
  out.set_jurisdiction(in.jurisdiction);
  out.set_name(in.name);
  if (in.extracted_on) {
    out.set_extracted_on(in.extracted_on->to_string());
  }
  out.set_seed(in.seed);
  out.set_size(in.size);
  out.set_schema(in.schema);
}

void encode(const Region &in, pb::Region &out) {
  out.Clear();
  out.set_code(in.code);
  out.set_name(in.name);
  out.set_level(static_cast<pb::RegionLevel>(in.level));
  out.set_parent_code(in.parent_code);
}

void encode(const Unit &in, pb::Unit &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_name(in.name);
  out.set_kind(static_cast<pb::UnitKind>(in.kind));
  out.set_region_code(in.region_code);
  out.set_parent_unit_id(in.parent_unit_id);
  out.set_rank_level(static_cast<pb::RankLevel>(in.rank_level));
}

void encode(const LeadershipTeam &in, pb::LeadershipTeam &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_unit_id(in.unit_id);
  if (in.start_date) {
    out.set_start_date(in.start_date->to_string());
  }
  if (in.end_date) {
    out.set_end_date(in.end_date->to_string());
  }
  out.mutable_members()->Reserve(static_cast<int>(in.members.size()));
  for (const TeamMember &m : in.members) {
    pb::TeamMember *o = out.add_members();
    o->set_cadre_id(m.cadre_id);
    o->set_post_id(m.post_id);
    o->set_role(static_cast<pb::TeamRole>(m.role));
  }
}

void encode(const PeerGroup &in, pb::PeerGroup &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_description(in.description);
  out.mutable_cadre_ids()->Reserve(static_cast<int>(in.cadre_ids.size()));
  for (const std::string &id : in.cadre_ids) {
    out.add_cadre_ids(id);
  }
}

void encode(const UnitSpecialAssessment &in, pb::UnitSpecialAssessment &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_unit_id(in.unit_id);
  out.set_year(in.year);
  out.set_team_grade(static_cast<pb::TeamGrade>(in.team_grade));
  out.set_selection_work_satisfaction(in.selection_work_satisfaction);
  out.set_new_appointees_satisfaction(in.new_appointees_satisfaction);
  out.set_cadres_adjusted_down(in.cadres_adjusted_down);
  out.set_reported_in_party_building_report(in.reported_in_party_building_report);
}

void encode(const Roster &in, pb::Roster &out) {
  out.Clear();
  encode(in.header, *out.mutable_header());
  const auto each = [](const auto &list, auto *field) {
    field->Reserve(static_cast<int>(list.size()));
    for (const auto &r : list) {
      encode(r, *field->Add());
    }
  };
  each(in.regions, out.mutable_regions());
  each(in.units, out.mutable_units());
  each(in.teams, out.mutable_teams());
  each(in.peer_groups, out.mutable_peer_groups());
  each(in.unit_assessments, out.mutable_unit_assessments());
  each(in.cadres, out.mutable_cadres());
}

}  // namespace cadre::codec
