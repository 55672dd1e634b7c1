// Precise identification: the engine of identification.hpp. Every threshold
// comes from Parameters; docs/identification.md defines each indicator.
#include "statistics/identification.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "cadre/sources.hpp"

namespace cadre::identification {
namespace {

// Room for rounding when a count is compared with a share of a count (2 of 6 raters is a third:
// 6 x (1/3) is not exactly 2 in binary floating point).
constexpr double kSlack = 1e-9;

std::string fixed1(double v) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(1);
  os << v;
  return os.str();
}

std::string percent(double share) { return fixed1(share * 100) + "%"; }

double mean_of(const DimensionScores &s) {
  return (s.morality + s.ability + s.diligence + s.achievement + s.integrity) / 5.0;
}

bool graded(AssessmentGrade g) {
  return g == AssessmentGrade::kExcellent || g == AssessmentGrade::kCompetent ||
         g == AssessmentGrade::kBasicallyCompetent || g == AssessmentGrade::kIncompetent;
}

Status bad(const std::string &field, const std::string &message) {
  return {StatusCode::kInvalidArgument, message, "parameters." + field};
}

bool share_ok(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

Citation cite(const char *key, const char *supports, std::optional<Verification> tag) {
  Citation c;
  c.key = key;
  c.supports = supports;
  if (const Document *d = find_builtin_document(key)) {
    c.document = d->title;
    c.document_number = d->document_number;
    c.year =
        d->issued_on ? d->issued_on->year() : (d->in_force_from ? d->in_force_from->year() : 0);
    c.verification = d->verification;
    c.evidence = d->evidence_only;
  }
  if (tag) {
    c.verification = *tag;
  }
  return c;
}

// The runs of consecutive years (y, y+1, ...) of @p years for which @p pred holds; the last run
// of at least @p length, or nothing.
template <typename Pred>
std::vector<int> last_run(const std::vector<YearProfile> &years, int length, Pred pred) {
  std::vector<int> run;
  std::vector<int> found;
  for (const YearProfile &y : years) {
    if (!pred(y)) {
      run.clear();
      continue;
    }
    if (!run.empty() && run.back() + 1 != y.year) {
      run.clear();
    }
    run.push_back(y.year);
    if (static_cast<int>(run.size()) >= length) {
      found = run;
    }
  }
  return found;
}

std::string years_text(const std::vector<int> &years) {
  std::string out;
  for (std::size_t i = 0; i < years.size(); ++i) {
    out += (i == 0 ? "" : ", ") + std::to_string(years[i]);
  }
  return out;
}

}  // namespace

Status check(const Parameters &p) {
  if (p.anonymity_floor < 2 || p.anonymity_floor > 1000) {
    return bad("anonymity_floor", "must be from 2 to 1000");
  }
  if (p.min_group < 2 || p.min_group > 1000) {
    return bad("min_group", "must be from 2 to 1000");
  }
  if (!share_ok(p.targets_met_below)) {
    return bad("targets_met_below", "must be a share from 0 to 1");
  }
  if (p.inaction_years < 1 || p.inaction_years > 20) {
    return bad("inaction_years", "must be from 1 to 20");
  }
  if (!std::isfinite(p.diligence_below) || p.diligence_below < 0 || p.diligence_below > 100) {
    return bad("diligence_below", "must be a score from 0 to 100");
  }
  if (!std::isfinite(p.decline_points) || p.decline_points <= 0 || p.decline_points > 100) {
    return bad("decline_points", "must be more than 0 and at most 100");
  }
  if (!share_ok(p.weakest_share) || p.weakest_share == 0) {
    return bad("weakest_share", "must be a share more than 0 and at most 1");
  }
  if (p.basic_years < 1 || p.basic_years > 20) {
    return bad("basic_years", "must be from 1 to 20");
  }
  if (!std::isfinite(p.below_team_points) || p.below_team_points <= 0 ||
      p.below_team_points > 100) {
    return bad("below_team_points", "must be more than 0 and at most 100");
  }
  if (p.below_team_years < 1 || p.below_team_years > 20) {
    return bad("below_team_years", "must be from 1 to 20");
  }
  if (p.excellent_cap_leading < 0 || p.excellent_cap_leading > 100) {
    return bad("excellent_cap_leading", "must be a percentage from 0 to 100");
  }
  if (p.excellent_cap_other < 0 || p.excellent_cap_other > 100) {
    return bad("excellent_cap_other", "must be a percentage from 0 to 100");
  }
  return {};
}

const char *seed_words() {
  // The seed's punctuation as it stands (ASCII commas).
  return "对不按规定履行职责、绩效考核排名末位、未完成目标任务的干部,"
         "综合平时了解、群众评价等各方面情况,"
         "及时对“占位型”“休眠型”“颓废型”“平庸型”干部进行调整";
}

Citation citation_of(FourType type) {
  (void)type;
  // The seed names the four types (its words, verbatim, as every citation of it quotes); the
  // indicators and their thresholds are cadre's own policy (docs/identification.md).
  return cite("jx-article-2017", seed_words(), std::nullopt);
}

Citation quota_citation(bool leading) {
  // The quotas were not seen in the text: configurable policy, RECALLED (docs/identification.md).
  return leading ? cite("khtl-2019",
                        "优秀等次 of leading cadres within a share of those assessed (share "
                        "recalled, not seen)",
                        Verification::kRecalled)
                 : cite("gwykh-2007",
                        "优秀等次 of civil servants within a share of those assessed (share "
                        "recalled, not seen)",
                        Verification::kRecalled);
}

LocalizedText definition(FourType type, const Parameters &p) {
  switch (type) {
    case FourType::kOccupying:
      return {"占位型（待核实）：连续" + std::to_string(p.inaction_years) +
                  "个考核年度完成目标任务数占比低于" + percent(p.targets_met_below) +
                  "（未完成目标任务）。",
              "占位型 (holding the seat; needs verification): fewer than " +
                  percent(p.targets_met_below) + " of the targets met in " +
                  std::to_string(p.inaction_years) + " consecutive assessed years."};
    case FourType::kDormant:
      return {"休眠型（待核实）：绩效考核排名末位，且当年“勤”的得分低于" +
                  fixed1(p.diligence_below) + "分。",
              "休眠型 (dormant; needs verification): ranked last in the performance assessment, "
              "with a 勤 (diligence) score below " +
                  fixed1(p.diligence_below) + " that year."};
    case FourType::kDispirited:
      return {"颓废型（待核实）：德能勤绩廉五项平均分在考察期内下降不少于" +
                  fixed1(p.decline_points) + "分，且最近一年反向测评中被评为最弱的票数占比不低于" +
                  percent(p.weakest_share) + "（测评人数不少于匿名下限）。",
              "颓废型 (dispirited; needs verification): the mean of the five scores fell by at "
              "least " +
                  fixed1(p.decline_points) +
                  " points over the window, and in the last year at least " +
                  percent(p.weakest_share) +
                  " of the raters of the reverse evaluation named the cadre the weakest (with no "
                  "fewer raters than the anonymity floor)."};
    case FourType::kMediocre:
      return {"平庸型（待核实）：连续" + std::to_string(p.basic_years) +
                  "年年度考核被确定为基本称职，或连续" + std::to_string(p.below_team_years) +
                  "年德能勤绩廉五项平均分低于所在领导班子平均分" + fixed1(p.below_team_points) +
                  "分以上（纵向比对）。",
              "平庸型 (mediocre; needs verification): graded 基本称职 (basically competent) in " +
                  std::to_string(p.basic_years) +
                  " consecutive annual assessments, or a mean of the five scores at least " +
                  fixed1(p.below_team_points) + " points below its team's mean in " +
                  std::to_string(p.below_team_years) + " consecutive years (vertical comparison)."};
  }
  return {};
}

void Identifier::add(const Cadre &cadre) {
  const int from_year = options_.year - options_.years + 1;
  Profile p;
  p.cadre_id = cadre.id;
  p.unit_id = cadre.unit_id;
  if (auto i = cadre.current_post(options_.as_of)) {
    const Post &post = cadre.posts[*i];
    if (!post.unit_id.empty()) {
      p.unit_id = post.unit_id;
    }
    p.region_code = post.region_code;
    p.peer_group_id = post.peer_group_id;
    p.leading = post.kind != PostKind::kRankOnly;
  }
  std::vector<const AnnualAssessment *> window;
  for (const AnnualAssessment &a : cadre.assessments) {
    if (a.year < from_year || a.year > options_.year) {
      continue;
    }
    if (a.decided_on ? *a.decided_on > options_.as_of : a.year >= options_.as_of.year()) {
      continue;  // not yet decided on the day
    }
    window.push_back(&a);
  }
  std::sort(window.begin(), window.end(),
            [](const AnnualAssessment *a, const AnnualAssessment *b) { return a->year < b->year; });
  std::vector<ReverseEvaluation> reverse;
  DimensionScores sum;
  int scored = 0;
  for (const AnnualAssessment *a : window) {
    YearProfile y;
    y.year = a->year;
    y.grade = a->grade;
    y.scores = a->scores;
    if (a->scores) {
      y.mean = mean_of(*a->scores);
      sum.morality += a->scores->morality;
      sum.ability += a->scores->ability;
      sum.diligence += a->scores->diligence;
      sum.achievement += a->scores->achievement;
      sum.integrity += a->scores->integrity;
      ++scored;
    }
    y.targets = a->targets;
    y.rank_in_team = a->rank_in_team;
    switch (a->grade) {
      case AssessmentGrade::kExcellent:
        ++p.excellent;
        break;
      case AssessmentGrade::kCompetent:
        ++p.competent;
        break;
      case AssessmentGrade::kBasicallyCompetent:
        ++p.basically_competent;
        break;
      case AssessmentGrade::kIncompetent:
        ++p.incompetent;
        break;
      default:
        break;
    }
    reverse.push_back(a->reverse_evaluation.value_or(ReverseEvaluation{}));
    p.years.push_back(std::move(y));
  }
  if (scored > 0) {
    const double n = scored;
    p.mean = DimensionScores{sum.morality / n, sum.ability / n, sum.diligence / n,
                             sum.achievement / n, sum.integrity / n};
  }
  p.team_id = p.unit_id;
  if (!p.years.empty() && p.years.back().rank_in_team &&
      !p.years.back().rank_in_team->group_id.empty()) {
    p.team_id = p.years.back().rank_in_team->group_id;
  }
  profiles_.push_back(std::move(p));
  reverse_.push_back(std::move(reverse));
}

namespace {

// The sum of the means and the members scored, per team and year.
using TeamMeans = std::map<std::pair<std::string, int>, std::pair<double, int>>;

// The team of a cadre in a year: its rank's group, else the profile's team.
std::string team_of(const Profile &p, const YearProfile &y) {
  return y.rank_in_team && !y.rank_in_team->group_id.empty() ? y.rank_in_team->group_id : p.team_id;
}

// The four indicators of one profile.
void signals_of(const Profile &p, const std::vector<ReverseEvaluation> &reverse,
                const Parameters &k, const TeamMeans &teams, std::vector<Signal> &out) {
  // 占位型: targets met below the share in consecutive years.
  const auto low_targets = [&](const YearProfile &y) {
    return y.targets && y.targets->set > 0 &&
           static_cast<double>(y.targets->met) < k.targets_met_below * y.targets->set - kSlack;
  };
  if (auto run = last_run(p.years, k.inaction_years, low_targets); !run.empty()) {
    std::string zh;
    std::string en;
    for (const YearProfile &y : p.years) {
      if (std::find(run.begin(), run.end(), y.year) != run.end()) {
        zh += (zh.empty() ? "" : "；") + std::to_string(y.year) + "年完成" +
              std::to_string(y.targets->met) + "/" + std::to_string(y.targets->set);
        en += (en.empty() ? "" : "; ") + std::to_string(y.year) + ": " +
              std::to_string(y.targets->met) + " of " + std::to_string(y.targets->set) + " met";
      }
    }
    out.push_back({p.cadre_id,
                   FourType::kOccupying,
                   run,
                   {"目标任务完成情况：" + zh + "，均低于" + percent(k.targets_met_below) +
                        "。待核实，不是结论。",
                    "Targets: " + en + ", each below " + percent(k.targets_met_below) +
                        ". Needs verification; not a verdict."}});
  }
  // 休眠型: ranked last with 勤 below the score.
  std::vector<int> dormant;
  std::string zh;
  std::string en;
  for (const YearProfile &y : p.years) {
    if (y.targets && y.targets->ranked_last && y.scores &&
        y.scores->diligence < k.diligence_below) {
      dormant.push_back(y.year);
      zh += (zh.empty() ? "" : "；") + std::to_string(y.year) + "年绩效考核排名末位，“勤”" +
            fixed1(y.scores->diligence) + "分";
      en += (en.empty() ? "" : "; ") + std::to_string(y.year) + ": ranked last, 勤 (diligence) " +
            fixed1(y.scores->diligence);
    }
  }
  if (!dormant.empty()) {
    out.push_back(
        {p.cadre_id,
         FourType::kDormant,
         dormant,
         {zh + "（低于" + fixed1(k.diligence_below) + "分）。待核实，不是结论。",
          en + " (below " + fixed1(k.diligence_below) + "). Needs verification; not a verdict."}});
  }
  // 颓废型: the mean fell, and the last year's reverse evaluation names the cadre weakest.
  std::optional<std::size_t> first;
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < p.years.size(); ++i) {
    if (p.years[i].mean) {
      if (!first) {
        first = i;
      }
      last = i;
    }
  }
  if (first && last && *first != *last) {
    const double drop = *p.years[*first].mean - *p.years[*last].mean;
    const ReverseEvaluation &r = reverse[*last];
    if (drop >= k.decline_points - kSlack && r.raters >= k.anonymity_floor &&
        static_cast<double>(r.votes_as_weakest) >= k.weakest_share * r.raters - kSlack) {
      const int y0 = p.years[*first].year;
      const int y1 = p.years[*last].year;
      out.push_back({p.cadre_id,
                     FourType::kDispirited,
                     std::vector<int>{y0, y1},
                     {"五项平均分" + std::to_string(y0) + "年" + fixed1(*p.years[*first].mean) +
                          "分，" + std::to_string(y1) + "年" + fixed1(*p.years[*last].mean) +
                          "分，下降" + fixed1(drop) + "分；" + std::to_string(y1) +
                          "年反向测评中被评为最弱的票数占比不低于" + percent(k.weakest_share) +
                          "。待核实，不是结论。",
                      "Mean of the five scores " + fixed1(*p.years[*first].mean) + " in " +
                          std::to_string(y0) + ", " + fixed1(*p.years[*last].mean) + " in " +
                          std::to_string(y1) + " (down " + fixed1(drop) + "); in " +
                          std::to_string(y1) + " at least " + percent(k.weakest_share) +
                          " of the reverse evaluation's raters named the cadre the weakest. Needs "
                          "verification; not a verdict."}});
    }
  }
  // 平庸型: 基本称职 in consecutive years.
  const auto basic = [](const YearProfile &y) {
    return y.grade == AssessmentGrade::kBasicallyCompetent;
  };
  // How far below the team's mean (nothing for a team of one scored).
  const auto below_team = [&](const YearProfile &y) -> std::optional<double> {
    if (!y.mean) {
      return std::nullopt;
    }
    const auto it = teams.find({team_of(p, y), y.year});
    if (it == teams.end() || it->second.second < 2) {
      return std::nullopt;
    }
    return it->second.first / it->second.second - *y.mean;
  };
  const auto far_below = [&](const YearProfile &y) {
    const auto d = below_team(y);
    return d && *d >= k.below_team_points - kSlack;
  };
  if (auto run = last_run(p.years, k.basic_years, basic); !run.empty()) {
    out.push_back({p.cadre_id,
                   FourType::kMediocre,
                   run,
                   {years_text(run) + "年年度考核均为基本称职。待核实，不是结论。",
                    "Graded 基本称职 (basically competent) in " + years_text(run) +
                        ". Needs verification; not a verdict."}});
  } else if (auto low = last_run(p.years, k.below_team_years, far_below); !low.empty()) {
    std::string zh_low;
    std::string en_low;
    for (const YearProfile &y : p.years) {
      if (std::find(low.begin(), low.end(), y.year) != low.end()) {
        zh_low += (zh_low.empty() ? "" : "；") + std::to_string(y.year) + "年低于班子平均分" +
                  fixed1(*below_team(y)) + "分";
        en_low += (en_low.empty() ? "" : "; ") + std::to_string(y.year) + ": " +
                  fixed1(*below_team(y)) + " points below the team's mean";
      }
    }
    out.push_back({p.cadre_id,
                   FourType::kMediocre,
                   low,
                   {"五项平均分" + zh_low + "。待核实，不是结论。",
                    "Mean of the five scores " + en_low + ". Needs verification; not a verdict."}});
  }
}

// The reverse evaluation of a team's year with the floor and complementary suppression.
void suppress(std::vector<ReverseCell> &cells, const std::vector<std::string> &areas, int floor) {
  int suppressed = 0;
  for (ReverseCell &c : cells) {
    if (c.raters < floor) {
      c.suppressed = Suppression::kFewerRaters;
    } else if (c.votes == c.raters) {
      // Every rater named this member: the count says how each rater voted.
      c.suppressed = Suppression::kComplementary;
    }
    suppressed += c.suppressed != Suppression::kNone ? 1 : 0;
  }
  if (suppressed == 1 && cells.size() > 1) {
    // One hidden cell could be recovered from the others: hide the shown cell with the fewest
    // votes too (ties: the first by id, the cells' order).
    ReverseCell *fewest = nullptr;
    for (ReverseCell &c : cells) {
      if (c.suppressed == Suppression::kNone && (fewest == nullptr || c.votes < fewest->votes)) {
        fewest = &c;
      }
    }
    if (fewest != nullptr) {
      fewest->suppressed = Suppression::kComplementary;
    }
  }
  int max_votes = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    ReverseCell &c = cells[i];
    if (c.suppressed != Suppression::kNone) {
      c.raters = 0;
      c.votes = 0;
      c.share = 0;
      continue;
    }
    c.share = c.raters > 0 ? static_cast<double>(c.votes) / c.raters : 0;
    c.areas_ref = areas[i];
    max_votes = std::max(max_votes, c.votes);
  }
  for (ReverseCell &c : cells) {
    if (c.suppressed == Suppression::kNone) {
      c.rank = 1 + static_cast<int>(std::count_if(cells.begin(), cells.end(), [&](const auto &o) {
                 return o.suppressed == Suppression::kNone && o.votes > c.votes;
               }));
    }
  }
}

}  // namespace

Report Identifier::report() const {
  const Parameters &k = options_.parameters;
  const int year = options_.year;
  Report r;
  r.year = year;
  r.from_year = year - options_.years + 1;
  const auto wanted = [&](const Profile &p) {
    return options_.unit_id.empty() || p.unit_id == options_.unit_id;
  };
  const auto in_year = [&](const Profile &p) -> const YearProfile * {
    for (const YearProfile &y : p.years) {
      if (y.year == year) {
        return &y;
      }
    }
    return nullptr;
  };
  TeamMeans team_means;
  for (const Profile &p : profiles_) {
    for (const YearProfile &y : p.years) {
      if (y.mean) {
        auto &[sum, n] = team_means[{team_of(p, y), y.year}];
        sum += *y.mean;
        ++n;
      }
    }
  }
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    if (wanted(profiles_[i])) {
      r.profiles.push_back(profiles_[i]);
      signals_of(profiles_[i], reverse_[i], k, team_means, r.signals);
    }
  }
  // Teams: every cadre counts in its team; a team is answered when one member is wanted.
  std::map<std::string, std::vector<std::size_t>> teams;
  std::map<std::string, std::vector<std::size_t>> peers;
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    if (!profiles_[i].team_id.empty()) {
      teams[profiles_[i].team_id].push_back(i);
    }
    if (!profiles_[i].peer_group_id.empty()) {
      peers[profiles_[i].peer_group_id].push_back(i);
    }
  }
  for (auto &[id, members] : teams) {
    if (std::none_of(members.begin(), members.end(),
                     [&](std::size_t i) { return wanted(profiles_[i]); })) {
      continue;
    }
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return profiles_[a].cadre_id < profiles_[b].cadre_id;
    });
    TeamReport t;
    t.team_id = id;
    t.unit_id = profiles_[members.front()].unit_id;
    t.year = year;
    t.members = static_cast<int>(members.size());
    std::vector<std::string> areas;
    double sum = 0;
    for (const std::size_t i : members) {
      const Profile &p = profiles_[i];
      const YearProfile *y = in_year(p);
      if (y == nullptr) {
        continue;
      }
      const auto at = static_cast<std::size_t>(y - p.years.data());
      const ReverseEvaluation &re = reverse_[i][at];
      if (re.raters > 0) {
        t.reverse.push_back(
            {p.cadre_id, Suppression::kNone, re.raters, re.votes_as_weakest, 0, 0, {}});
        areas.push_back(re.areas_ref);
      }
      if (y->mean) {
        t.vertical.push_back({p.cadre_id, *y->mean, 0, 0});
        sum += *y->mean;
      }
    }
    suppress(t.reverse, areas, k.anonymity_floor);
    int top = 0;
    for (const ReverseCell &c : t.reverse) {
      if (c.suppressed != Suppression::kNone) {
        ++t.suppressed;
      } else {
        top = std::max(top, c.votes);
      }
    }
    for (const ReverseCell &c : t.reverse) {
      if (c.suppressed == Suppression::kNone && top > 0 && c.votes == top) {
        t.weakest.push_back(c.cadre_id);
      }
    }
    r.suppressed_cells += t.suppressed;
    if (t.vertical.size() >= 2) {
      t.team_mean = sum / static_cast<double>(t.vertical.size());
      for (VerticalRow &v : t.vertical) {
        v.difference = v.mean - t.team_mean;
        v.rank =
            1 + static_cast<int>(std::count_if(t.vertical.begin(), t.vertical.end(),
                                               [&](const auto &o) { return o.mean > v.mean; }));
      }
      std::stable_sort(t.vertical.begin(), t.vertical.end(),
                       [](const VerticalRow &a, const VerticalRow &b) { return a.rank < b.rank; });
    } else {
      t.vertical.clear();  // a team of one compares with no one
    }
    if (!t.reverse.empty() || !t.vertical.empty()) {
      r.teams.push_back(std::move(t));
    }
  }
  // Peer groups: the same post across regions.
  for (const auto &[id, members] : peers) {
    if (std::none_of(members.begin(), members.end(),
                     [&](std::size_t i) { return wanted(profiles_[i]); })) {
      continue;
    }
    PeerReport g;
    g.group_id = id;
    g.year = year;
    std::set<std::string> regions;
    std::vector<PeerRow> rows;
    for (const std::size_t i : members) {
      const YearProfile *y = in_year(profiles_[i]);
      if (y != nullptr && y->mean) {
        rows.push_back({profiles_[i].cadre_id, profiles_[i].region_code, *y->mean, 0});
        regions.insert(profiles_[i].region_code);
      }
    }
    g.size = static_cast<int>(rows.size());
    g.regions = static_cast<int>(regions.size());
    if (g.size == 0) {
      continue;
    }
    if (g.size < k.min_group) {
      g.suppressed = true;
      ++r.suppressed_groups;
    } else {
      for (PeerRow &row : rows) {
        int below = 0;
        int equal = 0;
        for (const PeerRow &o : rows) {
          below += o.mean < row.mean ? 1 : 0;
          equal += o.mean == row.mean ? 1 : 0;
        }
        row.percentile = 100.0 * (below + 0.5 * equal) / g.size;
      }
      std::stable_sort(rows.begin(), rows.end(), [](const PeerRow &a, const PeerRow &b) {
        return a.mean != b.mean ? a.mean > b.mean : a.cadre_id < b.cadre_id;
      });
      for (PeerRow &row : rows) {
        const auto it = std::find_if(members.begin(), members.end(), [&](std::size_t i) {
          return profiles_[i].cadre_id == row.cadre_id;
        });
        if (it != members.end() && wanted(profiles_[*it])) {
          g.rows.push_back(std::move(row));
        }
      }
    }
    r.peers.push_back(std::move(g));
  }
  // 优秀 quota per unit and kind of cadre.
  std::map<std::pair<std::string, bool>, QuotaCheck> quotas;
  for (const Profile &p : r.profiles) {
    const YearProfile *y = in_year(p);
    if (y == nullptr || !graded(y->grade) || p.unit_id.empty()) {
      continue;
    }
    QuotaCheck &q = quotas[{p.unit_id, !p.leading}];
    q.unit_id = p.unit_id;
    q.leading = p.leading;
    q.year = year;
    ++q.graded;
    q.excellent += y->grade == AssessmentGrade::kExcellent ? 1 : 0;
  }
  for (auto &[key, q] : quotas) {
    q.share = static_cast<double>(q.excellent) / q.graded;
    q.cap_percent = q.leading ? k.excellent_cap_leading : k.excellent_cap_other;
    q.exceeds = q.excellent * 100 > q.cap_percent * q.graded;
    q.citation = quota_citation(q.leading);
    r.quotas.push_back(std::move(q));
  }
  return r;
}

}  // namespace cadre::identification
