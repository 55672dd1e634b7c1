// The C ABI through libcadre.so only.
#include "cadre/cadre.h"

#include <gtest/gtest.h>

#include <string>

namespace {

const std::string kRequest = R"({"as_of":"2025-06-30","cadres":[{"id":"c1","sex":"SEX_MALE",
  "birth_date":"1965-03-02","birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE",
  "posts":[{"id":"p1","rank_level":"RANK_LEVEL_COUNTY_PRINCIPAL","kind":"POST_KIND_LEADERSHIP",
  "start_date":"2019-01-01"}]}]})";

const uint8_t *bytes(const std::string &s) { return reinterpret_cast<const uint8_t *>(s.data()); }

TEST(CApi, VersionsMatchTheHeader) {
  EXPECT_EQ(cadre_version_number(), CADRE_VERSION_NUMBER);
  EXPECT_STREQ(cadre_version_string(), CADRE_VERSION_STRING);
  EXPECT_EQ(cadre_abi_version(), CADRE_ABI_VERSION);
}

TEST(CApi, StatusNames) {
  EXPECT_STREQ(cadre_status_name(CADRE_OK), "OK");
  EXPECT_STREQ(cadre_status_name(CADRE_INVALID_ARGUMENT), "INVALID_ARGUMENT");
  EXPECT_STREQ(cadre_status_name(CADRE_UNAUTHENTICATED), "UNAUTHENTICATED");
  EXPECT_STREQ(cadre_status_name(-1), "UNRECOGNIZED");
  EXPECT_STREQ(cadre_status_name(17), "UNRECOGNIZED");
}

TEST(CApi, FreeFunctionsAcceptNull) {
  cadre_error_free(nullptr);
  cadre_engine_free(nullptr);
  cadre_buffer_dispose(nullptr);
  cadre_buffer empty{nullptr, 0};
  cadre_buffer_dispose(&empty);
  EXPECT_EQ(cadre_error_code(nullptr), CADRE_OK);
  EXPECT_STREQ(cadre_error_message(nullptr), "");
  EXPECT_STREQ(cadre_error_field(nullptr), "");
}

TEST(CApi, ScreensJsonAndBinaryAlike) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_BINARY, nullptr), CADRE_OK);
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  ASSERT_EQ(cadre_screen(&out, engine, bytes(kRequest), kRequest.size(), CADRE_FORMAT_JSON, &err),
            CADRE_OK);
  EXPECT_EQ(err, nullptr);
  const std::string json(reinterpret_cast<const char *>(out.data), out.size);
  EXPECT_EQ(out.data[out.size], 0);  // NUL-terminated
  EXPECT_NE(json.find("\"rule_id\":\"cn-2022.age.retirement\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"effective_date\":\"2025-04-02\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"channel\":\"CHANNEL_AGE_LIMIT\""), std::string::npos) << json;
  cadre_buffer_dispose(&out);
  EXPECT_EQ(out.data, nullptr);
  EXPECT_EQ(out.size, 0U);
  cadre_engine_free(engine);
}

TEST(CApi, CallRunsAnOperationByName) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_BINARY, nullptr), CADRE_OK);
  cadre_buffer named{nullptr, 0};
  cadre_buffer called{nullptr, 0};
  ASSERT_EQ(
      cadre_screen(&named, engine, bytes(kRequest), kRequest.size(), CADRE_FORMAT_JSON, nullptr),
      CADRE_OK);
  ASSERT_EQ(cadre_call(&called, engine, "screen", bytes(kRequest), kRequest.size(),
                       CADRE_FORMAT_JSON, nullptr),
            CADRE_OK);
  EXPECT_EQ(std::string(reinterpret_cast<const char *>(called.data), called.size),
            std::string(reinterpret_cast<const char *>(named.data), named.size));
  cadre_buffer_dispose(&named);
  cadre_buffer_dispose(&called);

  cadre_error *err = nullptr;
  EXPECT_EQ(cadre_call(&called, engine, "frobnicate", bytes(kRequest), kRequest.size(),
                       CADRE_FORMAT_JSON, &err),
            CADRE_NOT_FOUND);
  EXPECT_STREQ(cadre_error_field(err), "operation");
  EXPECT_EQ(called.data, nullptr);
  cadre_error_free(err);
  EXPECT_EQ(cadre_call(&called, engine, nullptr, bytes(kRequest), kRequest.size(),
                       CADRE_FORMAT_JSON, &err),
            CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "operation");
  cadre_error_free(err);
  EXPECT_EQ(cadre_call(nullptr, engine, "frobnicate", bytes(kRequest), kRequest.size(),
                       CADRE_FORMAT_JSON, nullptr),
            CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(cadre_call(&called, nullptr, "screen", bytes(kRequest), kRequest.size(),
                       CADRE_FORMAT_JSON, nullptr),
            CADRE_INVALID_ARGUMENT);
  cadre_engine_free(engine);
}

TEST(CApi, OperationsListsEveryOperationWithItsStatuses) {
  cadre_buffer out{nullptr, 0};
  ASSERT_EQ(cadre_operations(&out, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  const std::string json(reinterpret_cast<const char *>(out.data), out.size);
  cadre_buffer_dispose(&out);
  for (const char *name : {"screen", "eligibility", "grade_cap", "warnings", "consistency"}) {
    EXPECT_NE(json.find(std::string("\"name\":\"") + name + "\""), std::string::npos) << name;
  }
  EXPECT_NE(json.find("\"c_symbol\":\"cadre_grade_cap\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"cli_command\":\"grade-cap\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"name\":\"INVALID_ARGUMENT\""), std::string::npos) << json;
  EXPECT_EQ(cadre_operations(&out, 9, nullptr), CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(cadre_operations(nullptr, CADRE_FORMAT_JSON, nullptr), CADRE_INVALID_ARGUMENT);
}

TEST(CApi, ErrorsCarryCodeMessageAndField) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  const std::string bad_date = R"({"as_of":"2017-02-30"})";
  EXPECT_EQ(cadre_screen(&out, engine, bytes(bad_date), bad_date.size(), CADRE_FORMAT_JSON, &err),
            CADRE_INVALID_ARGUMENT);
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(cadre_error_code(err), CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "as_of");
  EXPECT_EQ(std::string(cadre_error_message(err)).rfind("as_of: ", 0), 0U);
  EXPECT_EQ(out.data, nullptr);
  cadre_error_free(err);

  const std::string garbage = "\x0a\xff\xff\xff";
  EXPECT_EQ(
      cadre_screen(&out, engine, bytes(garbage), garbage.size(), CADRE_FORMAT_BINARY, nullptr),
      CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(cadre_screen(&out, engine, bytes(kRequest), kRequest.size(), 7, &err),
            CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "format");
  cadre_error_free(err);
  EXPECT_EQ(
      cadre_screen(&out, nullptr, bytes(kRequest), kRequest.size(), CADRE_FORMAT_JSON, nullptr),
      CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(
      cadre_screen(nullptr, engine, bytes(kRequest), kRequest.size(), CADRE_FORMAT_JSON, nullptr),
      CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(cadre_screen(&out, engine, nullptr, 5, CADRE_FORMAT_BINARY, nullptr),
            CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(
      cadre_screen(&out, engine, bytes(kRequest), size_t{1} << 32, CADRE_FORMAT_BINARY, nullptr),
      CADRE_RESOURCE_EXHAUSTED);
  cadre_engine_free(engine);
}

// Follow-up management through its own functions, in the shape of every operation's: a plan,
// and a talk refused naming its field without quoting the notes it was given.
TEST(CApi, FollowUpThroughItsOwnFunctions) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  const std::string cadre =
      R"({"id":"c1","sex":"SEX_MALE","birth_date":"1975-05-05",)"
      R"("birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE","unit_id":"u1","posts":[{"id":"p1",)"
      R"("unit_id":"u1","title":"副县长","rank_level":"RANK_LEVEL_COUNTY_DEPUTY",)"
      R"("kind":"POST_KIND_LEADERSHIP",)"
      R"("start_date":"2015-01-01","end_date":"2023-03-12","region_code":"360102"}],)"
      R"("adjustments":[{"id":"a1","channel":"CHANNEL_ACCOUNTABILITY",)"
      R"("method":"ADJUSTMENT_METHOD_REMOVAL","decided_on":"2023-03-13","executed_on":"2023-03-13",)"
      R"("from_post_id":"p1"}],)"
      R"("follow_up_plans":[{"id":"f1","adjustment_id":"a1","start_date":"2023-03-13"}]})";
  const std::string plan =
      R"({"as_of":"2023-03-13","adjustment_id":"a1","plan_id":"f2","cadre":)" + cadre + "}";
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  ASSERT_EQ(cadre_followup_plan(&out, engine, bytes(plan), plan.size(), CADRE_FORMAT_JSON, &err),
            CADRE_OK);
  const std::string json(reinterpret_cast<const char *>(out.data), out.size);
  EXPECT_NE(json.find("\"template_id\":\"cn.followup.accountability.removal\""), std::string::npos)
      << json;
  cadre_buffer_dispose(&out);
  const std::string talk =
      R"({"as_of":"2023-03-20","plan_id":"f1","talk":{"id":"t1","held_on":"2023-03-20",)"
      R"("actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL","notes_ref":"本人表示 接受组织决定"},"cadre":)" +
      cadre + "}";
  EXPECT_EQ(cadre_followup_record(&out, engine, bytes(talk), talk.size(), CADRE_FORMAT_JSON, &err),
            CADRE_INVALID_ARGUMENT);
  ASSERT_NE(err, nullptr);
  EXPECT_STREQ(cadre_error_field(err), "talk.notes_ref");
  EXPECT_EQ(std::string(cadre_error_message(err)).find("接受"), std::string::npos);
  EXPECT_EQ(out.data, nullptr);
  cadre_error_free(err);
  cadre_engine_free(engine);
}

TEST(CApi, EngineOptionsAreValidated) {
  cadre_engine *engine = nullptr;
  cadre_error *err = nullptr;
  const std::string bad = R"({"language":"fr"})";
  EXPECT_EQ(cadre_engine_new(&engine, bytes(bad), bad.size(), CADRE_FORMAT_JSON, &err),
            CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(engine, nullptr);
  EXPECT_STREQ(cadre_error_field(err), "options.language");
  cadre_error_free(err);
  EXPECT_EQ(cadre_engine_new(nullptr, nullptr, 0, CADRE_FORMAT_JSON, &err), CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "out");
  cadre_error_free(err);
  const std::string good = R"({"language":"en"})";
  EXPECT_EQ(cadre_engine_new(&engine, bytes(good), good.size(), CADRE_FORMAT_JSON, nullptr),
            CADRE_OK);
  cadre_engine_free(engine);
}

TEST(CApi, DescriptorSetIsNonEmpty) {
  cadre_buffer out{nullptr, 0};
  ASSERT_EQ(cadre_descriptor_set(&out, nullptr), CADRE_OK);
  EXPECT_GT(out.size, 100U);
  const std::string s(reinterpret_cast<const char *>(out.data), out.size);
  // Every file of the schema, e.g. those of the calendar's and the case store's operations.
  for (const char *file :
       {"cadre/v1/screening.proto", "cadre/v1/eligibility.proto", "cadre/v1/calendar.proto",
        "cadre/v1/case_service.proto", "cadre/v1/case_store.proto", "cadre/v1/service.proto",
        "cadre/v1/catalogue.proto", "cadre/v1/procedure.proto",
        "cadre/v1/procedure_definition.proto", "cadre/v1/sources.proto"}) {
    EXPECT_NE(s.find(file), std::string::npos) << file;
  }
  cadre_buffer_dispose(&out);
  EXPECT_EQ(cadre_descriptor_set(nullptr, nullptr), CADRE_INVALID_ARGUMENT);
}

}  // namespace

namespace {

// Protobuf wire helpers: this test links only libcadre, not protobuf.
std::string ld(int field, const std::string &payload) {
  std::string out(1, static_cast<char>(field << 3 | 2));
  std::size_t n = payload.size();
  do {
    auto b = static_cast<unsigned char>(n & 0x7fU);
    n >>= 7U;
    out.push_back(static_cast<char>(n != 0 ? (b | 0x80U) : b));
  } while (n != 0);
  return out + payload;
}
std::string varint_field(int field, int v) {
  return std::string(1, static_cast<char>(field << 3)) + std::string(1, static_cast<char>(v));
}
std::string record(const std::string &roster_record) {
  return ld(0, roster_record).substr(1);  // the varint length and the bytes
}

std::string stream_of_two() {
  const std::string post =
      ld(1, "p1") + varint_field(4, 7) + varint_field(5, 1) + ld(6, "2020-01-01");
  const auto cadre = [&](const std::string &id, const std::string &birth) {
    return ld(1, id) + varint_field(2, 1) + ld(3, birth) + varint_field(4, 1) + ld(5, post);
  };
  return "CADRES1\n" + record(ld(1, "")) + record(ld(7, cadre("old", "1960-01-01"))) +
         record(ld(7, cadre("young", "1990-01-01")));
}

TEST(CApi, AStreamsThreadCountIsCheckedAndSetBeforeItsFirstPush) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_stream *stream = nullptr;
  ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_error *err = nullptr;
  EXPECT_EQ(cadre_stream_set_threads(stream, 65, &err), CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "threads");
  cadre_error_free(err);
  EXPECT_EQ(cadre_stream_set_threads(nullptr, 2, nullptr), CADRE_INVALID_ARGUMENT);
  ASSERT_EQ(cadre_stream_set_threads(stream, 2, nullptr), CADRE_OK);
  const std::string wire = stream_of_two();
  cadre_buffer out{nullptr, 0};
  ASSERT_EQ(cadre_stream_push(&out, stream, bytes(wire), wire.size(), nullptr), CADRE_OK);
  const std::string pushed(reinterpret_cast<const char *>(out.data), out.size);
  EXPECT_NE(pushed.find("\"cadre_id\":\"old\""), std::string::npos) << pushed;
  cadre_buffer_dispose(&out);
  EXPECT_EQ(cadre_stream_set_threads(stream, 1, &err), CADRE_FAILED_PRECONDITION);
  EXPECT_STREQ(cadre_error_field(err), "threads");
  cadre_error_free(err);
  cadre_stream_free(stream);
  cadre_engine_free(engine);
}

TEST(CApi, StreamsARosterInChunks) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_stream *stream = nullptr;
  ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  const std::string wire = stream_of_two();
  std::string all;
  for (std::size_t pos = 0; pos < wire.size(); pos += 3) {
    cadre_buffer out{nullptr, 0};
    ASSERT_EQ(cadre_stream_push(&out, stream, bytes(wire) + pos,
                                std::min<std::size_t>(3, wire.size() - pos), nullptr),
              CADRE_OK);
    all.append(reinterpret_cast<const char *>(out.data), out.size);
    cadre_buffer_dispose(&out);
  }
  EXPECT_NE(all.find("\"cadre_id\":\"old\""), std::string::npos) << all;
  EXPECT_EQ(all.find("\"cadre_id\":\"young\""), std::string::npos) << all;
  cadre_buffer end{nullptr, 0};
  ASSERT_EQ(cadre_stream_finish(&end, stream, nullptr), CADRE_OK);
  const std::string summary(reinterpret_cast<const char *>(end.data), end.size);
  EXPECT_NE(summary.find("\"cadres_screened\":2"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"cadres_down\":1"), std::string::npos) << summary;
  cadre_buffer_dispose(&end);
  cadre_stream_free(stream);

  // Truncated: finish names the record; bad date and NULLs are refused.
  ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_BINARY, nullptr),
            CADRE_OK);
  cadre_buffer out{nullptr, 0};
  ASSERT_EQ(cadre_stream_push(&out, stream, bytes(wire), wire.size() - 1, nullptr), CADRE_OK);
  cadre_buffer_dispose(&out);
  cadre_error *err = nullptr;
  EXPECT_EQ(cadre_stream_finish(&out, stream, &err), CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "records[2]");
  // A broken stream still gives the summary of the cadres screened (counted
  // in StreamGoesOnPastABadRecordAndReportsWhatCameBeforeABreak).
  EXPECT_NE(out.data, nullptr);
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  cadre_stream_free(stream);
  EXPECT_EQ(cadre_stream_new(&stream, engine, "2025-02-30", CADRE_FORMAT_JSON, &err),
            CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "as_of");
  EXPECT_EQ(stream, nullptr);
  cadre_error_free(err);
  EXPECT_EQ(cadre_stream_new(&stream, nullptr, "2025-06-30", CADRE_FORMAT_JSON, nullptr),
            CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(cadre_stream_push(&out, nullptr, nullptr, 0, nullptr), CADRE_INVALID_ARGUMENT);
  cadre_stream_free(nullptr);
  cadre_engine_free(engine);
}

// Pushes @p bytes and returns the status, the response (JSON) in @p text.
int push_text(cadre_stream *stream, const std::string &bytes, std::string &text) {
  cadre_buffer out{nullptr, 0};
  const int rc = cadre_stream_push(
      &out, stream, reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), nullptr);
  text.assign(out.data == nullptr ? "" : reinterpret_cast<const char *>(out.data), out.size);
  cadre_buffer_dispose(&out);
  return rc;
}

TEST(CApi, StreamAfterFinishIsAFailedPrecondition) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_stream *stream = nullptr;
  ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  std::string text;
  ASSERT_EQ(push_text(stream, stream_of_two(), text), CADRE_OK);
  cadre_buffer out{nullptr, 0};
  ASSERT_EQ(cadre_stream_finish(&out, stream, nullptr), CADRE_OK);
  cadre_buffer_dispose(&out);
  cadre_error *err = nullptr;
  EXPECT_EQ(cadre_stream_finish(&out, stream, &err), CADRE_FAILED_PRECONDITION);
  EXPECT_STREQ(cadre_error_field(err), "stream");
  EXPECT_EQ(out.data, nullptr);
  cadre_error_free(err);
  EXPECT_EQ(cadre_stream_push(&out, stream, bytes(text), 1, &err), CADRE_FAILED_PRECONDITION);
  EXPECT_EQ(out.data, nullptr);
  cadre_error_free(err);
  EXPECT_EQ(cadre_stream_finish(&out, stream, nullptr), CADRE_FAILED_PRECONDITION);
  cadre_stream_free(stream);
  cadre_engine_free(engine);
}

// A record that does not parse is a record error; broken framing ends the
// stream, and the push that meets it still gives what came before.
TEST(CApi, StreamGoesOnPastABadRecordAndReportsWhatCameBeforeABreak) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_stream *stream = nullptr;
  ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  // records[1]: a cadre whose id is not UTF-8; then the two cadres.
  const std::string two = stream_of_two();
  const std::string header_end = "CADRES1\n" + record(ld(1, ""));
  const std::string bad =
      header_end + record(ld(7, ld(1, "\xff\xfe"))) + two.substr(header_end.size());
  std::string text;
  ASSERT_EQ(push_text(stream, bad, text), CADRE_OK);
  EXPECT_NE(text.find(R"("field_path":"records[1]")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("cadre_id":"old")"), std::string::npos) << text;
  // A length that is not a varint breaks the framing: the error, and the
  // findings of the whole records of the same push before it.
  const std::string broken = two.substr(header_end.size()) + std::string(11, '\x80');
  cadre_buffer out{nullptr, 0};
  cadre_error *err = nullptr;
  EXPECT_EQ(cadre_stream_push(&out, stream, bytes(broken), broken.size(), &err),
            CADRE_INVALID_ARGUMENT);
  EXPECT_STREQ(cadre_error_field(err), "records[6]");
  cadre_error_free(err);
  ASSERT_NE(out.data, nullptr);
  text.assign(reinterpret_cast<const char *>(out.data), out.size);
  cadre_buffer_dispose(&out);
  // "old" and "young" again: duplicate ids, errors of their own.
  EXPECT_NE(text.find(R"("field_path":"cadres[3].id")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("field_path":"cadres[4].id")"), std::string::npos) << text;
  EXPECT_EQ(cadre_stream_push(&out, stream, bytes(two), two.size(), nullptr),
            CADRE_INVALID_ARGUMENT);
  EXPECT_EQ(out.data, nullptr);
  EXPECT_EQ(cadre_stream_finish(&out, stream, nullptr), CADRE_INVALID_ARGUMENT);
  ASSERT_NE(out.data, nullptr);
  text.assign(reinterpret_cast<const char *>(out.data), out.size);
  cadre_buffer_dispose(&out);
  EXPECT_NE(text.find(R"("cadres_screened":2)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("records_rejected":3)"), std::string::npos) << text;
  cadre_stream_free(stream);
  cadre_engine_free(engine);
}

// The stream keeps the engine alive: freeing the engine first is no
// use-after-free (AddressSanitizer), in either order.
TEST(CApi, AnEngineFreedBeforeItsStreamStaysAliveForIt) {
  for (const bool engine_first : {true, false}) {
    cadre_engine *engine = nullptr;
    ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
    cadre_stream *stream = nullptr;
    ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr),
              CADRE_OK);
    if (engine_first) {
      cadre_engine_free(engine);
    }
    std::string text;
    ASSERT_EQ(push_text(stream, stream_of_two(), text), CADRE_OK);
    EXPECT_NE(text.find(R"("cadre_id":"old")"), std::string::npos) << text;
    cadre_buffer out{nullptr, 0};
    ASSERT_EQ(cadre_stream_finish(&out, stream, nullptr), CADRE_OK);
    cadre_buffer_dispose(&out);
    if (!engine_first) {
      cadre_engine_free(engine);
    }
    cadre_stream_free(stream);
  }
}

// Each entry point refuses a NULL handle or an unknown format with
// CADRE_INVALID_ARGUMENT and names the argument in the error's field, leaving
// a given result empty.
TEST(CApi, EveryEntryPointNamesItsBadArgument) {
  cadre_engine *engine = nullptr;
  ASSERT_EQ(cadre_engine_new(&engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  cadre_stream *stream = nullptr;
  ASSERT_EQ(cadre_stream_new(&stream, engine, "2025-06-30", CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  const std::string roster = R"({"cadres":[]})";
  cadre_buffer out{nullptr, 0};
  cadre_stream *no_stream = nullptr;
  struct Case {
    const char *call;
    const char *field;
    int code;
  };
  cadre_error *err = nullptr;
  const auto expect = [&err](const Case &k) {
    EXPECT_EQ(k.code, CADRE_INVALID_ARGUMENT) << k.call;
    EXPECT_EQ(cadre_error_code(err), CADRE_INVALID_ARGUMENT) << k.call;
    EXPECT_STREQ(cadre_error_field(err), k.field) << k.call;
    cadre_error_free(err);
    err = nullptr;
  };
  expect({"stream_new out", "out",
          cadre_stream_new(nullptr, engine, "2025-06-30", CADRE_FORMAT_JSON, &err)});
  expect({"stream_new as_of", "as_of",
          cadre_stream_new(&no_stream, engine, nullptr, CADRE_FORMAT_JSON, &err)});
  EXPECT_EQ(no_stream, nullptr);
  expect(
      {"stream_new format", "format", cadre_stream_new(&no_stream, engine, "2025-06-30", 7, &err)});
  EXPECT_EQ(no_stream, nullptr);
  expect({"stream_push out", "out", cadre_stream_push(nullptr, stream, bytes(roster), 1, &err)});
  expect(
      {"stream_push stream", "stream", cadre_stream_push(&out, nullptr, bytes(roster), 1, &err)});
  EXPECT_EQ(out.data, nullptr);
  expect({"stream_finish out", "out", cadre_stream_finish(nullptr, stream, &err)});
  expect({"stream_finish stream", "stream", cadre_stream_finish(&out, nullptr, &err)});
  EXPECT_EQ(out.data, nullptr);
  expect({"roster_validate out", "out",
          cadre_roster_validate(nullptr, bytes(roster), roster.size(), CADRE_FORMAT_JSON,
                                CADRE_FORMAT_JSON, nullptr, &err)});
  expect({"roster_validate format", "format",
          cadre_roster_validate(&out, bytes(roster), roster.size(), 3, CADRE_FORMAT_JSON, nullptr,
                                &err)});
  expect({"roster_validate response_format", "response_format",
          cadre_roster_validate(&out, bytes(roster), roster.size(), CADRE_FORMAT_JSON,
                                CADRE_FORMAT_STREAM, nullptr, &err)});
  EXPECT_EQ(out.data, nullptr);
  expect({"roster_convert out", "out",
          cadre_roster_convert(nullptr, bytes(roster), roster.size(), CADRE_FORMAT_JSON,
                               CADRE_FORMAT_BINARY, &err)});
  // The stream is still whole after the refusals.
  std::string text;
  ASSERT_EQ(push_text(stream, stream_of_two(), text), CADRE_OK);
  EXPECT_NE(text.find(R"("cadre_id":"old")"), std::string::npos) << text;
  ASSERT_EQ(cadre_stream_finish(&out, stream, nullptr), CADRE_OK);
  cadre_buffer_dispose(&out);
  cadre_stream_free(stream);
  cadre_engine_free(engine);
}

}  // namespace
