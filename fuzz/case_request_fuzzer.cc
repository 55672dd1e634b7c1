// Fuzz target: the operations on a case store (case_open ... case_verify through the operation
// table) on an in-memory store holding one 诫勉 case, and case_import of arbitrary bytes. The
// first byte picks the format and the operation; the rest is the request (for case_import: the
// file's bytes). An answer or an error naming what is wrong; nothing may crash, leak or hang,
// and a refused step or request never changes the case.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "cadre/v1/case_service.pb.h"
#include "service/operation.hpp"
#include "service/service.hpp"
#include "support/memory_case_store.hpp"

namespace {

constexpr const char *kOpen =
    R"({"case_id":"jm-1","cadre":{"id":"c1","sex":"SEX_FEMALE","birth_date":"1978-09-02",)"
    R"("early_warnings":[{"id":"w1","kind":"EARLY_WARNING_KIND_ADMONISHMENT",)"
    R"("issued_on":"2025-09-26"}]},"early_warning_id":"w1"})";

// The operations fuzzed on the store (case_export writes a file of the request's choosing: left
// out; case_import reads the input as the file).
std::vector<const cadre::service::Operation *> store_operations() {
  std::vector<const cadre::service::Operation *> out;
  for (const cadre::service::Operation &op : cadre::service::operations()) {
    if (op.needs_store() && op.name != "case_export") {
      out.push_back(&op);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)cadre::service::builtin_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static const std::vector<const cadre::service::Operation *> kOperations = store_operations();
  const cadre::Engine &engine = cadre::service::builtin_engine();
  cadre::testing::MemoryCaseStore store;
  std::string out;
  const std::string open = kOpen;
  if (!cadre::service::call(*cadre::service::find_operation("case_open"), engine,
                            reinterpret_cast<const std::uint8_t *>(open.data()), open.size(),
                            cadre::codec::Format::kJson, out, &store)
           .ok()) {
    __builtin_trap();  // the seed case opens
  }
  const auto before = store.header("jm-1");
  const cadre::service::Operation &op = *kOperations[(data[0] >> 1U) % kOperations.size()];
  const auto format =
      (data[0] & 1) != 0 ? cadre::codec::Format::kJson : cadre::codec::Format::kBinary;
  cadre::Status st;
  if (op.name == "case_import") {
    char path[] = "/tmp/cadre-fuzz-import-XXXXXX";
    const int fd = ::mkstemp(path);
    if (fd < 0) {
      return 0;
    }
    const auto written = ::write(fd, data + 1, size - 1);
    ::close(fd);
    if (written == static_cast<ssize_t>(size - 1)) {
      cadre::v1::CaseImportRequest request;
      request.set_path(path);
      cadre::v1::CaseImportResponse response;
      st = cadre::service::call(op, engine, request, response, &store);
    }
    ::unlink(path);
  } else {
    st = cadre::service::call(op, engine, data + 1, size - 1, format, out, &store);
  }
  if (!st.ok() && st.message().empty()) {
    __builtin_trap();  // every error says what is wrong
  }
  const auto after = store.header("jm-1");
  if (!after.ok() || after->events < before->events) {
    __builtin_trap();  // the case is never lost or shortened
  }
  if (!st.ok() && after->head != before->head) {
    __builtin_trap();  // a refused request changes nothing
  }
  return 0;
}
