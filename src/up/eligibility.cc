// Operation: whether a cadre may go "up" to a target as of a date.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "cadre/eligibility.hpp"
#include "up/common.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::Candidate;
using detail::UpContext;
using detail::UpRule;

std::string ds(Date d) { return d.to_string(); }

std::int32_t num(RankLevel l) { return static_cast<std::int32_t>(l); }

bool deputy(RankLevel l) { return num(l) % 2 == 0; }

// Start of the cadre's continuous service at the rank level of post @p cur.
std::optional<Date> start_at_level(const Cadre &cadre, std::size_t cur) {
  const Post &p = cadre.posts[cur];
  std::optional<Date> start = p.start_date;
  bool moved = true;
  while (moved && start) {
    moved = false;
    for (const Post &q : cadre.posts) {
      if (q.rank_level == p.rank_level && q.start_date && *q.start_date < *start && q.end_date &&
          q.end_date->add_days(1) >= *start) {
        start = q.start_date;
        moved = true;
      }
    }
  }
  return start;
}

// The day of the last promotion on or before @p as_of: a post of a higher rank than the post
// before it, or a post with a probation.
std::optional<Date> last_promotion(const Cadre &cadre, Date as_of) {
  std::vector<const Post *> posts;
  for (const Post &p : cadre.posts) {
    if (p.start_date && *p.start_date <= as_of && p.rank_level != RankLevel::kUnspecified) {
      posts.push_back(&p);
    }
  }
  std::stable_sort(posts.begin(), posts.end(),
                   [](const Post *a, const Post *b) { return *a->start_date < *b->start_date; });
  std::optional<Date> last;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const bool up = i > 0 && num(posts[i]->rank_level) < num(posts[i - 1]->rank_level);
    if (up || posts[i]->probation) {
      last = posts[i]->start_date;
    }
  }
  return last;
}

RecordRef post_ref(const Post &post) {
  return RecordRef{.kind = RecordKind::kPost, .id = post.id, .cadre_id = ""};
}

// "满N年（起算之日不计入，以上含本数）".
std::string length_zh(int months, detail::Counting c) {
  const std::string n =
      months % 12 == 0 ? std::to_string(months / 12) + "年" : std::to_string(months) + "个月";
  return n + "（" + detail::counting_zh(c) + "，“以上”包括本数）";
}

std::string length_en(int months, detail::Counting c) {
  return (months % 12 == 0 ? detail::years_en(months / 12) : detail::months_en(months)) + " (" +
         detail::counting_en(c) + "; \"or more\" includes the number)";
}

// Time prerequisites of art. 8 (and the level of a promotion).
void prerequisites(const UpContext &ctx, const UpRule &rule, const Post &post, RankLevel current,
                   RankLevel level, std::int32_t steps, std::size_t cur,
                   std::vector<Candidate> &found) {
  const Cadre &cadre = ctx.cadre;
  const Date as_of = ctx.as_of;
  if (level == RankLevel::kCountyDeputy || level == RankLevel::kCountyPrincipal) {
    const int need = rule.number("working_months");
    if (!cadre.work_start_date) {
      found.push_back(detail::simple(
          ctx, rule, "working-years", detail::cadre_ref(cadre), std::nullopt,
          "提任县处级领导职务须" + length_zh(need, rule.counting) +
              "工龄：参加工作时间未记录，须核实。",
          "Promotion to county level needs " + length_en(need, rule.counting) +
              " of work: the work start date is not recorded and must be verified."));
    } else {
      const Date reached =
          detail::reached(*cadre.work_start_date, need, rule.counting, detail::Threshold::kAtLeast);
      if (as_of < reached) {
        found.push_back(detail::simple(
            ctx, rule, "working-years", detail::cadre_ref(cadre), reached,
            ds(*cadre.work_start_date) + "参加工作，" + ds(reached) + "满" +
                length_zh(need, rule.counting) + "工龄，此前不得提任县处级领导职务。",
            "Started work on " + ds(*cadre.work_start_date) + "; reaches " +
                length_en(need, rule.counting) + " of work on " + ds(reached) +
                ", before which no promotion to county level."));
      }
    }
    const int grassroots = rule.number("grassroots_months");
    if (cadre.grassroots_months < grassroots) {
      found.push_back(detail::simple(
          ctx, rule, "grassroots", detail::cadre_ref(cadre), std::nullopt,
          "基层工作经历" + std::to_string(cadre.grassroots_months) + "个月，不足" +
              std::to_string(grassroots) + "个月，不得提任县处级领导职务。",
          "Grassroots experience of " + detail::months_en(cadre.grassroots_months) + ", below " +
              detail::months_en(grassroots) + ": no promotion to county level."));
    }
  }
  if (steps == 1) {
    const bool from_deputy = deputy(current);
    const int need = rule.number(from_deputy ? "deputy_to_principal_months"
                                             : "principal_to_higher_deputy_months");
    if (const std::optional<Date> since = start_at_level(cadre, cur)) {
      const Date reached =
          detail::reached(*since, need, rule.counting, detail::Threshold::kAtLeast);
      if (as_of < reached) {
        found.push_back(detail::simple(
            ctx, rule, from_deputy ? "deputy-to-principal" : "principal-to-higher-deputy",
            post_ref(post), reached,
            ds(*since) + "起任现职务层次，" + ds(reached) + "满" + length_zh(need, rule.counting) +
                "，此前不得提任。",
            "At the current rank level since " + ds(*since) + "; " +
                length_en(need, rule.counting) + " are reached on " + ds(reached) +
                ", before which no promotion."));
      }
    }
  }
}

}  // namespace

EligibilityAnswer eligibility(const Cadre &cadre, EligibilityTarget target, RankLevel target_level,
                              Date as_of, const Engine &engine) {
  const UpContext ctx = UpContext::make(cadre, as_of, engine);
  EligibilityAnswer answer;
  answer.cadre_id = cadre.id;
  answer.target = target;
  answer.as_of = as_of;
  answer.catalogue = ctx.ref;
  const std::optional<std::size_t> cur = cadre.current_post(as_of);
  const RankLevel current = cur ? cadre.posts[*cur].rank_level : RankLevel::kUnspecified;
  RankLevel level = target_level;
  if (level == RankLevel::kUnspecified && current != RankLevel::kUnspecified) {
    if (target == EligibilityTarget::kSameLevel) {
      level = current;
    } else if (current != RankLevel::kProvincePrincipal) {
      level = static_cast<RankLevel>(num(current) - 1);
    }
  }
  answer.target_level = level;
  if (ctx.up == nullptr) {
    Blocker b;
    b.rule_id = "up.no-catalogue";
    b.record = detail::cadre_ref(cadre);
    b.explanation = {
        "截至" + ds(as_of) + "，该干部所在地区没有施行中的规则目录，无法判断能否提拔。",
        "No catalogue of rules is in force for the cadre's region on " + ds(as_of) +
            ": eligibility cannot be decided."};
    answer.blockers.push_back(std::move(b));
    return answer;
  }
  const std::int32_t steps = current == RankLevel::kUnspecified || level == RankLevel::kUnspecified
                                 ? 0
                                 : num(current) - num(level);
  const bool promotion = target == EligibilityTarget::kHigherLevel ||
                         target == EligibilityTarget::kExceptional ||
                         (target == EligibilityTarget::kNamedLevel && steps > 0);
  const bool candidate = target == EligibilityTarget::kCandidate;
  const bool exceptional = target == EligibilityTarget::kExceptional;

  std::vector<Candidate> found;
  detail::impact_periods(ctx, found, answer.waived, answer.exemptions, answer.exemptions_applied);

  const UpRule *prereq = ctx.at("promotion-prerequisites", as_of);
  const UpRule *limits = ctx.at("exceptional-limits", as_of);
  const UpRule *probation = ctx.at("probation", as_of);
  if (promotion && prereq != nullptr &&
      (!cur || current == RankLevel::kUnspecified ||
       (level == RankLevel::kUnspecified && target != EligibilityTarget::kNamedLevel))) {
    found.push_back(detail::simple(
        ctx, *prereq, "no-current-post", detail::cadre_ref(cadre), std::nullopt,
        "截至" + ds(as_of) + "无在任职务或职务层次未记录，无法确定提拔的职务层次。",
        "No post held on " + ds(as_of) +
            " (or its rank level is not recorded): the level of a promotion cannot be "
            "determined."));
  }
  if (promotion && cur && current != RankLevel::kUnspecified && level != RankLevel::kUnspecified) {
    const Post &post = cadre.posts[*cur];
    if (limits != nullptr && !exceptional && steps > 1) {
      found.push_back(detail::simple(
          ctx, *limits, "skip-level", post_ref(post), std::nullopt,
          "拟任职务层次比现任职务层次高" + std::to_string(steps) +
              "级，越级提拔只能按破格提拔办理。",
          "The post in view is " + std::to_string(steps) +
              " levels above the current one: skipping a level is possible only as an "
              "exceptional promotion."));
    }
    if (limits != nullptr && exceptional && steps > limits->number("max_levels")) {
      found.push_back(detail::simple(
          ctx, *limits, "two-levels", post_ref(post), std::nullopt,
          "破格提拔不得越两级：拟任职务层次比现任高" + std::to_string(steps) + "级。",
          "An exceptional promotion may not skip two levels: the post in view is " +
              std::to_string(steps) + " levels up."));
    }
    // Time prerequisites (art. 8): an exceptional promotion may break these, not art. 9.
    if (!exceptional && prereq != nullptr) {
      prerequisites(ctx, *prereq, post, current, level, steps, *cur, found);
    }
    // Probation of the current post.
    if (post.probation) {
      const Probation &pr = *post.probation;
      const bool running =
          pr.result == ProbationResult::kRunning ||
          (pr.result == ProbationResult::kUnspecified && pr.end_date && as_of <= *pr.end_date);
      const UpRule *rule = exceptional ? limits : probation;
      if (running && rule != nullptr) {
        const std::optional<Date> lifts =
            pr.end_date ? std::optional<Date>(pr.end_date->add_days(1)) : std::nullopt;
        found.push_back(detail::simple(
            ctx, *rule, exceptional ? "probation" : "running", post_ref(post), lifts,
            "现职务任职试用期未满" +
                (pr.end_date ? "（至" + ds(*pr.end_date) + "）" : std::string()) + "，" +
                (exceptional ? "不得破格提拔。" : "试用期满考核合格前不得再提拔。"),
            "The probation in the current post is running" +
                (pr.end_date ? " (to " + ds(*pr.end_date) + ")" : std::string()) +
                (exceptional ? ": no exceptional promotion."
                             : ": no promotion before it is passed.")));
      }
    }
    if (exceptional && limits != nullptr) {
      if (const std::optional<Date> last = last_promotion(cadre, as_of)) {
        const int need = limits->number("after_promotion_months");
        const Date reached =
            detail::reached(*last, need, limits->counting, detail::Threshold::kAtLeast);
        if (as_of < reached) {
          found.push_back(detail::simple(
              ctx, *limits, "after-promotion", post_ref(post), reached,
              ds(*last) + "提拔任职，" + ds(reached) + "满" + length_zh(need, limits->counting) +
                  "，“不满”不包括本数，此前不得破格提拔。",
              "Promoted on " + ds(*last) + "; " + length_en(need, limits->counting) +
                  " are reached on " + ds(reached) +
                  " (\"less than\" excludes the number), before which no exceptional promotion."));
        }
      }
      if (post.exceptional_promotion) {
        found.push_back(detail::simple(ctx, *limits, "consecutive", post_ref(post), std::nullopt,
                                       "现职务系破格提拔，不得在任职年限上连续破格。",
                                       "The current post was an exceptional promotion: no "
                                       "consecutive exceptional promotion on time in post."));
      }
    }
  }
  // Failed probation (any post): a host's policy, no national source.
  if ((promotion || candidate) && probation != nullptr) {
    for (const Post &p : cadre.posts) {
      if (!p.probation || p.probation->result != ProbationResult::kFailed) {
        continue;
      }
      const std::optional<Date> day = detail::first_of(p.probation->end_date, p.end_date);
      if (!day || as_of < *day) {
        continue;
      }
      Candidate c;
      c.blocker.rule_id = probation->rule->id;
      c.blocker.check = "failed";
      c.blocker.citations = ctx.cite(*probation);
      c.blocker.record = post_ref(p);
      c.blocker.since = day;
      c.blocker.catalogue = probation->catalogue;
      c.start = day;
      c.months = probation->number("failed_months");
      c.counting = probation->counting;
      c.blocker.lifts_on = detail::lifts_of(c);
      c.what_zh = "任职试用期满考核不合格";
      c.what_en = "failed the probation";
      c.effect_zh = "不得提拔（期限为主管机关政策，无全国性依据）";
      c.effect_en = "no promotion (the length is a host's policy, no national source)";
      detail::explain_period(ctx, c);
      found.push_back(std::move(c));
    }
  }
  // 选拔任用条例 art. 24: not even a candidate.
  const UpRule *exclusions = ctx.at("candidate-exclusions", as_of);
  if ((promotion || candidate) && exclusions != nullptr) {
    for (const AnnualAssessment &a : cadre.assessments) {
      const bool known = a.decided_on ? *a.decided_on <= as_of : a.year < as_of.year();
      if (known && a.year == as_of.year() - 1 &&
          (a.grade == AssessmentGrade::kBasicallyCompetent ||
           a.grade == AssessmentGrade::kIncompetent)) {
        const Date lifts = *Date::from_ymd(as_of.year() + 1, 1, 1);
        found.push_back(detail::simple(
            ctx, *exclusions, "last-grade",
            RecordRef{.kind = RecordKind::kAssessment, .id = a.id, .cadre_id = ""}, lifts,
            std::to_string(a.year) + "年度考核为" +
                (a.grade == AssessmentGrade::kIncompetent ? "不称职" : "基本称职") +
                "，上一年年度考核结果为基本称职以下等次的，不得列为考察对象（至" +
                std::to_string(as_of.year()) + "年度考核结果成为上一年结果时止）。",
            "The " + std::to_string(a.year) + " annual grade was " +
                (a.grade == AssessmentGrade::kIncompetent ? "incompetent" : "basically competent") +
                ": with last year's grade at that level or below the cadre may not be a "
                "candidate (until the " +
                std::to_string(as_of.year()) + " grade becomes last year's)."));
      }
    }
    for (const FamilySituation &f : cadre.family_situations) {
      if ((f.kind == FamilySituationKind::kSpouseEmigrated ||
           f.kind == FamilySituationKind::kAllChildrenEmigrated) &&
          f.since && *f.since <= as_of && (!f.until || as_of <= *f.until)) {
        found.push_back(detail::simple(
            ctx, *exclusions, "naked-official",
            RecordRef{.kind = RecordKind::kFamilySituation, .id = f.id, .cadre_id = ""},
            std::nullopt,
            "配偶已移居国（境）外，或者没有配偶但子女均已移居国（境）外，除特殊岗位外不得列为考察对"
            "象。",
            "The spouse (or, without a spouse, every child) has emigrated: except for special "
            "posts the cadre may not be a candidate."));
      }
    }
  }
  const UpRule *investigation = ctx.at("investigation-bar", as_of);
  if ((promotion || candidate) && investigation != nullptr &&
      investigation->word("while_open") == "true") {
    for (const Investigation &inv : cadre.investigations) {
      if (inv.opened_on && *inv.opened_on <= as_of && (!inv.closed_on || as_of < *inv.closed_on)) {
        found.push_back(detail::simple(
            ctx, *investigation, "open",
            RecordRef{.kind = RecordKind::kInvestigation, .id = inv.id, .cadre_id = ""},
            std::nullopt,
            ds(*inv.opened_on) +
                "起立案审查，审查期间不予提拔（主管机关政策，无全国性依据；结案后解除）。",
            "Under investigation since " + ds(*inv.opened_on) +
                ": no promotion while it is open (a host's policy, no national source; lifts "
                "when the case closes)."));
      }
    }
  }

  for (Candidate &c : found) {
    if (c.blocker.lifts_on && *c.blocker.lifts_on <= as_of) {
      continue;  // already lifted
    }
    if (!promotion && !candidate && !c.blocks_same_level) {
      continue;
    }
    answer.blockers.push_back(std::move(c.blocker));
  }
  // Waived blockers that would have run: keep only those still within their period.
  std::erase_if(answer.waived,
                [&](const Blocker &b) { return (b.lifts_on && *b.lifts_on <= as_of); });
  detail::sort_blockers(answer.blockers);
  detail::dedupe(answer.exemptions_applied);
  answer.eligible = answer.blockers.empty();
  if (!answer.eligible && std::all_of(answer.blockers.begin(), answer.blockers.end(),
                                      [](const Blocker &b) { return b.lifts_on.has_value(); })) {
    answer.eligible_from = answer.blockers.back().lifts_on;
  }
  return answer;
}

}  // namespace api_v1
}  // namespace cadre
