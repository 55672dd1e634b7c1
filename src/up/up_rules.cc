#include "up/up_rules.hpp"

#include <algorithm>
#include <array>

#include "catalogue/parameter_number.hpp"

namespace cadre::detail {
namespace {

// A kind of going "up": the whole-number parameters it requires, the word
// parameters it reads (each from a list of allowed words, or any word), and
// its default counting.
struct Kind {
  std::string_view name;
  std::vector<std::string_view> numbers;
  std::vector<std::string_view> optional_numbers;
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> words;
  Counting counting = Counting::kStartDayIsDayOne;
};

const std::vector<std::string_view> kCaps = {"not-excellent", "no-grade", "incompetent"};
const std::vector<std::string_view> kEffects = {
    "negative-evaluation", "performance-assessment", "awards",       "promotion",
    "rank-and-title",      "reserve-status",         "deputy-status"};

const std::vector<Kind> &kinds() {
  static const std::vector<Kind> kKinds = {
      {"period-conventions", {}, {}, {}},
      {"admonishment-impact", {"months"}, {}, {}},
      {"unsuitable-adjustment-impact", {"months"}, {}, {}},
      {"demotion-impact", {"months"}, {}, {{"bar", {"ban", "service"}}}},
      {"post-adjustment-impact", {"months"}, {}, {}},
      {"accountability-removal-impact", {"no_post_months", "no_higher_months"}, {}, {}},
      {"party-sanction-impact",
       {"warning_months", "serious_warning_months", "removal_from_party_post_months",
        "after_restoration_months"},
       {},
       {}},
      {"government-sanction-impact",
       {"warning_months", "demerit_months", "major_demerit_months", "downgrade_months",
        "dismissal_months", "cap_months"},
       {},
       {}},
      {"promotion-prerequisites",
       {"working_months", "grassroots_months", "deputy_to_principal_months",
        "principal_to_higher_deputy_months"},
       {},
       {},
       Counting::kStartDayNotCounted},
      {"exceptional-limits",
       {"after_promotion_months", "max_levels"},
       {},
       {},
       Counting::kStartDayNotCounted},
      {"probation", {"failed_months"}, {}, {}},
      {"candidate-exclusions", {}, {}, {}},
      {"investigation-bar", {}, {}, {{"while_open", {"true", "false"}}}},
      {"grade-cap-party",
       {},
       {"expulsion_no_grade_years"},
       {{"warning", kCaps},
        {"serious_warning", kCaps},
        {"serious_warning_in_office", kCaps},
        {"removal_from_party_post", kCaps},
        {"probation", kCaps},
        {"expulsion", kCaps},
        {"with_government_sanction", {"party-governs", "heavier-governs"}}}},
      {"grade-cap-government",
       {},
       {"major_demerit_no_grade_years"},
       {{"warning", kCaps}, {"demerit", kCaps}, {"major_demerit", kCaps}}},
      {"grade-cap-organisational",
       {},
       {},
       {{"admonishment", kCaps}, {"post_adjustment", kCaps}, {"removal", kCaps}}},
      {"grade-cap-investigation", {}, {}, {}},
      {"adjustment-deadline", {"months"}, {}, {}, Counting::kStartDayNotCounted},
      {"sanction-deadline", {"months"}, {"party_months"}, {}, Counting::kStartDayNotCounted},
      {"dual-track", {}, {}, {}},
      {"exemption",
       {},
       {},
       {{"screening_effect", kEffects},
        {"eligibility_effect", kEffects},
        {"grade_cap_effect", kEffects},
        {"exclusions", {}}}},
  };
  return kKinds;
}

const Kind *find_kind(std::string_view name) noexcept {
  for (const Kind &k : kinds()) {
    if (k.name == name) {
      return &k;
    }
  }
  return nullptr;
}

std::string field(const Rule &r, std::string_view name) {
  return "rules[" + r.id + "].parameters[" + std::string(name) + "]";
}

}  // namespace

int UpRule::number(std::string_view name, int fallback) const noexcept {
  for (const auto &[n, v] : numbers) {
    if (n == name) {
      return v;
    }
  }
  return fallback;
}

std::string_view UpRule::word(std::string_view name) const noexcept {
  for (const auto &[n, v] : words) {
    if (n == name) {
      return v;
    }
  }
  return {};
}

bool UpRule::host_policy(std::string_view name) const noexcept {
  const Parameter *p = rule != nullptr ? rule->parameter(name) : nullptr;
  return p != nullptr && p->host_policy;
}

const UpRule *UpRules::at(std::string_view kind, Date day) const noexcept {
  // The most specific catalogue's rules come last in the chain: look from the end.
  for (std::size_t i = rules.size(); i-- > 0;) {
    if (rules[i].rule->kind == kind && rules[i].in_force(day)) {
      return &rules[i];
    }
  }
  return nullptr;
}

bool is_up_kind(std::string_view kind) noexcept { return find_kind(kind) != nullptr; }

std::vector<std::string_view> up_kinds() {
  std::vector<std::string_view> out;
  for (const Kind &k : kinds()) {
    out.push_back(k.name);
  }
  return out;
}

Status compile_up(const Rule &r, UpRule &out) {
  const Kind *kind = find_kind(r.kind);
  if (kind == nullptr) {
    return invalid_argument("rules[" + r.id + "].kind", "not a kind of going up");
  }
  out.rule = &r;
  out.counting = kind->counting;
  const auto read_number = [&](std::string_view name, bool required) -> Status {
    const Parameter *p = r.parameter(name);
    if (p == nullptr) {
      return required ? invalid_argument(field(r, name), "required by kind " + r.kind) : Status();
    }
    const int v = catalogue::parameter_number(p->value);
    if (v < 0) {
      return invalid_argument(field(r, name) + ".value", "not a whole number from 0 to 1200");
    }
    out.numbers.emplace_back(std::string(name), v);
    return {};
  };
  for (const std::string_view n : kind->numbers) {
    if (auto st = read_number(n, true); !st.ok()) {
      return st;
    }
  }
  for (const std::string_view n : kind->optional_numbers) {
    if (auto st = read_number(n, false); !st.ok()) {
      return st;
    }
  }
  for (const auto &[name, allowed] : kind->words) {
    const Parameter *p = r.parameter(name);
    if (p == nullptr) {
      continue;
    }
    if (!allowed.empty() &&
        std::find(allowed.begin(), allowed.end(), std::string_view(p->value)) == allowed.end()) {
      std::string list;
      for (const std::string_view a : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(a);
      }
      return invalid_argument(field(r, name) + ".value", "must be one of: " + list);
    }
    out.words.emplace_back(std::string(name), p->value);
  }
  if (const Parameter *p = r.parameter("counting")) {
    const std::optional<Counting> c = counting_of(p->value);
    if (!c) {
      return invalid_argument(field(r, "counting") + ".value",
                              "must be start-day-is-day-one or start-day-not-counted");
    }
    out.counting = *c;
  }
  return {};
}

}  // namespace cadre::detail
