#include "cadre/catalogue.hpp"
#include "catalogue/sha256.hpp"

#include <string>

#include "canon.hpp"

namespace cadre {
inline namespace api_v1 {

const Parameter *Rule::parameter(std::string_view name) const noexcept {
  for (const Parameter &p : parameters) {
    if (p.name == name) {
      return &p;
    }
  }
  return nullptr;
}

const Rule *Catalogue::rule(std::string_view rule_id) const noexcept {
  for (const Rule &r : rules) {
    if (r.id == rule_id) {
      return &r;
    }
  }
  return nullptr;
}

std::string canonical_text(const Catalogue &c) {
  detail::Canon w;
  w.field("cadre.catalogue", "1");
  w.field("id", c.id);
  w.field("version", c.version);
  w.text("title", c.title);
  w.field("jurisdiction", c.jurisdiction);
  w.date("effective_from", c.effective_from);
  w.date("effective_to", c.effective_to);
  w.field("base", c.base);
  w.text("completeness", c.completeness);
  w.field("rules", static_cast<long long>(c.rules.size()));
  for (std::size_t i = 0; i < c.rules.size(); ++i) {
    const Rule &r = c.rules[i];
    w.set_prefix("rules[" + std::to_string(i) + "].");
    w.field("id", r.id);
    w.field("channel", static_cast<int>(r.channel));
    w.field("heading", static_cast<int>(r.heading));
    w.field("citations", static_cast<long long>(r.citations.size()));
    for (std::size_t j = 0; j < r.citations.size(); ++j) {
      w.citation("citations[" + std::to_string(j) + "]", r.citations[j]);
    }
    w.text("text", r.text);
    w.date("effective_from", r.effective_from);
    w.date("effective_to", r.effective_to);
    w.field("overrides", r.overrides);
    w.field("kind", r.kind);
    w.field("decided_by", static_cast<int>(r.decided_by));
    w.field("parameters", static_cast<long long>(r.parameters.size()));
    for (std::size_t j = 0; j < r.parameters.size(); ++j) {
      const Parameter &p = r.parameters[j];
      const std::string k = "parameters[" + std::to_string(j) + "]";
      w.field(k + ".name", p.name);
      w.field(k + ".value", p.value);
      w.field(k + ".unit", p.unit);
      w.field(k + ".cited", p.citation ? 1 : 0);
      if (p.citation) {
        w.citation(k + ".citation", *p.citation);
      }
      w.field(k + ".host_policy", p.host_policy ? 1 : 0);
    }
    w.field("methods", static_cast<long long>(r.methods.size()));
    for (std::size_t j = 0; j < r.methods.size(); ++j) {
      w.field("methods[" + std::to_string(j) + "]", static_cast<int>(r.methods[j]));
    }
    w.field("consequences", static_cast<long long>(r.consequences.size()));
    for (std::size_t j = 0; j < r.consequences.size(); ++j) {
      const Consequence &q = r.consequences[j];
      const std::string k = "consequences[" + std::to_string(j) + "]";
      w.field(k + ".kind", static_cast<int>(q.kind));
      w.field(k + ".months", q.months);
      w.field(k + ".days", q.days);
      w.field(k + ".best_grade", q.best_grade);
      w.text(k + ".text", q.text);
    }
    w.field("procedure", r.procedure);
    w.field("first_deadline_days", r.first_deadline_days);
    w.field("requires_prior_warning", r.requires_prior_warning ? 1 : 0);
    w.field("disabled", r.disabled ? 1 : 0);
    w.field("succeeds", static_cast<long long>(r.succeeds.size()));
    for (std::size_t j = 0; j < r.succeeds.size(); ++j) {
      w.field("succeeds[" + std::to_string(j) + "]", r.succeeds[j]);
    }
  }
  w.set_prefix("");
  w.field("documents", static_cast<long long>(c.documents.size()));
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    w.document("documents[" + std::to_string(i) + "]", c.documents[i]);
  }
  return w.take();
}

std::string content_hash(const Catalogue &catalogue) {
  return sha256_hex(canonical_text(catalogue));
}

}  // namespace api_v1
}  // namespace cadre
