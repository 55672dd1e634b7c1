#include "codec/procedure_codec.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <string>

#include "codec/catalogue_codec.hpp"
#include "codec/codec.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

// Collects the first text-format syntax error with line and column.
class FirstError final : public gp::io::ErrorCollector {
 public:
  explicit FirstError(std::string source) : source_(std::move(source)) {}
  void AddError(int line, gp::io::ColumnNumber column, const std::string &message) override {
    if (status_.ok()) {
      status_ = invalid_argument(source_, "line " + std::to_string(line + 1) + " column " +
                                              std::to_string(column + 1) + ": " + message);
    }
  }
  void AddWarning(int /*line*/, gp::io::ColumnNumber /*column*/,
                  const std::string & /*message*/) override {}
  [[nodiscard]] const Status &status() const noexcept { return status_; }

 private:
  std::string source_;
  Status status_;
};

std::string idx(std::string_view name, int i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// Converts field by field; keeps the first error.
class Decoder {
 public:
  [[nodiscard]] const Status &status() const noexcept { return status_; }

  void definition(const pb::ProcedureDefinition &in, const std::string &p,
                  ProcedureDefinition &out) {
    out.id = in.id();
    out.version = in.version();
    out.kind = enum_value<ProcedureKind>(in.kind(), pb::ProcedureKind_IsValid, p + "kind");
    out.title = text(in.title());
    out.rule_set = in.rule_set();
    out.jurisdiction = in.jurisdiction();
    out.effective_from = date(in.effective_from(), p + "effective_from");
    out.effective_to = date(in.effective_to(), p + "effective_to");
    out.citations = citations(in.citations(), p);
    out.completeness = text(in.completeness());
    for (int i = 0; i < in.documents_size() && status_.ok(); ++i) {
      std::vector<Status> errors;
      out.documents.push_back(
          decode_host_document(in.documents(i), p + idx("documents", i), errors));
      if (!errors.empty()) {
        fail(errors.front().field(), errors.front().message());
      }
    }
    for (int i = 0; i < in.stages_size() && status_.ok(); ++i) {
      stage(in.stages(i), p + idx("stages", i) + ".", out.stages.emplace_back());
    }
  }

 private:
  void fail(std::string path, std::string message) {
    if (status_.ok()) status_ = invalid_argument(std::move(path), std::move(message));
  }

  template <typename E>
  E enum_value(int v, bool (*valid)(int), const std::string &path) {
    if (!valid(v)) {
      fail(path, "unknown value " + std::to_string(v));
      return E{};
    }
    return static_cast<E>(v);
  }

  template <typename E>
  std::vector<E> enum_values(const gp::RepeatedField<int> &in, bool (*valid)(int),
                             const std::string &path) {
    std::vector<E> out;
    out.reserve(static_cast<std::size_t>(in.size()));
    for (int i = 0; i < in.size(); ++i) {
      out.push_back(enum_value<E>(in.Get(i), valid, idx(path, i)));
    }
    return out;
  }

  std::optional<Date> date(const std::string &s, const std::string &path) {
    if (s.empty()) return std::nullopt;
    std::optional<Date> d = Date::parse(s);
    if (!d) fail(path, "\"" + s + R"(" is not a date "YYYY-MM-DD")");
    return d;
  }

  static LocalizedText text(const pb::LocalizedText &t) { return {t.zh_cn(), t.en()}; }

  std::vector<Citation> citations(const gp::RepeatedPtrField<pb::Citation> &in,
                                  const std::string &p) {
    std::vector<Citation> out;
    for (int i = 0; i < in.size(); ++i) {
      const pb::Citation &c = in.Get(i);
      const std::string at = p + idx("citations", i);
      if (!c.document().empty() || !c.document_number().empty() || c.year() != 0) {
        fail(at + ".document", "titles are never typed inline: cite the document by key");
      }
      Citation o;
      o.key = c.key();
      o.article = c.article();
      o.item = c.item();
      o.verification = enum_value<Verification>(c.verification(), pb::Verification_IsValid,
                                                at + ".verification");
      o.supports = c.supports();
      out.push_back(std::move(o));
    }
    return out;
  }

  Actor actor(const pb::Actor &in, const std::string &p) {
    Actor a;
    a.role = enum_value<ActorRole>(in.role(), pb::ActorRole_IsValid, p + "role");
    a.bodies = enum_values<AuthorityKind>(in.bodies(), pb::AuthorityKind_IsValid, p + "bodies");
    a.level = enum_value<AuthorityLevel>(in.level(), pb::AuthorityLevel_IsValid, p + "level");
    a.text = text(in.text());
    return a;
  }

  Threshold threshold(const pb::Threshold &in, const std::string &p) {
    return Threshold{in.numerator(), in.denominator(), in.inclusive(),
                     enum_value<MajorityBase>(in.base(), pb::MajorityBase_IsValid, p + "base")};
  }

  void stage(const pb::Stage &in, const std::string &p, Stage &out) {
    out.key = in.key();
    out.name = text(in.name());
    out.text = text(in.text());
    out.entry = enum_value<StageEntry>(in.entry(), pb::StageEntry_IsValid, p + "entry");
    out.branch_from = in.branch_from();
    out.actor = actor(in.actor(), p + "actor.");
    for (int i = 0; i < in.facts_size(); ++i) {
      const pb::FactRequirement &f = in.facts(i);
      out.facts.push_back(FactRequirement{
          f.key(), text(f.name()),
          enum_value<FactType>(f.type(), pb::FactType_IsValid, p + idx("facts", i) + ".type"),
          f.required()});
    }
    for (const pb::DocumentRequirement &d : in.documents()) {
      out.documents.push_back(DocumentRequirement{d.key(), text(d.name()), d.required()});
    }
    for (int i = 0; i < in.guards_size(); ++i) {
      const pb::Guard &g = in.guards(i);
      const std::string gp_ = p + idx("guards", i) + ".";
      Guard o;
      o.kind = enum_value<GuardKind>(g.kind(), pb::GuardKind_IsValid, gp_ + "kind");
      o.stages.assign(g.stages().begin(), g.stages().end());
      o.fact_stage = g.fact_stage();
      o.fact = g.fact();
      if (g.has_quorum()) {
        o.quorum = Quorum{threshold(g.quorum().attendance(), gp_ + "quorum.attendance."),
                          threshold(g.quorum().majority(), gp_ + "quorum.majority."),
                          citations(g.quorum().citations(), gp_ + "quorum.")};
      }
      if (g.has_approver()) {
        o.approver = actor(g.approver(), gp_ + "approver.");
      }
      o.text = text(g.text());
      o.citations = citations(g.citations(), gp_);
      out.guards.push_back(std::move(o));
    }
    if (in.has_deadline()) {
      const pb::Deadline &d = in.deadline();
      const std::string dp = p + "deadline.";
      out.deadline = Deadline{
          d.amount(),
          enum_value<PeriodUnit>(d.unit(), pb::PeriodUnit_IsValid, dp + "unit"),
          DeadlineAnchor{
              d.from().stage(),
              enum_value<AnchorPoint>(d.from().point(), pb::AnchorPoint_IsValid, dp + "from.point"),
              d.from().fact()},
          d.roll_forward(),
          enum_value<DeadlineEffect>(d.effect(), pb::DeadlineEffect_IsValid, dp + "effect"),
          text(d.text()),
          citations(d.citations(), dp)};
    }
    for (int i = 0; i < in.outcomes_size(); ++i) {
      const pb::Outcome &o = in.outcomes(i);
      const std::string op = p + idx("outcomes", i) + ".";
      out.outcomes.push_back(Outcome{
          o.key(), text(o.name()), o.next(), o.ends(),
          enum_values<AdjustmentMethod>(o.methods(), pb::AdjustmentMethod_IsValid, op + "methods"),
          enum_values<AccountabilityForm>(o.forms(), pb::AccountabilityForm_IsValid, op + "forms"),
          citations(o.citations(), op),
          enum_value<ExemptionDecision>(o.exemption_decision(), pb::ExemptionDecision_IsValid,
                                        op + "exemption_decision")});
    }
    out.suspends_execution = in.suspends_execution();
    out.optional = in.optional();
    out.citations = citations(in.citations(), p);
  }

  Status status_;
};

void put(const LocalizedText &t, pb::LocalizedText &o) { encode(t, o); }

void put(const Actor &a, pb::Actor &o) {
  o.set_role(static_cast<pb::ActorRole>(a.role));
  for (const AuthorityKind b : a.bodies) o.add_bodies(static_cast<pb::AuthorityKind>(b));
  o.set_level(static_cast<pb::AuthorityLevel>(a.level));
  put(a.text, *o.mutable_text());
}

void put(const Threshold &t, pb::Threshold &o) {
  o.set_numerator(t.numerator);
  o.set_denominator(t.denominator);
  o.set_inclusive(t.inclusive);
  o.set_base(static_cast<pb::MajorityBase>(t.base));
}

// A citation as a file writes it: the key, never the title filled from the registry.
void put(const std::vector<Citation> &in, gp::RepeatedPtrField<pb::Citation> &out) {
  for (const Citation &c : in) {
    pb::Citation &o = *out.Add();
    o.set_key(c.key);
    o.set_article(c.article);
    o.set_item(c.item);
    o.set_verification(static_cast<pb::Verification>(c.verification));
    o.set_supports(c.supports);
  }
}

}  // namespace

Status decode(const pb::ProcedureDefinition &in, const std::string &path,
              ProcedureDefinition &out) {
  Decoder d;
  d.definition(in, path, out);
  return d.status();
}

StatusOr<std::vector<ProcedureDefinition>> parse_procedures_text(std::string_view text,
                                                                 std::string_view source) {
  if (text.size() > kMaxProcedureBytes) {
    return Status(StatusCode::kResourceExhausted, "larger than 16 MiB", std::string(source));
  }
  pb::ProcedureDefinitions msg;
  FirstError errors{std::string(source)};
  gp::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.AllowUnknownField(false);
  if (!parser.ParseFromString(std::string(text), &msg)) {
    if (!errors.status().ok()) return errors.status();
    return invalid_argument(std::string(source),
                            "not a cadre.v1.ProcedureDefinitions in text format");
  }
  if (msg.procedures_size() > kMaxProcedures) {
    return Status(StatusCode::kResourceExhausted,
                  "more than " + std::to_string(kMaxProcedures) + " definitions", "procedures");
  }
  std::vector<ProcedureDefinition> out;
  out.reserve(static_cast<std::size_t>(msg.procedures_size()));
  for (int i = 0; i < msg.procedures_size(); ++i) {
    if (Status st = decode(msg.procedures(i), idx("procedures", i) + ".", out.emplace_back());
        !st.ok()) {
      return st;
    }
  }
  return out;
}

Status add_procedures_text(ProcedureSet &set, std::string_view text, std::string_view source) {
  StatusOr<std::vector<ProcedureDefinition>> parsed = parse_procedures_text(text, source);
  if (!parsed.ok()) {
    return parsed.status();
  }
  ProcedureSet next = set;  // every definition, or none
  std::vector<ProcedureDefinition> &list = parsed.value();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (Status st = next.add(std::move(list[i])); !st.ok()) {
      return {st.code(), st.message(),
              "procedures[" + std::to_string(i) + "]" +
                  (st.field().empty() ? std::string() : "." + st.field())};
    }
  }
  set = std::move(next);
  return {};
}

void encode(const ProcedureDefinition &in, pb::ProcedureDefinition &out) {
  const auto day = [](const std::optional<Date> &d) { return d ? d->to_string() : std::string(); };
  out.set_id(in.id);
  out.set_version(in.version);
  out.set_kind(static_cast<pb::ProcedureKind>(in.kind));
  put(in.title, *out.mutable_title());
  out.set_rule_set(in.rule_set);
  out.set_jurisdiction(in.jurisdiction);
  out.set_effective_from(day(in.effective_from));
  out.set_effective_to(day(in.effective_to));
  put(in.citations, *out.mutable_citations());
  put(in.completeness, *out.mutable_completeness());
  for (const Document &d : in.documents) {
    pb::Document &o = *out.add_documents();
    o.set_key(d.key);
    o.set_title(d.title);
    o.set_title_en(d.title_en);
    o.set_document_number(d.document_number);
    o.set_issuer(d.issuer);
    o.set_issued_on(day(d.issued_on));
    o.set_in_force_from(day(d.in_force_from));
    o.set_superseded_by(d.superseded_by);
    o.set_superseded_on(day(d.superseded_on));
    o.set_verification(static_cast<pb::Verification>(d.verification));
    o.set_source_note(d.source_note);
    o.set_evidence_only(d.evidence_only);
    o.set_jurisdiction(d.jurisdiction);
  }
  for (const Stage &s : in.stages) {
    pb::Stage &o = *out.add_stages();
    o.set_key(s.key);
    put(s.name, *o.mutable_name());
    put(s.text, *o.mutable_text());
    o.set_entry(static_cast<pb::StageEntry>(s.entry));
    o.set_branch_from(s.branch_from);
    put(s.actor, *o.mutable_actor());
    for (const FactRequirement &f : s.facts) {
      pb::FactRequirement &fo = *o.add_facts();
      fo.set_key(f.key);
      put(f.name, *fo.mutable_name());
      fo.set_type(static_cast<pb::FactType>(f.type));
      fo.set_required(f.required);
    }
    for (const DocumentRequirement &d : s.documents) {
      pb::DocumentRequirement &dout = *o.add_documents();
      dout.set_key(d.key);
      put(d.name, *dout.mutable_name());
      dout.set_required(d.required);
    }
    for (const Guard &g : s.guards) {
      pb::Guard &go = *o.add_guards();
      go.set_kind(static_cast<pb::GuardKind>(g.kind));
      for (const std::string &k : g.stages) go.add_stages(k);
      go.set_fact_stage(g.fact_stage);
      go.set_fact(g.fact);
      if (g.quorum) {
        put(g.quorum->attendance, *go.mutable_quorum()->mutable_attendance());
        put(g.quorum->majority, *go.mutable_quorum()->mutable_majority());
        put(g.quorum->citations, *go.mutable_quorum()->mutable_citations());
      }
      if (g.approver) put(*g.approver, *go.mutable_approver());
      put(g.text, *go.mutable_text());
      put(g.citations, *go.mutable_citations());
    }
    if (s.deadline) {
      pb::Deadline &d = *o.mutable_deadline();
      d.set_amount(s.deadline->amount);
      d.set_unit(static_cast<pb::PeriodUnit>(s.deadline->unit));
      d.mutable_from()->set_stage(s.deadline->from.stage);
      d.mutable_from()->set_point(static_cast<pb::AnchorPoint>(s.deadline->from.point));
      d.mutable_from()->set_fact(s.deadline->from.fact);
      d.set_roll_forward(s.deadline->roll_forward);
      d.set_effect(static_cast<pb::DeadlineEffect>(s.deadline->effect));
      put(s.deadline->text, *d.mutable_text());
      put(s.deadline->citations, *d.mutable_citations());
    }
    for (const Outcome &oc : s.outcomes) {
      pb::Outcome &oo = *o.add_outcomes();
      oo.set_key(oc.key);
      put(oc.name, *oo.mutable_name());
      oo.set_next(oc.next);
      oo.set_ends(oc.ends);
      for (const AdjustmentMethod m : oc.methods) {
        oo.add_methods(static_cast<pb::AdjustmentMethod>(m));
      }
      for (const AccountabilityForm f : oc.forms) {
        oo.add_forms(static_cast<pb::AccountabilityForm>(f));
      }
      put(oc.citations, *oo.mutable_citations());
      oo.set_exemption_decision(static_cast<pb::ExemptionDecision>(oc.exemption_decision));
    }
    o.set_suspends_execution(s.suspends_execution);
    o.set_optional(s.optional);
    put(s.citations, *o.mutable_citations());
  }
}

}  // namespace cadre::codec
