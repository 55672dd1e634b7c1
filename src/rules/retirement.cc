#include "cadre/rules/retirement.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

constexpr Date ymd(int y, int m, int d) noexcept { return *Date::from_ymd(y, m, d); }

Citation npc_2024(std::string supports) {
  return Citation{
      .document = "《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》",
      .document_number = "",
      .year = 2024,
      .article = "",
      .item = "",
      .verification = Verification::kSaw,
      .supports = std::move(supports),
  };
}

}  // namespace

RetirementPolicy RetirementPolicy::national() {
  RetirementPolicy p;
  const PhaseIn male_phase{
      .enabled = true,
      .start = ymd(2025, 1, 1),
      .birth_months_per_step = 4,
      .max_delay_months = 36,
      .citation = npc_2024("自2025年1月1日起，男性法定退休年龄每4个月延迟1个月，逐步延迟至63周岁"),
  };
  PhaseIn female_phase = male_phase;
  female_phase.citation =
      npc_2024("自2025年1月1日起，原法定退休年龄为55周岁的女性每4个月延迟1个月，逐步延迟至58周岁");

  p.male = AgeRule{
      .id = "male",
      .group = {"男性干部", "male cadres"},
      .base_age_years = 60,
      .base_citation = npc_2024("原法定退休年龄：男性60周岁"),
      .phase_in = male_phase,
  };
  p.female = AgeRule{
      .id = "female",
      .group = {"女性干部", "female cadres"},
      .base_age_years = 55,
      .base_citation = npc_2024("原法定退休年龄：女干部55周岁"),
      .phase_in = female_phase,
  };
  p.female_county_and_above = AgeRule{
      .id = "female-county-and-above",
      .group = {"正、副县处级及以上女干部", "female cadres at county / division level and above"},
      .base_age_years = 60,
      .base_citation =
          Citation{
              .document = "《关于机关事业单位县处级女干部和具有高级职称的女性专业技术人员退休年龄问"
                          "题的通知》",
              .document_number = "组通字〔2015〕14号",
              .year = 2015,
              .article = "",
              .item = "",
              .verification = Verification::kSaw,
              .supports = "党政机关、人民团体正、副县处级女干部年满60周岁退休",
          },
      // Whether the 2024 decision also raises this age is not in the sources
      // seen (regulations.md §9): off by default, RECALLED, a host may enable it.
      .phase_in =
          PhaseIn{.enabled = false,
                  .start = ymd(2025, 1, 1),
                  .birth_months_per_step = 4,
                  .max_delay_months = 0,
                  .citation = Citation{.document = "（未见依据：县处级女干部60周岁是否延迟）",
                                       .document_number = "",
                                       .year = 2024,
                                       .article = "",
                                       .item = "",
                                       .verification = Verification::kRecalled,
                                       .supports = "policy: no phase-in for the age of 60"}},
  };
  p.procedure = {
      DatedCitation{
          .from = ymd(2015, 7, 19),
          .to = ymd(2022, 9, 7),
          .citation =
              Citation{
                  .document = "《推进领导干部能上能下若干规定（试行）》",
                  .document_number = "",
                  .year = 2015,
                  .article = "第五条",
                  .item = "",
                  .verification = Verification::kSaw,
                  .supports = "达到任职年龄界限或者退休年龄界限的，应当按照有关规定程序办理免职（退"
                              "休）手续",
              },
      },
      DatedCitation{
          .from = ymd(2022, 9, 8),
          .to = std::nullopt,
          .citation =
              Citation{
                  .document = "《推进领导干部能上能下规定》",
                  .document_number = "",
                  .year = 2022,
                  .article = "",
                  .item = "",
                  .verification = Verification::kSawSecondary,
                  .supports = "退休是领导干部“下”的渠道之一",
              },
      },
      DatedCitation{
          .from = ymd(2019, 3, 3),
          .to = std::nullopt,
          .citation =
              Citation{
                  .document = "《党政领导干部选拔任用工作条例》",
                  .document_number = "",
                  .year = 2019,
                  .article = "",
                  .item = "免去现职情形（一）",
                  .verification = Verification::kSaw,
                  .supports = "达到任职年龄界限或者退休年龄界限的，应当免去现职",
              },
      },
  };
  return p;
}

std::optional<RetirementAge> retirement_age(Sex sex, Date birth, RankLevel level,
                                            const RetirementPolicy &policy) noexcept {
  const AgeRule *rule = nullptr;
  if (sex == Sex::kMale) {
    rule = &policy.male;
  } else if (sex == Sex::kFemale) {
    rule = at_or_above_county(level) ? &policy.female_county_and_above : &policy.female;
  } else {
    return std::nullopt;
  }
  RetirementAge age;
  age.rule = rule;
  const Date original = birth.add_years(rule->base_age_years);
  const PhaseIn &ph = rule->phase_in;
  if (ph.enabled && ph.max_delay_months > 0 && ph.birth_months_per_step > 0 &&
      original >= ph.start) {
    // Months of birth counted from the first birth month whose original
    // retirement day can fall on or after the start of the phase-in.
    const int first = ph.start.year() * 12 + ph.start.month() - 1 - rule->base_age_years * 12;
    const int k = birth.year() * 12 + birth.month() - 1 - first;
    const int delay = k / ph.birth_months_per_step + 1;
    age.delay_months = delay < ph.max_delay_months ? delay : ph.max_delay_months;
  }
  const int total = rule->base_age_years * 12 + age.delay_months;
  age.limit = {total / 12, total % 12};
  age.reached_on = birth.add_months(total);
  return age;
}

}  // namespace api_v1
}  // namespace cadre
