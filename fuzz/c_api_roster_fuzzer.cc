// Fuzz target: cadre_roster_validate and cadre_roster_convert through
// libcadre.so, in every form (binary, JSON, stream). Byte 0 picks the
// operation, the input form and the output form; the rest is the roster.
// Whatever convert writes must read back in the form it was written in.
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "cadre/cadre.h"

namespace {

void check(int status, const cadre_buffer &out, const cadre_error *err) {
  if (status == CADRE_OK) {
    if (err != nullptr) {
      __builtin_trap();
    }
    return;
  }
  if (out.data != nullptr || out.size != 0 || err == nullptr || cadre_error_code(err) != status ||
      cadre_error_message(err)[0] == '\0') {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const int in_format = data[0] % 3;
  const int out_format = (data[0] / 3) % 3;
  const bool validate = (data[0] / 9) % 2 == 0;
  const bool with_as_of = (data[0] / 18) % 2 == 0;
  const std::uint8_t *roster = size > 1 ? data + 1 : nullptr;
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  if (validate) {
    const int st = cadre_roster_validate(&out, roster, size - 1, in_format, out_format % 2,
                                         with_as_of ? "2025-06-30" : nullptr, &err);
    check(st, out, err);
  } else {
    const int st = cadre_roster_convert(&out, roster, size - 1, in_format, out_format, &err);
    check(st, out, err);
    if (st == CADRE_OK) {
      // What convert wrote reads back, in its own form and as JSON.
      for (const int again : {out_format, static_cast<int>(CADRE_FORMAT_JSON)}) {
        cadre_buffer back{nullptr, 0};
        cadre_error *back_err = nullptr;
        const int st2 =
            cadre_roster_convert(&back, out.data, out.size, out_format, again, &back_err);
        if (st2 != CADRE_OK) {
          __builtin_trap();
        }
        cadre_buffer_dispose(&back);
        cadre_error_free(back_err);
      }
    }
  }
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  return 0;
}
