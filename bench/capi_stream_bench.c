/*
 * Screens a roster file in the stream form through the C ABI only
 * (cadre_stream_new / push / finish), in 1 MiB chunks, and reports the rate
 * and the peak memory. A benchmark, not a test.
 *
 *   cadre_capi_stream_bench ROSTER.cadres [AS_OF] [REPEAT] [THREADS]
 *
 * THREADS (default 1) goes to cadre_stream_set_threads().
 * With CADRE_BENCH_LOOPS=N in the environment, each run feeds the file N times
 * over in one stream (its records again, without the magic): a roster N times
 * the size, to show that the memory does not grow with it.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cadre/cadre.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(const char *what, cadre_error *err) {
  fprintf(stderr, "%s: %s\n", what, cadre_error_message(err));
  cadre_error_free(err);
  return 1;
}

int main(int argc, char **argv) {
  const char *as_of = argc > 2 ? argv[2] : "2025-06-30";
  const int repeat = argc > 3 ? atoi(argv[3]) : 3;
  const int threads = argc > 4 ? atoi(argv[4]) : 1;
  enum { kChunk = 1 << 20 };
  static uint8_t chunk[kChunk];
  cadre_engine *engine = NULL;
  cadre_error *err = NULL;
  double best = 0;
  long long cadres = 0;
  const char *loops_env = getenv("CADRE_BENCH_LOOPS");
  const int loops = loops_env != NULL && atoi(loops_env) > 1 ? atoi(loops_env) : 1;
  int run;
  if (argc < 2) {
    fprintf(stderr, "usage: %s ROSTER.cadres [AS_OF] [REPEAT] [THREADS]\n", argv[0]);
    return 2;
  }
  if (cadre_engine_new(&engine, NULL, 0, CADRE_FORMAT_BINARY, &err) != CADRE_OK) {
    return fail("cadre_engine_new", err);
  }
  for (run = 0; run < repeat; ++run) {
    FILE *f = fopen(argv[1], "rb");
    cadre_stream *stream = NULL;
    cadre_buffer out = {NULL, 0};
    size_t n;
    double start;
    double seconds;
    if (f == NULL) {
      perror(argv[1]);
      return 1;
    }
    start = now();
    if (cadre_stream_new(&stream, engine, as_of, CADRE_FORMAT_BINARY, &err) != CADRE_OK) {
      return fail("cadre_stream_new", err);
    }
    if (cadre_stream_set_threads(stream, threads, &err) != CADRE_OK) {
      return fail("cadre_stream_set_threads", err);
    }
    {
      int loop;
      for (loop = 0; loop < loops; ++loop) {
        /* After the first pass, the records again: the magic is skipped. */
        if (fseek(f, loop == 0 ? 0L : 8L, SEEK_SET) != 0) {
          perror(argv[1]);
          return 1;
        }
        while ((n = fread(chunk, 1, kChunk, f)) > 0) {
          if (cadre_stream_push(&out, stream, chunk, n, &err) != CADRE_OK) {
            return fail("cadre_stream_push", err);
          }
          cadre_buffer_dispose(&out);
        }
      }
    }
    if (cadre_stream_finish(&out, stream, &err) != CADRE_OK) {
      return fail("cadre_stream_finish", err);
    }
    seconds = now() - start;
    cadre_buffer_dispose(&out);
    cadre_stream_free(stream);
    fclose(f);
    if (best == 0 || seconds < best) {
      best = seconds;
    }
  }
  {
    const char *size = getenv("CADRE_BENCH_CADRES");
    struct rusage ru;
    cadres = size != NULL ? atoll(size) * loops : 0;
    getrusage(RUSAGE_SELF, &ru);
    printf("capi_stream: best of %d: %.3f s", repeat, best);
    if (threads > 1) {
      printf(" on %d threads", threads);
    }
    if (cadres > 0) {
      printf(", %.0f cadres/s", (double)cadres / best);
    }
    printf(", peak RSS %ld KiB\n", ru.ru_maxrss);
  }
  cadre_engine_free(engine);
  return 0;
}
