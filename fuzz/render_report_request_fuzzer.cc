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
#include "operation_request.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const auto r =
      cadre::fuzz::run_operation<cadre::v1::RenderReportRequest, cadre::v1::RenderReportResponse>(
          "render_report", data, size);
  if (!r.response) {
    return 0;
  }
  const cadre::v1::RenderReportResponse &response = *r.response;
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
