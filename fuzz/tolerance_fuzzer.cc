// Fuzz target: a host's criteria of error tolerance (容错), as text. The
// library's own reader (no protobuf) must never crash; what it accepts,
// protobuf's parser must accept with as many models; a set built from it
// refuses or accepts each model with a status; and every model added
// evaluates a claim with no facts and a claim meeting every criterion with a
// proposal, never an error.
#include <google/protobuf/text_format.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadre/tolerance.hpp"
#include "cadre/v1/tolerance.pb.h"

namespace {

cadre::ToleranceClaim claim_for(const cadre::ToleranceModel &m, bool all) {
  cadre::ToleranceClaim c;
  c.id = "fuzz";
  c.concerns = cadre::RecordRef{cadre::RecordKind::kIncident, "incident-1", ""};
  c.impact_months = 12;
  if (!all) return c;
  for (const cadre::ToleranceGroup &g : m.groups) {
    for (const cadre::ToleranceCriterion &k : g.criteria) {
      const cadre::ToleranceFactSpec *f = m.fact(k.fact);
      bool seen = false;
      for (const cadre::ToleranceFact &x : c.facts) seen = seen || x.key == k.fact;
      if (f == nullptr || seen) continue;
      c.facts.push_back(
          f->type == cadre::FactType::kBool
              ? cadre::ToleranceFact::flag(k.fact, k.test == cadre::CriterionTest::kTrue, "fuzz")
              : cadre::ToleranceFact::integer(k.fact, k.threshold, "fuzz"));
    }
  }
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  auto mine = cadre::parse_tolerance_text(text, "fuzz");
  if (!mine.ok()) {
    if (mine.status().field().empty() || mine.status().message().empty()) {
      __builtin_trap();
    }
    return 0;
  }
  cadre::v1::ToleranceModels pb;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(text), &pb) ||
      static_cast<std::size_t>(pb.models_size()) != mine.value().size()) {
    __builtin_trap();  // accepted here, refused (or read otherwise) by protobuf
  }
  cadre::ToleranceModels set;
  for (cadre::ToleranceModel &m : mine.value()) {
    const cadre::Status st = set.add(std::move(m));
    if (!st.ok() && st.field().empty()) {
      __builtin_trap();
    }
  }
  for (const cadre::ToleranceModel &m : set.models()) {
    if (cadre::content_hash(m).size() != 64) {
      __builtin_trap();
    }
    for (const bool all : {false, true}) {
      const cadre::ToleranceClaim c = claim_for(m, all);
      auto e = cadre::evaluate(c, m);
      if (!e.ok() || e.value().proposal == cadre::ToleranceProposal::kUnspecified) {
        __builtin_trap();
      }
      (void)cadre::exemption_claim_draft(c, e.value());
    }
  }
  return 0;
}
