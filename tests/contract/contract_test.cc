// Promises of cadre.h held through libcadre.so as a host sees them (issue 14):
// nothing prints, an id with a control character is refused with its field
// path, and an allocation that fails anywhere inside a call becomes a status
// (the exception barrier), never a crash or a leak.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cadre/cadre.h"
#include "contract/failing_new.hpp"
#include "support/c_abi_bytes.hpp"

namespace {

using cadre_test::bytes;
using cadre_test::take;

// A binary ScreenRequest, written by hand (this process holds no protobuf
// code): as_of "2025-06-30" and one cadre whose `id` is @p id.
std::string binary_request(const std::string &id) {
  std::string cadre;
  cadre += '\x0a';  // Cadre.id, length-delimited
  cadre += static_cast<char>(id.size());
  cadre += id;
  std::string out =
      "\x0a\x0a"
      "2025-06-30";
  out += '\x12';  // ScreenRequest.cadres
  out += static_cast<char>(cadre.size());
  out += cadre;
  return out;
}

// Everything written to stderr (fd 2) while @p body runs.
template <typename F>
std::string stderr_of(F &&body) {
  std::fflush(stderr);
  char path[] = "/tmp/cadre-stderr-XXXXXX";
  const int fd = mkstemp(path);
  const int saved = dup(2);
  dup2(fd, 2);
  body();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string text;
  lseek(fd, 0, SEEK_SET);
  char chunk[512];
  for (ssize_t n; (n = read(fd, chunk, sizeof chunk)) > 0;) {
    text.append(chunk, static_cast<std::size_t>(n));
  }
  close(fd);
  unlink(path);
  return text;
}

class Contract : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cadre_engine_new(&engine_, nullptr, 0, CADRE_FORMAT_BINARY, nullptr), CADRE_OK);
  }
  void TearDown() override { cadre_engine_free(engine_); }
  cadre_engine *engine_ = nullptr;
};

TEST_F(Contract, InvalidUtf8PrintsNothingAndIsTheError) {
  const std::string request = binary_request("c\xff\xfe");  // not UTF-8
  std::string message;
  int status = CADRE_OK;
  const std::string printed = stderr_of([&] {
    cadre_buffer out{nullptr, 0};
    status =
        cadre_screen(&out, engine_, bytes(request), request.size(), CADRE_FORMAT_BINARY, nullptr);
    // The response's record error (one bad record costs that record only).
    message.assign(reinterpret_cast<const char *>(out.data), out.size);
    cadre_buffer_dispose(&out);
    // The roster functions parse with the same codec.
    cadre_roster_validate(&out, bytes(request), request.size(), CADRE_FORMAT_BINARY,
                          CADRE_FORMAT_JSON, nullptr, nullptr);
    cadre_buffer_dispose(&out);
  });
  EXPECT_EQ(printed, "") << "libcadre printed to stderr";
  // What libprotobuf said is the record's error: which field, from the schema only.
  EXPECT_EQ(status, CADRE_OK);
  EXPECT_NE(message.find("invalid UTF-8 in string field cadre.v1.Cadre.id"), std::string::npos)
      << message;
}

TEST_F(Contract, AnIdWithANulIsRefusedWithItsFieldPathAndNotEchoed) {
  for (const int format : {CADRE_FORMAT_BINARY, CADRE_FORMAT_JSON}) {
    const std::string request =
        format == CADRE_FORMAT_BINARY
            ? binary_request(std::string("c1\0secret", 9))
            : std::string(R"({"as_of":"2025-06-30","cadres":[{"id":"c1\u0000secret"}]})");
    cadre_buffer out{nullptr, 0};
    ASSERT_EQ(cadre_screen(&out, engine_, bytes(request), request.size(), format, nullptr),
              CADRE_OK);
    const std::string response = take(out);
    EXPECT_EQ(response.find("secret"), std::string::npos) << format;
    if (format == CADRE_FORMAT_JSON) {
      EXPECT_NE(response.find(R"("field_path":"cadres[0].id")"), std::string::npos) << response;
      EXPECT_NE(response.find("control character"), std::string::npos) << response;
    } else {
      EXPECT_NE(response.find("cadres[0].id"), std::string::npos);
    }
  }
  for (const char *id : {R"(c1\n)", R"(c\u001b[31m)", R"(c\u007f)"}) {
    const std::string request =
        std::string(R"({"as_of":"2025-06-30","cadres":[{"id":")") + id + R"("}]})";
    cadre_buffer out{nullptr, 0};
    ASSERT_EQ(
        cadre_screen(&out, engine_, bytes(request), request.size(), CADRE_FORMAT_JSON, nullptr),
        CADRE_OK);
    EXPECT_NE(take(out).find(R"("field_path":"cadres[0].id")"), std::string::npos) << id;
  }
}

// Every allocation of a screening, failed one at a time: the call returns OK
// or RESOURCE_EXHAUSTED ("out of memory") with no output, prints nothing, and
// leaks nothing of its own (AddressSanitizer's leak check in the sanitizer
// build; libprotobuf's own leaks when an allocation fails inside it are
// suppressed by tests/contract/lsan-libprotobuf.supp).
TEST_F(Contract, AnAllocationFailureAnywhereIsAStatus) {
  const std::string request =
      R"({"as_of":"2025-06-30","cadres":[{"id":"c1","sex":"SEX_MALE","birth_date":"1965-03-02",
      "birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE","posts":[{"id":"p1",
      "rank_level":"RANK_LEVEL_COUNTY_PRINCIPAL","kind":"POST_KIND_LEADERSHIP",
      "start_date":"2019-01-01"}]}]})";
  const auto call = [&](cadre_error **err) {
    cadre_buffer out{nullptr, 0};
    const int status =
        cadre_screen(&out, engine_, bytes(request), request.size(), CADRE_FORMAT_JSON, err);
    const bool no_output_on_failure = status == CADRE_OK || out.data == nullptr;
    cadre_buffer_dispose(&out);
    return no_output_on_failure ? status : -1;
  };
  // One call first: libprotobuf sets up its descriptors lazily, once per
  // process, and that setup does not survive an allocation failure (the limit
  // listed in docs/promises.md).
  ASSERT_EQ(call(nullptr), CADRE_OK);
  cadre::testing::arm(-1, cadre::testing::Failure::kBadAlloc);  // counts, never fails
  ASSERT_EQ(call(nullptr), CADRE_OK);
  const long allocations = cadre::testing::disarm();
  ASSERT_GT(allocations, 20);

  int exhausted = 0;
  int ok = 0;
  std::string failures;
  const std::string printed = stderr_of([&] {
    for (long at = 1; at <= allocations; ++at) {
      cadre_error *err = nullptr;
      cadre::testing::arm(at - 1, cadre::testing::Failure::kBadAlloc);
      const int status = call(&err);
      cadre::testing::disarm();
      const std::string message = err == nullptr ? "" : cadre_error_message(err);
      cadre_error_free(err);
      if (status == CADRE_RESOURCE_EXHAUSTED && (message.empty() || message == "out of memory")) {
        ++exhausted;
      } else if (status == CADRE_OK) {
        ++ok;
      } else if (failures.size() < 2000) {
        failures += "allocation " + std::to_string(at) + ": status " + std::to_string(status) +
                    " " + message + "\n";
      }
    }
  });
  EXPECT_EQ(failures, "");
  EXPECT_EQ(printed, "");
  EXPECT_GT(exhausted, allocations / 2) << "of " << allocations;
  RecordProperty("allocations", static_cast<int>(allocations));
  RecordProperty("resource_exhausted", exhausted);
  std::printf("%ld allocations failed in turn: %d RESOURCE_EXHAUSTED, %d OK\n", allocations,
              exhausted, ok);
}

}  // namespace
