#include "cadre/eligibility.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadre {
inline namespace api_v1 {
namespace {

Citation cite(std::string document, std::string number, int year, std::string article,
              Verification verification, std::string supports) {
  return Citation{
      .document = std::move(document),
      .document_number = std::move(number),
      .year = year,
      .article = std::move(article),
      .item = "",
      .verification = verification,
      .supports = std::move(supports),
  };
}

constexpr std::string_view kXbry = "《党政领导干部选拔任用工作条例》";
constexpr std::string_view kXbryNo = "中发〔2019〕8号";
constexpr std::string_view kJlcf = "《中国共产党纪律处分条例》";
constexpr std::string_view kZwcf = "《中华人民共和国公职人员政务处分法》";
constexpr std::string_view kXzcf = "《行政机关公务员处分条例》";

Citation xbry(std::string article, Verification v, std::string supports) {
  return cite(std::string(kXbry), std::string(kXbryNo), 2019, std::move(article), v,
              std::move(supports));
}

PolicyPeriod period(std::string id, int months, Citation citation) {
  return PolicyPeriod{.id = std::move(id), .months = months, .citation = std::move(citation)};
}

}  // namespace

EligibilityPolicy EligibilityPolicy::national() {
  EligibilityPolicy p;
  // 诫勉: the effect is seen in local rules only (南昌 2016, 常州 2015); the central 细则 is
  // recalled.
  p.admonishment = period(
      "up.admonishment", 6,
      cite("《关于组织人事部门对领导干部进行提醒、函询和诫勉的实施细则》（南昌2016年操作办法）", "",
           2016, "", Verification::kSawLocal,
           "受到诫勉的领导干部，6个月内不得提拔或者重用（中央细则原文未核实）"));
  p.unsuitable_adjustment =
      period("up.unsuitable-adjustment", 12,
             xbry("", Verification::kSaw, "因不适宜担任现职调离岗位、免职的，一年内不得提拔"));
  p.demotion = period("up.demotion", 12,
                      cite("《公务员职务任免与职务升降规定（试行）》", "", 0, "",
                           Verification::kSaw, "降职的公务员，在新的职位工作一年以上…可晋升职务"));
  p.accountability_no_post =
      period("up.accountability.no-post", 12,
             xbry("", Verification::kSaw,
                  "引咎辞职、责令辞职和因问责被免职的党政领导干部，一年内不安排领导职务"));
  p.accountability_no_higher = period("up.accountability.no-higher", 24,
                                      xbry("", Verification::kSaw,
                                           "两年内不得担任高于原任职务层次的领导职务；同时受到党纪"
                                           "政务处分的，按照影响期长的规定执行"));
  p.party_warning = period("up.party.warning", 12,
                           cite(std::string(kJlcf), "", 2018, "", Verification::kSaw,
                                "受到警告处分一年内，不得在党内提拔职务或者进一步使用"));
  p.party_serious_warning =
      period("up.party.serious-warning", 18,
             cite(std::string(kJlcf), "", 2018, "", Verification::kSaw,
                  "受到严重警告处分一年半内，不得在党内提拔职务或者进一步使用"));
  p.party_removal_from_post =
      period("up.party.removal-from-post", 24,
             cite(std::string(kJlcf), "", 2018, "", Verification::kSaw,
                  "撤销党内职务处分，二年内不得担任与其原任职务相当或者高于其原任职务的职务"));
  p.party_after_restoration = period(
      "up.party.probation", 24,
      cite(std::string(kJlcf), "", 2018, "", Verification::kSaw,
           "留党察看期间党内职务自然撤销；恢复党员权利后二年内不得担任与原任职务相当或者高于原任"
           "职务的职务"));
  const auto zwcf8 = [](std::string supports) {
    return cite(std::string(kZwcf), "", 2020, "第八条", Verification::kSaw, std::move(supports));
  };
  p.government_warning = period("up.government.warning", 6, zwcf8("警告，六个月"));
  p.government_demerit = period("up.government.demerit", 12, zwcf8("记过，十二个月"));
  p.government_major_demerit = period("up.government.major-demerit", 18, zwcf8("记大过，十八个月"));
  p.government_downgrade = period("up.government.downgrade", 24, zwcf8("降级、撤职，二十四个月"));
  p.government_dismissal = period("up.government.dismissal", 24, zwcf8("降级、撤职，二十四个月"));
  p.government_cap = period(
      "up.government.composed", 48,
      cite(
          std::string(kXzcf), "", 2007, "第十条", Verification::kSaw,
          "受到两种以上处分的执行最重的处分；同种处分的处分期在一个处分期以上、多个处分期之和以下；"
          "处分期内又受处分的，执行剩余期限加新处分期；最长不得超过48个月"));
  p.government_composition_law =
      cite(std::string(kZwcf), "", 2020, "", Verification::kRecalled,
           "政务处分法的合并执行规定（与行政机关公务员处分条例第十条相近，未核实）");
  p.working_years =
      period("up.prerequisite.working-years", 60,
             xbry("第八条", Verification::kSaw, "提任县处级领导职务的，应当具有五年以上工龄"));
  p.grassroots = period(
      "up.prerequisite.grassroots", 24,
      xbry("第八条", Verification::kSaw, "提任县处级领导职务的，应当具有两年以上基层工作经历"));
  p.deputy_to_principal =
      period("up.prerequisite.deputy-to-principal", 24,
             xbry("第八条", Verification::kSaw, "由副职提任正职的，应当在副职岗位工作两年以上"));
  p.principal_to_higher_deputy =
      period("up.prerequisite.principal-to-higher-deputy", 36,
             xbry("第八条", Verification::kSaw,
                  "由下级正职提任上级副职的，应当在下级正职岗位工作三年以上"));
  p.exceptional_after_promotion = period(
      "up.exceptional.after-promotion", 12,
      xbry("第九条", Verification::kSaw,
           "任职试用期未满或者提拔任职不满一年的，不得破格提拔（2014年文本；2019年相同，未核实）"));
  p.failed_probation =
      period("up.probation.failed", 12,
             cite("《党政领导干部任职试用期暂行规定》", "", 2001, "", Verification::kRecalled,
                  "试用期满考核不合格的，免去试任职务；此后不予提拔的期间为可配置政策（未核实）"));
  p.exceptional_limits =
      xbry("第九条", Verification::kSaw, "不得在任职年限上连续破格；不得越两级提拔");
  p.probation = cite("《党政领导干部任职试用期暂行规定》", "", 2001, "", Verification::kSaw,
                     "提拔担任非选举产生的领导职务，试用期为一年；期满考核合格的，正式任职");
  p.candidate_exclusions = xbry(
      "第二十四条", Verification::kSaw,
      "上一年年度考核结果为基本称职以下等次的；配偶已移居国（境）外，或者没有配偶但子女均已移居"
      "国（境）外的；受到诫勉、组织处理或者党纪政务处分等影响期未满的，不得列为考察对象");
  p.investigation = cite("（未见依据：立案审查期间不得提拔）", "", 0, "", Verification::kRecalled,
                         "policy: no promotion while under investigation");
  p.exemption = cite("《中国共产党问责条例》", "", 2019, "第十七条", Verification::kSaw,
                     "有下列情形之一的，可以不予问责或者免予问责");
  p.exemption_effects = cite(
      "《关于建立容错纠错机制激励干部担当作为的实施意见》（江苏）", "", 2017, "",
      Verification::kSawLocal,
      "容错免责的，在各类考核和提拔任用、职级职称晋升、评先评优、表彰奖励以及后备干部资格等方面同样"
      "看待、不受影响");
  p.grade_caps =
      cite("《关于受党纪政纪处分的公务员年度考核问题的意见》", "组通字〔1998〕19号", 1998, "",
           Verification::kSaw, "受党纪政纪处分的，按对年度考核结果影响较重的处分确定考核等次");
  p.grade_caps_secondary = cite(
      "（受处分、组织处理、诫勉影响年度考核等次的汇总表）", "", 0, "", Verification::kSawSecondary,
      "政务警告、诫勉、调整职务：当年不得评为优秀；记过：当年不定等次；记大过、降级、撤职：当年及"
      "第二年不定等次；责令辞职、免职、降职：当年不定等次");
  p.adjustment_deadline =
      period("consistency.no-adjustment", 1,
             cite("《中国共产党问责条例》", "", 2016, "第九条", Verification::kSaw,
                  "涉及组织调整或者组织处理的，应当在一个月内办理完毕相应手续"));
  p.sanction_adjustment_deadline = period(
      "consistency.sanction-without-adjustment", 1,
      cite(std::string(kZwcf), "", 2020, "", Verification::kSawSecondary,
           "降级以上的，人事部门在决定后一个月内办理职务、工资等变更（党纪撤销党内职务、留党察"
           "看、开除党籍适用同一期限为可配置政策，未核实）"));
  p.discipline_track =
      cite("《推进领导干部能上能下若干规定（试行）》", "", 2015, "第二条", Verification::kSaw,
           "涉及违纪违法行为的，按照党的纪律规定和有关法律法规办理");
  p.dual_track =
      cite("（防止以纪律处分规避组织调整、以组织调整代替纪律处分）", "", 0, "",
           Verification::kRecalled, "policy: both tracks apply; neither replaces the other");
  return p;
}

namespace {

// The day a ban of @p months counted from @p start lifts: the day after its last day.
Date ban_lifts(Date start, int months) { return start.add_months(months).add_days(1); }

std::string ds(Date d) { return d.to_string(); }

std::string ref_zh(const RecordRef &r) { return "（记录 " + r.id + "）"; }
std::string ref_en(const RecordRef &r) { return " (record " + r.id + ")"; }

std::string doc_of(const Citation &c) {
  std::string s = c.document;
  if (!c.document_number.empty()) {
    s += "（" + c.document_number + "）";
  }
  s += c.article;
  return s;
}

// A blocker in the making: what it blocks and which 容错 effect cancels it.
struct Candidate {
  Blocker blocker;
  bool blocks_same_level = false;  // also blocks use at the same level
  std::optional<Date> start;       // start of the impact period, for 从轻 / 减轻
  int months = 0;                  // the period; 0 for blockers that are not a period
  bool ban = true;                 // true: lifts the day after the period; false: on its end
  std::string what_zh;             // e.g. "受到诫勉"
  std::string what_en;             // e.g. "was admonished"
  std::string effect_zh;           // e.g. "不得提拔或者重用"
  std::string effect_en;           // e.g. "no promotion or greater use"
};

const ExemptionClaim *claim_for(const Cadre &cadre, const RecordRef &record) {
  const ExemptionClaim *found = nullptr;
  for (const ExemptionClaim &c : cadre.exemption_claims) {
    if (c.concerns.kind != record.kind || c.concerns.id != record.id ||
        (!c.concerns.cadre_id.empty() && c.concerns.cadre_id != cadre.id)) {
      continue;
    }
    if (c.decision == ExemptionDecision::kExempt || c.decision == ExemptionDecision::kLighter ||
        c.decision == ExemptionDecision::kMitigated || c.decision == ExemptionDecision::kDenied) {
      found = &c;  // the last decided claim governs
    }
  }
  return found;
}

bool cancels(const ExemptionClaim &c, ExemptionEffect effect) {
  return c.decision == ExemptionDecision::kExempt &&
         std::find(c.effects_cancelled.begin(), c.effects_cancelled.end(), effect) !=
             c.effects_cancelled.end();
}

// Writes the explanation of a period blocker from its parts.
void explain_period(Candidate &c) {
  Blocker &b = c.blocker;
  const Citation &main = b.citations.front();
  std::string zh = c.start ? ds(*c.start) : std::string();
  zh += c.what_zh + ref_zh(b.record) + "，依据" + doc_of(main) + "（" + main.supports + "），";
  std::string en = "On " + (c.start ? ds(*c.start) : std::string("?")) + " the cadre " + c.what_en +
                   ref_en(b.record) + "; under " + doc_of(main) + ", ";
  if (b.lifts_on) {
    zh += std::to_string(c.months) + "个月内" + c.effect_zh + "，至" +
          ds(b.lifts_on->add_days(-1)) + "止，" + ds(*b.lifts_on) + "起解除。";
    en += c.effect_en + " for " + std::to_string(c.months) + " months, through " +
          ds(b.lifts_on->add_days(-1)) + "; lifts on " + ds(*b.lifts_on) + ".";
  } else {
    zh += c.effect_zh + "，不因期满自行解除。";
    en += c.effect_en + "; it does not lift by itself.";
  }
  b.explanation = {std::move(zh), std::move(en)};
}

Candidate period_candidate(const PolicyPeriod &p, RecordKind kind, const std::string &id,
                           Date start, int months, bool same_level, std::string what_zh,
                           std::string what_en, std::string effect_zh, std::string effect_en) {
  Candidate c;
  c.blocker.rule_id = p.id;
  c.blocker.citations = {p.citation};
  c.blocker.record = RecordRef{.kind = kind, .id = id, .cadre_id = ""};
  c.blocker.lifts_on = ban_lifts(start, months);
  c.blocks_same_level = same_level;
  c.start = start;
  c.months = months;
  c.what_zh = std::move(what_zh);
  c.what_en = std::move(what_en);
  c.effect_zh = std::move(effect_zh);
  c.effect_en = std::move(effect_en);
  return c;
}

std::optional<Date> first_of(std::optional<Date> a, std::optional<Date> b) { return a ? a : b; }

constexpr std::string_view kNoPromotionZh = "不得提拔或者进一步使用";
constexpr std::string_view kNoPromotionEn = "no promotion or greater use";

// 容错: removes (免责 with the effect) or shortens (从轻 / 减轻 with impact_months) a candidate.
// Returns false when the candidate is waived (moved to @p waived).
bool apply_exemption(const Cadre &cadre, Candidate &c, ExemptionEffect effect,
                     const EligibilityPolicy &policy, std::vector<Blocker> &waived,
                     std::vector<std::string> &applied) {
  const ExemptionClaim *claim = claim_for(cadre, c.blocker.record);
  if (claim == nullptr || claim->decision == ExemptionDecision::kDenied) {
    return true;
  }
  if (cancels(*claim, effect)) {
    Blocker b = c.blocker;
    b.exemption_claim_id = claim->id;
    b.citations.push_back(policy.exemption);
    b.citations.push_back(policy.exemption_effects);
    b.explanation.zh_cn = "已依容错免责决定（记录 " + claim->id + "）不受影响：" +
                          b.explanation.zh_cn + "（依据" + doc_of(policy.exemption) + "、" +
                          doc_of(policy.exemption_effects) + "）";
    b.explanation.en = "Waived by the error-tolerance exemption (record " + claim->id +
                       "): " + b.explanation.en + " (under " + doc_of(policy.exemption) + " and " +
                       doc_of(policy.exemption_effects) + ")";
    waived.push_back(std::move(b));
    applied.push_back(claim->id);
    return false;
  }
  if ((claim->decision == ExemptionDecision::kLighter ||
       claim->decision == ExemptionDecision::kMitigated) &&
      claim->impact_months > 0 && c.start && c.months > 0 && claim->impact_months < c.months) {
    c.months = claim->impact_months;
    c.blocker.lifts_on = c.ban ? ban_lifts(*c.start, c.months) : c.start->add_months(c.months);
    c.blocker.exemption_claim_id = claim->id;
    c.blocker.citations.push_back(policy.exemption);
    explain_period(c);
    const char *how = claim->decision == ExemptionDecision::kLighter ? "从轻" : "减轻";
    c.blocker.explanation.zh_cn += std::string("影响期已依容错") + how + "决定（记录 " + claim->id +
                                   "）缩短为" + std::to_string(c.months) + "个月（依据" +
                                   doc_of(policy.exemption) + "）。";
    c.blocker.explanation.en += " The period was shortened to " + std::to_string(c.months) +
                                " months by the error-tolerance decision (record " + claim->id +
                                ", lighter or mitigated treatment).";
    applied.push_back(claim->id);
  }
  return true;
}

struct GovItem {
  const GovernmentSanction *sanction = nullptr;
  Date start;
  int months = 0;
  std::string claim_id;  // 从轻 / 减轻 claim that shortened it
};

const PolicyPeriod *government_period(GovernmentSanctionKind kind, const EligibilityPolicy &p) {
  switch (kind) {
    case GovernmentSanctionKind::kWarning:
      return &p.government_warning;
    case GovernmentSanctionKind::kDemerit:
      return &p.government_demerit;
    case GovernmentSanctionKind::kMajorDemerit:
      return &p.government_major_demerit;
    case GovernmentSanctionKind::kDowngrade:
      return &p.government_downgrade;
    case GovernmentSanctionKind::kDismissalFromPost:
      return &p.government_dismissal;
    default:
      return nullptr;
  }
}

const char *government_zh(GovernmentSanctionKind kind) {
  switch (kind) {
    case GovernmentSanctionKind::kWarning:
      return "警告";
    case GovernmentSanctionKind::kDemerit:
      return "记过";
    case GovernmentSanctionKind::kMajorDemerit:
      return "记大过";
    case GovernmentSanctionKind::kDowngrade:
      return "降级";
    case GovernmentSanctionKind::kDismissalFromPost:
      return "撤职";
    case GovernmentSanctionKind::kExpulsion:
      return "开除";
    default:
      return "政务处分";
  }
}

const char *government_en(GovernmentSanctionKind kind) {
  switch (kind) {
    case GovernmentSanctionKind::kWarning:
      return "warning";
    case GovernmentSanctionKind::kDemerit:
      return "demerit";
    case GovernmentSanctionKind::kMajorDemerit:
      return "major demerit";
    case GovernmentSanctionKind::kDowngrade:
      return "downgrading";
    case GovernmentSanctionKind::kDismissalFromPost:
      return "dismissal from post";
    case GovernmentSanctionKind::kExpulsion:
      return "expulsion";
    default:
      return "government sanction";
  }
}

// Government sanctions composed (行政机关公务员处分条例 art. 10): one blocker per chain of
// overlapping sanctions.
void government_chains(const Cadre &cadre, const EligibilityPolicy &policy,
                       std::vector<Candidate> &out, std::vector<Blocker> &waived,
                       std::vector<std::string> &applied) {
  std::vector<GovItem> items;
  for (const GovernmentSanction &g : cadre.government_sanctions) {
    const std::optional<Date> start = first_of(g.effective_on, g.decided_on);
    const RecordRef ref{.kind = RecordKind::kGovernmentSanction, .id = g.id, .cadre_id = ""};
    if (!start) {
      continue;
    }
    if (g.kind == GovernmentSanctionKind::kExpulsion) {
      Candidate c;
      c.blocker.rule_id = "up.government.expulsion";
      c.blocker.citations = {policy.government_dismissal.citation};
      c.blocker.record = ref;
      c.blocks_same_level = true;
      c.start = start;
      c.what_zh = "受到政务处分开除";
      c.what_en = "was expelled (government sanction)";
      c.effect_zh = "解除人事关系";
      c.effect_en = "the employment relationship ends";
      explain_period(c);
      if (apply_exemption(cadre, c, ExemptionEffect::kPromotion, policy, waived, applied)) {
        out.push_back(std::move(c));
      }
      continue;
    }
    const PolicyPeriod *p = government_period(g.kind, policy);
    if (p == nullptr) {
      continue;
    }
    GovItem item{.sanction = &g, .start = *start, .months = p->months, .claim_id = ""};
    if (const ExemptionClaim *claim = claim_for(cadre, ref)) {
      if (cancels(*claim, ExemptionEffect::kPromotion)) {
        Candidate c = period_candidate(
            *p, RecordKind::kGovernmentSanction, g.id, *start, p->months, false,
            std::string("受到政务处分") + government_zh(g.kind),
            std::string("received a government sanction (") + government_en(g.kind) + ")",
            std::string(kNoPromotionZh), std::string(kNoPromotionEn));
        explain_period(c);
        apply_exemption(cadre, c, ExemptionEffect::kPromotion, policy, waived, applied);
        continue;
      }
      if ((claim->decision == ExemptionDecision::kLighter ||
           claim->decision == ExemptionDecision::kMitigated) &&
          claim->impact_months > 0 && claim->impact_months < item.months) {
        item.months = claim->impact_months;
        item.claim_id = claim->id;
        applied.push_back(claim->id);
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
      end = first ? group_start.add_months(group_months) : end.add_months(group_months);
      first = false;
      i = j;
    }
    const Date cap = chain_start.add_months(policy.government_cap.months);
    const bool capped = cap < end;
    end = std::min(end, cap);
    std::optional<Date> lifts = end.add_days(1);
    bool all_lifted = true;
    std::optional<Date> last_lifted;
    for (const GovItem *m : members) {
      if (!m->sanction->lifted_on) {
        all_lifted = false;
      } else if (!last_lifted || *last_lifted < *m->sanction->lifted_on) {
        last_lifted = m->sanction->lifted_on;
      }
    }
    if (all_lifted && last_lifted && *last_lifted < *lifts) {
      lifts = last_lifted;
    }
    const GovItem &gov = *members.back();
    Candidate c;
    Blocker &b = c.blocker;
    const auto *single = composed ? nullptr : government_period(gov.sanction->kind, policy);
    b.rule_id = single != nullptr ? single->id : policy.government_cap.id;
    b.record =
        RecordRef{.kind = RecordKind::kGovernmentSanction, .id = gov.sanction->id, .cadre_id = ""};
    b.lifts_on = lifts;
    std::string zh;
    std::string en;
    for (const GovItem *m : members) {
      const Citation &cit = government_period(m->sanction->kind, policy)->citation;
      if (std::find_if(b.citations.begin(), b.citations.end(), [&](const Citation &x) {
            return x.supports == cit.supports;
          }) == b.citations.end()) {
        b.citations.push_back(cit);
      }
      zh += ds(m->start) + "起受到政务处分" + government_zh(m->sanction->kind) + "（记录 " +
            m->sanction->id + "，" + std::to_string(m->months) + "个月" +
            (m->claim_id.empty() ? "" : "，已依容错决定 " + m->claim_id + " 缩短") + "）；";
      en += "from " + ds(m->start) + " a government sanction (" + government_en(m->sanction->kind) +
            ", record " + m->sanction->id + ", " + std::to_string(m->months) + " months" +
            (m->claim_id.empty() ? "" : ", shortened by error-tolerance decision " + m->claim_id) +
            "); ";
      if (!m->claim_id.empty() && b.exemption_claim_id.empty()) {
        b.exemption_claim_id = m->claim_id;
      }
    }
    if (!b.exemption_claim_id.empty()) {
      b.citations.push_back(policy.exemption);
    }
    if (composed) {
      b.citations.push_back(policy.government_cap.citation);
      b.citations.push_back(policy.government_composition_law);
      zh +=
          "依" + doc_of(policy.government_cap.citation) + "合并计算处分期" +
          (capped ? "（最长不超过" + std::to_string(policy.government_cap.months) + "个月）" : "") +
          "，";
      en +=
          "composed under " + doc_of(policy.government_cap.citation) +
          (capped ? " (at most " + std::to_string(policy.government_cap.months) + " months)" : "") +
          "; ";
    }
    zh += "依据" + doc_of(b.citations.front()) + "，处分期内不得晋升职务、职级，" + ds(*lifts) +
          "起解除。";
    en += "under " + doc_of(b.citations.front()) +
          ", no promotion during the sanction period; lifts on " + ds(*lifts) + ".";
    b.explanation = {std::move(zh), std::move(en)};
    out.push_back(std::move(c));
  }
}

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

Candidate simple(std::string rule_id, std::vector<Citation> citations, RecordRef record,
                 std::optional<Date> lifts_on, std::string zh, std::string en) {
  Candidate c;
  c.blocker.rule_id = std::move(rule_id);
  c.blocker.citations = std::move(citations);
  c.blocker.record = std::move(record);
  c.blocker.lifts_on = lifts_on;
  c.blocker.explanation = {std::move(zh), std::move(en)};
  c.months = 0;
  return c;
}

RecordRef cadre_ref(const Cadre &cadre) {
  return RecordRef{.kind = RecordKind::kCadre, .id = cadre.id, .cadre_id = ""};
}

RecordRef post_ref(const Post &post) {
  return RecordRef{.kind = RecordKind::kPost, .id = post.id, .cadre_id = ""};
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

// Every impact period of the cadre (诫勉, 组织处理, 党纪政务处分) as candidates.
void impact_periods(const Cadre &cadre, const EligibilityPolicy &policy,
                    std::vector<Candidate> &out, std::vector<Blocker> &waived,
                    std::vector<std::string> &applied) {
  std::vector<Candidate> raw;
  const std::string no_promo_zh(kNoPromotionZh);
  const std::string no_promo_en(kNoPromotionEn);
  for (const EarlyWarning &w : cadre.early_warnings) {
    if (w.kind == EarlyWarningKind::kAdmonishment && w.issued_on) {
      raw.push_back(period_candidate(policy.admonishment, RecordKind::kEarlyWarning, w.id,
                                     *w.issued_on, policy.admonishment.months, false, "受到诫勉",
                                     "was admonished (诫勉)", "不得提拔或者重用",
                                     "no promotion or greater use"));
    }
  }
  std::vector<std::string> removal_decisions;
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    if (!d.decided_on) {
      continue;
    }
    if (std::find(d.forms.begin(), d.forms.end(), AccountabilityForm::kAdmonishment) !=
        d.forms.end()) {
      raw.push_back(period_candidate(policy.admonishment, RecordKind::kAccountabilityDecision, d.id,
                                     *d.decided_on, policy.admonishment.months, false,
                                     "被问责予以诫勉", "was admonished through accountability",
                                     "不得提拔或者重用", "no promotion or greater use"));
    }
    if (std::any_of(d.measures.begin(), d.measures.end(), is_org_removal)) {
      removal_decisions.push_back(d.id);
      raw.push_back(period_candidate(
          policy.accountability_no_post, RecordKind::kAccountabilityDecision, d.id, *d.decided_on,
          policy.accountability_no_post.months, true, "因问责引咎辞职、责令辞职或者被免职",
          "resigned taking the blame, was ordered to resign or was removed through "
          "accountability",
          "不安排领导职务", "no leadership post"));
      raw.push_back(period_candidate(
          policy.accountability_no_higher, RecordKind::kAccountabilityDecision, d.id, *d.decided_on,
          policy.accountability_no_higher.months, false, "因问责引咎辞职、责令辞职或者被免职",
          "resigned taking the blame, was ordered to resign or was removed through "
          "accountability",
          "不得担任高于原任职务层次的领导职务（同时受党纪政务处分的，按影响期长的执行）",
          "no post above the former rank level (where a party or government sanction runs too, "
          "the longer period governs)"));
    }
  }
  for (const Adjustment &a : cadre.adjustments) {
    const std::optional<Date> day = first_of(a.executed_on, a.decided_on);
    if (!day) {
      continue;
    }
    if (a.channel == Channel::kUnsuitable &&
        (a.method == AdjustmentMethod::kTransferOut || a.method == AdjustmentMethod::kRemoval)) {
      raw.push_back(period_candidate(
          policy.unsuitable_adjustment, RecordKind::kAdjustment, a.id, *day,
          policy.unsuitable_adjustment.months, false, "因不适宜担任现职被调离岗位或者免职",
          "was transferred out or removed as unsuitable for the post", "不得提拔", "no promotion"));
    }
    if (a.method == AdjustmentMethod::kDemotion) {
      Candidate c = period_candidate(policy.demotion, RecordKind::kAdjustment, a.id, *day,
                                     policy.demotion.months, false, "被降职", "was demoted",
                                     "在新的职位工作未满期限的，不得晋升职务",
                                     "no promotion before that time in the new post");
      c.ban = false;
      c.blocker.lifts_on = day->add_months(c.months);
      raw.push_back(std::move(c));
    }
    if (a.channel == Channel::kAccountability && is_removal_method(a.method) &&
        std::find(removal_decisions.begin(), removal_decisions.end(), a.basis_id) ==
            removal_decisions.end()) {
      raw.push_back(period_candidate(
          policy.accountability_no_post, RecordKind::kAdjustment, a.id, *day,
          policy.accountability_no_post.months, true, "因问责引咎辞职、责令辞职或者被免职",
          "left the post through accountability", "不安排领导职务", "no leadership post"));
      raw.push_back(period_candidate(
          policy.accountability_no_higher, RecordKind::kAdjustment, a.id, *day,
          policy.accountability_no_higher.months, false, "因问责引咎辞职、责令辞职或者被免职",
          "left the post through accountability",
          "不得担任高于原任职务层次的领导职务（同时受党纪政务处分的，按影响期长的执行）",
          "no post above the former rank level (where a party or government sanction runs too, "
          "the longer period governs)"));
    }
  }
  for (const PartySanction &s : cadre.party_sanctions) {
    const std::optional<Date> start = first_of(s.effective_on, s.decided_on);
    if (!start) {
      continue;
    }
    switch (s.kind) {
      case PartySanctionKind::kWarning:
        raw.push_back(period_candidate(policy.party_warning, RecordKind::kPartySanction, s.id,
                                       *start, policy.party_warning.months, false,
                                       "受到党内警告处分", "received a party warning", no_promo_zh,
                                       no_promo_en));
        break;
      case PartySanctionKind::kSeriousWarning:
        raw.push_back(period_candidate(policy.party_serious_warning, RecordKind::kPartySanction,
                                       s.id, *start, policy.party_serious_warning.months, false,
                                       "受到党内严重警告处分", "received a serious party warning",
                                       no_promo_zh, no_promo_en));
        break;
      case PartySanctionKind::kRemovalFromPartyPost:
        raw.push_back(period_candidate(policy.party_removal_from_post, RecordKind::kPartySanction,
                                       s.id, *start, policy.party_removal_from_post.months, true,
                                       "受到撤销党内职务处分", "was removed from party posts",
                                       "不得担任与原任职务相当或者高于原任职务的职务",
                                       "no post equal to or above the former one"));
        break;
      case PartySanctionKind::kProbationWithinParty: {
        const int years = s.probation_years > 0 ? s.probation_years : 1;
        const Date restored = s.restored_on ? *s.restored_on : start->add_years(years);
        // During probation and for the period after restoration: one span from the start.
        Candidate c = period_candidate(policy.party_after_restoration, RecordKind::kPartySanction,
                                       s.id, *start, 0, true, "受到留党察看处分",
                                       "was put on probation within the party", "", "");
        c.blocker.lifts_on = ban_lifts(restored, policy.party_after_restoration.months);
        c.months = policy.party_after_restoration.months;
        const std::string restored_zh = s.restored_on
                                            ? ds(restored) + "恢复党员权利"
                                            : "按察看" + std::to_string(years) + "年推定" +
                                                  ds(restored) + "恢复党员权利（恢复日期未记录）";
        const std::string restored_en =
            s.restored_on ? "party rights restored on " + ds(restored)
                          : "party rights taken as restored on " + ds(restored) + " after " +
                                std::to_string(years) + " year(s) (no restoration date recorded)";
        c.what_zh = "受到留党察看处分，" + restored_zh;
        c.what_en = "was put on probation within the party, " + restored_en;
        c.effect_zh = "察看期间及恢复党员权利后不得担任与原任职务相当或者更高的职务";
        c.effect_en = "no post equal to or above the former one during probation and after";
        raw.push_back(std::move(c));
        break;
      }
      case PartySanctionKind::kExpulsion: {
        Candidate c;
        c.blocker.rule_id = "up.party.expulsion";
        c.blocker.citations = {policy.party_after_restoration.citation};
        c.blocker.record =
            RecordRef{.kind = RecordKind::kPartySanction, .id = s.id, .cadre_id = ""};
        c.blocks_same_level = true;
        c.start = start;
        c.what_zh = "受到开除党籍处分";
        c.what_en = "was expelled from the party";
        c.effect_zh = "不得担任党员领导职务";
        c.effect_en = "no post reserved for party members";
        raw.push_back(std::move(c));
        break;
      }
      default:
        break;
    }
  }
  for (Candidate &c : raw) {
    explain_period(c);
    if (apply_exemption(cadre, c, ExemptionEffect::kPromotion, policy, waived, applied)) {
      out.push_back(std::move(c));
    }
  }
  government_chains(cadre, policy, out, waived, applied);
}

void sort_blockers(std::vector<Blocker> &v) {
  std::stable_sort(v.begin(), v.end(), [](const Blocker &a, const Blocker &b) {
    if (a.lifts_on.has_value() != b.lifts_on.has_value()) {
      return a.lifts_on.has_value();
    }
    if (a.lifts_on && *a.lifts_on != *b.lifts_on) {
      return *a.lifts_on < *b.lifts_on;
    }
    return a.rule_id < b.rule_id;
  });
}

void dedupe(std::vector<std::string> &v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

EligibilityAnswer eligibility(const Cadre &cadre, EligibilityTarget target, RankLevel target_level,
                              Date as_of, const EligibilityPolicy &policy) {
  EligibilityAnswer answer;
  answer.cadre_id = cadre.id;
  answer.target = target;
  answer.as_of = as_of;
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
  const std::int32_t steps = current == RankLevel::kUnspecified || level == RankLevel::kUnspecified
                                 ? 0
                                 : num(current) - num(level);
  const bool promotion = target == EligibilityTarget::kHigherLevel ||
                         target == EligibilityTarget::kExceptional ||
                         (target == EligibilityTarget::kNamedLevel && steps > 0);
  const bool candidate = target == EligibilityTarget::kCandidate;
  const bool exceptional = target == EligibilityTarget::kExceptional;

  std::vector<Candidate> found;
  impact_periods(cadre, policy, found, answer.waived, answer.exemptions_applied);

  if (promotion &&
      (!cur || current == RankLevel::kUnspecified ||
       (level == RankLevel::kUnspecified && target != EligibilityTarget::kNamedLevel))) {
    found.push_back(simple(
        "up.no-current-post", {policy.deputy_to_principal.citation}, cadre_ref(cadre), std::nullopt,
        "截至" + ds(as_of) + "无在任职务或职务层次未记录，无法确定提拔的职务层次。",
        "No post held on " + ds(as_of) +
            " (or its rank level is not recorded): the level of a promotion "
            "cannot be determined."));
  }
  if (promotion && cur && current != RankLevel::kUnspecified && level != RankLevel::kUnspecified) {
    const Post &post = cadre.posts[*cur];
    if (!exceptional && steps > 1) {
      found.push_back(simple(
          "up.prerequisite.skip-level", {policy.exceptional_limits}, post_ref(post), std::nullopt,
          "拟任职务层次比现任职务层次高" + std::to_string(steps) +
              "级，越级提拔只能按破格提拔办理。",
          "The post in view is " + std::to_string(steps) +
              " levels above the current one: skipping a level is possible only as an "
              "exceptional promotion."));
    }
    if (exceptional && steps > 2) {
      found.push_back(simple(
          "up.exceptional.two-levels", {policy.exceptional_limits}, post_ref(post), std::nullopt,
          "破格提拔不得越两级：拟任职务层次比现任高" + std::to_string(steps) + "级。",
          "An exceptional promotion may not skip two levels: the post in view "
          "is " +
              std::to_string(steps) + " levels up."));
    }
    // Time prerequisites (art. 8): an exceptional promotion may break these, not art. 9.
    if (!exceptional) {
      if (level == RankLevel::kCountyDeputy || level == RankLevel::kCountyPrincipal) {
        if (!cadre.work_start_date) {
          found.push_back(simple(policy.working_years.id, {policy.working_years.citation},
                                 cadre_ref(cadre), std::nullopt,
                                 "提任县处级领导职务须五年以上工龄：参加工作时间未记录，须核实。",
                                 "Promotion to county level needs 5 years of work: the work start "
                                 "date is not recorded and must be verified."));
        } else {
          const Date reached = cadre.work_start_date->add_months(policy.working_years.months);
          if (as_of < reached) {
            found.push_back(simple(
                policy.working_years.id, {policy.working_years.citation}, cadre_ref(cadre), reached,
                ds(*cadre.work_start_date) + "参加工作，" + ds(reached) + "满" +
                    std::to_string(policy.working_years.months / 12) +
                    "年工龄，此前不得提任县处级领导职务。",
                "Started work on " + ds(*cadre.work_start_date) + "; reaches " +
                    std::to_string(policy.working_years.months / 12) + " years of work on " +
                    ds(reached) + ", before which no promotion to county level."));
          }
        }
        if (cadre.grassroots_months < policy.grassroots.months) {
          found.push_back(simple(
              policy.grassroots.id, {policy.grassroots.citation}, cadre_ref(cadre), std::nullopt,
              "基层工作经历" + std::to_string(cadre.grassroots_months) + "个月，不足" +
                  std::to_string(policy.grassroots.months) + "个月，不得提任县处级领导职务。",
              "Grassroots experience of " + std::to_string(cadre.grassroots_months) +
                  " months, below " + std::to_string(policy.grassroots.months) +
                  ": no promotion to county level."));
        }
      }
      if (steps == 1) {
        const PolicyPeriod &need =
            deputy(current) ? policy.deputy_to_principal : policy.principal_to_higher_deputy;
        const std::optional<Date> since = start_at_level(cadre, *cur);
        if (since) {
          const Date reached = since->add_months(need.months);
          if (as_of < reached) {
            found.push_back(simple(need.id, {need.citation}, post_ref(post), reached,
                                   ds(*since) + "起任现职务层次，" + ds(reached) + "满" +
                                       std::to_string(need.months / 12) + "年，此前不得提任（" +
                                       need.citation.supports + "）。",
                                   "At the current rank level since " + ds(*since) + "; " +
                                       std::to_string(need.months / 12) + " years are reached on " +
                                       ds(reached) + ", before which no promotion."));
          }
        }
      }
    }
    // Probation of the current post.
    if (post.probation) {
      const Probation &pr = *post.probation;
      const bool running =
          pr.result == ProbationResult::kRunning ||
          (pr.result == ProbationResult::kUnspecified && pr.end_date && as_of <= *pr.end_date);
      if (running) {
        const std::optional<Date> lifts =
            pr.end_date ? std::optional<Date>(pr.end_date->add_days(1)) : std::nullopt;
        found.push_back(
            simple(exceptional ? policy.exceptional_after_promotion.id : "up.probation.running",
                   {exceptional ? policy.exceptional_after_promotion.citation : policy.probation},
                   post_ref(post), lifts,
                   "现职务任职试用期未满" +
                       (pr.end_date ? "（至" + ds(*pr.end_date) + "）" : std::string()) + "，" +
                       (exceptional ? "不得破格提拔。" : "试用期满考核合格前不得再提拔。"),
                   "The probation in the current post is running" +
                       (pr.end_date ? " (to " + ds(*pr.end_date) + ")" : std::string()) +
                       (exceptional ? ": no exceptional promotion."
                                    : ": no promotion before it is passed.")));
      }
    }
    if (exceptional) {
      if (const std::optional<Date> last = last_promotion(cadre, as_of)) {
        const Date reached = last->add_months(policy.exceptional_after_promotion.months);
        if (as_of < reached) {
          found.push_back(
              simple(policy.exceptional_after_promotion.id,
                     {policy.exceptional_after_promotion.citation}, post_ref(post), reached,
                     ds(*last) + "提拔任职，" + ds(reached) + "满一年，此前不得破格提拔。",
                     "Promoted on " + ds(*last) + "; a year is reached on " + ds(reached) +
                         ", before which no exceptional promotion."));
        }
      }
      if (post.exceptional_promotion) {
        found.push_back(simple("up.exceptional.consecutive", {policy.exceptional_limits},
                               post_ref(post), std::nullopt,
                               "现职务系破格提拔，不得在任职年限上连续破格。",
                               "The current post was an exceptional promotion: no consecutive "
                               "exceptional promotion on time in post."));
      }
    }
  }
  // Failed probation (any post).
  if (promotion || candidate) {
    for (const Post &p : cadre.posts) {
      if (p.probation && p.probation->result == ProbationResult::kFailed) {
        const std::optional<Date> day = first_of(p.probation->end_date, p.end_date);
        if (day) {
          Candidate c =
              period_candidate(policy.failed_probation, RecordKind::kPost, p.id, *day,
                               policy.failed_probation.months, false, "任职试用期满考核不合格",
                               "failed the probation", "不得提拔", "no promotion");
          explain_period(c);
          found.push_back(std::move(c));
        }
      }
    }
  }
  // 选拔任用条例 art. 24: not even a candidate.
  if (promotion || candidate) {
    for (const AnnualAssessment &a : cadre.assessments) {
      if (a.year == as_of.year() - 1 && (a.grade == AssessmentGrade::kBasicallyCompetent ||
                                         a.grade == AssessmentGrade::kIncompetent)) {
        const Date lifts = *Date::from_ymd(as_of.year() + 1, 1, 1);
        found.push_back(simple(
            "up.candidate.last-grade", {policy.candidate_exclusions},
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
          (!f.since || *f.since <= as_of) && (!f.until || as_of <= *f.until)) {
        found.push_back(simple(
            "up.candidate.naked-official", {policy.candidate_exclusions},
            RecordRef{.kind = RecordKind::kFamilySituation, .id = f.id, .cadre_id = ""},
            std::nullopt,
            "配偶已移居国（境）外，或者没有配偶但子女均已移居国（境）外，除特殊岗位外不得列为考察对"
            "象。",
            "The spouse (or, without a spouse, every child) has emigrated: except for special "
            "posts the cadre may not be a candidate."));
      }
    }
    for (const Investigation &inv : cadre.investigations) {
      if (inv.opened_on && *inv.opened_on <= as_of && (!inv.closed_on || as_of < *inv.closed_on)) {
        found.push_back(
            simple("up.investigation", {policy.investigation},
                   RecordRef{.kind = RecordKind::kInvestigation, .id = inv.id, .cadre_id = ""},
                   std::nullopt,
                   ds(*inv.opened_on) + "起立案审查，审查期间不予提拔（可配置政策，未核实）。",
                   "Under investigation since " + ds(*inv.opened_on) +
                       ": no promotion while it is open (configurable policy, not "
                       "verified)."));
      }
    }
  }

  for (Candidate &c : found) {
    if (c.blocker.lifts_on && *c.blocker.lifts_on <= as_of) {
      continue;  // already lifted
    }
    if (c.start && as_of < *c.start && c.months > 0) {
      continue;  // not started yet on the as-of date
    }
    if (!promotion && !candidate && !c.blocks_same_level) {
      continue;
    }
    answer.blockers.push_back(std::move(c.blocker));
  }
  // Waived blockers that would have run: keep only those still within their period.
  std::erase_if(answer.waived,
                [&](const Blocker &b) { return (b.lifts_on && *b.lifts_on <= as_of); });
  sort_blockers(answer.blockers);
  dedupe(answer.exemptions_applied);
  answer.eligible = answer.blockers.empty();
  if (!answer.eligible && std::all_of(answer.blockers.begin(), answer.blockers.end(),
                                      [](const Blocker &b) { return b.lifts_on.has_value(); })) {
    answer.eligible_from = answer.blockers.back().lifts_on;
  }
  return answer;
}

namespace {

// Severity of a grade cap: 1 not 优秀, 2 no grade, 3 不称职.
struct Cap {
  int severity = 0;
  Blocker reason;
};

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

}  // namespace

GradeCapAnswer grade_cap(const Cadre &cadre, int year, const EligibilityPolicy &policy) {
  GradeCapAnswer answer;
  answer.cadre_id = cadre.id;
  answer.year = year;
  std::vector<Cap> caps;
  // @p first: year of the measure; caps @p severity in that year and @p no_grade_years more years
  // with "no grade".
  const auto add = [&](RecordKind kind, const std::string &id, std::optional<Date> day,
                       int severity, int no_grade_years, const Citation &citation,
                       const std::string &what_zh, const std::string &what_en) {
    if (!day) {
      return;
    }
    const int y0 = day->year();
    int sev = 0;
    if (year == y0) {
      sev = severity;
    } else if (year > y0 && year <= y0 + no_grade_years) {
      sev = 2;
    }
    if (sev == 0) {
      return;
    }
    Cap c;
    c.severity = sev;
    c.reason.rule_id = sev == 1   ? "grade-cap.not-excellent"
                       : sev == 2 ? "grade-cap.no-grade"
                                  : "grade-cap.incompetent";
    c.reason.citations = {citation};
    c.reason.record = RecordRef{.kind = kind, .id = id, .cadre_id = ""};
    c.reason.explanation = {ds(*day) + what_zh + "（记录 " + id + "），依据" + doc_of(citation) +
                                "，" + std::to_string(year) + "年度考核" + cap_zh(sev) + "。",
                            "On " + ds(*day) + " the cadre " + what_en + " (record " + id +
                                "); under " + doc_of(citation) + " the " + std::to_string(year) +
                                " annual assessment " + cap_en(sev) + "."};
    caps.push_back(std::move(c));
  };
  for (const PartySanction &s : cadre.party_sanctions) {
    const std::optional<Date> day = first_of(s.effective_on, s.decided_on);
    switch (s.kind) {
      case PartySanctionKind::kWarning:
        add(RecordKind::kPartySanction, s.id, day, 1, 0, policy.grade_caps, "受到党内警告处分",
            "received a party warning");
        break;
      case PartySanctionKind::kSeriousWarning:
        add(RecordKind::kPartySanction, s.id, day, s.related_to_duties ? 3 : 2, 0,
            policy.grade_caps,
            s.related_to_duties ? "受到与职务行为有关的党内严重警告处分" : "受到党内严重警告处分",
            s.related_to_duties ? "received a serious party warning for conduct in office"
                                : "received a serious party warning");
        break;
      case PartySanctionKind::kRemovalFromPartyPost:
        add(RecordKind::kPartySanction, s.id, day, 3, 0, policy.grade_caps, "受到撤销党内职务处分",
            "was removed from party posts");
        break;
      case PartySanctionKind::kProbationWithinParty:
        add(RecordKind::kPartySanction, s.id, day, 3, s.probation_years > 0 ? s.probation_years : 1,
            policy.grade_caps, "受到留党察看处分", "was put on probation within the party");
        break;
      case PartySanctionKind::kExpulsion:
        add(RecordKind::kPartySanction, s.id, day, 3, 2, policy.grade_caps, "受到开除党籍处分",
            "was expelled from the party");
        break;
      default:
        break;
    }
  }
  for (const GovernmentSanction &g : cadre.government_sanctions) {
    const std::optional<Date> day = first_of(g.effective_on, g.decided_on);
    const std::string zh = std::string("受到政务处分") + government_zh(g.kind);
    const std::string en =
        std::string("received a government sanction (") + government_en(g.kind) + ")";
    switch (g.kind) {
      case GovernmentSanctionKind::kWarning:
        add(RecordKind::kGovernmentSanction, g.id, day, 1, 0, policy.grade_caps_secondary, zh, en);
        break;
      case GovernmentSanctionKind::kDemerit:
        add(RecordKind::kGovernmentSanction, g.id, day, 2, 0, policy.grade_caps_secondary, zh, en);
        break;
      case GovernmentSanctionKind::kMajorDemerit:
      case GovernmentSanctionKind::kDowngrade:
      case GovernmentSanctionKind::kDismissalFromPost:
        add(RecordKind::kGovernmentSanction, g.id, day, 2, 1, policy.grade_caps_secondary, zh, en);
        break;
      default:
        break;
    }
  }
  for (const EarlyWarning &w : cadre.early_warnings) {
    if (w.kind == EarlyWarningKind::kAdmonishment) {
      add(RecordKind::kEarlyWarning, w.id, w.issued_on, 1, 0, policy.grade_caps_secondary,
          "受到诫勉", "was admonished (诫勉)");
    }
  }
  std::vector<std::string> decision_ids;
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    decision_ids.push_back(d.id);
    int sev = 0;
    if (std::find(d.forms.begin(), d.forms.end(), AccountabilityForm::kAdmonishment) !=
        d.forms.end()) {
      sev = 1;
    }
    for (OrganisationalMeasure m : d.measures) {
      if (m == OrganisationalMeasure::kPostAdjustment) {
        sev = std::max(sev, 1);
      } else if (m == OrganisationalMeasure::kOrderedResignation ||
                 m == OrganisationalMeasure::kRemoval || m == OrganisationalMeasure::kDemotion) {
        sev = 2;
      }
    }
    if (sev > 0) {
      add(RecordKind::kAccountabilityDecision, d.id, d.decided_on, sev, 0,
          policy.grade_caps_secondary,
          sev == 1 ? "被问责予以诫勉或者调整职务" : "被问责责令辞职、免职或者降职",
          sev == 1 ? "was admonished or had the post adjusted through accountability"
                   : "was ordered to resign, removed or demoted through accountability");
    }
  }
  for (const Adjustment &a : cadre.adjustments) {
    if (std::find(decision_ids.begin(), decision_ids.end(), a.basis_id) != decision_ids.end() ||
        (a.channel != Channel::kAccountability && a.channel != Channel::kUnsuitable)) {
      continue;
    }
    int sev = 0;
    if (a.method == AdjustmentMethod::kTransferOut) {
      sev = 1;
    } else if (a.method == AdjustmentMethod::kOrderedResignation ||
               a.method == AdjustmentMethod::kRemoval || a.method == AdjustmentMethod::kDemotion) {
      sev = 2;
    }
    if (sev > 0) {
      add(RecordKind::kAdjustment, a.id, first_of(a.decided_on, a.executed_on), sev, 0,
          policy.grade_caps_secondary, sev == 1 ? "被调整职务" : "被责令辞职、免职或者降职",
          sev == 1 ? "had the post adjusted" : "was ordered to resign, removed or demoted");
    }
  }
  const Date year_end = *Date::from_ymd(year, 12, 31);
  for (const Investigation &inv : cadre.investigations) {
    if (!inv.opened_on || year_end < *inv.opened_on ||
        (inv.closed_on && inv.closed_on->year() <= year)) {
      continue;  // not open at the end of the year
    }
    Cap c;
    c.severity = 2;
    c.reason.rule_id = "grade-cap.investigation";
    c.reason.citations = {policy.grade_caps};
    c.reason.record = RecordRef{.kind = RecordKind::kInvestigation, .id = inv.id, .cadre_id = ""};
    c.reason.lifts_on = inv.closed_on;
    c.reason.explanation = {
        ds(*inv.opened_on) + "起立案审查（记录 " + inv.id + "），审查期间参加考核但不定等次" +
            (inv.closed_on ? "，" + ds(*inv.closed_on) + "结案后按处理结果补定等次。"
                           : "，结案后按处理结果补定等次。") +
            "依据" + doc_of(policy.grade_caps) + "。",
        "Under investigation since " + ds(*inv.opened_on) + " (record " + inv.id +
            "): assessed but not graded until the case is closed" +
            (inv.closed_on ? " (closed on " + ds(*inv.closed_on) + ")" : std::string()) +
            ", then graded after the outcome; under " + doc_of(policy.grade_caps) + "."};
    caps.push_back(std::move(c));
  }
  // Several: the heaviest governs, listed first.
  std::stable_sort(caps.begin(), caps.end(),
                   [](const Cap &a, const Cap &b) { return a.severity > b.severity; });
  int worst = 0;
  for (Cap &c : caps) {
    const ExemptionClaim *claim = claim_for(cadre, c.reason.record);
    if (claim != nullptr && cancels(*claim, ExemptionEffect::kPerformanceAssessment)) {
      Blocker b = std::move(c.reason);
      b.exemption_claim_id = claim->id;
      b.citations.push_back(policy.exemption);
      b.citations.push_back(policy.exemption_effects);
      b.explanation.zh_cn =
          "已依容错免责决定（记录 " + claim->id + "）不受影响：" + b.explanation.zh_cn;
      b.explanation.en =
          "Waived by the error-tolerance exemption (record " + claim->id + "): " + b.explanation.en;
      answer.waived.push_back(std::move(b));
      answer.exemptions_applied.push_back(claim->id);
      continue;
    }
    worst = std::max(worst, c.severity);
    answer.reasons.push_back(std::move(c.reason));
  }
  answer.best_allowed = grade_of(worst);
  dedupe(answer.exemptions_applied);
  return answer;
}

std::vector<ForwardWarning> forward_warnings(const Cadre &cadre, Date as_of, int horizon_months,
                                             const Engine &engine,
                                             const EligibilityPolicy &policy) {
  std::vector<ForwardWarning> out;
  const Date end = as_of.add_months(std::max(horizon_months, 0));
  // The down rules: screen at the end of the window; a finding that became true within it is
  // coming.
  for (const Finding &found : engine.screen(cadre, end)) {
    if (found.effective_date < as_of || end < found.effective_date) {
      continue;
    }
    // The explanation as of the day itself (ages and spans on that day, not at the window's end).
    Finding f = found;
    for (Finding &g : engine.screen(cadre, found.effective_date)) {
      if (g.rule_id == found.rule_id && g.effective_date == found.effective_date) {
        f = std::move(g);
        break;
      }
    }
    ForwardWarning w;
    w.cadre_id = cadre.id;
    w.rule_id = f.rule_id;
    w.on = f.effective_date;
    w.record = f.records.empty() ? cadre_ref(cadre) : f.records.front();
    w.citations = f.citations;
    w.explanation = {"将于" + ds(f.effective_date) + "：" + f.explanation.zh_cn,
                     "Coming on " + ds(f.effective_date) + ": " + f.explanation.en};
    out.push_back(std::move(w));
  }
  // The up side: impact periods and waiting times that end within the window.
  const EligibilityAnswer answer =
      eligibility(cadre, EligibilityTarget::kHigherLevel, RankLevel::kUnspecified, as_of, policy);
  for (const Blocker &b : answer.blockers) {
    if (!b.lifts_on || end < *b.lifts_on) {
      continue;
    }
    ForwardWarning w;
    w.cadre_id = cadre.id;
    w.rule_id = b.rule_id;
    w.on = *b.lifts_on;
    w.record = b.record;
    w.citations = b.citations;
    w.explanation = {"将于" + ds(*b.lifts_on) + "解除：" + b.explanation.zh_cn,
                     "Lifts on " + ds(*b.lifts_on) + ": " + b.explanation.en};
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(), [](const ForwardWarning &a, const ForwardWarning &b) {
    if (a.on != b.on) {
      return a.on < b.on;
    }
    return a.rule_id < b.rule_id;
  });
  return out;
}

namespace {

bool adjusted(const Cadre &cadre, const std::string &basis, Date as_of) {
  return std::any_of(cadre.adjustments.begin(), cadre.adjustments.end(), [&](const Adjustment &a) {
    return a.basis_id == basis && a.executed_on && *a.executed_on <= as_of;
  });
}

bool sanctioned(const Cadre &cadre, const std::string &incident, Date as_of) {
  const auto on = [&](std::optional<Date> a, std::optional<Date> b) {
    const std::optional<Date> d = first_of(a, b);
    return !d || *d <= as_of;
  };
  return std::any_of(cadre.party_sanctions.begin(), cadre.party_sanctions.end(),
                     [&](const PartySanction &s) {
                       return s.incident_id == incident && on(s.decided_on, s.effective_on);
                     }) ||
         std::any_of(cadre.government_sanctions.begin(), cadre.government_sanctions.end(),
                     [&](const GovernmentSanction &s) {
                       return s.incident_id == incident && on(s.decided_on, s.effective_on);
                     });
}

ConsistencyFlag no_adjustment(const Cadre &cadre, RecordKind kind, const std::string &id,
                              Date decided, const PolicyPeriod &deadline,
                              const EligibilityPolicy &policy, const std::string &what_zh,
                              const std::string &what_en) {
  ConsistencyFlag f;
  f.cadre_id = cadre.id;
  f.rule_id = "consistency.no-adjustment";
  f.record = RecordRef{.kind = kind, .id = id, .cadre_id = ""};
  f.citations = {deadline.citation, policy.discipline_track, policy.dual_track};
  const Date due = decided.add_months(deadline.months);
  f.due_on = due;
  f.explanation = {
      ds(decided) + what_zh + "（记录 " + id + "），依据" + doc_of(deadline.citation) + "应当在" +
          std::to_string(deadline.months) + "个月内（" + ds(due) +
          "前）办理组织调整，但没有据此执行的调整记录；不得以纪律处分规避组织调整（" +
          doc_of(policy.discipline_track) + "）。",
      "On " + ds(decided) + " " + what_en + " (record " + id + "); under " +
          doc_of(deadline.citation) + " the organisational adjustment was due within " +
          std::to_string(deadline.months) + " month(s) (by " + ds(due) +
          "), but no adjustment based on it was carried out: a sanction must not replace the "
          "adjustment (" +
          doc_of(policy.discipline_track) + ")."};
  return f;
}

}  // namespace

std::vector<ConsistencyFlag> consistency(const Cadre &cadre, Date as_of,
                                         const EligibilityPolicy &policy) {
  std::vector<ConsistencyFlag> out;
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    const bool calls = !d.measures.empty() ||
                       std::find(d.forms.begin(), d.forms.end(),
                                 AccountabilityForm::kOrganisationalAdjustment) != d.forms.end();
    if (!calls || !d.decided_on) {
      continue;
    }
    const Date due = d.decided_on->add_months(policy.adjustment_deadline.months);
    if (due < as_of && !adjusted(cadre, d.id, as_of)) {
      out.push_back(no_adjustment(cadre, RecordKind::kAccountabilityDecision, d.id, *d.decided_on,
                                  policy.adjustment_deadline, policy, "作出组织调整的问责决定",
                                  "an accountability decision called for an organisational "
                                  "adjustment"));
    }
  }
  for (const GovernmentSanction &g : cadre.government_sanctions) {
    const std::optional<Date> day = first_of(g.effective_on, g.decided_on);
    if (g.kind != GovernmentSanctionKind::kDismissalFromPost || !day) {
      continue;
    }
    const Date due = day->add_months(policy.sanction_adjustment_deadline.months);
    if (due < as_of && !adjusted(cadre, g.id, as_of)) {
      out.push_back(no_adjustment(cadre, RecordKind::kGovernmentSanction, g.id, *day,
                                  policy.sanction_adjustment_deadline, policy, "受到政务处分撤职",
                                  "a government sanction of dismissal took effect"));
    }
  }
  for (const PartySanction &s : cadre.party_sanctions) {
    const std::optional<Date> day = first_of(s.effective_on, s.decided_on);
    const bool calls = s.kind == PartySanctionKind::kRemovalFromPartyPost ||
                       s.kind == PartySanctionKind::kProbationWithinParty ||
                       s.kind == PartySanctionKind::kExpulsion;
    if (!calls || !day) {
      continue;
    }
    const Date due = day->add_months(policy.sanction_adjustment_deadline.months);
    if (due < as_of && !adjusted(cadre, s.id, as_of)) {
      out.push_back(no_adjustment(cadre, RecordKind::kPartySanction, s.id, *day,
                                  policy.sanction_adjustment_deadline, policy,
                                  "受到撤销党内职务、留党察看或者开除党籍处分",
                                  "a party sanction removing party posts took effect"));
    }
  }
  for (const Adjustment &a : cadre.adjustments) {
    const std::optional<Date> day = first_of(a.decided_on, a.executed_on);
    if (!day || as_of < *day) {
      continue;
    }
    for (const Incident &i : cadre.incidents) {
      bool behind = i.id == a.basis_id;
      for (const AccountabilityDecision &d : cadre.accountability_decisions) {
        if (d.id == a.basis_id &&
            std::find(d.incident_ids.begin(), d.incident_ids.end(), i.id) != d.incident_ids.end()) {
          behind = true;
        }
      }
      if (!behind || !i.verified || i.severity != Severity::kGrave ||
          sanctioned(cadre, i.id, as_of)) {
        continue;
      }
      ConsistencyFlag f;
      f.cadre_id = cadre.id;
      f.rule_id = "consistency.no-sanction";
      f.record = RecordRef{.kind = RecordKind::kAdjustment, .id = a.id, .cadre_id = ""};
      f.citations = {policy.discipline_track, policy.adjustment_deadline.citation,
                     policy.dual_track};
      f.explanation = {
          ds(*day) + "作出组织调整（记录 " + a.id + "），所依据的问题（记录 " + i.id +
              "）经核实、情节严重，但没有相应的党纪或者政务处分记录；依据" +
              doc_of(policy.discipline_track) +
              "，涉及违纪违法的应当按照党的纪律规定和有关法律法规办理，不得以组织调整代替纪律处分"
              "（组织调整依据" +
              doc_of(policy.adjustment_deadline.citation) + "）。",
          "An organisational adjustment of " + ds(*day) + " (record " + a.id +
              ") rests on a verified grave incident (record " + i.id +
              ") with no party or government sanction recorded; under " +
              doc_of(policy.discipline_track) +
              " violations go through the discipline rules: an adjustment must not replace the "
              "sanction (adjustment rule: " +
              doc_of(policy.adjustment_deadline.citation) + ")."};
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace api_v1
}  // namespace cadre
