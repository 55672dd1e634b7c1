// A cadre of the synthetic province: the annual assessments, one per full
// year in post, with scores, evaluations, rankings and targets.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "generator/cadre_builder.hpp"

namespace cadre::generator::detail {
namespace {

// A trait of the weak cadres that precise identification looks for (docs/identification.md,
// docs/generator.md): about 2 in 100 miss most targets year after year (占位型), 1 in 100 is
// ranked last once with a low 勤 (休眠型), 2 in 100 decline and are named weakest (颓废型),
// 1 in 100 scores 12 points below the rest of its team year after year (平庸型). Drawn from the
// cadre's id, not from the shared random stream, and changing no grade: no rule reads these fields,
// so the findings and every other draw stay as they were.
enum class Weak { kNone, kInactive, kDormant, kDeclining, kBelowTeam };

Weak weak_trait(std::string_view id) {
  std::uint32_t h = 2166136261U;  // FNV-1a
  for (const char ch : id) {
    h = (h ^ static_cast<unsigned char>(ch)) * 16777619U;
  }
  switch ((h >> 8U) % 100U) {
    case 0:
    case 1:
      return Weak::kInactive;
    case 2:
      return Weak::kDormant;
    case 3:
    case 4:
      return Weak::kDeclining;
    case 5:
      return Weak::kBelowTeam;
    default:
      return Weak::kNone;
  }
}

}  // namespace

void CadreBuilder::assessments() {
  // -- Annual assessments: each full year in post, decided early next year. --
  const int last_year = std::min(end.year() - 1, life_end.year() - (retired ? 1 : 0));
  const bool grade_basis = c.adjustments_size() > 0 &&
                           c.adjustments(0).basis_id().rfind('a', 0) == 0 &&
                           c.adjustments(0).basis_id().rfind("adj", 0) != 0;
  const int team_size =
      s.post >= 0 ? static_cast<int>(std::count_if(
                        unit.posts.begin(), unit.posts.end(),
                        [](const PostDef &x) { return x.role != pb::TEAM_ROLE_UNSPECIFIED; }))
                  : 0;
  const Weak weak = weak_trait(c.id());
  for (int y = std::max(first.year(), start_.year()); y <= last_year; ++y) {
    pb::AnnualAssessment *a = c.add_assessments();
    a->set_id("a" + std::to_string(y));
    a->set_year(y);
    // Draws in a fixed order (the order of a call's arguments is unspecified in C++):
    // the day, then the month.
    const int day = r.range(1, 28);
    const int month = r.range(1, 3);
    const Date decided = clamp_end(*Date::from_ymd(y + 1, month, day));
    a->set_decided_on(decided.to_string());
    pb::AssessmentGrade grade = pb::ASSESSMENT_GRADE_COMPETENT;
    if ((grade_basis && c.adjustments(0).basis_id() == a->id()) ||
        r.chance(rates_.grade_incompetent)) {
      grade = pb::ASSESSMENT_GRADE_INCOMPETENT;
    } else if (r.chance(rates_.grade_basically_competent)) {
      grade = pb::ASSESSMENT_GRADE_BASICALLY_COMPETENT;
    } else if (r.chance(rates_.grade_excellent)) {
      grade = pb::ASSESSMENT_GRADE_EXCELLENT;
    }
    a->set_grade(grade);
    const int base = grade == pb::ASSESSMENT_GRADE_EXCELLENT             ? 880
                     : grade == pb::ASSESSMENT_GRADE_COMPETENT           ? 820
                     : grade == pb::ASSESSMENT_GRADE_BASICALLY_COMPETENT ? 680
                                                                         : 560;
    pb::DimensionScores *sc = a->mutable_scores();
    const auto score = [&]() { return std::min(1000, base + r.range(-60, 90)) / 10.0; };
    sc->set_morality(score());
    sc->set_ability(score());
    sc->set_diligence(score());
    sc->set_achievement(score());
    sc->set_integrity(score());
    pb::DemocraticEvaluation *ev = a->mutable_evaluation();
    const int raters = r.range(15, 80);
    ev->set_raters(raters);
    int left = raters - r.range(0, 2);
    ev->set_abstained(raters - left);
    const int pct_excellent = grade == pb::ASSESSMENT_GRADE_EXCELLENT   ? r.range(60, 90)
                              : grade == pb::ASSESSMENT_GRADE_COMPETENT ? r.range(30, 60)
                                                                        : r.range(0, 15);
    const int excellent = left * pct_excellent / 100;
    left -= excellent;
    const int pct_low = grade == pb::ASSESSMENT_GRADE_INCOMPETENT           ? r.range(35, 60)
                        : grade == pb::ASSESSMENT_GRADE_BASICALLY_COMPETENT ? r.range(15, 30)
                                                                            : r.range(0, 4);
    const int low = left * pct_low / 100;
    const int incompetent = grade == pb::ASSESSMENT_GRADE_INCOMPETENT ? low / 2 : low / 4;
    ev->set_excellent(excellent);
    ev->set_basically_competent(low - incompetent);
    ev->set_incompetent(incompetent);
    ev->set_competent(left - low);
    if (team_size > 1) {
      pb::Ranking *rk = a->mutable_rank_in_team();
      rk->set_of(team_size);
      rk->set_rank(grade == pb::ASSESSMENT_GRADE_COMPETENT ||
                           grade == pb::ASSESSMENT_GRADE_EXCELLENT
                       ? r.range(1, team_size)
                       : team_size);
      rk->set_group_id("t" + unit.id);
      pb::ReverseEvaluation *re = a->mutable_reverse_evaluation();
      re->set_raters(raters);
      re->set_votes_as_weakest(grade == pb::ASSESSMENT_GRADE_COMPETENT ||
                                       grade == pb::ASSESSMENT_GRADE_EXCELLENT
                                   ? r.range(0, raters / 10)
                                   : r.range(raters / 3, raters / 2));
    }
    pb::PerformanceTargets *t = a->mutable_targets();
    t->set_set(r.range(6, 15));
    t->set_met(grade == pb::ASSESSMENT_GRADE_COMPETENT || grade == pb::ASSESSMENT_GRADE_EXCELLENT
                   ? t->set() - r.range(0, 2)
                   : t->set() / 2);
    t->set_ranked_last(grade == pb::ASSESSMENT_GRADE_INCOMPETENT);
    // The weak traits, on top of the draws above (the last year assessed matters most).
    const int from_end = last_year - y;  // 0: the last year
    switch (weak) {
      case Weak::kInactive:
        t->set_met(t->set() * 2 / 5);
        break;
      case Weak::kDormant:
        if (from_end == 0) {
          t->set_ranked_last(true);
          sc->set_diligence(std::min(sc->diligence(), 62.0));
        }
        break;
      case Weak::kDeclining: {
        // 8 points a year down to the last year: 16 below the draw two years before it.
        const double drop = 8.0 * (2 - std::min(from_end, 2));
        const auto lower = [drop](double v) { return std::max(0.0, v - drop); };
        sc->set_morality(lower(sc->morality()));
        sc->set_ability(lower(sc->ability()));
        sc->set_diligence(lower(sc->diligence()));
        sc->set_achievement(lower(sc->achievement()));
        sc->set_integrity(lower(sc->integrity()));
        if (from_end == 0 && a->has_reverse_evaluation()) {
          pb::ReverseEvaluation *re = a->mutable_reverse_evaluation();
          re->set_votes_as_weakest(std::max(re->votes_as_weakest(), (re->raters() * 2 + 4) / 5));
        }
        break;
      }
      case Weak::kBelowTeam: {
        const auto lower = [](double v) { return std::max(0.0, v - 12.0); };
        sc->set_morality(lower(sc->morality()));
        sc->set_ability(lower(sc->ability()));
        sc->set_diligence(lower(sc->diligence()));
        sc->set_achievement(lower(sc->achievement()));
        sc->set_integrity(lower(sc->integrity()));
        break;
      }
      case Weak::kNone:
        break;
    }
  }
}

}  // namespace cadre::generator::detail
