// Statistics of the adjustments carried out, the quarterly dispatch and the
// annual bulletin (cadre/statistics.hpp; docs/statistics.md defines each count).
#include "cadre/statistics.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cadre/followup_plan.hpp"
#include "cadre/screening.hpp"

namespace cadre {
inline namespace api_v1 {

StatusOr<Period> quarter_period(int year, int quarter) {
  if (year < 1 || year > 9999) {
    return invalid_argument("year", "must be from 1 to 9999");
  }
  if (quarter < 1 || quarter > 4) {
    return invalid_argument("quarter", "must be from 1 to 4");
  }
  const int first = 3 * (quarter - 1) + 1;
  Period p;
  p.from = *Date::from_ymd(year, first, 1);
  p.to = *Date::from_ymd(year, first + 2, days_in_month(year, first + 2));
  p.year = year;
  p.quarter = quarter;
  return p;
}

StatusOr<Period> year_period(int year) {
  if (year < 1 || year > 9999) {
    return invalid_argument("year", "must be from 1 to 9999");
  }
  Period p;
  p.from = *Date::from_ymd(year, 1, 1);
  p.to = *Date::from_ymd(year, 12, 31);
  p.year = year;
  return p;
}

StatusOr<Period> range_period(Date from, Date to) {
  if (to < from) {
    return invalid_argument("to", "comes before `from`");
  }
  if (from.add_years(100) < to) {
    return invalid_argument("to", "more than 100 years after `from`");
  }
  Period p;
  p.from = from;
  p.to = to;
  return p;
}

namespace {

// The index of an enum value in a counter array: 0 for a number outside it.
template <typename E, std::size_t N>
std::size_t slot(E value) noexcept {
  const auto n = static_cast<long long>(value);
  return n > 0 && n < static_cast<long long>(N) ? static_cast<std::size_t>(n) : 0;
}

}  // namespace

void AdjustmentTally::add(Channel channel, AdjustmentMethod method, RankLevel level,
                          bool from_case) noexcept {
  ++adjusted_down;
  accountability += channel == Channel::kAccountability ? 1 : 0;
  unsuitable += channel == Channel::kUnsuitable ? 1 : 0;
  bureau_level_or_above += at_or_above_bureau(level) ? 1 : 0;
  (from_case ? from_cases : from_records) += 1;
  ++by_channel[slot<Channel, ByChannel{}.size()>(channel)];
  ++by_method[slot<AdjustmentMethod, ByMethod{}.size()>(method)];
  ++by_rank_level[slot<RankLevel, ByRankLevel{}.size()>(level)];
}

void AdjustmentTally::merge(const AdjustmentTally &other) noexcept {
  adjusted_down += other.adjusted_down;
  accountability += other.accountability;
  unsuitable += other.unsuitable;
  bureau_level_or_above += other.bureau_level_or_above;
  from_records += other.from_records;
  from_cases += other.from_cases;
  for (std::size_t i = 0; i < by_channel.size(); ++i) {
    by_channel[i] += other.by_channel[i];
  }
  for (std::size_t i = 0; i < by_method.size(); ++i) {
    by_method[i] += other.by_method[i];
  }
  for (std::size_t i = 0; i < by_rank_level.size(); ++i) {
    by_rank_level[i] += other.by_rank_level[i];
  }
}

void StatisticsLine::merge(const StatisticsLine &other) noexcept {
  cadres += other.cadres;
  adjusted.merge(other.adjusted);
  previous.merge(other.previous);
  due += other.due;
  opened += other.opened;
  in_progress += other.in_progress;
  overdue += other.overdue;
  closed_without_adjustment += other.closed_without_adjustment;
  talks_due += other.talks_due;
  talks_overdue += other.talks_overdue;
  reappointed += other.reappointed;
  adjusted_again += other.adjusted_again;
  max_working_days_overdue = std::max(max_working_days_overdue, other.max_working_days_overdue);
  procedures_on_time += other.procedures_on_time;
  procedures_active += other.procedures_active;
}

Channel channel_of(ProcedureKind kind) noexcept {
  switch (kind) {
    case ProcedureKind::kRetirement:
      return Channel::kAgeLimit;
    case ProcedureKind::kAccountabilityAdjustment:
      return Channel::kAccountability;
    case ProcedureKind::kUnsuitableAdjustment:
      return Channel::kUnsuitable;
    case ProcedureKind::kHealthAdjustment:
      return Channel::kUnableToPerform;
    case ProcedureKind::kResignation:
      return Channel::kVoluntaryResignation;
    case ProcedureKind::kTermExchange:
      return Channel::kTerm;
    case ProcedureKind::kViolationRemoval:
      return Channel::kViolation;
    default:
      return Channel::kUnspecified;
  }
}

namespace {

// Where a count goes: a unit and a region (either may be empty).
struct Place {
  std::string unit_id;
  std::string region_code;
  RankLevel level = RankLevel::kUnspecified;
};

// The place of a cadre on a day: the post held (its unit, region and rank), else the cadre's
// home unit with no region (the unit's region is looked up at the end).
Place place_on(const Cadre &cadre, Date day) {
  Place p;
  if (auto i = cadre.current_post(day)) {
    const Post &post = cadre.posts[*i];
    p.unit_id = post.unit_id.empty() ? cadre.unit_id : post.unit_id;
    p.region_code = post.region_code;
    p.level = post.rank_level;
  } else {
    p.unit_id = cadre.unit_id;
  }
  return p;
}

// The place of an adjustment: the post it left (from_post_id), else the post held the day
// before it, else the home unit.
Place place_of(const Cadre &cadre, const Adjustment &a, Date day) {
  if (!a.from_post_id.empty()) {
    for (const Post &post : cadre.posts) {
      if (post.id == a.from_post_id) {
        return {post.unit_id.empty() ? cadre.unit_id : post.unit_id, post.region_code,
                post.rank_level};
      }
    }
  }
  return place_on(cadre, day == Date::earliest() ? day : day.add_days(-1));
}

// The day an adjustment counts on: the day it was carried out. One decided but not carried out
// is not counted in any period.
std::optional<Date> day_of(const Adjustment &a) { return a.executed_on; }

}  // namespace

struct StatisticsBuilder::State {
  const Engine *engine = nullptr;
  const FollowUpCatalogue *followups = nullptr;
  StatisticsOptions options;
  std::unordered_map<std::string, Region> regions;
  std::unordered_map<std::string, Unit> units;
  // The counters, one per (unit, region) met: the key is unit id, '\x1f', region code.
  std::unordered_map<std::string, std::pair<Place, StatisticsLine>> cells;
  std::unordered_map<std::string, std::vector<CaseDigest>> cases;  // by cadre id, not yet met
  std::vector<QuarterTally> quarters;
  NotableCounts notable;
  int cadres = 0;
  // Scratch values, reused from cadre to cadre.
  std::vector<Finding> findings;
  std::vector<Cadre> one;
  std::string key;

  StatisticsLine &cell(const Place &p) {
    key.assign(p.unit_id);
    key.push_back('\x1f');
    key.append(p.region_code);
    auto it = cells.find(key);
    if (it == cells.end()) {
      Place where{p.unit_id, p.region_code, RankLevel::kUnspecified};
      it = cells.emplace(key, std::make_pair(std::move(where), StatisticsLine{})).first;
    }
    return it->second.second;
  }

  void count_in_quarter(Date day, Channel channel, AdjustmentMethod method, RankLevel level,
                        bool from_case) {
    for (QuarterTally &q : quarters) {
      if (q.period.contains(day)) {
        q.adjusted.add(channel, method, level, from_case);
        return;
      }
    }
  }

  // Counts one case in @p line (its cadre's place); @p recorded: the channels of the
  // cadre's adjustment records counted in the period (bit per channel), and in the previous.
  void count_case(const CaseDigest &c, StatisticsLine &line, RankLevel level, unsigned recorded,
                  unsigned recorded_before) {
    const Period &p = options.period;
    if (!c.opened_on || p.to < *c.opened_on) {
      return;  // opened after the period
    }
    if (p.contains(*c.opened_on)) {
      ++line.opened;
    }
    // A digest of a later day may show an end after the period: open at its end then.
    const bool ended = c.ended_on && *c.ended_on <= p.to;
    if (!ended || p.from <= *c.ended_on) {
      ++line.procedures_active;
      line.procedures_on_time += c.late_steps == 0 && c.working_days_overdue == 0 ? 1 : 0;
    }
    if (!ended) {
      ++line.in_progress;
      if (c.working_days_overdue > 0) {
        ++line.overdue;
        line.max_working_days_overdue =
            std::max(line.max_working_days_overdue, c.working_days_overdue);
      }
    }
    const unsigned bit = 1U << slot<Channel, AdjustmentTally::ByChannel{}.size()>(c.channel);
    if (ended && p.contains(*c.ended_on)) {
      if (!c.carried_out) {
        ++line.closed_without_adjustment;
      } else if ((recorded & bit) == 0) {
        line.adjusted.add(c.channel, AdjustmentMethod::kUnspecified, level, true);
        count_in_quarter(*c.ended_on, c.channel, AdjustmentMethod::kUnspecified, level, true);
      }
    }
    if (c.ended_on && options.previous && options.previous->contains(*c.ended_on) &&
        c.carried_out && (recorded_before & bit) == 0) {
      line.previous.add(c.channel, AdjustmentMethod::kUnspecified, level, true);
    }
  }
};

StatisticsBuilder::StatisticsBuilder(const Engine &engine, const FollowUpCatalogue &followups,
                                     StatisticsOptions options)
    : state_(std::make_unique<State>()) {
  state_->engine = &engine;
  state_->followups = &followups;
  state_->options = options;
  const Period &p = state_->options.period;
  // The quarters the period touches.
  int y = p.from.year();
  int q = quarter_of(p.from);
  for (;;) {
    auto quarter = quarter_period(y, q);
    if (!quarter.ok() || p.to < quarter->from) {
      break;
    }
    state_->quarters.push_back({*quarter, {}});
    if (++q > 4) {
      q = 1;
      ++y;
    }
  }
  state_->one.resize(1);
}

StatisticsBuilder::~StatisticsBuilder() = default;
StatisticsBuilder::StatisticsBuilder(StatisticsBuilder &&) noexcept = default;
StatisticsBuilder &StatisticsBuilder::operator=(StatisticsBuilder &&) noexcept = default;

void StatisticsBuilder::add_region(const Region &region) {
  state_->regions.insert_or_assign(region.code, region);
}

void StatisticsBuilder::add_unit(const Unit &unit) {
  state_->units.insert_or_assign(unit.id, unit);
}

void StatisticsBuilder::add_case(CaseDigest digest) {
  if (digest.channel == Channel::kUnspecified) {
    return;  // a procedure that adjusts no one (诫勉...): not an adjustment
  }
  std::string id = digest.cadre_id;
  state_->cases[std::move(id)].push_back(std::move(digest));
}

void StatisticsBuilder::add_bad_record() noexcept { ++state_->cadres; }

void StatisticsBuilder::add_cadre(const Cadre &cadre) {
  State &s = *state_;
  const Period &p = s.options.period;
  ++s.cadres;
  // Its adjustments: those carried out in the period, and in the one before.
  unsigned recorded = 0;
  unsigned recorded_before = 0;
  for (const Adjustment &a : cadre.adjustments) {
    const auto day = day_of(a);
    if (!day) {
      ++s.notable.not_carried_out;
      continue;
    }
    const bool now = p.contains(*day);
    const bool before = s.options.previous && s.options.previous->contains(*day);
    if (!now && !before) {
      continue;
    }
    const Place where = place_of(cadre, a, *day);
    StatisticsLine &line = s.cell(where);
    const unsigned bit = 1U << slot<Channel, AdjustmentTally::ByChannel{}.size()>(a.channel);
    if (now) {
      line.adjusted.add(a.channel, a.method, where.level, false);
      s.count_in_quarter(*day, a.channel, a.method, where.level, false);
      recorded |= bit;
    }
    if (before) {
      line.previous.add(a.channel, a.method, where.level, false);
      recorded_before |= bit;
    }
  }
  // Its cases, at the post held when each was opened.
  if (auto it = s.cases.find(cadre.id); it != s.cases.end()) {
    for (const CaseDigest &c : it->second) {
      const Place where = place_on(cadre, c.opened_on ? *c.opened_on : p.to);
      s.count_case(c, s.cell(where), where.level, recorded, recorded_before);
    }
    s.cases.erase(it);
  }
  // Where it stands on the period's last day.
  const Place end = place_on(cadre, p.to);
  StatisticsLine &line = s.cell(end);
  line.cadres += cadre.current_post(p.to) ? 1 : 0;
  for (const FollowUpPlan &plan : cadre.follow_up_plans) {
    if (plan.outcome && plan.outcome->decided_on && p.contains(*plan.outcome->decided_on)) {
      line.reappointed += plan.outcome->kind == FollowUpOutcomeKind::kReappointed ? 1 : 0;
      line.adjusted_again += plan.outcome->kind == FollowUpOutcomeKind::kAdjustedAgain ? 1 : 0;
    }
  }
  const WorkCalendar &calendar = s.engine->config().calendar;
  if (s.options.follow_up && !cadre.follow_up_plans.empty()) {
    // followup_due() over this cadre alone (a copy of the few cadres with a plan).
    s.one.front() = cadre;
    const FollowUpDueReport due = followup_due(*s.followups, s.one, {}, p.to, calendar);
    for (const FollowUpDue &d : due.items) {
      if (d.status.item.kind != FollowUpItemKind::kTalk) {
        continue;
      }
      line.talks_due += d.status.state == ItemState::kDue ? 1 : 0;
      line.talks_overdue += d.status.state == ItemState::kOverdue ? 1 : 0;
    }
  }
  if (s.options.screen_due) {
    s.findings.clear();
    s.engine->screen(cadre, p.to, "cadre", s.findings);
    line.due += s.findings.empty() ? 0 : 1;
  }
}

namespace {

// The region of a cell: its own, else its unit's.
std::string region_of(const Place &where, const std::unordered_map<std::string, Unit> &units) {
  if (!where.region_code.empty()) {
    return where.region_code;
  }
  auto u = units.find(where.unit_id);
  return u == units.end() ? std::string() : u->second.region_code;
}

// Scores @p line (cadre's own policy, docs/statistics.md).
void score(StatisticsLine &line, const AssessmentWeights &w) {
  UnitScore &s = line.score;
  const int timed = line.procedures_active + line.talks_due + line.talks_overdue;
  if (timed > 0) {
    s.timeliness = static_cast<double>(line.procedures_on_time + line.talks_due) / timed;
  }
  const int owed = line.done() + line.due;
  if (owed > 0) {
    s.completeness = static_cast<double>(line.done()) / owed;
  }
  double sum = 0;
  double weights = 0;
  if (s.timeliness && w.timeliness > 0) {
    sum += w.timeliness * *s.timeliness;
    weights += w.timeliness;
  }
  if (s.completeness && w.completeness > 0) {
    sum += w.completeness * *s.completeness;
    weights += w.completeness;
  }
  if (weights > 0) {
    s.score = 100.0 * sum / weights;
  }
}

}  // namespace

StatisticsReport StatisticsBuilder::finish() const {
  const State &s = *state_;
  StatisticsReport r;
  r.period = s.options.period;
  r.previous = s.options.previous;
  r.by_quarter = s.quarters;
  r.weights = s.options.weights;
  r.cadres = s.cadres;
  r.notable = s.notable;
  // The cases whose cadre never came: counted unattributed.
  std::map<std::string, StatisticsLine> units;
  std::map<std::string, StatisticsLine> regions;
  StatisticsLine unattributed;
  {
    State scratch;  // count_case() of the unattributed cases, with the same options
    scratch.options = s.options;
    scratch.quarters = r.by_quarter;
    for (const auto &[cadre_id, list] : s.cases) {
      for (const CaseDigest &c : list) {
        ++r.notable.unattributed_cases;
        scratch.count_case(c, unattributed, RankLevel::kUnspecified, 0, 0);
      }
    }
    r.by_quarter = scratch.quarters;
  }
  const auto add_to_regions = [&](const std::string &code, const StatisticsLine &counts) {
    std::string at = code;
    for (int depth = 0; depth < 16; ++depth) {  // a loop in the parents stops here
      StatisticsLine &line = regions[at];
      line.merge(counts);
      auto it = s.regions.find(at);
      if (at.empty() || it == s.regions.end() || it->second.parent_code.empty() ||
          it->second.parent_code == at) {
        return;
      }
      at = it->second.parent_code;
    }
  };
  for (const auto &[key, cell] : s.cells) {
    const auto &[where, counts] = cell;
    units[where.unit_id].merge(counts);
    add_to_regions(region_of(where, s.units), counts);
    r.total.merge(counts);
  }
  if (r.notable.unattributed_cases > 0) {
    units[""].merge(unattributed);
    regions[""].merge(unattributed);
    r.total.merge(unattributed);
  }
  r.total.scope = LineScope::kTotal;
  for (auto &[key, line] : units) {
    line.scope = LineScope::kUnit;
    line.key = key;
    if (auto u = s.units.find(key); u != s.units.end()) {
      line.label = u->second.name;
      line.region_code = u->second.region_code;
    }
    if (s.options.score_units && !key.empty()) {
      score(line, s.options.weights);
    }
    r.units.push_back(std::move(line));
  }
  for (auto &[key, line] : regions) {
    line.scope = LineScope::kRegion;
    line.key = key;
    if (auto g = s.regions.find(key); g != s.regions.end()) {
      line.label = g->second.name;
      line.region_code = g->second.parent_code;
    }
    r.regions.push_back(std::move(line));
  }
  // The ranking: by score, highest first, then by id; the unscored after, by id.
  if (s.options.score_units) {
    std::stable_sort(r.units.begin(), r.units.end(),
                     [](const StatisticsLine &a, const StatisticsLine &b) {
                       if (a.score.score.has_value() != b.score.score.has_value()) {
                         return a.score.score.has_value();
                       }
                       if (a.score.score && *a.score.score != *b.score.score) {
                         return *a.score.score > *b.score.score;
                       }
                       return a.key < b.key;
                     });
    int rank = 0;
    for (StatisticsLine &line : r.units) {
      if (line.score.score) {
        line.score.rank = ++rank;
      }
    }
  }
  // The units furthest behind: the most overdue (procedures and talks), then the most due.
  std::vector<const StatisticsLine *> behind;
  for (const StatisticsLine &line : r.units) {
    if (!line.key.empty() && line.overdue + line.talks_overdue + line.due > 0) {
      behind.push_back(&line);
    }
  }
  std::sort(behind.begin(), behind.end(), [](const StatisticsLine *a, const StatisticsLine *b) {
    const int x = a->overdue + a->talks_overdue;
    const int y = b->overdue + b->talks_overdue;
    if (x != y) {
      return x > y;
    }
    if (a->due != b->due) {
      return a->due > b->due;
    }
    return a->key < b->key;
  });
  for (std::size_t i = 0; i < behind.size() && static_cast<int>(i) < s.options.behind; ++i) {
    r.furthest_behind.push_back(behind[i]->key);
  }
  const AdjustmentTally &t = r.total.adjusted;
  r.notable.bureau_level_or_above = t.bureau_level_or_above;
  r.notable.demotions = t.by_method[static_cast<std::size_t>(AdjustmentMethod::kDemotion)];
  r.notable.removals = t.by_method[static_cast<std::size_t>(AdjustmentMethod::kRemoval)] +
                       t.by_method[static_cast<std::size_t>(AdjustmentMethod::kOrderedResignation)];
  r.notable.overdue_procedures = r.total.overdue;
  r.notable.max_working_days_overdue = r.total.max_working_days_overdue;
  r.notable.closed_without_adjustment = r.total.closed_without_adjustment;
  r.notable.reappointed = r.total.reappointed;
  r.notable.adjusted_again = r.total.adjusted_again;
  return r;
}

}  // namespace api_v1
}  // namespace cadre
