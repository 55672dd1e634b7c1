// What the fuzz targets of single operations share (the follow-up operations, tolerance_evaluate,
// identify, render_report): the request of one operation through the operation table, as the C
// ABI calls it. The first byte picks the format
// (odd: protobuf JSON, even: binary); the rest is the request. An answer or an error naming
// what is wrong; nothing may crash, leak or hang. The same request gives the same bytes twice,
// an error answers nothing, and an answer parses back into the response message.
#ifndef CADRE_FUZZ_OPERATION_REQUEST_HPP
#define CADRE_FUZZ_OPERATION_REQUEST_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/status.hpp"
#include "codec/codec.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"

namespace cadre::fuzz {

/** The outcome of one input: the status, and the response when it answered. */
template <typename Request, typename Response>
struct OperationRun {
  Status status;
  std::optional<Request> request;  ///< the request, when it parses
  std::optional<Response> response;
};

/**
 * Runs @p data through the operation @p name twice and checks what every such target
 * checks (traps on a failure); empty input: nothing.
 */
template <typename Request, typename Response>
OperationRun<Request, Response> run_operation(std::string_view name, const std::uint8_t *data,
                                              std::size_t size) {
  OperationRun<Request, Response> r;
  if (size == 0) {
    return r;
  }
  const cadre::service::Operation &op = *cadre::service::find_operation(name);
  const cadre::Engine &engine = cadre::service::builtin_engine();
  const auto format =
      (data[0] & 1U) != 0 ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  std::string out;
  r.status = cadre::service::call(op, engine, data + 1, size - 1, format, out);
  std::string again;
  const cadre::Status st2 = cadre::service::call(op, engine, data + 1, size - 1, format, again);
  if (r.status.code() != st2.code() || r.status.field() != st2.field() || out != again) {
    __builtin_trap();  // deterministic
  }
  Request request;
  if (cadre::codec::parse(data + 1, size - 1, format, request, "request").ok()) {
    r.request = std::move(request);
  }
  if (!r.status.ok()) {
    if (r.status.message().empty() || !out.empty()) {
      __builtin_trap();  // every error says what is wrong, and answers nothing
    }
    return r;
  }
  Response response;
  if (!cadre::codec::parse(reinterpret_cast<const std::uint8_t *>(out.data()), out.size(), format,
                           response, "response")
           .ok()) {
    __builtin_trap();  // an answer parses back
  }
  r.response = std::move(response);
  return r;
}

/**
 * Traps when @p message quotes @p value (a value of the request is never echoed). Values
 * shorter than 24 bytes are not checked: they could be words of the message itself.
 */
inline void never_echoed(std::string_view message, std::string_view value) {
  if (value.size() >= 24 && message.find(value) != std::string_view::npos) {
    __builtin_trap();
  }
}

}  // namespace cadre::fuzz

#endif  // CADRE_FUZZ_OPERATION_REQUEST_HPP
