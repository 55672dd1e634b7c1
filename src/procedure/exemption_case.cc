// The 容错认定 case (issue 11 §1): opened from a pending claim, its decision taken out as the
// exemption module's ExemptionClaim, and merged into a cadre's record so that it applies once.
#include "cadre/exemption_case.hpp"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "cadre/labels.hpp"
#include "exemption/exemption.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

constexpr std::string_view kOpenedBy = "record:exemption_claims:";

bool pending(ExemptionDecision d) noexcept {
  return d == ExemptionDecision::kPending || d == ExemptionDecision::kUnspecified;
}

// The stage whose outcomes record the decision, or nullptr.
const Stage *deciding_stage(const ProcedureDefinition &def) {
  for (const Stage &s : def.stages) {
    if (std::any_of(s.outcomes.begin(), s.outcomes.end(), [](const Outcome &o) {
          return o.exemption_decision != ExemptionDecision::kUnspecified;
        })) {
      return &s;
    }
  }
  return nullptr;
}

const SuppliedFact *fact_of(const StageState *s, std::string_view key, FactType type) {
  if (s == nullptr) return nullptr;
  for (const SuppliedFact &f : s->facts) {
    if (f.key == key && f.type == type) return &f;
  }
  return nullptr;
}

// The effects named by words separated by spaces or commas; the first unknown word, if any.
std::vector<ExemptionEffect> effects_of(std::string_view words, bool &bad) {
  std::vector<ExemptionEffect> out;
  bad = false;
  std::size_t pos = 0;
  while (pos < words.size()) {
    const std::size_t end = std::min(words.find_first_of(" ,", pos), words.size());
    if (end > pos) {
      const std::optional<ExemptionEffect> e = detail::effect_of(words.substr(pos, end - pos));
      if (!e) {
        bad = true;
      } else if (std::find(out.begin(), out.end(), *e) == out.end()) {
        out.push_back(*e);
      }
    }
    pos = end + 1;
  }
  return out;
}

std::string words_of(const std::vector<ExemptionEffect> &effects) {
  std::string out;
  for (const ExemptionEffect e : effects) {
    const std::string_view w = detail::effect_word(e);
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

Status bad_fact(const std::string &stage, const std::string &fact, const std::string &message) {
  return {StatusCode::kFailedPrecondition, message, "stages." + stage + ".facts." + fact};
}

// The decision from the state and the decision event (nullptr before it).
StatusOr<ExemptionCaseDecision> decision_of(const ProcedureDefinition &def, const CaseState &state,
                                            const CaseEvent *decision_event) {
  if (def.kind != ProcedureKind::kExemptionReview) {
    return Status(StatusCode::kFailedPrecondition, "not a 容错认定 (error-tolerance review) case",
                  "procedure_id");
  }
  const Stage *deciding = deciding_stage(def);
  if (deciding == nullptr) {
    return Status(StatusCode::kFailedPrecondition,
                  "the definition has no stage whose outcomes record the decision "
                  "(Outcome.exemption_decision)",
                  "procedure_id");
  }
  ExemptionCaseDecision out;
  ExemptionClaim &claim = out.claim;
  claim.decision = ExemptionDecision::kPending;
  const Stage &first = def.stages.front();
  const StageState *app = state.stage(first.key);
  if (const SuppliedFact *f = fact_of(app, "claim_id", FactType::kText)) claim.id = f->text;
  if (const SuppliedFact *f = fact_of(app, "concerns_kind", FactType::kInteger)) {
    const auto kind = static_cast<RecordKind>(f->number);
    if (f->number <= 0 || f->number > 1000 || label(kind, Language::kEn).empty()) {
      return bad_fact(first.key, "concerns_kind", "not the number of a RecordKind");
    }
    claim.concerns.kind = kind;
  }
  if (const SuppliedFact *f = fact_of(app, "concerns_id", FactType::kRecord)) {
    claim.concerns.id = f->text;
  }
  if (const SuppliedFact *f = fact_of(app, "concerns_cadre_id", FactType::kRecord)) {
    claim.concerns.cadre_id = f->text;
  }
  if (const SuppliedFact *f = fact_of(app, "applied_on", FactType::kDate)) {
    claim.claimed_on = f->date;
  }
  bool bad = false;
  if (const SuppliedFact *f = fact_of(app, "effects", FactType::kText)) {
    claim.effects_cancelled = effects_of(f->text, bad);
    if (bad) return bad_fact(first.key, "effects", "a word that names no effect");
  }
  const StageState *dec = state.stage(deciding->key);
  if (dec == nullptr || dec->completions == 0) {
    return out;
  }
  const Outcome *outcome = deciding->outcome(dec->outcome);
  if (outcome == nullptr || outcome->exemption_decision == ExemptionDecision::kUnspecified) {
    return out;  // an outcome that decides nothing (e.g. not accepted)
  }
  out.decided = true;
  claim.decision = outcome->exemption_decision;
  const SuppliedFact *on = fact_of(dec, "decided_on", FactType::kDate);
  claim.decided_on = on != nullptr ? on->date : dec->completed_on;
  if (const SuppliedFact *f = fact_of(dec, "impact_months", FactType::kInteger)) {
    if (f->number < 0 || f->number > 1200) {
      return bad_fact(deciding->key, "impact_months", "must be 0 to 1200 months");
    }
    claim.impact_months = static_cast<int>(f->number);
  }
  if (const SuppliedFact *f = fact_of(dec, "effects", FactType::kText)) {
    claim.effects_cancelled = effects_of(f->text, bad);
    if (bad) return bad_fact(deciding->key, "effects", "a word that names no effect");
  }
  if (decision_event != nullptr) {
    claim.authority = decision_event->actor.body;
    out.decided_by = decision_event->actor.body_id;
    out.document_ref = decision_event->document_ref;
  }
  // The remedial measures: tasks "<task stage>.<id>.<field>" set by the decision.
  for (const Stage &ts : def.stages) {
    if (ts.entry != StageEntry::kTask || ts.branch_from != deciding->key) continue;
    const std::string prefix = ts.key + ".";
    for (const SuppliedFact &f : dec->facts) {
      if (f.key.compare(0, prefix.size(), prefix) != 0) continue;
      const std::size_t dot = f.key.find('.', prefix.size());
      if (dot == std::string::npos) continue;
      std::string id = f.key.substr(prefix.size(), dot - prefix.size());
      if (std::find(out.remedial_measures.begin(), out.remedial_measures.end(), id) ==
          out.remedial_measures.end()) {
        out.remedial_measures.push_back(std::move(id));
      }
    }
  }
  std::sort(out.remedial_measures.begin(), out.remedial_measures.end());
  return out;
}

// The last event completing @p stage, decoded, from @p events.
StatusOr<std::optional<CaseEvent>> last_event_of(const std::vector<LoggedEvent> &events,
                                                 const std::string &stage) {
  std::optional<CaseEvent> out;
  for (std::size_t i = 0; i < events.size(); ++i) {
    auto e = decode_event(events[i].bytes);
    if (!e.ok()) {
      const std::string path = "events[" + std::to_string(i) + "]";
      return Status(StatusCode::kDataLoss, e.status().message(),
                    e.status().field().empty() ? path : path + "." + e.status().field());
    }
    if (e->kind == CaseEventKind::kStep && e->stage == stage) out = std::move(e).value();
  }
  return out;
}

StatusOr<ExemptionCaseDecision> decision_from(const ProcedureDefinition &def,
                                              const CaseState &state,
                                              const std::vector<LoggedEvent> &events) {
  const Stage *deciding =
      def.kind == ProcedureKind::kExemptionReview ? deciding_stage(def) : nullptr;
  std::optional<CaseEvent> event;
  if (deciding != nullptr) {
    auto e = last_event_of(events, deciding->key);
    if (!e.ok()) return e.status();
    event = std::move(e).value();
  }
  return decision_of(def, state, event ? &*event : nullptr);
}

}  // namespace

StatusOr<Case> open_case(const ProcedureSet &procedures, std::string_view cadre_id,
                         const ExemptionClaim &claim, std::string case_id,
                         std::string_view region_code, std::optional<Date> opened_on,
                         const WorkCalendar &calendar) {
  if (!pending(claim.decision)) {
    return invalid_argument("decision",
                            "the claim is decided already: a case decides a pending one");
  }
  if (!claim.claimed_on) {
    return invalid_argument("claimed_on", "the day of the claim is missing");
  }
  if (claim.concerns.kind == RecordKind::kUnspecified) {
    return invalid_argument("concerns.kind", "the kind of the record concerned is missing");
  }
  if (claim.concerns.id.empty()) {
    return invalid_argument("concerns.id", "the id of the record concerned is missing");
  }
  const Date day = opened_on.value_or(*claim.claimed_on);
  if (day < *claim.claimed_on) {
    return invalid_argument("opened_on", "before the day of the claim");
  }
  const ProcedureDefinition *def = procedures.select(
      ProcedureKind::kExemptionReview, *claim.claimed_on, region_code.empty() ? "CN" : region_code);
  if (def == nullptr) {
    return Status(StatusCode::kNotFound, "no 容错认定 definition in force on the day of the claim",
                  "claimed_on");
  }
  const Stage &first = def->stages.front();
  if (def->stages.size() < 2 || def->stages[1].entry != StageEntry::kSequence) {
    return Status(StatusCode::kFailedPrecondition,
                  "the definition has no stage after the application to open at", "stages[1]");
  }
  CaseEvent open;
  open.kind = CaseEventKind::kOpen;
  open.stage = def->stages[1].key;
  open.day = day;
  open.opened_by = std::string(kOpenedBy) + claim.id;
  const auto add = [&](const char *key, FactType type, bool required, const auto &set) -> Status {
    const FactRequirement *req = first.fact(key);
    if (req == nullptr || req->type != type) {
      if (!required) return {};
      return {StatusCode::kFailedPrecondition,
              "the 容错认定 definition in force does not record the claim in its first stage",
              "stages[0].facts." + std::string(key)};
    }
    SuppliedFact f;
    f.key = first.key + "." + key;
    f.type = type;
    set(f);
    open.facts.push_back(std::move(f));
    return {};
  };
  Status st = add("claim_id", FactType::kText, true, [&](SuppliedFact &f) { f.text = claim.id; });
  if (st.ok()) {
    st = add("concerns_kind", FactType::kInteger, true,
             [&](SuppliedFact &f) { f.number = static_cast<int>(claim.concerns.kind); });
  }
  if (st.ok()) {
    st = add("concerns_id", FactType::kRecord, true,
             [&](SuppliedFact &f) { f.text = claim.concerns.id; });
  }
  if (st.ok() && !claim.concerns.cadre_id.empty()) {
    st = add("concerns_cadre_id", FactType::kRecord, false,
             [&](SuppliedFact &f) { f.text = claim.concerns.cadre_id; });
  }
  if (st.ok()) {
    st = add("applied_on", FactType::kDate, false,
             [&](SuppliedFact &f) { f.date = *claim.claimed_on; });
  }
  const std::string effects = words_of(claim.effects_cancelled);
  if (st.ok() && !effects.empty()) {
    st = add("effects", FactType::kText, false, [&](SuppliedFact &f) { f.text = effects; });
  }
  if (!st.ok()) return st;
  open.definition_hash = content_hash(*def);
  CaseHeader header;
  header.id = std::move(case_id);
  header.cadre_id = std::string(cadre_id);
  header.region = std::string(region_code);
  header.procedure_id = def->id;
  header.opened_on = day;
  header.opened_by = open.opened_by;
  Case c(std::move(header), std::make_shared<const ProcedureDefinition>(*def));
  if (auto r = c.record(open, calendar)) {
    return Status(StatusCode::kFailedPrecondition, r->message.en, r->field);
  }
  return c;
}

StatusOr<ExemptionCaseDecision> exemption_decision(const Case &c) {
  return decision_from(c.definition(), c.state(), c.events());
}

StatusOr<ExemptionCaseDecision> exemption_decision(const ProcedureDefinition &definition,
                                                   const CaseState &state,
                                                   const std::vector<LoggedEvent> &events) {
  return decision_from(definition, state, events);
}

Status merge_exemption_decisions(Cadre &cadre, const std::vector<ExemptionClaim> &decided) {
  std::vector<ExemptionClaim> claims = cadre.exemption_claims;
  for (std::size_t j = 0; j < decided.size(); ++j) {
    const ExemptionClaim &d = decided[j];
    const std::string dp = "decided[" + std::to_string(j) + "]";
    if (d.id.empty()) {
      return invalid_argument(dp + ".id", "the claim's record id is missing");
    }
    if (pending(d.decision)) {
      return invalid_argument(dp + ".decision", "not decided: only a decision is merged");
    }
    if (!d.decided_on) {
      return invalid_argument(dp + ".decided_on", "the day of the decision is missing");
    }
    if (!d.concerns.cadre_id.empty() && d.concerns.cadre_id != cadre.id) {
      return invalid_argument(dp + ".concerns.cadre_id", "a claim of another cadre");
    }
    const auto it = std::find_if(claims.begin(), claims.end(),
                                 [&](const ExemptionClaim &c) { return c.id == d.id; });
    if (it == claims.end()) {
      claims.push_back(d);
      continue;
    }
    const std::string rp =
        "exemption_claims[" + std::to_string(static_cast<std::size_t>(it - claims.begin())) + "]";
    const bool from_roster =
        static_cast<std::size_t>(it - claims.begin()) < cadre.exemption_claims.size();
    const std::string here = from_roster ? rp : dp + ".id";
    if (it->concerns.kind != d.concerns.kind || it->concerns.id != d.concerns.id) {
      return invalid_argument(
          from_roster ? rp + ".concerns" : here,
          "the claim with this id concerns another record (record " + d.id + ")");
    }
    if (pending(it->decision)) {
      it->decision = d.decision;
      it->decided_on = d.decided_on;
      it->authority = d.authority;
      if (d.impact_months > 0) it->impact_months = d.impact_months;
      if (!d.effects_cancelled.empty()) it->effects_cancelled = d.effects_cancelled;
      if (!it->claimed_on) it->claimed_on = d.claimed_on;
      continue;
    }
    if (it->decision != d.decision) {
      return invalid_argument(from_roster ? rp + ".decision" : here,
                              "another decision is recorded for the claim (record " + d.id + ")");
    }
    if (it->decided_on != d.decided_on) {
      return invalid_argument(from_roster ? rp + ".decided_on" : here,
                              "the decision is recorded with another day (record " + d.id + ")");
    }
    // The same decision of the same day: kept once.
  }
  cadre.exemption_claims = std::move(claims);
  return {};
}

}  // namespace api_v1
}  // namespace cadre
