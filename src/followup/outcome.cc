// The outcomes of follow-up: re-appointment checked against eligibility's impact
// periods and the template's conditions, commendation, a second adjustment that
// yields the finding opening a new case; the cadre's history; the check of the
// adjustment method (proportionality).
#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "cadre/followup_plan.hpp"
#include "cadre/labels.hpp"
#include "followup/followup_internal.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

std::string zh(Channel c) { return std::string(label(c, Language::kZhCn)); }
std::string en(Channel c) { return std::string(label(c, Language::kEn)); }
std::string zh(AdjustmentMethod m) { return std::string(label(m, Language::kZhCn)); }
std::string en(AdjustmentMethod m) { return std::string(label(m, Language::kEn)); }

Status check_facts(const std::vector<RecordedFact> &facts) {
  std::set<std::string, std::less<>> keys;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const std::string p = "facts[" + std::to_string(i) + "].";
    if (facts[i].key.empty()) return invalid_argument(p + "key", "required");
    if (!keys.insert(facts[i].key).second) return invalid_argument(p + "key", "repeated");
    if (facts[i].recorded_by.empty()) {
      return invalid_argument(p + "recorded_by", "required: who recorded the fact (role or id)");
    }
    if (!facts[i].recorded_on) return invalid_argument(p + "recorded_on", "required");
  }
  return {};
}

const Adjustment *find_adjustment(const Cadre &cadre, std::string_view id) {
  for (const Adjustment &a : cadre.adjustments) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

RankLevel former_level(const Cadre &cadre, const Adjustment &a) {
  for (const Post &p : cadre.posts) {
    if (!a.from_post_id.empty() && p.id == a.from_post_id) return p.rank_level;
  }
  return RankLevel::kUnspecified;
}

void impact_period(const ConditionCheck &base, const EligibilityAnswer &e, ConditionCheck &out) {
  out = base;
  if (e.eligible) {
    out.state = ConditionState::kMet;
    out.explanation = {
        "截至" + e.as_of.to_string() + "，没有阻碍任用的影响期或者条件。",
        "On " + e.as_of.to_string() + " no impact period or condition stands in the way."};
    return;
  }
  out.state = ConditionState::kNotMet;
  out.met_from = e.eligible_from;
  std::string zh_text = "截至" + e.as_of.to_string() + "，尚有阻碍任用的事项：";
  std::string en_text = "On " + e.as_of.to_string() + " still in the way:";
  for (std::size_t i = 0; i < e.blockers.size(); ++i) {
    const Blocker &b = e.blockers[i];
    const std::string lifts = b.lifts_on ? b.lifts_on->to_string() : std::string("-");
    zh_text += (i == 0 ? "" : "；") + b.rule_id + "（记录 " + b.record.id + "，" +
               (b.lifts_on ? lifts + "起解除" : std::string("不自行解除")) + "）";
    en_text += (i == 0 ? " " : "; ") + b.rule_id + " (record " + b.record.id + ", " +
               (b.lifts_on ? "lifts on " + lifts : std::string("does not lift by itself")) + ")";
    for (const Citation &c : b.citations) out.citations.push_back(c);
  }
  zh_text += "。";
  en_text += ".";
  out.explanation = {std::move(zh_text), std::move(en_text)};
}

void recorded(const ConditionCheck &base, const std::vector<RecordedFact> &facts, Date as_of,
              ConditionCheck &out, std::vector<std::string> &missing) {
  out = base;
  for (const RecordedFact &f : facts) {
    if (f.key != base.key || !f.recorded_on || as_of < *f.recorded_on) continue;
    out.state = f.holds ? ConditionState::kMet : ConditionState::kNotMet;
    const std::string day = f.recorded_on->to_string();
    const std::string ev = f.evidence_ref.empty() ? std::string() : f.evidence_ref;
    out.explanation = {(f.holds ? "已记录符合（" : "已记录不符合（") + f.recorded_by + "，" + day +
                           (ev.empty() ? "" : "，依据 " + ev) + "）。",
                       std::string(f.holds ? "Recorded as met (" : "Recorded as not met (") +
                           f.recorded_by + ", " + day + (ev.empty() ? "" : ", evidence " + ev) +
                           ")."};
    return;
  }
  out.state = ConditionState::kUnknown;
  out.explanation = {"尚未记录：须由有关人员核实记录（键 " + base.key + "）。",
                     "Not recorded: someone must verify and record it (key " + base.key + ")."};
  missing.push_back(base.key);
}

void followed_up(const ConditionCheck &base, const PlanStatus &st, ConditionCheck &out) {
  out = base;
  std::vector<std::string> overdue;
  for (const ItemStatus &is : st.items) {
    if (is.state == ItemState::kOverdue) overdue.push_back(is.item.key);
  }
  if (overdue.empty()) {
    out.state = ConditionState::kMet;
    out.explanation = {"计划中到期事项均已完成。", "Every item of the plan due so far is done."};
    return;
  }
  out.state = ConditionState::kNotMet;
  std::string list;
  for (const std::string &k : overdue) list += (list.empty() ? "" : ", ") + k;
  out.explanation = {"逾期未完成：" + list + "。", "Overdue: " + list + "."};
}

void task_assessment(const ConditionCheck &base, const FollowUpPlan &plan, Date as_of,
                     ConditionCheck &out, std::vector<std::string> &missing) {
  out = base;
  bool any = false;
  std::string unassessed;
  std::string poor;
  for (const SpecialTask &t : plan.special_tasks) {
    if (!t.start_date || as_of < *t.start_date) continue;
    any = true;
    if (t.grade == AssessmentGrade::kUnspecified) {
      unassessed += (unassessed.empty() ? "" : ", ") + t.id;
    } else if (t.grade != AssessmentGrade::kExcellent && t.grade != AssessmentGrade::kCompetent) {
      poor += (poor.empty() ? "" : ", ") + t.id;
    }
  }
  if (!any) {
    out.state = ConditionState::kNotApplicable;
    out.explanation = {"未安排中心工作、专项任务。", "No central or special task was given."};
  } else if (!poor.empty()) {
    out.state = ConditionState::kNotMet;
    out.explanation = {"单独考核为基本称职以下：" + poor + "。",
                       "Assessed below competent: " + poor + "."};
  } else if (!unassessed.empty()) {
    out.state = ConditionState::kUnknown;
    out.explanation = {"尚未单独考核：" + unassessed + "。",
                       "Not assessed yet: " + unassessed + "."};
    missing.push_back(base.key);
  } else {
    out.state = ConditionState::kMet;
    out.explanation = {"专项任务单独考核均为称职以上。",
                       "Every task was assessed competent or better."};
  }
}

void health(const ConditionCheck &base, const Cadre &cadre, Date as_of, ConditionCheck &out) {
  out = base;
  std::string open;
  for (const HealthSpell &h : cadre.health_spells) {
    if (!h.start_date || as_of < *h.start_date) continue;
    if (!h.end_date || as_of < *h.end_date) open += (open.empty() ? "" : ", ") + h.id;
  }
  if (open.empty()) {
    out.state = ConditionState::kMet;
    out.explanation = {"截至" + as_of.to_string() + "，健康记录均已结束。",
                       "On " + as_of.to_string() + " every spell of ill health has ended."};
  } else {
    out.state = ConditionState::kNotMet;
    out.explanation = {"健康记录尚未结束：" + open + "。",
                       "Spells of ill health still open: " + open + "."};
  }
}

bool is_removal_like(AdjustmentMethod m) {
  return m == AdjustmentMethod::kRemoval || m == AdjustmentMethod::kDemotion ||
         m == AdjustmentMethod::kOrderedResignation;
}

bool is_transfer_like(AdjustmentMethod m) {
  return m == AdjustmentMethod::kTransferOut || m == AdjustmentMethod::kNonLeadershipPost ||
         m == AdjustmentMethod::kRankOnlyPost;
}

}  // namespace

StatusOr<ReappointmentAnswer> check_reappointment(const FollowUpCatalogue &catalogue,
                                                  const Cadre &cadre, std::string_view plan_id,
                                                  const std::vector<RecordedFact> &facts,
                                                  Date as_of, const Engine &engine,
                                                  const WorkCalendar &calendar) {
  const FollowUpPlan *fp = detail::find_plan(cadre, plan_id);
  if (fp == nullptr || plan_id.empty()) {
    return Status(StatusCode::kNotFound, "no plan of the cadre has this id", "plan_id");
  }
  if (Status s = check_facts(facts); !s.ok()) return s;
  StatusOr<PlanStatus> st = plan_status(catalogue, cadre, plan_id, as_of, calendar);
  if (!st.ok()) return st.status();
  const FollowUpTemplate *t = catalogue.find(st.value().schedule.template_id);
  const Adjustment *a = find_adjustment(cadre, fp->adjustment_id);
  ReappointmentAnswer r;
  r.cadre_id = cadre.id;
  r.plan_id = fp->id;
  r.as_of = as_of;
  r.level = a != nullptr ? former_level(cadre, *a) : RankLevel::kUnspecified;
  const EligibilityAnswer e =
      eligibility(cadre,
                  r.level == RankLevel::kUnspecified ? EligibilityTarget::kSameLevel
                                                     : EligibilityTarget::kNamedLevel,
                  r.level, as_of, engine);
  r.blockers = e.blockers;
  r.catalogue = e.catalogue;
  r.earliest = e.eligible ? std::optional<Date>(as_of) : e.eligible_from;
  bool allowed = t != nullptr;
  if (t != nullptr) {
    for (const ReappointmentCondition &c : t->conditions) {
      ConditionCheck base;
      base.key = c.key;
      base.source = c.source;
      base.text = c.text;
      base.citations = c.citations;
      ConditionCheck &out = r.conditions.emplace_back();
      switch (c.source) {
        case ConditionSource::kImpactPeriod:
          impact_period(base, e, out);
          break;
        case ConditionSource::kRecordedFact:
          recorded(base, facts, as_of, out, r.missing);
          break;
        case ConditionSource::kFollowUpDone:
          followed_up(base, st.value(), out);
          break;
        case ConditionSource::kTaskAssessment:
          task_assessment(base, *fp, as_of, out, r.missing);
          break;
        case ConditionSource::kHealthRecovered:
          health(base, cadre, as_of, out);
          break;
        case ConditionSource::kUnspecified:
          out = base;
          break;
      }
      if (out.state != ConditionState::kMet && out.state != ConditionState::kNotApplicable) {
        allowed = false;
      }
    }
  }
  r.allowed = allowed;
  return r;
}

StatusOr<OutcomeAnswer> decide_outcome(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                                       std::string_view plan_id, const OutcomeRequest &request,
                                       const Engine &engine, const WorkCalendar &calendar) {
  const FollowUpPlan *fp = detail::find_plan(cadre, plan_id);
  if (fp == nullptr || plan_id.empty()) {
    return Status(StatusCode::kNotFound, "no plan of the cadre has this id", "plan_id");
  }
  if (fp->outcome && fp->outcome->kind != FollowUpOutcomeKind::kContinuing &&
      fp->outcome->kind != FollowUpOutcomeKind::kUnspecified) {
    return Status(StatusCode::kFailedPrecondition, "the plan has a final outcome", "outcome");
  }
  if (request.kind == FollowUpOutcomeKind::kUnspecified) {
    return invalid_argument("kind", "required");
  }
  if (fp->start_date && request.decided_on < *fp->start_date) {
    return invalid_argument("decided_on", "before the plan's start_date");
  }
  if (fp->outcome && fp->outcome->decided_on && request.decided_on < *fp->outcome->decided_on) {
    return invalid_argument("decided_on", "before the plan's last decision");
  }
  OutcomeAnswer out;
  out.plan = *fp;
  if (request.kind == FollowUpOutcomeKind::kReappointed) {
    StatusOr<ReappointmentAnswer> r = check_reappointment(catalogue, cadre, plan_id, request.facts,
                                                          request.decided_on, engine, calendar);
    if (!r.ok()) return r.status();
    if (!r.value().allowed) {
      std::string keys;
      for (const ConditionCheck &c : r.value().conditions) {
        if (c.state == ConditionState::kMet || c.state == ConditionState::kNotApplicable) continue;
        keys += (keys.empty() ? "" : ", ") + c.key +
                (c.state == ConditionState::kUnknown ? " (unknown)" : " (not met)");
      }
      if (r.value().conditions.empty()) keys = "no template conditions";
      return Status(
          StatusCode::kFailedPrecondition,
          "re-appointment is not allowed on " + request.decided_on.to_string() + ": " + keys,
          "kind");
    }
    out.reappointment = std::move(r.value());
  } else if (request.kind == FollowUpOutcomeKind::kAdjustedAgain) {
    Finding f;
    f.cadre_id = cadre.id;
    f.rule_id = "followup.adjusted-again";
    f.channel = Channel::kUnsuitable;
    f.determination = Determination::kNeedsVerification;
    f.effective_date = request.decided_on;
    f.procedure = ProcedureKind::kUnsuitableAdjustment;
    f.status = FindingStatus::kActive;
    f.records.push_back({RecordKind::kFollowUpPlan, fp->id, ""});
    f.records.push_back({RecordKind::kAdjustment, fp->adjustment_id, ""});
    const auto j = static_cast<std::size_t>(fp - cadre.follow_up_plans.data());
    f.facts.push_back({"plan_id", fp->id, "follow_up_plans[" + std::to_string(j) + "].id"});
    f.facts.push_back({"decided_on", request.decided_on.to_string(), ""});
    const Adjustment *a = find_adjustment(cadre, fp->adjustment_id);
    const FollowUpTemplate *t = a != nullptr && a->executed_on
                                    ? catalogue.select(a->channel, a->method, *a->executed_on,
                                                       detail::plan_region(cadre, *a))
                                    : nullptr;
    if (t != nullptr) {
      for (const FollowUpItemTemplate &it : t->items) {
        if (it.kind == FollowUpItemKind::kReview) f.citations = it.citations;
      }
      if (f.citations.empty()) f.citations = t->citations;
    }
    f.explanation = {
        "后续管理计划 " + fp->id + " 于" + request.decided_on.to_string() +
            "决定再次进行组织调整（表现仍较差），须核实后按不适宜担任现职调整程序办理。",
        "Follow-up plan " + fp->id + " decided on " + request.decided_on.to_string() +
            " to adjust the cadre again (performance still poor); to be verified, "
            "then handled under the procedure for cadres unsuitable for the post."};
    out.readjustment = std::move(f);
  }
  out.plan.outcome = FollowUpOutcome{request.kind, request.decided_on, request.record_id};
  return out;
}

std::vector<HistoryEntry> followup_history(const Cadre &cadre, Date as_of) {
  std::vector<HistoryEntry> h;
  const auto add = [&](Date day, HistoryKind kind, std::string plan_id, RecordRef ref,
                       LocalizedText text) {
    if (as_of < day) return;
    h.push_back({day, kind, std::move(plan_id), std::move(ref), std::move(text)});
  };
  for (const Adjustment &a : cadre.adjustments) {
    if (!a.executed_on) continue;
    add(*a.executed_on, HistoryKind::kAdjusted, "", {RecordKind::kAdjustment, a.id, ""},
        {a.executed_on->to_string() + " 组织调整（" + zh(a.channel) + "，" + zh(a.method) + "）",
         a.executed_on->to_string() + " adjusted (" + en(a.channel) + ", " + en(a.method) + ")"});
  }
  for (const FollowUpPlan &p : cadre.follow_up_plans) {
    const RecordRef plan_ref{RecordKind::kFollowUpPlan, p.id, ""};
    if (p.start_date) {
      add(*p.start_date, HistoryKind::kPlanOpened, p.id, plan_ref,
          {p.start_date->to_string() + " 纳入后续管理（计划 " + p.id + "，调整 " + p.adjustment_id +
               "）",
           p.start_date->to_string() + " follow-up plan " + p.id + " started (adjustment " +
               p.adjustment_id + ")"});
    }
    for (const Talk &t : p.talks) {
      if (!t.held_on) continue;
      add(*t.held_on, HistoryKind::kTalk, p.id, plan_ref,
          {t.held_on->to_string() + " " + std::string(label(t.actor, Language::kZhCn)) +
               "谈心谈话（" + t.id + "）",
           t.held_on->to_string() + " talk by the " + std::string(label(t.actor, Language::kEn)) +
               " (" + t.id + ")"});
    }
    for (const Training &t : p.trainings) {
      const std::optional<Date> day = t.end_date ? t.end_date : t.start_date;
      if (!day) continue;
      add(*day, HistoryKind::kTraining, p.id, plan_ref,
          {day->to_string() + " 完成教育培训（" + t.id + "）",
           day->to_string() + " training finished (" + t.id + ")"});
    }
    for (const SpecialTask &t : p.special_tasks) {
      if (t.start_date) {
        add(*t.start_date, HistoryKind::kTask, p.id, plan_ref,
            {t.start_date->to_string() + " 参加中心工作、专项任务（" + t.id + "）",
             t.start_date->to_string() + " central or special task begun (" + t.id + ")"});
      }
      if (t.end_date && t.grade != AssessmentGrade::kUnspecified) {
        add(*t.end_date, HistoryKind::kTaskAssessed, p.id, plan_ref,
            {t.end_date->to_string() + " 专项任务单独考核：" +
                 std::string(label(t.grade, Language::kZhCn)) + "（" + t.id + "）",
             t.end_date->to_string() + " task assessed separately: " +
                 std::string(label(t.grade, Language::kEn)) + " (" + t.id + ")"});
      }
    }
    if (p.outcome && p.outcome->decided_on) {
      HistoryKind k = HistoryKind::kReviewed;
      switch (p.outcome->kind) {
        case FollowUpOutcomeKind::kReappointed:
          k = HistoryKind::kReappointed;
          break;
        case FollowUpOutcomeKind::kCommended:
          k = HistoryKind::kCommended;
          break;
        case FollowUpOutcomeKind::kAdjustedAgain:
          k = HistoryKind::kAdjustedAgain;
          break;
        case FollowUpOutcomeKind::kContinuing:
        case FollowUpOutcomeKind::kUnspecified:
          break;
      }
      const LocalizedText l = followup_label(k);
      const std::string rec = p.outcome->record_id.empty() ? "" : "，" + p.outcome->record_id;
      const std::string rec_en = p.outcome->record_id.empty() ? "" : ", " + p.outcome->record_id;
      add(*p.outcome->decided_on, k, p.id, plan_ref,
          {p.outcome->decided_on->to_string() + " " + l.zh_cn + "（计划 " + p.id + rec + "）",
           p.outcome->decided_on->to_string() + " " + l.en + " (plan " + p.id + rec_en + ")"});
    }
  }
  std::stable_sort(h.begin(), h.end(), [](const HistoryEntry &x, const HistoryEntry &y) {
    if (x.day != y.day) return x.day < y.day;
    if (x.kind != y.kind) return x.kind < y.kind;
    return x.record.id < y.record.id;
  });
  return h;
}

StatusOr<std::vector<ProportionalityFlag>> check_method(const FollowUpCatalogue &catalogue,
                                                        const Cadre &cadre,
                                                        std::string_view adjustment_id,
                                                        const MethodFacts &facts, Date as_of) {
  const Adjustment *a = find_adjustment(cadre, adjustment_id);
  if (a == nullptr || adjustment_id.empty()) {
    return Status(StatusCode::kNotFound, "no adjustment of the cadre has this id", "adjustment_id");
  }
  if (facts.not_own_reasons && facts.recorded_by.empty()) {
    return invalid_argument("facts.recorded_by", "required: who recorded the fact (role or id)");
  }
  const Date day = a->decided_on ? *a->decided_on : a->executed_on ? *a->executed_on : as_of;
  std::vector<ProportionalityFlag> flags;
  const auto flag = [&](const MethodCheckRule &rule, std::vector<AdjustmentMethod> called_for,
                        const std::string &why_zh, const std::string &why_en) {
    ProportionalityFlag f;
    f.rule_id = "followup.method." + rule.key;
    f.adjustment_id = a->id;
    f.method = a->method;
    f.called_for = std::move(called_for);
    f.citations = rule.citations;
    f.explanation = {
        "调整 " + a->id + " 采取" + zh(a->method) + "；" + why_zh + "。" + rule.text.zh_cn + "。",
        "Adjustment " + a->id + " used " + en(a->method) + "; " + why_en + ". " + rule.text.en +
            "."};
    flags.push_back(std::move(f));
  };
  if (const MethodCheckRule *r = catalogue.check("not-own-reasons");
      r != nullptr && facts.not_own_reasons && is_removal_like(a->method)) {
    flag(*r,
         {AdjustmentMethod::kTransferOut, AdjustmentMethod::kNonLeadershipPost,
          AdjustmentMethod::kRankOnlyPost},
         "已记录为非个人原因不能胜任（" + facts.recorded_by + "）",
         "recorded as unable to cope for reasons not his own (" + facts.recorded_by + ")");
  }
  for (const HealthSpell &h : cadre.health_spells) {
    if (!h.start_date || day < *h.start_date || (h.end_date && *h.end_date < day)) continue;
    const MethodCheckRule *removal = catalogue.check("health-removal");
    bool exceeded = false;
    if (removal != nullptr && h.continuous_leave) {
      // 超过: the leave exceeds the period once a full period has passed, the first day of
      // the leave being its day one.
      Date end = *h.start_date;
      switch (removal->period.unit) {
        case PeriodUnit::kYears:
          end = h.start_date->add_years(removal->period.amount);
          break;
        case PeriodUnit::kMonths:
          end = h.start_date->add_months(removal->period.amount);
          break;
        case PeriodUnit::kDays:
        case PeriodUnit::kWorkingDays:
        case PeriodUnit::kUnspecified:
          end = h.start_date->add_days(removal->period.amount);
          break;
      }
      exceeded = end <= day;
      if (exceeded && is_transfer_like(a->method)) {
        flag(*removal, {AdjustmentMethod::kRemoval},
             "健康记录 " + h.id + " 自" + h.start_date->to_string() + "起连续离岗，至" +
                 day.to_string() + "已超过期限",
             "health record " + h.id + " shows continuous sick leave from " +
                 h.start_date->to_string() + ", beyond the period by " + day.to_string());
      }
    }
    const MethodCheckRule *able = catalogue.check("health-partially-able");
    if (able != nullptr && a->channel == Channel::kUnableToPerform && h.partially_able &&
        !exceeded && is_removal_like(a->method)) {
      flag(*able, {AdjustmentMethod::kTransferOut, AdjustmentMethod::kNonLeadershipPost},
           "健康记录 " + h.id + " 记载能够承担一定工作任务",
           "health record " + h.id + " shows the cadre can carry some duties");
    }
  }
  return flags;
}

}  // namespace api_v1
}  // namespace cadre
