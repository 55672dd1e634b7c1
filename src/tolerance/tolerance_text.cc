// The text of tolerance models: cadre.v1.ToleranceModels in protobuf text
// format, read without protobuf (calendar/text_format.hpp), and the canonical
// text of a model for its content hash.
#include <string>
#include <string_view>
#include <vector>

#include "cadre/tolerance.hpp"
#include "calendar/text_mapper.hpp"
#include "canon.hpp"
#include "catalogue/sha256.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::kIdent;
using detail::kInt;
using detail::kMsg;
using detail::kStr;
using detail::MessageReader;
using detail::TextField;

// Maps the fields of a parsed text onto models; keeps the first error.
class Mapper : public detail::TextMapper {
 public:
  void models(const std::vector<TextField> &fields, std::vector<ToleranceModel> &out) {
    MessageReader r(fields, "", {{"models", kMsg, true}});
    if (!check(r)) return;
    const auto all = r.all("models");
    if (all.size() > kMaxToleranceItems) {
      status_ = Status(StatusCode::kResourceExhausted,
                       "more than " + std::to_string(kMaxToleranceItems) + " models", "models");
      return;
    }
    for (std::size_t i = 0; i < all.size() && status_.ok(); ++i) {
      model(all[i]->fields, detail::indexed("models", i) + ".", out.emplace_back());
    }
  }

 private:
  void citations(const MessageReader &r, std::vector<Citation> &out) {
    const auto all = r.all("citations");
    for (std::size_t i = 0; i < all.size() && status_.ok(); ++i) {
      const std::string p = r.path(detail::indexed("citations", i)) + ".";
      MessageReader c(all[i]->fields, p,
                      {{"document", kStr, false},
                       {"document_number", kStr, false},
                       {"year", kInt, false},
                       {"article", kStr, false},
                       {"item", kStr, false},
                       {"verification", kIdent, false},
                       {"supports", kStr, false},
                       {"key", kStr, false},
                       {"evidence", kIdent, false}});
      if (!check(c)) return;
      if (c.one("document") != nullptr || c.one("document_number") != nullptr ||
          c.one("year") != nullptr) {
        fail(p + "document", "titles are never typed inline: cite the document by key");
        return;
      }
      Citation &o = out.emplace_back();
      o.key = str(c, "key");
      o.article = str(c, "article");
      o.item = str(c, "item");
      o.supports = str(c, "supports");
      enum_one(c, "verification", "cadre.v1.Verification", o.verification);
      boolean(c, "evidence", o.evidence);
    }
  }

  void document(const std::vector<TextField> &fields, const std::string &p, Document &out) {
    MessageReader r(fields, p,
                    {{"key", kStr, false},
                     {"title", kStr, false},
                     {"title_en", kStr, false},
                     {"document_number", kStr, false},
                     {"issuer", kStr, false},
                     {"issued_on", kStr, false},
                     {"in_force_from", kStr, false},
                     {"superseded_by", kStr, false},
                     {"superseded_on", kStr, false},
                     {"verification", kIdent, false},
                     {"source_note", kStr, false},
                     {"evidence_only", kIdent, false},
                     {"jurisdiction", kStr, false}});
    if (!check(r)) return;
    out.key = str(r, "key");
    out.title = str(r, "title");
    out.title_en = str(r, "title_en");
    out.document_number = str(r, "document_number");
    out.issuer = str(r, "issuer");
    date(r, "issued_on", out.issued_on);
    date(r, "in_force_from", out.in_force_from);
    out.superseded_by = str(r, "superseded_by");
    date(r, "superseded_on", out.superseded_on);
    enum_one(r, "verification", "cadre.v1.Verification", out.verification);
    out.source_note = str(r, "source_note");
    boolean(r, "evidence_only", out.evidence_only);
    out.jurisdiction = str(r, "jurisdiction");
  }

  void fact(const std::vector<TextField> &fields, const std::string &p, ToleranceFactSpec &out) {
    MessageReader r(fields, p,
                    {{"key", kStr, false},
                     {"name", kMsg, false},
                     {"type", kIdent, false},
                     {"judgement", kIdent, false},
                     {"unit", kMsg, false}});
    if (!check(r)) return;
    out.key = str(r, "key");
    text(r, "name", out.name);
    enum_one(r, "type", "cadre.v1.FactType", out.type);
    boolean(r, "judgement", out.judgement);
    text(r, "unit", out.unit);
  }

  void criterion(const std::vector<TextField> &fields, const std::string &p,
                 ToleranceCriterion &out) {
    MessageReader r(fields, p,
                    {{"key", kStr, false},
                     {"name", kMsg, false},
                     {"text", kMsg, false},
                     {"fact", kStr, false},
                     {"test", kIdent, false},
                     {"threshold", kInt, false},
                     {"citations", kMsg, true}});
    if (!check(r)) return;
    out.key = str(r, "key");
    text(r, "name", out.name);
    text(r, "text", out.text);
    out.fact = str(r, "fact");
    enum_one(r, "test", "cadre.v1.CriterionTest", out.test);
    int64(r, "threshold", out.threshold);
    citations(r, out.citations);
  }

  void group(const std::vector<TextField> &fields, const std::string &p, ToleranceGroup &out) {
    MessageReader r(fields, p,
                    {{"key", kStr, false},
                     {"role", kIdent, false},
                     {"name", kMsg, false},
                     {"text", kMsg, false},
                     {"ground", kIdent, false},
                     {"exclusion", kIdent, false},
                     {"mitigation", kIdent, false},
                     {"outcomes", kIdent, true},
                     {"criteria", kMsg, true},
                     {"citations", kMsg, true},
                     {"gate", kStr, false}});
    if (!check(r)) return;
    out.key = str(r, "key");
    enum_one(r, "role", "cadre.v1.ToleranceRole", out.role);
    text(r, "name", out.name);
    text(r, "text", out.text);
    enum_one(r, "ground", "cadre.v1.ExemptionGround", out.ground);
    enum_one(r, "exclusion", "cadre.v1.ExemptionExclusion", out.exclusion);
    enum_one(r, "mitigation", "cadre.v1.MitigationKind", out.mitigation);
    enum_all(r, "outcomes", "cadre.v1.ToleranceProposal", out.outcomes);
    const auto criteria = r.all("criteria");
    if (criteria.size() > kMaxToleranceItems) {
      fail(r.path("criteria"), "more than " + std::to_string(kMaxToleranceItems) + " criteria");
    }
    for (std::size_t i = 0; i < criteria.size() && status_.ok(); ++i) {
      criterion(criteria[i]->fields, p + detail::indexed("criteria", i) + ".",
                out.criteria.emplace_back());
    }
    citations(r, out.citations);
    out.gate = str(r, "gate");
  }

  void shortening(const std::vector<TextField> &fields, const std::string &p,
                  ToleranceShortening &out) {
    MessageReader r(fields, p,
                    {{"outcome", kIdent, false},
                     {"percent", kInt, false},
                     {"text", kMsg, false},
                     {"citations", kMsg, true}});
    if (!check(r)) return;
    enum_one(r, "outcome", "cadre.v1.ToleranceProposal", out.outcome);
    int32(r, "percent", out.percent);
    text(r, "text", out.text);
    citations(r, out.citations);
  }

  void model(const std::vector<TextField> &fields, const std::string &p, ToleranceModel &out) {
    MessageReader r(fields, p,
                    {{"id", kStr, false},
                     {"version", kStr, false},
                     {"title", kMsg, false},
                     {"jurisdiction", kStr, false},
                     {"effective_from", kStr, false},
                     {"effective_to", kStr, false},
                     {"citations", kMsg, true},
                     {"completeness", kMsg, false},
                     {"facts", kMsg, true},
                     {"groups", kMsg, true},
                     {"exempt_effects", kIdent, true},
                     {"softened_effects", kIdent, true},
                     {"shortenings", kMsg, true},
                     {"documents", kMsg, true}});
    if (!check(r)) return;
    out.id = str(r, "id");
    out.version = str(r, "version");
    text(r, "title", out.title);
    out.jurisdiction = str(r, "jurisdiction");
    date(r, "effective_from", out.effective_from);
    date(r, "effective_to", out.effective_to);
    citations(r, out.citations);
    text(r, "completeness", out.completeness);
    const auto facts = r.all("facts");
    const auto groups = r.all("groups");
    if (facts.size() > kMaxToleranceItems) {
      fail(r.path("facts"), "more than " + std::to_string(kMaxToleranceItems) + " facts");
    } else if (groups.size() > kMaxToleranceItems) {
      fail(r.path("groups"), "more than " + std::to_string(kMaxToleranceItems) + " groups");
    }
    for (std::size_t i = 0; i < facts.size() && status_.ok(); ++i) {
      fact(facts[i]->fields, p + detail::indexed("facts", i) + ".", out.facts.emplace_back());
    }
    for (std::size_t i = 0; i < groups.size() && status_.ok(); ++i) {
      group(groups[i]->fields, p + detail::indexed("groups", i) + ".", out.groups.emplace_back());
    }
    enum_all(r, "exempt_effects", "cadre.v1.ExemptionEffect", out.exempt_effects);
    enum_all(r, "softened_effects", "cadre.v1.ExemptionEffect", out.softened_effects);
    const auto shortenings = r.all("shortenings");
    for (std::size_t i = 0; i < shortenings.size() && status_.ok(); ++i) {
      shortening(shortenings[i]->fields, p + detail::indexed("shortenings", i) + ".",
                 out.shortenings.emplace_back());
    }
    const auto documents = r.all("documents");
    for (std::size_t i = 0; i < documents.size() && status_.ok(); ++i) {
      document(documents[i]->fields, p + detail::indexed("documents", i) + ".",
               out.documents.emplace_back());
    }
  }
};

void canon_citations(detail::Canon &c, const std::string &key, const std::vector<Citation> &list) {
  c.field(key + ".count", static_cast<long long>(list.size()));
  for (std::size_t i = 0; i < list.size(); ++i) {
    c.citation(detail::indexed(key, i), list[i]);
  }
}

}  // namespace

StatusOr<std::vector<ToleranceModel>> parse_tolerance_text(std::string_view text,
                                                           std::string_view source) {
  std::vector<TextField> fields;
  if (Status st = detail::parse_text_format(text, source, fields); !st.ok()) {
    return st;
  }
  Mapper m;
  std::vector<ToleranceModel> out;
  m.models(fields, out);
  if (!m.status().ok()) {
    return m.status();
  }
  return out;
}

std::string content_hash(const ToleranceModel &model) {
  detail::Canon c;
  c.field("format", "cadre.tolerance.v1");
  c.field("id", model.id);
  c.field("version", model.version);
  c.text("title", model.title);
  c.field("jurisdiction", model.jurisdiction);
  c.date("effective_from", model.effective_from);
  c.date("effective_to", model.effective_to);
  canon_citations(c, "citations", model.citations);
  c.text("completeness", model.completeness);
  c.field("facts.count", static_cast<long long>(model.facts.size()));
  for (std::size_t i = 0; i < model.facts.size(); ++i) {
    const ToleranceFactSpec &f = model.facts[i];
    const std::string k = detail::indexed("facts", i);
    c.field(k + ".key", f.key);
    c.text(k + ".name", f.name);
    c.field(k + ".type", static_cast<int>(f.type));
    c.field(k + ".judgement", f.judgement ? 1 : 0);
    c.text(k + ".unit", f.unit);
  }
  c.field("groups.count", static_cast<long long>(model.groups.size()));
  for (std::size_t i = 0; i < model.groups.size(); ++i) {
    const ToleranceGroup &g = model.groups[i];
    const std::string k = detail::indexed("groups", i);
    c.field(k + ".key", g.key);
    c.field(k + ".role", static_cast<int>(g.role));
    c.text(k + ".name", g.name);
    c.text(k + ".text", g.text);
    c.field(k + ".ground", static_cast<int>(g.ground));
    c.field(k + ".exclusion", static_cast<int>(g.exclusion));
    c.field(k + ".mitigation", static_cast<int>(g.mitigation));
    c.field(k + ".outcomes.count", static_cast<long long>(g.outcomes.size()));
    for (std::size_t j = 0; j < g.outcomes.size(); ++j) {
      c.field(detail::indexed(k + ".outcomes", j), static_cast<int>(g.outcomes[j]));
    }
    c.field(k + ".gate", g.gate);
    c.field(k + ".criteria.count", static_cast<long long>(g.criteria.size()));
    for (std::size_t j = 0; j < g.criteria.size(); ++j) {
      const ToleranceCriterion &cr = g.criteria[j];
      const std::string ck = detail::indexed(k + ".criteria", j);
      c.field(ck + ".key", cr.key);
      c.text(ck + ".name", cr.name);
      c.text(ck + ".text", cr.text);
      c.field(ck + ".fact", cr.fact);
      c.field(ck + ".test", static_cast<int>(cr.test));
      c.field(ck + ".threshold", static_cast<long long>(cr.threshold));
      canon_citations(c, ck + ".citations", cr.citations);
    }
    canon_citations(c, k + ".citations", g.citations);
  }
  const auto effects = [&](const std::string &k, const std::vector<ExemptionEffect> &v) {
    c.field(k + ".count", static_cast<long long>(v.size()));
    for (std::size_t i = 0; i < v.size(); ++i) {
      c.field(detail::indexed(k, i), static_cast<int>(v[i]));
    }
  };
  effects("exempt_effects", model.exempt_effects);
  effects("softened_effects", model.softened_effects);
  c.field("shortenings.count", static_cast<long long>(model.shortenings.size()));
  for (std::size_t i = 0; i < model.shortenings.size(); ++i) {
    const ToleranceShortening &s = model.shortenings[i];
    const std::string k = detail::indexed("shortenings", i);
    c.field(k + ".outcome", static_cast<int>(s.outcome));
    c.field(k + ".percent", s.percent);
    c.text(k + ".text", s.text);
    canon_citations(c, k + ".citations", s.citations);
  }
  c.field("documents.count", static_cast<long long>(model.documents.size()));
  for (std::size_t i = 0; i < model.documents.size(); ++i) {
    c.document(detail::indexed("documents", i), model.documents[i]);
  }
  return sha256_hex(c.take());
}

}  // namespace api_v1
}  // namespace cadre
