// Opening a case from a finding or a 诫勉 record, the findings diff of an appeal, and the
// decision records of a case's events (issue 10 §3).
#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "cadre/case.hpp"
#include "cadre/eligibility.hpp"
#include "cadre/screening.hpp"
#include "cadre/version.h"
#include "catalogue/sha256.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

StatusOr<Case> open_with(const ProcedureDefinition &def, CaseHeader header, CaseEvent open,
                         const WorkCalendar &calendar) {
  open.kind = CaseEventKind::kOpen;
  open.definition_hash = content_hash(def);
  header.procedure_id = def.id;
  header.opened_on = open.day;
  header.opened_by = open.opened_by;
  Case c(std::move(header), std::make_shared<const ProcedureDefinition>(def));
  if (auto r = c.record(open, calendar)) {
    return Status(StatusCode::kFailedPrecondition, r->message.en, r->field);
  }
  return c;
}

std::vector<std::string> changed_fields(const Finding &a, const Finding &b) {
  std::vector<std::string> out;
  if (a.allowed_methods != b.allowed_methods) out.emplace_back("allowed_methods");
  if (a.channel != b.channel) out.emplace_back("channel");
  if (a.determination != b.determination) out.emplace_back("determination");
  if (a.effective_date != b.effective_date) out.emplace_back("effective_date");
  if (a.first_deadline != b.first_deadline) out.emplace_back("first_deadline");
  if (a.heading != b.heading) out.emplace_back("heading");
  if (a.procedure != b.procedure) out.emplace_back("procedure");
  if (a.status != b.status) out.emplace_back("status");
  return out;
}

struct BlockerEntry {
  const Blocker *blocker;
  FindingStatus status;
};

std::multimap<std::string, BlockerEntry> blockers_of(const EligibilityAnswer &answer) {
  std::multimap<std::string, BlockerEntry> out;
  auto add = [&](const Blocker &b, FindingStatus status) {
    out.emplace(b.record.id.empty() ? b.rule_id : b.rule_id + "@" + b.record.id,
                BlockerEntry{&b, status});
  };
  for (const Blocker &b : answer.blockers) add(b, FindingStatus::kActive);
  for (const Blocker &b : answer.waived) add(b, FindingStatus::kExempted);
  return out;
}

std::vector<std::string> changed_fields(const BlockerEntry &a, const BlockerEntry &b) {
  std::vector<std::string> out;
  if (a.blocker->check != b.blocker->check) out.emplace_back("check");
  if (a.blocker->exemption_claim_id != b.blocker->exemption_claim_id) {
    out.emplace_back("exemption_claim_id");
  }
  if (a.blocker->lifts_on != b.blocker->lifts_on) out.emplace_back("lifts_on");
  if (a.blocker->since != b.blocker->since) out.emplace_back("since");
  if (a.status != b.status) out.emplace_back("status");
  return out;
}

void sort_changes(FindingsDiff &diff) {
  std::sort(diff.changes.begin(), diff.changes.end(),
            [](const FindingChange &x, const FindingChange &y) {
              return x.rule_id != y.rule_id ? x.rule_id < y.rule_id : x.kind < y.kind;
            });
  diff.changes.erase(std::unique(diff.changes.begin(), diff.changes.end(),
                                 [](const FindingChange &x, const FindingChange &y) {
                                   return x.rule_id == y.rule_id && x.kind == y.kind;
                                 }),
                     diff.changes.end());
}

std::string hex_sha256(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return to_hex(h.finish());
}

std::string request_hash(const Digest &link, const WorkCalendar &calendar) {
  return hex_sha256("cadre.case.decision.v1\n" + to_hex(link) + "\n" + calendar.content_hash());
}

std::string line(std::string_view key, std::string_view value) {
  std::string out(key);
  out += '=';
  for (const char ch : value) {
    if (ch == '\\' || ch == '\n') {
      out += '\\';
      out += ch == '\n' ? 'n' : '\\';
    } else {
      out += ch;
    }
  }
  out += '\n';
  return out;
}

std::string date_text(const std::optional<Date> &d) { return d ? d->to_string() : ""; }

std::string fact_text(const SuppliedFact &f) {
  switch (f.type) {
    case FactType::kDate:
      return f.date.to_string();
    case FactType::kBool:
      return f.yes ? "true" : "false";
    case FactType::kInteger:
      return std::to_string(f.number);
    case FactType::kMethod:
      return std::to_string(static_cast<int>(f.method));
    default:
      return f.text;
  }
}

}  // namespace

StatusOr<Case> open_case(const ProcedureSet &procedures, const Finding &finding,
                         std::string case_id, std::string_view region_code, Date opened_on,
                         const WorkCalendar &calendar) {
  ProcedureKind kind = ProcedureKind::kUnspecified;
  if (finding.channel == Channel::kAccountability) {
    kind = ProcedureKind::kAccountabilityAdjustment;
  } else if (finding.channel == Channel::kUnsuitable) {
    kind = ProcedureKind::kUnsuitableAdjustment;
  } else {
    return Status(StatusCode::kUnimplemented,
                  "no shipped procedure opens from a finding of this channel", "channel");
  }
  if (opened_on < finding.effective_date) {
    return invalid_argument("opened_on", "before the finding's effective date");
  }
  const ProcedureDefinition *def =
      procedures.select(kind, finding.effective_date, region_code.empty() ? "CN" : region_code);
  if (def == nullptr) {
    return Status(StatusCode::kNotFound, "no definition of the procedure in force on the day",
                  "effective_date");
  }
  CaseHeader header;
  header.id = std::move(case_id);
  header.cadre_id = finding.cadre_id;
  header.region = std::string(region_code);
  CaseEvent open;
  open.stage = def->stages.front().key;
  open.day = opened_on;
  open.opened_by = "finding:" + finding.rule_id + ":" + finding.cadre_id;
  if (finding.first_deadline && !def->stages.front().deadline) {
    open.due_by = finding.first_deadline;
  }
  return open_with(*def, std::move(header), std::move(open), calendar);
}

StatusOr<Case> open_case(const ProcedureSet &procedures, std::string_view cadre_id,
                         const EarlyWarning &warning, std::string case_id,
                         std::string_view region_code, const WorkCalendar &calendar) {
  if (warning.kind != EarlyWarningKind::kAdmonishment) {
    return invalid_argument("kind", "not a 诫勉 (admonishment) record");
  }
  if (!warning.issued_on) {
    return invalid_argument("issued_on", "the day the admonishment was given is missing");
  }
  const ProcedureDefinition *def = procedures.select(
      ProcedureKind::kAdmonishment, *warning.issued_on, region_code.empty() ? "CN" : region_code);
  if (def == nullptr) {
    return Status(StatusCode::kNotFound, "no 诫勉 definition in force on the day", "issued_on");
  }
  // The follow-up starts at the first stage whose period runs from a date fact of an earlier
  // stage: the record gives that date (the day the admonishment was given).
  const Stage *start = nullptr;
  const Stage *anchor = nullptr;
  for (const Stage &s : def->stages) {
    if (s.deadline && s.deadline->from.point == AnchorPoint::kFactDate) {
      const Stage *a = def->stage(s.deadline->from.stage);
      if (a != nullptr && a < &s) {
        start = &s;
        anchor = a;
        break;
      }
    }
  }
  CaseHeader header;
  header.id = std::move(case_id);
  header.cadre_id = std::string(cadre_id);
  header.region = std::string(region_code);
  CaseEvent open;
  open.day = *warning.issued_on;
  open.opened_by = "record:early_warnings:" + warning.id;
  if (start == nullptr) {
    open.stage = def->stages.front().key;
  } else {
    open.stage = start->key;
    SuppliedFact f;
    f.key = anchor->key + "." + start->deadline->from.fact;
    f.type = FactType::kDate;
    f.date = *warning.issued_on;
    open.facts.push_back(std::move(f));
  }
  return open_with(*def, std::move(header), std::move(open), calendar);
}

FindingsDiff diff_findings(Date as_of, const std::vector<Finding> &before,
                           const std::vector<Finding> &after) {
  std::multimap<std::string, const Finding *> b;
  std::multimap<std::string, const Finding *> a;
  for (const Finding &f : before) b.emplace(f.rule_id, &f);
  for (const Finding &f : after) a.emplace(f.rule_id, &f);
  FindingsDiff diff;
  diff.as_of = as_of;
  for (const auto &[rule, f] : b) {
    if (!a.contains(rule)) {
      diff.changes.push_back({FindingChangeKind::kDisappeared,
                              rule,
                              f->channel,
                              f->status,
                              FindingStatus::kUnspecified,
                              {}});
    } else {
      const Finding *g = a.find(rule)->second;
      std::vector<std::string> fields = changed_fields(*f, *g);
      if (!fields.empty()) {
        diff.changes.push_back({FindingChangeKind::kChanged, rule, g->channel, f->status, g->status,
                                std::move(fields)});
      }
    }
  }
  for (const auto &[rule, g] : a) {
    if (!b.contains(rule)) {
      diff.changes.push_back({FindingChangeKind::kAppeared,
                              rule,
                              g->channel,
                              FindingStatus::kUnspecified,
                              g->status,
                              {}});
    }
  }
  sort_changes(diff);
  return diff;
}

StatusOr<FindingsDiff> reassess(const Engine &engine, const Cadre &before, const Cadre &after,
                                EligibilityTarget target, RankLevel target_level, Date as_of) {
  if (before.id != after.id) {
    return invalid_argument("id", "the corrected record is of another cadre");
  }
  const EligibilityAnswer was = eligibility(before, target, target_level, as_of, engine);
  const EligibilityAnswer now = eligibility(after, target, target_level, as_of, engine);
  const auto b = blockers_of(was);
  const auto a = blockers_of(now);
  FindingsDiff diff;
  diff.as_of = as_of;
  for (const auto &[key, e] : b) {
    const auto it = a.find(key);
    if (it == a.end()) {
      diff.changes.push_back({FindingChangeKind::kDisappeared,
                              key,
                              Channel::kUnspecified,
                              e.status,
                              FindingStatus::kUnspecified,
                              {}});
    } else if (std::vector<std::string> fields = changed_fields(e, it->second); !fields.empty()) {
      diff.changes.push_back({FindingChangeKind::kChanged, key, Channel::kUnspecified, e.status,
                              it->second.status, std::move(fields)});
    }
  }
  for (const auto &[key, e] : a) {
    if (!b.contains(key)) {
      diff.changes.push_back({FindingChangeKind::kAppeared,
                              key,
                              Channel::kUnspecified,
                              FindingStatus::kUnspecified,
                              e.status,
                              {}});
    }
  }
  sort_changes(diff);
  return diff;
}

StatusOr<FindingsDiff> rescreen(const Engine &engine, const Cadre &before, const Cadre &after,
                                Date as_of) {
  if (before.id != after.id) {
    return invalid_argument("id", "the corrected record is of another cadre");
  }
  return diff_findings(as_of, engine.screen(before, as_of), engine.screen(after, as_of));
}

std::string canonical_text(const CaseState &state) {
  std::string out = line("procedure_id", state.procedure_id);
  out += line("opened_by", state.opened_by);
  out += line("opened_on", date_text(state.opened_on));
  out += line("due_by", date_text(state.due_by));
  out += line("events", std::to_string(state.events));
  out += line("last_day", date_text(state.last_day));
  for (const StageState &s : state.stages) {
    const std::string p = "stage." + s.key + ".";
    out += line(p + "entered_on", date_text(s.entered_on));
    out += line(p + "completed_on", date_text(s.completed_on));
    out += line(p + "outcome", s.outcome);
    out += line(p + "completions", std::to_string(s.completions));
    out += line(p + "by_record", s.by_record ? "true" : "false");
    for (const SuppliedFact &f : s.facts) {
      out +=
          line(p + "fact." + f.key, std::to_string(static_cast<int>(f.type)) + ":" + fact_text(f));
    }
    for (const std::string &d : s.documents) out += line(p + "document", d);
    if (s.votes) {
      const Votes &v = *s.votes;
      out += line(p + "votes", std::to_string(v.members_due) + "/" + std::to_string(v.present) +
                                   "/" + std::to_string(v.in_favour) + "/" +
                                   std::to_string(v.against) + "/" + std::to_string(v.abstain));
    }
  }
  for (const Awaited &a : state.awaited) {
    // A task's id and deadline only where there is one: the states without keep their text.
    out += line("awaited",
                a.stage + (a.branch ? " branch " : " main ") + a.since.to_string() +
                    (a.task.empty() ? "" : " task " + a.task + " " + date_text(a.deadline)));
  }
  out += line("main_ended", state.main_ended ? "true" : "false");
  for (const LateStep &l : state.late) {
    out += line("late", l.stage + " " + l.deadline.to_string() + " " + l.completed_on.to_string() +
                            " " + std::to_string(l.working_days) +
                            (l.task.empty() ? "" : " task " + l.task));
  }
  for (const FindingsDiff &d : state.appeals) {
    out += line("appeal.as_of", d.as_of.to_string());
    for (const FindingChange &c : d.changes) {
      std::string fields;
      for (const std::string &f : c.fields) fields += " " + f;
      out += line("appeal.change", std::to_string(static_cast<int>(c.kind)) + " " + c.rule_id +
                                       " " + std::to_string(static_cast<int>(c.channel)) + " " +
                                       std::to_string(static_cast<int>(c.before)) + " " +
                                       std::to_string(static_cast<int>(c.after)) + fields);
    }
  }
  return out;
}

StatusOr<DecisionRecord> decision_record(const Case &c, std::uint64_t seq,
                                         const WorkCalendar &calendar) {
  if (seq == 0 || seq > c.events().size()) {
    return Status(StatusCode::kOutOfRange, "no event with the sequence number", "seq");
  }
  const std::vector<LoggedEvent> prefix(c.events().begin(),
                                        c.events().begin() + static_cast<std::ptrdiff_t>(seq));
  auto state = replay(c.definition(), prefix, calendar);
  if (!state.ok()) return state.status();
  auto event = decode_event(prefix.back().bytes);
  if (!event.ok()) return event.status();
  DecisionRecord r;
  r.id = c.header().id + ":" + std::to_string(seq);
  r.operation = "case.apply";
  r.as_of = event->day;
  r.catalogue = {c.definition().id, c.definition().version, content_hash(c.definition())};
  r.request_hash = request_hash(prefix.back().link, calendar);
  r.response_hash = hex_sha256(canonical_text(*state));
  r.library_version = CADRE_VERSION_STRING;
  return r;
}

Status rederive(const DecisionRecord &record, const ProcedureDefinition &definition,
                const std::vector<LoggedEvent> &events, const WorkCalendar &calendar) {
  const std::size_t colon = record.id.rfind(':');
  std::uint64_t seq = 0;
  if (colon != std::string::npos) {
    for (std::size_t i = colon + 1; i < record.id.size(); ++i) {
      const char ch = record.id[i];
      if (ch < '0' || ch > '9' || seq > 1000000000000ULL) {
        seq = 0;
        break;
      }
      seq = seq * 10 + static_cast<std::uint64_t>(ch - '0');
    }
  }
  if (seq == 0 || seq > events.size()) {
    return invalid_argument("id", "names no event of the case (\"<case id>:<seq>\")");
  }
  if (record.catalogue.content_hash != content_hash(definition)) {
    return {StatusCode::kFailedPrecondition, "the definition is not the one recorded",
            "catalogue.content_hash"};
  }
  const std::vector<LoggedEvent> prefix(events.begin(),
                                        events.begin() + static_cast<std::ptrdiff_t>(seq));
  ChainVerifier chain;
  for (const LoggedEvent &e : prefix) {
    if (!chain.feed(e)) {
      return {StatusCode::kFailedPrecondition, "the chain does not verify",
              "events[" + std::to_string(*chain.first_bad()) + "]"};
    }
  }
  if (record.request_hash != request_hash(prefix.back().link, calendar)) {
    return {StatusCode::kFailedPrecondition, "the events or the calendar are not the ones recorded",
            "request_hash"};
  }
  auto state = replay(definition, prefix, calendar);
  if (!state.ok()) return state.status();
  if (record.response_hash != hex_sha256(canonical_text(*state))) {
    return {StatusCode::kFailedPrecondition, "the state re-derived differs", "response_hash"};
  }
  return {};
}

}  // namespace api_v1
}  // namespace cadre
