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
#include "operation_request.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const auto r = cadre::fuzz::run_operation<cadre::v1::ToleranceEvaluateRequest,
                                            cadre::v1::ToleranceEvaluateResponse>(
      "tolerance_evaluate", data, size);
  if (!r.response) {
    return 0;
  }
  const cadre::v1::ToleranceEvaluateResponse &response = *r.response;
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
