#include "codec/roster_references.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "codec/codec.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;

namespace {

// The checks finish() makes, in the order of the lists of a whole roster.
enum Kind : int {
  kRegionParent,
  kUnitRegion,
  kUnitParent,
  kTeamUnit,
  kTeamMemberPost,
  kAssessmentUnit,
};

// The list of a check's records, and its place among the lists of a whole
// roster's decode.
struct List {
  const char *name;
  int rank;
};

List list_of(int kind) {
  switch (kind) {
    case kRegionParent:
      return {"regions", 0};
    case kUnitRegion:
    case kUnitParent:
      return {"units", 1};
    case kTeamUnit:
    case kTeamMemberPost:
      return {"teams", 2};
    default:
      return {"unit_assessments", 3};
  }
}

std::string record_name(std::string_view list, std::uint64_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

// The id as printed: none when it is not a valid id (too long, a control
// character), which is never echoed.
std::string printable(std::string_view id) {
  return is_valid_id(id) ? std::string(id) : std::string();
}

std::uint64_t fingerprint(std::string_view key) { return std::hash<std::string_view>{}(key); }

void duplicate(std::vector<RecordFinding> &out, std::string_view list, std::uint64_t index,
               std::string_view id, std::string_view key_leaf) {
  out.push_back({record_name(list, index), printable(id),
                 invalid_argument(std::string(key_leaf), "duplicate " + std::string(key_leaf) +
                                                             " within " + std::string(list))});
}

}  // namespace

bool RosterReferences::first(std::unordered_set<std::string> &seen, std::string_view key) {
  return key.empty() || seen.emplace(key).second;
}

void RosterReferences::region(const pb::Region &r, std::uint64_t index,
                              std::vector<RecordFinding> &out) {
  ++region_count_;
  if (!first(regions_, r.code())) duplicate(out, "regions", index, r.code(), "code");
  if (!r.parent_code().empty() && r.parent_code() != r.code()) {
    references_.push_back({kRegionParent, index, r.code(), "parent_code", r.parent_code(), {}});
  }
}

void RosterReferences::unit(const pb::Unit &u, std::uint64_t index,
                            std::vector<RecordFinding> &out) {
  ++unit_count_;
  if (!first(units_, u.id())) duplicate(out, "units", index, u.id(), "id");
  if (!u.region_code().empty()) {
    references_.push_back({kUnitRegion, index, u.id(), "region_code", u.region_code(), {}});
  }
  if (!u.parent_unit_id().empty() && u.parent_unit_id() != u.id()) {
    references_.push_back({kUnitParent, index, u.id(), "parent_unit_id", u.parent_unit_id(), {}});
  }
}

void RosterReferences::team(const pb::LeadershipTeam &t, std::uint64_t index,
                            std::vector<RecordFinding> &out) {
  if (!first(teams_, t.id())) duplicate(out, "teams", index, t.id(), "id");
  if (!t.unit_id().empty()) {
    references_.push_back({kTeamUnit, index, t.id(), "unit_id", t.unit_id(), {}});
  }
  for (int j = 0; j < t.members_size(); ++j) {
    const pb::TeamMember &m = t.members(j);
    if (m.post_id().empty()) continue;
    references_.push_back({kTeamMemberPost, index, t.id(),
                           "members[" + std::to_string(j) + "].post_id", m.cadre_id(),
                           m.post_id()});
  }
}

void RosterReferences::peer_group(const pb::PeerGroup &g, std::uint64_t index,
                                  std::vector<RecordFinding> &out) {
  if (!first(peer_groups_, g.id())) duplicate(out, "peer_groups", index, g.id(), "id");
}

void RosterReferences::unit_assessment(const pb::UnitSpecialAssessment &a, std::uint64_t index,
                                       std::vector<RecordFinding> &out) {
  if (!first(unit_assessments_, a.id())) duplicate(out, "unit_assessments", index, a.id(), "id");
  if (!a.unit_id().empty()) {
    references_.push_back({kAssessmentUnit, index, a.id(), "unit_id", a.unit_id(), {}});
  }
}

void RosterReferences::cadre(const pb::Cadre &c, std::uint64_t index,
                             std::vector<RecordFinding> &out) {
  if (c.id().empty()) return;
  const auto [it, inserted] = cadres_.try_emplace(c.id(), posts_.size(), 0);
  if (!inserted) {
    duplicate(out, "cadres", index, c.id(), "id");
    return;
  }
  for (const pb::Post &p : c.posts()) {
    posts_.push_back(fingerprint(p.id()));
  }
  it->second.second = static_cast<std::size_t>(c.posts_size());
}

void RosterReferences::finish(std::vector<RecordFinding> &out) const {
  std::vector<const Reference *> order;
  order.reserve(references_.size());
  for (const Reference &r : references_) order.push_back(&r);
  // The order of a whole roster's decode: list by list, record by record.
  std::stable_sort(order.begin(), order.end(), [](const Reference *a, const Reference *b) {
    const int ka = list_of(a->kind).rank;
    const int kb = list_of(b->kind).rank;
    return ka != kb ? ka < kb : a->index < b->index;
  });
  const auto among = [](const std::unordered_set<std::string> &set, const Reference &r) {
    return set.contains(r.key);
  };
  for (const Reference *r : order) {
    std::string message;
    switch (r->kind) {
      case kRegionParent:
        if (!among(regions_, *r)) message = "not among the regions of the roster";
        break;
      case kUnitRegion:
        if (region_count_ > 0 && !among(regions_, *r)) {
          message = "not among the regions of the roster";
        }
        break;
      case kUnitParent:
        if (!among(units_, *r)) message = "not among the units of the roster";
        break;
      case kTeamUnit:
      case kAssessmentUnit:
        if (unit_count_ > 0 && !among(units_, *r)) message = "not among the units of the roster";
        break;
      case kTeamMemberPost: {
        const auto it = cadres_.find(r->key);
        if (it == cadres_.end()) break;  // a cadre outside the roster: not checked
        const auto begin = posts_.begin() + static_cast<std::ptrdiff_t>(it->second.first);
        const auto end = begin + static_cast<std::ptrdiff_t>(it->second.second);
        if (std::find(begin, end, fingerprint(r->post)) == end) {
          message = "not the id of one of that cadre's posts";
        }
        break;
      }
      default:
        break;
    }
    if (!message.empty()) {
      out.push_back({record_name(list_of(r->kind).name, r->index), printable(r->id),
                     invalid_argument(r->field, std::move(message))});
    }
  }
}

}  // namespace cadre::codec
