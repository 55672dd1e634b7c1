// Fuzz target: the request parser and handler of render_report (a quarterly dispatch or an
// annual bulletin rendered as HTML) through the operation table, as the C ABI calls it. The
// first byte picks the format (odd: protobuf JSON, even: binary); the rest is the request. A
// page or an error naming what is wrong; nothing may crash, leak or hang. The same request
// gives the same bytes twice; a page parses back, is one document, and carries no markup from
// the message: no script, no element the renderer does not write, whatever the unit names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadre/v1/report.pb.h"
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
  static const cadre::service::Operation &kOp = *cadre::service::find_operation("render_report");
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
  cadre::v1::RenderReportResponse response;
  if (!cadre::codec::parse(reinterpret_cast<const std::uint8_t *>(out.data()), out.size(), format,
                           response, "response")
           .ok()) {
    __builtin_trap();  // an answer parses back
  }
  const std::string &html = response.html();
  if (html.rfind("<!DOCTYPE html>", 0) != 0 || html.find("</html>") == std::string::npos) {
    __builtin_trap();  // one whole document
  }
  for (const std::string_view forbidden :
       {"<script", "<iframe", "<img", "<object", "<embed", "<link", "<a ", "<style "}) {
    if (html.find(forbidden) != std::string::npos) {
      __builtin_trap();  // nothing of the message became markup
    }
  }
  return 0;
}
