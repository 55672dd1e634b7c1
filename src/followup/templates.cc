// Follow-up plan templates: the text of data/followup read without protobuf
// (calendar/text_format.hpp), checked field by field, citations filled from the
// registry of sources; the catalogue and its choice of a template.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>

#include "cadre/followup_plan.hpp"
#include "cadre/sources.hpp"
#include "calendar/text_mapper.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::kIdent;
using detail::kInt;
using detail::kMsg;
using detail::kStr;
using detail::MessageReader;
using detail::TextField;

using detail::NameTable;

constexpr NameTable<FollowUpItemKind, 5> kItemKinds{{
    {"FOLLOW_UP_ITEM_KIND_UNSPECIFIED", FollowUpItemKind::kUnspecified},
    {"FOLLOW_UP_ITEM_KIND_TALK", FollowUpItemKind::kTalk},
    {"FOLLOW_UP_ITEM_KIND_TRAINING", FollowUpItemKind::kTraining},
    {"FOLLOW_UP_ITEM_KIND_SPECIAL_TASK", FollowUpItemKind::kSpecialTask},
    {"FOLLOW_UP_ITEM_KIND_REVIEW", FollowUpItemKind::kReview},
}};

constexpr NameTable<ConditionSource, 6> kSources{{
    {"CONDITION_SOURCE_UNSPECIFIED", ConditionSource::kUnspecified},
    {"CONDITION_SOURCE_IMPACT_PERIOD", ConditionSource::kImpactPeriod},
    {"CONDITION_SOURCE_RECORDED_FACT", ConditionSource::kRecordedFact},
    {"CONDITION_SOURCE_FOLLOW_UP_DONE", ConditionSource::kFollowUpDone},
    {"CONDITION_SOURCE_TASK_ASSESSMENT", ConditionSource::kTaskAssessment},
    {"CONDITION_SOURCE_HEALTH_RECOVERED", ConditionSource::kHealthRecovered},
}};

// The method checks the code knows; a text naming another is refused.
constexpr std::array<std::string_view, 3> kCheckKeys{"not-own-reasons", "health-partially-able",
                                                     "health-removal"};

// What one text holds before it is added.
struct Parsed {
  std::vector<FollowUpTemplate> templates;
  std::vector<MethodCheckRule> checks;
};

// Maps the fields of a parsed text onto templates and checks; keeps the first error.
class Mapper : public detail::TextMapper {
 public:
  void file(const std::vector<TextField> &fields, Parsed &out) {
    MessageReader r(fields, "", {{"templates", kMsg, true}, {"checks", kMsg, true}});
    if (!check(r)) return;
    const auto templates = r.all("templates");
    for (std::size_t i = 0; i < templates.size() && status_.ok(); ++i) {
      templ(templates[i]->fields, detail::indexed("templates", i) + ".",
            out.templates.emplace_back());
    }
    const auto checks = r.all("checks");
    for (std::size_t i = 0; i < checks.size() && status_.ok(); ++i) {
      method_check(checks[i]->fields, detail::indexed("checks", i) + ".",
                   out.checks.emplace_back());
    }
  }

 private:
  // Every value of a repeated enum field, none of them the unspecified value.
  template <typename E>
  void specified_all(const MessageReader &r, std::string_view name, std::string_view enum_name,
                     std::vector<E> &out) {
    const std::size_t first = out.size();
    enum_all(r, name, enum_name, out);
    for (std::size_t i = first; i < out.size() && status_.ok(); ++i) {
      if (out[i] == E{}) {
        fail(detail::indexed(r.path(name), i - first), "not a value of " + std::string(enum_name));
      }
    }
  }

  void period(const MessageReader &r, std::string_view name, FollowUpPeriod &out) {
    const TextField *f = r.one(name);
    if (f == nullptr) return;
    MessageReader p(f->fields, r.path(name) + ".",
                    {{"amount", kInt, false}, {"unit", kIdent, false}});
    if (!check(p)) return;
    int32(p, "amount", out.amount);
    enum_one(p, "unit", "cadre.v1.PeriodUnit", out.unit);
  }

  void citations(const MessageReader &r, std::vector<Citation> &out) {
    const auto all = r.all("citations");
    for (std::size_t i = 0; i < all.size() && status_.ok(); ++i) {
      MessageReader c(all[i]->fields, r.path(detail::indexed("citations", i)) + ".",
                      {{"key", kStr, false},
                       {"article", kStr, false},
                       {"item", kStr, false},
                       {"verification", kIdent, false},
                       {"supports", kStr, false}});
      if (!check(c)) return;
      Citation &ci = out.emplace_back();
      ci.key = str(c, "key");
      ci.article = str(c, "article");
      ci.item = str(c, "item");
      enum_one(c, "verification", "cadre.v1.Verification", ci.verification);
      ci.supports = str(c, "supports");
    }
  }

  void item(const std::vector<TextField> &fields, std::string prefix, FollowUpItemTemplate &out) {
    MessageReader r(fields, std::move(prefix),
                    {{"key", kStr, false},
                     {"kind", kIdent, false},
                     {"actor", kIdent, false},
                     {"name", kMsg, false},
                     {"first", kMsg, false},
                     {"every", kMsg, false},
                     {"assess_within", kMsg, false},
                     {"optional", kIdent, false},
                     {"citations", kMsg, true}});
    if (!check(r)) return;
    out.key = str(r, "key");
    enum_one(r, "kind", kItemKinds, "cadre.v1.FollowUpItemKind", out.kind);
    enum_one(r, "actor", "cadre.v1.FollowUpActor", out.actor);
    text(r, "name", out.name);
    period(r, "first", out.first);
    period(r, "every", out.every);
    period(r, "assess_within", out.assess_within);
    boolean(r, "optional", out.optional);
    citations(r, out.citations);
  }

  void condition(const std::vector<TextField> &fields, std::string prefix,
                 ReappointmentCondition &out) {
    MessageReader r(fields, std::move(prefix),
                    {{"key", kStr, false},
                     {"source", kIdent, false},
                     {"text", kMsg, false},
                     {"citations", kMsg, true}});
    if (!check(r)) return;
    out.key = str(r, "key");
    enum_one(r, "source", kSources, "cadre.v1.ConditionSource", out.source);
    text(r, "text", out.text);
    citations(r, out.citations);
  }

  void templ(const std::vector<TextField> &fields, const std::string &prefix,
             FollowUpTemplate &out) {
    MessageReader r(fields, prefix,
                    {{"id", kStr, false},
                     {"version", kStr, false},
                     {"title", kMsg, false},
                     {"jurisdiction", kStr, false},
                     {"effective_from", kStr, false},
                     {"effective_to", kStr, false},
                     {"channels", kIdent, true},
                     {"methods", kIdent, true},
                     {"duration", kMsg, false},
                     {"citations", kMsg, true},
                     {"completeness", kMsg, false},
                     {"items", kMsg, true},
                     {"conditions", kMsg, true}});
    if (!check(r)) return;
    out.id = str(r, "id");
    out.version = str(r, "version");
    text(r, "title", out.title);
    out.jurisdiction = str(r, "jurisdiction");
    date(r, "effective_from", out.effective_from);
    date(r, "effective_to", out.effective_to);
    specified_all(r, "channels", "cadre.v1.Channel", out.channels);
    specified_all(r, "methods", "cadre.v1.AdjustmentMethod", out.methods);
    period(r, "duration", out.duration);
    citations(r, out.citations);
    text(r, "completeness", out.completeness);
    const auto items = r.all("items");
    for (std::size_t i = 0; i < items.size() && status_.ok(); ++i) {
      item(items[i]->fields, prefix + detail::indexed("items", i) + ".", out.items.emplace_back());
    }
    const auto conditions = r.all("conditions");
    for (std::size_t i = 0; i < conditions.size() && status_.ok(); ++i) {
      condition(conditions[i]->fields, prefix + detail::indexed("conditions", i) + ".",
                out.conditions.emplace_back());
    }
  }

  void method_check(const std::vector<TextField> &fields, const std::string &prefix,
                    MethodCheckRule &out) {
    MessageReader r(fields, prefix,
                    {{"key", kStr, false},
                     {"amount", kInt, false},
                     {"unit", kIdent, false},
                     {"text", kMsg, false},
                     {"citations", kMsg, true}});
    if (!check(r)) return;
    out.key = str(r, "key");
    int32(r, "amount", out.period.amount);
    enum_one(r, "unit", "cadre.v1.PeriodUnit", out.period.unit);
    text(r, "text", out.text);
    citations(r, out.citations);
  }
};

bool valid_jurisdiction(std::string_view j) {
  if (j == "CN") return true;
  return j.size() == 6 &&
         std::all_of(j.begin(), j.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status check_text(const LocalizedText &t, const std::string &path) {
  if (t.zh_cn.empty()) return invalid_argument(path + ".zh_cn", "required");
  if (t.en.empty()) return invalid_argument(path + ".en", "required");
  return {};
}

Status check_citations(const std::vector<Citation> &list, const std::string &prefix,
                       bool required) {
  if (required && list.empty()) return invalid_argument(prefix + "citations", "at least one");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string p = prefix + detail::indexed("citations", i) + ".";
    if (list[i].key.empty()) return invalid_argument(p + "key", "required");
    if (find_builtin_document(list[i].key) == nullptr) {
      return invalid_argument(p + "key", "names no document of the registry of sources");
    }
    if (list[i].verification == Verification::kUnspecified) {
      return invalid_argument(p + "verification", "required: the tag of how far it was verified");
    }
  }
  return {};
}

Status check_period(const FollowUpPeriod &p, const std::string &path, bool required) {
  if (!required && p.amount == 0 && p.unit == PeriodUnit::kUnspecified) return {};
  if (p.amount <= 0) return invalid_argument(path + ".amount", "must be 1 or more");
  if (p.amount > 1000) return invalid_argument(path + ".amount", "must be 1000 or less");
  if (p.unit == PeriodUnit::kUnspecified) return invalid_argument(path + ".unit", "required");
  return {};
}

void fill(std::vector<Citation> &list) {
  for (Citation &c : list) {
    if (const Document *d = find_builtin_document(c.key)) {
      c.document = d->title;
      c.document_number = d->document_number;
      const std::optional<Date> day = d->issued_on ? d->issued_on : d->in_force_from;
      c.year = day ? day->year() : 0;
      c.evidence = d->evidence_only;
    }
  }
}

void fill(FollowUpTemplate &t) {
  fill(t.citations);
  for (FollowUpItemTemplate &i : t.items) fill(i.citations);
  for (ReappointmentCondition &c : t.conditions) fill(c.citations);
}

Status check_method_rule(const MethodCheckRule &m, const std::string &prefix) {
  if (m.key.empty()) return invalid_argument(prefix + "key", "required");
  if (std::find(kCheckKeys.begin(), kCheckKeys.end(), m.key) == kCheckKeys.end()) {
    return invalid_argument(prefix + "key",
                            "unknown check (not-own-reasons, health-partially-able, "
                            "health-removal)");
  }
  if (Status s = check_period(m.period, prefix + "period", m.key == "health-removal"); !s.ok()) {
    // The text writes the period as amount and unit at the check's top level.
    const std::string field = s.field().substr(s.field().rfind('.') + 1);
    return invalid_argument(prefix + field, s.message());
  }
  if (Status s = check_text(m.text, prefix + "text"); !s.ok()) return s;
  return check_citations(m.citations, prefix, true);
}

// Rank of a jurisdiction for a region: 4 the region itself, 3 its city, 2 its province,
// 1 central; 0 when it does not apply.
int jurisdiction_rank(std::string_view jurisdiction, std::string_view region) {
  if (jurisdiction == "CN") return 1;
  if (region.size() != 6) return 0;
  if (jurisdiction == region) return 4;
  const std::string city = std::string(region.substr(0, 4)) + "00";
  if (jurisdiction == city) return 3;
  const std::string province = std::string(region.substr(0, 2)) + "0000";
  if (jurisdiction == province) return 2;
  return 0;
}

}  // namespace

Status check_followup_template(const FollowUpTemplate &t) {
  if (t.id.empty()) return invalid_argument("id", "required");
  if (t.version.empty()) return invalid_argument("version", "required");
  if (Status s = check_text(t.title, "title"); !s.ok()) return s;
  if (!valid_jurisdiction(t.jurisdiction)) {
    return invalid_argument("jurisdiction", "\"CN\" or a six-digit region code");
  }
  if (t.effective_from && t.effective_to && *t.effective_to < *t.effective_from) {
    return invalid_argument("effective_to", "before effective_from");
  }
  if (t.channels.empty()) return invalid_argument("channels", "at least one");
  for (std::size_t i = 0; i < t.channels.size(); ++i) {
    if (t.channels[i] == Channel::kUnspecified) {
      return invalid_argument(detail::indexed("channels", i), "unspecified");
    }
  }
  for (std::size_t i = 0; i < t.methods.size(); ++i) {
    if (t.methods[i] == AdjustmentMethod::kUnspecified) {
      return invalid_argument(detail::indexed("methods", i), "unspecified");
    }
  }
  if (Status s = check_period(t.duration, "duration", true); !s.ok()) return s;
  if (t.items.empty()) return invalid_argument("items", "at least one");
  std::set<std::string, std::less<>> keys;
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    const FollowUpItemTemplate &it = t.items[i];
    const std::string p = detail::indexed("items", i) + ".";
    if (it.key.empty()) return invalid_argument(p + "key", "required");
    if (it.key.find_first_of("#\t\n ") != std::string::npos) {
      return invalid_argument(p + "key", "no '#', space or line break");
    }
    if (!keys.insert(it.key).second) return invalid_argument(p + "key", "repeated");
    if (it.kind == FollowUpItemKind::kUnspecified) return invalid_argument(p + "kind", "required");
    if (it.kind == FollowUpItemKind::kTalk && it.actor == FollowUpActor::kUnspecified) {
      return invalid_argument(p + "actor", "required for a talk");
    }
    if (it.kind != FollowUpItemKind::kTalk && it.actor != FollowUpActor::kUnspecified) {
      return invalid_argument(p + "actor", "only a talk has an actor");
    }
    if (Status s = check_text(it.name, p + "name"); !s.ok()) return s;
    if (Status s = check_period(it.first, p + "first", true); !s.ok()) return s;
    if (Status s = check_period(it.every, p + "every", false); !s.ok()) return s;
    if (Status s = check_period(it.assess_within, p + "assess_within",
                                it.kind == FollowUpItemKind::kSpecialTask);
        !s.ok()) {
      return s;
    }
    if (it.kind != FollowUpItemKind::kSpecialTask && it.assess_within.amount != 0) {
      return invalid_argument(p + "assess_within", "only a special task is assessed");
    }
    if (Status s = check_citations(it.citations, p, true); !s.ok()) return s;
  }
  keys.clear();
  for (std::size_t i = 0; i < t.conditions.size(); ++i) {
    const ReappointmentCondition &c = t.conditions[i];
    const std::string p = detail::indexed("conditions", i) + ".";
    if (c.key.empty()) return invalid_argument(p + "key", "required");
    if (!keys.insert(c.key).second) return invalid_argument(p + "key", "repeated");
    if (c.source == ConditionSource::kUnspecified)
      return invalid_argument(p + "source", "required");
    if (Status s = check_text(c.text, p + "text"); !s.ok()) return s;
    if (Status s = check_citations(c.citations, p, true); !s.ok()) return s;
  }
  if (Status s = check_citations(t.citations, "", true); !s.ok()) return s;
  return {};
}

Status FollowUpCatalogue::add(FollowUpTemplate t) {
  if (Status s = check_followup_template(t); !s.ok()) return s;
  if (find(t.id) != nullptr) {
    return {StatusCode::kAlreadyExists, "a template with this id is present", "id"};
  }
  fill(t);
  templates_.push_back(std::move(t));
  return {};
}

Status FollowUpCatalogue::add_text(std::string_view text, std::string_view source) {
  std::vector<TextField> fields;
  if (Status s = detail::parse_text_format(text, source, fields); !s.ok()) return s;
  Parsed parsed;
  Mapper m;
  m.file(fields, parsed);
  if (!m.status().ok()) return m.status();
  std::set<std::string, std::less<>> ids;
  for (std::size_t i = 0; i < parsed.templates.size(); ++i) {
    const std::string p = detail::indexed("templates", i) + ".";
    if (Status s = check_followup_template(parsed.templates[i]); !s.ok()) {
      return {s.code(), s.message(), p + s.field()};
    }
    if (find(parsed.templates[i].id) != nullptr || !ids.insert(parsed.templates[i].id).second) {
      return {StatusCode::kAlreadyExists, "a template with this id is present", p + "id"};
    }
  }
  for (std::size_t i = 0; i < parsed.checks.size(); ++i) {
    if (Status s = check_method_rule(parsed.checks[i], detail::indexed("checks", i) + ".");
        !s.ok()) {
      return s;
    }
  }
  for (FollowUpTemplate &t : parsed.templates) {
    fill(t);
    templates_.push_back(std::move(t));
  }
  for (MethodCheckRule &c : parsed.checks) {
    fill(c.citations);
    checks_.push_back(std::move(c));
  }
  return {};
}

FollowUpCatalogue FollowUpCatalogue::builtin() {
  FollowUpCatalogue c;
  (void)c.add_text(builtin_followup_text(), "data/followup/cn.textproto");
  return c;
}

const FollowUpTemplate *FollowUpCatalogue::select(Channel channel, AdjustmentMethod method,
                                                  Date day,
                                                  std::string_view region_code) const noexcept {
  const FollowUpTemplate *best = nullptr;
  int best_rank = 0;
  for (const FollowUpTemplate &t : templates_) {
    if (!t.in_force(day) ||
        std::find(t.channels.begin(), t.channels.end(), channel) == t.channels.end()) {
      continue;
    }
    const bool names_method = !t.methods.empty();
    if (names_method && std::find(t.methods.begin(), t.methods.end(), method) == t.methods.end()) {
      continue;
    }
    const int j = jurisdiction_rank(t.jurisdiction, region_code);
    if (j == 0) continue;
    const int rank = j * 2 + (names_method ? 1 : 0);
    if (rank >= best_rank) {  // at equal rank the one added last
      best = &t;
      best_rank = rank;
    }
  }
  return best;
}

const FollowUpTemplate *FollowUpCatalogue::find(std::string_view id) const noexcept {
  for (const FollowUpTemplate &t : templates_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const MethodCheckRule *FollowUpCatalogue::check(std::string_view key) const noexcept {
  const MethodCheckRule *found = nullptr;
  for (const MethodCheckRule &c : checks_) {
    if (c.key == key) found = &c;
  }
  return found;
}

LocalizedText followup_label(FollowUpItemKind kind) {
  switch (kind) {
    case FollowUpItemKind::kTalk:
      return {"谈心谈话", "talk"};
    case FollowUpItemKind::kTraining:
      return {"教育培训", "training"};
    case FollowUpItemKind::kSpecialTask:
      return {"中心工作、专项任务", "central or special task"};
    case FollowUpItemKind::kReview:
      return {"研判复核", "review"};
    case FollowUpItemKind::kUnspecified:
      break;
  }
  return {};
}

LocalizedText followup_label(ItemState kind) {
  switch (kind) {
    case ItemState::kDone:
      return {"已完成", "done"};
    case ItemState::kDoneLate:
      return {"逾期完成", "done late"};
    case ItemState::kDue:
      return {"待完成", "due"};
    case ItemState::kOverdue:
      return {"已逾期", "overdue"};
    case ItemState::kUpcoming:
      return {"未到期", "upcoming"};
    case ItemState::kNotTaken:
      return {"未安排", "not taken up"};
    case ItemState::kClosed:
      return {"计划已结束", "plan ended"};
  }
  return {};
}

LocalizedText followup_label(HistoryKind kind) {
  switch (kind) {
    case HistoryKind::kAdjusted:
      return {"组织调整", "adjusted"};
    case HistoryKind::kPlanOpened:
      return {"纳入后续管理", "follow-up plan started"};
    case HistoryKind::kTalk:
      return {"谈心谈话", "talk held"};
    case HistoryKind::kTraining:
      return {"教育培训", "training finished"};
    case HistoryKind::kTask:
      return {"参加中心工作、专项任务", "central or special task begun"};
    case HistoryKind::kTaskAssessed:
      return {"专项任务单独考核", "task assessed separately"};
    case HistoryKind::kReviewed:
      return {"继续跟踪管理", "follow-up continues"};
    case HistoryKind::kReappointed:
      return {"重新任用", "re-appointed"};
    case HistoryKind::kCommended:
      return {"表彰奖励", "commended"};
    case HistoryKind::kAdjustedAgain:
      return {"再次调整", "adjusted again"};
  }
  return {};
}

LocalizedText followup_label(ConditionState kind) {
  switch (kind) {
    case ConditionState::kMet:
      return {"符合", "met"};
    case ConditionState::kNotMet:
      return {"不符合", "not met"};
    case ConditionState::kUnknown:
      return {"待记录", "unknown: to be recorded"};
    case ConditionState::kNotApplicable:
      return {"不适用", "not applicable"};
  }
  return {};
}

}  // namespace api_v1
}  // namespace cadre
