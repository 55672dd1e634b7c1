/* A C99 host of the installed libcadre: version checks and an engine's life. */
#include <stdio.h>
#include <string.h>

#include <cadre/cadre.h>

int main(void) {
  cadre_engine *engine = NULL;
  cadre_error *err = NULL;
  int rc;

  if (cadre_version_number() != CADRE_VERSION_NUMBER) {
    fprintf(stderr, "consumer.c: header version %d, library version %d\n", CADRE_VERSION_NUMBER,
            cadre_version_number());
    return 1;
  }
  if (cadre_abi_version() != CADRE_ABI_VERSION) {
    fprintf(stderr, "consumer.c: header ABI %d, library ABI %d\n", CADRE_ABI_VERSION,
            cadre_abi_version());
    return 1;
  }
  if (strcmp(cadre_version_string(), CADRE_VERSION_STRING) != 0) {
    fprintf(stderr, "consumer.c: header version \"%s\", library version \"%s\"\n",
            CADRE_VERSION_STRING, cadre_version_string());
    return 1;
  }
  rc = cadre_engine_new(&engine, NULL, 0, CADRE_FORMAT_BINARY, &err);
  if (rc != CADRE_OK || engine == NULL) {
    fprintf(stderr, "consumer.c: cadre_engine_new: %s: %s\n", cadre_status_name(rc),
            cadre_error_message(err));
    cadre_error_free(err);
    return 1;
  }
  cadre_engine_free(engine);
  printf("consumer.c: libcadre %s, ABI %d: OK\n", cadre_version_string(), cadre_abi_version());
  return 0;
}
