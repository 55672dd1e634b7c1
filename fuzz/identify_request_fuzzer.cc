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
  static const cadre::service::Operation &kOp = *cadre::service::find_operation("identify");
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
  cadre::v1::IdentifyResponse response;
  if (!cadre::codec::parse(reinterpret_cast<const std::uint8_t *>(out.data()), out.size(), format,
                           response, "response")
           .ok()) {
    __builtin_trap();  // an answer parses back
  }
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
