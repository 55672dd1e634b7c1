#include "codec/catalogue_codec.hpp"
#include "codec/codec.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <array>
#include <set>

#include "up/up_rules.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

// Kinds screened for going "down" (each has a predicate in the engine), then the
// kinds of going "up" and of the period conventions (src/up/up_rules.cc).
constexpr std::array<std::string_view, 16> kKinds = {
    "retirement-age",              // 到龄免职(退休)
    "tenure-age",                  // 达到任职年龄界限
    "consecutive-terms",           // 同一职位连续任职两个任期
    "years-at-level",              // 同一层次领导职务累计15年
    "years-in-post-local-leader",  // 地方党政领导同一职位满10年交流
    "health-spell",                // 因健康原因无法正常履职1年以上
    "study-leave",                 // 非组织选派离职学习超过1年
    "annual-grade",                // 年度考核不称职 / 连续两年基本称职
    "evaluation-fraction",   // 连续两年民主测评优秀和称职票合计不足三分之二
    "evaluation-threshold",  // 地方规定的民主测评阈值
    "family-situation",      // 配偶子女移居、经商办企业
    "assignment-refusal",    // 无正当理由拒不服从组织安排
    "accountability-adjustment",  // 问责决定为组织调整或者组织处理
    "sanction-removal",           // 党纪政务处分须免职
    "recorded-incident",          // 经组织认定的情形
    "voluntary-resignation",      // 自愿辞职申请
};

// Collects text-format syntax errors with line and column.
class Collector final : public gp::io::ErrorCollector {
 public:
  Collector(std::string source, std::vector<Status> &errors)
      : source_(std::move(source)), errors_(errors) {}
  void AddError(int line, gp::io::ColumnNumber column, const std::string &message) override {
    errors_.emplace_back(StatusCode::kInvalidArgument,
                         "line " + std::to_string(line + 1) + " column " +
                             std::to_string(column + 1) + ": " + message,
                         source_);
  }
  void AddWarning(int /*line*/, gp::io::ColumnNumber /*column*/,
                  const std::string & /*message*/) override {}

 private:
  std::string source_;
  std::vector<Status> &errors_;
};

struct Ctx {
  std::vector<Status> &errors;
  void error(std::string field, std::string message) const {
    errors.emplace_back(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
};

std::optional<Date> date_field(const std::string &text, const std::string &path, const Ctx &ctx) {
  if (text.empty()) {
    return std::nullopt;
  }
  const auto d = Date::parse(text);
  if (!d) {
    ctx.error(path, "not a date of the form YYYY-MM-DD");
  }
  return d;
}

template <typename Enum>
Enum enum_field(int number, bool (*valid)(int), const std::string &path, bool required,
                const Ctx &ctx) {
  if (!valid(number)) {
    ctx.error(path, "value " + std::to_string(number) + " is unknown to this version of cadre");
  } else if (required && number == 0) {
    ctx.error(path, "required");
  }
  return static_cast<Enum>(number);
}

void text_field(const pb::LocalizedText &in, const std::string &path, bool required,
                LocalizedText &out, const Ctx &ctx) {
  out.zh_cn = in.zh_cn();
  out.en = in.en();
  if (required && out.zh_cn.empty()) {
    ctx.error(path + ".zh_cn", "required");
  }
  if (required && out.en.empty()) {
    ctx.error(path + ".en", "required");
  }
}

// The documents a catalogue may cite: the library's registry and its own.
struct Documents {
  const std::vector<Document> &own;
  [[nodiscard]] const Document *find(std::string_view key) const noexcept {
    for (const Document &d : own) {
      if (d.key == key) {
        return &d;
      }
    }
    return find_builtin_document(key);
  }
};

// A citation names a registered document by key; the title, 文号, year and the
// evidence flag come from the registry, never from the catalogue.
Citation citation_field(const pb::Citation &in, const std::string &path, const Documents &docs,
                        const Ctx &ctx) {
  Citation c;
  c.key = in.key();
  c.article = in.article();
  c.item = in.item();
  c.supports = in.supports();
  if (c.key.empty()) {
    ctx.error(path + ".key", "required: the key of a registered document");
  } else if (const Document *d = docs.find(c.key)) {
    c.document = d->title;
    c.document_number = d->document_number;
    const std::optional<Date> day = d->issued_on ? d->issued_on : d->in_force_from;
    c.year = day ? day->year() : 0;
    c.evidence = d->evidence_only;
  } else {
    ctx.error(path + ".key", "no registered document with this key");
  }
  // A written-out catalogue (encode) carries the registry's values back: they
  // must be those of the key. Anything else is a title typed inline.
  if ((!in.document().empty() && in.document() != c.document) ||
      (!in.document_number().empty() && in.document_number() != c.document_number) ||
      (in.year() != 0 && in.year() != c.year)) {
    ctx.error(path + ".document",
              "titles are never typed inline: cite the document by key (the registry of sources "
              "or the catalogue's documents)");
  }
  c.verification = enum_field<Verification>(in.verification(), pb::Verification_IsValid,
                                            path + ".verification", true, ctx);
  return c;
}

bool is_number(std::string_view v) {
  if (v.empty()) {
    return false;
  }
  bool digit = false;
  bool dot = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char ch = v[i];
    if (ch >= '0' && ch <= '9') {
      digit = true;
    } else if (ch == '.' && !dot) {
      dot = true;
    } else if (ch == '-' && i == 0) {
    } else {
      return false;
    }
  }
  return digit;
}

// A parameter value is a number, a fraction "a/b", a date or a word of
// [a-z0-9-_]; anything else is a typo waiting to happen.
bool valid_value(std::string_view v) {
  if (is_number(v)) {
    return true;
  }
  if (const auto slash = v.find('/'); slash != std::string_view::npos) {
    return is_number(v.substr(0, slash)) && is_number(v.substr(slash + 1)) &&
           v.substr(slash + 1) != "0";
  }
  if (Date::parse(v)) {
    return true;
  }
  if (v.empty()) {
    return false;
  }
  return std::ranges::all_of(v, [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
  });
}

}  // namespace

std::span<const std::string_view> predicate_kinds() noexcept { return kKinds; }

bool decode(const pb::Catalogue &in, Catalogue &out, std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  const Ctx ctx{errors};
  out = Catalogue{};
  out.id = in.id();
  if (out.id.empty()) {
    ctx.error("id", "required");
  }
  out.version = in.version();
  text_field(in.title(), "title", true, out.title, ctx);
  out.jurisdiction = in.jurisdiction();
  if (out.jurisdiction.empty()) {
    ctx.error("jurisdiction", "required");
  } else if (out.jurisdiction != "CN" &&
             (out.jurisdiction.size() != 6 ||
              out.jurisdiction.find_first_not_of("0123456789") != std::string::npos)) {
    ctx.error("jurisdiction", "must be \"CN\" or a six-digit administrative division code");
  }
  out.effective_from = date_field(in.effective_from(), "effective_from", ctx);
  out.effective_to = date_field(in.effective_to(), "effective_to", ctx);
  if (!in.effective_from().empty() && !out.effective_from) {
    // reported
  } else if (in.effective_from().empty()) {
    ctx.error("effective_from", "required");
  }
  if (out.effective_from && out.effective_to && *out.effective_to < *out.effective_from) {
    ctx.error("effective_to", "before effective_from");
  }
  out.base = in.base();
  if (out.base == out.id && !out.id.empty()) {
    ctx.error("base", "a catalogue cannot build on itself");
  }
  text_field(in.completeness(), "completeness", false, out.completeness, ctx);
  {
    std::set<std::string, std::less<>> keys;
    for (int i = 0; i < in.documents_size(); ++i) {
      const std::string p =
          "documents[" +
          (in.documents(i).key().empty() ? std::to_string(i) : in.documents(i).key()) + "]";
      Document d = decode_host_document(in.documents(i), p, ctx.errors);
      if (!d.key.empty() && !keys.insert(d.key).second) {
        ctx.error(p + ".key", "duplicate key");
      }
      out.documents.push_back(std::move(d));
    }
  }
  const Documents docs{out.documents};
  if (in.rules_size() > kMaxRules) {
    ctx.error("rules", "more than " + std::to_string(kMaxRules) + " rules");
    return false;
  }
  std::set<std::string, std::less<>> ids;
  out.rules.reserve(static_cast<std::size_t>(in.rules_size()));
  for (int i = 0; i < in.rules_size(); ++i) {
    const pb::Rule &r = in.rules(i);
    const std::string p = "rules[" + (r.id().empty() ? std::to_string(i) : r.id()) + "]";
    Rule rule;
    rule.id = r.id();
    if (rule.id.empty()) {
      ctx.error(p + ".id", "required");
    } else if (!ids.insert(rule.id).second) {
      ctx.error(p + ".id", "duplicate rule id");
    }
    const bool up = detail::is_up_kind(r.kind());
    rule.channel = enum_field<Channel>(r.channel(), pb::Channel_IsValid, p + ".channel", !up, ctx);
    rule.heading =
        enum_field<Heading>(r.heading(), pb::Heading_IsValid, p + ".heading", false, ctx);
    if (r.citations_size() == 0) {
      ctx.error(p + ".citations", "at least one citation is required");
    }
    for (int j = 0; j < r.citations_size(); ++j) {
      rule.citations.push_back(
          citation_field(r.citations(j), p + ".citations[" + std::to_string(j) + "]", docs, ctx));
    }
    if (!rule.citations.empty() && rule.citations.front().evidence) {
      ctx.error(p + ".citations[0]",
                "evidence only (an article or a local text), never the legal basis: cite the "
                "basis first");
    }
    text_field(r.text(), p + ".text", true, rule.text, ctx);
    rule.effective_from = date_field(r.effective_from(), p + ".effective_from", ctx);
    rule.effective_to = date_field(r.effective_to(), p + ".effective_to", ctx);
    if (rule.effective_from && rule.effective_to && *rule.effective_to < *rule.effective_from) {
      ctx.error(p + ".effective_to", "before effective_from");
    }
    rule.overrides = r.overrides();
    if (!rule.overrides.empty() && out.base.empty()) {
      ctx.error(p + ".overrides", "the catalogue has no base to override");
    }
    rule.kind = r.kind();
    bool known = up;
    for (const std::string_view k : kKinds) {
      known = known || k == rule.kind;
    }
    if (rule.kind.empty()) {
      ctx.error(p + ".kind", "required");
    } else if (!known) {
      ctx.error(p + ".kind", "unknown predicate kind");
    }
    rule.decided_by =
        enum_field<DecidedBy>(r.decided_by(), pb::DecidedBy_IsValid, p + ".decided_by", true, ctx);
    if (rule.kind == "recorded-incident" && rule.decided_by != DecidedBy::kRecord) {
      ctx.error(p + ".decided_by", "a recorded-incident rule is decided by record");
    }
    std::set<std::string, std::less<>> names;
    for (int j = 0; j < r.parameters_size(); ++j) {
      const pb::Parameter &pp = r.parameters(j);
      const std::string q =
          p + ".parameters[" + (pp.name().empty() ? std::to_string(j) : pp.name()) + "]";
      Parameter param;
      param.name = pp.name();
      param.value = pp.value();
      param.unit = pp.unit();
      if (param.name.empty()) {
        ctx.error(q + ".name", "required");
      } else if (!names.insert(param.name).second) {
        ctx.error(q + ".name", "duplicate parameter");
      }
      if (!valid_value(param.value)) {
        ctx.error(q + ".value", "not a number, fraction, date or word");
      }
      if (pp.has_citation()) {
        param.citation = citation_field(pp.citation(), q + ".citation", docs, ctx);
      }
      param.host_policy = pp.host_policy();
      rule.parameters.push_back(std::move(param));
    }
    for (int j = 0; j < r.methods_size(); ++j) {
      rule.methods.push_back(
          enum_field<AdjustmentMethod>(r.methods(j), pb::AdjustmentMethod_IsValid,
                                       p + ".methods[" + std::to_string(j) + "]", true, ctx));
    }
    for (int j = 0; j < r.consequences_size(); ++j) {
      const pb::Consequence &c = r.consequences(j);
      const std::string q = p + ".consequences[" + std::to_string(j) + "]";
      Consequence con;
      con.kind = enum_field<ConsequenceKind>(c.kind(), pb::ConsequenceKind_IsValid, q + ".kind",
                                             true, ctx);
      con.months = c.months();
      con.days = c.days();
      if (con.months < 0 || con.months > 1200) {
        ctx.error(q + ".months", "out of range");
      }
      if (con.days < 0 || con.days > 36500) {
        ctx.error(q + ".days", "out of range");
      }
      con.best_grade = enum_field<std::int32_t>(c.best_grade(), pb::AssessmentGrade_IsValid,
                                                q + ".best_grade", false, ctx);
      text_field(c.text(), q + ".text", false, con.text, ctx);
      rule.consequences.push_back(std::move(con));
    }
    rule.procedure = enum_field<std::int32_t>(r.procedure(), pb::ProcedureKind_IsValid,
                                              p + ".procedure", false, ctx);
    rule.first_deadline_days = r.first_deadline_days();
    if (rule.first_deadline_days < 0 || rule.first_deadline_days > 3650) {
      ctx.error(p + ".first_deadline_days", "out of range");
    }
    rule.requires_prior_warning = r.requires_prior_warning();
    rule.disabled = r.disabled();
    for (int j = 0; j < r.succeeds_size(); ++j) {
      if (r.succeeds(j).empty()) {
        ctx.error(p + ".succeeds[" + std::to_string(j) + "]", "empty rule id");
      }
      rule.succeeds.push_back(r.succeeds(j));
    }
    out.rules.push_back(std::move(rule));
  }
  return errors.size() == before;
}

bool parse_catalogue_text(std::string_view text, std::string_view source, Catalogue &out,
                          std::vector<Status> &errors) {
  if (text.size() > kMaxCatalogueBytes) {
    errors.emplace_back(StatusCode::kResourceExhausted, "larger than 16 MiB", std::string(source));
    return false;
  }
  pb::Catalogue msg;
  Collector collector(std::string(source), errors);
  gp::TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  parser.AllowUnknownField(false);
  const std::size_t before = errors.size();
  if (!parser.ParseFromString(std::string(text), &msg)) {
    if (errors.size() == before) {
      errors.emplace_back(StatusCode::kInvalidArgument, "not a cadre.v1.Catalogue in text format",
                          std::string(source));
    }
    return false;
  }
  return decode(msg, out, errors);
}

namespace {

// The shipped catalogues are embedded once, as the C++ values cadre_catgen
// generates; the tests check that they equal the files validated by this codec.
StatusOr<CatalogueSet> load_builtin() {
  CatalogueSet set;
  for (Catalogue &c : builtin_catalogues()) {
    const std::string id = c.id;
    if (auto st = set.add(std::move(c)); !st.ok()) {
      return Status(StatusCode::kInternal, id + ": " + st.to_string());
    }
  }
  return set;
}

}  // namespace

const StatusOr<CatalogueSet> &builtin_catalogue_set() {
  static const StatusOr<CatalogueSet> kSet = load_builtin();
  return kSet;
}

void encode(const Catalogue &in, pb::Catalogue &out) {
  const auto put_text = [](const LocalizedText &t, pb::LocalizedText *o) { encode(t, *o); };
  const auto date = [](const std::optional<Date> &d) { return d ? d->to_string() : std::string(); };
  out.Clear();
  out.set_id(in.id);
  out.set_version(in.version);
  put_text(in.title, out.mutable_title());
  out.set_jurisdiction(in.jurisdiction);
  out.set_effective_from(date(in.effective_from));
  out.set_effective_to(date(in.effective_to));
  out.set_base(in.base);
  if (!in.completeness.zh_cn.empty() || !in.completeness.en.empty()) {
    put_text(in.completeness, out.mutable_completeness());
  }
  for (const Document &d : in.documents) {
    pb::Document *o = out.add_documents();
    o->set_key(d.key);
    o->set_title(d.title);
    o->set_title_en(d.title_en);
    o->set_document_number(d.document_number);
    o->set_issuer(d.issuer);
    o->set_issued_on(date(d.issued_on));
    o->set_in_force_from(date(d.in_force_from));
    o->set_superseded_by(d.superseded_by);
    o->set_superseded_on(date(d.superseded_on));
    o->set_verification(static_cast<pb::Verification>(d.verification));
    o->set_source_note(d.source_note);
    o->set_evidence_only(d.evidence_only);
    o->set_jurisdiction(d.jurisdiction);
  }
  for (const Rule &r : in.rules) {
    pb::Rule *o = out.add_rules();
    o->set_id(r.id);
    o->set_channel(static_cast<pb::Channel>(r.channel));
    o->set_heading(static_cast<pb::Heading>(r.heading));
    encode(r.citations, *o->mutable_citations());
    put_text(r.text, o->mutable_text());
    o->set_effective_from(date(r.effective_from));
    o->set_effective_to(date(r.effective_to));
    o->set_overrides(r.overrides);
    o->set_kind(r.kind);
    o->set_decided_by(static_cast<pb::DecidedBy>(r.decided_by));
    for (const Parameter &p : r.parameters) {
      pb::Parameter *q = o->add_parameters();
      q->set_name(p.name);
      q->set_value(p.value);
      q->set_unit(p.unit);
      if (p.citation) {
        encode(*p.citation, *q->mutable_citation());
      }
      q->set_host_policy(p.host_policy);
    }
    for (AdjustmentMethod m : r.methods) {
      o->add_methods(static_cast<pb::AdjustmentMethod>(m));
    }
    for (const Consequence &c : r.consequences) {
      pb::Consequence *q = o->add_consequences();
      q->set_kind(static_cast<pb::ConsequenceKind>(c.kind));
      q->set_months(c.months);
      q->set_days(c.days);
      q->set_best_grade(static_cast<pb::AssessmentGrade>(c.best_grade));
      if (!c.text.zh_cn.empty() || !c.text.en.empty()) {
        put_text(c.text, q->mutable_text());
      }
    }
    o->set_procedure(static_cast<pb::ProcedureKind>(r.procedure));
    o->set_first_deadline_days(r.first_deadline_days);
    o->set_requires_prior_warning(r.requires_prior_warning);
    o->set_disabled(r.disabled);
    for (const std::string &id : r.succeeds) {
      o->add_succeeds(id);
    }
  }
}

Document decode_host_document(const pb::Document &in, const std::string &path,
                              std::vector<Status> &errors) {
  const Ctx ctx{errors};
  Document d;
  d.key = in.key();
  d.title = in.title();
  d.title_en = in.title_en();
  d.document_number = in.document_number();
  d.issuer = in.issuer();
  d.issued_on = date_field(in.issued_on(), path + ".issued_on", ctx);
  d.in_force_from = date_field(in.in_force_from(), path + ".in_force_from", ctx);
  d.superseded_by = in.superseded_by();
  d.superseded_on = date_field(in.superseded_on(), path + ".superseded_on", ctx);
  d.verification = enum_field<Verification>(in.verification(), pb::Verification_IsValid,
                                            path + ".verification", true, ctx);
  d.source_note = in.source_note();
  d.evidence_only = in.evidence_only();
  d.jurisdiction = in.jurisdiction();
  const bool key_ok = !d.key.empty() && std::ranges::all_of(d.key, [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
  });
  if (!key_ok) {
    ctx.error(path + ".key", "required: lowercase letters, digits and '-'");
  } else if (find_builtin_document(d.key) != nullptr) {
    ctx.error(path + ".key", "already in the library's registry of sources: cite it by key");
  }
  if (d.title.empty()) {
    ctx.error(path + ".title", "required");
  }
  if (d.source_note.empty()) {
    ctx.error(path + ".source_note", "required: where the text was seen");
  }
  return d;
}

}  // namespace cadre::codec
