// One cadre of the synthetic province, made in stages, one file each:
// cadre_person.cc (who, birth, posts), cadre_down.cc (the down of the history
// and its follow-up), cadre_history.cc (situations at yearly rates, family,
// candidacy), cadre_assessments.cc (annual assessments). The stages run in
// that order and draw from one random stream, so the same seed gives the same
// bytes. Internal to cadre_generator.
#ifndef CADRE_SRC_GENERATOR_CADRE_BUILDER_HPP
#define CADRE_SRC_GENERATOR_CADRE_BUILDER_HPP

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "generator/province_detail.hpp"

namespace cadre::generator::detail {

/** Counters of the record ids of one cadre (p1, p2..., i1...). */
struct Ids {
  int post = 0, incident = 0, decision = 0, party = 0, gov = 0, warning = 0, investigation = 0,
      claim = 0, adjustment = 0, health = 0, study = 0, resignation = 0, family = 0, refusal = 0,
      candidacy = 0, plan = 0;
};

/** The next id of a counter: "p" and 2 give "p3". */
inline std::string id(std::string_view prefix, int &counter) {
  return std::string(prefix) + std::to_string(++counter);
}

/** What a down decides: filled by the_down() and the method of its channel. */
struct Down {
  Date d;         // the day of the down
  Date decided;   // the day the adjustment was decided
  Date proposed;  // the day it was proposed
  pb::Adjustment adj;
  pb::PostEndReason reason = pb::POST_END_REASON_REMOVAL;
  bool new_post = true;  // a post is taken after the down
  int new_level = 0;     // its rank level
  bool new_rank_only = true;
};

/** Makes cadre i of a province, in stages; each stage reads what the earlier ones set. */
struct CadreBuilder {
  CadreBuilder(const Province &province, int index, pb::Cadre &cadre);

  /** Runs every stage, in order. */
  void build();

  // The stages.
  void person();       // cadre_person.cc
  void the_down();     // cadre_down.cc
  void history();      // cadre_history.cc
  void assessments();  // cadre_assessments.cc

  // The down, by channel, and what follows it (cadre_down.cc).
  void down_accountability(Down &dn);
  void down_unsuitable(Down &dn);
  void down_unable_to_perform(Down &dn);
  void down_resignation(Down &dn);
  void down_violation(Down &dn);
  void leave_post(Down &dn);
  void follow_up(Date d, const pb::Adjustment &stored);
  void exemption_on(Date d, const pb::Adjustment &stored);

  // Records the stages add (cadre_builder.cc).
  static void add_terms(pb::Post &p, Date from, Date to);
  pb::Incident *add_incident(Date occurred, std::string situation, pb::Severity severity,
                             bool verified);
  pb::EarlyWarning *add_warning(pb::EarlyWarningKind kind, Date issued, bool corrected);
  pb::AccountabilityDecision *add_decision(const std::string &incident, Date decided,
                                           const std::vector<pb::AccountabilityForm> &forms,
                                           const std::vector<pb::OrganisationalMeasure> &measures);

  /** Whether a post of a unit is a local party or government leader's (地方党政领导). */
  static bool local_leader(const UnitDef &u, const PostDef &p) {
    return u.local && p.role != pb::TEAM_ROLE_UNSPECIFIED;
  }

  // What the province gives (the names of Province's members, so that the
  // stages read as they did inside it).
  const Options &options_;
  const Rates &rates_;
  const std::vector<UnitDef> &units_;
  const std::vector<RegionDef> &regions_;
  const Date start_;
  const Province &province_;
  const int index_;
  [[nodiscard]] int prior_posts(int i) const { return province_.prior_posts(i); }
  [[nodiscard]] bool jx(Date day) const { return province_.jx(day); }
  [[nodiscard]] Date clamp_end(Date d) const { return province_.clamp_end(d); }
  [[nodiscard]] static std::string rule(Date day, std::string_view suffix) {
    return Province::rule(day, suffix);
  }
  [[nodiscard]] static Date random_day(Rng &rng, Date from, Date to) {
    return Province::random_day(rng, from, to);
  }

  // The cadre and what every stage reads.
  Rng r;
  pb::Cadre &c;
  const Slot s;
  const PostDef &pd;
  const UnitDef &unit;
  const std::string &region_code;
  const std::vector<int> &region_units;
  const Fate f;
  const Date end;
  Ids ids;

  // Set by person().
  Sex sex = Sex::kUnspecified;
  Date birth;
  Date slot_start;
  Date first;                // start of the first post
  pb::Post *sp = nullptr;    // the slot's post
  bool is_local = false;     // the slot's post is a local leader's
  bool down = false;         // the history has a down
  bool age_pending = false;  // the age limit is reached, no adjustment yet
  bool executed = false;     // the down was carried out
  Date slot_end;             // the day the cadre left the slot's post, or the end
  bool retired = false;      // retired or resigned: nothing happens after
  Date life_end;             // the last day records may fall on
  Date hist_from;            // the first day of the history
};

}  // namespace cadre::generator::detail

#endif  // CADRE_SRC_GENERATOR_CADRE_BUILDER_HPP
