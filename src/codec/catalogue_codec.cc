#include "codec/catalogue_codec.hpp"

#include "catalogue/builtin.hpp"
#include "codec/codec.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <array>
#include <set>

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

constexpr std::array<std::string_view, 16> kKinds = {
    "retirement-age",              // 到龄免职(退休)
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
    "impact-period",              // 影响期（向"上"）
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

Citation citation_field(const pb::Citation &in, const std::string &path, const Ctx &ctx) {
  Citation c;
  c.document = in.document();
  c.document_number = in.document_number();
  c.year = in.year();
  c.article = in.article();
  c.item = in.item();
  c.supports = in.supports();
  if (c.document.empty()) {
    ctx.error(path + ".document", "required");
  }
  if (c.year != 0 && (c.year < 1949 || c.year > 9999)) {
    ctx.error(path + ".year", "out of range");
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
    rule.channel = enum_field<Channel>(r.channel(), pb::Channel_IsValid, p + ".channel",
                                       r.kind() != "impact-period", ctx);
    rule.heading =
        enum_field<Heading>(r.heading(), pb::Heading_IsValid, p + ".heading", false, ctx);
    if (r.citations_size() == 0) {
      ctx.error(p + ".citations", "at least one citation is required");
    }
    for (int j = 0; j < r.citations_size(); ++j) {
      rule.citations.push_back(
          citation_field(r.citations(j), p + ".citations[" + std::to_string(j) + "]", ctx));
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
    bool known = false;
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
        param.citation = citation_field(pp.citation(), q + ".citation", ctx);
      }
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

StatusOr<CatalogueSet> load_builtin() {
  CatalogueSet set;
  for (const auto &b : detail::builtin_catalogues()) {
    Catalogue c;
    std::vector<Status> errors;
    if (!parse_catalogue_text(b.text, b.file, c, errors)) {
      const Status &e = errors.front();
      return Status(StatusCode::kInternal, std::string(b.file) + ": " + e.to_string());
    }
    if (auto st = set.add(std::move(c)); !st.ok()) {
      return Status(StatusCode::kInternal, std::string(b.file) + ": " + st.to_string());
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
  }
}

}  // namespace cadre::codec
