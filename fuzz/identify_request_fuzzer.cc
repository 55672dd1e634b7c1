// Fuzz target: the request parser and handler of identify (precise identification, 精准识别)
// through the operation table, as the C ABI calls it. The first byte picks the format (odd:
// protobuf JSON, even: binary); the rest is the request. An answer or an error naming what is
// wrong; nothing may crash, leak or hang. The same request gives the same bytes twice; an answer
// parses back, every signal needs verification (never a verdict), and no reverse-evaluation
// cell shows a number for fewer raters than the floor, nor a hidden cell any number.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cadre/v1/identification_service.pb.h"
#include "codec/codec.hpp"
#include "operation_request.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const auto r =
      cadre::fuzz::run_operation<cadre::v1::IdentifyRequest, cadre::v1::IdentifyResponse>(
          "identify", data, size);
  if (!r.response) {
    return 0;
  }
  const cadre::v1::IdentifyResponse &response = *r.response;
  for (const cadre::v1::FourTypeSignal &s : response.signals()) {
    if (s.status() != cadre::v1::IDENTIFICATION_STATUS_NEEDS_VERIFICATION) {
      __builtin_trap();
    }
  }
  const int floor = response.parameters().anonymity_floor();
  for (const cadre::v1::TeamIdentification &t : response.teams()) {
    int hidden = 0;
    for (const cadre::v1::ReverseEvaluationCell &c : t.reverse()) {
      if (c.suppressed() != cadre::v1::SUPPRESSION_UNSPECIFIED) {
        ++hidden;
        if (c.raters() != 0 || c.votes_as_weakest() != 0 || !c.areas_ref().empty()) {
          __builtin_trap();  // a hidden cell shows nothing
        }
      } else if (c.raters() < floor || c.votes_as_weakest() == c.raters()) {
        __builtin_trap();  // below the floor, or unanimous, yet shown
      }
    }
    if (hidden == 1 && t.reverse_size() > 1) {
      __builtin_trap();  // one hidden cell alone could be recovered from the others
    }
  }
  return 0;
}
