// The canonical text of a procedure definition and its content hash: what a
// case's decision records carry, so that a step can be checked again against
// the very definition it was taken under.
#include <string>

#include "cadre/procedure_definition.hpp"
#include "canon.hpp"
#include "catalogue/sha256.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

std::string at(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

void citations(detail::Canon &w, const std::string &key, const std::vector<Citation> &list) {
  w.field(key + "citations", static_cast<long long>(list.size()));
  for (std::size_t i = 0; i < list.size(); ++i) {
    w.citation(key + at("citations", i), list[i]);
  }
}

void actor(detail::Canon &w, const std::string &key, const Actor &a) {
  w.field(key + ".role", static_cast<int>(a.role));
  w.field(key + ".bodies", static_cast<long long>(a.bodies.size()));
  for (std::size_t i = 0; i < a.bodies.size(); ++i) {
    w.field(key + at(".bodies", i), static_cast<int>(a.bodies[i]));
  }
  w.field(key + ".level", static_cast<int>(a.level));
  w.text(key + ".text", a.text);
}

void threshold(detail::Canon &w, const std::string &key, const Threshold &t) {
  w.field(key + ".numerator", t.numerator);
  w.field(key + ".denominator", t.denominator);
  w.field(key + ".inclusive", t.inclusive ? 1 : 0);
  w.field(key + ".base", static_cast<int>(t.base));
}

void stage(detail::Canon &w, const Stage &s) {
  w.field("key", s.key);
  w.text("name", s.name);
  w.text("text", s.text);
  w.field("entry", static_cast<int>(s.entry));
  w.field("branch_from", s.branch_from);
  actor(w, "actor", s.actor);
  w.field("facts", static_cast<long long>(s.facts.size()));
  for (std::size_t i = 0; i < s.facts.size(); ++i) {
    const std::string k = at("facts", i);
    w.field(k + ".key", s.facts[i].key);
    w.text(k + ".name", s.facts[i].name);
    w.field(k + ".type", static_cast<int>(s.facts[i].type));
    w.field(k + ".required", s.facts[i].required ? 1 : 0);
  }
  w.field("documents", static_cast<long long>(s.documents.size()));
  for (std::size_t i = 0; i < s.documents.size(); ++i) {
    const std::string k = at("documents", i);
    w.field(k + ".key", s.documents[i].key);
    w.text(k + ".name", s.documents[i].name);
    w.field(k + ".required", s.documents[i].required ? 1 : 0);
  }
  w.field("guards", static_cast<long long>(s.guards.size()));
  for (std::size_t i = 0; i < s.guards.size(); ++i) {
    const Guard &g = s.guards[i];
    const std::string k = at("guards", i);
    w.field(k + ".kind", static_cast<int>(g.kind));
    w.field(k + ".stages", static_cast<long long>(g.stages.size()));
    for (std::size_t j = 0; j < g.stages.size(); ++j) {
      w.field(k + at(".stages", j), g.stages[j]);
    }
    w.field(k + ".fact_stage", g.fact_stage);
    w.field(k + ".fact", g.fact);
    w.field(k + ".quorum", g.quorum ? 1 : 0);
    if (g.quorum) {
      threshold(w, k + ".quorum.attendance", g.quorum->attendance);
      threshold(w, k + ".quorum.majority", g.quorum->majority);
      citations(w, k + ".quorum.", g.quorum->citations);
    }
    w.field(k + ".approver", g.approver ? 1 : 0);
    if (g.approver) {
      actor(w, k + ".approver", *g.approver);
    }
    w.text(k + ".text", g.text);
    citations(w, k + ".", g.citations);
  }
  w.field("deadline", s.deadline ? 1 : 0);
  if (s.deadline) {
    const Deadline &d = *s.deadline;
    w.field("deadline.amount", d.amount);
    w.field("deadline.unit", static_cast<int>(d.unit));
    w.field("deadline.from.stage", d.from.stage);
    w.field("deadline.from.point", static_cast<int>(d.from.point));
    w.field("deadline.from.fact", d.from.fact);
    w.field("deadline.roll_forward", d.roll_forward ? 1 : 0);
    w.field("deadline.effect", static_cast<int>(d.effect));
    w.text("deadline.text", d.text);
    citations(w, "deadline.", d.citations);
  }
  w.field("outcomes", static_cast<long long>(s.outcomes.size()));
  for (std::size_t i = 0; i < s.outcomes.size(); ++i) {
    const Outcome &o = s.outcomes[i];
    const std::string k = at("outcomes", i);
    w.field(k + ".key", o.key);
    w.text(k + ".name", o.name);
    w.field(k + ".next", o.next);
    w.field(k + ".ends", o.ends ? 1 : 0);
    w.field(k + ".methods", static_cast<long long>(o.methods.size()));
    for (std::size_t j = 0; j < o.methods.size(); ++j) {
      w.field(k + at(".methods", j), static_cast<int>(o.methods[j]));
    }
    w.field(k + ".forms", static_cast<long long>(o.forms.size()));
    for (std::size_t j = 0; j < o.forms.size(); ++j) {
      w.field(k + at(".forms", j), static_cast<int>(o.forms[j]));
    }
    citations(w, k + ".", o.citations);
    if (o.exemption_decision != ExemptionDecision::kUnspecified) {  // only where set: the
      // hashes of the definitions without one stay as they were
      w.field(k + ".exemption_decision", static_cast<int>(o.exemption_decision));
    }
  }
  w.field("suspends_execution", s.suspends_execution ? 1 : 0);
  w.field("optional", s.optional ? 1 : 0);
  citations(w, "", s.citations);
}

}  // namespace

std::string canonical_text(const ProcedureDefinition &d) {
  detail::Canon w;
  w.field("cadre.procedure", "1");
  w.field("id", d.id);
  w.field("version", d.version);
  w.field("kind", static_cast<int>(d.kind));
  w.text("title", d.title);
  w.field("rule_set", d.rule_set);
  w.field("jurisdiction", d.jurisdiction);
  w.date("effective_from", d.effective_from);
  w.date("effective_to", d.effective_to);
  citations(w, "", d.citations);
  w.text("completeness", d.completeness);
  w.field("documents", static_cast<long long>(d.documents.size()));
  for (std::size_t i = 0; i < d.documents.size(); ++i) {
    w.document(at("documents", i), d.documents[i]);
  }
  w.field("stages", static_cast<long long>(d.stages.size()));
  for (std::size_t i = 0; i < d.stages.size(); ++i) {
    w.set_prefix(at("stages", i) + ".");
    stage(w, d.stages[i]);
  }
  return w.take();
}

std::string content_hash(const ProcedureDefinition &definition) {
  return sha256_hex(canonical_text(definition));
}

}  // namespace api_v1
}  // namespace cadre
