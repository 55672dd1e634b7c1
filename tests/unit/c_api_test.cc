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
  EXPECT_NE(s.find("cadre/v1/screening.proto"), std::string::npos);
  cadre_buffer_dispose(&out);
  EXPECT_EQ(cadre_descriptor_set(nullptr, nullptr), CADRE_INVALID_ARGUMENT);
}

}  // namespace
