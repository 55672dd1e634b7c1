// Fuzz target: the request parser and handler of tolerance_evaluate (a claim for error
// tolerance, 容错) through the operation table, as the C ABI calls it. The first byte picks the
// format (odd: protobuf JSON, even: binary); the rest is the request. An answer or an error
// naming what is wrong; nothing may crash, leak or hang. The same request gives the same bytes
// twice; an answer parses back, its proposal is one the schema knows, 免责 comes with no
// exclusion hit, and every fact it read names its place in the request (claim.facts[i]).
#include <cstddef>
#include <cstdint>
#include <string>

#include "cadre/v1/tolerance_service.pb.h"
#include "codec/codec.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static const cadre::service::Operation &kOp =
      *cadre::service::find_operation("tolerance_evaluate");
  const cadre::Engine &engine = cadre::service::builtin_engine();
  const auto format =
      (data[0] & 1U) != 0 ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  std::string out;
  const cadre::Status st = cadre::service::call(kOp, engine, data + 1, size - 1, format, out);
  std::string again;
  const cadre::Status st2 = cadre::service::call(kOp, engine, data + 1, size - 1, format, again);
  if (st.code() != st2.code() || st.field() != st2.field() || out != again) {
    __builtin_trap();  // deterministic
  }
  if (!st.ok()) {
    if (st.message().empty() || !out.empty()) {
      __builtin_trap();  // every error says what is wrong, and answers nothing
    }
    return 0;
  }
  cadre::v1::ToleranceEvaluateResponse response;
  if (!cadre::codec::parse(reinterpret_cast<const std::uint8_t *>(out.data()), out.size(), format,
                           response, "response")
           .ok()) {
    __builtin_trap();  // an answer parses back
  }
  const cadre::v1::ToleranceEvaluation &e = response.evaluation();
  if (!cadre::v1::ToleranceProposal_IsValid(e.proposal()) ||
      e.proposal() == cadre::v1::TOLERANCE_PROPOSAL_UNSPECIFIED) {
    __builtin_trap();
  }
  if (e.proposal() == cadre::v1::TOLERANCE_PROPOSAL_EXEMPT && e.exclusions_hit_size() != 0) {
    __builtin_trap();  // an exclusion stops tolerance whatever else holds
  }
  if (e.exclusions_hit_size() != 0 && e.proposal() != cadre::v1::TOLERANCE_PROPOSAL_DENIED) {
    __builtin_trap();
  }
  for (const cadre::v1::ToleranceGroupResult &g : e.groups()) {
    for (const cadre::v1::ToleranceCriterionResult &c : g.criteria()) {
      for (const cadre::v1::Fact &f : c.facts()) {
        if (f.field_path().rfind("claim.facts[", 0) != 0) {
          __builtin_trap();
        }
      }
    }
  }
  return 0;
}
