// Error tolerance (容错纠错): the models of criteria, their checks, and the
// evaluation of a claim into a proposal (never a decision).
#include "cadre/tolerance.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/labels.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

std::string idx(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

std::string str(std::string_view v) { return std::string(v); }

bool valid_key(std::string_view k) noexcept {
  return !k.empty() && k.size() <= 128 && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

bool valid_jurisdiction(std::string_view j) noexcept {
  return j == "CN" ||
         (j.size() == 6 && j.find_first_not_of("0123456789") == std::string_view::npos);
}

// Checks one model; keeps the first error, with the path of the field.
class Checker {
 public:
  Checker(const ToleranceModel &m, const std::vector<Document> &documents)
      : m_(m), documents_(documents) {}

  Status run() {
    if (!valid_key(m_.id)) {
      fail("id", "required: lowercase letters, digits, '-', '_' and '.'");
    } else if (m_.version.empty()) {
      fail("version", "required");
    }
    if (ok()) text(m_.title, "title");
    if (ok() && !valid_jurisdiction(m_.jurisdiction)) {
      fail("jurisdiction", "required: \"CN\" or a six-digit region code");
    }
    if (ok() && !m_.effective_from) {
      fail("effective_from", "required: the first day in force");
    }
    if (ok() && m_.effective_to && *m_.effective_to < *m_.effective_from) {
      fail("effective_to", "before effective_from");
    }
    for (std::size_t i = 0; i < m_.documents.size() && ok(); ++i) {
      document(m_.documents[i], idx("documents", i));
    }
    if (ok() && m_.citations.empty()) {
      fail("citations", "required: the basis of the model");
    }
    if (ok()) citations(m_.citations, "");
    if (ok()) basis(m_.citations, "", "a model");
    if (ok() && (m_.facts.size() > kMaxToleranceItems || m_.groups.size() > kMaxToleranceItems)) {
      fail(m_.facts.size() > kMaxToleranceItems ? "facts" : "groups",
           "more than " + std::to_string(kMaxToleranceItems));
    }
    for (std::size_t i = 0; i < m_.facts.size() && ok(); ++i) {
      fact(m_.facts[i], idx("facts", i));
    }
    if (ok() && m_.groups.empty()) {
      fail("groups", "required: at least one ground or mitigation");
    }
    for (std::size_t i = 0; i < m_.groups.size() && ok(); ++i) {
      group(m_.groups[i], idx("groups", i));
    }
    if (ok() && std::none_of(m_.groups.begin(), m_.groups.end(), [](const ToleranceGroup &g) {
          return g.role == ToleranceRole::kGround || g.role == ToleranceRole::kMitigation;
        })) {
      fail("groups", "no ground of exemption and no mitigation: nothing could be proposed");
    }
    if (ok()) effects(m_.exempt_effects, "exempt_effects");
    if (ok()) effects(m_.softened_effects, "softened_effects");
    if (ok() && m_.exempt_effects.empty() &&
        std::any_of(m_.groups.begin(), m_.groups.end(),
                    [](const ToleranceGroup &g) { return g.role == ToleranceRole::kGround; })) {
      fail("exempt_effects", "required: what 免责 cancels");
    }
    std::set<ToleranceProposal> shortened;
    for (std::size_t i = 0; i < m_.shortenings.size() && ok(); ++i) {
      const ToleranceShortening &s = m_.shortenings[i];
      const std::string p = idx("shortenings", i);
      if (s.outcome != ToleranceProposal::kLighter && s.outcome != ToleranceProposal::kMitigated) {
        fail(p + ".outcome", "TOLERANCE_PROPOSAL_LIGHTER or TOLERANCE_PROPOSAL_MITIGATED");
      } else if (!shortened.insert(s.outcome).second) {
        fail(p + ".outcome", "a second shortening for the same outcome");
      } else if (s.percent < 1 || s.percent > 99) {
        fail(p + ".percent", "a share from 1 to 99 percent");
      } else if (s.citations.empty()) {
        fail(p + ".citations", "required: the rule giving the share");
      }
      if (ok()) text(s.text, p + ".text");
      if (ok()) citations(s.citations, p);
      if (ok()) basis(s.citations, p, "a shortening");
    }
    return status_;
  }

 private:
  [[nodiscard]] bool ok() const noexcept { return status_.ok(); }
  void fail(std::string path, std::string message) {
    if (status_.ok()) status_ = invalid_argument(std::move(path), std::move(message));
  }

  void text(const LocalizedText &t, const std::string &path) {
    if (t.zh_cn.empty()) {
      fail(path + ".zh_cn", "required: the text in Chinese");
    } else if (t.en.empty()) {
      fail(path + ".en", "required: the text in English");
    }
  }

  [[nodiscard]] bool known_document(std::string_view key) const noexcept {
    if (find_builtin_document(key) != nullptr) return true;
    const auto named = [&](const Document &d) { return d.key == key; };
    return std::any_of(documents_.begin(), documents_.end(), named) ||
           std::any_of(m_.documents.begin(), m_.documents.end(), named);
  }

  [[nodiscard]] bool evidence_only(std::string_view key) const noexcept {
    if (const Document *d = find_builtin_document(key)) return d->evidence_only;
    const auto named = [&](const Document &d) { return d.key == key && d.evidence_only; };
    return std::any_of(documents_.begin(), documents_.end(), named) ||
           std::any_of(m_.documents.begin(), m_.documents.end(), named);
  }

  void document(const Document &d, const std::string &path) {
    if (!valid_key(d.key)) {
      fail(path + ".key", "required: lowercase letters, digits and '-'");
    } else if (find_builtin_document(d.key) != nullptr) {
      fail(path + ".key", "\"" + d.key + "\" is a document of the library's registry");
    } else if (d.title.empty()) {
      fail(path + ".title", "required");
    } else if (d.verification == Verification::kUnspecified) {
      fail(path + ".verification", "required: how far its text was verified");
    } else if (!valid_jurisdiction(d.jurisdiction)) {
      fail(path + ".jurisdiction", "required: \"CN\" or a six-digit region code");
    }
  }

  void citations(const std::vector<Citation> &list, const std::string &owner) {
    const std::string prefix = owner.empty() ? "" : owner + ".";
    for (std::size_t i = 0; i < list.size() && ok(); ++i) {
      const Citation &c = list[i];
      const std::string p = prefix + idx("citations", i);
      if (c.key.empty()) {
        fail(p + ".key", "required: the key of a document of the registry");
      } else if (!known_document(c.key)) {
        fail(p + ".key", "\"" + c.key + "\" names no registered document");
      } else if (c.verification == Verification::kUnspecified) {
        fail(p + ".verification", "required: the verification tag");
      }
    }
  }

  // A speech or an article is evidence, never a legal basis: the first citation of a model,
  // a group, a criterion or a shortening names a rule (the evidence may follow it).
  void basis(const std::vector<Citation> &list, const std::string &owner, const char *what) {
    if (!list.empty() && (list.front().evidence || evidence_only(list.front().key))) {
      fail((owner.empty() ? "" : owner + ".") + "citations[0].key",
           std::string("the basis of ") + what +
               " is never evidence only: cite the rule first, the evidence after it");
    }
  }

  void fact(const ToleranceFactSpec &f, const std::string &path) {
    if (!valid_key(f.key)) {
      fail(path + ".key", "required: lowercase letters, digits, '-', '_' and '.'");
    } else if (!fact_keys_.insert(f.key).second) {
      fail(path + ".key", "duplicate fact key \"" + f.key + "\"");
    } else if (f.type != FactType::kBool && f.type != FactType::kInteger) {
      fail(path + ".type", "FACT_TYPE_BOOL or FACT_TYPE_INTEGER");
    } else if (f.type == FactType::kBool && (!f.unit.zh_cn.empty() || !f.unit.en.empty())) {
      fail(path + ".unit", "a yes-or-no fact has no unit");
    }
    if (ok()) text(f.name, path + ".name");
  }

  void group(const ToleranceGroup &g, const std::string &path) {
    if (!valid_key(g.key)) {
      fail(path + ".key", "required: lowercase letters, digits, '-', '_' and '.'");
    } else if (!keys_.insert(g.key).second) {
      fail(path + ".key", "duplicate key \"" + g.key + "\"");
    } else if (g.role == ToleranceRole::kUnspecified) {
      fail(path + ".role", "required");
    }
    if (ok()) text(g.name, path + ".name");
    if (ok()) text(g.text, path + ".text");
    if (!ok()) return;
    const bool ground = g.role == ToleranceRole::kGround;
    const bool exclusion = g.role == ToleranceRole::kExclusion;
    const bool mitigation = g.role == ToleranceRole::kMitigation;
    if (ground != (g.ground != ExemptionGround::kUnspecified)) {
      fail(path + ".ground", ground ? "required for a ground" : "only a ground names a ground");
    } else if (exclusion != (g.exclusion != ExemptionExclusion::kUnspecified)) {
      fail(path + ".exclusion",
           exclusion ? "required for an exclusion" : "only an exclusion names an exclusion");
    } else if (mitigation != (g.mitigation != MitigationKind::kUnspecified)) {
      fail(path + ".mitigation",
           mitigation ? "required for a mitigation" : "only a mitigation names a circumstance");
    }
    if (!ok()) return;
    outcomes(g, path);
    if (ok() && !g.gate.empty()) {
      const ToleranceFactSpec *f = m_.fact(g.gate);
      if (f == nullptr) {
        fail(path + ".gate", "no fact \"" + g.gate + "\"");
      } else if (f->type != FactType::kBool) {
        fail(path + ".gate", "\"" + g.gate + "\" is not a yes-or-no fact");
      }
    }
    if (ok() && g.criteria.empty()) {
      fail(path + ".criteria", "required: at least one criterion");
    } else if (ok() && g.criteria.size() > kMaxToleranceItems) {
      fail(path + ".criteria", "more than " + std::to_string(kMaxToleranceItems));
    }
    for (std::size_t i = 0; i < g.criteria.size() && ok(); ++i) {
      criterion(g.criteria[i], path + "." + idx("criteria", i));
    }
    if (ok() && g.citations.empty()) {
      fail(path + ".citations", "required: the rule behind the group");
    }
    if (ok()) citations(g.citations, path);
    if (ok()) basis(g.citations, path, "a group");
  }

  void outcomes(const ToleranceGroup &g, const std::string &path) {
    const std::string p = path + ".outcomes";
    std::set<ToleranceProposal> seen;
    for (std::size_t i = 0; i < g.outcomes.size() && ok(); ++i) {
      const ToleranceProposal o = g.outcomes[i];
      if (!seen.insert(o).second) {
        fail(idx(p, i), "listed twice");
      } else if (g.role == ToleranceRole::kGround) {
        const bool allowed =
            i == 0 ? o == ToleranceProposal::kExempt
                   : (o == ToleranceProposal::kLighter || o == ToleranceProposal::kMitigated);
        if (!allowed) {
          fail(idx(p, i), i == 0 ? "a ground proposes TOLERANCE_PROPOSAL_EXEMPT first"
                                 : "then TOLERANCE_PROPOSAL_LIGHTER or _MITIGATED");
        }
      } else if (g.role == ToleranceRole::kMitigation) {
        if (o != ToleranceProposal::kLighter && o != ToleranceProposal::kMitigated) {
          fail(idx(p, i), "TOLERANCE_PROPOSAL_LIGHTER or TOLERANCE_PROPOSAL_MITIGATED");
        }
      } else {
        fail(idx(p, i), "only a ground or a mitigation lists outcomes");
      }
    }
    if (ok() && g.role == ToleranceRole::kMitigation && g.outcomes.empty()) {
      fail(p, "required for a mitigation: TOLERANCE_PROPOSAL_LIGHTER and/or _MITIGATED");
    }
  }

  void criterion(const ToleranceCriterion &c, const std::string &path) {
    if (!valid_key(c.key)) {
      fail(path + ".key", "required: lowercase letters, digits, '-', '_' and '.'");
    } else if (!keys_.insert(c.key).second) {
      fail(path + ".key", "duplicate key \"" + c.key + "\"");
    }
    if (ok()) text(c.name, path + ".name");
    if (ok()) text(c.text, path + ".text");
    if (!ok()) return;
    const ToleranceFactSpec *f = m_.fact(c.fact);
    if (f == nullptr) {
      fail(path + ".fact", c.fact.empty() ? "required" : "no fact \"" + c.fact + "\"");
    } else if (f->type == FactType::kBool && c.test != CriterionTest::kTrue &&
               c.test != CriterionTest::kFalse) {
      fail(path + ".test", "a yes-or-no fact is tested with CRITERION_TEST_TRUE or _FALSE");
    } else if (f->type == FactType::kInteger && c.test != CriterionTest::kAtLeast &&
               c.test != CriterionTest::kBelow) {
      fail(path + ".test", "an integer fact is tested with CRITERION_TEST_AT_LEAST or _BELOW");
    } else if (f->type == FactType::kBool && c.threshold != 0) {
      fail(path + ".threshold", "a yes-or-no test has no threshold");
    } else if (c.citations.empty()) {
      fail(path + ".citations", "required: the source of the criterion");
    }
    if (ok()) citations(c.citations, path);
    if (ok()) basis(c.citations, path, "a criterion");
  }

  void effects(const std::vector<ExemptionEffect> &list, const std::string &path) {
    std::set<ExemptionEffect> seen;
    for (std::size_t i = 0; i < list.size() && ok(); ++i) {
      if (list[i] == ExemptionEffect::kUnspecified) {
        fail(idx(path, i), "an unspecified effect");
      } else if (!seen.insert(list[i]).second) {
        fail(idx(path, i), "listed twice");
      }
    }
  }

  const ToleranceModel &m_;
  const std::vector<Document> &documents_;
  std::set<std::string, std::less<>> fact_keys_;
  std::set<std::string, std::less<>> keys_;  // groups and criteria share one key space
  Status status_;
};

void fill(Citation &c, const ToleranceModels &set) {
  if (const Document *d = set.document(c.key)) {
    c.document = d->title;
    c.document_number = d->document_number;
    const std::optional<Date> day = d->issued_on ? d->issued_on : d->in_force_from;
    c.year = day ? day->year() : 0;
    c.evidence = d->evidence_only;
  }
}

void fill(std::vector<Citation> &list, const ToleranceModels &set) {
  for (Citation &c : list) fill(c, set);
}

bool overlaps(const ToleranceModel &a, const ToleranceModel &b) noexcept {
  const bool a_before_b = a.effective_to && b.effective_from && *a.effective_to < *b.effective_from;
  const bool b_before_a = b.effective_to && a.effective_from && *b.effective_to < *a.effective_from;
  return !a_before_b && !b_before_a;
}

// ---------------------------------------------------------------------------
// Evaluation: three-valued (Kleene) logic over met / not met / unknown.

using CS = CriterionStatus;

CS kleene_and(CS a, CS b) noexcept {
  if (a == CS::kNotMet || b == CS::kNotMet) return CS::kNotMet;
  if (a == CS::kUnknown || b == CS::kUnknown) return CS::kUnknown;
  return CS::kMet;
}

CS kleene_or(CS a, CS b) noexcept {
  if (a == CS::kMet || b == CS::kMet) return CS::kMet;
  if (a == CS::kUnknown || b == CS::kUnknown) return CS::kUnknown;
  return CS::kNotMet;
}

std::string zh(CS s) { return str(label(s, Language::kZhCn)); }
std::string en(CS s) { return str(label(s, Language::kEn)); }

std::string quoted_zh(const std::string &s) { return "“" + s + "”"; }
std::string quoted_en(const std::string &s) { return "\"" + s + "\""; }

class Evaluator {
 public:
  Evaluator(const ToleranceClaim &claim, const ToleranceModel &model)
      : claim_(claim), model_(model) {}

  Status check_claim() {
    if (claim_.id.empty()) return invalid_argument("id", "required: the claim's id");
    if (claim_.concerns.kind == RecordKind::kUnspecified) {
      return invalid_argument("concerns.kind", "required: the kind of the record concerned");
    }
    if (claim_.concerns.id.empty()) {
      return invalid_argument("concerns.id", "required: the id of the record concerned");
    }
    if (claim_.impact_months < 0) {
      return invalid_argument("impact_months", "a period is never negative");
    }
    if (claim_.facts.size() > kMaxToleranceFacts) {
      return {StatusCode::kResourceExhausted,
              "more than " + std::to_string(kMaxToleranceFacts) + " facts", "facts"};
    }
    for (std::size_t i = 0; i < claim_.evidence.size(); ++i) {
      if (claim_.evidence[i].empty()) {
        return invalid_argument(idx("evidence", i), "an empty reference");
      }
    }
    for (std::size_t i = 0; i < claim_.facts.size(); ++i) {
      const ToleranceFact &f = claim_.facts[i];
      const std::string p = idx("facts", i);
      if (f.key.empty()) return invalid_argument(p + ".key", "required");
      if (!index_.emplace(f.key, i).second) {
        // Never the key itself: a claim's text is not echoed in an error.
        return invalid_argument(p + ".key", "recorded twice (an earlier fact has this key)");
      }
      if (f.type != FactType::kBool && f.type != FactType::kInteger) {
        return invalid_argument(p + ".type", "FACT_TYPE_BOOL or FACT_TYPE_INTEGER");
      }
      if (f.recorded_by.empty()) {
        return invalid_argument(p + ".recorded_by", "required: who recorded the fact");
      }
      for (std::size_t j = 0; j < f.evidence.size(); ++j) {
        if (f.evidence[j].empty()) {
          return invalid_argument(p + "." + idx("evidence", j), "an empty reference");
        }
      }
      if (const ToleranceFactSpec *spec = model_.fact(f.key)) {
        if (spec->type != f.type) {
          return invalid_argument(p + ".type", "\"" + f.key + "\" is " +
                                                   str(label(spec->type, Language::kEn)) +
                                                   " in model " + model_.id);
        }
      } else {
        out_.ignored_facts.push_back(f.key);
      }
    }
    return {};
  }

  ToleranceEvaluation run() {
    out_.claim_id = claim_.id;
    out_.concerns = claim_.concerns;
    out_.model_id = model_.id;
    out_.model_version = model_.version;
    out_.content_hash = content_hash(model_);
    out_.citations = model_.citations;
    CS exclusions = CS::kNotMet;
    CS conditions = CS::kMet;
    CS grounds = CS::kNotMet;
    CS mitigations = CS::kNotMet;
    const ToleranceGroup *first_ground = nullptr;
    const ToleranceGroup *first_mitigation = nullptr;
    for (const ToleranceGroup &g : model_.groups) {
      GroupResult &r = out_.groups.emplace_back(group(g));
      switch (g.role) {
        case ToleranceRole::kExclusion:
          exclusions = kleene_or(exclusions, r.status);
          if (r.status == CS::kMet) out_.exclusions_hit.push_back(g.exclusion);
          break;
        case ToleranceRole::kCondition:
          conditions = kleene_and(conditions, r.status);
          break;
        case ToleranceRole::kGround:
          grounds = kleene_or(grounds, r.status);
          if (r.status == CS::kMet && first_ground == nullptr) first_ground = &g;
          break;
        case ToleranceRole::kMitigation:
          mitigations = kleene_or(mitigations, r.status);
          if (r.status == CS::kMet && first_mitigation == nullptr) first_mitigation = &g;
          break;
        default:
          break;
      }
    }
    missing_list();
    const bool clear = exclusions == CS::kNotMet && conditions == CS::kMet;
    // A ground that holds outranks a mitigation; one not yet known keeps the proposal open.
    const ToleranceGroup *basis = grounds == CS::kMet      ? first_ground
                                  : grounds == CS::kNotMet ? first_mitigation
                                                           : nullptr;
    const bool open = grounds == CS::kUnknown ||
                      (grounds == CS::kNotMet && mitigations == CS::kUnknown) ||
                      (basis != nullptr && !clear);
    if (exclusions == CS::kMet) {
      decide(ToleranceProposal::kDenied, reason_exclusion());
    } else if (conditions == CS::kNotMet) {
      decide(ToleranceProposal::kDenied, reason_conditions());
    } else if (open) {
      decide(ToleranceProposal::kNeedsJudgement, reason_missing());
    } else if (basis != nullptr) {
      propose(*basis);
    } else {
      decide(ToleranceProposal::kDenied,
             {"不符合任何免责情形或者从轻、减轻情形",
              "no ground of exemption and no ground of lighter or reduced treatment holds"});
    }
    return std::move(out_);
  }

 private:
  // The fact a criterion reads, as read; nullptr when not recorded.
  const ToleranceFact *recorded(const std::string &key) const {
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &claim_.facts[it->second];
  }

  Fact read(const ToleranceFact &f) const {
    return Fact{f.key,
                f.type == FactType::kBool ? (f.yes ? "yes" : "no") : std::to_string(f.number),
                idx("facts", index_.at(f.key))};
  }

  void need(const std::string &fact, const std::string &by) {
    std::vector<std::string> &v = needed_[fact];
    if (std::find(v.begin(), v.end(), by) == v.end()) v.push_back(by);
  }

  CriterionResult criterion(const ToleranceCriterion &c) {
    CriterionResult r;
    r.key = c.key;
    r.name = c.name;
    r.text = c.text;
    r.citations = c.citations;
    const ToleranceFactSpec &spec = *model_.fact(c.fact);  // checked with the model
    const ToleranceFact *f = recorded(c.fact);
    if (f == nullptr) {
      r.status = CS::kUnknown;
      need(c.fact, c.key);
      r.explanation = {quoted_zh(spec.name.zh_cn) + "未记录，" + zh(r.status) +
                           (spec.judgement ? "（属于判断事项，须由有关人员审核后记录）"
                                           : "（须依据所涉记录填写）"),
                       quoted_en(spec.name.en) + " is not recorded: " + en(r.status) +
                           (spec.judgement ? " (a judgement: a person records it after review)"
                                           : " (record it from the record concerned)")};
      return r;
    }
    r.facts.push_back(read(*f));
    bool met = false;
    std::string value_zh;
    std::string value_en;
    switch (c.test) {
      case CriterionTest::kTrue:
      case CriterionTest::kFalse:
        met = f->yes == (c.test == CriterionTest::kTrue);
        value_zh = f->yes ? "是" : "否";
        value_en = f->yes ? "yes" : "no";
        break;
      case CriterionTest::kAtLeast:
      case CriterionTest::kBelow:
        met =
            c.test == CriterionTest::kAtLeast ? f->number >= c.threshold : f->number < c.threshold;
        value_zh = std::to_string(f->number) + spec.unit.zh_cn + "（" +
                   str(label(c.test, Language::kZhCn)) + std::to_string(c.threshold) +
                   spec.unit.zh_cn + "）";
        value_en = std::to_string(f->number) + (spec.unit.en.empty() ? "" : " " + spec.unit.en) +
                   " (" + str(label(c.test, Language::kEn)) + " " + std::to_string(c.threshold) +
                   ")";
        break;
      default:
        break;
    }
    r.status = met ? CS::kMet : CS::kNotMet;
    r.explanation = {quoted_zh(spec.name.zh_cn) + "记录为" + value_zh + "：" + zh(r.status) +
                         quoted_zh(c.name.zh_cn) + "。",
                     quoted_en(spec.name.en) + " is recorded as " + value_en + ": " +
                         quoted_en(c.name.en) + " is " + en(r.status) + "."};
    return r;
  }

  GroupResult group(const ToleranceGroup &g) {
    GroupResult r;
    r.key = g.key;
    r.role = g.role;
    r.name = g.name;
    r.ground = g.ground;
    r.exclusion = g.exclusion;
    r.mitigation = g.mitigation;
    r.citations = g.citations;
    CS gate = CS::kMet;
    if (!g.gate.empty()) {
      const ToleranceFact *f = recorded(g.gate);
      if (f == nullptr) {
        gate = CS::kUnknown;
        need(g.gate, g.key);
      } else {
        r.gate.push_back(read(*f));
        gate = f->yes ? CS::kMet : CS::kNotMet;
      }
    }
    if (gate == CS::kNotMet) {
      r.status = CS::kNotMet;  // the group does not apply: its criteria are not read
      return r;
    }
    const bool any = g.role == ToleranceRole::kExclusion;
    CS inner = any ? CS::kNotMet : CS::kMet;
    for (const ToleranceCriterion &c : g.criteria) {
      CriterionResult cr = criterion(c);
      inner = any ? kleene_or(inner, cr.status) : kleene_and(inner, cr.status);
      r.criteria.push_back(std::move(cr));
    }
    r.status = kleene_and(gate, inner);
    return r;
  }

  void missing_list() {
    for (const ToleranceFactSpec &f : model_.facts) {
      const auto it = needed_.find(f.key);
      if (it != needed_.end()) {
        out_.missing.push_back(MissingFact{f.key, f.name, f.judgement, it->second});
      }
    }
  }

  template <typename F>
  LocalizedText names(ToleranceRole role, CS status, F &&extra) const {
    LocalizedText t;
    for (const GroupResult &g : out_.groups) {
      if (g.role != role || g.status != status || !extra(g)) continue;
      t.zh_cn += (t.zh_cn.empty() ? "" : "、") + quoted_zh(g.name.zh_cn);
      t.en += (t.en.empty() ? "" : ", ") + quoted_en(g.name.en);
    }
    return t;
  }

  LocalizedText reason_exclusion() const {
    const LocalizedText n =
        names(ToleranceRole::kExclusion, CS::kMet, [](const GroupResult &) { return true; });
    return {"属于不予容错情形" + n.zh_cn + "，不论是否符合其他条件",
            "an exclusion applies (" + n.en + "), whatever else holds"};
  }

  LocalizedText reason_conditions() const {
    const LocalizedText n =
        names(ToleranceRole::kCondition, CS::kNotMet, [](const GroupResult &) { return true; });
    return {"不符合容错条件" + n.zh_cn, "a condition of tolerance fails (" + n.en + ")"};
  }

  LocalizedText reason_missing() const {
    LocalizedText t;
    for (const MissingFact &m : out_.missing) {
      t.zh_cn += (t.zh_cn.empty() ? "" : "、") + quoted_zh(m.name.zh_cn);
      t.en += (t.en.empty() ? "" : ", ") + quoted_en(m.name.en);
    }
    return {"结果取决于尚未记录的事实" + t.zh_cn + "，须由有关人员记录后再作判断",
            "the outcome depends on facts not recorded (" + t.en +
                "): a person must record them before any proposal"};
  }

  void decide(ToleranceProposal p, const LocalizedText &reason) {
    out_.proposal = p;
    const std::string head_zh = "依据" + model_.title.zh_cn + "（" + model_.id + "）：";
    const std::string head_en = "Under " + model_.title.en + " (" + model_.id + "): ";
    if (p == ToleranceProposal::kNeedsJudgement) {
      out_.explanation = {head_zh + reason.zh_cn + "。" + str(label(p, Language::kZhCn)) + "。",
                          head_en + reason.en + ". It " + str(label(p, Language::kEn)) + "."};
      return;
    }
    out_.explanation = {head_zh + reason.zh_cn + "，建议" + str(label(p, Language::kZhCn)) +
                            "。此为建议，由有权机关决定。",
                        head_en + reason.en + "; the proposal is " + str(label(p, Language::kEn)) +
                            ". A proposal, not a decision: the competent body decides."};
  }

  void propose(const ToleranceGroup &basis) {
    const bool ground = basis.role == ToleranceRole::kGround;
    std::vector<ToleranceProposal> outcomes = basis.outcomes;
    if (outcomes.empty()) outcomes.push_back(ToleranceProposal::kExempt);
    out_.alternatives.assign(outcomes.begin() + 1, outcomes.end());
    const ToleranceProposal p = outcomes.front();
    if (p == ToleranceProposal::kExempt) {
      out_.effects = model_.exempt_effects;
    } else {
      out_.effects = model_.softened_effects;
      for (const ToleranceShortening &s : model_.shortenings) {
        if (s.outcome == p && claim_.impact_months > 0) {
          const long long months = claim_.impact_months;
          out_.shortened_months = static_cast<int>((months * s.percent + 99) / 100);
        }
      }
    }
    const LocalizedText met = names(basis.role, CS::kMet, [](const GroupResult &) { return true; });
    LocalizedText reason{(ground ? "符合免责情形" : "符合从轻、减轻情形") + met.zh_cn +
                             "，容错条件均已符合，无不予容错情形",
                         std::string(ground ? "a ground of exemption holds ("
                                            : "a ground of lighter or reduced "
                                              "treatment holds (") +
                             met.en + "), every condition holds and no exclusion applies"};
    if (out_.shortened_months) {
      reason.zh_cn += "；影响期由" + std::to_string(claim_.impact_months) + "个月缩短为" +
                      std::to_string(*out_.shortened_months) + "个月";
      reason.en += "; the impact period shortens from " + std::to_string(claim_.impact_months) +
                   " to " + std::to_string(*out_.shortened_months) + " months";
    }
    decide(p, reason);
    if (!out_.alternatives.empty()) {
      LocalizedText alt;
      for (const ToleranceProposal a : out_.alternatives) {
        alt.zh_cn += (alt.zh_cn.empty() ? "" : "、") + str(label(a, Language::kZhCn));
        alt.en += (alt.en.empty() ? "" : ", ") + str(label(a, Language::kEn));
      }
      out_.explanation.zh_cn += "规定同时允许" + alt.zh_cn + "，由决定机关选择。";
      out_.explanation.en += " The rule also allows " + alt.en + ", at the decider's choice.";
    }
  }

  const ToleranceClaim &claim_;
  const ToleranceModel &model_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::map<std::string, std::vector<std::string>, std::less<>> needed_;
  ToleranceEvaluation out_;
};

}  // namespace

const ToleranceFactSpec *ToleranceModel::fact(std::string_view fact_key) const noexcept {
  const auto it = std::ranges::find(facts, fact_key, &ToleranceFactSpec::key);
  return it == facts.end() ? nullptr : &*it;
}

const ToleranceGroup *ToleranceModel::group(std::string_view group_key) const noexcept {
  const auto it = std::ranges::find(groups, group_key, &ToleranceGroup::key);
  return it == groups.end() ? nullptr : &*it;
}

Status check_tolerance_model(const ToleranceModel &model, const std::vector<Document> &documents) {
  return Checker(model, documents).run();
}

ToleranceModels ToleranceModels::builtin() {
  static const ToleranceModels kBuiltin = [] {
    ToleranceModels set;
    // The shipped data is checked by the tests; an error here is a bug.
    if (!set.add_text(builtin_tolerance_text(), "data/tolerance/tolerance.textproto").ok()) {
      return ToleranceModels{};
    }
    return set;
  }();
  return kBuiltin;
}

Status ToleranceModels::add(ToleranceModel model) {
  if (find(model.id) != nullptr) {
    return {StatusCode::kAlreadyExists, "a tolerance model with this id is already loaded", "id"};
  }
  std::vector<Document> others;
  for (const ToleranceModel &m : models_) {
    others.insert(others.end(), m.documents.begin(), m.documents.end());
  }
  if (Status st = check_tolerance_model(model, others); !st.ok()) {
    return st;
  }
  for (const ToleranceModel &m : models_) {
    if (m.jurisdiction == model.jurisdiction && overlaps(m, model)) {
      return invalid_argument("effective_from", "\"" + m.id +
                                                    "\" of the same jurisdiction is in force on "
                                                    "some of the same days");
    }
  }
  models_.push_back(std::move(model));
  ToleranceModel &m = models_.back();
  fill(m.citations, *this);
  for (ToleranceGroup &g : m.groups) {
    fill(g.citations, *this);
    for (ToleranceCriterion &c : g.criteria) fill(c.citations, *this);
  }
  for (ToleranceShortening &s : m.shortenings) fill(s.citations, *this);
  return {};
}

Status ToleranceModels::add_text(std::string_view text, std::string_view source) {
  StatusOr<std::vector<ToleranceModel>> parsed = parse_tolerance_text(text, source);
  if (!parsed.ok()) {
    return parsed.status();
  }
  ToleranceModels copy = *this;
  std::vector<ToleranceModel> &list = parsed.value();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (Status st = copy.add(std::move(list[i])); !st.ok()) {
      return {st.code(), st.message(),
              idx("models", i) + (st.field().empty() ? "" : "." + st.field())};
    }
  }
  *this = std::move(copy);
  return {};
}

const ToleranceModel *ToleranceModels::find(std::string_view id) const noexcept {
  const auto it = std::ranges::find(models_, id, &ToleranceModel::id);
  return it == models_.end() ? nullptr : &*it;
}

const ToleranceModel *ToleranceModels::select(Date day,
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
    for (const ToleranceModel &m : models_) {
      if (m.jurisdiction == j && m.in_force(day)) {
        return &m;
      }
    }
  }
  return nullptr;
}

const Document *ToleranceModels::document(std::string_view key) const noexcept {
  if (const Document *d = find_builtin_document(key)) {
    return d;
  }
  for (const ToleranceModel &m : models_) {
    for (const Document &d : m.documents) {
      if (d.key == key) {
        return &d;
      }
    }
  }
  return nullptr;
}

ToleranceFact ToleranceFact::flag(std::string key, bool value, std::string recorded_by,
                                  std::vector<std::string> evidence) {
  ToleranceFact f;
  f.key = std::move(key);
  f.type = FactType::kBool;
  f.yes = value;
  f.recorded_by = std::move(recorded_by);
  f.evidence = std::move(evidence);
  return f;
}

ToleranceFact ToleranceFact::integer(std::string key, std::int64_t value, std::string recorded_by,
                                     std::vector<std::string> evidence) {
  ToleranceFact f;
  f.key = std::move(key);
  f.type = FactType::kInteger;
  f.number = value;
  f.recorded_by = std::move(recorded_by);
  f.evidence = std::move(evidence);
  return f;
}

StatusOr<ToleranceEvaluation> evaluate(const ToleranceClaim &claim, const ToleranceModel &model) {
  Evaluator e(claim, model);
  if (Status st = e.check_claim(); !st.ok()) {
    return st;
  }
  return e.run();
}

StatusOr<ToleranceEvaluation> evaluate(const ToleranceClaim &claim, const ToleranceModels &models) {
  const ToleranceModel *model = nullptr;
  if (!claim.model_id.empty()) {
    model = models.find(claim.model_id);
    if (model == nullptr) {
      return Status(StatusCode::kNotFound, "no tolerance model has this id", "model_id");
    }
  } else {
    if (!claim.claimed_on) {
      return invalid_argument("claimed_on", "required to choose the model in force");
    }
    if (!valid_jurisdiction(claim.jurisdiction)) {
      return invalid_argument("jurisdiction", "\"CN\" or a six-digit region code");
    }
    model = models.select(*claim.claimed_on, claim.jurisdiction);
    if (model == nullptr) {
      return Status(StatusCode::kNotFound,
                    "no tolerance model in force on " + claim.claimed_on->to_string() + " for " +
                        claim.jurisdiction,
                    "claimed_on");
    }
  }
  return evaluate(claim, *model);
}

ExemptionClaim exemption_claim_draft(const ToleranceClaim &claim,
                                     const ToleranceEvaluation &evaluation) {
  ExemptionClaim out;
  out.id = claim.id;
  out.concerns = claim.concerns;
  out.claimed_on = claim.claimed_on;
  out.decision = ExemptionDecision::kPending;
  out.effects_cancelled = evaluation.effects;
  out.impact_months = evaluation.shortened_months.value_or(0);
  for (const GroupResult &g : evaluation.groups) {
    const bool met = g.status == CriterionStatus::kMet;
    if (g.role == ToleranceRole::kGround && met &&
        std::find(out.grounds.begin(), out.grounds.end(), g.ground) == out.grounds.end()) {
      out.grounds.push_back(g.ground);
    } else if (g.role == ToleranceRole::kExclusion && g.status != CriterionStatus::kUnknown) {
      const auto it =
          std::find_if(out.exclusions.begin(), out.exclusions.end(),
                       [&](const ExclusionCheck &x) { return x.exclusion == g.exclusion; });
      if (it == out.exclusions.end()) {
        out.exclusions.push_back(ExclusionCheck{g.exclusion, met});
      } else {
        it->applies = it->applies || met;
      }
    } else if (g.role == ToleranceRole::kMitigation && met) {
      out.remedied = out.remedied || g.mitigation == MitigationKind::kRemedied;
      out.cooperated = out.cooperated || g.mitigation == MitigationKind::kCooperated;
    }
  }
  return out;
}

}  // namespace api_v1
}  // namespace cadre
