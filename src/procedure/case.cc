// The reducer of procedure cases (issue 10 §3): apply() checks one event against the
// definition and advances the state or refuses the event with a reason, the field and the
// citation of the rule; due() answers what is due next; a Case chains the events' bytes.
#include "cadre/case.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "cadre/labels.hpp"
#include "catalogue/sha256.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

// The first citation of the first list that has one.
// A reference into the lists (or to an empty citation): most events are accepted, and their
// citation is copied only into a rejection.
const Citation &first_of(std::initializer_list<const std::vector<Citation> *> lists) {
  static const Citation kNone;
  for (const std::vector<Citation> *l : lists) {
    if (l != nullptr && !l->empty()) {
      return l->front();
    }
  }
  return kNone;
}

std::string rule_name(const Citation &c) {
  std::string out = c.key;
  if (!c.article.empty()) out += " " + c.article;
  if (!c.item.empty()) out += (c.article.empty() ? " " : "") + c.item;
  return out;
}

Rejection reject(CaseRejection reason, std::string field, const std::string &zh,
                 const std::string &en, Citation citation) {
  Rejection r;
  r.reason = reason;
  r.message.zh_cn = std::string(label(reason, Language::kZhCn)) + "（" + field + "）";
  r.message.en = std::string(label(reason, Language::kEn)) + " (" + field + ")";
  if (!zh.empty()) r.message.zh_cn += "：" + zh;
  if (!en.empty()) r.message.en += ": " + en;
  if (!citation.key.empty()) {
    r.message.zh_cn += "［依据 " + rule_name(citation) + "］";
    r.message.en += " [rule " + rule_name(citation) + "]";
  }
  r.field = std::move(field);
  r.citation = std::move(citation);
  return r;
}

const SuppliedFact *find_fact(const std::vector<SuppliedFact> &facts, std::string_view key) {
  for (const SuppliedFact &f : facts) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

StageState *stage_of(CaseState &state, std::string_view key) {
  for (StageState &s : state.stages) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::string threshold_zh(const Threshold &t) {
  return std::string(t.inclusive ? "" : "超过") + std::to_string(t.numerator) + "/" +
         std::to_string(t.denominator) + (t.inclusive ? "以上" : "") + "（" +
         std::string(label(t.base, Language::kZhCn)) + "）";
}

std::string threshold_en(const Threshold &t) {
  return std::string(t.inclusive ? "at least " : "more than ") + std::to_string(t.numerator) + "/" +
         std::to_string(t.denominator) + " of the " + std::string(label(t.base, Language::kEn));
}

int base_of(const Threshold &t, const Votes &v) {
  return t.base == MajorityBase::kMembersPresent ? v.present : v.members_due;
}

// The day a period starts from, when the case knows it. @p pending: the facts of the event
// being applied, for an anchor in its own stage.
std::optional<Date> anchor_day(const DeadlineAnchor &from, const CaseState &state,
                               std::string_view event_stage,
                               const std::vector<SuppliedFact> *pending) {
  const StageState *s = state.stage(from.stage);
  switch (from.point) {
    case AnchorPoint::kStageEntered:
      return s != nullptr ? s->entered_on : std::nullopt;
    case AnchorPoint::kStageCompleted:
      return s != nullptr ? s->completed_on : std::nullopt;
    case AnchorPoint::kFactDate: {
      const SuppliedFact *f = nullptr;
      if (pending != nullptr && from.stage == event_stage) f = find_fact(*pending, from.fact);
      if (f == nullptr && s != nullptr) f = find_fact(s->facts, from.fact);
      if (f != nullptr && f->type == FactType::kDate) return f->date;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// The last day of a period (the day after which a NOT_BEFORE step may be taken).
StatusOr<Date> last_day(const Deadline &d, Date start, const WorkCalendar &calendar) {
  if (d.unit == PeriodUnit::kWorkingDays || d.roll_forward) {
    return calendar.period_end_date(start, d.amount, d.unit);
  }
  switch (d.unit) {
    case PeriodUnit::kDays:
      return start.add_days(d.amount);
    case PeriodUnit::kMonths:
      return start.add_months(d.amount);
    case PeriodUnit::kYears:
      return start.add_years(d.amount);
    default:
      return invalid_argument("unit", "must be working days, days, months or years");
  }
}

bool branch_openable(const CaseState &state, const Stage &stage) {
  if (stage.entry != StageEntry::kBranch) return false;
  const StageState *s = state.stage(stage.key);
  const StageState *from = state.stage(stage.branch_from);
  const bool awaited = std::any_of(state.awaited.begin(), state.awaited.end(),
                                   [&](const Awaited &a) { return a.stage == stage.key; });
  return s != nullptr && s->completions == 0 && !awaited && from != nullptr &&
         from->completions > 0;
}

std::optional<Rejection> check_actor(const Stage &stage, const EventActor &actor) {
  const Citation &cite = first_of({&stage.citations});
  const Actor &want = stage.actor;
  if (want.role != ActorRole::kUnspecified && actor.role != want.role) {
    return reject(CaseRejection::kNoAuthority, "actor.role",
                  "应为" + std::string(label(want.role, Language::kZhCn)),
                  "must be " + std::string(label(want.role, Language::kEn)), cite);
  }
  if (!want.bodies.empty() &&
      std::find(want.bodies.begin(), want.bodies.end(), actor.body) == want.bodies.end()) {
    return reject(CaseRejection::kNoAuthority, "actor.body",
                  std::string(label(actor.body, Language::kZhCn)) + "不在规定的机关之列",
                  std::string(label(actor.body, Language::kEn)) + " is not a body the stage names",
                  cite);
  }
  if (want.level != AuthorityLevel::kUnspecified) {
    const bool none_ok =
        want.level == AuthorityLevel::kNone &&
        (actor.level == AuthorityLevel::kNone || actor.level == AuthorityLevel::kUnspecified);
    if (!none_ok && actor.level != want.level) {
      return reject(CaseRejection::kNoAuthority, "actor.level",
                    "应为" + std::string(label(want.level, Language::kZhCn)),
                    "must be " + std::string(label(want.level, Language::kEn)), cite);
    }
  }
  return std::nullopt;
}

// The task stage a fact "<task stage>.<task id>.<field>" of an event of @p setter sets a task
// of, or nullptr when the key is not of that form for a task stage set by @p setter.
const Stage *task_stage_of(const ProcedureDefinition &def, const Stage &setter,
                           std::string_view key) {
  const std::size_t a = key.find('.');
  if (a == std::string_view::npos) return nullptr;
  const std::size_t b = key.find('.', a + 1);
  if (b == std::string_view::npos || b == a + 1 || b + 1 == key.size()) return nullptr;
  const Stage *ts = def.stage(key.substr(0, a));
  return ts != nullptr && ts->entry == StageEntry::kTask && ts->branch_from == setter.key ? ts
                                                                                          : nullptr;
}

// The tasks an event of @p stage sets, each with its deadline; refuses a bad one.
std::optional<Rejection> tasks_set(const ProcedureDefinition &def, const Stage &stage,
                                   const CaseState &state, const CaseEvent &event,
                                   const WorkCalendar &calendar, std::vector<Awaited> &out) {
  for (std::size_t i = 0; i < event.facts.size(); ++i) {
    const SuppliedFact &f = event.facts[i];
    const Stage *ts = task_stage_of(def, stage, f.key);
    if (ts == nullptr) continue;
    const Citation &cite = first_of({&ts->citations, &stage.citations});
    const std::string path = "facts[" + std::to_string(i) + "]";
    const std::size_t a = ts->key.size() + 1;
    const std::size_t b = f.key.find('.', a);
    Awaited t{ts->key, true, event.day, f.key.substr(a, b - a), std::nullopt};
    const std::string field = f.key.substr(b + 1);
    if (field == "due_on") {
      if (f.type != FactType::kDate) {
        return reject(CaseRejection::kInvalidFact, path + ".type", "应为日期", "must be a date",
                      cite);
      }
      if (f.date < event.day) {
        return reject(CaseRejection::kInvalidFact, path + ".date",
                      f.date.to_string() + " 早于事件日期 " + event.day.to_string(),
                      f.date.to_string() + " is before the event's day " + event.day.to_string(),
                      cite);
      }
      t.deadline = f.date;
    } else if (field == "working_days") {
      if (f.type != FactType::kInteger) {
        return reject(CaseRejection::kInvalidFact, path + ".type", "应为整数", "must be an integer",
                      cite);
      }
      if (f.number < 1 || f.number > 3650) {
        return reject(CaseRejection::kInvalidFact, path + ".number", "应为1至3650个工作日",
                      "must be 1 to 3650 working days", cite);
      }
      auto end =
          calendar.period_end_date(event.day, static_cast<int>(f.number), PeriodUnit::kWorkingDays);
      if (!end.ok()) {
        return reject(CaseRejection::kCalendarUnknown, path + ".number", end.status().to_string(),
                      end.status().to_string(), cite);
      }
      t.deadline = *end;
    } else {
      return reject(
          CaseRejection::kInvalidFact, path + ".key",
          "事项的期限写作“" + ts->key + ".<事项>.due_on”或“" + ts->key + ".<事项>.working_days”",
          "a task's deadline is \"" + ts->key + ".<task>.due_on\" or \"" + ts->key +
              ".<task>.working_days\"",
          cite);
    }
    const auto same = [&](const Awaited &x) { return x.stage == t.stage && x.task == t.task; };
    if (std::any_of(out.begin(), out.end(), same)) {
      return reject(CaseRejection::kInvalidFact, path + ".key", "事项“" + t.task + "”的期限重复",
                    "two deadlines for task \"" + t.task + "\"", cite);
    }
    if (std::any_of(state.awaited.begin(), state.awaited.end(), same)) {
      return reject(CaseRejection::kInvalidFact, path + ".key",
                    "事项“" + t.task + "”尚未办结，不得重复设定",
                    "task \"" + t.task + "\" is open already", cite);
    }
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(),
            [](const Awaited &x, const Awaited &y) { return x.task < y.task; });
  return std::nullopt;
}

std::optional<Rejection> check_facts(const ProcedureDefinition &def, const Stage &stage,
                                     const CaseEvent &event) {
  const Citation &cite = first_of({&stage.citations});
  for (std::size_t i = 0; i < event.facts.size(); ++i) {
    const SuppliedFact &f = event.facts[i];
    const std::string path = "facts[" + std::to_string(i) + "]";
    const FactRequirement *req = stage.fact(f.key);
    if (req == nullptr && task_stage_of(def, stage, f.key) != nullptr) {
      continue;  // a task set (tasks_set() checks it)
    }
    if (req == nullptr) {
      return reject(CaseRejection::kInvalidFact, path + ".key",
                    "环节“" + stage.key + "”没有事实“" + f.key + "”",
                    "stage \"" + stage.key + "\" has no fact \"" + f.key + "\"", cite);
    }
    if (req->type == FactType::kVotes || f.type != req->type) {
      return reject(CaseRejection::kInvalidFact, path + ".type",
                    "应为" + std::string(label(req->type, Language::kZhCn)),
                    "must be " + std::string(label(req->type, Language::kEn)) +
                        (req->type == FactType::kVotes ? " (given as the event's votes)" : ""),
                    cite);
    }
    for (std::size_t k = 0; k < i; ++k) {
      if (event.facts[k].key == f.key) {
        return reject(CaseRejection::kInvalidFact, path + ".key", "重复", "duplicate", cite);
      }
    }
  }
  for (const FactRequirement &req : stage.facts) {
    if (!req.required) continue;
    if (req.type == FactType::kVotes) {
      if (!event.votes) {
        return reject(CaseRejection::kMissingFact, "votes", "缺少表决情况（" + req.key + "）",
                      "the votes (" + req.key + ") are missing", cite);
      }
    } else if (find_fact(event.facts, req.key) == nullptr) {
      return reject(CaseRejection::kMissingFact, "facts." + req.key, "缺少“" + req.name.zh_cn + "”",
                    req.name.en + " is missing", cite);
    }
  }
  for (const DocumentRequirement &doc : stage.documents) {
    if (doc.required && std::find(event.documents.begin(), event.documents.end(), doc.key) ==
                            event.documents.end()) {
      return reject(CaseRejection::kMissingDocument, "documents." + doc.key,
                    "缺少“" + doc.name.zh_cn + "”", doc.name.en + " is missing", cite);
    }
  }
  if (event.votes) {
    const Votes &v = *event.votes;
    if (v.members_due <= 0 || v.present < 0 || v.present > v.members_due || v.in_favour < 0 ||
        v.against < 0 || v.abstain < 0 ||
        static_cast<long long>(v.in_favour) + v.against + v.abstain > v.present) {
      return reject(
          CaseRejection::kInvalidVotes, "votes",
          "应到会 " + std::to_string(v.members_due) + "，实到会 " + std::to_string(v.present) +
              "，同意 " + std::to_string(v.in_favour) + "，不同意 " + std::to_string(v.against) +
              "，弃权 " + std::to_string(v.abstain),
          std::to_string(v.members_due) + " due, " + std::to_string(v.present) + " present, " +
              std::to_string(v.in_favour) + " for, " + std::to_string(v.against) + " against, " +
              std::to_string(v.abstain) + " abstaining",
          cite);
    }
  }
  return std::nullopt;
}

std::optional<Rejection> check_guards(const Stage &stage, const CaseState &state,
                                      const CaseEvent &event) {
  for (const Guard &g : stage.guards) {
    const Citation &cite = first_of({&g.citations, &stage.citations});
    switch (g.kind) {
      case GuardKind::kFactTrue: {
        const std::vector<SuppliedFact> *facts = &event.facts;
        if (!g.fact_stage.empty() && g.fact_stage != stage.key) {
          const StageState *s = state.stage(g.fact_stage);
          facts = s != nullptr ? &s->facts : nullptr;
        }
        const SuppliedFact *f = facts != nullptr ? find_fact(*facts, g.fact) : nullptr;
        if (f == nullptr || f->type != FactType::kBool || !f->yes) {
          return reject(CaseRejection::kConditionNotMet, "facts." + g.fact, g.text.zh_cn, g.text.en,
                        cite);
        }
        break;
      }
      case GuardKind::kApproval: {
        if (g.approver && g.approver->role != ActorRole::kUnspecified &&
            event.actor.role != g.approver->role) {
          return reject(
              CaseRejection::kApprovalMissing, "actor.role",
              "应经" + std::string(label(g.approver->role, Language::kZhCn)) + "审批",
              "approval by " + std::string(label(g.approver->role, Language::kEn)) + " is required",
              cite);
        }
        break;
      }
      case GuardKind::kCollectiveDecision: {
        if (!g.quorum) break;
        const Quorum &q = *g.quorum;
        const Citation &qcite = first_of({&q.citations, &g.citations, &stage.citations});
        if (!event.votes) {
          return reject(CaseRejection::kMissingFact, "votes", "集体讨论决定须记录到会和表决情况",
                        "a collective decision records its attendance and votes", qcite);
        }
        const Votes &v = *event.votes;
        if (!q.attendance.met(v.present, base_of(q.attendance, v))) {
          return reject(CaseRejection::kQuorumNotMet, "votes.present",
                        "应到会 " + std::to_string(v.members_due) + " 人，实到会 " +
                            std::to_string(v.present) + " 人；须 " + threshold_zh(q.attendance) +
                            " 到会",
                        std::to_string(v.present) + " of " + std::to_string(v.members_due) +
                            " present; the rule requires " + threshold_en(q.attendance),
                        qcite);
        }
        if (!q.majority.met(v.in_favour, base_of(q.majority, v))) {
          return reject(CaseRejection::kMajorityNotMet, "votes.in_favour",
                        "同意 " + std::to_string(v.in_favour) + " 人（应到会 " +
                            std::to_string(v.members_due) + "，实到会 " +
                            std::to_string(v.present) + "）；须 " + threshold_zh(q.majority) +
                            " 同意",
                        std::to_string(v.in_favour) + " in favour (" +
                            std::to_string(v.members_due) + " due, " + std::to_string(v.present) +
                            " present); the rule requires " + threshold_en(q.majority),
                        qcite);
        }
        break;
      }
      default:
        break;
    }
  }
  return std::nullopt;
}

std::optional<Rejection> check_prior(const Stage &stage, const CaseState &state) {
  for (const Guard &g : stage.guards) {
    if (g.kind != GuardKind::kStagesCompleted) continue;
    for (const std::string &key : g.stages) {
      const StageState *s = state.stage(key);
      if (s == nullptr || s->completions == 0) {
        return reject(CaseRejection::kPriorStageMissing, "stage",
                      "“" + stage.key + "”须在“" + key + "”完成之后" +
                          (g.text.zh_cn.empty() ? "" : "（" + g.text.zh_cn + "）"),
                      "\"" + stage.key + "\" comes after \"" + key + "\" is completed" +
                          (g.text.en.empty() ? "" : " (" + g.text.en + ")"),
                      first_of({&g.citations, &stage.citations}));
      }
    }
  }
  return std::nullopt;
}

std::optional<Rejection> apply_open(const ProcedureDefinition &def, std::string_view def_hash,
                                    CaseState &state, const CaseEvent &event) {
  const Citation &basis = first_of({&def.citations});
  if (state.events != 0) {
    return reject(CaseRejection::kNotOpening, "kind", "案件已经启动", "the case is open already",
                  basis);
  }
  const Stage *start = def.stage(event.stage);
  if (start == nullptr) {
    return reject(CaseRejection::kUnknownStage, "stage", "“" + event.stage + "”",
                  "\"" + event.stage + "\"", basis);
  }
  if (event.definition_hash != def_hash) {
    return reject(CaseRejection::kNotOpening, "definition_hash", "与“" + def.id + "”的内容哈希不符",
                  "not the content hash of \"" + def.id + "\"", basis);
  }
  const auto start_index = static_cast<std::size_t>(start - def.stages.data());
  CaseState next;
  next.procedure_id = def.id;
  next.opened_by = event.opened_by;
  next.opened_on = event.day;
  next.due_by = event.due_by;
  next.stages.reserve(def.stages.size());
  for (const Stage &s : def.stages) {
    StageState st;
    st.key = s.key;
    next.stages.push_back(std::move(st));
  }
  // The stages of the main line before the start are shown completed by the record.
  for (std::size_t i = 0; i < start_index; ++i) {
    if (def.stages[i].entry == StageEntry::kSequence) {
      next.stages[i].completed_on = event.day;
      next.stages[i].completions = 1;
      next.stages[i].by_record = true;
    }
  }
  for (std::size_t i = 0; i < event.facts.size(); ++i) {
    const SuppliedFact &f = event.facts[i];
    const std::string path = "facts[" + std::to_string(i) + "].key";
    const std::size_t dot = f.key.find('.');
    const Stage *s = dot == std::string::npos ? nullptr : def.stage(f.key.substr(0, dot));
    const FactRequirement *req = s == nullptr ? nullptr : s->fact(f.key.substr(dot + 1));
    if (req == nullptr || req->type != f.type ||
        static_cast<std::size_t>(s - def.stages.data()) >= start_index) {
      return reject(CaseRejection::kInvalidFact, path,
                    "启动事实须为起始环节之前某环节已声明的事实（环节.事实）",
                    "an opening fact is a declared fact of a stage before the start "
                    "(stage.fact)",
                    basis);
    }
    SuppliedFact copy = f;
    copy.key = req->key;
    StageState &st = next.stages[static_cast<std::size_t>(s - def.stages.data())];
    st.facts.push_back(std::move(copy));
    std::sort(st.facts.begin(), st.facts.end(),
              [](const SuppliedFact &a, const SuppliedFact &b) { return a.key < b.key; });
  }
  next.stages[start_index].entered_on = event.day;
  next.awaited.push_back(
      {start->key, start->entry == StageEntry::kBranch, event.day, {}, std::nullopt});
  next.events = 1;
  next.last_day = event.day;
  state = std::move(next);
  return std::nullopt;
}

}  // namespace

const StageState *CaseState::stage(std::string_view stage_key) const noexcept {
  for (const StageState &s : stages) {
    if (s.key == stage_key) return &s;
  }
  return nullptr;
}

std::string CaseState::current_stage() const {
  for (const Awaited &a : awaited) {
    if (!a.branch) return a.stage;
  }
  return {};
}

std::optional<Rejection> apply(const ProcedureDefinition &definition, CaseState &state,
                               const CaseEvent &event, const WorkCalendar &calendar) {
  return apply(definition,
               event.kind == CaseEventKind::kOpen ? content_hash(definition) : std::string(), state,
               event, calendar);
}

std::optional<Rejection> apply(const ProcedureDefinition &definition,
                               std::string_view definition_hash, CaseState &state,
                               const CaseEvent &event, const WorkCalendar &calendar) {
  const Citation &basis = first_of({&definition.citations});
  if (event.kind == CaseEventKind::kOpen) {
    return apply_open(definition, definition_hash, state, event);
  }
  if (state.events == 0) {
    return reject(CaseRejection::kNotOpening, "kind", "第一个事件须为启动事件",
                  "the first event must open the case", basis);
  }
  if (state.last_day && event.day < *state.last_day) {
    return reject(CaseRejection::kDateBeforePrevious, "day",
                  event.day.to_string() + " 早于 " + state.last_day->to_string(),
                  event.day.to_string() + " is before " + state.last_day->to_string(), basis);
  }
  const Stage *stage = definition.stage(event.stage);
  if (stage == nullptr) {
    return reject(CaseRejection::kUnknownStage, "stage", "“" + event.stage + "”",
                  "\"" + event.stage + "\"", basis);
  }
  const Citation &cite = first_of({&stage->citations, &definition.citations});
  const Outcome *outcome = stage->outcome(event.outcome);
  if (outcome == nullptr) {
    return reject(CaseRejection::kUnknownOutcome, "outcome", "“" + event.outcome + "”",
                  "\"" + event.outcome + "\"", cite);
  }
  // A task stage's step closes the task its fact "task" names.
  std::string task_id;
  if (stage->entry == StageEntry::kTask) {
    const SuppliedFact *t = find_fact(event.facts, "task");
    if (t == nullptr || t->type != FactType::kText || t->text.empty()) {
      return reject(CaseRejection::kMissingFact, "facts.task", "缺少事项编号（task）",
                    "the task's id (task) is missing", cite);
    }
    task_id = t->text;
  }
  const auto awaited_it =
      std::find_if(state.awaited.begin(), state.awaited.end(),
                   [&](const Awaited &a) { return a.stage == stage->key && a.task == task_id; });
  const bool awaited = awaited_it != state.awaited.end();
  const bool opens_branch = !awaited && branch_openable(state, *stage);
  if (!awaited && !opens_branch) {
    if (state.ended()) {
      return reject(CaseRejection::kCaseEnded, "stage", "“" + stage->key + "”",
                    "\"" + stage->key + "\"", basis);
    }
    if (stage->entry == StageEntry::kTask) {
      return reject(CaseRejection::kOutOfOrder, "facts.task",
                    "没有待办结的事项“" + task_id + "”（环节“" + stage->key + "”）",
                    "no open task \"" + task_id + "\" of stage \"" + stage->key + "\"", cite);
    }
    if (auto r = check_prior(*stage, state)) return r;
    const std::string now = state.current_stage();
    return reject(CaseRejection::kOutOfOrder, "stage",
                  "“" + stage->key + "”" + (now.empty() ? "" : "，应为“" + now + "”"),
                  "\"" + stage->key + "\"" + (now.empty() ? "" : ", awaiting \"" + now + "\""),
                  cite);
  }
  if (auto r = check_prior(*stage, state)) return r;
  if (auto r = check_actor(*stage, event.actor)) return r;
  if (auto r = check_facts(definition, *stage, event)) return r;
  if (auto r = check_guards(*stage, state, event)) return r;
  std::vector<Awaited> tasks;
  if (auto r = tasks_set(definition, *stage, state, event, calendar, tasks)) return r;
  if (!outcome->methods.empty()) {
    for (const SuppliedFact &f : event.facts) {
      if (f.type == FactType::kMethod && std::find(outcome->methods.begin(), outcome->methods.end(),
                                                   f.method) == outcome->methods.end()) {
        return reject(CaseRejection::kMethodNotAllowed, "facts." + f.key,
                      std::string(label(f.method, Language::kZhCn)),
                      std::string(label(f.method, Language::kEn)),
                      first_of({&outcome->citations, &stage->citations}));
      }
    }
  }
  std::optional<LateStep> late;
  if (awaited && awaited_it->deadline && event.day > *awaited_it->deadline) {  // a task done late
    auto count = calendar.working_days_between(*awaited_it->deadline, event.day,
                                               CalendarFallback::kWeekendsOnly);
    late = LateStep{stage->key, *awaited_it->deadline, event.day, count.ok() ? *count : 0, task_id};
  }
  if (stage->deadline) {
    const Deadline &d = *stage->deadline;
    const Citation &dcite = first_of({&d.citations, &stage->citations});
    if (const std::optional<Date> from = anchor_day(d.from, state, stage->key, &event.facts)) {
      auto end = last_day(d, *from, calendar);
      if (!end.ok()) {
        return reject(CaseRejection::kCalendarUnknown, "day", end.status().to_string(),
                      end.status().to_string(), dcite);
      }
      const Date last = *end;
      if (d.effect == DeadlineEffect::kBarredAfter && event.day > last) {
        return reject(
            CaseRejection::kOutOfTime, "day",
            event.day.to_string() + " 晚于期限 " + last.to_string() + "（" + d.text.zh_cn + "）",
            event.day.to_string() + " is after " + last.to_string() + " (" + d.text.en + ")",
            dcite);
      }
      if (d.effect == DeadlineEffect::kNotBefore && event.day <= last) {
        return reject(
            CaseRejection::kTooEarly, "day",
            event.day.to_string() + " 未晚于 " + last.to_string() + "（" + d.text.zh_cn + "）",
            event.day.to_string() + " is not after " + last.to_string() + " (" + d.text.en + ")",
            dcite);
      }
      if (d.effect == DeadlineEffect::kDue && event.day > last) {
        auto count =
            calendar.working_days_between(last, event.day, CalendarFallback::kWeekendsOnly);
        late = LateStep{stage->key, last, event.day, count.ok() ? *count : 0, {}};
      }
    }
  }

  // Accepted: advance the state.
  StageState &st = *stage_of(state, stage->key);
  if (opens_branch) {
    st.entered_on = event.day;
  }
  st.completed_on = event.day;
  st.outcome = outcome->key;
  ++st.completions;
  st.by_record = false;
  st.facts = event.facts;
  std::sort(st.facts.begin(), st.facts.end(),
            [](const SuppliedFact &a, const SuppliedFact &b) { return a.key < b.key; });
  st.documents = event.documents;
  std::sort(st.documents.begin(), st.documents.end());
  st.votes = event.votes;
  const bool branch = awaited ? awaited_it->branch : true;
  std::size_t slot = 0;
  if (awaited) {
    slot = static_cast<std::size_t>(awaited_it - state.awaited.begin());
  } else {
    state.awaited.push_back({stage->key, true, event.day, {}, std::nullopt});
    slot = state.awaited.size() - 1;
  }
  if (outcome->ends || outcome->next.empty()) {
    state.awaited.erase(state.awaited.begin() + static_cast<std::ptrdiff_t>(slot));
    if (!branch) state.main_ended = true;
  } else {
    state.awaited[slot] = Awaited{outcome->next, branch, event.day, {}, std::nullopt};
    if (StageState *n = stage_of(state, outcome->next)) n->entered_on = event.day;
  }
  for (Awaited &t : tasks) {
    if (StageState *ts = stage_of(state, t.stage)) ts->entered_on = event.day;
    state.awaited.push_back(std::move(t));
  }
  if (late) state.late.push_back(std::move(*late));
  if (event.diff) state.appeals.push_back(*event.diff);
  ++state.events;
  state.last_day = event.day;
  return std::nullopt;
}

StatusOr<std::vector<Due>> due(const ProcedureDefinition &definition, const CaseState &state,
                               Date as_of, const WorkCalendar &calendar) {
  std::vector<Due> out;
  auto overdue = [&](Due &d) -> Status {
    if (d.deadline && d.effect == DeadlineEffect::kDue && !d.optional && as_of > *d.deadline) {
      auto count = calendar.working_days_between(*d.deadline, as_of);
      if (!count.ok()) return count.status();
      d.overdue = true;
      d.working_days_overdue = *count;
    }
    return {};
  };
  auto fill = [&](const Stage &stage, Due &d) -> Status {
    if (stage.deadline) {
      const Deadline &dl = *stage.deadline;
      d.effect = dl.effect;
      d.citations = dl.citations;
      if (const std::optional<Date> from = anchor_day(dl.from, state, {}, nullptr)) {
        auto end = last_day(dl, *from, calendar);
        if (!end.ok()) return end.status();
        // Not before: the first day the step may be taken, the day after the period.
        d.deadline = dl.effect == DeadlineEffect::kNotBefore ? end->add_days(1) : *end;
      }
    } else if (state.due_by && !d.optional && state.events == 1) {
      d.deadline = state.due_by;
      d.effect = DeadlineEffect::kDue;
      d.from_policy = true;
    }
    return overdue(d);
  };
  for (const Awaited &a : state.awaited) {
    const Stage *stage = definition.stage(a.stage);
    if (stage == nullptr) continue;
    Due d;
    d.stage = a.stage;
    d.branch = a.branch;
    if (!a.task.empty()) {  // a task: the deadline its event set, due by
      d.task = a.task;
      d.deadline = a.deadline;
      d.effect = DeadlineEffect::kDue;
      d.citations = stage->citations;
      if (Status st = overdue(d); !st.ok()) return st;
    } else if (Status st = fill(*stage, d); !st.ok()) {
      return st;
    }
    out.push_back(std::move(d));
  }
  for (const Stage &stage : definition.stages) {
    if (!branch_openable(state, stage)) continue;
    Due d;
    d.stage = stage.key;
    d.branch = true;
    d.optional = true;
    if (Status st = fill(stage, d); !st.ok()) return st;
    if (d.deadline && d.effect == DeadlineEffect::kBarredAfter && as_of > *d.deadline) continue;
    out.push_back(std::move(d));
  }
  return out;
}

Case::Case(CaseHeader header, std::shared_ptr<const ProcedureDefinition> definition)
    : header_(std::move(header)), definition_(std::move(definition)) {
  header_.events = 0;
  header_.head = Digest{};
}

std::optional<Rejection> Case::record(const CaseEvent &event, const WorkCalendar &calendar) {
  auto bytes = encode_event(event);
  if (!bytes.ok()) {
    return reject(CaseRejection::kInvalidFact, bytes.status().field(), bytes.status().message(),
                  bytes.status().message(), first_of({&definition_->citations}));
  }
  CaseState next = state_;
  if (auto r = apply(*definition_, next, event, calendar)) return r;
  LoggedEvent logged;
  logged.seq = header_.events + 1;
  logged.prev = header_.head;
  logged.bytes = std::move(bytes).value();
  logged.link = chain_link(logged.prev, logged.seq, logged.bytes);
  header_.events = logged.seq;
  header_.head = logged.link;
  events_.push_back(std::move(logged));
  state_ = std::move(next);
  return std::nullopt;
}

StatusOr<CaseState> replay(const ProcedureDefinition &definition,
                           const std::vector<LoggedEvent> &events, const WorkCalendar &calendar) {
  CaseState state;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string path = "events[" + std::to_string(i) + "]";
    auto event = decode_event(events[i].bytes);
    if (!event.ok()) {
      return Status(StatusCode::kDataLoss, event.status().message(),
                    event.status().field().empty() ? path : path + "." + event.status().field());
    }
    if (auto r = apply(definition, state, *event, calendar)) {
      return Status(StatusCode::kFailedPrecondition, r->message.en, path + "." + r->field);
    }
  }
  return state;
}

std::optional<std::uint64_t> verify(const CaseHeader &header,
                                    const std::vector<LoggedEvent> &events) {
  ChainVerifier v;
  for (const LoggedEvent &e : events) {
    if (!v.feed(e)) break;
  }
  return v.finish(header);
}

}  // namespace api_v1
}  // namespace cadre
