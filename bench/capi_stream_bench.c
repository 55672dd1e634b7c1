/*
 * Screens a roster file in the stream form through the C ABI only
 * (cadre_stream_new / push / finish), in 1 MiB chunks, and reports the rate
 * and the peak memory. A benchmark, not a test.
 *
 *   cadre_capi_stream_bench ROSTER.cadres [AS_OF] [REPEAT] [THREADS]
 *
 * THREADS (default 1) goes to cadre_stream_set_threads(). THREADS given as
 * A:B (e.g. 1:2) runs the file on A threads and on B threads in turn, REPEAT
 * times each, and reports the ratio of the best times: the speed-up, measured
 * in one run. Two times are reported: the whole run (reading the file
 * included) and the time inside cadre_stream_* calls alone (the library's
 * share; the file is read by this program on the calling thread).
 * With A:B and A = 1 it also measures what the machine gives to B independent
 * streams: B threads of this program, each screening the whole file with a
 * stream of its own on one thread, at the same time. Their speed-up (B files
 * in the time they take, against one file on one thread) is the ceiling of
 * the threads' speed-up on this machine: two processors that share their
 * caches, or a host's, do not give twice one's speed to independent work.
 * The threads' speed-up is reported as a share of that ceiling too.
 * With CADRE_BENCH_LOOPS=N in the environment, each run feeds the file N times
 * over in one stream (its records again, without the magic): a roster N times
 * the size, to show that the memory does not grow with it.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
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

typedef struct {
  double whole;  /* the run, reading the file included */
  double inside; /* inside cadre_stream_* calls */
} times;

/* Screens the file once on @p threads threads; 0 on success. */
static int screen_file(const char *path, cadre_engine *engine, const char *as_of, int threads,
                       int loops, times *t) {
  enum { kChunk = 1 << 20 };
  uint8_t *chunk = NULL;
  cadre_error *err = NULL;
  cadre_stream *stream = NULL;
  cadre_buffer out = {NULL, 0};
  size_t n;
  double start;
  double mark;
  int loop;
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    perror(path);
    return 1;
  }
  chunk = malloc(kChunk); /* one per call: the ceiling runs several at once */
  if (chunk == NULL) {
    fclose(f);
    return 1;
  }
  start = now();
  t->inside = 0;
  if (cadre_stream_new(&stream, engine, as_of, CADRE_FORMAT_BINARY, &err) != CADRE_OK) {
    return fail("cadre_stream_new", err);
  }
  if (cadre_stream_set_threads(stream, threads, &err) != CADRE_OK) {
    return fail("cadre_stream_set_threads", err);
  }
  for (loop = 0; loop < loops; ++loop) {
    /* After the first pass, the records again: the magic is skipped. */
    if (fseek(f, loop == 0 ? 0L : 8L, SEEK_SET) != 0) {
      perror(path);
      return 1;
    }
    while ((n = fread(chunk, 1, kChunk, f)) > 0) {
      mark = now();
      if (cadre_stream_push(&out, stream, chunk, n, &err) != CADRE_OK) {
        return fail("cadre_stream_push", err);
      }
      cadre_buffer_dispose(&out);
      t->inside += now() - mark;
    }
  }
  mark = now();
  if (cadre_stream_finish(&out, stream, &err) != CADRE_OK) {
    return fail("cadre_stream_finish", err);
  }
  cadre_buffer_dispose(&out);
  cadre_stream_free(stream);
  t->inside += now() - mark;
  t->whole = now() - start;
  fclose(f);
  free(chunk);
  return 0;
}

/* One of the independent streams of the ceiling. */
typedef struct {
  const char *path;
  cadre_engine *engine;
  const char *as_of;
  int loops;
  int rc;
} solo;

static void *run_solo(void *arg) {
  solo *s = arg;
  times t;
  s->rc = screen_file(s->path, s->engine, s->as_of, 1, s->loops, &t);
  return NULL;
}

/* The time @p n independent one-thread streams of the file take together; < 0 on failure. */
static double independent(const char *path, cadre_engine *engine, const char *as_of, int loops,
                          int n) {
  enum { kMax = 64 };
  pthread_t threads[kMax];
  solo solos[kMax];
  double start;
  int i;
  int ok = 1;
  if (n > kMax) {
    return -1;
  }
  start = now();
  for (i = 0; i < n; ++i) {
    solos[i].path = path;
    solos[i].engine = engine;
    solos[i].as_of = as_of;
    solos[i].loops = loops;
    solos[i].rc = 1;
    if (pthread_create(&threads[i], NULL, run_solo, &solos[i]) != 0) {
      n = i;
      ok = 0;
      break;
    }
  }
  for (i = 0; i < n; ++i) {
    pthread_join(threads[i], NULL);
    ok = ok && solos[i].rc == 0;
  }
  return ok ? now() - start : -1;
}

/* Keeps in @p best the shorter of its times and those of @p t. */
static void keep_best(times *best, const times *t) {
  if (best->whole == 0 || t->whole < best->whole) {
    best->whole = t->whole;
  }
  if (best->inside == 0 || t->inside < best->inside) {
    best->inside = t->inside;
  }
}

static void report(const char *label, int repeat, int threads, const times *best,
                   long long cadres) {
  printf("%s: best of %d: %.3f s", label, repeat, best->whole);
  if (threads > 1) {
    printf(" on %d threads", threads);
  }
  if (cadres > 0) {
    printf(", %.0f cadres/s", (double)cadres / best->whole);
  }
  printf(" (%.3f s inside cadre_stream_* calls)", best->inside);
}

int main(int argc, char **argv) {
  const char *as_of = argc > 2 ? argv[2] : "2025-06-30";
  const int repeat = argc > 3 ? atoi(argv[3]) : 3;
  const char *spec = argc > 4 ? argv[4] : "1";
  const char *colon = strchr(spec, ':');
  const int threads_a = atoi(spec);
  const int threads_b = colon != NULL ? atoi(colon + 1) : 0;
  cadre_engine *engine = NULL;
  cadre_error *err = NULL;
  times best_a = {0, 0};
  times best_b = {0, 0};
  double best_ceiling = 0;
  const char *loops_env = getenv("CADRE_BENCH_LOOPS");
  const int loops = loops_env != NULL && atoi(loops_env) > 1 ? atoi(loops_env) : 1;
  const char *size = getenv("CADRE_BENCH_CADRES");
  const long long cadres = size != NULL ? atoll(size) * loops : 0;
  struct rusage ru;
  int run;
  if (argc < 2) {
    fprintf(stderr, "usage: %s ROSTER.cadres [AS_OF] [REPEAT] [THREADS|A:B]\n", argv[0]);
    return 2;
  }
  if (cadre_engine_new(&engine, NULL, 0, CADRE_FORMAT_BINARY, &err) != CADRE_OK) {
    return fail("cadre_engine_new", err);
  }
  for (run = 0; run < repeat; ++run) {
    times t;
    if (screen_file(argv[1], engine, as_of, threads_a, loops, &t) != 0) {
      return 1;
    }
    keep_best(&best_a, &t);
    if (threads_b > 0) {
      if (screen_file(argv[1], engine, as_of, threads_b, loops, &t) != 0) {
        return 1;
      }
      keep_best(&best_b, &t);
      if (threads_a == 1) {
        const double together = independent(argv[1], engine, as_of, loops, threads_b);
        if (together < 0) {
          fprintf(stderr, "the independent streams failed\n");
          return 1;
        }
        if (best_ceiling == 0 || together < best_ceiling) {
          best_ceiling = together;
        }
      }
    }
  }
  getrusage(RUSAGE_SELF, &ru);
  report("capi_stream", repeat, threads_a, &best_a, cadres);
  if (threads_b > 0) {
    printf("\n");
    report("capi_stream", repeat, threads_b, &best_b, cadres);
    printf("\ncapi_stream: speed-up of %d threads over %d: %.2fx whole, %.2fx inside the calls",
           threads_b, threads_a, best_a.whole / best_b.whole, best_a.inside / best_b.inside);
    if (best_ceiling > 0) {
      const double ceiling = threads_b * best_a.whole / best_ceiling;
      printf(
          "\ncapi_stream: %d independent one-thread streams at once: %.3f s, a ceiling of "
          "%.2fx; the threads' speed-up (whole) is %.0f %% of it",
          threads_b, best_ceiling, ceiling, 100.0 * (best_a.whole / best_b.whole) / ceiling);
    }
  }
  printf(", peak RSS %ld KiB\n", ru.ru_maxrss);
  cadre_engine_free(engine);
  return 0;
}
