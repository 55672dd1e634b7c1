// Rule predicates of the screening engine. Every number comes from the
// compiled rule (the catalogue); every finding says which facts made it true.
#include "screening/predicates.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>

#include "cadre/labels.hpp"
#include "catalogue/parameter_number.hpp"
#include "exemption/exemption.hpp"
#include "screening/explain.hpp"
#include "up/citations.hpp"

namespace cadre::detail {
namespace {

std::string str(std::string_view v) { return std::string(v); }

std::string d2s(const std::optional<Date> &d) { return d ? d->to_string() : std::string(); }

std::string rec_path(std::string_view path, const char *list, std::size_t i) {
  return std::string(path) + "." + list + "[" + std::to_string(i) + "]";
}

bool in(const std::vector<int> &v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// A record of the cadre already carried out as an adjustment: nothing left to screen.
bool adjusted(const Cadre &c, const std::string &record_id, Date as_of) {
  return std::ranges::any_of(c.adjustments, [&](const Adjustment &a) {
    return a.basis_id == record_id && a.executed_on && *a.executed_on <= as_of;
  });
}

// A new finding appended to @p out: a spare one of the context's pool when it has one.
Finding &new_finding(const ScreenContext &ctx, std::vector<Finding> &out) {
  return ctx.pool != nullptr ? ctx.pool->next(out) : out.emplace_back();
}

// A new element of a finding's list, from the pool's spares when there are (its
// old value still in it: the caller sets every field).
template <typename T>
T &add(const ScreenContext &ctx, std::vector<T> &list) {
  return ctx.pool != nullptr ? ctx.pool->add(list) : list.emplace_back();
}

// Appends the citations of @p in that may be cited on the as-of date (cite_as_of).
void cite_into(const ScreenContext &ctx, const std::vector<Citation> &in,
               std::vector<Citation> &out) {
  for (const Citation &c : in) {
    const Document *d =
        ctx.set != nullptr ? ctx.set->document(c.key) : find_builtin_document(c.key);
    if (d == nullptr || d->citable_on(ctx.as_of)) {
      add(ctx, out) = c;
    }
  }
}

// Appends a fact with its name and value; its field path is left empty for the caller.
Fact &fact(const ScreenContext &ctx, Finding &f, std::string_view name, std::string_view value) {
  Fact &x = add(ctx, f.facts);
  x.name.assign(name);
  x.value.assign(value);
  x.field_path.clear();
  return x;
}

// Appends a reference to a record of the cadre.
void record(const ScreenContext &ctx, Finding &f, RecordKind kind, std::string_view id) {
  RecordRef &r = add(ctx, f.records);
  r.kind = kind;
  r.id.assign(id);
  r.cadre_id.clear();
}

// The common part of a finding of a catalogue rule, appended to @p out: its
// citations as of the date (no document not yet in force), its first
// deadline (a host's policy).
Finding &start(std::vector<Finding> &out, const CompiledRule &cr, const ScreenContext &ctx,
               Date effective, Determination determination) {
  const Rule &r = *cr.rule;
  Finding &f = new_finding(ctx, out);
  f.cadre_id = ctx.cadre.id;
  f.rule_id = r.id;
  f.channel = r.channel;
  f.heading = r.heading;
  cite_into(ctx, r.citations, f.citations);
  f.allowed_methods = r.methods;
  f.determination = determination;
  f.effective_date = effective;
  f.procedure = static_cast<ProcedureKind>(r.procedure);
  if (cr.first_deadline_days > 0) {
    f.first_deadline = effective.add_days(cr.first_deadline_days);
  }
  f.catalogue = cr.catalogue;
  f.status = FindingStatus::kActive;
  return f;
}

// Appends the convention, "。依<basis>：<rule text>" and the heading to both
// explanations, which the caller has begun in f.explanation.
void explain_here(Finding &f, const CompiledRule &cr, const ScreenContext &ctx) {
  const Rule &r = *cr.rule;
  std::string &zh = f.explanation.zh_cn;
  std::string &en = f.explanation.en;
  if (cr.has_convention) {
    cat(zh, "（期间", counting_zh_view(cr.counting), "，", threshold_zh_view(cr.threshold), "）");
    cat(en, " (", counting_en_view(cr.counting), "; ", threshold_en_view(cr.threshold), ")");
    if (ctx.up != nullptr) {
      if (const UpRule *conv = ctx.up->at("period-conventions", ctx.as_of)) {
        cite_into(ctx, conv->rule->citations, f.citations);
      }
    }
  }
  zh += "。依";
  en += ". Under ";
  if (const Citation *basis = basis_of(f.citations)) {
    append_cite_name(zh, *basis);
    append_cite_name(en, *basis);
  } else {
    zh += r.id;
    en += r.id;
  }
  cat(zh, "：", r.text.zh_cn);
  cat(en, ": ", r.text.en);
  if (f.heading != Heading::kUnspecified) {
    cat(zh, "（归入“", label(f.heading, Language::kZhCn),
        "”：按江西文章六类“者下”归类，为本项目的理解）");
    cat(en, " (grouped under \"", label(f.heading, Language::kEn),
        "\": the six 者下 headings of the Jiangxi article, as this project reads them)");
  }
  if (f.first_deadline) {
    const Parameter *p = r.parameter("first_deadline_days");
    if (p != nullptr && p->host_policy) {
      const std::string due = f.first_deadline->to_string();
      cat(zh, "首个办理期限", due, "为主管机关政策，无全国性依据。");
      cat(en, " The first deadline, ", due, ", is a host's policy with no national source.");
    }
  }
}

// explain_here() with the explanations begun in @p zh and @p en.
void explain(Finding &f, const CompiledRule &cr, const ScreenContext &ctx, std::string_view zh,
             std::string_view en) {
  f.explanation.zh_cn.assign(zh);
  f.explanation.en.assign(en);
  explain_here(f, cr, ctx);
}

// 容错: the decision about a record a finding rests on. A 免责 decision listing the
// catalogue's screening effect marks the finding exempted (shown, not counted);
// every decision considered is noted.
void exemption(Finding &f, const ScreenContext &ctx, const RecordRef &record) {
  const Exemption e =
      exemption_for(ctx.cadre, record, Asking::kScreening, ctx.as_of, ctx.up, ctx.set);
  if (!e.any()) {
    return;
  }
  if (e.cancelled()) {
    f.status = FindingStatus::kExempted;
    f.next_step = {"不作负面评价，不予调整；保留记录备查。",
                   "No negative evaluation and no adjustment; keep the record on file."};
    f.citations.insert(f.citations.end(), e.note.citations.begin(), e.note.citations.end());
  }
  f.explanation.zh_cn += e.note.explanation.zh_cn;
  f.explanation.en += " " + e.note.explanation.en;
  f.exemptions.push_back(e.note);
}

// An approved delay (延迟免职（退休）, 2015 规定 第五条) running on the as-of date
// suspends an age-limit finding until it ends.
void delay(Finding &f, const ScreenContext &ctx, const std::string &post_id) {
  for (std::size_t i = 0; i < ctx.cadre.age_limit_delays.size(); ++i) {
    const AgeLimitDelay &d = ctx.cadre.age_limit_delays[i];
    if ((!d.post_id.empty() && d.post_id != post_id) || !d.until) {
      continue;
    }
    const std::string dp = rec_path(ctx.path, "age_limit_delays", i);
    if (!d.approved_on || ctx.as_of < *d.approved_on) {
      if (d.proposed_on && *d.proposed_on <= ctx.as_of) {
        f.explanation.zh_cn += "党委（党组）已于" + d.proposed_on->to_string() +
                               "提出延迟免职意见（记录" + d.id +
                               "），但尚未经上一级党组织同意，不停止处理。";
        f.explanation.en += " The committee proposed a delay on " + d.proposed_on->to_string() +
                            " (record " + d.id +
                            "), not yet approved one level up: the finding stands.";
      }
      continue;
    }
    if (*d.until < ctx.as_of) {
      continue;  // the delay has ended
    }
    f.status = FindingStatus::kSuspended;
    f.records.push_back({RecordKind::kAgeLimitDelay, d.id, {}});
    f.facts.push_back({"delay_until", d.until->to_string(), dp + ".until"});
    f.next_step = {
        "延迟至" + d.until->to_string() + "，期满后按照有关规定程序办理免职（退休）手续。",
        "Delayed until " + d.until->to_string() +
            "; when it ends, the removal (retirement) follows the prescribed procedure."};
    f.explanation.zh_cn += "经上一级党组织于" + d.approved_on->to_string() +
                           "同意延迟免职（退休）至" + d.until->to_string() + "（记录" + d.id +
                           "），延迟期间暂缓办理。";
    f.explanation.en += " A delay was approved one level up on " + d.approved_on->to_string() +
                        " until " + d.until->to_string() + " (record " + d.id +
                        "): the finding is suspended while it runs.";
    return;
  }
}

// The posts of 《党政领导干部职务任期暂行规定》 第二条: members of local party
// committee and government leaderships at county level and above, and
// principals (正职) of organs at county level and above. Deputies of
// departments, township posts and the heads of internal units (内设机构, e.g.
// the 处长 of a provincial department) are outside it.
bool in_term_scope(const Post &p) noexcept {
  if (p.kind != PostKind::kLeadership || p.internal_unit) {
    return false;  // 内设机构领导 (e.g. 处长 of a department's internal unit) are outside it
  }
  if (p.local_party_or_government_leader && at_or_above_county(p.rank_level)) {
    return true;  // 县级以上地方党委、政府领导成员
  }
  switch (p.rank_level) {
    case RankLevel::kProvincePrincipal:
    case RankLevel::kBureauPrincipal:
    case RankLevel::kCountyPrincipal:
      return true;
    default:
      return false;
  }
}

}  // namespace

void prepare(ScreenContext &ctx) noexcept {
  ctx.recent_count = 0;
  for (const AnnualAssessment &a : ctx.cadre.assessments) {
    const bool known = a.decided_on ? *a.decided_on <= ctx.as_of : a.year < ctx.as_of.year();
    if (!known) {
      continue;
    }
    // Insertion into the latest-first array, keeping at most its size.
    std::size_t i = ctx.recent_count;
    if (i == ctx.recent.size()) {
      if (ctx.recent[i - 1]->year >= a.year) {
        continue;
      }
      --i;
    } else {
      ++ctx.recent_count;
    }
    while (i > 0 && ctx.recent[i - 1]->year < a.year) {
      ctx.recent[i] = ctx.recent[i - 1];
      --i;
    }
    ctx.recent[i] = &a;
  }
}

long highest_rank_post(const Cadre &c, Date day) noexcept {
  long best = -1;
  for (std::size_t i = 0; i < c.posts.size(); ++i) {
    const Post &p = c.posts[i];
    if (!p.held_on(day)) {
      continue;
    }
    const int n = static_cast<int>(p.rank_level);
    const bool known = n >= 1 && n <= 8;
    if (best < 0) {
      best = static_cast<long>(i);
      continue;
    }
    const int b = static_cast<int>(c.posts[static_cast<std::size_t>(best)].rank_level);
    const bool b_known = b >= 1 && b <= 8;
    if (known && (!b_known || n < b)) {
      best = static_cast<long>(i);
    }
  }
  return best;
}

namespace {

// The finding of the retirement rule. A catalogue's rule cites its own basis
// (catalogue_retirement), so there the policy's citations are left out rather
// than copied in and replaced.
void retirement(const CompiledRule &compiled, const ScreenContext &ctx, bool policy_citations,
                std::vector<Finding> &out) {
  const RetirementPolicy &policy = compiled.retirement;
  const Cadre &c = ctx.cadre;
  const Date as_of = ctx.as_of;
  const std::string_view path = ctx.path;
  if (!c.birth_date || c.sex == Sex::kUnspecified || ctx.post < 0) {
    return;  // no post held on the as-of date: nothing to remove from
  }
  const auto post_index = std::optional<std::size_t>(static_cast<std::size_t>(ctx.post));
  const Post &post = c.posts[*post_index];
  // The age of 60 for women at county level and above does not cover every unit
  // (组通字〔2015〕14号: not state-owned enterprises): there the general age applies.
  const bool excluded = c.sex == Sex::kFemale && at_or_above_county(post.rank_level) &&
                        in(compiled.excluded_units, static_cast<int>(post.unit_kind));
  const auto age = retirement_age(
      c.sex, *c.birth_date, excluded ? RankLevel::kTownshipPrincipal : post.rank_level, policy);
  if (!age || as_of < age->reached_on) {
    return;
  }
  const AgeRule &rule = *age->rule;
  const Date birth = *c.birth_date;
  const YearsMonths reached = whole_months_between(birth, as_of);
  const std::string post_index_s = std::to_string(*post_index);
  const bool certified = c.birth_date_source == BirthDateSource::kPersonnelFile;

  // Written in place into a finding of the pool: every text is appended.
  Finding &f = new_finding(ctx, out);
  f.cadre_id = c.id;
  f.rule_id = policy.rule_id;
  f.channel = Channel::kAgeLimit;
  f.determination = certified ? Determination::kComputed : Determination::kNeedsVerification;
  f.effective_date = age->reached_on;
  f.allowed_methods.assign({AdjustmentMethod::kRemoval, AdjustmentMethod::kRetirement});

  if (policy_citations) {
    add(ctx, f.citations) = rule.base_citation;
    if (age->delay_months > 0) {
      add(ctx, f.citations) = rule.phase_in.citation;
    }
  }
  const Citation *procedure = nullptr;  // the first procedure in force
  for (const DatedCitation &dc : policy.procedure) {
    if (dc.in_force(as_of)) {
      if (policy_citations) {
        add(ctx, f.citations) = dc.citation;
      }
      if (procedure == nullptr) {
        procedure = &dc.citation;
      }
    }
  }

  const std::string birth_s = birth.to_string();
  const std::string as_of_s = as_of.to_string();
  const std::string reached_s = age->reached_on.to_string();
  cat(fact(ctx, f, "birth_date", birth_s).field_path, path, ".birth_date");
  cat(fact(ctx, f, "birth_date_source", label(c.birth_date_source, Language::kEn)).field_path, path,
      ".birth_date_source");
  cat(fact(ctx, f, "sex", label(c.sex, Language::kEn)).field_path, path, ".sex");
  cat(fact(ctx, f, "rank_level", label(post.rank_level, Language::kEn)).field_path, path, ".posts[",
      post_index_s, "].rank_level");
  append_age_code(fact(ctx, f, "age_on_as_of", {}).value, reached);
  fact(ctx, f, "age_rule", rule.id);
  append_age_code(fact(ctx, f, "base_age", {}).value, {rule.base_age_years, 0});
  fact(ctx, f, "phase_in_delay_months", std::to_string(age->delay_months));
  append_age_code(fact(ctx, f, "age_limit", {}).value, age->limit);
  fact(ctx, f, "limit_reached_on", reached_s);

  const Citation &base = rule.base_citation;
  std::string &zh = f.explanation.zh_cn;
  std::string &en = f.explanation.en;
  cat(zh, "出生日期", birth_s, "（", label(c.birth_date_source, Language::kZhCn), "）；截至",
      as_of_s, "年龄为");
  append_age_zh(zh, reached);
  cat(zh, "；现任", label(post.rank_level, Language::kZhCn), "。", rule.group.zh_cn,
      "原法定退休年龄为");
  append_age_zh(zh, {rule.base_age_years, 0});
  cat(en, "Born ", birth_s, " (", label(c.birth_date_source, Language::kEn), "); on ", as_of_s,
      " aged ");
  append_age_en(en, reached);
  cat(en, "; holds a post at ", label(post.rank_level, Language::kEn),
      " level. The original retirement age of ", rule.group.en, " is ");
  append_age_en(en, {rule.base_age_years, 0});
  // " (《base》)" in both languages.
  const auto base_doc = [&](std::string_view open, std::string_view close) {
    zh += open;
    append_cite_zh(zh, base.document, base.document_number, base.year);
    zh += close;
  };
  const PhaseIn &ph = rule.phase_in;
  const bool same_doc = ph.citation.document == base.document;
  if (age->delay_months > 0) {
    const std::string steps = std::to_string(ph.birth_months_per_step);
    const std::string delay = std::to_string(age->delay_months);
    const std::string start = ph.start.to_string();
    if (!same_doc) {
      base_doc("（", "）");
      en += " (";
      append_cite_zh(en, base.document, base.document_number, base.year);
      en += ")";
    }
    zh += "，依";
    append_cite_zh(zh, ph.citation.document, ph.citation.document_number, ph.citation.year);
    cat(zh, "自", start, "起每", steps, "个月延迟1个月，本人延迟", delay, "个月");
    en += "; under ";
    append_cite_zh(en, ph.citation.document, ph.citation.document_number, ph.citation.year);
    cat(en, " it rises from ", start, " by one month for every ", steps,
        " months of birth, for this cadre by ", delay,
        age->delay_months == 1 ? " month" : " months");
  } else if (ph.enabled && same_doc) {
    const std::string start = ph.start.to_string();
    base_doc("（", "），本人在");
    cat(zh, start, "延迟退休实施前达到，不延迟");
    en += " (";
    append_cite_zh(en, base.document, base.document_number, base.year);
    cat(en, "); this cadre reached it before the increase began on ", start,
        ", so it is not raised");
  } else {
    base_doc("（", "）");
    en += " (";
    append_cite_zh(en, base.document, base.document_number, base.year);
    en += ")";
  }
  if (excluded) {
    cat(zh, "（所在单位为", label(post.unit_kind, Language::kZhCn),
        "，县处级以上女干部60周岁退休的规定不适用）");
    cat(en, " (the unit is a ", label(post.unit_kind, Language::kEn),
        ": the age of 60 for women at county level and above does not apply)");
  }
  zh += "，本人退休年龄界限为";
  append_age_zh(zh, age->limit);
  cat(zh, "，已于", reached_s, "达到");
  en += ". The limit for this cadre is ";
  append_age_en(en, age->limit);
  cat(en, ", reached on ", reached_s);
  if (procedure != nullptr) {
    // The procedure's name is the same text in both languages.
    zh += "；依";
    append_cite_zh(zh, procedure->document, procedure->document_number, procedure->year);
    zh += procedure->article;
    zh += "，应当按照有关规定程序办理免职（退休）手续。";
    en += "; under ";
    append_cite_zh(en, procedure->document, procedure->document_number, procedure->year);
    en += procedure->article;
    en += " the cadre is to be removed from post (retired) by the prescribed procedure.";
  } else {
    zh += "。";
    en += ".";
  }
  if (!certified) {
    zh += "出生日期未经档案认定，须核实后处理。";
    en += " The birth date is not certified from the personnel file and must be verified first.";
  }
}

}  // namespace

void screen_retirement(const CompiledRule &compiled, const ScreenContext &ctx,
                       std::vector<Finding> &out) {
  retirement(compiled, ctx, true, out);
}

namespace {

void catalogue_retirement(const CompiledRule &cr, const ScreenContext &ctx,
                          std::vector<Finding> &out) {
  const std::size_t before = out.size();
  retirement(cr, ctx, false, out);
  if (out.size() == before) {
    return;
  }
  Finding &f = out.back();
  const Rule &r = *cr.rule;
  // The rule's citations, then its parameters', as of the date (f has none yet).
  cite_into(ctx, r.citations, f.citations);
  for (const Parameter &p : r.parameters) {
    if (p.citation) {
      const Document *d = ctx.set != nullptr ? ctx.set->document(p.citation->key)
                                             : find_builtin_document(p.citation->key);
      if (d == nullptr || d->citable_on(ctx.as_of)) {
        add(ctx, f.citations) = *p.citation;
      }
    }
  }
  f.heading = r.heading;
  f.allowed_methods = r.methods;
  f.procedure = static_cast<ProcedureKind>(r.procedure);
  if (cr.first_deadline_days > 0) {
    f.first_deadline = f.effective_date.add_days(cr.first_deadline_days);
  }
  f.catalogue = cr.catalogue;
  f.status = FindingStatus::kActive;
  record(ctx, f, RecordKind::kCadre, ctx.cadre.id);
  delay(f, ctx, ctx.cadre.posts[static_cast<std::size_t>(ctx.post)].id);
}

// 达到任职年龄界限: the age of leaving a leading post, per rank, from the catalogue
// ("<rank>_age"); a catalogue sets only the ranks it knows.
void tenure_age(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  const Post &post = c.posts[static_cast<std::size_t>(ctx.post)];
  if (!c.birth_date || post.kind != PostKind::kLeadership) {
    return;
  }
  int limit = 0;
  for (const auto &[rank, age] : cr.tenure_ages) {
    if (rank == static_cast<int>(post.rank_level)) {
      limit = age;
    }
  }
  if (limit == 0) {
    return;
  }
  const Date reached = c.birth_date->add_years(limit);
  if (ctx.as_of < reached) {
    return;
  }
  const bool certified = c.birth_date_source == BirthDateSource::kPersonnelFile;
  Finding &f = start(out, cr, ctx, reached,
                     certified ? Determination::kComputed : Determination::kNeedsVerification);
  const std::string post_s = std::to_string(ctx.post);
  const std::string birth_s = c.birth_date->to_string();
  const std::string limit_s = std::to_string(limit);
  const std::string reached_s = reached.to_string();
  cat(fact(ctx, f, "birth_date", birth_s).field_path, ctx.path, ".birth_date");
  cat(fact(ctx, f, "rank_level", label(post.rank_level, Language::kEn)).field_path, ctx.path,
      ".posts[", post_s, "].rank_level");
  fact(ctx, f, "tenure_age", limit_s);
  fact(ctx, f, "reached_on", reached_s);
  record(ctx, f, RecordKind::kPost, post.id);
  cat(f.explanation.zh_cn, "出生日期", birth_s, "，现任", label(post.rank_level, Language::kZhCn),
      "领导职务（任职记录", post.id, "），该职务层次任职年龄界限为", limit_s, "周岁，已于",
      reached_s, "达到", certified ? "" : "（出生日期未经档案认定，须核实）");
  cat(f.explanation.en, "born ", birth_s, ", in a leading post at ",
      label(post.rank_level, Language::kEn), " level (post ", post.id,
      "); the tenure-age limit of that level is ", limit_s, ", reached on ", reached_s,
      certified ? "" : " (birth date not certified: to be verified)");
  explain_here(f, cr, ctx);
  delay(f, ctx, post.id);
}

// 同一职位连续任职达到两个任期.
void consecutive_terms(const CompiledRule &cr, const ScreenContext &ctx,
                       std::vector<Finding> &out) {
  const Post &post = ctx.cadre.posts[static_cast<std::size_t>(ctx.post)];
  if (!in_term_scope(post) || !post.start_date) {
    return;
  }
  const TermOfOffice *last = nullptr;
  for (const TermOfOffice &t : post.terms) {
    if (t.number >= cr.terms && t.start_date && *t.start_date <= ctx.as_of &&
        (last == nullptr || t.number > last->number)) {
      last = &t;
    }
  }
  Date reached;
  if (last != nullptr) {
    reached = last->end_date ? *last->end_date
                             : detail::reached(*last->start_date, 12 * cr.term_years, cr.counting,
                                               cr.threshold);
  } else if (post.terms.empty()) {
    reached =
        detail::reached(*post.start_date, 12 * cr.terms * cr.term_years, cr.counting, cr.threshold);
  } else {
    return;
  }
  if (ctx.as_of < reached) {
    return;
  }
  Finding &f =
      start(out, cr, ctx, reached,
            last != nullptr ? Determination::kComputed : Determination::kNeedsVerification);
  const std::string post_s = std::to_string(ctx.post);
  const std::string start_s = post.start_date->to_string();
  const std::string terms_s = std::to_string(cr.terms);
  const std::string reached_s = reached.to_string();
  cat(fact(ctx, f, "post", post.id).field_path, ctx.path, ".posts[", post_s, "].id");
  cat(fact(ctx, f, "post_start", start_s).field_path, ctx.path, ".posts[", post_s, "].start_date");
  cat(fact(ctx, f, "terms_reached", terms_s).field_path, ctx.path, ".posts[", post_s, "].terms");
  fact(ctx, f, "reached_on", reached_s);
  record(ctx, f, RecordKind::kPost, post.id);
  std::string &zh = f.explanation.zh_cn;
  std::string &en = f.explanation.en;
  cat(zh, "现任", post.title, "（任职记录", post.id, "）");
  cat(en, "holds post ", post.id, " since ", start_s, "; ");
  if (last != nullptr) {
    const std::string number = std::to_string(last->number);
    const std::string began = last->start_date->to_string();
    cat(zh, "第", number, "个任期自", began, "起");
    cat(en, "term ", number, " began ", began);
  } else {
    const std::string term_years = std::to_string(cr.term_years);
    cat(zh, "未登记任期，按任职起始日", start_s, "连续计算", terms_s, "个", term_years, "年任期");
    cat(en, "no terms recorded; counted from the start in post ", start_s, " as ", terms_s,
        cr.terms == 1 ? " term of " : " terms of ", term_years,
        cr.term_years == 1 ? " year" : " years");
  }
  cat(zh, "，至", reached_s, "在同一职位连续任职达到", terms_s, "个任期");
  cat(en, "; ", terms_s, cr.terms == 1 ? " term" : " consecutive terms",
      " in the same post reached on ", reached_s);
  explain_here(f, cr, ctx);
}

// 担任同一层次领导职务累计达到15年.
void years_at_level(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  const Post &current = c.posts[static_cast<std::size_t>(ctx.post)];
  if (!in_term_scope(current) || current.rank_level == RankLevel::kUnspecified) {
    return;
  }
  // Leadership posts at the same level, as day intervals clipped to as_of,
  // merged. The buffer is the thread's, kept from cadre to cadre: this runs
  // for most cadres in leadership posts and rarely finds anything.
  struct Span {
    std::int32_t from;  // serial day numbers, both included
    std::int32_t to;
    Date start;  // `from` as a date (a serial is cheaper to compare, a date to compute with)
  };
  thread_local std::vector<Span> spans;
  spans.clear();
  for (const Post &p : c.posts) {
    if (p.kind == PostKind::kLeadership && p.rank_level == current.rank_level && p.start_date &&
        *p.start_date <= ctx.as_of) {
      const Date end = p.end_date && *p.end_date < ctx.as_of ? *p.end_date : ctx.as_of;
      spans.push_back({p.start_date->serial(), end.serial(), *p.start_date});
    }
  }
  if (spans.empty()) {
    return;
  }
  std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  std::size_t stretches = 0;  // merged in place: spans[0, stretches)
  for (const Span &s : spans) {
    if (stretches > 0 && s.from <= spans[stretches - 1].to + 1) {
      spans[stretches - 1].to = std::max(spans[stretches - 1].to, s.to);
    } else {
      spans[stretches++] = s;
    }
  }
  spans.resize(stretches);
  // Calendar arithmetic: whole months of each stretch add up; the days left
  // over from earlier stretches shorten the last one. 15 years = 180 months.
  const Date first = spans.front().start;
  const int target = cr.years * 12;
  int months = 0;
  int days = 0;
  std::optional<Date> reached;
  for (const Span &stretch : spans) {
    const Date s = stretch.start;
    const Date after = Date::from_serial(stretch.to + 1);
    // add_days(0) would only give the same date back, through two conversions.
    const Date due =
        days == 0 ? s.add_months(target - months) : s.add_months(target - months).add_days(-days);
    if (due <= after) {
      reached = due;
      break;
    }
    const YearsMonths ym = whole_months_between(s, after);
    months += ym.total_months();
    days += after.serial() - s.add_months(ym.total_months()).serial();
  }
  if (reached && cr.has_convention) {
    // The calendar arithmetic above counts from the day after (起算之日不计入) to the number
    // included (以上); the rule's own convention moves it by a day.
    if (cr.counting == Counting::kStartDayIsDayOne) {
      reached = reached->add_days(-1);
    }
    if (cr.threshold == Threshold::kMoreThan) {
      reached = reached->add_days(1);
    }
  }
  if (!reached || ctx.as_of < *reached) {
    return;
  }
  const std::int32_t total = ctx.as_of.serial() - first.serial() + 1;
  Finding &f = start(out, cr, ctx, *reached, Determination::kComputed);
  const std::string_view level_zh = label(current.rank_level, Language::kZhCn);
  const std::string_view level_en = label(current.rank_level, Language::kEn);
  const std::string first_s = first.to_string();
  const std::string reached_s = reached->to_string();
  const std::string years_s = std::to_string(cr.years);
  fact(ctx, f, "rank_level", level_en);
  fact(ctx, f, "first_day_at_level", first_s);
  fact(ctx, f, "days_since_first", std::to_string(total));
  fact(ctx, f, "reached_on", reached_s);
  for (const Post &p : c.posts) {
    if (p.kind == PostKind::kLeadership && p.rank_level == current.rank_level && p.start_date &&
        *p.start_date <= ctx.as_of) {
      record(ctx, f, RecordKind::kPost, p.id);
    }
  }
  cat(f.explanation.zh_cn, "自", first_s, "起担任", level_zh, "领导职务，已于", reached_s, "累计满",
      years_s, "年");
  cat(f.explanation.en, "in leadership posts at ", level_en, " level since ", first_s, "; ",
      years_s, cr.years == 1 ? " year" : " years", " reached on ", reached_s);
  explain_here(f, cr, ctx);
}

// 地方党委、政府领导成员在同一职位任职满十年，必须交流.
void years_in_post_local_leader(const CompiledRule &cr, const ScreenContext &ctx,
                                std::vector<Finding> &out) {
  const Post &post = ctx.cadre.posts[static_cast<std::size_t>(ctx.post)];
  // 选拔任用条例 covers local leaderships at county level and above; townships
  // apply it only by reference (参照执行), left to a local catalogue.
  if (!post.local_party_or_government_leader || !at_or_above_county(post.rank_level) ||
      !post.start_date) {
    return;
  }
  const Date reached = detail::reached(*post.start_date, 12 * cr.years, cr.counting, cr.threshold);
  if (ctx.as_of < reached) {
    return;
  }
  Finding &f = start(out, cr, ctx, reached, Determination::kComputed);
  const std::string post_s = std::to_string(ctx.post);
  const std::string start_s = post.start_date->to_string();
  const std::string reached_s = reached.to_string();
  const std::string years_s = std::to_string(cr.years);
  cat(fact(ctx, f, "post", post.id).field_path, ctx.path, ".posts[", post_s, "].id");
  cat(fact(ctx, f, "post_start", start_s).field_path, ctx.path, ".posts[", post_s, "].start_date");
  cat(fact(ctx, f, "local_party_or_government_leader", "true").field_path, ctx.path, ".posts[",
      post_s, "].local_party_or_government_leader");
  fact(ctx, f, "reached_on", reached_s);
  record(ctx, f, RecordKind::kPost, post.id);
  cat(f.explanation.zh_cn, "系地方党委、政府领导成员，自", start_s, "起任现职（任职记录", post.id,
      "），已于", reached_s, "在同一职位任职满", years_s, "年");
  cat(f.explanation.en,
      "a member of a local party committee or government leadership, in the current post (",
      post.id, ") since ", start_s, "; ", years_s, cr.years == 1 ? " year" : " years",
      " in the same post reached on ", reached_s);
  explain_here(f, cr, ctx);
}

// 因健康原因无法正常履行工作职责一年以上.
void health_spell(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  for (std::size_t i = 0; i < c.health_spells.size(); ++i) {
    const HealthSpell &h = c.health_spells[i];
    if (!h.start_date || *h.start_date > ctx.as_of) {
      continue;
    }
    const Date reached = detail::reached(*h.start_date, 12 * cr.years, cr.counting, cr.threshold);
    if (ctx.as_of < reached || (h.end_date && *h.end_date < reached) ||
        (h.end_date && *h.end_date < ctx.as_of)) {
      continue;  // not a year long, or already over
    }
    Finding &f = start(out, cr, ctx, reached, Determination::kComputed);
    const std::string i_s = std::to_string(i);
    const std::string start_s = h.start_date->to_string();
    const std::string reached_s = reached.to_string();
    const std::string years_s = std::to_string(cr.years);
    cat(fact(ctx, f, "spell_start", start_s).field_path, ctx.path, ".health_spells[", i_s,
        "].start_date");
    cat(fact(ctx, f, "continuous_leave", h.continuous_leave ? "true" : "false").field_path,
        ctx.path, ".health_spells[", i_s, "].continuous_leave");
    fact(ctx, f, "reached_on", reached_s);
    record(ctx, f, RecordKind::kHealthSpell, h.id);
    cat(f.explanation.zh_cn, "自", start_s, "起因健康原因无法正常履行工作职责（记录", h.id,
        "），已于", reached_s, "满", years_s, "年",
        h.continuous_leave ? "，且系因病连续离岗，应当免去现职" : "");
    cat(f.explanation.en, "unable to perform the duties for health reasons since ", start_s,
        " (record ", h.id, "); ", years_s, cr.years == 1 ? " year" : " years", " reached on ",
        reached_s,
        h.continuous_leave ? "; continuously away from the post, so removal applies" : "");
    explain_here(f, cr, ctx);
    return;
  }
}

// 非组织选派，个人申请离职学习期限超过一年.
void study_leave(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  for (std::size_t i = 0; i < c.study_leaves.size(); ++i) {
    const StudyLeave &s = c.study_leaves[i];
    if (s.organisation_sent || !s.start_date || *s.start_date > ctx.as_of) {
      continue;
    }
    // "超过一年": the day after one full year (the threshold of the rule).
    const Date reached = detail::reached(*s.start_date, 12 * cr.years, cr.counting, cr.threshold);
    const bool long_enough = !s.end_date || *s.end_date >= reached;
    if (ctx.as_of < reached || !long_enough) {
      continue;
    }
    Finding &f = start(out, cr, ctx, reached, Determination::kComputed);
    const std::string i_s = std::to_string(i);
    const std::string start_s = s.start_date->to_string();
    const std::string reached_s = reached.to_string();
    const std::string years_s = std::to_string(cr.years);
    cat(fact(ctx, f, "leave_start", start_s).field_path, ctx.path, ".study_leaves[", i_s,
        "].start_date");
    cat(fact(ctx, f, "leave_end", s.end_date ? s.end_date->to_string() : std::string()).field_path,
        ctx.path, ".study_leaves[", i_s, "].end_date");
    cat(fact(ctx, f, "organisation_sent", "false").field_path, ctx.path, ".study_leaves[", i_s,
        "].organisation_sent");
    fact(ctx, f, "over_limit_on", reached_s);
    record(ctx, f, RecordKind::kStudyLeave, s.id);
    cat(f.explanation.zh_cn, "自", start_s, "起个人申请离职学习（非组织选派，记录", s.id, "），于",
        reached_s, "超过", years_s, "年");
    cat(f.explanation.en,
        "on study leave applied for personally, not sent by the organisation, since ", start_s,
        " (record ", s.id, "); over ", years_s, cr.years == 1 ? " year" : " years", " on ",
        reached_s);
    explain_here(f, cr, ctx);
    return;
  }
}

// The assessments known on as_of, latest year first.
std::span<const AnnualAssessment *const> known_assessments(const ScreenContext &ctx) {
  return {ctx.recent.data(), ctx.recent_count};
}

Date decided(const AnnualAssessment &a) {
  return a.decided_on ? *a.decided_on : *Date::from_ymd(a.year, 12, 31);
}

// 年度考核被确定为不称职，或者连续两年被确定为基本称职.
void annual_grade(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const auto known = known_assessments(ctx);
  if (known.empty()) {
    return;
  }
  const AnnualAssessment &latest = *known.front();
  // The assessments the rule holds on are the latest ones: known[0, used).
  std::size_t used = 0;
  const int n = cr.basically_competent_years;
  if (latest.grade == AssessmentGrade::kIncompetent) {
    used = 1;
  } else {
    for (int k = 0; k < n && static_cast<std::size_t>(k) < known.size(); ++k) {
      const AnnualAssessment &a = *known[static_cast<std::size_t>(k)];
      if (a.year != latest.year - k || a.grade != AssessmentGrade::kBasicallyCompetent) {
        return;
      }
      ++used;
    }
    if (static_cast<int>(used) < n) {
      return;
    }
  }
  Finding &f = start(out, cr, ctx, decided(latest), Determination::kComputed);
  const std::string latest_s = std::to_string(latest.year);
  if (latest.grade == AssessmentGrade::kIncompetent) {
    cat(f.explanation.zh_cn, latest_s, "年度考核被确定为不称职");
    cat(f.explanation.en, "graded 不称职 (incompetent) in the annual assessment of ", latest_s);
  } else {
    const std::string earliest_s = std::to_string(known[used - 1]->year);
    const std::string n_s = std::to_string(n);
    cat(f.explanation.zh_cn, earliest_s, "至", latest_s, "年连续", n_s,
        "年年度考核被确定为基本称职");
    cat(f.explanation.en, "graded 基本称职 (basically competent) ", n_s, " years running, ",
        earliest_s, " to ", latest_s);
  }
  for (const AnnualAssessment *a : known.first(used)) {
    const std::string name = "grade_" + std::to_string(a->year);
    cat(fact(ctx, f, name, label(a->grade, Language::kEn)).field_path, ctx.path, ".assessments[",
        std::to_string(a - ctx.cadre.assessments.data()), "].grade");
    record(ctx, f, RecordKind::kAssessment, a->id);
  }
  explain_here(f, cr, ctx);
}

// 连续两年民主测评优秀和称职票（率）合计达不到三分之二.
void evaluation_fraction(const CompiledRule &cr, const ScreenContext &ctx,
                         std::vector<Finding> &out) {
  const auto known = known_assessments(ctx);
  const int n = cr.years > 0 ? cr.years : 2;
  if (static_cast<int>(known.size()) < n || cr.den == 0) {
    return;
  }
  for (int k = 0; k < n; ++k) {
    const AnnualAssessment &a = *known[static_cast<std::size_t>(k)];
    if (a.year != known.front()->year - k || !a.evaluation || a.evaluation->raters <= 0) {
      return;
    }
    const DemocraticEvaluation &e = *a.evaluation;
    const long long good = static_cast<long long>(e.excellent) + e.competent;
    if (good * cr.den >= cr.num * e.raters) {
      return;  // at or above the fraction
    }
  }
  const AnnualAssessment &latest = *known.front();
  Finding &f = start(out, cr, ctx, decided(latest), Determination::kComputed);
  std::string &zh = f.explanation.zh_cn;
  std::string &en = f.explanation.en;
  for (int k = 0; k < n; ++k) {
    const AnnualAssessment &a = *known[static_cast<std::size_t>(k)];
    const DemocraticEvaluation &e = *a.evaluation;
    const std::string year = std::to_string(a.year);
    const std::string good = std::to_string(static_cast<long long>(e.excellent) + e.competent);
    const std::string raters = std::to_string(e.raters);
    cat(zh, k == 0 ? "" : "，", year, "年民主测评", raters, "人参加，优秀和称职票合计", good, "票");
    cat(en, k == 0 ? "" : "; ", year, ": ", good, " excellent and competent votes of ", raters,
        " raters");
    const std::string name = "evaluation_" + year;
    Fact &x = fact(ctx, f, name, good);
    cat(x.value, "/", raters);
    cat(x.field_path, ctx.path, ".assessments[", std::to_string(&a - ctx.cadre.assessments.data()),
        "].evaluation");
    record(ctx, f, RecordKind::kAssessment, a.id);
  }
  const std::string num = std::to_string(cr.num);
  const std::string den = std::to_string(cr.den);
  const std::string n_s = std::to_string(n);
  cat(zh, "，连续", n_s, "年达不到", num, "/", den);
  cat(en, "; below ", num, "/", den, " ", n_s, " years running");
  explain_here(f, cr, ctx);
}

// A catalogue's own threshold: 不称职票 above a fraction of the raters in the latest year.
void evaluation_threshold(const CompiledRule &cr, const ScreenContext &ctx,
                          std::vector<Finding> &out) {
  const auto known = known_assessments(ctx);
  if (known.empty() || cr.den == 0 || !known.front()->evaluation) {
    return;
  }
  const AnnualAssessment &a = *known.front();
  const DemocraticEvaluation &e = *a.evaluation;
  if (e.raters <= 0 || static_cast<long long>(e.incompetent) * cr.den <= cr.num * e.raters) {
    return;
  }
  Finding &f = start(out, cr, ctx, decided(a), Determination::kComputed);
  const std::string frac = std::to_string(cr.num) + "/" + std::to_string(cr.den);
  f.facts = {{"incompetent_votes", std::to_string(e.incompetent) + "/" + std::to_string(e.raters),
              rec_path(ctx.path, "assessments",
                       static_cast<std::size_t>(&a - ctx.cadre.assessments.data())) +
                  ".evaluation.incompetent"}};
  f.records.push_back({RecordKind::kAssessment, a.id, {}});
  explain(f, cr, ctx,
          std::to_string(a.year) + "年民主测评" + std::to_string(e.raters) + "人参加，不称职票" +
              std::to_string(e.incompetent) + "票，超过" + frac,
          std::to_string(a.year) + ": " + std::to_string(e.incompetent) + " incompetent votes of " +
              std::to_string(e.raters) + " raters, above " + frac);
}

void add_warning(Finding &f, const EarlyWarning &w, std::string &zh, std::string &en) {
  f.records.push_back({RecordKind::kEarlyWarning, w.id, {}});
  f.facts.push_back({"prior_warning", str(label(w.kind, Language::kEn)), ""});
  zh += "；经" + str(label(w.kind, Language::kZhCn)) + "（" + d2s(w.issued_on) + "，记录" + w.id +
        "）后，于" + d2s(w.reviewed_on) + "核查未改正";
  en += "; after a " + str(label(w.kind, Language::kEn)) + " on " + d2s(w.issued_on) + " (record " +
        w.id + "), not corrected when reviewed on " + d2s(w.reviewed_on);
}

// The warnings given for a record (linked by id, or naming the incident), known on as_of.
std::vector<const EarlyWarning *> warnings_for(const Cadre &c, Date after, Date as_of,
                                               const std::string &warning_id,
                                               const std::string &incident_id) {
  std::vector<const EarlyWarning *> out;
  for (const EarlyWarning &w : c.early_warnings) {
    const bool linked = (!warning_id.empty() && w.id == warning_id) ||
                        (!incident_id.empty() && w.incident_id == incident_id) ||
                        (warning_id.empty() && incident_id.empty());
    if (linked && w.issued_on && *w.issued_on >= after && *w.issued_on <= as_of) {
      out.push_back(&w);
    }
  }
  return out;
}

// The 2015 precondition: a 提醒、函询 or 诫勉 given and found not heeded by as_of. Without
// one, the finding stays but its status says the precondition is not met and names the next
// step; it is never counted as "to go down". Returns the warning that met it, if any.
const EarlyWarning *precondition(Finding &f, const ScreenContext &ctx, Date after,
                                 const std::string &warning_id, const std::string &incident_id,
                                 std::string &zh, std::string &en) {
  const std::vector<const EarlyWarning *> given =
      warnings_for(ctx.cadre, after, ctx.as_of, warning_id, incident_id);
  const EarlyWarning *pending = nullptr;
  const EarlyWarning *corrected = nullptr;
  for (const EarlyWarning *w : given) {
    if (w->reviewed_on && *w->reviewed_on <= ctx.as_of) {
      if (!w->corrected) {
        add_warning(f, *w, zh, en);
        f.effective_date = std::max(f.effective_date, *w->reviewed_on);
        return w;
      }
      corrected = w;
    } else {
      pending = w;
    }
  }
  f.status = FindingStatus::kPreconditionNotMet;
  if (corrected != nullptr) {
    f.records.push_back({RecordKind::kEarlyWarning, corrected->id, {}});
    f.next_step = {"经" + str(label(corrected->kind, Language::kZhCn)) + "（" +
                       d2s(corrected->issued_on) + "，记录" + corrected->id +
                       "）后已改正：不予调整，继续跟踪了解；再次出现的，再行提醒、函询或者诫勉。",
                   "Corrected after the " + str(label(corrected->kind, Language::kEn)) + " of " +
                       d2s(corrected->issued_on) + " (record " + corrected->id +
                       "): no adjustment; keep following it, and warn again if it recurs."};
  } else if (pending != nullptr) {
    f.records.push_back({RecordKind::kEarlyWarning, pending->id, {}});
    f.next_step = {
        "核查" + str(label(pending->kind, Language::kZhCn)) + "（" + d2s(pending->issued_on) +
            "，记录" + pending->id + "）后的改正情况；经核查仍未改正的，方可认定不适宜担任现职。",
        "Check whether the cadre corrected after the " + str(label(pending->kind, Language::kEn)) +
            " of " + d2s(pending->issued_on) + " (record " + pending->id +
            "); only if not corrected may the cadre be found unsuitable."};
  } else {
    f.next_step = {"先进行提醒、函询或者诫勉；经核查没有改正的，方可认定不适宜担任现职。",
                   "First give a reminder, a letter of inquiry or an admonishment; only if the "
                   "cadre does not correct may the cadre be found unsuitable."};
  }
  zh +=
      "；2015年规定要求经组织提醒、教育或者函询、诫勉没有改正的，方可认定，此前提条件尚未满足，"
      "不计入“下”的人数";
  en +=
      "; the 2015 rules require a reminder, education, inquiry or admonishment not heeded "
      "first: that precondition is not met, and the cadre is not counted as going down";
  return nullptr;
}

// 配偶、子女移居国（境）外；配偶、子女及其配偶经商办企业.
void family_situation(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  for (std::size_t i = 0; i < c.family_situations.size(); ++i) {
    const FamilySituation &s = c.family_situations[i];
    const int kind = static_cast<int>(s.kind);
    if (!in(cr.kinds, kind) || !s.since || *s.since > ctx.as_of ||
        (s.until && *s.until < ctx.as_of) || (cr.only_when_required && !s.adjustment_required)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *s.since, Determination::kComputed);
    const std::string since_s = s.since->to_string();
    std::string &zh = f.explanation.zh_cn;
    std::string &en = f.explanation.en;
    cat(zh, label(s.kind, Language::kZhCn), "（自", since_s, "，记录", s.id, "）");
    cat(en, label(s.kind, Language::kEn), " since ", since_s, " (record ", s.id, ")");
    if (cr.rule->requires_prior_warning) {
      precondition(f, ctx, *s.since, {}, {}, zh, en);
    }
    const std::string i_s = std::to_string(i);
    cat(fact(ctx, f, "situation", label(s.kind, Language::kEn)).field_path, ctx.path,
        ".family_situations[", i_s, "].kind");
    cat(fact(ctx, f, "since", since_s).field_path, ctx.path, ".family_situations[", i_s, "].since");
    record(ctx, f, RecordKind::kFamilySituation, s.id);
    explain_here(f, cr, ctx);
    return;
  }
}

// 无正当理由拒不执行组织的分配、调动、交流等决定.
void assignment_refusal(const CompiledRule &cr, const ScreenContext &ctx,
                        std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  for (std::size_t i = 0; i < c.assignment_refusals.size(); ++i) {
    const AssignmentRefusal &r = c.assignment_refusals[i];
    if (r.proper_reason || !r.refused_on || *r.refused_on > ctx.as_of ||
        adjusted(c, r.id, ctx.as_of)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *r.refused_on, Determination::kComputed);
    const std::string rp = rec_path(ctx.path, "assignment_refusals", i);
    f.facts = {{"refused_on", r.refused_on->to_string(), rp + ".refused_on"},
               {"proper_reason", "false", rp + ".proper_reason"}};
    f.records.push_back({RecordKind::kAssignmentRefusal, r.id, {}});
    explain(
        f, cr, ctx,
        r.refused_on->to_string() + "无正当理由拒不执行组织的分配、调动或者交流决定（记录" + r.id +
            "）",
        "refused the organisation's assignment, transfer or exchange without a proper reason on " +
            r.refused_on->to_string() + " (record " + r.id + ")");
    return;
  }
}

// 问责决定采取组织调整或者组织处理.
void accountability_adjustment(const CompiledRule &cr, const ScreenContext &ctx,
                               std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  for (std::size_t i = 0; i < c.accountability_decisions.size(); ++i) {
    const AccountabilityDecision &d = c.accountability_decisions[i];
    const bool organisational =
        std::find(d.forms.begin(), d.forms.end(), AccountabilityForm::kOrganisationalAdjustment) !=
        d.forms.end();
    if (!organisational || !d.decided_on || *d.decided_on > ctx.as_of ||
        adjusted(c, d.id, ctx.as_of)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *d.decided_on, Determination::kComputed);
    if (cr.deadline_months > 0) {
      f.first_deadline = d.decided_on->add_months(cr.deadline_months);
    }
    const std::string i_s = std::to_string(i);
    const std::string decided = d.decided_on->to_string();
    cat(fact(ctx, f, "decided_on", decided).field_path, ctx.path, ".accountability_decisions[", i_s,
        "].decided_on");
    const std::size_t measures_at = f.facts.size();
    Fact &measures = fact(ctx, f, "measures", {});  // used before the next fact is added
    for (OrganisationalMeasure m : d.measures) {
      cat(measures.value, measures.value.empty() ? "" : ", ", label(m, Language::kEn));
    }
    cat(measures.field_path, ctx.path, ".accountability_decisions[", i_s, "].measures");
    cat(fact(ctx, f, "document_number", d.document_number).field_path, ctx.path,
        ".accountability_decisions[", i_s, "].document_number");
    const std::size_t decision = f.records.size();
    record(ctx, f, RecordKind::kAccountabilityDecision, d.id);
    for (const std::string &id : d.incident_ids) {
      record(ctx, f, RecordKind::kIncident, id);
    }
    const std::string due = f.first_deadline ? f.first_deadline->to_string() : std::string();
    const std::string &number = d.document_number.empty() ? d.id : d.document_number;
    std::string &zh = f.explanation.zh_cn;
    cat(zh, decided, "受到问责（问责决定", number, "），问责方式为组织调整或者组织处理（");
    const std::size_t mark = zh.size();
    for (OrganisationalMeasure m : d.measures) {
      cat(zh, zh.size() == mark ? "" : "、", label(m, Language::kZhCn));
    }
    zh += "）";
    if (!due.empty()) {
      cat(zh, "，相应手续应当于", due, "前办理完毕");
    }
    cat(f.explanation.en, "held accountable on ", decided, " (decision ", number,
        ") by organisational adjustment or treatment (", f.facts[measures_at].value, ")");
    if (!due.empty()) {
      cat(f.explanation.en, "; the paperwork is due by ", due);
    }
    explain_here(f, cr, ctx);
    exemption(f, ctx, f.records[decision]);  // exemption() does not change the records
  }
}

// 因违纪违法受到须免职的处分.
// The facts, record, explanation and error tolerance of a sanction's finding,
// written into @p f: "<date>受到党纪处分：<kind>（记录<id>），仍任现职".
void sanction_finding(Finding &f, const CompiledRule &cr, const ScreenContext &ctx,
                      std::string_view list, std::size_t i, RecordKind kind, const std::string &id,
                      Date effective_on, std::string_view kind_zh, std::string_view kind_en,
                      std::string_view what_zh, std::string_view what_en) {
  const std::string i_s = std::to_string(i);
  const std::string on = effective_on.to_string();
  cat(fact(ctx, f, "sanction", kind_en).field_path, ctx.path, ".", list, "[", i_s, "].kind");
  cat(fact(ctx, f, "effective_on", on).field_path, ctx.path, ".", list, "[", i_s, "].effective_on");
  record(ctx, f, kind, id);
  cat(f.explanation.zh_cn, on, what_zh, kind_zh, "（记录", id, "），仍任现职");
  cat(f.explanation.en, what_en, kind_en, " effective ", on, " (record ", id, "), still in post");
  explain_here(f, cr, ctx);
  exemption(f, ctx, f.records.back());  // exemption() does not change the records
}

void sanction_removal(const CompiledRule &cr, const ScreenContext &ctx, std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  const Post &post = c.posts[static_cast<std::size_t>(ctx.post)];
  const auto held_before = [&](const std::optional<Date> &eff) {
    return eff && *eff <= ctx.as_of && (!post.start_date || *post.start_date <= *eff);
  };
  for (std::size_t i = 0; i < c.party_sanctions.size(); ++i) {
    const PartySanction &s = c.party_sanctions[i];
    if (!in(cr.kinds, static_cast<int>(s.kind)) || !held_before(s.effective_on) ||
        adjusted(c, s.id, ctx.as_of)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *s.effective_on, Determination::kComputed);
    sanction_finding(f, cr, ctx, "party_sanctions", i, RecordKind::kPartySanction, s.id,
                     *s.effective_on, label(s.kind, Language::kZhCn), label(s.kind, Language::kEn),
                     "受到党纪处分：", "party sanction ");
  }
  for (std::size_t i = 0; i < c.government_sanctions.size(); ++i) {
    const GovernmentSanction &s = c.government_sanctions[i];
    if (!in(cr.government_kinds, static_cast<int>(s.kind)) || !held_before(s.effective_on) ||
        adjusted(c, s.id, ctx.as_of)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *s.effective_on, Determination::kComputed);
    sanction_finding(f, cr, ctx, "government_sanctions", i, RecordKind::kGovernmentSanction, s.id,
                     *s.effective_on, label(s.kind, Language::kZhCn), label(s.kind, Language::kEn),
                     "受到政务处分：", "government sanction ");
  }
}

// Situations that are judgements: only from recorded incidents. An incident recorded under an
// earlier catalogue's situation is judged under the rule that succeeds it (Rule::succeeds).
void recorded_incident(const CompiledRule &cr, const ScreenContext &ctx,
                       std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  const Rule &r = *cr.rule;
  for (std::size_t i = 0; i < c.incidents.size(); ++i) {
    const Incident &inc = c.incidents[i];
    const bool own =
        inc.situation_id == r.id || (!r.overrides.empty() && inc.situation_id == r.overrides);
    const bool succeeded = !own && std::find(r.succeeds.begin(), r.succeeds.end(),
                                             inc.situation_id) != r.succeeds.end();
    if (!own && !succeeded) {
      continue;
    }
    const std::optional<Date> when = inc.recorded_on ? inc.recorded_on : inc.occurred_on;
    if (!when || *when > ctx.as_of || adjusted(c, inc.id, ctx.as_of)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *when,
                       inc.verified ? Determination::kComputed : Determination::kNeedsVerification);
    std::string &zh = f.explanation.zh_cn;
    std::string &en = f.explanation.en;
    const std::string when_s = when->to_string();
    cat(zh, when_s, "记录问题线索（记录", inc.id, "），对应情形", r.id);
    cat(en, "incident recorded on ", when_s, " (record ", inc.id, "), matching situation ", r.id);
    if (succeeded) {
      cat(zh, "（记录时为情形", inc.situation_id,
          "，该规定失效后按本项认定；对应关系为本项目的理解）");
      cat(en, " (recorded as ", inc.situation_id,
          ", judged under this item once that rule ceased; the mapping is this project's "
          "reading)");
    }
    if (r.requires_prior_warning) {
      precondition(f, ctx, Date(), inc.prior_warning_id, inc.id, zh, en);
    }
    const std::string i_s = std::to_string(i);
    cat(fact(ctx, f, "situation_id", inc.situation_id).field_path, ctx.path, ".incidents[", i_s,
        "].situation_id");
    cat(fact(ctx, f, "verified", inc.verified ? "true" : "false").field_path, ctx.path,
        ".incidents[", i_s, "].verified");
    record(ctx, f, RecordKind::kIncident, inc.id);
    zh += inc.verified ? "，已经组织核实认定" : "，尚待组织核实认定";
    en += inc.verified ? "; verified by the organisation" : "; to be verified by the organisation";
    explain_here(f, cr, ctx);
    exemption(f, ctx, f.records.back());  // exemption() does not change the records
  }
}

// 自愿辞职.
void voluntary_resignation(const CompiledRule &cr, const ScreenContext &ctx,
                           std::vector<Finding> &out) {
  const Cadre &c = ctx.cadre;
  const Post &post = c.posts[static_cast<std::size_t>(ctx.post)];
  for (std::size_t i = 0; i < c.resignation_requests.size(); ++i) {
    const ResignationRequest &r = c.resignation_requests[i];
    if (r.withdrawn || !r.accepted_on || *r.accepted_on > ctx.as_of ||
        (post.start_date && *post.start_date > *r.accepted_on)) {
      continue;
    }
    Finding &f = start(out, cr, ctx, *r.accepted_on, Determination::kComputed);
    const std::string i_s = std::to_string(i);
    const std::string submitted = d2s(r.submitted_on);
    const std::string accepted = r.accepted_on->to_string();
    cat(fact(ctx, f, "submitted_on", submitted).field_path, ctx.path, ".resignation_requests[", i_s,
        "].submitted_on");
    cat(fact(ctx, f, "accepted_on", accepted).field_path, ctx.path, ".resignation_requests[", i_s,
        "].accepted_on");
    cat(fact(ctx, f, "reason", label(r.reason, Language::kEn)).field_path, ctx.path,
        ".resignation_requests[", i_s, "].reason");
    record(ctx, f, RecordKind::kResignationRequest, r.id);
    cat(f.explanation.zh_cn, submitted, "因", label(r.reason, Language::kZhCn),
        "自愿提出辞职（记录", r.id, "），", accepted, "经组织同意");
    cat(f.explanation.en, "asked on ", submitted, " to resign (", label(r.reason, Language::kEn),
        ", record ", r.id, "); accepted on ", accepted);
    explain_here(f, cr, ctx);
    return;
  }
}

// Parameter readers: the error names the parameter.
Status read_int(const Rule &r, std::string_view name, int &out, bool required) {
  const Parameter *p = r.parameter(name);
  if (p == nullptr) {
    return required ? invalid_argument("rules[" + r.id + "].parameters[" + std::string(name) + "]",
                                       "required by kind " + r.kind)
                    : Status();
  }
  const int v = catalogue::parameter_number(p->value);
  if (v < 0) {
    return invalid_argument("rules[" + r.id + "].parameters[" + std::string(name) + "].value",
                            "not a whole number from 0 to 1200");
  }
  out = v;
  return {};
}

Status read_fraction(const Rule &r, std::string_view name, long long &num, long long &den) {
  const Parameter *p = r.parameter(name);
  const std::string field = "rules[" + r.id + "].parameters[" + std::string(name) + "]";
  if (p == nullptr) {
    return invalid_argument(field, "required by kind " + r.kind);
  }
  const auto slash = p->value.find('/');
  bool read = slash != std::string::npos;
  if (read) {
    // Only what std::stoll throws is caught: out of memory stays out of memory.
    const std::string a = p->value.substr(0, slash);
    const std::string b = p->value.substr(slash + 1);
    try {
      num = std::stoll(a);
      den = std::stoll(b);
    } catch (const std::invalid_argument &) {
      read = false;
    } catch (const std::out_of_range &) {
      read = false;
    }
  }
  if (!read || num < 0 || den <= 0 || num > den) {
    return invalid_argument(field + ".value", "not a fraction a/b with 0 <= a <= b");
  }
  return {};
}

// Words joined by '_' in a parameter, mapped to enum numbers through a table.
Status read_words(const Rule &r, std::string_view name,
                  std::initializer_list<std::pair<std::string_view, int>> table,
                  std::vector<int> &out, bool required) {
  const Parameter *p = r.parameter(name);
  const std::string field = "rules[" + r.id + "].parameters[" + std::string(name) + "]";
  if (p == nullptr) {
    return required ? invalid_argument(field, "required by kind " + r.kind) : Status();
  }
  std::string rest = p->value;
  // Longest match first, so "all_children_emigrated" is not read as "all".
  while (!rest.empty()) {
    bool matched = false;
    std::size_t best_len = 0;
    int best = 0;
    for (const auto &[word, number] : table) {
      if (rest.compare(0, word.size(), word) == 0 &&
          (rest.size() == word.size() || rest[word.size()] == '_') && word.size() > best_len) {
        best_len = word.size();
        best = number;
        matched = true;
      }
    }
    if (!matched) {
      return invalid_argument(field + ".value",
                              "unknown word in "
                              " + p->value + "
                              "");
    }
    out.push_back(best);
    rest.erase(0, std::min(rest.size(), best_len + 1));
  }
  return {};
}

}  // namespace

Status compile(const Rule &r, CompiledRule &out) {
  out.rule = &r;
  out.own_dates = r.effective_from.has_value() || r.effective_to.has_value();
  out.first_deadline_days = r.first_deadline_days;
  if (auto st = read_int(r, "first_deadline_days", out.first_deadline_days, false); !st.ok()) {
    return st;
  }
  if (const Parameter *p = r.parameter("counting")) {
    const std::optional<Counting> c = counting_of(p->value);
    if (!c) {
      return invalid_argument("rules[" + r.id + "].parameters[counting].value",
                              "must be start-day-is-day-one or start-day-not-counted");
    }
    out.counting = *c;
    out.has_convention = true;
  }
  if (const Parameter *p = r.parameter("threshold")) {
    const std::optional<Threshold> t = threshold_of(p->value);
    if (!t) {
      return invalid_argument("rules[" + r.id + "].parameters[threshold].value",
                              "must be at-least or more-than");
    }
    out.threshold = *t;
    out.has_convention = true;
  } else if (r.kind == "study-leave") {
    out.threshold = Threshold::kMoreThan;  // 超过一年
  }
  for (const Consequence &c : r.consequences) {
    if (c.kind == ConsequenceKind::kDeadline && c.months > 0) {
      out.deadline_months = c.months;
    }
  }
  const std::string &k = r.kind;
  if (k == "retirement-age") {
    RetirementPolicy p = RetirementPolicy::national();
    p.rule_id = r.id;
    p.procedure.clear();
    p.procedure.push_back(DatedCitation{std::nullopt, std::nullopt,
                                        r.citations.empty() ? Citation{} : r.citations.front()});
    if (auto st = read_int(r, "male_base_age", p.male.base_age_years, true); !st.ok()) return st;
    if (auto st = read_int(r, "female_base_age", p.female.base_age_years, true); !st.ok())
      return st;
    if (auto st =
            read_int(r, "female_county_base_age", p.female_county_and_above.base_age_years, true);
        !st.ok()) {
      return st;
    }
    const Parameter *start_p = r.parameter("phase_in_start");
    p.male.phase_in.enabled = start_p != nullptr;
    p.female.phase_in.enabled = start_p != nullptr;
    if (start_p != nullptr) {
      const auto d = Date::parse(start_p->value);
      if (!d) {
        return invalid_argument("rules[" + r.id + "].parameters[phase_in_start].value",
                                "not a date");
      }
      p.male.phase_in.start = *d;
      p.female.phase_in.start = *d;
      p.female_county_and_above.phase_in.start = *d;
      int step = 4;
      if (auto st = read_int(r, "birth_months_per_step", step, true); !st.ok()) return st;
      if (step <= 0) {
        return invalid_argument("rules[" + r.id + "].parameters[birth_months_per_step].value",
                                "must be positive");
      }
      p.male.phase_in.birth_months_per_step = step;
      p.female.phase_in.birth_months_per_step = step;
      p.female_county_and_above.phase_in.birth_months_per_step = step;
      if (auto st = read_int(r, "male_max_delay", p.male.phase_in.max_delay_months, true); !st.ok())
        return st;
      if (auto st = read_int(r, "female_max_delay", p.female.phase_in.max_delay_months, true);
          !st.ok())
        return st;
      const Parameter *fc = r.parameter("female_county_phase_in");
      p.female_county_and_above.phase_in.enabled = fc != nullptr && fc->value == "true";
      p.female_county_and_above.phase_in.max_delay_months = p.female.phase_in.max_delay_months;
    } else {
      p.female_county_and_above.phase_in.enabled = false;
    }
    if (auto st =
            read_words(r, "female_county_excluded_units",
                       {{"state-enterprise", static_cast<int>(UnitKind::kStateEnterprise)},
                        {"public-institution", static_cast<int>(UnitKind::kPublicInstitution)},
                        {"mass-organisation", static_cast<int>(UnitKind::kMassOrganisation)}},
                       out.excluded_units, false);
        !st.ok()) {
      return st;
    }
    out.retirement = std::move(p);
  } else if (k == "consecutive-terms") {
    if (auto st = read_int(r, "terms", out.terms, true); !st.ok()) return st;
    if (auto st = read_int(r, "term_years", out.term_years, true); !st.ok()) return st;
  } else if (k == "years-at-level" || k == "years-in-post-local-leader" || k == "health-spell" ||
             k == "study-leave") {
    if (auto st = read_int(r, "years", out.years, true); !st.ok()) return st;
  } else if (k == "annual-grade") {
    if (auto st = read_int(r, "incompetent_years", out.incompetent_years, false); !st.ok())
      return st;
    if (auto st = read_int(r, "basically_competent_years", out.basically_competent_years, false);
        !st.ok())
      return st;
    if (out.basically_competent_years > 8) {
      return invalid_argument("rules[" + r.id + "].parameters[basically_competent_years].value",
                              "at most 8 years");
    }
  } else if (k == "evaluation-fraction") {
    if (auto st = read_fraction(r, "fraction", out.num, out.den); !st.ok()) return st;
    if (auto st = read_int(r, "years", out.years, false); !st.ok()) return st;
    if (out.years > 8) {
      return invalid_argument("rules[" + r.id + "].parameters[years].value", "at most 8 years");
    }
  } else if (k == "evaluation-threshold") {
    if (auto st = read_fraction(r, "incompetent_fraction", out.num, out.den); !st.ok()) return st;
  } else if (k == "family-situation") {
    if (auto st = read_words(r, "situations",
                             {{"spouse_emigrated", 1},
                              {"all_children_emigrated", 2},
                              {"spouse_runs_business", 3},
                              {"child_runs_business", 4}},
                             out.kinds, true);
        !st.ok()) {
      return st;
    }
    const Parameter *w = r.parameter("only_when_required");
    out.only_when_required = w != nullptr && w->value == "true";
  } else if (k == "tenure-age") {
    constexpr std::pair<std::string_view, RankLevel> kRanks[] = {
        {"province_principal_age", RankLevel::kProvincePrincipal},
        {"province_deputy_age", RankLevel::kProvinceDeputy},
        {"bureau_principal_age", RankLevel::kBureauPrincipal},
        {"bureau_deputy_age", RankLevel::kBureauDeputy},
        {"county_principal_age", RankLevel::kCountyPrincipal},
        {"county_deputy_age", RankLevel::kCountyDeputy},
        {"township_principal_age", RankLevel::kTownshipPrincipal},
        {"township_deputy_age", RankLevel::kTownshipDeputy},
    };
    for (const auto &[name, rank] : kRanks) {
      int age = 0;
      if (auto st = read_int(r, name, age, false); !st.ok()) {
        return st;
      }
      if (age > 0) {
        out.tenure_ages.emplace_back(static_cast<int>(rank), age);
      }
    }
  } else if (k == "sanction-removal") {
    if (auto st = read_words(r, "party_kinds",
                             {{"warning", 1},
                              {"serious_warning", 2},
                              {"removal-from-party-post", 3},
                              {"removal_from_party_post", 3},
                              {"probation-within-party", 4},
                              {"probation_within_party", 4},
                              {"expulsion", 5}},
                             out.kinds, false);
        !st.ok()) {
      return st;
    }
    if (auto st = read_words(r, "government_kinds",
                             {{"warning", 1},
                              {"demerit", 2},
                              {"major_demerit", 3},
                              {"downgrade", 4},
                              {"dismissal-from-post", 5},
                              {"dismissal_from_post", 5},
                              {"expulsion", 6}},
                             out.government_kinds, false);
        !st.ok()) {
      return st;
    }
  }
  return {};
}

namespace {

struct Registered {
  std::string_view kind;
  Predicate fn;
  Records reads;
};

// Each predicate's records are those its loops go through (or, for the
// assessments, its early return when none is known): keep them in step.
constexpr Registered kPredicates[] = {
    {"retirement-age", catalogue_retirement, records::kAlways},
    {"consecutive-terms", consecutive_terms, records::kAlways},
    {"years-at-level", years_at_level, records::kAlways},
    {"years-in-post-local-leader", years_in_post_local_leader, records::kAlways},
    {"health-spell", health_spell, records::kHealthSpells},
    {"study-leave", study_leave, records::kStudyLeaves},
    {"annual-grade", annual_grade, records::kKnownAssessments},
    {"evaluation-fraction", evaluation_fraction, records::kKnownAssessments},
    {"evaluation-threshold", evaluation_threshold, records::kKnownAssessments},
    {"family-situation", family_situation, records::kFamilySituations},
    {"assignment-refusal", assignment_refusal, records::kAssignmentRefusals},
    {"accountability-adjustment", accountability_adjustment, records::kAccountabilityDecisions},
    {"sanction-removal", sanction_removal,
     records::kPartySanctions | records::kGovernmentSanctions},
    {"recorded-incident", recorded_incident, records::kIncidents},
    {"voluntary-resignation", voluntary_resignation, records::kResignationRequests},
    {"tenure-age", tenure_age, records::kAlways},
};

const Registered *registered(std::string_view kind) noexcept {
  for (const Registered &r : kPredicates) {
    if (r.kind == kind) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace

Predicate predicate_for(std::string_view kind) noexcept {
  const Registered *r = registered(kind);
  return r != nullptr ? r->fn : nullptr;
}

Records reads_of(std::string_view kind) noexcept {
  const Registered *r = registered(kind);
  return r != nullptr ? r->reads : records::kAlways;
}

}  // namespace cadre::detail
