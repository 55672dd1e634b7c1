// Fuzz target: every byte decoder behind the operations (cadre_screen,
// cadre_eligibility... through the operation table) and cadre_engine_new. The
// first byte picks the format and the operation; the rest is the request. Findings must be
// produced or an error returned; nothing may crash, leak or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "service/operation.hpp"
#include "service/service.hpp"

// The engine is built once, before the first input, so that its construction
// (the shipped catalogues and their hashes) is not timed as an input.
extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto format =
      (data[0] & 1) != 0 ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  const cadre::Engine &engine = cadre::service::builtin_engine();
  std::string out;
  const auto operations = cadre::service::operations();
  const cadre::service::Operation &op = operations[(data[0] >> 1U) % operations.size()];
  const cadre::Status st = cadre::service::call(op, engine, data + 1, size - 1, format, out);
  if (st.ok() && out.empty() && format == cadre::codec::Format::kJson) {
    __builtin_trap();  // a JSON response is never empty
  }
  if (!st.ok() && st.message().empty()) {
    __builtin_trap();  // every error says what is wrong
  }
  (void)cadre::service::engine_config(data + 1, size - 1, format);
  return 0;
}
