/*
 * The C ABI exercised from C99, as a host written in C sees it.
 *
 * Built twice (tests/c/CMakeLists.txt): in-tree against the source headers
 * (test c.c99) and against the installed headers only (test
 * c.c99_installed_header), both with -std=c99 -pedantic -Werror
 * -Wstrict-prototypes. Prints one line per check ("ok N - ..." or
 * "not ok N - ...") and exits non-zero on the first failure.
 */
#include <cadre/cadre.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int g_checks = 0;

#define CHECK(cond, what)                                                                 \
  do {                                                                                    \
    ++g_checks;                                                                           \
    if (cond) {                                                                           \
      printf("ok %d - %s\n", g_checks, (what));                                           \
    } else {                                                                              \
      printf("not ok %d - %s\n  failed: %s (%s:%d)\n", g_checks, (what), #cond, __FILE__, \
             __LINE__);                                                                   \
      fflush(stdout);                                                                     \
      exit(EXIT_FAILURE);                                                                 \
    }                                                                                     \
  } while (0)

static int str_eq(const char *a, const char *b) {
  return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static int buffer_is_empty(const cadre_buffer *buf) { return buf->data == NULL && buf->size == 0; }

/* Whether the bytes of @p buf contain @p needle (no NUL terminator assumed). */
static int buffer_contains(const cadre_buffer *buf, const char *needle) {
  size_t n = strlen(needle);
  size_t i;
  if (buf->data == NULL || n == 0 || buf->size < n) {
    return 0;
  }
  for (i = 0; i + n <= buf->size; ++i) {
    if (memcmp(buf->data + i, needle, n) == 0) {
      return 1;
    }
  }
  return 0;
}

/* Shows the error of a failed call before the check that reports it. */
static void show_error(const char *call, int rc, const cadre_error *err) {
  if (rc != CADRE_OK) {
    printf("# %s: %s (%d): field \"%s\": %s\n", call, cadre_status_name(rc), rc,
           cadre_error_field(err), cadre_error_message(err));
  }
}

static int screen_json(cadre_buffer *out, const cadre_engine *engine, const char *json,
                       cadre_error **err) {
  return cadre_screen(out, engine, (const uint8_t *)json, strlen(json), CADRE_FORMAT_JSON, err);
}

static void test_version(void) {
  CHECK(cadre_version_number() == CADRE_VERSION_NUMBER,
        "cadre_version_number() == CADRE_VERSION_NUMBER");
  CHECK(cadre_abi_version() == CADRE_ABI_VERSION, "cadre_abi_version() == CADRE_ABI_VERSION");
  CHECK(str_eq(cadre_version_string(), CADRE_VERSION_STRING),
        "cadre_version_string() == CADRE_VERSION_STRING");
  CHECK(CADRE_VERSION_NUMBER ==
            CADRE_VERSION_MAJOR * 10000 + CADRE_VERSION_MINOR * 100 + CADRE_VERSION_PATCH,
        "CADRE_VERSION_NUMBER is major * 10000 + minor * 100 + patch");
}

static void test_status_names(void) {
  CHECK(str_eq(cadre_status_name(CADRE_OK), "OK"), "cadre_status_name(0) == \"OK\"");
  CHECK(str_eq(cadre_status_name(CADRE_INVALID_ARGUMENT), "INVALID_ARGUMENT"),
        "cadre_status_name(3) == \"INVALID_ARGUMENT\"");
  CHECK(str_eq(cadre_status_name(CADRE_UNAUTHENTICATED), "UNAUTHENTICATED"),
        "cadre_status_name(16) == \"UNAUTHENTICATED\"");
  CHECK(str_eq(cadre_status_name(999), "UNRECOGNIZED"),
        "cadre_status_name(999) == \"UNRECOGNIZED\"");
  CHECK(str_eq(cadre_status_name(-1), "UNRECOGNIZED"), "cadre_status_name(-1) == \"UNRECOGNIZED\"");
}

static void test_null_arguments(void) {
  cadre_buffer empty = {NULL, 0};
  cadre_error_free(NULL);
  CHECK(1, "cadre_error_free(NULL) is a no-op");
  cadre_engine_free(NULL);
  CHECK(1, "cadre_engine_free(NULL) is a no-op");
  cadre_buffer_dispose(NULL);
  CHECK(1, "cadre_buffer_dispose(NULL) is a no-op");
  cadre_buffer_dispose(&empty);
  CHECK(buffer_is_empty(&empty), "cadre_buffer_dispose of an empty buffer leaves {NULL, 0}");
  CHECK(cadre_error_code(NULL) == CADRE_OK, "cadre_error_code(NULL) == CADRE_OK");
  CHECK(str_eq(cadre_error_message(NULL), ""), "cadre_error_message(NULL) == \"\"");
  CHECK(str_eq(cadre_error_field(NULL), ""), "cadre_error_field(NULL) == \"\"");
}

static void test_engine_new_errors(void) {
  cadre_error *err = NULL;
  cadre_engine *engine = NULL;
  int rc;

  rc = cadre_engine_new(NULL, NULL, 0, CADRE_FORMAT_JSON, &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "cadre_engine_new(NULL, ...) gives INVALID_ARGUMENT");
  CHECK(err != NULL, "cadre_engine_new(NULL, ...) sets an error");
  CHECK(cadre_error_code(err) == CADRE_INVALID_ARGUMENT, "the error's code is INVALID_ARGUMENT");
  CHECK(cadre_error_message(err) != NULL && cadre_error_message(err)[0] != '\0',
        "the error's message is not empty");
  cadre_error_free(err);
  err = NULL;

  rc = cadre_engine_new(NULL, NULL, 0, CADRE_FORMAT_JSON, NULL);
  CHECK(rc == CADRE_INVALID_ARGUMENT,
        "cadre_engine_new(NULL, ..., err = NULL) gives INVALID_ARGUMENT");

  rc = cadre_engine_new(&engine, NULL, 0, 42, &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "cadre_engine_new with format 42 gives INVALID_ARGUMENT");
  CHECK(engine == NULL, "a failed cadre_engine_new leaves the engine NULL");
  cadre_error_free(err);
}

static cadre_engine *make_engine(void) {
  cadre_error *err = NULL;
  cadre_engine *engine = NULL;
  int rc = cadre_engine_new(&engine, NULL, 0, CADRE_FORMAT_BINARY, &err);
  show_error("cadre_engine_new", rc, err);
  CHECK(rc == CADRE_OK, "cadre_engine_new with default options gives OK");
  CHECK(engine != NULL, "cadre_engine_new gives an engine");
  CHECK(err == NULL, "a successful call sets *err to NULL");
  cadre_error_free(err);
  return engine;
}

static void test_screen_errors(const cadre_engine *engine) {
  static const uint8_t garbage[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                    0xff, 0xff, 0xff, 0x07, 0x0a, 0xff, 0x00};
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc;

  rc = screen_json(&out, engine, "{\"as_of\": \"2025-06-30\", \"cadres\": [", &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "invalid JSON gives INVALID_ARGUMENT");
  CHECK(buffer_is_empty(&out), "invalid JSON leaves the buffer {NULL, 0}");
  CHECK(err != NULL && cadre_error_message(err)[0] != '\0',
        "invalid JSON gives an error with a message");
  cadre_error_free(err);
  err = NULL;

  rc = screen_json(&out, engine, "{\"as_of\":\"2017-02-30\",\"cadres\":[]}", &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "as_of \"2017-02-30\" gives INVALID_ARGUMENT");
  CHECK(str_eq(cadre_error_field(err), "as_of"), "the error's field is \"as_of\"");
  CHECK(buffer_is_empty(&out), "a failed cadre_screen leaves the buffer {NULL, 0}");
  cadre_error_free(err);
  err = NULL;

  rc = cadre_screen(&out, engine, garbage, sizeof garbage, CADRE_FORMAT_BINARY, &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "garbage protobuf binary gives INVALID_ARGUMENT");
  CHECK(buffer_is_empty(&out), "garbage binary leaves the buffer {NULL, 0}");
  cadre_error_free(err);
  err = NULL;

  rc = screen_json(&out, NULL, "{\"as_of\":\"2025-06-30\",\"cadres\":[]}", &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "cadre_screen with a NULL engine gives INVALID_ARGUMENT");
  cadre_error_free(err);
  err = NULL;

  rc = screen_json(NULL, engine, "{\"as_of\":\"2025-06-30\",\"cadres\":[]}", &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "cadre_screen with a NULL out gives INVALID_ARGUMENT");
  cadre_error_free(err);
}

static void test_screen_retirement(const cadre_engine *engine) {
  static const char request[] =
      "{\"as_of\":\"2025-06-30\",\"cadres\":[{\"id\":\"c1\",\"sex\":\"SEX_MALE\","
      "\"birth_date\":\"1965-03-02\",\"posts\":[{\"id\":\"p1\","
      "\"rank_level\":\"RANK_LEVEL_COUNTY_PRINCIPAL\",\"kind\":\"POST_KIND_LEADERSHIP\","
      "\"start_date\":\"2019-01-01\"}]}]}";
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc = screen_json(&out, engine, request, &err);
  show_error("cadre_screen", rc, err);
  CHECK(rc == CADRE_OK, "screening a well-formed roster gives OK");
  CHECK(err == NULL, "a successful cadre_screen sets *err to NULL");
  CHECK(out.data != NULL && out.size > 0, "the response is not empty");
  if (out.data != NULL) {
    printf("# response: %.*s\n", out.size > 2000 ? 2000 : (int)out.size, (const char *)out.data);
  }
  CHECK(buffer_contains(&out, "cn-2022.age.retirement"),
        "the response names the rule cn-2022.age.retirement");
  CHECK(buffer_contains(&out, "2025-04-02"),
        "the response gives the retirement date 2025-04-02 (born 1965-03-02, 60 years 1 month)");
  cadre_buffer_dispose(&out);
  CHECK(buffer_is_empty(&out), "cadre_buffer_dispose sets the buffer to {NULL, 0}");
  cadre_error_free(err);
}

/* The four "going up" calls share one signature. */
typedef int (*up_call)(cadre_buffer *out, const cadre_engine *engine, const uint8_t *request,
                       size_t request_size, int format, cadre_error **err);

static int up_json(up_call call, cadre_buffer *out, const cadre_engine *engine, const char *json,
                   cadre_error **err) {
  return call(out, engine, (const uint8_t *)json, strlen(json), CADRE_FORMAT_JSON, err);
}

static void show_response(const cadre_buffer *out) {
  if (out->data != NULL) {
    printf("# response: %.*s\n", out->size > 2000 ? 2000 : (int)out->size, (const char *)out->data);
  }
}

/* Calls @p call with @p json, which must fail with INVALID_ARGUMENT naming @p field. */
static void check_bad_request(up_call call, const char *name, const cadre_engine *engine,
                              const char *json, const char *field) {
  char what[256];
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc = up_json(call, &out, engine, json, &err);
  show_error(name, rc, err);
  sprintf(what, "%s with a bad \"%s\" gives INVALID_ARGUMENT", name, field);
  CHECK(rc == CADRE_INVALID_ARGUMENT, what);
  sprintf(what, "%s: the error's code is INVALID_ARGUMENT", name);
  CHECK(cadre_error_code(err) == CADRE_INVALID_ARGUMENT, what);
  sprintf(what, "%s: the error's field is \"%s\"", name, field);
  CHECK(str_eq(cadre_error_field(err), field), what);
  sprintf(what, "%s: a failed call leaves the buffer {NULL, 0}", name);
  CHECK(buffer_is_empty(&out), what);
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
}

/* NULL out, NULL engine, an unknown format and JSON that does not parse. */
static void check_up_null_arguments(up_call call, const char *name, const cadre_engine *engine,
                                    const char *json) {
  char what[256];
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc;

  rc = up_json(call, NULL, engine, json, &err);
  sprintf(what, "%s with a NULL out gives INVALID_ARGUMENT", name);
  CHECK(rc == CADRE_INVALID_ARGUMENT && cadre_error_code(err) == CADRE_INVALID_ARGUMENT, what);
  cadre_error_free(err);
  err = NULL;

  rc = up_json(call, &out, NULL, json, &err);
  sprintf(what, "%s with a NULL engine gives INVALID_ARGUMENT", name);
  CHECK(rc == CADRE_INVALID_ARGUMENT && err != NULL && buffer_is_empty(&out), what);
  cadre_error_free(err);
  err = NULL;

  rc = up_json(call, &out, NULL, json, NULL);
  sprintf(what, "%s with a NULL engine and err = NULL gives INVALID_ARGUMENT", name);
  CHECK(rc == CADRE_INVALID_ARGUMENT && buffer_is_empty(&out), what);

  rc = call(&out, engine, (const uint8_t *)json, strlen(json), 42, &err);
  sprintf(what, "%s with format 42 gives INVALID_ARGUMENT", name);
  CHECK(rc == CADRE_INVALID_ARGUMENT && err != NULL && buffer_is_empty(&out), what);
  cadre_error_free(err);
  err = NULL;

  rc = up_json(call, &out, engine, "{\"as_of\": \"2024-03-01\", \"cadres\": [", &err);
  sprintf(what, "%s with invalid JSON gives INVALID_ARGUMENT", name);
  CHECK(rc == CADRE_INVALID_ARGUMENT && err != NULL && cadre_error_message(err)[0] != '\0' &&
            buffer_is_empty(&out),
        what);
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
}

/*
 * A county deputy born BIRTH_DATE and admonished (an early warning of kind
 * ADMONISHMENT) on ISSUED_ON, as protobuf JSON, ids c1, p1 and w1; EXTRA is
 * appended to the cadre's fields and starts with a comma when not empty.
 */
#define ADMONISHED_CADRE(birth_date, issued_on, extra)                                        \
  "{\"id\":\"c1\",\"sex\":\"SEX_MALE\","                                                      \
  "\"birth_date\":\"" birth_date                                                              \
  "\","                                                                                       \
  "\"birth_date_source\":\"BIRTH_DATE_SOURCE_PERSONNEL_FILE\","                               \
  "\"work_start_date\":\"1990-07-01\",\"grassroots_months\":60,"                              \
  "\"posts\":[{\"id\":\"p1\",\"unit_id\":\"u1\",\"rank_level\":\"RANK_LEVEL_COUNTY_DEPUTY\"," \
  "\"kind\":\"POST_KIND_LEADERSHIP\",\"start_date\":\"2015-01-01\"}],"                        \
  "\"early_warnings\":[{\"id\":\"w1\",\"kind\":\"EARLY_WARNING_KIND_ADMONISHMENT\","          \
  "\"issued_on\":\"" issued_on "\"}]" extra "}"

static void test_eligibility(const cadre_engine *engine) {
  static const char blocked[] =
      "{\"as_of\":\"2024-07-14\",\"target\":\"ELIGIBILITY_TARGET_HIGHER_LEVEL\",\"cadres\":"
      "[" ADMONISHED_CADRE("1965-03-02", "2024-01-15", "") "]}";
  static const char lifted[] =
      "{\"as_of\":\"2024-07-15\",\"target\":\"ELIGIBILITY_TARGET_HIGHER_LEVEL\",\"cadres\":"
      "[" ADMONISHED_CADRE("1965-03-02", "2024-01-15", "") "]}";
  static const char bad_record[] =
      "{\"as_of\":\"2024-03-01\",\"target\":\"ELIGIBILITY_TARGET_CANDIDATE\",\"cadres\":"
      "[" ADMONISHED_CADRE("1965-02-30", "2024-01-15", "") "]}";
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc;

  rc = up_json(cadre_eligibility, &out, engine, blocked, &err);
  show_error("cadre_eligibility", rc, err);
  CHECK(rc == CADRE_OK, "cadre_eligibility of an admonished cadre gives OK");
  CHECK(err == NULL, "a successful cadre_eligibility sets *err to NULL");
  show_response(&out);
  CHECK(buffer_contains(&out, "\"rule_id\":\"cn-common.up.admonishment\""),
        "the admonishment blocks: blocker rule_id cn-common.up.admonishment");
  CHECK(buffer_contains(&out, "\"lifts_on\":\"2024-07-15\""),
        "the blocker lifts on 2024-07-15 (admonished 2024-01-15, six months, day one counted)");
  CHECK(buffer_contains(&out, "\"eligible_from\":\"2024-07-15\""),
        "the answer gives eligible_from 2024-07-15");
  CHECK(buffer_contains(&out,
                        "\"catalogue\":{\"id\":\"cn-2022\",\"version\":\"2022.1\","
                        "\"content_hash\":\""),
        "the answer carries the catalogue in force: id, version and content hash");
  CHECK(!buffer_contains(&out, "\"eligible\":true"), "the blocked cadre is not eligible");
  cadre_buffer_dispose(&out);
  CHECK(buffer_is_empty(&out), "cadre_buffer_dispose sets the buffer to {NULL, 0}");
  cadre_error_free(err);
  err = NULL;

  rc = up_json(cadre_eligibility, &out, engine, lifted, &err);
  show_error("cadre_eligibility", rc, err);
  CHECK(rc == CADRE_OK, "cadre_eligibility on the day the blocker lifts gives OK");
  show_response(&out);
  CHECK(buffer_contains(&out, "\"eligible\":true"), "on 2024-07-15 the cadre is eligible");
  CHECK(!buffer_contains(&out, "up.admonishment"), "on 2024-07-15 no blocker remains");
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  err = NULL;

  rc = up_json(cadre_eligibility, &out, engine, bad_record, &err);
  show_error("cadre_eligibility", rc, err);
  CHECK(rc == CADRE_OK, "a bad record does not fail cadre_eligibility");
  show_response(&out);
  CHECK(buffer_contains(&out, "\"field_path\":\"cadres[0].birth_date\""),
        "the response's errors name cadres[0].birth_date");
  CHECK(!buffer_contains(&out, "1965"), "the record error does not repeat the birth date");
  cadre_buffer_dispose(&out);
  cadre_error_free(err);

  check_bad_request(cadre_eligibility, "cadre_eligibility", engine,
                    "{\"as_of\":\"2024-03-01\",\"cadres\":[]}", "target");
  check_bad_request(cadre_eligibility, "cadre_eligibility", engine,
                    "{\"as_of\":\"2024-02-30\",\"target\":\"ELIGIBILITY_TARGET_HIGHER_LEVEL\","
                    "\"cadres\":[]}",
                    "as_of");
  check_up_null_arguments(
      cadre_eligibility, "cadre_eligibility", engine,
      "{\"as_of\":\"2024-03-01\",\"target\":\"ELIGIBILITY_TARGET_HIGHER_LEVEL\",\"cadres\":[]}");
}

static void test_grade_cap(const cadre_engine *engine) {
  static const char request[] =
      "{\"year\":2024,\"cadres\":[" ADMONISHED_CADRE("1965-03-02", "2024-12-31", "") "]}";
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc = up_json(cadre_grade_cap, &out, engine, request, &err);
  show_error("cadre_grade_cap", rc, err);
  CHECK(rc == CADRE_OK, "cadre_grade_cap of an admonished cadre gives OK");
  CHECK(err == NULL, "a successful cadre_grade_cap sets *err to NULL");
  show_response(&out);
  CHECK(buffer_contains(&out, "\"year\":2024"), "the response gives year 2024");
  CHECK(buffer_contains(&out, "\"best_allowed\":\"ASSESSMENT_GRADE_COMPETENT\""),
        "admonished in 2024: best allowed grade is ASSESSMENT_GRADE_COMPETENT");
  CHECK(buffer_contains(&out, "\"id\":\"w1\""), "the cap's reason names the record w1");
  cadre_buffer_dispose(&out);
  cadre_error_free(err);

  check_bad_request(cadre_grade_cap, "cadre_grade_cap", engine, "{\"cadres\":[]}", "year");
  check_up_null_arguments(cadre_grade_cap, "cadre_grade_cap", engine,
                          "{\"year\":2024,\"cadres\":[]}");
}

static void test_warnings(const cadre_engine *engine) {
  static const char request[] =
      "{\"as_of\":\"2024-06-30\",\"horizon_months\":12,\"cadres\":[" ADMONISHED_CADRE(
          "1965-03-02", "2024-01-15", "") "]}";
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc = up_json(cadre_warnings, &out, engine, request, &err);
  show_error("cadre_warnings", rc, err);
  CHECK(rc == CADRE_OK, "cadre_warnings of an admonished cadre gives OK");
  CHECK(err == NULL, "a successful cadre_warnings sets *err to NULL");
  show_response(&out);
  CHECK(buffer_contains(&out,
                        "\"warnings\":[{\"cadre_id\":\"c1\",\"rule_id\":"
                        "\"cn-common.up.admonishment\",\"on\":\"2024-07-15\""),
        "the first warning: c1, cn-common.up.admonishment lifts on 2024-07-15");
  cadre_buffer_dispose(&out);
  cadre_error_free(err);

  check_bad_request(cadre_warnings, "cadre_warnings", engine,
                    "{\"as_of\":\"2024-06-30\",\"horizon_months\":-1,\"cadres\":[]}",
                    "horizon_months");
  check_bad_request(cadre_warnings, "cadre_warnings", engine,
                    "{\"as_of\":\"2024-06-30\",\"horizon_months\":601,\"cadres\":[]}",
                    "horizon_months");
  check_bad_request(cadre_warnings, "cadre_warnings", engine,
                    "{\"as_of\":\"2024-13-01\",\"horizon_months\":12,\"cadres\":[]}", "as_of");
  check_up_null_arguments(cadre_warnings, "cadre_warnings", engine,
                          "{\"as_of\":\"2024-06-30\",\"horizon_months\":12,\"cadres\":[]}");
}

#define DECIDED_REMOVAL                                            \
  ",\"accountability_decisions\":[{\"id\":\"ad1\","                \
  "\"forms\":[\"ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT\"]," \
  "\"measures\":[\"ORGANISATIONAL_MEASURE_REMOVAL\"],\"decided_on\":\"2024-01-31\"}]"

static void test_consistency(const cadre_engine *engine) {
  static const char overdue[] = "{\"as_of\":\"2024-03-01\",\"cadres\":[" ADMONISHED_CADRE(
      "1965-03-02", "2024-01-15", DECIDED_REMOVAL) "]}";
  static const char on_deadline[] = "{\"as_of\":\"2024-02-29\",\"cadres\":[" ADMONISHED_CADRE(
      "1965-03-02", "2024-01-15", DECIDED_REMOVAL) "]}";
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc = up_json(cadre_consistency, &out, engine, overdue, &err);
  show_error("cadre_consistency", rc, err);
  CHECK(rc == CADRE_OK, "cadre_consistency of a decision without adjustment gives OK");
  CHECK(err == NULL, "a successful cadre_consistency sets *err to NULL");
  show_response(&out);
  CHECK(buffer_contains(&out, "\"rule_id\":\"cn-common.consistency.adjustment-deadline.2019\""),
        "the decision ad1 without adjustment is flagged under the 2019 deadline rule");
  CHECK(buffer_contains(&out, "\"due_on\":\"2024-02-29\""), "the flag is due on 2024-02-29");
  cadre_buffer_dispose(&out);
  cadre_error_free(err);
  err = NULL;

  rc = up_json(cadre_consistency, &out, engine, on_deadline, &err);
  show_error("cadre_consistency", rc, err);
  CHECK(rc == CADRE_OK, "cadre_consistency on the deadline gives OK");
  show_response(&out);
  CHECK(out.data != NULL && !buffer_contains(&out, "adjustment-deadline"),
        "on the deadline 2024-02-29 nothing is flagged yet");
  cadre_buffer_dispose(&out);
  cadre_error_free(err);

  check_bad_request(cadre_consistency, "cadre_consistency", engine,
                    "{\"as_of\":\"2024-02-30\",\"cadres\":[]}", "as_of");
  check_up_null_arguments(cadre_consistency, "cadre_consistency", engine,
                          "{\"as_of\":\"2024-03-01\",\"cadres\":[]}");
}

static void test_descriptor_set(void) {
  cadre_buffer out = {NULL, 0};
  cadre_error *err = NULL;
  int rc = cadre_descriptor_set(&out, &err);
  show_error("cadre_descriptor_set", rc, err);
  CHECK(rc == CADRE_OK, "cadre_descriptor_set gives OK");
  CHECK(out.data != NULL && out.size > 0, "the descriptor set is not empty");
  cadre_buffer_dispose(&out);
  CHECK(buffer_is_empty(&out), "cadre_buffer_dispose sets the buffer to {NULL, 0}");
  cadre_error_free(err);
  err = NULL;

  rc = cadre_descriptor_set(NULL, &err);
  CHECK(rc == CADRE_INVALID_ARGUMENT, "cadre_descriptor_set(NULL, ...) gives INVALID_ARGUMENT");
  cadre_error_free(err);
}

static void test_labels(void) {
  /* UTF-8 of 问责追究调整, 考核不称职者下, 留党察看, 免责, written as escapes. */
  static const char accountability[] =
      "\351\227\256\350\264\243\350\277\275\347\251\266\350\260\203\346\225\264";
  static const char rated_incompetent[] =
      "\350\200\203\346\240\270\344\270\215\347\247\260\350\201\214\350\200\205"
      "\344\270\213";
  static const char probation_within_party[] = "\347\225\231\345\205\232\345\257\237\347\234\213";
  static const char exempt[] = "\345\205\215\350\264\243";

  CHECK(str_eq(cadre_label("cadre.v1.Channel", 3, "zh-CN"), accountability),
        "cadre_label(\"cadre.v1.Channel\", 3, \"zh-CN\") is the official term");
  CHECK(str_eq(cadre_label("Channel", 3, NULL), accountability),
        "cadre_label with a short name and language NULL gives zh-CN");
  CHECK(str_eq(cadre_label("Channel", 3, "en"), "adjustment through accountability"),
        "cadre_label(\"Channel\", 3, \"en\")");
  CHECK(str_eq(cadre_label("cadre.v1.Heading", 5, "zh-CN"), rated_incompetent),
        "cadre_label(\"cadre.v1.Heading\", 5, \"zh-CN\")");
  CHECK(str_eq(cadre_label("PartySanctionKind", 4, "zh-CN"), probation_within_party),
        "cadre_label(\"PartySanctionKind\", 4, \"zh-CN\")");
  CHECK(str_eq(cadre_label("ExemptionDecision", 1, "zh-CN"), exempt),
        "cadre_label(\"ExemptionDecision\", 1, \"zh-CN\")");
  CHECK(str_eq(cadre_label("Channel", 99, "zh-CN"), ""), "an unknown value gives \"\"");
  CHECK(str_eq(cadre_label("NoSuchEnum", 1, "en"), ""), "an unknown enum gives \"\"");
  CHECK(str_eq(cadre_label(NULL, 1, "en"), ""), "enum_name NULL gives \"\"");
  CHECK(str_eq(cadre_label("Channel", 3, "fr"), ""), "an unknown language gives \"\"");
  CHECK(cadre_label("Channel", 3, "en") == cadre_label("cadre.v1.Channel", 3, "en"),
        "cadre_label returns the library's static string");
}

int main(void) {
  cadre_engine *engine;

  printf("# cadre C ABI test: headers %s (ABI %d), library %s (ABI %d)\n", CADRE_VERSION_STRING,
         CADRE_ABI_VERSION, cadre_version_string(), cadre_abi_version());
  test_version();
  test_status_names();
  test_null_arguments();
  test_engine_new_errors();
  engine = make_engine();
  test_screen_errors(engine);
  test_screen_retirement(engine);
  test_eligibility(engine);
  test_grade_cap(engine);
  test_warnings(engine);
  test_consistency(engine);
  cadre_engine_free(engine);
  test_descriptor_set();
  test_labels();
  printf("1..%d\n# all %d checks passed\n", g_checks, g_checks);
  return EXIT_SUCCESS;
}
