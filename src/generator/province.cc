#include "generator/province.hpp"

#include <algorithm>
#include <string>

#include "codec/stream.hpp"
#include "generator/cadre_builder.hpp"
#include "generator/province_detail.hpp"

namespace cadre::generator {
namespace detail {

void Province::make_cadre(int i, pb::Cadre &c) const { CadreBuilder(*this, i, c).build(); }

// ---------------------------------------------------------------------------
// Emission.

Status Province::emit(const Sink &sink) const {
  pb::RosterRecord record;
  codec::reset_record(record);
  const auto send = [&]() -> Status {
    Status st = sink(record);
    codec::reset_record(record);
    return st;
  };
  {
    pb::RosterHeader *h = record.mutable_header();
    h->set_jurisdiction(options_.jurisdiction);
    h->set_name("合成省 " + std::to_string(options_.end.year()));
    h->set_extracted_on(options_.end.to_string());
    h->set_seed(options_.seed);
    h->set_size(options_.cadres);
    h->set_schema("cadre.v1");
    if (auto st = send(); !st.ok()) return st;
  }
  for (const RegionDef &rd : regions_) {
    pb::Region *g = record.mutable_region();
    g->set_code(rd.code);
    g->set_name(rd.name);
    g->set_level(rd.level);
    if (rd.parent >= 0) g->set_parent_code(regions_[static_cast<std::size_t>(rd.parent)].code);
    if (auto st = send(); !st.ok()) return st;
  }
  for (const UnitDef &u : units_) {
    pb::Unit *o = record.mutable_unit();
    o->set_id(u.id);
    o->set_name(u.name);
    o->set_kind(u.kind);
    o->set_region_code(regions_[static_cast<std::size_t>(u.region)].code);
    if (u.parent >= 0) o->set_parent_unit_id(units_[static_cast<std::size_t>(u.parent)].id);
    o->set_rank_level(rank(u.level));
    if (auto st = send(); !st.ok()) return st;
  }
  // Teams: the members still in their post at the end.
  const auto holds = [&](int i) {
    const Fate f = fate(i);
    return f.channel == pb::CHANNEL_UNSPECIFIED || f.pending;
  };
  for (std::size_t u = 0; u < units_.size(); ++u) {
    const UnitDef &ud = units_[u];
    pb::LeadershipTeam *t = record.mutable_team();
    for (std::size_t j = 0; j < ud.posts.size(); ++j) {
      const int i = by_unit_[u][j];
      if (ud.posts[j].role == pb::TEAM_ROLE_UNSPECIFIED || i < 0 || !holds(i)) continue;
      pb::TeamMember *m = t->add_members();
      m->set_cadre_id(cadre_id(i));
      m->set_post_id("p" + std::to_string(prior_posts(i) + 1));
      m->set_role(ud.posts[j].role);
    }
    if (t->members().empty()) {
      record.Clear();
      continue;
    }
    t->set_id("t" + ud.id);
    t->set_unit_id(ud.id);
    t->set_start_date(std::min(team_start_, options_.end).to_string());
    if (auto st = send(); !st.ok()) return st;
  }
  // Peer groups.
  for (std::size_t g = 1; g < static_cast<std::size_t>(Peer::kCount); ++g) {
    pb::PeerGroup *pg = record.mutable_peer_group();
    pg->set_id(std::string(kPeerId[g]));
    pg->set_description(std::string(kPeerName[g]));
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const UnitDef &ud = units_[u];
      for (std::size_t j = 0; j < ud.posts.size(); ++j) {
        const int i = by_unit_[u][j];
        if (static_cast<std::size_t>(ud.posts[j].peer) == g && i >= 0 && holds(i)) {
          pg->add_cadre_ids(cadre_id(i));
        }
      }
    }
    if (pg->cadre_ids().empty()) {
      record.Clear();
      continue;
    }
    if (auto st = send(); !st.ok()) return st;
  }
  // Unit special assessments: the party committees, each full year of history.
  {
    Rng r(options_.seed, Stream::kOrganisation, 0);
    int n = 0;
    for (const UnitDef &u : units_) {
      if (u.kind != pb::UNIT_KIND_PARTY_COMMITTEE) continue;
      for (int y = options_.end.year() - std::min(options_.years_of_history, 5);
           y < options_.end.year(); ++y) {
        pb::UnitSpecialAssessment *a = record.mutable_unit_assessment();
        a->set_id("ua" + pad(static_cast<std::uint64_t>(++n), 5));
        a->set_unit_id(u.id);
        a->set_year(y);
        const std::uint32_t x = r.below(100);
        a->set_team_grade(x < 45   ? pb::TEAM_GRADE_GOOD
                          : x < 85 ? pb::TEAM_GRADE_FAIRLY_GOOD
                          : x < 97 ? pb::TEAM_GRADE_AVERAGE
                                   : pb::TEAM_GRADE_POOR);
        a->set_selection_work_satisfaction(r.range(820, 990) / 1000.0);
        a->set_new_appointees_satisfaction(r.range(800, 990) / 1000.0);
        a->set_cadres_adjusted_down(r.range(0, std::max(1, options_.cadres / 2000)));
        a->set_reported_in_party_building_report(r.chance(0.95));
        if (auto st = send(); !st.ok()) return st;
      }
    }
  }
  // Cadres, one by one.
  for (int i = 0; i < options_.cadres; ++i) {
    make_cadre(i, *record.mutable_cadre());
    if (auto st = send(); !st.ok()) return st;
  }
  return {};
}

}  // namespace detail

namespace pb = ::cadre::v1;
using detail::Province;

const Rates &default_rates() noexcept {
  static const Rates kRates;
  return kRates;
}

Status validate(const Options &options) {
  if (options.cadres < 1 || options.cadres > kMaxCadres) {
    return invalid_argument("cadres", "not within 1 and " + std::to_string(kMaxCadres));
  }
  if (options.years_of_history < kMinYears || options.years_of_history > kMaxYears) {
    return invalid_argument(
        "years", "not within " + std::to_string(kMinYears) + " and " + std::to_string(kMaxYears));
  }
  const std::string &j = options.jurisdiction;
  if (j.size() != 6 || j.find_first_not_of("0123456789") != std::string::npos ||
      j.substr(2) != "0000" || j.substr(0, 2) == "00") {
    return invalid_argument("jurisdiction", "not a six-digit province code ending in 0000");
  }
  if (options.end.year() < 1990 || options.end.year() > 2100) {
    return invalid_argument("end", "not within the years 1990 and 2100");
  }
  return {};
}

Status generate(const Options &options, const Sink &sink) {
  if (auto st = validate(options); !st.ok()) return st;
  const Province province(options, default_rates());
  return province.emit(sink);
}

Status generate_roster(const Options &options, pb::Roster &roster) {
  roster.Clear();
  if (options.cadres > kMaxRosterCadres) {
    return invalid_argument("cadres", "more than " + std::to_string(kMaxRosterCadres) +
                                          " for a whole roster: use the stream form");
  }
  return generate(options, [&roster](pb::RosterRecord &record) -> Status {
    codec::move_into(record, roster);
    return {};
  });
}

Status generate_stream(const Options &options, std::string &out) {
  codec::StreamWriter writer(out);
  if (auto st =
          generate(options, [&writer](pb::RosterRecord &record) { return writer.write(record); });
      !st.ok()) {
    return st;
  }
  return writer.flush();
}

}  // namespace cadre::generator
