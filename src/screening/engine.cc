#include <algorithm>
#include <string>

#include "cadre/labels.hpp"
#include "cadre/screening.hpp"
#include "screening/explain.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::age_code;
using detail::age_en;
using detail::age_zh;
using detail::cite_zh;

// The highest rank held on @p day, with the index of its post.
std::optional<std::size_t> highest_rank_post(const Cadre &c, Date day) noexcept {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < c.posts.size(); ++i) {
    const Post &p = c.posts[i];
    const int n = static_cast<int>(p.rank_level);
    if (!p.held_on(day) || n < 1 || n > 8) {
      continue;
    }
    if (!best || n < static_cast<int>(c.posts[*best].rank_level)) {
      best = i;
    }
  }
  if (!best) {
    // A post is held but its level is unknown: still screen it, as unspecified.
    for (std::size_t i = 0; i < c.posts.size(); ++i) {
      if (c.posts[i].held_on(day)) {
        return i;
      }
    }
  }
  return best;
}

std::string str(std::string_view v) { return std::string(v); }

void screen_retirement(const RetirementPolicy &policy, const Cadre &c, Date as_of,
                       std::string_view path, std::vector<Finding> &out) {
  if (!c.birth_date || c.sex == Sex::kUnspecified) {
    return;
  }
  const auto post_index = highest_rank_post(c, as_of);
  if (!post_index) {
    return;  // holds no post on the as-of date: nothing to remove from
  }
  const Post &post = c.posts[*post_index];
  const auto age = retirement_age(c.sex, *c.birth_date, post.rank_level, policy);
  if (!age || as_of < age->reached_on) {
    return;
  }
  const AgeRule &rule = *age->rule;
  const Date birth = *c.birth_date;
  const YearsMonths reached = whole_months_between(birth, as_of);
  const std::string p(path);
  const std::string post_path = p + ".posts[" + std::to_string(*post_index) + "]";
  const bool certified = c.birth_date_source == BirthDateSource::kPersonnelFile;

  Finding f;
  f.cadre_id = c.id;
  f.rule_id = policy.rule_id;
  f.channel = Channel::kAgeLimit;
  f.determination = certified ? Determination::kComputed : Determination::kNeedsVerification;
  f.effective_date = age->reached_on;
  f.allowed_methods = {AdjustmentMethod::kRemoval, AdjustmentMethod::kRetirement};

  f.citations.push_back(rule.base_citation);
  if (age->delay_months > 0) {
    f.citations.push_back(rule.phase_in.citation);
  }
  std::string procedure_zh;
  std::string procedure_en;
  for (const DatedCitation &dc : policy.procedure) {
    if (dc.in_force(as_of)) {
      f.citations.push_back(dc.citation);
      if (procedure_zh.empty()) {
        procedure_zh =
            cite_zh(dc.citation.document, dc.citation.document_number, dc.citation.year) +
            dc.citation.article;
        procedure_en = procedure_zh;
      }
    }
  }

  f.facts = {
      {"birth_date", birth.to_string(), p + ".birth_date"},
      {"birth_date_source", str(label(c.birth_date_source, Language::kEn)),
       p + ".birth_date_source"},
      {"sex", str(label(c.sex, Language::kEn)), p + ".sex"},
      {"rank_level", str(label(post.rank_level, Language::kEn)), post_path + ".rank_level"},
      {"age_on_as_of", age_code(reached), ""},
      {"age_rule", rule.id, ""},
      {"base_age", age_code({rule.base_age_years, 0}), ""},
      {"phase_in_delay_months", std::to_string(age->delay_months), ""},
      {"age_limit", age_code(age->limit), ""},
      {"limit_reached_on", age->reached_on.to_string(), ""},
  };

  const std::string birth_s = birth.to_string();
  const std::string as_of_s = as_of.to_string();
  const std::string reached_s = age->reached_on.to_string();
  const std::string base_doc = cite_zh(rule.base_citation.document,
                                       rule.base_citation.document_number, rule.base_citation.year);

  std::string zh = "出生日期" + birth_s + "（" + str(label(c.birth_date_source, Language::kZhCn)) +
                   "）；截至" + as_of_s + "年龄为" + age_zh(reached) + "；现任" +
                   str(label(post.rank_level, Language::kZhCn)) + "。" + rule.group.zh_cn +
                   "原法定退休年龄为" + age_zh({rule.base_age_years, 0});
  std::string en = "Born " + birth_s + " (" + str(label(c.birth_date_source, Language::kEn)) +
                   "); on " + as_of_s + " aged " + age_en(reached) + "; holds a post at " +
                   str(label(post.rank_level, Language::kEn)) +
                   " level. The original retirement age of " + rule.group.en + " is " +
                   age_en({rule.base_age_years, 0});
  const PhaseIn &ph = rule.phase_in;
  const bool same_doc = ph.citation.document == rule.base_citation.document;
  if (age->delay_months > 0) {
    const std::string doc =
        cite_zh(ph.citation.document, ph.citation.document_number, ph.citation.year);
    const std::string steps = std::to_string(ph.birth_months_per_step);
    const std::string delay = std::to_string(age->delay_months);
    if (!same_doc) {
      zh += "（" + base_doc + "）";
      en += " (" + base_doc + ")";
    }
    zh += "，依" + doc + "自" + ph.start.to_string() + "起每" + steps + "个月延迟1个月，本人延迟" +
          delay + "个月";
    en += "; under " + doc + " it rises from " + ph.start.to_string() + " by one month for every " +
          steps + " months of birth, for this cadre by " + delay +
          (age->delay_months == 1 ? " month" : " months");
  } else if (ph.enabled && same_doc) {
    zh += "（" + base_doc + "），本人在" + ph.start.to_string() + "延迟退休实施前达到，不延迟";
    en += " (" + base_doc + "); this cadre reached it before the increase began on " +
          ph.start.to_string() + ", so it is not raised";
  } else {
    zh += "（" + base_doc + "）";
    en += " (" + base_doc + ")";
  }
  zh += "，本人退休年龄界限为" + age_zh(age->limit) + "，已于" + reached_s + "达到";
  en += ". The limit for this cadre is " + age_en(age->limit) + ", reached on " + reached_s;
  if (!procedure_zh.empty()) {
    zh += "；依" + procedure_zh + "，应当按照有关规定程序办理免职（退休）手续。";
    en += "; under " + procedure_en +
          " the cadre is to be removed from post (retired) by the prescribed procedure.";
  } else {
    zh += "。";
    en += ".";
  }
  if (!certified) {
    zh += "出生日期未经档案认定，须核实后处理。";
    en += " The birth date is not certified from the personnel file and must be verified first.";
  }
  f.explanation = {std::move(zh), std::move(en)};
  out.push_back(std::move(f));
}

}  // namespace

void Engine::screen(const Cadre &cadre, Date as_of, std::string_view path,
                    std::vector<Finding> &out) const {
  const std::size_t first = out.size();
  screen_retirement(config_.retirement, cadre, as_of, path, out);
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const Finding &a, const Finding &b) {
                     if (a.channel != b.channel) {
                       return a.channel < b.channel;
                     }
                     return a.rule_id < b.rule_id;
                   });
}

void ScreenSummary::add(const Cadre &cadre, Date as_of,
                        const std::vector<Finding> &findings) noexcept {
  ++cadres_screened;
  bool any = false;
  std::array<bool, 8> channels{};
  for (const Finding &f : findings) {
    any = true;
    const auto ch = static_cast<std::size_t>(f.channel);
    if (ch < channels.size()) {
      channels[ch] = true;
    }
  }
  if (!any) {
    return;
  }
  ++cadres_down;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    by_channel[i] += channels[i] ? 1 : 0;
  }
  accountability += channels[static_cast<std::size_t>(Channel::kAccountability)] ? 1 : 0;
  unsuitable += channels[static_cast<std::size_t>(Channel::kUnsuitable)] ? 1 : 0;
  const auto post = highest_rank_post(cadre, as_of);
  const RankLevel level = post ? cadre.posts[*post].rank_level : RankLevel::kUnspecified;
  const auto n = static_cast<std::size_t>(level);
  by_rank_level[n < by_rank_level.size() ? n : 0] += 1;
  bureau_level_or_above += at_or_above_bureau(level) ? 1 : 0;
}

}  // namespace api_v1
}  // namespace cadre
