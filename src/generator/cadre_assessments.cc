// A cadre of the synthetic province: the annual assessments, one per full
// year in post, with scores, evaluations, rankings and targets.
#include <algorithm>

#include "generator/cadre_builder.hpp"

namespace cadre::generator::detail {

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
  }
}

}  // namespace cadre::generator::detail
