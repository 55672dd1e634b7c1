// Follow-up plans dated on the working-day calendar, the recording of talks,
// training and tasks, and where each item stands as of a day.
#include <algorithm>
#include <string>
#include <utility>

#include "cadre/followup_plan.hpp"
#include "followup/followup_internal.hpp"

namespace cadre::detail {

Date followup_day(const WorkCalendar &calendar, Date start, int amount, PeriodUnit unit,
                  bool &provisional) {
  if (StatusOr<Date> d = calendar.period_end_date(start, amount, unit, CalendarFallback::kError);
      d.ok()) {
    return d.value();
  }
  provisional = true;
  if (StatusOr<Date> d =
          calendar.period_end_date(start, amount, unit, CalendarFallback::kWeekendsOnly);
      d.ok()) {
    return d.value();
  }
  return start;  // only for a count leaving years 1-9999: the template's bounds prevent it
}

int working_days_after(const WorkCalendar &calendar, Date from, Date to) {
  StatusOr<int> n = calendar.working_days_between(from, to, CalendarFallback::kWeekendsOnly);
  return n.ok() ? std::max(0, n.value()) : 0;
}

std::string_view plan_region(const Cadre &cadre, const Adjustment &a) {
  for (const Post &p : cadre.posts) {
    if (!a.from_post_id.empty() && p.id == a.from_post_id && !p.region_code.empty()) {
      return p.region_code;
    }
  }
  if (a.executed_on) {
    if (const std::optional<std::size_t> cur = cadre.current_post(*a.executed_on)) {
      if (!cadre.posts[*cur].region_code.empty()) return cadre.posts[*cur].region_code;
    }
  }
  for (const Post &p : cadre.posts) {
    if (!p.region_code.empty()) return p.region_code;
  }
  return "CN";
}

const FollowUpPlan *find_plan(const Cadre &cadre, std::string_view plan_id) {
  for (const FollowUpPlan &p : cadre.follow_up_plans) {
    if (p.id == plan_id) return &p;
  }
  return nullptr;
}

bool is_final(const std::optional<FollowUpOutcome> &o, Date as_of) {
  return o && o->kind != FollowUpOutcomeKind::kContinuing &&
         o->kind != FollowUpOutcomeKind::kUnspecified && o->decided_on && *o->decided_on <= as_of;
}

namespace {

// The occurrences of a template item in a plan from @p start to @p end: the first at
// @p it.first, then every @p it.every up to the end, at most 240. @p day(from, amount, unit,
// provisional) dates a period; @p each(n, due, provisional) is called for occurrence n (from 1).
// plan() and overdue_talks() share it, so the count and the schedule cannot drift apart.
template <typename Day, typename Each>
void each_occurrence(const FollowUpItemTemplate &it, Date start, Date end, Day day, Each each) {
  constexpr int kMaxOccurrences = 240;
  bool provisional = false;
  const Date first = day(start, it.first.amount, it.first.unit, provisional);
  for (int n = 1; n <= kMaxOccurrences; ++n) {
    bool prov = provisional;
    Date due = first;
    if (n > 1) {
      if (it.every.amount <= 0) break;
      due = day(first, it.every.amount * (n - 1), it.every.unit, prov);
      if (end < due) break;
    }
    each(n, due, prov);
  }
}

}  // namespace

int overdue_talks(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                  const FollowUpPlan &plan_record, Date as_of, const WorkCalendar &calendar) {
  // plan_status() with the plan's first record of its id, as it finds it.
  const FollowUpPlan *p = plan_record.id.empty() ? nullptr : find_plan(cadre, plan_record.id);
  if (p == nullptr) return -1;
  const Adjustment *a = nullptr;
  for (const Adjustment &x : cadre.adjustments) {
    if (x.id == p->adjustment_id) {
      a = &x;
      break;
    }
  }
  // plan(): the adjustment, carried out by the day, and a template that serves it.
  if (a == nullptr || p->adjustment_id.empty() || !a->executed_on || as_of < *a->executed_on) {
    return -1;
  }
  const Date start = *a->executed_on;
  const FollowUpTemplate *t =
      catalogue.select(a->channel, a->method, start, plan_region(cadre, *a));
  if (t == nullptr) return -1;
  if (is_final(p->outcome, as_of)) return 0;  // every open item is kClosed
  // The days as followup_day() gives them (its weekends-only fallback is the same walk), but
  // without its first try, whose error for a year the calendar lacks would allocate.
  const auto day = [&](Date from, int amount, PeriodUnit unit, bool & /*provisional*/) {
    const StatusOr<Date> d =
        calendar.period_end_date(from, amount, unit, CalendarFallback::kWeekendsOnly);
    return d.ok() ? d.value() : from;
  };
  bool unused = false;
  const Date end = day(start, t->duration.amount, t->duration.unit, unused);
  int overdue = 0;
  for (const FollowUpItemTemplate &it : t->items) {
    if (it.kind != FollowUpItemKind::kTalk || it.optional) continue;  // optional: kNotTaken
    // The Matcher's talks of the item: by its actor, held from the start to the day asked.
    int held = 0;
    for (const Talk &talk : p->talks) {
      if (talk.actor == it.actor && talk.held_on && *talk.held_on <= as_of &&
          start <= *talk.held_on) {
        ++held;
      }
    }
    each_occurrence(it, start, end, day, [&](int n, Date due, bool /*provisional*/) {
      if (n > held && due < as_of) ++overdue;
    });
  }
  return overdue;
}

}  // namespace cadre::detail

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::followup_day;
using detail::working_days_after;

bool is_reference(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F;
  });
}

Status closed_check(const FollowUpPlan &plan) {
  if (plan.outcome && plan.outcome->kind != FollowUpOutcomeKind::kContinuing &&
      plan.outcome->kind != FollowUpOutcomeKind::kUnspecified) {
    return {StatusCode::kFailedPrecondition, "the plan has a final outcome", "outcome"};
  }
  return {};
}

template <typename T>
bool id_used(const std::vector<T> &list, std::string_view id) {
  return std::any_of(list.begin(), list.end(), [&](const T &t) { return t.id == id; });
}

Status record_id(std::string_view id, bool used, const std::string &path) {
  if (id.empty()) return invalid_argument(path, "required");
  if (!is_reference(id)) return invalid_argument(path, "an id: no spaces, at most 128 bytes");
  if (used) return invalid_argument(path, "already used in the plan");
  return {};
}

Status day_in_plan(const FollowUpPlan &plan, const std::optional<Date> &day, Date as_of,
                   const std::string &path) {
  if (!day) return invalid_argument(path, "required");
  if (plan.start_date && *day < *plan.start_date) {
    return invalid_argument(path, "before the plan's start_date");
  }
  if (as_of < *day) return invalid_argument(path, "after the day of recording");
  return {};
}

}  // namespace

StatusOr<FollowUpSchedule> plan(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                                std::string_view adjustment_id, std::string plan_id, Date as_of,
                                const WorkCalendar &calendar) {
  if (plan_id.empty()) return invalid_argument("plan_id", "required");
  std::size_t k = 0;
  while (k < cadre.adjustments.size() && cadre.adjustments[k].id != adjustment_id) ++k;
  if (k == cadre.adjustments.size() || adjustment_id.empty()) {
    return Status(StatusCode::kNotFound, "no adjustment of the cadre has this id", "adjustment_id");
  }
  const Adjustment &a = cadre.adjustments[k];
  const std::string at = "adjustments[" + std::to_string(k) + "]";
  if (!a.executed_on || as_of < *a.executed_on) {
    return Status(StatusCode::kFailedPrecondition,
                  "the adjustment was not carried out by the day asked", at + ".executed_on");
  }
  const Date start = *a.executed_on;
  FollowUpSchedule s;
  s.cadre_id = cadre.id;
  s.plan_id = std::move(plan_id);
  s.adjustment_id = a.id;
  s.channel = a.channel;
  s.method = a.method;
  s.region_code = std::string(detail::plan_region(cadre, a));
  s.unit_id = cadre.unit_id;
  s.start = start;
  const FollowUpTemplate *t = catalogue.select(a.channel, a.method, start, s.region_code);
  if (t == nullptr) {
    return Status(StatusCode::kNotFound, "no follow-up template serves the adjustment's channel",
                  at + ".channel");
  }
  s.template_id = t->id;
  s.template_version = t->version;
  s.citations = t->citations;
  s.completeness = t->completeness;
  bool end_provisional = false;
  s.end = followup_day(calendar, start, t->duration.amount, t->duration.unit, end_provisional);
  const auto day = [&](Date from, int amount, PeriodUnit unit, bool &provisional) {
    return followup_day(calendar, from, amount, unit, provisional);
  };
  for (const FollowUpItemTemplate &it : t->items) {
    Date opens = start.add_days(1);
    detail::each_occurrence(it, start, s.end, day, [&](int n, Date due, bool provisional) {
      PlannedItem p;
      p.key = it.key + "#" + std::to_string(n);
      p.item = it.key;
      p.kind = it.kind;
      p.actor = it.actor;
      p.occurrence = n;
      p.opens_on = opens;
      p.due_by = due;
      p.provisional = provisional;
      p.optional = it.optional;
      p.name = it.name;
      p.citations = it.citations;
      s.items.push_back(std::move(p));
      opens = due.add_days(1);
    });
  }
  std::stable_sort(s.items.begin(), s.items.end(), [](const PlannedItem &x, const PlannedItem &y) {
    return x.due_by != y.due_by ? x.due_by < y.due_by : x.key < y.key;
  });
  return s;
}

FollowUpPlan new_plan(const FollowUpSchedule &schedule) {
  FollowUpPlan p;
  p.id = schedule.plan_id;
  p.adjustment_id = schedule.adjustment_id;
  p.start_date = schedule.start;
  p.end_date = schedule.end;
  return p;
}

Status record_talk(FollowUpPlan &plan, const Talk &talk, Date as_of) {
  if (Status s = closed_check(plan); !s.ok()) return s;
  if (Status s = record_id(talk.id, id_used(plan.talks, talk.id), "talk.id"); !s.ok()) return s;
  if (Status s = day_in_plan(plan, talk.held_on, as_of, "talk.held_on"); !s.ok()) return s;
  if (talk.actor == FollowUpActor::kUnspecified) return invalid_argument("talk.actor", "required");
  if (talk.notes_ref.empty()) return invalid_argument("talk.notes_ref", "required");
  if (!is_reference(talk.notes_ref)) {
    return invalid_argument("talk.notes_ref",
                            "a reference to the notes in the host system, not the notes: no "
                            "spaces or line breaks, at most 128 bytes");
  }
  plan.talks.push_back(talk);
  return {};
}

Status record_training(FollowUpPlan &plan, const Training &training, Date as_of) {
  if (Status s = closed_check(plan); !s.ok()) return s;
  if (Status s = record_id(training.id, id_used(plan.trainings, training.id), "training.id");
      !s.ok()) {
    return s;
  }
  if (Status s = day_in_plan(plan, training.start_date, as_of, "training.start_date"); !s.ok()) {
    return s;
  }
  if (training.end_date) {
    if (*training.end_date < *training.start_date) {
      return invalid_argument("training.end_date", "before start_date");
    }
    if (as_of < *training.end_date) {
      return invalid_argument("training.end_date", "after the day of recording");
    }
  }
  if (training.hours < 0) return invalid_argument("training.hours", "negative");
  plan.trainings.push_back(training);
  return {};
}

Status record_task(FollowUpPlan &plan, const SpecialTask &task, Date as_of) {
  if (Status s = closed_check(plan); !s.ok()) return s;
  if (Status s = record_id(task.id, id_used(plan.special_tasks, task.id), "task.id"); !s.ok()) {
    return s;
  }
  if (Status s = day_in_plan(plan, task.start_date, as_of, "task.start_date"); !s.ok()) return s;
  if (task.end_date && *task.end_date < *task.start_date) {
    return invalid_argument("task.end_date", "before start_date");
  }
  if (task.grade != AssessmentGrade::kUnspecified) {
    return invalid_argument("task.grade", "given by record_task_assessment(), not with the task");
  }
  plan.special_tasks.push_back(task);
  return {};
}

Status record_task_assessment(FollowUpPlan &plan, std::string_view task_id, AssessmentGrade grade,
                              Date as_of) {
  if (Status s = closed_check(plan); !s.ok()) return s;
  auto it = std::find_if(plan.special_tasks.begin(), plan.special_tasks.end(),
                         [&](const SpecialTask &t) { return t.id == task_id; });
  if (task_id.empty() || it == plan.special_tasks.end()) {
    return {StatusCode::kNotFound, "no task of the plan has this id", "task_id"};
  }
  if (grade != AssessmentGrade::kExcellent && grade != AssessmentGrade::kCompetent &&
      grade != AssessmentGrade::kBasicallyCompetent && grade != AssessmentGrade::kIncompetent) {
    return invalid_argument("grade", "one of 优秀, 称职, 基本称职, 不称职");
  }
  if (!it->end_date || as_of < *it->end_date) {
    return {StatusCode::kFailedPrecondition, "the task has not ended by the day of recording",
            "task_id"};
  }
  if (it->grade != AssessmentGrade::kUnspecified) {
    return {StatusCode::kFailedPrecondition, "the task is already assessed", "task_id"};
  }
  it->grade = grade;
  return {};
}

namespace {

// Matches records to the items of a plan as of a day (plan_status()).
class Matcher {
 public:
  Matcher(const FollowUpPlan &plan, const FollowUpSchedule &schedule, const FollowUpTemplate *t,
          Date as_of, const WorkCalendar &calendar)
      : plan_(plan), schedule_(schedule), template_(t), as_of_(as_of), calendar_(calendar) {}

  PlanStatus run() {
    PlanStatus st;
    st.schedule = schedule_;
    st.as_of = as_of_;
    if (plan_.outcome && plan_.outcome->decided_on && *plan_.outcome->decided_on <= as_of_) {
      st.outcome = plan_.outcome;
    }
    st.closed = detail::is_final(plan_.outcome, as_of_);
    closed_ = st.closed;
    std::vector<PlannedItem> assessments;
    for (const PlannedItem &p : schedule_.items) {
      ItemStatus is;
      is.item = p;
      match(is, assessments);
      st.items.push_back(std::move(is));
    }
    for (const PlannedItem &p : assessments) {
      ItemStatus is;
      is.item = p;
      const SpecialTask *task = task_for(p.occurrence);
      if (task != nullptr && task->grade != AssessmentGrade::kUnspecified) {
        is.state = ItemState::kDone;
        is.record_id = task->id;
      } else {
        open_state(is);
        if (task != nullptr) is.record_id = task->id;
      }
      st.items.push_back(std::move(is));
    }
    std::stable_sort(st.items.begin(), st.items.end(),
                     [](const ItemStatus &x, const ItemStatus &y) {
                       return x.item.due_by != y.item.due_by ? x.item.due_by < y.item.due_by
                                                             : x.item.key < y.item.key;
                     });
    return st;
  }

 private:
  void open_state(ItemStatus &is) const {
    const PlannedItem &p = is.item;
    if (closed_) {
      is.state = ItemState::kClosed;
    } else if (p.optional) {
      is.state = ItemState::kNotTaken;
    } else if (p.due_by < as_of_) {
      is.state = ItemState::kOverdue;
      is.working_days_late = working_days_after(calendar_, p.due_by, as_of_);
    } else if (p.opens_on <= as_of_) {
      is.state = ItemState::kDue;
    } else {
      is.state = ItemState::kUpcoming;
    }
  }

  void done(ItemStatus &is, const std::string &id, Date day) const {
    is.record_id = id;
    is.done_on = day;
    if (is.item.due_by < day) {
      is.state = ItemState::kDoneLate;
      is.working_days_late = working_days_after(calendar_, is.item.due_by, day);
    } else {
      is.state = ItemState::kDone;
    }
  }

  // The n-th (from 1) record of a list that counts, by day then id.
  template <typename T, typename DayOf, typename Keep>
  static const T *nth(const std::vector<T> &list, int n, DayOf day_of, Keep keep) {
    std::vector<const T *> v;
    for (const T &t : list) {
      if (keep(t)) v.push_back(&t);
    }
    std::stable_sort(v.begin(), v.end(), [&](const T *x, const T *y) {
      const Date dx = day_of(*x);
      const Date dy = day_of(*y);
      return dx != dy ? dx < dy : x->id < y->id;
    });
    return n >= 1 && static_cast<std::size_t>(n) <= v.size() ? v[static_cast<std::size_t>(n - 1)]
                                                             : nullptr;
  }

  const SpecialTask *task_for(int n) const {
    return nth(
        plan_.special_tasks, n, [](const SpecialTask &t) { return *t.start_date; },
        [&](const SpecialTask &t) { return t.start_date && *t.start_date <= as_of_; });
  }

  void match(ItemStatus &is, std::vector<PlannedItem> &assessments) {
    const PlannedItem &p = is.item;
    switch (p.kind) {
      case FollowUpItemKind::kTalk: {
        const Talk *t = nth(
            plan_.talks, p.occurrence, [](const Talk &x) { return *x.held_on; },
            [&](const Talk &x) {
              return x.actor == p.actor && x.held_on && *x.held_on <= as_of_ &&
                     schedule_.start <= *x.held_on;
            });
        if (t != nullptr) {
          done(is, t->id, *t->held_on);
          return;
        }
        break;
      }
      case FollowUpItemKind::kTraining: {
        const auto day_of = [](const Training &x) {
          return x.end_date ? *x.end_date : *x.start_date;
        };
        const Training *t = nth(plan_.trainings, p.occurrence, day_of, [&](const Training &x) {
          return x.start_date && day_of(x) <= as_of_;
        });
        if (t != nullptr) {
          done(is, t->id, day_of(*t));
          return;
        }
        break;
      }
      case FollowUpItemKind::kSpecialTask: {
        if (const SpecialTask *t = task_for(p.occurrence)) {
          done(is, t->id, *t->start_date);
          if (t->end_date) assessments.push_back(assessment_item(p, *t));
          return;
        }
        break;
      }
      case FollowUpItemKind::kReview:
        if (review(is)) return;
        break;
      case FollowUpItemKind::kUnspecified:
        break;
    }
    open_state(is);
  }

  PlannedItem assessment_item(const PlannedItem &task_item, const SpecialTask &t) const {
    PlannedItem a = task_item;
    a.key = task_item.key + ".assessment";
    a.assessment = true;
    a.optional = false;
    a.opens_on = *t.end_date;
    a.provisional = false;
    FollowUpPeriod within{20, PeriodUnit::kWorkingDays};
    if (template_ != nullptr) {
      for (const FollowUpItemTemplate &it : template_->items) {
        if (it.key == task_item.item) within = it.assess_within;
      }
    }
    a.due_by = followup_day(calendar_, *t.end_date, within.amount, within.unit, a.provisional);
    a.name = {task_item.name.zh_cn + "：单独考核", task_item.name.en + ": separate assessment"};
    return a;
  }

  // A review is answered by the plan's decision (the last one the record keeps): the review
  // whose window holds the decision's day is done that day; earlier ones are answered by it.
  bool review(ItemStatus &is) {
    const std::optional<FollowUpOutcome> &o = plan_.outcome;
    if (!o || !o->decided_on || as_of_ < *o->decided_on) return false;
    const Date day = *o->decided_on;
    if (day < is.item.opens_on) return false;
    const PlannedItem *last = nullptr;
    for (const PlannedItem &p : schedule_.items) {
      if (p.item == is.item.item && p.opens_on <= day) last = &p;
    }
    if (last != nullptr && last->occurrence != is.item.occurrence) {
      is.state = ItemState::kDone;
      return true;
    }
    done(is, "outcome", day);
    return true;
  }

  const FollowUpPlan &plan_;
  const FollowUpSchedule &schedule_;
  const FollowUpTemplate *template_;
  Date as_of_;
  const WorkCalendar &calendar_;
  bool closed_ = false;
};

// "360000" takes the province, "360100" the city, another code the region itself.
bool in_region(std::string_view scope, std::string_view region) {
  if (scope.empty() || scope == "CN") return true;
  if (scope.size() != 6 || region.size() != 6) return scope == region;
  if (scope.substr(2) == "0000") return region.substr(0, 2) == scope.substr(0, 2);
  if (scope.substr(4) == "00") return region.substr(0, 4) == scope.substr(0, 4);
  return scope == region;
}

}  // namespace

StatusOr<PlanStatus> plan_status(const FollowUpCatalogue &catalogue, const Cadre &cadre,
                                 std::string_view plan_id, Date as_of,
                                 const WorkCalendar &calendar) {
  const FollowUpPlan *p = detail::find_plan(cadre, plan_id);
  if (p == nullptr || plan_id.empty()) {
    return Status(StatusCode::kNotFound, "no plan of the cadre has this id", "plan_id");
  }
  StatusOr<FollowUpSchedule> s =
      plan(catalogue, cadre, p->adjustment_id, std::string(plan_id), as_of, calendar);
  if (!s.ok()) return s.status();
  Matcher m(*p, s.value(), catalogue.find(s.value().template_id), as_of, calendar);
  return m.run();
}

FollowUpDueReport followup_due(const FollowUpCatalogue &catalogue, const std::vector<Cadre> &cadres,
                               const FollowUpScope &scope, Date as_of,
                               const WorkCalendar &calendar) {
  FollowUpDueReport r;
  r.as_of = as_of;
  for (std::size_t i = 0; i < cadres.size(); ++i) {
    const Cadre &c = cadres[i];
    if ((!scope.cadre_id.empty() && c.id != scope.cadre_id) ||
        (!scope.unit_id.empty() && c.unit_id != scope.unit_id)) {
      continue;
    }
    for (std::size_t j = 0; j < c.follow_up_plans.size(); ++j) {
      const FollowUpPlan &fp = c.follow_up_plans[j];
      if (detail::is_final(fp.outcome, as_of)) continue;
      const std::string at =
          "cadres[" + std::to_string(i) + "].follow_up_plans[" + std::to_string(j) + "]";
      if (fp.start_date && as_of < *fp.start_date) continue;
      StatusOr<PlanStatus> st = plan_status(catalogue, c, fp.id, as_of, calendar);
      if (!st.ok()) {
        const Status &e = st.status();
        r.errors.emplace_back(e.code(), e.message(), e.field().empty() ? at : at + "." + e.field());
        continue;
      }
      if (!in_region(scope.region_code, st.value().schedule.region_code)) continue;
      for (const ItemStatus &is : st.value().items) {
        const bool overdue = is.state == ItemState::kOverdue;
        if (!overdue && (scope.overdue_only || is.state != ItemState::kDue)) continue;
        FollowUpDue d;
        d.cadre_id = c.id;
        d.plan_id = fp.id;
        d.unit_id = c.unit_id;
        d.region_code = st.value().schedule.region_code;
        d.status = is;
        r.items.push_back(std::move(d));
      }
    }
  }
  std::stable_sort(r.items.begin(), r.items.end(), [](const FollowUpDue &x, const FollowUpDue &y) {
    if (x.status.item.due_by != y.status.item.due_by) {
      return x.status.item.due_by < y.status.item.due_by;
    }
    if (x.cadre_id != y.cadre_id) return x.cadre_id < y.cadre_id;
    if (x.plan_id != y.plan_id) return x.plan_id < y.plan_id;
    return x.status.item.key < y.status.item.key;
  });
  return r;
}

}  // namespace api_v1
}  // namespace cadre
