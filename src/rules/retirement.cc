#include "cadre/rules/retirement.hpp"

#include "sources/source_key.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::cite;
using detail::source_key;

// The first day of the 2024 decision on raising the retirement age (2025-01-01), from the
// registry of sources.
Date phase_in_start() {
  const Document *d = find_builtin_document(source_key("npc-2024-retirement"));
  return d != nullptr && d->in_force_from ? *d->in_force_from : *Date::from_ymd(2025, 1, 1);
}

}  // namespace

RetirementPolicy RetirementPolicy::national() {
  RetirementPolicy p;
  const Citation npc = cite(source_key("npc-2024-retirement"), "", "", Verification::kSaw,
                            "自2025年1月1日起，男性法定退休年龄每4个月延迟1个月，逐步延迟至63周岁");
  const PhaseIn male_phase{
      .enabled = true,
      .start = phase_in_start(),
      .birth_months_per_step = 4,
      .max_delay_months = 36,
      .citation = npc,
  };
  PhaseIn female_phase = male_phase;
  female_phase.citation =
      cite(source_key("npc-2024-retirement"), "", "", Verification::kSaw,
           "自2025年1月1日起，原法定退休年龄为55周岁的女性每4个月延迟1个月，逐步延迟至58周岁");

  p.male = AgeRule{
      .id = "male",
      .group = {"男性干部", "male cadres"},
      .base_age_years = 60,
      .base_citation = cite(source_key("gf-1978-104"), "", "", Verification::kRecalled,
                            "男性干部年满60周岁退休"),
      .phase_in = male_phase,
  };
  p.female = AgeRule{
      .id = "female",
      .group = {"女性干部", "female cadres"},
      .base_age_years = 55,
      .base_citation = cite(source_key("gf-1978-104"), "", "", Verification::kRecalled,
                            "女性干部年满55周岁退休"),
      .phase_in = female_phase,
  };
  p.female_county_and_above = AgeRule{
      .id = "female-county-and-above",
      .group = {"正、副县处级及以上女干部", "female cadres at county / division level and above"},
      .base_age_years = 60,
      .base_citation = cite(source_key("zt-2015-14"), "", "", Verification::kSaw,
                            "党政机关、人民团体正、副县处级女干部年满60周岁退休"),
      // Whether the 2024 decision also raises this age is not in the sources
      // seen (regulations.md §9): off by default, a host's policy.
      .phase_in = PhaseIn{.enabled = false,
                          .start = phase_in_start(),
                          .birth_months_per_step = 4,
                          .max_delay_months = 0,
                          .citation = cite(source_key("npc-2024-retirement"), "", "",
                                           Verification::kRecalled,
                                           "是否适用于县处级女干部60周岁的退休年龄未见依据："
                                           "不延迟（主管机关政策）")},
  };
  // The days each procedure rule is in force come from the registry of sources.
  const auto first_day = [](std::string_view key) {
    const Document *d = find_builtin_document(key);
    return d != nullptr ? d->in_force_from : std::nullopt;
  };
  const auto last_day = [](std::string_view key) -> std::optional<Date> {
    const Document *d = find_builtin_document(key);
    return d != nullptr && d->superseded_on ? std::optional<Date>(d->superseded_on->add_days(-1))
                                            : std::nullopt;
  };
  p.procedure = {
      DatedCitation{
          .from = first_day(source_key("lnsx-2015")),
          .to = last_day(source_key("lnsx-2015")),
          .citation = cite(source_key("lnsx-2015"), "第五条", "", Verification::kSaw,
                           "达到任职年龄界限或者退休年龄界限的，应当按照有关规定程序办理免职（退"
                           "休）手续"),
      },
      DatedCitation{
          .from = first_day(source_key("lnsx-2022")),
          .to = last_day(source_key("lnsx-2022")),
          .citation = cite(source_key("lnsx-2022"), "", "", Verification::kSawSecondary,
                           "退休是领导干部“下”的渠道之一"),
      },
      DatedCitation{
          .from = first_day(source_key("xbry-2019")),
          .to = last_day(source_key("xbry-2019")),
          .citation = cite(source_key("xbry-2019"), "", "免去现职情形（一）", Verification::kSaw,
                           "达到任职年龄界限或者退休年龄界限的，应当免去现职"),
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
