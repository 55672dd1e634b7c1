#include "service/case_service.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/exemption_case.hpp"
#include "codec/case_stream.hpp"
#include "codec/codec.hpp"
#include "codec/stream.hpp"
#include "procedure/case_codec.hpp"
#include "service/service.hpp"
#include "service/statistics_service.hpp"
#include "service/tolerance_service.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

namespace {

std::string day_text(const std::optional<Date> &d) { return d ? d->to_string() : std::string(); }

// Prefixes @p st's field with @p path.
Status under(const Status &st, const std::string &path) {
  return {st.code(), st.message(), st.field().empty() ? path : path + "." + st.field()};
}

StatusOr<std::optional<Date>> optional_date(const std::string &text, const std::string &path) {
  if (text.empty()) {
    return std::optional<Date>();
  }
  auto d = codec::parse_date(text, path);
  if (!d.ok()) {
    return d.status();
  }
  return std::optional<Date>(*d);
}

Status check_case_id(const std::string &id, const std::string &path) {
  if (id.empty()) {
    return invalid_argument(path, "is required");
  }
  if (!codec::is_valid_id(id)) {
    return invalid_argument(path, "is not a valid id (too long, or a control character)");
  }
  return {};
}

void encode_votes(const Votes &in, pb::CaseVotes &out) {
  out.set_members_due(in.members_due);
  out.set_present(in.present);
  out.set_in_favour(in.in_favour);
  out.set_against(in.against);
  out.set_abstain(in.abstain);
}

void encode_fact(const SuppliedFact &in, pb::CaseFact &out) {
  out.set_key(in.key);
  out.set_type(static_cast<pb::FactType>(in.type));
  switch (in.type) {
    case FactType::kDate:
      out.set_date(in.date.to_string());
      break;
    case FactType::kBool:
      out.set_yes(in.yes);
      break;
    case FactType::kInteger:
      out.set_number(in.number);
      break;
    case FactType::kMethod:
      out.set_method(static_cast<pb::AdjustmentMethod>(in.method));
      break;
    default:
      out.set_text(in.text);
      break;
  }
}

void encode_diff(const FindingsDiff &in, pb::CaseFindingsDiff &out) {
  out.set_as_of(in.as_of.to_string());
  for (const FindingChange &c : in.changes) {
    pb::CaseFindingChange &o = *out.add_changes();
    o.set_kind(static_cast<pb::CaseFindingChange::Kind>(c.kind));
    o.set_rule_id(c.rule_id);
    o.set_channel(static_cast<pb::Channel>(c.channel));
    o.set_before(static_cast<pb::FindingStatus>(c.before));
    o.set_after(static_cast<pb::FindingStatus>(c.after));
    for (const std::string &f : c.fields) {
      o.add_fields(f);
    }
  }
}

StatusOr<FindingsDiff> decode_diff(const pb::CaseFindingsDiff &in, const std::string &path) {
  FindingsDiff out;
  auto as_of = codec::parse_date(in.as_of(), path + ".as_of");
  if (!as_of.ok()) {
    return as_of.status();
  }
  out.as_of = *as_of;
  for (int i = 0; i < in.changes_size(); ++i) {
    const pb::CaseFindingChange &c = in.changes(i);
    const std::string p = path + ".changes[" + std::to_string(i) + "]";
    if (c.kind() < pb::CaseFindingChange::KIND_APPEARED ||
        c.kind() > pb::CaseFindingChange::KIND_CHANGED) {
      return invalid_argument(p + ".kind",
                              "must be KIND_APPEARED, KIND_DISAPPEARED or KIND_CHANGED");
    }
    FindingChange o;
    o.kind = static_cast<FindingChangeKind>(c.kind());
    o.rule_id = c.rule_id();
    o.channel = static_cast<Channel>(c.channel());
    o.before = static_cast<FindingStatus>(c.before());
    o.after = static_cast<FindingStatus>(c.after());
    o.fields.assign(c.fields().begin(), c.fields().end());
    out.changes.push_back(std::move(o));
  }
  return out;
}

}  // namespace

void encode_case_event(const CaseEvent &in, pb::CaseEvent &out) {
  out.set_kind(in.kind == CaseEventKind::kOpen ? pb::CaseEvent::KIND_OPEN
                                               : pb::CaseEvent::KIND_STEP);
  out.set_stage(in.stage);
  out.set_outcome(in.outcome);
  out.set_day(in.day.to_string());
  pb::CaseActor &a = *out.mutable_actor();
  a.set_role(static_cast<pb::ActorRole>(in.actor.role));
  a.set_body(static_cast<pb::AuthorityKind>(in.actor.body));
  a.set_level(static_cast<pb::AuthorityLevel>(in.actor.level));
  a.set_body_id(in.actor.body_id);
  for (const SuppliedFact &f : in.facts) {
    encode_fact(f, *out.add_facts());
  }
  for (const std::string &d : in.documents) {
    out.add_documents(d);
  }
  if (in.votes) {
    encode_votes(*in.votes, *out.mutable_votes());
  }
  out.set_document_ref(in.document_ref);
  out.set_note_id(in.note_id);
  out.set_opened_by(in.opened_by);
  out.set_definition_hash(in.definition_hash);
  out.set_due_by(day_text(in.due_by));
  if (in.correction) {
    pb::CaseCorrection &c = *out.mutable_correction();
    c.set_field(in.correction->field);
    c.set_record_id(in.correction->record_id);
    c.set_evidence_ref(in.correction->evidence_ref);
  }
  if (in.diff) {
    encode_diff(*in.diff, *out.mutable_diff());
  }
}

StatusOr<CaseEvent> decode_case_event(const pb::CaseEvent &in, const std::string &path) {
  CaseEvent out;
  switch (in.kind()) {
    case pb::CaseEvent::KIND_UNSPECIFIED:
    case pb::CaseEvent::KIND_STEP:
      out.kind = CaseEventKind::kStep;
      break;
    case pb::CaseEvent::KIND_OPEN:
      out.kind = CaseEventKind::kOpen;
      break;
    default:
      return invalid_argument(path + ".kind", "unknown kind of event");
  }
  out.stage = in.stage();
  out.outcome = in.outcome();
  auto day = codec::parse_date(in.day(), path + ".day");
  if (!day.ok()) {
    return day.status();
  }
  out.day = *day;
  out.actor.role = static_cast<ActorRole>(in.actor().role());
  out.actor.body = static_cast<AuthorityKind>(in.actor().body());
  out.actor.level = static_cast<AuthorityLevel>(in.actor().level());
  out.actor.body_id = in.actor().body_id();
  for (int i = 0; i < in.facts_size(); ++i) {
    const pb::CaseFact &f = in.facts(i);
    const std::string p = path + ".facts[" + std::to_string(i) + "]";
    SuppliedFact o;
    o.key = f.key();
    o.type = static_cast<FactType>(f.type());
    switch (o.type) {
      case FactType::kDate: {
        auto d = codec::parse_date(f.date(), p + ".date");
        if (!d.ok()) {
          return d.status();
        }
        o.date = *d;
        break;
      }
      case FactType::kBool:
        o.yes = f.yes();
        break;
      case FactType::kInteger:
        o.number = f.number();
        break;
      case FactType::kMethod:
        o.method = static_cast<AdjustmentMethod>(f.method());
        break;
      case FactType::kText:
      case FactType::kRecord:
        o.text = f.text();
        break;
      default:
        return invalid_argument(p + ".type", "must be a FACT_TYPE the definition knows");
    }
    out.facts.push_back(std::move(o));
  }
  out.documents.assign(in.documents().begin(), in.documents().end());
  if (in.has_votes()) {
    const pb::CaseVotes &v = in.votes();
    out.votes = Votes{v.members_due(), v.present(), v.in_favour(), v.against(), v.abstain()};
  }
  out.document_ref = in.document_ref();
  out.note_id = in.note_id();
  out.opened_by = in.opened_by();
  out.definition_hash = in.definition_hash();
  auto due_by = optional_date(in.due_by(), path + ".due_by");
  if (!due_by.ok()) {
    return due_by.status();
  }
  out.due_by = *due_by;
  if (in.has_correction()) {
    out.correction = Correction{in.correction().field(), in.correction().record_id(),
                                in.correction().evidence_ref()};
  }
  if (in.has_diff()) {
    auto diff = decode_diff(in.diff(), path + ".diff");
    if (!diff.ok()) {
      return diff.status();
    }
    out.diff = std::move(diff).value();
  }
  // The checks of the canonical encoding (lengths, UTF-8, unique keys), with the field named.
  if (auto bytes = encode_event(out); !bytes.ok()) {
    return under(bytes.status(), path);
  }
  return out;
}

namespace {

void encode_due(const ProcedureDefinition &definition, const CaseHeader &header, const Due &d,
                pb::CaseDue &out) {
  out.set_case_id(header.id);
  out.set_cadre_id(header.cadre_id);
  out.set_procedure_id(header.procedure_id);
  out.set_stage(d.stage);
  if (const Stage *s = definition.stage(d.stage)) {
    codec::encode(s->name, *out.mutable_stage_name());
  }
  out.set_branch(d.branch);
  out.set_optional(d.optional);
  out.set_deadline(day_text(d.deadline));
  out.set_effect(static_cast<pb::DeadlineEffect>(d.effect));
  out.set_from_policy(d.from_policy);
  out.set_overdue(d.overdue);
  out.set_working_days_overdue(d.working_days_overdue);
  codec::encode(d.citations, *out.mutable_citations());
  out.set_task(d.task);
}

// The view of a case as of @p as_of; @p events (those of @p state) give a 容错认定 case's
// decision.
Status fill_view(const Engine &engine, const ProcedureDefinition &definition,
                 const CaseHeader &header, const CaseState &state,
                 const std::vector<LoggedEvent> &events, Date as_of, pb::CaseView &out) {
  out.set_id(header.id);
  out.set_procedure_id(header.procedure_id);
  codec::encode(definition.title, *out.mutable_procedure_name());
  out.set_cadre_id(header.cadre_id);
  out.set_region(header.region);
  out.set_opened_on(header.opened_on.to_string());
  out.set_opened_by(header.opened_by);
  out.set_events(header.events);
  out.set_head(to_hex(header.head));
  out.set_current_stage(state.current_stage());
  out.set_ended(state.ended());
  out.set_last_day(day_text(state.last_day));
  out.set_as_of(as_of.to_string());
  for (const StageState &s : state.stages) {
    pb::CaseStageState &o = *out.add_stages();
    o.set_key(s.key);
    if (const Stage *st = definition.stage(s.key)) {
      codec::encode(st->name, *o.mutable_name());
    }
    o.set_entered_on(day_text(s.entered_on));
    o.set_completed_on(day_text(s.completed_on));
    o.set_outcome(s.outcome);
    o.set_completions(s.completions);
    o.set_by_record(s.by_record);
    for (const SuppliedFact &f : s.facts) {
      encode_fact(f, *o.add_facts());
    }
    for (const std::string &d : s.documents) {
      o.add_documents(d);
    }
    if (s.votes) {
      encode_votes(*s.votes, *o.mutable_votes());
    }
  }
  auto due_list = due(definition, state, as_of, engine.config().calendar);
  if (!due_list.ok()) {
    return due_list.status();
  }
  for (const Due &d : *due_list) {
    encode_due(definition, header, d, *out.add_due());
  }
  for (const LateStep &l : state.late) {
    pb::CaseLateStep &o = *out.add_late();
    o.set_stage(l.stage);
    o.set_deadline(l.deadline.to_string());
    o.set_completed_on(l.completed_on.to_string());
    o.set_working_days(l.working_days);
    o.set_task(l.task);
  }
  for (const FindingsDiff &d : state.appeals) {
    encode_diff(d, *out.add_appeals());
  }
  if (definition.kind == ProcedureKind::kExemptionReview) {
    auto decision = exemption_decision(definition, state, events);
    if (!decision.ok()) {
      const Status &st = decision.status();
      return {st.code(), st.message(), "cases[\"" + header.id + "\"]." + st.field()};
    }
    pb::CaseExemptionDecision &o = *out.mutable_exemption();
    encode_exemption_claim(decision->claim, *o.mutable_claim());
    o.set_decided(decision->decided);
    o.set_document_ref(decision->document_ref);
    o.set_decided_by(decision->decided_by);
    for (const std::string &m : decision->remedial_measures) {
      o.add_remedial_measures(m);
    }
  }
  return {};
}

StatusOr<const ProcedureDefinition *> definition_of(const Engine &engine,
                                                    const CaseHeader &header) {
  const ProcedureDefinition *d = engine.config().procedures.find(header.procedure_id);
  if (d == nullptr) {
    return Status(StatusCode::kFailedPrecondition,
                  "the case follows a procedure definition the engine does not have: add it "
                  "(EngineOptions.procedure_texts)",
                  "cases[\"" + header.id + "\"].procedure_id");
  }
  return d;
}

// A case read from the store, its chain verified and its events replayed, one event at a time.
struct Loaded {
  CaseHeader header;
  const ProcedureDefinition *definition = nullptr;
  CaseState state;
  std::vector<LoggedEvent> events;  // kept only when asked
};

// The content hashes of the definitions met during one call (the engine's definitions do not
// change meanwhile): each is hashed once however many cases follow it.
class DefinitionHashes {
 public:
  const std::string &of(const ProcedureDefinition &definition) {
    for (const auto &[def, hash] : hashes_) {
      if (def == &definition) {
        return hash;
      }
    }
    hashes_.emplace_back(&definition, content_hash(definition));
    return hashes_.back().second;
  }

 private:
  std::vector<std::pair<const ProcedureDefinition *, std::string>> hashes_;
};

// The replay of one case, event by event: the chain verified, each event decoded and applied.
// Failures name "cases[\"id\"].events[i]".
struct Replay {
  const std::string *definition_hash = nullptr;
  ChainVerifier verifier;
  std::uint64_t index = 0;
  CaseEvent event;  // the event being replayed, reused from event to event
};

std::string event_path(const CaseHeader &header, std::uint64_t i) {
  return "cases[\"" + header.id + "\"].events[" + std::to_string(i) + "]";
}

// Starts the replay of case @p c.header (its state reset).
Status begin_replay(const Engine &engine, DefinitionHashes &hashes, Loaded &c, Replay &r) {
  auto def = definition_of(engine, c.header);
  if (!def.ok()) {
    return def.status();
  }
  c.definition = *def;
  c.state = CaseState{};
  c.events.clear();
  r.definition_hash = &hashes.of(*c.definition);
  r.verifier = ChainVerifier{};
  r.index = 0;
  return {};
}

Status replay_event(const Engine &engine, Loaded &c, Replay &r, const LoggedEvent &e,
                    bool keep_events) {
  if (!r.verifier.feed(e)) {
    return {StatusCode::kDataLoss, "the chain does not verify from this event on",
            event_path(c.header, r.index)};
  }
  if (auto st = decode_event_into(e.bytes, r.event); !st.ok()) {
    return under(Status(StatusCode::kDataLoss, st.message(), st.field()),
                 event_path(c.header, r.index));
  }
  if (auto rej =
          apply(*c.definition, *r.definition_hash, c.state, r.event, engine.config().calendar)) {
    return {StatusCode::kFailedPrecondition, "the event does not replay: " + rej->message.en,
            event_path(c.header, r.index) + (rej->field.empty() ? "" : "." + rej->field)};
  }
  if (keep_events) {
    c.events.push_back(e);
  }
  ++r.index;
  return {};
}

// Ends the replay: the chain against the header's count and head.
Status end_replay(const Loaded &c, const Replay &r) {
  if (auto first = r.verifier.finish(c.header)) {
    return {StatusCode::kDataLoss, "the chain does not verify against the case's count and head",
            event_path(c.header, *first)};
  }
  return {};
}

// Reads case @p c.header.id from the store and replays it.
Status load_events(const Engine &engine, CaseStore &store, Loaded &c, bool keep_events,
                   DefinitionHashes &hashes) {
  Replay r;
  if (auto st = begin_replay(engine, hashes, c, r); !st.ok()) {
    return st;
  }
  // A 容错认定 case keeps its events: its decision event says who decided.
  const bool keep = keep_events || c.definition->kind == ProcedureKind::kExemptionReview;
  Status st = store.events(c.header.id, [&](const LoggedEvent &e) -> Status {
    return replay_event(engine, c, r, e, keep);
  });
  if (!st.ok()) {
    return st;
  }
  return end_replay(c, r);
}

StatusOr<Loaded> load(const Engine &engine, CaseStore &store, const std::string &case_id,
                      bool keep_events) {
  auto header = store.header(case_id);
  if (!header.ok()) {
    if (header.status().code() == StatusCode::kNotFound) {
      return Status(StatusCode::kNotFound, "no case with this id in the store", "case_id");
    }
    return header.status();
  }
  Loaded c;
  c.header = std::move(header).value();
  DefinitionHashes hashes;
  if (auto st = load_events(engine, store, c, keep_events, hashes); !st.ok()) {
    return st;
  }
  return c;
}

void encode_logged(const LoggedEvent &e, const CaseEvent &event, pb::CaseLoggedEvent &out) {
  out.set_seq(e.seq);
  out.set_prev(to_hex(e.prev));
  out.set_link(to_hex(e.link));
  encode_case_event(event, *out.mutable_event());
}

// Writes a new case, its header and its events, as one group.
Status persist(CaseStore &store, const Case &c) {
  return store.atomically([&]() -> Status {
    if (auto st = store.create_case(c.header()); !st.ok()) {
      return st.code() == StatusCode::kAlreadyExists
                 ? Status(st.code(), "a case with this id is already in the store", "case_id")
                 : st;
    }
    Digest head{};
    for (const LoggedEvent &e : c.events()) {
      if (auto st = store.append(c.header().id, head, e); !st.ok()) {
        return st;
      }
      head = e.link;
    }
    return {};
  });
}

}  // namespace

Status case_open(const Engine &engine, CaseStore &store, const pb::CaseOpenRequest &request,
                 pb::CaseOpenResponse &response) {
  if (auto st = check_case_id(request.case_id(), "case_id"); !st.ok()) {
    return st;
  }
  const std::string region = request.region().empty() ? "CN" : request.region();
  const int sources = (request.rule_id().empty() ? 0 : 1) +
                      (request.early_warning_id().empty() ? 0 : 1) +
                      (request.exemption_claim_id().empty() ? 0 : 1);
  if (sources != 1) {
    return invalid_argument("rule_id",
                            "give one of rule_id (a finding), early_warning_id (a 诫勉 record) or "
                            "exemption_claim_id (a pending 容错 claim)");
  }
  auto opened_on = optional_date(request.opened_on(), "opened_on");
  if (!opened_on.ok()) {
    return opened_on.status();
  }
  auto as_of = optional_date(request.as_of(), "as_of");
  if (!as_of.ok()) {
    return as_of.status();
  }
  Cadre cadre;
  if (auto st = codec::decode(request.cadre(), "cadre", *as_of, cadre); !st.ok()) {
    return st;
  }
  const EngineConfig &config = engine.config();
  std::optional<Case> opened;
  if (!request.rule_id().empty()) {
    if (!*as_of) {
      return invalid_argument("as_of", "is required to re-derive a finding");
    }
    const std::vector<Finding> findings = engine.screen(cadre, **as_of);
    auto it = std::find_if(findings.begin(), findings.end(),
                           [&](const Finding &f) { return f.rule_id == request.rule_id(); });
    if (it == findings.end()) {
      return {StatusCode::kNotFound, "the cadre has no finding of this rule as of `as_of`",
              "rule_id"};
    }
    auto c = open_case(config.procedures, *it, request.case_id(), region,
                       opened_on->value_or(**as_of), config.calendar);
    if (!c.ok()) {
      return c.status();
    }
    opened.emplace(std::move(c).value());
  } else if (!request.exemption_claim_id().empty()) {
    const auto it =
        std::find_if(cadre.exemption_claims.begin(), cadre.exemption_claims.end(),
                     [&](const ExemptionClaim &x) { return x.id == request.exemption_claim_id(); });
    if (it == cadre.exemption_claims.end()) {
      return {StatusCode::kNotFound, "the cadre has no exemption claim with this id",
              "exemption_claim_id"};
    }
    const std::string at =
        "cadre.exemption_claims[" + std::to_string(it - cadre.exemption_claims.begin()) + "]";
    auto c = open_case(config.procedures, cadre.id, *it, request.case_id(), region, *opened_on,
                       config.calendar);
    if (!c.ok()) {
      const Status &st = c.status();
      const bool of_claim = st.field() == "decision" || st.field() == "claimed_on" ||
                            st.field().rfind("concerns", 0) == 0;
      return of_claim ? Status(st.code(), st.message(), at + "." + st.field()) : st;
    }
    opened.emplace(std::move(c).value());
  } else {
    auto it =
        std::find_if(cadre.early_warnings.begin(), cadre.early_warnings.end(),
                     [&](const EarlyWarning &w) { return w.id == request.early_warning_id(); });
    if (it == cadre.early_warnings.end()) {
      return {StatusCode::kNotFound, "the cadre has no early-warning record with this id",
              "early_warning_id"};
    }
    auto c =
        open_case(config.procedures, cadre.id, *it, request.case_id(), region, config.calendar);
    if (!c.ok()) {
      return c.status();
    }
    opened.emplace(std::move(c).value());
  }
  if (auto st = persist(store, *opened); !st.ok()) {
    return st;
  }
  const Date day = opened->state().last_day.value_or(opened->header().opened_on);
  return fill_view(engine, opened->definition(), opened->header(), opened->state(),
                   opened->events(), day, *response.mutable_case_());
}

Status case_record(const Engine &engine, CaseStore &store, const pb::CaseRecordRequest &request,
                   pb::CaseRecordResponse &response) {
  if (auto st = check_case_id(request.case_id(), "case_id"); !st.ok()) {
    return st;
  }
  if (!request.has_event()) {
    return invalid_argument("event", "is required");
  }
  auto event = decode_case_event(request.event(), "event");
  if (!event.ok()) {
    return event.status();
  }
  if (event->kind != CaseEventKind::kStep) {
    return invalid_argument("event.kind", "a case is opened by case_open; record steps only");
  }
  std::optional<Digest> expected;
  if (!request.expected_head().empty()) {
    expected = digest_from_hex(request.expected_head());
    if (!expected) {
      return invalid_argument("expected_head", "must be 64 hexadecimal digits");
    }
  }
  auto loaded = load(engine, store, request.case_id(), false);
  if (!loaded.ok()) {
    return loaded.status();
  }
  Loaded c_value = std::move(loaded).value();
  Loaded *c = &c_value;
  if (expected && *expected != c->header.head) {
    return {StatusCode::kAborted, "the case has moved on since: read it again", "expected_head"};
  }
  auto bytes = encode_event(*event);
  if (!bytes.ok()) {
    return under(bytes.status(), "event");
  }
  CaseState state = c->state;
  if (auto r = apply(*c->definition, state, *event, engine.config().calendar)) {
    response.set_accepted(false);
    pb::CaseEventRejection &o = *response.mutable_rejection();
    o.set_reason(static_cast<pb::CaseRejection>(r->reason));
    o.set_field(r->field.empty() ? "event" : "event." + r->field);
    codec::encode(r->message, *o.mutable_message());
    codec::encode(r->citation, *o.mutable_citation());
    const Date day = c->state.last_day.value_or(c->header.opened_on);
    return fill_view(engine, *c->definition, c->header, c->state, c->events,
                     std::max(day, event->day), *response.mutable_case_());
  }
  LoggedEvent logged;
  logged.seq = c->header.events + 1;
  logged.prev = c->header.head;
  logged.bytes = std::move(bytes).value();
  logged.link = chain_link(logged.prev, logged.seq, logged.bytes);
  if (auto st = store.append(c->header.id, c->header.head, logged); !st.ok()) {
    return st;
  }
  c->header.events = logged.seq;
  c->header.head = logged.link;
  response.set_accepted(true);
  encode_logged(logged, *event, *response.mutable_logged());
  if (c->definition->kind == ProcedureKind::kExemptionReview) {
    c->events.push_back(logged);
  }
  return fill_view(engine, *c->definition, c->header, state, c->events, event->day,
                   *response.mutable_case_());
}

Status case_show(const Engine &engine, CaseStore &store, const pb::CaseShowRequest &request,
                 pb::CaseShowResponse &response) {
  if (auto st = check_case_id(request.case_id(), "case_id"); !st.ok()) {
    return st;
  }
  auto as_of = optional_date(request.as_of(), "as_of");
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto c = load(engine, store, request.case_id(), request.with_events());
  if (!c.ok()) {
    return c.status();
  }
  const Date day = as_of->value_or(c->state.last_day.value_or(c->header.opened_on));
  pb::CaseView &view = *response.mutable_case_();
  if (auto st = fill_view(engine, *c->definition, c->header, c->state, c->events, day, view);
      !st.ok()) {
    return st;
  }
  if (!request.with_events()) {
    return {};
  }
  for (const LoggedEvent &e : c->events) {
    auto event = decode_event(e.bytes);
    if (!event.ok()) {  // replayed above: cannot happen
      return {StatusCode::kInternal, "an event replayed but does not decode"};
    }
    encode_logged(e, *event, *view.add_log());
  }
  return {};
}

namespace {

void add_problem(const std::string &case_id, const Status &st,
                 google::protobuf::RepeatedPtrField<pb::CaseProblem> &out) {
  pb::CaseProblem &p = *out.Add();
  p.set_case_id(case_id);
  p.set_field(st.field());
  p.set_message(st.message());
  p.set_code(static_cast<int>(st.code()));
}

// Every header of the store, by id (read first, so that no read of the store's cases is open
// while a case's events are read).
StatusOr<std::vector<CaseHeader>> headers(CaseStore &store) {
  std::vector<CaseHeader> out;
  Status st = store.cases([&](const CaseHeader &h) -> Status {
    out.push_back(h);
    return {};
  });
  if (!st.ok()) {
    return st;
  }
  return out;
}

}  // namespace

namespace {

Status due_in_view(const Engine &engine, CaseStore &store, const pb::CaseDueRequest &request,
                   Date as_of, pb::CaseDueResponse &response);

}  // namespace

Status case_due(const Engine &engine, CaseStore &store, const pb::CaseDueRequest &request,
                pb::CaseDueResponse &response) {
  auto as_of = codec::parse_date(request.as_of(), "as_of");
  if (!as_of.ok()) {
    return as_of.status();
  }
  return store.snapshot([&] { return due_in_view(engine, store, request, *as_of, response); });
}

namespace {

Status due_in_view(const Engine &engine, CaseStore &store, const pb::CaseDueRequest &request,
                   Date as_of, pb::CaseDueResponse &response) {
  response.set_as_of(as_of.to_string());
  int cases = 0;
  int open = 0;
  int overdue = 0;
  DefinitionHashes hashes;
  Loaded c;  // the case being read, reused from case to case
  Replay replay;
  bool reading = false;  // a case of the request is being read
  Status problem;        // why the case being read cannot be replayed
  // What is due in the case just read, once all its events are in.
  const auto finish = [&]() {
    if (!reading) {
      return;
    }
    reading = false;
    if (problem.ok()) {
      problem = end_replay(c, replay);
    }
    if (!problem.ok()) {
      add_problem(c.header.id, problem, *response.mutable_problems());
      return;
    }
    if (c.state.ended()) {
      return;
    }
    ++open;
    auto list = due(*c.definition, c.state, as_of, engine.config().calendar);
    if (!list.ok()) {
      add_problem(c.header.id, list.status(), *response.mutable_problems());
      return;
    }
    bool any_overdue = false;
    for (const Due &d : *list) {
      any_overdue = any_overdue || d.overdue;
      if (request.overdue_only() && !d.overdue) {
        continue;
      }
      encode_due(*c.definition, c.header, d, *response.add_due());
    }
    overdue += any_overdue ? 1 : 0;
  };
  // The whole store in one pass: each case's header, then its events.
  Status walked = store.walk(
      [&](const CaseHeader &h) -> Status {
        finish();
        if (!request.procedure_id().empty() && h.procedure_id != request.procedure_id()) {
          return {};
        }
        ++cases;
        c.header = h;
        reading = true;
        problem = begin_replay(engine, hashes, c, replay);
        return {};
      },
      [&](const LoggedEvent &e) -> Status {
        if (reading && problem.ok()) {
          problem = replay_event(engine, c, replay, e, false);
        }
        return {};
      });
  if (!walked.ok()) {
    return walked;  // the store itself failed: no answer rather than a partial one
  }
  finish();
  response.set_cases(cases);
  response.set_open(open);
  response.set_overdue(overdue);
  auto &due_list = *response.mutable_due();
  // By deadline (none last), then case id, keeping each case's order.
  std::stable_sort(due_list.begin(), due_list.end(),
                   [](const pb::CaseDue &a, const pb::CaseDue &b) {
                     if (a.deadline().empty() != b.deadline().empty()) {
                       return b.deadline().empty();
                     }
                     if (a.deadline() != b.deadline()) {
                       return a.deadline() < b.deadline();
                     }
                     return a.case_id() < b.case_id();
                   });
  return {};
}

}  // namespace

Status case_verify(const Engine &engine, CaseStore &store, const pb::CaseVerifyRequest &request,
                   pb::CaseVerifyResponse &response) {
  std::vector<CaseHeader> list;
  if (!request.case_id().empty()) {
    auto h = store.header(request.case_id());
    if (!h.ok()) {
      return h.status().code() == StatusCode::kNotFound
                 ? Status(StatusCode::kNotFound, "no case with this id in the store", "case_id")
                 : h.status();
    }
    list.push_back(std::move(h).value());
  } else {
    auto all = headers(store);
    if (!all.ok()) {
      return all.status();
    }
    list = std::move(all).value();
  }
  int verified = 0;
  DefinitionHashes hashes;
  for (CaseHeader &h : list) {
    pb::CaseVerification &v = *response.add_cases();
    v.set_case_id(h.id);
    // The chain first, on its own: a broken link is found even where the events would not
    // decode or replay.
    ChainVerifier chain;
    std::uint64_t read = 0;
    Status st = store.events(h.id, [&](const LoggedEvent &e) -> Status {
      ++read;
      chain.feed(e);
      return {};
    });
    if (!st.ok()) {
      return st;
    }
    v.set_events(read);
    if (auto first = chain.finish(h)) {
      v.set_chain_broken(true);
      v.set_first_bad(*first);
      continue;
    }
    Loaded c;
    c.header = std::move(h);
    if (auto rs = load_events(engine, store, c, false, hashes); !rs.ok()) {
      pb::CaseProblem &p = *v.mutable_replay();
      p.set_case_id(c.header.id);
      p.set_field(rs.field());
      p.set_message(rs.message());
      p.set_code(static_cast<int>(rs.code()));
      continue;
    }
    v.set_ok(true);
    ++verified;
  }
  response.set_verified(verified);
  response.set_broken(response.cases_size() - verified);
  return {};
}

Status case_export(const Engine & /*engine*/, CaseStore &store,
                   const pb::CaseExportRequest &request, pb::CaseExportResponse &response) {
  if (request.path().empty()) {
    return invalid_argument("path", "is required");
  }
  std::ofstream file(request.path(), std::ios::binary | std::ios::trunc);
  if (!file) {
    return {StatusCode::kUnavailable, "cannot open the file for writing", "path"};
  }
  codec::StreamWriter writer(file);
  pb::RosterHeader header;
  if (auto st = codec::export_cases(store, header, writer); !st.ok()) {
    return st;
  }
  file.flush();
  if (!file) {
    return {StatusCode::kUnavailable, "cannot write the file", "path"};
  }
  auto all = headers(store);
  if (!all.ok()) {
    return all.status();
  }
  std::int64_t events = 0;
  for (const CaseHeader &h : *all) {
    events += static_cast<std::int64_t>(h.events);
  }
  response.set_cases(static_cast<std::int64_t>(all->size()));
  response.set_events(events);
  response.set_bytes(static_cast<std::int64_t>(file.tellp()));
  return {};
}

Status case_import(const Engine & /*engine*/, CaseStore &store,
                   const pb::CaseImportRequest &request, pb::CaseImportResponse &response) {
  if (request.path().empty()) {
    return invalid_argument("path", "is required");
  }
  std::ifstream file(request.path(), std::ios::binary);
  if (!file) {
    return {StatusCode::kNotFound, "cannot open the file for reading", "path"};
  }
  codec::StreamReader reader(file);
  codec::ImportCounts counts;
  if (auto st = codec::import_cases(reader, store, &counts); !st.ok()) {
    return st;
  }
  response.set_cases(static_cast<std::int64_t>(counts.cases));
  response.set_events(static_cast<std::int64_t>(counts.events));
  return {};
}

namespace {

// Whether the adjustment was carried out: a stage of the main line (reached from the first
// stage by outcomes' `next`, never through a branch) whose every outcome ends the procedure
// (执行完毕, 任免手续办理完毕) is completed. A case ended at an earlier stage (不予启动, 不予问责,
// 不予调整) or by an appeal adjusted no one.
bool carried_out(const ProcedureDefinition &definition, const CaseState &state) {
  if (definition.stages.empty()) {
    return false;
  }
  std::vector<std::string> seen;
  std::vector<const Stage *> todo{&definition.stages.front()};
  while (!todo.empty()) {
    const Stage *stage = todo.back();
    todo.pop_back();
    if (stage == nullptr || stage->entry == StageEntry::kBranch ||
        std::find(seen.begin(), seen.end(), stage->key) != seen.end()) {
      continue;
    }
    seen.push_back(stage->key);
    bool terminal = !stage->outcomes.empty();
    for (const Outcome &o : stage->outcomes) {
      terminal = terminal && o.ends;
      if (!o.next.empty()) {
        todo.push_back(definition.stage(o.next));
      }
    }
    const StageState *done = state.stage(stage->key);
    if (terminal && done != nullptr && done->completed_on) {
      return true;
    }
  }
  return false;
}

Status digest_in_view(const Engine &engine, CaseStore &store, Date as_of,
                      pb::CaseDigestResponse &response) {
  response.set_as_of(as_of.to_string());
  DefinitionHashes hashes;
  Loaded c;  // the case being read, reused from case to case
  Replay replay;
  bool reading = false;
  Status problem;
  const auto finish = [&]() {
    if (!reading) {
      return;
    }
    reading = false;
    if (problem.ok()) {
      problem = end_replay(c, replay);
    }
    if (!problem.ok()) {
      add_problem(c.header.id, problem, *response.mutable_problems());
      return;
    }
    CaseDigest d;
    d.case_id = c.header.id;
    d.cadre_id = c.header.cadre_id;
    d.kind = c.definition->kind;
    d.channel = channel_of(d.kind);
    if (d.channel == Channel::kUnspecified) {
      return;  // adjusts no one (诫勉...)
    }
    d.opened_on = c.state.opened_on ? c.state.opened_on : std::optional<Date>(c.header.opened_on);
    d.late_steps = static_cast<int>(c.state.late.size());
    if (c.state.ended()) {
      d.ended_on = c.state.last_day;
      d.carried_out = carried_out(*c.definition, c.state);
    } else {
      auto list = due(*c.definition, c.state, as_of, engine.config().calendar);
      if (!list.ok()) {
        add_problem(c.header.id, list.status(), *response.mutable_problems());
        return;
      }
      for (const Due &item : *list) {
        if (item.overdue) {
          d.working_days_overdue = std::max(d.working_days_overdue, item.working_days_overdue);
        }
      }
    }
    pb::CaseDigest &out = *response.add_cases();
    encode_case_digest(d, as_of, out);
    out.set_procedure_id(c.header.procedure_id);
  };
  // The whole store in one pass; events after as_of are verified, not applied.
  Status walked = store.walk(
      [&](const CaseHeader &h) -> Status {
        finish();
        if (as_of < h.opened_on) {
          return {};  // opened after the day
        }
        c.header = h;
        reading = true;
        problem = begin_replay(engine, hashes, c, replay);
        return {};
      },
      [&](const LoggedEvent &e) -> Status {
        if (!reading || !problem.ok()) {
          return {};
        }
        if (!replay.verifier.feed(e)) {
          problem = {StatusCode::kDataLoss, "the chain does not verify from this event on",
                     event_path(c.header, replay.index)};
          return {};
        }
        if (auto st = decode_event_into(e.bytes, replay.event); !st.ok()) {
          problem = under(Status(StatusCode::kDataLoss, st.message(), st.field()),
                          event_path(c.header, replay.index));
          return {};
        }
        if (!(as_of < replay.event.day)) {
          if (auto rej = apply(*c.definition, *replay.definition_hash, c.state, replay.event,
                               engine.config().calendar)) {
            problem = {
                StatusCode::kFailedPrecondition, "the event does not replay: " + rej->message.en,
                event_path(c.header, replay.index) + (rej->field.empty() ? "" : "." + rej->field)};
            return {};
          }
        }
        ++replay.index;
        return {};
      });
  if (!walked.ok()) {
    return walked;
  }
  finish();
  auto &cases = *response.mutable_cases();
  std::sort(cases.begin(), cases.end(), [](const pb::CaseDigest &a, const pb::CaseDigest &b) {
    return a.case_id() < b.case_id();
  });
  return {};
}

}  // namespace

Status case_digest(const Engine &engine, CaseStore &store, const pb::CaseDigestRequest &request,
                   pb::CaseDigestResponse &response) {
  auto as_of = required_as_of(request.as_of());
  if (!as_of.ok()) {
    return as_of.status();
  }
  return store.snapshot([&] { return digest_in_view(engine, store, *as_of, response); });
}

}  // namespace cadre::service
