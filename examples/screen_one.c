/*
 * screen_one.c: screen one cadre through the C ABI (libcadre.so).
 *
 * A male county head (县长) born 1965-03-02, screened as of 2025-06-30. The
 * response has one finding, "cn-2022.age.retirement" through the channel
 * 到龄免职(退休), effective 2025-04-02: men retire at 60, plus one month for
 * births from January to April 1965 under the 2024 phase-in.
 *
 * Build: cc -std=c99 screen_one.c -lcadre. Uses only cadre/cadre.h.
 */
#include <stdio.h>
#include <string.h>

#include "cadre/cadre.h"

/* Prints a failed call's status and message, then releases the error. */
static int fail(const char *what, int status, cadre_error *err) {
  fprintf(stderr, "screen_one: FAILED: %s: %s: %s\n", what, cadre_status_name(status),
          cadre_error_message(err));
  cadre_error_free(err);
  return 1;
}

int main(void) {
  /* The library must speak the ABI these headers describe. */
  if (cadre_abi_version() != CADRE_ABI_VERSION) {
    fprintf(stderr, "screen_one: FAILED: headers %s (ABI %d), library %s (ABI %d)\n",
            CADRE_VERSION_STRING, CADRE_ABI_VERSION, cadre_version_string(), cadre_abi_version());
    return 1;
  }

  /* [screen] */
  /* A cadre.v1.ScreenRequest in protobuf JSON: enum values by name, dates as
     "YYYY-MM-DD". */
  static const char request[] =
      "{\n"
      "  \"as_of\": \"2025-06-30\",\n"
      "  \"cadres\": [{\n"
      "    \"id\": \"c-0001\",\n"
      "    \"sex\": \"SEX_MALE\",\n"
      "    \"birth_date\": \"1965-03-02\",\n"
      "    \"birth_date_source\": \"BIRTH_DATE_SOURCE_PERSONNEL_FILE\",\n"
      "    \"posts\": [{\n"
      "      \"id\": \"p-1\",\n"
      "      \"unit_id\": \"u-county-01\",\n"
      "      \"title\": \"县长\",\n"
      "      \"rank_level\": \"RANK_LEVEL_COUNTY_PRINCIPAL\",\n"
      "      \"kind\": \"POST_KIND_LEADERSHIP\",\n"
      "      \"start_date\": \"2019-01-01\"\n"
      "    }]\n"
      "  }]\n"
      "}\n";

  cadre_engine *engine = NULL;
  cadre_buffer response = {NULL, 0};
  cadre_error *err = NULL;

  /* The engine, with the default options. The caller owns it. */
  int status = cadre_engine_new(&engine, NULL, 0, CADRE_FORMAT_JSON, &err);
  if (status != CADRE_OK) return fail("cadre_engine_new", status, err);

  /* The request is borrowed for the call; the response is JSON, like it. */
  status = cadre_screen(&response, engine, (const uint8_t *)request, strlen(request),
                        CADRE_FORMAT_JSON, &err);
  if (status != CADRE_OK) {
    cadre_engine_free(engine);
    return fail("cadre_screen", status, err);
  }

  fwrite(response.data, 1, response.size, stdout);
  fputc('\n', stdout);

  /* Library-owned bytes go back to the library, never to free(). */
  cadre_buffer_dispose(&response);
  cadre_engine_free(engine);
  /* [screen] */

  return 0;
}
