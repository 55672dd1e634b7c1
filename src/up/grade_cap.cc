// Operation: the best annual grade the rules still allow for a cadre and a year.
#include <algorithm>
#include <string>
#include <vector>

#include "cadre/eligibility.hpp"
#include "cadre/labels.hpp"
#include "up/common.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::UpContext;
using detail::UpRule;

std::string ds(Date d) { return d.to_string(); }

// Severity of a cap: 1 not 优秀, 2 no grade, 3 不称职.
int severity_of(std::string_view word) {
  if (word == "not-excellent") {
    return 1;
  }
  if (word == "no-grade") {
    return 2;
  }
  if (word == "incompetent") {
    return 3;
  }
  return 0;
}

AssessmentGrade grade_of(int severity) {
  switch (severity) {
    case 1:
      return AssessmentGrade::kCompetent;
    case 2:
      return AssessmentGrade::kNotGraded;
    case 3:
      return AssessmentGrade::kIncompetent;
    default:
      return AssessmentGrade::kExcellent;
  }
}

const char *cap_zh(int severity) {
  switch (severity) {
    case 1:
      return "不得确定为优秀等次";
    case 2:
      return "只写评语、不定等次";
    default:
      return "确定为不称职等次";
  }
}

const char *cap_en(int severity) {
  switch (severity) {
    case 1:
      return "may not be graded excellent";
    case 2:
      return "gets a comment but no grade";
    default:
      return "is graded incompetent";
  }
}

const char *rule_of(int severity) {
  switch (severity) {
    case 1:
      return "not-excellent";
    case 2:
      return "no-grade";
    default:
      return "incompetent";
  }
}

struct Cap {
  int severity = 0;
  Blocker reason;
};

class Caps {
 public:
  Caps(const UpContext &ctx, int year) : ctx_(ctx), year_(year) {}

  // A measure of @p day under @p rule: caps the year of the measure with @p severity and
  // @p no_grade_years more years with "no grade".
  void add(const UpRule *rule, RecordKind kind, const std::string &id, std::optional<Date> day,
           int severity, int no_grade_years, const std::string &what_zh,
           const std::string &what_en) {
    if (rule == nullptr || !day || severity == 0) {
      return;
    }
    const int y0 = day->year();
    int sev = 0;
    if (year_ == y0) {
      sev = severity;
    } else if (year_ > y0 && year_ <= y0 + no_grade_years) {
      sev = 2;
    }
    if (sev == 0) {
      return;
    }
    Cap c;
    c.severity = sev;
    c.reason.rule_id = rule->rule->id;
    c.reason.check = rule_of(sev);
    c.reason.citations = ctx_.cite(*rule);
    c.reason.catalogue = rule->catalogue;
    c.reason.record = RecordRef{.kind = kind, .id = id, .cadre_id = ""};
    c.reason.since = day;
    const std::string basis = detail::basis_name(c.reason.citations);
    const std::string y = std::to_string(year_);
    c.reason.explanation = {
        ds(*day) + what_zh + "（记录 " + id + "），依据" + basis + "，" + y + "年度考核" +
            cap_zh(sev) + "。此限制适用于" + y + "年度考核，不因时间推移解除。",
        "On " + ds(*day) + " the cadre " + what_en + " (record " + id + "); under " + basis +
            " the " + y + " annual assessment " + cap_en(sev) + ". The cap applies to the " + y +
            " assessment and does not lift with time."};
    caps_.push_back(std::move(c));
  }

  void add_reason(Cap c) { caps_.push_back(std::move(c)); }

  std::vector<Cap> &all() { return caps_; }

 private:
  const UpContext &ctx_;
  int year_;
  std::vector<Cap> caps_;
};

}  // namespace

GradeCapAnswer grade_cap(const Cadre &cadre, int year, const Engine &engine,
                         std::optional<Date> as_of_in) {
  const Date year_end = *Date::from_ymd(year, 12, 31);
  const Date as_of = as_of_in ? *as_of_in : year_end;
  const UpContext ctx = UpContext::make(cadre, as_of, engine);
  GradeCapAnswer answer;
  answer.cadre_id = cadre.id;
  answer.year = year;
  answer.catalogue = ctx.ref;
  Caps caps(ctx, year);
  const auto word = [](const UpRule *r, std::string_view name) {
    return r != nullptr ? severity_of(r->word(name)) : 0;
  };
  for (const PartySanction &s : cadre.party_sanctions) {
    const std::optional<Date> day = detail::dated(s.effective_on, s.decided_on, as_of);
    if (!day) {
      continue;
    }
    const UpRule *r = ctx.at("grade-cap-party", *day);
    const std::string zh = "受到党纪处分" + std::string(label(s.kind, Language::kZhCn));
    const std::string en =
        "received a party sanction (" + std::string(label(s.kind, Language::kEn)) + ")";
    switch (s.kind) {
      case PartySanctionKind::kWarning:
        caps.add(r, RecordKind::kPartySanction, s.id, day, word(r, "warning"), 0, zh, en);
        break;
      case PartySanctionKind::kSeriousWarning:
        caps.add(r, RecordKind::kPartySanction, s.id, day,
                 word(r, s.related_to_duties ? "serious_warning_in_office" : "serious_warning"), 0,
                 s.related_to_duties ? zh + "（与职务行为有关）" : zh,
                 s.related_to_duties ? en + " for conduct in office" : en);
        break;
      case PartySanctionKind::kRemovalFromPartyPost:
        caps.add(r, RecordKind::kPartySanction, s.id, day, word(r, "removal_from_party_post"), 0,
                 zh, en);
        break;
      case PartySanctionKind::kProbationWithinParty:
        caps.add(r, RecordKind::kPartySanction, s.id, day, word(r, "probation"),
                 s.probation_years > 0 ? s.probation_years : 1, zh, en);
        break;
      case PartySanctionKind::kExpulsion:
        caps.add(r, RecordKind::kPartySanction, s.id, day, word(r, "expulsion"),
                 r != nullptr ? r->number("expulsion_no_grade_years") : 0, zh, en);
        break;
      default:
        break;
    }
  }
  for (const GovernmentSanction &g : cadre.government_sanctions) {
    const std::optional<Date> day = detail::dated(g.effective_on, g.decided_on, as_of);
    if (!day) {
      continue;
    }
    const UpRule *r = ctx.at("grade-cap-government", *day);
    const std::string zh = "受到政务处分" + std::string(label(g.kind, Language::kZhCn));
    const std::string en =
        "received a government sanction (" + std::string(label(g.kind, Language::kEn)) + ")";
    switch (g.kind) {
      case GovernmentSanctionKind::kWarning:
        caps.add(r, RecordKind::kGovernmentSanction, g.id, day, word(r, "warning"), 0, zh, en);
        break;
      case GovernmentSanctionKind::kDemerit:
        caps.add(r, RecordKind::kGovernmentSanction, g.id, day, word(r, "demerit"), 0, zh, en);
        break;
      case GovernmentSanctionKind::kMajorDemerit:
      case GovernmentSanctionKind::kDowngrade:
      case GovernmentSanctionKind::kDismissalFromPost:
        caps.add(r, RecordKind::kGovernmentSanction, g.id, day, word(r, "major_demerit"),
                 r != nullptr ? r->number("major_demerit_no_grade_years") : 0, zh, en);
        break;
      default:
        break;
    }
  }
  for (const EarlyWarning &w : cadre.early_warnings) {
    if (w.kind == EarlyWarningKind::kAdmonishment && w.issued_on && *w.issued_on <= as_of) {
      const UpRule *r = ctx.at("grade-cap-organisational", *w.issued_on);
      caps.add(r, RecordKind::kEarlyWarning, w.id, w.issued_on, word(r, "admonishment"), 0,
               "受到诫勉", "was admonished (诫勉)");
    }
  }
  std::vector<std::string> decision_ids;
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    if (!d.decided_on || as_of < *d.decided_on) {
      continue;
    }
    decision_ids.push_back(d.id);
    const UpRule *r = ctx.at("grade-cap-organisational", *d.decided_on);
    int sev = 0;
    if (std::find(d.forms.begin(), d.forms.end(), AccountabilityForm::kAdmonishment) !=
        d.forms.end()) {
      sev = word(r, "admonishment");
    }
    bool removal = false;
    for (const OrganisationalMeasure m : d.measures) {
      if (m == OrganisationalMeasure::kPostAdjustment) {
        sev = std::max(sev, word(r, "post_adjustment"));
      } else if (m == OrganisationalMeasure::kOrderedResignation ||
                 m == OrganisationalMeasure::kRemoval || m == OrganisationalMeasure::kDemotion) {
        sev = std::max(sev, word(r, "removal"));
        removal = true;
      }
    }
    caps.add(r, RecordKind::kAccountabilityDecision, d.id, d.decided_on, sev, 0,
             removal ? "被问责责令辞职、免职或者降职" : "被问责予以诫勉或者调整职务",
             removal ? "was ordered to resign, removed or demoted through accountability"
                     : "was admonished or had the post adjusted through accountability");
  }
  for (const Adjustment &a : cadre.adjustments) {
    if (std::find(decision_ids.begin(), decision_ids.end(), a.basis_id) != decision_ids.end() ||
        (a.channel != Channel::kAccountability && a.channel != Channel::kUnsuitable)) {
      continue;
    }
    const std::optional<Date> day = detail::dated(a.decided_on, a.executed_on, as_of);
    if (!day) {
      continue;
    }
    const UpRule *r = ctx.at("grade-cap-organisational", *day);
    if (a.method == AdjustmentMethod::kTransferOut) {
      caps.add(r, RecordKind::kAdjustment, a.id, day, word(r, "post_adjustment"), 0, "被调整职务",
               "had the post adjusted");
    } else if (a.method == AdjustmentMethod::kOrderedResignation ||
               a.method == AdjustmentMethod::kRemoval || a.method == AdjustmentMethod::kDemotion) {
      caps.add(r, RecordKind::kAdjustment, a.id, day, word(r, "removal"), 0,
               "被责令辞职、免职或者降职", "was ordered to resign, removed or demoted");
    }
  }
  const Date assessed = std::min(year_end, as_of);
  for (const Investigation &inv : cadre.investigations) {
    if (!inv.opened_on || assessed < *inv.opened_on ||
        (inv.closed_on && inv.closed_on->year() <= year && *inv.closed_on <= as_of)) {
      continue;  // not open at the end of the year (as known on as_of)
    }
    const UpRule *r = ctx.at("grade-cap-investigation", *inv.opened_on);
    if (r == nullptr) {
      continue;
    }
    Cap c;
    c.severity = 2;
    c.reason.rule_id = r->rule->id;
    c.reason.check = "no-grade";
    c.reason.citations = ctx.cite(*r);
    c.reason.catalogue = r->catalogue;
    c.reason.record = RecordRef{.kind = RecordKind::kInvestigation, .id = inv.id, .cadre_id = ""};
    c.reason.since = inv.opened_on;
    const bool closed = inv.closed_on && *inv.closed_on <= as_of;
    if (closed) {
      c.reason.lifts_on = inv.closed_on;
    }
    const std::string basis = detail::basis_name(c.reason.citations);
    c.reason.explanation = {
        ds(*inv.opened_on) + "起立案审查（记录 " + inv.id + "），审查期间参加考核但不定等次，" +
            (closed ? ds(*inv.closed_on) + "结案后按处理结果补定等次。"
                    : "结案前此限制不解除，结案后按处理结果补定等次。") +
            "依据" + basis + "。",
        "Under investigation since " + ds(*inv.opened_on) + " (record " + inv.id +
            "): assessed but not graded" +
            (closed ? "; closed on " + ds(*inv.closed_on) + ", then graded after the outcome"
                    : "; the cap does not lift until the case is closed, then the grade is set "
                      "after the outcome") +
            "; under " + basis + "."};
    caps.add_reason(std::move(c));
  }
  // With a party and a government sanction, the party sanction sets the grade (组通字〔1998〕19号
  // item 7), unless the rule in force says the heavier governs: the government sanctions of the
  // year are set aside and the answer says so.
  std::vector<Cap> &all = caps.all();
  const UpRule *party_rule = nullptr;
  for (const Cap &c : all) {
    if (c.reason.record.kind == RecordKind::kPartySanction && c.reason.since) {
      const UpRule *r = ctx.at("grade-cap-party", *c.reason.since);
      if (r != nullptr && r->word("with_government_sanction") == "party-governs") {
        party_rule = r;
        break;
      }
    }
  }
  std::vector<std::string> set_aside;
  if (party_rule != nullptr) {
    std::erase_if(all, [&set_aside](const Cap &c) {
      if (c.reason.record.kind != RecordKind::kGovernmentSanction) {
        return false;
      }
      set_aside.push_back(c.reason.record.id);
      return true;
    });
  }
  // Several: the heaviest governs, listed first.
  std::stable_sort(all.begin(), all.end(),
                   [](const Cap &a, const Cap &b) { return a.severity > b.severity; });
  int worst = 0;
  for (Cap &c : all) {
    const detail::Exemption e = detail::exemption_for(
        cadre, c.reason.record, detail::Asking::kGradeCap, as_of, ctx.up, ctx.set);
    if (e.any()) {
      answer.exemptions.push_back(e.note);
      if (e.cancelled()) {
        Blocker b = std::move(c.reason);
        b.exemption_claim_id = e.claim->id;
        b.citations.insert(b.citations.end(), e.note.citations.begin(), e.note.citations.end());
        b.explanation.zh_cn = e.note.explanation.zh_cn + b.explanation.zh_cn;
        b.explanation.en = e.note.explanation.en + " " + b.explanation.en;
        answer.waived.push_back(std::move(b));
        answer.exemptions_applied.push_back(e.claim->id);
        continue;
      }
      c.reason.explanation.zh_cn += e.note.explanation.zh_cn;
      c.reason.explanation.en += " " + e.note.explanation.en;
    }
    worst = std::max(worst, c.severity);
    answer.reasons.push_back(std::move(c.reason));
  }
  answer.best_allowed = grade_of(worst);
  detail::dedupe(answer.exemptions_applied);
  const std::string y = std::to_string(year);
  if (worst == 0) {
    answer.explanation = {
        y + "年度考核等次不受处分、处理或者诫勉的限制。",
        "No sanction, treatment or admonishment caps the " + y + " annual grade."};
  } else {
    const std::size_t n = answer.reasons.size();
    answer.explanation = {y + "年度考核" + cap_zh(worst) + "（共" + std::to_string(n) +
                              "项限制，按影响较重的确定）；此限制适用于" + y +
                              "年度考核，不随时间推移解除。",
                          "The " + y + " annual assessment " + cap_en(worst) + " (" +
                              detail::count_en(static_cast<long long>(n), "cap", "caps") +
                              "; the heaviest governs); the cap applies to the " + y +
                              " assessment and does not lift with time."};
  }
  if (!set_aside.empty()) {
    std::string ids;
    for (const std::string &id : set_aside) {
      ids += (ids.empty() ? "" : ", ") + id;
    }
    const Parameter *p = party_rule->rule->parameter("with_government_sanction");
    const std::string basis = p != nullptr && p->citation
                                  ? detail::cite_name(*p->citation)
                                  : detail::basis_name(party_rule->rule->citations);
    answer.explanation.zh_cn += "同时受政务（行政）处分（记录 " + ids + "）的，依据" + basis +
                                "，按受党纪处分的情况确定考核等次。";
    answer.explanation.en += " The government sanction of the year (record " + ids +
                             ") is set aside: with a party sanction, the party sanction sets the "
                             "grade under " +
                             basis + ".";
  }
  return answer;
}

}  // namespace api_v1
}  // namespace cadre
