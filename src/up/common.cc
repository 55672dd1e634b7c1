#include "up/common.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "cadre/labels.hpp"
#include "screening/compiled.hpp"

namespace cadre::detail {
namespace {

std::string str(std::string_view v) { return std::string(v); }

std::string ds(Date d) { return d.to_string(); }

constexpr std::string_view kNoPromotionZh = "不得提拔或者进一步使用";
constexpr std::string_view kNoPromotionEn = "no promotion or greater use";

// A candidate for a period of @p months from @p start under @p rule.
Candidate period(const UpContext &ctx, const UpRule &rule, std::string check, RecordRef record,
                 Date start, int months, bool same_level, std::string what_zh, std::string what_en,
                 std::string effect_zh, std::string effect_en) {
  Candidate c;
  c.blocker.rule_id = rule.rule->id;
  c.blocker.check = std::move(check);
  c.blocker.citations = ctx.cite(rule);
  c.blocker.record = std::move(record);
  c.blocker.since = start;
  c.blocker.catalogue = rule.catalogue;
  c.blocks_same_level = same_level;
  c.start = start;
  c.months = months;
  c.counting = rule.counting;
  c.service = rule.word("bar") == "service";
  c.blocker.lifts_on = lifts_of(c);
  c.what_zh = std::move(what_zh);
  c.what_en = std::move(what_en);
  c.effect_zh = std::move(effect_zh);
  c.effect_en = std::move(effect_en);
  return c;
}

// 容错: removes a candidate (cancelled: into @p waived) or shortens it. Returns
// false when the candidate is waived.
bool apply_exemption(const UpContext &ctx, Candidate &c, std::vector<Blocker> &waived,
                     std::vector<ExemptionNote> &notes, std::vector<std::string> &applied) {
  explain_period(ctx, c);
  const Exemption e = exemption_for(ctx.cadre, c.blocker.record, Asking::kEligibility, ctx.as_of,
                                    ctx.up, ctx.set, c.months);
  if (!e.any()) {
    return true;
  }
  notes.push_back(e.note);
  if (e.cancelled()) {
    Blocker b = c.blocker;
    b.exemption_claim_id = e.claim->id;
    b.citations.insert(b.citations.end(), e.note.citations.begin(), e.note.citations.end());
    b.explanation.zh_cn = e.note.explanation.zh_cn + b.explanation.zh_cn;
    b.explanation.en = e.note.explanation.en + " " + b.explanation.en;
    waived.push_back(std::move(b));
    applied.push_back(e.claim->id);
    return false;
  }
  if (e.note.outcome == ExemptionOutcome::kShortened && c.start) {
    c.months = e.months;
    c.blocker.lifts_on = lifts_of(c);
    c.blocker.exemption_claim_id = e.claim->id;
    c.blocker.citations.insert(c.blocker.citations.end(), e.note.citations.begin(),
                               e.note.citations.end());
    explain_period(ctx, c);
    c.blocker.explanation.zh_cn += e.note.explanation.zh_cn;
    c.blocker.explanation.en += " " + e.note.explanation.en;
    applied.push_back(e.claim->id);
    return true;
  }
  c.blocker.explanation.zh_cn += e.note.explanation.zh_cn;
  c.blocker.explanation.en += " " + e.note.explanation.en;
  return true;
}

struct GovItem {
  const GovernmentSanction *sanction = nullptr;
  const UpRule *rule = nullptr;  // the version in force on its start
  Date start;
  int months = 0;
  std::string claim_id;  // 从轻 / 减轻 claim that shortened it
};

int government_months(const UpRule &r, GovernmentSanctionKind kind) {
  switch (kind) {
    case GovernmentSanctionKind::kWarning:
      return r.number("warning_months");
    case GovernmentSanctionKind::kDemerit:
      return r.number("demerit_months");
    case GovernmentSanctionKind::kMajorDemerit:
      return r.number("major_demerit_months");
    case GovernmentSanctionKind::kDowngrade:
      return r.number("downgrade_months");
    case GovernmentSanctionKind::kDismissalFromPost:
      return r.number("dismissal_months");
    default:
      return 0;
  }
}

std::string gov_zh(GovernmentSanctionKind k) { return str(label(k, Language::kZhCn)); }
std::string gov_en(GovernmentSanctionKind k) { return str(label(k, Language::kEn)); }

// Government sanctions composed (行政机关公务员处分条例 第十条; 政务处分法): one
// blocker per chain of overlapping sanctions, each sanction's period from the
// version in force on its own start.
void government_chains(const UpContext &ctx, std::vector<Candidate> &out,
                       std::vector<Blocker> &waived, std::vector<ExemptionNote> &notes,
                       std::vector<std::string> &applied) {
  std::vector<GovItem> items;
  for (const GovernmentSanction &g : ctx.cadre.government_sanctions) {
    const std::optional<Date> start = dated(g.effective_on, g.decided_on, ctx.as_of);
    if (!start || (g.decided_on && ctx.as_of < *g.decided_on)) {
      continue;  // not yet decided or in effect on the as-of date
    }
    const UpRule *rule = ctx.at("government-sanction-impact", *start);
    if (rule == nullptr) {
      continue;  // no rule in force on its date
    }
    const RecordRef ref{.kind = RecordKind::kGovernmentSanction, .id = g.id, .cadre_id = ""};
    if (g.kind == GovernmentSanctionKind::kExpulsion) {
      Candidate c = period(ctx, *rule, "expulsion", ref, *start, 0, true, "受到政务处分开除",
                           "was expelled (government sanction)", "解除人事关系",
                           "the employment relationship ends");
      c.blocker.lifts_on.reset();
      if (apply_exemption(ctx, c, waived, notes, applied)) {
        out.push_back(std::move(c));
      }
      continue;
    }
    const int months = government_months(*rule, g.kind);
    if (months == 0) {
      continue;
    }
    GovItem item{.sanction = &g, .rule = rule, .start = *start, .months = months, .claim_id = ""};
    const Exemption e =
        exemption_for(ctx.cadre, ref, Asking::kEligibility, ctx.as_of, ctx.up, ctx.set, months);
    if (e.any()) {
      notes.push_back(e.note);
      if (e.cancelled()) {
        Candidate c = period(ctx, *rule, gov_en(g.kind), ref, *start, months, false,
                             "受到政务处分" + gov_zh(g.kind),
                             "received a government sanction (" + gov_en(g.kind) + ")",
                             str(kNoPromotionZh), str(kNoPromotionEn));
        apply_exemption(ctx, c, waived, notes, applied);
        notes.pop_back();  // noted once
        continue;
      }
      if (e.note.outcome == ExemptionOutcome::kShortened) {
        item.months = e.months;
        item.claim_id = e.claim->id;
        applied.push_back(e.claim->id);
      }
    }
    items.push_back(item);
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const GovItem &a, const GovItem &b) { return a.start < b.start; });
  std::size_t i = 0;
  while (i < items.size()) {
    // One chain: groups of sanctions of the same start, each starting within the running period.
    const Date chain_start = items[i].start;
    const UpRule &chain_rule = *items[i].rule;
    Date end = chain_start;
    bool first = true;
    bool composed = false;
    std::vector<const GovItem *> members;
    while (i < items.size() && (first || items[i].start <= end)) {
      const Date group_start = items[i].start;
      std::size_t j = i;
      int sum = 0;
      int heaviest = 0;
      GovernmentSanctionKind heaviest_kind = items[i].sanction->kind;
      bool same_kind = true;
      for (; j < items.size() && items[j].start == group_start; ++j) {
        sum += items[j].months;
        same_kind = same_kind && items[j].sanction->kind == items[i].sanction->kind;
        if (items[j].sanction->kind >= heaviest_kind) {
          heaviest_kind = items[j].sanction->kind;
          heaviest = std::max(heaviest, items[j].months);
        }
        members.push_back(&items[j]);
      }
      // Same kind: between one period and the sum; without a recorded decision, the sum (the
      // upper bound). Different kinds: the heaviest governs.
      const int group_months = same_kind ? sum : heaviest;
      composed = composed || j - i > 1 || !first;
      end = first ? last_day(group_start, group_months, chain_rule.counting)
                  : end.add_months(group_months);
      first = false;
      i = j;
    }
    const int cap_months = chain_rule.number("cap_months");
    const Date cap = last_day(chain_start, cap_months, chain_rule.counting);
    const bool capped = cap < end;
    end = std::min(end, cap);
    std::optional<Date> lifts = end.add_days(1);
    bool all_lifted = true;
    std::optional<Date> last_lifted;
    for (const GovItem *m : members) {
      const std::optional<Date> l = m->sanction->lifted_on;
      if (!l || ctx.as_of < *l) {
        all_lifted = false;
      } else if (!last_lifted || *last_lifted < *l) {
        last_lifted = l;
      }
    }
    if (all_lifted && last_lifted && *last_lifted < *lifts) {
      lifts = last_lifted;
    }
    const GovItem &gov = *members.back();
    Candidate c;
    Blocker &b = c.blocker;
    b.rule_id = chain_rule.rule->id;
    b.check = composed ? "composed" : gov_en(gov.sanction->kind);
    b.catalogue = chain_rule.catalogue;
    b.record =
        RecordRef{.kind = RecordKind::kGovernmentSanction, .id = gov.sanction->id, .cadre_id = ""};
    b.lifts_on = lifts;
    b.since = chain_start;
    c.start = chain_start;
    b.citations = ctx.cite(chain_rule);
    std::string zh;
    std::string en;
    for (const GovItem *m : members) {
      if (m->rule != &chain_rule) {
        for (const Citation &cit : ctx.cite(*m->rule)) {
          b.citations.push_back(cit);
        }
      }
      zh += ds(m->start) + "起受到政务处分" + gov_zh(m->sanction->kind) + "（记录 " +
            m->sanction->id + "，" + std::to_string(m->months) + "个月" +
            (m->claim_id.empty() ? "" : "，已依容错决定 " + m->claim_id + " 缩短") + "）；";
      en += "from " + ds(m->start) + " a government sanction (" + gov_en(m->sanction->kind) +
            ", record " + m->sanction->id + ", " + months_en(m->months) +
            (m->claim_id.empty() ? "" : ", shortened by error-tolerance decision " + m->claim_id) +
            "); ";
      if (!m->claim_id.empty() && b.exemption_claim_id.empty()) {
        b.exemption_claim_id = m->claim_id;
      }
    }
    const std::string basis = basis_name(b.citations);
    if (composed) {
      zh += "合并计算处分期" +
            (capped ? "（最长不超过" + std::to_string(cap_months) + "个月）" : std::string()) +
            "，";
      en +=
          "composed" + (capped ? " (at most " + months_en(cap_months) + ")" : std::string()) + "; ";
    }
    zh += "依据" + basis + "，处分期内不得晋升职务、职级（" + counting_zh(chain_rule.counting) +
          "），至" + ds(lifts->add_days(-1)) + "止，" + ds(*lifts) + "起解除。";
    en += "under " + basis + ", no promotion during the sanction period (" +
          counting_en(chain_rule.counting) + "), through " + ds(lifts->add_days(-1)) +
          "; lifts on " + ds(*lifts) + ".";
    b.explanation = {std::move(zh), std::move(en)};
    out.push_back(std::move(c));
  }
}

bool is_org_removal(OrganisationalMeasure m) {
  return m == OrganisationalMeasure::kOrderedResignation ||
         m == OrganisationalMeasure::kResignationTakingBlame ||
         m == OrganisationalMeasure::kRemoval;
}

bool is_removal_method(AdjustmentMethod m) {
  return m == AdjustmentMethod::kOrderedResignation ||
         m == AdjustmentMethod::kResignationTakingBlame || m == AdjustmentMethod::kRemoval;
}

bool has(const std::vector<std::string> &v, const std::string &x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

UpContext UpContext::make(const Cadre &cadre, Date as_of, const Engine &engine) {
  UpContext ctx{cadre, as_of, &engine.config().catalogues, nullptr, {}};
  if (const Catalogue *cat = engine.catalogue_for(cadre, as_of)) {
    const auto &up = engine.compiled().up;
    if (const auto it = up.find(cat); it != up.end()) {
      ctx.up = &it->second;
      ctx.ref = it->second.ref;
    }
  }
  return ctx;
}

std::vector<Citation> UpContext::conventions() const {
  const UpRule *r = at("period-conventions", as_of);
  return r != nullptr ? cite(*r) : std::vector<Citation>{};
}

std::optional<Date> dated(std::optional<Date> a, std::optional<Date> b, Date as_of) {
  const std::optional<Date> d = first_of(a, b);
  if (d && as_of < *d) {
    // The record's day is after the as-of date: use the other day only if it is not.
    const std::optional<Date> other = a ? b : std::nullopt;
    return other && !(as_of < *other) ? other : std::nullopt;
  }
  return d;
}

std::string count_en(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string months_en(int n) { return count_en(n, "month", "months"); }

std::string years_en(int n) { return count_en(n, "year", "years"); }

std::string ref_zh(const RecordRef &r) { return "（记录 " + r.id + "）"; }

std::string ref_en(const RecordRef &r) { return " (record " + r.id + ")"; }

RecordRef cadre_ref(const Cadre &cadre) {
  return RecordRef{.kind = RecordKind::kCadre, .id = cadre.id, .cadre_id = ""};
}

Date lifts_of(const Candidate &c) {
  const Date from = c.from ? *c.from : *c.start;
  if (c.service) {
    return reached(from, c.months, c.counting, Threshold::kAtLeast);
  }
  return day_after(from, c.months, c.counting);
}

void explain_period(const UpContext &ctx, Candidate &c) {
  Blocker &b = c.blocker;
  if (c.counting == Counting::kStartDayNotCounted || c.service) {
    // The civil-law default: cite the law in force on the as-of date, once.
    for (const Citation &k : ctx.conventions()) {
      if (std::none_of(b.citations.begin(), b.citations.end(), [&](const Citation &x) {
            return x.key == k.key && x.article == k.article;
          })) {
        b.citations.push_back(k);
      }
    }
  }
  const std::string basis = basis_name(b.citations);
  const std::string start = c.start ? ds(*c.start) : std::string();
  const std::string from = c.from ? ds(*c.from) : start;
  std::string zh = start + c.what_zh + ref_zh(b.record) + "，依据" + basis + "，";
  std::string en = "On " + (c.start ? start : std::string("?")) + " the cadre " + c.what_en +
                   ref_en(b.record) + "; under " + basis + ", ";
  if (b.lifts_on && c.service) {
    zh += "须在新的职位工作" + std::to_string(c.months) + "个月以上（" + counting_zh(c.counting) +
          "，以上含本数），" + ds(*b.lifts_on) + "满期，此前" + c.effect_zh + "。";
    en += c.effect_en + " before " + months_en(c.months) + " or more in the new post (" +
          counting_en(c.counting) + "; \"or more\" includes the number), reached on " +
          ds(*b.lifts_on) + ".";
  } else if (b.lifts_on) {
    zh += std::to_string(c.months) + "个月内" + c.effect_zh + "（自" + from + "起算，" +
          counting_zh(c.counting) + "），至" + ds(b.lifts_on->add_days(-1)) + "止，" +
          ds(*b.lifts_on) + "起解除。";
    en += c.effect_en + " for " + months_en(c.months) + " from " + from + " (" +
          counting_en(c.counting) + "), through " + ds(b.lifts_on->add_days(-1)) + "; lifts on " +
          ds(*b.lifts_on) + ".";
  } else {
    zh += c.effect_zh + "，不因期满自行解除。";
    en += c.effect_en + "; it does not lift by itself.";
  }
  b.explanation = {std::move(zh), std::move(en)};
}

Candidate simple(const UpContext &ctx, const UpRule &rule, std::string check, RecordRef record,
                 std::optional<Date> lifts_on, std::string zh, std::string en) {
  Candidate c;
  c.blocker.rule_id = rule.rule->id;
  c.blocker.check = std::move(check);
  c.blocker.citations = ctx.cite(rule);
  c.blocker.record = std::move(record);
  c.blocker.lifts_on = lifts_on;
  c.blocker.catalogue = rule.catalogue;
  if (lifts_on && rule.counting == Counting::kStartDayNotCounted) {
    // A length reached under the civil-law default: cite the law of the as-of date.
    for (const Citation &k : ctx.conventions()) {
      c.blocker.citations.push_back(k);
    }
  }
  const std::string basis = basis_name(c.blocker.citations);
  if (!lifts_on) {
    zh += "此项不因时间推移自行解除。";
    en += " It does not lift by itself.";
  }
  c.blocker.explanation = {std::move(zh) + "（依据" + basis + "）",
                           std::move(en) + " (under " + basis + ")"};
  return c;
}

void impact_periods(const UpContext &ctx, std::vector<Candidate> &out, std::vector<Blocker> &waived,
                    std::vector<ExemptionNote> &notes, std::vector<std::string> &applied) {
  const Cadre &cadre = ctx.cadre;
  std::vector<Candidate> raw;
  const std::string no_promo_zh(kNoPromotionZh);
  const std::string no_promo_en(kNoPromotionEn);
  const auto admonishment = [&](RecordKind kind, const std::string &id, Date day, const char *zh,
                                const char *en) {
    if (const UpRule *r = ctx.at("admonishment-impact", day)) {
      raw.push_back(period(ctx, *r, "admonishment", {kind, id, ""}, day, r->number("months"), false,
                           zh, en, "不得提拔或者重用", "no promotion or greater use"));
    }
  };
  for (const EarlyWarning &w : cadre.early_warnings) {
    if (w.kind == EarlyWarningKind::kAdmonishment && w.issued_on && *w.issued_on <= ctx.as_of) {
      admonishment(RecordKind::kEarlyWarning, w.id, *w.issued_on, "受到诫勉",
                   "was admonished (诫勉)");
    }
  }
  std::vector<std::string> removal_decisions;
  std::vector<std::string> adjustment_decisions;
  std::vector<std::string> demotion_decisions;
  const auto removal = [&](RecordKind kind, const std::string &id, Date day, const char *zh,
                           const char *en) {
    const UpRule *r = ctx.at("accountability-removal-impact", day);
    if (r == nullptr) {
      return;
    }
    raw.push_back(period(ctx, *r, "no-post", {kind, id, ""}, day, r->number("no_post_months"), true,
                         zh, en, "不安排领导职务", "no leadership post"));
    raw.push_back(
        period(ctx, *r, "no-higher", {kind, id, ""}, day, r->number("no_higher_months"), false, zh,
               en, "不得担任高于原任职务层次的领导职务（同时受党纪政务处分的，按影响期长的执行）",
               "no post above the former rank level (where a party or government "
               "sanction runs too, the longer period governs)"));
  };
  const auto post_adjustment = [&](RecordKind kind, const std::string &id, Date day) {
    if (const UpRule *r = ctx.at("post-adjustment-impact", day)) {
      raw.push_back(period(ctx, *r, "post-adjustment", {kind, id, ""}, day, r->number("months"),
                           false, "受到调整职务处理",
                           "had the post adjusted as organisational treatment", "不得提拔",
                           "no promotion"));
    }
  };
  const auto demotion = [&](RecordKind kind, const std::string &id, Date day) {
    if (const UpRule *r = ctx.at("demotion-impact", day)) {
      raw.push_back(period(ctx, *r, "demotion", {kind, id, ""}, day, r->number("months"), false,
                           "被降职", "was demoted", "不得晋升职务", "no promotion"));
    }
  };
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    if (!d.decided_on || ctx.as_of < *d.decided_on) {
      continue;
    }
    const Date day = *d.decided_on;
    if (std::find(d.forms.begin(), d.forms.end(), AccountabilityForm::kAdmonishment) !=
        d.forms.end()) {
      admonishment(RecordKind::kAccountabilityDecision, d.id, day, "被问责予以诫勉",
                   "was admonished through accountability");
    }
    if (std::any_of(d.measures.begin(), d.measures.end(), is_org_removal)) {
      removal_decisions.push_back(d.id);
      removal(RecordKind::kAccountabilityDecision, d.id, day, "因问责引咎辞职、责令辞职或者被免职",
              "resigned taking the blame, was ordered to resign or was removed through "
              "accountability");
    }
    if (std::find(d.measures.begin(), d.measures.end(), OrganisationalMeasure::kPostAdjustment) !=
        d.measures.end()) {
      adjustment_decisions.push_back(d.id);
      post_adjustment(RecordKind::kAccountabilityDecision, d.id, day);
    }
    if (std::find(d.measures.begin(), d.measures.end(), OrganisationalMeasure::kDemotion) !=
        d.measures.end()) {
      demotion_decisions.push_back(d.id);
      demotion(RecordKind::kAccountabilityDecision, d.id, day);
    }
  }
  for (const Adjustment &a : cadre.adjustments) {
    const std::optional<Date> day = dated(a.executed_on, a.decided_on, ctx.as_of);
    if (!day || (a.decided_on && ctx.as_of < *a.decided_on)) {
      continue;
    }
    if (a.channel == Channel::kUnsuitable &&
        (a.method == AdjustmentMethod::kTransferOut || a.method == AdjustmentMethod::kRemoval)) {
      if (const UpRule *r = ctx.at("unsuitable-adjustment-impact", *day)) {
        raw.push_back(period(ctx, *r, "unsuitable-adjustment", {RecordKind::kAdjustment, a.id, ""},
                             *day, r->number("months"), false, "因不适宜担任现职被调离岗位或者免职",
                             "was transferred out or removed as unsuitable for the post",
                             "不得提拔", "no promotion"));
      }
    }
    if (a.method == AdjustmentMethod::kDemotion && !has(demotion_decisions, a.basis_id)) {
      demotion(RecordKind::kAdjustment, a.id, *day);
    }
    if (a.channel == Channel::kAccountability && is_removal_method(a.method) &&
        !has(removal_decisions, a.basis_id)) {
      removal(RecordKind::kAdjustment, a.id, *day, "因问责引咎辞职、责令辞职或者被免职",
              "left the post through accountability");
    }
    if (a.channel == Channel::kAccountability && a.method == AdjustmentMethod::kTransferOut &&
        !has(adjustment_decisions, a.basis_id)) {
      post_adjustment(RecordKind::kAdjustment, a.id, *day);
    }
  }
  for (const PartySanction &s : cadre.party_sanctions) {
    const std::optional<Date> start = dated(s.effective_on, s.decided_on, ctx.as_of);
    if (!start || (s.decided_on && ctx.as_of < *s.decided_on)) {
      continue;
    }
    const UpRule *r = ctx.at("party-sanction-impact", *start);
    if (r == nullptr) {
      continue;
    }
    const RecordRef ref{RecordKind::kPartySanction, s.id, ""};
    switch (s.kind) {
      case PartySanctionKind::kWarning:
        raw.push_back(period(ctx, *r, "warning", ref, *start, r->number("warning_months"), false,
                             "受到党内警告处分", "received a party warning", no_promo_zh,
                             no_promo_en));
        break;
      case PartySanctionKind::kSeriousWarning:
        raw.push_back(period(ctx, *r, "serious-warning", ref, *start,
                             r->number("serious_warning_months"), false, "受到党内严重警告处分",
                             "received a serious party warning", no_promo_zh, no_promo_en));
        break;
      case PartySanctionKind::kRemovalFromPartyPost:
        raw.push_back(period(ctx, *r, "removal-from-party-post", ref, *start,
                             r->number("removal_from_party_post_months"), true,
                             "受到撤销党内职务处分", "was removed from party posts",
                             "不得担任与原任职务相当或者高于原任职务的职务",
                             "no post equal to or above the former one"));
        break;
      case PartySanctionKind::kProbationWithinParty: {
        const int years = s.probation_years > 0 ? s.probation_years : 1;
        const bool restored_known = s.restored_on && !(ctx.as_of < *s.restored_on);
        const Date restored = restored_known ? *s.restored_on : start->add_years(years);
        const int after = r->number("after_restoration_months");
        Candidate c = period(ctx, *r, "probation", ref, *start, after, true, "", "", "", "");
        c.from = restored;
        c.blocker.lifts_on = lifts_of(c);
        const std::string restored_zh = restored_known
                                            ? ds(restored) + "恢复党员权利"
                                            : "按察看" + std::to_string(years) + "年推定" +
                                                  ds(restored) + "恢复党员权利（恢复日期未记录）";
        const std::string restored_en =
            restored_known ? "party rights restored on " + ds(restored)
                           : "party rights taken as restored on " + ds(restored) + " after " +
                                 years_en(years) + " (no restoration date recorded)";
        c.what_zh = "受到留党察看处分，" + restored_zh;
        c.what_en = "was put on probation within the party, " + restored_en;
        c.effect_zh = "不得担任与原任职务相当或者更高的职务（察看期间亦同）";
        c.effect_en = "no post equal to or above the former one (nor during the probation)";
        raw.push_back(std::move(c));
        break;
      }
      case PartySanctionKind::kExpulsion: {
        Candidate c = period(ctx, *r, "expulsion", ref, *start, 0, true, "受到开除党籍处分",
                             "was expelled from the party", "不得担任党员领导职务",
                             "no post reserved for party members");
        c.blocker.lifts_on.reset();
        raw.push_back(std::move(c));
        break;
      }
      default:
        break;
    }
  }
  for (Candidate &c : raw) {
    if (apply_exemption(ctx, c, waived, notes, applied)) {
      out.push_back(std::move(c));
    }
  }
  government_chains(ctx, out, waived, notes, applied);
}

Cadre known_on(const Cadre &cadre, Date day) {
  Cadre c = cadre;
  const auto after = [day](const std::optional<Date> &d) { return d && day < *d; };
  const auto clear_after = [&](std::optional<Date> &d) {
    if (after(d)) {
      d.reset();
    }
  };
  std::erase_if(c.posts, [&](const Post &p) { return after(p.start_date); });
  for (Post &p : c.posts) {
    if (after(p.end_date)) {
      p.end_date.reset();
      p.end_reason = PostEndReason::kUnspecified;
    }
    std::erase_if(p.terms, [&](const TermOfOffice &t) { return after(t.start_date); });
    for (TermOfOffice &t : p.terms) {
      clear_after(t.end_date);
    }
  }
  std::erase_if(c.assessments, [&](const AnnualAssessment &a) {
    return a.decided_on ? after(a.decided_on) : day.year() <= a.year;
  });
  std::erase_if(c.incidents,
                [&](const Incident &i) { return after(first_of(i.recorded_on, i.occurred_on)); });
  std::erase_if(c.accountability_decisions,
                [&](const AccountabilityDecision &d) { return after(d.decided_on); });
  std::erase_if(c.party_sanctions, [&](const PartySanction &s) {
    return after(s.decided_on) || after(first_of(s.effective_on, s.decided_on));
  });
  for (PartySanction &s : c.party_sanctions) {
    clear_after(s.restored_on);
  }
  std::erase_if(c.government_sanctions, [&](const GovernmentSanction &s) {
    return after(s.decided_on) || after(first_of(s.effective_on, s.decided_on));
  });
  for (GovernmentSanction &s : c.government_sanctions) {
    clear_after(s.lifted_on);
  }
  std::erase_if(c.early_warnings, [&](const EarlyWarning &w) { return after(w.issued_on); });
  for (EarlyWarning &w : c.early_warnings) {
    if (after(w.reviewed_on)) {
      w.reviewed_on.reset();
      w.corrected = false;
    }
  }
  std::erase_if(c.investigations, [&](const Investigation &i) { return after(i.opened_on); });
  for (Investigation &i : c.investigations) {
    clear_after(i.closed_on);
  }
  std::erase_if(c.exemption_claims, [&](const ExemptionClaim &e) {
    return after(e.decided_on) || after(e.claimed_on);
  });
  std::erase_if(c.adjustments,
                [&](const Adjustment &a) { return after(first_of(a.decided_on, a.executed_on)); });
  for (Adjustment &a : c.adjustments) {
    clear_after(a.executed_on);
  }
  std::erase_if(c.health_spells, [&](const HealthSpell &h) { return after(h.start_date); });
  for (HealthSpell &h : c.health_spells) {
    clear_after(h.end_date);
  }
  std::erase_if(c.study_leaves, [&](const StudyLeave &l) { return after(l.start_date); });
  for (StudyLeave &l : c.study_leaves) {
    clear_after(l.end_date);
  }
  std::erase_if(c.resignation_requests,
                [&](const ResignationRequest &r) { return after(r.submitted_on); });
  for (ResignationRequest &r : c.resignation_requests) {
    clear_after(r.accepted_on);
  }
  std::erase_if(c.family_situations, [&](const FamilySituation &f) { return after(f.since); });
  for (FamilySituation &f : c.family_situations) {
    clear_after(f.until);
  }
  std::erase_if(c.assignment_refusals,
                [&](const AssignmentRefusal &r) { return after(r.refused_on); });
  std::erase_if(c.age_limit_delays, [&](const AgeLimitDelay &d) {
    return after(d.proposed_on) || after(d.approved_on);
  });
  return c;
}

void sort_blockers(std::vector<Blocker> &v) {
  std::stable_sort(v.begin(), v.end(), [](const Blocker &a, const Blocker &b) {
    if (a.lifts_on.has_value() != b.lifts_on.has_value()) {
      return a.lifts_on.has_value();
    }
    if (a.lifts_on && *a.lifts_on != *b.lifts_on) {
      return *a.lifts_on < *b.lifts_on;
    }
    if (a.rule_id != b.rule_id) {
      return a.rule_id < b.rule_id;
    }
    return a.check < b.check;
  });
}

void dedupe(std::vector<std::string> &v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace cadre::detail
