// Procedure definitions: the checks of a definition (check_procedure) and the
// set of definitions with the choice of the one in force. builtin_procedures()
// is generated from data/procedures by cadre_catgen.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "cadre/procedure_definition.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

std::string idx(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// Keys of ids, stages, facts, documents and outcomes: lowercase letters,
// digits, '-', '_' and '.'.
bool valid_key(std::string_view k) noexcept {
  return !k.empty() && k.size() <= 128 && std::ranges::all_of(k, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool valid_jurisdiction(std::string_view j) noexcept {
  return j == "CN" ||
         (j.size() == 6 && j.find_first_not_of("0123456789") == std::string_view::npos);
}

// Walks a definition and keeps the first error, with its field path.
class Checker {
 public:
  Checker(const ProcedureDefinition &d, const std::vector<Document> &documents)
      : d_(d), documents_(documents) {}

  Status run() {
    definition();
    return status_;
  }

 private:
  [[nodiscard]] bool ok() const noexcept { return status_.ok(); }

  void fail(std::string path, std::string message) {
    if (status_.ok()) {
      status_ = invalid_argument(std::move(path), std::move(message));
    }
  }

  void text(const LocalizedText &t, const std::string &path, bool required = true) {
    if (!required && t.zh_cn.empty() && t.en.empty()) {
      return;
    }
    if (t.zh_cn.empty()) {
      fail(path + ".zh_cn", "required: the text in Chinese");
    } else if (t.en.empty()) {
      fail(path + ".en", "required: the text in English, from the same source");
    }
  }

  [[nodiscard]] bool known_document(std::string_view key) const noexcept {
    if (find_builtin_document(key) != nullptr) {
      return true;
    }
    const auto named = [&](const Document &doc) { return doc.key == key; };
    return std::ranges::any_of(d_.documents, named) || std::ranges::any_of(documents_, named);
  }

  void citations(const std::vector<Citation> &list, const std::string &path) {
    for (std::size_t i = 0; i < list.size() && ok(); ++i) {
      const Citation &c = list[i];
      const std::string p = path + idx(".citations", i);
      if (c.key.empty()) {
        fail(p + ".key", "required: the key of a registered document");
      } else if (!known_document(c.key)) {
        fail(p + ".key", "no registered document \"" + c.key + "\"");
      } else if (c.verification == Verification::kUnspecified) {
        fail(p + ".verification", "required: how far the cited text was verified");
      }
    }
  }

  void definition() {
    if (!valid_key(d_.id)) {
      fail("id", "required: lowercase letters, digits, '-', '_' and '.'");
    } else if (d_.kind == ProcedureKind::kUnspecified) {
      fail("kind", "required: the kind of procedure");
    }
    if (!ok()) return;
    text(d_.title, "title");
    if (!ok()) return;
    if (d_.rule_set.empty()) {
      fail("rule_set", "required: the key of the rules the procedure belongs to");
    } else if (!known_document(d_.rule_set)) {
      fail("rule_set", "no registered document \"" + d_.rule_set + "\"");
    } else if (!valid_jurisdiction(d_.jurisdiction)) {
      fail("jurisdiction", "required: \"CN\" or a six-digit region code");
    } else if (!d_.effective_from) {
      fail("effective_from", "required: the first day in force");
    } else if (d_.effective_to && *d_.effective_to < *d_.effective_from) {
      fail("effective_to", "before effective_from");
    } else if (d_.citations.empty()) {
      fail("citations", "required: the legal basis of the procedure");
    }
    if (!ok()) return;
    citations(d_.citations, "");
    text(d_.completeness, "completeness", false);
    for (std::size_t i = 0; i < d_.documents.size() && ok(); ++i) {
      const Document &doc = d_.documents[i];
      const std::string p = idx("documents", i);
      if (!valid_key(doc.key)) {
        fail(p + ".key", "required: lowercase letters, digits and '-'");
      } else if (doc.title.empty()) {
        fail(p + ".title", "required");
      } else if (doc.verification == Verification::kUnspecified) {
        fail(p + ".verification", "required");
      }
    }
    if (!ok()) return;
    if (d_.stages.empty()) {
      fail("stages", "required: at least one stage");
      return;
    }
    if (d_.stages.size() > kMaxProcedureStages) {
      fail("stages", "more than " + std::to_string(kMaxProcedureStages) + " stages");
      return;
    }
    // Stage keys first, so that references to later stages resolve.
    for (std::size_t i = 0; i < d_.stages.size() && ok(); ++i) {
      const std::string &k = d_.stages[i].key;
      const std::string p = idx("stages", i) + ".key";
      if (!valid_key(k)) {
        fail(p, "required: lowercase letters, digits, '-', '_' and '.'");
      } else if (const auto [it, fresh] = index_.emplace(k, i); !fresh) {
        fail(p,
             "duplicate stage key \"" + k + "\" (also stages[" + std::to_string(it->second) + "])");
      }
    }
    for (std::size_t i = 0; i < d_.stages.size() && ok(); ++i) {
      stage(d_.stages[i], idx("stages", i));
    }
    if (ok()) {
      reachability();
    }
    if (ok()) {
      decisions();
    }
  }

  // A 容错 decision is recorded by the outcomes of one stage, in a 容错认定 definition only.
  void decisions() {
    const Stage *deciding = nullptr;
    for (std::size_t i = 0; i < d_.stages.size() && ok(); ++i) {
      const Stage &s = d_.stages[i];
      for (std::size_t j = 0; j < s.outcomes.size() && ok(); ++j) {
        const ExemptionDecision e = s.outcomes[j].exemption_decision;
        if (e == ExemptionDecision::kUnspecified) continue;
        const std::string p = idx("stages", i) + idx(".outcomes", j) + ".exemption_decision";
        if (d_.kind != ProcedureKind::kExemptionReview) {
          fail(p, "only a 容错认定 definition (PROCEDURE_KIND_EXEMPTION_REVIEW) records one");
        } else if (e != ExemptionDecision::kExempt && e != ExemptionDecision::kLighter &&
                   e != ExemptionDecision::kMitigated && e != ExemptionDecision::kDenied) {
          fail(p, "must be EXEMPT, LIGHTER, MITIGATED or DENIED");
        } else if (s.entry != StageEntry::kSequence) {
          fail(p, "the decision is a stage of the main line");
        } else if (deciding != nullptr && deciding != &s) {
          fail(p, "only one stage records the decision (also \"" + deciding->key + "\")");
        }
        deciding = &s;
      }
    }
  }

  const Stage *stage_named(std::string_view key) const {
    const auto it = index_.find(std::string(key));
    return it == index_.end() ? nullptr : &d_.stages[it->second];
  }

  void actor(const Actor &a, const std::string &path) {
    if (a.role == ActorRole::kUnspecified) {
      fail(path + ".role", "required: who acts");
    } else if (a.level == AuthorityLevel::kUnspecified) {
      fail(path + ".level", "required: the body with management authority, or one level up");
    } else if (a.role == ActorRole::kTheCadre
                   ? a.level != AuthorityLevel::kNone || !a.bodies.empty()
                   : a.level == AuthorityLevel::kNone || a.bodies.empty()) {
      fail(path + ".bodies", a.role == ActorRole::kTheCadre
                                 ? "the cadre acts alone: no body and level NONE"
                                 : "required: the bodies that may act, and their level");
    } else if (std::ranges::find(a.bodies, AuthorityKind::kUnspecified) != a.bodies.end()) {
      fail(path + ".bodies", "an unspecified body");
    }
    if (ok()) {
      text(a.text, path + ".text");
    }
  }

  void stage(const Stage &s, const std::string &path) {
    text(s.name, path + ".name");
    text(s.text, path + ".text", false);
    if (!ok()) return;
    if (s.entry == StageEntry::kUnspecified) {
      fail(path + ".entry", "required: in sequence, a branch or a task");
      return;
    }
    if (s.entry == StageEntry::kTask) {
      task(s, path);
    } else if (s.entry == StageEntry::kBranch) {
      const Stage *from = stage_named(s.branch_from);
      if (s.branch_from.empty()) {
        fail(path + ".branch_from", "required for a branch: the stage it is opened after");
      } else if (from == nullptr) {
        fail(path + ".branch_from", "unknown stage \"" + s.branch_from + "\"");
      } else if (from == &s) {
        fail(path + ".branch_from", "a branch cannot follow itself");
      }
    } else if (!s.branch_from.empty()) {
      fail(path + ".branch_from", "only a branch names the stage it is opened after");
    }
    if (!ok()) return;
    actor(s.actor, path + ".actor");
    std::set<std::string, std::less<>> keys;
    for (std::size_t i = 0; i < s.facts.size() && ok(); ++i) {
      const FactRequirement &f = s.facts[i];
      const std::string p = path + idx(".facts", i);
      if (!valid_key(f.key)) {
        fail(p + ".key", "required: lowercase letters, digits, '-', '_' and '.'");
      } else if (!keys.insert(f.key).second) {
        fail(p + ".key", "duplicate fact key \"" + f.key + "\"");
      } else if (f.type == FactType::kUnspecified) {
        fail(p + ".type", "required: the type of the fact");
      } else {
        text(f.name, p + ".name");
      }
    }
    keys.clear();
    for (std::size_t i = 0; i < s.documents.size() && ok(); ++i) {
      const DocumentRequirement &doc = s.documents[i];
      const std::string p = path + idx(".documents", i);
      if (!valid_key(doc.key)) {
        fail(p + ".key", "required: lowercase letters, digits, '-', '_' and '.'");
      } else if (!keys.insert(doc.key).second) {
        fail(p + ".key", "duplicate document key \"" + doc.key + "\"");
      } else {
        text(doc.name, p + ".name");
      }
    }
    for (std::size_t i = 0; i < s.guards.size() && ok(); ++i) {
      guard(s, s.guards[i], path + idx(".guards", i));
    }
    if (ok() && s.deadline) {
      deadline(*s.deadline, path + ".deadline");
    }
    if (!ok()) return;
    if (s.outcomes.empty()) {
      fail(path + ".outcomes", "required: at least one allowed outcome");
      return;
    }
    keys.clear();
    for (std::size_t i = 0; i < s.outcomes.size() && ok(); ++i) {
      outcome(s.outcomes[i], path + idx(".outcomes", i), keys);
    }
    if (ok()) {
      citations(s.citations, path);
    }
  }

  void guard(const Stage &s, const Guard &g, const std::string &path) {
    switch (g.kind) {
      case GuardKind::kStagesCompleted:
        if (g.stages.empty()) {
          fail(path + ".stages", "required: the stages that must be completed first");
        }
        for (std::size_t i = 0; i < g.stages.size() && ok(); ++i) {
          const Stage *other = stage_named(g.stages[i]);
          if (other == nullptr) {
            fail(path + idx(".stages", i), "unknown stage \"" + g.stages[i] + "\"");
          } else if (other == &s) {
            fail(path + idx(".stages", i), "a stage cannot wait for itself");
          }
        }
        break;
      case GuardKind::kFactTrue: {
        const Stage *holder = g.fact_stage.empty() ? &s : stage_named(g.fact_stage);
        if (holder == nullptr) {
          fail(path + ".fact_stage", "unknown stage \"" + g.fact_stage + "\"");
        } else if (const FactRequirement *f = holder->fact(g.fact); f == nullptr) {
          fail(path + ".fact", "no fact \"" + g.fact + "\" in stage \"" + holder->key + "\"");
        } else if (f->type != FactType::kBool) {
          fail(path + ".fact", "\"" + g.fact + "\" is not a yes-or-no fact");
        }
        break;
      }
      case GuardKind::kCollectiveDecision:
        if (!g.quorum) {
          fail(path + ".quorum", "required: a collective decision needs its quorum and majority");
        } else {
          threshold(g.quorum->attendance, path + ".quorum.attendance");
          if (ok()) threshold(g.quorum->majority, path + ".quorum.majority");
          if (ok() && g.quorum->citations.empty()) {
            fail(path + ".quorum.citations", "required: the rule that requires the quorum");
          }
          if (ok()) citations(g.quorum->citations, path + ".quorum");
          if (ok() && std::ranges::none_of(s.facts, [](const FactRequirement &f) {
                return f.type == FactType::kVotes && f.required;
              })) {
            fail(path, "a collective decision needs a required votes fact in its stage");
          }
        }
        break;
      case GuardKind::kApproval:
        if (!g.approver) {
          fail(path + ".approver", "required: who must approve");
        } else if (g.approver->role == ActorRole::kUnspecified) {
          fail(path + ".approver.role", "required: who must approve");
        }
        break;
      default:
        fail(path + ".kind", "required: the kind of guard");
    }
    if (ok()) text(g.text, path + ".text", false);
    if (ok()) citations(g.citations, path);
  }

  void threshold(const Threshold &t, const std::string &path) {
    if (t.denominator <= 0) {
      fail(path + ".denominator", "required: a positive denominator");
    } else if (t.numerator <= 0 || t.numerator > t.denominator) {
      fail(path + ".numerator", "required: from 1 to the denominator");
    } else if (t.base == MajorityBase::kUnspecified) {
      fail(path + ".base", "required: members due or members present");
    }
  }

  void deadline(const Deadline &dl, const std::string &path) {
    if (dl.amount <= 0 || dl.amount > 100000) {
      fail(path + ".amount", "required: from 1 to 100000");
      return;
    }
    if (dl.unit == PeriodUnit::kUnspecified) {
      fail(path + ".unit", "required: working days, days, months or years");
      return;
    }
    if (dl.effect == DeadlineEffect::kUnspecified) {
      fail(path + ".effect", "required: due by, barred after, or not before");
      return;
    }
    const Stage *from = stage_named(dl.from.stage);
    if (dl.from.stage.empty()) {
      fail(path + ".from.stage", "required: the stage whose event starts the period");
    } else if (from == nullptr) {
      fail(path + ".from.stage", "unknown stage \"" + dl.from.stage + "\"");
    } else if (dl.from.point == AnchorPoint::kUnspecified) {
      fail(path + ".from.point", "required: entered, completed, or a date fact");
    } else if (dl.from.point == AnchorPoint::kFactDate) {
      const FactRequirement *f = from->fact(dl.from.fact);
      if (f == nullptr) {
        fail(path + ".from.fact",
             "no fact \"" + dl.from.fact + "\" in stage \"" + dl.from.stage + "\"");
      } else if (f->type != FactType::kDate) {
        fail(path + ".from.fact", "\"" + dl.from.fact + "\" is not a date");
      }
    } else if (!dl.from.fact.empty()) {
      fail(path + ".from.fact", "only a FACT_DATE anchor names a fact");
    }
    if (!ok()) return;
    text(dl.text, path + ".text");
    if (ok() && dl.citations.empty()) {
      fail(path + ".citations", "required: the rule that gives the period");
    }
    if (ok()) citations(dl.citations, path);
  }

  // A task stage: set by the events of its branch_from stage, each task with the deadline the
  // event gives, closed by a step naming it in the required text fact "task".
  void task(const Stage &s, const std::string &path) {
    const Stage *from = stage_named(s.branch_from);
    const FactRequirement *id = s.fact("task");
    if (s.key.find('.') != std::string::npos) {
      fail(path + ".key",
           "a task stage's key has no '.' (tasks are set as \"<stage>.<id>.due_on\")");
    } else if (s.branch_from.empty()) {
      fail(path + ".branch_from", "required for a task: the stage whose events set its tasks");
    } else if (from == nullptr) {
      fail(path + ".branch_from", "unknown stage \"" + s.branch_from + "\"");
    } else if (from == &s || from->entry == StageEntry::kTask) {
      fail(path + ".branch_from", "a task is set by a stage that is not a task");
    } else if (s.deadline) {
      fail(path + ".deadline", "a task's deadline is the one the event that sets it gives");
    } else if (id == nullptr || id->type != FactType::kText || !id->required) {
      fail(path + ".facts", "a task stage needs the required text fact \"task\" (the task's id)");
    } else if (std::ranges::any_of(s.outcomes, [](const Outcome &o) { return !o.ends; })) {
      fail(path + ".outcomes", "every outcome of a task closes it (ends: true)");
    }
  }

  void outcome(const Outcome &o, const std::string &path,
               std::set<std::string, std::less<>> &keys) {
    if (!valid_key(o.key)) {
      fail(path + ".key", "required: lowercase letters, digits, '-', '_' and '.'");
    } else if (!keys.insert(o.key).second) {
      fail(path + ".key", "duplicate outcome key \"" + o.key + "\"");
    } else if (o.ends == !o.next.empty()) {
      fail(path + ".next", o.ends ? "an outcome that ends the procedure leads nowhere"
                                  : "required: the next stage, or ends: true");
    } else if (!o.next.empty()) {
      const Stage *next = stage_named(o.next);
      if (next == nullptr) {
        fail(path + ".next", "unknown stage \"" + o.next + "\"");
      } else if (next->entry == StageEntry::kBranch) {
        fail(path + ".next", "\"" + o.next + "\" is a branch: it is opened, never led to");
      } else if (next->entry == StageEntry::kTask) {
        fail(path + ".next", "\"" + o.next + "\" is a task: it is set, never led to");
      }
    }
    if (!ok()) return;
    if (std::ranges::find(o.methods, AdjustmentMethod::kUnspecified) != o.methods.end()) {
      fail(path + ".methods", "an unspecified adjustment method");
    } else if (std::ranges::find(o.forms, AccountabilityForm::kUnspecified) != o.forms.end()) {
      fail(path + ".forms", "an unspecified accountability form");
    }
    if (ok()) text(o.name, path + ".name");
    if (ok()) citations(o.citations, path);
  }

  // Every stage can be reached from the first (through outcomes, or as a
  // branch of a reachable stage), the first stage is not a branch, and some
  // outcome ends the procedure.
  void reachability() {
    if (d_.stages.front().entry != StageEntry::kSequence) {
      fail("stages[0].entry", "the first stage opens the case: it cannot be a branch or a task");
      return;
    }
    std::vector<bool> seen(d_.stages.size(), false);
    std::vector<std::size_t> todo{0};
    seen[0] = true;
    bool ends = false;
    while (!todo.empty()) {
      const std::size_t i = todo.back();
      todo.pop_back();
      const auto visit = [&](std::size_t j) {
        if (!seen[j]) {
          seen[j] = true;
          todo.push_back(j);
        }
      };
      for (const Outcome &o : d_.stages[i].outcomes) {
        ends = ends || (o.ends && d_.stages[i].entry == StageEntry::kSequence);
        if (!o.next.empty()) visit(index_.at(o.next));
      }
      for (std::size_t j = 0; j < d_.stages.size(); ++j) {
        if (d_.stages[j].entry != StageEntry::kSequence &&
            d_.stages[j].branch_from == d_.stages[i].key) {
          visit(j);
        }
      }
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
      if (!seen[i]) {
        fail(idx("stages", i),
             "stage \"" + d_.stages[i].key + "\" cannot be reached from the first");
        return;
      }
    }
    if (!ends) {
      fail("stages", "no outcome ends the procedure");
    }
  }

  const ProcedureDefinition &d_;
  const std::vector<Document> &documents_;
  std::map<std::string, std::size_t, std::less<>> index_;
  Status status_;
};

void fill(Citation &c, const ProcedureSet &set) {
  if (const Document *d = set.document(c.key)) {
    c.document = d->title;
    c.document_number = d->document_number;
    const std::optional<Date> day = d->issued_on ? d->issued_on : d->in_force_from;
    c.year = day ? day->year() : 0;
    c.evidence = d->evidence_only;
  }
}

void fill(std::vector<Citation> &list, const ProcedureSet &set) {
  for (Citation &c : list) fill(c, set);
}

bool overlaps(const ProcedureDefinition &a, const ProcedureDefinition &b) noexcept {
  // Both have a first day once checked.
  const bool a_before_b = a.effective_to && b.effective_from && *a.effective_to < *b.effective_from;
  const bool b_before_a = b.effective_to && a.effective_from && *b.effective_to < *a.effective_from;
  return !a_before_b && !b_before_a;
}

}  // namespace

bool Threshold::met(int count, int of) const noexcept {
  if (of <= 0 || denominator <= 0 || count < 0) {
    return false;
  }
  const long long lhs = static_cast<long long>(count) * denominator;
  const long long rhs = static_cast<long long>(numerator) * of;
  return inclusive ? lhs >= rhs : lhs > rhs;
}

bool Quorum::met(int members_due, int present, int in_favour) const noexcept {
  const auto base = [&](const Threshold &t) {
    return t.base == MajorityBase::kMembersPresent ? present : members_due;
  };
  return present <= members_due && in_favour <= present &&
         attendance.met(present, base(attendance)) && majority.met(in_favour, base(majority));
}

const FactRequirement *Stage::fact(std::string_view fact_key) const noexcept {
  const auto it = std::ranges::find(facts, fact_key, &FactRequirement::key);
  return it == facts.end() ? nullptr : &*it;
}

const Outcome *Stage::outcome(std::string_view outcome_key) const noexcept {
  const auto it = std::ranges::find(outcomes, outcome_key, &Outcome::key);
  return it == outcomes.end() ? nullptr : &*it;
}

const Stage *ProcedureDefinition::stage(std::string_view stage_key) const noexcept {
  const auto it = std::ranges::find(stages, stage_key, &Stage::key);
  return it == stages.end() ? nullptr : &*it;
}

Status check_procedure(const ProcedureDefinition &definition,
                       const std::vector<Document> &documents) {
  return Checker(definition, documents).run();
}

ProcedureSet ProcedureSet::builtin() {
  // Built once (every default EngineConfig holds a copy).
  static const ProcedureSet kBuiltin = [] {
    ProcedureSet set;
    for (ProcedureDefinition &d : builtin_procedures()) {
      // The shipped data is checked by the tests; an error here is a bug.
      if (!set.add(std::move(d)).ok()) {
        return ProcedureSet{};
      }
    }
    return set;
  }();
  return kBuiltin;
}

Status ProcedureSet::add(ProcedureDefinition definition) {
  if (find(definition.id) != nullptr) {
    return {StatusCode::kAlreadyExists, "a procedure definition with this id is already loaded",
            "id"};
  }
  std::vector<Document> others;
  for (const ProcedureDefinition &d : definitions_) {
    others.insert(others.end(), d.documents.begin(), d.documents.end());
  }
  if (Status st = check_procedure(definition, others); !st.ok()) {
    return st;
  }
  for (const ProcedureDefinition &d : definitions_) {
    if (d.kind == definition.kind && d.jurisdiction == definition.jurisdiction &&
        overlaps(d, definition)) {
      return invalid_argument("effective_from", "\"" + d.id +
                                                    "\" of the same kind and jurisdiction is in "
                                                    "force on some of the same days");
    }
  }
  definitions_.push_back(std::move(definition));
  // Citations filled from the registry (and the set's own documents).
  ProcedureDefinition &d = definitions_.back();
  fill(d.citations, *this);
  for (Stage &s : d.stages) {
    fill(s.citations, *this);
    for (Guard &g : s.guards) {
      fill(g.citations, *this);
      if (g.quorum) fill(g.quorum->citations, *this);
    }
    if (s.deadline) fill(s.deadline->citations, *this);
    for (Outcome &o : s.outcomes) fill(o.citations, *this);
  }
  return {};
}

const ProcedureDefinition *ProcedureSet::find(std::string_view id) const noexcept {
  const auto it = std::ranges::find(definitions_, id, &ProcedureDefinition::id);
  return it == definitions_.end() ? nullptr : &*it;
}

const ProcedureDefinition *ProcedureSet::select(ProcedureKind kind, Date day,
                                                std::string_view region_code) const noexcept {
  // Most specific first: the region, its city ("xxxx00"), its province ("xx0000"), "CN".
  std::array<std::array<char, 6>, 3> codes{};
  std::size_t n = 0;
  if (region_code.size() == 6 &&
      region_code.find_first_not_of("0123456789") == std::string_view::npos) {
    std::array<char, 6> c{};
    std::copy(region_code.begin(), region_code.end(), c.begin());
    codes[n++] = c;
    std::array<char, 6> city = c;
    city[4] = city[5] = '0';
    if (city != codes[n - 1]) codes[n++] = city;
    std::array<char, 6> province = c;
    province[2] = province[3] = province[4] = province[5] = '0';
    if (province != codes[n - 1]) codes[n++] = province;
  }
  for (std::size_t i = 0; i <= n; ++i) {
    const std::string_view j =
        i < n ? std::string_view(codes[i].data(), 6) : std::string_view("CN");
    for (const ProcedureDefinition &d : definitions_) {
      // Definitions of one kind and jurisdiction never overlap (add()).
      if (d.kind == kind && d.jurisdiction == j && d.in_force(day)) {
        return &d;
      }
    }
  }
  return nullptr;
}

const Document *ProcedureSet::document(std::string_view key) const noexcept {
  if (const Document *d = find_builtin_document(key)) {
    return d;
  }
  for (const ProcedureDefinition &p : definitions_) {
    for (const Document &d : p.documents) {
      if (d.key == key) {
        return &d;
      }
    }
  }
  return nullptr;
}

}  // namespace api_v1
}  // namespace cadre
