// Fuzz target: every C ABI operation that takes a request, through
// libcadre.so exactly as a host calls it. Byte 0 picks the operation and the
// format (binary or JSON); the rest is the request. The contract of cadre.h
// must hold for any bytes: OK with a response and no error, or a status with
// an error object that has the same code and a message, and no response.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "cadre/cadre.h"

namespace {

const cadre_engine *engine() {
  static cadre_engine *e = [] {
    cadre_engine *made = nullptr;
    if (cadre_engine_new(&made, nullptr, 0, CADRE_FORMAT_BINARY, nullptr) != CADRE_OK) {
      __builtin_trap();
    }
    return made;
  }();
  return e;
}

// The contract of one call's outcome. A stream that breaks still gives what
// the records before the break gave (@p stream_break: the stream functions).
void check(int status, const cadre_buffer &out, const cadre_error *err, int format,
           bool stream_break = false) {
  if (status == CADRE_OK) {
    if (err != nullptr) {
      __builtin_trap();  // no error object on success
    }
    if (format == CADRE_FORMAT_JSON && (out.data == nullptr || out.data[out.size] != 0)) {
      __builtin_trap();  // a JSON response is never empty, and NUL-terminated
    }
    return;
  }
  const bool broken =
      stream_break && (status == CADRE_INVALID_ARGUMENT || status == CADRE_RESOURCE_EXHAUSTED);
  if (!broken && (out.data != nullptr || out.size != 0)) {
    __builtin_trap();  // no response on failure, but for what a broken stream gave
  }
  if (out.data != nullptr && format == CADRE_FORMAT_JSON && out.data[out.size] != 0) {
    __builtin_trap();  // NUL-terminated
  }
  if (err == nullptr || cadre_error_code(err) != status || cadre_error_message(err)[0] == '\0' ||
      cadre_error_field(err) == nullptr) {
    __builtin_trap();  // every failure says what is wrong, with its own code
  }
  if (cadre_status_name(status) == nullptr || std::strcmp(cadre_status_name(status), "OK") == 0) {
    __builtin_trap();
  }
}

using Operation = int (*)(cadre_buffer *, const cadre_engine *, const std::uint8_t *, std::size_t,
                          int, cadre_error **);

constexpr Operation kOperations[] = {cadre_screen, cadre_eligibility, cadre_grade_cap,
                                     cadre_warnings, cadre_consistency};
constexpr std::size_t kCount = sizeof(kOperations) / sizeof(kOperations[0]);

// The stream API over the same bytes, after the magic, in chunks whose size
// comes from the input.
void stream(const std::uint8_t *data, std::size_t size, std::size_t chunk, int format) {
  cadre_stream *s = nullptr;
  cadre_error *err = nullptr;
  if (cadre_stream_new(&s, engine(), "2025-06-30", format, &err) != CADRE_OK) {
    __builtin_trap();
  }
  static constexpr std::uint8_t kMagic[] = {'C', 'A', 'D', 'R', 'E', 'S', '1', '\n'};
  cadre_buffer out{nullptr, 0};
  int st = cadre_stream_push(&out, s, kMagic, sizeof kMagic, &err);
  check(st, out, err, format);
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  err = nullptr;
  for (std::size_t at = 0; at < size && st == CADRE_OK; at += chunk) {
    const std::size_t n = size - at < chunk ? size - at : chunk;
    st = cadre_stream_push(&out, s, data + at, n, &err);
    check(st, out, err, format, true);
    cadre_buffer_dispose(&out);
    cadre_error_free(err);
    err = nullptr;
  }
  st = cadre_stream_finish(&out, s, &err);
  check(st, out, err, format, true);
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  cadre_stream_free(s);
}

}  // namespace

// The engine is built once, before the first input, so that its construction
// is not timed as an input.
extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/) {
  (void)engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const int format = (data[0] & 1) != 0 ? CADRE_FORMAT_JSON : CADRE_FORMAT_BINARY;
  const std::size_t op = (data[0] >> 1U) % (kCount + 2);
  const std::uint8_t *request = data + 1;
  const std::size_t n = size - 1;
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  if (op < kCount) {
    const int st = kOperations[op](&out, engine(), n == 0 ? nullptr : request, n, format, &err);
    check(st, out, err, format);
  } else if (op == kCount) {
    cadre_engine *e = nullptr;
    const int st = cadre_engine_new(&e, n == 0 ? nullptr : request, n, format, &err);
    if ((st == CADRE_OK) != (e != nullptr)) {
      __builtin_trap();
    }
    check(st, out, err, CADRE_FORMAT_BINARY);  // no response buffer here
    cadre_engine_free(e);
  } else {
    stream(request, n, 1 + (data[0] >> 4U), format);
  }
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  return 0;
}
